"""The bundle format on its own: what the writer produces and what the reader refuses."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile

import pytest
from formatkit import CASE_ID, make_bundle, make_tar, sample_records

from satchel.bundle.format import spec
from satchel.bundle.format.reader import BundleReader, inspect_tar
from satchel.bundle.format.writer import canonical_json, tar_header
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected


def read(blob: bytes, identity: Identity | None = None, passphrase: str | None = None):
    return BundleReader(io.BytesIO(blob), identity=identity, passphrase=passphrase).read()


def test_recipient_and_sender_can_both_open_a_bundle(anna: Identity, boris: Identity) -> None:
    blob = make_bundle(anna, [boris.public()])
    for who in (anna, boris):
        manifest = read(blob, who)
        assert manifest.sender == anna.public()
        assert manifest.cases == (CASE_ID,)
        assert manifest.counts["event"] == 1
        assert manifest.addressed_to(boris.public().fingerprint)


def test_a_third_party_cannot_open_the_bundle(
    anna: Identity, boris: Identity, clara: Identity
) -> None:
    with pytest.raises(BundleRejected, match="not among its recipients"):
        read(make_bundle(anna, [boris.public()]), clara)


def test_inner_layer_is_a_plain_tar_in_the_documented_order(anna: Identity) -> None:
    with tarfile.open(fileobj=io.BytesIO(make_tar(anna)), mode="r:") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    doc_sha = hashlib.sha256(b"%PDF-1.4 fictional decision\n").hexdigest()
    assert names == ["manifest.json", "manifest.sig", "records.jsonl", f"files/{doc_sha}"]
    assert all(m.isreg() for m in members)


def test_passphrase_bundle_opens_with_the_passphrase_only(anna: Identity, boris: Identity) -> None:
    blob = make_bundle(anna, None, passphrase="plump-grove-tiger-ocean")
    manifest = read(blob, passphrase="plump-grove-tiger-ocean")
    assert manifest.mode == spec.MODE_PASSPHRASE
    with pytest.raises(BundleRejected, match="wrong passphrase"):
        read(blob, passphrase="plump-grove-tiger-ocear")
    with pytest.raises(BundleRejected, match="passphrase"):
        read(blob, boris)


def test_signature_covers_the_recipient_list(anna: Identity, boris: Identity, clara: Identity):
    """B re-encrypts A's bundle to C: C sees it was signed for [A, B], not for C."""
    tar = make_tar(anna)  # what B has after decrypting (recipients listed: A only here)
    manifest = inspect_tar(tar)
    assert not manifest.addressed_to(clara.public().fingerprint)
    # Editing the recipients to add C breaks the signature.
    raw = manifest.raw
    data = json.loads(raw)
    data["recipients"]["list"].append({"name": "Clara", "fingerprint": clara.public().fingerprint})
    forged = canonical_json(data)
    with pytest.raises(BundleRejected, match="signature"):
        inspect_tar(_replace_member(tar, 0, forged))


def _members(tar: bytes) -> list[tuple[str, bytes]]:
    out = []
    with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as t:
        for m in t.getmembers():
            f = t.extractfile(m)
            assert f is not None
            out.append((m.name, f.read()))
    return out


def _build(members: list[tuple[str, bytes]]) -> bytes:
    out = bytearray()
    for name, data in members:
        out += tar_header(name, len(data), 0) + data + b"\0" * (-len(data) % 512)
    return bytes(out + spec.END_OF_ARCHIVE)


def _replace_member(tar: bytes, index: int, data: bytes) -> bytes:
    members = _members(tar)
    members[index] = (members[index][0], data)
    return _build(members)


def test_rebuilt_tar_is_accepted_so_the_tamper_tests_below_are_meaningful(anna: Identity):
    tar = make_tar(anna)
    assert _build(_members(tar)) != b""
    inspect_tar(_build(_members(tar)))


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda ms: [ms[1], ms[0], *ms[2:]], "out of order"),
        (lambda ms: [*ms[:2], ms[3], ms[2]], "out of order"),
        (lambda ms: [*ms, ("extra.txt", b"hello")], "unexpected extra member"),
        (lambda ms: [ms[0], ("manifest.sig", bytes(64)), *ms[2:]], "signature"),
        (lambda ms: [ms[0], ("manifest.sig", b"x" * 63), *ms[2:]], "wrong size"),
        (lambda ms: [*ms[:3], (ms[3][0], ms[3][1][:-1] + b"!")], "SHA-256"),
        (
            lambda ms: [*ms[:2], (ms[2][0], ms[2][1].replace(b"Arrest", b"Arrext")), *ms[3:]],
            "size|SHA",
        ),
        (lambda ms: ms[:3], "truncated|ends before"),
        (lambda ms: [("../manifest.json", ms[0][1]), *ms[1:]], "unsafe path"),
        (lambda ms: [("/manifest.json", ms[0][1]), *ms[1:]], "unsafe path"),
        (lambda ms: [("notes.txt", b"x"), *ms], "unknown member"),
    ],
)
def test_tampered_inner_tar_is_refused_with_one_clear_reason(anna, mutate, reason) -> None:
    tar = _build(mutate(_members(make_tar(anna))))
    with pytest.raises(BundleRejected, match=reason):
        inspect_tar(tar)


