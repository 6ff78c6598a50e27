"""Duress: its modes, padding the decoy to the size of aux.db, and the duress-wipe steps.

Nobody can tell from the files whether a duress passphrase or decoy exists: aux.db is
either random bytes or a database that looks like random bytes, of one fixed size. Each
step of a wipe is safe to interrupt; nothing here leaves a trace that a wipe happened.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from satchel.core.atomic import (
    copy_atomically,
    disk_errors,
    fsync_dir,
    overwrite_and_unlink,
    replace_erasing_old,
    replace_then_erase_old,
    write_random_file,
)
from satchel.core.folder import (
    AUX_NAME,
    AUX_SIZE,
    DB_NAME,
    KEYSLOTS_NAME,
    PAGE_SIZE,
    database_files,
)
from satchel.crypto.keyslots import Keyslots, OpenedSlot, SlotContent, SlotKind, SlotMap, SlotRole
from satchel.crypto.secret import SecretBytes
from satchel.errors import DiskFull

__all__ = [
    "DECOY_SETTING",
    "ROLE_FOR_MODE",
    "DuressMode",
    "after_session",
    "decoy_key",
    "erase_behind_decoy",
    "finish_erase",
    "pad_database",
    "renew_aux",
]


class DuressMode(StrEnum):
    """What the duress passphrase does."""

    DECOY = "decoy"
    """Open the decoy vault; the real one stays intact."""
    WIPE = "wipe"
    """Crypto-erase the real vault first, then open the decoy (which then is the vault)."""


DECOY_SETTING = "duress.decoy"
"""In the real vault's settings (never in the decoy): the salt its decoy's key comes from."""

_DECOY_INFO = b"satchel duress decoy key v1"


def decoy_key(master_key: SecretBytes, salt: bytes) -> SecretBytes:
    """The decoy's database key, derived from the real vault's master key and a salt.

    The real vault can always open its decoy (to let its owner look at it, edit it and keep
    it current) without keeping a second key; whoever opens only the decoy (with the duress
    passphrase) learns nothing of the master key (HKDF is one-way). A new salt at each
    `set_duress` gives each new decoy a key of its own.
    """
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_DECOY_INFO)
    out = SecretBytes(32)
    derive_into = getattr(hkdf, "derive_into", None)
    if derive_into is not None:
        derive_into(master_key.view(), out.writable())
    else:
        out.writable()[:] = hkdf.derive(master_key.view())
    return out


ROLE_FOR_MODE = {DuressMode.DECOY: SlotRole.DURESS_DECOY, DuressMode.WIPE: SlotRole.DURESS_WIPE}


def pad_database(conn: sqlite.Connection, pages: int) -> None:
    """Grow the database to exactly `pages` pages, then free the padding.

    Freed pages stay in the file (no auto-vacuum) and are zeroed inside the encryption by
    secure_delete, so the decoy has the same size as filler and leaks nothing.
    """
    count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    if count > pages:
        raise RuntimeError(f"the decoy content needs {count} pages, more than {pages}")
    conn.execute(f"PRAGMA max_page_count = {int(pages)}")
    conn.execute("CREATE TABLE satchel_padding (fill BLOB NOT NULL)")
    chunk = PAGE_SIZE * 64
    try:
        while count < pages and chunk >= 1:
            try:
                conn.execute("INSERT INTO satchel_padding (fill) VALUES (zeroblob(?))", (chunk,))
            except sqlite.OperationalError as exc:
                if "full" not in str(exc).lower():
                    raise
                # Hit the page limit: try a smaller piece to fill the last pages exactly.
                chunk //= 2
            count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.execute("DROP TABLE satchel_padding")
    if count != pages:
        raise RuntimeError(f"could not pad the decoy to {pages} pages (reached {count})")


def erase_behind_decoy(
    folder: Path, keyslots: Keyslots, opened: OpenedSlot, kek: SecretBytes
) -> None:
    """Duress wipe: crypto-erase the real vault and make the decoy the vault.

    Steps, each safe to interrupt:
    1. keyslots := only the duress slot, now a plain decoy slot; the old file is first
       overwritten in place. From here the real master key exists nowhere on disk.
    2. vault.db and its journal and backups are overwritten at the head and removed.
    3. aux.db (the decoy) is renamed to vault.db.
    4. the slot becomes a normal passphrase slot and aux.db becomes fresh filler.
    After this the folder is an ordinary vault with one passphrase: nothing shows that a
    wipe happened. An interruption after step 3 is finished by the next unlock
    (`finish_erase`); one before it leaves the real vault already erased and the duress
    passphrase opening the decoy from aux.db.
    """
    index, decoy_key = opened.index, opened.content.key
    decoy_only = keyslots.only(index).seal(
        index,
        kek,
        SlotContent(SlotRole.DURESS_DECOY, SlotKind.PASSPHRASE, decoy_key, SlotMap(index)),
    )
    with disk_errors():
        replace_erasing_old(folder / KEYSLOTS_NAME, decoy_only.to_bytes())
        for path in database_files(folder, DB_NAME):
            overwrite_and_unlink(path)
        fsync_dir(folder)
        for path in database_files(folder, AUX_NAME):
            if path.name != AUX_NAME:
                overwrite_and_unlink(path)
        os.replace(folder / AUX_NAME, folder / DB_NAME)
        fsync_dir(folder)
    finish_erase(folder, decoy_only, opened, kek)


def finish_erase(folder: Path, keyslots: Keyslots, opened: OpenedSlot, kek: SecretBytes) -> None:
    index = opened.index
    final = keyslots.only(index).seal(
        index,
        kek,
        SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, opened.content.key, SlotMap(index)),
    )
    with disk_errors():
        # The replaced file marks the slot as a decoy: left in free blocks, it would show
        # whoever holds the duress passphrase that a wipe happened.
        replace_then_erase_old(folder / KEYSLOTS_NAME, final.to_bytes())
        write_random_file(folder / AUX_NAME, AUX_SIZE)


# -- the same traces with and without duress -------------------------------------------------
#
# An examiner compares sizes and times of vault.db, keyslots and aux.db. Whatever the user
# does, the files must show the same pattern whether aux.db is filler or a decoy:
# - aux.db is replaced (a new file: new birth, change and modification times) as the last
#   step of every change to the keyslots (creation, passphrase, recovery code, duress set
#   or cleared), so keyslots <= aux.db in time always, duress or not;
# - a session that wrote to its database ends by replacing aux.db too: after the real
#   vault's session vault.db <= aux.db; after the decoy's session (which wrote aux.db)
#   vault.db's times are brought forward first, so the order is the same;
# - aux.db never grows: the decoy cannot outgrow the fixed size (see Vault).
# Replacing aux.db by a copy of itself needs no key and works alike for filler and decoy.


def renew_aux(folder: Path) -> None:
    """Replace aux.db by a new file with the same bytes (filler or decoy alike)."""
    aux = folder / AUX_NAME
    with disk_errors():
        if aux.exists():
            copy_atomically(aux, aux)
        else:
            write_random_file(aux, AUX_SIZE)


def after_session(folder: Path, db_file: Path) -> None:
    """At the end of a session that wrote to `db_file`: leave the real vault's pattern.

    Best effort: it runs while a vault closes, where a full disk must not turn a clean
    close into an error; the data is already safe, only the times would differ.
    """
    try:
        if db_file.name == AUX_NAME:
            # The decoy wrote aux.db: vault.db gets the times a write would have given it.
            os.utime(folder / DB_NAME)
        renew_aux(folder)
    except (OSError, DiskFull):
        pass
