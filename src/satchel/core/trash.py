"""TrashStore: the trash and tombstones tables — what was deleted, and that it was.

A trash entry holds a deleted record's dict form and what linked to it (a case's roles,
events, notes and documents; a person's roles and event links), until it is restored or
the trash is emptied. A tombstone holds only a deleted record's id, kind, origin, version
vector and cases: never its content, and it outlives the trash, so a stale bundle cannot
bring the record back. This module is the only one with SQL on these tables; the rules of
deleting and restoring are `core/deletion.py`'s. Rows are deleted under the vault's
secure_delete, so an emptied entry's text does not linger in freed pages.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import format_timestamp, now, parse_timestamp
from satchel.core.model import Versions
from satchel.core.queries import IN_BATCH, page, placeholders
from satchel.core.versions import versions_from_json

__all__ = ["Tombstone", "TrashEntry", "TrashStore"]


@dataclass(frozen=True, slots=True)
class TrashEntry:
    """One deletion waiting in the trash: a record and what was deleted with it."""

    record_id: str
    kind: str
    case_id: str | None
    label: str
    deleted_at: datetime
    deleted_by: str  # "" for this vault's user; a colleague's name for a deletion they sent
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Tombstone:
    """That a record was deleted, with the version vector of its deletion."""

    record_id: str
    kind: str
    origin_vault: str
    versions: Versions
    cases: tuple[str, ...]
    deleted_at: datetime


class TrashStore:
    """The `trash`, `tombstones` and `tombstone_cases` tables."""

    def __init__(self, conn: sqlite.Connection) -> None:
        self._conn = conn

    # -- trash entries ----------------------------------------------------------------------

    def add(
        self,
        record_id: str,
        kind: str,
        case_id: str | None,
        label: str,
        deleted_by: str,
        payload: dict[str, Any],
    ) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO trash (record_id, kind, case_id, label, deleted_at, "
            "deleted_by, payload) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record_id, kind, case_id, label, format_timestamp(now()), deleted_by,
                json.dumps(payload, ensure_ascii=False, sort_keys=True),
            ),
        )  # fmt: skip

    def find(self, record_id: str) -> TrashEntry | None:
        rows = self._conn.execute(f"{_ENTRY_SQL} WHERE record_id = ?", (record_id,)).fetchall()
        return _entry(rows[0]) if rows else None

    def resolve(self, prefix: str) -> builtins.list[str]:
        """Ids of entries starting with `prefix` (at most two: enough to say "ambiguous")."""
        key = prefix.strip().lower()
        rows = self._conn.execute(
            "SELECT record_id FROM trash WHERE record_id >= ? AND record_id < ? "
            "ORDER BY record_id LIMIT 2",
            (key, key + "~"),
        ).fetchall()
        return [r[0] for r in rows]

    def list(
        self, *, kind: str | None = None, limit: int | None = None, offset: int = 0
    ) -> builtins.list[TrashEntry]:
        """Entries, most recently deleted first."""
        where, params = (" WHERE kind = ?", [kind]) if kind else ("", [])
        clause, page_params = page(limit, offset)
        rows = self._conn.execute(
            f"{_ENTRY_SQL}{where} ORDER BY deleted_at DESC, record_id{clause}",
            [*params, *page_params],
        ).fetchall()
        return [_entry(r) for r in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM trash").fetchone()[0])

    def ids(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` have an entry of their own."""
        found: set[str] = set()
        for start in range(0, len(ids), IN_BATCH):
            part = list(ids[start : start + IN_BATCH])
            rows = self._conn.execute(
                f"SELECT record_id FROM trash WHERE record_id IN ({placeholders(part)})", part
            ).fetchall()
            found.update(r[0] for r in rows)
        return found

    def remove(self, record_id: str) -> None:
        self._conn.execute("DELETE FROM trash WHERE record_id = ?", (record_id,))

    # -- tombstones --------------------------------------------------------------------------

    def put_tombstone(
        self,
        record_id: str,
        kind: str,
        origin_vault: str,
        versions: Versions,
        cases: Iterable[str],
        deleted_at: datetime | None = None,
    ) -> None:
        """Record (or replace) the tombstone of a deleted record."""
        self._conn.execute(
            "INSERT OR REPLACE INTO tombstones (record_id, kind, origin_vault, versions, "
            "deleted_at) VALUES (?, ?, ?, ?, ?)",
            (
                record_id, kind, origin_vault, json.dumps([list(v) for v in versions]),
                format_timestamp(deleted_at or now()),
            ),
        )  # fmt: skip
        self._conn.execute("DELETE FROM tombstone_cases WHERE record_id = ?", (record_id,))
        self._conn.executemany(
            "INSERT OR IGNORE INTO tombstone_cases (case_id, record_id) VALUES (?, ?)",
            [(case_id, record_id) for case_id in dict.fromkeys(cases)],
        )

    def tombstone(self, record_id: str) -> Tombstone | None:
        found = self.tombstones([record_id])
        return found.get(record_id)

    def tombstones(self, ids: Sequence[str]) -> dict[str, Tombstone]:
        """The tombstones among `ids`, by id; one query per 500 ids."""
        found: dict[str, Tombstone] = {}
        for start in range(0, len(ids), IN_BATCH):
            part = list(ids[start : start + IN_BATCH])
            found.update(
                (t.record_id, t)
                for t in self._tombstones(f"t.record_id IN ({placeholders(part)})", part)
            )
        return found

    def tombstones_of_cases(self, case_ids: Sequence[str]) -> builtins.list[Tombstone]:
        """Tombstones of records that belonged to any of `case_ids`, in id order."""
        out: dict[str, Tombstone] = {}
        for start in range(0, len(case_ids), IN_BATCH):
            part = list(case_ids[start : start + IN_BATCH])
            for t in self._tombstones(
                "t.record_id IN (SELECT record_id FROM tombstone_cases "
                f"WHERE case_id IN ({placeholders(part)}))",
                part,
            ):
                out[t.record_id] = t
        return [out[k] for k in sorted(out)]

    def remove_tombstones(self, ids: Sequence[str]) -> int:
        removed = 0
        for start in range(0, len(ids), IN_BATCH):
            part = list(ids[start : start + IN_BATCH])
            cur = self._conn.execute(
                f"DELETE FROM tombstones WHERE record_id IN ({placeholders(part)})", part
            )
            removed += max(cur.rowcount, 0)
        return removed

    def tombstone_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM tombstones").fetchone()[0])

    def _tombstones(self, where: str, params: Sequence[Any]) -> builtins.list[Tombstone]:
        rows = self._conn.execute(
            "SELECT t.record_id, t.kind, t.origin_vault, t.versions, t.deleted_at, "
            "(SELECT json_group_array(case_id) FROM tombstone_cases c "
            "WHERE c.record_id = t.record_id) "
            f"FROM tombstones t WHERE {where}",
            params,
        ).fetchall()
        return [
            Tombstone(
                record_id=r[0],
                kind=r[1],
                origin_vault=r[2],
                versions=versions_from_json(json.loads(r[3])),
                cases=tuple(sorted(json.loads(r[5]))),
                deleted_at=parse_timestamp(r[4]),
            )
            for r in rows
        ]

    # -- document bytes ----------------------------------------------------------------------

    def purge_chunks(self, document_ids: Iterable[str]) -> int:
        """Delete the stored bytes of documents that are no longer in the vault."""
        removed = 0
        for doc_id in document_ids:
            alive = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if alive is None:
                cur = self._conn.execute(
                    "DELETE FROM document_chunks WHERE document_id = ?", (doc_id,)
                )
                removed += max(cur.rowcount, 0)
        return removed


_ENTRY_SQL = "SELECT record_id, kind, case_id, label, deleted_at, deleted_by, payload FROM trash"


def _entry(row: Any) -> TrashEntry:
    return TrashEntry(
        record_id=row[0],
        kind=row[1],
        case_id=row[2],
        label=row[3],
        deleted_at=parse_timestamp(row[4]),
        deleted_by=row[5],
        payload=json.loads(row[6]),
    )
