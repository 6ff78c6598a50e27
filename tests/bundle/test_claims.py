"""A signed bundle may only touch what it carries: no reaching into other cases or kinds.

The sender here is a verified colleague whose bundles are forged with her real key (a
stolen laptop, a compromised colleague, a bug in another implementation): the signature
holds, so only the importer's own checks stand between the bundle and the vault. Every
refusal must leave the receiving vault byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from lawyers import Lawyer, befriend, new_lawyer, sample_case

from satchel.bundle.export import export_bundle
from satchel.bundle.format.writer import BundleWriter, FileSource, seal_bundle
from satchel.bundle.merge import apply_import, plan_import
from satchel.core.codec import to_dict
from satchel.errors import BundleRejected, Cancelled


@pytest.fixture
def pair(tmp_path: Path):
    anna = new_lawyer(tmp_path, "Anna Fictional")
    boris = new_lawyer(tmp_path, "Boris Fictional")
    befriend(anna, boris)
    befriend(boris, anna)
    yield anna, boris
    anna.vault.close()
    boris.vault.close()


def _forge(
    sender: Lawyer,
    to: Lawyer,
    cases: list[str],
    records: list[tuple[str, dict[str, Any]]],
    path: Path,
    files: list[FileSource] = (),  # type: ignore[assignment]
) -> Path:
    """A bundle signed with the sender's real key, holding exactly `records`."""
    identity = sender.vault.identities.get()
    writer = BundleWriter(
        identity,
        sender.vault.vault_id,
        recipients=[to.vault.identities.get().public()],
        cases=cases,
        documents=bool(files),
        notes=True,
    )
    with path.open("wb") as fh:
        seal_bundle(fh, writer, lambda: iter(records), list(files))
    return path


def _refused_untouched(boris: Lawyer, path: Path) -> str:
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    with pytest.raises(BundleRejected) as info:
        preview = plan_import(boris.vault, path)
        apply_import(boris.vault, preview, consent=True)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()
    return info.value.reason


def _dominating(record: Any, *vaults: str) -> list[list[Any]]:
    """A version vector that claims to have seen every local edit, and more."""
    seen = dict(record.versions)
    return [[v, seen.get(v, 0) + 100] for v in dict.fromkeys([*seen, *vaults])]


def test_bundle_cannot_rewrite_an_event_of_a_case_it_does_not_carry(pair, tmp_path) -> None:
    anna, boris = pair
    private = boris.vault.cases.create("Boris's own asylum case")
    event = boris.vault.events.create(private.id, "Hearing at the tribunal", "hearing")
    decoy = anna.vault.cases.create("Decoy case")
    forged = to_dict(event) | {
        "case_id": decoy.id,
        "title": "Hearing cancelled",
        "versions": _dominating(event, anna.vault.vault_id),
    }
    path = _forge(
        anna, boris, [decoy.id], [("case", to_dict(decoy)), ("event", forged)], tmp_path / "x"
    )
    reason = _refused_untouched(boris, path)
    assert "case" in reason
    assert boris.vault.events.get(event.id).title == "Hearing at the tribunal"


def test_bundle_cannot_add_records_to_a_case_it_does_not_list(pair, tmp_path) -> None:
    anna, boris = pair
    private = boris.vault.cases.create("Boris's own asylum case")
    decoy = anna.vault.cases.create("Decoy case")
    planted = anna.vault.cases.create("Stand-in")
    note = anna.vault.notes.create(planted.id, "Client admitted everything.", author="Anna")
    forged_note = to_dict(note) | {"case_id": private.id}
    path = _forge(
        anna, boris, [decoy.id], [("case", to_dict(decoy)), ("note", forged_note)], tmp_path / "x"
    )
    _refused_untouched(boris, path)
    assert boris.vault.notes.find(note.id) is None


def test_bundle_cannot_reuse_a_local_id_for_a_record_of_another_kind(pair, tmp_path) -> None:
    anna, boris = pair
    private = boris.vault.cases.create("Boris's own asylum case")
    event = boris.vault.events.create(private.id, "Hearing at the tribunal", "hearing")
    person = anna.vault.people.create(["Olga Inventedova"])
    forged_person = to_dict(person) | {"id": event.id}
    decoy = anna.vault.cases.create("Decoy case")
    path = _forge(
        anna,
        boris,
        [decoy.id],
        [("case", to_dict(decoy)), ("person", forged_person)],
        tmp_path / "x",
    )
    reason = _refused_untouched(boris, path)
    assert event.id in reason
    assert boris.vault.people.find(event.id) is None


