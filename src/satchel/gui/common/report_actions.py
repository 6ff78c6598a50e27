"""The chronology report from the client: save as PDF or print, with the dialogs around it.

The report itself (`satchel.report.chronology`) lays out and paints; this module asks where
to save, says that the PDF is not encrypted, and shows failures in the window. Qt lays a
report out in long C++ calls that keep Python's GIL, so even in a worker thread a long
chronology starved the GUI thread for seconds; the report is therefore laid out and painted
in a child process (`satchel.report.out_of_process`). A worker reads the case from the
vault (quick), hands the data to the child over a pipe and relays its progress to a
progress dialog with Cancel: the window keeps painting and the lock keeps answering. Cancel
and a lock (which cancels every job) kill the child at once. A cancelled report leaves no
file: the parent writes the PDF, via a temporary file and a rename, only once it is
complete.

Printing: the child makes the PDF for the printer's paper and margins. Printed to a PDF
file, that PDF is the file (real text). Printed on paper, its pages are rasterised by PDFium
(through ctypes, which lets go of the GIL) at up to 300 dpi and painted on the printer in
strips of a page, each a bounded piece of work whatever the length of the report. (Vector
printing would need the child to drive the printer itself, with every setting the print
dialog can set; the PDF-to-file case, where text matters most, keeps the real text.)

The report's language is its own (`ReportOptions.language`): its words come from a
`Catalogue`, never from switching the interface's translators.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from satchel.core.vault import Vault
from satchel.errors import Cancelled, FileProblem, SatchelError
from satchel.gui.common.file_dialogs import choose_save_file
from satchel.gui.common.plaintext import plain_message
from satchel.gui.common.report_options import ask_report_options
from satchel.gui.common.workers import Job, JobContext, run_job
from satchel.i18n import Catalogue
from satchel.report.chronology import (
    Progress,
    ReportOptions,
    load_report_data,
    page_points,
    setup_page,
    suggested_file_name,
    write_file_atomically,
)
from satchel.report.out_of_process import ChildRender

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

__all__ = ["ReportRun", "export_chronology_pdf", "print_chronology"]

_tr = QCoreApplication.translate


class ReportRun(QObject):
    """One report being made (a worker and its child process), with its progress dialog.

    `done(result)` when it ended: the path written (or True for a print), or None when it
    was cancelled (by the user or a lock) or failed (the failure was shown). Cancel, or a
    lock cancelling the job, kills the child process at once."""

    done = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress, ChildRender], object],
        *,
        show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.child = ChildRender()
        self.result: object = None
        self.finished = False
        self.phases: list[tuple[str, int, int]] = []  # every progress shown (tests, bench)
        # Filled by the worker, emptied by the GUI thread (deque appends and pops are
        # thread-safe): each progress arrives with its phase, none is skipped.
        self._pending: deque[tuple[str, int, int]] = deque()
        self.dialog: QProgressDialog | None = None
        if show_progress:
            dialog = QProgressDialog(parent)
            dialog.setWindowTitle(_tr("Report", "Chronology report"))
            dialog.setLabelText(_tr("Report", "Reading the case…"))
            dialog.setCancelButtonText(_tr("Report", "Cancel"))
            dialog.setRange(0, 0)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.canceled.connect(self.cancel)
            dialog.show()
            self.dialog = dialog
        last = [0.0]

        child = self.child

        def job(ctx: JobContext) -> object:
            ctx.on_cancel(child.kill)

            def progress(phase: str, done: int, total: int) -> None:
                ctx.check_cancelled()  # a lock or Cancel stops the report between rows
                now = time.monotonic()
                # At most ~30 updates a second: 10,000 rows must not flood the GUI thread.
                if now - last[0] >= 0.03 or done == total:
                    last[0] = now
                    self._pending.append((phase, done, total))
                    ctx.progress(done, total)

            try:
                return work(progress, child)
            except Exception as exc:
                # The traceback's frames hold the half-made QTextDocument: dropped here, in
                # the thread that made it (its timers belong to this thread), not on the GUI
                # thread with the exception sent there.
                exc.__traceback__ = None
                exc.__context__ = None
                raise exc from None

        self.job: Job = run_job(job, self._succeeded, self._failed, self._progressed)

    def cancel(self) -> None:
        self.job.cancel()

    def _progressed(self, _done: int, _total: int) -> None:
        if not self._pending:
            return
        while self._pending:
            self.phases.append(self._pending.popleft())
        phase, done, total = self.phases[-1]
        if self.dialog is None:
            return
        text = {
            "layout": _tr("Report", "Laying out row {0} of {1}…"),
            "measure": _tr("Report", "Keeping rows whole across pages: row {0} of {1}…"),
            "pages": _tr("Report", "Painting page {0} of {1}…"),
            "print": _tr("Report", "Printing page {0} of {1}…"),
            "write": _tr("Report", "Writing the file…"),
        }.get(phase, "")
        self.dialog.setLabelText(text.format(done, total))
        self.dialog.setRange(0, max(total, 1))
        self.dialog.setValue(min(done, total))

    def _end(self, result: object) -> None:
        self.result, self.finished = result, True
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.done.emit(result)

    def _succeeded(self, result: object) -> None:
        self._end(result)

    def _failed(self, message: str, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            plain_message(
                self._parent,
                QMessageBox.Icon.Critical,
                _tr("Report", "Report not written"),
                message,
            ).open()
        self._end(None)


def write_chronology_pdf(
    vault: Vault,
    case_id: str,
    event_ids: Sequence[str] | None,
    target: Path,
    options: ReportOptions,
    child: ChildRender,
    progress: Progress | None = None,
) -> Path:
    """Read the case, have `child` lay out and paint it, write the PDF (in a worker; no
    widget is touched). `options.language` is set."""
    pdf = child.render(load_report_data(vault, case_id, event_ids), options, progress=progress)
    if progress is not None:
        progress("write", 1, 1)  # a last chance to cancel before anything is written
    _write(target, pdf)
    return target


def _write(target: Path, pdf: bytes) -> None:
    try:
        write_file_atomically(target, pdf)
    except OSError as exc:
        raise FileProblem(
            "Cannot write {dest}: {value}",
            code="cannot_write",
            dest=target,
            value=exc.strerror or exc,
        ) from None


def export_chronology_pdf(
    parent: QWidget | None,
    vault: Vault,
    case_id: str,
    event_ids: Sequence[str] | None = None,
    *,
    path: str | None = None,
    confirm: bool = True,
    options: ReportOptions | None = None,
) -> ReportRun | None:
    """Ask for the report's options and where to save, remind that the PDF is not
    encrypted, then make it in a worker with progress and Cancel.

    Returns the running report (its `done` signal gives the path written, or None), or
    None when the user cancelled a question. `options`, `path` and `confirm=False` skip the
    dialogs (tests, scripted use).
    """
    if options is None:
        if not confirm:
            options = ReportOptions()
        else:
            options = ask_report_options(parent, case_id, "pdf")
            if options is None:
                return None
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
    chosen_options = _with_language(options)

    def work(progress: Progress, child: ChildRender) -> Path:
        return write_chronology_pdf(
            vault, case_id, event_ids, target, chosen_options, child, progress
        )

    return ReportRun(parent, work)


def _with_language(options: ReportOptions) -> ReportOptions:
    """`options` with its language resolved here, on the GUI thread (None: the
    interface's); making the catalogue compiles it in a checkout when it is out of date,
    so the child finds it ready."""
    catalogue = Catalogue(options.language)
    return ReportOptions(catalogue.language, options.columns, options.for_filing, options.exhibits)


def print_chronology(
    parent: QWidget | None,
    vault: Vault,
    case_id: str,
    event_ids: Sequence[str] | None = None,
    *,
    printer: QPrinter | None = None,
    ask: bool = True,
    options: ReportOptions | None = None,
) -> ReportRun | None:
    """Print the report through the system print dialog: laid out for the printer's paper
    in a child process, then sent to the printer from a worker (see the module docstring).

    Returns the running report (`done` gives True once it was sent, None if cancelled), or
    None when the user cancelled a question. `printer` (a QPrinter) and `ask=False` skip the
    dialog: tests print to a PDF file.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    if options is None:
        options = ask_report_options(parent, case_id, "print") if ask else ReportOptions()
        if options is None:
            return None

    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_page(printer)
    if ask:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("Report", "Print chronology"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
    chosen_options, device = _with_language(options), printer
    page = page_points(printer)
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(
        printer.outputFileName()
    )
    target = Path(printer.outputFileName()) if to_file else None

    def work(progress: Progress, child: ChildRender) -> bool:
        pdf = child.render(
            load_report_data(vault, case_id, event_ids),
            chosen_options,
            page=page,
            progress=progress,
        )
        if target is not None:
            # "Print to file" as PDF: the child's PDF is that file, with its real text.
            progress("write", 1, 1)
            _write(target, pdf)
        else:
            print_pdf_pages(pdf, device, progress)
        return True

    return ReportRun(parent, work)


_STRIP_ROWS = 128  # rows of a rasterised page painted on the printer at once


def print_pdf_pages(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Paint the pages of `pdf` on `printer`, one at a time (any thread); returns how many.

    Each page is rasterised by PDFium at the printer's resolution, at most 300 dpi, and
    painted to the whole sheet (the PDF was made for this printer's paper and margins).
    The printer's page range (from/to) is kept. The work comes in bounded pieces: the GIL
    is let go while PDFium renders, and held only to paint one strip of a page."""
    import pypdfium2 as pdfium
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    document = pdfium.PdfDocument(pdf)
    try:
        count = len(document)
        first = max(printer.fromPage(), 1) if printer.fromPage() else 1
        last = min(printer.toPage(), count) if printer.toPage() else count
        pages = list(range(first - 1, last))
        printer.setFullPage(True)
        dpi = min(printer.resolution(), 300)
        painter = QPainter()
        if not painter.begin(printer):
            raise SatchelError(
                "Could not start the report (the printer or file refused).",
                code="report_could_not_start",
            )
        try:
            for n, index in enumerate(pages, start=1):
                if progress is not None:
                    progress("print", n, len(pages))
                try:
                    image = _page_image(document, index, dpi / 72)
                except pdfium.PdfiumError:
                    raise SatchelError(
                        "Page {page} of the report could not be printed.",
                        code="report_not_printed",
                        page=index + 1,
                    ) from None
                if n > 1:
                    printer.newPage()
                sheet = printer.pageLayout().fullRectPixels(printer.resolution())
                scale = sheet.height() / max(image.height(), 1)
                # In strips: the print engine compresses each image it is given in one
                # call that keeps the GIL (a whole 300 dpi page: over a second); a strip
                # of 128 rows is a tenth of that, and the GUI thread runs in between.
                for top in range(0, image.height(), _STRIP_ROWS):
                    rows = min(_STRIP_ROWS, image.height() - top)
                    strip = image.copy(0, top, image.width(), rows)
                    painter.drawImage(QRectF(0, top * scale, sheet.width(), rows * scale), strip)
        finally:
            painter.end()
    finally:
        document.close()
    return len(pages)


def _page_image(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page `index` rendered by PDFium at `scale` (1.0 = 72 dpi), copied into a QImage."""
    import ctypes

    from PySide6.QtGui import QImage

    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            raw = ctypes.string_at(bitmap.buffer, bitmap.stride * bitmap.height)
            return QImage(
                raw, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
            ).copy()
        finally:
            bitmap.close()
    finally:
        page.close()
