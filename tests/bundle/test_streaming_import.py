"""One pass over a bundle: the preview reads records only, the import verifies as it writes.

The preview the user confirms checks the manifest, its signature and every record; the
document bodies are signed by their SHA-256 in the manifest and checked by the import as it
streams them into the vault, inside one transaction. So a bad byte anywhere - in the last
document, in the last record after the others were written - must undo everything:
records, search entries and documents, the vault files byte for byte as before.
"""

from __future__ import annotations

import io
import tarfile
import threading
from pathlib import Path

import pytest
from lawyers import Lawyer, befriend, new_lawyer, sample_case

from satchel.bundle.export import export_bundle
from satchel.bundle.format import agefile, spec
from satchel.bundle.format.writer import tar_header
from satchel.bundle.merge import apply_import, plan_import
from satchel.errors import BundleRejected, Cancelled

SCAN = b"%PDF-1.4 scan of the appeal " + bytes(range(256)) * 3000  # ~750 KiB
LETTER = b"%PDF-1.4 letter from the consulate " + bytes(range(255, -1, -1)) * 1200


@pytest.fixture
def pair(tmp_path: Path):
    anna = new_lawyer(tmp_path, "Anna Fictional")
    boris = new_lawyer(tmp_path, "Boris Fictional")
    befriend(anna, boris)
    befriend(boris, anna)
    case, *_ = sample_case(anna, document=SCAN)
    anna.vault.documents.add(io.BytesIO(LETTER), case_id=case.id, filename="letter.pdf")
    for i in range(3):
        anna.vault.events.create(case.id, f"Call with the consulate {i}", "other")
    colleague = anna.vault.colleagues.list()[0]
    path = export_bundle(anna.vault, [case.id], tmp_path / "good.satchel", to=[colleague]).path
    yield anna, boris, path, case
    anna.vault.close()
    boris.vault.close()


@pytest.fixture(params=["inline", "threaded"])
def hashing(request, monkeypatch):
    """Each document hashed as it is read (small) or on a thread of its own (large: from 4 MiB;
    here every document, so the same bad bytes reach both ways). No hashing thread may
    outlive the import, whether it succeeded, was refused or was cancelled."""
    from satchel.bundle.format import reader

    if request.param == "threaded":
        monkeypatch.setattr(reader, "THREADED_HASH_BYTES", 0)
    yield request.param
    assert not [t for t in threading.enumerate() if t.name == "satchel-member-hash"]


def _inner(boris: Lawyer, path: Path) -> bytes:
    out = bytearray()
    with open(path, "rb") as fh:
        key = boris.vault.identities.get().age_identity
        agefile.decrypt_stream(fh, out.extend, identities=[key])
    return bytes(out)


def _members(tar: bytes) -> list[tuple[str, bytes]]:
    with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as t:
        return [(m.name, t.extractfile(m).read()) for m in t.getmembers()]  # type: ignore[union-attr]


def _reseal(boris: Lawyer, members: list[tuple[str, bytes]]) -> bytes:
    """The members as a tar, encrypted to Boris: the signed manifest is kept as it was."""
    tar = bytearray()
    for name, data in members:
        tar += tar_header(name, len(data), 0) + data + b"\0" * (-len(data) % 512)
    tar += spec.END_OF_ARCHIVE
    out = io.BytesIO()
    key = boris.vault.identities.get().public().recipient()
    agefile.encrypt_stream(iter([bytes(tar)]), out, recipients=[key])
    return out.getvalue()


def _flip(data: bytes, at: int) -> bytes:
    bad = bytearray(data)
    bad[at] ^= 0x01
    return bytes(bad)


def _empty(boris: Lawyer, case_id: str) -> None:
    """Nothing of the bundle is in Boris's vault: no record, search entry or document."""
    v = boris.vault
    assert v.cases.find(case_id) is None
    assert v.cases.count() == 0
    assert v.documents.count() == 0
    assert v.connection.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
    assert v.search.count() == 0
    assert v.search.search("interpreter") == []
    assert v.search.search("consulate") == []


def _refused_whole(boris: Lawyer, preview, blob: bytes, match: str) -> None:
    preview.path.write_bytes(blob)
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    with pytest.raises(BundleRejected, match=match):
        apply_import(boris.vault, preview)
    _empty(boris, preview.manifest.cases[0])
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()


def test_the_preview_does_not_read_document_bodies_but_inspect_does(pair) -> None:
    _anna, boris, path, _case = pair
    ms = _members(_inner(boris, path))
    good = plan_import(boris.vault, path)
    # The last byte of the last document changed, the signed manifest unchanged.
    path.write_bytes(_reseal(boris, [*ms[:-1], (ms[-1][0], _flip(ms[-1][1], -1))]))
    preview = plan_import(boris.vault, path)
    assert (preview.new, preview.changed, preview.conflicts) == (
        good.new, good.changed, good.conflicts,
    )  # fmt: skip
    with pytest.raises(BundleRejected, match="SHA-256"):
        plan_import(boris.vault, path, files=True)


