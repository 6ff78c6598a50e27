"""Two lawyers hand a case back and forth: export, inspect, import, edit, merge, conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from lawyers import Lawyer, befriend, new_lawyer, sample_case

from satchel.bundle.export import export_bundle
from satchel.bundle.merge import SenderState, apply_import, plan_import
from satchel.core.conflicts import Resolution
from satchel.errors import BundleRejected


@pytest.fixture
def anna(tmp_path: Path):
    lawyer = new_lawyer(tmp_path, "Anna Fictional")
    yield lawyer
    lawyer.vault.close()


@pytest.fixture
def boris(tmp_path: Path):
    lawyer = new_lawyer(tmp_path, "Boris Fictional")
    yield lawyer
    lawyer.vault.close()


@pytest.fixture
def clara(tmp_path: Path):
    lawyer = new_lawyer(tmp_path, "Clara Fictional")
    yield lawyer
    lawyer.vault.close()


def send(sender: Lawyer, to: Lawyer, case_id: str, tmp_path: Path, name: str) -> Path:
    key = to.vault.identities.get().public().signing_key
    colleague = sender.vault.colleagues.get_by_signing_key(key)
    assert colleague is not None
    return export_bundle(sender.vault, [case_id], tmp_path / name, to=[colleague]).path


def test_case_travels_from_anna_to_boris_with_everything(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, person, event, doc = sample_case(anna)
    path = send(anna, boris, case.id, tmp_path, "a-to-b.satchel")

    preview = plan_import(boris.vault, path)
    assert preview.sender.state is SenderState.VERIFIED
    assert preview.addressed_to_me and not preview.needs_consent
    assert {r.kind for r in preview.new} == {"case", "person", "role", "event", "document", "note"}
    result = apply_import(boris.vault, preview)
    assert result.added == 6 and result.documents_stored == 1

    b = boris.vault
    assert b.cases.get(case.id).title == case.title
    assert b.events.get(event.id).person_ids == (person.id,)
    with b.documents.open(doc.id) as fh:
        assert fh.read() == b"%PDF-1.4 decision of the court\n"
    assert b.cases.get(case.id).versions == case.versions


def test_importing_the_same_bundle_twice_changes_nothing(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, *_ = sample_case(anna)
    path = send(anna, boris, case.id, tmp_path, "a.satchel")
    apply_import(boris.vault, plan_import(boris.vault, path))
    boris.reopen()
    audit_before = boris.vault.audit.count()
    again = plan_import(boris.vault, path)
    assert again.is_noop and not again.new and not again.changed
    apply_import(boris.vault, again)
    assert boris.vault.audit.count() == audit_before
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    apply_import(boris.vault, plan_import(boris.vault, path))
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()


def test_edits_go_back_and_an_older_bundle_changes_nothing(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, _person, event, _doc = sample_case(anna)
    first = send(anna, boris, case.id, tmp_path, "first.satchel")
    apply_import(boris.vault, plan_import(boris.vault, first))

    # Boris edits the event and sends the case back; Anna merges.
    boris.vault.events.update(event.id, title="Arrest at the airport (confirmed by police)")
    back = send(boris, anna, case.id, tmp_path, "back.satchel")
    preview = plan_import(anna.vault, back)
    assert [r.id for r in preview.changed] == [event.id]
    assert not preview.conflicts
    apply_import(anna.vault, preview)
    assert anna.vault.events.get(event.id).title.endswith("(confirmed by police)")

    # Anna's first bundle replayed to Boris is stale: nothing changes.
    stale = plan_import(boris.vault, first)
    assert stale.is_noop
    apply_import(boris.vault, stale)
    assert boris.vault.events.get(event.id).title.endswith("(confirmed by police)")


def test_record_edited_on_both_sides_becomes_a_conflict_nothing_lost(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, _person, event, _doc = sample_case(anna)
    apply_import(
        boris.vault, plan_import(boris.vault, send(anna, boris, case.id, tmp_path, "1.satchel"))
    )
    anna.vault.events.update(event.id, title="Arrest (Anna's wording)")
    boris.vault.events.update(event.id, title="Arrest (Boris's wording)")

    path = send(boris, anna, case.id, tmp_path, "2.satchel")
    preview = plan_import(anna.vault, path)
    assert [r.id for r in preview.conflicts] == [event.id]
    result = apply_import(anna.vault, preview)
    assert result.conflicts == 1
    assert anna.vault.events.get(event.id).title == "Arrest (Anna's wording)"
    conflicts = anna.vault.conflicts
    (kept,) = conflicts.list()
    assert kept.incoming["title"] == "Arrest (Boris's wording)"

    # Importing the same bundle again does not duplicate the conflict.
    assert plan_import(anna.vault, path).is_noop
    assert conflicts.count() == 1

    # Taking Boris's version writes one that dominates both; sent back, Boris takes it.
    conflicts.resolve(kept.id, Resolution.TAKE_INCOMING)
    assert conflicts.count() == 0
    resolved = anna.vault.events.get(event.id)
    assert resolved.title == "Arrest (Boris's wording)"
    back = plan_import(boris.vault, send(anna, boris, case.id, tmp_path, "3.satchel"))
    assert [r.id for r in back.changed] == [event.id] and not back.conflicts


def test_a_third_vault_cannot_open_the_bundle(anna, boris, clara, tmp_path) -> None:
    befriend(anna, boris)
    case, *_ = sample_case(anna)
    path = send(anna, boris, case.id, tmp_path, "a.satchel")
    with pytest.raises(BundleRejected, match="not among its recipients"):
        plan_import(clara.vault, path)


def test_forwarded_bundle_is_not_shown_as_sent_to_the_new_reader(
    anna, boris, clara, tmp_path
) -> None:
    """Boris decrypts Anna's bundle and re-encrypts the same tar to Clara."""
    from satchel.bundle.format import agefile

    befriend(anna, boris)
    befriend(clara, anna)
    case, *_ = sample_case(anna)
    path = send(anna, boris, case.id, tmp_path, "a.satchel")
    plain = bytearray()
    with open(path, "rb") as fh:
        agefile.decrypt_stream(
            fh, plain.extend, identities=[boris.vault.identities.get().age_identity]
        )
    forwarded = tmp_path / "forwarded.satchel"
    clara_key = clara.vault.identities.get().public().recipient()
    with open(forwarded, "wb") as fh:
        agefile.encrypt_stream(iter([bytes(plain)]), fh, recipients=[clara_key])

    preview = plan_import(clara.vault, forwarded)
    assert preview.sender.state is SenderState.VERIFIED  # really signed by Anna...
    assert not preview.addressed_to_me  # ...but for Anna and Boris, not for Clara
    assert preview.needs_consent
    assert any("NOT among them" in w for w in preview.warnings())
    with pytest.raises(BundleRejected, match="consent"):
        apply_import(clara.vault, preview)


