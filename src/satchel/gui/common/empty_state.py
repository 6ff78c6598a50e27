"""What an empty list says: what it is for and what to do next, drawn over the empty view.

An empty table with only its headers tells a new user nothing. `show_when_empty(view, text)`
puts one line of help (plain text, wrapped, centred, in the placeholder colour) over the
view's viewport whenever its model has no rows, and hides it as soon as one arrives. The text
may be a callable, asked again each time the view empties: a filtered list says "nothing
matches" rather than "nothing yet".

A bound method is held weakly. Held strongly, it made every page that passes its own method
(`show_when_empty(self.table, self._empty_text)`) a reference cycle: the page, its view, this
help line and back to the page. Such a page is freed by the cyclic collector instead of when
its last reference goes, and the collector clears the Python side of its objects in any order
while their Qt side still lives: the view, torn down afterwards, asked a model whose
attributes were already gone for its rows (the "'CasesModel' object has no attribute
'_rows'" seen in CI).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from types import MethodType

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel

__all__ = ["EmptyState", "show_when_empty"]


class EmptyState(QObject):
    """The help line of one view (kept alive as the view's child)."""

    def __init__(self, view: QAbstractItemView, text: str | Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._text: str | Callable[[], str] | weakref.WeakMethod[Callable[[], str]]
        self._text = weakref.WeakMethod(text) if isinstance(text, MethodType) else text
        label = QLabel(view.viewport())
        label.setObjectName("emptyState")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        palette = label.palette()
        placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.WindowText, placeholder)
        label.setPalette(palette)
        self.label = label
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (
                model.rowsInserted,
                model.rowsRemoved,
                model.modelReset,
                model.layoutChanged,
            ):
                signal.connect(self.update)
        self.update()

    def text(self) -> str:
        if isinstance(self._text, weakref.WeakMethod):
            method = self._text()
            return "" if method is None else method()
        return self._text() if callable(self._text) else self._text

    def update(self, *_args: object) -> None:
        # A view being destroyed clears its own model, which signals here one last time.
        if not shiboken6.isValid(self._view) or not shiboken6.isValid(self.label):
            return
        model = self._view.model()
        empty = model is None or model.rowCount() == 0
        if empty:
            self.label.setText(self.text())
            self._place()
        self.label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        viewport = self._view.viewport()
        margin = 24
        width = max(0, viewport.width() - 2 * margin)
        height = min(viewport.height(), self.label.heightForWidth(width) + 2 * margin)
        self.label.setGeometry(margin, margin, width, max(height, 0))


def show_when_empty(view: QAbstractItemView, text: str | Callable[[], str]) -> EmptyState:
    """Say `text` over `view` whenever it has no rows (see the module)."""
    return EmptyState(view, text)
