"""age's own test vectors (C2SP CCTV, tests/bundle/cctv/) through Satchel's age reading path.

Every vector goes through `agefile.decrypt_stream`, exactly as a bundle file does: the
X25519 path (a strict header check, then pyrage) or the scrypt path (Satchel's own code).
A vector passes when Satchel gives age's expected result: success with the expected
payload hash, or a refusal (BundleRejected) - and, for a payload failure, only the expected
plaintext was handed on before it. Two kinds of vector meet a decision rather than a bug:

- armored files: Satchel reads only binary bundles (it writes nothing else, and a second
  encoding is a second parser to attack), so an armored vector must be refused, with the
  reason that names the armor;
- hybrid (ML-KEM) recipients: not a recipient type Satchel uses; they must be refused
  cleanly.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from satchel.bundle.format import agefile
from satchel.errors import BundleRejected

VECTORS = Path(__file__).parent / "cctv" / "testdata"


@dataclass
class Vector:
    name: str
    expect: str
    payload: str | None = None
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    body: bytes = b""


def load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _sep, body = raw.partition(b"\n\n")
    v = Vector(path.name, "")
    compressed = False
    for line in head.decode().splitlines():
        key, _colon, value = line.partition(": ")
        if key == "expect":
            v.expect = value
        elif key == "payload":
            v.payload = value
        elif key == "identity":
            v.identities.append(value)
        elif key == "passphrase":
            v.passphrases.append(value)
        elif key == "armored":
            v.armored = value == "yes"
        elif key == "compressed":
            compressed = value == "zlib"
    v.body = zlib.decompress(body) if compressed else body
    return v


def run(v: Vector) -> tuple[str, str, str]:
    """(outcome, reason, sha256 of the plaintext handed on) for one vector."""
    identities = [pyrage.x25519.Identity.from_str(i) for i in v.identities if "-PQ-" not in i]
    released = hashlib.sha256()

    def sink(data: bytes) -> None:
        released.update(data)

    try:
        agefile.decrypt_stream(
            io.BytesIO(v.body),
            sink,
            identities=identities if v.identities else None,
            passphrase=v.passphrases[0] if v.passphrases else None,
        )
    except BundleRejected as exc:
        return "refused", exc.reason, released.hexdigest()
    return "success", "", released.hexdigest()


def verdict(v: Vector) -> str | None:
    """None if Satchel gave the expected result for `v`, else what went wrong."""
    outcome, reason, digest = run(v)
    if v.armored:
        # A well-formed armored file is refused for being armored; a malformed one, anyhow.
        ok = outcome == "refused" and ("armored" in reason or v.expect != "success")
        return None if ok else f"armored file not refused as such: {outcome} {reason!r}"
    if any("-PQ-" in i for i in v.identities):
        return None if outcome == "refused" else f"hybrid recipient not refused: {outcome}"
    if v.expect == "success":
        if outcome != "success":
            return f"expected success, got: {reason}"
        return None if digest == v.payload else "wrong payload"
    if outcome != "refused":
        return f"expected {v.expect}, but it decrypted"
    if v.expect == "payload failure" and v.payload is not None and digest != v.payload:
        return "plaintext handed on before the failure differs from the expected payload"
    return None


def test_every_cctv_age_vector_gives_the_expected_result(capsys) -> None:  # type: ignore[no-untyped-def]
    vectors = [load(p) for p in sorted(VECTORS.iterdir())]
    assert len(vectors) == 143
    failures = {v.name: why for v in vectors if (why := verdict(v)) is not None}
    with capsys.disabled():
        print(f"\nCCTV age vectors: {len(vectors) - len(failures)} passed of {len(vectors)}")
    assert failures == {}