def test_unknown_sender_is_shown_with_fingerprint_and_needs_consent(anna, boris, tmp_path) -> None:
    befriend(anna, boris)  # Anna knows Boris; Boris has never seen Anna's card
    case, *_ = sample_case(anna)
    path = send(anna, boris, case.id, tmp_path, "a.satchel")
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    preview = plan_import(boris.vault, path)
    assert preview.sender.state is SenderState.UNKNOWN
    assert preview.manifest.sender.fingerprint in preview.sender.describe()
    with pytest.raises(BundleRejected, match="consent"):
        apply_import(boris.vault, preview)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()
    result = apply_import(boris.vault, plan_import(boris.vault, path), consent=True)
    assert result.added == 6


def test_unverified_colleague_is_named_but_needs_consent(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna, verified=False)
    case, *_ = sample_case(anna)
    preview = plan_import(boris.vault, send(anna, boris, case.id, tmp_path, "a.satchel"))
    assert preview.sender.state is SenderState.UNVERIFIED
    assert "NOT verified" in preview.sender.describe()
    assert preview.needs_consent


def test_bundle_without_documents_or_notes_leaves_them_out(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, *_ = sample_case(anna)
    colleague = anna.vault.colleagues.list()[0]
    path = export_bundle(
        anna.vault, [case.id], tmp_path / "lean.satchel", to=[colleague],
        documents=False, notes=False,
    ).path  # fmt: skip
    preview = plan_import(boris.vault, path)
    assert {r.kind for r in preview.new} == {"case", "person", "role", "event"}
    assert not preview.manifest.documents and not preview.manifest.notes
    apply_import(boris.vault, preview)
    assert boris.vault.documents.count() == 0 and boris.vault.notes.count() == 0


def test_passphrase_bundle_imports_with_the_passphrase(anna, boris, tmp_path) -> None:
    case, *_ = sample_case(anna)
    path = export_bundle(
        anna.vault, [case.id], tmp_path / "p.satchel", passphrase="amber-otter-quill-zephyr"
    ).path
    with pytest.raises(BundleRejected, match="passphrase"):
        plan_import(boris.vault, path)
    preview = plan_import(boris.vault, path, passphrase="amber-otter-quill-zephyr")
    assert preview.manifest.mode == "passphrase"
    assert apply_import(boris.vault, preview, consent=True).added == 6


def test_computed_deadlines_travel_after_the_events_they_hang_on(anna, boris, tmp_path) -> None:
    """A chain of computed deadlines, one of them earlier than its source, still imports."""
    befriend(anna, boris)
    befriend(boris, anna)
    case, _person, _event, _doc = sample_case(anna)
    v = anna.vault
    decision = v.events.create(case.id, "Extradition decision", "decision", date="2026-03-10")
    appeal = v.events.create_deadline(
        case.id, "Appeal deadline", computed_from=decision.id, offset_days=10
    )
    v.events.create_deadline(case.id, "Draft the appeal", computed_from=appeal.id, offset_days=-5)
    preview = plan_import(boris.vault, send(anna, boris, case.id, tmp_path, "d.satchel"))
    apply_import(boris.vault, preview)
    titles = {e.title for e in boris.vault.events.list(case_id=case.id)}
    assert {"Appeal deadline", "Draft the appeal"} <= titles


def test_a_deadline_rule_travels_and_keeps_rolling_in_the_receiving_vault(
    anna, boris, tmp_path
) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, _person, _event, _doc = sample_case(anna)
    v = anna.vault
    decision = v.events.create(case.id, "Extradition decision", "decision", date="2026-11-27")
    appeal = v.events.create_deadline(
        case.id, "Appeal due", computed_from=decision.id, offset_days=15, rule="RU"
    )
    plain = v.events.create_deadline(
        case.id, "Internal check", computed_from=decision.id, offset_days=3, rule="none"
    )
    path = send(anna, boris, case.id, tmp_path, "r.satchel")
    apply_import(boris.vault, plan_import(boris.vault, path))
    received = boris.vault.events.get(appeal.id)
    assert received.deadline is not None
    assert (received.deadline.rule, str(received.date)) == ("RU", "2026-12-14")
    assert boris.vault.events.get(plain.id) == plain
    # The receiving vault applies the rule when the decision moves there.
    boris.vault.events.update(decision.id, date="2026-12-22")
    assert str(boris.vault.events.get(appeal.id).date) == "2027-01-11"


def test_an_events_proceeding_travels_in_the_bundle(anna, boris, tmp_path) -> None:
    befriend(anna, boris)
    befriend(boris, anna)
    case, _person, _event, _doc = sample_case(anna)
    sent = anna.vault.events.create(
        case.id,
        "Extradition hearing",
        "hearing",
        date="2026-03-10",
        proceeding="Extradition, Germany",
    )
    apply_import(
        boris.vault, plan_import(boris.vault, send(anna, boris, case.id, tmp_path, "p.satchel"))
    )
    assert boris.vault.events.get(sent.id).proceeding == "Extradition, Germany"
