"""Reading bundles strictly: age decryption, the tar stream, the signed manifest, every hash.

The reader accepts exactly docs/bundle-format.md versions 1 and 2 and refuses everything else with
one BundleRejected(reason): unknown or out-of-order members, links, directories, devices,
absolute or `..` paths, sizes over the limits in `spec`, duplicate ids, trailing data, a
manifest with unknown fields or versions, a hash or size mismatch, a bad signature.

Decryption runs in a helper thread and feeds a bounded queue; the parser pulls from it and
checks every piece as it comes, so memory stays bounded whatever the bundle's size. What it
hands to its handler is tentative until `read()` returns: a handler that writes must do so
inside a transaction it rolls back on any exception. This module itself never writes
anything anywhere.

This module is long: every check of a hostile bundle raises its own coded error (code,
English template, parameters; see satchel.errors), one call of several lines each.
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
    version: int  # 1, or 2 when the bundle may carry tombstones
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
    # dict() in C, then one length test: every object of every record passes here.
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise BundleRejected(
                    "duplicate JSON key {key!r}", code="bundle_duplicate_json_key", key=key[:40]
                )
            seen.add(key)
    return out


def _no_constant(name: str) -> Any:
    raise BundleRejected(
        "JSON constant {name} is not allowed", code="bundle_json_constant_not_allowed", name=name
    )


# One decoder for every line: json.loads with a hook builds a new one per call.
_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


def _loads(raw: bytes, what: str) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(
            "{what} is not valid UTF-8", code="bundle_not_valid_utf_8", what=what
        ) from None
    try:
        if text.startswith("\ufeff"):  # as json.loads refuses it
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        return _DECODER.decode(text)
    except RecursionError:
        raise BundleRejected(
            "{what} is nested too deeply", code="bundle_nested_too_deeply", what=what
        ) from None
    except json.JSONDecodeError as exc:
        raise BundleRejected(
            "{what} is not valid JSON ({msg})", code="bundle_not_valid_json", what=what, msg=exc.msg
        ) from None
    except ValueError:
        # A number of more than 4,300 digits: Python refuses to read it (JSONDecodeError
        # is a ValueError too, so this comes after it).
        raise BundleRejected(
            "{what} holds a number too long to read",
            code="bundle_holds_number_too_long_read",
            what=what,
        ) from None


def _obj(value: Any, keys: frozenset[str], what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BundleRejected(
            "{what} must be a JSON object", code="bundle_must_json_object", what=what
        )
    unknown = set(value) - keys
    missing = keys - set(value)
    if unknown:
        raise BundleRejected(
            "{what} has unknown field(s): {items}",
            code="bundle_unknown_field_s",
            what=what,
            items=", ".join(sorted(unknown))[:200],
        )
    if missing:
        raise BundleRejected(
            "{what} lacks field(s): {items}",
            code="bundle_lacks_field_s",
            what=what,
            items=", ".join(sorted(missing)),
        )
    return value


def _str(value: Any, what: str, max_len: int = 200) -> str:
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise BundleRejected(
            "{what} must be a non-empty text of at most {max_len} characters",
            code="bundle_must_non_empty_text_most",
            what=what,
            max_len=max_len,
        )
    return value


def _int(value: Any, what: str, lo: int, hi: int) -> int:
    # bool is an int in Python; JSON true is not a count.
    if type(value) is not int or not lo <= value <= hi:
        raise BundleRejected(
            "{what} must be a whole number from {lo} to {hi}",
            code="bundle_must_whole_number_from",
            what=what,
            lo=lo,
            hi=hi,
        )
    return value


def _bool(value: Any, what: str) -> bool:
    if type(value) is not bool:
        raise BundleRejected(
            "{what} must be true or false", code="bundle_must_true_false", what=what
        )
    return value


def _id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not spec.UUID_RE.match(value):
        raise BundleRejected(
            "{what} must be a lower-case UUID", code="bundle_must_lower_case_uuid", what=what
        )
    return value


def parse_manifest(raw: bytes) -> Manifest:
    """Parse and check a manifest's fields (not its signature)."""
    data = _obj(_loads(raw, "the manifest"), spec.MANIFEST_KEYS, "the manifest")
    if data["format"] != spec.FORMAT:
        raise BundleRejected(
            "this is not a Satchel bundle (manifest format)",
            code="bundle_not_satchel_bundle_manifest_format",
        )
    if type(data["version"]) is not int or data["version"] not in spec.VERSIONS_READ:
        raise BundleRejected(
            "bundle format version {version!r} is not supported by this Satchel (it reads "
            "version {version2}); update Satchel",
            code="bundle_format_version_not_supported",
            version=data["version"],
            version2=spec.VERSION,
        )
    version: int = data["version"]
    kinds = spec.line_kinds(version)
    created = _str(data["created_at"], "created_at", 20)
    if not spec.CREATED_AT_RE.match(created):
        raise BundleRejected(
            "created_at must be a UTC time like 2026-01-31T12:00:00Z",
            code="bundle_created_must_utc_time_like",
        )
    try:
        created_at = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise BundleRejected(
            "created_at is not a real date and time", code="bundle_created_not_real_date_time"
        ) from None

    sender = _obj(data["sender"], spec.SENDER_KEYS, "the manifest's sender")
    try:
        pub = PublicIdentity.checked(
            _str(sender["name"], "the sender's name"),
            _str(sender["age_recipient"], "the sender's age key", 100),
            _str(sender["signing_key"], "the sender's signing key", 60),
        )
    except CardError as exc:
        raise BundleRejected(
            "the sender's identity is malformed: {detail}",
            code="bundle_sender_s_identity_malformed",
            detail=exc,
        ) from None
    if pub.name != sender["name"]:
        raise BundleRejected(
            "the sender's name has surrounding spaces",
            code="bundle_sender_s_name_surrounding_spaces",
        )
    if sender["fingerprint"] != pub.fingerprint:
        raise BundleRejected(
            "the sender's fingerprint does not match the sender's keys",
            code="bundle_sender_s_fingerprint_does_not",
        )
    vault_id = _id(sender["vault_id"], "the sender's vault id")

    rec = _obj(data["recipients"], spec.RECIPIENTS_KEYS, "the manifest's recipients")
    mode = rec["mode"]
    if mode not in (spec.MODE_KEYS, spec.MODE_PASSPHRASE):
        raise BundleRejected(
            "the recipients' mode is unknown", code="bundle_recipients_mode_unknown"
        )
    if not isinstance(rec["list"], list) or len(rec["list"]) > spec.MAX_RECIPIENTS:
        raise BundleRejected(
            "the recipients list is malformed or too long",
            code="bundle_recipients_list_malformed_too_long",
        )
    recipients = []
    for entry in rec["list"]:
        e = _obj(entry, spec.RECIPIENT_KEYS, "a recipient")
        fp = _str(e["fingerprint"], "a recipient's fingerprint", 60)
        if not spec.FINGERPRINT_RE.match(fp):
            raise BundleRejected(
                "a recipient's fingerprint must be 60 digits",
                code="bundle_recipient_s_fingerprint_must_60",
            )
        recipients.append(RecipientEntry(_str(e["name"], "a recipient's name"), fp))
    if len({r.fingerprint for r in recipients}) != len(recipients):
        raise BundleRejected("a recipient is listed twice", code="bundle_recipient_listed_twice")
    if mode == spec.MODE_PASSPHRASE and recipients:
        raise BundleRejected(
            "a passphrase bundle lists no recipient keys",
            code="bundle_passphrase_bundle_lists_no_recipient",
        )
    if mode == spec.MODE_KEYS and pub.fingerprint not in {r.fingerprint for r in recipients}:
        raise BundleRejected(
            "the sender is not among the bundle's recipients",
            code="bundle_sender_not_among_bundle_s",
        )

    contents = _obj(data["contents"], spec.CONTENTS_KEYS, "the manifest's contents")
    if not isinstance(contents["cases"], list) or len(contents["cases"]) > spec.MAX_CASES:
        raise BundleRejected(
            "the list of cases is malformed or too long",
            code="bundle_list_cases_malformed_too_long",
        )
    cases = tuple(_id(c, "a case id") for c in contents["cases"])
    if len(set(cases)) != len(cases):
        raise BundleRejected("a case is listed twice", code="bundle_case_listed_twice")
    counts_raw = _obj(contents["counts"], frozenset(kinds), "the manifest's counts")
    counts = {k: _int(counts_raw[k], f"the count of {k}", 0, spec.MAX_RECORDS) for k in kinds}
    if sum(counts.values()) > spec.MAX_RECORDS:
        raise BundleRejected(
            "the bundle holds more records than Satchel accepts ({max_records:,})",
            code="bundle_holds_more_records_limit",
            max_records=spec.MAX_RECORDS,
        )
    documents = _bool(contents["documents"], "contents.documents")
    notes = _bool(contents["notes"], "contents.notes")

    if not isinstance(data["members"], list) or not data["members"]:
        raise BundleRejected(
            "the manifest's member list is malformed",
            code="bundle_manifest_s_member_list_malformed",
        )
    if len(data["members"]) > spec.MAX_FILES + 1:
        raise BundleRejected(
            "the bundle has more files than Satchel accepts",
            code="bundle_more_files_satchel_accepts",
        )
    members = []
    for i, entry in enumerate(data["members"]):
        m = _obj(entry, spec.MEMBER_KEYS, "a member entry")
        name = _str(m["name"], "a member name", 100)
        sha = _str(m["sha256"], "a member hash", 64)
        if not spec.SHA256_RE.match(sha):
            raise BundleRejected(
                "a member hash must be 64 lower-case hex digits",
                code="bundle_member_hash_must_64_lower",
            )
        if i == 0:
            if name != spec.RECORDS_NAME:
                raise BundleRejected(
                    "the first listed member must be records.jsonl",
                    code="bundle_first_listed_member_must_records",
                )
            size = _int(m["size"], "the size of records.jsonl", 0, spec.MAX_RECORDS_BYTES)
        else:
            if not spec.FILE_NAME_RE.match(name) or name != spec.FILES_PREFIX + sha:
                raise BundleRejected(
                    "member {name!r} is not files/<its sha256>",
                    code="bundle_member_not_files_sha256",
                    name=name[:80],
                )
            size = _int(m["size"], "a file size", 0, spec.MAX_FILE_BYTES)
        members.append(Member(name, size, sha))
    if len({m.name for m in members}) != len(members):
        raise BundleRejected("a member is listed twice", code="bundle_member_listed_twice")
    if not documents and len(members) > 1:
        raise BundleRejected(
            "the manifest says documents are left out but lists files",
            code="bundle_manifest_says_documents_are_left",
        )
    if not notes and counts["note"]:
        raise BundleRejected(
            "the manifest says notes are left out but counts notes",
            code="bundle_manifest_says_notes_are_left",
        )
    return Manifest(
        raw=raw,
        version=version,
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
        raise BundleRejected(
            "{where}: versions must be a non-empty list",
            code="bundle_versions_must_non_empty_list",
            where=where,
        )
    seen = set()
    for pair in value:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or type(pair[1]) is not int
            or pair[1] < 1
        ):
            raise BundleRejected(
                "{where}: versions must be [vault id, edits ≥ 1] pairs",
                code="bundle_versions_must_vault_id_edits",
                where=where,
            )
        _id(pair[0], f"{where}: a vault id in versions")
        if pair[0] in seen:
            raise BundleRejected(
                "{where}: a vault appears twice in versions",
                code="bundle_vault_appears_twice_versions",
                where=where,
            )
        seen.add(pair[0])


