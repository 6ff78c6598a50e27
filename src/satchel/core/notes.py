"""NoteStore: dated free text on a case, plain or Markdown, with its author.

Stores the text as written; rendering Markdown safely is the client's job.
"""

from __future__ import annotations

import builtins
import dataclasses
from datetime import datetime
from typing import Any

from satchel.core.codec import now
from satchel.core.model import Note, NoteFormat
from satchel.core.queries import page
from satchel.core.store import RecordStore, require_text
from satchel.errors import InvalidInput

__all__ = ["NoteStore"]

_TITLE_LENGTH = 80


class NoteStore(RecordStore[Note]):
    kind = "note"
    tombstoned = True
    table = "notes"
    record_cls = Note
    indexed = True

    def create(
        self,
        case_id: str,
        body: str,
        author: str = "",
        format: NoteFormat | str = NoteFormat.PLAIN,
        written: datetime | None = None,
    ) -> Note:
        return self._insert(
            {
                "case_id": self._ctx.links.full_id("case", case_id, "case_id"),
                "body": body,
                "author": author,
                "format": format,
                "written": written or now(),
            }
        )

    def list(
        self, *, case_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> builtins.list[Note]:
        """Notes, newest written first."""
        where, params = _filters(case_id)
        clause, page_params = page(limit, offset)
        rows = self._query(
            f"SELECT * FROM notes WHERE {where} ORDER BY written DESC, id{clause}",
            [*params, *page_params],
        )
        return self._records(rows)

    def count(self, *, case_id: str | None = None) -> int:
        where, params = _filters(case_id)
        return self._count(where, params)

    def all_ids_for_case(self, case_id: str) -> builtins.list[str]:
        return self._ids("case_id = ? ORDER BY id", (case_id,))

    def remove_case(self, case_id: str) -> int:
        return self._remove_where("case_id = ?", (case_id,))

    # -- hooks ----------------------------------------------------------------------------

    def _validate(self, record: Note, old: Note | None) -> Note:
        if not self._ctx.links.exists("case", record.case_id):
            raise InvalidInput(
                "No case with id {case_id}", "case_id", code="no_case_id", case_id=record.case_id
            )
        require_text(record.body, "body", "A note")
        return dataclasses.replace(record, author=record.author.strip())

    def _search_entry(self, record: Note) -> tuple[str | None, str, str, builtins.list[str]]:
        return record.case_id, note_title(record), record.body, []

    def _summary(self, record: Note) -> str:
        return note_title(record)


def note_title(note: Note) -> str:
    """The first line of a note, shortened: what lists and search results show."""
    first = note.body.strip().splitlines()[0].strip() if note.body.strip() else ""
    first = first.lstrip("#").strip()
    return first if len(first) <= _TITLE_LENGTH else first[: _TITLE_LENGTH - 1] + "…"


def _filters(case_id: str | None) -> tuple[str, builtins.list[Any]]:
    if case_id is None:
        return "1", []
    return "case_id = ?", [case_id]
