"""The questions Satchel asks before something is lost: unsaved edits, a deleted record.

Holds `UnsavedChangesGuard`, the one place that decides what closing a record form (event,
person, note) with unsaved edits does: ask Save / Discard / Cancel, save and close on Save,
close on Discard, stay open on Cancel; and `confirm_deletion`, the one warning every panel
shows before it deletes a record, with Cancel as the default so Enter never deletes.
It must never hold a record's text of its own: each caller supplies its question through its
own `tr()`, so the translation context and the Russian text shown stay the caller's, and the
record's title reaches the screen as plain text only (`plain_message`). It never touches the
vault; saving and deleting stay with the caller.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from satchel.gui.common.plaintext import plain_message

__all__ = ["UnsavedChangesGuard", "confirm_deletion"]


class UnsavedChangesGuard(QDialog):
    """A form dialog that closes on OK only once saved and asks before dropping unsaved edits.

    Esc, Cancel and the window's close box all reach the same Save / Discard / Cancel question.

    Subclasses implement `is_dirty`, `save` (True when the record was written) and
    `_unsaved_changes_question` (the translated title and text of the question).
    """

    def is_dirty(self) -> bool:
        """True when the form differs from what was last loaded or saved."""
        raise NotImplementedError

    def save(self) -> bool:
        """Write the form to the vault; True on success (errors are shown in the form)."""
        raise NotImplementedError

    def _unsaved_changes_question(self) -> tuple[str, str]:
        """The (title, text) of the question, translated in the form's own context."""
        raise NotImplementedError

    def accept(self) -> None:
        # OK closes the form only once the record is written; a failed save keeps it open
        # with the error showing, so nothing typed is lost.
        if self.save():
            super().accept()

    def reject(self) -> None:
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self._confirm_discard():
            event.ignore()
            return
        event.accept()

    def _confirm_discard(self) -> bool:
        """Ask what to do with unsaved edits; True when the dialog may close.

        Save that succeeds closes the dialog as accepted here and returns False, so the
        caller does not close it a second time as rejected; Save that fails keeps it open
        with the form's error showing.
        """
        title, text = self._unsaved_changes_question()
        box = plain_message(
            self,
            QMessageBox.Icon.Question,
            title,
            text,
            buttons=QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            default=QMessageBox.StandardButton.Save,
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            if self.save():
                QDialog.accept(self)
            return False
        return answer == QMessageBox.StandardButton.Discard


def confirm_deletion(parent: QWidget, title: str, question: str, detail: str) -> bool:
    """Ask before a record is deleted; True only when the user pressed Delete.

    `title`, `question` and `detail` come translated from the caller; the record's name in
    `question` is shown as plain text. Cancel is the default button, so Enter or Esc keeps
    the record.
    """
    box = plain_message(
        parent,
        QMessageBox.Icon.Warning,
        title,
        question,
        detail,
        buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        default=QMessageBox.StandardButton.Cancel,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("Confirmations", "Delete")
    )
    return box.exec() == QMessageBox.StandardButton.Yes
