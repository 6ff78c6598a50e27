"""Writing bundles: the inner tar stream (signed manifest, records, files) inside age.

`seal_bundle` streams everything: records are serialised twice (once to hash them for the
manifest, once to write them), documents are read chunk by chunk from their source into the
encrypted stream, and nothing is held whole in memory. This module writes only to the
destination it is given (encrypted bytes); it never writes plaintext anywhere.
It knows nothing of the vault: `satchel.bundle.export` feeds it from one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

from satchel.bundle.format import agefile, spec
from satchel.crypto.identity import Identity, PublicIdentity
from satchel.errors import BundleRejected, DocumentDamaged, InvalidInput

__all__ = [
    "BundleWriter",
    "FileSource",
    "Progress",
    "SealedBundle",
    "canonical_json",
    "check_within_limits",
    "record_line",
    "seal_bundle",
    "tar_header",
]

RecordSource = Callable[[], Iterable[tuple[str, dict[str, Any]]]]
"""Called once per pass; yields (kind, record dict) in spec.line_kinds(2) order (records,
then tombstones), the same each time."""

Progress = Callable[[int, int], None]
"""progress(bytes_done, bytes_total) — called from the writing thread."""


@dataclass(frozen=True, slots=True)
class FileSource:
    """A document's bytes: its SHA-256 and size as recorded at intake, and a chunk opener."""

    sha256: str
    size: int
    open: Callable[[], Iterable[bytes]]
    # True when the source itself raises if the bytes do not match `sha256` by the time the
    # last chunk is read (the vault's DocumentReader does): hashing twice is then wasted.
    checks_itself: bool = False


@dataclass(frozen=True, slots=True)
class SealedBundle:
    """What was written: the exact signed manifest and the sizes for the audit line."""

    manifest: bytes
    manifest_data: dict[str, Any]
    plaintext_bytes: int


