"""Signed deletions that reach too far: a tombstone may only delete what sits in a case its
bundle lists, and a person shared with another case is never deleted by it. Refused
bundles leave the vault's files byte for byte the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from formatkit import CASE_ID, VAULT_A, make_bundle, sample_records
from lawyers import Lawyer, new_lawyer

from satchel.bundle.merge import apply_import, plan_import
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected

PASS = "amber-lantern-quiet-orchard"


@pytest.fixture
def boris(tmp_path: Path):
    lawyer = new_lawyer(tmp_path, "Boris Fictional")
    yield lawyer
    lawyer.vault.close()


def _bundle(records: list[tuple[str, Any]], tmp_path: Path) -> Path:
    blob = make_bundle(Identity.generate("Mallory Fictional"), None, records=records,
                       docs=[], passphrase=PASS)  # fmt: skip
    path = tmp_path / "hostile.satchel"
    path.write_bytes(blob)
    return path


def _tomb(record_id: str, kind: str, origin: str, cases: list[str], edits: int = 9) -> Any:
    return ("tombstone", {
        "id": record_id, "record_kind": kind, "origin_vault": origin, "cases": cases,
        "versions": [[origin, edits]], "deleted_at": "2026-02-20T16:45:00.000000+00:00",
    })  # fmt: skip


def _case_only() -> list[tuple[str, Any]]:
    return [r for r in sample_records(None) if r[0] == "case"]


def _refused(boris: Lawyer, path: Path) -> str:
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    with pytest.raises(BundleRejected) as info:
        apply_import(boris.vault, plan_import(boris.vault, path, passphrase=PASS), consent=True)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()
    return info.value.reason


def test_a_tombstone_cannot_delete_a_record_of_a_case_the_bundle_does_not_list(
    boris: Lawyer, tmp_path: Path
) -> None:
    own = boris.vault.cases.create("Boris's own matter")
    event = boris.vault.events.create(own.id, "Meeting with the client", "other")
    origin = boris.vault.vault_id
    # Naming the listed case for a record that sits in another one:
    reason = _refused(boris, _bundle([*_case_only(), _tomb(event.id, "event", origin,
                                                           [CASE_ID])], tmp_path))  # fmt: skip
    assert "case the bundle does not carry" in reason
    # Naming the other case itself:
    reason = _refused(boris, _bundle([*_case_only(), _tomb(event.id, "event", origin,
                                                           [own.id])], tmp_path))  # fmt: skip
    assert "does not list" in reason
    assert boris.vault.events.get(event.id)


def test_a_person_with_a_role_elsewhere_is_not_deleted_but_kept_as_a_conflict(
    boris: Lawyer, tmp_path: Path
) -> None:
    first = _bundle(_case_only(), tmp_path)
    apply_import(boris.vault, plan_import(boris.vault, first, passphrase=PASS), consent=True)
    person = boris.vault.people.create(["Aliya Nurlanova"])
    own = boris.vault.cases.create("Boris's own matter")
    boris.vault.roles.create(own.id, person.id, "client")
    role = boris.vault.roles.create(CASE_ID, person.id, "witness")
    origin = boris.vault.vault_id
    records = [*_case_only(), _tomb(person.id, "person", origin, [CASE_ID], 1),
               _tomb(role.id, "role", origin, [CASE_ID], 1)]  # fmt: skip
    # The forger may not count Boris's own edits past what he made: more than 1 is a
    # conflict, never a deletion; even at 1+1 the person stays, having a role elsewhere.
    records = [(k, {**r, "versions": [[origin, 2]]}) if k == "tombstone" else (k, r)
               for k, r in records]  # fmt: skip
    preview = plan_import(boris.vault, _bundle(records, tmp_path), passphrase=PASS)
    assert preview.deleted == ()
    assert {r.id for r in preview.conflicts} == {person.id, role.id}
    apply_import(boris.vault, preview, consent=True)
    assert boris.vault.people.get(person.id)
    assert boris.vault.roles.count(person_id=person.id) == 2
    assert boris.vault.trash.count() == 0


def test_a_deletion_of_a_record_never_seen_is_kept_and_a_stale_copy_stays_out(
    boris: Lawyer, tmp_path: Path
) -> None:
    records = [(k, {**r, "event_type": "arrest"} if k == "event" else r)
               for k, r in sample_records(None) if k in ("case", "event")]  # fmt: skip
    event = next(r for k, r in records if k == "event")
    deletion = [*[(k, r) for k, r in records if k != "event"],
                _tomb(event["id"], "event", VAULT_A, [CASE_ID], 2)]  # fmt: skip
    preview = plan_import(boris.vault, _bundle(deletion, tmp_path), passphrase=PASS)
    assert preview.tombstones_kept == 1 and not preview.deleted
    apply_import(boris.vault, preview, consent=True)
    stale = plan_import(boris.vault, _bundle(records, tmp_path), passphrase=PASS)
    assert [r.id for r in stale.unchanged if r.kind == "event"] == [event["id"]]
    apply_import(boris.vault, stale, consent=True)
    assert not boris.vault.events.exists(event["id"])
