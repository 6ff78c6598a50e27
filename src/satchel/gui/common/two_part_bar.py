"""A tool bar in two parts: side by side when the width allows, one above the other when not.

A single row of controls that is wider than the window is squeezed by Qt below what its
controls need: on a 1366-pixel laptop screen in Russian the timeline's filter box was drawn
over its Report button. Here each part keeps its controls at their size, and the second
part moves under the first when both do not fit side by side.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

__all__ = ["TwoPartBar"]


class TwoPartBar(QWidget):
    """Controls go into `first` and `second` (plain QHBoxLayouts). The first keeps its
    preferred width; the second, holding an expanding control (a filter box), takes the
    rest of the row, or the whole row under the first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QHBoxLayout()
        self.second = QHBoxLayout()
        for part in (self.first, self.second):
            part.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # The first part keeps its preferred width (left), the second takes what is left.
        self._grid.addLayout(self.first, 0, 0, Qt.AlignmentFlag.AlignLeft)
        self._grid.addLayout(self.second, 0, 1)
        self._stacked = False

    def is_stacked(self) -> bool:
        """Whether the second part is under the first (the width is too small for both)."""
        return self._stacked

    def _margins(self) -> int:
        """The horizontal room the bar's own and its grid's margins take."""
        own, grid = self.contentsMargins(), self._grid.contentsMargins()
        return own.left() + own.right() + grid.left() + grid.right()

    def _stacks_at(self, width: int) -> bool:
        needed = (
            self.first.minimumSize().width()
            + max(0, self._grid.horizontalSpacing())
            + self.second.sizeHint().width()
            + self._margins()
        )
        return needed > width

    def minimumSizeHint(self) -> QSize:
        # As narrow as the wider part alone: the bar stacks rather than hold the window wide.
        width = max(self.first.minimumSize().width(), self.second.minimumSize().width())
        return QSize(width + self._margins(), super().minimumSizeHint().height())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            # A control's size changed without the bar being resized (a language switch,
            # a combo box filled): decide again for the width the bar has.
            self.arrange(self.width())
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange(event.size().width())

    def arrange(self, width: int) -> None:
        """Side by side if both parts fit in `width` at their preferred size, else stacked."""
        stacked = self._stacks_at(width)
        if stacked == self._stacked:
            return
        self._stacked = stacked
        self._grid.removeItem(self.second)
        if stacked:
            self._grid.addLayout(self.second, 1, 0)
        else:
            self._grid.addLayout(self.second, 0, 1)
        self.updateGeometry()
