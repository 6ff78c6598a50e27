"""Vault text shown through the plain-text helpers stays literal: no markup, no links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget
from shell_helpers import HOSTILE_TITLE

from satchel.gui.common.plaintext import (
    escape_window_title,
    plain_label,
    plain_message,
    plain_tooltip,
    set_plain_text,
    set_plain_window_title,
)


def _rendered(markup: str) -> str:
    """What a rich-text tooltip shows, as plain text (Qt's own HTML parser decides)."""
    doc = QTextDocument()
    doc.setHtml(markup)
    return doc.toPlainText()


def test_label_shows_markup_characters_literally(qtbot):
    label = plain_label(HOSTILE_TITLE)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == HOSTILE_TITLE
    assert not label.openExternalLinks()


def test_set_plain_text_forces_plain_format_on_an_auto_label(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.AutoText
    set_plain_text(label, HOSTILE_TITLE)
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_tooltip_renders_the_hostile_title_as_its_own_characters():
    markup = plain_tooltip(HOSTILE_TITLE)
    assert "<img" not in markup and "<a " not in markup
    assert _rendered(markup) == HOSTILE_TITLE


def test_tooltip_keeps_line_breaks_and_empty_text_gives_no_tooltip():
    assert _rendered(plain_tooltip("line one\nline <two>")) == "line one\nline <two>"
    assert plain_tooltip("") == ""


def test_window_title_placeholder_is_shown_not_swallowed(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    set_plain_window_title(w, "Case [*] <b>x</b>")
    w.setWindowModified(False)
    # Qt hides a lone "[*]" when the window is unmodified; the escape keeps it visible.
    assert escape_window_title("a [*] b") == "a [*][*] b"
    assert w.windowTitle() == "Case [*][*] <b>x</b>"
    w.show()
    # What the window system is given, after Qt's placeholder processing: the original.
    assert w.windowHandle().title() == "Case [*] <b>x</b>"


def test_message_box_text_and_details_are_plain(qtbot):
    box = plain_message(None, QMessageBox.Icon.Warning, HOSTILE_TITLE, HOSTILE_TITLE, HOSTILE_TITLE)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == HOSTILE_TITLE
    assert box.windowTitle() == HOSTILE_TITLE
