"""Rewriting a vault into a fresh database under a new master key, crash-safe.

Travel mode (bundle/travel.py) leaves cases behind and must leave no trace of them in the
vault a border official may make its owner unlock. Deleting with secure_delete clears the
pages SQLite frees, but not what the old file's blocks, an old keyslots copy or a migration
backup may still hold under the OLD key. So the clean database is copied (sqlcipher_export)
into a fresh file under a NEW key, and the old key is crypto-erased with its files.

The files, and why each step can be interrupted:

1. the fresh database is built under a temp name (erased by the next unlock if left);
2. it is renamed to `vault.db.next` (and a re-keyed copy of the decoy to `aux.db.next`);
3. the new keyslots file replaces the old one atomically, old bytes overwritten: the
   commit point. Before it, the old passphrase slot opens the old vault.db, whole; after
   it, the new slots open `vault.db.next`;
4. the old vault.db (with its journal and migration backups) is overwritten and removed,
   and the `.next` files take the usual names.

`settle(folder, key)` runs at every unlock, once a slot opened: it finishes step 4 after a
commit, or erases the `.next` files of a rewrite that never committed.
"""

from __future__ import annotations

import os
from pathlib import Path

from satchel.core.atomic import (
    disk_errors,
    fsync_dir,
    overwrite_and_unlink,
    overwrite_even_read_only,
)
from satchel.core.folder import AUX_NAME, DB_NAME, database_files
from satchel.core.sqlcipher import opens_with
from satchel.crypto.secret import SecretBytes

__all__ = ["NEXT_SUFFIX", "finish", "pending", "settle"]

NEXT_SUFFIX = ".next"


def pending(folder: Path) -> list[Path]:
    """The `.next` files of a rewrite not finished yet."""
    return [p for p in (folder / f"{n}{NEXT_SUFFIX}" for n in (DB_NAME, AUX_NAME)) if p.exists()]


def finish(folder: Path) -> None:
    """After the commit: erase the old databases, move the new ones into place."""
    with disk_errors():
        db_next = folder / f"{DB_NAME}{NEXT_SUFFIX}"
        aux_next = folder / f"{AUX_NAME}{NEXT_SUFFIX}"
        if db_next.exists():
            # The old file held the cases left behind: every byte is overwritten, not
            # just the head, in case its old key survives somewhere (a backup of keyslots).
            for path in database_files(folder, DB_NAME):
                overwrite_and_unlink(path, whole=True)
            fsync_dir(folder)
            os.replace(db_next, folder / DB_NAME)
        if aux_next.exists():
            for path in database_files(folder, AUX_NAME):
                if path.name == AUX_NAME:
                    overwrite_even_read_only(path, whole=True)
                else:
                    overwrite_and_unlink(path, whole=True)
            os.replace(aux_next, folder / AUX_NAME)
        fsync_dir(folder)


def discard(folder: Path) -> None:
    """A rewrite that never committed: its `.next` files are erased."""
    with disk_errors():
        for path in pending(folder):
            overwrite_and_unlink(path, whole=True)
        fsync_dir(folder)


def settle(folder: Path, key: SecretBytes) -> None:
    """Finish or undo an interrupted rewrite, judged by which file `key` opens.

    `key` is what the slot that just opened holds: the master key, or the decoy's key.
    """
    files = pending(folder)
    if not files:
        return
    if any(opens_with(path, key) for path in files):
        finish(folder)
    elif any(opens_with(folder / name, key) for name in (DB_NAME, AUX_NAME)
             if (folder / name).exists()):  # fmt: skip
        discard(folder)
    # Neither: a key this folder does not know; leave everything for the owner's key.
