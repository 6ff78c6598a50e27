"""Import: preview what a bundle would change, then apply it in one transaction.

`plan_import` decrypts and verifies the bundle up to the end of its records (age, the
signature, records.jsonl's signed SHA-256 and size, every record's schema) and compares
each record's version vector with the local one, writing nothing: new, changed (incoming
dominates), unchanged (equal, or a stale version the vault has already seen) and conflicts
(both sides edited). It also says who sent it: verified, unverified, key changed, unknown,
or this vault itself. The document bodies are not read then: the signed manifest names
each one's size and SHA-256, and the import checks them as it writes them (`files=True`
checks them in the preview too, for `satchel bundle inspect`).

`apply_import` reads the bundle again, once and whole (the file on disk is not trusted to
be the one previewed: its signed manifest must be byte-identical) and writes as it verifies,
inside ONE transaction: records through the stores' `put_raw_many`, documents streamed chunk
by chunk into the vault, conflicts into the conflicts table. Any failure - a bad byte in
the last document, the age stream cut short, a cancel, a full disk - rolls everything back,
so the vault is exactly as before. Importing the same bundle twice, or an older one after a
newer, changes nothing. No plaintext touches the disk.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satchel.bundle.format import spec
from satchel.bundle.format.reader import BundleReader, Manifest
from satchel.bundle.outcome import (
    ImportPreview,
    ImportResult,
    RecordRef,
    SenderState,
    SenderStatus,
    sender_status,
)
from satchel.bundle.records import check_local, record_label, record_stores, refuse_other_kinds
from satchel.bundle.tombstones import (
    check_against_tombstone,
    check_tombstone_claims,
    decide_deletions,
    tombstone_conflict,
    versus_deletion,
)
from satchel.core.codec import from_dict, parse_timestamp
from satchel.core.trash import Tombstone
from satchel.core.versions import Order, compare_versions, versions_from_json
from satchel.errors import BundleRejected, DiskFull, DocumentDamaged, FileSizeLimit, InvalidInput

if TYPE_CHECKING:
    from satchel.core.vault import Vault

__all__ = [
    "ImportPreview",
    "ImportResult",
    "RecordRef",
    "SenderState",
    "SenderStatus",
    "apply_import",
    "plan_import",
    "record_label",
    "record_stores",
]


_IMPORT_CACHE_KIB = 16 * 1024
"""SQLite's page cache while an import writes: measured on 50,000 events, 16 MiB was
both faster (7.8-8.1 s against 9.4 s) and far smaller (106 MB peak against 158 MB) than
the usual 64 MiB; 1 GiB of documents went as fast either way. Dirty pages beyond it
are written to the (encrypted) database file before the commit, as always."""

_BATCH = 1000
"""Records of one kind written per `put_raw_many`: one statement each for rows and audit
lines instead of a savepoint, a lookup and two INSERTs per record (a few hundred KB held)."""

_BATCH_TEXT = 2 * 1024 * 1024
"""...or fewer, once their text reaches this many characters: records at the field limits
(a note of a million characters) would otherwise hold a thousand times that per batch."""


def _text_size(value: Any) -> int:
    """Characters of text in a record as parsed from JSON (strings, nested anywhere)."""
    # Iterative, one type test per value: this runs on every record of an import.
    size = 0
    stack = [value]
    while stack:
        item = stack.pop()
        cls = type(item)
        if cls is str:
            size += len(item)
        elif cls is dict:
            stack.extend(item.values())
        elif cls is list:
            stack.extend(item)
    return size


def _check_record(kind: str, record: dict[str, Any]) -> None:
    """The record schema, as the stores would read it (strict: unknown fields refused)."""
    try:
        from_dict(kind, record)
    except InvalidInput as exc:
        raise BundleRejected(
            "a {kind} record ({id}) is not valid: {detail}",
            code="bundle_record_not_valid",
            kind=kind,
            id=record.get("id"),
            detail=exc,
        ) from None


def _check_claims(cases: frozenset[str], kind: str, record: Mapping[str, Any]) -> None:
    """A record must belong to a case the signed manifest lists: an export only ever
    writes those, and anything else would let a bundle reach into cases it never named."""
    if kind == "person":
        return  # people are shared between cases; they travel with the cases naming them
    case_id = record.get("id") if kind == "case" else record.get("case_id")
    if case_id not in cases:
        raise BundleRejected(
            "a {kind} record ({id}) belongs to a case the bundle does not list",
            code="bundle_record_belongs_case_bundle_does",
            kind=kind,
            id=record.get("id"),
        )


def _order(record: Mapping[str, Any], local: Any, own_vault: str) -> Order:
    """How the incoming version vector compares with the stored one.

    Only this vault counts its own edits, so an incoming vector claiming more of them
    than the stored record has seen is not newer, whatever else it says: it is forged
    (or this vault was restored from an older copy). It is kept as a conflict, never
    taken silently over the local record.

    Equal vectors mean the very same edit, which carries the very same `updated_at`
    (nothing changes a record without counting the edit). Equal vectors with another
    time mean two different edits under one number - one was forged by a vault that
    guessed the next number first - so that too is a conflict, not "already seen".
    """
    incoming = versions_from_json(record["versions"])
    order = compare_versions(incoming, local.versions)
    if order is Order.EQUAL:
        try:
            same_edit = parse_timestamp(record["updated_at"]) == local.updated_at
        except (InvalidInput, KeyError, TypeError):
            same_edit = False
        return Order.EQUAL if same_edit else Order.CONCURRENT
    if order is Order.NEWER and dict(incoming).get(own_vault, 0) > dict(local.versions).get(
        own_vault, 0
    ):
        return Order.CONCURRENT
    return order


def _compact(tomb: dict[str, Any], refs: Mapping[str, str]) -> dict[str, Any]:
    """A tombstone held until the end of the import: its case ids become the manifest's own
    strings (`refs`: each listed case id to itself), one copy however many name them."""
    tomb["cases"] = [refs.get(c, c) for c in tomb["cases"]]
    return tomb


def _cited_documents(events: Iterable[Mapping[str, Any]]) -> list[str]:
    return list(dict.fromkeys(d for e in events for d in e.get("document_ids") or ()))


def _refuse_foreign_documents(vault: Vault, cases: frozenset[str], cited: list[str]) -> None:
    """An incoming event may cite documents of the cases the bundle carries, or ones
    this vault lacks (a bundle without documents); never a document of another case
    here, which would tie a case the sender never saw to this one."""
    if not cited:
        return
    for doc in vault.documents.find_many(cited).values():
        if doc.case_id not in cases:
            raise BundleRejected(
                "an event in the bundle cites document {id}, which is in a case the bundle does "
                "not carry",
                code="bundle_event_bundle_cites_document_which",
                id=doc.id,
            )


class _Planner:
    """Reader handler for the preview pass: compare, never write."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.stores = record_stores(vault)
        self.conflict_store = vault.conflicts
        self.new: list[RecordRef] = []
        self.changed: list[RecordRef] = []
        self.unchanged: list[RecordRef] = []
        self.conflicts: list[RecordRef] = []
        self.known_conflicts = 0
        self._cases: frozenset[str] = frozenset()
        self._case_refs: dict[str, str] = {}
        # Checked once the whole bundle is read, as the import will check them, so the
        # preview never promises records that the import then refuses.
        self._new_ids: dict[str, list[str]] = {}
        self._cited: dict[str, None] = {}
        self.tombstones: list[dict[str, Any]] = []
        self.deleted: list[RecordRef] = []
        self.tombstones_kept = 0
        self._any_tombstones = vault.trash.tombstone_count() > 0
        self._coming_cases: set[str] = set()
        self._batch: list[dict[str, Any]] = []
        self._batch_kind = ""
        self._batch_text = 0

    def manifest(self, manifest: Manifest) -> None:
        self._cases = frozenset(manifest.cases)
        self._case_refs = {c: c for c in self._cases}

    def _case_alive(self, case_id: str) -> bool:
        return case_id in self._coming_cases or self.vault.cases.exists(case_id)

    def record(self, kind: str, record: dict[str, Any]) -> None:
        if kind == spec.TOMBSTONE:
            check_tombstone_claims(self._cases, record)
            self.tombstones.append(_compact(record, self._case_refs))
            return
        _check_record(kind, record)
        _check_claims(self._cases, kind, record)
        if kind == "event":
            self._cited.update(dict.fromkeys(record.get("document_ids") or ()))
        # Compared in batches of one kind, as the import writes them: one query for the
        # stored versions of a thousand records instead of one each. Records reference
        # only kinds listed before theirs, so a kind is decided before the next begins.
        if (
            kind != self._batch_kind
            or len(self._batch) >= _BATCH
            or self._batch_text >= _BATCH_TEXT
        ):
            self._flush()
            self._batch_kind = kind
        self._batch.append(record)
        self._batch_text += _text_size(record)

    def finish(self) -> None:
        self._flush()

    def _flush(self) -> None:
        batch, kind = self._batch, self._batch_kind
        if not batch:
            return
        self._batch = []
        self._batch_text = 0
        store = self.stores[kind]
        stored = store.find_many([r["id"] for r in batch]) if store is not None else {}
        for record in batch:
            self._decide(kind, record, stored.get(record["id"]))

    def _decide(self, kind: str, record: dict[str, Any], local: Any) -> None:
        ref = RecordRef(kind, record["id"], record_label(kind, record))
        if local is None:
            tomb = self.vault.trash.tombstone(record["id"]) if self._any_tombstones else None
            if tomb is not None:
                check_against_tombstone(self._cases, kind, record, tomb)
                order = versus_deletion(self.vault, record, tomb, self._case_alive)
                if order is Order.NEWER:
                    self.changed.append(ref)
                    if kind == "case":
                        self._coming_cases.add(record["id"])
                elif order is Order.CONCURRENT:
                    incoming_v = versions_from_json(record["versions"])
                    if self.conflict_store.has(record["id"], incoming_v):
                        self.known_conflicts += 1
                        self.unchanged.append(ref)
                    else:
                        self.conflicts.append(ref)
                else:
                    self.unchanged.append(ref)
                return
            self.new.append(ref)
            self._new_ids.setdefault(kind, []).append(record["id"])
            if kind == "case":
                self._coming_cases.add(record["id"])
            return
        check_local(self._cases, kind, record, local)
        incoming_v = versions_from_json(record["versions"])
        order = _order(record, local, self.vault.vault_id)
        if order is Order.NEWER:
            self.changed.append(ref)
        elif order is Order.CONCURRENT:
            if self.conflict_store.has(record["id"], incoming_v):
                self.known_conflicts += 1
                self.unchanged.append(ref)
            else:
                self.conflicts.append(ref)
        else:
            self.unchanged.append(ref)

    def file(self, sha256: str, size: int, stream: io.RawIOBase) -> None:
        pass

    def check_references(self) -> None:
        """The checks the import makes on the bundle as a whole (ids across kinds, the
        documents events cite), made here too."""
        for kind, ids in self._new_ids.items():
            refuse_other_kinds(self.stores, kind, ids)
        _refuse_foreign_documents(self.vault, self._cases, list(self._cited))
        for d in decide_deletions(self.vault, self._cases, self.tombstones):
            ref = RecordRef(d.tomb["record_kind"], d.tomb["id"], d.label)
            if d.action == "delete":
                self.deleted.append(ref)
            elif d.action == "conflict":
                self.conflicts.append(ref)
            elif d.action == "known":
                self.known_conflicts += 1
                self.unchanged.append(ref)
            elif d.action == "keep":
                self.tombstones_kept += 1


