"""Database: the stores over one open (already keyed and migrated) SQLCipher connection.

It owns transactions: `transaction()` is one SQL transaction, nestable through SAVEPOINTs,
and `bulk()` is one transaction for mass writes (the demo generator, bundle import) that
defers search-index updates to its end. It never opens, keys, migrates or closes the
connection; `Vault` does that.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import sqlcipher3.dbapi2 as sqlite

from satchel.core.audit import AuditLog
from satchel.core.cases import CaseStore
from satchel.core.colleagues import ColleagueStore
from satchel.core.documents import DocumentStore
from satchel.core.events import EventStore
from satchel.core.names import FOLD_VERSION
from satchel.core.notes import NoteStore
from satchel.core.people import PersonStore
from satchel.core.roles import RoleStore
from satchel.core.search import SearchEntry, SearchIndex
from satchel.core.settings import Settings
from satchel.errors import DiskFull

__all__ = ["FOLD_VERSION_SETTING", "Database"]

FOLD_VERSION_SETTING = "search.fold_version"
"""In-vault setting: the names.FOLD_VERSION that made the index's folded keys."""

_CACHE_KIB = 64 * 1024
_BULK_CACHE_KIB = 256 * 1024

# One queued search update: the arguments of SearchIndex.index, or None for a removal.
_Pending = tuple[str | None, str, str, list[str]] | None


class Database:
    """The record stores of one vault and the transactions they write in."""

    def __init__(self, conn: sqlite.Connection, vault_id: str) -> None:
        # Transactions are managed here, explicitly: the driver must not open or commit
        # any on its own, and foreign keys (off by default in SQLite) must hold.
        if conn.in_transaction:
            raise RuntimeError("Database needs a connection outside any transaction")
        conn.isolation_level = None
        conn.execute("PRAGMA foreign_keys = ON")
        # SQLite's default 2 MiB page cache makes a 200,000-event vault decrypt the same
        # pages over and over; the cache holds decrypted pages in memory only.
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        self.connection = conn
        self.vault_id = vault_id
        self._depth = 0
        # The connection may be shared with worker threads (a search, an export); a
        # second thread's transaction waits for the first instead of nesting inside it.
        self._lock = threading.RLock()
        self._pending_search: dict[tuple[str, str], _Pending] | None = None

        self.audit = AuditLog(self)
        self.settings = Settings(self)
        self.search = SearchIndex(conn)
        self.cases = CaseStore(self)
        self.people = PersonStore(self)
        self.roles = RoleStore(self)
        self.events = EventStore(self)
        self.notes = NoteStore(self)
        self.colleagues = ColleagueStore(self)
        self.documents = DocumentStore(self)
        self._refold_if_stale()

    def _refold_if_stale(self) -> None:
        # Keys stored by another version of the folding rule (names.FOLD_VERSION) would no
        # longer meet the keys of typed words: recompute them once, on the first open by
        # this version (about 30 s for the 233,000 entries of the benchmark vault).
        if self.settings.get(FOLD_VERSION_SETTING) == FOLD_VERSION:
            return
        with self.transaction():
            if self.search.count():
                self.search.refold()
            self.settings.set(FOLD_VERSION_SETTING, FOLD_VERSION, audited=False)

    # -- transactions -------------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested calls are savepoints that roll back on their own."""
        with self._lock:
            if self._depth == 0:
                with self._outermost():
                    yield
            else:
                with self._savepoint():
                    yield

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"sp{self._depth}"
        self.connection.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            # After some errors (a full disk) SQLite has already rolled back the whole
            # transaction, savepoints included; then there is nothing left to undo here.
            if self.connection.in_transaction:
                self.connection.execute(f"ROLLBACK TO {name}")
                self.connection.execute(f"RELEASE {name}")
            raise
        else:
            self.connection.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so a transaction never fails half-way
        # because another connection wrote in between.
        _run(self.connection, "BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            _run(self.connection, "COMMIT")
        except BaseException as exc:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            if _is_disk_full(exc):
                raise DiskFull(_DISK_FULL, code="disk_full_last_change") from exc
            raise
        finally:
            self._depth = 0

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """One transaction for many writes; search updates are applied once, at its end.

        Audit lines are still written for every record. A record written several times in
        one bulk is indexed once, as it finally stands.
        """
        with self.transaction():
            outer = self._pending_search is None
            if outer:
                self._pending_search = {}
                # A big transaction that outgrows the cache spills pages to disk mid-way,
                # encrypting and re-reading them: twice as slow for the demo generator.
                self.connection.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
            try:
                yield
                if outer:
                    self._flush_search()
            finally:
                if outer:
                    self._pending_search = None
                    self.connection.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")

    # -- search index plumbing (the stores call these) -----------------------------------

    def index_record(
        self,
        kind: str,
        record_id: str,
        case_id: str | None,
        title: str,
        body: str,
        names: list[str],
    ) -> None:
        if self._pending_search is not None:
            self._pending_search[(kind, record_id)] = (case_id, title, body, names)
        else:
            self.search.index(kind, record_id, case_id, title, body, names)

    def index_records(self, entries: list[SearchEntry]) -> None:
        """`index_record` for many records (bundle import): one batched index update."""
        if self._pending_search is not None:
            for e in entries:
                self._pending_search[(e.kind, e.record_id)] = (
                    e.case_id, e.title, e.body, list(e.names),
                )  # fmt: skip
        else:
            self.search.index_many(entries)

    def unindex_record(self, kind: str, record_id: str) -> None:
        if self._pending_search is not None:
            self._pending_search[(kind, record_id)] = None
        else:
            self.search.remove(kind, record_id)

    def _flush_search(self) -> None:
        pending = self._pending_search or {}
        self._pending_search = None
        if pending and self.search.count() == 0 and all(e is not None for e in pending.values()):
            # Filling an empty index (a new vault, the demo generator): letting FTS5 build
            # it in one pass is far faster than adding entries one by one.
            self.search.rebuild(
                SearchEntry(kind, record_id, *entry)
                for (kind, record_id), entry in pending.items()
                if entry is not None
            )
            return
        for (kind, record_id), entry in pending.items():
            if entry is None:
                self.search.remove(kind, record_id)
            else:
                self.search.index(kind, record_id, *entry)


_DISK_FULL = "The disk is full; the last change was not saved."


def _is_disk_full(exc: BaseException) -> bool:
    # SQLITE_FULL reaches Python as OperationalError("database or disk is full").
    return isinstance(exc, sqlite.OperationalError) and "full" in str(exc).lower()


def _run(conn: sqlite.Connection, sql: str) -> None:
    try:
        conn.execute(sql)
    except sqlite.OperationalError as exc:
        if _is_disk_full(exc):
            raise DiskFull(_DISK_FULL, code="disk_full_last_change") from exc
        raise
