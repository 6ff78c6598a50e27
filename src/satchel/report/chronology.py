"""The chronology report: a case's events as a paginated document, to PDF or to a printer.

`build_chronology_document` lays out a title block (case, references, generation date,
"Confidential"), the people and their roles, and a table of the events with their honest
dates (`FuzzyDate.display`: "Aug 2025", never "01.08.2025"), types, descriptions, sources
and quotes, and statuses. `paint_document` paints it page by page with "Page N of M" on
any paged device (QPdfWriter, QPrinter). `render_chronology_pdf` returns the PDF bytes;
`satchel.gui.common.report_actions` (GUI) and `satchel report chronology` (CLI) write them
only where the user chose, after saying that the file is not encrypted.

Vault text goes into the document through `QTextCursor.insertText`, which never parses
markup. The PDF is built in memory; this module never writes a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from satchel.core.dates import DateWords
from satchel.core.model import Case, DeadlineStatus, Event, FactStatus
from satchel.core.vault import Vault
from satchel.errors import DiskFull, SatchelError
from satchel.i18n import date_words
from satchel.labels import deadline_status_label, event_type_label, fact_status_label, role_label
from satchel.userfiles import check_destination

__all__ = [
    "ReportData",
    "build_chronology_document",
    "load_report_data",
    "paint_document",
    "render_chronology_pdf",
    "suggested_file_name",
]

_tr = QCoreApplication.translate

_PT_BODY = 9.0
_PT_SMALL = 7.5


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report shows, read from the vault once."""

    case: Case
    events: tuple[Event, ...]  # in honest chronological order
    total_events: int  # in the case, to say "12 of 40 events" for a selection
    people: tuple[tuple[str, str, str], ...]  # (name, role, note)
    names: dict[str, str]  # person id -> primary name


def load_report_data(
    vault: Vault, case_id: str, event_ids: Sequence[str] | None = None
) -> ReportData:
    """Read a case, its people and its events (all, or the ids given) through the core."""
    case = vault.cases.get(case_id)
    all_events: list[Event] = vault.events.list(case_id=case_id)
    if event_ids is not None:
        wanted = set(event_ids)
        events = [ev for ev in all_events if ev.id in wanted]
    else:
        events = all_events
    names: dict[str, str] = {}
    people: list[tuple[str, str, str]] = []
    for role in vault.roles.list(case_id=case_id):
        person = vault.people.find(role.person_id)
        if person is None:
            continue
        names[person.id] = person.primary_name
        people.append((person.primary_name, role_label(role.kind), role.note))
    for pid in {p for ev in events for p in ev.person_ids} - names.keys():
        person = vault.people.find(pid)
        if person is not None:
            names[pid] = person.primary_name
    return ReportData(case, tuple(events), len(all_events), tuple(people), names)


def _report_font() -> QFont:
    # DejaVu Sans has every Cyrillic glyph and is on every Linux we ship to; elsewhere the
    # system's default sans font does.
    family = "DejaVu Sans" if "DejaVu Sans" in QFontDatabase.families() else ""
    font = QFont(family) if family else QFont()
    font.setPointSizeF(_PT_BODY)
    return font


