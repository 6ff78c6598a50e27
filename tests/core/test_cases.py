"""Cases: the store every other record hangs from."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import from_dict, to_dict
from satchel.core.database import Database
from satchel.core.model import Case, CaseStatus, CaseType, Reference, RiskLevel
from satchel.errors import InvalidInput, NotFound


def test_created_case_reads_back_with_identity_and_first_version(db: Database) -> None:
    case = db.cases.create(
        "Extradition of Danияр Сейткали",
        case_type=CaseType.EXTRADITION,
        risk="high",
        references=[Reference("Court", "3/10-118/2025"), Reference("ECHR", "41234/25")],
        tags=["ECHR", "interim measures"],
        opened=date(2025, 3, 1),
    )
    assert db.cases.get(case.id) == case
    assert case.origin_vault == db.vault_id
    assert case.versions == ((db.vault_id, 1),)
    assert case.created_at == case.updated_at and case.created_at.tzinfo is not None
    assert case.risk is RiskLevel.HIGH  # values given as text become enum members
    assert case.references[1] == Reference("ECHR", "41234/25")


def test_update_bumps_this_vaults_version_and_keeps_identity(db: Database) -> None:
    case = db.cases.create("Asylum: K. Omarova")
    changed = db.cases.update(case, status=CaseStatus.ON_HOLD, summary="Waiting for interview")
    assert changed.versions == ((db.vault_id, 2),)
    assert changed.id == case.id and changed.created_at == case.created_at
    assert changed.updated_at > case.updated_at
    assert db.cases.get(case.id) == changed


def test_update_that_changes_nothing_writes_nothing(db: Database) -> None:
    case = db.cases.create("Detention review: R. Tokaev")
    lines = db.audit.count()
    same = db.cases.update(case.id, title="Detention review: R. Tokaev")
    assert same == case
    assert db.audit.count() == lines


def test_update_starts_from_the_stored_record_not_a_stale_copy(db: Database) -> None:
    stale = db.cases.create("Deportation: A. Nurlanova")
    db.cases.update(stale, summary="Filed on time")
    newest = db.cases.update(stale, risk=RiskLevel.CRITICAL)
    assert newest.summary == "Filed on time"
    assert newest.versions == ((db.vault_id, 3),)


def test_edits_from_another_vault_keep_both_counts(db: Database) -> None:
    case = db.cases.create("Shared with co-counsel")
    raw = to_dict(case)
    raw["versions"] = [["0" * 8 + "-0000-4000-8000-" + "0" * 12, 4], [db.vault_id, 1]]
    raw["versions"].sort()
    db.cases.put_raw(raw)
    edited = db.cases.update(case.id, summary="Our edit")
    assert dict(edited.versions) == {"00000000-0000-4000-8000-000000000000": 4, db.vault_id: 2}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "A", "case_type": "kidnapping"}, "case_type"),
        ({"title": "A", "status": "archived"}, "status"),
        ({"title": "A", "opened": date(2025, 5, 1), "closed": date(2025, 4, 1)}, "closed"),
        ({"title": "A", "references": [Reference("ECHR", " ")]}, "references"),
        ({"title": "A", "opened": "1 May 2025"}, "opened"),
    ],
)
def test_invalid_case_is_refused_naming_the_field(
    db: Database, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        db.cases.create(**fields)  # type: ignore[arg-type]
    assert err.value.field == field
    assert db.cases.count() == 0
    assert db.audit.count() == 0


def test_unknown_id_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound, match="No case with id 7f3e"):
        db.cases.get("7f3e0000-0000-4000-8000-000000000000")


def test_short_unique_prefix_finds_the_case_and_ambiguity_is_refused(db: Database) -> None:
    case = db.cases.create("Prefix case")
    assert db.cases.get(case.id[:8].upper()) == case
    with pytest.raises(NotFound):
        db.cases.get(case.id[:5])  # too short to be safe
    # Two ids sharing a prefix: put them in as a bundle would.
    twins = [to_dict(case) | {"id": f"abcdef0{i}-0000-4000-8000-000000000000"} for i in (1, 2)]
    for raw in twins:
        db.cases.put_raw(raw)
    with pytest.raises(InvalidInput, match="more than one"):
        db.cases.get("abcdef")


def test_tags_keep_first_spelling_and_filter_ignoring_case(db: Database) -> None:
    a = db.cases.create("A", tags=["ECHR", "echr", " urgent ", ""])
    db.cases.create("B", tags=["Kazakhstan"])
    assert a.tags == ("ECHR", "urgent")
    assert [c.id for c in db.cases.list(tag="echr")] == [a.id]
    assert db.cases.count(tag="URGENT") == 1
    assert db.cases.tags() == ["ECHR", "Kazakhstan", "urgent"]


def test_text_filter_ignores_case_in_cyrillic_and_searches_references(db: Database) -> None:
    ru = db.cases.create("Экстрадиция ЖУРАВЛЁВОЙ", references=[Reference("Суд", "УД-77/2025")])
    en = db.cases.create("Asylum appeal", summary="Hearing in ALMATY")
    assert [c.id for c in db.cases.list(text="журавлёвой")] == [ru.id]
    assert [c.id for c in db.cases.list(text="уд-77")] == [ru.id]
    assert [c.id for c in db.cases.list(text="almaty")] == [en.id]
    assert db.cases.count(text="nothing like it") == 0


def test_filters_combine_and_pages_follow_the_order(db: Database) -> None:
    titles = ["Charlie", "alpha", "Bravo", "delta"]
    for t in titles:
        db.cases.create(t, status="closed" if t == "delta" else "open", case_type="asylum")
    assert [c.title for c in db.cases.list(order="title")] == ["alpha", "Bravo", "Charlie", "delta"]
    assert [c.title for c in db.cases.list(order="updated")] == [
        "delta",
        "Bravo",
        "alpha",
        "Charlie",
    ]
    page = db.cases.list(order="title", status=CaseStatus.OPEN, limit=2, offset=1)
    assert [c.title for c in page] == ["Bravo", "Charlie"]
    assert db.cases.count(status="open", case_type=CaseType.ASYLUM) == 3
    with pytest.raises(InvalidInput):
        db.cases.list(risk="extreme")


def test_every_change_leaves_an_audit_line(db: Database) -> None:
    case = db.cases.create("Audited")
    db.cases.update(case, status="closed")
    db.cases.delete(case.id)
    lines = db.audit.list(record_id=case.id, newest_first=False)
    assert [(a.action, a.record_kind) for a in lines] == [
        ("create", "case"),
        ("update", "case"),
        ("delete", "case"),
    ]
    assert lines[1].summary == "changed status"


def test_deleting_a_case_deletes_what_belongs_to_it_but_not_people(db: Database) -> None:
    case = db.cases.create("To be deleted")
    other = db.cases.create("Stays")
    person = db.people.create(["Aigerim Bekova"])
    db.roles.create(case.id, person.id, "client")
    db.roles.create(other.id, person.id, "client")
    event = db.events.create(case.id, "Arrest", "arrest", date="2025-01-10")
    db.notes.create(case.id, "Call the consulate")
    scan = db.documents.add(io.BytesIO(b"warrant"), case_id=case.id, filename="warrant.txt")
    db.cases.delete(case.id)
    with pytest.raises(NotFound):
        db.documents.get(scan.id)
    assert db.search.search("consulate") == [] and db.search.search("warrant") == []
    with pytest.raises(NotFound):
        db.cases.get(case.id)
    with pytest.raises(NotFound):
        db.events.get(event.id)
    assert db.notes.count(case_id=case.id) == 0
    assert db.roles.count(person_id=person.id) == 1
    assert db.people.get(person.id) == person
    (line,) = [a for a in db.audit.list(record_id=case.id) if a.action == "delete"]
    assert "1 roles" in line.summary and "1 events" in line.summary and "1 notes" in line.summary


def test_a_failed_change_inside_a_transaction_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(InvalidInput), db.transaction():
        db.cases.create("Written first")
        db.cases.create("")
    assert db.cases.count() == 0
    assert db.audit.count() == 0


def test_case_round_trips_through_its_dict_form(db: Database) -> None:
    case = db.cases.create(
        "Round trip", references=[Reference("UN", "CCPR/C/1/2025")], tags=["un"],
        opened=date(2024, 2, 29), closed=date(2025, 1, 1), risk="critical",
    )  # fmt: skip
    data = to_dict(case)
    assert data["risk"] == "critical" and data["opened"] == "2024-02-29"
    assert data["references"] == [{"label": "UN", "value": "CCPR/C/1/2025"}]
    assert from_dict("case", data) == case


def test_put_raw_writes_a_record_exactly_as_given(db: Database) -> None:
    case = db.cases.create("Original")
    raw = to_dict(case) | {"title": "From a colleague", "versions": [[db.vault_id, 7]]}
    stored = db.cases.put_raw(raw)
    assert isinstance(stored, Case)
    assert db.cases.get_raw(case.id) == raw  # no bump, same times
    assert db.cases.get_raw("00000000-0000-4000-8000-000000000000") is None


def test_put_raw_refuses_malformed_data(db: Database) -> None:
    case = db.cases.create("Original")
    for bad in (
        to_dict(case) | {"status": "gone"},
        to_dict(case) | {"title": 5},
        to_dict(case) | {"surprise": 1},
        {k: v for k, v in to_dict(case).items() if k != "title"},
        to_dict(case) | {"id": "../../etc"},
    ):
        with pytest.raises(InvalidInput):
            db.cases.put_raw(bad)
    assert db.cases.get(case.id) == case


def test_case_text_never_reaches_the_file_in_plaintext(
    db: Database, conn: sqlite.Connection, db_path: Path
) -> None:
    db.cases.create("Zhuravleva extradition", summary="Secret strategy memo")
    conn.close()
    raw = db_path.read_bytes()
    assert b"Zhuravleva" not in raw and b"Secret strategy" not in raw


def test_changed_tags_change_what_the_tag_filter_finds(db: Database) -> None:
    case = db.cases.create("Retagged", tags=["urgent"])
    db.cases.update(case, tags=["closed-file"])
    assert db.cases.count(tag="urgent") == 0
    assert db.cases.count(tag="CLOSED-FILE") == 1


def test_imported_record_is_audited_as_an_import(db: Database) -> None:
    raw = to_dict(db.cases.create("Local")) | {"title": "From the bundle"}
    db.cases.put_raw(raw)
    assert db.audit.list(record_id=raw["id"])[0].action == "import"


def test_iterating_every_case_pages_through_all_of_them(db: Database) -> None:
    made = {db.cases.create(f"Case {i}").id for i in range(7)}
    assert {c.id for c in db.cases.iter_all(batch=3)} == made


def test_cases_can_be_ordered_by_next_deadline_and_by_client(db: Database) -> None:
    calm = db.cases.create("Asylum of B. Nobody")  # no deadline, no client
    soon = db.cases.create("Appeal of C. Someone")
    late = db.cases.create("Extradition of A. Fictive")
    db.events.create(late.id, "Reply due", "deadline", date="2031-05-01")
    db.events.create(soon.id, "Appeal due", "deadline", date="2031-02-01")
    done = db.events.create(soon.id, "Old deadline", "deadline", date="2030-01-01")
    db.events.set_deadline_status(done.id, "done")  # met: no longer the next one
    db.events.create(calm.id, "Hearing", "hearing", date="2030-06-01")  # not a deadline
    zed = db.people.create(["Zoya Zadorova"])
    abe = db.people.create(["Abel Abramov"])
    db.roles.create(late.id, abe.id, "client")
    db.roles.create(soon.id, zed.id, "client")
    db.roles.create(calm.id, abe.id, "witness")  # not a client

    by_deadline = db.cases.list(order="deadline")
    assert [c.id for c in by_deadline] == [soon.id, late.id, calm.id]
    assert [c.id for c in db.cases.list(order="client")] == [late.id, soon.id, calm.id]
    assert [c.id for c in db.cases.list(order="deadline", limit=1, offset=1)] == [late.id]
    assert [c.id for c in db.cases.list(order="client", text="Appeal")] == [soon.id]

    nexts = db.events.next_deadlines([soon.id, late.id, calm.id])
    assert {k: v.title for k, v in nexts.items()} == {soon.id: "Appeal due", late.id: "Reply due"}
    clients = db.roles.of_cases([soon.id, late.id, calm.id], "client")
    assert sorted((r.case_id, r.person_id) for r in clients) == sorted(
        [(late.id, abe.id), (soon.id, zed.id)]
    )
