"""TrashPage: what was deleted, by whom and when; restore it, or empty the trash for good.

Restoring is undoable (the record can be deleted again), so it asks nothing; emptying is
final and asks first. After a restore the page says plainly what could not come back (a
person deleted since, a case that is gone). Titles and names are shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.deletion import RestoreReport
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.plaintext import plain_label, plain_message, set_plain_text
from satchel.gui.common.workers import user_message
from satchel.gui.history.words import actor_word, kind_word
from satchel.i18n import format_datetime

__all__ = ["TrashPage"]


class TrashPage(QWidget):
    """The vault's trash. Signals: `restored(kind, id)` after a restore, `open_record`."""

    restored = Signal(str, str)
    open_record = Signal(str, str)

    COL_WHAT, COL_KIND, COL_CASE, COL_WHEN, COL_WHO = range(5)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrashPage")
        self._vault = vault
        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.report_label = plain_label("", self)
        self.report_label.setWordWrap(True)
        self.report_label.hide()

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_CASE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.COL_CASE, 280)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda _item, _col: self.restore_selected())
        self.empty_state = show_when_empty(
            self.tree,
            lambda: self.tr("The trash is empty. What you delete comes here first, restorable."),
        )

        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button = QPushButton(self)
        self.empty_button.clicked.connect(self.empty_trash)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(self.empty_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title_label)
        lay.addWidget(self.hint_label)
        lay.addWidget(self.report_label)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        self._retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        titles = {c.id: c.title for c in self._vault.cases.list()}
        for entry in self._vault.trash.list():
            case = titles.get(entry.case_id or "", "") if entry.kind != "case" else ""
            item = QTreeWidgetItem(
                [
                    entry.label,
                    kind_word(entry.kind),
                    case,
                    format_datetime(entry.deleted_at),
                    actor_word(entry.deleted_by),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entry.record_id)
            self.tree.addTopLevelItem(item)
        empty = self.tree.topLevelItemCount() == 0
        self.empty_state.update()
        self.empty_button.setEnabled(not empty)
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        return [str(i.data(0, Qt.ItemDataRole.UserRole)) for i in self.tree.selectedItems()]

    def select(self, record_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == record_id:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        chosen = bool(self.tree.selectedItems())
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------------

    def restore_selected(self) -> list[RestoreReport]:
        reports: list[RestoreReport] = []
        problems: list[str] = []
        for record_id in self.selected_ids():
            try:
                report = self._vault.trash.restore(record_id)
            except SatchelError as exc:
                problems.append(user_message(exc))
                continue
            reports.append(report)
            self.restored.emit(report.kind, report.record_id)
        self.refresh()
        self._show_report(reports, problems)
        return reports

    def _show_report(self, reports: list[RestoreReport], problems: list[str]) -> None:
        lines = [
            self.tr("Restored: %1").replace("%1", r.label) for r in reports
        ]  # fmt: skip
        for r in reports:
            lines += [f"  {self._lost_words(code)} {what}".rstrip() for code, what in r.lost]
        lines += problems
        set_plain_text(self.report_label, "\n".join(lines))
        self.report_label.setVisible(bool(lines))

    def _lost_words(self, code: str) -> str:
        words = {
            "trash_lost_role": self.tr("Not restored: a role whose case or person is gone:"),
            "trash_lost_document": self.tr("Not restored: a document whose case is gone:"),
            "trash_lost_event_people": self.tr("People no longer in the vault left out of:"),
            "trash_lost_event_documents": self.tr("Documents no longer in the case left out of:"),
            "trash_lost_deadline_source": self.tr(
                "Now a fixed deadline (the event it counted from is gone):"
            ),
            "trash_lost_event_links": self.tr("Events no longer in the vault, not linked again:"),
            "trash_lost_dependent": self.tr(
                "A deadline changed or deleted since, left as a fixed deadline:"
            ),
            "trash_lost_document_links": self.tr(
                "Documents no longer in the vault, not linked again:"
            ),
        }
        return words.get(code, code)

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self._confirm(
            self.tr("Delete for good"),
            self.tr("Delete the chosen items for good? They cannot be restored."),
        ):
            return
        self._run(lambda: self._vault.trash.empty(ids))

    def empty_trash(self) -> None:
        if not self._confirm(
            self.tr("Empty the trash"),
            self.tr("Delete everything in the trash for good? It cannot be restored."),
        ):
            return
        self._run(lambda: self._vault.trash.empty())

    def _confirm(self, title: str, text: str) -> bool:
        box = plain_message(
            self,
            QMessageBox.Icon.Warning,
            title,
            text,
            self.tr("Documents' encrypted files are deleted with them."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return box.exec() == QMessageBox.StandardButton.Yes

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except SatchelError as exc:
            plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Trash"), user_message(exc)
            ).exec()
        self.report_label.hide()
        self.refresh()

    # -- language -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.title_label.setText(self.tr("Trash"))
        self.hint_label.setText(
            self.tr(
                "Deleted cases, people, events, notes and documents wait here until you "
                "restore them or empty the trash. A case comes back with everything in it."
            )
        )
        self.empty_state.update()
        self.restore_button.setText(self.tr("Restore"))
        self.purge_button.setText(self.tr("Delete for good…"))
        self.empty_button.setText(self.tr("Empty trash…"))
        self.tree.setHeaderLabels(
            [
                self.tr("What"),
                self.tr("Kind"),
                self.tr("Case"),
                self.tr("Deleted"),
                self.tr("By"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
