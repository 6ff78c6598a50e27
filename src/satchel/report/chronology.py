"""The chronology report: a case's events as a paginated document, to PDF or to a printer.

`build_chronology_document` lays out a title block (case, references, generation date,
"Confidential"), the people and their roles, and a table of the events with their honest
dates (`FuzzyDate.display`: "Aug 2025", never "01.08.2025"), types, descriptions, sources
and quotes, and statuses. `paint_document` paints it page by page with "Page N of M" on
any paged device (QPdfWriter, QPrinter). `render_chronology_pdf` returns the PDF bytes;
`satchel.gui.common.report_actions` (GUI) and `satchel report chronology` (CLI) write them
only where the user chose, after saying that the file is not encrypted.

`ReportOptions` chooses per report: its language (independent of the interface), the
columns, whether internal assessments (fact status, key facts, deadline status, notes on
roles) stay out for a filing, and an exhibit list of the linked documents with their
SHA-256. Quotes are set in italics without quotation marks, as a filing cites them. The
report font paints no ligatures, so the PDF's text is exactly what was typed.

Vault text goes into the document through `QTextCursor.insertText`, which never parses
markup. The PDF is built in memory; this module never writes a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
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
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from satchel.core.dates import DateWords
from satchel.core.model import Case, DeadlineStatus, Document, Event, FactStatus, RoleKind
from satchel.core.vault import Vault
from satchel.errors import DiskFull, SatchelError
from satchel.i18n import Catalogue
from satchel.labels import (
    deadline_status_label,
    event_type_label,
    fact_status_label,
    role_label,
    words_from,
)
from satchel.userfiles import check_destination

__all__ = [
    "COLUMNS",
    "PagePoints",
    "ReportData",
    "ReportOptions",
    "build_chronology_document",
    "layout_chronology",
    "load_report_data",
    "page_points",
    "paint_document",
    "render_chronology_pdf",
    "report_language",
    "suggested_file_name",
]

# The report's own language (ReportOptions.language), looked up in a catalogue of its own:
# the interface's translators are never switched, so the interface keeps its language and
# the report can be laid out in a worker thread. A context variable is per thread.
_catalogue: ContextVar[Catalogue | None] = ContextVar("report_catalogue", default=None)

# Told how far the work is: (phase, done, total), phase "layout" (table rows, each pass)
# or "pages" (painting). It may raise (satchel.errors.Cancelled) to stop the report.
Progress = Callable[[str, int, int], None]


def _tr(context: str, text: str) -> str:
    catalogue = _catalogue.get()
    if catalogue is None:
        return QCoreApplication.translate(context, text)
    return catalogue.translate(context, text)


@contextlib.contextmanager
def report_language(language: str | Catalogue | None) -> Iterator[Catalogue]:
    """The report's words, dates and numbers in `language` (None: the interface's) in this
    thread until the block ends; labels of types and roles too."""
    catalogue = language if isinstance(language, Catalogue) else Catalogue(language)
    token = _catalogue.set(catalogue)
    try:
        with words_from(catalogue.translate):
            yield catalogue
    finally:
        _catalogue.reset(token)


def _tick(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)


_PT_BODY = 9.0
_PT_SMALL = 7.5


# The table's columns in their order, with their relative widths.
COLUMNS: dict[str, int] = {
    "number": 4,
    "date": 15,
    "type": 16,
    "event": 30,
    "source": 19,
    "status": 16,
}
# What is the lawyer's own assessment, never meant for the court or the other side.
_INTERNAL_COLUMNS = frozenset({"status"})


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How one report is made; the defaults are the full internal chronology."""

    language: str | None = None  # "en", "ru"; None: the interface language
    columns: tuple[str, ...] = tuple(COLUMNS)
    for_filing: bool = False  # leave out internal assessments (status, key facts, role notes)
    exhibits: bool = False  # list the linked documents with their SHA-256

    def shown_columns(self) -> tuple[str, ...]:
        wanted = set(self.columns)
        if self.for_filing:
            wanted -= _INTERNAL_COLUMNS
        return tuple(c for c in COLUMNS if c in wanted)


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report shows, read from the vault once."""

    case: Case
    events: tuple[Event, ...]  # in honest chronological order
    total_events: int  # in the case, to say "12 of 40 events" for a selection
    people: tuple[tuple[str, RoleKind, str], ...]  # (name, role, note)
    names: dict[str, str]  # person id -> primary name
    documents: tuple[Document, ...] = ()  # linked from the events shown, in first-cited order


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
    people: list[tuple[str, RoleKind, str]] = []
    for role in vault.roles.list(case_id=case_id):
        person = vault.people.find(role.person_id)
        if person is None:
            continue
        names[person.id] = person.primary_name
        people.append((person.primary_name, role.kind, role.note))
    for pid in {p for ev in events for p in ev.person_ids} - names.keys():
        person = vault.people.find(pid)
        if person is not None:
            names[pid] = person.primary_name
    cited = list(dict.fromkeys(d for ev in events for d in ev.document_ids))
    found = vault.documents.find_many(cited) if cited else {}
    documents = tuple(found[d] for d in cited if d in found)
    return ReportData(case, tuple(events), len(all_events), tuple(people), names, documents)


def _report_font() -> QFont:
    # DejaVu Sans has every Cyrillic glyph and is on every Linux we ship to; elsewhere the
    # system's default sans font does.
    family = "DejaVu Sans" if "DejaVu Sans" in QFontDatabase.families() else ""
    font = QFont(family) if family else QFont()
    font.setPointSizeF(_PT_BODY)
    # No typographic ligatures: with them "finds" is painted with the glyph "ﬁ" and a PDF
    # reader copies or searches "ﬁnds", which no one typed. Turning the OpenType features
    # off keeps shaping (kerning, other scripts) and makes every glyph one typed letter.
    for feature in ("liga", "clig", "dlig", "hlig"):
        font.setFeature(QFont.Tag(feature), 0)
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
    options: ReportOptions | None = None,
    breaks: frozenset[int] = frozenset(),
    progress: Progress | None = None,
) -> QTextDocument:
    """The report as a QTextDocument (not yet paginated: `paint_document` does that), in
    the language of `options` (else the interface's). `breaks`: the rows (numbered from 1)
    that start a new page (`layout_chronology` finds them)."""
    options = options or ReportOptions()
    current = _catalogue.get()
    language: str | Catalogue | None = options.language
    if current is not None and options.language in (None, current.language):
        language = current  # inside report_language already: its catalogue, loaded once
    with report_language(language) as catalogue:
        return _build(
            data, words or catalogue.date_words, generated, options, catalogue, breaks, progress
        )


def layout_chronology(
    data: ReportData,
    device: QPagedPaintDevice,
    *,
    words: DateWords | None = None,
    generated: datetime | None = None,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> QTextDocument:
    """The report laid out for `device` with no table row split across two pages.

    Lays out, finds the rows that straddle a page break, starts a new page before each of
    them, and again until none does (a row taller than a page cannot help it: it starts on
    a page of its own and runs over).
    """
    breaks: frozenset[int] = frozenset()
    for _attempt in range(12):
        doc = build_chronology_document(
            data,
            words=words,
            generated=generated,
            options=options,
            breaks=breaks,
            progress=progress,
        )
        straddling = _straddling_rows(doc, _fit(doc, device), progress)
        if straddling <= breaks:
            return doc
        breaks |= straddling
    return doc


def _fit(doc: QTextDocument, device: QPagedPaintDevice) -> float:
    """Paginate `doc` for `device`; returns the height of a page's body in device pixels."""
    dpi = device.logicalDpiX()
    rect = device.pageLayout().paintRectPixels(dpi)
    body_h = float(rect.height()) - 2 * dpi * 0.32  # header and footer
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(float(rect.width()), body_h))
    return body_h


