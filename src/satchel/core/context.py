"""StoreContext: what a store is handed — connection, vault id, transactions, audit, links.

A store depends on this small object, never on `Database` or on another store, so no
store module imports another. `links` is the one way a store reaches beyond its own
tables; `Database` sets it to `core/relations.py`'s `Relations`. This module never opens,
keys, migrates or closes the connection (`Vault` does), and holds no SQL of any store.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

import sqlcipher3.dbapi2 as sqlite

from satchel.core.audit import AuditLog
from satchel.core.model import Case, RoleKind, Versions
from satchel.core.search import SearchEntry, SearchIndex
from satchel.core.sqlcipher import size_limit_error
from satchel.errors import DiskFull, ReadOnlyMedia

__all__ = ["Links", "StoreContext"]

_CACHE_KIB = 64 * 1024
_BULK_CACHE_KIB = 256 * 1024

# One queued search update: the arguments of SearchIndex.index, or None for a removal.
_Pending = tuple[str | None, str, str, list[str]] | None


class Links(Protocol):
    """The rules that span stores, as a store asks for them (see core/relations.py)."""

    def exists(self, kind: str, record_id: str) -> bool:
        """Whether a record of `kind` ("case", "person", "event", "document") has this id."""
        ...

    def reference(self, kind: str, record_id: str, field: str) -> str:
        """The full id of the `kind` record `record_id` (or its prefix) names; InvalidInput
        naming `field` when there is none."""
        ...

    def full_id(self, kind: str, record_id: str, field: str) -> str:
        """`reference` for a short prefix; a full id is returned unchecked (validation
        checks it later, so the common case costs no query)."""
        ...

    def before_delete(self, kind: str, record_id: str) -> str:
        """Remove or unlink what other stores keep of a record about to be deleted;
        returns a note for the deletion's audit line ("" when nothing depended on it)."""
        ...

    def delete(self, kind: str, record_id: str, versions: Versions | None = None) -> None:
        """Delete a record into the trash with what goes with it, leaving tombstones
        (`versions`: the tombstone's vector, when not one more edit by this vault)."""
        ...

    def revived(self, kind: str, ids: Sequence[str]) -> None:
        """Records written again: their tombstones and trash entries go."""
        ...

    def tombstone_versions(self, record_id: str) -> Versions | None:
        """The version vector of the record's deletion, if it was deleted."""
        ...

    def advance_tombstone(self, record_id: str, versions: Versions) -> None:
        """Give a kept deletion a vector that dominates a conflicting edit."""
        ...

    def restore_from_trash(self, record_id: str) -> None:
        """Restore the record's own trash entry, if it has one (else nothing)."""
        ...

    def document_event_ids(self, document_id: str) -> list[str]:
        """The events a document supports, in date order."""
        ...

    def link_document(self, document_id: str, event_ids: Iterable[str]) -> None:
        """Make exactly `event_ids` cite the document."""
        ...

    def case(self, case_id: str) -> Case:
        """The case with this id or unique id prefix; NotFound otherwise."""
        ...

    def cases_of_person(self, person_id: str) -> list[tuple[Case, RoleKind]]:
        """Every case the person has a role in, with the role, by case title."""
        ...


class StoreContext:
    """One vault's connection, transactions, audit log and search updates, for its stores."""

    links: Links
    """Set by `Database` once every store exists."""

    def __init__(self, conn: sqlite.Connection, vault_id: str) -> None:
        # Transactions are managed here, explicitly: the driver must not open or commit
        # any on its own, and foreign keys (off by default in SQLite) must hold.
        if conn.in_transaction:
            raise RuntimeError("A store context needs a connection outside any transaction")
        conn.isolation_level = None
        conn.execute("PRAGMA foreign_keys = ON")
        # SQLite's default 2 MiB page cache makes a 200,000-event vault decrypt the same
        # pages over and over; the cache holds decrypted pages in memory only.
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        self.connection = conn
        self.vault_id = vault_id
        self._depth = 0
        # Inside `all_or_nothing`: nested transactions join the outermost one (no savepoint),
        # and whether an error left one of them (the whole transaction must then roll back).
        self._joined = False
        self._broken = False
        # The connection may be shared with worker threads (a search, an export); a
        # second thread's transaction waits for the first instead of nesting inside it.
        self._lock = threading.RLock()
        self._pending_search: dict[tuple[str, str], _Pending] | None = None
        self.audit = AuditLog(conn)
        self.search = SearchIndex(conn)

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
            elif self._joined:
                with self._join():
                    yield
            else:
                with self._savepoint():
                    yield

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """One transaction in which nested `transaction()` calls open no savepoint.

        For a long writer that rolls all of it back on any error anyway (a bundle import):
        within a savepoint SQLite copies every page it first changes into a statement
        journal, which cost a fifth of a 50,000-event import for nothing. Inside a caller's
        transaction it is one savepoint, so the caller keeps what it wrote before. Should an
        error leave a nested block and be caught, with the work carried on, this rolls back
        at the end instead of committing: what that block half wrote cannot be undone alone.
        """
        with self._lock:
            if self._joined:
                with self._join():
                    yield
                return
            # Inside a caller's transaction, one savepoint: the caller may still keep what
            # it wrote before if this part fails.
            whole = self._outermost() if self._depth == 0 else self._savepoint()
            self._joined, self._broken = True, False
            self.search.joined = True
            try:
                with whole:
                    yield
                    if self._broken:
                        raise RuntimeError(
                            "an error inside an all-or-nothing transaction was caught; "
                            "the transaction is rolled back"
                        )
            finally:
                self._joined = self._broken = self.search.joined = False

    @contextmanager
    def _join(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        except BaseException:
            self._broken = True
            raise
        finally:
            self._depth -= 1

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
            else:
                _settle(self.connection)
            if _is_disk_full(exc):
                raise DiskFull(_DISK_FULL, code="disk_full_last_change") from exc
            if _is_read_only(exc):
                raise ReadOnlyMedia() from exc
            limited = size_limit_error(exc)
            if limited is not None:
                raise limited from exc
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

    # -- search index updates (the stores call these) ------------------------------------

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


def _settle(conn: sqlite.Connection) -> None:
    """Let SQLite undo a write that failed part-way, now rather than at the next read.

    After a full disk (or an I/O error) while the database file itself was being written,
    SQLite rolls the transaction back on its own but leaves the file grown and its journal
    hot beside it until the connection next reads: an examiner would see both, and the
    space stays taken. Reading the schema makes it play the journal back, truncate the
    file to its size before the transaction and delete the journal; that needs no new
    space. A failure here changes nothing: the next read, or the next open, does the same.
    """
    with contextlib.suppress(sqlite.Error):
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()


def _is_read_only(exc: BaseException) -> bool:
    # SQLITE_READONLY: "attempt to write a readonly database" (a vault on read-only media).
    return isinstance(exc, sqlite.OperationalError) and "readonly" in str(exc).lower()


def _run(conn: sqlite.Connection, sql: str) -> None:
    try:
        conn.execute(sql)
    except sqlite.OperationalError as exc:
        if _is_disk_full(exc):
            raise DiskFull(_DISK_FULL, code="disk_full_last_change") from exc
        if _is_read_only(exc):
            raise ReadOnlyMedia() from exc
        limited = size_limit_error(exc)
        if limited is not None:
            raise limited from exc
        raise
