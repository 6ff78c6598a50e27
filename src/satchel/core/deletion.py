"""Trash: deleting into the trash, restoring from it, emptying it, and deletions' tombstones.

Deleting an event, note, document, person or case removes its row (and so its search
entry and, for a deadline, its place on the agenda) and keeps its dict form in the trash
with what went with it: a case takes its roles, events, notes and documents (one entry, so
it comes back whole); a person takes their roles, the documents kept for them alone, and
remembers the events and documents that named them. Every deleted record leaves a
tombstone with its version vector plus one edit by the deleting vault, which bundles carry
(bundle format v2) so the deletion travels and a stale bundle cannot undo it.

Restoring puts back what can be put back and says what could not (a person who was
deleted since, a case that is gone); a restored record's vector dominates its tombstone,
so the restore travels too. Emptying deletes the entries and the documents' encrypted
chunks under the vault's secure_delete. Like relations.py this module knows several
stores; unlike them it runs no SQL (core/trash.py holds the tables).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from satchel.core.cases import CaseStore
from satchel.core.codec import format_timestamp, from_dict, now, to_dict
from satchel.core.context import StoreContext
from satchel.core.documents import DocumentStore
from satchel.core.events import EventStore
from satchel.core.model import Case, Document, Event, Note, Person, Record, Versions
from satchel.core.notes import NoteStore, note_title
from satchel.core.people import PersonStore
from satchel.core.roles import RoleStore
from satchel.core.store import RecordStore
from satchel.core.trash import Tombstone, TrashEntry, TrashStore
from satchel.core.versions import bump_versions, join_versions, versions_from_json
from satchel.errors import InvalidInput, NotFound

__all__ = ["TRASH_KINDS", "RestoreReport", "Trash", "record_label"]

TRASH_KINDS = ("case", "person", "event", "note", "document")
"""The kinds a deletion moves to the trash (a role goes with its person or case)."""


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What restoring a trash entry brought back, and what it could not."""

    kind: str
    record_id: str
    label: str
    restored: int  # records put back, the entry's own record included
    lost: tuple[tuple[str, str], ...]  # (code, label): what stayed out, and why (see errors)


def record_label(kind: str, record: Record) -> str:
    """A short plain-text name for a record in the trash list."""
    if isinstance(record, Case):
        text = record.title
    elif isinstance(record, Person):
        text = record.primary_name
    elif isinstance(record, Event):
        text = record.title  # the date in words is the client's to write, in its language
    elif isinstance(record, Note):
        text = note_title(record)
    elif isinstance(record, Document):
        text = record.filename
    else:
        text = kind
    text = " ".join(text.split())
    return text[:200]