def _straddling_rows(
    doc: QTextDocument, page_h: float, progress: Progress | None = None
) -> frozenset[int]:
    """The rows (numbered from 1 across the parts of the table) that a page break cuts.

    Row by row, so the document is laid out a row at a time (Qt lays out up to the block
    asked for) and `progress` can stop it between rows."""
    layout = doc.documentLayout()
    found: set[int] = set()
    number = 0
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    total = sum(t.rows() - 1 for t in tables)
    for frame in tables:
        for row in range(1, frame.rows()):
            number += 1
            _tick(progress, "measure", number, total)
            cells = [frame.cellAt(row, col) for col in range(frame.columns())]
            top = min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
            )
            bottom = max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
            )
            if int(top // page_h) != int((bottom - 1) // page_h) and bottom - top < page_h * 0.95:
                found.add(number)
    return frozenset(found)


def _build(
    data: ReportData,
    words: DateWords,
    generated: datetime | None,
    options: ReportOptions,
    catalogue: Catalogue,
    breaks: frozenset[int] = frozenset(),
    progress: Progress | None = None,
) -> QTextDocument:
    generated = generated or datetime.now(UTC)
    locale = catalogue.locale
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
            cur.insertText(f" — {role_label(role)}", _char())
            if note and not options.for_filing:
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

    titles = {
        "number": "#",
        "date": _tr("Report", "Date"),
        "type": _tr("Report", "Type"),
        "event": _tr("Report", "Event"),
        "source": _tr("Report", "Source and quote"),
        "status": _tr("Report", "Status"),
    }
    columns = options.shown_columns() or ("event",)
    headers = [titles[c] for c in columns]
    total = sum(COLUMNS[c] for c in columns)
    widths = [COLUMNS[c] * 100 / total for c in columns]
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
    head_fmt = _char(bold=True)
    exhibit_no = {d.id: n for n, d in enumerate(data.documents, start=1)}
    # The table is cut before each row in `breaks` (numbered from 1), and the next part
    # starts on a new page with the header again: that is how no row is split by a page.
    count = len(data.events)
    starts = sorted({1, *(b for b in breaks if 1 < b <= count)})
    for part, (first, end) in enumerate(zip(starts, [*starts[1:], count + 1], strict=True)):
        part_format = QTextTableFormat(table_format)
        if part:
            part_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cur.movePosition(QTextCursor.MoveOperation.End)
        table = cur.insertTable(end - first + 1, len(headers), part_format)
        for col, text in enumerate(headers):
            cell = table.cellAt(0, col)
            cell_fmt = cell.format()
            cell_fmt.setBackground(QColor("#e8ebef"))
            cell.setFormat(cell_fmt)
            cell.firstCursorPosition().insertText(text, head_fmt)
        for row, ev in enumerate(data.events[first - 1 : end - 1], start=1):
            number = first + row - 1
            _tick(progress, "layout", number, count)
            _fill_row(table, row, number, ev, words, data, locale, columns, options, exhibit_no)
    if options.exhibits:
        _exhibits(cur, doc, data, catalogue)
    return doc


def _exhibits(cur: QTextCursor, doc: QTextDocument, data: ReportData, words: Catalogue) -> None:
    locale = words.locale
    cur.movePosition(QTextCursor.MoveOperation.End)
    heading = QTextBlockFormat()
    heading.setTopMargin(12)
    heading.setBottomMargin(4)
    cur.insertBlock(heading)
    cur.insertText(_tr("Report", "Exhibits"), _char(bold=True, size=_PT_BODY * 1.25))
    if not data.documents:
        cur.insertBlock(QTextBlockFormat())
        cur.insertText(
            _tr("Report", "No documents are linked to these events."), _char(italic=True)
        )
        return
    keep = QTextBlockFormat()
    keep.setNonBreakableLines(True)
    for n, d in enumerate(data.documents, start=1):
        cur.insertBlock(keep)
        cur.insertText(
            _tr("Report", "Exhibit %1").replace("%1", locale.toString(n)) + ". ", _char(bold=True)
        )
        cur.insertText(d.filename, _char())
        cur.insertText(f" ({words.format_size(d.size)})", _char(size=_PT_SMALL))
        cur.insertBlock(keep)
        cur.insertText("SHA-256: ", _char(size=_PT_SMALL))
        cur.insertText(d.sha256, _char(size=_PT_SMALL, colour="#3d444c"))


def _fill_row(
    table: QTextTable,
    row: int,
    number: int,
    ev: Event,
    words: DateWords,
    data: ReportData,
    locale: QLocale,
    columns: Sequence[str],
    options: ReportOptions,
    exhibit_no: dict[str, int],
) -> None:
    plain, small = _char(), _char(size=_PT_SMALL, colour="#3d444c")
    names = data.names

    def cell(key: str) -> QTextCursor | None:
        if key not in columns:
            return None
        return table.cellAt(row, columns.index(key)).firstCursorPosition()

    if (c := cell("number")) is not None:
        c.insertText(locale.toString(number), small)
    if (c := cell("date")) is not None:
        c.insertText(ev.date.display(words), plain)
    if (c := cell("type")) is not None:
        c.insertText(event_type_label(ev.event_type), plain)
    if (c := cell("event")) is not None:
        _event_cell(c, ev, names, exhibit_no, locale, options)
    if (c := cell("source")) is not None:
        _source_cell(c, ev)
    if (c := cell("status")) is not None:
        status = _status_text(ev)
        disputed = ev.fact_status in (FactStatus.DISPUTED_BY_US, FactStatus.DISPUTED_BY_OTHER)
        overdue = ev.deadline is not None and ev.deadline.status is DeadlineStatus.MISSED
        colour = "#b3261e" if disputed or overdue else ""
        c.insertText(status, _char(colour=colour))


def _event_cell(
    c: QTextCursor,
    ev: Event,
    names: dict[str, str],
    exhibit_no: dict[str, int],
    locale: QLocale,
    options: ReportOptions,
) -> None:
    plain, bold, small = _char(), _char(bold=True), _char(size=_PT_SMALL, colour="#3d444c")
    c.insertText(ev.title, bold)
    if ev.description:
        c.insertBlock()
        c.insertText(ev.description, plain)
    people = [names[p] for p in ev.person_ids if p in names]
    if people:
        c.insertBlock()
        c.insertText(_tr("Report", "People: %1").replace("%1", ", ".join(people)), small)
    cited = [exhibit_no[d] for d in ev.document_ids if d in exhibit_no]
    if options.exhibits and cited:
        c.insertBlock()
        numbers = ", ".join(locale.toString(n) for n in cited)
        c.insertText(_tr("Report", "Exhibits: %1").replace("%1", numbers), small)


def _source_cell(c: QTextCursor, ev: Event) -> None:
    c.insertText(ev.source, _char())
    if ev.source_quote:
        if ev.source:
            c.insertBlock()
        # Italics set the quote apart; no quotation marks around what may itself quote.
        c.insertText(ev.source_quote, _char(italic=True))


def paint_document(
    doc: QTextDocument,
    device: QPagedPaintDevice,
    running_title: str,
    progress: Progress | None = None,
) -> int:
    """Paint `doc` on `device` page by page with a header and "Page N of M"; returns M.

    The words are the report's when called inside `report_language`."""
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
            "Could not start the report (the printer or file refused).",
            code="report_could_not_start",
        )
    try:
        small = QFont(_report_font())
        small.setPointSizeF(_PT_SMALL)
        confidential = _tr("Report", "Confidential")
        for page in range(pages):
            _tick(progress, "pages", page + 1, pages)
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


