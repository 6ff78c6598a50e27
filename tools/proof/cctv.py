"""C2SP CCTV age vectors (tests/bundle/cctv/, vendored with their licence) through Satchel.

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

tests/bundle/test_cctv_vectors.py asserts every vector in CI; the proof report counts them
(the same in short and long mode: there are 143).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from satchel.bundle.format import agefile
from satchel.errors import BundleRejected

TITLE = "age's own test vectors (C2SP CCTV) through Satchel's reading path"

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "bundle" / "cctv" / "testdata"


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


def decrypt(v: Vector) -> tuple[str, str, str]:
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
    outcome, reason, digest = decrypt(v)
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


def failures() -> tuple[int, dict[str, str]]:
    """How many vectors there are, and what went wrong with each that failed."""
    vectors = [load(p) for p in sorted(VECTORS.iterdir())]
    return len(vectors), {v.name: why for v in vectors if (why := verdict(v)) is not None}


def run(long: bool = False) -> dict[str, object]:
    """The figures: vectors passed of total (no long mode: every vector runs each time)."""
    started = time.monotonic()
    vectors = [load(p) for p in sorted(VECTORS.iterdir())]
    failed = {v.name: why for v in vectors if (why := verdict(v)) is not None}
    return {
        "vectors": len(vectors),
        "passed": len(vectors) - len(failed),
        "failed": len(failed),
        "of which armored (refused by decision)": sum(v.armored for v in vectors),
        "of which hybrid ML-KEM recipients (refused by decision)": sum(
            any("-PQ-" in i for i in v.identities) for v in vectors
        ),
        "failed vectors": ", ".join(sorted(failed)) or "none",
        "wall time (s)": round(time.monotonic() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=TITLE)
    parser.add_argument("--long", action="store_true", help="the same as the short mode")
    args = parser.parse_args(argv)
    figures = run(args.long)
    for name, value in figures.items():
        print(f"{name}: {value}")
    return 1 if figures["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
