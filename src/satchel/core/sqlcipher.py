"""Opening and keying a SQLCipher file with the raw master key, and its errors in words.

The key is the first statement on a new connection; the settings that keep plaintext out
of temp files and journals follow. The passphrase never reaches this module, only the
master key, and nothing here keeps a copy of it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3._sqlite3 as _driver
import sqlcipher3.dbapi2 as sqlite

from satchel.core.folder import PAGE_SIZE
from satchel.crypto.secret import SecretBytes, wipe_buffer
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
        # The key must come before any statement; it goes in through the C API, never as
        # SQL text (see _apply_key).
        _apply_key(conn, db_file, key)
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


# SQLCipher's C library, as linked into the driver module: its sqlite3_key_v2() takes the key
# from a buffer we own and can overwrite, where `PRAGMA key = "x'…'"` needs the key as SQL
# text, which lives on as an immutable Python str, in the driver's statement cache and in
# SQLite's parser allocations, none of which is ever zeroed (issue 12: a memory dump after a
# lock found the key twice as hex).
_LIB = ctypes.CDLL(_driver.__file__)
_LIB.sqlite3_key_v2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int]
_LIB.sqlite3_key_v2.restype = ctypes.c_int
_LIB.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
_LIB.sqlite3_db_filename.restype = ctypes.c_char_p
_HEX_DIGITS = b"0123456789abcdef"


def _db_handle(conn: sqlite.Connection, db_file: Path) -> int:
    """The `sqlite3 *` behind a driver connection (CPython only), checked against its file.

    The driver's Connection object is `PyObject_HEAD` followed by the `sqlite3 *db` pointer
    (pysqlite's connection.h, which sqlcipher3 keeps). The pointer read there is only used
    once SQLite itself confirms it is the handle of `db_file`.
    """
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if handle:
        name = _LIB.sqlite3_db_filename(handle, b"main")
        if name and os.path.realpath(os.fsdecode(name)) == os.path.realpath(db_file):
            return handle
    raise RuntimeError("cannot reach the SQLCipher connection to key it")


def _apply_key(conn: sqlite.Connection, db_file: Path, key: SecretBytes) -> None:
    """Key the connection with the raw key, written as `x'<hex>'` into a wiped buffer."""
    size = 3 + 2 * len(key)
    text = bytearray(size)
    try:
        text[0:2] = b"x'"
        text[size - 1] = ord("'")
        for i, byte in enumerate(key.view()):
            text[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
            text[3 + 2 * i] = _HEX_DIGITS[byte & 15]
        buffer = (ctypes.c_char * size).from_buffer(text)
        try:
            rc = _LIB.sqlite3_key_v2(_db_handle(conn, db_file), b"main", buffer, size)
        finally:
            del buffer  # the export of `text` must end before it can be resized or freed
    finally:
        wipe_buffer(text)
    if rc != 0:
        raise sqlite.DatabaseError(f"keying the database failed (SQLite code {rc})")


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
