"""Opening and keying a SQLCipher file with the raw master key, and its errors in words.

The key is the first statement on a new connection; the settings that keep plaintext out
of temp files and journals follow. The passphrase never reaches this module, only the
master key, and nothing here keeps a copy of it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

from satchel.core.folder import PAGE_SIZE
from satchel.crypto.secret import SecretBytes
from satchel.errors import DiskFull, VaultDamaged

__all__ = ["connect", "damaged_db", "database_errors", "opens_with"]


def connect(db_file: Path, key: SecretBytes, *, create: bool) -> sqlite.Connection:
    """Open and key `db_file`; VaultDamaged if it is missing, empty or the key fails."""
    if not create:
        try:
            size = db_file.stat().st_size
        except FileNotFoundError:
            raise damaged_db(db_file, "the file is missing") from None
        if size == 0:
            # SQLite would happily treat an empty file as a new, empty database.
            raise damaged_db(db_file, "the file is empty")
    else:
        # Owner-only from the first byte; SQLite gives its journal the database's mode.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # check_same_thread off: the GUI runs long work in worker threads and serialises access
    # itself; SQLite is built thread-safe.
    conn = sqlite.connect(str(db_file), isolation_level=None, check_same_thread=False)
    try:
        # The key must be the first statement. SQLite cannot bind parameters in a PRAGMA,
        # so the hex text exists briefly as an immutable str (see crypto/secret.py).
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # SQLCipher logs to stderr by default; Satchel reports failures itself, as one line.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # SQLCipher's memory security (zeroing and mlock()ing every buffer it frees) stays
        # OFF: measured here it made bulk loads ~5x and FTS searches 4-7x slower, far past
        # the 1.5x budget for encryption, while the plaintext it would guard also lives in
        # Python strings and Qt widgets that nothing can wipe. Memory of an unlocked session
        # is outside the threat model (docs/threat-model.md); the master key itself is in a
        # SecretBytes buffer that is overwritten on close.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        # Reading the schema is what makes SQLCipher decrypt and authenticate page 1.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        # Temp tables and sort spills stay in memory, never in an unencrypted temp file.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        # Rollback journal, not WAL: SQLCipher encrypts both, but WAL keeps -wal and -shm
        # files beside the open database for the whole session, which would show which of
        # vault.db and aux.db is in use; a rollback journal exists only during a write.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        # Freed pages are overwritten (inside the encryption), so deleted records do not
        # linger in the file for whoever later learns the key.
        conn.execute("PRAGMA secure_delete = ON")
    except sqlite.DatabaseError as exc:
        conn.close()
        raise damaged_db(db_file, str(exc)) from None
    return conn


def opens_with(db_file: Path, key: SecretBytes) -> bool:
    """Whether `key` opens `db_file` (read only: keying and reading page 1 write nothing)."""
    try:
        conn = connect(db_file, key, create=False)
    except VaultDamaged:
        return False
    conn.close()
    return True


def damaged_db(db_file: Path, reason: str) -> VaultDamaged:
    return VaultDamaged(
        "The database file {name} in {folder} is damaged and cannot be opened ({reason}). "
        "Restore the vault folder from a backup.",
        code="database_file_damaged",
        name=db_file.name,
        folder=db_file.parent,
        reason=reason,
    )


@contextlib.contextmanager
def database_errors(db_file: Path) -> Iterator[None]:
    """Map SQLite's full-disk and corruption errors to what a user can act on."""
    try:
        yield
    except sqlite.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise DiskFull(
                "The disk is full; the vault was not changed. Free some space and try again.",
                code="disk_full_vault_not_changed",
            ) from exc
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise damaged_db(db_file, str(exc)) from None
        raise
