"""Answering Satchel's real file dialogs in tests the way a user does (not a test module).

`answer_file_dialog(path)` waits for the next modal QFileDialog, goes into the folder of
`path` (as a user clicking through folders would, which is what makes Qt record history),
types the name into the dialog's own name field and presses its accept button. What the
dialog looked like is recorded for assertions; no reference to it is kept, since Satchel
destroys it as soon as it closes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit


@dataclass
class SeenDialog:
    """What a test saw of one file dialog while it was up."""

    title: str = ""
    native: bool = True
    directory: str = ""
    history: list[str] = field(default_factory=list)
    answered: bool = False


def answer_file_dialog(
    path: Path | None, poll_ms: int = 20, give_up_ms: int = 20_000
) -> SeenDialog:
    """When the next file dialog is up, choose `path` in it (or cancel it for None)."""
    seen = SeenDialog()
    waited = [0]

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            waited[0] += poll_ms
            if waited[0] < give_up_ms:
                QTimer.singleShot(poll_ms, attempt)
            return
        seen.title = dialog.windowTitle()
        seen.native = not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        seen.directory = dialog.directory().absolutePath()
        seen.history = list(dialog.history())
        if path is None:
            dialog.reject()
        else:
            dialog.setDirectory(str(path.parent))
            name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
            name_edit.setText(path.name)
            box = dialog.findChild(QDialogButtonBox, "buttonBox")
            accept = box.button(QDialogButtonBox.StandardButton.Open) or box.button(
                QDialogButtonBox.StandardButton.Save
            )
            accept.click()
        seen.answered = True

    QTimer.singleShot(poll_ms, attempt)
    return seen
