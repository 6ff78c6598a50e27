"""Importing a document's bytes with a digest computed by the stream that carries them."""

from __future__ import annotations

import hashlib
import io

import pytest

from satchel.core.codec import to_dict
from satchel.core.database import Database
from satchel.errors import DocumentDamaged


class _HashingStream(io.BytesIO):
    """Like the bundle reader's member stream: hashes every byte handed out."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.digest = hashlib.sha256()

    def readinto(self, b):  # type: ignore[no-untyped-def, override]
        n = super().readinto(b)
        self.digest.update(memoryview(b)[:n])
        return n


def _exported(db: Database, content: bytes) -> dict:  # type: ignore[type-arg]
    case = db.cases.create("Deportation of Arman Seitkali")
    doc = db.documents.add(io.BytesIO(content), case_id=case.id, filename="order.pdf")
    data = to_dict(doc)
    db.documents.delete(doc.id)
    return data


def test_import_with_the_streams_digest_stores_the_bytes(db: Database) -> None:
    content = b"%PDF-1.4 removal order " * 5000
    data = _exported(db, content)
    stream = _HashingStream(content)
    db.documents.put_raw(data, stream, content_sha256=stream.digest.hexdigest)
    with db.documents.open(data["id"]) as fh:
        assert fh.read() == content


def test_bytes_that_do_not_match_the_record_are_refused_and_nothing_kept(db: Database) -> None:
    content = b"%PDF-1.4 removal order " * 5000
    data = _exported(db, content)
    altered = content[:-1] + b"!"
    stream = _HashingStream(altered)
    with pytest.raises(DocumentDamaged), db.transaction():
        db.documents.put_raw(data, stream, content_sha256=stream.digest.hexdigest)
    assert db.documents.find(data["id"]) is None
