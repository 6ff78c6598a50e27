"""Light and dark palettes that follow the system, and the small style sheet of the client.

The design is calm on purpose: a lawyer reads this at 2 a.m. before a hearing. Few colours,
one accent, generous spacing, no decoration. The Fusion style is used on every platform so
both palettes look the same everywhere. This module holds colours and the style sheet only;
it must never touch vault data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["Colours", "Scheme", "apply_theme", "colours", "current_scheme", "follow_system"]

# The navigation's entries are padded by the style sheet; code that measures the room left
# for an entry's text (the Agenda badge must never be elided) subtracts these, which the
# style's own geometry does not know of.
NAV_ITEM_PADDING_X = 10
NAV_ITEM_MARGIN_X = 2


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Colours:
    """The few colours the client uses; widgets that paint themselves read them here."""

    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    danger: str
    warning: str
    success: str
    nav: str


LIGHT = Colours(
    window="#f5f6f8",
    base="#ffffff",
    alt_base="#f8f9fb",
    text="#1f2328",
    muted="#5c6570",
    border="#d5d9df",
    accent="#2f6fb3",
    accent_text="#ffffff",
    danger="#b3261e",
    warning="#a15c00",
    success="#2e7d4f",
    nav="#eceef2",
)

DARK = Colours(
    window="#1e2126",
    base="#25292f",
    alt_base="#2a2f36",
    text="#e3e6ea",
    muted="#9aa3ad",
    border="#3a4049",
    accent="#6aa5e6",
    accent_text="#10151b",
    danger="#f2b8b5",
    warning="#f0c36b",
    success="#8fd1a6",
    nav="#191c20",
)

_current: Scheme = Scheme.LIGHT
_forced: Scheme | None = None
_following = False


def current_scheme() -> Scheme:
    return _current


def colours() -> Colours:
    return DARK if _current is Scheme.DARK else LIGHT


def _system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return Scheme.DARK
    return Scheme.LIGHT


def _palette(c: Colours) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    for r, value in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.base),
        (role.AlternateBase, c.alt_base),
        (role.Text, c.text),
        (role.Button, c.base),
        (role.ButtonText, c.text),
        (role.ToolTipBase, c.base),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.accent_text),
        (role.Link, c.accent),
        (role.LinkVisited, c.accent),
        (role.BrightText, c.danger),
        (role.Mid, c.border),
        (role.Midlight, c.alt_base),
        (role.Dark, c.border),
        (role.Shadow, c.border),
    ):
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor(c.muted))
    return pal


def _style_sheet(c: Colours) -> str:
    # Kept small: the palette does most of the work; this only adds spacing and the few
    # named surfaces (navigation, banners) that a palette cannot express. Combo boxes,
    # spin boxes and date fields are left to Fusion: a border rule would make Qt draw
    # their arrows without the style. Item views get no rule at all (their frame and
    # selection come from Fusion and the palette): any rule on them sends every cell
    # through the style-sheet painter, which made a case-list repaint four times slower.
    return f"""
QListWidget#navigation {{
    background: {c.nav};
    border: none;
    border-right: 1px solid {c.border};
    padding: 8px 4px;
    outline: none;
}}
QListWidget#navigation::item {{
    padding: 8px {NAV_ITEM_PADDING_X}px;
    margin: 1px {NAV_ITEM_MARGIN_X}px;
    border-radius: 6px;
}}
QListWidget#navigation::item:selected {{
    background: {c.accent};
    color: {c.accent_text};
}}
QToolBar {{
    border: none;
    border-bottom: 1px solid {c.border};
    spacing: 6px;
    padding: 4px 8px;
}}
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {c.border};
    border-radius: 5px;
    padding: 4px 6px;
    background: {c.base};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 1px solid {c.accent};
}}
QPushButton {{
    border: 1px solid {c.border};
    border-radius: 5px;
    padding: 5px 14px;
    background: {c.base};
}}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:default, QPushButton#primary {{
    background: {c.accent};
    color: {c.accent_text};
    border-color: {c.accent};
}}
QPushButton:disabled {{ color: {c.muted}; background: {c.alt_base}; }}
QHeaderView::section {{
    background: {c.alt_base};
    border: none;
    border-bottom: 1px solid {c.border};
    padding: 4px 6px;
}}
QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: 4px; top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; }}
QLabel#pageTitle {{ font-size: 15pt; font-weight: 600; }}
QLabel#muted {{ color: {c.muted}; }}
QLabel#error {{ color: {c.danger}; }}
QLabel#warningBanner {{
    color: {c.warning};
    border: 1px solid {c.warning};
    border-radius: 5px;
    padding: 8px;
}}
QLabel#recoveryCode {{
    font-family: monospace;
    font-size: 15pt;
    padding: 10px;
    border: 1px dashed {c.border};
    border-radius: 5px;
    background: {c.base};
}}
QFrame#card {{
    background: {c.base};
    border: 1px solid {c.border};
    border-radius: 8px;
}}
QStatusBar {{ color: {c.muted}; }}
"""


def apply_theme(app: QApplication, scheme: Scheme | None = None) -> Scheme:
    """Apply the palette and style sheet; `None` follows the system's colour scheme.

    Passing a scheme forces it (the screenshot tool uses this) until `apply_theme` is
    called again with `None`.
    """
    global _current, _forced
    _forced = scheme
    _current = scheme if scheme is not None else _system_scheme()
    c = colours()
    if app.style().name().lower() != "fusion":
        # Once only: replacing the style under a live style sheet deletes the style
        # object that polished widgets still point to.
        app.setStyle("Fusion")
    app.setPalette(_palette(c))
    app.setStyleSheet(_style_sheet(c))
    return _current


def follow_system(app: QApplication) -> None:
    """Re-apply the theme whenever the system switches between light and dark (once per
    process, however often it is called)."""
    global _following
    if _following:
        return
    _following = True

    def on_change(_scheme: Qt.ColorScheme) -> None:
        if _forced is None:
            apply_theme(app, None)

    QGuiApplication.styleHints().colorSchemeChanged.connect(on_change)