def canonical_json(value: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no spaces: one spelling for one value."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def record_line(kind: str, record: dict[str, Any]) -> bytes:
    """One line of records.jsonl."""
    return canonical_json({"kind": kind, "record": record}) + b"\n"


def _octal(value: int, width: int) -> bytes:
    return f"{value:0{width - 1}o}".encode("ascii") + b"\0"


def tar_header(name: str, size: int, mtime: int) -> bytes:
    """The one ustar header this format uses: a regular file, mode 0644, owner 0:0."""
    raw_name = name.encode("ascii")
    if len(raw_name) > 100 or size > spec.MAX_USTAR_SIZE or size < 0:
        raise ValueError(f"cannot write tar member {name!r} of {size} bytes")
    header = bytearray(spec.BLOCK)
    header[0 : len(raw_name)] = raw_name
    header[100:108] = spec.TAR_MODE
    header[108:116] = spec.TAR_ZERO_ID
    header[116:124] = spec.TAR_ZERO_ID
    header[124:136] = _octal(size, 12)
    header[136:148] = _octal(mtime, 12)
    header[148:156] = b" " * 8
    header[156:157] = spec.TAR_REGULAR
    header[257:263] = spec.TAR_MAGIC
    header[263:265] = spec.TAR_VERSION
    header[148:156] = f"{sum(header):06o}".encode("ascii") + b"\0 "
    return bytes(header)


def _padding(size: int) -> bytes:
    return b"\0" * (-size % spec.BLOCK)


def check_within_limits(records: int, records_bytes: int, longest_line: int) -> None:
    """Refuse to write a bundle that every reader would refuse (spec's limits)."""
    if longest_line > spec.MAX_RECORD_LINE_BYTES:
        raise InvalidInput(
            "A record is too large for a bundle; nothing was written",
            code="record_too_large_bundle_nothing",
        )
    if records > spec.MAX_RECORDS or records_bytes > spec.MAX_RECORDS_BYTES:
        raise InvalidInput(
            "These cases hold {records:,} records ({value:.0f} MiB of text), more than one "
            "bundle may carry ({max_records:,} records, {value2} MiB); export fewer cases at a "
            "time",
            code="these_cases_hold_records_mib",
            records=records,
            value=records_bytes / 2**20,
            max_records=spec.MAX_RECORDS,
            value2=spec.MAX_RECORDS_BYTES // 2**20,
        )


class BundleWriter:
    """Builds the manifest and the tar stream for one bundle.

    `records()` must yield the same (kind, record) pairs in the same order every time it is
    called (read them inside one vault transaction): the first pass hashes them for the
    manifest, the second writes them, and a difference is refused rather than signed.
    """

    def __init__(
        self,
        sender: Identity,
        sender_vault_id: str,
        *,
        recipients: Sequence[PublicIdentity] | None,
        cases: Sequence[str],
        documents: bool,
        notes: bool,
        created_at: datetime | None = None,
    ) -> None:
        self.sender = sender
        self.sender_vault_id = sender_vault_id
        self.recipients = recipients
        self.cases = tuple(cases)
        self.documents = documents
        self.notes = notes
        when = (created_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        self.created_at = when

    def _recipient_entries(self) -> dict[str, Any]:
        if self.recipients is None:
            return {"mode": spec.MODE_PASSPHRASE, "list": []}
        seen: dict[str, PublicIdentity] = {}
        # The sender is always a recipient, so the sender can reopen what they sent.
        for who in (self.sender.public(), *self.recipients):
            seen.setdefault(who.fingerprint, who)
        entries = [{"name": p.name, "fingerprint": fp} for fp, p in seen.items()]
        return {"mode": spec.MODE_KEYS, "list": entries}

    def age_recipients(self) -> list[PublicIdentity]:
        if self.recipients is None:
            return []
        seen: dict[str, PublicIdentity] = {}
        for who in (self.sender.public(), *self.recipients):
            seen.setdefault(who.fingerprint, who)
        return list(seen.values())

    def manifest(
        self, records: RecordSource, files: Sequence[FileSource]
    ) -> tuple[bytes, dict[str, Any]]:
        """Pass one: hash the records and build the manifest bytes (not yet signed)."""
        digest = hashlib.sha256()
        size = longest = 0
        counts = dict.fromkeys(spec.line_kinds(spec.VERSION), 0)
        for kind, record in records():
            line = record_line(kind, record)
            digest.update(line)
            size += len(line)
            counts[kind] += 1
            longest = max(longest, len(line))
        check_within_limits(sum(counts.values()), size, longest)
        # Version 1 unless a deletion travels: a colleague whose Satchel reads only version
        # 1 can still read every bundle that carries no tombstone.
        version = 2 if counts[spec.TOMBSTONE] else 1
        counts = {k: counts[k] for k in spec.line_kinds(version)}
        members = [{"name": spec.RECORDS_NAME, "size": size, "sha256": digest.hexdigest()}]
        members += [
            {"name": spec.FILES_PREFIX + f.sha256, "size": f.size, "sha256": f.sha256}
            for f in files
        ]
        pub = self.sender.public()
        data = {
            "format": spec.FORMAT,
            "version": version,
            "created_at": self.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sender": {
                "name": pub.name,
                "vault_id": self.sender_vault_id,
                "age_recipient": pub.age_recipient,
                "signing_key": pub.signing_key,
                "fingerprint": pub.fingerprint,
            },
            "recipients": self._recipient_entries(),
            "contents": {
                "cases": list(self.cases),
                "counts": counts,
                "documents": self.documents,
                "notes": self.notes,
            },
            "members": members,
        }
        return canonical_json(data), data

    def tar_stream(
        self,
        manifest: bytes,
        records: RecordSource,
        files: Sequence[FileSource],
        *,
        records_sha256: str,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        total: int = 0,
    ) -> Iterator[bytes]:
        """Pass two: the tar stream, chunk by chunk."""
        mtime = int(self.created_at.timestamp())
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            agefile.check_cancel(cancel)
            if progress is not None:
                progress(done, total)

        signature = self.sender.sign(manifest)
        yield tar_header(spec.MANIFEST_NAME, len(manifest), mtime)
        yield manifest + _padding(len(manifest))
        yield tar_header(spec.SIGNATURE_NAME, len(signature), mtime)
        yield signature + _padding(len(signature))
        tick(len(manifest) + len(signature))

        # records.jsonl: its size is in the manifest already; re-hash while writing.
        lines_size = next(
            m["size"] for m in json.loads(manifest)["members"] if m["name"] == spec.RECORDS_NAME
        )
        yield tar_header(spec.RECORDS_NAME, lines_size, mtime)
        digest = hashlib.sha256()
        written = 0
        batch: list[bytes] = []
        batch_size = 0
        for kind, record in records():
            line = record_line(kind, record)
            digest.update(line)
            written += len(line)
            batch.append(line)
            batch_size += len(line)
            if batch_size >= spec.CHUNK:
                yield b"".join(batch)
                tick(batch_size)
                batch, batch_size = [], 0
        if batch:
            yield b"".join(batch)
            tick(batch_size)
        if written != lines_size or digest.hexdigest() != records_sha256:
            raise BundleRejected(
                "the vault changed while the bundle was being written; nothing was kept, try again",
                code="bundle_vault_changed_while_bundle_being",
            )
        yield _padding(written)

        for f in files:
            yield tar_header(spec.FILES_PREFIX + f.sha256, f.size, mtime)
            digest = hashlib.sha256()
            got = 0
            for chunk in f.open():
                got += len(chunk)
                if got > f.size:
                    break
                if not f.checks_itself:
                    digest.update(chunk)
                yield chunk
                tick(len(chunk))
            if got != f.size or (not f.checks_itself and digest.hexdigest() != f.sha256):
                raise DocumentDamaged(
                    "A document ({sha256}…) no longer matches the SHA-256 recorded at intake; "
                    "the bundle was not written.",
                    code="document_no_longer_matches_sha",
                    sha256=f.sha256[:12],
                )
            yield _padding(f.size)
        yield spec.END_OF_ARCHIVE


def seal_bundle(
    dest: BinaryIO,
    writer: BundleWriter,
    records: RecordSource,
    files: Sequence[FileSource],
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SealedBundle:
    """Write a whole bundle (age around tar) to `dest`.

    On any error the exception propagates and `dest` holds a partial file: the caller writes
    to a temporary name and removes it (see `satchel.bundle.export`).
    """
    if (writer.recipients is None) != (passphrase is not None):
        raise ValueError("a passphrase bundle has no recipients and a keyed one no passphrase")
    manifest, data = writer.manifest(records, files)
    records_member = data["members"][0]
    total = records_member["size"] + sum(f.size for f in files) + len(manifest) + 64
    stream = writer.tar_stream(
        manifest,
        records,
        files,
        records_sha256=records_member["sha256"],
        progress=progress,
        cancel=cancel,
        total=total,
    )
    if passphrase is not None:
        agefile.encrypt_stream(stream, dest, passphrase=passphrase)
    else:
        keys = [p.recipient() for p in writer.age_recipients()]
        agefile.encrypt_stream(stream, dest, recipients=keys)
    plaintext = total + spec.BLOCK * (3 + len(files)) + 2 * spec.BLOCK
    return SealedBundle(manifest=manifest, manifest_data=data, plaintext_bytes=plaintext)
