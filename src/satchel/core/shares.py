"""ShareStore: cases shared with colleagues as a standing arrangement (SQL only).

A share says that one case goes to one colleague again and again. For each share the store
keeps when something was last sent and last received, and, per record, the version vector
the colleague is known to have (sent to them, or received from them), so the next bundle
carries only the records and tombstones whose vectors moved since. The rules (who may be
shared with, what a bundle of changes holds) are `bundle/shares.py`'s; this module holds
the `shares` and `share_known` tables and nothing else. It never stores record content.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import format_timestamp, new_id, now, parse_timestamp
from satchel.core.model import Versions
from satchel.core.versions import versions_from_json
from satchel.errors import NotFound

if TYPE_CHECKING:
    from satchel.core.context import StoreContext

__all__ = ["Share", "ShareStore"]


@dataclass(frozen=True, slots=True)
class Share:
    """One case shared with one colleague."""

    id: str
    case_id: str
    colleague_id: str
    created_at: datetime
    last_sent_at: datetime | None
    last_received_at: datetime | None


_COLUMNS = "id, case_id, colleague_id, created_at, last_sent_at, last_received_at"


def _share(row: tuple[str, str, str, str, str | None, str | None]) -> Share:
    return Share(
        row[0],
        row[1],
        row[2],
        parse_timestamp(row[3]),
        parse_timestamp(row[4]) if row[4] else None,
        parse_timestamp(row[5]) if row[5] else None,
    )


class ShareStore:
    """The `shares` and `share_known` tables."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._conn: sqlite.Connection = ctx.connection

    def add(self, case_id: str, colleague_id: str) -> tuple[Share, bool]:
        """The share of `case_id` with `colleague_id`, created when there was none
        (True) or the existing one (False). The caller checks both ids exist."""
        existing = self.find(case_id, colleague_id)
        if existing is not None:
            return existing, False
        share_id = new_id()
        with self._ctx.transaction():
            self._conn.execute(
                f"INSERT INTO shares ({_COLUMNS}) VALUES (?, ?, ?, ?, NULL, NULL)",
                (share_id, case_id, colleague_id, format_timestamp(now())),
            )
            self._ctx.audit.log(
                "share", "case", case_id, f"shared with colleague {colleague_id}", case_id=case_id
            )
        return self.get(share_id), True

    def get(self, share_id: str) -> Share:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM shares WHERE id = ?", (share_id,)
        ).fetchone()
        if row is None:
            raise NotFound("No share {id}", code="no_share", id=share_id)
        return _share(row)

    def find(self, case_id: str, colleague_id: str) -> Share | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM shares WHERE case_id = ? AND colleague_id = ?",
            (case_id, colleague_id),
        ).fetchone()
        return None if row is None else _share(row)

    def list(
        self, *, case_id: str | None = None, colleague_id: str | None = None
    ) -> builtins.list[Share]:
        """Shares, oldest first; of one case and/or one colleague when given."""
        where, params = [], []
        if case_id is not None:
            where.append("case_id = ?")
            params.append(case_id)
        if colleague_id is not None:
            where.append("colleague_id = ?")
            params.append(colleague_id)
        sql = f"SELECT {_COLUMNS} FROM shares"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_share(r) for r in self._conn.execute(sql + " ORDER BY created_at, id", params)]

    def remove(self, share_id: str) -> None:
        """End a share; what it knew was sent goes with it (a new share starts afresh)."""
        share = self.get(share_id)
        with self._ctx.transaction():
            self._conn.execute("DELETE FROM shares WHERE id = ?", (share_id,))
            self._ctx.audit.log(
                "unshare",
                "case",
                share.case_id,
                f"no longer shared with colleague {share.colleague_id}",
                case_id=share.case_id,
            )

    def known(self, share_id: str) -> dict[str, Versions]:
        """Record id -> the version vector the colleague is known to have."""
        return {
            str(rid): versions_from_json(json.loads(text))
            for rid, text in self._conn.execute(
                "SELECT record_id, versions FROM share_known WHERE share_id = ?", (share_id,)
            )
        }

    def remember(self, share_id: str, versions: Mapping[str, Versions]) -> None:
        """Record that the colleague now has these versions of these records."""
        rows: Iterable[tuple[str, str, str]] = (
            (share_id, rid, json.dumps([list(v) for v in vec])) for rid, vec in versions.items()
        )
        with self._ctx.transaction():
            self._conn.executemany(
                "INSERT INTO share_known (share_id, record_id, versions) VALUES (?, ?, ?) "
                "ON CONFLICT (share_id, record_id) DO UPDATE SET versions = excluded.versions",
                rows,
            )

    def forget_known(self, share_id: str) -> None:
        """Forget what was sent, so the next bundle is a full one."""
        with self._ctx.transaction():
            self._conn.execute("DELETE FROM share_known WHERE share_id = ?", (share_id,))

    def mark_sent(self, share_id: str, at: datetime | None = None) -> None:
        with self._ctx.transaction():
            self._conn.execute(
                "UPDATE shares SET last_sent_at = ? WHERE id = ?",
                (format_timestamp(at or now()), share_id),
            )

    def mark_received(self, share_id: str, at: datetime | None = None) -> None:
        with self._ctx.transaction():
            self._conn.execute(
                "UPDATE shares SET last_received_at = ? WHERE id = ?",
                (format_timestamp(at or now()), share_id),
            )