class Trash:
    """The trash and tombstones of one vault, over its stores."""

    def __init__(
        self,
        ctx: StoreContext,
        store: TrashStore,
        *,
        cases: CaseStore,
        people: PersonStore,
        roles: RoleStore,
        events: EventStore,
        notes: NoteStore,
        documents: DocumentStore,
    ) -> None:
        self._ctx = ctx
        self._store = store
        self._cases = cases
        self._people = people
        self._roles = roles
        self._events = events
        self._notes = notes
        self._documents = documents
        self._stores: dict[str, RecordStore[Any]] = {
            "case": cases,
            "person": people,
            "role": roles,
            "event": events,
            "note": notes,
            "document": documents,
        }

    # -- reading ------------------------------------------------------------------------------

    def list(
        self, *, kind: str | None = None, limit: int | None = None, offset: int = 0
    ) -> builtins.list[TrashEntry]:
        """What is in the trash, most recently deleted first."""
        return self._store.list(kind=kind, limit=limit, offset=offset)

    def count(self) -> int:
        return self._store.count()

    def get(self, record_id: str) -> TrashEntry:
        """The entry of this record id (or unique prefix of six characters or more)."""
        key = record_id.strip().lower()
        found = self._store.resolve(key) if len(key) >= 6 else []
        if len(found) > 1 and key not in found:
            raise InvalidInput(
                "The id prefix {id_or_prefix} names more than one item in the trash",
                "id",
                code="trash_prefix_ambiguous",
                id_or_prefix=record_id,
            )
        entry = self._store.find(key if key in found else found[0]) if found else None
        if entry is None:
            raise NotFound(
                "Nothing with id {record_id} is in the trash",
                code="trash_no_entry",
                record_id=record_id,
            )
        return entry

    def tombstone(self, record_id: str) -> Tombstone | None:
        return self._store.tombstone(record_id)

    def has_entry(self, record_id: str) -> bool:
        """Whether the record (exact id) has a trash entry of its own."""
        return self._store.find(record_id) is not None

    def tombstones(self, ids: Sequence[str]) -> dict[str, Tombstone]:
        return self._store.tombstones(ids)

    def tombstone_count(self) -> int:
        return self._store.tombstone_count()

    def tombstones_of_cases(self, case_ids: Sequence[str]) -> builtins.list[Tombstone]:
        """Tombstones a bundle of these cases carries."""
        return self._store.tombstones_of_cases(case_ids)

    # -- deleting -----------------------------------------------------------------------------

    def delete(
        self,
        kind: str,
        record_id: str,
        *,
        versions: Versions | None = None,
        child_versions: Mapping[str, Versions] | None = None,
    ) -> None:
        """Delete a record into the trash (a role: for good) and leave tombstones.

        `versions` and `child_versions` are the tombstones' vectors when the deletion
        comes from a bundle; a deletion made here counts one edit by this vault on each.
        """
        store = self._stores.get(kind)
        if store is None:
            raise InvalidInput(
                "A {kind} cannot be deleted into the trash", "kind", code="trash_kind", kind=kind
            )
        own = self._ctx.vault_id
        explicit = dict(child_versions or {})

        def vector(record: Record, top: bool = False) -> Versions:
            given = versions if top else explicit.get(record.id)
            return given or bump_versions(record.versions, own)

        with self._ctx.transaction():
            record = store.get(record_id)
            tombs: builtins.list[tuple[str, Record, Versions, tuple[str, ...]]] = []
            if kind == "role":
                store.remove(record.id)
                self._tomb("role", record, vector(record, True), (record.case_id,))
                return
            payload: dict[str, Any] = {"record": to_dict(record)}
            case_id: str | None = getattr(record, "case_id", None)
            if kind == "case":
                case_id = record.id
                children: dict[str, builtins.list[Record]] = {
                    "roles": list(self._roles.list(case_id=record.id)),
                    "documents": list(self._documents.list(case_id=record.id)),
                    "events": list(self._events.list(case_id=record.id)),
                    "notes": list(self._notes.list(case_id=record.id)),
                }
                for group, items in children.items():
                    payload[group] = [to_dict(item) for item in items]
                    child_kind = _GROUP_KIND[group]
                    tombs.extend((child_kind, c, vector(c), (record.id,)) for c in items)
                tombs.insert(0, (kind, record, vector(record, True), (record.id,)))
                store.remove(record.id)
            elif kind == "person":
                roles = list(self._roles.list(person_id=record.id))
                own_docs = [
                    self._documents.get(d)
                    for d in self._documents.ids_of_person(record.id, with_case=False)
                ]
                payload["roles"] = [to_dict(r) for r in roles]
                payload["documents"] = [to_dict(d) for d in own_docs]
                payload["event_links"] = [e for e, _pos in self._events.person_links(record.id)]
                payload["document_links"] = self._documents.ids_of_person(record.id, with_case=True)
                cases = tuple(sorted({r.case_id for r in roles}))
                tombs.append((kind, record, vector(record, True), cases))
                tombs.extend(("role", r, vector(r), (r.case_id,)) for r in roles)
                tombs.extend(("document", d, vector(d), ()) for d in own_docs)
                for doc in own_docs:
                    self._documents.remove(doc.id)
                store.remove(record.id)
            else:
                cases = (case_id,) if case_id else ()
                tombs.append((kind, record, vector(record, True), cases))
                if kind == "event":
                    # Deadlines counted from it become fixed; remember how they counted,
                    # so that restoring the event makes them count from it again.
                    payload["dependents"] = [
                        to_dict(dep)["deadline"] for dep in self._events.dependents(record.id)
                    ]
                    payload["dependent_ids"] = [
                        dep.id for dep in self._events.dependents(record.id)
                    ]
                store.remove(record.id)
            for t_kind, t_record, t_versions, t_cases in tombs:
                self._tomb(t_kind, t_record, t_versions, t_cases)
            self._store.add(
                record.id,
                kind,
                case_id,
                record_label(kind, record),
                self._ctx.audit.actor,
                payload,
            )

    def _tomb(self, kind: str, record: Record, versions: Versions, cases: Iterable[str]) -> None:
        self._store.put_tombstone(record.id, kind, record.origin_vault, versions, cases)

    def note_tombstone(
        self,
        record_id: str,
        kind: str,
        origin_vault: str,
        versions: Versions,
        cases: Iterable[str],
    ) -> None:
        """Keep a deletion of a record this vault does not hold (never had, or deleted
        already): a later stale bundle must not bring it in. Vectors only grow."""
        with self._ctx.transaction():
            known = self._store.tombstone(record_id)
            cases = tuple(cases)
            if known is not None:
                versions = join_versions(known.versions, versions)
                cases = tuple(dict.fromkeys((*known.cases, *cases)))
                if versions == known.versions and set(cases) == set(known.cases):
                    return
            self._store.put_tombstone(record_id, kind, origin_vault, versions, cases)

    # -- a record written again ---------------------------------------------------------------

    def revived(self, kind: str, ids: Sequence[str]) -> None:
        """Records written again (an import newer than their deletion, a conflict taken):
        their tombstones go, and so do their own trash entries; what such an entry held
        besides the record itself (a case's events, say) stays in the trash on its own."""
        self._store.remove_tombstones(ids)
        for record_id in self._store.ids(ids):
            entry = self._store.find(record_id)
            self._store.remove(record_id)
            if entry is not None:
                self._refile(entry)

    def _refile(self, entry: TrashEntry) -> None:
        for group in ("events", "notes", "documents"):
            for data in entry.payload.get(group, ()):
                record = self._stores[_GROUP_KIND[group]].find(data["id"])
                if record is not None or self._store.find(data["id"]) is not None:
                    continue
                child = from_dict(_GROUP_KIND[group], data)
                self._store.add(
                    child.id,
                    _GROUP_KIND[group],
                    getattr(child, "case_id", None),
                    record_label(_GROUP_KIND[group], child),
                    entry.deleted_by,
                    {"record": data},
                )

    def advance_tombstone(self, record_id: str, versions: Versions) -> None:
        """A deletion kept over a conflicting edit: its vector now dominates that edit."""
        known = self._store.tombstone(record_id)
        if known is None:
            return
        self._store.put_tombstone(
            record_id, known.kind, known.origin_vault, versions, known.cases, known.deleted_at
        )

    # -- restoring ----------------------------------------------------------------------------

    def undelete_role(self, data: Mapping[str, Any]) -> None:
        """Put back a role removed on its own (undo of unlinking a person from a case): a
        role has no trash entry, only its tombstone, which its new version passes."""
        with self._ctx.transaction():
            if not self._cases.exists(data["case_id"]) or not self._people.exists(
                data["person_id"]
            ):
                raise InvalidInput(
                    "This {kind} belonged to a case that is no longer here; restore the case first",
                    "case_id",
                    code="trash_case_gone",
                    kind="role",
                )
            self._roles.put_raw(self._revive(data), action="undo")

    def restore(self, record_id: str) -> RestoreReport:
        """Put a trash entry back with what can come back; say what could not."""
        entry = self.get(record_id)
        lost: builtins.list[tuple[str, str]] = []
        with self._ctx.transaction():
            self._store.remove(entry.record_id)
            payload = entry.payload
            restored = 0
            if entry.kind == "case":
                self._cases.put_raw(self._revive(payload["record"]), action="restore")
                restored += 1
                restored += self._restore_documents(payload.get("documents", ()), lost)
                restored += self._restore_roles(payload.get("roles", ()), lost)
                restored += self._restore_events(payload.get("events", ()), lost)
                for data in payload.get("notes", ()):
                    self._notes.put_raw(self._revive(data), action="restore")
                    restored += 1
            elif entry.kind == "person":
                person_id = payload["record"]["id"]
                self._people.put_raw(self._revive(payload["record"]), action="restore")
                restored += 1
                restored += self._restore_roles(payload.get("roles", ()), lost)
                restored += self._restore_documents(payload.get("documents", ()), lost)
                links = payload.get("event_links", ())
                linked = self._events.relink_person(person_id, links)
                if linked < len(links):
                    lost.append(("trash_lost_event_links", str(len(links) - linked)))
                doc_links = payload.get("document_links", ())
                relinked = self._documents.relink_person(person_id, doc_links)
                if relinked < len(doc_links):
                    lost.append(("trash_lost_document_links", str(len(doc_links) - relinked)))
            else:
                self._require_case(entry.kind, payload["record"])
                if entry.kind == "event":
                    restored += self._restore_events([payload["record"]], lost)
                    self._recount_dependents(payload, lost)
                elif entry.kind == "note":
                    self._notes.put_raw(self._revive(payload["record"]), action="restore")
                    restored += 1
                else:
                    restored += self._restore_documents([payload["record"]], lost)
            detail = "; ".join(f"{code}: {what}" for code, what in lost)
            self._ctx.audit.log(
                "restore",
                entry.kind,
                entry.record_id,
                f"{entry.label}: back from the trash, {restored} record(s)"
                + (f" (not restored: {detail})" if detail else ""),
                case_id=entry.case_id,
            )
        return RestoreReport(entry.kind, entry.record_id, entry.label, restored, tuple(lost))

    def _recount_dependents(
        self, payload: Mapping[str, Any], lost: builtins.list[tuple[str, str]]
    ) -> None:
        """Deadlines that counted from a restored event count from it again, when they are
        still the fixed deadlines its deletion left (anything edited since stays as is)."""
        for dep_id, info in zip(
            payload.get("dependent_ids", ()), payload.get("dependents", ()), strict=False
        ):
            dep = self._events.find(dep_id)
            if dep is None or dep.deadline is None or dep.deadline.computed_from:
                lost.append(("trash_lost_dependent", dep.title if dep else dep_id))
                continue
            back = from_dict(
                "event", {**to_dict(dep), "deadline": info}
            )  # the deadline as it counted, checked like any record
            assert isinstance(back, Event)
            self._events.update(dep.id, deadline=back.deadline)

    def _revive(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The record as it was, with a vector that dominates its deletion."""
        tomb = self._store.tombstone(str(data["id"]))
        base = tomb.versions if tomb is not None else versions_from_json(data["versions"])
        versions = bump_versions(base, self._ctx.vault_id)
        return {
            **data,
            "versions": [list(v) for v in versions],
            "updated_at": format_timestamp(now()),
        }

    def _require_case(self, kind: str, data: Mapping[str, Any]) -> None:
        case_id = data.get("case_id")
        if case_id and not self._cases.exists(case_id):
            raise InvalidInput(
                "This {kind} belonged to a case that is no longer here; restore the case first",
                "case_id",
                code="trash_case_gone",
                kind=kind,
            )

    def _restore_roles(
        self, roles: Iterable[Mapping[str, Any]], lost: builtins.list[tuple[str, str]]
    ) -> int:
        done = 0
        for data in roles:
            if not self._cases.exists(data["case_id"]) or not self._people.exists(
                data["person_id"]
            ):
                lost.append(("trash_lost_role", str(data.get("kind", ""))))
                continue
            self._roles.put_raw(self._revive(data), action="restore")
            done += 1
        return done

    def _restore_documents(
        self, documents: Iterable[Mapping[str, Any]], lost: builtins.list[tuple[str, str]]
    ) -> int:
        done = 0
        for data in documents:
            record = dict(self._revive(data))
            if record.get("person_id") and not self._people.exists(record["person_id"]):
                record["person_id"] = None
                if not record.get("case_id"):
                    lost.append(("trash_lost_document", str(record.get("filename", ""))))
                    continue
            if record.get("case_id") and not self._cases.exists(record["case_id"]):
                lost.append(("trash_lost_document", str(record.get("filename", ""))))
                continue
            self._documents.restore_row(record)
            events = [e for e in data.get("event_ids", ()) if self._events.exists(e)]
            if events:
                self._ctx.links.link_document(record["id"], events)
            done += 1
        return done

    def _restore_events(
        self, events: Iterable[Mapping[str, Any]], lost: builtins.list[tuple[str, str]]
    ) -> int:
        # Sources before the deadlines computed from them, so each finds its source.
        pending = sorted(events, key=lambda e: bool((e.get("deadline") or {}).get("computed_from")))
        ids = {e["id"] for e in pending}
        done = 0
        for data in pending:
            record = dict(self._revive(data))
            people = [p for p in record.get("person_ids", ()) if self._people.exists(p)]
            if len(people) < len(record.get("person_ids", ())):
                lost.append(("trash_lost_event_people", str(record.get("title", ""))))
            documents = [
                d
                for d in record.get("document_ids", ())
                if (doc := self._documents.find(d)) is not None and doc.case_id == data["case_id"]
            ]
            if len(documents) < len(record.get("document_ids", ())):
                lost.append(("trash_lost_event_documents", str(record.get("title", ""))))
            record["person_ids"] = people
            record["document_ids"] = documents
            deadline = record.get("deadline")
            source = (deadline or {}).get("computed_from")
            if deadline and source and source not in ids and not self._events.exists(source):
                # Counted from an event that is gone: it keeps its date, now fixed.
                record["deadline"] = {
                    k: v
                    for k, v in deadline.items()
                    if k not in ("computed_from", "offset_days", "unit", "rule")
                }
                lost.append(("trash_lost_deadline_source", str(record.get("title", ""))))
            self._events.put_raw(record, action="restore")
            done += 1
        return done

    # -- emptying -----------------------------------------------------------------------------

    def empty(self, record_ids: Iterable[str] | None = None) -> int:
        """Delete trash entries for good (all, or those named) with their documents'
        bytes; returns how many entries went. Tombstones stay: they hold no content."""
        with self._ctx.transaction():
            if record_ids is None:
                entries = self._store.list()
            else:
                entries = [self.get(r) for r in record_ids]
            for entry in entries:
                doc_ids = [d["id"] for d in entry.payload.get("documents", ())]
                if entry.kind == "document":
                    doc_ids.append(entry.record_id)
                self._store.remove(entry.record_id)
                self._store.purge_chunks(doc_ids)
                self._ctx.audit.log(
                    "purge", entry.kind, entry.record_id, "emptied from the trash",
                    case_id=entry.case_id,
                )  # fmt: skip
        return len(entries)


_GROUP_KIND = {"roles": "role", "events": "event", "notes": "note", "documents": "document"}
