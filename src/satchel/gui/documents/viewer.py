"""The in-app document viewer: images, PDFs and text shown from memory, never from a file.

`DocumentViewer` reads a document's verified bytes through `vault.documents.read_all` in a
worker and shows them: raster images through `decode_image` (one named plugin, never SVG or
auto-detection: a document must never make Qt open another file), PDF pages rendered by PDFium
(pypdfium2) from the bytes into a `QImage`, text files as plain text. QtPdf would do the
PDFs too, but it ships only in PySide6-Addons (see docs/decisions.md).

This module must never write a decrypted byte to disk: no temp file, no cache, no
thumbnail. The bytes live in this widget until `clear()` (the lock calls it) drops them.
"""

from __future__ import annotations

import ctypes
import math

import pypdfium2 as pdfium
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Document
from satchel.core.vault import Vault
from satchel.gui.common.plaintext import set_plain_text, set_plain_window_title
from satchel.gui.common.workers import Job, JobContext, run_job

__all__ = [
    "MAX_VIEW_BYTES",
    "DocumentViewer",
    "DocumentViewerDialog",
    "decode_image",
    "monospace_font",
    "raster_format",
    "render_fitted_page",
    "render_pdf_page",
    "viewable",
]

MAX_VIEW_BYTES = 64 * 1024 * 1024
"""Larger documents are not loaded into memory for viewing; export a copy instead."""

_TEXT_TYPES = frozenset(
    {"application/json", "application/xml", "application/x-yaml", "application/csv"}
)
_ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


def monospace_font() -> QFont:
    """The system's fixed-width font, for hashes and plain-text files."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


_SVG_TYPES = frozenset({"image/svg+xml", "image/svg+xml-compressed"})

# Raster formats the viewer decodes, by their magic bytes, and none other. Qt picks an image
# plugin by sniffing the content: PNG-named SVG bytes would reach QtSvg, which follows
# `<image href>` to local files (and blocks for good on a named pipe); no switch turns that
# off in Qt 6.11. None of these formats can refer to another file.
_RASTER_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "png"),
    (b"\xff\xd8\xff", 0, "jpeg"),
    (b"GIF87a", 0, "gif"),
    (b"GIF89a", 0, "gif"),
    (b"BM", 0, "bmp"),
    (b"WEBP", 8, "webp"),
    (b"II*\x00", 0, "tiff"),
    (b"MM\x00*", 0, "tiff"),
)


def raster_format(data: bytes) -> str | None:
    """The raster format `data` starts like ("png", "jpeg", ...), or None for anything else."""
    for magic, at, name in _RASTER_MAGIC:
        if data[at : at + len(magic)] == magic:
            if name == "webp" and data[:4] != b"RIFF":
                continue
            return name
    return None


def decode_image(data: bytes) -> QImage:
    """`data` decoded by the one raster plugin its magic bytes name; a null image otherwise.

    Auto-detection stays off, so a reader never falls back to another plugin (QtSvg, or any
    other that could open a file named inside the document).
    """
    fmt = raster_format(data)
    if fmt is None or fmt.encode() not in {
        bytes(f.data()) for f in QImageReader.supportedImageFormats()
    }:
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt.encode())
    reader.setAutoDetectImageFormat(False)
    reader.setDecideFormatFromContent(False)
    image = reader.read()
    # Delete the reader (and its plugin) while the buffer it reads still exists. Left to
    # Python, the buffer can go first; the TIFF plugin then closes its libtiff handle over
    # the freed buffer and the client dies of a segmentation fault on any TIFF document
    # (found by fuzzing, proof 12).
    del reader
    buffer.close()
    return image


def viewable(media_type: str) -> str | None:
    """Which viewer shows this media type: "image", "pdf", "text", or None.

    An SVG is shown as its text: rendering it could make Qt open files it names.
    """
    if media_type == "application/pdf":
        return "pdf"
    if media_type in _SVG_TYPES:
        return "text"
    if media_type.startswith("image/"):
        return "image"
    if media_type.startswith("text/") or media_type in _TEXT_TYPES:
        return "text"
    return None


MAX_PAGE_PIXELS = 32_000_000
"""A rendered page holds at most this many pixels (128 MB as RGBX). A page 1 point wide and
14,400 points tall, fitted to the window's width, would otherwise ask PDFium for gigabytes."""


