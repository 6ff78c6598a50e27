"""Relations: the rules that span stores — deletion cascades, link checks, cross queries.

Deleting a case deletes its roles, events, notes and documents; deleting a person removes
their roles and unlinks them from events; deleting a document unlinks it from the events
citing it. A store's `delete` goes to the trash (core/deletion.py), which keeps a copy and
then removes the rows through these rules. A store asks for these through
`StoreContext.links`, which `Database` sets to a `Relations` over its stores. Only this
module and the trash know more than one store; neither runs SQL itself (each store keeps
its own tables).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from satchel.core.cases import CaseStore
from satchel.core.documents import DocumentStore
from satchel.core.events import EventStore
from satchel.core.model import Case, RoleKind, Versions
from satchel.core.notes import NoteStore
from satchel.core.people import PersonStore
from satchel.core.roles import RoleStore
from satchel.core.store import RecordStore, full_id, reference

if TYPE_CHECKING:
    from satchel.core.deletion import Trash

__all__ = ["Relations"]


class Relations:
    """The cross-store rules of one vault (the `Links` its stores are handed)."""

    trash: Trash
    """Set by `Database` once the trash exists (deleting goes through it)."""

    def __init__(
        self,
        *,
        cases: CaseStore,
        people: PersonStore,
        roles: RoleStore,
        events: EventStore,
        notes: NoteStore,
        documents: DocumentStore,
    ) -> None:
        self._cases = cases
        self._people = people
        self._roles = roles
        self._events = events
        self._notes = notes
        self._documents = documents
        self._by_kind: dict[str, RecordStore[Any]] = {
            "case": cases,
            "person": people,
            "event": events,
            "document": documents,
        }

    # -- link checks ------------------------------------------------------------------------

    def exists(self, kind: str, record_id: str) -> bool:
        return self._by_kind[kind].exists(record_id)

    def reference(self, kind: str, record_id: str, field: str) -> str:
        return reference(self._by_kind[kind], record_id, field)

    def full_id(self, kind: str, record_id: str, field: str) -> str:
        return full_id(self._by_kind[kind], record_id, field)

    # -- deletion -----------------------------------------------------------------------------

    def delete(self, kind: str, record_id: str, versions: Versions | None = None) -> None:
        self.trash.delete(kind, record_id, versions=versions)

    def revived(self, kind: str, ids: Sequence[str]) -> None:
        self.trash.revived(kind, ids)

    def tombstone_versions(self, record_id: str) -> Versions | None:
        tomb = self.trash.tombstone(record_id)
        return tomb.versions if tomb is not None else None

    def advance_tombstone(self, record_id: str, versions: Versions) -> None:
        self.trash.advance_tombstone(record_id, versions)

    def restore_from_trash(self, record_id: str) -> None:
        if self.trash.has_entry(record_id):
            self.trash.restore(record_id)

    def before_delete(self, kind: str, record_id: str) -> str:
        if kind == "case":
            return self._delete_case_contents(record_id)
        if kind == "person":
            return self._unlink_person(record_id)
        if kind == "document":
            unlinked = self._events.unlink_document(record_id)
            return f"unlinked from {unlinked} events" if unlinked else ""
        return ""

    def _delete_case_contents(self, case_id: str) -> str:
        # Children first, each removed from the search index; the foreign keys would
        # cascade the rows anyway, but not the index entries.
        removed = {
            "roles": self._roles.remove_case(case_id),
            "events": self._events.remove_case(case_id),
            "notes": self._notes.remove_case(case_id),
        }
        # Their bytes stay, for the trash the case goes to (emptying it deletes them).
        removed["documents"] = self._documents.remove_case(case_id)
        detail = ", ".join(f"{n} {what}" for what, n in removed.items() if n)
        return f"with {detail}" if detail else ""

    def _unlink_person(self, person_id: str) -> str:
        roles = self._roles.remove_person(person_id)
        events = self._events.unlink_person(person_id)
        parts = [
            f"{roles} roles" if roles else "",
            f"unlinked from {events} events" if events else "",
        ]
        return ", ".join(p for p in parts if p)

    # -- events and documents -----------------------------------------------------------------

    def document_event_ids(self, document_id: str) -> builtins.list[str]:
        return self._events.event_ids_for_document(document_id)

    def link_document(self, document_id: str, event_ids: Iterable[str]) -> None:
        self._events.set_document_events(document_id, event_ids)

    # -- people and cases ---------------------------------------------------------------------

    def case(self, case_id: str) -> Case:
        return self._cases.get(case_id)

    def cases_of_person(self, person_id: str) -> builtins.list[tuple[Case, RoleKind]]:
        return self._cases.of_person(person_id)
