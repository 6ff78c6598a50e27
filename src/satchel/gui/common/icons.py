"""The client's icons: bundled SVGs (resources/icons) tinted to the current palette.

The SVGs draw with `currentColor`; an icon engine substitutes the palette's text colour and
renders at the exact size and device pixel ratio asked for, so icons stay sharp at 125–200 %
scaling and readable in both light and dark palettes. Never loads anything but the bundled
files.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from satchel.gui.common import theme

__all__ = ["APP_ICON_SIZES", "ICON_NAMES", "app_icon", "icon", "icons_dir"]

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
    "history",
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


APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icons_dir() -> Path:
    """The icons inside the package (wheel, editable install and frozen build alike)."""
    return Path(str(resources.files("satchel") / "resources" / "icons"))


@cache
def _svg_source(name: str) -> str:
    if name not in ICON_NAMES:
        raise KeyError(f"No icon named {name!r}")
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=512)
def _rendered(name: str, colour: str, width: int, height: int, ratio: float) -> QPixmap:
    """The icon drawn once per name, colour, size and pixel ratio, then reused: lists
    paint an icon per row on every repaint, and rendering SVG each time was the single
    largest cost of a search-results repaint."""
    svg = _svg_source(name).replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(
        max(1, round(width * ratio)),
        max(1, round(height * ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class _TintedSvgEngine(QIconEngine):
    """Renders one bundled SVG in the palette colour of the moment it is painted."""

    def __init__(self, name: str, on_accent: bool = False) -> None:
        super().__init__()
        self._name = name
        self._on_accent = on_accent

    def _colour(self, mode: QIcon.Mode) -> str:
        c = theme.colours()
        if mode == QIcon.Mode.Disabled:
            return c.muted
        if mode == QIcon.Mode.Selected or self._on_accent:
            return c.accent_text
        return c.text

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        pixmap = _rendered(self._name, self._colour(mode), rect.width(), rect.height(), ratio)
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        # A copy (sharing the pixels): a caller changing it must not change the cache.
        return QPixmap(_rendered(self._name, self._colour(mode), size.width(), size.height(), 1.0))

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # Render at device pixels so icons stay sharp at 125-200 % scaling.
        return QPixmap(
            _rendered(self._name, self._colour(mode), size.width(), size.height(), scale)
        )

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name, self._on_accent)

    def key(self) -> str:
        return "satchel-svg"


def icon(name: str, on_accent: bool = False) -> QIcon:
    """The bundled icon `name` (one of ICON_NAMES), tinted when painted: in the text
    colour, or with `on_accent` in the colour of text on the accent (primary buttons)."""
    _svg_source(name)  # fail early on a misspelt name
    return QIcon(_TintedSvgEngine(name, on_accent))


def app_icon() -> QIcon:
    """Satchel's own icon (window, task bar, tray), drawn from the packaged `satchel.svg`
    at each size: no image-format or icon-engine plugin is needed, so the frozen build
    leaves them out. Falls back to the shield when the SVG was not built into the package
    (a checkout before `make translations`)."""
    path = icons_dir() / "satchel.svg"
    if not path.exists():
        return icon("shield")
    renderer = QSvgRenderer(str(path))
    result = QIcon()
    for size in APP_ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
