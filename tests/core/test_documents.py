"""Documents: files kept encrypted inside the vault, streamed in and out, checked on read."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from satchel.core.database import Database
from satchel.core.documents import CHUNK_SIZE, guess_media_type
from satchel.core.model import Case
from satchel.errors import (
    Cancelled,
    DiskFull,
    DocumentDamaged,
    FileProblem,
    InvalidInput,
    NotFound,
    VaultLocked,
)

PDF = b"%PDF-1.7\n" + b"fictional court decision " * 100


@pytest.fixture
def case(db: Database) -> Case:
    return db.cases.create("Extradition of Anna Zhuravleva", case_type="extradition")


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """A folder the user exports to (the vault's own folder is tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def pattern(size: int) -> bytes:
    """Deterministic bytes whose every chunk differs, so a swapped chunk shows."""
    block = hashlib.sha256(str(size).encode()).digest()
    out = bytearray()
    i = 0
    while len(out) < size:
        out += hashlib.sha256(block + i.to_bytes(8, "big")).digest() * 64
        i += 1
    return bytes(out[:size])


def chunk_rows(db: Database, document_id: str) -> int:
    return int(
        db.connection.execute(
            "SELECT count(*) FROM document_chunks WHERE document_id = ?", (document_id,)
        ).fetchone()[0]
    )


def read_back(db: Database, document_id: str) -> bytes:
    with db.documents.open(document_id) as reader:
        return reader.read(-1)


# -- intake and reading back ------------------------------------------------------------------


@pytest.mark.parametrize(
    "size",
    [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 17],
    ids=lambda s: f"{s}B",
)
def test_document_reads_back_byte_for_byte_with_its_sha256(
    db: Database, case: Case, size: int
) -> None:
    data = pattern(size)
    doc = db.documents.add(io.BytesIO(data), case_id=case.id, filename="scan.bin")
    assert doc.size == size
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert read_back(db, doc.id) == data
    # Chunk count follows the size exactly: no empty trailing chunk for an exact multiple.
    assert chunk_rows(db, doc.id) == -(-size // CHUNK_SIZE)


def test_document_from_a_path_keeps_its_metadata(db: Database, case: Case, tmp_path: Path) -> None:
    path = tmp_path / "decision.pdf"
    path.write_bytes(PDF)
    client = db.people.create(["Журавлёва Анна Сергеевна", "Zhuravleva Anna"])
    doc = db.documents.add(
        path,
        case_id=case.id,
        filename="Решение суда.pdf",
        received=date(2025, 8, 14),
        source="Given by the client's sister at the hearing",
        person_id=client.id,
    )
    stored = db.documents.get(doc.id)
    assert stored == doc
    assert stored.filename == "Решение суда.pdf"
    assert stored.media_type == "application/pdf"
    assert stored.received == date(2025, 8, 14)
    assert stored.person_id == client.id
    assert stored.versions == ((db.vault_id, 1),)
    assert db.documents.list(case_id=case.id) == [stored]
    assert db.documents.list(person_id=client.id) == [stored]
    assert db.documents.count(case_id=case.id) == 1


def test_intake_is_audited_and_searchable_by_file_name(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="Extradition_request.pdf")
    [line] = [a for a in db.audit.list() if a.record_id == doc.id]
    assert line.action == "create"
    assert "Extradition_request.pdf" in line.summary
    hits = db.search.search("Extradition_req", kinds=["document"])
    assert [(h.kind, h.record_id, h.case_id) for h in hits] == [("document", doc.id, case.id)]


def test_the_same_file_added_twice_is_found_by_its_sha256(db: Database, case: Case) -> None:
    first = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="decision.pdf")
    again = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="copy of decision.pdf")
    db.documents.add(io.BytesIO(b"other"), case_id=case.id, filename="other.txt")
    assert [d.id for d in db.documents.with_sha256(first.sha256.upper())] == [first.id, again.id]


def test_a_path_in_a_file_name_is_reduced_to_the_name(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(b"x"), case_id=case.id, filename="../../etc/\x07passwd")
    assert doc.filename == "passwd"
    with pytest.raises(InvalidInput):
        db.documents.add(io.BytesIO(b"x"), case_id=case.id, filename="../")


def test_a_missing_file_is_a_clear_error(db: Database, case: Case, tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="not found"):
        db.documents.add(tmp_path / "nope.pdf", case_id=case.id, filename="nope.pdf")
    assert db.documents.count() == 0


