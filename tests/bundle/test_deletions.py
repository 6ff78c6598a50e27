"""Deletions travel (bundle format v2): a colleague's deletion lands in the receiver's trash,
a stale bundle neither brings a deleted record back nor deletes a newer edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from lawyers import Lawyer, befriend, new_lawyer, sample_case

from satchel.bundle.export import export_bundle
from satchel.bundle.format.reader import inspect_tar
from satchel.bundle.merge import apply_import, plan_import
from satchel.core.conflicts import Resolution
from satchel.errors import NotFound


@pytest.fixture
def trio(tmp_path: Path):
    lawyers = [
        new_lawyer(tmp_path, name)
        for name in ("Anna Fictional", "Boris Fictional", "Clara Fictional")
    ]
    for lawyer in lawyers:
        # Each shows the others its own name (the colleagues' list tells them apart by it).
        lawyer.vault.identities.rename(lawyer.name)
    for a in lawyers:
        for b in lawyers:
            if a is not b:
                befriend(a, b)
    yield lawyers
    for lawyer in lawyers:
        lawyer.vault.close()


def send(sender: Lawyer, to: Lawyer, case_id: str, tmp_path: Path, name: str) -> Path:
    key = to.vault.identities.get().public().signing_key
    colleague = sender.vault.colleagues.get_by_signing_key(key)
    assert colleague is not None
    return export_bundle(sender.vault, [case_id], tmp_path / name, to=[colleague]).path


def receive(lawyer: Lawyer, path: Path):  # type: ignore[no-untyped-def]
    return apply_import(lawyer.vault, plan_import(lawyer.vault, path))


def test_a_deletion_travels_to_the_trash_and_a_stale_bundle_cannot_undo_it(trio, tmp_path) -> None:
    anna, boris, clara = trio
    case, _person, event, _doc = sample_case(anna)
    first_to_boris = send(anna, boris, case.id, tmp_path, "a1-b.satchel")
    receive(boris, first_to_boris)
    receive(clara, send(anna, clara, case.id, tmp_path, "a1-c.satchel"))

    # Anna deletes the arrest and sends the case to Boris again.
    anna.vault.events.delete(event.id)
    second = send(anna, boris, case.id, tmp_path, "a2-b.satchel")
    preview = plan_import(boris.vault, second)
    assert preview.manifest.version == 2
    assert [(r.kind, r.id) for r in preview.deleted] == [("event", event.id)]
    result = apply_import(boris.vault, preview)
    assert result.deleted == 1
    with pytest.raises(NotFound):
        boris.vault.events.get(event.id)
    [entry] = boris.vault.trash.list()
    assert (entry.record_id, entry.deleted_by) == (event.id, "Anna Fictional")
    history = boris.vault.audit.list(record_id=event.id)
    assert (history[0].action, history[0].actor) == ("delete", "Anna Fictional")

    # Anna's older bundle replayed: the arrest stays deleted, nothing changes.
    replay = plan_import(boris.vault, first_to_boris)
    assert replay.is_noop
    apply_import(boris.vault, replay)
    assert not boris.vault.events.exists(event.id)
    assert boris.vault.trash.count() == 1

    # Clara, who never saw the deletion, edits the arrest: to Boris and to Anna it comes
    # back as a conflict to review, and stays deleted until someone decides.
    clara.vault.events.update(event.id, title="Arrest at the airport, 3 a.m.")
    for who, name in ((boris, "c-b.satchel"), (anna, "c-a.satchel")):
        preview = plan_import(who.vault, send(clara, who, case.id, tmp_path, name))
        assert [(r.kind, r.id) for r in preview.conflicts] == [("event", event.id)]
        assert apply_import(who.vault, preview).conflicts == 1
        assert not who.vault.events.exists(event.id)
        [kept] = who.vault.conflicts.list()
        assert kept.incoming["title"] == "Arrest at the airport, 3 a.m."

    # Boris takes Clara's edit: it comes back, and its version passes Anna's deletion, so
    # it comes back at Anna's too.
    [kept] = boris.vault.conflicts.list()
    boris.vault.conflicts.resolve(kept.id, Resolution.TAKE_INCOMING)
    assert boris.vault.events.get(event.id).title == "Arrest at the airport, 3 a.m."
    assert boris.vault.trash.count() == 0
    back = plan_import(anna.vault, send(boris, anna, case.id, tmp_path, "b-a.satchel"))
    assert [r.id for r in back.changed] == [event.id]
    apply_import(anna.vault, back)
    assert anna.vault.events.get(event.id).title == "Arrest at the airport, 3 a.m."
    # Her own copy of Clara's edit is settled by it: Boris's version has seen both sides.
    assert anna.vault.conflicts.count() == 0
    assert anna.vault.trash.count() == 0


def test_an_edit_after_the_deletion_was_seen_is_not_undone_by_the_old_deletion(
    trio, tmp_path
) -> None:
    anna, boris, _clara = trio
    case, _person, event, _doc = sample_case(anna)
    receive(boris, send(anna, boris, case.id, tmp_path, "1.satchel"))
    anna.vault.events.delete(event.id)
    deletion = send(anna, boris, case.id, tmp_path, "2.satchel")
    receive(boris, deletion)
    # Boris restores it and edits it: a newer version than Anna's deletion.
    boris.vault.trash.restore(event.id)
    boris.vault.events.update(event.id, title="Arrest (restored by Boris)")
    assert plan_import(boris.vault, deletion).is_noop
    # Sent to Anna, it comes back there too.
    back = plan_import(anna.vault, send(boris, anna, case.id, tmp_path, "3.satchel"))
    assert [r.id for r in back.changed] == [event.id]
    apply_import(anna.vault, back)
    assert anna.vault.events.get(event.id).title == "Arrest (restored by Boris)"
    assert anna.vault.trash.count() == 0


def test_a_deleted_case_travels_whole_and_waits_when_the_receiver_added_to_it(
    trio, tmp_path
) -> None:
    anna, boris, clara = trio
    case, person, _event, doc = sample_case(anna)
    receive(boris, send(anna, boris, case.id, tmp_path, "b1.satchel"))
    receive(clara, send(anna, clara, case.id, tmp_path, "c1.satchel"))
    # Clara adds an event Anna never sees.
    clara.vault.events.create(case.id, "Hearing set", "hearing")

    anna.vault.cases.delete(case.id)
    # The case is gone at Anna's, but its deletion can still be sent.
    to_boris = send(anna, boris, case.id, tmp_path, "b2.satchel")
    preview = plan_import(boris.vault, to_boris)
    assert [r.id for r in preview.deleted] == [case.id]
    receive(boris, to_boris)
    [entry] = boris.vault.trash.list()
    assert entry.kind == "case" and entry.deleted_by == "Anna Fictional"
    assert boris.vault.people.get(person.id)  # people are never deleted with a case
    report = boris.vault.trash.restore(case.id)
    assert report.lost == ()
    assert boris.vault.documents.read_all(doc.id, 1000).startswith(b"%PDF")

    # At Clara's the case holds an event Anna did not know of: the case stays, as a
    # conflict to review; what Anna did know of goes to the trash.
    to_clara = plan_import(clara.vault, send(anna, clara, case.id, tmp_path, "c2.satchel"))
    assert [(r.kind, r.id) for r in to_clara.conflicts] == [("case", case.id)]
    apply_import(clara.vault, to_clara)
    assert clara.vault.cases.get(case.id)
    assert [e.title for e in clara.vault.events.list(case_id=case.id)] == ["Hearing set"]


def test_a_bundle_without_deletions_stays_version_1_and_never_deletes(trio, tmp_path) -> None:
    anna, boris, _clara = trio
    case, _person, event, _doc = sample_case(anna)
    path = send(anna, boris, case.id, tmp_path, "1.satchel")
    preview = plan_import(boris.vault, path)
    assert preview.manifest.version == 1 and preview.deleted == ()
    # A tombstone names only the cases of its bundle, never the deleter's other cases.
    other = anna.vault.cases.create("Another client's matter")
    anna.vault.roles.create(other.id, _person.id, "witness")
    anna.vault.people.delete(_person.id)
    tombs = {t.record_id: t for t in anna.vault.trash.tombstones_of_cases([case.id])}
    assert set(tombs[_person.id].cases) == {case.id, other.id}
    sent = send(anna, boris, case.id, tmp_path, "2.satchel")
    preview = plan_import(boris.vault, sent)
    assert preview.manifest.version == 2
    assert other.id.encode() not in _inner_tar(anna, sent)
    assert event.id not in {r.id for r in preview.deleted}


def _inner_tar(lawyer: Lawyer, path: Path) -> bytes:
    import pyrage

    identity = lawyer.vault.identities.get()
    data = pyrage.decrypt(path.read_bytes(), [identity.age_identity])
    inspect_tar(data)
    return data


def test_keeping_a_deletion_over_a_colleagues_edit_settles_it_for_good(trio, tmp_path) -> None:
    anna, _boris, clara = trio
    case, _person, event, _doc = sample_case(anna)
    receive(clara, send(anna, clara, case.id, tmp_path, "1.satchel"))
    anna.vault.events.delete(event.id)
    clara.vault.events.update(event.id, title="Arrest (Clara's note)")
    edit = send(clara, anna, case.id, tmp_path, "2.satchel")
    receive(anna, edit)
    [kept] = anna.vault.conflicts.list()
    anna.vault.conflicts.resolve(kept.id, Resolution.KEEP_LOCAL)
    assert not anna.vault.events.exists(event.id)
    assert plan_import(anna.vault, edit).is_noop  # the same edit never comes back
    # ...and the deletion, sent to Clara, now passes her edit: it goes to her trash.
    preview = plan_import(clara.vault, send(anna, clara, case.id, tmp_path, "3.satchel"))
    assert [r.id for r in preview.deleted] == [event.id]
    apply_import(clara.vault, preview)
    assert [e.record_id for e in clara.vault.trash.list()] == [event.id]


def test_a_colleagues_edit_of_a_document_deleted_here_can_be_taken_with_its_file(
    trio, tmp_path
) -> None:
    anna, boris, _clara = trio
    case, _person, _event, doc = sample_case(anna)
    receive(boris, send(anna, boris, case.id, tmp_path, "1.satchel"))
    anna.vault.documents.delete(doc.id)
    boris.vault.documents.update(doc.id, source="Handed over by the client's sister")
    receive(anna, send(boris, anna, case.id, tmp_path, "2.satchel"))
    [kept] = anna.vault.conflicts.list()
    anna.vault.conflicts.resolve(kept.id, Resolution.TAKE_INCOMING)
    back = anna.vault.documents.get(doc.id)
    assert back.source == "Handed over by the client's sister"
    assert anna.vault.documents.read_all(doc.id, 1000).startswith(b"%PDF")
    assert anna.vault.trash.count() == 0
