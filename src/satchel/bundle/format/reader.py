"""Reading bundles strictly: age decryption, the tar stream, the signed manifest, every hash.

The reader accepts exactly docs/bundle-format.md version 1 and refuses everything else with
one BundleRejected(reason): unknown or out-of-order members, links, directories, devices,
absolute or `..` paths, sizes over the limits in `spec`, duplicate ids, trailing data, a
manifest with unknown fields or versions, a hash or size mismatch, a bad signature.

Decryption runs in a helper thread and feeds a bounded queue; the parser pulls from it and
checks every piece as it comes, so memory stays bounded whatever the bundle's size. What it
hands to its handler is tentative until `read()` returns: a handler that writes must do so
inside a transaction it rolls back on any exception. This module itself never writes
anything anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from satchel.bundle.format import agefile, spec
from satchel.crypto.identity import CardError, Identity, PublicIdentity
from satchel.errors import BundleRejected
from satchel.userfiles import open_regular

__all__ = [
    "BundleHandler",
    "BundleReader",
    "Manifest",
    "Member",
    "RecipientEntry",
    "TarParser",
    "parse_manifest",
]


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class RecipientEntry:
    name: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """A manifest whose signature has been checked."""

    raw: bytes
    sender: PublicIdentity
    sender_vault_id: str
    created_at: datetime
    mode: str  # spec.MODE_KEYS or spec.MODE_PASSPHRASE
    recipients: tuple[RecipientEntry, ...]
    cases: tuple[str, ...]
    counts: dict[str, int]
    documents: bool
    notes: bool
    members: tuple[Member, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def addressed_to(self, fingerprint: str) -> bool:
        """Did the sender sign this bundle for `fingerprint`? (Passphrase bundles: anyone.)"""
        if self.mode == spec.MODE_PASSPHRASE:
            return True
        return any(r.fingerprint == fingerprint for r in self.recipients)

    @property
    def document_bytes(self) -> int:
        return sum(m.size for m in self.members[1:])


class BundleHandler(Protocol):
    """Receives a bundle's content as the reader verifies it (tentatively: see the module)."""

    def manifest(self, manifest: Manifest) -> None:
        """The signed manifest, once its signature holds."""

    def record(self, kind: str, record: dict[str, Any]) -> None:
        """One line of records.jsonl, checked for shape (not yet for its hash)."""

    def file(self, sha256: str, size: int, stream: io.RawIOBase) -> None:
        """A document's bytes as a stream; read any part of it (the rest is skipped)."""


class _Discard:
    """A handler that keeps nothing: inspect and verify only."""

    def manifest(self, manifest: Manifest) -> None:
        pass

    def record(self, kind: str, record: dict[str, Any]) -> None:
        pass

    def file(self, sha256: str, size: int, stream: io.RawIOBase) -> None:
        pass


# -- strict JSON -----------------------------------------------------------------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise BundleRejected(f"duplicate JSON key {key[:40]!r}")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise BundleRejected(f"JSON constant {name} is not allowed")


