"""A note's Markdown cut into small pieces that render one per event-loop turn.

Qt's Markdown reader is quadratic in the items of one list or the rows of one table: a
1.6 MB note froze the window for minutes, and with it the lock shortcut and `satchel lock`.
Cut into pieces of about `PIECE_CHARS`, every piece renders in a few milliseconds, so the
view can build a long note piece by piece while the event loop keeps answering.

The cuts respect what Markdown would otherwise read differently:
- never inside a fenced code block without closing it and opening it again in the next piece;
- preferably at a blank line, else before a line that starts at the margin (a new item or
  paragraph), never before an indented continuation line unless a piece grew far too long;
- a table cut in two repeats its header row and delimiter in the next piece.

Past `MARKDOWN_CHARS` of Markdown the rest is plain text (in `PLAIN_PIECE_CHARS` pieces):
a note that long is read, not formatted, and no formatting cost can then grow with it.
Past `SHOWN_CHARS` the view stops and says how much more the note holds: even plain text
costs Qt about 10 ms per KiB to lay out, so a 15 MiB note would keep the view busy for
minutes. The note itself stays whole in the vault.
This module is plain text processing; it never renders and never holds a note beyond a call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "MARKDOWN_CHARS",
    "PIECE_CHARS",
    "PLAIN_PIECE_CHARS",
    "SHOWN_CHARS",
    "Piece",
    "note_pieces",
    "plain_pieces",
]

PIECE_CHARS = 512
MARKDOWN_CHARS = 128 * 1024
PLAIN_PIECE_CHARS = 1024
SHOWN_CHARS = 1024 * 1024

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    markdown: bool  # False: show as plain text
    plain_from: bool = False  # the first plain piece of a note cut short as Markdown
    left_out: int = 0  # the last piece: this many characters of the note are not shown


def _markdown_pieces(lines: list[str]) -> Iterator[str]:
    piece: list[str] = []
    size = 0
    fence: str | None = None  # the open fence's marker, while inside a code block
    table_head: list[str] = []  # header and delimiter of the table being read
    for i, line in enumerate(lines):
        stripped = line.rstrip("\n")
        at_margin = bool(stripped) and not stripped[0].isspace()
        blank_before = i > 0 and not lines[i - 1].strip()
        good_cut = fence is None and (blank_before or (at_margin and size >= PIECE_CHARS))
        forced = size >= 4 * PIECE_CHARS
        if piece and size >= PIECE_CHARS and (good_cut or forced):
            tail: list[str] = []
            if fence is not None:
                tail = [fence + "\n"]
            yield "".join(piece + tail)
            piece, size = [], 0
            if fence is not None:
                piece.append(fence + "\n")
            elif table_head and stripped.lstrip().startswith("|"):
                piece.extend(table_head)
        # Track code fences and tables for the next cut.
        m = _FENCE.match(stripped)
        if m:
            marker = m.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        if fence is None:
            if _TABLE_DELIMITER.match(stripped) and "|" in stripped and i > 0:
                table_head = [lines[i - 1], line]
            elif not stripped.lstrip().startswith("|"):
                table_head = []
        piece.append(line)
        size += len(line)
    if piece:
        yield "".join(piece)


def note_pieces(body: str) -> Iterator[Piece]:
    """The pieces of a Markdown note, in order: Markdown first, then any rest as plain text."""
    head, rest = body[:MARKDOWN_CHARS], body[MARKDOWN_CHARS:]
    if rest:
        # Cut the Markdown part at a line end, so no line is half formatted.
        cut = head.rfind("\n")
        if cut > 0:
            head, rest = head[: cut + 1], head[cut + 1 :] + rest
    for text in _markdown_pieces(head.splitlines(keepends=True)):
        # A single line longer than a piece (one giant table row, a line of '>' markers)
        # can be as slow as the whole: it is shown as text.
        yield Piece(text, markdown=max(map(len, text.splitlines() or [""])) <= 4 * PIECE_CHARS)
    for i, piece in enumerate(plain_pieces(rest, SHOWN_CHARS - len(head))):
        yield Piece(piece.text, False, plain_from=i == 0, left_out=piece.left_out)


def plain_pieces(body: str, shown: int = SHOWN_CHARS) -> Iterator[Piece]:
    """A plain note in pieces; past `shown` characters, one empty piece saying what is left."""
    shown = max(0, shown)
    if len(body) > shown:
        # Stop at a line end: a half line would read as something the note does not say.
        shown = body.rfind("\n", 0, shown) + 1 or shown
    for start in range(0, min(len(body), shown), PLAIN_PIECE_CHARS):
        yield Piece(body[start : min(start + PLAIN_PIECE_CHARS, shown)], markdown=False)
    if len(body) > shown:
        yield Piece("", markdown=False, left_out=len(body) - shown)