def _check_tombstone(record: dict[str, Any], size: int, where: str) -> None:
    """A tombstone's exact shape (docs/bundle-format.md, section 6a): small, every field
    known, the deleted record's kind and the cases it belonged to."""
    if size > spec.MAX_TOMBSTONE_LINE_BYTES:
        raise BundleRejected(
            "{where}: a tombstone is larger than Satchel accepts",
            code="bundle_tombstone_too_large",
            where=where,
        )
    _obj(record, spec.TOMBSTONE_KEYS, where)
    kind = record["record_kind"]
    if kind not in spec.KINDS:
        raise BundleRejected(
            "{where}: a tombstone names an unknown kind of record",
            code="bundle_tombstone_unknown_kind",
            where=where,
        )
    cases = record["cases"]
    if not isinstance(cases, list) or len(cases) > spec.MAX_TOMBSTONE_CASES:
        raise BundleRejected(
            "{where}: a tombstone's cases must be a list of at most {limit} case ids",
            code="bundle_tombstone_cases",
            where=where,
            limit=spec.MAX_TOMBSTONE_CASES,
        )
    for case_id in cases:
        _id(case_id, f"{where}: a case id")
    if len(set(cases)) != len(cases):
        raise BundleRejected(
            "{where}: a tombstone lists a case twice",
            code="bundle_tombstone_case_twice",
            where=where,
        )
    # A person may have had roles in several cases; anything else was in exactly one.
    if (kind == "person" and not cases) or (kind != "person" and len(cases) != 1):
        raise BundleRejected(
            "{where}: a tombstone of a {kind} must name the case it was in",
            code="bundle_tombstone_needs_case",
            where=where,
            kind=kind,
        )
    if kind == "case" and cases != [record["id"]]:
        raise BundleRejected(
            "{where}: a case's tombstone must name that case",
            code="bundle_tombstone_case_self",
            where=where,
        )
    deleted_at = record["deleted_at"]
    if not isinstance(deleted_at, str) or not spec.DELETED_AT_RE.match(deleted_at):
        raise BundleRejected(
            "{where}: a tombstone's deleted_at must be a UTC time with microseconds",
            code="bundle_tombstone_time",
            where=where,
        )


