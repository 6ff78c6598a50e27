"""Regenerate the bundle-format test vectors in this folder (docs/bundle-format.md §10).

    .venv/bin/python tests/bundle/vectors/generate.py [--age]

Everything inside the tar is deterministic (fixed keys, fixed time, Ed25519 signatures are
deterministic), so `v1-small.tar`, `v2-small.tar` and their manifests come out byte-identical
on every run. The age files are not (age picks a fresh file key and nonce each time); they
are written once (with --age) and kept: a reader must decrypt them to exactly the tars.
`v2-small` is `v1-small` plus two tombstones (a deleted event and a deleted note), the
only thing version 2 adds; the `bad/v2-*` tars are version-2 shapes a reader must refuse.
The keys here are TEST KEYS, published on purpose: never use them for anything else.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from formatkit import CASE_ID, VAULT_A, WHEN, file_source, sample_records, uid  # noqa: E402

from satchel.bundle.format import agefile, spec  # noqa: E402
from satchel.bundle.format.writer import BundleWriter, canonical_json, tar_header  # noqa: E402
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

    # -- version 2: tombstones --------------------------------------------------------------
    tar2 = make_v2_tar_for(sender, receiver)
    (HERE / "v2-small.tar").write_bytes(tar2)
    items2 = members(tar2)
    (HERE / "v2-small.manifest.json").write_bytes(items2[0][1])
    (HERE / "v2-small.listing.txt").write_text("".join(n + "\n" for n, _ in items2))
    if write_age:
        with open(HERE / "v2-small.satchel", "wb") as fh:
            keys = [sender.public().recipient(), receiver.public().recipient()]
            agefile.encrypt_stream(iter([tar2]), fh, recipients=keys)

    records = sample_records(DOC)
    event, note = tombstone(uid(13), "event"), tombstone(uid(15), "note")
    rejected("v2-tombstone-in-v1.tar",
             signed_tar(sender, receiver, [*records, ("tombstone", event)], version=1),
             "unknown kind")  # fmt: skip
    rejected("v2-tombstone-unknown-field.tar",
             signed_tar(sender, receiver, [*records, ("tombstone", {**event, "title": "x"})]),
             "unknown field")  # fmt: skip
    rejected("v2-tombstone-unknown-kind.tar",
             signed_tar(sender, receiver,
                        [*records, ("tombstone", {**event, "record_kind": "colleague"})]),
             "unknown kind of record")  # fmt: skip
    rejected("v2-tombstone-before-records.tar",
             signed_tar(sender, receiver, [*records[:-1], ("tombstone", event), records[-1]]),
             "not in the order")  # fmt: skip
    rejected("v2-tombstone-same-id.tar",
             signed_tar(sender, receiver, [*records, ("tombstone", {**note, "id": uid(5)})]),
             "appears twice")  # fmt: skip
    rejected("v2-tombstone-without-case.tar",
             signed_tar(sender, receiver, [*records, ("tombstone", {**event, "cases": []})]),
             "must name the case")  # fmt: skip
    many = [str(uid(1000 + i)) for i in range(1000)]
    huge = {**tombstone(uid(12), "person"), "cases": many,
            "versions": [[v, 1] for v in many]}  # fmt: skip
    rejected("v2-tombstone-too-large.tar",
             signed_tar(sender, receiver, [*records, ("tombstone", huge)]), "larger")  # fmt: skip
    rejected("v2-tombstone-bad-time.tar",
             signed_tar(sender, receiver,
                        [*records, ("tombstone", {**event, "deleted_at": "2026-03-01"})]),
             "deleted_at")  # fmt: skip
    rejected("v2-no-tombstone-count.tar",
             signed_tar(sender, receiver, [*records, ("tombstone", event)], drop_count=True),
             "lacks field")  # fmt: skip
    (HERE / "bad" / "expected.json").write_text(json.dumps(bad, indent=2, sort_keys=True) + "\n")
    print("sha256 of v1-small.tar:", hashlib.sha256(tar).hexdigest())
    print("sha256 of v2-small.tar:", hashlib.sha256(tar2).hexdigest())


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


DOC = b"%PDF-1.4 fictional decision\n"


def tombstone(record_id: str, kind: str) -> dict[str, object]:
    """A deletion by the sender's vault of a record it created, in CASE_ID."""
    return {
        "id": record_id,
        "record_kind": kind,
        "origin_vault": VAULT_A,
        "cases": [CASE_ID],
        "versions": [[VAULT_A, 2]],
        "deleted_at": "2026-02-20T16:45:00.000000+00:00",
    }


def make_v2_tar_for(sender: Identity, receiver: Identity) -> bytes:
    """The v2 vector: v1-small's records, then a deleted event's and a deleted note's
    tombstones (records 13 and 15, which the bundle does not otherwise carry)."""
    records = [
        *sample_records(DOC),
        ("tombstone", tombstone(uid(13), "event")),
        ("tombstone", tombstone(uid(15), "note")),
    ]
    return signed_tar(sender, receiver, records)


def signed_tar(
    sender: Identity,
    receiver: Identity,
    records: list[tuple[str, object]],
    *,
    version: int | None = None,
    drop_count: bool = False,
) -> bytes:
    """A correctly signed tar of `records` (as the writer lays it out), its manifest's
    version or tombstone count changed first when asked: shapes only a broken or hostile
    writer makes, signed so that a reader must find what is wrong inside."""
    writer = BundleWriter(
        sender,
        KEYS["sender"]["vault_id"],
        recipients=[receiver.public()],
        cases=[CASE_ID],
        documents=True,
        notes=True,
        created_at=WHEN,
    )
    files = [file_source(DOC)]
    manifest, data = writer.manifest(lambda: iter(records), files)
    if version is not None or drop_count:
        if version is not None:
            data["version"] = version
        counts = data["contents"]["counts"]
        if version == 1 or drop_count:
            counts.pop("tombstone", None)
        manifest = canonical_json(data)
    stream = writer.tar_stream(
        manifest, lambda: iter(records), files, records_sha256=data["members"][0]["sha256"]
    )
    return b"".join(stream)


if __name__ == "__main__":
    main(write_age="--age" in sys.argv)
