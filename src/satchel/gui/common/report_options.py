"""The report options dialog: language, columns, a filing version, the exhibit list.

Asked before a chronology report is saved or printed. The choices apply to that report
only; the language of the report does not change the interface's.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from satchel import i18n
from satchel.gui.common.drafts import DraftSubject
from satchel.report.chronology import COLUMNS, ReportOptions

__all__ = ["ReportOptionsDialog", "ask_report_options"]


class ReportOptionsDialog(QDialog):
    """What goes into one chronology report."""

    def __init__(
        self, parent: QWidget | None = None, case_id: str | None = None, action: str = "pdf"
    ) -> None:
        super().__init__(parent)
        # For a draft at lock: which case's report, saved ("pdf") or printed ("print").
        self._scope = {"case_id": case_id, "action": action} if case_id else {}
        self.setWindowTitle(self.tr("Report options"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        form.addRow(self.tr("Report &language:"), self.language)
        lay.addLayout(form)

        self.for_filing = QCheckBox(self.tr("For &filing: leave out internal assessments"), self)
        self.for_filing.setToolTip(
            self.tr(
                "Leaves out the status column (disputed or not, key facts, deadline status) "
                "and your notes on people's roles."
            )
        )
        lay.addWidget(self.for_filing)
        self.exhibits = QCheckBox(
            self.tr("&Exhibit list: the linked documents with their SHA-256"), self
        )
        lay.addWidget(self.exhibits)

        box = QGroupBox(self.tr("Columns"), self)
        box_lay = QVBoxLayout(box)
        titles = {
            "number": self.tr("Number (#)"),
            "date": self.tr("Date"),
            "type": self.tr("Type"),
            "event": self.tr("Event"),
            "source": self.tr("Source and quote"),
            "status": self.tr("Status (internal)"),
        }
        self.columns: dict[str, QCheckBox] = {}
        for key in COLUMNS:
            check = QCheckBox(titles[key], box)
            check.setChecked(True)
            box_lay.addWidget(check)
            self.columns[key] = check
        self.columns["event"].setEnabled(False)  # a chronology without its events says nothing
        lay.addWidget(box)
        self.for_filing.toggled.connect(self._filing_changed)

        note = QLabel(self.tr("The PDF is not encrypted: you are asked where to save it next."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        lay.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _filing_changed(self, on: bool) -> None:
        self.columns["status"].setEnabled(not on)
        if on:
            self.columns["status"].setChecked(False)

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        return DraftSubject("report-options", None, dict(self._scope))

    def options(self) -> ReportOptions:
        return ReportOptions(
            language=self.language.currentData(),
            columns=tuple(k for k, c in self.columns.items() if c.isChecked()),
            for_filing=self.for_filing.isChecked(),
            exhibits=self.exhibits.isChecked(),
        )


def ask_report_options(
    parent: QWidget | None, case_id: str | None = None, action: str = "pdf"
) -> ReportOptions | None:
    """The options the user chose, or None when they cancelled."""
    dialog = ReportOptionsDialog(parent, case_id, action)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()