@pytest.mark.parametrize("member", [3, 4], ids=["first document", "last document"])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_bad_byte_in_a_document_body_rolls_the_whole_import_back(
    pair, hashing, member: int, where: str
) -> None:
    _anna, boris, path, _case = pair
    ms = _members(_inner(boris, path))
    assert len(ms) == 5  # manifest, signature, records, two documents
    preview = plan_import(boris.vault, path)
    name, body = ms[member]
    at = {"first": 0, "middle": len(body) // 2, "last": len(body) - 1}[where]
    ms[member] = (name, _flip(body, at))
    _refused_whole(boris, preview, _reseal(boris, ms), "SHA-256")


def test_a_bad_byte_in_a_record_after_others_were_written_rolls_back(pair) -> None:
    _anna, boris, path, _case = pair
    ms = _members(_inner(boris, path))
    preview = plan_import(boris.vault, path)
    name, records = ms[2]
    # Inside the note, the last record: the case, person, role and events are written by
    # the time records.jsonl ends and its hash is compared with the signed one.
    at = records.rindex(b"about the interpreter") + 2
    ms[2] = (name, records[:at] + b"X" + records[at + 1 :])
    _refused_whole(boris, preview, _reseal(boris, ms), "records.jsonl")


def test_a_bundle_cut_inside_the_last_document_rolls_back(pair, hashing) -> None:
    _anna, boris, path, _case = pair
    preview = plan_import(boris.vault, path)
    good = path.read_bytes()
    _refused_whole(boris, preview, good[: len(good) - 3000], "truncated|damaged")


def test_cancelling_while_a_document_streams_in_leaves_nothing(pair, hashing) -> None:
    _anna, boris, path, case = pair
    preview = plan_import(boris.vault, path)
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    conn = boris.vault.connection
    seen: list[int] = []

    def cancel() -> bool:
        # The import's own connection sees its uncommitted rows: stop once the first
        # document's bytes are going in, with every record already written.
        seen.append(conn.execute("SELECT count(*) FROM document_chunks").fetchone()[0])
        return seen[-1] > 0

    with pytest.raises(Cancelled):
        apply_import(boris.vault, preview, cancel=cancel)
    assert seen[-1] > 0
    _empty(boris, case.id)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()


def test_the_preview_matches_what_the_import_does(pair, hashing, tmp_path) -> None:
    anna, boris, path, case = pair
    apply_import(boris.vault, plan_import(boris.vault, path))
    ids = sorted(anna.vault.events.all_ids_for_case(case.id))
    changed, both, gone = (anna.vault.events.get(i) for i in ids[:3])
    anna.vault.events.update(changed.id, title="Call with the consulate, moved")
    anna.vault.events.update(both.id, title="Anna's wording")
    boris.vault.events.update(both.id, title="Boris's wording")
    anna.vault.events.delete(gone.id)
    anna.vault.events.create(case.id, "Hearing at the appeal court", "hearing")
    colleague = anna.vault.colleagues.list()[0]
    second = export_bundle(anna.vault, [case.id], tmp_path / "second", to=[colleague]).path
    preview = plan_import(boris.vault, second)
    result = apply_import(boris.vault, preview)
    shown = (len(preview.new), len(preview.changed), len(preview.conflicts), len(preview.deleted))
    assert shown == (1, 1, 1, 1)
    assert (result.added, result.updated, result.conflicts, result.deleted) == shown
    assert result.unchanged == len(preview.unchanged)
    assert result.documents_stored == 0  # the documents were already here, byte for byte
    assert boris.vault.events.get(changed.id).title == "Call with the consulate, moved"
    assert boris.vault.events.get(both.id).title == "Boris's wording"


def test_a_bad_byte_after_a_conflict_and_an_edit_rolls_all_of_it_back(pair, tmp_path) -> None:
    # The import's nested writes join its one transaction (no savepoints): a conflict kept
    # and an edit written in the middle of the events' batch must still go with the rest.
    anna, boris, path, case = pair
    apply_import(boris.vault, plan_import(boris.vault, path))
    ids = sorted(anna.vault.events.all_ids_for_case(case.id))
    changed, both, gone = (anna.vault.events.get(i) for i in ids[:3])
    anna.vault.events.update(changed.id, title="Call with the consulate, moved")
    anna.vault.events.update(both.id, title="Anna's wording")
    boris.vault.events.update(both.id, title="Boris's wording")
    anna.vault.events.delete(gone.id)
    anna.vault.events.create(case.id, "Hearing at the appeal court", "hearing")
    colleague = anna.vault.colleagues.list()[0]
    second = export_bundle(anna.vault, [case.id], tmp_path / "second", to=[colleague]).path
    preview = plan_import(boris.vault, second)
    assert (len(preview.new), len(preview.changed), len(preview.conflicts)) == (1, 1, 1)
    ms = _members(_inner(boris, second))
    name, records = ms[2]
    at = records.rindex(b"about the interpreter") + 2  # the note, after every event
    ms[2] = (name, records[:at] + b"X" + records[at + 1 :])
    second.write_bytes(_reseal(boris, ms))
    audit_before = boris.vault.connection.execute("SELECT count(*) FROM audit").fetchone()[0]
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    v = boris.vault
    with pytest.raises(BundleRejected, match=r"records\.jsonl"):
        apply_import(v, preview)
    assert v.conflicts.count() == 0
    assert v.events.get(changed.id).title == changed.title
    assert v.events.get(both.id).title == "Boris's wording"
    assert v.events.find(gone.id) is not None
    assert v.search.search("appeal court") == []
    assert v.connection.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_before
    v.close()
    assert boris.files_digest() == before
    boris.reopen()
