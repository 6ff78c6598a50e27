"""Duress passphrase (decoy or wipe-then-decoy) and the panic wipe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.kdf import FAST_KDF

from satchel.core import atomic, duress, slots
from satchel.core.duress import DuressMode
from satchel.core.erase import wipe_vault
from satchel.core.folder import AUX_SIZE
from satchel.core.vault import Vault
from satchel.crypto.keyslots import FILE_SIZE, Keyslots, SlotRole
from satchel.errors import (
    InvalidInput,
    SatchelError,
    VaultDamaged,
    VaultNotFound,
    WrongPassphrase,
)

PASSPHRASE = "north wind 1453 tea"
DURESS = "blue kettle on the stove"
REAL_CASE = "Extradition of A. Karimova (fictional)"
DECOY_CASE = "Lease renewal for a bakery (fictional)"


def fill_decoy(vault: Vault) -> None:
    with vault.transaction():
        vault.cases.create(title=DECOY_CASE)


def case_titles(vault: Vault) -> list[str]:
    return sorted(c.title for c in vault.cases.list())


@pytest.fixture
def vault_folder(tmp_path: Path) -> tuple[Path, str]:
    """A closed vault with one real case; returns its folder and recovery code."""
    vault, code = Vault.create(tmp_path / "vault", PASSPHRASE, kdf_params=FAST_KDF)
    with vault.transaction():
        vault.cases.create(title=REAL_CASE)
    vault.close()
    return tmp_path / "vault", code


def set_duress(folder: Path, mode: DuressMode) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.set_duress(PASSPHRASE, DURESS, mode, fill_decoy)


def test_duress_passphrase_opens_the_decoy_which_looks_like_a_vault(vault_folder) -> None:
    folder, _code = vault_folder
    set_duress(folder, DuressMode.DECOY)

    with Vault.unlock(folder, DURESS) as decoy:
        assert case_titles(decoy) == [DECOY_CASE]
        assert decoy.path == folder
        decoy_id = decoy.vault_id
        assert decoy.has_duress(DURESS) is False
    with Vault.unlock(folder, PASSPHRASE) as real:
        assert case_titles(real) == [REAL_CASE]
        assert real.vault_id == decoy_id
        assert real.has_duress(PASSPHRASE) is True


def test_decoy_mode_leaves_the_real_vault_intact(vault_folder) -> None:
    folder, code = vault_folder
    set_duress(folder, DuressMode.DECOY)
    Vault.unlock(folder, DURESS).close()
    Vault.unlock(folder, DURESS).close()
    with Vault.unlock(folder, code) as real:
        assert case_titles(real) == [REAL_CASE]


def test_without_a_filler_the_decoy_is_an_empty_vault(vault_folder) -> None:
    folder, _code = vault_folder
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.set_duress(PASSPHRASE, DURESS, DuressMode.DECOY, None)
    with Vault.unlock(folder, DURESS) as decoy:
        assert case_titles(decoy) == []


def test_duress_wipe_destroys_the_real_vault_and_opens_the_decoy(vault_folder) -> None:
    folder, code = vault_folder
    set_duress(folder, DuressMode.WIPE)
    real_db = (folder / "vault.db").read_bytes()

    with Vault.unlock(folder, DURESS) as decoy:
        assert case_titles(decoy) == [DECOY_CASE]
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, code)
    # Afterwards the folder is an ordinary vault of the usual shape, opened by the duress
    # passphrase, with nothing left of the real database.
    assert sorted(p.name for p in folder.iterdir()) == [
        "aux.db",
        "keyslots",
        "vault.db",
        "vault.lock",
    ]
    assert (folder / "keyslots").stat().st_size == FILE_SIZE
    assert (folder / "aux.db").stat().st_size == AUX_SIZE
    assert (folder / "vault.db").read_bytes() != real_db
    with Vault.unlock(folder, DURESS) as again:
        assert case_titles(again) == [DECOY_CASE]
        assert again.has_duress(DURESS) is False
        again.change_passphrase(DURESS, "the decoy's new passphrase")
    Vault.unlock(folder, "the decoy's new passphrase").close()


def test_interrupted_duress_wipe_is_finished_by_the_next_unlock(
    vault_folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, code = vault_folder
    set_duress(folder, DuressMode.WIPE)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # power cut after the decoy moved into place

    with monkeypatch.context() as patch:
        patch.setattr(duress, "finish_erase", crash)
        with pytest.raises(KeyboardInterrupt):
            Vault.unlock(folder, DURESS)
    assert not (folder / "aux.db").exists()
    with Vault.unlock(folder, DURESS) as decoy:
        assert case_titles(decoy) == [DECOY_CASE]
    assert (folder / "aux.db").stat().st_size == AUX_SIZE
    for secret in (PASSPHRASE, code):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, secret)


def test_cleared_duress_passphrase_opens_nothing(vault_folder) -> None:
    folder, _code = vault_folder
    set_duress(folder, DuressMode.DECOY)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.clear_duress(PASSPHRASE)
        assert vault.has_duress(PASSPHRASE) is False
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, DURESS)
    assert (folder / "aux.db").stat().st_size == AUX_SIZE


def test_duress_can_be_replaced_and_switched_to_wipe(vault_folder) -> None:
    folder, _code = vault_folder
    set_duress(folder, DuressMode.DECOY)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.set_duress(PASSPHRASE, "second duress words", DuressMode.WIPE, fill_decoy)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, DURESS)
    Vault.unlock(folder, "second duress words").close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)


def test_duress_passphrase_must_differ_from_the_passphrase(vault_folder) -> None:
    folder, _code = vault_folder
    with Vault.unlock(folder, PASSPHRASE) as vault:
        with pytest.raises(InvalidInput):
            vault.set_duress(PASSPHRASE, PASSPHRASE, DuressMode.DECOY, fill_decoy)
        assert vault.has_duress(PASSPHRASE) is False
    assert (folder / "aux.db").stat().st_size == AUX_SIZE


def test_duress_settings_need_the_real_passphrase(vault_folder) -> None:
    folder, code = vault_folder
    with Vault.unlock(folder, PASSPHRASE) as vault:
        for wrong in ("a guess", code):
            with pytest.raises(WrongPassphrase):
                vault.set_duress(wrong, DURESS, DuressMode.DECOY, fill_decoy)
            with pytest.raises(WrongPassphrase):
                vault.has_duress(wrong)
    set_duress(folder, DuressMode.DECOY)
    with Vault.unlock(folder, DURESS) as decoy:
        # The decoy cannot see the real slots, so it must not rewrite them.
        with pytest.raises(SatchelError):
            decoy.set_duress(DURESS, "other", DuressMode.DECOY, None)
        with pytest.raises(WrongPassphrase):
            decoy.has_duress(PASSPHRASE)
    with Vault.unlock(folder, PASSPHRASE) as real:
        assert case_titles(real) == [REAL_CASE]


def test_passphrase_reset_with_the_recovery_code_removes_the_duress_slot(vault_folder) -> None:
    folder, code = vault_folder
    set_duress(folder, DuressMode.WIPE)
    with Vault.unlock(folder, code) as vault:
        vault.change_passphrase(code, "after the reset")
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, DURESS)
    with Vault.unlock(folder, "after the reset") as real:
        assert case_titles(real) == [REAL_CASE]
        assert real.has_duress("after the reset") is False


def test_wipe_leaves_nothing_that_opens(vault_folder, tmp_path: Path) -> None:
    folder, code = vault_folder
    set_duress(folder, DuressMode.DECOY)
    keep = tmp_path / "before-wipe"
    shutil.copytree(folder, keep)

    wipe_vault(folder)
    assert not folder.exists()
    for secret in (PASSPHRASE, code, DURESS):
        with pytest.raises(VaultNotFound):
            Vault.unlock(folder, secret)
    with pytest.raises(VaultNotFound):
        wipe_vault(folder)
    # Old copies of the databases (say, disk blocks) hold no recognisable plaintext, and
    # without the keyslots nothing opens them.
    for name in ("vault.db", "aux.db"):
        data = (keep / name).read_bytes()
        assert b"Karimova" not in data
        assert b"bakery" not in data
        assert b"SQLite format 3" not in data


def test_wipe_overwrites_the_keyslots_in_place_before_removing_them(vault_folder) -> None:
    folder, _code = vault_folder
    original = (folder / "keyslots").read_bytes()
    # A handle opened before the wipe still sees the same disk blocks after the unlink.
    with open(folder / "keyslots", "rb") as old_blocks:
        wipe_vault(folder)
        remains = old_blocks.read()
    assert len(remains) == len(original)
    assert remains != original
    assert remains[:16] != b"SATCHEL-KEYSLOTS"


def act_as_a_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the vault's writes honour file modes the way the kernel does for a non-root user.

    The test suite may run as root, which ignores them.
    """
    if getattr(os, "geteuid", lambda: -1)() != 0:
        return
    real_overwrite, real_open = atomic._overwrite, os.open

    def overwrite(path: Path, *, whole: bool = False) -> None:
        if not path.stat().st_mode & 0o200:
            raise PermissionError(13, "Permission denied", str(path))
        real_overwrite(path, whole=whole)

    def open_(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR)
        if writing and os.path.exists(path) and not os.stat(path).st_mode & 0o200:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(atomic, "_overwrite", overwrite)
    monkeypatch.setattr(os, "open", open_)


