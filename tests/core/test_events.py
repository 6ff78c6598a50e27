"""Events: the chronology, stored so the database orders it as honestly as dates.py does."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.dates import FuzzyDate
from satchel.core.model import Case, EventType, FactStatus, Person
from satchel.errors import Cancelled, InvalidInput, NotFound


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Extradition of Timur Akhmetov", case_type="extradition")


@pytest.fixture
def client(db: Database, case: Case) -> Person:
    return db.people.create(["Timur Akhmetov", "Тимур Ахметов"])


def titles(events: list) -> list[str]:  # type: ignore[type-arg]
    return [e.title for e in events]


def test_event_reads_back_with_every_field(db: Database, case: Case, client: Person) -> None:
    event = db.events.create(
        case.id,
        "Detained at the airport",
        EventType.DETENTION,
        date="2025-08-14T10:30+03:00",
        description="Held on an Interpol notice",
        person_ids=[client.id],
        key_fact=True,
        source="Detention record",
        source_quote="задержан в 10:30",
        fact_status="disputed_by_other",
    )
    assert db.events.get(event.id) == event
    assert event.date == FuzzyDate.parse("2025-08-14T10:30+03:00")
    assert event.fact_status is FactStatus.DISPUTED_BY_OTHER
    assert event.person_ids == (client.id,)
    assert event.versions == ((db.vault_id, 1),)


def test_events_of_every_precision_and_kind_sort_honestly(db: Database, case: Case) -> None:
    dates = {
        "undated": "tbd",
        "day 10": "2025-08-10",
        "day 1": "2025-08-01",
        "month": "2025-08",
        "exact 14th 10:30 Moscow": "2025-08-14T10:30+03:00",
        "day 14": "2025-08-14",
        "year": "2025",
        "before Aug": "<2025-08",
        "around 2024": "~2024",
        "between 3rd and 10th": "2025-08-03..2025-08-10",
        "span May to July": "2025-05/2025-07",
        "after Aug": ">2025-08",
    }
    for title, text in reversed(dates.items()):
        db.events.create(case.id, title, date=text)
    assert titles(db.events.list(case_id=case.id)) == [
        "around 2024",  # 2024 starts first
        "year",  # 2025 as a whole: starts 1 Jan
        "span May to July",
        "before Aug",  # wholly before 1 Aug
        "month",  # the month sorts before the days it contains...
        "day 1",  # ...even its first day
        "between 3rd and 10th",
        "day 10",
        "day 14",  # the whole day starts at midnight...
        "exact 14th 10:30 Moscow",  # ...before 07:30 UTC that day
        "after Aug",
        "undated",  # to be determined: last
    ]


def test_same_day_events_keep_their_manual_order(db: Database, case: Case) -> None:
    a = db.events.create(case.id, "Hearing opens", date="2025-09-01")
    b = db.events.create(case.id, "Prosecutor speaks", date="2025-09-01")
    c = db.events.create(case.id, "Decision announced", date="2025-09-01")
    db.events.create(case.id, "Next day", date="2025-09-02")
    moved = db.events.move_within_day(c.id, 0)
    assert moved.day_order == 0
    assert titles(db.events.list(case_id=case.id)) == [
        "Decision announced", "Hearing opens", "Prosecutor speaks", "Next day",
    ]  # fmt: skip
    db.events.move_within_day(a.id, 99)  # past the end: last of the day
    assert titles(db.events.list(case_id=case.id))[:3] == [
        "Decision announced", "Prosecutor speaks", "Hearing opens",
    ]  # fmt: skip
    assert db.events.get(b.id).versions[0][1] >= 2  # renumbering is a real, versioned edit


def test_range_query_keeps_events_whose_interval_overlaps(db: Database, case: Case) -> None:
    for title, text in [
        ("July", "2025-07"),
        ("1 Aug", "2025-08-01"),
        ("31 Aug", "2025-08-31"),
        ("1 Sep", "2025-09-01"),
        ("year", "2025"),
        ("before Aug", "<2025-08"),
        ("after Aug", ">2025-08"),
        ("span Jul-Aug", "2025-07-20/2025-08-02"),
        ("undated", "tbd"),
    ]:
        db.events.create(case.id, title, date=text)
    august = db.events.list(
        case_id=case.id,
        start=datetime(2025, 8, 1, tzinfo=UTC),
        end=datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert set(titles(august)) == {"1 Aug", "31 Aug", "year", "before Aug", "span Jul-Aug"}
    assert db.events.count(case_id=case.id, start=date(2025, 9, 1)) == 3  # 1 Sep, year, after
    with pytest.raises(InvalidInput):
        db.events.list(start=datetime(2025, 8, 1))  # a naive time could mean any zone


def test_filters_by_type_person_key_fact_and_text(db: Database, case: Case, client: Person) -> None:
    db.events.create(case.id, "Arrest in Almaty", "arrest", person_ids=[client.id], key_fact=True)
    db.events.create(case.id, "Hearing", "hearing", description="Судья отказал в ЗАЛОГЕ")
    db.events.create(case.id, "Call", "communication")
    assert titles(db.events.list(types=["arrest", EventType.HEARING])) == [
        "Arrest in Almaty",
        "Hearing",
    ]
    assert titles(db.events.list(person_id=client.id)) == ["Arrest in Almaty"]
    assert titles(db.events.list(key_fact=True)) == ["Arrest in Almaty"]
    assert titles(db.events.list(text="залоге")) == ["Hearing"]
    assert db.events.count(case_id=case.id, key_fact=False) == 2
    with pytest.raises(InvalidInput):
        db.events.list(types=["coup"])


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x", "event_type": "party"}, "event_type"),
        ({"title": "x", "date": "2025-02-30"}, "date"),
        ({"title": "x", "date": "2025-03-10..2025-03-01"}, "date"),
        ({"title": "x", "date": "2025-08-14T10:30"}, "date"),  # a time without a zone
        ({"title": "x", "person_ids": ["00000000-0000-4000-8000-000000000000"]}, "person_ids"),
        ({"title": "x", "fact_status": "probably"}, "fact_status"),
    ],
)
def test_invalid_event_is_refused(db: Database, case: Case, fields: dict, field: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidInput) as err:
        db.events.create(case.id, **fields)
    assert err.value.field == field
    assert db.events.count() == 0


def test_event_needs_an_existing_case(db: Database) -> None:
    with pytest.raises(InvalidInput) as err:
        db.events.create("00000000-0000-4000-8000-000000000000", "Orphan")
    assert err.value.field == "case_id"


def test_moving_an_event_bumps_its_version_and_is_audited(db: Database, case: Case) -> None:
    event = db.events.create(case.id, "Hearing", "hearing", date="2025-10")
    moved = db.events.update(event, date="2025-10-07")
    assert moved.versions == ((db.vault_id, 2),)
    assert db.events.list(case_id=case.id)[0].date == FuzzyDate.parse("2025-10-07")
    assert db.audit.list(record_id=event.id)[0].summary == "changed date"


def test_deleting_a_person_unlinks_them_from_events(
    db: Database, case: Case, client: Person
) -> None:
    event = db.events.create(case.id, "Interview", person_ids=[client.id])
    db.people.delete(client.id)
    assert db.events.get(event.id).person_ids == ()


def test_deleted_event_is_gone_and_audited(db: Database, case: Case) -> None:
    event = db.events.create(case.id, "Mistake")
    db.events.delete(event.id)
    with pytest.raises(NotFound, match="No event"):
        db.events.get(event.id)
    assert db.audit.list(record_id=event.id)[0].action == "delete"


def test_event_round_trips_through_its_dict_form(db: Database, case: Case, client: Person) -> None:
    event = db.events.create(
        case.id, "Span", "detention", date="2025-05/2025-07", person_ids=[client.id],
        key_fact=True, day_order=3,
    )  # fmt: skip
    data = to_dict(event)
    assert data["date"] == "2025-05/2025-07"
    assert data["person_ids"] == [client.id] and data["deadline"] is None
    assert from_dict("event", data) == event
    # And back in through the bundle API, unchanged.
    db.events.delete(event.id)
    db.events.put_raw(data)
    assert db.events.get_raw(event.id) == data


def test_events_are_found_by_search_and_forgotten_when_deleted(db: Database, case: Case) -> None:
    event = db.events.create(case.id, "Interpol notice withdrawn", description="Red notice")
    assert [h.record_id for h in db.search.search("interpol", kinds=["event"])] == [event.id]
    db.events.update(event, title="Notice withdrawn")
    assert db.search.search("interpol", kinds=["event"]) == []
    db.events.delete(event.id)
    assert db.search.search("notice", kinds=["event"]) == []


def test_list_pages_in_order(db: Database, case: Case) -> None:
    for day in range(1, 11):
        db.events.create(case.id, f"day {day}", date=f"2025-01-{day:02d}")
    assert titles(db.events.list(case_id=case.id, limit=3, offset=4)) == ["day 5", "day 6", "day 7"]
    assert len(db.events.all_ids_for_case(case.id)) == 10


def test_event_cites_documents_and_both_sides_see_the_link(db: Database, case: Case) -> None:
    scan = db.documents.add(
        io.BytesIO(b"%PDF-1.4 decision"), case_id=case.id, filename="decision.pdf"
    )
    event = db.events.create(case.id, "Decision", "decision", document_ids=[scan.id])
    assert db.events.get(event.id).document_ids == (scan.id,)
    assert db.documents.get(scan.id).event_ids == (event.id,)
    with pytest.raises(InvalidInput) as err:
        db.events.create(case.id, "Cites nothing real", document_ids=[event.id])
    assert err.value.field == "document_ids"
    db.documents.delete(scan.id)
    assert db.events.get(event.id).document_ids == ()


def test_import_keeps_links_to_documents_and_sources_that_arrive_later(
    db: Database, case: Case
) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    data = to_dict(appeal) | {"document_ids": ["dddddddd-0000-4000-8000-000000000001"]}
    db.events.delete(appeal.id)
    db.events.delete(decision.id)
    stored = db.events.put_raw(data)  # neither the decision nor the document is here yet
    assert stored.date == appeal.date
    assert stored.document_ids == ("dddddddd-0000-4000-8000-000000000001",)


def test_undated_events_keep_a_manual_order_too(db: Database, case: Case) -> None:
    first = db.events.create(case.id, "Ask the consulate")
    db.events.create(case.id, "Find the witness")
    db.events.create(case.id, "Dated", date="2025-01-01")
    db.events.move_within_day(first.id, 1)
    assert titles(db.events.list(case_id=case.id)) == [
        "Dated",
        "Find the witness",
        "Ask the consulate",
    ]


def test_change_many_saves_every_event_with_one_audit_entry_each(
    db: Database, case: Case, client: Person
) -> None:
    other = db.people.create(["Aigerim Akhmetova"])
    first = db.events.create(case.id, "Interview", date="2025-03-01", person_ids=[other.id])
    second = db.events.create(case.id, "Letter", date="2025-03-02")
    untouched = db.events.create(case.id, "Hearing", date="2025-03-03")
    before = len(db.audit.list(limit=None))

    saved = db.events.change_many(
        [first.id, second.id],
        fact_status="disputed_by_other",
        event_type=EventType.COMMUNICATION,
        add_people=[client.id],
    )

    assert [e.id for e in saved] == [first.id, second.id]
    for ev in (db.events.get(first.id), db.events.get(second.id)):
        assert ev.fact_status is FactStatus.DISPUTED_BY_OTHER
        assert ev.event_type is EventType.COMMUNICATION
    assert db.events.get(first.id).person_ids == (other.id, client.id)
    assert db.events.get(second.id).person_ids == (client.id,)
    assert db.events.get(untouched.id).event_type is EventType.OTHER
    entries = db.audit.list(limit=None)[: len(db.audit.list(limit=None)) - before]
    assert sorted(e.record_id for e in entries) == sorted([first.id, second.id])
    assert {e.action for e in entries} == {"update"}

    db.events.change_many([first.id], remove_people=[other.id])
    assert db.events.get(first.id).person_ids == (client.id,)


def test_change_many_saves_nothing_when_one_event_is_refused(db: Database, case: Case) -> None:
    plain = db.events.create(case.id, "Interview", date="2025-03-01")
    gone = db.events.create(case.id, "Letter", date="2025-03-02")
    db.events.delete(gone.id)
    before = len(db.audit.list(limit=None))

    with pytest.raises(NotFound):
        db.events.change_many([plain.id, gone.id], fact_status=FactStatus.UNSURE)
    with pytest.raises(InvalidInput) as refused:
        db.events.change_many([plain.id], fact_status="maybe")

    assert refused.value.code == "unknown_one"
    assert db.events.get(plain.id).fact_status is FactStatus.UNDISPUTED
    assert len(db.audit.list(limit=None)) == before


def test_change_many_is_rolled_back_when_its_step_says_stop(db: Database, case: Case) -> None:
    events = [db.events.create(case.id, f"E{i}", date="2025-03-01") for i in range(3)]
    seen: list[tuple[int, int]] = []

    def stop_at_the_third(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        db.events.change_many([e.id for e in events], fact_status="unsure", step=stop_at_the_third)
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert all(db.events.get(e.id).fact_status is FactStatus.UNDISPUTED for e in events)


def test_an_event_names_its_proceeding_and_the_dict_form_only_when_it_has_one(
    db: Database, case: Case
) -> None:
    home = db.events.create(
        case.id,
        "Charged in absentia",
        EventType.OTHER,
        date="2024-02-01",
        proceeding="  Criminal case   No. 12/345  (Russia) ",
    )
    abroad = db.events.create(case.id, "Extradition hearing", EventType.HEARING, date="2025-09-01")
    # One proceeding keeps one spelling (and one timeline lane): spaces are tidied.
    assert db.events.get(home.id).proceeding == "Criminal case No. 12/345 (Russia)"
    assert abroad.proceeding == ""
    # Written only when set, so a bundle reader that predates the field reads the rest.
    assert "proceeding" not in to_dict(abroad)
    assert to_dict(db.events.get(home.id))["proceeding"] == "Criminal case No. 12/345 (Russia)"
    assert from_dict("event", to_dict(db.events.get(home.id))) == db.events.get(home.id)
    moved = db.events.update(abroad.id, proceeding="Extradition, Germany")
    assert db.events.get(abroad.id) == moved


def test_a_proceeding_name_longer_than_a_line_is_refused(db: Database, case: Case) -> None:
    with pytest.raises(InvalidInput, match="too long"):
        db.events.create(case.id, "Hearing", EventType.HEARING, proceeding="x" * 1001)
