"""Create, edit and close a case: the case form, its validation, and the names of case enums.

Every problem is said next to the field it concerns (the core's `InvalidInput.field` is
mapped back to its field), and closing the dialog with unsaved changes asks first. All
writes go through `vault.cases` (so they are audited); this module holds no SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Case, CaseStatus, CaseType, Reference, RiskLevel
from satchel.core.vault import Vault
from satchel.errors import InvalidInput, SatchelError
from satchel.gui.common.dates import DayEdit
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.plaintext import plain_message, set_plain_text, set_plain_window_title
from satchel.gui.common.workers import user_message
from satchel.labels import case_status_label, case_type_label, risk_label

__all__ = [
    "CaseDialog",
    "CloseCaseDialog",
]


translate = QCoreApplication.translate  # the name lupdate looks for


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class _OptionalDate(QWidget):
    """A date that may be unset: a check box and a calendar date field."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        # The form row already names the date; the box only says "known or not".
        self.check = QCheckBox(self)
        self.check.setAccessibleName(label)
        self.edit = DayEdit(self)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(label)
        self.check.toggled.connect(self.edit.setEnabled)
        lay.addWidget(self.check)
        lay.addWidget(self.edit)
        lay.addStretch(1)

    def value(self) -> date | None:
        return _pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(_qdate(value))


