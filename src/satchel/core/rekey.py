"""Rewriting a vault into a fresh database under a new master key, crash-safe.

Travel mode (bundle/travel.py) leaves cases behind and must leave no trace of them in the
vault a border official may make its owner unlock. Deleting with secure_delete clears the
pages SQLite frees, but not what the old file's blocks, an old keyslots copy or a migration
backup may still hold under the OLD key. So the clean database is copied (sqlcipher_export)
into a fresh file under a NEW key, and the old key is crypto-erased with its files.

The files, and why each step can be interrupted:

1. the fresh database is built under a temp name (erased by the next unlock if left);
2. it is renamed to `vault.db.next`, then a re-keyed copy of the decoy to `aux.db.next`
   (in that order, and moved in that order in 4: an `aux.db.next` alone follows the commit);
3. the new keyslots file replaces the old one atomically, old bytes overwritten: the
   commit point. Before it, the old passphrase slot opens the old vault.db, whole; after
   it, the new slots open `vault.db.next`;
4. the `.next` files take the usual names and the old vault.db (with its journal and
   migration backups) steps aside under temp names (renames: a moment), so the vault is
   opened again on the new file at once;
5. the old files are overwritten whole and removed; an interruption leaves temp files,
   which every unlock erases whole before anything else.

`settle(folder, key)` runs at every unlock, once a slot opened: it finishes step 4 after a
commit, or erases the `.next` files of a rewrite that never committed.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from satchel.core.atomic import (
    TEMP_PREFIX,
    disk_errors,
    fsync_dir,
    overwrite_and_unlink,
    overwrite_even_read_only,
)
from satchel.core.folder import AUX_NAME, DB_NAME, database_files
from satchel.core.sqlcipher import opens_with
from satchel.crypto.secret import SecretBytes

__all__ = ["NEXT_SUFFIX", "erase", "finish", "pending", "promote", "settle"]

NEXT_SUFFIX = ".next"


def pending(folder: Path) -> list[Path]:
    """The `.next` files of a rewrite not finished yet."""
    return [p for p in (folder / f"{n}{NEXT_SUFFIX}" for n in (DB_NAME, AUX_NAME)) if p.exists()]


def finish(folder: Path) -> None:
    """After the commit: move the new databases into place and erase the old ones."""
    erase(promote(folder))


def promote(folder: Path) -> list[Path]:
    """After the commit: the new databases take the usual names at once; the old vault.db
    and its side files step aside under temp names, returned for `erase`.

    Renames only (and the small decoy's erase), so the vault can be opened again on the
    new file at once, not after the whole old file is overwritten; a crash before `erase`
    leaves temp files that the next unlock erases whole (erase.sweep_temp_files), as a
    panic wipe does.
    """
    aside: list[Path] = []
    with disk_errors():
        db_next = folder / f"{DB_NAME}{NEXT_SUFFIX}"
        aux_next = folder / f"{AUX_NAME}{NEXT_SUFFIX}"
        if db_next.exists():
            for path in database_files(folder, DB_NAME):
                temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
                os.replace(path, temp)
                aside.append(temp)
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
    return aside


def erase(aside: list[Path]) -> None:
    """Overwrite every byte of the old files `promote` set aside, then remove them: they
    held the cases left behind, under a key that may survive somewhere (a keyslots backup)."""
    with disk_errors():
        for path in aside:
            overwrite_and_unlink(path, whole=True)
        if aside:
            fsync_dir(aside[0].parent)


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
    elif not (folder / f"{DB_NAME}{NEXT_SUFFIX}").exists():
        # Only the decoy's aux.db.next is left, which the real key cannot open: it is
        # staged after vault.db.next and moved after it, so alone it was left by a promote
        # interrupted after the commit. Discarding it would leave the duress slot a key
        # that opens nothing.
        finish(folder)
    elif any(opens_with(folder / name, key) for name in (DB_NAME, AUX_NAME)
             if (folder / name).exists()):  # fmt: skip
        discard(folder)
    # Neither: a key this folder does not know; leave everything for the owner's key.