# -- the tar layer ---------------------------------------------------------------------------


def _parse_octal(field_: bytes, what: str) -> int:
    """An ustar numeric field: octal digits then one NUL, nothing else (no base-256)."""
    digits = field_[:-1]
    if field_[-1:] != b"\0" or not digits or any(c not in b"01234567" for c in digits):
        raise BundleRejected(
            "a tar header has a malformed {what} field",
            code="bundle_tar_header_malformed_field",
            what=what,
        )
    return int(digits, 8)


def _check_header(block: bytes) -> tuple[str, int]:
    """Check one 512-byte header against the only shape this format writes."""
    stored = block[148:156]
    computed = sum(block[:148]) + 8 * 32 + sum(block[156:])
    if stored[6:8] != b"\0 " or _parse_octal(stored[:7], "checksum") != computed:
        raise BundleRejected(
            "a tar header's checksum is wrong (the bundle was altered)",
            code="bundle_tar_header_s_checksum_wrong",
        )
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
        raise BundleRejected(
            "the bundle contains a {what}; only regular files are allowed",
            code="bundle_contains_regular_files_are",
            what=what,
        )
    if block[257:263] != spec.TAR_MAGIC or block[263:265] != spec.TAR_VERSION:
        raise BundleRejected(
            "a tar header is not POSIX ustar", code="bundle_tar_header_not_posix_ustar"
        )
    raw_name = block[0:100].rstrip(b"\0")
    if b"\0" in raw_name or any(block[157:257]) or any(block[345:500]):
        raise BundleRejected(
            "a tar header carries a link target, prefix or stray bytes",
            code="bundle_tar_header_carries_link_target",
        )
    if any(block[265:345]) or any(block[500:512]):
        raise BundleRejected(
            "a tar header carries owner names or device numbers",
            code="bundle_tar_header_carries_owner_names",
        )
    if block[100:108] != spec.TAR_MODE or block[108:124] != spec.TAR_ZERO_ID * 2:
        raise BundleRejected(
            "a tar header has an unexpected mode or owner",
            code="bundle_tar_header_unexpected_mode_owner",
        )
    _parse_octal(block[136:148], "mtime")
    size = _parse_octal(block[124:136], "size")
    try:
        name = raw_name.decode("ascii")
    except UnicodeDecodeError:
        raise BundleRejected(
            "a tar member has a non-ASCII name", code="bundle_tar_member_non_ascii_name"
        ) from None
    if name.startswith("/") or ".." in name.split("/"):
        raise BundleRejected(
            "a tar member has an unsafe path: {name!r}",
            code="bundle_tar_member_unsafe_path",
            name=name[:80],
        )
    return name, size


