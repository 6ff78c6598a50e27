"""One SQLCipher connection shared safely by the GUI thread and background work.

The client reads the vault on the GUI thread while an export, an import or a document
intake runs in a worker thread on the same connection. SQLite itself serialises calls on
one connection, but Python's sqlite3 driver does not: its statement cache and cursor
state are not safe for two threads at once, and the driver releases the GIL inside every
step, so two threads calling into one connection can corrupt it and crash the process
(seen in the test suite as a segfault while a bundle was written in the background).

`SerializedConnection` wraps the driver's connection and its cursors so that every call
into the driver holds one re-entrant lock. Statements still interleave between calls —
which SQLite allows on one connection — so a long import never freezes the window; only
the individual calls take turns. Transactions are serialised one level up, by
`StoreContext.transaction()` (core/context.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["SerializedConnection", "SerializedCursor"]


class SerializedCursor:
    """A driver cursor whose every call holds the connection's lock."""

    __slots__ = ("_cursor", "_lock")

    def __init__(self, cursor: Any, lock: threading.RLock) -> None:
        self._cursor = cursor
        self._lock = lock

    def execute(self, sql: str, parameters: Any = ()) -> SerializedCursor:
        with self._lock:
            self._cursor.execute(sql, parameters)
        return self

    def executemany(self, sql: str, seq: Iterable[Any]) -> SerializedCursor:
        with self._lock:
            self._cursor.executemany(sql, seq)
        return self

    def fetchone(self) -> Any:
        with self._lock:
            return self._cursor.fetchone()

    def fetchmany(self, size: int | None = None) -> list[Any]:
        with self._lock:
            if size is None:
                return list(self._cursor.fetchmany())
            return list(self._cursor.fetchmany(size))

    def fetchall(self) -> list[Any]:
        with self._lock:
            return list(self._cursor.fetchall())

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        with self._lock:
            return next(self._cursor)

    def close(self) -> None:
        with self._lock:
            self._cursor.close()

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def row_factory(self) -> Any:
        return self._cursor.row_factory

    @row_factory.setter
    def row_factory(self, factory: Any) -> None:
        self._cursor.row_factory = factory

    @property
    def arraysize(self) -> int:
        return int(self._cursor.arraysize)

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class SerializedConnection:
    """The driver's connection, with every call into it taken in turn (see module doc)."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._lock = threading.RLock()

    @property
    def raw(self) -> Any:
        """The driver's connection, for the rare call that needs the real object."""
        return self._connection

    def execute(self, sql: str, parameters: Any = ()) -> SerializedCursor:
        with self._lock:
            cursor = self._connection.execute(sql, parameters)
        return SerializedCursor(cursor, self._lock)

    def executemany(self, sql: str, seq: Iterable[Any]) -> SerializedCursor:
        with self._lock:
            cursor = self._connection.executemany(sql, seq)
        return SerializedCursor(cursor, self._lock)

    def executescript(self, script: str) -> SerializedCursor:
        with self._lock:
            cursor = self._connection.executescript(script)
        return SerializedCursor(cursor, self._lock)

    def cursor(self) -> SerializedCursor:
        with self._lock:
            return SerializedCursor(self._connection.cursor(), self._lock)

    def commit(self) -> None:
        with self._lock:
            self._connection.commit()

    def rollback(self) -> None:
        with self._lock:
            self._connection.rollback()

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    @property
    def in_transaction(self) -> bool:
        with self._lock:
            return bool(self._connection.in_transaction)

    @property
    def isolation_level(self) -> str | None:
        return self._connection.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        with self._lock:
            self._connection.isolation_level = value

    @property
    def total_changes(self) -> int:
        with self._lock:
            return int(self._connection.total_changes)
