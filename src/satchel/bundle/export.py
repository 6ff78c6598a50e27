"""Export: chosen cases of a vault, sealed into a `.satchel` bundle file atomically.

Collects the records that belong to the cases (the cases, their roles, events, documents and
notes, and every person they mention), reads them twice inside one read transaction (hash,
then write) and documents chunk by chunk straight from the vault into the age stream. The
file is written under a temporary name in the destination folder, fsynced and renamed: a
cancel, an error or a full disk leaves no file behind, half-written or otherwise. Nothing
but encrypted bytes is ever written to disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import secrets
import string
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satchel.bundle.format import spec
from satchel.bundle.format.writer import (
    BundleWriter,
    FileSource,
    Progress,
    SealedBundle,
    seal_bundle,
)
from satchel.core.codec import format_timestamp, to_dict
from satchel.core.versions import versions_from_json
from satchel.crypto.identity import PublicIdentity
from satchel.errors import DiskFull, FileProblem, InvalidInput, NotFound
from satchel.userfiles import check_destination

if TYPE_CHECKING:
    from satchel.core.model import Colleague, Versions
    from satchel.core.vault import Vault

__all__ = [
    "DocumentEntry",
    "ExportPlan",
    "ExportResult",
    "default_bundle_name",
    "export_bundle",
    "export_changes",
    "generate_passphrase",
    "plan_export",
]

# EFF-style short word list would need a data file; 26 letters x 6-letter groups read and
# type well on phones and carry log2(26)*30 = 141 bits, more than age's file key.
_PASS_GROUPS = 6
_PASS_GROUP_LEN = 5


def generate_passphrase() -> str:
    """A one-time passphrase: 6 groups of 5 lower-case letters (about 141 bits)."""
    letters = string.ascii_lowercase
    return "-".join(
        "".join(secrets.choice(letters) for _ in range(_PASS_GROUP_LEN))
        for _ in range(_PASS_GROUPS)
    )


def default_bundle_name(today: date | None = None) -> str:
    """`satchel-YYYYMMDD-<8 random letters>.satchel`: no case data in a name that travels."""
    day = (today or datetime.now(UTC).date()).strftime("%Y%m%d")
    tail = "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
    return f"satchel-{day}-{tail}{spec.FILE_SUFFIX}"


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    id: str
    filename: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """What a bundle of these cases would hold, for review before writing."""

    case_ids: tuple[str, ...]
    case_titles: tuple[str, ...]
    counts: dict[str, int]
    documents: tuple[DocumentEntry, ...]
    include_documents: bool
    include_notes: bool

    @property
    def document_bytes(self) -> int:
        return sum(d.size for d in {d.sha256: d for d in self.documents}.values())


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    sealed: SealedBundle
    plan: ExportPlan
    # Record id -> the version vector the bundle carried (records and tombstones alike).
    carried: Mapping[str, Versions] = field(default_factory=dict)


def _by_ids(store: Any, ids: Sequence[str]) -> Iterator[Any]:
    """The records with these ids, a bounded number at a time.

    When the ids are a large share of the store (a big case), the store is walked in id
    order a batch at a time (a few queries per thousand records) and filtered; otherwise
    each record is read by its primary key (a few queries per record, but only for the
    records wanted). Paging a case with LIMIT/OFFSET re-sorts it for every page and took
    minutes for 50,000 events. Either way memory holds one batch, not the case.
    """
    if not ids:
        return
    if len(ids) * 4 >= store.count():
        wanted = set(ids)
        found = 0
        for record in store.iter_all():
            if record.id in wanted:
                found += 1
                yield record
        if found == len(wanted):
            return
    else:
        for rid in ids:
            record = store.find(rid)
            if record is not None:
                yield record
                continue
            break
        else:
            return
    raise FileProblem(
        "A record was deleted while the bundle was being written; try again.",
        code="record_deleted_while_bundle_being",
    )


def _events_in_order(vault: Vault, ids: Sequence[str]) -> Iterator[Any]:
    """A case's events with every deadline after the event it is computed from.

    A reader stores records line by line, and a computed deadline may only refer to an
    event it already has. Computed deadlines are few; they are held back and emitted once
    their source is out (a chain of them, in any date order, included).
    """
    emitted: set[str] = set()
    held: list[Any] = []
    for event in _by_ids(vault.events, ids):
        if event.deadline is not None and event.deadline.computed_from:
            held.append(event)
        else:
            emitted.add(event.id)
            yield event
    while held:
        ready = [e for e in held if e.deadline.computed_from in emitted]
        if not ready:  # a source outside the case (refused by the store) or a cycle
            ready = held[:1]
        for event in ready:
            emitted.add(event.id)
            held.remove(event)
            yield event


class _Selection:
    """What goes into the bundle: the cases and everything that belongs to them.

    Everything is held as ids; records are read one at a time each time they are needed,
    so a case of any size fits in bounded memory.
    """

    def __init__(
        self,
        vault: Vault,
        case_ids: Sequence[str],
        documents: bool,
        notes: bool,
        known: Mapping[str, Versions] | None = None,
    ):
        """`known`: record id -> the version the receiver is known to have (a share, see
        bundle/shares.py); only records and tombstones whose version differs are carried."""
        self.vault = vault
        cases: list[str] = []
        # A deleted case can still be sent: its bundle carries the deletion (a tombstone).
        self.deleted_cases: set[str] = set()
        for cid in case_ids:
            try:
                full = vault.cases.resolve(cid)
            except NotFound:
                tomb = vault.trash.tombstone(cid.strip().lower())
                if tomb is None or tomb.kind != "case":
                    raise
                full = tomb.record_id
                self.deleted_cases.add(full)
            if full not in cases:
                cases.append(full)
        if not cases:
            raise InvalidInput(
                "Choose at least one case to export", "case", code="choose_least_one_case_export"
            )
        self.cases = cases
        self.include_documents = documents and vault.documents is not None
        self.include_notes = notes
        # Ids only (a 50,000-event case is a few MB of ids); records are read by id each
        # time they are needed, in the one read transaction the export runs in.
        self.ids: dict[str, list[str]] = {"role": [], "event": [], "document": [], "note": []}
        # Document read-ahead generators started by the tar stream (see _read_ahead).
        self.readers: list[Generator[bytes, None, None]] = []
        for cid in (c for c in cases if c not in self.deleted_cases):
            # These stores annotate `list[str]` inside a class with a `list` method, which
            # mypy reads as the method; the values are plain lists of ids.
            self.ids["role"] += vault.roles.all_ids_for_case(cid)
            self.ids["event"] += vault.events.all_ids_for_case(cid)
            if self.include_documents:
                self.ids["document"] += vault.documents.all_ids_for_case(cid)
            if self.include_notes:
                self.ids["note"] += vault.notes.all_ids_for_case(cid)
        self.counts = {"case": len(cases), **{k: len(v) for k, v in self.ids.items()}}
        # People travel when they have a role in a case, or are named by its events or
        # documents: an event must not point at someone the receiver does not have.
        people: dict[str, None] = {}
        self.carried: dict[str, Versions] = {}
        changed: dict[str, list[str]] = {k: [] for k in self.ids}
        for kind, record in self._children():
            if known is None or known.get(record.id) != record.versions:
                changed[kind].append(record.id)
                self.carried[record.id] = record.versions
            if kind == "role":
                people[record.person_id] = None
            elif kind == "event":
                people.update(dict.fromkeys(record.person_ids))
            elif kind == "document" and record.person_id:
                people[record.person_id] = None
        self.people = sorted(people)
        self.alive = [c for c in cases if c not in self.deleted_cases]
        for store, ids in ((vault.cases, self.alive), (vault.people, self.people)):
            for rid in ids:
                raw = store.get_raw(rid)
                versions = versions_from_json(raw["versions"]) if raw is not None else ()
                if known is None or known.get(rid) != versions:
                    self.carried[rid] = versions
        if known is not None:
            # Only what changed since the receiver last had it: the people and children
            # every record still points at are theirs already (the cases stay listed, so
            # the bundle may speak about them, even when their own record did not change).
            self.ids = changed
            self.alive = [c for c in self.alive if c in self.carried]
            self.people = [p for p in self.people if p in self.carried]
            self.counts.update({k: len(v) for k, v in changed.items()})
            self.counts["case"] = len(self.alive)
        self.counts["person"] = len(self.people)
        # Deletions in these cases travel as tombstones (bundle format v2), each naming only
        # the cases of this bundle: a person's other cases are none of the receiver's business.
        left_out = {"note"} if not self.include_notes else set()
        if not self.include_documents:
            left_out.add("document")
        listed = set(cases)
        self.tombstones = [
            t
            for t in vault.trash.tombstones_of_cases(cases)
            if t.kind not in left_out and (known is None or known.get(t.record_id) != t.versions)
        ]
        self.carried.update({t.record_id: t.versions for t in self.tombstones})
        self.tombstones.sort(key=lambda t: (spec.KINDS.index(t.kind), t.record_id))
        self._listed = listed
        self.counts["tombstone"] = len(self.tombstones)

    @property
    def is_empty(self) -> bool:
        """Nothing to carry: every record and deletion is one the receiver has."""
        return not self.carried

    def _children(
        self, kinds: Sequence[str] = ("role", "event", "document", "note")
    ) -> Iterator[tuple[str, Any]]:
        v = self.vault
        stores = {"role": v.roles, "document": v.documents, "note": v.notes}
        for kind in kinds:
            if kind == "event":
                found: Iterator[Any] = _events_in_order(v, self.ids["event"])
            else:
                found = _by_ids(stores[kind], self.ids[kind])
            for record in found:
                yield kind, record

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every record in spec.KINDS order, as its dict form (called once per pass)."""
        for kind, store, ids in (("case", self.vault.cases, self.alive),
                                 ("person", self.vault.people, self.people)):  # fmt: skip
            for rid in ids:
                raw = store.get_raw(rid)
                if raw is None:
                    raise FileProblem(
                        "A record was deleted while the bundle was being written; try again.",
                        code="record_deleted_while_bundle_being",
                    )
                yield kind, raw
        for kind, record in self._children():
            yield kind, to_dict(record)
        for tomb in self.tombstones:
            yield (
                spec.TOMBSTONE,
                {
                    "id": tomb.record_id,
                    "record_kind": tomb.kind,
                    "origin_vault": tomb.origin_vault,
                    "cases": [c for c in tomb.cases if c in self._listed],
                    "versions": [list(v) for v in tomb.versions],
                    "deleted_at": format_timestamp(tomb.deleted_at),
                },
            )

    def titles(self) -> tuple[str, ...]:
        """The cases' titles; a deleted case's as its trash entry knew it, if it does."""
        out = []
        for cid in self.cases:
            if cid in self.deleted_cases:
                try:
                    out.append(self.vault.trash.get(cid).label)
                except NotFound:
                    out.append(cid)  # emptied from the trash: only its id is left
            else:
                out.append(self.vault.cases.get(cid).title)
        return tuple(out)

    def document_entries(self) -> list[DocumentEntry]:
        return [
            DocumentEntry(d.id, d.filename, d.size, d.sha256)
            for _kind, d in self._children(("document",))
        ]

    def file_sources(self) -> list[FileSource]:
        seen: dict[str, FileSource] = {}
        for entry in self.document_entries():
            if entry.sha256 not in seen:
                # The vault's reader checks the SHA-256 recorded at intake on the last read.
                seen[entry.sha256] = FileSource(
                    entry.sha256,
                    entry.size,
                    _chunk_opener(self.vault, entry.id, self.readers),
                    True,
                )
        return list(seen.values())


