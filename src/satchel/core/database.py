"""Database: one vault's stores on their shared context, wired to the cross-store rules.

It builds a `StoreContext` (transactions, audit, search updates), every store on it, and
the `Relations` the stores reach each other through. It never opens, keys, migrates or
closes the connection; `Vault` does that. It holds no SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlcipher3.dbapi2 as sqlite

from satchel.core.audit import AuditLog
from satchel.core.cases import CaseStore
from satchel.core.colleagues import ColleagueStore
from satchel.core.conflicts import ConflictStore
from satchel.core.context import StoreContext
from satchel.core.deletion import Trash
from satchel.core.documents import DocumentStore
from satchel.core.events import EventStore
from satchel.core.exchange_files import ExchangeFileStore
from satchel.core.identities import IdentityStore
from satchel.core.names import FOLD_VERSION
from satchel.core.notes import NoteStore
from satchel.core.people import PersonStore
from satchel.core.relations import Relations
from satchel.core.roles import RoleStore
from satchel.core.search import SearchIndex
from satchel.core.settings import Settings
from satchel.core.shares import ShareStore
from satchel.core.trash import TrashStore

__all__ = ["FOLD_VERSION_SETTING", "Database"]

FOLD_VERSION_SETTING = "search.fold_version"
"""In-vault setting: the names.FOLD_VERSION that made the index's folded keys."""


class Database:
    """The record stores of one vault and the transactions they write in."""

    def __init__(self, conn: sqlite.Connection, vault_id: str) -> None:
        self.context = ctx = StoreContext(conn, vault_id)
        self.audit: AuditLog = ctx.audit
        self.search: SearchIndex = ctx.search
        self.settings = Settings(ctx)
        self.cases = CaseStore(ctx)
        self.people = PersonStore(ctx)
        self.roles = RoleStore(ctx)
        self.events = EventStore(ctx)
        self.notes = NoteStore(ctx)
        self.colleagues = ColleagueStore(ctx)
        self.documents = DocumentStore(ctx)
        self.identities = IdentityStore(ctx)
        self.shares = ShareStore(ctx)
        self.exchange_files = ExchangeFileStore(ctx)
        relations = Relations(
            cases=self.cases,
            people=self.people,
            roles=self.roles,
            events=self.events,
            notes=self.notes,
            documents=self.documents,
        )
        ctx.links = relations
        self.trash = Trash(
            ctx,
            TrashStore(conn),
            cases=self.cases,
            people=self.people,
            roles=self.roles,
            events=self.events,
            notes=self.notes,
            documents=self.documents,
        )
        relations.trash = self.trash
        # The kinds a bundle may bring, and so may be in conflict.
        self.conflicts = ConflictStore(
            ctx,
            {
                "case": self.cases,
                "person": self.people,
                "role": self.roles,
                "event": self.events,
                "document": self.documents,
                "note": self.notes,
            },
        )

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

    @property
    def connection(self) -> sqlite.Connection:
        return self.context.connection

    @property
    def vault_id(self) -> str:
        return self.context.vault_id

    @property
    def in_transaction(self) -> bool:
        return self.context.in_transaction

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested calls are savepoints that roll back on their own."""
        with self.context.transaction():
            yield

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """One transaction whose nested transactions are no savepoints (see StoreContext)."""
        with self.context.all_or_nothing():
            yield

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """One transaction for many writes; search updates are applied once, at its end.

        Audit lines are still written for every record. A record written several times in
        one bulk is indexed once, as it finally stands.
        """
        with self.context.bulk():
            yield