def test_a_stream_that_returns_short_reads_still_fills_whole_chunks(
    db: Database, case: Case
) -> None:
    class Trickle(io.RawIOBase):
        """Like a pipe: never more than 1000 bytes per read."""

        def __init__(self, data: bytes) -> None:
            self._src = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b):  # type: ignore[no-untyped-def]
            chunk = self._src.read(min(len(b), 1000))
            b[: len(chunk)] = chunk
            return len(chunk)

    data = pattern(2 * CHUNK_SIZE + 5)
    doc = db.documents.add(Trickle(data), case_id=case.id, filename="pipe.bin")
    assert chunk_rows(db, doc.id) == 3
    assert read_back(db, doc.id) == data


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (PDF, "scan.jpg", "application/pdf"),  # content wins over a wrong extension
        (b"\x89PNG\r\n\x1a\n....", "photo", "image/png"),
        (b"\xff\xd8\xff\xe0....", "photo.bin", "image/jpeg"),
        (b"plain words", "notes.txt", "text/plain"),
        (b"\x00\x01\x02", "mystery", "application/octet-stream"),
    ],
)
def test_media_type_is_guessed_from_content_then_name(
    head: bytes, name: str, expected: str
) -> None:
    assert guess_media_type(name, head) == expected


def test_a_given_media_type_is_kept(db: Database, case: Case) -> None:
    doc = db.documents.add(
        io.BytesIO(b"OggS..."), case_id=case.id, filename="call", media_type="Audio/Ogg"
    )
    assert doc.media_type == "audio/ogg"
    with pytest.raises(InvalidInput):
        db.documents.add(io.BytesIO(b""), case_id=case.id, filename="x", media_type="<b>")


# -- cancel, progress, failures -----------------------------------------------------------------


def test_cancelled_intake_leaves_nothing_behind(db: Database, case: Case) -> None:
    audit_before = db.audit.count()
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2  # after two chunks are in

    with pytest.raises(Cancelled):
        db.documents.add(
            io.BytesIO(pattern(5 * CHUNK_SIZE)),
            case_id=case.id,
            filename="big-scan.pdf",
            cancelled=cancelled,
        )
    conn = db.connection
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
    assert db.audit.count() == audit_before
    assert db.search.search("big-scan") == []


def test_a_read_error_midway_keeps_nothing(db: Database, case: Case) -> None:
    class Failing(io.RawIOBase):
        def __init__(self) -> None:
            self.sent = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b):  # type: ignore[no-untyped-def]
            if self.sent >= CHUNK_SIZE:
                raise OSError(5, "Input/output error")
            b[: len(b)] = b"\x01" * len(b)
            self.sent += len(b)
            return len(b)

    with pytest.raises(FileProblem, match="Input/output error"):
        db.documents.add(Failing(), case_id=case.id, filename="usb-stick.pdf")
    assert db.connection.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
    assert db.documents.count() == 0


def test_a_full_disk_during_intake_is_reported_and_keeps_nothing(db: Database, case: Case) -> None:
    conn = db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    # The database may grow by 100 pages (400 KiB): as if the disk filled up mid-file.
    conn.execute(f"PRAGMA max_page_count = {pages + 100}")
    with pytest.raises(DiskFull):
        db.documents.add(io.BytesIO(pattern(3 * CHUNK_SIZE)), case_id=case.id, filename="big.pdf")
    conn.execute("PRAGMA max_page_count = 4294967294")
    assert conn.execute("SELECT count(*) FROM document_chunks").fetchone()[0] == 0
    assert db.documents.count() == 0
    # The vault still works afterwards.
    assert db.documents.add(io.BytesIO(b"ok"), case_id=case.id, filename="small.txt").size == 2


def test_progress_reports_bytes_done_of_the_total(db: Database, case: Case) -> None:
    seen: list[tuple[int, int]] = []
    size = 2 * CHUNK_SIZE + 10
    db.documents.add(
        io.BytesIO(pattern(size)),
        case_id=case.id,
        filename="a.bin",
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(CHUNK_SIZE, size), (2 * CHUNK_SIZE, size), (size, size)]


# -- reading: streaming, seeking, verification --------------------------------------------------


def test_reader_seeks_and_reads_any_range(db: Database, case: Case) -> None:
    data = pattern(3 * CHUNK_SIZE + 100)
    doc = db.documents.add(io.BytesIO(data), case_id=case.id, filename="a.bin")
    with db.documents.open(doc.id) as reader:
        assert reader.seekable()
        reader.seek(CHUNK_SIZE - 10)
        assert reader.read(20) == data[CHUNK_SIZE - 10 : CHUNK_SIZE + 10]
        assert reader.seek(-50, io.SEEK_END) == len(data) - 50
        assert reader.read() == data[-50:]
        reader.seek(5)
        assert reader.tell() == 5
        assert reader.read(3) == data[5:8]
        # Buffered wrappers work on it (pypdfium2 and QImage read through one).
        reader.seek(0)
        assert io.BufferedReader(reader).read() == data


