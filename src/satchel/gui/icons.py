"""The client's icons: bundled SVGs (resources/icons) tinted to the current palette.

The SVGs draw with `currentColor`; an icon engine substitutes the palette's text colour and
renders at the exact size and device pixel ratio asked for, so icons stay sharp at 125–200 %
scaling and readable in both light and dark palettes. Never loads anything but the bundled
files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from satchel.gui import theme

__all__ = ["ICON_NAMES", "icon", "icons_dir"]

ICON_NAMES = (
    "add",
    "agenda",
    "archive",
    "cases",
    "colleagues",
    "copy",
    "delete",
    "document",
    "edit",
    "event",
    "export",
    "filter",
    "imports",
    "key",
    "lock",
    "note",
    "person",
    "search",
    "settings",
    "shield",
    "timeline",
    "warning",
)


def icons_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "icons"


@cache
def _svg_source(name: str) -> str:
    if name not in ICON_NAMES:
        raise KeyError(f"No icon named {name!r}")
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


class _TintedSvgEngine(QIconEngine):
    """Renders one bundled SVG in the palette colour of the moment it is painted."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        c = theme.colours()
        colour = c.muted if mode == QIcon.Mode.Disabled else c.text
        if mode == QIcon.Mode.Selected:
            colour = c.accent_text
        svg = _svg_source(self._name).replace("currentColor", colour)
        return QSvgRenderer(QByteArray(svg.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, rect.toRectF())

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return QPixmap.fromImage(image)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # Render at device pixels so icons stay sharp at 125-200 % scaling.
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name)

    def key(self) -> str:
        return "satchel-svg"


def icon(name: str) -> QIcon:
    """The bundled icon `name` (one of ICON_NAMES), tinted when painted."""
    _svg_source(name)  # fail early on a misspelt name
    return QIcon(_TintedSvgEngine(name))
