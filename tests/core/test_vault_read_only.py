"""A vault on read-only media (a write-protected stick, a read-only mount) opens for reading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF
from tests.readonly_mount import read_only_view

from satchel.core.duress import DuressMode
from satchel.core.vault import Vault
from satchel.errors import ReadOnlyMedia

PASSPHRASE = "quiet harbour 1987"
DURESS = "sunny meadow picnic"


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    """A vault with two cases and a decoy, seen through a read-only mount."""
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        vault.cases.create("Harlow v. Penfold")
        vault.cases.create("Estate of Miriam Ostrander")
        vault.set_duress(
            PASSPHRASE,
            DURESS,
            DuressMode.WIPE,
            lambda decoy: decoy.cases.create("Parking appeal of T. Quillfeather") and None,
        )
    (folder / "vault.lock").unlink()  # copied onto a stick, the lock file need not come
    with read_only_view(folder, tmp_path / "stick") as view:
        yield view


def test_a_read_only_vault_lists_and_refuses_every_change_clearly(stick: Path) -> None:
    before = {p.name: p.read_bytes() for p in stick.iterdir()}
    with Vault.unlock(stick, PASSPHRASE) as vault:
        assert vault.read_only
        titles = sorted(case.title for case in vault.cases.list())
        assert titles == ["Estate of Miriam Ostrander", "Harlow v. Penfold"]
        assert vault.search.search("Penfold")  # reading paths work
        with pytest.raises(ReadOnlyMedia, match="read-only media; nothing can be changed"):
            vault.cases.create("Never written")
        with pytest.raises(ReadOnlyMedia):
            vault.change_passphrase(PASSPHRASE, "another long passphrase 42")
        assert sorted(case.title for case in vault.cases.list()) == titles
    assert {p.name: p.read_bytes() for p in stick.iterdir()} == before


def test_duress_on_read_only_media_opens_the_decoy_and_erases_nothing(stick: Path) -> None:
    before = {p.name: p.read_bytes() for p in stick.iterdir()}
    with Vault.unlock(stick, DURESS) as decoy:
        assert [case.title for case in decoy.cases.list()] == ["Parking appeal of T. Quillfeather"]
    assert {p.name: p.read_bytes() for p in stick.iterdir()} == before