_PREFETCH = 3
"""Document chunks read ahead of the encryption (a few MiB held at most)."""


def _chunk_opener(
    vault: Vault, document_id: str, readers: list[Generator[bytes, None, None]]
) -> Callable[[], Iterable[bytes]]:
    def chunks() -> Iterator[bytes]:
        reader = _read_ahead(lambda: vault.documents.open(document_id))
        readers.append(reader)  # closed by export_bundle before its transaction ends
        return reader

    return chunks


def _read_ahead(open_stream: Callable[[], Any]) -> Generator[bytes, None, None]:
    """The stream's chunks, read by a helper thread while the caller encrypts the last.

    Decrypting pages out of SQLCipher and encrypting with age each take a core: done one
    after the other they made an export take their sum. SQLite runs its statements
    without the GIL; the export's own thread makes no call into the connection while
    the helper runs (it only encrypts and writes the file), so the two never use the
    driver at once, and the caller's read transaction stays open around this
    generator, so the helper sees the same snapshot.
    The thread is always stopped and joined before the generator ends, however it ends
    (done, an error, a cancel), so nothing touches the vault after the export returns.
    An error in the thread (DocumentDamaged on the last read) is raised to the caller.
    """
    items: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=_PREFETCH)
    stop = threading.Event()

    def put(item: bytes | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                items.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            with open_stream() as stream:
                while not stop.is_set():
                    data = stream.read(spec.CHUNK)
                    if not data:
                        break
                    if not put(data):
                        return
            put(None)
        except BaseException as exc:  # handed to the caller, which raises it
            put(exc)

    thread = threading.Thread(target=work, name="satchel-export-read", daemon=True)
    thread.start()
    try:
        while True:
            item = items.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def plan_export(
    vault: Vault, case_ids: Sequence[str], *, documents: bool = True, notes: bool = True
) -> ExportPlan:
    """Counts, sizes and document names of a bundle of these cases (nothing is written)."""
    with vault.transaction():
        sel = _Selection(vault, case_ids, documents, notes)
        titles = sel.titles()
        return ExportPlan(
            tuple(sel.cases),
            titles,
            dict(sel.counts),
            tuple(sel.document_entries()),
            documents,
            notes,
        )


def export_bundle(
    vault: Vault,
    case_ids: Sequence[str],
    path: str | os.PathLike[str] | None = None,
    *,
    to: Sequence[Colleague] = (),
    passphrase: str | None = None,
    documents: bool = True,
    notes: bool = True,
    folder: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    to_self: bool = False,
) -> ExportResult:
    """Write a bundle of `case_ids` to `path` (or a default name in `folder`), atomically.

    Encrypted to the colleagues `to` and this vault's own key, or to `passphrase` alone.
    `to_self` allows no colleague at all: a bundle only this vault opens (travel mode).
    """
    result = _export(
        vault, case_ids, path, to=to, passphrase=passphrase, documents=documents, notes=notes,
        folder=folder, progress=progress, cancel=cancel, to_self=to_self,
    )  # fmt: skip
    assert result is not None  # only a bundle of changes can be empty
    return result


def export_changes(
    vault: Vault,
    case_ids: Sequence[str],
    path: str | os.PathLike[str],
    *,
    to: Sequence[Colleague],
    known: Mapping[str, Versions],
    documents: bool = True,
    notes: bool = True,
    temp_name: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult | None:
    """A bundle of what changed in `case_ids` since the receivers had the versions `known`
    (record id -> version vector): the records and tombstones whose vectors differ. None,
    and nothing written, when there is nothing to carry. `temp_name` is the name the file is
    written under before its rename (an exchange folder's engines must ignore it)."""
    return _export(
        vault, case_ids, path, to=to, documents=documents, notes=notes, progress=progress,
        cancel=cancel, known=known, temp_name=temp_name,
    )  # fmt: skip


def _export(
    vault: Vault,
    case_ids: Sequence[str],
    path: str | os.PathLike[str] | None = None,
    *,
    to: Sequence[Colleague] = (),
    passphrase: str | None = None,
    documents: bool = True,
    notes: bool = True,
    folder: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    to_self: bool = False,
    known: Mapping[str, Versions] | None = None,
    temp_name: str | None = None,
) -> ExportResult | None:
    if passphrase is not None and to:
        raise InvalidInput(
            "A bundle goes to colleagues or to a passphrase, not both",
            "to",
            code="bundle_goes_colleagues_passphrase_not",
        )
    if passphrase is None and not to and not to_self:
        raise InvalidInput(
            "Choose at least one colleague, or a one-time passphrase",
            "to",
            code="choose_least_one_colleague_one",
        )
    if passphrase is not None and len(passphrase) < 12:
        raise InvalidInput(
            "A bundle passphrase needs at least 12 characters",
            "passphrase",
            code="bundle_passphrase_needs_least_12",
        )
    if path is None:
        path = Path(folder or Path.cwd()) / default_bundle_name()
    dest = Path(path)
    if dest.exists():
        raise FileProblem(
            "{dest} already exists; choose another name. Nothing was written.",
            code="already_exists_choose_another_name",
            dest=dest,
        )
    recipients: list[PublicIdentity] | None = None
    if passphrase is None:
        recipients = []
        for colleague in to:
            found = vault.colleagues.find(colleague.id)
            if found is None:
                raise NotFound("No colleague {name}", code="no_colleague", name=colleague.name)
            recipients.append(PublicIdentity(found.name, found.age_recipient, found.signing_key))
    identity = vault.identities.get()
    with vault.transaction():
        sel = _Selection(vault, case_ids, documents, notes, known)
        if known is not None and sel.is_empty:
            return None
        plan_counts = dict(sel.counts)
        writer = BundleWriter(
            identity,
            vault.vault_id,
            recipients=recipients,
            cases=sel.cases,
            documents=documents,
            notes=notes,
        )
        files = sel.file_sources()
        try:
            with _atomic_file(dest, temp_name) as fh:
                sealed = seal_bundle(
                    fh,
                    writer,
                    sel.records,
                    files,
                    passphrase=passphrase,
                    progress=progress,
                    cancel=cancel,
                )
        finally:
            # After an error or a cancel the tar stream may not have closed the document
            # being read yet (a traceback keeps it alive): stop its read-ahead thread now,
            # while the read transaction is still open.
            for reader in sel.readers:
                reader.close()
        plan = ExportPlan(
            tuple(sel.cases),
            sel.titles(),
            plan_counts,
            tuple(sel.document_entries()),
            documents,
            notes,
        )
        who = (
            "a one-time passphrase"
            if recipients is None
            else ", ".join(r.name for r in recipients) or "self"
        )
        counts = ", ".join(f"{n} {k}" for k, n in plan_counts.items() if n)
        vault.audit.log(
            "export", "bundle", sealed.manifest_data["members"][0]["sha256"][:16],
            f"{len(sel.cases)} case(s) to {who}: {counts}",
        )  # fmt: skip
    return ExportResult(dest, sealed, plan, dict(sel.carried))


@contextlib.contextmanager
def _atomic_file(dest: Path, temp_name: str | None = None) -> Iterator[Any]:
    """A file that appears at `dest` only once complete and on disk (temp, fsync, rename)."""
    folder = dest.parent
    check_destination(dest, force=False)  # lstat: a dangling link is something too
    if not folder.is_dir():
        raise FileProblem(
            "The folder {folder} does not exist. Nothing was written.",
            code="folder_does_not_exist_nothing",
            folder=folder,
        )
    tmp = folder / (temp_name or f".{dest.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise FileProblem(
            "Cannot write in {folder}: {reason}. Nothing was written.",
            code="cannot_write_in_folder",
            folder=folder,
            reason=exc.strerror,
        ) from None
    try:
        with os.fdopen(fd, "wb", buffering=spec.CHUNK) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # link() fails if anything appeared at dest meanwhile, where rename() would replace it.
        try:
            os.link(tmp, dest)
        except FileExistsError:
            raise FileProblem(
                "{dest} appeared meanwhile; nothing was overwritten.",
                code="appeared_meanwhile_nothing_overwritten",
                dest=dest,
            ) from None
        tmp.unlink()
        with contextlib.suppress(OSError):
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(
                "The disk is full; the bundle was not written.", code="disk_full_bundle_not_written"
            ) from None
        raise FileProblem(
            "Cannot write the bundle: {reason}. Nothing was kept.",
            code="cannot_write_bundle",
            reason=exc.strerror or exc,
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
