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


# -- 6: bundles within the per-record limits but built to exhaust memory or time --------------


def _over(field_limit: int) -> str:
    return "ж" * (field_limit + 1)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("case", {"title": _over(limits.MAX_SHORT_TEXT)}),
        ("case", {"summary": _over(limits.MAX_LONG_TEXT)}),
        ("case", {"tags": ["t"] * (limits.MAX_LIST_ITEMS + 1)}),
        ("event", {"description": _over(limits.MAX_LONG_TEXT)}),
        ("event", {"source_quote": _over(limits.MAX_LONG_TEXT)}),
        ("event", {"title": _over(limits.MAX_SHORT_TEXT)}),
        ("person", {"names": [{"text": _over(limits.MAX_SHORT_TEXT)}]}),
        ("note", {"body": _over(limits.MAX_NOTE_BODY)}),
    ],
)
def test_a_field_just_over_its_limit_is_refused_before_any_write(
    boris: Lawyer, tmp_path: Path, kind: str, fields: dict[str, Any]
) -> None:
    records = _records()
    stamps = ("created_at", "updated_at", "origin_vault", "versions")
    base = {k: records[0][1][k] for k in stamps} | {"case_id": CASE_ID}
    if kind == "case":
        records[0] = ("case", {**records[0][1], **fields})
    elif kind == "event":
        records[-1] = ("event", {**records[-1][1], **fields})
    elif kind == "person":
        person = {k: v for k, v in base.items() if k != "case_id"}
        records.insert(1, ("person", {**person, "id": uid(40), **fields}))
    else:
        note = {**base, "id": uid(41), "written": base["created_at"], "author": "M.", **fields}
        records.append(("note", note))
    reason = _refused(boris, records, tmp_path)
    assert "too long" in reason or "more than" in reason


def test_field_limits_hold_at_the_limit(boris: Lawyer, tmp_path: Path) -> None:
    records = _records(description="ж" * limits.MAX_LONG_TEXT)
    records[0] = ("case", {**records[0][1], "title": "ж" * limits.MAX_SHORT_TEXT})
    _import(boris, records, tmp_path)
    assert boris.vault.cases.get(CASE_ID).title == "ж" * limits.MAX_SHORT_TEXT


def _signed(edit) -> bytes:
    """A small tar whose manifest was edited, then signed again by its (hostile) sender."""
    from test_format import _signed_tar

    return _signed_tar(Identity.generate("Mallory Fictional"), edit)


def test_a_manifest_announcing_more_records_than_allowed_is_refused_at_once() -> None:
    from satchel.bundle.format import spec
    from satchel.bundle.format.reader import inspect_tar

    def edit(d: dict[str, Any]) -> None:
        d["contents"]["counts"].update(event=spec.MAX_RECORDS, person=1)

    with pytest.raises(BundleRejected, match="more records than Satchel accepts"):
        inspect_tar(_signed(edit))


# The documented figures (docs/bundle-format.md), not the constants: these tests fail if the
# limits drift back up to what an attack showed too large (2 GiB, 16 MiB a line).
RECORDS_BYTES = 128 * 1024 * 1024
RECORD_LINE_BYTES = 8 * 1024 * 1024


def test_records_larger_in_all_than_allowed_are_refused_at_once() -> None:
    from satchel.bundle.format.reader import inspect_tar

    def edit(d: dict[str, Any]) -> None:
        d["members"][0].update(size=RECORDS_BYTES + 1)

    with pytest.raises(BundleRejected, match=r"size of records\.jsonl"):
        inspect_tar(_signed(edit))


@pytest.fixture
def unchecked_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the writer build what it refuses to build, to see the reader refuse it."""
    monkeypatch.setattr("satchel.bundle.format.writer.check_within_limits", lambda *_args: None)


@pytest.mark.usefixtures("unchecked_writer")
def test_one_record_line_over_the_limit_is_refused() -> None:
    from test_format import _signed_tar

    from satchel.bundle.format.reader import inspect_tar

    records = sample_records()
    kind, note = records[-1]
    records[-1] = (kind, note | {"body": "x" * RECORD_LINE_BYTES})
    with pytest.raises(BundleRejected, match="a record is larger"):
        inspect_tar(_signed_tar(Identity.generate("Mallory Fictional"), records=records))


@pytest.mark.slow
@pytest.mark.usefixtures("unchecked_writer")
def test_a_bundle_of_one_record_too_many_is_refused_before_any_write(
    boris: Lawyer, tmp_path: Path
) -> None:
    from satchel.bundle.format import spec

    records = _records()[:1]
    event = {k: v for k, v in _records()[1][1].items() if k != "id"}
    assert spec.MAX_RECORDS == 100_000  # the documented figure
    records += [("event", {**event, "id": uid(100 + n)}) for n in range(spec.MAX_RECORDS)]
    reason = _refused(boris, records, tmp_path)
    assert "more records than Satchel accepts" in reason


def test_the_writer_refuses_a_bundle_no_reader_would_accept(tmp_path: Path) -> None:
    from satchel.bundle.format import spec
    from satchel.errors import InvalidInput

    records = _records()
    kind, case = records[0]
    records[0] = (kind, case | {"summary": "x" * (spec.MAX_RECORD_LINE_BYTES + 1)})
    with pytest.raises(InvalidInput, match="too large for a bundle"):
        make_bundle(Identity.generate("Anna Fictional"), None, records=records, docs=[],
                    passphrase=PASS)  # fmt: skip