class CaseDialog(QDialog):
    """The case form. With `case=None` it creates a case, else it edits that one.

    After `exec()` returns Accepted, `saved` holds the case as stored by the core.
    """

    def __init__(self, vault: Vault, case: Case | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self._case = case
        self.saved: Case | None = None
        self.setModal(True)
        self.setMinimumWidth(560)
        if case is None:
            self.setWindowTitle(self.tr("New case"))
        else:
            set_plain_window_title(self, self.tr("Edit case: {0}").format(case.title))
        self._build()
        if case is not None:
            self._load(case)
        self._initial = self._snapshot()
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.accept)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addLayout(form)

        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. the client's name and the matter"))
        self.title_error = _error_label(self)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow("", self.title_error)

        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(self.tr("Case type"))
        for t in CaseType:
            self.type_combo.addItem(case_type_label(t), t.value)
        form.addRow(self.tr("T&ype:"), self.type_combo)

        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        for s in CaseStatus:
            self.status_combo.addItem(case_status_label(s), s.value)
        form.addRow(self.tr("&Status:"), self.status_combo)

        self.risk_combo = QComboBox(self)
        self.risk_combo.setAccessibleName(self.tr("Risk level"))
        for r in RiskLevel:
            self.risk_combo.addItem(risk_label(r), r.value)
        self.risk_combo.setCurrentIndex(list(RiskLevel).index(RiskLevel.MEDIUM))
        form.addRow(self.tr("&Risk:"), self.risk_combo)

        self.jurisdiction_edit = QLineEdit(self)
        self.jurisdiction_edit.setAccessibleName(self.tr("Jurisdiction"))
        form.addRow(self.tr("&Jurisdiction:"), self.jurisdiction_edit)
        self.authority_edit = QLineEdit(self)
        self.authority_edit.setAccessibleName(self.tr("Court or authority"))
        form.addRow(self.tr("Court or &authority:"), self.authority_edit)

        self.refs_table = QTableWidget(0, 2, self)
        self.refs_table.setAccessibleName(self.tr("Reference numbers"))
        self.refs_table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Number")])
        self.refs_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refs_table.verticalHeader().hide()
        self.refs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refs_table.setMinimumHeight(120)
        self.refs_table.setMaximumHeight(170)
        refs_box = QVBoxLayout()
        refs_box.addWidget(self.refs_table)
        ref_buttons = QHBoxLayout()
        add_ref = QPushButton(self.tr("Add number"), self)
        add_ref.clicked.connect(lambda: self._add_reference("", ""))
        remove_ref = QPushButton(self.tr("Remove number"), self)
        remove_ref.clicked.connect(self._remove_reference)
        ref_buttons.addWidget(add_ref)
        ref_buttons.addWidget(remove_ref)
        ref_buttons.addStretch(1)
        refs_box.addLayout(ref_buttons)
        self.refs_error = _error_label(self)
        refs_box.addWidget(self.refs_error)
        form.addRow(self.tr("Reference numbers:"), refs_box)

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas"))
        form.addRow(self.tr("Ta&gs:"), self.tags_edit)

        self.opened_edit = _OptionalDate(self.tr("Opened on"), self)
        form.addRow(self.tr("Opened:"), self.opened_edit)
        self.closed_edit = _OptionalDate(self.tr("Closed on"), self)
        self.closed_error = _error_label(self)
        form.addRow(self.tr("Closed:"), self.closed_edit)
        form.addRow("", self.closed_error)

        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        self.summary_edit.setMinimumHeight(90)
        form.addRow(self.tr("S&ummary:"), self.summary_edit)

        self.general_error = _error_label(self)
        outer.addWidget(self.general_error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.title_edit.setFocus()

    def _add_reference(self, label: str, value: str) -> None:
        row = self.refs_table.rowCount()
        self.refs_table.insertRow(row)
        # QTableWidgetItem text is plain: the table's delegate never interprets markup.
        label_item = QTableWidgetItem(label)
        self.refs_table.setItem(row, 0, label_item)
        self.refs_table.setItem(row, 1, QTableWidgetItem(value))
        if not label and not value:
            self.refs_table.setCurrentCell(row, 0)
            self.refs_table.editItem(label_item)

    def _remove_reference(self) -> None:
        row = self.refs_table.currentRow()
        if row >= 0:
            self.refs_table.removeRow(row)

    def _load(self, case: Case) -> None:
        self.title_edit.setText(case.title)
        self.type_combo.setCurrentIndex(self.type_combo.findData(case.case_type.value))
        self.status_combo.setCurrentIndex(self.status_combo.findData(case.status.value))
        self.risk_combo.setCurrentIndex(self.risk_combo.findData(case.risk.value))
        self.jurisdiction_edit.setText(case.jurisdiction)
        self.authority_edit.setText(case.authority)
        for ref in case.references:
            self._add_reference(ref.label, ref.value)
        self.tags_edit.setText(", ".join(case.tags))
        self.opened_edit.set_value(case.opened)
        self.closed_edit.set_value(case.closed)
        self.summary_edit.setPlainText(case.summary)

    # -- values and validation --------------------------------------------------------------

    def _references(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.refs_table.rowCount()):
            label_item = self.refs_table.item(row, 0)
            value_item = self.refs_table.item(row, 1)
            label = label_item.text().strip() if label_item else ""
            value = value_item.text().strip() if value_item else ""
            if label or value:
                out.append((label, value))
        return out

    def fields(self) -> dict[str, Any]:
        """The form's values in the shape `vault.cases.create/update` take."""
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return {
            "title": self.title_edit.text().strip(),
            "case_type": CaseType(self.type_combo.currentData()),
            "status": CaseStatus(self.status_combo.currentData()),
            "risk": RiskLevel(self.risk_combo.currentData()),
            "jurisdiction": self.jurisdiction_edit.text().strip(),
            "authority": self.authority_edit.text().strip(),
            "references": tuple(Reference(label=lb, value=v) for lb, v in self._references()),
            "tags": tags,
            "opened": self.opened_edit.value(),
            "closed": self.closed_edit.value(),
            "summary": self.summary_edit.toPlainText().strip(),
        }

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        case = self._case
        if case is None:
            return DraftSubject("case", None, {}, self.title_edit.text().strip())
        return DraftSubject("case", case.id, {}, case.title, case.updated_at.isoformat())

    def _snapshot(self) -> dict[str, Any]:
        return self.fields()

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    def _clear_errors(self) -> None:
        for label in (self.title_error, self.refs_error, self.closed_error, self.general_error):
            label.hide()
            label.clear()

    def _show_error(self, field: str | None, message: str) -> None:
        target = {
            "title": self.title_error,
            "references": self.refs_error,
            "closed": self.closed_error,
            "opened": self.closed_error,
        }.get(field or "", self.general_error)
        set_plain_text(target, message)
        target.show()
        focus = {"title": self.title_edit, "references": self.refs_table}.get(field or "")
        if focus is not None:
            focus.setFocus()

    def validate(self) -> bool:
        """Check the form; say what is wrong next to each field. True when it can be saved."""
        self._clear_errors()
        f = self.fields()
        ok = True
        if not f["title"]:
            self._show_error("title", self.tr("A case needs a title."))
            ok = False
        if any(not v for _label, v in self._references()):
            self._show_error("references", self.tr("Each reference needs a number."))
            ok = False
        return ok

    def accept(self) -> None:
        if not self.validate():
            return
        f = self.fields()
        try:
            if self._case is None:
                title = f.pop("title")
                self.saved = self._vault.cases.create(title, **f)
            else:
                changes = {k: v for k, v in f.items() if getattr(self._case, k) != v}
                self.saved = (
                    self._vault.cases.update(self._case.id, **changes) if changes else self._case
                )
        except InvalidInput as e:
            self._show_error(e.field, user_message(e))
            return
        except SatchelError as e:
            self._show_error(None, user_message(e))
            return
        self._initial = self._snapshot()
        super().accept()

    def reject(self) -> None:
        if self.is_dirty():
            box = plain_message(
                self,
                QMessageBox.Icon.Question,
                self.tr("Unsaved changes"),
                self.tr("This case has changes that are not saved. Discard them?"),
                buttons=QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                default=QMessageBox.StandardButton.Cancel,
            )
            if box.exec() != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button goes through the same unsaved-changes question.
        event.ignore()
        self.reject()


class CloseCaseDialog(QDialog):
    """Close a case: the closing date (today by default); the status becomes Closed."""

    def __init__(self, vault: Vault, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case = case
        self.saved: Case | None = None
        set_plain_window_title(self, self.tr("Close case: {0}").format(case.title))
        lay = QVBoxLayout(self)
        intro = QLabel(self)
        intro.setWordWrap(True)
        set_plain_text(
            intro,
            self.tr("Close “{0}”? It stays in the vault and can be reopened.").format(case.title),
        )
        lay.addWidget(intro)
        form = QFormLayout()
        self.date_edit = DayEdit(self)
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setAccessibleName(self.tr("Closing date"))
        form.addRow(self.tr("Closed &on:"), self.date_edit)
        lay.addLayout(form)
        self.error = _error_label(self)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close case"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        case = self._case
        return DraftSubject("close-case", case.id, {}, case.title, case.updated_at.isoformat())

    def accept(self) -> None:
        closed = _pydate(self.date_edit.date())
        try:
            self.saved = self._vault.cases.update(
                self._case.id, status=CaseStatus.CLOSED, closed=closed
            )
        except SatchelError as e:
            set_plain_text(self.error, user_message(e))
            self.error.show()
            return
        super().accept()