def test_read_only_keyslots_are_still_rewritten_and_erased_by_a_duress_wipe(
    vault_folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _code = vault_folder
    set_duress(folder, DuressMode.WIPE)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        (folder / "keyslots").chmod(0o400)
        act_as_a_user(monkeypatch)
        vault.change_passphrase(PASSPHRASE, "after the restore")
    (folder / "keyslots").chmod(0o400)
    with open(folder / "keyslots", "rb") as old_blocks:
        Vault.unlock(folder, DURESS).close()
        remains = old_blocks.read()
    assert remains[:16] != b"SATCHEL-KEYSLOTS"
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "after the restore")


def test_wipe_overwrites_read_only_keyslots_too(
    vault_folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A keyslots file restored read-only (0400, or Windows' read-only flag) cannot be
    # opened for writing, but its folder still lets it be removed: the wipe used to skip
    # the overwrite, remove the file and report success, leaving the master key on disk.
    folder, _code = vault_folder
    keyslots = folder / "keyslots"
    keyslots.chmod(0o400)
    act_as_a_user(monkeypatch)
    with open(keyslots, "rb") as old_blocks:
        wipe_vault(folder)
        remains = old_blocks.read()
    assert remains[:16] != b"SATCHEL-KEYSLOTS"


def test_panic_wipe_works_on_an_open_vault(vault_folder) -> None:
    folder, code = vault_folder
    other = Vault.unlock(folder, PASSPHRASE)
    wipe_vault(folder)  # e.g. from a second window: a panic wipe is never refused
    other.close()
    with pytest.raises(VaultNotFound):
        Vault.unlock(folder, code)


def test_vault_wipe_closes_then_erases(vault_folder) -> None:
    folder, _code = vault_folder
    vault = Vault.unlock(folder, PASSPHRASE)
    vault.wipe()
    assert vault.closed
    assert not folder.exists()


def test_wipe_keeps_files_satchel_did_not_write(vault_folder) -> None:
    folder, _code = vault_folder
    (folder / "notes-of-the-user.txt").write_text("not ours")
    wipe_vault(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["notes-of-the-user.txt"]


def test_the_shipped_decoy_content_fits_the_fixed_aux_size(vault_folder) -> None:
    from satchel.sample.decoy import fill_decoy as shipped_decoy

    folder, _code = vault_folder
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.set_duress(PASSPHRASE, DURESS, DuressMode.DECOY, shipped_decoy)
    assert (folder / "aux.db").stat().st_size == AUX_SIZE
    with Vault.unlock(folder, DURESS) as decoy:
        assert decoy.cases.count() > 0
        assert REAL_CASE not in case_titles(decoy)


def test_decoy_passphrase_with_aux_missing_never_erases_the_real_vault(vault_folder) -> None:
    # A decoy slot without aux.db was read as "an interrupted duress wipe": the real
    # vault's slots were thrown away although decoy mode promises to leave it intact.
    # aux.db can go missing without any wipe (a backup or sync tool that skipped it).
    folder, code = vault_folder
    set_duress(folder, DuressMode.DECOY)
    (folder / "aux.db").unlink()

    with pytest.raises(SatchelError):
        Vault.unlock(folder, DURESS)
    for secret in (PASSPHRASE, code):
        with Vault.unlock(folder, secret) as real:
            assert case_titles(real) == [REAL_CASE]


def test_duress_wipe_leaves_no_keyslots_behind_that_show_a_wipe_happened(
    vault_folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Midway through the wipe the keyslots hold the duress slot marked as a decoy. Renamed
    # away without being overwritten, that file stays in free disk blocks, and whoever
    # was given the duress passphrase can read the mark: proof that a wipe took place.
    folder, _code = vault_folder
    set_duress(folder, DuressMode.WIPE)
    replaced: list[int] = []
    real_finish = duress.finish_erase

    def keep_a_view_of_the_replaced_file(*args: Any) -> None:
        replaced.append(os.open(folder / "keyslots", os.O_RDONLY))
        real_finish(*args)

    monkeypatch.setattr(duress, "finish_erase", keep_a_view_of_the_replaced_file)
    Vault.unlock(folder, DURESS).close()
    try:
        leftover = os.pread(replaced[0], 4096, 0)
    finally:
        os.close(replaced[0])
    try:
        old_file = Keyslots.parse(leftover)
    except VaultDamaged:
        return
    with slots.kek_for(old_file, DURESS) as kek:
        opened = old_file.open(kek)
    if opened is not None:
        opened.content.key.wipe()
        assert opened.content.role is SlotRole.NORMAL
