"""The medium a vault folder is on: read-only media, and whether a session wrote to a file.

A vault on a write-protected stick or a read-only mount opens for reading (core/vault.py):
without the folder's lock, which cannot be created there and is not needed (nothing else
can write there either), and with nothing erased, swept or rewritten.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from satchel.core.folder import AUX_NAME, DB_NAME
from satchel.core.lockfile import VaultLock
from satchel.core.sqlcipher import damaged_db, opens_with
from satchel.crypto.keyslots import OpenedSlot, SlotRole

__all__ = ["lock_unless_read_only", "mtime_ns", "read_only_database"]


def mtime_ns(path: Path) -> int | None:
    """The file's modification time, or None when it is missing (whether a session wrote)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def lock_unless_read_only(folder: Path) -> tuple[VaultLock | None, bool]:
    """The folder lock and False, or None and True when the folder cannot be written.

    On read-only media the lock file cannot be created, and needs not be: no other
    process can write there either. A lock file copied along onto the medium is left.
    """
    if not os.access(folder, os.W_OK):
        return None, True
    try:
        return VaultLock.acquire(folder), False
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return None, True
        raise


def read_only_database(folder: Path, opened: OpenedSlot) -> str:
    """Which database the opened slot reads on read-only media; nothing is written.

    A duress-wipe passphrase opens the decoy without the erase, which cannot happen on
    a medium nothing can write to.
    """
    if opened.content.role is SlotRole.NORMAL:
        return DB_NAME
    if (folder / AUX_NAME).exists():
        return AUX_NAME
    if opens_with(folder / DB_NAME, opened.content.key, read_only=True):
        return DB_NAME  # an erase interrupted after the decoy moved into place
    raise damaged_db(folder / AUX_NAME, "the file is missing")
