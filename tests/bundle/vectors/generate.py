"""Regenerate the bundle-format test vectors in this folder (docs/bundle-format.md §9).

    .venv/bin/python tests/bundle/vectors/generate.py [--age]

Everything inside the tar is deterministic (fixed keys, fixed time, Ed25519 signatures are
deterministic), so `v1-small.tar` and `v1-small.manifest.json` come out byte-identical on
every run. The age files are not (age picks a fresh file key and nonce each time); they are
written once (with --age) and kept: a reader must decrypt them to exactly `v1-small.tar`.
The keys here are TEST KEYS, published on purpose: never use them for anything else.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from formatkit import CASE_ID, WHEN, file_source, sample_records  # noqa: E402

from satchel.bundle.format import agefile, spec  # noqa: E402
from satchel.bundle.format.writer import BundleWriter, tar_header  # noqa: E402
from satchel.crypto.identity import Identity  # noqa: E402

KEYS = json.loads((HERE / "keys.json").read_text(encoding="utf-8"))


def identity(who: str) -> Identity:
    k = KEYS[who]
    return Identity.from_secrets(k["name"], k["age_secret"], bytes.fromhex(k["signing_seed"]))


def members(tar: bytes) -> list[tuple[str, bytes]]:
    out, pos = [], 0
    while tar[pos : pos + 512] != bytes(512):
        name = tar[pos : pos + 100].rstrip(b"\0").decode()
        size = int(tar[pos + 124 : pos + 135], 8)
        out.append((name, tar[pos + 512 : pos + 512 + size]))
        pos += 512 + size + (-size % 512)
    return out


def build(items: list[tuple[str, bytes]], mtime: int = 1772357400) -> bytes:
    out = bytearray()
    for name, data in items:
        out += tar_header(name, len(data), mtime) + data + bytes(-len(data) % 512)
    return bytes(out + spec.END_OF_ARCHIVE)


def main(write_age: bool) -> None:
    sender, receiver = identity("sender"), identity("receiver")
    tar = make_tar_for(sender, receiver)
    (HERE / "v1-small.tar").write_bytes(tar)
    items = members(tar)
    (HERE / "v1-small.manifest.json").write_bytes(items[0][1])
    (HERE / "v1-small.listing.txt").write_text("".join(n + "\n" for n, _ in items))
    if write_age:
        with open(HERE / "v1-small.satchel", "wb") as fh:
            keys = [sender.public().recipient(), receiver.public().recipient()]
            agefile.encrypt_stream(iter([tar]), fh, recipients=keys)
        with open(HERE / "v1-small-passphrase.satchel", "wb") as fh:
            agefile.encrypt_stream(iter([tar]), fh, passphrase=KEYS["passphrase"])

    bad: dict[str, str] = {}

    def rejected(name: str, data: bytes, reason: str) -> None:
        (HERE / "bad" / name).write_bytes(data)
        bad[name] = reason

    (HERE / "bad").mkdir(exist_ok=True)
    rejected("swapped-members.tar", build([items[1], items[0], *items[2:]]), "out of order")
    rejected("bad-signature.tar", build([items[0], ("manifest.sig", bytes(64)), *items[2:]]),
             "signature")  # fmt: skip
    rejected("trailing-data.tar", tar + bytes(512), "after the end")
    rejected("truncated.tar", tar[: len(tar) - 1024], "truncated")
    rejected("unknown-member.tar", build([*items[:3], ("files/readme.txt", b"hi"), *items[3:]]),
             "unknown member")  # fmt: skip
    altered = items[3][1][:-1] + b"?"
    rejected("altered-file.tar", build([*items[:3], (items[3][0], altered)]), "SHA-256")
    link = bytearray(build(items))
    link[156:157] = b"2"
    link[148:156] = b" " * 8
    link[148:156] = f"{sum(link[:512]):06o}".encode() + b"\0 "
    rejected("symlink.tar", bytes(link), "symbolic link")
    (HERE / "bad" / "expected.json").write_text(json.dumps(bad, indent=2, sort_keys=True) + "\n")
    print("sha256 of v1-small.tar:", hashlib.sha256(tar).hexdigest())


def make_tar_for(sender: Identity, receiver: Identity) -> bytes:
    """The small bundle's tar: formatkit's sample records, to sender and receiver."""
    doc = b"%PDF-1.4 fictional decision\n"
    records = sample_records(doc)
    writer = BundleWriter(
        sender,
        KEYS["sender"]["vault_id"],
        recipients=[receiver.public()],
        cases=[CASE_ID],
        documents=True,
        notes=True,
        created_at=WHEN,
    )
    files = [file_source(doc)]
    manifest, data = writer.manifest(lambda: iter(records), files)
    stream = writer.tar_stream(
        manifest, lambda: iter(records), files, records_sha256=data["members"][0]["sha256"]
    )
    return b"".join(stream)


if __name__ == "__main__":
    main(write_age="--age" in sys.argv)
