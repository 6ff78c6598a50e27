"""The record codec: the stable dict form bundles and --json listings rely on."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from satchel.core.codec import KINDS, from_dict, kind_of, to_dict
from satchel.core.dates import FuzzyDate, PartialDate
from satchel.core.model import (
    Case,
    Colleague,
    Contact,
    ContactKind,
    DeadlineInfo,
    DeadlineStatus,
    Document,
    Event,
    EventType,
    IdentityDocument,
    Note,
    Person,
    PersonName,
    Reference,
    Role,
    RoleKind,
    Script,
    Verification,
)
from satchel.core.versions import bump_versions
from satchel.errors import InvalidInput

STAMP = datetime(2025, 9, 1, 8, 30, 15, 123456, tzinfo=UTC)
BASE = {
    "created_at": STAMP,
    "updated_at": STAMP,
    "origin_vault": "11111111-1111-4111-8111-111111111111",
    "versions": (
        ("11111111-1111-4111-8111-111111111111", 3),
        ("22222222-2222-4222-8222-222222222222", 1),
    ),
}
CASE_ID = "aaaaaaaa-0000-4000-8000-000000000001"

EXAMPLES = [
    Case(
        id=CASE_ID, title="Экстрадиция", references=(Reference("ECHR", "1/25"),), tags=("a", "b"),
        opened=date(2025, 1, 2), **BASE,
    ),
    Person(
        id="aaaaaaaa-0000-4000-8000-000000000002",
        names=(PersonName("Ахметов", Script.CYRILLIC, "court", True), PersonName("Akhmetov")),
        birth_date=PartialDate(1990), citizenships=("KZ",),
        documents=(IdentityDocument("passport", "N1", "KZ", PartialDate(2019, 5), None),),
        contacts=(Contact(ContactKind.PHONE, "+7", "home"),), **BASE,
    ),
    Role(
        id="aaaaaaaa-0000-4000-8000-000000000003", case_id=CASE_ID,
        person_id="aaaaaaaa-0000-4000-8000-000000000002", kind=RoleKind.CLIENT, **BASE,
    ),
    Event(
        id="aaaaaaaa-0000-4000-8000-000000000004", case_id=CASE_ID, event_type=EventType.DEADLINE,
        title="Appeal", date=FuzzyDate.parse("2025-08-14T10:30+03:00"), day_order=2,
        person_ids=("aaaaaaaa-0000-4000-8000-000000000002",),
        deadline=DeadlineInfo(DeadlineStatus.MISSED, 3, "aaaaaaaa-0000-4000-8000-000000000009", 14),
        **BASE,
    ),
    Document(
        id="aaaaaaaa-0000-4000-8000-000000000005", case_id=None, filename="скан.pdf",
        media_type="application/pdf", size=10, sha256="0" * 64, received=date(2025, 2, 3),
        event_ids=("aaaaaaaa-0000-4000-8000-000000000004",), **BASE,
    ),
    Note(
        id="aaaaaaaa-0000-4000-8000-000000000006", case_id=CASE_ID, written=STAMP, author="",
        body="x", **BASE,
    ),
    Colleague(
        id="aaaaaaaa-0000-4000-8000-000000000007", name="Co", age_recipient="age1x",
        signing_key="k", verification=Verification.VERIFIED, **BASE,
    ),
]  # fmt: skip


@pytest.mark.parametrize("record", EXAMPLES, ids=lambda r: type(r).__name__)
def test_every_record_kind_round_trips_through_json(record: object) -> None:
    kind = kind_of(record)  # type: ignore[arg-type]
    data = json.loads(json.dumps(to_dict(record)))  # type: ignore[arg-type]
    assert from_dict(kind, data) == record


def test_the_dict_form_is_plain_and_stable() -> None:
    data = to_dict(EXAMPLES[3])
    assert data["created_at"] == "2025-09-01T08:30:15.123456+00:00"
    assert data["versions"] == [
        ["11111111-1111-4111-8111-111111111111", 3],
        ["22222222-2222-4222-8222-222222222222", 1],
    ]
    assert data["date"] == "2025-08-14T10:30+03:00"
    assert data["event_type"] == "deadline"
    assert data["deadline"] == {
        "status": "missed", "lead_days": 3,
        "computed_from": "aaaaaaaa-0000-4000-8000-000000000009", "offset_days": 14,
    }  # fmt: skip
    assert set(KINDS) == {"case", "person", "role", "event", "document", "note", "colleague"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"day_order": "2"}, "day_order"),
        ({"key_fact": 1}, "key_fact"),
        ({"date": "14 Aug 2025"}, "date"),
        ({"date": "2025-8-14"}, "date"),  # parses, but is not the canonical form
        ({"created_at": "2025-09-01T08:30:15"}, "created_at"),  # no zone
        ({"deadline": {"status": "lost"}}, "deadline.status"),
        ({"deadline": {"extra": 1}}, "deadline.extra"),
        ({"person_ids": "one"}, "person_ids"),
        ({"versions": [["v", "3"]]}, "versions"),
        ({"versions": []}, "versions"),
        ({"versions": [["v", 0]]}, "versions"),
        ({"versions": [["v", 1], ["v", 2]]}, "versions"),
        ({"id": "not-a-uuid"}, "id"),
        # The shapes the decoder takes a shorter way (a plain day, lists of ids and
        # pairs) are refused as strictly when they are almost right.
        ({"date": "0999-12-31"}, "date"),
        ({"date": "2025-02-29"}, "date"),
        ({"date": "2025-13-01"}, "date"),
        ({"date": "２０２５-08-14"}, "date"),
        ({"date": " 2025-08-14"}, "date"),
        ({"person_ids": ["aaaaaaaa-0000-4000-8000-000000000001", 7]}, "person_ids"),
        ({"person_ids": [None]}, "person_ids"),
        ({"versions": [["v", True]]}, "versions"),
        ({"versions": [["v", 1, 2]]}, "versions"),
        ({"versions": [[7, 1]]}, "versions"),
        ({"versions": ["v1"]}, "versions"),
    ],
)
def test_from_dict_refuses_what_satchel_never_writes(change: dict, field: str) -> None:  # type: ignore[type-arg]
    data = to_dict(EXAMPLES[3]) | change
    with pytest.raises(InvalidInput) as err:
        from_dict("event", data)
    assert err.value.field == field


@pytest.mark.parametrize(
    "text",
    ["2024-02-29", "1000-01-01", "9998-12-31", "2025-08", "~2025-08-14", "2025-08-14T10:30+03:00"],
)
def test_a_stored_date_reads_back_as_it_parses(text: str) -> None:
    data = to_dict(EXAMPLES[3]) | {"date": text}
    assert from_dict("event", data).date == FuzzyDate.parse(text)  # type: ignore[attr-defined]
    assert str(from_dict("event", data).date) == text  # type: ignore[attr-defined]


def test_from_dict_refuses_unknown_kinds_and_non_objects() -> None:
    with pytest.raises(InvalidInput):
        from_dict("secret", {})
    with pytest.raises(InvalidInput):
        from_dict("case", ["not", "an", "object"])  # type: ignore[arg-type]


def test_version_vector_from_another_vault_is_read_in_sorted_order() -> None:
    data = to_dict(EXAMPLES[0]) | {"versions": [["b", 1], ["a", 2]]}
    assert from_dict("case", data).versions == (("a", 2), ("b", 1))


def test_version_bump_counts_per_vault_and_stays_sorted() -> None:
    versions = (("b", 2),)
    assert bump_versions(versions, "a") == (("a", 1), ("b", 2))
    assert bump_versions(versions, "b") == (("b", 3),)
