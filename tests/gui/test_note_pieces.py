"""How a long Markdown note is cut into pieces that each render quickly and read the same."""

from __future__ import annotations

from satchel.gui.notes.pieces import MARKDOWN_CHARS, PIECE_CHARS, SHOWN_CHARS, note_pieces


def test_pieces_keep_every_character_and_stay_small() -> None:
    body = "".join(f"- item {i}\n" for i in range(3000))
    pieces = list(note_pieces(body))
    assert "".join(p.text for p in pieces) == body
    assert all(p.markdown for p in pieces)
    assert max(len(p.text) for p in pieces) <= 2 * PIECE_CHARS


def test_a_code_block_cut_in_two_is_closed_and_opened_again() -> None:
    code = "".join(f"line {i} of the transcript\n" for i in range(200))
    body = "Before\n\n```\n" + code + "```\n\nAfter\n"
    pieces = [p.text for p in note_pieces(body)]
    assert len(pieces) > 1
    for text in pieces:
        assert text.count("```") % 2 == 0, "every piece opens and closes its fence"


def test_a_table_cut_in_two_repeats_its_header() -> None:
    rows = "".join(f"| 2026-0{1 + i % 9}-01 | hearing {i} |\n" for i in range(300))
    body = "| Date | Event |\n| --- | --- |\n" + rows
    pieces = [p.text for p in note_pieces(body)]
    assert len(pieces) > 1
    assert all(t.startswith("| Date | Event |\n| --- | --- |\n") for t in pieces)


def test_past_the_markdown_limit_the_rest_is_plain_and_past_the_view_limit_counted() -> None:
    body = "x\n" * (SHOWN_CHARS // 2 + 1000)
    pieces = list(note_pieces(body))
    markdown = "".join(p.text for p in pieces if p.markdown)
    assert len(markdown) <= MARKDOWN_CHARS
    assert next(p for p in pieces if p.plain_from) is pieces[sum(p.markdown for p in pieces)]
    shown = "".join(p.text for p in pieces)
    assert body.startswith(shown) and shown.endswith("\n"), "whole lines, from the start"
    assert SHOWN_CHARS - 2 <= len(shown) <= SHOWN_CHARS
    assert pieces[-1].left_out == len(body) - len(shown)
