"""The detail pane beside the chronology table: the selected event, whole, without a form.

`EventDetail` shows the title, the date with its uncertainty (how it relates to the event
and how much of it is known), the type, the status, the deadline's state, the source and
its quote, the people with their role in the case and their date of birth (two people who
share a surname are told apart), the documents and the notes. With several events selected
it says how many. Every text from the vault is set as plain text; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.core.events import days_left
from satchel.core.model import DeadlineStatus, Event, RoleKind
from satchel.core.vault import Vault
from satchel.errors import NotFound
from satchel.gui.common.plaintext import plain_label, set_plain_text
from satchel.gui.timeline.view import plural
from satchel.i18n import format_fuzzy, format_partial
from satchel.labels import (
    date_kind_label,
    deadline_status_label,
    event_type_label,
    fact_status_label,
    role_label,
)

__all__ = ["EventDetail", "PersonInCase", "people_in_case"]


@dataclass(frozen=True, slots=True)
class PersonInCase:
    """A person as a list of a case's people shows them: name, roles here, date of birth."""

    id: str
    name: str
    roles: tuple[RoleKind, ...]
    born: PartialDate | None

    def describe(self) -> str:
        """'Name — client, witness · b. 3 Mar 1981': enough to tell two namesakes apart."""
        text = self.name
        if self.roles:
            text += " — " + ", ".join(role_label(r) for r in self.roles)
        if self.born is not None:
            born = QCoreApplication.translate("EventDetail", "b. %1")
            text += " · " + born.replace("%1", format_partial(self.born))
        return text


def people_in_case(vault: Vault, case_id: str, also: tuple[str, ...] = ()) -> list[PersonInCase]:
    """The people who have a role in the case (first role first), then those of `also`
    who have none (an event may name someone whose role was removed since)."""
    roles: dict[str, list[RoleKind]] = {}
    for role in vault.roles.list(case_id=case_id):
        roles.setdefault(role.person_id, []).append(role.kind)
    ids = [*roles, *(pid for pid in also if pid not in roles)]
    found = vault.people.find_many(ids)
    return [
        PersonInCase(pid, p.primary_name, tuple(roles.get(pid, ())), p.birth_date)
        for pid in ids
        if (p := found.get(pid)) is not None
    ]


def _precision_words(value: FuzzyDate) -> str:
    """How much of the date is known, from its coarsest end."""
    parts = [p for p in (value.start, value.end) if p is not None]
    if not parts:
        return ""
    if any(p.month is None for p in parts):
        return QCoreApplication.translate("EventDetail", "known to the year")
    if any(p.day is None for p in parts):
        return QCoreApplication.translate("EventDetail", "known to the month")
    if any(p.hour is None for p in parts):
        return QCoreApplication.translate("EventDetail", "known to the day")
    return QCoreApplication.translate("EventDetail", "known to the minute")


def uncertainty_text(value: FuzzyDate) -> str:
    """'Around · known to the month': how the date relates to the event, and how precise."""
    if value.kind is DateKind.UNDATED:
        return date_kind_label(value.kind)
    if value.kind is DateKind.ON:
        return _precision_words(value)
    return f"{date_kind_label(value.kind)} · {_precision_words(value)}"


