"""A write stopped by a file size limit or a full disk: said as it is, and nothing kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.core.vault import Vault

ROOT = Path(__file__).resolve().parents[2]

# `satchel doc add` in a child whose file size limit (ulimit -f) is just above vault.db.
CHILD = textwrap.dedent(
    """
    import resource, sys
    from satchel.cli.main import main
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.fixture
def vault_with_case(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        case_id = vault.cases.create("Harlow v. Penfold").id
    return folder, case_id


def folder_state(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir())}


def test_a_file_size_limit_is_named_and_the_vault_is_unchanged(
    vault_with_case: tuple[Path, str], tmp_path: Path
) -> None:
    folder, case_id = vault_with_case
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    document = tmp_path / "statement.pdf"
    document.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024))
    before = folder_state(folder)
    limit = (folder / "vault.db").stat().st_size + 256 * 1024
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}")
    argv = ["--vault", str(folder), "--passphrase-file", str(tmp_path / "pass")]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(limit), *argv, "doc", "add", case_id, str(document)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 9, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "file size limit" in done.stderr
    assert "damaged" not in done.stderr
    assert folder_state(folder) == before
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert vault.check_integrity() == []
        assert vault.documents.list(case_id=case_id) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MiB file system: a real full disk, not an injected error."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    disk = tmp_path / "disk"
    disk.mkdir()
    if mount is None or umount is None:
        pytest.skip("no mount command: cannot make a small disk")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run([umount, str(disk)], capture_output=True, check=True)


@pytest.mark.parametrize("room", [8 * 1024, 64 * 1024, 1024 * 1024])
def test_a_full_disk_during_intake_leaves_the_vault_as_it_was(
    small_disk: Path, tmp_path: Path, room: int
) -> None:
    from satchel.errors import DiskFull

    folder = small_disk / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        case_id = vault.cases.create("Harlow v. Penfold").id
    document = tmp_path / "statement.pdf"
    document.write_bytes(b"%PDF-1.4\n" + os.urandom(4 * 1024 * 1024))
    # Something else fills the disk but for `room` bytes.
    stat = os.statvfs(small_disk)
    (small_disk / "other").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - room))
    before = folder_state(folder)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        with pytest.raises(DiskFull, match="disk is full"):
            vault.documents.add(document, case_id=case_id, filename="statement.pdf")
        # Still in the session: the file is back to its size and no journal is left.
        assert folder_state(folder) == before
        assert vault.documents.list(case_id=case_id) == []


def test_a_document_larger_than_the_disk_leaves_no_grown_database_and_no_journal(
    small_disk: Path, tmp_path: Path
) -> None:
    """Defect 7: the database grew until the disk was full, then the failed intake left it
    grown and a hot journal beside it until the next read; now the failure shrinks it back."""
    from satchel.errors import DiskFull

    folder = small_disk / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        case_id = vault.cases.create("Harlow v. Penfold").id
    document = tmp_path / "exhibit.bin"
    with document.open("wb") as f:  # sparse: 64 MiB on a 6 MiB disk
        f.write(os.urandom(1024 * 1024))
        f.seek(64 * 1024 * 1024)
        f.write(b"end")
    before = folder_state(folder)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        with pytest.raises(DiskFull, match="document was not added"):
            vault.documents.add(document, case_id=case_id, filename="exhibit.bin")
        # Still in the session, before anything else reads the database.
        assert folder_state(folder) == before
    assert folder_state(folder) == before
