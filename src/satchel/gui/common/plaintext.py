"""Helpers that show text from the vault as plain text, whatever characters it holds.

Qt guesses "rich text" for labels, tooltips and message boxes whose text looks like HTML
(`Qt.mightBeRichText`), so a case titled `<img src=file:///...>` or `<a href=...>` from a
bundle would be rendered, fetch a local file, or show a clickable link. Every place that
shows vault text goes through one of these helpers. This module must never return a string
in which vault text is interpreted as markup.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

__all__ = [
    "escape_window_title",
    "plain_label",
    "plain_message",
    "plain_tooltip",
    "set_plain_text",
    "set_plain_tooltip",
    "set_plain_window_title",
]

# Qt treats "[*]" in a window title as the "unsaved changes" placeholder and hides it; a
# doubled "[*][*]" stands for one literal "[*]".
_TITLE_PLACEHOLDER = "[*]"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` literally, never as HTML, and opens no link."""
    label = QLabel(parent)
    set_plain_text(label, text)
    return label


def set_plain_text(label: QLabel, text: str) -> None:
    """Put `text` in `label` as plain text (the format is forced every time, not guessed)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setText(text)


def plain_tooltip(text: str) -> str:
    """Tooltip markup that displays `text` literally.

    Tooltips have no text-format switch: Qt guesses. Escaping and wrapping in a paragraph
    makes the guess "rich text" on purpose, and the escaped characters then show as
    themselves; `white-space: pre-wrap` keeps the line breaks and spaces of the original.
    """
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def set_plain_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(plain_tooltip(text))


def escape_window_title(text: str) -> str:
    """A window title that shows `text` literally (window titles are plain, but `[*]` is not)."""
    return text.replace(_TITLE_PLACEHOLDER, _TITLE_PLACEHOLDER * 2)


def set_plain_window_title(widget: QWidget, text: str) -> None:
    widget.setWindowTitle(escape_window_title(text))


def plain_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose title, text and details are all plain text.

    Returned unshown so the caller chooses `exec()` (modal) or `open()`; tests can inspect it.
    """
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setTextFormat(Qt.TextFormat.PlainText)
    set_plain_window_title(box, title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
        # The informative text has no format switch of its own; its label follows the
        # message box's text format only in some Qt versions, so force it on the label too.
        for label in box.findChildren(QLabel):
            if label.objectName() == "qt_msgbox_informativelabel":
                label.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(buttons)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box