def test_document_whose_file_disagrees_with_its_hash_is_refused(pair, tmp_path) -> None:
    anna, boris = pair
    case, _person, _event, doc = sample_case(anna, document=b"%PDF-1.4 the real decision\n")
    other = b"%PDF-1.4 a forged decision\n"
    assert len(other) == doc.size

    real = FileSource(doc.sha256, doc.size, lambda: iter([other]), True)
    path = _forge(
        anna,
        boris,
        [case.id],
        [("case", to_dict(case)), ("document", to_dict(doc))],
        tmp_path / "x",
        files=[real],
    )
    assert hashlib.sha256(other).hexdigest() != doc.sha256
    _refused_untouched(boris, path)
    assert boris.vault.documents.find(doc.id) is None


def test_bundle_claiming_more_local_edits_than_made_is_kept_as_a_conflict(pair, tmp_path) -> None:
    """Only this vault counts its own edits: a bundle claiming more of them than the
    record has seen here is not taken over the local record, it is kept for review."""
    anna, boris = pair
    case = boris.vault.cases.create("Shared case")
    event = boris.vault.events.create(case.id, "Hearing at the tribunal", "hearing")
    forged = to_dict(event) | {
        "title": "Hearing cancelled",
        "versions": _dominating(event, anna.vault.vault_id),
    }
    path = _forge(
        anna, boris, [case.id], [("case", to_dict(case)), ("event", forged)], tmp_path / "x"
    )
    preview = plan_import(boris.vault, path)
    assert [r.id for r in preview.conflicts] == [event.id]
    assert not preview.changed
    result = apply_import(boris.vault, preview)
    assert (result.updated, result.conflicts) == (0, 1)
    assert boris.vault.events.get(event.id).title == "Hearing at the tribunal"
    again = plan_import(boris.vault, path)
    assert again.is_noop


def test_bundle_cannot_link_its_event_to_a_document_of_another_case(pair, tmp_path) -> None:
    anna, boris = pair
    private = boris.vault.cases.create("Boris's own asylum case")
    secret = boris.vault.documents.add(
        io.BytesIO(b"%PDF-1.4 medical report\n"), case_id=private.id, filename="report.pdf"
    )
    decoy = anna.vault.cases.create("Decoy case")
    event = anna.vault.events.create(decoy.id, "Hearing at the tribunal", "hearing")
    forged = to_dict(event) | {"document_ids": [secret.id]}
    path = _forge(
        anna, boris, [decoy.id], [("case", to_dict(decoy)), ("event", forged)], tmp_path / "x"
    )
    reason = _refused_untouched(boris, path)
    assert "document" in reason
    assert boris.vault.documents.get(secret.id).event_ids == ()


def test_bundle_cannot_change_where_a_record_was_created(pair, tmp_path) -> None:
    anna, boris = pair
    case, *_ = sample_case(anna)
    colleague = anna.vault.colleagues.list()[0]
    good = export_bundle(anna.vault, [case.id], tmp_path / "good", to=[colleague]).path
    apply_import(boris.vault, plan_import(boris.vault, good))
    mine = anna.vault.cases.get(case.id)
    forged = to_dict(mine) | {
        "origin_vault": boris.vault.vault_id,
        "versions": [[anna.vault.vault_id, 2]],
    }
    path = _forge(anna, boris, [case.id], [("case", forged)], tmp_path / "x")
    reason = _refused_untouched(boris, path)
    assert "created" in reason
    assert boris.vault.cases.get(case.id).origin_vault == anna.vault.vault_id


def test_cancel_in_the_middle_of_an_import_leaves_the_vault_unchanged(pair, tmp_path) -> None:
    anna, boris = pair
    case, *_ = sample_case(anna, document=b"%PDF-1.4 " + bytes(range(256)) * 4000)
    for i in range(1500):  # more than one batch of events
        anna.vault.events.create(case.id, f"Call with the consulate {i}", "other")
    colleague = anna.vault.colleagues.list()[0]
    path = export_bundle(anna.vault, [case.id], tmp_path / "big", to=[colleague]).path
    preview = plan_import(boris.vault, path)
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    written: list[int] = []

    def cancel() -> bool:
        # Stop once the import has written records (inside its open transaction).
        written.append(len(boris.vault.events.all_ids_for_case(case.id)))
        return written[-1] > 0

    with pytest.raises(Cancelled):
        apply_import(boris.vault, preview, cancel=cancel)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()
    assert written[-1] > 0
    assert boris.vault.cases.find(case.id) is None


