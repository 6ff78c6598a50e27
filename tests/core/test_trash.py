"""The trash: deleting keeps a restorable copy; restoring brings back the links; emptying
deletes for good (documents' bytes too); every deletion leaves a tombstone."""

from __future__ import annotations

import io

import pytest

from satchel.core.database import Database
from satchel.core.model import Case
from satchel.core.versions import Order, compare_versions
from satchel.errors import InvalidInput, NotFound


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Extradition of Dana Orlova", jurisdiction="Russia")


def _chunks(db: Database, doc_id: str) -> int:
    return int(
        db.connection.execute(
            "SELECT count(*) FROM document_chunks WHERE document_id = ?", (doc_id,)
        ).fetchone()[0]
    )


def test_a_deleted_deadline_leaves_search_and_agenda_and_comes_back_whole(
    db: Database, case: Case
) -> None:
    client = db.people.create(["Dana Orlova"])
    deadline = db.events.create_deadline(case.id, "Appeal to the regional court", due="2030-05-04")
    db.events.update(deadline.id, person_ids=[client.id], description="Lodge via the registry")
    before = db.events.get(deadline.id)

    db.events.delete(deadline.id)
    with pytest.raises(NotFound):
        db.events.get(deadline.id)
    assert db.search.search("regional") == []
    assert all(d.id != deadline.id for d in db.events.deadlines())
    [entry] = db.trash.list()
    assert (entry.kind, entry.record_id, entry.case_id) == ("event", deadline.id, case.id)
    assert "Appeal to the regional court" in entry.label

    report = db.trash.restore(deadline.id[:8])
    assert report.lost == () and report.restored == 1
    back = db.events.get(deadline.id)
    assert (back.title, back.person_ids, back.description, back.deadline) == (
        before.title,
        before.person_ids,
        before.description,
        before.deadline,
    )
    assert [h.record_id for h in db.search.search("regional")] == [deadline.id]
    assert any(d.id == deadline.id for d in db.events.deadlines())
    assert db.trash.count() == 0
    # The restore dominates the deletion, so it travels too.
    assert db.trash.tombstone(deadline.id) is None
    assert compare_versions(back.versions, before.versions) is Order.NEWER


def test_every_deletion_leaves_a_tombstone_one_edit_past_the_record(
    db: Database, case: Case
) -> None:
    note = db.notes.create(case.id, "Call the consulate in Tbilisi")
    db.notes.delete(note.id)
    tomb = db.trash.tombstone(note.id)
    assert tomb is not None
    assert (tomb.kind, tomb.cases, tomb.origin_vault) == ("note", (case.id,), db.vault_id)
    assert compare_versions(tomb.versions, note.versions) is Order.NEWER


def test_a_person_comes_back_with_roles_event_links_and_documents(db: Database, case: Case) -> None:
    other = db.cases.create("Asylum appeal of Dana Orlova")
    person = db.people.create(["Marat Yesenov", "Марат Есенов"])
    db.roles.create(case.id, person.id, "client")
    db.roles.create(other.id, person.id, "witness")
    event = db.events.create(case.id, "Interview", "hearing", person_ids=[person.id])
    own_doc = db.documents.add(
        io.BytesIO(b"passport scan"), case_id=None, person_id=person.id, filename="p.pdf"
    )
    case_doc = db.documents.add(
        io.BytesIO(b"statement"), case_id=case.id, person_id=person.id, filename="s.pdf"
    )

    db.people.delete(person.id)
    assert db.roles.count(person_id=person.id) == 0
    assert db.events.get(event.id).person_ids == ()
    assert db.search.search("Есенов") == []
    with pytest.raises(NotFound):
        db.documents.get(own_doc.id)
    assert db.documents.get(case_doc.id).person_id is None

    report = db.trash.restore(person.id)
    assert report.lost == ()
    assert {r.kind.value for r in db.roles.list(person_id=person.id)} == {"client", "witness"}
    assert db.events.get(event.id).person_ids == (person.id,)
    assert db.documents.read_all(own_doc.id, 1000) == b"passport scan"
    assert db.documents.get(case_doc.id).person_id == person.id
    assert db.search.search("Есенов")


