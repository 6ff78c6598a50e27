"""The published test vectors (tests/bundle/vectors, docs/bundle-format.md) still hold."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from satchel.bundle.format import agefile
from satchel.bundle.format.reader import BundleReader, inspect_tar
from satchel.crypto.identity import Identity
from satchel.errors import BundleRejected

VECTORS = Path(__file__).parent / "vectors"
KEYS = json.loads((VECTORS / "keys.json").read_text(encoding="utf-8"))


def _identity(who: str) -> Identity:
    k = KEYS[who]
    return Identity.from_secrets(k["name"], k["age_secret"], bytes.fromhex(k["signing_seed"]))


def test_vector_keys_match_their_published_public_halves() -> None:
    for who in ("sender", "receiver"):
        pub = _identity(who).public()
        assert pub.age_recipient == KEYS[who]["age_recipient"]
        assert pub.signing_key == KEYS[who]["signing_key"]
        assert pub.fingerprint == KEYS[who]["fingerprint"]


def _decrypted(path: Path, **how) -> bytes:
    out = bytearray()
    with open(path, "rb") as fh:
        agefile.decrypt_stream(fh, out.extend, **how)
    return bytes(out)


def test_small_vector_decrypts_to_the_expected_tar() -> None:
    tar = (VECTORS / "v1-small.tar").read_bytes()
    for who in ("sender", "receiver"):
        assert (
            _decrypted(VECTORS / "v1-small.satchel", identities=[_identity(who).age_identity])
            == tar
        )
    passphrase = KEYS["passphrase"]
    assert _decrypted(VECTORS / "v1-small-passphrase.satchel", passphrase=passphrase) == tar


def test_small_vector_reads_as_documented() -> None:
    manifest = BundleReader(VECTORS / "v1-small.satchel", identity=_identity("receiver")).read()
    assert manifest.raw == (VECTORS / "v1-small.manifest.json").read_bytes()
    assert manifest.sender.fingerprint == KEYS["sender"]["fingerprint"]
    assert manifest.sender_vault_id == KEYS["sender"]["vault_id"]
    assert manifest.addressed_to(KEYS["receiver"]["fingerprint"])
    listing = (VECTORS / "v1-small.listing.txt").read_text().splitlines()
    assert [m.name for m in manifest.members] == listing[2:]


def test_writer_still_produces_the_vector_tar_byte_for_byte() -> None:
    sys.path.insert(0, str(VECTORS))
    from generate import make_tar_for

    tar = make_tar_for(_identity("sender"), _identity("receiver"))
    assert tar == (VECTORS / "v1-small.tar").read_bytes()


def test_v2_vector_decrypts_reads_and_is_written_byte_for_byte() -> None:
    sys.path.insert(0, str(VECTORS))
    from generate import make_v2_tar_for

    tar = (VECTORS / "v2-small.tar").read_bytes()
    for who in ("sender", "receiver"):
        key = _identity(who).age_identity
        assert _decrypted(VECTORS / "v2-small.satchel", identities=[key]) == tar
    manifest = BundleReader(VECTORS / "v2-small.satchel", identity=_identity("receiver")).read()
    assert manifest.raw == (VECTORS / "v2-small.manifest.json").read_bytes()
    assert manifest.version == 2 and manifest.counts["tombstone"] == 2
    listing = (VECTORS / "v2-small.listing.txt").read_text().splitlines()
    assert [m.name for m in manifest.members] == listing[2:]
    assert make_v2_tar_for(_identity("sender"), _identity("receiver")) == tar


def test_the_v1_vector_is_still_version_1() -> None:
    # A writer writes version 1 whenever no deletion travels: older readers read it.
    assert json.loads((VECTORS / "v1-small.manifest.json").read_bytes())["version"] == 1


@pytest.mark.parametrize(
    ("name", "reason"),
    sorted(json.loads((VECTORS / "bad" / "expected.json").read_text()).items()),
)
def test_bad_vectors_are_refused_for_the_documented_reason(name: str, reason: str) -> None:
    with pytest.raises(BundleRejected, match=reason):
        inspect_tar((VECTORS / "bad" / name).read_bytes())


@pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed")
def test_standard_age_and_tar_open_the_vector(tmp_path: Path) -> None:
    key = tmp_path / "receiver.key"
    key.write_text(KEYS["receiver"]["age_secret"] + "\n")
    plain = subprocess.run(
        ["age", "-d", "-i", str(key), str(VECTORS / "v1-small.satchel")],
        check=True,
        capture_output=True,
    ).stdout
    listing = subprocess.run(["tar", "t"], input=plain, check=True, capture_output=True).stdout
    assert listing.decode() == (VECTORS / "v1-small.listing.txt").read_text()
    inspect_tar(plain)


@pytest.mark.parametrize("name", ["v1-small.tar", "v2-small.tar"])
def test_every_record_of_the_good_vectors_is_a_whole_valid_record(name: str) -> None:
    """A reader written from the vectors meets records a real writer makes: each decodes
    strictly as its model record and within its limits (the event once had no `event_type`,
    the document no `media_type`, the note no `written` or `author`: an import refused them)."""
    import tarfile

    from satchel.core.codec import from_dict
    from satchel.core.limits import check_record

    with tarfile.open(VECTORS / name) as tar:
        member = tar.extractfile("records.jsonl")
        assert member is not None
        lines = [json.loads(line) for line in member.read().splitlines()]
    kinds = [line["kind"] for line in lines]
    assert {"case", "person", "event", "document", "note"} <= set(kinds)
    for line in lines:
        if line["kind"] == "tombstone":
            continue
        check_record(from_dict(line["kind"], line["record"]))
