"""AuditPage: the vault's audit log, filtered by case, kind of record, who and dates.

Reads only. Lines come a page at a time (newest first); "Show more" fetches the next. A
line a colleague's bundle wrote names the colleague. Every text is shown as plain text.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import AuditEntry
from satchel.core.vault import Vault
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.plaintext import plain_tooltip
from satchel.gui.history.words import KINDS, action_word, actor_word, kind_word
from satchel.i18n import format_datetime

__all__ = ["AuditPage"]

_PAGE = 500
_ANY = "\x00any"  # the combo boxes' "all" entry (no real case id, kind or actor is this)


class AuditPage(QWidget):
    """The audit log with filters; `open_record(kind, id)` when a line is opened."""

    open_record = Signal(str, str)

    COL_WHEN, COL_WHO, COL_WHAT, COL_KIND, COL_CASE, COL_DETAIL = range(6)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditPage")
        self._vault = vault
        self._shown = 0
        self._case_titles: dict[str, str] = {}

        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")

        self.case_combo = QComboBox(self)
        self.kind_combo = QComboBox(self)
        self.who_combo = QComboBox(self)
        self.from_check = QCheckBox(self)
        self.from_date = QDateEdit(self)
        self.to_check = QCheckBox(self)
        self.to_date = QDateEdit(self)
        today = QDate.currentDate()
        for edit, day in ((self.from_date, today.addDays(-30)), (self.to_date, today)):
            edit.setCalendarPopup(True)
            edit.setDate(day)
            edit.setEnabled(False)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        for combo in (self.case_combo, self.kind_combo, self.who_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for check in (self.from_check, self.to_check):
            check.toggled.connect(lambda _on: self.refresh())
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(lambda _d: self.refresh())

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(6)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_CASE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.COL_CASE, 200)
        header.setSectionResizeMode(self.COL_DETAIL, QHeaderView.ResizeMode.Interactive)
        self.tree.itemActivated.connect(self._open)
        self.empty_state = show_when_empty(
            self.tree, lambda: self.tr("No change matches these filters.")
        )
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.more_button = QPushButton(self)
        self.more_button.clicked.connect(self._more)

        self.form = QFormLayout()
        row1 = QHBoxLayout()
        row1.addWidget(self.case_combo, 2)
        row1.addWidget(self.kind_combo, 1)
        row1.addWidget(self.who_combo, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.from_check)
        row2.addWidget(self.from_date)
        row2.addSpacing(12)
        row2.addWidget(self.to_check)
        row2.addWidget(self.to_date)
        row2.addStretch(1)
        self.filters_label = QLabel(self)
        self.dates_label = QLabel(self)
        self.form.addRow(self.filters_label, row1)
        self.form.addRow(self.dates_label, row2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title_label)
        lay.addLayout(self.form)
        lay.addWidget(self.tree, 1)
        lay.addLayout(bottom)
        self._retranslate()
        self.refresh()

    # -- filters -------------------------------------------------------------------------------

    def _fill_combos(self) -> None:
        """The choices of each filter, keeping the current ones (called on each refresh of
        the lists: cases and colleagues come and go)."""
        self._case_titles = {c.id: c.title for c in self._vault.cases.list()}
        for combo, entries in (
            (self.case_combo, [(self.tr("All cases"), _ANY), *(
                (title, cid) for cid, title in sorted(
                    self._case_titles.items(), key=lambda kv: kv[1].casefold()
                )
            )]),
            (self.kind_combo, [(self.tr("All kinds"), _ANY), *((kind_word(k), k) for k in KINDS)]),
            (self.who_combo, [(self.tr("Anyone"), _ANY), *(
                (actor_word(a), a) for a in self._vault.audit.actors()
            )]),
        ):  # fmt: skip
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in entries:
                combo.addItem(text, data)
            index = combo.findData(current if current is not None else _ANY)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def filters(self) -> dict[str, object]:
        """The core's filter arguments for what the controls say."""
        out: dict[str, object] = {}
        for key, combo in (
            ("case_id", self.case_combo),
            ("record_kind", self.kind_combo),
            ("actor", self.who_combo),
        ):
            value = combo.currentData()
            if value is not None and value != _ANY:
                out[key] = value
        if self.from_check.isChecked():
            out["since"] = _start_of(self.from_date.date())
        if self.to_check.isChecked():
            out["until"] = _start_of(self.to_date.date()) + timedelta(days=1)
        return out

    def set_case(self, case_id: str) -> None:
        """Show one case's lines (from a case's "History" link)."""
        self._fill_combos()
        index = self.case_combo.findData(case_id)
        if index >= 0:
            self.case_combo.setCurrentIndex(index)

    # -- lines ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.case_combo.count():
            self._fill_combos()
        self.tree.clear()
        self._shown = 0
        self._more()

    def reload(self) -> None:
        """Fetch the filters' choices again and show the first lines."""
        self._fill_combos()
        self.refresh()

    def _more(self) -> None:
        filters = self.filters()
        lines = self._vault.audit.list(limit=_PAGE, offset=self._shown, **filters)  # type: ignore[arg-type]
        for line in lines:
            self.tree.addTopLevelItem(self._item(line))
        self.empty_state.update()
        self._shown += len(lines)
        total = self._vault.audit.count(**filters)  # type: ignore[arg-type]
        self.count_label.setText(
            self.tr("%1 of %2 lines").replace("%1", str(self._shown)).replace("%2", str(total))
        )
        self.more_button.setEnabled(self._shown < total)

    def _item(self, line: AuditEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                format_datetime(line.at),
                actor_word(line.actor),
                action_word(line.action),
                kind_word(line.record_kind),
                self._case_titles.get(line.case_id, ""),
                line.summary,
            ]
        )
        item.setToolTip(self.COL_DETAIL, plain_tooltip(line.summary))
        item.setData(0, Qt.ItemDataRole.UserRole, (line.record_kind, line.record_id))
        return item

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, record_id = item.data(0, Qt.ItemDataRole.UserRole)
        if kind in ("case", "person", "event", "note", "document") and record_id:
            self.open_record.emit(kind, record_id)

    def _retranslate(self) -> None:
        self.title_label.setText(self.tr("Audit log"))
        self.filters_label.setText(self.tr("Show:"))
        self.dates_label.setText(self.tr("Dates:"))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("to"))
        self.more_button.setText(self.tr("Show more"))
        self.tree.setHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Kind"),
                self.tr("Case"),
                self.tr("Details"),
            ]
        )
        if self.case_combo.count():
            self._fill_combos()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _start_of(day: QDate) -> datetime:
    """Midnight of a day in the computer's time zone, as an instant."""
    local = datetime(day.year(), day.month(), day.day(), 0, 0).astimezone()
    return local.astimezone(UTC)
