"""ConflictStore: records changed on both sides, kept for review until the user settles them.

Bundle import keeps the local record when versions are concurrent (core/versions.py) and
stores the incoming one here. Resolving a conflict writes a version that dominates both, so
the same conflict cannot come back from either side. Conflicts never silently drop either
version: removing one happens only when a record's stored version has seen it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import format_timestamp, new_id, now, parse_timestamp
from satchel.core.context import StoreContext
from satchel.core.model import Versions
from satchel.core.queries import page
from satchel.core.store import RecordStore
from satchel.core.versions import (
    Order,
    bump_versions,
    compare_versions,
    join_versions,
    versions_from_json,
)
from satchel.errors import InvalidInput, NotFound

__all__ = ["Conflict", "ConflictStore", "Resolution"]


class Resolution(StrEnum):
    KEEP_LOCAL = "keep_local"
    TAKE_INCOMING = "take_incoming"
    MERGED = "merged"


@dataclasses.dataclass(frozen=True, slots=True)
class Conflict:
    """An incoming version of a record, kept because the local one changed too."""

    id: str
    kind: str
    record_id: str
    incoming: dict[str, Any]  # records.to_dict form
    incoming_versions: Versions
    sender_name: str
    sender_fingerprint: str
    bundle_created_at: datetime
    received_at: datetime


class ConflictStore:
    """The conflicts table."""

    def __init__(self, ctx: StoreContext, stores: Mapping[str, RecordStore[Any]]) -> None:
        """`stores`: the store of each record kind a bundle may bring, by kind."""
        self._ctx = ctx
        self._conn: sqlite.Connection = ctx.connection
        self._stores = dict(stores)

    def add(
        self,
        kind: str,
        incoming: Mapping[str, Any],
        *,
        sender_name: str,
        sender_fingerprint: str,
        bundle_created_at: datetime,
    ) -> bool:
        """Keep `incoming` as a conflict; False when this very version is already kept."""
        versions = versions_from_json(incoming["versions"])
        with self._ctx.transaction():
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO conflicts (id, kind, record_id, incoming, "
                "incoming_versions, sender_name, sender_fingerprint, bundle_created_at, "
                "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_id(),
                    kind,
                    incoming["id"],
                    json.dumps(dict(incoming), ensure_ascii=False, sort_keys=True),
                    json.dumps(versions),
                    sender_name,
                    sender_fingerprint,
                    format_timestamp(bundle_created_at),
                    format_timestamp(now()),
                ),
            )
            if cur.rowcount:
                self._ctx.audit.log(
                    "conflict", kind, str(incoming["id"]), f"incoming version from {sender_name}"
                )
        return bool(cur.rowcount)

    def has(self, record_id: str, versions: Versions) -> bool:
        """Is this exact incoming version of the record already kept as a conflict?"""
        row = self._conn.execute(
            "SELECT 1 FROM conflicts WHERE record_id = ? AND incoming_versions = ?",
            (record_id, json.dumps(versions)),
        ).fetchone()
        return row is not None

    def list(
        self, *, record_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Conflict]:
        """Conflicts, oldest first."""
        where, params = ("WHERE record_id = ?", [record_id]) if record_id else ("", [])
        clause, page_params = page(limit, offset)
        rows = self._conn.execute(
            "SELECT id, kind, record_id, incoming, incoming_versions, sender_name, "
            f"sender_fingerprint, bundle_created_at, received_at FROM conflicts {where} "
            f"ORDER BY received_at, id{clause}",
            [*params, *page_params],
        ).fetchall()
        return [_conflict(row) for row in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM conflicts").fetchone()[0])

    def get(self, conflict_id: str) -> Conflict:
        key = conflict_id.strip().lower()
        rows = self._conn.execute(
            "SELECT id, kind, record_id, incoming, incoming_versions, sender_name, "
            "sender_fingerprint, bundle_created_at, received_at FROM conflicts "
            "WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (key, key + "~"),
        ).fetchall()
        if not rows or len(key) < 6:
            raise NotFound(
                "No conflict with id {conflict_id}", code="no_conflict_id", conflict_id=conflict_id
            )
        if len(rows) > 1 and rows[0][0] != key:
            raise InvalidInput(
                "The id prefix {conflict_id} names more than one conflict",
                "id",
                code="id_prefix_names_more_one",
                conflict_id=conflict_id,
            )
        return _conflict(rows[0])

    def forget_seen(self, record_id: str, versions: Versions) -> int:
        """Drop conflicts of a record that its stored `versions` have already seen."""
        removed = 0
        for conflict in self.list(record_id=record_id):
            if compare_versions(conflict.incoming_versions, versions) in (
                Order.EQUAL,
                Order.OLDER,
            ):
                self._conn.execute("DELETE FROM conflicts WHERE id = ?", (conflict.id,))
                removed += 1
        return removed

    def resolve(
        self,
        conflict_id: str,
        resolution: Resolution | str,
        merged: Mapping[str, Any] | None = None,
    ) -> None:
        """Settle a conflict with a new version that dominates both sides.

        KEEP_LOCAL rewrites the local record, TAKE_INCOMING writes the incoming one, MERGED
        writes `merged` (a dict form of the record, e.g. local with some incoming fields);
        each gets the join of both version vectors plus one edit by this vault, so neither
        side's version can win over it again.
        """
        resolution = Resolution(resolution)
        conflict = self.get(conflict_id)
        store = self._stores.get(conflict.kind)
        if store is None:
            raise InvalidInput(
                "Cannot resolve a {kind} conflict in this vault",
                "kind",
                code="cannot_resolve_conflict_vault",
                kind=conflict.kind,
            )
        with self._ctx.transaction():
            local = store.get_raw(conflict.record_id)
            deletion = bool(conflict.incoming.get("deleted"))
            if local is not None:
                local_versions = versions_from_json(local["versions"])
            else:
                # Deleted here: the deletion's vector is what the resolution must pass.
                tomb = self._ctx.links.tombstone_versions(conflict.record_id)
                local_versions = tomb or ()
            versions = bump_versions(
                join_versions(local_versions, conflict.incoming_versions), self._ctx.vault_id
            )
            if resolution is Resolution.KEEP_LOCAL:
                chosen = local
            elif resolution is Resolution.TAKE_INCOMING:
                chosen = None if deletion else conflict.incoming
            else:
                if merged is None:
                    raise InvalidInput(
                        "A merged resolution needs the merged record",
                        "merged",
                        code="merged_resolution_needs_merged_record",
                    )
                if merged.get("id") != conflict.record_id:
                    raise InvalidInput(
                        "The merged record must keep the record's id",
                        "id",
                        code="merged_record_must_keep_record",
                    )
                chosen = dict(merged)
            self._conn.execute("DELETE FROM conflicts WHERE id = ?", (conflict.id,))
            if chosen is None:
                # Deleted: here already (kept so), or as the colleague's deletion says. The
                # deletion's vector now dominates both sides, so neither comes back.
                if local is not None:
                    self._ctx.links.delete(conflict.kind, conflict.record_id, versions)
                else:
                    self._ctx.links.advance_tombstone(conflict.record_id, versions)
                self.forget_seen(conflict.record_id, versions)
                self._ctx.audit.log(
                    "resolve", conflict.kind, conflict.record_id,
                    f"conflict: {resolution.value}, deleted",
                )  # fmt: skip
                return
            record = {
                **chosen,
                "versions": [list(v) for v in versions],
                "updated_at": format_timestamp(now()),
            }
            if local is None and conflict.kind == "document":
                # A document deleted here keeps its bytes in the trash until emptied: bring
                # it back first, so the colleague's version has its file to stand on.
                self._ctx.links.restore_from_trash(conflict.record_id)
            store.put_raw(record)
            self.forget_seen(conflict.record_id, versions)
            self._ctx.audit.log(
                "resolve", conflict.kind, conflict.record_id, f"conflict: {resolution.value}"
            )


def _conflict(row: Any) -> Conflict:
    return Conflict(
        id=row[0],
        kind=row[1],
        record_id=row[2],
        incoming=json.loads(row[3]),
        incoming_versions=versions_from_json(json.loads(row[4])),
        sender_name=row[5],
        sender_fingerprint=row[6],
        bundle_created_at=parse_timestamp(row[7]),
        received_at=parse_timestamp(row[8]),
    )
