"""Tampered, truncated, swapped and forged bundles: one clear refusal, the vault untouched.

The receiving vault is closed and its files hashed before and after: "unchanged" means
byte for byte, not merely "no new records".
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from lawyers import Lawyer, befriend, new_lawyer, sample_case

from satchel.bundle.export import export_bundle
from satchel.bundle.format import agefile, spec
from satchel.bundle.format.reader import inspect_tar
from satchel.bundle.format.writer import tar_header
from satchel.bundle.merge import apply_import, plan_import
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected

PASS = "violet-harbor-pencil-sunrise"


@pytest.fixture
def pair(tmp_path: Path):
    anna = new_lawyer(tmp_path, "Anna Fictional")
    boris = new_lawyer(tmp_path, "Boris Fictional")
    befriend(anna, boris)
    befriend(boris, anna)
    case, *_ = sample_case(anna, document=b"%PDF-1.4 " + bytes(range(256)) * 600)
    colleague = anna.vault.colleagues.list()[0]
    path = export_bundle(anna.vault, [case.id], tmp_path / "good.satchel", to=[colleague]).path
    yield anna, boris, path
    anna.vault.close()
    boris.vault.close()


def _untouched(boris: Lawyer, attempts: list[bytes], tmp_path: Path, **how) -> list[str]:
    """Try to import each blob; return the reasons; assert the vault files never changed."""
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    reasons = []
    for i, blob in enumerate(attempts):
        path = tmp_path / f"attempt-{i}.satchel"
        path.write_bytes(blob)
        with pytest.raises(BundleRejected) as info:
            preview = plan_import(boris.vault, path, **how)
            apply_import(boris.vault, preview, consent=True)
        reasons.append(info.value.reason)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()
    return reasons


def test_flipped_bytes_anywhere_are_refused(pair, tmp_path) -> None:
    _anna, boris, path = pair
    good = path.read_bytes()
    offsets = sorted({0, 5, 30, 100, 200, len(good) - 1, len(good) - 17, len(good) // 2}
                     | set(range(0, len(good), max(1, len(good) // 60))))  # fmt: skip
    attempts = []
    for at in offsets:
        bad = bytearray(good)
        bad[at] ^= 0x40
        attempts.append(bytes(bad))
    reasons = _untouched(boris, attempts, tmp_path)
    assert all(reasons)


def test_truncated_and_extended_bundles_are_refused(pair, tmp_path) -> None:
    _anna, boris, path = pair
    good = path.read_bytes()
    cuts = [0, 1, 21, 60, 200, 1000, len(good) // 3, len(good) // 2, len(good) - 1000,
            len(good) - 17, len(good) - 1]  # fmt: skip
    attempts = [good[:n] for n in cuts] + [good + b"\0", good + b"more bytes", good + good]
    reasons = _untouched(boris, attempts, tmp_path)
    assert all("truncated" in r or "damaged" in r or "not a Satchel" in r for r in reasons)


def _inner(boris: Lawyer, path: Path) -> bytes:
    out = bytearray()
    ident = boris.vault.identities.get()
    with open(path, "rb") as fh:
        agefile.decrypt_stream(fh, out.extend, identities=[ident.age_identity])
    return bytes(out)


def _seal(boris: Lawyer, tar: bytes) -> bytes:
    out = io.BytesIO()
    key = boris.vault.identities.get().public().recipient()
    agefile.encrypt_stream(iter([tar]), out, recipients=[key])
    return out.getvalue()


def _members(tar: bytes) -> list[tuple[str, bytes]]:
    with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as t:
        return [(m.name, t.extractfile(m).read()) for m in t.getmembers()]  # type: ignore[union-attr]


def _build(members: list[tuple[str, bytes]]) -> bytes:
    out = bytearray()
    for name, data in members:
        out += tar_header(name, len(data), 0) + data + b"\0" * (-len(data) % 512)
    return bytes(out + spec.END_OF_ARCHIVE)


def test_swapped_members_and_replaced_signature_are_refused(pair, tmp_path) -> None:
    _anna, boris, path = pair
    ms = _members(_inner(boris, path))
    impostor = Identity.generate("Anna Fictional")
    attempts = [
        _seal(boris, _build([ms[1], ms[0], *ms[2:]])),
        _seal(boris, _build([*ms[:2], ms[3], ms[2]])),
        _seal(boris, _build([ms[0], ("manifest.sig", impostor.sign(ms[0][1])), *ms[2:]])),
        _seal(boris, _build([ms[0], ("manifest.sig", bytes(64)), *ms[2:]])),
        _seal(boris, _build([*ms[:3], (ms[3][0], ms[3][1][:-1] + b"X")])),
    ]
    reasons = _untouched(boris, attempts, tmp_path)
    assert "out of order" in reasons[0] and "out of order" in reasons[1]
    assert "signature" in reasons[2] and "signature" in reasons[3]
    assert "SHA-256" in reasons[4]


def test_wrong_passphrase_leaves_files_unchanged(pair, tmp_path) -> None:
    anna, boris, _path = pair
    case = anna.vault.cases.list()[0]
    blob = export_bundle(anna.vault, [case.id], tmp_path / "p.satchel", passphrase=PASS).path
    reasons = _untouched(boris, [blob.read_bytes()], tmp_path, passphrase=PASS + "x")
    assert "wrong passphrase" in reasons[0]


def test_file_replaced_between_preview_and_import_is_refused(pair, tmp_path) -> None:
    """Preview a good bundle, then swap the file for another valid one before importing."""
    anna, boris, path = pair
    preview = plan_import(boris.vault, path)
    case = anna.vault.cases.list()[0]
    anna.vault.cases.update(case.id, title="Changed after the preview")
    colleague = anna.vault.colleagues.list()[0]
    newer = export_bundle(anna.vault, [case.id], tmp_path / "newer.satchel", to=[colleague]).path
    path.write_bytes(newer.read_bytes())
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    with pytest.raises(BundleRejected, match="changed since it was previewed"):
        apply_import(boris.vault, preview)
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()


def test_document_failing_its_hash_mid_import_rolls_everything_back(pair, tmp_path) -> None:
    """Preview a good bundle, then swap in one with the same signed manifest whose document
    bytes are wrong: records are already written when the mismatch shows, and the single
    import transaction must undo all of them."""
    _anna, boris, path = pair
    preview = plan_import(boris.vault, path)
    ms = _members(_inner(boris, path))
    path.write_bytes(_seal(boris, _build([*ms[:3], (ms[3][0], b"Y" + ms[3][1][1:])])))
    boris.vault.close()
    before = boris.files_digest()
    boris.reopen()
    with pytest.raises(BundleRejected, match="SHA-256"):
        apply_import(boris.vault, preview)
    assert boris.vault.cases.count() == 0
    boris.vault.close()
    assert boris.files_digest() == before
    boris.reopen()


@pytest.mark.timeout(600)
def test_hundreds_of_mutated_bundles_never_write_a_byte(pair, tmp_path) -> None:
    """Random flips, cuts, insertions and re-sealed inner tars, imported with consent."""
    import random

    _anna, boris, path = pair
    good = path.read_bytes()
    inner = _inner(boris, path)
    rng = random.Random(20260301)
    attempts = []
    for i in range(240):
        layer = bytearray(inner if i % 2 else good)
        for _ in range(rng.randint(1, 3)):
            op = rng.choice(("flip", "cut", "insert", "delete"))
            at = rng.randrange(len(layer))
            if op == "flip":
                layer[at] ^= rng.randint(1, 255)
            elif op == "cut":
                del layer[at:]
            elif op == "insert":
                layer[at:at] = rng.randbytes(rng.randint(1, 600))
            else:
                del layer[at : at + rng.randint(1, 600)]
            if not layer:
                break
        if i % 2:
            try:
                inspect_tar(bytes(layer))
                continue  # a harmless edit (e.g. a header's mtime digit): not tampering
            except BundleRejected:
                pass
            blob = _seal(boris, bytes(layer))
        else:
            blob = bytes(layer)
        if blob != good:
            attempts.append(blob)
    reasons = _untouched(boris, attempts, tmp_path)
    assert len(reasons) == len(attempts) > 200
