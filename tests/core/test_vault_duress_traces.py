"""An examiner's look at the folder: nothing in sizes or times tells whether duress is set.

Both vaults below go through the same user actions; the one with a duress passphrase also
has it set, and its decoy is opened and written to. Afterwards each file's size, and the
order of the three files' modification and change times, must be the same in both.
Birth times too, read through statx(2) where the file system keeps them (tests/statx.py):
every file that is rewritten is a new file, so births must show the same order as well.
File times are coarse (a kernel tick): the actions are a little apart so that any
difference in order is strict, and the expected order is checked as non-decreasing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF
from tests.statx import birth_ns

from satchel.core.duress import DuressMode
from satchel.core.folder import AUX_SIZE
from satchel.core.vault import Vault
from satchel.errors import DiskFull

PASSPHRASE = "quiet harbour 1987"
NEW_PASSPHRASE = "lantern over the bay 55"
DURESS = "sunny meadow picnic"
FILES = ("vault.db", "keyslots", "aux.db")


def pause() -> None:
    time.sleep(0.05)  # past the file system's timestamp tick, so orders are strict


def look(folder: Path) -> dict[str, object]:
    """What an examiner compares: sizes, and the files in order of mtime, ctime and birth."""
    stats = {name: (folder / name).stat() for name in FILES}
    births = {name: birth_ns(folder / name) or 0 for name in FILES}
    return {
        "sizes": {name: st.st_size for name, st in stats.items()},
        "mtime order": sorted(FILES, key=lambda n: (stats[n].st_mtime_ns, FILES.index(n))),
        "ctime order": sorted(FILES, key=lambda n: (stats[n].st_ctime_ns, FILES.index(n))),
        "btime order": sorted(FILES, key=lambda n: (births[n], FILES.index(n))),
        "mtimes": [stats[n].st_mtime_ns for n in FILES],
        "ctimes": [stats[n].st_ctime_ns for n in FILES],
        "btimes": [births[n] for n in FILES],
    }


def assert_same_to_an_examiner(plain: Path, duress: Path) -> None:
    a, b = look(plain), look(duress)
    assert a["sizes"] == b["sizes"]
    # Ties in a coarse clock are allowed, a different order is not.
    for seen in (a, b):
        for kind, order in (
            ("mtimes", "mtime order"),
            ("ctimes", "ctime order"),
            ("btimes", "btime order"),
        ):
            times = dict(zip(FILES, seen[kind], strict=True))  # type: ignore[call-overload]
            ranked = [times[name] for name in a[order]]  # type: ignore[union-attr]
            assert ranked == sorted(ranked), (kind, a, b)


def write_cases(folder: Path, secret: str, *titles: str) -> None:
    with Vault.unlock(folder, secret) as vault:
        for title in titles:
            vault.cases.create(title)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    folders = (tmp_path / "plain", tmp_path / "duress")
    for folder in folders:
        vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
        vault.close()
    return folders


def test_the_folder_looks_the_same_with_and_without_duress(pair: tuple[Path, Path]) -> None:
    plain, duress = pair
    if sys.platform.startswith("linux") and birth_ns(plain / "keyslots") is None:
        pytest.skip("this file system keeps no birth times; the examiner's look needs them")
    pause()
    assert_same_to_an_examiner(plain, duress)

    # The owner works in the real vault; the second one also sets a duress passphrase.
    for folder in pair:
        write_cases(folder, PASSPHRASE, "Harlow v. Penfold")
    pause()
    # Setting duress is a change of the secrets, and looks like any other: here the plain
    # vault's owner makes a new recovery code at the same moment.
    with Vault.unlock(plain, PASSPHRASE) as vault:
        vault.regenerate_recovery_code(PASSPHRASE)
    with Vault.unlock(duress, PASSPHRASE) as vault:
        vault.set_duress(
            PASSPHRASE,
            DURESS,
            DuressMode.DECOY,
            lambda decoy: decoy.cases.create("Parking appeal of T. Quillfeather") and None,
        )
    pause()
    assert_same_to_an_examiner(plain, duress)

    # A passphrase change in both; then the decoy is opened and written to, while the
    # plain vault's owner writes to the real vault.
    for folder in pair:
        with Vault.unlock(folder, PASSPHRASE) as vault:
            vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    pause()
    assert_same_to_an_examiner(plain, duress)
    write_cases(plain, NEW_PASSPHRASE, "Estate of Miriam Ostrander")
    write_cases(duress, DURESS, "Tenancy of O. Brackwater")
    pause()
    assert_same_to_an_examiner(plain, duress)

    # And the owner's real vault again, in both.
    for folder in pair:
        write_cases(folder, NEW_PASSPHRASE, "Appeal of R. Vintner")
    pause()
    assert_same_to_an_examiner(plain, duress)

    # Sessions that only read, in the decoy and in the real vaults, leave no trace at all.
    seen = look(plain), look(duress)
    with Vault.unlock(duress, DURESS) as decoy:
        decoy.cases.list()
    for folder in pair:
        with Vault.unlock(folder, NEW_PASSPHRASE) as vault:
            vault.cases.list()
    pause()
    assert (look(plain), look(duress)) == seen

    # A normal unlock that brings the decoy up to date (weekly) looks like a session that
    # wrote, which the plain vault's owner has at the same moment.
    from datetime import date, timedelta

    from satchel.sample.decoy import keep_decoy_current

    with Vault.unlock(duress, NEW_PASSPHRASE) as vault:
        assert vault.has_editable_decoy()
        assert keep_decoy_current(vault, today=date.today() + timedelta(days=60)) > 0
    write_cases(plain, NEW_PASSPHRASE, "Lease of P. Ashdown")
    pause()
    assert_same_to_an_examiner(plain, duress)

    # Clearing duress is again a change of the secrets like any other.
    with Vault.unlock(duress, NEW_PASSPHRASE) as vault:
        vault.clear_duress(NEW_PASSPHRASE)
    with Vault.unlock(plain, NEW_PASSPHRASE) as vault:
        vault.regenerate_recovery_code(NEW_PASSPHRASE)
    pause()
    assert_same_to_an_examiner(plain, duress)


def test_a_decoy_filled_past_its_size_stays_the_size_of_filler(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        vault.set_duress(PASSPHRASE, DURESS, DuressMode.DECOY, None)
    with Vault.unlock(folder, DURESS) as decoy, pytest.raises(DiskFull):
        with decoy.bulk():
            for i in range(2000):
                decoy.cases.create(f"Parking appeal {i}", summary="y" * 4000)
    assert (folder / "aux.db").stat().st_size == AUX_SIZE
    with Vault.unlock(folder, DURESS) as decoy:
        assert decoy.cases.count() == 0  # the bulk that did not fit was rolled back
        decoy.cases.create("Parking appeal of T. Quillfeather")
    assert (folder / "aux.db").stat().st_size == AUX_SIZE
