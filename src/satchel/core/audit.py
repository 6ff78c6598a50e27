"""The audit log: an append-only list of every change, import, export and unlock.

Lines are only ever added. The table's triggers refuse UPDATE and DELETE, which stops
accidents and bugs; it cannot stop someone who holds the key, who can drop the triggers.
The log lives inside the encrypted database, so its summaries may name what changed;
it must never be copied out of the vault in plaintext.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import format_timestamp, now, parse_timestamp
from satchel.core.model import AuditEntry
from satchel.core.queries import page

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["AuditLog"]


class AuditLog:
    """Append and read audit lines."""

    def __init__(self, conn: sqlite.Connection) -> None:
        self._conn = conn

    def log(
        self, action: str, record_kind: str = "", record_id: str = "", summary: str = ""
    ) -> int:
        """Append one line; returns its sequence number.

        Runs in the caller's transaction when there is one, so a change and its line are
        saved together or not at all.
        """
        # One INSERT is atomic by itself: no savepoint needed around it.
        cur = self._conn.execute(
            "INSERT INTO audit (at, action, record_kind, record_id, summary) "
            "VALUES (?, ?, ?, ?, ?)",
            (format_timestamp(now()), action, record_kind, record_id, summary),
        )
        seq = cur.lastrowid
        assert seq is not None
        return seq

    def log_many(self, lines: Iterable[tuple[str, str, str, str]]) -> None:
        """Append (action, record_kind, record_id, summary) lines in one statement.

        For bulk imports: the same lines as one `log` each, in order, without a statement
        per line. Runs in the caller's transaction like `log`.
        """
        at = format_timestamp(now())
        self._conn.executemany(
            "INSERT INTO audit (at, action, record_kind, record_id, summary) "
            "VALUES (?, ?, ?, ?, ?)",
            ((at, action, kind, record_id, summary) for action, kind, record_id, summary in lines),
        )

    def list(
        self,
        limit: int | None = None,
        offset: int = 0,
        record_id: str | None = None,
        newest_first: bool = True,
    ) -> builtins.list[AuditEntry]:
        """Audit lines, newest first unless asked otherwise; optionally of one record."""
        where, params = self._where(record_id)
        clause, page_params = page(limit, offset)
        direction = "DESC" if newest_first else "ASC"
        rows = self._conn.execute(
            "SELECT seq, at, action, record_kind, record_id, summary FROM audit"
            f"{where} ORDER BY seq {direction}{clause}",
            [*params, *page_params],
        ).fetchall()
        return [
            AuditEntry(
                seq=seq, at=parse_timestamp(at), action=action, record_kind=kind,
                record_id=rid, summary=summary,
            )
            for seq, at, action, kind, rid, summary in rows
        ]  # fmt: skip

    def count(self, record_id: str | None = None) -> int:
        where, params = self._where(record_id)
        return int(self._conn.execute(f"SELECT count(*) FROM audit{where}", params).fetchone()[0])

    @staticmethod
    def _where(record_id: str | None) -> tuple[str, builtins.list[Any]]:
        if record_id is None:
            return "", []
        return " WHERE record_id = ?", [record_id]