def _with_typeflag(tar: bytes, flag: bytes) -> bytes:
    block = bytearray(tar[:512])
    block[156:157] = flag
    block[148:156] = b" " * 8
    block[148:156] = f"{sum(block):06o}".encode() + b"\0 "
    return bytes(block) + tar[512:]


@pytest.mark.parametrize(
    ("flag", "what"),
    [(b"1", "hard link"), (b"2", "symbolic link"), (b"3", "device"), (b"5", "directory"),
     (b"x", "pax header"), (b"L", "GNU long name")],
)  # fmt: skip
def test_links_devices_and_directories_are_refused(anna: Identity, flag: bytes, what: str):
    with pytest.raises(BundleRejected, match=what):
        inspect_tar(_with_typeflag(make_tar(anna), flag))


def test_trailing_data_after_the_tar_end_is_refused(anna: Identity) -> None:
    with pytest.raises(BundleRejected, match="after the end"):
        inspect_tar(make_tar(anna) + b"\0" * 512)
    with pytest.raises(BundleRejected, match="after the end"):
        inspect_tar(make_tar(anna) + b"x")


def test_oversized_manifest_is_refused_before_it_is_read(anna: Identity) -> None:
    header = tar_header("manifest.json", spec.MAX_MANIFEST_BYTES + 1, 0)
    with pytest.raises(BundleRejected, match="manifest is larger"):
        inspect_tar(header)


def _signed_tar(sender: Identity, edit_manifest=None, records=None) -> bytes:
    """A tar whose manifest was edited and then signed again by the sender."""
    members = _members(make_tar(sender, records))
    data = json.loads(members[0][1])
    if edit_manifest is not None:
        edit_manifest(data)
    raw = canonical_json(data)
    members[0] = ("manifest.json", raw)
    members[1] = ("manifest.sig", sender.sign(raw))
    return _build(members)


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda d: d.update(version=3), "version 3 is not supported"),
        (lambda d: d.update(extra=1), "unknown field"),
        (lambda d: d["sender"].update(fingerprint="1" * 60), "fingerprint does not match"),
        (lambda d: d["contents"]["counts"].update(event=True), "count of event"),
        (lambda d: d["contents"]["counts"].update(event=2), "counts"),
        (lambda d: d["members"].append(dict(d["members"][1])), "listed twice"),
        (lambda d: d["members"][1].update(size=spec.MAX_FILE_BYTES + 1), "file size"),
        (lambda d: d.update(created_at="yesterday"), "created_at"),
        (lambda d: d["recipients"].update(list=[]), "sender is not among"),
    ],
)
def test_signed_but_malformed_manifest_is_refused(anna: Identity, edit, reason) -> None:
    with pytest.raises(BundleRejected, match=reason):
        inspect_tar(_signed_tar(anna, edit))


def test_duplicate_record_ids_are_refused(anna: Identity) -> None:
    records = sample_records()
    records.insert(2, ("person", dict(records[1][1])))
    with pytest.raises(BundleRejected, match="appears twice"):
        inspect_tar(_signed_tar(anna, records=records))


def test_records_out_of_kind_order_are_refused(anna: Identity) -> None:
    records = sample_records()
    records[0], records[1] = records[1], records[0]
    with pytest.raises(BundleRejected, match="order"):
        inspect_tar(_signed_tar(anna, records=records))


def test_duplicate_json_keys_are_refused(anna: Identity) -> None:
    members = _members(make_tar(anna))
    raw = members[0][1].replace(b'{"contents"', b'{"format":"x","contents"', 1)
    members[0] = ("manifest.json", raw)
    members[1] = ("manifest.sig", anna.sign(raw))
    with pytest.raises(BundleRejected, match="duplicate JSON key"):
        inspect_tar(_build(members))


def test_deeply_nested_record_is_refused_not_crashing(anna: Identity) -> None:
    deep = b'{"kind":"case","record":' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"

    def point_at_deep(data: dict) -> None:
        data["members"][0].update(size=len(deep), sha256=hashlib.sha256(deep).hexdigest())

    members = _members(_signed_tar(anna, point_at_deep))
    members[2] = ("records.jsonl", deep)
    with pytest.raises(BundleRejected, match=r"nested too deeply|not valid JSON"):
        inspect_tar(_build(members))