def test_a_damaged_chunk_is_reported_not_handed_out(db: Database, case: Case) -> None:
    data = pattern(2 * CHUNK_SIZE + 3)
    doc = db.documents.add(io.BytesIO(data), case_id=case.id, filename="decision.pdf")
    # Same length, one byte different: only the hash can tell.
    db.connection.execute(
        "UPDATE document_chunks SET data = ? WHERE document_id = ? AND seq = 1",
        (b"\x00" + data[CHUNK_SIZE + 1 : 2 * CHUNK_SIZE], doc.id),
    )
    with pytest.raises(DocumentDamaged, match=r"decision\.pdf"):
        read_back(db, doc.id)
    with pytest.raises(DocumentDamaged):
        db.documents.verify(doc.id)
    with pytest.raises(DocumentDamaged):
        db.documents.read_all(doc.id, max_bytes=10 * CHUNK_SIZE)


def test_a_damaged_part_skipped_by_seeking_is_still_caught_at_the_end(
    db: Database, case: Case
) -> None:
    data = pattern(3 * CHUNK_SIZE)
    doc = db.documents.add(io.BytesIO(data), case_id=case.id, filename="a.bin")
    db.connection.execute(
        "UPDATE document_chunks SET data = zeroblob(?) WHERE document_id = ? AND seq = 1",
        (CHUNK_SIZE, doc.id),
    )
    with db.documents.open(doc.id) as reader:
        assert reader.read(10) == data[:10]
        reader.seek(2 * CHUNK_SIZE)
        with pytest.raises(DocumentDamaged):
            reader.read()


def test_a_missing_chunk_is_reported(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(pattern(2 * CHUNK_SIZE)), case_id=case.id, filename="a.bin")
    db.connection.execute(
        "DELETE FROM document_chunks WHERE document_id = ? AND seq = 1", (doc.id,)
    )
    with pytest.raises(DocumentDamaged):
        read_back(db, doc.id)


def test_reading_after_the_vault_closed_says_it_is_locked(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(pattern(2 * CHUNK_SIZE)), case_id=case.id, filename="a")
    with db.documents.open(doc.id) as reader:
        reader.read(10)
        db.connection.close()
        with pytest.raises(VaultLocked):
            reader.read(2 * CHUNK_SIZE)


def test_read_all_gives_small_files_and_refuses_large_ones(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="d.pdf")
    assert db.documents.read_all(doc.id, max_bytes=len(PDF)) == PDF
    with pytest.raises(InvalidInput, match="too large"):
        db.documents.read_all(doc.id, max_bytes=len(PDF) - 1)
    empty = db.documents.add(io.BytesIO(b""), case_id=case.id, filename="empty.txt")
    assert db.documents.read_all(empty.id, max_bytes=0) == b""


# -- export ---------------------------------------------------------------------------------------


def test_export_writes_the_exact_file_where_the_user_chose(
    db: Database, case: Case, exports: Path
) -> None:
    data = pattern(CHUNK_SIZE + 7)
    doc = db.documents.add(io.BytesIO(data), case_id=case.id, filename="d.pdf")
    seen: list[tuple[int, int]] = []
    dest = db.documents.export_copy(
        doc.id, exports / "out.pdf", progress=lambda d, t: seen.append((d, t))
    )
    assert dest.read_bytes() == data
    assert seen[-1] == (len(data), len(data))
    # Private to the user: the exported copy is as sensitive as the vault.
    assert dest.stat().st_mode & 0o077 == 0
    assert os.listdir(exports) == ["out.pdf"]
    assert db.audit.list(record_id=doc.id)[0].action == "export"


def test_export_of_a_damaged_document_leaves_the_destination_untouched(
    db: Database, case: Case, exports: Path
) -> None:
    data = pattern(CHUNK_SIZE + 7)
    doc = db.documents.add(io.BytesIO(data), case_id=case.id, filename="d.pdf")
    db.connection.execute(
        "UPDATE document_chunks SET data = zeroblob(7) WHERE document_id = ? AND seq = 1", (doc.id,)
    )
    dest = exports / "out.pdf"
    dest.write_bytes(b"the user's earlier file")
    with pytest.raises(DocumentDamaged):
        db.documents.export_copy(doc.id, dest)
    assert dest.read_bytes() == b"the user's earlier file"
    assert os.listdir(exports) == ["out.pdf"]  # no temporary file left behind


def test_cancelled_export_leaves_no_file(db: Database, case: Case, exports: Path) -> None:
    doc = db.documents.add(io.BytesIO(pattern(3 * CHUNK_SIZE)), case_id=case.id, filename="d")
    answers = iter([False, True])
    with pytest.raises(Cancelled):
        db.documents.export_copy(doc.id, exports / "out", cancelled=lambda: next(answers))
    assert os.listdir(exports) == []


