"""Editing an event's date in the chronology table, with the same date editor as the form.

The cell is narrower than `FuzzyDateEdit` (kind, date, range end, preview), so the editor
opens over the cell and its neighbours, in a framed box of its own size. Enter saves
through the model (and so through the core, which refuses what the form would refuse, with
the same coded errors); Escape or leaving the box without a valid date changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QFrame,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.dates import FuzzyDate
from satchel.errors import InvalidInput
from satchel.gui.common.dates import FuzzyDateEdit

__all__ = ["DATE_VALUE_ROLE", "DateDelegate", "DateEditorBox"]

DATE_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The event's `FuzzyDate` (the display text is in words and cannot be parsed back)."""


class DateEditorBox(QFrame):
    """A framed `FuzzyDateEdit`, opaque over the rows beneath it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.edit = FuzzyDateEdit(self)
        lay.addWidget(self.edit)
        # The keyboard lands in the editor's first field (the kind comes first).
        first = next(
            (
                w
                for w in self.edit.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            ),
            self.edit,
        )
        self.setFocusProxy(first)
        self.setAccessibleName(self.tr("Event date"))


class DateDelegate(QStyledItemDelegate):
    """Opens `DateEditorBox` on the date cell; a refused date is said by `problem`."""

    def __init__(self, parent: QWidget, problem: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._problem = problem

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return DateEditorBox(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateEditorBox)
        value = index.data(DATE_VALUE_ROLE)
        if isinstance(value, FuzzyDate):
            editor.edit.set_value(value)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, DateEditorBox)
        try:
            value = editor.edit.value()
        except InvalidInput as exc:
            self._problem(editor.edit.problem(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # As wide and tall as the editor needs, from the cell's corner, kept inside the view.
        hint = editor.sizeHint()
        cell = option.rect
        viewport = editor.parentWidget()
        area = viewport.rect() if viewport is not None else cell
        width = min(max(cell.width(), hint.width()), area.width())
        height = min(max(cell.height(), hint.height()), area.height())
        x = min(cell.x(), area.right() - width)
        y = min(cell.y(), area.bottom() - height)
        editor.setGeometry(QRect(max(0, x), max(0, y), width, height))
