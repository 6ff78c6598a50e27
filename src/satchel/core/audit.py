"""The audit log: an append-only list of every change, import, export and unlock.

Lines are only ever added. The table's triggers refuse UPDATE and DELETE, which stops
accidents and bugs; it cannot stop someone who holds the key, who can drop the triggers.
The log lives inside the encrypted database, so its summaries may name what changed;
it must never be copied out of the vault in plaintext.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
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
        self._actor = ""

    @property
    def actor(self) -> str:
        """Who the lines written now are by: "" for this vault's user."""
        return self._actor

    @contextmanager
    def acting_as(self, actor: str) -> Iterator[None]:
        """Write the lines of a block as made by `actor` (a colleague whose bundle is being
        imported), so a record's history names who changed it."""
        saved, self._actor = self._actor, actor
        try:
            yield
        finally:
            self._actor = saved

    def log(
        self,
        action: str,
        record_kind: str = "",
        record_id: str = "",
        summary: str = "",
        *,
        case_id: str | None = None,
    ) -> int:
        """Append one line; returns its sequence number.

        Runs in the caller's transaction when there is one, so a change and its line are
        saved together or not at all.
        """
        # One INSERT is atomic by itself: no savepoint needed around it.
        cur = self._conn.execute(
            "INSERT INTO audit (at, action, record_kind, record_id, summary, actor, case_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                format_timestamp(now()), action, record_kind, record_id, summary,
                self._actor, case_id or "",
            ),
        )  # fmt: skip
        seq = cur.lastrowid
        assert seq is not None
        return seq

    def log_many(self, lines: Iterable[tuple[str, str, str, str, str | None]]) -> None:
        """Append (action, record_kind, record_id, summary, case_id) lines in one statement.

        For bulk imports: the same lines as one `log` each, in order, without a statement
        per line. Runs in the caller's transaction like `log`.
        """
        at = format_timestamp(now())
        actor = self._actor
        self._conn.executemany(
            "INSERT INTO audit (at, action, record_kind, record_id, summary, actor, case_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (at, action, kind, record_id, summary, actor, case_id or "")
                for action, kind, record_id, summary, case_id in lines
            ),
        )

    def list(
        self,
        limit: int | None = None,
        offset: int = 0,
        record_id: str | None = None,
        newest_first: bool = True,
        *,
        case_id: str | None = None,
        record_kind: str | None = None,
        actor: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> builtins.list[AuditEntry]:
        """Audit lines, newest first unless asked otherwise, filtered by what is given:
        one record, one case, one kind of record, one actor ("" = this vault's user),
        and a time range [since, until)."""
        where, params = self._where(record_id, case_id, record_kind, actor, since, until)
        clause, page_params = page(limit, offset)
        direction = "DESC" if newest_first else "ASC"
        rows = self._conn.execute(
            "SELECT seq, at, action, record_kind, record_id, summary, actor, case_id FROM audit"
            f"{where} ORDER BY seq {direction}{clause}",
            [*params, *page_params],
        ).fetchall()
        return [
            AuditEntry(
                seq=seq, at=parse_timestamp(at), action=action, record_kind=kind,
                record_id=rid, summary=summary, actor=who, case_id=case,
            )
            for seq, at, action, kind, rid, summary, who, case in rows
        ]  # fmt: skip

    def count(
        self,
        record_id: str | None = None,
        *,
        case_id: str | None = None,
        record_kind: str | None = None,
        actor: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        where, params = self._where(record_id, case_id, record_kind, actor, since, until)
        return int(self._conn.execute(f"SELECT count(*) FROM audit{where}", params).fetchone()[0])

    def actors(self) -> builtins.list[str]:
        """Every actor named in the log ("" = this vault's user first), for a filter."""
        rows = self._conn.execute("SELECT DISTINCT actor FROM audit ORDER BY actor").fetchall()
        return [r[0] for r in rows]

    @staticmethod
    def _where(
        record_id: str | None,
        case_id: str | None = None,
        record_kind: str | None = None,
        actor: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[str, builtins.list[Any]]:
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []
        for column, value in (
            ("record_id", record_id),
            ("case_id", case_id),
            ("record_kind", record_kind),
            ("actor", actor),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        # Times are stored as fixed-width UTC text, which sorts as time does.
        if since is not None:
            clauses.append("at >= ?")
            params.append(format_timestamp(since))
        if until is not None:
            clauses.append("at < ?")
            params.append(format_timestamp(until))
        if not clauses:
            return "", []
        return " WHERE " + " AND ".join(clauses), params
