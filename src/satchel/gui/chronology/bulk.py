"""Changing several events at once: the "Change" menu of the chronology and its people picker.

`ChangeMenu` offers a status, a type, adding people or removing people for the events
selected in the table; the panel applies the choice through `EventStore.change_many`, one
transaction with one audit entry per event. `PeoplePicker` lists people as the case knows
them (role in the case, date of birth), so two people who share a surname are told apart.
Nothing here touches the vault directly; names are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import EventType, FactStatus
from satchel.gui.chronology.detail import PersonInCase
from satchel.labels import event_type_label, fact_status_label

__all__ = ["ChangeMenu", "PeoplePicker"]

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole


class PeoplePicker(QDialog):
    """Tick people from a list that tells namesakes apart; `chosen()` gives their ids."""

    def __init__(
        self, title: str, prompt: str, people: Sequence[PersonInCase], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        for person in people:
            item = QListWidgetItem(person.describe())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(PERSON_ID_ROLE, person.id)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._toggle)
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    @staticmethod
    def _toggle(item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(PERSON_ID_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class ChangeMenu(QToolButton):
    """The "Change" button: status, type, add people, remove people, for the selection.

    `apply` is called with the keyword arguments of `EventStore.change_many`; `people`
    returns the people to offer (the case's) and `named` those the selected events name.
    """

    def __init__(
        self,
        apply: Callable[..., Any],
        people: Callable[[], list[PersonInCase]],
        named: Callable[[], list[PersonInCase]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._people = people
        self._named = named
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.picker: PeoplePicker | None = None  # the open picker (tests, the lock's walk)
        self._menu = QMenu(self)
        self._status_menu = self._menu.addMenu("")
        for status in FactStatus:
            action = self._status_menu.addAction("")
            action.setData(status.value)
            action.triggered.connect(lambda _c=False, s=status: self._apply(fact_status=s))
        self._type_menu = self._menu.addMenu("")
        for kind in EventType:
            action = self._type_menu.addAction("")
            action.setData(kind.value)
            action.triggered.connect(lambda _c=False, k=kind: self._apply(event_type=k))
        self._menu.addSeparator()
        self._add_people = self._menu.addAction("")
        self._add_people.triggered.connect(self.add_people)
        self._remove_people = self._menu.addAction("")
        self._remove_people.triggered.connect(self.remove_people)
        self.setMenu(self._menu)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(self.tr("Change selected"))
        self.setAccessibleName(self.tr("Change the selected events"))
        self.setToolTip(self.tr("Change the status, type or people of every selected event"))
        self._status_menu.setTitle(self.tr("Set status"))
        for action, status in zip(self._status_menu.actions(), FactStatus, strict=True):
            action.setText(fact_status_label(status))
        self._type_menu.setTitle(self.tr("Set type"))
        for action, kind in zip(self._type_menu.actions(), EventType, strict=True):
            action.setText(event_type_label(kind))
        self._add_people.setText(self.tr("Add people…"))
        self._remove_people.setText(self.tr("Remove people…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def add_people(self) -> None:
        self._pick(
            self.tr("Add people"),
            self.tr("Tick the people to add to every selected event."),
            self._people(),
            "add_people",
        )

    def remove_people(self) -> None:
        self._pick(
            self.tr("Remove people"),
            self.tr("Tick the people to remove from every selected event."),
            self._named(),
            "remove_people",
        )

    def _pick(self, title: str, prompt: str, people: list[PersonInCase], key: str) -> None:
        picker = PeoplePicker(title, prompt, people, self)
        self.picker = picker
        try:
            if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen():
                self._apply(**{key: picker.chosen()})
        finally:
            self.picker = None
            picker.deleteLater()
