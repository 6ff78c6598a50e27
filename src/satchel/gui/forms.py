"""Behaviour shared by the record forms (event, person and note dialogs).

Holds `UnsavedChangesGuard`, the one place that decides what closing a form with unsaved
edits does: ask Save / Discard / Cancel, save and close on Save, close on Discard, stay open
on Cancel. It must never hold user-visible text of its own: each form supplies its question
through its own `tr()`, so the translation context (the form's class name) and the Russian
text shown stay exactly those of the form. It never touches the vault; saving is the form's.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox

from satchel.gui.plaintext import plain_message


class UnsavedChangesGuard(QDialog):
    """A dialog that asks before unsaved edits are thrown away by Esc, Cancel or the close box.

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
