"""DocumentStore: attached files kept encrypted inside the vault, streamed in chunks.

A document's bytes go into the encrypted database in chunks of `CHUNK_SIZE` as they are
read, hashed with SHA-256 on the way, in one transaction: a cancelled or failed intake
leaves nothing behind. Reading is streamed too (`open` gives a seekable binary stream
that holds one chunk at a time) and checks the SHA-256 recorded at intake whenever a read
reaches the end of the file, so a damaged copy is reported instead of handed out as good.
Memory stays at a few chunks whatever the file's size.

This module never writes a document's bytes anywhere but the vault database, except to
the path the user chose in `export_copy`, and there only after the whole file has been
written under a temporary name and verified.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import errno
import hashlib
import io
import mimetypes
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, BinaryIO

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import coerce_record, from_dict, new_id, now
from satchel.core.model import Document
from satchel.core.queries import page
from satchel.core.store import RecordStore
from satchel.core.versions import first_versions
from satchel.errors import (
    Cancelled,
    DiskFull,
    DocumentDamaged,
    FileProblem,
    FileSizeLimit,
    InvalidInput,
    VaultLocked,
)
from satchel.userfiles import check_destination, open_regular

__all__ = ["CHUNK_SIZE", "DocumentReader", "DocumentStore", "guess_media_type"]

CHUNK_SIZE = 1024 * 1024
"""Bytes per stored chunk of a new document (each document records its own)."""

Progress = Callable[[int, int], None]
"""progress(bytes_done, bytes_total); the total is 0 when it is not known in advance."""

CancelCheck = Callable[[], bool]
"""cancelled() -> True to stop the work (asked between chunks)."""

# Content tells the truth more often than a file name does (a scan saved as ".pdf" that is
# a JPEG); these are the types the in-app viewer can show.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
_MAGIC_BYTES = max(len(m) for m, _ in _MAGIC)
_MEDIA_TYPE_RE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")
_MAX_FILENAME = 255  # characters; what common file systems accept


def guess_media_type(filename: str, head: bytes = b"") -> str:
    """The media type of a file from its first bytes, else its name's extension."""
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    guessed, _encoding = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