def test_a_document_replaced_with_new_bytes_counts_as_changed_not_new(pair, tmp_path) -> None:
    anna, boris = pair
    case, _person, _event, doc = sample_case(anna, document=b"%PDF-1.4 first draft\n")
    colleague = anna.vault.colleagues.list()[0]
    good = export_bundle(anna.vault, [case.id], tmp_path / "good", to=[colleague]).path
    apply_import(boris.vault, plan_import(boris.vault, good))
    corrected = b"%PDF-1.4 corrected draft\n"
    digest = hashlib.sha256(corrected).hexdigest()
    newer = to_dict(doc) | {
        "size": len(corrected),
        "sha256": digest,
        "versions": [[anna.vault.vault_id, 2]],
        "event_ids": [],
    }
    path = _forge(
        anna,
        boris,
        [case.id],
        [("case", to_dict(case)), ("document", newer)],
        tmp_path / "x",
        files=[FileSource(digest, len(corrected), lambda: iter([corrected]))],
    )
    preview = plan_import(boris.vault, path)
    assert [r.id for r in preview.changed] == [doc.id]
    result = apply_import(boris.vault, preview)
    assert (result.added, result.updated, result.documents_stored) == (0, 1, 1)
    assert boris.vault.documents.read_all(doc.id, 1000) == corrected


def test_an_edit_forged_ahead_does_not_make_the_real_one_vanish(pair, tmp_path) -> None:
    """A forger who guesses the origin's next version number gets in first; the real
    edit with that same number must then be kept as a conflict, not dropped as seen."""
    anna, boris = pair
    case, *_ = sample_case(anna)
    colleague = anna.vault.colleagues.list()[0]
    first = export_bundle(anna.vault, [case.id], tmp_path / "first", to=[colleague]).path
    apply_import(boris.vault, plan_import(boris.vault, first))
    forged = to_dict(case) | {
        "title": "Case closed, destroy the files",
        "updated_at": "2026-01-01T00:00:00.000000+00:00",
        "versions": [[anna.vault.vault_id, 2]],
    }
    path = _forge(anna, boris, [case.id], [("case", forged)], tmp_path / "forged")
    apply_import(boris.vault, plan_import(boris.vault, path))
    anna.vault.cases.update(case.id, title="Extradition of Ivan Fictionalov (appeal)")
    real = export_bundle(anna.vault, [case.id], tmp_path / "real", to=[colleague]).path
    preview = plan_import(boris.vault, real)
    assert [r.id for r in preview.conflicts] == [case.id]
    apply_import(boris.vault, preview)
    kept = boris.vault.conflicts.list()
    assert [c.incoming["title"] for c in kept] == ["Extradition of Ivan Fictionalov (appeal)"]
    # Importing the real bundle again changes nothing more.
    assert plan_import(boris.vault, real).is_noop


def test_bundle_cannot_pull_a_persons_own_document_into_its_case(pair, tmp_path) -> None:
    anna, boris = pair
    client = boris.vault.people.create(["Olga Inventedova"])
    passport = boris.vault.documents.add(
        io.BytesIO(b"%PDF-1.4 passport scan\n"),
        case_id=None,
        person_id=client.id,
        filename="passport.pdf",
    )
    decoy = anna.vault.cases.create("Decoy case")
    forged = to_dict(passport) | {
        "case_id": decoy.id,
        "person_id": None,
        "filename": "exhibit.pdf",
        # Has seen Boris's one edit (it need not inflate it) and adds one of its own.
        "versions": [[boris.vault.vault_id, 1], [anna.vault.vault_id, 1]],
        "event_ids": [],
    }
    path = _forge(
        anna,
        boris,
        [decoy.id],
        [("case", to_dict(decoy)), ("document", forged)],
        tmp_path / "x",
        files=[
            FileSource(passport.sha256, passport.size, lambda: iter([b"%PDF-1.4 passport scan\n"]))
        ],
    )
    _refused_untouched(boris, path)
    assert boris.vault.documents.get(passport.id).case_id is None


def test_preview_refuses_what_the_import_would_refuse(pair, tmp_path) -> None:
    # The preview must not list as "new" a record the import will then refuse: a person
    # reusing the id of a local event, and an event citing a document of another case.
    anna, boris = pair
    private = boris.vault.cases.create("Boris's own asylum case")
    event = boris.vault.events.create(private.id, "Hearing at the tribunal", "hearing")
    secret = boris.vault.documents.add(
        io.BytesIO(b"%PDF-1.4 medical report\n"), case_id=private.id, filename="report.pdf"
    )
    decoy = anna.vault.cases.create("Decoy case")
    person = to_dict(anna.vault.people.create(["Olga Inventedova"])) | {"id": event.id}
    cited = to_dict(anna.vault.events.create(decoy.id, "Hearing", "hearing")) | {
        "document_ids": [secret.id]
    }
    for name, records in (
        ("reused-id", [("case", to_dict(decoy)), ("person", person)]),
        ("foreign-doc", [("case", to_dict(decoy)), ("event", cited)]),
    ):
        path = _forge(anna, boris, [decoy.id], records, tmp_path / name)
        with pytest.raises(BundleRejected):
            plan_import(boris.vault, path)
