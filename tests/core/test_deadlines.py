"""Deadlines: due dates, computed deadlines that follow their source, urgency and the agenda."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.dates import FuzzyDate
from satchel.core.events import days_left, urgency
from satchel.core.model import Case, DeadlineInfo, DeadlineStatus, Event, EventType, Urgency
from satchel.errors import InvalidInput

TODAY = date(2025, 9, 10)


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Deportation of Gulnara Seitova", case_type="deportation")


def test_computed_deadline_takes_its_date_from_the_decision(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Court orders extradition", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(
        case.id, "Appeal window closes", computed_from=decision.id, offset_days=10, lead_days=3
    )
    assert appeal.date == FuzzyDate.parse("2025-09-11")
    assert appeal.event_type is EventType.DEADLINE
    assert appeal.deadline == DeadlineInfo(
        status=DeadlineStatus.PENDING, lead_days=3, computed_from=decision.id, offset_days=10
    )


def test_computed_deadline_moves_when_its_decision_moves(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    db.events.update(decision, date="2025-09-05")
    moved = db.events.get(appeal.id)
    assert moved.date == FuzzyDate.parse("2025-09-15")
    assert moved.versions == ((db.vault_id, 2),)
    assert db.audit.list(record_id=appeal.id)[0].summary == "changed date"


def test_a_chain_of_computed_deadlines_moves_together(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    reply = db.events.create_deadline(case.id, "Reply", computed_from=appeal.id, offset_days=5)
    assert reply.date == FuzzyDate.parse("2025-09-16")
    db.events.update(decision, date="2025-10-01")
    assert db.events.get(reply.id).date == FuzzyDate.parse("2025-10-16")


def test_decision_known_only_to_the_month_counts_from_its_first_day(
    db: Database, case: Case
) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    assert appeal.date == FuzzyDate.parse("2025-09-11")  # the early, safe side


def test_undated_decision_gives_an_undated_deadline(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision expected", "decision")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    assert not appeal.date.is_dated
    db.events.update(decision, date="2025-11-03")
    assert db.events.get(appeal.id).date == FuzzyDate.parse("2025-11-13")


def test_a_computed_deadline_cannot_be_moved_by_hand(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    with pytest.raises(InvalidInput) as err:
        db.events.update(appeal, date="2025-12-01")
    assert err.value.field == "date"
    with pytest.raises(InvalidInput):
        db.events.create_deadline(
            case.id, "Both", "2025-12-01", computed_from=decision.id, offset_days=1
        )
    # Made fixed, it can move.
    fixed = db.events.update(appeal, deadline=DeadlineInfo(computed_from=None), date="2025-12-01")
    assert fixed.date == FuzzyDate.parse("2025-12-01")


def test_deleting_the_source_leaves_a_fixed_deadline_on_its_date(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09-01")
    appeal = db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)
    db.events.delete(decision.id)
    kept = db.events.get(appeal.id)
    assert kept.date == appeal.date
    assert kept.deadline is not None and kept.deadline.computed_from is None


@pytest.mark.parametrize(
    ("info", "field"),
    [
        (DeadlineInfo(lead_days=-1), "lead_days"),
        (DeadlineInfo(offset_days=5), "offset_days"),
        (
            DeadlineInfo(computed_from="00000000-0000-4000-8000-000000000000", offset_days=1),
            "computed_from",
        ),
    ],
)
def test_invalid_deadline_is_refused(
    db: Database, case: Case, info: DeadlineInfo, field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        db.events.create(case.id, "Deadline", "deadline", deadline=info)
    assert err.value.field == field


def test_deadlines_computed_in_a_circle_are_refused(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-09-01")
    a = db.events.create_deadline(case.id, "A", computed_from=decision.id, offset_days=1)
    b = db.events.create_deadline(case.id, "B", computed_from=a.id, offset_days=1)
    with pytest.raises(InvalidInput, match="circle"):
        db.events.update(a, deadline=DeadlineInfo(computed_from=b.id, offset_days=1))


def test_a_deadline_counts_only_from_an_event_of_its_own_case(db: Database, case: Case) -> None:
    other = db.cases.create("Another client")
    decision = db.events.create(other.id, "Decision", "decision", date="2025-09-01")
    with pytest.raises(InvalidInput, match="same case"):
        db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=10)


def test_status_changes_and_deadline_queries(db: Database, case: Case) -> None:
    a = db.events.create_deadline(case.id, "File appeal", "2025-09-12")
    b = db.events.create_deadline(case.id, "Submit evidence", "2025-09-20")
    db.events.create(case.id, "Hearing", "hearing", date="2025-09-15")  # not a deadline
    done = db.events.set_deadline_status(a.id, "done")
    assert done.deadline is not None and done.deadline.status is DeadlineStatus.DONE
    assert [e.id for e in db.events.deadlines()] == [a.id, b.id]
    assert [e.id for e in db.events.deadlines(status="pending")] == [b.id]
    assert [e.id for e in db.events.deadlines(start_day=date(2025, 9, 13))] == [b.id]
    assert [e.id for e in db.events.deadlines(end_day=date(2025, 9, 12))] == [a.id]
    with pytest.raises(InvalidInput):
        db.events.set_deadline_status(db.events.list(types=["hearing"])[0].id, "done")


def test_agenda_puts_overdue_first_then_the_coming_weeks(db: Database, case: Case) -> None:
    other = db.cases.create("Asylum of Arman Dzhaksybekov")
    db.events.create_deadline(case.id, "later this week", "2025-09-12")
    db.events.create_deadline(other.id, "overdue long ago", "2025-08-01")
    db.events.create_deadline(case.id, "overdue yesterday", "2025-09-09")
    db.events.create(other.id, "hearing tomorrow", "hearing", date="2025-09-11T09:00+05:00")
    db.events.create_deadline(case.id, "due today", "2025-09-10")
    db.events.create_deadline(case.id, "beyond two weeks", "2025-09-25")
    done = db.events.create_deadline(case.id, "overdue but done", "2025-09-01")
    db.events.set_deadline_status(done.id, "done")
    db.events.create(case.id, "meeting tomorrow", "meeting", date="2025-09-11")  # not agenda
    db.events.create_deadline(case.id, "date unknown yet")
    agenda = db.events.agenda(TODAY, weeks=2)
    assert [e.title for e in agenda] == [
        "overdue long ago",
        "overdue yesterday",
        "due today",
        "hearing tomorrow",
        "later this week",
        "date unknown yet",
    ]


def deadline(day: str | None, status: DeadlineStatus = DeadlineStatus.PENDING) -> Event:
    stamp = datetime(2025, 1, 1, tzinfo=UTC)
    return Event(
        id="00000000-0000-4000-8000-000000000001", created_at=stamp, updated_at=stamp,
        origin_vault="v", case_id="c", event_type=EventType.DEADLINE, title="t",
        date=FuzzyDate.parse(day) if day else FuzzyDate.undated(),
        deadline=DeadlineInfo(status=status),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("day", "expected", "left"),
    [
        ("2025-09-09", Urgency.OVERDUE, -1),
        ("2025-09-10", Urgency.WITHIN_3_DAYS, 0),
        ("2025-09-13", Urgency.WITHIN_3_DAYS, 3),
        ("2025-09-14", Urgency.WITHIN_14_DAYS, 4),
        ("2025-09-24", Urgency.WITHIN_14_DAYS, 14),
        ("2025-09-25", Urgency.LATER, 15),
        (None, Urgency.LATER, None),
    ],
)
def test_urgency_boundaries(day: str | None, expected: Urgency, left: int | None) -> None:
    event = deadline(day)
    assert urgency(event, TODAY) is expected
    assert days_left(event, TODAY) == left


def test_a_finished_deadline_is_done_whatever_its_date() -> None:
    assert urgency(deadline("2025-09-01", DeadlineStatus.DONE), TODAY) is Urgency.DONE
    assert urgency(deadline("2025-09-11", DeadlineStatus.MISSED), TODAY) is Urgency.DONE


def test_a_past_ordinary_event_is_done_not_overdue() -> None:
    past_hearing = dataclasses.replace(deadline("2025-09-01"), deadline=None)
    assert urgency(past_hearing, TODAY) is Urgency.DONE


# -- one notion of a deadline ---------------------------------------------------------------------


def test_an_event_of_type_deadline_is_on_the_agenda_without_anything_else(
    db: Database, case: Case
) -> None:
    due = db.events.create(case.id, "File the reply", "deadline", date="2025-09-12")
    assert due.deadline == DeadlineInfo()
    assert due.is_deadline
    assert [e.id for e in db.events.agenda(TODAY)] == [due.id]


def test_deadline_details_on_another_type_are_refused(db: Database, case: Case) -> None:
    with pytest.raises(InvalidInput, match="type Deadline") as caught:
        db.events.create(case.id, "Hearing", "hearing", date="2025-09-12", deadline=DeadlineInfo())
    assert caught.value.field == "event_type"
    assert db.events.count(case_id=case.id) == 0


def test_changing_a_deadline_to_another_type_takes_its_details_away(
    db: Database, case: Case
) -> None:
    due = db.events.create(case.id, "Reply", "deadline", date="2025-09-12")
    hearing = db.events.update(due, event_type="hearing")
    assert hearing.deadline is None and not hearing.is_deadline
    assert db.events.deadlines() == []


def test_an_older_vaults_hearing_with_deadline_details_arrives_as_a_deadline(
    db: Database, case: Case
) -> None:
    hearing = db.events.create(case.id, "Hearing", "hearing", date="2025-09-12")
    raw = db.events.get_raw(hearing.id)
    assert raw is not None
    raw["deadline"] = {
        "status": "pending", "lead_days": None, "computed_from": None, "offset_days": None,
    }  # fmt: skip
    stored = db.events.put_raw(raw)
    assert stored.event_type is EventType.DEADLINE
    assert stored.deadline == DeadlineInfo()


# -- counting under a rule ------------------------------------------------------------------------


@pytest.fixture
def russian_case(db: Database) -> Case:
    return db.cases.create("Extradition of Timur Aliev", jurisdiction="Russia")


def test_fifteen_days_from_a_friday_decision_land_on_monday_in_a_russian_case(
    db: Database, russian_case: Case
) -> None:
    decision = db.events.create(russian_case.id, "Decision", "decision", date="2026-11-27")
    appeal = db.events.create_deadline(
        russian_case.id, "Appeal due", computed_from=decision.id, offset_days=15
    )
    assert appeal.deadline is not None and appeal.deadline.rule == "RU"  # the case's rule
    assert appeal.date == FuzzyDate.parse("2026-12-14")
    reckoning = db.events.reckoning(appeal)
    assert reckoning is not None
    assert (reckoning.counted, reckoning.due) == (date(2026, 12, 12), date(2026, 12, 14))
    # The agenda and the deadline list show the rolled day.
    agenda = db.events.agenda(date(2026, 12, 1))
    assert [(e.id, e.date) for e in agenda] == [(appeal.id, FuzzyDate.parse("2026-12-14"))]
    assert [e.id for e in db.events.deadlines(date(2026, 12, 14), date(2026, 12, 14))] == [
        appeal.id
    ]


def test_a_rule_given_for_one_deadline_overrides_the_cases(
    db: Database, russian_case: Case
) -> None:
    decision = db.events.create(russian_case.id, "Decision", "decision", date="2026-11-27")
    echr = db.events.create_deadline(
        russian_case.id, "Application to Strasbourg", computed_from=decision.id,
        offset_days=15, rule="echr",
    )  # fmt: skip
    assert echr.deadline is not None and echr.deadline.rule == "ECHR"
    assert echr.date == FuzzyDate.parse("2026-12-12")  # not extended


def test_one_month_from_31_january_2028_is_29_february(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2028-01-31")
    appeal = db.events.create_deadline(
        case.id, "Appeal", computed_from=decision.id, offset_days=1, unit="months", rule="RU"
    )
    assert appeal.date == FuzzyDate.parse("2028-02-29")


def test_moving_the_source_recounts_and_rolls_again(db: Database, russian_case: Case) -> None:
    decision = db.events.create(russian_case.id, "Decision", "decision", date="2026-11-27")
    appeal = db.events.create_deadline(
        russian_case.id, "Appeal", computed_from=decision.id, offset_days=5, unit="working_days"
    )
    assert appeal.date == FuzzyDate.parse("2026-12-04")
    db.events.update(decision, date="2026-12-25")
    moved = db.events.get(appeal.id)
    assert moved.date == FuzzyDate.parse("2027-01-12")  # over the New Year holidays
    db.events.update(decision, date="2026-12-22")
    reckoning = db.events.reckoning(db.events.get(appeal.id))
    assert reckoning is not None and reckoning.due == date(2026, 12, 29)


def test_an_unknown_rule_is_refused_and_nothing_is_stored(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2026-11-27")
    with pytest.raises(InvalidInput, match="Unknown deadline rule"):
        db.events.create_deadline(
            case.id, "Appeal", computed_from=decision.id, offset_days=15, rule="XX-ATLANTIS"
        )
    assert db.events.count(case_id=case.id) == 1


def test_the_dict_form_carries_unit_and_rule_only_when_they_are_not_the_old_defaults(
    db: Database, russian_case: Case
) -> None:
    decision = db.events.create(russian_case.id, "Decision", "decision", date="2026-11-27")
    plain = db.events.create_deadline(
        russian_case.id, "Plain", computed_from=decision.id, offset_days=3, rule="none"
    )
    ruled = db.events.create_deadline(
        russian_case.id, "Ruled", computed_from=decision.id, offset_days=1, unit="months"
    )
    assert set(to_dict(plain)["deadline"]) == {
        "status",
        "lead_days",
        "computed_from",
        "offset_days",
    }  # fmt: skip  -- exactly what a bundle v1 reader knows
    assert to_dict(ruled)["deadline"]["unit"] == "months"
    assert to_dict(ruled)["deadline"]["rule"] == "RU"
    assert from_dict("event", to_dict(ruled)) == ruled
    assert from_dict("event", to_dict(plain)) == plain


def test_a_fixed_deadline_is_due_on_the_day_typed_whatever_the_rule(
    db: Database, russian_case: Case
) -> None:
    saturday = db.events.create_deadline(russian_case.id, "Reply", "2026-12-12", rule="RU")
    assert saturday.date == FuzzyDate.parse("2026-12-12")
    assert saturday.deadline is not None and saturday.deadline.rule == "none"
    assert db.events.reckoning(saturday) is None