def _char(
    bold: bool = False, italic: bool = False, size: float | None = None, colour: str = ""
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    if size is not None:
        fmt.setFontPointSize(size)
    if colour:
        fmt.setForeground(QColor(colour))
    return fmt


def _status_text(ev: Event) -> str:
    parts = [fact_status_label(ev.fact_status)]
    if ev.key_fact:
        parts.append(_tr("Report", "Key fact"))
    if ev.deadline is not None:
        parts.append(
            _tr("Report", "Deadline: %1").replace("%1", deadline_status_label(ev.deadline.status))
        )
    return "\n".join(parts)


def build_chronology_document(
    data: ReportData,
    *,
    words: DateWords | None = None,
    generated: datetime | None = None,
) -> QTextDocument:
    """The report as a QTextDocument (not yet paginated: `paint_document` does that)."""
    words = words or date_words()
    generated = generated or datetime.now(UTC)
    locale = QLocale()
    doc = QTextDocument()
    doc.setDefaultFont(_report_font())
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(0)
    cur = QTextCursor(doc)

    # -- title block ---------------------------------------------------------------------
    confidential = _tr("Report", "CONFIDENTIAL — privileged lawyer–client material")
    cur.insertText(confidential, _char(bold=True, size=_PT_SMALL, colour="#b3261e"))
    block = QTextBlockFormat()
    block.setTopMargin(6)
    cur.insertBlock(block)
    cur.insertText(_tr("Report", "Chronology"), _char(size=_PT_BODY * 1.2, colour="#5c6570"))
    cur.insertBlock()
    cur.insertText(data.case.title, _char(bold=True, size=_PT_BODY * 1.9))
    details: list[tuple[str, str]] = [(ref.label, ref.value) for ref in data.case.references]
    if data.case.authority:
        details.append((_tr("Report", "Court or authority"), data.case.authority))
    if data.case.jurisdiction:
        details.append((_tr("Report", "Jurisdiction"), data.case.jurisdiction))
    g = generated.astimezone()
    details.append(
        (
            _tr("Report", "Generated"),
            locale.toString(QDate(g.year, g.month, g.day), QLocale.FormatType.LongFormat)
            + f", {g.hour:02d}:{g.minute:02d}",
        )
    )
    shown = len(data.events)
    if shown != data.total_events:
        events_text = (
            _tr("Report", "%1 of %2 events (a selection)")
            .replace("%1", locale.toString(shown))
            .replace("%2", locale.toString(data.total_events))
        )
    else:
        events_text = locale.toString(shown)
    details.append((_tr("Report", "Events"), events_text))
    for label, value in details:
        cur.insertBlock()
        cur.insertText(f"{label}: ", _char(bold=True))
        cur.insertText(value, _char())

    # -- people ---------------------------------------------------------------------------
    if data.people:
        heading = QTextBlockFormat()
        heading.setTopMargin(12)
        heading.setBottomMargin(3)
        cur.insertBlock(heading)
        cur.insertText(
            _tr("Report", "People and their roles"), _char(bold=True, size=_PT_BODY * 1.25)
        )
        for name, role, note in data.people:
            cur.insertBlock(QTextBlockFormat())
            cur.insertText("• " + name, _char(bold=True))
            cur.insertText(f" — {role}", _char())
            if note:
                cur.insertText(f" ({note})", _char(italic=True))

    # -- events ---------------------------------------------------------------------------
    heading = QTextBlockFormat()
    heading.setTopMargin(12)
    heading.setBottomMargin(4)
    cur.insertBlock(heading)
    cur.insertText(_tr("Report", "Events"), _char(bold=True, size=_PT_BODY * 1.25))
    if not data.events:
        cur.insertBlock()
        cur.insertText(_tr("Report", "No events."), _char(italic=True))
        return doc

    headers = [
        "#",
        _tr("Report", "Date"),
        _tr("Report", "Type"),
        _tr("Report", "Event"),
        _tr("Report", "Source and quote"),
        _tr("Report", "Status"),
    ]
    widths = (4, 15, 16, 30, 19, 16)
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    table_format.setCellPadding(3)
    table_format.setCellSpacing(0)
    table_format.setBorder(0.5)
    table_format.setBorderBrush(QColor("#9aa1a9"))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
    )
    table = cur.insertTable(len(data.events) + 1, len(headers), table_format)
    head_fmt = _char(bold=True)
    for col, text in enumerate(headers):
        cell = table.cellAt(0, col)
        cell_fmt = cell.format()
        cell_fmt.setBackground(QColor("#e8ebef"))
        cell.setFormat(cell_fmt)
        cell.firstCursorPosition().insertText(text, head_fmt)
    for row, ev in enumerate(data.events, start=1):
        _fill_row(table, row, ev, words, data.names, locale)
    return doc