def _loads(raw: bytes, what: str) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(f"{what} is not valid UTF-8") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError:
        raise BundleRejected(f"{what} is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise BundleRejected(f"{what} is not valid JSON ({exc.msg})") from None
    except ValueError:
        # A number of more than 4,300 digits: Python refuses to read it (JSONDecodeError
        # is a ValueError too, so this comes after it).
        raise BundleRejected(f"{what} holds a number too long to read") from None


def _obj(value: Any, keys: frozenset[str], what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BundleRejected(f"{what} must be a JSON object")
    unknown = set(value) - keys
    missing = keys - set(value)
    if unknown:
        raise BundleRejected(f"{what} has unknown field(s): {', '.join(sorted(unknown))[:200]}")
    if missing:
        raise BundleRejected(f"{what} lacks field(s): {', '.join(sorted(missing))}")
    return value


def _str(value: Any, what: str, max_len: int = 200) -> str:
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise BundleRejected(f"{what} must be a non-empty text of at most {max_len} characters")
    return value


def _int(value: Any, what: str, lo: int, hi: int) -> int:
    # bool is an int in Python; JSON true is not a count.
    if type(value) is not int or not lo <= value <= hi:
        raise BundleRejected(f"{what} must be a whole number from {lo} to {hi}")
    return value


def _bool(value: Any, what: str) -> bool:
    if type(value) is not bool:
        raise BundleRejected(f"{what} must be true or false")
    return value


def _id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not spec.UUID_RE.match(value):
        raise BundleRejected(f"{what} must be a lower-case UUID")
    return value


def parse_manifest(raw: bytes) -> Manifest:
    """Parse and check a manifest's fields (not its signature)."""
    data = _obj(_loads(raw, "the manifest"), spec.MANIFEST_KEYS, "the manifest")
    if data["format"] != spec.FORMAT:
        raise BundleRejected("this is not a Satchel bundle (manifest format)")
    if type(data["version"]) is not int or data["version"] != spec.VERSION:
        raise BundleRejected(
            f"bundle format version {data['version']!r} is not supported by this Satchel "
            f"(it reads version {spec.VERSION}); update Satchel"
        )
    created = _str(data["created_at"], "created_at", 20)
    if not spec.CREATED_AT_RE.match(created):
        raise BundleRejected("created_at must be a UTC time like 2026-01-31T12:00:00Z")
    try:
        created_at = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise BundleRejected("created_at is not a real date and time") from None

    sender = _obj(data["sender"], spec.SENDER_KEYS, "the manifest's sender")
    try:
        pub = PublicIdentity.checked(
            _str(sender["name"], "the sender's name"),
            _str(sender["age_recipient"], "the sender's age key", 100),
            _str(sender["signing_key"], "the sender's signing key", 60),
        )
    except CardError as exc:
        raise BundleRejected(f"the sender's identity is malformed: {exc}") from None
    if pub.name != sender["name"]:
        raise BundleRejected("the sender's name has surrounding spaces")
    if sender["fingerprint"] != pub.fingerprint:
        raise BundleRejected("the sender's fingerprint does not match the sender's keys")
    vault_id = _id(sender["vault_id"], "the sender's vault id")

    rec = _obj(data["recipients"], spec.RECIPIENTS_KEYS, "the manifest's recipients")
    mode = rec["mode"]
    if mode not in (spec.MODE_KEYS, spec.MODE_PASSPHRASE):
        raise BundleRejected("the recipients' mode is unknown")
    if not isinstance(rec["list"], list) or len(rec["list"]) > spec.MAX_RECIPIENTS:
        raise BundleRejected("the recipients list is malformed or too long")
    recipients = []
    for entry in rec["list"]:
        e = _obj(entry, spec.RECIPIENT_KEYS, "a recipient")
        fp = _str(e["fingerprint"], "a recipient's fingerprint", 60)
        if not spec.FINGERPRINT_RE.match(fp):
            raise BundleRejected("a recipient's fingerprint must be 60 digits")
        recipients.append(RecipientEntry(_str(e["name"], "a recipient's name"), fp))
    if len({r.fingerprint for r in recipients}) != len(recipients):
        raise BundleRejected("a recipient is listed twice")
    if mode == spec.MODE_PASSPHRASE and recipients:
        raise BundleRejected("a passphrase bundle lists no recipient keys")
    if mode == spec.MODE_KEYS and pub.fingerprint not in {r.fingerprint for r in recipients}:
        raise BundleRejected("the sender is not among the bundle's recipients")

    contents = _obj(data["contents"], spec.CONTENTS_KEYS, "the manifest's contents")
    if not isinstance(contents["cases"], list) or len(contents["cases"]) > spec.MAX_CASES:
        raise BundleRejected("the list of cases is malformed or too long")
    cases = tuple(_id(c, "a case id") for c in contents["cases"])
    if len(set(cases)) != len(cases):
        raise BundleRejected("a case is listed twice")
    counts_raw = _obj(contents["counts"], frozenset(spec.KINDS), "the manifest's counts")
    counts = {k: _int(counts_raw[k], f"the count of {k}", 0, spec.MAX_RECORDS) for k in spec.KINDS}
    if sum(counts.values()) > spec.MAX_RECORDS:
        raise BundleRejected(
            f"the bundle holds more records than Satchel accepts ({spec.MAX_RECORDS:,})"
        )
    documents = _bool(contents["documents"], "contents.documents")
    notes = _bool(contents["notes"], "contents.notes")

    if not isinstance(data["members"], list) or not data["members"]:
        raise BundleRejected("the manifest's member list is malformed")
    if len(data["members"]) > spec.MAX_FILES + 1:
        raise BundleRejected("the bundle has more files than Satchel accepts")
    members = []
    for i, entry in enumerate(data["members"]):
        m = _obj(entry, spec.MEMBER_KEYS, "a member entry")
        name = _str(m["name"], "a member name", 100)
        sha = _str(m["sha256"], "a member hash", 64)
        if not spec.SHA256_RE.match(sha):
            raise BundleRejected("a member hash must be 64 lower-case hex digits")
        if i == 0:
            if name != spec.RECORDS_NAME:
                raise BundleRejected("the first listed member must be records.jsonl")
            size = _int(m["size"], "the size of records.jsonl", 0, spec.MAX_RECORDS_BYTES)
        else:
            if not spec.FILE_NAME_RE.match(name) or name != spec.FILES_PREFIX + sha:
                raise BundleRejected(f"member {name[:80]!r} is not files/<its sha256>")
            size = _int(m["size"], "a file size", 0, spec.MAX_FILE_BYTES)
        members.append(Member(name, size, sha))
    if len({m.name for m in members}) != len(members):
        raise BundleRejected("a member is listed twice")
    if not documents and len(members) > 1:
        raise BundleRejected("the manifest says documents are left out but lists files")
    if not notes and counts["note"]:
        raise BundleRejected("the manifest says notes are left out but counts notes")
    return Manifest(
        raw=raw,
        sender=pub,
        sender_vault_id=vault_id,
        created_at=created_at,
        mode=mode,
        recipients=tuple(recipients),
        cases=cases,
        counts=counts,
        documents=documents,
        notes=notes,
        members=tuple(members),
    )


def _check_versions(value: Any, where: str) -> None:
    if not isinstance(value, list) or not value or len(value) > 1000:
        raise BundleRejected(f"{where}: versions must be a non-empty list")
    seen = set()
    for pair in value:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or type(pair[1]) is not int
            or pair[1] < 1
        ):
            raise BundleRejected(f"{where}: versions must be [vault id, edits ≥ 1] pairs")
        _id(pair[0], f"{where}: a vault id in versions")
        if pair[0] in seen:
            raise BundleRejected(f"{where}: a vault appears twice in versions")
        seen.add(pair[0])


# -- the tar layer ---------------------------------------------------------------------------


def _parse_octal(field_: bytes, what: str) -> int:
    """An ustar numeric field: octal digits then one NUL, nothing else (no base-256)."""
    digits = field_[:-1]
    if field_[-1:] != b"\0" or not digits or any(c not in b"01234567" for c in digits):
        raise BundleRejected(f"a tar header has a malformed {what} field")
    return int(digits, 8)


def _check_header(block: bytes) -> tuple[str, int]:
    """Check one 512-byte header against the only shape this format writes."""
    stored = block[148:156]
    computed = sum(block[:148]) + 8 * 32 + sum(block[156:])
    if stored[6:8] != b"\0 " or _parse_octal(stored[:7], "checksum") != computed:
        raise BundleRejected("a tar header's checksum is wrong (the bundle was altered)")
    typeflag = block[156:157]
    if typeflag != spec.TAR_REGULAR:
        kinds = {
            b"1": "hard link",
            b"2": "symbolic link",
            b"3": "device",
            b"4": "device",
            b"5": "directory",
            b"6": "FIFO",
            b"x": "pax header",
            b"g": "pax header",
            b"L": "GNU long name",
            b"K": "GNU long link",
        }
        what = kinds.get(typeflag, f"type {typeflag!r}")
        raise BundleRejected(f"the bundle contains a {what}; only regular files are allowed")
    if block[257:263] != spec.TAR_MAGIC or block[263:265] != spec.TAR_VERSION:
        raise BundleRejected("a tar header is not POSIX ustar")
    raw_name = block[0:100].rstrip(b"\0")
    if b"\0" in raw_name or any(block[157:257]) or any(block[345:500]):
        raise BundleRejected("a tar header carries a link target, prefix or stray bytes")
    if any(block[265:345]) or any(block[500:512]):
        raise BundleRejected("a tar header carries owner names or device numbers")
    if block[100:108] != spec.TAR_MODE or block[108:124] != spec.TAR_ZERO_ID * 2:
        raise BundleRejected("a tar header has an unexpected mode or owner")
    _parse_octal(block[136:148], "mtime")
    size = _parse_octal(block[124:136], "size")
    try:
        name = raw_name.decode("ascii")
    except UnicodeDecodeError:
        raise BundleRejected("a tar member has a non-ASCII name") from None
    if name.startswith("/") or ".." in name.split("/"):
        raise BundleRejected(f"a tar member has an unsafe path: {name[:80]!r}")
    return name, size


class _MemberStream(io.RawIOBase):
    """One file member's bytes, read from the tar stream and hashed on the way.

    Handed to the handler, which may read all, some or none of it; the parser reads what
    is left and checks size and SHA-256 once the handler returns.
    """

    def __init__(self, read: Callable[[int], bytes], size: int) -> None:
        super().__init__()
        self._read = read
        self.remaining = size
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.remaining == 0:
            return 0
        data = self._read(min(len(b), self.remaining))
        if not data:
            raise BundleRejected("the bundle is truncated (a file is cut short)")
        n = len(data)
        b[:n] = data
        self.digest.update(data)
        self.remaining -= n
        return n

    def drain(self) -> None:
        while self.remaining:
            data = self._read(min(spec.CHUNK, self.remaining))
            if not data:
                raise BundleRejected("the bundle is truncated (a file is cut short)")
            self.digest.update(data)
            self.remaining -= len(data)


class TarParser:
    """Reads the decrypted tar stream through `read(n)` and checks it member by member.

    `read(n)` returns up to n bytes, b"" only at the end of the stream.
    """

    def __init__(
        self,
        read: Callable[[int], bytes],
        handler: BundleHandler,
        *,
        verify: Callable[[Manifest, bytes], None] | None = None,
    ) -> None:
        self._read = read
        self._handler = handler
        self._verify = verify
        self.manifest: Manifest | None = None
        self._ids: set[str] = set()
        self._kind_pos = 0
        self._counts = dict.fromkeys(spec.KINDS, 0)
        self._doc_files: dict[str, int] = {}

    # -- plumbing ---------------------------------------------------------------------------

    def _read_exact(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            chunk = self._read(min(n - len(out), spec.CHUNK))
            if not chunk:
                raise BundleRejected("the bundle is truncated (its tar stream is cut short)")
            out += chunk
        return bytes(out)

    def _padding(self, size: int) -> None:
        if any(self._read_exact(-size % spec.BLOCK)):
            raise BundleRejected("a tar member's padding is not zero")

    def _expect(self, index: int, expect: str) -> int:
        """Read the next header: it must name `expect`; returns the member's size."""
        block = self._read_exact(spec.BLOCK)
        if not any(block):
            raise BundleRejected(
                f"the bundle ends before all its members (missing {expect!r}; truncated?)"
            )
        name, size = _check_header(block)
        if name != expect:
            known = (spec.MANIFEST_NAME, spec.SIGNATURE_NAME, spec.RECORDS_NAME)
            if name in known or spec.FILE_NAME_RE.match(name):
                raise BundleRejected(f"member {name!r} is out of order (expected {expect!r})")
            raise BundleRejected(f"unknown member {name[:80]!r} (expected {expect!r})")
        if index == 0 and size > spec.MAX_MANIFEST_BYTES:
            raise BundleRejected("the manifest is larger than Satchel accepts")
        if index == 1 and size != spec.SIGNATURE_BYTES:
            raise BundleRejected("the signature has the wrong size")
        if index >= 2:
            assert self.manifest is not None
            if size != self.manifest.members[index - 2].size:
                raise BundleRejected(f"{name} has a different size than the manifest says")
        return size

    # -- the members, in order --------------------------------------------------------------

    def run(self) -> Manifest:
        size = self._expect(0, spec.MANIFEST_NAME)
        raw = self._read_exact(size)
        self._padding(size)
        # Parsed before the signature is checked: the sender's key is inside. Parsing is
        # strict and bounded, and nothing is handed on until the signature holds.
        manifest = self.manifest = parse_manifest(raw)

        self._expect(1, spec.SIGNATURE_NAME)
        signature = self._read_exact(spec.SIGNATURE_BYTES)
        self._padding(spec.SIGNATURE_BYTES)
        if not manifest.sender.verify(signature, raw):
            raise BundleRejected(
                "the manifest's signature is not valid: the bundle was altered or forged"
            )
        if self._verify is not None:
            self._verify(manifest, raw)
        self._handler.manifest(manifest)

        self._records(manifest.members[0])
        for i, member in enumerate(manifest.members[1:], start=3):
            self._expect(i, member.name)
            stream = _MemberStream(self._read, member.size)
            self._handler.file(member.sha256, member.size, stream)
            stream.drain()
            if stream.digest.hexdigest() != member.sha256:
                raise BundleRejected(f"{member.name} does not match its SHA-256 in the manifest")
            self._padding(member.size)

        block = self._read_exact(spec.BLOCK)
        if any(block):
            try:
                name = _check_header(block)[0]
            except BundleRejected:
                raise BundleRejected("the tar stream's end marker is malformed") from None
            raise BundleRejected(f"unexpected extra member {name[:80]!r}")
        if any(self._read_exact(spec.BLOCK)):
            raise BundleRejected("the tar stream's end marker is malformed")
        if self._read(1):
            raise BundleRejected("there is data after the end of the bundle's tar stream")
        return manifest

    def _records(self, member: Member) -> None:
        self._expect(2, spec.RECORDS_NAME)
        digest = hashlib.sha256()
        remaining = member.size
        line = bytearray()
        while remaining:
            data = self._read(min(spec.CHUNK, remaining))
            if not data:
                raise BundleRejected("the bundle is truncated (records.jsonl is cut short)")
            remaining -= len(data)
            digest.update(data)
            start = 0
            while True:
                nl = data.find(b"\n", start)
                if nl < 0:
                    line += data[start:]
                    break
                line += data[start:nl]
                if len(line) > spec.MAX_RECORD_LINE_BYTES:
                    raise BundleRejected("a record is larger than Satchel accepts")
                self._record_line(bytes(line))
                line.clear()
                start = nl + 1
            if len(line) > spec.MAX_RECORD_LINE_BYTES:
                raise BundleRejected("a record is larger than Satchel accepts")
        if digest.hexdigest() != member.sha256:
            raise BundleRejected("records.jsonl does not match its SHA-256 in the manifest")
        if line:
            raise BundleRejected("records.jsonl does not end with a line break")
        self._padding(member.size)
        assert self.manifest is not None
        if self._counts != self.manifest.counts:
            raise BundleRejected("the records do not match the counts in the manifest")
        files = {m.sha256: m.size for m in self.manifest.members[1:]}
        if self.manifest.documents and files != self._doc_files:
            raise BundleRejected("the files in the bundle do not match its document records")

    def _record_line(self, line: bytes) -> None:
        n = sum(self._counts.values()) + 1
        where = f"record {n}"
        if n > spec.MAX_RECORDS:
            raise BundleRejected("the bundle holds more records than Satchel accepts")
        item = _obj(_loads(line, where), frozenset({"kind", "record"}), where)
        kind = item["kind"]
        if kind not in spec.KINDS:
            raise BundleRejected(f"{where} has an unknown kind {str(kind)[:40]!r}")
        pos = spec.KINDS.index(kind)
        if pos < self._kind_pos:
            raise BundleRejected(f"{where}: records are not in the order {', '.join(spec.KINDS)}")
        self._kind_pos = pos
        record = item["record"]
        if not isinstance(record, dict):
            raise BundleRejected(f"{where} is not a JSON object")
        rid = _id(record.get("id"), f"{where}: the id")
        if rid in self._ids:
            raise BundleRejected(f"{where}: id {rid} appears twice in the bundle")
        self._ids.add(rid)
        _id(record.get("origin_vault"), f"{where}: origin_vault")
        _check_versions(record.get("versions"), where)
        assert self.manifest is not None
        if kind == "note" and not self.manifest.notes:
            raise BundleRejected("the bundle holds notes though its manifest says it does not")
        if kind == "document":
            if not self.manifest.documents:
                raise BundleRejected("the bundle holds documents though its manifest says not")
            sha = record.get("sha256")
            size = record.get("size")
            if not isinstance(sha, str) or not spec.SHA256_RE.match(sha) or type(size) is not int:
                raise BundleRejected(f"{where}: a document needs its sha256 and size")
            if self._doc_files.setdefault(sha, size) != size:
                raise BundleRejected(f"{where}: two documents share a hash but not a size")
        self._counts[kind] += 1
        self._handler.record(kind, record)


# -- decryption in a helper thread -----------------------------------------------------------


class _Abandoned(Exception):
    """The reading side stopped (rejected, cancelled); the decrypting side must stop too."""


_EOF = object()


class _DecryptingSource:
    """Runs age decryption in a helper thread and serves the plaintext through `read(n)`.

    pyrage pushes plaintext into a writer, while the vault's document intake pulls from a
    stream on the thread that owns the database connection. A bounded queue between the
    two keeps memory at a few MiB whatever the bundle's size. Nothing here touches disk.
    """

    _QUEUE_ITEMS = 16
    _BATCH = 256 * 1024

    def __init__(
        self,
        fh: BinaryIO,
        identities: list[Any] | None,
        passphrase: str | None,
        cancel: Callable[[], bool] | None,
        progress: Callable[[int, int], None] | None,
        total: int,
    ) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(self._QUEUE_ITEMS)
        self._abandoned = threading.Event()
        self._buf = memoryview(b"")
        self._done = False
        self._cancel = cancel
        self._progress = progress
        self._total = total
        self._count = 0
        self._fh = fh
        self._thread = threading.Thread(
            target=self._decrypt,
            args=(identities, passphrase),
            name="satchel-bundle-decrypt",
            daemon=True,
        )

    def __enter__(self) -> _DecryptingSource:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._abandoned.set()
        # Unblock a producer waiting on a full queue, then wait for it to finish.
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    def _put(self, item: Any) -> None:
        while True:
            if self._abandoned.is_set():
                raise _Abandoned()
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _decrypt(self, identities: list[Any] | None, passphrase: str | None) -> None:
        # pyrage hands over 8 KiB at a time; batching keeps the queue traffic (a lock and a
        # wake-up per item) small next to the decryption itself.
        pending = bytearray()

        def sink(data: bytes) -> None:
            pending.extend(data)
            if len(pending) >= self._BATCH:
                self._put(bytes(pending))
                pending.clear()

        try:
            agefile.decrypt_stream(self._fh, sink, identities=identities, passphrase=passphrase)
            if pending:
                self._put(bytes(pending))
        except _Abandoned:
            return
        except BaseException as exc:  # handed to the reading thread, which re-raises it
            with contextlib.suppress(_Abandoned):
                self._put(exc)
            return
        with contextlib.suppress(_Abandoned):
            self._put(_EOF)

    def read(self, n: int) -> bytes:
        agefile.check_cancel(self._cancel)
        while not self._buf:
            if self._done:
                return b""
            item = self._queue.get()
            if item is _EOF:
                self._done = True
                return b""
            if isinstance(item, BaseException):
                self._done = True
                raise item
            self._buf = memoryview(item)
        out = bytes(self._buf[:n])
        self._buf = self._buf[len(out) :]
        self._count += len(out)
        if self._progress is not None:
            self._progress(self._count, self._total)
        return out


class BundleReader:
    """Opens a bundle file and runs it through age and the tar parser.

    `identity` (a vault's) opens bundles sent to keys, `passphrase` the scrypt kind.
    `verify(manifest, raw)` is called once the signature holds and before any record is
    handed over; it can refuse the bundle (e.g. the manifest differs from the previewed one).
    """

    def __init__(
        self,
        source: str | Path | BinaryIO,
        *,
        identity: Identity | None = None,
        passphrase: str | None = None,
    ) -> None:
        self._source = source
        self._identity = identity
        self._passphrase = passphrase

    def read(
        self,
        handler: BundleHandler | None = None,
        *,
        verify: Callable[[Manifest, bytes], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Manifest:
        """Decrypt and check the whole bundle, handing its content to `handler`."""
        if self._passphrase is None and self._identity is None:
            raise BundleRejected("no key or passphrase to open the bundle with")
        if isinstance(self._source, str | Path):
            with open_regular(self._source) as fh:
                return self._read(fh, handler, verify, progress, cancel)
        return self._read(self._source, handler, verify, progress, cancel)

    def _read(
        self,
        fh: BinaryIO,
        handler: BundleHandler | None,
        verify: Callable[[Manifest, bytes], None] | None,
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Manifest:
        agefile.sniff(fh)  # a clear message for a file that is not age at all, up front
        try:
            total = os.fstat(fh.fileno()).st_size
        except (OSError, AttributeError, io.UnsupportedOperation):
            total = 0
        identities = [self._identity.age_identity] if self._identity is not None else None
        with _DecryptingSource(fh, identities, self._passphrase, cancel, progress, total) as src:
            return TarParser(src.read, handler or _Discard(), verify=verify).run()


def inspect_tar(data: bytes) -> Manifest:
    """Parse an already-decrypted tar stream held in memory (tests, fuzzing, vectors)."""
    return TarParser(io.BytesIO(data).read, _Discard()).run()
