"""HistoryDialog: one record's history from the audit log — who, when, what changed.

Changes that came in a colleague's bundle name the colleague. Every line is shown as plain
text; the dialog only reads the vault.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.vault import Vault
from satchel.gui.common.plaintext import (
    plain_label,
    plain_tooltip,
    set_plain_text,
    set_plain_window_title,
)
from satchel.gui.history.words import action_word, actor_word
from satchel.i18n import format_datetime

__all__ = ["HistoryDialog", "HistoryView"]


class HistoryView(QTreeWidget):
    """The audit lines of one record, newest first."""

    COL_WHEN, COL_WHO, COL_WHAT, COL_DETAIL = range(4)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._record_id = ""
        self.setColumnCount(4)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._retranslate()

    def show_record(self, record_id: str) -> None:
        self._record_id = record_id
        self.clear()
        for line in self._vault.audit.list(record_id=record_id):
            item = QTreeWidgetItem(
                [
                    format_datetime(line.at),
                    actor_word(line.actor),
                    action_word(line.action),
                    line.summary,
                ]
            )
            item.setToolTip(self.COL_DETAIL, plain_tooltip(line.summary))
            self.addTopLevelItem(item)

    def _retranslate(self) -> None:
        self.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")])
        if self._record_id:
            self.show_record(self._record_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class HistoryDialog(QDialog):
    """A record's history in a window of its own (from a list's History… action)."""

    def __init__(self, vault: Vault, record_id: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HistoryDialog")
        self.view = HistoryView(vault, self)
        self.heading = plain_label("", self)
        self.heading.setWordWrap(True)
        set_plain_text(self.heading, label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        set_plain_window_title(self, self.tr("History"))
        self.resize(760, 420)
        self.view.show_record(record_id)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
