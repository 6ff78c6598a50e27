"""Bundles signed by their sender but hostile inside: records whose numbers or text are out of
the limits (core/limits.py, spec.py) are refused with BundleRejected before anything is
written, and the receiving vault's files stay byte for byte the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from formatkit import CASE_ID, make_bundle, sample_records, uid
from lawyers import Lawyer, new_lawyer

from satchel.bundle.merge import apply_import, plan_import
from satchel.core import limits
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected

PASS = "amber-lantern-quiet-orchard"


@pytest.fixture
def boris(tmp_path: Path):
    lawyer = new_lawyer(tmp_path, "Boris Fictional")
    yield lawyer
    lawyer.vault.close()


def _import(boris: Lawyer, records: list[tuple[str, Any]], tmp_path: Path) -> None:
    blob = make_bundle(Identity.generate("Mallory Fictional"), None, records=records,
                       docs=[], passphrase=PASS)  # fmt: skip
    path = tmp_path / "hostile.satchel"
    path.write_bytes(blob)
    preview = plan_import(boris.vault, path, passphrase=PASS)
    apply_import(boris.vault, preview, consent=True)


def _refused(boris: Lawyer, records: list[tuple[str, Any]], tmp_path: Path) -> str:
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    with pytest.raises(BundleRejected) as info:
        _import(boris, records, tmp_path)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()
    return info.value.reason


def _records(**event: Any) -> list[tuple[str, Any]]:
    records = [r for r in sample_records(None) if r[0] == "case"]
    base = {k: v for k, v in records[0][1].items() if k not in ("id", "title")}
    base["case_id"] = CASE_ID
    decision = {**base, "id": uid(30), "title": "Decision", "event_type": "decision",
                "date": "2025-08-14"}  # fmt: skip
    records.append(("event", decision))
    records.append(("event", {**base, "id": uid(31), "title": "Appeal", "event_type": "other",
                              **event}))  # fmt: skip
    return records


def test_the_well_formed_bundle_imports(boris: Lawyer, tmp_path: Path) -> None:
    deadline = {"status": "pending", "computed_from": uid(30), "offset_days": 10}
    _import(boris, _records(event_type="deadline", deadline=deadline), tmp_path)
    assert {e.title for e in boris.vault.events.list(case_id=CASE_ID)} >= {"Appeal"}


@pytest.mark.parametrize(
    "deadline",
    [
        {"status": "pending", "computed_from": uid(30), "offset_days": 10**7},
        {"status": "pending", "computed_from": uid(30), "offset_days": -(10**30)},
        {"status": "pending", "lead_days": 10**30},
    ],
)
def test_a_deadline_out_of_range_is_refused_before_any_write(
    boris: Lawyer, tmp_path: Path, deadline: dict[str, Any]
) -> None:
    reason = _refused(boris, _records(event_type="deadline", deadline=deadline), tmp_path)
    assert "between" in reason


def test_a_day_order_out_of_range_is_refused(boris: Lawyer, tmp_path: Path) -> None:
    _refused(boris, _records(day_order=limits.MAX_DAY_ORDER + 1), tmp_path)
