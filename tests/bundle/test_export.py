"""Export writes atomically: cancel, a full disk or an error leave no file behind."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from lawyers import befriend, new_lawyer, sample_case

from satchel.bundle import export as export_module
from satchel.bundle.export import default_bundle_name, export_bundle, generate_passphrase
from satchel.errors import Cancelled, DiskFull, FileProblem


@pytest.fixture
def anna_and_boris(tmp_path: Path):
    anna = new_lawyer(tmp_path, "Anna Fictional")
    boris = new_lawyer(tmp_path, "Boris Fictional")
    befriend(anna, boris)
    yield anna, boris
    anna.vault.close()
    boris.vault.close()


def _outbox(tmp_path: Path) -> Path:
    out = tmp_path / "outbox"
    out.mkdir()
    return out


def test_cancel_leaves_nothing_in_the_folder(anna_and_boris, tmp_path) -> None:
    anna, _ = anna_and_boris
    case, *_ = sample_case(anna, document=os.urandom(3 * 1024 * 1024))
    out = _outbox(tmp_path)
    calls = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        export_bundle(anna.vault, [case.id], out / "x.satchel",
                      to=anna.vault.colleagues.list(), cancel=cancel_midway)  # fmt: skip
    assert list(out.iterdir()) == []


def test_full_disk_leaves_nothing_and_says_so(anna_and_boris, tmp_path, monkeypatch) -> None:
    anna, _ = anna_and_boris
    case, *_ = sample_case(anna, document=os.urandom(2 * 1024 * 1024))
    out = _outbox(tmp_path)
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh, self.written = fh, 0

        def write(self, data):
            self.written += len(data)
            if self.written > 1024 * 1024:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)

    monkeypatch.setattr(export_module.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    with pytest.raises(DiskFull):
        export_bundle(anna.vault, [case.id], out / "x.satchel", to=anna.vault.colleagues.list())
    assert list(out.iterdir()) == []


def test_an_existing_file_is_never_overwritten(anna_and_boris, tmp_path) -> None:
    anna, _ = anna_and_boris
    case, *_ = sample_case(anna)
    out = _outbox(tmp_path)
    (out / "x.satchel").write_bytes(b"keep me")
    with pytest.raises(FileProblem, match="already exists"):
        export_bundle(anna.vault, [case.id], out / "x.satchel", to=anna.vault.colleagues.list())
    assert (out / "x.satchel").read_bytes() == b"keep me"


def test_export_is_in_the_audit_log(anna_and_boris, tmp_path) -> None:
    anna, _ = anna_and_boris
    case, *_ = sample_case(anna)
    export_bundle(anna.vault, [case.id], tmp_path / "x.satchel", to=anna.vault.colleagues.list())
    assert anna.vault.audit.list(limit=1)[0].action == "export"


def test_names_and_passphrases_carry_no_case_data_and_enough_entropy() -> None:
    assert re.fullmatch(r"satchel-\d{8}-[a-z]{8}\.satchel", default_bundle_name())
    words = generate_passphrase().split("-")
    assert len(words) == 6 and all(len(w) == 5 and w.isalpha() for w in words)
    assert generate_passphrase() != generate_passphrase()


def test_a_document_damaged_in_the_vault_is_not_sent(anna_and_boris, tmp_path) -> None:
    from satchel.errors import DocumentDamaged

    anna, _ = anna_and_boris
    case, _p, _e, doc = sample_case(anna, document=b"%PDF-1.4 original bytes of the decision")
    # Simulate bit rot inside the vault: the stored bytes no longer match the intake hash.
    anna.vault.connection.execute(
        "UPDATE document_chunks SET data = ? WHERE document_id = ?",
        (b"%PDF-1.4 altered bytes of the decision!", doc.id),
    )
    out = _outbox(tmp_path)
    with pytest.raises(DocumentDamaged):
        export_bundle(anna.vault, [case.id], out / "x.satchel", to=anna.vault.colleagues.list())
    assert list(out.iterdir()) == []


def test_a_small_case_in_a_big_vault_carries_only_its_own_records(anna_and_boris, tmp_path):
    from satchel.bundle.merge import apply_import, plan_import

    anna, boris = anna_and_boris
    befriend(boris, anna)
    small, *_ = sample_case(anna)
    big = anna.vault.cases.create("Asylum of Mira Fictional")
    for n in range(12):
        anna.vault.events.create(big.id, f"Interview {n}", "meeting")
    colleague = anna.vault.colleagues.list()[0]
    path = export_bundle(anna.vault, [small.id], tmp_path / "s.satchel", to=[colleague]).path
    preview = plan_import(boris.vault, path)
    assert preview.manifest.counts["event"] == 1
    apply_import(boris.vault, preview)
    assert boris.vault.cases.count() == 1 and boris.vault.events.count() == 1
