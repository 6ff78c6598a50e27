"""Constants and small helpers shared by the shell's GUI tests (not a test module)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

PASSPHRASE = "violet tractor lantern ocean 42"
HOSTILE_TITLE = '<img src=x><b>bold</b><a href="file:///etc/passwd">x</a>'


def label_texts(root: QWidget) -> list[str]:
    """The text of every label under `root` (to look for vault text left behind)."""
    return [label.text() for label in root.findChildren(QLabel)]