def _reader(vault: Vault, path: Path, passphrase: str | None) -> BundleReader:
    if passphrase is not None:
        return BundleReader(path, passphrase=passphrase)
    identity = vault.identities.find()
    if identity is None:
        # Inspecting writes nothing, not even a new identity: a vault without one has never
        # shown anyone a card, so no bundle can be addressed to it.
        raise BundleRejected(
            "this vault has no identity yet, so no bundle can be addressed to it",
            code="bundle_vault_no_identity_yet_so",
        )
    return BundleReader(path, identity=identity)


def plan_import(
    vault: Vault,
    path: str | Path,
    *,
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    files: bool = False,
) -> ImportPreview:
    """Verify the bundle's manifest, signature and records and say what importing it
    would do. Writes nothing.

    The document bodies are checked by `apply_import` as it writes them (their sizes and
    SHA-256 are in the signed manifest), so a preview does not decrypt them: a gigabyte of
    scans is read once, not twice. `files=True` reads and checks them here too.
    """
    source = Path(path)
    planner = _Planner(vault)
    manifest = _reader(vault, source, passphrase).read(
        planner, progress=progress, cancel=cancel, files=files
    )
    planner.finish()
    planner.check_references()
    own = vault.identities.find()
    return ImportPreview(
        path=source,
        manifest=manifest,
        sender=sender_status(vault, manifest),
        addressed_to_me=manifest.addressed_to(own.public().fingerprint)
        if own is not None
        else manifest.mode == spec.MODE_PASSPHRASE,
        new=tuple(planner.new),
        changed=tuple(planner.changed),
        unchanged=tuple(planner.unchanged),
        conflicts=tuple(planner.conflicts),
        known_conflicts=planner.known_conflicts,
        passphrase=passphrase,
        deleted=tuple(planner.deleted),
        tombstones_kept=planner.tombstones_kept,
    )