def _fill_row(
    table: QTextTable, row: int, ev: Event, words: DateWords, names: dict[str, str], locale: QLocale
) -> None:
    plain, bold, small = _char(), _char(bold=True), _char(size=_PT_SMALL, colour="#3d444c")
    table.cellAt(row, 0).firstCursorPosition().insertText(locale.toString(row), small)
    table.cellAt(row, 1).firstCursorPosition().insertText(ev.date.display(words), plain)
    table.cellAt(row, 2).firstCursorPosition().insertText(event_type_label(ev.event_type), plain)
    c = table.cellAt(row, 3).firstCursorPosition()
    c.insertText(ev.title, bold)
    if ev.description:
        c.insertBlock()
        c.insertText(ev.description, plain)
    people = [names[p] for p in ev.person_ids if p in names]
    if people:
        c.insertBlock()
        c.insertText(_tr("Report", "People: %1").replace("%1", ", ".join(people)), small)
    c = table.cellAt(row, 4).firstCursorPosition()
    c.insertText(ev.source, plain)
    if ev.source_quote:
        if ev.source:
            c.insertBlock()
        c.insertText(f"“{ev.source_quote}”", _char(italic=True))
    status = _status_text(ev)
    disputed = ev.fact_status in (FactStatus.DISPUTED_BY_US, FactStatus.DISPUTED_BY_OTHER)
    overdue = ev.deadline is not None and ev.deadline.status is DeadlineStatus.MISSED
    colour = "#b3261e" if disputed or overdue else ""
    table.cellAt(row, 5).firstCursorPosition().insertText(status, _char(colour=colour))


def paint_document(doc: QTextDocument, device: QPagedPaintDevice, running_title: str) -> int:
    """Paint `doc` on `device` page by page with a header and "Page N of M"; returns M."""
    layout = device.pageLayout()
    dpi = device.logicalDpiX()  # the writer's or printer's resolution
    rect = layout.paintRectPixels(dpi)
    page_w, page_h = float(rect.width()), float(rect.height())
    header_h = dpi * 0.32
    footer_h = dpi * 0.32
    body_h = page_h - header_h - footer_h
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(page_w, body_h))
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise SatchelError(
            _tr("Report", "Could not start the report (the printer or file refused).")
        )
    try:
        small = QFont(_report_font())
        small.setPointSizeF(_PT_SMALL)
        confidential = _tr("Report", "Confidential")
        for page in range(pages):
            if page:
                device.newPage()
            painter.setFont(small)
            painter.setPen(QColor("#5c6570"))
            head = QRectF(0, 0, page_w, header_h * 0.7)
            painter.drawText(
                head,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                _elide(painter, running_title, page_w * 0.7),
            )
            painter.setPen(QColor("#b3261e"))
            painter.drawText(
                head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, confidential
            )
            painter.setPen(QColor("#5c6570"))
            foot = QRectF(0, page_h - footer_h * 0.7, page_w, footer_h * 0.7)
            text = (
                _tr("Report", "Page %1 of %2")
                .replace("%1", str(page + 1))
                .replace("%2", str(pages))
            )
            painter.drawText(
                foot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text
            )
            painter.save()
            painter.translate(0, header_h - page * body_h)
            clip = QRectF(0, page * body_h, page_w, body_h)
            painter.setClipRect(clip)
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    return pages


def _elide(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


def setup_page(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 14),
            QPageLayout.Unit.Millimeter,
        )
    )


def render_chronology_pdf(
    data: ReportData,
    *,
    words: DateWords | None = None,
    generated: datetime | None = None,
) -> bytes:
    """The report as PDF bytes, built in memory (no temporary file)."""
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(_tr("Report", "Chronology"))
    # No author or producer string that could name the lawyer or the machine.
    writer.setCreator("Satchel")
    setup_page(writer)
    doc = build_chronology_document(data, words=words, generated=generated)
    paint_document(doc, writer, data.case.title)
    del writer  # the PDF trailer is written when the writer goes away
    buffer.close()
    return bytes(buffer.data().data())


def suggested_file_name(generated: datetime | None = None) -> str:
    """A default file name with no case data in it (file names travel in the clear)."""
    g = (generated or datetime.now(UTC)).astimezone()
    return f"chronology-{g:%Y-%m-%d}.pdf"


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder, then rename."""
    folder = path.parent
    check_destination(path, force=True)  # the dialog asked; never a link or a device
    fd, tmp = tempfile.mkstemp(prefix=".satchel-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        check_destination(path, force=True)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if exc.errno == 28:  # ENOSPC
            raise DiskFull(_tr("Report", "The disk is full; the report was not written.")) from None
        raise
    except SatchelError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
