"""The stores refuse numbers and text out of a lawyer's range with InvalidInput, whoever asks:
the command line, a form or a bundle (`from_dict`). Nothing is written."""

from __future__ import annotations

import pytest

from satchel.core import limits
from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.model import Case
from satchel.errors import InvalidInput


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Asylum appeal of R. Fictionova", case_type="asylum")


@pytest.mark.parametrize("days", [limits.MAX_OFFSET_DAYS + 1, -800_000, 10**7, 10**30])
def test_computed_deadline_offset_beyond_the_limit_is_refused(
    db: Database, case: Case, days: int
) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-08-14")
    with pytest.raises(InvalidInput) as info:
        db.events.create_deadline(case.id, "Appeal", computed_from=decision.id, offset_days=days)
    assert info.value.field == "offset_days"
    assert len(db.events.list(case_id=case.id)) == 1


def test_offset_at_the_limit_computes_a_date(db: Database, case: Case) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-08-14")
    far = db.events.create_deadline(
        case.id, "Far", computed_from=decision.id, offset_days=-limits.MAX_OFFSET_DAYS
    )
    assert far.date.is_dated


@pytest.mark.parametrize(
    ("field", "value"),
    [("lead_days", limits.MAX_LEAD_DAYS + 1), ("lead_days", 10**30)],
)
def test_lead_time_beyond_a_year_is_refused(db: Database, case: Case, field, value) -> None:
    with pytest.raises(InvalidInput):
        db.events.create_deadline(case.id, "Appeal", "2025-09-01", **{field: value})


def test_day_order_out_of_range_is_refused_on_update(db: Database, case: Case) -> None:
    event = db.events.create(case.id, "Hearing", "hearing", date="2025-08-14")
    with pytest.raises(InvalidInput):
        db.events.update(event.id, day_order=10**30)
    assert db.events.get(event.id).day_order == 0


def test_text_over_its_field_limit_is_refused(db: Database, case: Case) -> None:
    with pytest.raises(InvalidInput) as info:
        db.cases.create("x" * (limits.MAX_SHORT_TEXT + 1))
    assert info.value.field == "title"
    with pytest.raises(InvalidInput):
        db.events.create(
            case.id, "Hearing", "hearing", description="y" * (limits.MAX_LONG_TEXT + 1)
        )
    with pytest.raises(InvalidInput):
        db.notes.create(case.id, "z" * (limits.MAX_NOTE_BODY + 1))
    # At the limit is fine.
    db.notes.create(case.id, "z" * limits.MAX_NOTE_BODY)


def test_undecodable_bytes_smuggled_into_text_are_refused(db: Database, case: Case) -> None:
    """A command line's non-UTF-8 bytes arrive as lone surrogates (PEP 383)."""
    with pytest.raises(InvalidInput) as info:
        db.notes.create(case.id, b"Visit \xff\xfe".decode("utf-8", "surrogateescape"))
    assert "not valid text" in info.value.message
    assert db.notes.list(case_id=case.id) == []


def test_a_record_from_a_bundle_is_held_to_the_same_limits(db: Database, case: Case) -> None:
    data = to_dict(db.cases.get(case.id))
    from_dict("case", data)  # as stored: fine
    with pytest.raises(InvalidInput):
        from_dict("case", data | {"tags": ["t"] * (limits.MAX_LIST_ITEMS + 1)})
    with pytest.raises(InvalidInput):
        from_dict("case", data | {"summary": "s" * (limits.MAX_LONG_TEXT + 1)})
    with pytest.raises(InvalidInput):
        from_dict("case", data | {"title": "\ud800"})


@pytest.mark.parametrize(("unit", "amount"), [("months", 121), ("weeks", 521), ("months", -121)])
def test_offset_bound_follows_the_unit(db: Database, case: Case, unit: str, amount: int) -> None:
    decision = db.events.create(case.id, "Decision", "decision", date="2025-08-14")
    with pytest.raises(InvalidInput) as info:
        db.events.create_deadline(
            case.id, "Appeal", computed_from=decision.id, offset_days=amount, unit=unit
        )
    assert info.value.field == "offset_days"
    ok = db.events.create_deadline(
        case.id, "Appeal", computed_from=decision.id, offset_days=limits.max_offset(unit), unit=unit
    )
    assert ok.date.is_dated