class EventDetail(QWidget):
    """One event shown whole, read-only; `show_event(None)` empties it."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._event: Event | None = None
        self._count = 0
        self.setObjectName("EventDetail")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(6)

        self.title = self._value(body)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        lay.addWidget(self.title)
        self.empty = QLabel(body)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)

        # Two columns side by side: the pane lies under a wide table, so width is what it
        # has and height is what the table needs.
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self._names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}
        for keys in (
            ("date", "kind", "status", "deadline"),
            ("source", "quote", "people", "docs"),
        ):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            for key in keys:
                name = QLabel(body)
                name.setObjectName("muted")
                value = self._value(body)
                self._names[key] = name
                self.values[key] = value
                self._forms[key] = form
                form.addRow(name, value)
            form.setVerticalSpacing(4)
            columns.addLayout(form, 1)
        lay.addLayout(columns)
        self.notes_title = QLabel(body)
        self.notes_title.setObjectName("muted")
        lay.addWidget(self.notes_title)
        self.notes = self._value(body)
        lay.addWidget(self.notes)
        lay.addStretch(1)
        self._retranslate()
        self.show_event(None)

    @staticmethod
    def _value(parent: QWidget) -> QLabel:
        label = plain_label("", parent)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Never taller than its text: spare height goes below the last row, not between.
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return label

    def _retranslate(self) -> None:
        for key, text in (
            ("date", self.tr("Date")),
            ("kind", self.tr("Type")),
            ("status", self.tr("Status")),
            ("deadline", self.tr("Deadline")),
            ("source", self.tr("Source")),
            ("quote", self.tr("Quote")),
            ("people", self.tr("People")),
            ("docs", self.tr("Documents")),
        ):
            self._names[key].setText(text)
        self.notes_title.setText(self.tr("Notes"))
        self.setAccessibleName(self.tr("Selected event"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._refill()
        super().changeEvent(event)

    # -- what is shown ---------------------------------------------------------------------

    def show_event(self, event: Event | None, selected: int = 1) -> None:
        """Show `event` whole; with `selected` > 1 say how many are selected instead."""
        self._event = event if selected <= 1 else None
        self._count = selected
        self._refill()

    def shown_event_id(self) -> str | None:
        return self._event.id if self._event is not None else None

    def _refill(self) -> None:
        ev = self._event
        if ev is None or self._vault is None:
            self._fill({})
            set_plain_text(self.title, "")
            self.title.hide()
            self.empty.setText(
                self.tr(
                    "%1 events selected: change them all at once with “Change selected”."
                ).replace("%1", str(self._count))
                if self._count > 1
                else self.tr("Select an event to read it here in full.")
            )
            self.empty.show()
            return
        self.empty.hide()
        self.title.show()
        set_plain_text(self.title, ev.title)
        when = format_fuzzy(ev.date)
        self._fill(
            {
                "date": f"{when}\n{uncertainty_text(ev.date)}",
                "kind": event_type_label(ev.event_type)
                + (" · " + self.tr("key fact") if ev.key_fact else ""),
                "status": fact_status_label(ev.fact_status),
                "deadline": self._deadline_text(ev),
                "source": ev.source,
                "quote": f"«{ev.source_quote}»" if ev.source_quote else "",
                "people": "\n".join(self._people(ev)),
                "docs": "\n".join(self._document_names(ev)),
            }
        )
        set_plain_text(self.notes, ev.description)
        self.notes.setVisible(bool(ev.description))
        self.notes_title.setVisible(bool(ev.description))

    def _fill(self, texts: dict[str, str]) -> None:
        for key, value in self.values.items():
            text = texts.get(key, "")
            set_plain_text(value, text)
            self._forms[key].setRowVisible(self._names[key], bool(text))
        if not texts:
            set_plain_text(self.notes, "")
            self.notes.hide()
            self.notes_title.hide()

    def _deadline_text(self, ev: Event) -> str:
        info = ev.deadline
        if info is None:
            return ""
        text = deadline_status_label(info.status)
        left = days_left(ev, date.today())
        if info.status is DeadlineStatus.PENDING and left is not None:
            if left < 0:
                text += " · " + plural("Agenda", "overdue by %n day(s)", "", -left)
            elif left == 0:
                text += " · " + self.tr("due today")
            else:
                text += " · " + plural("Agenda", "%n day(s) left", "", left)
        return text

    def _people(self, ev: Event) -> list[str]:
        """The event's people in its order, each with role and date of birth."""
        assert self._vault is not None
        if not ev.person_ids:
            return []
        known = {p.id: p for p in people_in_case(self._vault, ev.case_id, ev.person_ids)}
        return [known[pid].describe() for pid in ev.person_ids if pid in known]

    def _document_names(self, ev: Event) -> list[str]:
        assert self._vault is not None
        store = self._vault.documents
        if store is None or not ev.document_ids:
            return []
        names = []
        for did in ev.document_ids:
            try:
                names.append(store.get(did).filename)
            except NotFound:
                continue
        return names

    def clear(self) -> None:
        """Drop the event shown (the lock calls this through the panel)."""
        self._event = None
        self._count = 0
        self._refill()
