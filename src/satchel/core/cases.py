"""CaseStore: cases, their labelled reference numbers and tags.

Deleting a case deletes everything that belongs to it (roles, events, notes, documents)
in the same transaction. Never deletes or changes people: a person may be in other cases.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
from typing import Any, Literal

from satchel.core.model import Case, CaseStatus, CaseType, Reference, RiskLevel, RoleKind
from satchel.core.names import plain_text
from satchel.core.queries import enum_value, fold, page
from satchel.core.store import RecordStore, require_text
from satchel.errors import InvalidInput

__all__ = ["CaseOrder", "CaseStore"]

CaseOrder = Literal["updated", "title", "deadline", "client"]

# The earliest pending, dated deadline of each case, and the first client's name by the
# name's folded form: what the cases list sorts by when asked what is urgent.
_NEXT_DEADLINE = (
    "LEFT JOIN (SELECT case_id, min(sort_lo) AS next_lo FROM events "
    "WHERE deadline_status = 'pending' AND sort_undated = 0 GROUP BY case_id) AS due "
    "ON due.case_id = cases.id"
)
_FIRST_CLIENT = (
    "LEFT JOIN (SELECT roles.case_id, min(people.primary_fold) AS client_fold FROM roles "
    "JOIN people ON people.id = roles.person_id WHERE roles.kind = 'client' "
    "GROUP BY roles.case_id) AS client ON client.case_id = cases.id"
)


_E_OR_I = {"е", "и"}  # see the text filter in `_filters`


class CaseStore(RecordStore[Case]):
    kind = "case"
    tombstoned = True
    table = "cases"
    record_cls = Case
    derived_columns = ("title_fold", "text_fold")
    indexed = True

    def create(self, title: str, **fields: Any) -> Case:
        """A new case; `fields` are any other fields of `Case`."""
        return self._insert({"title": title, **fields})

    def _case_of(self, record: Case) -> str | None:
        return record.id

    def list(
        self,
        *,
        status: CaseStatus | str | None = None,
        case_type: CaseType | str | None = None,
        risk: RiskLevel | str | None = None,
        tag: str | None = None,
        text: str | None = None,
        order: CaseOrder = "updated",
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[Case]:
        """Cases matching every filter given, most recently changed first (or by title).

        `order="deadline"` puts the case whose next pending deadline comes first (an overdue
        one included) first and cases with none last; `order="client"` orders by the name of
        the case's client (the first by name if several), cases without a client last.

        `text` matches a substring of the title, a reference number or the summary,
        ignoring case in any script and Ё/Е; or every word of it matches a word of the
        title in any spelling (`Zhuravleva` finds `Журавлёва`), as in the search box.
        """
        where, params = self._filters(status, case_type, risk, tag, text)
        join = ""
        if order == "updated":
            order_by = "updated_at DESC, id"
        elif order == "title":
            order_by = "title_fold, id"
        elif order == "deadline":
            join = _NEXT_DEADLINE
            order_by = "due.next_lo IS NULL, due.next_lo, cases.title_fold, cases.id"
        elif order == "client":
            join = _FIRST_CLIENT
            order_by = "client.client_fold IS NULL, client.client_fold, cases.title_fold, cases.id"
        else:
            raise InvalidInput(
                "Unknown order {order!r} (updated or title)",
                "order",
                code="unknown_order_updated_title",
                order=order,
            )
        clause, page_params = page(limit, offset)
        rows = self._query(
            f"SELECT cases.* FROM cases {join} WHERE {where} ORDER BY {order_by}{clause}",
            [*params, *page_params],
        )
        return self._records(rows)

    def count(
        self,
        *,
        status: CaseStatus | str | None = None,
        case_type: CaseType | str | None = None,
        risk: RiskLevel | str | None = None,
        tag: str | None = None,
        text: str | None = None,
    ) -> int:
        where, params = self._filters(status, case_type, risk, tag, text)
        return self._count(where, params)

    def of_person(self, person_id: str) -> builtins.list[tuple[Case, RoleKind]]:
        """The cases a person has a role in, with each role, by case title."""
        rows = self._query(
            "SELECT cases.*, roles.kind AS role_kind FROM roles "
            "JOIN cases ON cases.id = roles.case_id WHERE roles.person_id = ? "
            "ORDER BY cases.title_fold, cases.id, roles.kind",
            (person_id,),
        )
        cases = self._records(rows)
        return [(case, RoleKind(row["role_kind"])) for case, row in zip(cases, rows, strict=True)]

    def tags(self) -> builtins.list[str]:
        """Every tag in use, as first written, in alphabetical order."""
        seen: dict[str, str] = {}
        for row in self._query("SELECT tags FROM cases WHERE tags != '[]'"):
            for tag in json.loads(row["tags"]):
                seen.setdefault(fold(tag), tag)
        return [seen[k] for k in sorted(seen)]

    # -- hooks ----------------------------------------------------------------------------

    def _validate(self, record: Case, old: Case | None) -> Case:
        title = require_text(record.title, "title", "A case title")
        references = tuple(
            Reference(
                label=r.label.strip(),
                value=require_text(r.value, "references", "A reference number"),
            )
            for r in record.references
        )
        tags: builtins.list[str] = []
        for raw in record.tags:
            tag = raw.strip()
            if tag and fold(tag) not in {fold(t) for t in tags}:
                tags.append(tag)
        if record.opened and record.closed and record.closed < record.opened:
            raise InvalidInput(
                "A case cannot close before it opened",
                "closed",
                code="case_cannot_close_before_opened",
            )
        return dataclasses.replace(
            record,
            title=title,
            jurisdiction=record.jurisdiction.strip(),
            authority=record.authority.strip(),
            references=references,
            tags=tuple(tags),
        )

    def _derived(self, record: Case) -> dict[str, Any]:
        parts = [record.title, *(r.value for r in record.references), record.summary]
        return {"title_fold": fold(record.title), "text_fold": fold("\n".join(parts))}

    def _write_links(self, record: Case, new: bool) -> None:
        if not new:
            self._conn.execute("DELETE FROM case_tags WHERE case_id = ?", (record.id,))
        self._conn.executemany(
            "INSERT INTO case_tags (case_id, tag_fold) VALUES (?, ?)",
            [(record.id, fold(t)) for t in record.tags],
        )

    def _search_entry(self, record: Case) -> tuple[str | None, str, str, builtins.list[str]]:
        body = "\n".join(
            [
                *(f"{r.label} {r.value}".strip() for r in record.references),
                record.jurisdiction,
                record.authority,
                " ".join(record.tags),
                record.summary,
            ]
        )
        return record.id, record.title, body, []

    def _summary(self, record: Case) -> str:
        return record.title

    # -- helpers --------------------------------------------------------------------------

    def _filters(
        self,
        status: CaseStatus | str | None,
        case_type: CaseType | str | None,
        risk: RiskLevel | str | None,
        tag: str | None,
        text: str | None,
    ) -> tuple[str, builtins.list[Any]]:
        clauses = ["1"]
        params: builtins.list[Any] = []
        for column, enum, value in (
            ("status", CaseStatus, status),
            ("case_type", CaseType, case_type),
            ("risk", RiskLevel, risk),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(enum_value(enum, value, column))
        if tag:
            clauses.append("id IN (SELECT case_id FROM case_tags WHERE tag_fold = ?)")
            params.append(fold(tag.strip()))
        if text and text.strip():
            # A substring as typed (Ё read as Е), or every word by its folded keys, so a
            # Latin spelling finds a Cyrillic name: `names.NameFilter` says why.
            needle = plain_text(text.strip())
            # Stored text keeps Ё and Й; reading them as Е and И matters (and costs a
            # pass over every row) only when the typed text has an Е or И.
            stored = (
                "replace(replace(text_fold, 'ё', 'е'), 'й', 'и')"
                if _E_OR_I & set(needle)
                else "text_fold"
            )
            plain = f"instr({stored}, ?) > 0"
            params.append(needle)
            by_keys = self._ctx.search.key_filter("case", text)
            if by_keys is None:
                clauses.append(plain)
            else:
                clauses.append(f"({plain} OR {by_keys[0]})")
                params += by_keys[1]
        return " AND ".join(clauses), params
