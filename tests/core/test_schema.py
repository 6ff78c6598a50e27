"""Schema migrations: forward only, all-or-nothing, never over a newer vault."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from satchel.core import schema
from satchel.core.schema import Migration
from satchel.errors import VaultDamaged


def tables(conn: sqlite.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


def test_fresh_database_is_migrated_to_latest_without_a_backup(conn: sqlite.Connection) -> None:
    backups: list[int] = []
    schema.migrate(conn, backups.append)
    assert schema.current_version(conn) == schema.LATEST_VERSION
    assert {"cases", "people", "roles", "events", "notes", "colleagues", "audit"} <= tables(conn)
    assert backups == []  # nothing to save in an empty database


def test_migrating_twice_changes_nothing(conn: sqlite.Connection) -> None:
    schema.migrate(conn, lambda v: None)
    backups: list[int] = []
    schema.migrate(conn, backups.append)
    assert schema.current_version(conn) == schema.LATEST_VERSION
    assert backups == []


def test_migration_numbers_run_from_one_without_gaps() -> None:
    versions = [m.version for m in schema.migrations()]
    assert versions == list(range(1, schema.LATEST_VERSION + 1))


def _with_extra(monkeypatch: pytest.MonkeyPatch, *extra: Migration) -> None:
    shipped = schema.migrations()
    monkeypatch.setattr(schema, "migrations", lambda: [*shipped, *extra])
    monkeypatch.setattr(schema, "LATEST_VERSION", len(shipped) + len(extra))


def test_pending_migration_takes_a_backup_of_the_old_version_first(
    conn: sqlite.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema.migrate(conn, lambda v: None)
    old = schema.current_version(conn)
    _with_extra(monkeypatch, Migration(old + 1, "extra.sql", "CREATE TABLE later (x TEXT);"))
    seen: list[tuple[int, set[str]]] = []
    schema.migrate(conn, lambda v: seen.append((v, tables(conn))))
    assert seen and seen[0][0] == old
    assert "later" not in seen[0][1]  # the backup saw the database before any change
    assert schema.current_version(conn) == old + 1
    assert "later" in tables(conn)


def test_failing_migration_rolls_back_every_step_and_keeps_the_version(
    conn: sqlite.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema.migrate(conn, lambda v: None)
    old = schema.current_version(conn)
    conn.execute("INSERT INTO settings (key, value) VALUES ('kept', '1')")
    _with_extra(
        monkeypatch,
        Migration(old + 1, "good.sql", "CREATE TABLE half (x TEXT); DELETE FROM settings;"),
        Migration(
            old + 2, "bad.sql", "CREATE TABLE other (y TEXT);\nINSERT INTO nowhere VALUES (1);"
        ),
    )
    with pytest.raises(sqlite.OperationalError):
        schema.migrate(conn, lambda v: None)
    assert schema.current_version(conn) == old
    assert "half" not in tables(conn) and "other" not in tables(conn)
    assert conn.execute("SELECT value FROM settings WHERE key = 'kept'").fetchone() == ("1",)
    assert not conn.in_transaction


def test_failing_first_migration_leaves_an_empty_database(
    conn: sqlite.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_extra(
        monkeypatch, Migration(schema.LATEST_VERSION + 1, "bad.sql", "SELECT * FROM nowhere;")
    )
    with pytest.raises(sqlite.OperationalError):
        schema.migrate(conn, lambda v: None)
    assert schema.current_version(conn) == 0
    assert tables(conn) == set()


def test_vault_from_a_newer_satchel_is_refused_untouched(
    conn: sqlite.Connection, db_path: Path
) -> None:
    schema.migrate(conn, lambda v: None)
    conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    before = db_path.read_bytes()
    backups: list[int] = []
    with pytest.raises(VaultDamaged, match="newer Satchel"):
        schema.migrate(conn, backups.append)
    assert backups == []
    assert db_path.read_bytes() == before


def test_statement_splitting_keeps_triggers_and_quoted_semicolons_whole() -> None:
    sql = """
    -- a comment; with a semicolon
    CREATE TABLE t (a TEXT DEFAULT 'x;y');
    CREATE TRIGGER t_guard BEFORE DELETE ON t
    BEGIN
        SELECT RAISE(ABORT, 'no; never');
    END;
    -- trailing comment only
    """
    found = list(schema.statements(sql))
    assert len(found) == 2
    assert found[0].endswith("DEFAULT 'x;y');")
    assert found[1].startswith("CREATE TRIGGER") and found[1].endswith("END;")


def test_an_unfinished_statement_is_an_error_not_silently_dropped() -> None:
    with pytest.raises(ValueError, match="Incomplete"):
        list(schema.statements("CREATE TABLE ok (a); CREATE TABLE broken (a"))
