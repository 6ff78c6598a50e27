"""Batched import writes (`put_raw_many`): the same vault as one `put_raw` per record."""

from __future__ import annotations

import pytest

from satchel.core.codec import to_dict
from satchel.core.database import Database
from satchel.core.model import Case
from satchel.errors import InvalidInput


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Asylum appeal of Lena Voronova")


def _exported(db: Database, case: Case) -> list[dict]:  # type: ignore[type-arg]
    """Three events as a bundle carries them: a decision, a deadline counting from it
    (listed first, as a bundle may), and a hearing; then removed from the vault."""
    decision = db.events.create(case.id, "Decision served", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(
        case.id, "Appeal due", computed_from=decision.id, offset_days=30
    )
    hearing = db.events.create(case.id, "Hearing", "hearing", date="2025-10-02")
    data = [to_dict(appeal), to_dict(decision), to_dict(hearing)]
    for record in data:
        db.events.delete(record["id"])
    return data


def _state(db: Database, ids: list[str]) -> list[object]:
    return [db.events.get_raw(i) for i in ids]


def test_batched_import_stores_the_same_events_as_one_by_one(db: Database, case: Case) -> None:
    data = _exported(db, case)
    ids = [d["id"] for d in data]
    with db.transaction():
        for record in data:
            db.events.put_raw(record)
        one_by_one = _state(db, ids)
        for record_id in ids:
            db.events.delete(record_id)
        assert db.events.put_raw_many(data) == 3
        assert _state(db, ids) == one_by_one


def test_batched_import_is_audited_and_searchable(db: Database, case: Case) -> None:
    data = _exported(db, case)
    before = db.audit.count()
    with db.bulk():
        db.events.put_raw_many(data)
    lines = db.audit.list(limit=3)
    assert db.audit.count() == before + 3
    assert {(e.action, e.record_id) for e in lines} == {("import", d["id"]) for d in data}
    hits = db.search.search("hearing", kinds=["event"])
    assert [h.record_id for h in hits] == [data[2]["id"]]


def test_one_invalid_record_keeps_none_of_the_batch(db: Database, case: Case) -> None:
    data = _exported(db, case)
    bad = data[2] | {"title": "   "}
    before = db.audit.count()
    with pytest.raises(InvalidInput) as err:
        db.events.put_raw_many([data[1], bad])
    assert bad["id"] in err.value.message
    assert _state(db, [data[1]["id"], bad["id"]]) == [None, None]
    assert db.audit.count() == before


def test_a_record_twice_in_one_batch_is_refused(db: Database, case: Case) -> None:
    data = _exported(db, case)
    with pytest.raises(InvalidInput):
        db.events.put_raw_many([data[2], data[2]])
    assert db.events.get_raw(data[2]["id"]) is None


def test_a_batch_outside_bulk_mode_replaces_the_search_words_of_changed_records(
    db: Database, case: Case
) -> None:
    data = _exported(db, case)
    db.events.put_raw_many(data)
    changed = data[2] | {"title": "Rescheduled session", "versions": [[data[2]["origin_vault"], 9]]}
    assert db.events.put_raw_many([data[1], changed]) == 2
    assert db.search.search("hearing", kinds=["event"]) == []
    hits = db.search.search("rescheduled", kinds=["event"])
    assert [h.record_id for h in hits] == [data[2]["id"]]
    # Writing an unchanged record again leaves one entry, not two.
    assert len(db.search.search("decision", kinds=["event"])) == 1
