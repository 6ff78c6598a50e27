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


def _migrate_to(conn: sqlite.Connection, version: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the database exactly as a Satchel at schema `version` left it."""
    with monkeypatch.context() as m:
        shipped = schema.migrations()[:version]
        m.setattr(schema, "migrations", lambda: shipped)
        m.setattr(schema, "LATEST_VERSION", version)
        schema.migrate(conn, lambda v: None)
    assert schema.current_version(conn) == version


def test_schema_4_makes_every_deadline_an_event_of_type_deadline(
    conn: sqlite.Connection, monkeypatch: pytest.MonkeyPatch, vault_id: str
) -> None:
    from satchel.core.database import Database
    from satchel.core.dates import FuzzyDate
    from satchel.core.model import DeadlineInfo, DeadlineUnit, EventType

    _migrate_to(conn, 3, monkeypatch)
    # The case as schema 3 stored it, through plain SQL: today's stores write columns
    # (the audit's actor) that schema 3 did not have.
    case_id = "00000000-0000-4000-8000-0000000000ca"
    conn.execute(
        "INSERT INTO cases (id, created_at, updated_at, origin_vault, versions, title, "
        'case_type, status, risk, jurisdiction, authority, summary, "references", tags, '
        "title_fold, text_fold) VALUES (?, '2026-11-01T00:00:00.000000+00:00', "
        "'2026-11-01T00:00:00.000000+00:00', ?, ?, 'Extradition of Timur Aliev', "
        "'extradition', 'open', 'medium', 'Russia', '', '', '[]', '[]', '', '')",
        (case_id, vault_id, f'[["{vault_id}", 1]]'),
    )
    rows = {
        # (title, type, deadline_status, computed_from, offset_days, date)
        "decision": ("Decision", "decision", None, None, None, "2026-11-27"),
        "typed only": ("Reply due", "deadline", None, None, None, "2026-12-01"),
        "hearing as deadline": ("Hearing", "hearing", "done", None, None, "2026-12-02"),
        "computed": ("Appeal", "appeal", "pending", "decision", 15, "2026-12-12"),
    }
    ids: dict[str, str] = {}
    for key, (title, kind, status, source, offset, when) in rows.items():
        # Rows as schema 3 stored them (no unit or rule columns), through plain SQL.
        event_id = f"00000000-0000-4000-8000-00000000000{len(ids)}"
        ids[key] = event_id
        conn.execute(
            "INSERT INTO events (id, created_at, updated_at, origin_vault, versions, case_id, "
            "event_type, title, date_text, precision, sort_undated, sort_lo, sort_hi, "
            "sort_rank, day_order, description, key_fact, source, source_quote, fact_status, "
            "deadline_status, lead_days, computed_from, offset_days, text_fold) VALUES "
            "(?, '2026-11-01T00:00:00.000000+00:00', '2026-11-01T00:00:00.000000+00:00', ?, "
            "?, ?, ?, ?, ?, 'day', 0, 0, 0, 0, 0, '', 0, '', '', 'undisputed', ?, NULL, ?, ?, "
            "'')",
            (event_id, vault_id, f'[["{vault_id}", 1]]', case_id, kind, title, when, status,
             ids.get(source) if source else None, offset),
        )  # fmt: skip
    backups: list[int] = []
    schema.migrate(conn, backups.append)
    assert backups == [3]
    assert schema.current_version(conn) == schema.LATEST_VERSION
    db = Database(conn, vault_id)

    typed = db.events.get(ids["typed only"])
    assert typed.deadline == DeadlineInfo()  # now pending, on the agenda
    hearing = db.events.get(ids["hearing as deadline"])
    assert hearing.event_type is EventType.DEADLINE
    assert hearing.deadline is not None and hearing.deadline.status.value == "done"
    computed = db.events.get(ids["computed"])
    assert computed.event_type is EventType.DEADLINE
    assert computed.deadline is not None
    assert (computed.deadline.unit, computed.deadline.rule) == (DeadlineUnit.CALENDAR_DAYS, "none")
    assert computed.date == FuzzyDate.parse("2026-12-12")  # old meaning kept: nothing rolled
    assert db.events.get(ids["decision"]).deadline is None
    assert computed.versions == ((vault_id, 1),)  # every vault migrates alike: no new version
    migrated = {e.record_id for e in db.audit.list() if e.action == "migrate"}
    assert migrated == {ids["typed only"], ids["hearing as deadline"], ids["computed"]}
    # The store keeps working on the migrated rows: moving the decision recomputes.
    db.events.update(ids["decision"], date="2026-11-28")
    assert db.events.get(ids["computed"]).date == FuzzyDate.parse("2026-12-13")