class _Applier:
    """Reader handler for the writing pass; runs inside the import transaction."""

    def __init__(self, vault: Vault, preview: ImportPreview) -> None:
        self.vault = vault
        self.preview = preview
        self.stores = record_stores(vault)
        self.conflict_store = vault.conflicts
        # Most imports meet no kept conflicts: skip a query per record then.
        self._had_conflicts = self.conflict_store.count() > 0
        self.added = self.updated = self.conflicts = self.unchanged = self.documents = 0
        # Document records waiting for their bytes, by SHA-256 (several may share one file).
        self.pending_docs: dict[str, list[dict[str, Any]]] = {}
        # Of those, the ones replacing a stored document's bytes (counted as changed).
        self._replacing: set[str] = set()
        # Records of one kind waiting to be compared and written together.
        self._batch: list[dict[str, Any]] = []
        self._batch_kind = ""
        self._batch_text = 0
        self._manifest: Manifest | None = None
        self._cases: frozenset[str] = frozenset()
        self._case_refs: dict[str, str] = {}
        self.tombstones: list[dict[str, Any]] = []
        self.deleted = 0
        self._any_tombstones = vault.trash.tombstone_count() > 0

    def manifest(self, manifest: Manifest) -> None:
        self._manifest = manifest
        self._cases = frozenset(manifest.cases)
        self._case_refs = {c: c for c in self._cases}

    def record(self, kind: str, record: dict[str, Any]) -> None:
        if kind == spec.TOMBSTONE:
            # Applied once everything else is in (finish): a deletion must see the case
            # as this bundle leaves it.
            check_tombstone_claims(self._cases, record)
            self.tombstones.append(_compact(record, self._case_refs))
            return
        # Checked again here, not only in the preview: the vault may have changed since.
        _check_claims(self._cases, kind, record)
        # No second schema check here: the preview checked these very bytes (the manifest
        # is byte-identical and records.jsonl must match its signed hash, or everything
        # rolls back), and put_raw reads each record strictly again anyway.
        store = self.stores[kind]
        if store is None:
            raise BundleRejected(
                "this vault cannot store {kind} records",
                code="bundle_vault_cannot_store_records",
                kind=kind,
            )
        if kind == "document":
            # Documents are few and may carry bytes: one by one, after the kinds before.
            self._flush()
            local = store.find(record["id"])
            tomb = None
            if local is None:
                self.refuse_other_kinds(kind, [record["id"]])
                tomb = self._tombstones([record["id"]]).get(record["id"])
            if not self._should_write(kind, record, local, tomb):
                return
            if self._needs_bytes(record, local):
                self.pending_docs.setdefault(record["sha256"], []).append(record)
                if local is not None:
                    self._replacing.add(record["id"])
            else:
                self._put(kind, record, local is None)
            return
        # Records reference only kinds listed before theirs (spec.KINDS), so a batch is
        # written before the first record of the next kind is checked.
        if (
            kind != self._batch_kind
            or len(self._batch) >= _BATCH
            or self._batch_text >= _BATCH_TEXT
        ):
            self._flush()
            self._batch_kind = kind
        self._batch.append(record)
        self._batch_text += _text_size(record)

    def _tombstones(self, ids: list[str]) -> dict[str, Tombstone]:
        return self.vault.trash.tombstones(ids) if self._any_tombstones else {}

    def _should_write(
        self, kind: str, record: dict[str, Any], local: Any, tomb: Tombstone | None = None
    ) -> bool:
        """Compare versions: True to write the incoming record; else it is counted as
        unchanged (equal or older) or kept aside as a conflict (both sides edited, or
        edited there and deleted here)."""
        if local is None and tomb is None:
            return True
        if local is None:
            assert tomb is not None
            check_against_tombstone(self._cases, kind, record, tomb)
            order = versus_deletion(self.vault, record, tomb, self.vault.cases.exists)
        else:
            check_local(self._cases, kind, record, local)
            order = _order(record, local, self.vault.vault_id)
        if order is Order.NEWER:
            return True
        if order is Order.CONCURRENT:
            assert self._manifest is not None
            added = self.conflict_store.add(
                kind,
                record,
                sender_name=self._manifest.sender.name,
                sender_fingerprint=self._manifest.sender.fingerprint,
                bundle_created_at=self._manifest.created_at,
            )
            if added:
                self.conflicts += 1
                return False
        self.unchanged += 1
        return False

    def _flush(self) -> None:
        """Compare and write the waiting records of one kind in one go: one query for
        the stored versions, one `put_raw_many` for what changed."""
        batch, kind = self._batch, self._batch_kind
        if not batch:
            return
        self._batch = []
        self._batch_text = 0
        store = self.stores[kind]
        stored = store.find_many([record["id"] for record in batch])
        missing = [r["id"] for r in batch if r["id"] not in stored]
        self.refuse_other_kinds(kind, missing)
        tombs = self._tombstones(missing)
        writes: list[dict[str, Any]] = []
        new = 0
        for record in batch:
            local = stored.get(record["id"])
            tomb = tombs.get(record["id"])
            if self._should_write(kind, record, local, tomb):
                writes.append(record)
                new += local is None and tomb is None
        if not writes:
            return
        if kind == "event":
            self._refuse_foreign_documents(writes)
        try:
            store.put_raw_many(writes)
        except InvalidInput as exc:
            raise BundleRejected(
                "a {kind} record cannot be stored here: {detail}",
                code="bundle_record_cannot_stored_here",
                kind=kind,
                detail=exc,
            ) from None
        for record in writes:
            self._forget_seen(record)
        self.added += new
        self.updated += len(writes) - new

    def refuse_other_kinds(self, kind: str, new_ids: list[str]) -> None:
        refuse_other_kinds(self.stores, kind, new_ids)

    def _refuse_foreign_documents(self, events: list[dict[str, Any]]) -> None:
        _refuse_foreign_documents(self.vault, self._cases, _cited_documents(events))

    def _needs_bytes(self, record: dict[str, Any], local: Any) -> bool:
        return local is None or local.sha256 != record.get("sha256")

    def _put(self, kind: str, record: dict[str, Any], new: bool) -> None:
        try:
            self.stores[kind].put_raw(record)
        except InvalidInput as exc:
            raise BundleRejected(
                "a {kind} record ({id}) cannot be stored here: {detail}",
                code="bundle_record_cannot_stored_here_2",
                kind=kind,
                id=record["id"],
                detail=exc,
            ) from None
        self._forget_seen(record)
        if new:
            self.added += 1
        else:
            self.updated += 1

    # Documents: the first record waiting for a file takes its bytes straight from the
    # bundle stream; others sharing the same file are copied from that stored document.

    def file(self, sha256: str, size: int, stream: io.RawIOBase) -> None:
        self._flush()  # the notes listed after the documents
        waiting = self.pending_docs.pop(sha256, [])
        if not waiting:
            return
        first, rest = waiting[0], waiting[1:]
        # The reader hashes each member as it is read (and checks the hash against the
        # signed manifest afterwards); the store checks that same digest against the
        # record instead of hashing every byte a second time.
        member_digest = getattr(stream, "digest", None)
        self._put_document(
            first, stream, member_digest.hexdigest if member_digest is not None else None
        )
        for record in rest:
            with self.vault.documents.open(first["id"]) as copy:
                self._put_document(record, copy)

    def _put_document(
        self, record: dict[str, Any], content: Any, content_sha256: Callable[[], str] | None = None
    ) -> None:
        try:
            self.vault.documents.put_raw(record, content, content_sha256=content_sha256)
        except InvalidInput as exc:
            raise BundleRejected(
                "a document ({id}) cannot be stored here: {detail}",
                code="bundle_document_cannot_stored_here",
                id=record["id"],
                detail=exc,
            ) from None
        except DocumentDamaged:
            raise BundleRejected(
                "the file of document {id} does not match its recorded SHA-256",
                code="bundle_file_document_does_not_match",
                id=record["id"],
            ) from None
        self._forget_seen(record)
        if record["id"] in self._replacing:
            self.updated += 1
        else:
            self.added += 1
        self.documents += 1

    def _forget_seen(self, record: dict[str, Any]) -> None:
        if self._had_conflicts:
            self.conflict_store.forget_seen(record["id"], versions_from_json(record["versions"]))

    def finish(self) -> None:
        self._flush()
        if self.pending_docs:
            raise BundleRejected(
                "a document record has no file in the bundle",
                code="bundle_document_record_no_file_bundle",
            )
        if self.tombstones:
            self._apply_deletions()

    def _apply_deletions(self) -> None:
        assert self._manifest is not None
        sender = self._manifest.sender
        for d in decide_deletions(self.vault, self._cases, self.tombstones):
            t = d.tomb
            versions = versions_from_json(t["versions"])
            if d.action == "delete":
                self.vault.trash.delete(
                    t["record_kind"], t["id"], versions=versions, child_versions=d.child_versions
                )
                self.deleted += 1
            elif d.action == "keep":
                self.vault.trash.note_tombstone(
                    t["id"], t["record_kind"], t["origin_vault"], versions, t["cases"]
                )
            elif d.action == "conflict":
                added = self.conflict_store.add(
                    t["record_kind"],
                    tombstone_conflict(t),
                    sender_name=sender.name,
                    sender_fingerprint=sender.fingerprint,
                    bundle_created_at=self._manifest.created_at,
                )
                if added:
                    self.conflicts += 1
                else:
                    self.unchanged += 1
            else:
                self.unchanged += 1


