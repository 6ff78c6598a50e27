"""The vault folder at rest: fixed shapes, no plaintext, and damage reported clearly."""

from __future__ import annotations

import os
import stat
import tempfile
import uuid
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite
from tests.kdf import FAST_KDF

from satchel.core.duress import DuressMode
from satchel.core.folder import AUX_SIZE
from satchel.core.vault import Vault
from satchel.crypto.keyslots import FILE_SIZE, HEADER_SIZE, SLOT_SIZE
from satchel.errors import VaultDamaged, WrongPassphrase

PASSPHRASE = "quiet harbour 1987"
DURESS = "sunny meadow picnic"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    vault, _code = Vault.create(tmp_path / "vault", PASSPHRASE, kdf_params=FAST_KDF)
    vault.close()
    return tmp_path / "vault"


def sizes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir())}


def files_containing(root: Path, needle: bytes) -> list[Path]:
    """Every readable regular file under `root` that contains `needle`."""
    hits = []
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            try:
                if not path.is_file() or path.stat().st_size > 256 * 1024 * 1024:
                    continue
                if needle in path.read_bytes():
                    hits.append(path)
            except OSError:
                continue  # other users' or vanished files
    return hits


def test_vault_folder_holds_exactly_its_four_files_owner_only(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == [
        "aux.db",
        "keyslots",
        "vault.db",
        "vault.lock",
    ]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("keyslots", "aux.db", "vault.db"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name


def test_keyslots_and_aux_have_one_size_with_or_without_duress_and_recovery(
    folder: Path,
) -> None:
    plain = sizes(folder)
    assert plain["keyslots"] == FILE_SIZE
    assert plain["aux.db"] == AUX_SIZE

    def decoy(vault: Vault) -> None:
        with vault.transaction():
            for n in range(20):
                vault.cases.create(title=f"Tenancy dispute {n} (fictional)")

    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.set_duress(PASSPHRASE, DURESS, DuressMode.DECOY, decoy)
        with_duress = sizes(folder)
        vault.regenerate_recovery_code(PASSPHRASE)
        after_regenerate = sizes(folder)
        vault.clear_duress(PASSPHRASE)
        cleared = sizes(folder)
    for state in (with_duress, after_regenerate, cleared):
        assert state["keyslots"] == FILE_SIZE
        assert state["aux.db"] == AUX_SIZE
        assert set(state) == set(plain)


def test_no_plaintext_reaches_the_disk_while_open_or_after_close(folder: Path) -> None:
    marker = f"Zhuravleva-{uuid.uuid4().hex}"
    needle = marker.encode()
    temp_root = Path(tempfile.gettempdir())
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        vault.connection.execute("CREATE TABLE secret_notes (body TEXT)")
        vault.connection.execute("INSERT INTO secret_notes VALUES (?)", (marker * 50,))
        with vault.transaction():
            vault.cases.create(title=marker, summary=marker)
        # A query that sorts through temp storage must stay in memory too.
        vault.connection.execute(
            "SELECT body FROM secret_notes ORDER BY body || random()"
        ).fetchall()
        assert files_containing(folder, needle) == []
        assert files_containing(temp_root, needle) == []
    finally:
        vault.close()
    assert files_containing(folder, needle) == []
    assert files_containing(temp_root, needle) == []
    assert files_containing(folder, b"SQLite format 3") == []
    # ...and the data really is in there.
    with Vault.unlock(folder, PASSPHRASE) as again:
        rows = again.connection.execute("SELECT count(*) FROM secret_notes").fetchone()
        assert rows == (1,)


@pytest.mark.parametrize("length", [0, 5, 40, HEADER_SIZE, FILE_SIZE - 1])
def test_truncated_keyslots_give_one_clear_line(folder: Path, length: int) -> None:
    path = folder / "keyslots"
    path.write_bytes(path.read_bytes()[:length])
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(folder, PASSPHRASE)
    message = str(caught.value)
    assert message.startswith("The keyslots file is damaged: ")
    assert "\n" not in message


@pytest.mark.parametrize("offset", [3, 18, 30, 50, 60, HEADER_SIZE - 5])
def test_bit_flipped_keyslots_header_is_damage(folder: Path, offset: int) -> None:
    path = folder / "keyslots"
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x04
    path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged, match="The keyslots file is damaged"):
        Vault.unlock(folder, PASSPHRASE)


def test_garbage_keyslots_are_damage(folder: Path) -> None:
    (folder / "keyslots").write_bytes(os.urandom(FILE_SIZE))
    with pytest.raises(VaultDamaged, match="signature"):
        Vault.unlock(folder, PASSPHRASE)


def test_bit_flip_inside_the_slots_reads_as_a_wrong_passphrase(folder: Path) -> None:
    # Damage inside a slot cannot be told from a slot sealed for another secret, so every
    # slot is flipped here: whichever holds the passphrase no longer opens.
    path = folder / "keyslots"
    data = bytearray(path.read_bytes())
    for slot in range(8):
        data[HEADER_SIZE + slot * SLOT_SIZE + 30] ^= 0x80
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    assert path.read_bytes() == before


@pytest.mark.parametrize("keep", [0, 100, 4096, 3 * 4096 + 17, -4096])
def test_truncated_database_is_damage_naming_vault_db(folder: Path, keep: int) -> None:
    path = folder / "vault.db"
    data = path.read_bytes()
    path.write_bytes(data[:keep])
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(folder, PASSPHRASE)
    assert "vault.db" in str(caught.value)
    assert "\n" not in str(caught.value)
    # The failed unlock released the lock and did not "repair" the file into a new vault.
    assert path.stat().st_size == len(data[:keep])


@pytest.mark.parametrize("offset", [20, 100, 2000, 4095])
def test_bit_flipped_database_head_is_damage(folder: Path, offset: int) -> None:
    path = folder / "vault.db"
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged, match=r"vault\.db"):
        Vault.unlock(folder, PASSPHRASE)


def test_bit_flip_anywhere_in_the_database_is_found_by_the_integrity_check(
    folder: Path,
) -> None:
    path = folder / "vault.db"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    try:
        with Vault.unlock(folder, PASSPHRASE) as vault:
            assert vault.check_integrity() != []
    except sqlite.DatabaseError as exc:
        # The middle page may be one that unlock itself reads (the schema, the settings):
        # its HMAC fails there, and the damage is found before any check is asked for.
        assert "malformed" in str(exc)


def test_healthy_vault_passes_the_integrity_check(folder: Path) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert vault.check_integrity() == []


def test_missing_database_is_damage_not_a_new_vault(folder: Path) -> None:
    (folder / "vault.db").unlink()
    with pytest.raises(VaultDamaged, match="missing"):
        Vault.unlock(folder, PASSPHRASE)
    assert not (folder / "vault.db").exists()


def test_unlock_restores_a_missing_aux_file(folder: Path) -> None:
    (folder / "aux.db").unlink()
    Vault.unlock(folder, PASSPHRASE).close()
    assert (folder / "aux.db").stat().st_size == AUX_SIZE


def test_unlock_erases_temp_files_left_by_an_interrupted_write(folder: Path) -> None:
    stray = folder / ".satchel-tmp-0123456789abcdef"
    stray.write_bytes((folder / "keyslots").read_bytes())
    before = {p.name for p in folder.iterdir()}
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "wrong")
    assert {p.name for p in folder.iterdir()} == before  # nothing written before a match
    Vault.unlock(folder, PASSPHRASE).close()
    assert not stray.exists()
