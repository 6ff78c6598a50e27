"""Crypto-erase: overwrite the keyslots, then the database heads, then remove the files.

Also the clean-ups that erase what an interrupted write or a failed create left behind.
Never refused because another process holds the vault open: a panic wipe must work;
never removes a file Satchel did not write.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from satchel.core.atomic import (
    TEMP_PREFIX,
    disk_errors,
    fsync_dir,
    overwrite_and_unlink,
    remove_quietly,
)
from satchel.core.folder import AUX_NAME, DB_NAME, KEYSLOTS_NAME, database_files
from satchel.core.lockfile import LOCK_NAME
from satchel.errors import VaultNotFound

__all__ = ["discard_partial_vault", "sweep_temp_files", "wipe_vault"]


def wipe_vault(path: str | os.PathLike[str]) -> None:
    """Crypto-erase the vault at `path` and remove its files.

    The keyslots file is overwritten in place with random bytes and synced before it is
    removed: without it the databases are random noise, even if the disk keeps old blocks
    of them. The database heads are overwritten too (best effort; a copy-on-write or
    flash-translating disk may keep old blocks, which is why the keyslots go first).
    Works on a vault another process holds open: a panic wipe must never be refused.
    """
    folder = Path(path)
    if not folder.is_dir() or not (
        (folder / KEYSLOTS_NAME).exists() or (folder / DB_NAME).exists()
    ):
        raise VaultNotFound(
            "No vault at {folder}: nothing to wipe.", code="no_vault_nothing_wipe", folder=folder
        )
    with disk_errors():
        keyslots = folder / KEYSLOTS_NAME
        if keyslots.exists():
            overwrite_and_unlink(keyslots, whole=True)
        fsync_dir(folder)
        for name in (DB_NAME, AUX_NAME):
            for file in database_files(folder, name):
                overwrite_and_unlink(file)
        for stray in folder.glob(f"{TEMP_PREFIX}*"):
            overwrite_and_unlink(stray, whole=True)
        # A rewrite under a new key (core/rekey.py) interrupted before it settled.
        for name in (DB_NAME, AUX_NAME):
            overwrite_and_unlink(folder / f"{name}.next")
        remove_quietly(folder / LOCK_NAME)
        fsync_dir(folder)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only if empty: never remove files Satchel did not write


def sweep_temp_files(folder: Path) -> None:
    """Erase temp files an interrupted write left behind (we hold the lock: none is live).

    One may be a keyslots file that never replaced the real one, or a half-built decoy;
    left lying there it would say that something was being changed.
    """
    with disk_errors():
        for stray in folder.glob(f"{TEMP_PREFIX}*"):
            overwrite_and_unlink(stray, whole=True)


def discard_partial_vault(folder: Path) -> None:
    """Remove what a failed `Vault.create` wrote; it checked none of it existed before."""
    for name in (DB_NAME, AUX_NAME):
        for path in database_files(folder, name):
            remove_quietly(path)
    for stray in folder.glob(f"{TEMP_PREFIX}*"):
        remove_quietly(stray)
    # The caller still holds the lock; Windows refuses to remove an open file, and a
    # leftover vault.lock is harmless there.
    with contextlib.suppress(OSError):
        (folder / LOCK_NAME).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
