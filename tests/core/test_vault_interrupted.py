"""A write killed half-way: the next open leaves the folder as if it never happened."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF

from satchel.core.vault import Vault

PASSPHRASE = "quiet harbour 1987"
ROOT = Path(__file__).resolve().parents[2]

# A child that writes cases in one long transaction and never commits it.
CHILD = textwrap.dedent(
    """
    import sys
    from satchel.core.vault import Vault
    vault = Vault.unlock(sys.argv[1], sys.argv[2])
    # A small page cache spills early: the journal is synced and made hot, and pages of
    # the database itself are overwritten before the kill.
    vault.connection.execute("PRAGMA cache_size = 8")
    with vault.bulk():
        i = 0
        while True:
            vault.cases.create(f"Interrupted matter {i}", summary="x" * 2000)
            i += 1
    """
)


def kill_mid_write(folder: Path, *, hot: bool) -> None:
    """Run CHILD and SIGKILL it once it has a journal (a hot one: SQLite wrote its magic)."""
    journal = folder / "vault.db-journal"
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), PASSPHRASE],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with journal.open("rb") as head:
                    first = head.read(8)
                if first and (not hot or first[0] != 0):
                    break
            except FileNotFoundError:
                pass
            if proc.poll() is not None:
                raise AssertionError(f"the writer ended by itself: {proc.stderr.read()!r}")
            if time.monotonic() > deadline:
                raise AssertionError("the writer never made a journal")
            time.sleep(0.001)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert journal.exists()


@pytest.mark.parametrize(
    "hot",
    [
        pytest.param(False, id="before-the-journal-is-synced"),
        pytest.param(True, id="after-pages-spilled-to-the-database"),
    ],
)
def test_open_after_a_killed_write_removes_the_journal_and_keeps_the_old_state(
    tmp_path: Path, hot: bool
) -> None:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        for title in ("Harlow v. Penfold", "Estate of Miriam Ostrander"):
            vault.cases.create(title)
    before = (folder / "vault.db").stat().st_size

    kill_mid_write(folder, hot=hot)

    with Vault.unlock(folder, PASSPHRASE) as vault:
        titles = sorted(case.title for case in vault.cases.list())
        assert vault.check_integrity() == []
    assert titles == ["Estate of Miriam Ostrander", "Harlow v. Penfold"]
    assert not (folder / "vault.db-journal").exists()
    assert sorted(p.name for p in folder.iterdir()) == [
        "aux.db",
        "keyslots",
        "vault.db",
        "vault.lock",
    ]
    assert (folder / "vault.db").stat().st_size == before