def test_a_case_goes_to_the_trash_as_a_whole_and_comes_back_as_one(db: Database) -> None:
    case = db.cases.create("Extradition of Ruslan Temirov")
    person = db.people.create(["Ruslan Temirov"])
    db.roles.create(case.id, person.id, "client")
    arrest = db.events.create(case.id, "Arrest in Vilnius", "arrest", date="2029-02-01")
    db.events.create_deadline(
        case.id, "Appeal against detention", computed_from=arrest.id, offset_days=10
    )
    scan = db.documents.add(
        io.BytesIO(b"warrant"), case_id=case.id, filename="warrant.pdf", event_ids=[arrest.id]
    )
    db.notes.create(case.id, "Ask for the Interpol file")

    db.cases.delete(case.id)
    [entry] = db.trash.list()
    assert entry.kind == "case"
    assert db.events.count(case_id=case.id) == 0
    assert db.people.get(person.id)  # people are shared: never deleted with a case

    report = db.trash.restore(case.id)
    assert report.lost == ()
    assert report.restored == 6  # the case, a role, a document, two events, a note
    events = db.events.list(case_id=case.id)
    assert [e.title for e in events] == ["Arrest in Vilnius", "Appeal against detention"]
    assert events[1].deadline is not None and events[1].deadline.computed_from == arrest.id
    assert db.events.get(arrest.id).document_ids == (scan.id,)
    assert db.documents.read_all(scan.id, 100) == b"warrant"
    assert db.roles.count(case_id=case.id) == 1
    assert db.notes.count(case_id=case.id) == 1


def test_restore_says_what_could_not_come_back(db: Database, case: Case) -> None:
    witness = db.people.create(["Oleg Sarsenov"])
    event = db.events.create(case.id, "Witness statement", "other", person_ids=[witness.id])
    db.events.delete(event.id)
    db.people.delete(witness.id)
    db.trash.empty([witness.id])

    report = db.trash.restore(event.id)
    assert report.lost == (("trash_lost_event_people", "Witness statement"),)
    assert db.events.get(event.id).person_ids == ()


def test_an_item_of_a_deleted_case_cannot_come_back_before_its_case(db: Database) -> None:
    case = db.cases.create("Deportation of Arman Seitkali")
    note = db.notes.create(case.id, "Ask for the file")
    db.notes.delete(note.id)
    db.cases.delete(case.id)
    with pytest.raises(InvalidInput) as err:
        db.trash.restore(note.id)
    assert err.value.code == "trash_case_gone"
    assert db.trash.count() == 2  # nothing was lost by trying


def test_emptying_deletes_documents_bytes_for_good(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(b"medical report" * 1000), case_id=case.id, filename="m.pdf")
    db.cases.delete(case.id)
    assert _chunks(db, doc.id) > 0
    assert db.trash.empty() == 1
    assert _chunks(db, doc.id) == 0
    assert db.trash.count() == 0
    with pytest.raises(NotFound):
        db.trash.restore(case.id)
    # The tombstones stay (ids and versions only), so a stale bundle cannot bring it back.
    assert db.trash.tombstone(doc.id) is not None
    assert [a.action for a in db.audit.list(record_id=case.id, newest_first=False)][-1] == "purge"


def test_secure_delete_is_on(db: Database) -> None:
    # Emptying relies on it: freed pages are overwritten inside the encryption.
    assert db.connection.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_a_role_deletion_leaves_a_tombstone_but_no_trash_entry(db: Database, case: Case) -> None:
    person = db.people.create(["Saule Abenova"])
    role = db.roles.create(case.id, person.id, "interpreter")
    db.roles.delete(role.id)
    assert db.trash.count() == 0
    tomb = db.trash.tombstone(role.id)
    assert tomb is not None and tomb.cases == (case.id,)


def test_the_audit_log_names_the_case_and_can_be_filtered(db: Database, case: Case) -> None:
    other = db.cases.create("Other matter")
    event = db.events.create(case.id, "Hearing", "hearing")
    db.events.create(other.id, "Other hearing", "hearing")
    db.events.delete(event.id)
    lines = db.audit.list(case_id=case.id, record_kind="event", newest_first=False)
    assert [(a.action, a.record_id) for a in lines] == [
        ("create", event.id),
        ("delete", event.id),
    ]
    assert all(a.actor == "" for a in lines)
    with db.audit.acting_as("Nino Beridze"):
        db.notes.create(case.id, "From Tbilisi")
    assert db.audit.count(actor="Nino Beridze") == 1
    assert "Nino Beridze" in db.audit.actors()


def test_restoring_an_event_makes_its_deadlines_count_from_it_again(
    db: Database, case: Case
) -> None:
    decision = db.events.create(case.id, "Decision served", "decision", date="2030-03-01")
    appeal = db.events.create_deadline(
        case.id, "Appeal due", computed_from=decision.id, offset_days=10
    )
    db.events.delete(decision.id)
    fixed = db.events.get(appeal.id)
    assert fixed.deadline is not None and fixed.deadline.computed_from is None
    assert fixed.date == appeal.date  # it keeps its day while its source is gone
    report = db.trash.restore(decision.id)
    assert report.lost == ()
    again = db.events.get(appeal.id)
    assert again.deadline is not None and again.deadline.computed_from == decision.id
    assert again.deadline.offset_days == 10
    # ...and moves with the decision once more.
    db.events.update(decision.id, date="2030-03-05")
    assert db.events.get(appeal.id).date != appeal.date
