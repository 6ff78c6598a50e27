"""Forward schema migrations: the numbered SQL files in `migrations/`, tracked by user_version.

Each file `NNNN_name.sql` moves the database from version NNNN-1 to NNNN. `migrate` applies
every pending file in order inside ONE transaction, so a failure anywhere leaves the
database exactly as it was, `PRAGMA user_version` included. It never runs a migration
backwards and never opens a database written by a newer Satchel: that code may rely on
tables this one does not know, and writing to it could lose data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources

import sqlcipher3.dbapi2 as sqlite

from satchel.errors import VaultDamaged

__all__ = ["LATEST_VERSION", "Migration", "current_version", "migrate", "migrations"]

_FILE_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with this code, in version order (1, 2, 3, ...)."""
    found: list[Migration] = []
    # Read through the satchel.core package so this works from a wheel or a zip too.
    for entry in (resources.files("satchel.core") / "migrations").iterdir():
        m = _FILE_RE.match(entry.name)
        if m:
            found.append(Migration(int(m[1]), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    # A gap or a duplicate number is a packaging mistake; refuse it rather than skip a step.
    for expected, mig in enumerate(found, start=1):
        if mig.version != expected:
            raise RuntimeError(
                f"Migrations are not numbered 1..N: {mig.name} is not {expected:04d}"
            )
    return found


LATEST_VERSION: int = len(migrations())
"""The schema version this code writes."""


def current_version(conn: sqlite.Connection) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return int(version)


def statements(sql: str) -> Iterator[str]:
    """Split a SQL script into complete statements.

    `executescript` would commit on its own and so break the one-transaction promise;
    SQLite's own `complete_statement` knows where a statement ends, including `;` inside
    strings and inside CREATE TRIGGER ... BEGIN ... END.
    """
    pending = ""
    pieces = sql.split(";")
    for i, piece in enumerate(pieces):
        # Only the pieces before the last were followed by a semicolon.
        pending += piece + (";" if i < len(pieces) - 1 else "")
        if sqlite.complete_statement(pending):
            stmt = pending.strip()
            pending = ""
            # A chunk holding nothing but comments or whitespace is not a statement.
            if _strip_comments(stmt).strip(" \t\r\n;"):
                yield stmt
    if _strip_comments(pending).strip(" \t\r\n;"):
        raise ValueError(f"Incomplete SQL statement at the end of a migration: {pending.strip()!r}")


def _strip_comments(stmt: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in stmt.splitlines())


def migrate(conn: sqlite.Connection, backup: Callable[[int], None]) -> None:
    """Bring the database up to `LATEST_VERSION`.

    `backup(old_version)` is called first when an existing database (version > 0) has
    migrations pending, so the caller can copy the file before anything changes. The
    connection must not be inside a transaction.
    """
    old = current_version(conn)
    if old > LATEST_VERSION:
        raise VaultDamaged(
            "This vault was written by a newer Satchel (schema {old}; this version knows up to "
            "{latest_version}). Update Satchel to open it; nothing was changed.",
            code="vault_written_newer_satchel_schema",
            old=old,
            latest_version=LATEST_VERSION,
        )
    pending = [m for m in migrations() if m.version > old]
    if not pending:
        return
    if conn.in_transaction:
        raise RuntimeError("migrate() needs a connection outside any transaction")
    if old > 0:
        backup(old)
    saved_isolation = conn.isolation_level
    # Autocommit mode: the driver must not open or commit transactions behind our back.
    conn.isolation_level = None
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for mig in pending:
                for stmt in statements(mig.sql):
                    conn.execute(stmt)
            # PRAGMA takes no parameters; the value is an int we computed.
            conn.execute(f"PRAGMA user_version = {int(pending[-1].version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.isolation_level = saved_isolation
