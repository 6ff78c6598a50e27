"""RoleStore: a person's part in a case (client, relative, judge, ...).

A role needs its case and its person to exist; the same person may hold several kinds of
role in one case, but `create` refuses the same kind twice.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Sequence
from typing import Any

from satchel.core.model import Role, RoleKind
from satchel.core.queries import enum_value, page, placeholders
from satchel.core.store import RecordStore
from satchel.errors import InvalidInput

__all__ = ["RoleStore"]


class RoleStore(RecordStore[Role]):
    kind = "role"
    tombstoned = True
    table = "roles"
    record_cls = Role

    def create(self, case_id: str, person_id: str, kind: RoleKind | str, note: str = "") -> Role:
        case_id = self._ctx.links.reference("case", case_id, "case_id")
        person_id = self._ctx.links.reference("person", person_id, "person_id")
        kind_value = enum_value(RoleKind, kind, "kind")
        with self._ctx.transaction():
            # Checked here, not in _validate: a bundle may bring the same role created
            # independently in another vault, and that must still import.
            if self.count(case_id=case_id, person_id=person_id, kind=kind_value):
                raise InvalidInput(
                    "This person already has the role {kind_value} in this case",
                    "kind",
                    code="person_already_role_case",
                    kind_value=kind_value,
                )
            return self._insert(
                {"case_id": case_id, "person_id": person_id, "kind": kind, "note": note}
            )

    def list(
        self,
        *,
        case_id: str | None = None,
        person_id: str | None = None,
        kind: RoleKind | str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[Role]:
        """Roles in a case or of a person, oldest first."""
        where, params = self._filters(case_id, person_id, kind)
        clause, page_params = page(limit, offset)
        rows = self._query(
            f"SELECT * FROM roles WHERE {where} ORDER BY created_at, id{clause}",
            [*params, *page_params],
        )
        return self._records(rows)

    def of_cases(
        self, case_ids: Sequence[str], kind: RoleKind | str | None = None
    ) -> builtins.list[Role]:
        """The roles in any of these cases (of one kind if given), oldest first."""
        ids = builtins.list(dict.fromkeys(case_ids))
        roles: builtins.list[Role] = []
        for start in range(0, len(ids), 500):  # SQLite's bound on parameters, with room
            chunk = ids[start : start + 500]
            where = f"case_id IN ({placeholders(chunk)})"
            params: builtins.list[Any] = [*chunk]
            if kind is not None:
                where += " AND kind = ?"
                params.append(enum_value(RoleKind, kind, "kind"))
            roles += self._records(
                self._query(f"SELECT * FROM roles WHERE {where} ORDER BY created_at, id", params)
            )
        return roles

    def count(
        self,
        *,
        case_id: str | None = None,
        person_id: str | None = None,
        kind: RoleKind | str | None = None,
    ) -> int:
        where, params = self._filters(case_id, person_id, kind)
        return self._count(where, params)

    def all_ids_for_case(self, case_id: str) -> builtins.list[str]:
        return self._ids("case_id = ? ORDER BY id", (case_id,))

    def remove_case(self, case_id: str) -> int:
        return self._remove_where("case_id = ?", (case_id,))

    def remove_person(self, person_id: str) -> int:
        return self._remove_where("person_id = ?", (person_id,))

    # -- hooks ----------------------------------------------------------------------------

    def _validate(self, record: Role, old: Role | None) -> Role:
        if not self._ctx.links.exists("case", record.case_id):
            raise InvalidInput(
                "No case with id {case_id}", "case_id", code="no_case_id", case_id=record.case_id
            )
        if not self._ctx.links.exists("person", record.person_id):
            raise InvalidInput(
                "No person with id {person_id}",
                "person_id",
                code="no_person_id_2",
                person_id=record.person_id,
            )
        return dataclasses.replace(record, note=record.note.strip())

    def _summary(self, record: Role) -> str:
        return f"{record.kind.value}: person {record.person_id} in case {record.case_id}"

    def _filters(
        self, case_id: str | None, person_id: str | None, kind: RoleKind | str | None
    ) -> tuple[str, builtins.list[Any]]:
        clauses = ["1"]
        params: builtins.list[Any] = []
        if case_id is not None:
            clauses.append("case_id = ?")
            params.append(case_id)
        if person_id is not None:
            clauses.append("person_id = ?")
            params.append(person_id)
        if kind is not None:
            clauses.append("kind = ?")
            params.append(enum_value(RoleKind, kind, "kind"))
        return " AND ".join(clauses), params
