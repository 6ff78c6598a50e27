"""The files of a vault folder: their names, the fixed size of aux.db, their side files.

    vault.db    SQLCipher 4 database, keyed with a raw random 256-bit master key
    keyslots    the master key wrapped LUKS-style (satchel.crypto.keyslots), 704 bytes always
    aux.db      always present, always the same size: random filler, or the duress decoy
    vault.lock  the single-instance lock (core/lockfile.py), never written to

Names and sizes only: this module never reads or writes a file.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AUX_NAME",
    "AUX_PAGES",
    "AUX_SIZE",
    "DB_NAME",
    "KEYSLOTS_NAME",
    "PAGE_SIZE",
    "database_files",
]

DB_NAME = "vault.db"
AUX_NAME = "aux.db"
KEYSLOTS_NAME = "keyslots"

PAGE_SIZE = 4096
"""SQLCipher 4's default page size, set explicitly so the decoy size is exact."""

AUX_PAGES = 1024
AUX_SIZE = AUX_PAGES * PAGE_SIZE
"""aux.db at rest: 4 MiB, whether filler or decoy (a fresh decoy is padded to exactly this)."""

_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def database_files(folder: Path, name: str) -> list[Path]:
    """A database and everything SQLite or Satchel keeps beside it."""
    candidates = [folder / name, *(folder / f"{name}{suffix}" for suffix in _SIDE_SUFFIXES)]
    candidates += sorted(folder.glob(f"{name}.bak-v*"))
    return [path for path in candidates if path.exists()]
