"""Helpers for bundle-format tests: fixed identities, sample records and in-memory bundles.

No vault here: these build bundles from plain dicts so the format layer is tested alone.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from satchel.bundle.format.writer import BundleWriter, FileSource, seal_bundle
from satchel.crypto.identity import Identity

VAULT_A = "0a0a0a0a-0000-4000-8000-00000000000a"
CASE_ID = "11111111-1111-4111-8111-111111111111"
WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def uid(n: int) -> str:
    return str(uuid.UUID(int=n, version=4))


def sample_records(doc: bytes | None = b"%PDF-1.4 fictional decision\n") -> list[tuple[str, Any]]:
    base = {
        "created_at": "2026-02-01T10:00:00.000000+00:00",
        "updated_at": "2026-02-01T10:00:00.000000+00:00",
        "origin_vault": VAULT_A,
        "versions": [[VAULT_A, 1]],
    }
    out: list[tuple[str, Any]] = [
        ("case", {**base, "id": CASE_ID, "title": "Extradition of Ivan Fictionalov"}),
        ("person", {**base, "id": uid(2), "names": [{"text": "Ivan Fictionalov"}]}),
        (
            "event",
            {
                **base,
                "id": uid(3),
                "case_id": CASE_ID,
                "title": "Arrest at the airport",
                "event_type": "arrest",
            },
        ),
    ]
    if doc is not None:
        out.append(
            (
                "document",
                {
                    **base,
                    "id": uid(4),
                    "case_id": CASE_ID,
                    "filename": "decision.pdf",
                    "media_type": "application/pdf",
                    "size": len(doc),
                    "sha256": hashlib.sha256(doc).hexdigest(),
                },
            )
        )
    note = {**base, "id": uid(5), "case_id": CASE_ID, "body": "Call the NGO."}
    written = {"written": "2026-02-01T10:00:00.000000+00:00", "author": "Anna Fictional"}
    out.append(("note", {**note, **written}))
    return out


def file_source(data: bytes, chunk: int = 7) -> FileSource:
    def chunks() -> Iterable[bytes]:
        for i in range(0, len(data), chunk):
            yield data[i : i + chunk]

    return FileSource(hashlib.sha256(data).hexdigest(), len(data), chunks)


def make_bundle(
    sender: Identity,
    recipients: list[Any] | None,
    *,
    records: list[tuple[str, Any]] | None = None,
    docs: list[bytes] | None = None,
    passphrase: str | None = None,
) -> bytes:
    docs = [b"%PDF-1.4 fictional decision\n"] if docs is None else docs
    records = sample_records(docs[0] if docs else None) if records is None else records
    writer = BundleWriter(
        sender,
        VAULT_A,
        recipients=recipients,
        cases=[CASE_ID],
        documents=bool(docs),
        notes=True,
        created_at=WHEN,
    )
    out = io.BytesIO()
    seal_bundle(
        out, writer, lambda: iter(records), [file_source(d) for d in docs], passphrase=passphrase
    )
    return out.getvalue()


def make_tar(sender: Identity, records: list[tuple[str, Any]] | None = None) -> bytes:
    """The decrypted inner tar of a bundle, for tests that mutate the parser's input."""
    doc = b"%PDF-1.4 fictional decision\n"
    records = sample_records(doc) if records is None else records
    writer = BundleWriter(
        sender, VAULT_A, recipients=[], cases=[CASE_ID], documents=True, notes=True, created_at=WHEN
    )
    files = [file_source(doc)]
    manifest, data = writer.manifest(lambda: iter(records), files)
    return b"".join(
        writer.tar_stream(
            manifest, lambda: iter(records), files, records_sha256=data["members"][0]["sha256"]
        )
    )