def apply_import(
    vault: Vault,
    preview: ImportPreview,
    *,
    consent: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import what `preview` showed, in one transaction, or nothing at all.

    `consent` must be True when `preview.needs_consent` (unknown or unverified sender, or a
    bundle not addressed to this vault): the caller has shown the warnings and the user
    agreed. A bundle that changes nothing writes nothing, not even an audit line.
    """
    if preview.needs_consent and not consent:
        raise BundleRejected(
            "the sender is not a verified colleague or the bundle was not sent to you; "
            "import it only after explicit consent. {warnings}",
            code="bundle_needs_consent",
            warnings=" ".join(preview.warnings()),
        )
    if preview.is_noop:
        return ImportResult(0, 0, 0, len(preview.unchanged), 0, 0)
    applier = _Applier(vault, preview)
    expected = preview.manifest.raw

    def same_manifest(manifest: Manifest, raw: bytes) -> None:
        if raw != expected:
            raise BundleRejected(
                "the bundle file changed since it was previewed; inspect it again",
                code="bundle_file_changed_since_previewed",
            )

    conn = vault.connection
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
    try:
        _apply(vault, preview, applier, same_manifest, progress, cancel)
    except FileSizeLimit:
        raise  # says itself which limit stopped it
    except DiskFull as exc:
        # The transaction is rolled back (and the file shrunk back): say it of the import.
        raise DiskFull(
            "The disk is full; nothing was imported and the vault is as it was.",
            code="disk_full_nothing_imported",
        ) from exc
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    return ImportResult(
        applier.added,
        applier.updated,
        applier.conflicts,
        applier.unchanged,
        applier.documents,
        applier.deleted,
    )


def _apply(
    vault: Vault,
    preview: ImportPreview,
    applier: _Applier,
    same_manifest: Callable[[Manifest, bytes], None],
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    # One plain transaction, not `vault.bulk()`: records go in batches (`put_raw_many`),
    # each indexed for search in one step as it is written, so nothing grows with the
    # bundle's size; bulk mode's deferred index and 256 MiB page cache took a 50,000-event
    # import to 200 MB.
    m = preview.manifest
    # Every line the import writes names the colleague whose bundle it is, so a record's
    # history says who changed it.
    actor = preview.sender.colleague.name if preview.sender.colleague else m.sender.name
    if preview.sender.state is SenderState.SELF:
        actor = ""
    with vault.all_or_nothing(), vault.audit.acting_as(actor):
        _reader(vault, preview.path, preview.passphrase).read(
            applier, verify=same_manifest, progress=progress, cancel=cancel
        )
        applier.finish()
        vault.audit.log(
            "import", "bundle", m.sha256[:16],
            f"from {m.sender.name} ({preview.sender.state.value}, "
            f"{m.sender.fingerprint[:10]}…) created {m.created_at:%Y-%m-%d %H:%M} UTC: "
            f"{applier.added} new, {applier.updated} changed, {applier.deleted} deleted, "
            f"{applier.conflicts} conflicts, {applier.unchanged} unchanged",
        )  # fmt: skip
