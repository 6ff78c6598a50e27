"""The event form: type, title, an honest uncertain date, people, documents, source, deadline.

`EventDialog` creates or edits one event of a case through `vault.events`; the date editor
(`FuzzyDateEdit`) can express every kind (on, around, before, after, between, from–to,
undated) at every precision (exact time with a UTC offset, day, month, year) and previews
the text the chronology will show. Also here: the translated labels of the event enums and
the roles (dates are written by `i18n.format_fuzzy` in the interface language).

This module must never show vault text as rich text, never invent a day the user did not
give (a month-precision date stays a month), and never drop unsaved edits silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NotRequired, TypedDict

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satchel.core import limits
from satchel.core.dates import FuzzyDate
from satchel.core.deadline_rules import (
    RULES,
    Reckoning,
    holiday_countries,
    reckon,
    rule_for_jurisdiction,
    rule_named,
)
from satchel.core.model import (
    DeadlineInfo,
    DeadlineStatus,
    DeadlineUnit,
    Event,
    EventType,
    FactStatus,
)
from satchel.core.vault import Vault
from satchel.errors import InvalidInput, NotFound, SatchelError
from satchel.gui.chronology.deadline_words import (
    country_name,
    kept_text,
    rollover_text,
    rule_label,
    rule_source,
    unit_label,
)
from satchel.gui.chronology.proceeding_field import ProceedingEdit, proceeding_choices
from satchel.gui.common.confirmations import UnsavedChangesGuard
from satchel.gui.common.dates import FuzzyDateEdit
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.plaintext import set_plain_text, set_plain_window_title
from satchel.gui.common.workers import user_message
from satchel.i18n import format_fuzzy as display_date
from satchel.labels import (
    deadline_status_label,
    event_type_label,
    fact_status_label,
    role_label,
)

__all__ = [
    "AddsPeople",
    "EventDialog",
]

# Opens the "add people to the case" flow over `parent` for `case_id` and calls
# `on_added(person_id)` for each person given a role (gui.cases.add_people.PeopleAdder).
AddsPeople = Callable[[QWidget, str, Callable[[str], None]], object]


# -- labels of the enums --------------------------------------------


_CUSTOM_RULE = "custom"  # the rule combo's entry for a country outside deadline_rules.RULES


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error")  # the theme colours it as an error
    label.setWordWrap(True)
    label.hide()
    return label


class _EventFields(TypedDict):
    """What the dialog writes: the arguments of EventStore.create and .update."""

    event_type: EventType
    title: str
    date: NotRequired[FuzzyDate]  # left out for a computed deadline: the core computes it
    description: str
    person_ids: tuple[str, ...]
    document_ids: tuple[str, ...]
    key_fact: bool
    source: str
    source_quote: str
    fact_status: FactStatus
    deadline: DeadlineInfo | None
    proceeding: str


class EventDialog(UnsavedChangesGuard):
    """Create or edit one event of a case; every change goes through `vault.events`."""

    event_saved = Signal(str)

    def __init__(
        self,
        vault: Vault,
        case_id: str,
        event_id: str | None = None,
        parent: QWidget | None = None,
        *,
        add_people: AddsPeople | None = None,
    ) -> None:
        super().__init__(parent)
        self._add_people = add_people
        self._vault = vault
        self._case_id = case_id
        self._event_id = event_id
        self._event: Event | None = None
        self._saved_state: tuple[object, ...] | None = None
        self.setObjectName("EventDialog")
        self.setModal(True)
        self._build()
        self._load()
        self._saved_state = self._state()
        self.resize(860, 780)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form

        self.type_combo = QComboBox(body)
        for t in EventType:
            self.type_combo.addItem(event_type_label(t), t.value)
        # A new event starts neutral: a wrong "Arrest" left by oversight misleads a reader.
        self.type_combo.setCurrentIndex(self.type_combo.findData(EventType.OTHER.value))
        self.title_edit = QLineEdit(body)
        self.title_edit.setMaxLength(limits.MAX_SHORT_TEXT)
        self.title_error = _error_label(body)
        self.date_edit = FuzzyDateEdit(body)
        self.date_error = _error_label(body)
        self.description_edit = QPlainTextEdit(body)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(60)
        self.description_edit.setMaximumHeight(110)
        self.people_list = QListWidget(body)
        self.people_list.setMaximumHeight(110)
        # People and their roles can be added from here, without leaving the event.
        self.add_people_button = QPushButton(body)
        self.add_people_button.clicked.connect(self.add_people)
        self.add_people_button.setVisible(self._add_people is not None)
        people_box = QWidget(body)
        people_row = QHBoxLayout(people_box)
        people_row.setContentsMargins(0, 0, 0, 0)
        people_row.addWidget(self.people_list, 1)
        people_row.addWidget(self.add_people_button, 0, Qt.AlignmentFlag.AlignTop)
        self.documents_list = QListWidget(body)
        self.documents_list.setMaximumHeight(90)
        self.proceeding_edit = ProceedingEdit(body)
        self.key_fact_check = QCheckBox(body)
        self.status_combo = QComboBox(body)
        for s in FactStatus:
            self.status_combo.addItem(fact_status_label(s), s.value)
        self.source_edit = QLineEdit(body)
        self.source_edit.setMaxLength(limits.MAX_SHORT_TEXT)
        self.quote_edit = QPlainTextEdit(body)
        self.quote_edit.setTabChangesFocus(True)
        self.quote_edit.setMinimumHeight(50)
        self.quote_edit.setMaximumHeight(90)

        # Shown for an event of type Deadline only: the type is what makes an event a
        # deadline (no second switch that could keep it off the agenda).
        self.deadline_box = QGroupBox(body)
        dl = QFormLayout(self.deadline_box)
        self.deadline_status_combo = QComboBox(self.deadline_box)
        for d in DeadlineStatus:
            self.deadline_status_combo.addItem(deadline_status_label(d), d.value)
        self.lead_days_spin = QSpinBox(self.deadline_box)
        self.lead_days_spin.setRange(0, limits.MAX_LEAD_DAYS)
        self.computed_from_combo = QComboBox(self.deadline_box)
        self.offset_days_spin = QSpinBox(self.deadline_box)
        self.offset_days_spin.setRange(-limits.MAX_OFFSET_DAYS, limits.MAX_OFFSET_DAYS)
        self.unit_combo = QComboBox(self.deadline_box)
        for unit in DeadlineUnit:
            self.unit_combo.addItem(unit_label(unit), unit.value)
        period = QWidget(self.deadline_box)
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.offset_days_spin)
        period_row.addWidget(self.unit_combo)
        period_row.addStretch(1)
        self.rule_combo = QComboBox(self.deadline_box)
        for rule in RULES:
            self.rule_combo.addItem(rule_label(rule), rule.code)
        self.rule_combo.addItem("", _CUSTOM_RULE)
        self.country_combo = QComboBox(self.deadline_box)
        listed = {r.calendar for r in RULES}
        for code in sorted(
            (c for c in holiday_countries() if c not in listed),
            key=lambda c: country_name(c).casefold(),
        ):
            self.country_combo.addItem(f"{country_name(code)} ({code})", code)
        rule_box = QWidget(self.deadline_box)
        rule_row = QHBoxLayout(rule_box)
        rule_row.setContentsMargins(0, 0, 0, 0)
        rule_row.addWidget(self.rule_combo)
        rule_row.addWidget(self.country_combo)
        rule_row.addStretch(1)
        self.computed_preview = QLabel(self.deadline_box)
        self.rollover_label = QLabel(self.deadline_box)
        self.rollover_label.setObjectName("rollover")
        self.rule_source_label = QLabel(self.deadline_box)
        self.rule_source_label.setWordWrap(True)
        self.deadline_error = _error_label(self.deadline_box)
        self._dl_status_label = QLabel(self.deadline_box)
        self._dl_lead_label = QLabel(self.deadline_box)
        self._dl_from_label = QLabel(self.deadline_box)
        self._dl_offset_label = QLabel(self.deadline_box)
        self._dl_rule_label = QLabel(self.deadline_box)
        dl.addRow(self._dl_status_label, self.deadline_status_combo)
        dl.addRow(self._dl_lead_label, self.lead_days_spin)
        dl.addRow(self._dl_from_label, self.computed_from_combo)
        dl.addRow(self._dl_offset_label, period)
        dl.addRow(self._dl_rule_label, rule_box)
        dl.addRow("", self.computed_preview)
        dl.addRow("", self.rollover_label)
        dl.addRow("", self.rule_source_label)
        dl.addRow("", self.deadline_error)

        self._labels: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget]] = [
            ("type", self.type_combo),
            ("title", self.title_edit),
            ("title_error", self.title_error),
            ("date", self.date_edit),
            ("date_error", self.date_error),
            ("description", self.description_edit),
            ("people", people_box),
            ("documents", self.documents_list),
            ("proceeding", self.proceeding_edit),
            ("key_fact", self.key_fact_check),
            ("status", self.status_combo),
            ("source", self.source_edit),
            ("quote", self.quote_edit),
        ]
        for key, widget in rows:
            label = QLabel(body)
            self._labels[key] = label
            if key.endswith("_error"):
                form.addRow("", widget)
            else:
                label.setBuddy(self.people_list if widget is people_box else widget)
                form.addRow(label, widget)
        form.addRow(self.deadline_box)

        self.general_error = _error_label(self)
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.accept)

        self.type_combo.currentIndexChanged.connect(self._on_deadline_change)
        self.computed_from_combo.currentIndexChanged.connect(self._on_deadline_change)
        self.offset_days_spin.valueChanged.connect(self._on_deadline_change)
        self.unit_combo.currentIndexChanged.connect(self._bound_offset)
        self.unit_combo.currentIndexChanged.connect(self._on_deadline_change)
        self.rule_combo.currentIndexChanged.connect(self._on_deadline_change)
        self.country_combo.currentIndexChanged.connect(self._on_deadline_change)
        self.title_edit.textChanged.connect(lambda _t: self.title_error.hide())
        self.date_edit.changed.connect(self.date_error.hide)
        self._retranslate()

    def _retranslate(self) -> None:
        if self._event_id is None:
            self.setWindowTitle(self.tr("New event"))
        texts = {
            "type": self.tr("&Type"),
            "title": self.tr("T&itle"),
            "date": self.tr("&Date"),
            "description": self.tr("D&escription"),
            "people": self.tr("&People involved"),
            "documents": self.tr("Doc&uments"),
            "proceeding": self.tr("P&roceeding"),
            "key_fact": self.tr("&Key fact"),
            "status": self.tr("&Status"),
            "source": self.tr("S&ource"),
            "quote": self.tr("&Quote from the source"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.key_fact_check.setText(self.tr("This is a key fact of the case"))
        self.add_people_button.setText(self.tr("Add people…"))
        self.title_edit.setPlaceholderText(self.tr("What happened, in a few words"))
        self.source_edit.setPlaceholderText(self.tr("e.g. court decision of 14 Aug, p. 3"))
        self.proceeding_edit.setPlaceholderText(
            self.tr("Which proceeding, e.g. the criminal case at home or the extradition abroad")
        )
        self.deadline_box.setTitle(self.tr("Deadline"))
        self._dl_status_label.setText(self.tr("Deadline status"))
        self._dl_lead_label.setText(self.tr("Remind days before"))
        self.lead_days_spin.setSpecialValueText(self.tr("No reminder"))
        self._dl_from_label.setText(self.tr("Computed from"))
        self._dl_offset_label.setText(self.tr("Period after that event"))
        self._dl_rule_label.setText(self.tr("Last day on a day off"))
        for i, unit in enumerate(DeadlineUnit):
            self.unit_combo.setItemText(i, unit_label(unit))
        for i, rule in enumerate(RULES):
            self.rule_combo.setItemText(i, rule_label(rule))
        self.rule_combo.setItemText(len(RULES), self.tr("Public holidays of another country"))
        if self.computed_from_combo.count():
            self.computed_from_combo.setItemText(0, self.tr("Not computed: use the date above"))
        accessible = {
            self.type_combo: self.tr("Event type"),
            self.title_edit: self.tr("Title"),
            self.description_edit: self.tr("Description"),
            self.people_list: self.tr("People involved"),
            self.documents_list: self.tr("Documents"),
            self.status_combo: self.tr("Status of the fact"),
            self.source_edit: self.tr("Source"),
            self.proceeding_edit: self.tr("Proceeding"),
            self.quote_edit: self.tr("Quote from the source"),
            self.deadline_status_combo: self.tr("Deadline status"),
            self.lead_days_spin: self.tr("Remind days before"),
            self.computed_from_combo: self.tr("Computed from"),
            self.offset_days_spin: self.tr("Period after that event"),
            self.unit_combo: self.tr("Counted in"),
            self.rule_combo: self.tr("Last day on a day off"),
            self.country_combo: self.tr("Country whose public holidays count"),
        }
        for widget, name in accessible.items():
            widget.setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------------------

    def _load(self) -> None:
        vault = self._vault
        if self._event_id is not None:
            self._event = vault.events.get(self._event_id)
            set_plain_window_title(self, self.tr("Event: %1").replace("%1", self._event.title))
        ev = self._event

        # People come from the case's roles; an event may still name someone whose role was
        # removed since, and that person must stay listed (and checked) rather than vanish.
        chosen_people = set(ev.person_ids) if ev else set()
        seen: set[str] = set()
        for role in vault.roles.list(case_id=self._case_id):
            if role.person_id in seen:
                continue
            seen.add(role.person_id)
            person = vault.people.get(role.person_id)
            self._add_check_item(
                self.people_list,
                f"{person.primary_name} ({role_label(role.kind)})",
                person.id,
                person.id in chosen_people,
            )
        for pid in chosen_people - seen:
            try:
                person = vault.people.get(pid)
            except NotFound:
                continue
            self._add_check_item(self.people_list, person.primary_name, pid, True)

        chosen_docs = set(ev.document_ids) if ev else set()
        for doc in vault.documents.list(case_id=self._case_id):
            self._add_check_item(self.documents_list, doc.filename, doc.id, doc.id in chosen_docs)

        self.computed_from_combo.addItem(self.tr("Not computed: use the date above"), None)
        self._anchor_dates: dict[str, FuzzyDate] = {}
        case_events = vault.events.list(case_id=self._case_id)
        self.proceeding_edit.set_choices(
            proceeding_choices(vault.cases.find(self._case_id), case_events)
        )
        for other in case_events:
            if other.id == self._event_id:
                continue
            self._anchor_dates[other.id] = other.date
            self.computed_from_combo.addItem(
                f"{display_date(other.date)} — {other.title}", other.id
            )

        # A new deadline follows the rule of the case's jurisdiction unless the user picks
        # another for it.
        case = vault.cases.find(self._case_id)
        self._set_rule(rule_for_jurisdiction(case.jurisdiction if case else "").code)
        if ev is None:
            self._on_deadline_change()
            return
        self.type_combo.setCurrentIndex(self.type_combo.findData(ev.event_type.value))
        self.title_edit.setText(ev.title)
        self.date_edit.set_value(ev.date)
        self.description_edit.setPlainText(ev.description)
        self.key_fact_check.setChecked(ev.key_fact)
        self.status_combo.setCurrentIndex(self.status_combo.findData(ev.fact_status.value))
        self.source_edit.setText(ev.source)
        self.proceeding_edit.setText(ev.proceeding)
        self.quote_edit.setPlainText(ev.source_quote)
        if ev.deadline is not None:
            d = ev.deadline
            self.deadline_status_combo.setCurrentIndex(
                self.deadline_status_combo.findData(d.status.value)
            )
            self.lead_days_spin.setValue(d.lead_days or 0)
            if d.computed_from is not None:
                index = self.computed_from_combo.findData(d.computed_from)
                self.computed_from_combo.setCurrentIndex(max(index, 0))
            self.offset_days_spin.setValue(d.offset_days or 0)
            if d.computed_from is not None:
                # A fixed deadline stores no rule; keep the case's for when it is computed.
                self.unit_combo.setCurrentIndex(self.unit_combo.findData(d.unit.value))
                self._set_rule(d.rule)
        self._on_deadline_change()

    def _set_rule(self, code: str) -> None:
        index = self.rule_combo.findData(code)
        if index >= 0:
            self.rule_combo.setCurrentIndex(index)
            return
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(_CUSTOM_RULE))
        self.country_combo.setCurrentIndex(max(self.country_combo.findData(code), 0))

    def add_people(self) -> None:
        """Find or create people and give them a role in the case; each one added is ticked."""
        if self._add_people is not None:
            self._add_people(self, self._case_id, self._person_added)

    def _person_added(self, person_id: str) -> None:
        person = self._vault.people.get(person_id)
        kinds = [r.kind for r in self._vault.roles.list(case_id=self._case_id)
                 if r.person_id == person_id]  # fmt: skip
        text = person.primary_name
        if kinds:
            text += f" ({', '.join(role_label(k) for k in kinds)})"
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == person_id:
                item.setText(text)
                item.setCheckState(Qt.CheckState.Checked)
                return
        self._add_check_item(self.people_list, text, person_id, True)

    @staticmethod
    def _add_check_item(widget: QListWidget, text: str, data: str, checked: bool) -> None:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[str, ...]:
        out = []
        for i in range(widget.count()):
            item = widget.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(out)

    # -- deadline section ------------------------------------------------------------------

    def _is_deadline(self) -> bool:
        return self.type_combo.currentData() == EventType.DEADLINE.value

    def _computed_from(self) -> str | None:
        if not self._is_deadline():
            return None
        return self.computed_from_combo.currentData()

    def _rule_code(self) -> str:
        code = self.rule_combo.currentData()
        if code == _CUSTOM_RULE:
            return str(self.country_combo.currentData())
        return str(code)

    def _reckoning(self) -> Reckoning | None:
        """How the core will compute this deadline (the same `reckon`), or None."""
        source = self._computed_from()
        if source is None:
            return None
        anchor = self._anchor_dates[source].anchor_day()
        if anchor is None:
            return None
        try:
            return reckon(
                anchor,
                self.offset_days_spin.value(),
                DeadlineUnit(self.unit_combo.currentData()),
                rule_named(self._rule_code()),
            )
        except InvalidInput:
            return None

    def _computed_date(self) -> FuzzyDate | None:
        """The due day of a computed deadline: counted from the source, then rolled."""
        reckoning = self._reckoning()
        return None if reckoning is None else FuzzyDate.on(reckoning.due)

    def _bound_offset(self) -> None:
        """The period's range follows its unit: ten years are 3650 days but 120 months."""
        limit = limits.max_offset(str(self.unit_combo.currentData()))
        self.offset_days_spin.setRange(-limit, limit)

    def _on_deadline_change(self) -> None:
        self.deadline_box.setVisible(self._is_deadline())
        computed = self._computed_from() is not None
        for widget in (self.offset_days_spin, self.unit_combo, self.rule_combo):
            widget.setEnabled(computed)
        self.country_combo.setVisible(self.rule_combo.currentData() == _CUSTOM_RULE)
        self.country_combo.setEnabled(computed)
        # A computed deadline's date follows its source event; editing it here would be
        # overwritten the next time the source moves.
        self.date_edit.setEnabled(not computed)
        self.deadline_error.hide()
        for label in (self.computed_preview, self.rollover_label, self.rule_source_label):
            label.clear()
            label.setVisible(computed)
        if not computed:
            return
        reckoning = self._reckoning()
        if reckoning is None:
            set_plain_text(
                self.computed_preview,
                self.tr("That event is undated, so the deadline cannot be computed yet."),
            )
            self.rollover_label.hide()
        else:
            set_plain_text(
                self.computed_preview,
                self.tr("Due: %1").replace("%1", display_date(FuzzyDate.on(reckoning.due))),
            )
            moved = rollover_text(reckoning)
            note = (
                self.tr("Rolled over: %1").replace("%1", moved) if moved else kept_text(reckoning)
            )
            set_plain_text(self.rollover_label, note)
            self.rollover_label.setVisible(bool(note))
        rule = rule_named(self._rule_code())
        set_plain_text(self.rule_source_label, rule_source(rule))

    # -- state, validation, saving ---------------------------------------------------------

    def _state(self) -> tuple[object, ...]:
        try:
            when: object = self.date_edit.value()
        except InvalidInput:
            when = ("invalid", self.date_edit.preview_text())
        return (
            self.type_combo.currentData(),
            self.title_edit.text(),
            when,
            self.description_edit.toPlainText(),
            self._checked(self.people_list),
            self._checked(self.documents_list),
            self.key_fact_check.isChecked(),
            self.status_combo.currentData(),
            self.source_edit.text(),
            self.quote_edit.toPlainText(),
            self.proceeding_edit.text(),
            self.deadline_status_combo.currentData(),
            self.lead_days_spin.value(),
            self.computed_from_combo.currentData(),
            self.offset_days_spin.value(),
            self.unit_combo.currentData(),
            self._rule_code(),
        )

    def is_dirty(self) -> bool:
        return self._saved_state is not None and self._state() != self._saved_state

    def _show_error(self, label: QLabel, text: str) -> None:
        set_plain_text(label, text)
        label.show()

    def _validate(self) -> _EventFields | None:
        """The fields to save, or None after showing what is wrong next to each field."""
        for label in (self.title_error, self.date_error, self.deadline_error, self.general_error):
            label.hide()
        ok = True
        title = self.title_edit.text().strip()
        if not title:
            self._show_error(self.title_error, self.tr("An event needs a title."))
            ok = False
        computed_date = self._computed_date()
        try:
            when = computed_date if computed_date is not None else self.date_edit.value()
        except InvalidInput as exc:
            self._show_error(
                self.date_error,
                self.tr("This is not a valid date: %1").replace("%1", self.date_edit.problem(exc)),
            )
            ok = False
            when = None
        deadline: DeadlineInfo | None = None
        if self._is_deadline():
            source = self._computed_from()
            if source is not None and computed_date is None:
                self._show_error(
                    self.deadline_error,
                    self.tr("The event it is computed from has no date yet."),
                )
                ok = False
            deadline = DeadlineInfo(
                status=DeadlineStatus(self.deadline_status_combo.currentData()),
                lead_days=self.lead_days_spin.value() or None,
                computed_from=source,
                offset_days=self.offset_days_spin.value() if source is not None else None,
                unit=DeadlineUnit(self.unit_combo.currentData()),
                rule=self._rule_code(),
            )
        if not ok or when is None:  # `when` is None only after a date error
            return None
        return {
            "event_type": EventType(self.type_combo.currentData()),
            "title": title,
            "date": when,
            "description": self.description_edit.toPlainText(),
            "person_ids": self._checked(self.people_list),
            "document_ids": self._checked(self.documents_list),
            "key_fact": self.key_fact_check.isChecked(),
            "source": self.source_edit.text().strip(),
            "source_quote": self.quote_edit.toPlainText(),
            "fact_status": FactStatus(self.status_combo.currentData()),
            "deadline": deadline,
            "proceeding": self.proceeding_edit.text().strip(),
        }

    def save(self) -> bool:
        """Validate and write through the core; True when the event was stored."""
        fields = self._validate()
        if fields is None:
            return False
        events = self._vault.events
        deadline = fields["deadline"]
        if isinstance(deadline, DeadlineInfo) and deadline.computed_from:
            # The core computes this date from the source event and refuses one given by
            # hand; the preview above showed the same rule.
            del fields["date"]
        try:
            if self._event_id is None:
                saved = events.create(case_id=self._case_id, **fields)
            else:
                saved = events.update(self._event_id, **fields)
        except InvalidInput as exc:
            target = {"title": self.title_error, "date": self.date_error}.get(
                exc.field or "", self.general_error
            )
            self._show_error(target, user_message(exc))
            return False
        except SatchelError as exc:
            self._show_error(self.general_error, user_message(exc))
            return False
        self._event_id = saved.id
        self._event = saved
        self._saved_state = self._state()
        self.event_saved.emit(saved.id)
        return True

    @property
    def event_id(self) -> str | None:
        """The id of the event edited, or created by the last successful save."""
        return self._event_id

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        event = self._event
        return DraftSubject(
            "event",
            self._event_id,
            {"case_id": self._case_id},
            event.title if event is not None else self.title_edit.text().strip(),
            event.updated_at.isoformat() if event is not None else "",
        )

    def _unsaved_changes_question(self) -> tuple[str, str]:
        return (
            self.tr("Unsaved changes"),
            self.tr("This event has changes that are not saved."),
        )

    def clear(self) -> None:
        """Drop every piece of vault data and close without asking (the lock calls this)."""
        self._saved_state = None
        self._event = None
        self._anchor_dates = {}
        for edit in (self.title_edit, self.source_edit, self.proceeding_edit):
            edit.clear()
        self.proceeding_edit.clear_choices()
        for text in (self.description_edit, self.quote_edit):
            text.clear()
        self.people_list.clear()
        self.documents_list.clear()
        self.computed_from_combo.clear()
        for label in (
            self.title_error,
            self.date_error,
            self.deadline_error,
            self.general_error,
            self.computed_preview,
            self.rollover_label,
            self.rule_source_label,
        ):
            label.clear()
        self.date_edit.set_value(FuzzyDate.undated())
        self.setWindowTitle("")
        QDialog.reject(self)
