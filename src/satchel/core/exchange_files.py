"""ExchangeFileStore: the files of the exchange folder this vault wrote or looked at (SQL only).

A row per file name (random names: they carry no case data). Outgoing rows let this vault
remove its own bundles after some days; incoming rows say what became of a bundle found in
the folder, so each file is examined once for as long as its size and time stay the same:
not for this vault, from this vault, waiting in Imports (for the user's consent, or for a
review of its conflicts), or rejected (damaged or altered). The rules are
`bundle/exchange.py`'s; this module holds the `exchange_files` table and nothing else.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import format_timestamp, now, parse_timestamp
from satchel.errors import NotFound

if TYPE_CHECKING:
    from satchel.core.context import StoreContext

__all__ = ["ExchangeFile", "ExchangeFileStore", "FileState"]


class FileState(StrEnum):
    SENT = "sent"  # written by this vault, waiting to be removed after some days
    NOT_FOR_US = "not_for_us"  # encrypted to others only: never opened further
    OWN = "own"  # signed by this vault (its own outgoing file, seen from another copy)
    NEEDS_CONSENT = "needs_consent"  # the sender is not a verified colleague: header only
    PENDING = "pending"  # verified, waiting in Imports (conflicts, or no automatic import)
    REJECTED = "rejected"  # damaged, altered or refused; examined again only if it changes


@dataclass(frozen=True, slots=True)
class ExchangeFile:
    name: str
    direction: str  # "out" or "in"
    size: int
    mtime_ns: int
    state: FileState
    sender_name: str
    sender_fingerprint: str
    colleague_id: str | None
    cases: tuple[str, ...]
    # Why it waits or was rejected: an error code, "conflicts", "review" (automatic import is
    # off) or "travel" (it brings a case that is not on the laptop while a trip is on).
    detail: str
    seen_at: datetime


_COLUMNS = (
    "name, direction, size, mtime_ns, state, sender_name, sender_fingerprint, colleague_id, "
    "cases, detail, seen_at"
)


def _file(row: Sequence[object]) -> ExchangeFile:
    return ExchangeFile(
        str(row[0]),
        str(row[1]),
        int(row[2]),  # type: ignore[call-overload]
        int(row[3]),  # type: ignore[call-overload]
        FileState(str(row[4])),
        str(row[5]),
        str(row[6]),
        None if row[7] is None else str(row[7]),
        tuple(json.loads(str(row[8]))),
        str(row[9]),
        parse_timestamp(str(row[10])),
    )


class ExchangeFileStore:
    """The `exchange_files` table."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._conn: sqlite.Connection = ctx.connection

    def put(
        self,
        name: str,
        direction: str,
        size: int,
        mtime_ns: int,
        state: FileState,
        *,
        sender_name: str = "",
        sender_fingerprint: str = "",
        colleague_id: str | None = None,
        cases: Sequence[str] = (),
        detail: str = "",
        seen_at: datetime | None = None,
    ) -> None:
        with self._ctx.transaction():
            self._conn.execute(
                f"INSERT OR REPLACE INTO exchange_files ({_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    direction,
                    size,
                    mtime_ns,
                    state.value,
                    sender_name,
                    sender_fingerprint,
                    colleague_id,
                    json.dumps(list(cases)),
                    detail,
                    format_timestamp(seen_at or now()),
                ),
            )

    def find(self, name: str) -> ExchangeFile | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM exchange_files WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None else _file(row)

    def get(self, name: str) -> ExchangeFile:
        found = self.find(name)
        if found is None:
            raise NotFound(
                "No bundle {name} in the exchange folder", code="no_exchange_bundle", name=name
            )
        return found

    def list(
        self, *, direction: str | None = None, states: Sequence[FileState] = ()
    ) -> builtins.list[ExchangeFile]:
        where, params = [], []
        if direction is not None:
            where.append("direction = ?")
            params.append(direction)
        if states:
            where.append(f"state IN ({','.join('?' * len(states))})")
            params += [s.value for s in states]
        sql = f"SELECT {_COLUMNS} FROM exchange_files"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_file(r) for r in self._conn.execute(sql + " ORDER BY seen_at, name", params)]

    def remove(self, name: str) -> None:
        with self._ctx.transaction():
            self._conn.execute("DELETE FROM exchange_files WHERE name = ?", (name,))
