"""`satchel lock`, `satchel duress` and `satchel wipe` as a lawyer at a border would use them."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, Cli, snapshot

from satchel.core.vault import Vault
from satchel.errors import WrongPassphrase
from satchel.gui.lock.control_server import ControlServer

DURESS = "nothing to see here today"


def test_lock_reaches_the_running_client(qtbot, initialised: Cli, monkeypatch, tmp_path: Path):
    server = ControlServer()
    server.is_unlocked = lambda: False  # nothing to lock: the client says so
    assert server.listen()
    results = []
    with qtbot.waitSignal(server.lock_requested, timeout=5000):
        t = threading.Thread(target=lambda: results.append(initialised("lock", passphrase=None)))
        t.start()
    qtbot.waitUntil(lambda: not t.is_alive(), timeout=5000)
    assert results[0].code == 0
    assert results[0].out.splitlines()[-1] == "Nothing was unlocked."
    server.close()


def test_lock_reaches_a_client_whose_runtime_folder_is_too_deep_for_a_socket(
    qtbot, initialised: Cli, monkeypatch, tmp_path: Path
):
    # A socket's path must fit in 108 bytes (104 on macOS): under a runtime folder this deep
    # a client could not listen, and nothing could lock it from outside.
    deep = tmp_path / ("run" * 30)
    deep.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    short = Path(tempfile.mkdtemp(prefix="t", dir="/tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(short))
    server = ControlServer()
    server.is_unlocked = lambda: False
    try:
        assert server.listen()
        assert server.path is not None and server.path.is_relative_to(short)
        assert len(os.fsencode(server.path)) < 104
        results = []
        with qtbot.waitSignal(server.lock_requested, timeout=5000):
            t = threading.Thread(
                target=lambda: results.append(initialised("lock", passphrase=None))
            )
            t.start()
        qtbot.waitUntil(lambda: not t.is_alive(), timeout=5000)
        assert results[0].code == 0
        assert results[0].out.splitlines()[-1] == "Nothing was unlocked."
    finally:
        server.close()
        shutil.rmtree(short, ignore_errors=True)


def test_lock_without_a_running_client_is_one_line(initialised: Cli, monkeypatch, tmp_path):
    r = initialised("lock", passphrase=None)
    assert r.code == 1
    assert r.err_lines == ["satchel: No running Satchel window to lock (nothing is unlocked here)"]


def test_duress_set_opens_a_decoy_and_keeps_the_real_vault(
    initialised: Cli, vault_dir: Path, tmp_path: Path
):
    before = {p.name: p.stat().st_size for p in vault_dir.iterdir() if p.is_file()}
    r = initialised("duress", "set", stdin=f"{PASSPHRASE}\n{DURESS}\n", passphrase=Path("-"))
    assert r.code == 0, r.err
    after = {p.name: p.stat().st_size for p in vault_dir.iterdir() if p.is_file()}
    assert after["keyslots"] == before["keyslots"]
    assert after["aux.db"] == before["aux.db"]
    status = initialised("duress", "status")
    assert status.out.strip() == "A duress passphrase is set."
    with Vault.unlock(vault_dir, DURESS) as decoy:
        titles = [c.title for c in decoy.cases.list()]
    assert titles, "the decoy vault should hold plausible content"
    with Vault.unlock(vault_dir, PASSPHRASE) as real:
        assert [c.title for c in real.cases.list()] != titles


def test_duress_wipe_mode_destroys_the_real_vault(initialised: Cli, vault_dir: Path):
    r = initialised(
        "duress", "set", "--mode", "wipe", stdin=f"{PASSPHRASE}\n{DURESS}\n", passphrase=Path("-")
    )
    assert r.code == 0, r.err
    with Vault.unlock(vault_dir, DURESS):
        pass
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)


def test_duress_clear_removes_it(initialised: Cli, vault_dir: Path):
    initialised("duress", "set", stdin=f"{PASSPHRASE}\n{DURESS}\n", passphrase=Path("-"))
    assert initialised("duress", "clear").code == 0
    assert initialised("duress", "status").out.strip() == "No duress passphrase."
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, DURESS)


def test_duress_equal_to_the_real_passphrase_is_refused(initialised: Cli, vault_dir: Path):
    before = snapshot(vault_dir)
    r = initialised("duress", "set", stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n", passphrase=Path("-"))
    assert r.code == 8
    assert len(r.err_lines) == 1
    assert snapshot(vault_dir) == before


def test_wipe_needs_confirmation_in_scripts(initialised: Cli, vault_dir: Path):
    before = snapshot(vault_dir)
    r = initialised("wipe", passphrase=None)
    assert r.code == 8
    assert r.err_lines == ["satchel: Refusing to wipe without confirmation; add --yes in scripts"]
    assert snapshot(vault_dir) == before


def test_wipe_crypto_erases(initialised: Cli, vault_dir: Path, monkeypatch, tmp_path):
    r = initialised("wipe", "--yes", passphrase=None)
    assert r.code == 0, r.err
    assert not (vault_dir / "keyslots").exists()
    assert initialised("case", "list").code != 0
