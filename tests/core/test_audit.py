"""The audit log: every change leaves a line, and lines cannot be changed or removed."""

from __future__ import annotations

import pytest
import sqlcipher3.dbapi2 as sqlite

from satchel.core.database import Database


def test_log_appends_numbered_lines_newest_first(db: Database) -> None:
    first = db.audit.log("unlock")
    second = db.audit.log("export", "case", "c-1", "bundle to a colleague")
    assert second > first
    lines = db.audit.list()
    assert [(a.seq, a.action) for a in lines] == [(second, "export"), (first, "unlock")]
    assert lines[0].at.tzinfo is not None
    assert lines[0].summary == "bundle to a colleague"
    assert [a.action for a in db.audit.list(newest_first=False, limit=1)] == ["unlock"]
    assert db.audit.count() == 2 and db.audit.count(record_id="c-1") == 1


def test_every_store_change_is_audited(db: Database) -> None:
    case = db.cases.create("Case")
    person = db.people.create(["Person"])
    role = db.roles.create(case.id, person.id, "client")
    event = db.events.create(case.id, "Event")
    note = db.notes.create(case.id, "Note")
    colleague = db.colleagues.create("Co-counsel", "age1example", "c2lnbmluZy1rZXk=")
    db.settings.set("author", "A. Lawyer")
    kinds = [(a.action, a.record_kind, a.record_id) for a in db.audit.list(newest_first=False)]
    assert kinds == [
        ("create", "case", case.id),
        ("create", "person", person.id),
        ("create", "role", role.id),
        ("create", "event", event.id),
        ("create", "note", note.id),
        ("create", "colleague", colleague.id),
        ("set", "setting", "author"),
    ]


def test_audit_lines_cannot_be_changed(db: Database) -> None:
    db.audit.log("unlock")
    with pytest.raises(sqlite.IntegrityError, match="append-only"):
        db.connection.execute("UPDATE audit SET action = 'nothing happened'")
    assert db.audit.list()[0].action == "unlock"


def test_audit_lines_cannot_be_deleted(db: Database) -> None:
    db.audit.log("export", "case", "c-1")
    with pytest.raises(sqlite.IntegrityError, match="append-only"):
        db.connection.execute("DELETE FROM audit")
    assert db.audit.count() == 1


def test_an_aborted_change_leaves_no_audit_line(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction():
        db.cases.create("Never saved")
        raise RuntimeError("power cut")
    assert db.audit.count() == 0
