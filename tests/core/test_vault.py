"""Creating, unlocking and closing a vault; passphrase, recovery code, the instance lock."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF

from satchel.core import paths, schema, slots
from satchel.core.folder import KEYSLOTS_NAME
from satchel.core.lockfile import VaultLock
from satchel.core.vault import Vault
from satchel.crypto.keyslots import Keyslots
from satchel.errors import (
    DiskFull,
    InvalidInput,
    VaultDamaged,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)

PASSPHRASE = "river stone lantern 42"


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created(folder: Path) -> str:
    """A closed vault at `folder`; returns its recovery code."""
    vault, code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    vault.close()
    return code


def test_new_vault_opens_with_its_passphrase(folder: Path) -> None:
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    vault_id = vault.vault_id
    vault.connection.execute("CREATE TABLE marker (text TEXT)")
    vault.connection.execute("INSERT INTO marker VALUES ('kept')")
    vault.close()

    again = Vault.unlock(folder, PASSPHRASE)
    try:
        assert again.vault_id == vault_id
        assert again.path == folder
        assert again.connection.execute("SELECT text FROM marker").fetchall() == [("kept",)]
        assert schema.current_version(again.connection) == schema.LATEST_VERSION
    finally:
        again.close()


def test_recovery_code_opens_the_vault_however_it_is_typed(folder: Path, created: str) -> None:
    messy = "  " + created.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    vault = Vault.unlock(folder, messy)
    vault.close()


def test_recovery_code_is_not_stored_anywhere_in_the_vault(folder: Path, created: str) -> None:
    for name, data in ((p.name, p.read_bytes()) for p in folder.iterdir()):
        assert created.encode() not in data, name
        assert created.replace("-", "").encode() not in data, name


def test_wrong_passphrase_leaves_files_unchanged(folder: Path, created: str) -> None:
    before = file_hashes(folder)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(folder, "river stone lantern 43")
    assert file_hashes(folder) == before
    assert "\n" not in str(caught.value)
    # A wrong recovery-code-shaped secret is refused the same way.
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "0000-0000-0000-0000-0000-0000-0000-0000")
    assert file_hashes(folder) == before


def test_wrong_passphrase_leaves_the_vault_unlockable(folder: Path, created: str) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "nope")
    Vault.unlock(folder, PASSPHRASE).close()


def test_creating_over_an_existing_vault_is_refused(folder: Path, created: str) -> None:
    before = file_hashes(folder)
    with pytest.raises(VaultExists):
        Vault.create(folder, "another passphrase", kdf_params=FAST_KDF)
    assert file_hashes(folder) == before


def test_missing_vault_is_reported(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path / "nowhere", PASSPHRASE)
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path / "empty", PASSPHRASE)


@pytest.mark.parametrize("bad", ["", "   ", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"])
def test_empty_or_code_shaped_passphrase_is_refused(folder: Path, bad: str) -> None:
    with pytest.raises(InvalidInput):
        Vault.create(folder, bad, kdf_params=FAST_KDF)
    assert not (folder / KEYSLOTS_NAME).exists()


def test_change_passphrase_rewraps_without_touching_the_database(
    folder: Path, created: str
) -> None:
    db_before = (folder / "vault.db").read_bytes()
    vault = Vault.unlock(folder, PASSPHRASE)
    vault.change_passphrase(PASSPHRASE, "new words for a new day")
    vault.close()
    # Rollback-journal mode: the database file is the whole database, and a rewrap never
    # writes to it (there is no -wal file that could hold changes instead).
    assert (folder / "vault.db").read_bytes() == db_before
    assert not (folder / "vault.db-wal").exists()

    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    Vault.unlock(folder, "new words for a new day").close()
    Vault.unlock(folder, created).close()  # the recovery code is untouched


def test_change_passphrase_with_a_wrong_current_one_changes_nothing(
    folder: Path, created: str
) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    before = file_hashes(folder)
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not it", "something else")
    assert file_hashes(folder) == before
    vault.close()


def test_forgotten_passphrase_is_reset_with_the_recovery_code(folder: Path, created: str) -> None:
    vault = Vault.unlock(folder, created)
    vault.change_passphrase(created, "a fresh start")
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    Vault.unlock(folder, "a fresh start").close()
    Vault.unlock(folder, created).close()


def test_regenerated_recovery_code_replaces_the_old_one(folder: Path, created: str) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    new_code = vault.regenerate_recovery_code(PASSPHRASE)
    vault.close()
    assert new_code != created
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, created)
    Vault.unlock(folder, new_code).close()
    Vault.unlock(folder, PASSPHRASE).close()


def test_regenerating_the_recovery_code_needs_the_passphrase(folder: Path, created: str) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        with pytest.raises(WrongPassphrase):
            vault.regenerate_recovery_code(created)
        with pytest.raises(WrongPassphrase):
            vault.regenerate_recovery_code("guess")
    finally:
        vault.close()
    Vault.unlock(folder, created).close()


def test_second_unlock_in_the_same_process_is_refused(folder: Path, created: str) -> None:
    first = Vault.unlock(folder, PASSPHRASE)
    try:
        with pytest.raises(VaultInUse, match="already open"):
            Vault.unlock(folder, PASSPHRASE)
    finally:
        first.close()
    Vault.unlock(folder, PASSPHRASE).close()


def test_second_process_is_refused_while_the_vault_is_open(folder: Path, created: str) -> None:
    script = textwrap.dedent(
        """
        import sys
        from satchel.core.vault import Vault
        from satchel.errors import VaultInUse
        try:
            Vault.unlock(sys.argv[1], sys.argv[2]).close()
        except VaultInUse as exc:
            print(exc)
            sys.exit(4)
        """
    )
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        result = subprocess.run(
            [sys.executable, "-c", script, str(folder), PASSPHRASE],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        vault.close()
    assert result.returncode == 4, result.stderr
    assert "already open" in result.stdout
    after = subprocess.run([sys.executable, "-c", script, str(folder), PASSPHRASE], timeout=60)
    assert after.returncode == 0


def test_close_wipes_the_key_closes_the_database_and_locks_the_stores(
    folder: Path, created: str
) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)
    key = vault._key
    connection = vault.connection
    assert not key.wiped
    vault.close()
    vault.close()  # idempotent
    assert vault.closed
    assert key.wiped
    with pytest.raises(Exception, match="closed"):
        connection.execute("SELECT 1")
    with pytest.raises(VaultLocked):
        _ = vault.cases
    with pytest.raises(VaultLocked):
        _ = vault.connection


def test_stores_are_reachable_from_the_vault_and_stamp_its_id(folder: Path, created: str) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert vault.cases is vault.db.cases
        for name in ("people", "roles", "events", "notes", "colleagues", "audit", "settings"):
            assert getattr(vault, name) is getattr(vault.db, name)
        with vault.transaction():
            case = vault.cases.create(title="Extradition review (fictional)")
        assert case.origin_vault == vault.vault_id


def test_pending_migration_backs_up_the_database_first(
    folder: Path, created: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_before = (folder / "vault.db").read_bytes()
    shipped = schema.migrations()
    extra = schema.Migration(
        len(shipped) + 1, "9999_test.sql", "CREATE TABLE test_added (x INTEGER);"
    )
    monkeypatch.setattr(schema, "migrations", lambda: [*shipped, extra])
    monkeypatch.setattr(schema, "LATEST_VERSION", extra.version)

    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert schema.current_version(vault.connection) == extra.version
        vault.connection.execute("SELECT x FROM test_added").fetchall()
    backup = folder / f"vault.db.bak-v{len(shipped)}"
    assert backup.read_bytes() == db_before  # the old version, still encrypted
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    # The decoy slot is backed up alongside so the file set never tells which was opened.
    assert (folder / f"aux.db.bak-v{len(shipped)}").exists()


def test_full_disk_while_changing_passphrase_keeps_the_old_one(
    folder: Path, created: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.unlock(folder, PASSPHRASE)

    def no_space(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)
    try:
        with pytest.raises(DiskFull):
            vault.change_passphrase(PASSPHRASE, "never written")
    finally:
        monkeypatch.undo()
        vault.close()
    assert sorted(p.name for p in folder.iterdir()) == [
        "aux.db",
        "keyslots",
        "vault.db",
        "vault.lock",
    ]
    Vault.unlock(folder, PASSPHRASE).close()


def test_default_vault_folder_is_in_the_user_data_dir_unless_overridden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(paths.VAULT_ENV, raising=False)
    default = paths.default_vault_dir()
    assert default.name == "vault"
    assert default.parent.name == "Satchel"
    assert default.is_relative_to(os.environ["XDG_DATA_HOME"])

    monkeypatch.setenv(paths.VAULT_ENV, str(tmp_path / "elsewhere"))
    assert paths.default_vault_dir() == tmp_path / "elsewhere"
    assert paths.resolve_vault_path(None) == tmp_path / "elsewhere"
    assert paths.resolve_vault_path(str(tmp_path / "cli")) == tmp_path / "cli"


def test_full_disk_during_create_leaves_nothing_behind(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", no_space)
        with pytest.raises(DiskFull):
            Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    assert not folder.exists()
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    vault.close()


def test_create_racing_another_create_never_destroys_the_vault_it_made(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process creates a vault in the same folder between our "is it empty?" check
    # and our taking the lock; our create must then refuse, not clean "its" files away.
    real_acquire = VaultLock.acquire

    def other_process_wins(path: Path) -> VaultLock:
        monkeypatch.setattr(VaultLock, "acquire", real_acquire)
        other, _code = Vault.create(path, "the other process", kdf_params=FAST_KDF)
        other.close()
        return real_acquire(path)

    monkeypatch.setattr(VaultLock, "acquire", staticmethod(other_process_wins))
    with pytest.raises(VaultExists):
        Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    Vault.unlock(folder, "the other process").close()


@pytest.mark.parametrize("change", ["passphrase", "recovery"])
def test_rewriting_the_keyslots_erases_the_replaced_file(folder: Path, change: str) -> None:
    # Renaming a new keyslots file over the old one leaves the old bytes in free disk
    # blocks, where the old passphrase (the one being changed because it leaked) or the
    # old recovery code still unwraps the master key. An open descriptor stands in for
    # those blocks: it keeps the replaced file's contents reachable.
    vault, code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    fd = os.open(folder / KEYSLOTS_NAME, os.O_RDONLY)
    try:
        if change == "passphrase":
            vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
            old_secret = PASSPHRASE
        else:
            vault.regenerate_recovery_code(PASSPHRASE)
            old_secret = code
        vault.close()
        old_bytes = os.pread(fd, 4096, 0)
    finally:
        os.close(fd)
    assert b"SATCHEL-KEYSLOTS" not in old_bytes
    try:
        old_file = Keyslots.parse(old_bytes)
    except VaultDamaged:
        return
    with slots.kek_for(old_file, old_secret) as kek:
        assert old_file.open(kek) is None