def _pixels(width: float, height: float, scale: float) -> int:
    """The pixels of a page `width` x `height` points rendered at `scale` (sides round up)."""
    return math.ceil(max(width, 0.0) * scale) * math.ceil(max(height, 0.0) * scale)


def render_pdf_page(pdf: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page `index` of `pdf` as a QImage at `scale` (1.0 = 72 dpi), rendered in memory.

    The scale is lowered when the page would exceed `MAX_PAGE_PIXELS`. Raises PdfiumError
    for a page PDFium cannot load or render.
    """
    page = pdf[index]
    try:
        width, height = page.get_size()
        if _pixels(width, height, scale) > MAX_PAGE_PIXELS:
            scale *= (MAX_PAGE_PIXELS / _pixels(width, height, scale)) ** 0.5
            while _pixels(width, height, scale) > MAX_PAGE_PIXELS:
                scale *= 0.95
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            # Copy out of PDFium's buffer before the bitmap is freed.
            raw = ctypes.string_at(bitmap.buffer, bitmap.stride * bitmap.height)
            image = QImage(
                raw, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
            ).copy()
        finally:
            bitmap.close()
    finally:
        page.close()
    return image


def render_fitted_page(
    pdf: pdfium.PdfDocument, index: int, zoom: float | None, available: float, ratio: float
) -> tuple[QImage, float] | None:
    """Page `index` at `zoom` (None: fitted to `available` pixels), and the scale shown.

    None when the page cannot be shown: a PDF that opens can still hold a page PDFium
    cannot load or render (found by fuzzing, proof 12); the viewer says so for that page
    and the other pages stay readable.
    """
    if not 0 <= index < len(pdf):
        return None
    try:
        page = pdf[index]
        try:
            width_points = page.get_width()
        finally:
            page.close()
        scale = (
            zoom if zoom is not None else (available / width_points if width_points > 0 else 1.0)
        )
        return render_pdf_page(pdf, index, scale * ratio), scale
    except pdfium.PdfiumError:
        return None


class DocumentViewer(QWidget):
    """Shows one document from memory; `show_document(id)` loads it off the GUI thread."""

    loaded = Signal(str)  # document id, once shown
    failed = Signal(str)  # a message for the user

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._doc: Document | None = None
        self._data: bytes | None = None
        self._pdf: pdfium.PdfDocument | None = None
        self._image = QImage()
        self._zoom: float | None = None  # None: fit the width
        self._shown_scale = 1.0
        self._job: Job | None = None
        self.setObjectName("DocumentViewer")

        self.prev_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setMinimum(1)
        self.page_count_label = QLabel(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        self.fit_button = QToolButton(self)
        self.zoom_label = QLabel(self)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_spin, self.page_count_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(w)
        self.toolbar = QWidget(self)
        self.toolbar.setLayout(bar)

        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.image_label)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setFont(monospace_font())
        self.message_label = QLabel(self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for page in (self.message_label, self.scroll_area, self.text_view):
            self.stack.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.prev_button.clicked.connect(
            lambda: self.page_spin.setValue(self.page_spin.value() - 1)
        )
        self.next_button.clicked.connect(
            lambda: self.page_spin.setValue(self.page_spin.value() + 1)
        )
        self.page_spin.valueChanged.connect(lambda _v: self._render())
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.fit_button.clicked.connect(self._fit_width)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(
            QKeySequence.StandardKey.ZoomIn,
            self,
            lambda: self._step_zoom(+1),
            ctx,
        )
        QShortcut(
            QKeySequence.StandardKey.ZoomOut,
            self,
            lambda: self._step_zoom(-1),
            ctx,
        )
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_button.click, ctx)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.prev_button.click, ctx)
        self._retranslate()
        self._show_message("")

    def _retranslate(self) -> None:
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.page_spin.setAccessibleName(self.tr("Page"))
        self.zoom_in_button.setText(self.tr("Zoom in"))
        self.zoom_out_button.setText(self.tr("Zoom out"))
        self.fit_button.setText(self.tr("Fit width"))
        for b in (
            self.prev_button,
            self.next_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            b.setAccessibleName(b.text())
        self.text_view.setAccessibleName(self.tr("Document text"))
        self.image_label.setAccessibleName(self.tr("Document page"))
        self._update_controls()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._doc

    def show_document(self, document_id: str) -> Job | None:
        """Load and show a document; returns the reading job (None when nothing to read)."""
        self.clear()
        doc: Document = self._vault.documents.get(document_id)
        self._doc = doc
        kind = viewable(doc.media_type)
        if kind is None:
            self._show_message(
                self.tr(
                    "This kind of file (%1) cannot be shown inside Satchel. "
                    "Use “Export copy…” to open it in another program."
                ).replace("%1", doc.media_type)
            )
            return None
        if doc.size > MAX_VIEW_BYTES:
            self._show_message(
                self.tr("This file is too large to show here. Use “Export copy…” instead.")
            )
            return None
        self._show_message(self.tr("Reading…"))
        documents = self._vault.documents

        def read(_ctx: JobContext) -> bytes:
            return documents.read_all(doc.id, MAX_VIEW_BYTES)

        self._job = run_job(read, self._on_read, self._on_failed)
        return self._job

    def _on_read(self, data: bytes) -> None:
        self._job = None
        doc = self._doc
        if doc is None:  # cleared (locked) while reading: drop what arrived
            return
        self._data = data
        kind = viewable(doc.media_type)
        if kind == "image":
            image = decode_image(data)
            if image.isNull():
                self._show_message(self.tr("The image could not be read; it may be damaged."))
                self.failed.emit(self.message_label.text())
                return
            self._image = image
            self.stack.setCurrentWidget(self.scroll_area)
            self._render()
        elif kind == "pdf":
            try:
                self._pdf = pdfium.PdfDocument(data)
            except pdfium.PdfiumError:
                self._show_message(
                    self.tr("The PDF could not be opened; it may be damaged or password-protected.")
                )
                self.failed.emit(self.message_label.text())
                return
            self.page_spin.blockSignals(True)
            self.page_spin.setMaximum(max(len(self._pdf), 1))
            self.page_spin.setValue(1)
            self.page_spin.blockSignals(False)
            self.stack.setCurrentWidget(self.scroll_area)
            self._render()
        else:
            self.text_view.setPlainText(data.decode("utf-8", errors="replace"))
            self.stack.setCurrentWidget(self.text_view)
        self._update_controls()
        self.loaded.emit(doc.id)

    def _on_failed(self, message: str, _exc: BaseException) -> None:
        self._job = None
        if self._doc is None:
            return
        self._show_message(message)
        self.failed.emit(message)

    def _show_message(self, text: str) -> None:
        set_plain_text(self.message_label, text)
        self.stack.setCurrentWidget(self.message_label)
        self._update_controls()

    # -- pages and zoom --------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._pdf) if self._pdf is not None else (1 if not self._image.isNull() else 0)

    def current_image(self) -> QImage:
        """What is shown now (a rendered PDF page or the image), for tests and printing."""
        pixmap = self.image_label.pixmap()
        return pixmap.toImage() if pixmap is not None and not pixmap.isNull() else QImage()

    def _available_width(self) -> float:
        return max(self.scroll_area.viewport().width() - 24, 200)

    def _fit_scale(self, width_points: float) -> float:
        return self._available_width() / width_points if width_points > 0 else 1.0

    def _render(self) -> None:
        ratio = self.devicePixelRatioF()
        if self._pdf is not None:
            index = self.page_spin.value() - 1
            shown = render_fitted_page(self._pdf, index, self._zoom, self._available_width(), ratio)
            if shown is None:
                set_plain_text(
                    self.image_label,
                    self.tr("Page %1 of this PDF could not be shown; it may be damaged.").replace(
                        "%1", str(index + 1)
                    ),
                )
                self._update_controls()
                return
            image, scale = shown
        elif not self._image.isNull():
            natural = self._image.width() / ratio
            fit = min(1.0, self._fit_scale(natural))
            scale = self._zoom if self._zoom is not None else fit
            if scale == 1.0:
                image = self._image
            else:
                image = self._image.scaledToWidth(
                    max(1, round(self._image.width() * scale)),
                    Qt.TransformationMode.SmoothTransformation,
                )
        else:
            return
        image.setDevicePixelRatio(ratio)
        self.image_label.setPixmap(QPixmap.fromImage(image))
        self._shown_scale = scale
        self._update_controls()

    def _step_zoom(self, direction: int) -> None:
        if self._pdf is None and self._image.isNull():
            return
        current = self._shown_scale
        if direction > 0:
            bigger = [z for z in _ZOOM_STEPS if z > current + 1e-6]
            self._zoom = bigger[0] if bigger else _ZOOM_STEPS[-1]
        else:
            smaller = [z for z in _ZOOM_STEPS if z < current - 1e-6]
            self._zoom = smaller[-1] if smaller else _ZOOM_STEPS[0]
        self._render()

    def _fit_width(self) -> None:
        self._zoom = None
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None and (self._pdf is not None or not self._image.isNull()):
            self._render()

    def _update_controls(self) -> None:
        is_pdf = self._pdf is not None
        visual = is_pdf or not self._image.isNull()
        for w in (self.prev_button, self.next_button, self.page_spin, self.page_count_label):
            w.setVisible(is_pdf)
        for w in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.zoom_label):
            w.setVisible(visual)
        self.toolbar.setVisible(visual)
        if is_pdf:
            assert self._pdf is not None
            self.page_count_label.setText(self.tr("of %1").replace("%1", str(len(self._pdf))))
            self.prev_button.setEnabled(self.page_spin.value() > 1)
            self.next_button.setEnabled(self.page_spin.value() < len(self._pdf))
        if visual:
            self.zoom_label.setText(f"{round(self._shown_scale * 100)} %")

    # -- the lock --------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop the document's bytes and everything rendered from them."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        self._data = None
        self._doc = None
        self._image = QImage()
        self._zoom = None
        self._shown_scale = 1.0
        self.image_label.clear()
        self.text_view.clear()
        self._show_message("")


class DocumentViewerDialog(QDialog):
    """A window around `DocumentViewer`, titled with the file name, with "Export copy…"."""

    export_requested = Signal(str)

    def __init__(self, vault: Vault, document_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = DocumentViewer(vault, self)
        self.export_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addLayout(buttons)
        self._document_id = document_id
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self._document_id))
        self.close_button.clicked.connect(self.close)
        # Enter closes the viewer; writing plaintext out must be a deliberate click.
        self.export_button.setAutoDefault(False)
        self.close_button.setDefault(True)
        self._retranslate()
        self.resize(900, 800)
        self.job = self.viewer.show_document(document_id)
        doc = self.viewer.document
        if doc is not None:
            set_plain_window_title(self, doc.filename)

    def _retranslate(self) -> None:
        self.export_button.setText(self.tr("Export copy…"))
        self.export_button.setAccessibleName(self.tr("Export copy"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self.viewer.clear()
        self.setWindowTitle("")
        self.close()
