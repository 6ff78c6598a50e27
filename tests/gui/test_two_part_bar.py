"""The two-part tool bar (gui/common/two_part_bar.py): its halves side by side when they fit,
one above the other when not, and never a control squeezed below what it needs."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from satchel.gui.common.two_part_bar import TwoPartBar


def _bar(qtbot) -> tuple[TwoPartBar, QPushButton, QLineEdit]:
    bar = TwoPartBar()
    qtbot.addWidget(bar)
    bar.setContentsMargins(4, 4, 4, 4)
    button = QPushButton("Zoom")
    bar.first.addWidget(button)
    edit = QLineEdit()
    edit.setMinimumWidth(120)
    bar.second.addWidget(edit, 1)
    bar.second.addWidget(QPushButton("Report…"))
    return bar, button, edit


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _squeezed(bar: QWidget) -> list[str]:
    return [
        type(w).__name__
        for w in bar.findChildren(QWidget)
        if w.isVisible() and w.width() + 1 < max(w.minimumSizeHint().width(), w.minimumWidth())
    ]


def test_the_halves_stack_when_they_do_not_fit_side_by_side(qtbot):
    bar, button, edit = _bar(qtbot)
    wide = bar.sizeHint().width() + 40
    bar.resize(wide, 60)
    bar.show()
    _settle()
    assert not bar.is_stacked()
    assert edit.geometry().top() == button.geometry().top()
    bar.resize(button.sizeHint().width() + 130, 80)
    _settle()
    assert bar.is_stacked()
    assert edit.geometry().top() > button.geometry().bottom()
    assert _squeezed(bar) == []
    bar.resize(wide, 60)
    _settle()
    assert not bar.is_stacked()


def test_a_longer_label_without_a_resize_stacks_the_bar(qtbot):
    # A language switch lengthens the labels while the window keeps its size.
    bar, button, _edit = _bar(qtbot)
    bar.resize(bar.sizeHint().width() + 40, 60)
    bar.show()
    _settle()
    assert not bar.is_stacked()
    button.setText("Показать все события на шкале")
    _settle()
    assert bar.is_stacked()
    assert _squeezed(bar) == []


def test_its_own_margins_count(qtbot):
    bar, _button, _edit = _bar(qtbot)
    bar.show()
    _settle()
    # Just too narrow once the bar's own 4 + 4 pixels are counted.
    inner = bar.first.minimumSize().width() + max(0, bar._grid.horizontalSpacing())
    bar.resize(inner + bar.second.sizeHint().width() + 4, 80)
    _settle()
    assert bar.is_stacked()
