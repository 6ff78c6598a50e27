"""Notes: dated free text on a case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.model import Case, NoteFormat
from satchel.errors import InvalidInput


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Asylum of Madina Serikbayeva")


def test_note_keeps_its_text_author_and_format(db: Database, case: Case) -> None:
    note = db.notes.create(
        case.id, "# Strategy\n\nAsk for **interim measures**.", "A. Lawyer", "markdown"
    )
    assert db.notes.get(note.id) == note
    assert note.format is NoteFormat.MARKDOWN
    assert note.written.tzinfo is not None


def test_notes_list_newest_written_first(db: Database, case: Case) -> None:
    for day in (3, 1, 2):
        db.notes.create(case.id, f"day {day}", written=datetime(2025, 9, day, tzinfo=UTC))
    assert [n.body for n in db.notes.list(case_id=case.id)] == ["day 3", "day 2", "day 1"]
    assert db.notes.count(case_id=case.id) == 3
    assert [n.body for n in db.notes.list(case_id=case.id, limit=1, offset=1)] == ["day 2"]


def test_empty_note_or_unknown_case_is_refused(db: Database, case: Case) -> None:
    with pytest.raises(InvalidInput) as err:
        db.notes.create(case.id, "  \n ")
    assert err.value.field == "body"
    with pytest.raises(InvalidInput) as err:
        db.notes.create("00000000-0000-4000-8000-000000000000", "text")
    assert err.value.field == "case_id"
    with pytest.raises(InvalidInput):
        db.notes.create(case.id, "text", format="html")
    with pytest.raises(InvalidInput):
        db.notes.create(case.id, "text", written=datetime(2025, 1, 1))  # no zone


def test_note_edit_and_delete_are_versioned_audited_and_searchable(
    db: Database, case: Case
) -> None:
    note = db.notes.create(case.id, "Call the consulate in Almaty")
    assert [h.record_id for h in db.search.search("consulate")] == [note.id]
    edited = db.notes.update(note, body="Call the embassy")
    assert edited.versions == ((db.vault_id, 2),)
    assert db.search.search("consulate") == []
    db.notes.delete(note.id)
    assert db.search.search("embassy") == []
    assert [a.action for a in db.audit.list(record_id=note.id)] == ["delete", "update", "create"]


def test_note_round_trips_through_its_dict_form(db: Database, case: Case) -> None:
    note = db.notes.create(case.id, "Text", "Me", written=datetime(2025, 9, 1, 12, tzinfo=UTC))
    data = to_dict(note)
    assert data["written"] == "2025-09-01T12:00:00.000000+00:00"
    assert from_dict("note", data) == note
