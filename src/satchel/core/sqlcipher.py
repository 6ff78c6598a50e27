"""Opening and keying a SQLCipher file with the raw master key, and its errors in words.

The key is the first statement on a new connection; the settings that keep plaintext out
of temp files and journals follow. The passphrase never reaches this module, only the
master key, and nothing here keeps a copy of it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3._sqlite3 as _driver
import sqlcipher3.dbapi2 as sqlite

from satchel.core.atomic import fsync_dir
from satchel.core.folder import PAGE_SIZE
from satchel.crypto.secret import SecretBytes, wipe_buffer
from satchel.errors import DiskFull, FileSizeLimit, VaultDamaged

__all__ = [
    "connect",
    "damaged_db",
    "database_errors",
    "key_attached",
    "opens_with",
    "rekey",
    "size_limit_error",
]


def connect(
    db_file: Path, key: SecretBytes, *, create: bool, read_only: bool = False
) -> sqlite.Connection:
    """Open and key `db_file`; VaultDamaged if it is missing, empty or the key fails.

    `read_only` opens it for reading only (a vault on read-only media): SQLite then
    refuses every write with SQLITE_READONLY.
    """
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
    if read_only:
        uri = f"{db_file.resolve().as_uri()}?mode=ro"
        conn = sqlite.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
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
        # It also rolls back a hot journal left by a write that was killed.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        if not read_only:
            _remove_stale_journal(conn, db_file)
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


_LIB.sqlite3_rekey_v2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int]
_LIB.sqlite3_rekey_v2.restype = ctypes.c_int


def _with_key_text(call: Any, handle: int, schema: bytes, key: SecretBytes) -> int:
    """`call(handle, schema, text, size)` with the key as `x'<hex>'` in a wiped buffer."""
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
            return int(call(handle, schema, buffer, size))
        finally:
            del buffer  # the export of `text` must end before it can be resized or freed
    finally:
        wipe_buffer(text)


def _apply_key(conn: sqlite.Connection, db_file: Path, key: SecretBytes) -> None:
    """Key the connection with the raw key, written as `x'<hex>'` into a wiped buffer."""
    rc = _with_key_text(_LIB.sqlite3_key_v2, _db_handle(conn, db_file), b"main", key)
    if rc != 0:
        raise sqlite.DatabaseError(f"keying the database failed (SQLite code {rc})")


def key_attached(conn: sqlite.Connection, db_file: Path, schema: str, key: SecretBytes) -> None:
    """Key the database attached as `schema` to the connection of `db_file` (before any
    read of it): how a fresh copy gets a key of its own without the key in SQL text."""
    rc = _with_key_text(_LIB.sqlite3_key_v2, _db_handle(conn, db_file), schema.encode(), key)
    if rc != 0:
        raise sqlite.DatabaseError(f"keying the attached database failed (SQLite code {rc})")


def rekey(conn: sqlite.Connection, db_file: Path, key: SecretBytes) -> None:
    """Re-encrypt `db_file` (open on `conn`) under `key`, as `PRAGMA rekey` would."""
    rc = _with_key_text(_LIB.sqlite3_rekey_v2, _db_handle(conn, db_file), b"main", key)
    if rc != 0:
        raise sqlite.DatabaseError(f"re-keying the database failed (SQLite code {rc})")


def _remove_stale_journal(conn: sqlite.Connection, db_file: Path) -> None:
    """Remove a journal that SQLite left because it was not hot.

    A write killed before its journal was first synced leaves a journal whose header is
    still zero: SQLite ignores it (the database was never touched) and leaves the file
    until the next write, where it tells an examiner that a write was interrupted, and to
    which database. A hot journal was already rolled back and deleted by the first read.
    Under a RESERVED lock no other connection can start a write, so what is left is
    stale; the caller holds the vault folder's lock as well.
    """
    journal = db_file.with_name(db_file.name + "-journal")
    if not journal.exists():
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if journal.exists():
            journal.unlink()
            fsync_dir(db_file.parent)
    finally:
        conn.execute("ROLLBACK")


def opens_with(db_file: Path, key: SecretBytes, *, read_only: bool = False) -> bool:
    """Whether `key` opens `db_file` (keying and reading page 1 write nothing but the
    removal of a stale journal, which `read_only` skips)."""
    try:
        conn = connect(db_file, key, create=False, read_only=read_only)
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


def size_limit_error(exc: BaseException) -> FileSizeLimit | None:
    """FileSizeLimit when `exc` is SQLite's I/O error from a write past `ulimit -f`.

    Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, which SQLite
    reports only as "disk I/O error": a write failure, not damage. Nothing was written
    past the limit and the transaction is rolled back, so the vault is unchanged.
    """
    if not isinstance(exc, sqlite.OperationalError) or "i/o error" not in str(exc).lower():
        return None
    limit = _file_size_limit()
    if limit is None:
        return None
    return FileSizeLimit(
        "A file size limit of {limit} bytes (ulimit -f) stopped the write; the vault was "
        "not changed. Raise the limit (or run Satchel without it) and try again.",
        code="file_size_limit",
        limit=limit,
    )


def _file_size_limit() -> int | None:
    if sys.platform == "win32":
        return None
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else int(soft)
