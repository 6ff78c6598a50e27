"""The chronology report from the client: save as PDF or print, with the dialogs around it.

The report itself (`satchel.report.chronology`) lays out and paints; this module asks where
to save, says that the PDF is not encrypted, and shows failures in the window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from satchel.core.vault import Vault
from satchel.gui.common.file_dialogs import choose_save_file
from satchel.gui.common.plaintext import plain_message
from satchel.report.chronology import (
    build_chronology_document,
    load_report_data,
    paint_document,
    render_chronology_pdf,
    setup_page,
    suggested_file_name,
    write_file_atomically,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

__all__ = ["export_chronology_pdf", "print_chronology"]

_tr = QCoreApplication.translate


def export_chronology_pdf(
    parent: QWidget | None,
    vault: Vault,
    case_id: str,
    event_ids: Sequence[str] | None = None,
    *,
    path: str | None = None,
    confirm: bool = True,
) -> Path | None:
    """Ask where to save, remind that the PDF is not encrypted, then write it.

    Returns the path written, or None when the user cancelled. `path` and `confirm=False`
    skip the dialogs (tests, scripted use).
    """
    if path is None:
        chosen = choose_save_file(
            parent,
            _tr("Report", "Save chronology report"),
            Path.home() / suggested_file_name(),
            _tr("Report", "PDF documents (*.pdf)"),
        )
        if chosen is None:
            return None
        path = str(chosen)
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    if confirm:
        box = plain_message(
            parent,
            QMessageBox.Icon.Warning,
            _tr("Report", "The report is not encrypted"),
            _tr(
                "Report",
                "The PDF will be written unencrypted to:\n%1\n\nAnyone who gets the file can "
                "read the case in it. Keep it on an encrypted disk, delete it when it has served, "
                "and send it only by a channel you trust.",
            ).replace("%1", str(target)),
            buttons=QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            default=QMessageBox.StandardButton.Cancel,
        )
        if box.exec() != QMessageBox.StandardButton.Save:
            return None
    try:
        with _busy():
            data = load_report_data(vault, case_id, event_ids)
            write_file_atomically(target, render_chronology_pdf(data))
    except OSError as exc:
        plain_message(
            parent,
            QMessageBox.Icon.Critical,
            _tr("Report", "Report not written"),
            _tr("Report", "Could not write %1: %2")
            .replace("%1", str(target))
            .replace("%2", exc.strerror or str(exc)),
        ).exec()
        return None
    return target


def print_chronology(
    parent: QWidget | None,
    vault: Vault,
    case_id: str,
    event_ids: Sequence[str] | None = None,
    *,
    printer: QPrinter | None = None,
    ask: bool = True,
) -> bool:
    """Print the report through the system print dialog; True when it was sent.

    `printer` (a QPrinter) and `ask=False` skip the dialog: tests print to a PDF file.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_page(printer)
    if ask:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("Report", "Print chronology"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    with _busy():
        data = load_report_data(vault, case_id, event_ids)
        doc = build_chronology_document(data)
        paint_document(doc, printer, data.case.title)
    return True


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    # Laying out a long chronology takes seconds (about 3 ms an event): say so.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