# A page as plain numbers, in points: (paper width, paper height, left, top, right, bottom
# margins). A printer's page travels to the report's child process in this form.
PagePoints = tuple[float, float, float, float, float, float]


def setup_page(device: QPagedPaintDevice, page: PagePoints | None = None) -> None:
    """A4 portrait with the report's margins, or the paper and margins of `page`."""
    if page is None:
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 14),
            QPageLayout.Unit.Millimeter,
        )
    else:
        width, height, left, top, right, bottom = page
        layout = QPageLayout(
            QPageSize(
                QSizeF(width, height),
                QPageSize.Unit.Point,
                "",
                QPageSize.SizeMatchPolicy.ExactMatch,
            ),
            QPageLayout.Orientation.Portrait,
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Point,
        )
    device.setPageLayout(layout)


def page_points(device: QPagedPaintDevice) -> PagePoints:
    """The paper and margins `device` prints on, in points (orientation applied)."""
    layout = device.pageLayout()
    full = layout.fullRectPoints()
    margins = layout.marginsPoints()
    return (
        float(full.width()),
        float(full.height()),
        float(margins.left()),
        float(margins.top()),
        float(margins.right()),
        float(margins.bottom()),
    )


def render_chronology_pdf(
    data: ReportData,
    *,
    words: DateWords | None = None,
    generated: datetime | None = None,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    catalogue: Catalogue | None = None,
    page: PagePoints | None = None,
) -> bytes:
    """The report as PDF bytes, built in memory (no temporary file).

    `catalogue`: the report's words when made already; else made from `options.language`.
    `page`: the paper and margins (a printer's); else A4 with the report's margins."""
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    options = options or ReportOptions()
    with report_language(catalogue or options.language) as catalogue:
        writer.setTitle(_tr("Report", "Chronology"))
        # No author or producer string that could name the lawyer or the machine.
        writer.setCreator("Satchel")
        setup_page(writer, page)
        same = ReportOptions(
            catalogue.language, options.columns, options.for_filing, options.exhibits
        )
        doc = layout_chronology(
            data, writer, words=words, generated=generated, options=same, progress=progress
        )
        paint_document(doc, writer, data.case.title, progress)
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
            raise DiskFull(
                "The disk is full; the report was not written.", code="disk_full_report_not_written"
            ) from None
        raise
    except SatchelError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