def test_export_into_a_missing_folder_is_a_clear_error(
    db: Database, case: Case, exports: Path
) -> None:
    doc = db.documents.add(io.BytesIO(b"x"), case_id=case.id, filename="d")
    with pytest.raises(FileProblem):
        db.documents.export_copy(doc.id, exports / "no" / "such" / "out")


# -- metadata, links, deletion ------------------------------------------------------------------


def test_metadata_changes_are_versioned_and_reindexed(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="scan001.pdf")
    changed = db.documents.update(doc.id, filename="Appeal ruling.pdf", source="Court registry")
    assert changed.filename == "Appeal ruling.pdf"
    assert changed.versions == ((db.vault_id, 2),)
    assert changed.sha256 == doc.sha256
    assert [h.record_id for h in db.search.search("Appeal ruling")] == [doc.id]
    assert db.search.search("scan001") == []
    with pytest.raises(TypeError):
        db.documents.update(doc.id, sha256="0" * 64)


def test_document_linked_to_events_at_intake(db: Database, case: Case) -> None:
    event = db.events.create(case.id, "Extradition request received", "extradition_request")
    doc = db.documents.add(
        io.BytesIO(PDF), case_id=case.id, filename="request.pdf", event_ids=[event.id]
    )
    assert doc.event_ids == (event.id,)
    assert db.events.get(event.id).document_ids == (doc.id,)


def test_delete_unlinks_and_unindexes_and_emptying_the_trash_removes_the_bytes(
    db: Database, case: Case
) -> None:
    event = db.events.create(case.id, "Hearing", "hearing")
    doc = db.documents.add(
        io.BytesIO(pattern(CHUNK_SIZE + 1)),
        case_id=case.id,
        filename="transcript.pdf",
        event_ids=[event.id],
    )
    db.documents.delete(doc.id)
    with pytest.raises(NotFound):
        db.documents.get(doc.id)
    assert db.events.get(event.id).document_ids == ()
    assert db.search.search("transcript") == []
    assert db.audit.list(record_id=doc.id)[0].action == "delete"
    # In the trash the bytes wait, restorable; emptying it deletes them.
    assert chunk_rows(db, doc.id) == 2
    db.trash.empty()
    assert chunk_rows(db, doc.id) == 0


def test_deleting_a_case_deletes_its_documents(db: Database, case: Case) -> None:
    doc = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="d.pdf")
    db.cases.delete(case.id)
    assert db.documents.count() == 0
    db.trash.empty()
    assert chunk_rows(db, doc.id) == 0


def test_import_with_bytes_that_do_not_match_writes_nothing(db: Database, case: Case) -> None:
    from satchel.core.codec import to_dict

    doc = db.documents.add(io.BytesIO(PDF), case_id=case.id, filename="d.pdf")
    data = to_dict(doc)
    db.documents.delete(doc.id)
    db.trash.empty()
    with pytest.raises(DocumentDamaged):
        db.documents.put_raw(data, io.BytesIO(PDF + b"tampered"))
    assert db.documents.find(doc.id) is None
    assert chunk_rows(db, doc.id) == 0

    class Endless(io.RawIOBase):
        """A member that runs on far beyond its recorded size."""

        read_so_far = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b):  # type: ignore[no-untyped-def]
            self.read_so_far += len(b)
            b[:] = b"\0" * len(b)
            return len(b)

    endless = Endless()
    with pytest.raises(DocumentDamaged):
        db.documents.put_raw(data, endless)
    assert endless.read_so_far <= 2 * CHUNK_SIZE  # stopped at once, not at the end
    restored = db.documents.put_raw(data, io.BytesIO(PDF))
    assert restored.id == doc.id
    assert restored.versions == doc.versions
    assert read_back(db, doc.id) == PDF


# -- memory -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_large_file_goes_in_and_out_in_bounded_memory(
    db: Database, case: Case, tmp_path: Path
) -> None:
    size = 64 * 1024 * 1024
    src = tmp_path / "big.bin"
    with src.open("wb") as f:
        block = pattern(CHUNK_SIZE)
        for _ in range(size // CHUNK_SIZE):
            f.write(block)
    tracemalloc.start()
    try:
        doc = db.documents.add(src, case_id=case.id, filename="big.bin")
        _, peak_in = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        out = db.documents.export_copy(doc.id, tmp_path / "copy.bin")
        _, peak_out = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.stat().st_size == size
    assert doc.sha256 == hashlib.sha256(block * (size // CHUNK_SIZE)).hexdigest()
    # A handful of chunks at most, whatever the file's size.
    assert peak_in < 8 * CHUNK_SIZE, peak_in
    assert peak_out < 8 * CHUNK_SIZE, peak_out
