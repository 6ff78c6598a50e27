"""The Report menu of a case's chronology table: the rows it shows, as a PDF or on paper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QToolButton

from satchel.core.vault import Vault
from satchel.gui.chronology.table import EVENT_ID_ROLE, ChronologyPanel
from satchel.gui.common.report_actions import export_chronology_pdf, print_chronology

__all__ = ["chronology_report_ids", "report_button"]

_tr = QCoreApplication.translate


def chronology_report_ids(chronology: ChronologyPanel) -> list[str] | None:
    """The events a report from the chronology table covers: the rows its filters show,
    or None (the whole case) when nothing is filtered out."""
    proxy = chronology.proxy
    if proxy.rowCount() == chronology.model.rowCount():
        return None
    return [str(proxy.index(row, 0).data(EVENT_ID_ROLE)) for row in range(proxy.rowCount())]


def report_button(chronology: ChronologyPanel, vault: Callable[[], Vault | None]) -> QToolButton:
    """A "Report" menu for the chronology table: the rows shown, as a PDF or on paper.

    `vault` returns the open vault, or None once it is locked."""

    def run(action: Callable[..., object]) -> None:
        case_id, current = chronology.case_id(), vault()
        if current is not None and case_id is not None:
            action(chronology, current, case_id, chronology_report_ids(chronology))

    button = QToolButton(chronology)
    button.setObjectName("chronologyReportButton")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setText(_tr("Timeline", "Report"))
    button.setToolTip(_tr("Timeline", "A chronology report of the events shown in the table"))
    button.setAccessibleName(button.toolTip())
    menu = QMenu(button)
    menu.addAction(_tr("Timeline", "Save as PDF…"), lambda: run(export_chronology_pdf))
    menu.addAction(_tr("Timeline", "Print…"), lambda: run(print_chronology))
    button.setMenu(menu)
    return button
