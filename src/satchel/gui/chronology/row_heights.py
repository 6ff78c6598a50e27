"""Rows that grow to show their whole wrapped text, fitted only where the table is looked at.

`resizeRowsToContents()` measures every row of the model: on a 10,000-event case that is
70,000 size hints on each load, sort, filter and column resize. `VisibleRowHeights` fits the
rows in (and just below) the viewport instead, when they come into view, and forgets every
fitted height when the column widths or the rows change. Rows never looked at keep the
one-line default height, which only the scroll bar's length ever reflects.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView

__all__ = ["VisibleRowHeights"]

_LOOKAHEAD = 8  # rows fitted below the viewport, so a scroll by a few lines lands fitted
_MAX_ROWS = 400  # a bound on one pass, whatever the viewport (a 4K screen shows ~120 rows)


class VisibleRowHeights(QObject):
    """Keeps the visible rows of `view` as tall as their wrapped text needs."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._fitted: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit_now)
        view.setWordWrap(True)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())
        view.horizontalHeader().sectionResized.connect(lambda *_a: self.reset())
        view.viewport().installEventFilter(self)
        self._watch_model()

    def _watch_model(self) -> None:
        model = self._view.model()
        if model is None:
            return
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
        ):
            signal.connect(self.reset)
        model.dataChanged.connect(self._changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    def reset(self) -> None:
        """Forget every fitted height (rows moved, or the columns changed width)."""
        self._fitted.clear()
        header = self._view.verticalHeader()
        # Resets every section to the default size in one C++ loop (QHeaderView does this
        # when the default changes, and also when it is set again to the same value).
        header.setDefaultSectionSize(header.defaultSectionSize())
        self._timer.start()

    def _changed(self, top_left: object, bottom_right: object) -> None:
        first, last = top_left.row(), bottom_right.row()  # type: ignore[attr-defined]
        self._fitted.difference_update(range(first, last + 1))
        self._timer.start()

    def fit_now(self) -> None:
        """Fit the rows now in view (and a few below) to their contents."""
        self._timer.stop()
        view = self._view
        model = view.model()
        if model is None or not view.isVisible():
            return
        rows = model.rowCount()
        top = view.rowAt(0)
        if top < 0 or rows == 0:
            return
        height = view.viewport().height()
        base = view.verticalHeader().defaultSectionSize()
        below = 0
        grew = False
        row = top
        for _ in range(_MAX_ROWS):
            if row >= rows:
                break
            if row not in self._fitted:
                self._fitted.add(row)
                wanted = max(base, view.sizeHintForRow(row))
                if view.rowHeight(row) != wanted:
                    view.setRowHeight(row, wanted)
                    grew = True
            if view.rowViewportPosition(row) + view.rowHeight(row) >= height:
                below += 1
                if below > _LOOKAHEAD:
                    break
            row += 1
        if grew:
            # The scroll range follows the new heights at once (Qt defers it), so that a
            # scrollTo() right after this reaches the last rows.
            view.updateGeometries()