class DocumentStore(RecordStore[Document]):
    """Documents of a vault: intake, streamed reading, export, metadata, deletion."""

    kind = "document"
    tombstoned = True
    table = "documents"
    record_cls = Document
    # The event <-> document link lives in event_documents and belongs to the events:
    # change it through EventStore (or `add(..., event_ids=...)`), not here.
    link_fields = frozenset({"event_ids"})
    derived_columns = ("chunk_size",)
    indexed = True
    # The bytes are fixed at intake: a different file is a different document.
    _IMMUTABLE = RecordStore._IMMUTABLE | {"size", "sha256", "event_ids"}

    # -- intake -------------------------------------------------------------------------

    def add(
        self,
        stream: BinaryIO | IO[bytes] | str | os.PathLike[str],
        *,
        case_id: str | None,
        filename: str,
        media_type: str | None = None,
        received: date | str | None = None,
        source: str = "",
        person_id: str | None = None,
        event_ids: Iterable[str] = (),
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Document:
        """Store a file read from `stream` (or the file at a path) as a new document.

        Reads and stores `CHUNK_SIZE` bytes at a time, so any size goes in with bounded
        memory. `media_type` is guessed from the content and name when not given.
        `cancelled()` is asked between chunks; when it says yes, everything is rolled
        back and `Cancelled` is raised. Raises FileProblem when the file cannot be read,
        DiskFull when the vault's disk is full; in every failure nothing is kept.
        """
        with _input(stream) as (source_file, total):
            stamp = now()
            record = Document(
                id=new_id(),
                created_at=stamp,
                updated_at=stamp,
                origin_vault=self._ctx.vault_id,
                versions=first_versions(self._ctx.vault_id),
                case_id=case_id,
                person_id=person_id,
                filename=filename,
                media_type=media_type or "application/octet-stream",
                size=0,
                sha256="",
                received=received,  # type: ignore[arg-type]  # coerced below
                source=source,
            )
            with _said_of_the_document(), self._ctx.transaction():
                record = self._validate(coerce_record(record), None)
                # The row first: the chunks' foreign key points at it.
                self._write(record, new=True)
                size, digest, head = self._write_chunks(
                    record.id, source_file, total, progress, cancelled
                )
                if not media_type:
                    record = dataclasses.replace(
                        record, media_type=guess_media_type(record.filename, head)
                    )
                record = dataclasses.replace(record, size=size, sha256=digest)
                self._write(record, new=False)
                self._ctx.audit.log(
                    "create", self.kind, record.id, self._summary(record), case_id=record.case_id
                )
                self._index(record)
                if event_ids:
                    self._ctx.links.link_document(record.id, event_ids)
        return self.get(record.id)

    def put_raw(
        self,
        data: Mapping[str, Any],
        content: BinaryIO | IO[bytes] | None = None,
        *,
        content_sha256: Callable[[], str] | None = None,
        action: str = "import",
    ) -> Document:
        """Insert or replace a document exactly as given (bundle import), with its bytes.

        `content` is the file; it must have exactly the size and SHA-256 that `data`
        records, or DocumentDamaged is raised and nothing is written. Without `content`
        only the metadata changes, which needs a stored document with those same bytes.
        Links to events come from the events' side and are not touched here.

        `content_sha256`, when given, returns the SHA-256 (hex) of every byte read from
        `content` so far, computed by the stream itself as the bytes went by (the bundle
        reader hashes each member anyway): the store then checks that one rather than
        hashing the same gigabyte a second time. The check itself is the same.
        """
        record: Document = from_dict(self.kind, data)  # type: ignore[assignment]
        with self._ctx.transaction():
            old = self.find(record.id)
            record = self._validate(record, old)
            if content is None:
                if old is None or (old.size, old.sha256) != (record.size, record.sha256):
                    raise InvalidInput(
                        "The document {filename} needs its file to be imported",
                        "content",
                        code="document_needs_file_imported",
                        filename=record.filename,
                    )
                self._write(record, new=False)
            else:
                self._write(record, new=old is None)
                self._conn.execute(
                    "DELETE FROM document_chunks WHERE document_id = ?", (record.id,)
                )
                mismatch = DocumentDamaged(
                    "The file for {filename} does not match its recorded size and SHA-256; it "
                    "was not imported.",
                    code="file_does_not_match_recorded",
                    filename=record.filename,
                )
                size, digest, _head = self._write_chunks(
                    record.id,
                    content,
                    record.size,
                    limit=record.size,
                    too_long=mismatch,
                    hash_content=content_sha256 is None,
                )
                if content_sha256 is not None:
                    digest = content_sha256()
                if (size, digest) != (record.size, record.sha256):
                    raise mismatch
            self._ctx.audit.log(
                action, self.kind, record.id, self._import_summary(old, record),
                case_id=record.case_id,
            )  # fmt: skip
            self._index(record)
            if old is None:
                self._ctx.links.revived(self.kind, [record.id])
        return self.get(record.id)

    # -- reading ------------------------------------------------------------------------

    def open(self, document_id: str) -> DocumentReader:
        """A seekable binary stream of the document's bytes, read chunk by chunk.

        Reading up to the end checks the SHA-256 recorded at intake; a mismatch raises
        DocumentDamaged from that read. Close it (or use `with`) when done.
        """
        doc_id = self.resolve(document_id)
        row = self._conn.execute(
            "SELECT filename, size, sha256, chunk_size FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        filename, size, sha256, chunk_size = row
        return DocumentReader(self._conn, doc_id, filename, size, sha256, chunk_size)

    def read_all(self, document_id: str, max_bytes: int) -> bytes:
        """The whole (verified) document in memory, for a viewer; refused above max_bytes."""
        doc = self.get(document_id)
        if doc.size > max_bytes:
            raise InvalidInput(
                "{filename} is {size}, too large to show here (the limit is {max_bytes}); "
                "export a copy to open it.",
                "size",
                code="too_large_show_here_limit",
                filename=doc.filename,
                size=_mib(doc.size),
                max_bytes=_mib(max_bytes),
            )
        data = bytearray(doc.size)
        view = memoryview(data)
        with self.open(doc.id) as reader:
            got = 0
            while got < doc.size:
                n = reader.readinto(view[got:])
                if not n:
                    break
                got += n
            # The read that reaches the end verifies; an empty file has had none yet.
            reader.read(1)
        return bytes(data)

    def verify(self, document_id: str) -> None:
        """Read the whole document and check its SHA-256; DocumentDamaged if it differs."""
        with self.open(document_id) as reader:
            while reader.read(CHUNK_SIZE):
                pass

    def export_copy(
        self,
        document_id: str,
        dest_path: str | os.PathLike[str],
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Path:
        """Write the document to `dest_path`, the place the user chose, and return it.

        The bytes go to a temporary file next to the destination, readable by the user
        only, and replace the destination only once all of them are written, flushed to
        disk and verified: a failure, a damaged document or a cancel leaves no partial
        file and leaves an existing file at `dest_path` as it was. The export is audited.
        """
        doc = self.get(document_id)
        dest = Path(dest_path)
        # The save dialog asked before replacing a file; a link, a device or a pipe is never
        # replaced (a rename over /dev/sdX or a link would destroy what the user never chose).
        check_destination(dest, force=True)
        try:
            fd, tmp_name = tempfile.mkstemp(
                prefix=".satchel-export-", suffix=".part", dir=dest.parent
            )
        except OSError as exc:
            raise _file_error(exc, dest) from None
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, self.open(doc.id) as reader:
                done = 0
                while True:
                    if cancelled is not None and cancelled():
                        raise Cancelled(
                            "Export cancelled; no file was written.",
                            code="export_cancelled_no_file_written",
                        )
                    data = reader.read(CHUNK_SIZE)
                    if not data:
                        break
                    out.write(data)
                    done += len(data)
                    if progress is not None:
                        progress(done, doc.size)
                out.flush()
                os.fsync(out.fileno())
            check_destination(dest, force=True)
            os.replace(tmp, dest)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _file_error(exc, dest) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _sync_folder(dest.parent)
        # A copy outside the vault is plaintext on disk: the log says where it went.
        self._ctx.audit.log("export", self.kind, doc.id, f"{doc.filename} copied to {dest}")
        return dest

    # -- listing ------------------------------------------------------------------------

    def list(
        self,
        *,
        case_id: str | None = None,
        person_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Document]:
        """Documents (of a case, of a person, or all), oldest intake first."""
        where, params = self._filters(case_id, person_id)
        clause, page_params = page(limit, offset)
        return self._records(
            self._query(
                f"{self._select_sql()} WHERE {where} ORDER BY created_at, id{clause}",
                [*params, *page_params],
            )
        )

    def count(self, *, case_id: str | None = None, person_id: str | None = None) -> int:
        where, params = self._filters(case_id, person_id)
        return self._count(where, params)

    def with_sha256(self, sha256: str) -> builtins.list[Document]:
        """Documents holding exactly these bytes (the same file added twice, or a bundle's
        `files/<sha256>` member already in the vault)."""
        return self._fetch("sha256 = ? ORDER BY created_at, id", (sha256.lower(),))

    def all_ids_for_case(self, case_id: str) -> builtins.list[str]:
        """Ids of every document of a case (for deleting the case)."""
        return self._ids("case_id = ?", (case_id,))

    def total_size(self, *, case_id: str | None = None) -> int:
        """Bytes stored in documents (of one case, or all)."""
        where, params = self._filters(case_id, None)
        row = self._query(f"SELECT coalesce(sum(size), 0) FROM documents WHERE {where}", params)
        return int(row[0][0])

    # -- RecordStore hooks --------------------------------------------------------------

    def _validate(self, record: Document, old: Document | None) -> Document:
        case_id = record.case_id
        if case_id is not None:
            case_id = self._ctx.links.reference("case", case_id, "case_id")
        person_id = record.person_id
        if person_id is not None:
            person_id = self._ctx.links.reference("person", person_id, "person_id")
        media_type = record.media_type.strip().lower()
        if not _MEDIA_TYPE_RE.match(media_type):
            raise InvalidInput(
                "Not a media type: {media_type!r}",
                "media_type",
                code="not_media_type",
                media_type=record.media_type,
            )
        if record.size < 0 or (record.sha256 and not re.fullmatch(r"[0-9a-f]{64}", record.sha256)):
            raise InvalidInput(
                "A document's size and SHA-256 are not valid",
                "sha256",
                code="document_s_size_sha_256",
            )
        return dataclasses.replace(
            record,
            case_id=case_id,
            person_id=person_id,
            filename=_clean_filename(record.filename),
            media_type=media_type,
            source=record.source.strip(),
        )

    def _derived(self, record: Document) -> dict[str, Any]:
        # A stored document keeps the chunk size it was written with.
        row = self._conn.execute(
            "SELECT chunk_size FROM documents WHERE id = ?", (record.id,)
        ).fetchone()
        return {"chunk_size": row[0] if row else CHUNK_SIZE}

    def _load_links(self, rows: Sequence[sqlite.Row]) -> builtins.list[dict[str, Any]]:
        links = self._ctx.links
        return [{"event_ids": tuple(links.document_event_ids(row["id"]))} for row in rows]

    def _before_delete(self, record: Document) -> str:
        # The bytes stay: a deleted document waits in the trash with them, and emptying
        # the trash deletes them (core/trash.py, under secure_delete).
        return ""

    def restore_row(self, data: Mapping[str, Any]) -> Document:
        """Put a document from the trash back, over bytes that stayed stored (no event
        links: the caller links what still exists)."""
        record: Document = from_dict(self.kind, {**data, "event_ids": []})  # type: ignore[assignment]
        with self._ctx.transaction():
            stored = self._conn.execute(
                "SELECT count(*), coalesce(sum(length(data)), 0) FROM document_chunks "
                "WHERE document_id = ?",
                (record.id,),
            ).fetchone()
            if record.size and (stored[0] == 0 or stored[1] != record.size):
                raise DocumentDamaged(
                    "The file of {filename} is no longer stored; it cannot be restored.",
                    code="trash_document_bytes_gone",
                    filename=record.filename,
                )
            record = self._validate(record, None)
            self._write(record, new=True)
            self._ctx.audit.log(
                "restore", self.kind, record.id, self._summary(record), case_id=record.case_id
            )
            self._index(record)
            self._ctx.links.revived(self.kind, [record.id])
        return record

    def ids_of_person(self, person_id: str, *, with_case: bool) -> builtins.list[str]:
        """Documents naming the person: those also in a case, or those kept for them alone."""
        where = "case_id IS NOT NULL" if with_case else "case_id IS NULL"
        return self._ids(f"person_id = ? AND {where} ORDER BY id", (person_id,))

    def relink_person(self, person_id: str, document_ids: Iterable[str]) -> int:
        """Name a restored person again on documents that still exist and name nobody
        (deleting the person cleared the field without an edit; so does this)."""
        linked = 0
        for doc_id in document_ids:
            cur = self._conn.execute(
                "UPDATE documents SET person_id = ? WHERE id = ? AND person_id IS NULL",
                (person_id, doc_id),
            )
            linked += max(cur.rowcount, 0)
        return linked

    def remove_case(self, case_id: str) -> int:
        """Remove every document row of a case (its deletion is audited for them); the
        bytes stay for the trash."""
        ids = self.all_ids_for_case(case_id)
        for doc_id in ids:
            self._ctx.links.before_delete(self.kind, doc_id)
        self._remove_where("case_id = ?", (case_id,))
        return len(ids)

    def _search_entry(self, record: Document) -> tuple[str | None, str, str, builtins.list[str]]:
        return record.case_id, record.filename, record.source, []

    def _summary(self, record: Document) -> str:
        return f"{record.filename} ({record.size} bytes, SHA-256 {record.sha256[:16]})"

    # -- helpers ------------------------------------------------------------------------

    def _filters(
        self, case_id: str | None, person_id: str | None
    ) -> tuple[str, builtins.list[Any]]:
        clauses = ["1"]
        params: builtins.list[Any] = []
        if case_id is not None:
            clauses.append("case_id = ?")
            params.append(case_id)
        if person_id is not None:
            clauses.append("person_id = ?")
            params.append(person_id)
        return " AND ".join(clauses), params

    def _write_chunks(
        self,
        document_id: str,
        source_file: BinaryIO | IO[bytes],
        total: int,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        *,
        limit: int | None = None,
        too_long: Exception | None = None,
        hash_content: bool = True,
    ) -> tuple[int, str, bytes]:
        """Copy the stream into chunks; returns (size, SHA-256 hex, first bytes).

        Without `hash_content` the SHA-256 returned is "" (the caller hashes elsewhere).

        With `limit`, a stream longer than that raises `too_long` as soon as it shows,
        rather than after storing all of it (a bundle member that claims 1 KiB but runs
        on for gigabytes).
        """
        # One buffer, reused: the file is never in memory beyond one chunk (plus the copy
        # SQLite makes while binding it).
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        digest = hashlib.sha256()
        head = b""
        size = 0
        seq = 0
        while True:
            if cancelled is not None and cancelled():
                raise Cancelled(
                    "Adding the document was cancelled; nothing was kept.",
                    code="adding_document_cancelled_nothing_kept",
                )
            n = _fill(source_file, view)
            if n == 0:
                break
            chunk = view[:n]
            if hash_content:
                digest.update(chunk)
            if seq == 0:
                head = bytes(chunk[:_MAGIC_BYTES])
            try:
                self._conn.execute(
                    "INSERT INTO document_chunks (document_id, seq, data) VALUES (?, ?, ?)",
                    (document_id, seq, chunk),
                )
            except sqlite.OperationalError as exc:
                if "full" in str(exc).lower():
                    raise DiskFull(
                        "The disk is full; the document was not added and nothing was kept.",
                        code="disk_full_document_not_added",
                    ) from exc
                raise
            size += n
            seq += 1
            if limit is not None and size > limit:
                raise too_long or DocumentDamaged(
                    "The file is longer than recorded.", code="file_longer_recorded"
                )
            if progress is not None:
                progress(size, total)
            if n < CHUNK_SIZE:
                break
        return size, digest.hexdigest() if hash_content else "", head


class DocumentReader(io.RawIOBase):
    """A stored document as a seekable binary stream, one chunk in memory at a time.

    The SHA-256 is computed over the bytes as they are read in order; any part skipped by
    seeking is read from the database when the end is reached, so a read that reaches
    the end always verifies the whole file before returning its last bytes.
    """

    def __init__(
        self,
        conn: sqlite.Connection,
        document_id: str,
        filename: str,
        size: int,
        sha256: str,
        chunk_size: int,
    ) -> None:
        super().__init__()
        self._conn = conn
        self.document_id = document_id
        self.filename = filename
        self.size = size
        self._sha256 = sha256
        self._chunk_size = chunk_size
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None
        self._digest = hashlib.sha256()
        self._hashed = 0  # bytes [0, _hashed) are in _digest
        self._verified = False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        self._check_open()
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._check_open()
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self.size + offset
        else:
            raise ValueError(f"invalid whence ({whence})")
        if pos < 0:
            raise ValueError(f"negative seek position {pos}")
        self._pos = pos
        return pos

    def readinto(self, buffer: Any) -> int:
        self._check_open()
        out = memoryview(buffer).cast("B")
        if self._pos >= self.size or len(out) == 0:
            if self._pos >= self.size:
                self._verify()
            return 0
        # Fill the whole buffer, across chunk boundaries: callers of a raw stream rarely
        # expect short reads before the end.
        done = 0
        while done < len(out) and self._pos < self.size:
            seq, offset = divmod(self._pos, self._chunk_size)
            chunk = self._chunk(seq)
            n = min(len(out) - done, len(chunk) - offset)
            out[done : done + n] = chunk[offset : offset + n]
            if self._pos <= self._hashed < self._pos + n:
                skip = self._hashed - self._pos
                self._digest.update(memoryview(chunk)[offset + skip : offset + n])
                self._hashed = self._pos + n
            self._pos += n
            done += n
        if self._pos >= self.size:
            self._verify()
        return done

    def close(self) -> None:
        self._cached = None
        super().close()

    # -- helpers ------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on a closed document")

    def _chunk(self, seq: int) -> bytes:
        if self._cached is not None and self._cached[0] == seq:
            return self._cached[1]
        try:
            row = self._conn.execute(
                "SELECT data FROM document_chunks WHERE document_id = ? AND seq = ?",
                (self.document_id, seq),
            ).fetchone()
        except sqlite.ProgrammingError as exc:  # the connection was closed under us
            raise VaultLocked(
                "The vault was locked while a document was being read.",
                code="vault_locked_while_document_being",
            ) from exc
        last = (self.size - 1) // self._chunk_size
        expected = self._chunk_size if seq < last else self.size - last * self._chunk_size
        if row is None or len(row[0]) != expected:
            raise self._damaged()
        data = bytes(row[0])
        self._cached = (seq, data)
        return data

    def _verify(self) -> None:
        if self._verified:
            return
        # Catch up on whatever was skipped by seeking, one chunk at a time.
        while self._hashed < self.size:
            seq, offset = divmod(self._hashed, self._chunk_size)
            chunk = self._chunk(seq)
            self._digest.update(memoryview(chunk)[offset:])
            self._hashed += len(chunk) - offset
        if self._digest.hexdigest() != self._sha256:
            raise self._damaged()
        self._verified = True

    def _damaged(self) -> DocumentDamaged:
        return DocumentDamaged(
            "The stored copy of {filename} does not match the SHA-256 recorded when it was "
            "added: it is damaged. Restore it from a bundle or from the original.",
            code="stored_copy_does_not_match",
            filename=self.filename,
        )


# -- module helpers ---------------------------------------------------------------------------


@contextlib.contextmanager
def _input(
    stream: BinaryIO | IO[bytes] | str | os.PathLike[str],
) -> Iterator[tuple[BinaryIO | IO[bytes], int]]:
    """The stream to read and its size when known (0 otherwise); opens and closes paths."""
    if isinstance(stream, str | os.PathLike):
        # A named pipe or a device would block or never end: only a regular file is read.
        with open_regular(stream) as f:
            yield f, os.fstat(f.fileno()).st_size
        return
    total = 0
    try:
        if stream.seekable():
            here = stream.tell()
            total = max(0, stream.seek(0, io.SEEK_END) - here)
            stream.seek(here)
    except (OSError, ValueError, AttributeError):
        total = 0
    yield stream, total


def _fill(source_file: BinaryIO | IO[bytes], view: memoryview) -> int:
    """Read until `view` is full or the stream ends (pipes and sockets return less)."""
    got = 0
    readinto = getattr(source_file, "readinto", None)
    try:
        while got < len(view):
            if readinto is not None:
                n = readinto(view[got:])
            else:
                data = source_file.read(len(view) - got)
                n = len(data)
                view[got : got + n] = data
            if not n:
                break
            got += n
    except OSError as exc:
        raise FileProblem(
            "Reading the file failed: {value}; nothing was kept.",
            code="reading_file_failed_nothing_kept",
            value=exc.strerror or exc,
        ) from None
    return got


def _clean_filename(name: str) -> str:
    """The last part of a file name, without control characters, at most 255 characters.

    A name from a bundle is untrusted: a path in it ("../../.bashrc") must never become a
    place a later export writes to.
    """
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))
    base = unicodedata.normalize("NFC", base).strip()
    if base in ("", ".", ".."):
        raise InvalidInput(
            "A document needs a file name", "filename", code="document_needs_file_name"
        )
    if len(base) > _MAX_FILENAME:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 16:
            base = stem[: _MAX_FILENAME - len(ext) - 1] + "." + ext
        else:
            base = base[:_MAX_FILENAME]
    return base


@contextlib.contextmanager
def _said_of_the_document() -> Iterator[None]:
    """A full disk anywhere in an intake (the chunks, the journal, the commit) is said of
    the document; a file size limit says itself which limit stopped it."""
    try:
        yield
    except FileSizeLimit:
        raise
    except DiskFull as exc:
        if exc.code == "disk_full_document_not_added":
            raise
        raise DiskFull(
            "The disk is full; the document was not added and nothing was kept.",
            code="disk_full_document_not_added",
        ) from exc


def _file_error(exc: OSError, dest: Path) -> DiskFull | FileProblem:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            "The disk is full; {dest} was not written.", code="disk_full_not_written", dest=dest
        )
    return FileProblem(
        "Cannot write {dest}: {value}", code="cannot_write", dest=dest, value=exc.strerror or exc
    )


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder is flushed; not every platform can.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"
