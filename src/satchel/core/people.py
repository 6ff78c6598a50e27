"""PersonStore: people and organisations, with every spelling of their names.

A person carries one primary name and any number of aliases (other scripts, passport,
court or press spellings); search indexes them all. Deleting a person removes their roles
and their links to events, never the cases or events themselves.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from satchel.core.model import Case, Person, PersonKind, PersonName, RoleKind
from satchel.core.names import plain_text
from satchel.core.queries import enum_value, fold, page, placeholders
from satchel.core.store import RecordStore, require_text
from satchel.errors import InvalidInput

__all__ = ["PersonStore"]


_E_OR_I = {"е", "и"}  # see the text filter in `_filters`


class PersonStore(RecordStore[Person]):
    kind = "person"
    tombstoned = True
    table = "people"
    record_cls = Person
    derived_columns = ("primary_fold", "names_fold")
    indexed = True

    def create(self, names: Sequence[PersonName | str], **fields: Any) -> Person:
        """A new person (or organisation, with kind=PersonKind.ORGANISATION).

        `names` may be plain strings; unless one is marked primary, the first is.
        """
        return self._insert({"names": _as_names(names), **fields})

    def update(self, record_or_id: Person | str, **changes: Any) -> Person:
        """As `RecordStore.update`; `names` may be plain strings, as for `create`."""
        if "names" in changes:
            changes["names"] = _as_names(changes["names"])
        return super().update(record_or_id, **changes)

    def primary_names(self, person_ids: Sequence[str]) -> dict[str, str]:
        """The primary name of each of these people (those that exist), without building
        whole records: a list shows a page of names, not each person's documents."""
        ids = builtins.list(dict.fromkeys(person_ids))
        names: dict[str, str] = {}
        for start in range(0, len(ids), 500):  # SQLite's bound on parameters, with room
            chunk = ids[start : start + 500]
            for row in self._query(
                f"SELECT id, names FROM people WHERE id IN ({placeholders(chunk)})", chunk
            ):
                listed = json.loads(row["names"])
                primary = next(
                    (n for n in listed if n.get("primary")), listed[0] if listed else None
                )
                names[row["id"]] = str(primary["text"]) if primary else ""
        return names

    def list(
        self,
        *,
        text: str | None = None,
        kind: PersonKind | str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[Person]:
        """People by primary name whose any name contains `text` (ignoring case and Ё/Е),
        or whose names match every word of `text` in any spelling or script
        (`Chruschtschow`, `Khrushchev`, `Хрущёв`), as in the search box."""
        where, params = self._filters(text, kind)
        clause, page_params = page(limit, offset)
        rows = self._query(
            f"SELECT * FROM people WHERE {where} ORDER BY primary_fold, id{clause}",
            [*params, *page_params],
        )
        return self._records(rows)

    def count(self, *, text: str | None = None, kind: PersonKind | str | None = None) -> int:
        where, params = self._filters(text, kind)
        return self._count(where, params)

    def cases_of(self, person_id: str) -> builtins.list[tuple[Case, RoleKind]]:
        """Every case this person has a role in, with the role, by case title."""
        return self._ctx.links.cases_of_person(self.resolve(person_id))

    # -- hooks ----------------------------------------------------------------------------

    def _validate(self, record: Person, old: Person | None) -> Person:
        names: builtins.list[PersonName] = []
        for n in record.names:
            text = require_text(n.text, "names", "A name")
            if any(m.text == text and m.script == n.script for m in names):
                continue
            names.append(dataclasses.replace(n, text=text, source=n.source.strip()))
        if not names:
            raise InvalidInput("A person needs a name", "names", code="person_needs_name")
        primaries = [n for n in names if n.primary]
        if len(primaries) > 1:
            raise InvalidInput(
                "Only one name can be the primary name", "names", code="one_name_can_primary_name"
            )
        if not primaries:
            names[0] = dataclasses.replace(names[0], primary=True)
        citizenships = tuple(dict.fromkeys(c.strip() for c in record.citizenships if c.strip()))
        for doc in record.documents:
            require_text(doc.number, "documents", "An identity document number")
            if doc.issued and doc.expires and doc.expires.upper() <= doc.issued.lower():
                raise InvalidInput(
                    "A document cannot expire before it was issued",
                    "documents",
                    code="document_cannot_expire_before_issued",
                )
        for contact in record.contacts:
            require_text(contact.value, "contacts", "A contact")
        return dataclasses.replace(record, names=tuple(names), citizenships=citizenships)

    def _derived(self, record: Person) -> dict[str, Any]:
        return {
            "primary_fold": fold(record.primary_name),
            "names_fold": fold("\n".join(n.text for n in record.names)),
        }

    def _search_entry(self, record: Person) -> tuple[str | None, str, str, builtins.list[str]]:
        body = "\n".join(
            [
                " ".join(record.citizenships),
                *(f"{d.kind} {d.number} {d.issuer}".strip() for d in record.documents),
                *(f"{c.label} {c.value}".strip() for c in record.contacts),
                record.notes,
            ]
        )
        return None, record.primary_name, body, [n.text for n in record.names]

    def _summary(self, record: Person) -> str:
        return record.primary_name

    def _filters(
        self, text: str | None, kind: PersonKind | str | None
    ) -> tuple[str, builtins.list[Any]]:
        clauses = ["1"]
        params: builtins.list[Any] = []
        if text and text.strip():
            # A substring as typed (Ё read as Е), or every word by its folded keys, so a
            # Latin spelling finds a Cyrillic name: `names.NameFilter` says why.
            needle = plain_text(text.strip())
            # Stored text keeps Ё and Й; reading them as Е and И matters (and costs a
            # pass over every row) only when the typed text has an Е or И.
            stored = (
                "replace(replace(names_fold, 'ё', 'е'), 'й', 'и')"
                if _E_OR_I & set(needle)
                else "names_fold"
            )
            plain = f"instr({stored}, ?) > 0"
            params.append(needle)
            by_keys = self._ctx.search.key_filter("person", text)
            if by_keys is None:
                clauses.append(plain)
            else:
                clauses.append(f"({plain} OR {by_keys[0]})")
                params += by_keys[1]
        if kind is not None:
            clauses.append("kind = ?")
            params.append(enum_value(PersonKind, kind, "kind"))
        return " AND ".join(clauses), params


def _as_names(names: Sequence[PersonName | str]) -> tuple[PersonName, ...]:
    if isinstance(names, str):
        names = [names]
    out = [PersonName(text=n) if isinstance(n, str) else n for n in names]
    if out and not any(n.primary for n in out):
        out[0] = dataclasses.replace(out[0], primary=True)
    return tuple(out)