# A member at least this large is hashed on a thread of its own (see _ThreadedDigest).
THREADED_HASH_BYTES = 4 * 1024 * 1024


class _ThreadedDigest:
    """SHA-256 of a stream, computed on a thread of its own while the caller goes on.

    A document's bytes are hashed while the vault stores them: hashlib and SQLCipher both
    let go of the GIL, so on two cores the hash costs no wall time. Inline, it was about a
    fifth of a documents import (256 MiB: 0.65 s of 2.9 s). At most `_BACKLOG` pieces wait,
    so memory stays bounded whichever side is slower. `hexdigest()` waits for the rest;
    `close()` (always called) ends the thread when the member is abandoned half-way.
    """

    _BACKLOG = 8

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=self._BACKLOG)
        self._thread = threading.Thread(target=self._run, name="satchel-member-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            self._digest.update(data)

    def update(self, data: bytes) -> None:
        if self._thread.is_alive():
            self._queue.put(data)
        else:
            self._digest.update(data)  # after close(): on this thread, in order

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.close()
        return self._digest.hexdigest()


class _MemberStream(io.RawIOBase):
    """One file member's bytes, read from the tar stream and hashed on the way.

    Handed to the handler, which may read all, some or none of it; the parser reads what
    is left and checks size and SHA-256 once the handler returns. A large member is hashed
    on a thread of its own (_ThreadedDigest); the parser ends it with `end_hashing()`.
    """

    def __init__(self, read: Callable[[int], bytes], size: int) -> None:
        super().__init__()
        self._read = read
        self.remaining = size
        self.digest: Any = _ThreadedDigest() if size >= THREADED_HASH_BYTES else hashlib.sha256()

    def end_hashing(self) -> None:
        if isinstance(self.digest, _ThreadedDigest):
            self.digest.close()

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.remaining == 0:
            return 0
        data = self._read(min(len(b), self.remaining))
        if not data:
            raise BundleRejected(
                "the bundle is truncated (a file is cut short)",
                code="bundle_truncated_file_cut_short",
            )
        n = len(data)
        b[:n] = data
        self.digest.update(data)
        self.remaining -= n
        return n

    def drain(self) -> None:
        while self.remaining:
            data = self._read(min(spec.CHUNK, self.remaining))
            if not data:
                raise BundleRejected(
                    "the bundle is truncated (a file is cut short)",
                    code="bundle_truncated_file_cut_short",
                )
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
        files: bool = True,
    ) -> None:
        self._read = read
        self._handler = handler
        self._verify = verify
        self._files = files
        self.manifest: Manifest | None = None
        self._ids: set[str] = set()
        self._kind_pos = 0
        self._counts: dict[str, int] = {}
        self._kinds: tuple[str, ...] = spec.KINDS
        self._tombstone_entries = 0  # case ids and vector entries of every tombstone
        self._doc_files: dict[str, int] = {}

    # -- plumbing ---------------------------------------------------------------------------

    def _read_exact(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            chunk = self._read(min(n - len(out), spec.CHUNK))
            if not chunk:
                raise BundleRejected(
                    "the bundle is truncated (its tar stream is cut short)",
                    code="bundle_truncated_tar_stream_cut",
                )
            out += chunk
        return bytes(out)

    def _padding(self, size: int) -> None:
        if any(self._read_exact(-size % spec.BLOCK)):
            raise BundleRejected(
                "a tar member's padding is not zero", code="bundle_tar_member_s_padding_not"
            )

    def _expect(self, index: int, expect: str) -> int:
        """Read the next header: it must name `expect`; returns the member's size."""
        block = self._read_exact(spec.BLOCK)
        if not any(block):
            raise BundleRejected(
                "the bundle ends before all its members (missing {expect!r}; truncated?)",
                code="bundle_ends_before_all_members",
                expect=expect,
            )
        name, size = _check_header(block)
        if name != expect:
            known = (spec.MANIFEST_NAME, spec.SIGNATURE_NAME, spec.RECORDS_NAME)
            if name in known or spec.FILE_NAME_RE.match(name):
                raise BundleRejected(
                    "member {name!r} is out of order (expected {expect!r})",
                    code="bundle_member_out_order_expected",
                    name=name,
                    expect=expect,
                )
            raise BundleRejected(
                "unknown member {name!r} (expected {expect!r})",
                code="bundle_unknown_member_expected",
                name=name[:80],
                expect=expect,
            )
        if index == 0 and size > spec.MAX_MANIFEST_BYTES:
            raise BundleRejected(
                "the manifest is larger than Satchel accepts",
                code="bundle_manifest_larger_satchel_accepts",
            )
        if index == 1 and size != spec.SIGNATURE_BYTES:
            raise BundleRejected(
                "the signature has the wrong size", code="bundle_signature_wrong_size"
            )
        if index >= 2:
            assert self.manifest is not None
            if size != self.manifest.members[index - 2].size:
                raise BundleRejected(
                    "{name} has a different size than the manifest says",
                    code="bundle_different_size_manifest_says",
                    name=name,
                )
        return size

    # -- the members, in order --------------------------------------------------------------

    def run(self) -> Manifest:
        size = self._expect(0, spec.MANIFEST_NAME)
        raw = self._read_exact(size)
        self._padding(size)
        # Parsed before the signature is checked: the sender's key is inside. Parsing is
        # strict and bounded, and nothing is handed on until the signature holds.
        manifest = self.manifest = parse_manifest(raw)
        self._kinds = spec.line_kinds(manifest.version)
        self._counts = dict.fromkeys(self._kinds, 0)

        self._expect(1, spec.SIGNATURE_NAME)
        signature = self._read_exact(spec.SIGNATURE_BYTES)
        self._padding(spec.SIGNATURE_BYTES)
        if not manifest.sender.verify(signature, raw):
            raise BundleRejected(
                "the manifest's signature is not valid: the bundle was altered or forged",
                code="bundle_manifest_s_signature_not_valid",
            )
        if self._verify is not None:
            self._verify(manifest, raw)
        self._handler.manifest(manifest)

        self._records(manifest.members[0])
        if not self._files:
            # A preview: the manifest, its signature and every record are checked; the files'
            # sizes and SHA-256 are signed in the manifest, and the import checks each as it
            # writes it (one transaction, rolled back on the first mismatch).
            return manifest
        for i, member in enumerate(manifest.members[1:], start=3):
            self._expect(i, member.name)
            stream = _MemberStream(self._read, member.size)
            try:
                self._handler.file(member.sha256, member.size, stream)
                stream.drain()
                digest = stream.digest.hexdigest()
            finally:
                stream.end_hashing()  # the thread ends, whether the member was read or not
            if digest != member.sha256:
                raise BundleRejected(
                    "{name} does not match its SHA-256 in the manifest",
                    code="bundle_does_not_match_sha_256",
                    name=member.name,
                )
            self._padding(member.size)

        block = self._read_exact(spec.BLOCK)
        if any(block):
            try:
                name = _check_header(block)[0]
            except BundleRejected:
                raise BundleRejected(
                    "the tar stream's end marker is malformed",
                    code="bundle_tar_stream_s_end_marker",
                ) from None
            raise BundleRejected(
                "unexpected extra member {name!r}",
                code="bundle_unexpected_extra_member",
                name=name[:80],
            )
        if any(self._read_exact(spec.BLOCK)):
            raise BundleRejected(
                "the tar stream's end marker is malformed", code="bundle_tar_stream_s_end_marker"
            )
        if self._read(1):
            raise BundleRejected(
                "there is data after the end of the bundle's tar stream",
                code="bundle_there_data_after_end_bundle",
            )
        return manifest

    def _records(self, member: Member) -> None:
        self._expect(2, spec.RECORDS_NAME)
        digest = hashlib.sha256()
        remaining = member.size
        line = bytearray()
        while remaining:
            data = self._read(min(spec.CHUNK, remaining))
            if not data:
                raise BundleRejected(
                    "the bundle is truncated (records.jsonl is cut short)",
                    code="bundle_truncated_records_jsonl_cut",
                )
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
                    raise BundleRejected(
                        "a record is larger than Satchel accepts",
                        code="bundle_record_larger_satchel_accepts",
                    )
                self._record_line(bytes(line))
                line.clear()
                start = nl + 1
            if len(line) > spec.MAX_RECORD_LINE_BYTES:
                raise BundleRejected(
                    "a record is larger than Satchel accepts",
                    code="bundle_record_larger_satchel_accepts",
                )
        if digest.hexdigest() != member.sha256:
            raise BundleRejected(
                "records.jsonl does not match its SHA-256 in the manifest",
                code="bundle_records_jsonl_does_not_match",
            )
        if line:
            raise BundleRejected(
                "records.jsonl does not end with a line break",
                code="bundle_records_jsonl_does_not_end",
            )
        self._padding(member.size)
        assert self.manifest is not None
        if self._counts != self.manifest.counts:
            raise BundleRejected(
                "the records do not match the counts in the manifest",
                code="bundle_records_do_not_match_counts",
            )
        files = {m.sha256: m.size for m in self.manifest.members[1:]}
        if self.manifest.documents and files != self._doc_files:
            raise BundleRejected(
                "the files in the bundle do not match its document records",
                code="bundle_files_bundle_do_not_match",
            )

    def _record_line(self, line: bytes) -> None:
        n = sum(self._counts.values()) + 1
        where = f"record {n}"
        if n > spec.MAX_RECORDS:
            raise BundleRejected(
                "the bundle holds more records than Satchel accepts",
                code="bundle_holds_more_records_satchel",
            )
        item = _obj(_loads(line, where), frozenset({"kind", "record"}), where)
        kind = item["kind"]
        if kind not in self._kinds:
            raise BundleRejected(
                "{where} has an unknown kind {kind!r}",
                code="bundle_unknown_kind",
                where=where,
                kind=str(kind)[:40],
            )
        pos = self._kinds.index(kind)
        if pos < self._kind_pos:
            raise BundleRejected(
                "{where}: records are not in the order {items}",
                code="bundle_records_are_not_order",
                where=where,
                items=", ".join(self._kinds),
            )
        self._kind_pos = pos
        record = item["record"]
        if not isinstance(record, dict):
            raise BundleRejected(
                "{where} is not a JSON object", code="bundle_not_json_object", where=where
            )
        rid = _id(record.get("id"), f"{where}: the id")
        if rid in self._ids:
            raise BundleRejected(
                "{where}: id {rid} appears twice in the bundle",
                code="bundle_id_appears_twice_bundle",
                where=where,
                rid=rid,
            )
        self._ids.add(rid)
        _id(record.get("origin_vault"), f"{where}: origin_vault")
        _check_versions(record.get("versions"), where)
        assert self.manifest is not None
        if kind == spec.TOMBSTONE:
            _check_tombstone(record, len(line), where)
            self._tombstone_entries += len(record["cases"]) + len(record["versions"])
            if self._tombstone_entries > spec.MAX_TOMBSTONE_ENTRIES:
                raise BundleRejected(
                    "the bundle's deletions are larger than Satchel accepts",
                    code="bundle_tombstones_too_large",
                )
            left_out = (record["record_kind"] == "note" and not self.manifest.notes) or (
                record["record_kind"] == "document" and not self.manifest.documents
            )
            if left_out:
                raise BundleRejected(
                    "{where}: a tombstone of a kind the manifest says is left out",
                    code="bundle_tombstone_left_out",
                    where=where,
                )
        if kind == "note" and not self.manifest.notes:
            raise BundleRejected(
                "the bundle holds notes though its manifest says it does not",
                code="bundle_holds_notes_though_manifest",
            )
        if kind == "document":
            if not self.manifest.documents:
                raise BundleRejected(
                    "the bundle holds documents though its manifest says not",
                    code="bundle_holds_documents_though_manifest",
                )
            sha = record.get("sha256")
            size = record.get("size")
            if not isinstance(sha, str) or not spec.SHA256_RE.match(sha) or type(size) is not int:
                raise BundleRejected(
                    "{where}: a document needs its sha256 and size",
                    code="bundle_document_needs_sha256_size",
                    where=where,
                )
            if self._doc_files.setdefault(sha, size) != size:
                raise BundleRejected(
                    "{where}: two documents share a hash but not a size",
                    code="bundle_two_documents_share_hash_but",
                    where=where,
                )
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
        files: bool = True,
    ) -> Manifest:
        """Decrypt and check the whole bundle, handing its content to `handler`.

        With `files=False` reading stops after records.jsonl (a preview): the document
        bodies are neither decrypted nor checked, and the rest of the age stream is not
        read, so its end is not checked either. Whoever uses the records then must read the
        bundle again whole before relying on anything (the import does, in one transaction).
        """
        if self._passphrase is None and self._identity is None:
            raise BundleRejected(
                "no key or passphrase to open the bundle with",
                code="bundle_no_key_passphrase_open_bundle",
            )
        if isinstance(self._source, str | Path):
            with open_regular(self._source) as fh:
                return self._read(fh, handler, verify, progress, cancel, files)
        return self._read(self._source, handler, verify, progress, cancel, files)

    def _read(
        self,
        fh: BinaryIO,
        handler: BundleHandler | None,
        verify: Callable[[Manifest, bytes], None] | None,
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
        files: bool = True,
    ) -> Manifest:
        agefile.sniff(fh)  # a clear message for a file that is not age at all, up front
        try:
            total = os.fstat(fh.fileno()).st_size
        except (OSError, AttributeError, io.UnsupportedOperation):
            total = 0
        identities = [self._identity.age_identity] if self._identity is not None else None
        with _DecryptingSource(fh, identities, self._passphrase, cancel, progress, total) as src:
            parser = TarParser(src.read, handler or _Discard(), verify=verify, files=files)
            return parser.run()


def inspect_tar(data: bytes) -> Manifest:
    """Parse an already-decrypted tar stream held in memory (tests, fuzzing, vectors)."""
    return TarParser(io.BytesIO(data).read, _Discard()).run()
