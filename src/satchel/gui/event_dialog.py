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

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from satchel.core import limits
from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.core.model import (
    DeadlineInfo,
    DeadlineStatus,
    Event,
    EventType,
    FactStatus,
    RoleKind,
)
from satchel.errors import InvalidInput, NotFound, SatchelError
from satchel.gui.confirmations import UnsavedChangesGuard
from satchel.gui.i18n import format_fuzzy as display_date
from satchel.gui.plaintext import set_plain_text, set_plain_window_title

__all__ = [
    "EventDialog",
    "FuzzyDateEdit",
    "PartialDateEdit",
    "date_kind_label",
    "deadline_status_label",
    "event_type_label",
    "fact_status_label",
    "role_label",
]


# -- labels of the enums --------------------------------------------


def event_type_label(value: EventType) -> str:
    labels = {
        EventType.ARREST: QCoreApplication.translate("EventLabels", "Arrest"),
        EventType.DETENTION: QCoreApplication.translate("EventLabels", "Detention"),
        EventType.HEARING: QCoreApplication.translate("EventLabels", "Hearing"),
        EventType.FILING: QCoreApplication.translate("EventLabels", "Filing"),
        EventType.DECISION: QCoreApplication.translate("EventLabels", "Decision"),
        EventType.APPEAL: QCoreApplication.translate("EventLabels", "Appeal"),
        EventType.DEADLINE: QCoreApplication.translate("EventLabels", "Deadline"),
        EventType.EXTRADITION_REQUEST: QCoreApplication.translate(
            "EventLabels", "Extradition request"
        ),
        EventType.ASYLUM_APPLICATION: QCoreApplication.translate(
            "EventLabels", "Asylum application"
        ),
        EventType.DEPORTATION: QCoreApplication.translate("EventLabels", "Deportation"),
        EventType.RELEASE: QCoreApplication.translate("EventLabels", "Release"),
        EventType.MEETING: QCoreApplication.translate("EventLabels", "Meeting"),
        EventType.COMMUNICATION: QCoreApplication.translate("EventLabels", "Communication"),
        EventType.TRAVEL: QCoreApplication.translate("EventLabels", "Travel"),
        EventType.OTHER: QCoreApplication.translate("EventLabels", "Other"),
    }
    return labels[value]


def fact_status_label(value: FactStatus) -> str:
    labels = {
        FactStatus.UNDISPUTED: QCoreApplication.translate("EventLabels", "Undisputed"),
        FactStatus.DISPUTED_BY_US: QCoreApplication.translate("EventLabels", "Disputed by us"),
        FactStatus.DISPUTED_BY_OTHER: QCoreApplication.translate(
            "EventLabels", "Disputed by the other side"
        ),
        FactStatus.UNSURE: QCoreApplication.translate("EventLabels", "Unsure"),
    }
    return labels[value]


def deadline_status_label(value: DeadlineStatus) -> str:
    labels = {
        DeadlineStatus.PENDING: QCoreApplication.translate("EventLabels", "Pending"),
        DeadlineStatus.DONE: QCoreApplication.translate("EventLabels", "Done"),
        DeadlineStatus.MISSED: QCoreApplication.translate("EventLabels", "Missed"),
    }
    return labels[value]


def date_kind_label(value: DateKind) -> str:
    labels = {
        DateKind.ON: QCoreApplication.translate("EventLabels", "On"),
        DateKind.AROUND: QCoreApplication.translate("EventLabels", "Around"),
        DateKind.BEFORE: QCoreApplication.translate("EventLabels", "Before"),
        DateKind.AFTER: QCoreApplication.translate("EventLabels", "After"),
        DateKind.BETWEEN: QCoreApplication.translate("EventLabels", "Between"),
        DateKind.SPAN: QCoreApplication.translate("EventLabels", "From – to"),
        DateKind.UNDATED: QCoreApplication.translate("EventLabels", "Undated (TBD)"),
    }
    return labels[value]


def role_label(value: RoleKind) -> str:
    labels = {
        RoleKind.CLIENT: QCoreApplication.translate("RoleLabels", "Client"),
        RoleKind.RELATIVE: QCoreApplication.translate("RoleLabels", "Relative"),
        RoleKind.CO_COUNSEL: QCoreApplication.translate("RoleLabels", "Co-counsel"),
        RoleKind.OPPOSING_COUNSEL: QCoreApplication.translate("RoleLabels", "Opposing counsel"),
        RoleKind.PROSECUTOR: QCoreApplication.translate("RoleLabels", "Prosecutor"),
        RoleKind.JUDGE: QCoreApplication.translate("RoleLabels", "Judge"),
        RoleKind.OFFICIAL: QCoreApplication.translate("RoleLabels", "Official"),
        RoleKind.WITNESS: QCoreApplication.translate("RoleLabels", "Witness"),
        RoleKind.INTERPRETER: QCoreApplication.translate("RoleLabels", "Interpreter"),
        RoleKind.JOURNALIST: QCoreApplication.translate("RoleLabels", "Journalist"),
        RoleKind.NGO: QCoreApplication.translate("RoleLabels", "NGO"),
        RoleKind.OTHER: QCoreApplication.translate("RoleLabels", "Other"),
    }
    return labels[value]


# -- the date editor -------------------------------------------------------------------------

_PRECISIONS = ("year", "month", "day", "exact")


def _local_offset_minutes() -> int:
    off = datetime.now().astimezone().utcoffset()
    return int(off.total_seconds()) // 60 if off is not None else 0


def _offset_text(minutes: int) -> str:
    sign = "−" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class PartialDateEdit(QWidget):
    """One calendar date at a chosen precision: year; month; day; or day, time and UTC offset.

    Hidden parts are not part of the value: choosing "month" really means the day is
    unknown, it does not keep a day silently.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_exact: bool = True) -> None:
        super().__init__(parent)
        # A birth date or a document's expiry has no time of day; an event may.
        self._allow_exact = allow_exact
        self._precision = QComboBox(self)
        self._year = QSpinBox(self)
        self._year.setRange(1, 9999)
        self._year.setValue(date.today().year)
        self._month = QComboBox(self)
        self._day = QSpinBox(self)
        self._day.setRange(1, 31)
        self._time = QTimeEdit(self)
        self._time.setDisplayFormat("HH:mm")
        self._offset = QComboBox(self)
        # Whole, half and three-quarter hour offsets cover every zone in use (-12:00..+14:00).
        for minutes in range(-12 * 60, 14 * 60 + 1, 15):
            self._offset.addItem(_offset_text(minutes), minutes)
        self._set_offset(_local_offset_minutes())

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self._precision, self._day, self._month, self._year, self._time, self._offset):
            row.addWidget(w)
        row.addStretch(1)

        self._retranslate()
        self._precision.setCurrentIndex(_PRECISIONS.index("day"))
        self._month.setCurrentIndex(date.today().month - 1)
        self._day.setValue(date.today().day)
        self._update_visibility()

        self._precision.currentIndexChanged.connect(self._update_visibility)
        for signal in (
            self._precision.currentIndexChanged,
            self._year.valueChanged,
            self._month.currentIndexChanged,
            self._day.valueChanged,
            self._time.timeChanged,
            self._offset.currentIndexChanged,
        ):
            signal.connect(self.changed)

    def _retranslate(self) -> None:
        p_index = max(self._precision.currentIndex(), 0)
        m_index = max(self._month.currentIndex(), 0)
        self._precision.blockSignals(True)
        self._month.blockSignals(True)
        self._precision.clear()
        self._precision.addItems([self.tr("Year only"), self.tr("Month"), self.tr("Day")])
        if self._allow_exact:
            self._precision.addItem(self.tr("Exact time"))
        self._month.clear()
        locale = QLocale()
        self._month.addItems(
            [locale.standaloneMonthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]
        )
        self._precision.setCurrentIndex(p_index)
        self._month.setCurrentIndex(m_index)
        self._precision.blockSignals(False)
        self._month.blockSignals(False)
        self._precision.setAccessibleName(self.tr("Precision"))
        self._year.setAccessibleName(self.tr("Year"))
        self._month.setAccessibleName(self.tr("Month"))
        self._day.setAccessibleName(self.tr("Day"))
        self._time.setAccessibleName(self.tr("Time"))
        self._offset.setAccessibleName(self.tr("Time zone (UTC offset)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _set_offset(self, minutes: int) -> None:
        index = self._offset.findData(minutes)
        if index < 0:  # an offset off the 15-minute grid (historic zones): keep it exactly
            self._offset.addItem(_offset_text(minutes), minutes)
            index = self._offset.count() - 1
        self._offset.setCurrentIndex(index)

    def _update_visibility(self) -> None:
        level = self.precision()
        self._month.setVisible(level in ("month", "day", "exact"))
        self._day.setVisible(level in ("day", "exact"))
        self._time.setVisible(level == "exact")
        self._offset.setVisible(level == "exact")

    def precision(self) -> str:
        return _PRECISIONS[max(self._precision.currentIndex(), 0)]

    def value(self) -> PartialDate:
        """The date as entered; raises InvalidInput for a day the month does not have."""
        level = self.precision()
        year = self._year.value()
        if level == "year":
            return PartialDate(year)
        month = self._month.currentIndex() + 1
        if level == "month":
            return PartialDate(year, month)
        if level == "day":
            return PartialDate(year, month, self._day.value())
        t = self._time.time()
        return PartialDate(
            year, month, self._day.value(), t.hour(), t.minute(), self._offset.currentData()
        )

    def set_value(self, value: PartialDate) -> None:
        widgets = (self._precision, self._year, self._month, self._day, self._time, self._offset)
        for w in widgets:
            w.blockSignals(True)
        self._precision.setCurrentIndex(_PRECISIONS.index(value.precision.value))
        self._year.setValue(value.year)
        if value.month is not None:
            self._month.setCurrentIndex(value.month - 1)
        if value.day is not None:
            self._day.setValue(value.day)
        if value.hour is not None and value.minute is not None:
            self._time.setTime(QTime(value.hour, value.minute))
        if value.utc_offset_minutes is not None:
            self._set_offset(value.utc_offset_minutes)
        for w in widgets:
            w.blockSignals(False)
        self._update_visibility()
        self.changed.emit()


_KINDS = (
    DateKind.ON,
    DateKind.AROUND,
    DateKind.BEFORE,
    DateKind.AFTER,
    DateKind.BETWEEN,
    DateKind.SPAN,
    DateKind.UNDATED,
)


class FuzzyDateEdit(QWidget):
    """An event date of any kind and precision, with a preview of how it will read."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = QComboBox(self)
        self.start = PartialDateEdit(self)
        self._end_label = QLabel(self)
        self.end = PartialDateEdit(self)
        self._preview = QLabel(self)
        self._preview.setObjectName("datePreview")

        # A grid keeps the start and end dates aligned under each other, the kind (or the
        # "and"/"to" word) in the first column.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._kind, 0, 0)
        grid.addWidget(self.start, 0, 1)
        grid.addWidget(self._end_label, 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.end, 1, 1)
        grid.addWidget(self._preview, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self._kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        for kind in _KINDS:
            self._kind.addItem("", kind.value)
        self._retranslate()
        self._kind.currentIndexChanged.connect(self._on_change)
        self.start.changed.connect(self._on_change)
        self.end.changed.connect(self._on_change)
        self._on_change()

    def _retranslate(self) -> None:
        for i, kind in enumerate(_KINDS):
            self._kind.setItemText(i, date_kind_label(kind))
        self._kind.setAccessibleName(self.tr("Date kind"))
        self._preview.setAccessibleName(self.tr("Date as it will be shown"))
        self._update_end_label()
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def kind(self) -> DateKind:
        return DateKind(self._kind.currentData())

    def _update_end_label(self) -> None:
        self._end_label.setText(
            self.tr("and") if self.kind() is DateKind.BETWEEN else self.tr("to")
        )

    def _on_change(self) -> None:
        kind = self.kind()
        ranged = kind in (DateKind.BETWEEN, DateKind.SPAN)
        self.start.setVisible(kind is not DateKind.UNDATED)
        self.end.setVisible(ranged)
        self._end_label.setVisible(ranged)
        self._update_end_label()
        self._update_preview()
        self.changed.emit()

    def _update_preview(self) -> None:
        try:
            text = self.tr("Shown as: %1").replace("%1", display_date(self.value()))
        except InvalidInput as exc:
            text = self.tr("Not a valid date yet: %1").replace("%1", self.problem(exc))
        set_plain_text(self._preview, text)

    def problem(self, exc: InvalidInput) -> str:
        """A translated reason for the most common mistakes; the core's message otherwise."""
        kind = self.kind()
        if kind in (DateKind.BETWEEN, DateKind.SPAN):
            try:
                start, end = self.start.value(), self.end.value()
            except InvalidInput:
                return self.tr("that day does not exist in that month")
            if end.upper() <= start.lower():
                return self.tr("the end lies before the start")
        try:
            self.start.value()
        except InvalidInput:
            return self.tr("that day does not exist in that month")
        return exc.message

    def value(self) -> FuzzyDate:
        """The date as entered; raises InvalidInput when it is not a real date or range."""
        kind = self.kind()
        if kind is DateKind.UNDATED:
            return FuzzyDate.undated()
        if kind in (DateKind.BETWEEN, DateKind.SPAN):
            return FuzzyDate(kind, self.start.value(), self.end.value())
        return FuzzyDate(kind, self.start.value())

    def set_value(self, value: FuzzyDate) -> None:
        self._kind.blockSignals(True)
        self._kind.setCurrentIndex(_KINDS.index(value.kind))
        self._kind.blockSignals(False)
        if value.start is not None:
            self.start.set_value(value.start)
        if value.end is not None:
            self.end.set_value(value.end)
        self._on_change()

    def preview_text(self) -> str:
        return self._preview.text()


# -- the dialog ------------------------------------------------------------------------------


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error")  # the theme colours it as an error
    label.setWordWrap(True)
    label.hide()
    return label


class EventDialog(UnsavedChangesGuard):
    """Create or edit one event of a case; every change goes through `vault.events`."""

    event_saved = Signal(str)

    def __init__(
        self,
        vault: Any,
        case_id: str,
        event_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
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
        self.documents_list = QListWidget(body)
        self.documents_list.setMaximumHeight(90)
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

        self.deadline_box = QGroupBox(body)
        self.deadline_box.setCheckable(True)
        self.deadline_box.setChecked(False)
        dl = QFormLayout(self.deadline_box)
        self.deadline_status_combo = QComboBox(self.deadline_box)
        for d in DeadlineStatus:
            self.deadline_status_combo.addItem(deadline_status_label(d), d.value)
        self.lead_days_spin = QSpinBox(self.deadline_box)
        self.lead_days_spin.setRange(0, limits.MAX_LEAD_DAYS)
        self.computed_from_combo = QComboBox(self.deadline_box)
        self.offset_days_spin = QSpinBox(self.deadline_box)
        self.offset_days_spin.setRange(-limits.MAX_OFFSET_DAYS, limits.MAX_OFFSET_DAYS)
        self.computed_preview = QLabel(self.deadline_box)
        self.deadline_error = _error_label(self.deadline_box)
        self._dl_status_label = QLabel(self.deadline_box)
        self._dl_lead_label = QLabel(self.deadline_box)
        self._dl_from_label = QLabel(self.deadline_box)
        self._dl_offset_label = QLabel(self.deadline_box)
        dl.addRow(self._dl_status_label, self.deadline_status_combo)
        dl.addRow(self._dl_lead_label, self.lead_days_spin)
        dl.addRow(self._dl_from_label, self.computed_from_combo)
        dl.addRow(self._dl_offset_label, self.offset_days_spin)
        dl.addRow("", self.computed_preview)
        dl.addRow("", self.deadline_error)

        self._labels: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget]] = [
            ("type", self.type_combo),
            ("title", self.title_edit),
            ("title_error", self.title_error),
            ("date", self.date_edit),
            ("date_error", self.date_error),
            ("description", self.description_edit),
            ("people", self.people_list),
            ("documents", self.documents_list),
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
                label.setBuddy(widget)
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

        self.deadline_box.toggled.connect(self._on_deadline_change)
        self.computed_from_combo.currentIndexChanged.connect(self._on_deadline_change)
        self.offset_days_spin.valueChanged.connect(self._on_deadline_change)
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
            "key_fact": self.tr("&Key fact"),
            "status": self.tr("&Status"),
            "source": self.tr("S&ource"),
            "quote": self.tr("&Quote from the source"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.key_fact_check.setText(self.tr("This is a key fact of the case"))
        self.title_edit.setPlaceholderText(self.tr("What happened, in a few words"))
        self.source_edit.setPlaceholderText(self.tr("e.g. court decision of 14 Aug, p. 3"))
        self.deadline_box.setTitle(self.tr("This event is a deadline"))
        self._dl_status_label.setText(self.tr("Deadline status"))
        self._dl_lead_label.setText(self.tr("Remind days before"))
        self.lead_days_spin.setSpecialValueText(self.tr("No reminder"))
        self._dl_from_label.setText(self.tr("Computed from"))
        self._dl_offset_label.setText(self.tr("Days after that event"))
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
            self.quote_edit: self.tr("Quote from the source"),
            self.deadline_status_combo: self.tr("Deadline status"),
            self.lead_days_spin: self.tr("Remind days before"),
            self.computed_from_combo: self.tr("Computed from"),
            self.offset_days_spin: self.tr("Days after that event"),
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
        for other in vault.events.list(case_id=self._case_id):
            if other.id == self._event_id:
                continue
            self._anchor_dates[other.id] = other.date
            self.computed_from_combo.addItem(
                f"{display_date(other.date)} — {other.title}", other.id
            )

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
        self.quote_edit.setPlainText(ev.source_quote)
        if ev.deadline is not None:
            d = ev.deadline
            self.deadline_box.setChecked(True)
            self.deadline_status_combo.setCurrentIndex(
                self.deadline_status_combo.findData(d.status.value)
            )
            self.lead_days_spin.setValue(d.lead_days or 0)
            if d.computed_from is not None:
                index = self.computed_from_combo.findData(d.computed_from)
                self.computed_from_combo.setCurrentIndex(max(index, 0))
            self.offset_days_spin.setValue(d.offset_days or 0)
        self._on_deadline_change()

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

    def _computed_from(self) -> str | None:
        if not self.deadline_box.isChecked():
            return None
        return self.computed_from_combo.currentData()

    def _computed_date(self) -> FuzzyDate | None:
        """The due day of a computed deadline: the source's earliest day + N days."""
        source = self._computed_from()
        if source is None:
            return None
        anchor = self._anchor_dates[source].anchor_day()
        if anchor is None:
            return None
        return FuzzyDate.on(anchor + timedelta(days=self.offset_days_spin.value()))

    def _on_deadline_change(self) -> None:
        computed = self._computed_from() is not None
        self.offset_days_spin.setEnabled(computed)
        # A computed deadline's date follows its source event; editing it here would be
        # overwritten the next time the source moves.
        self.date_edit.setEnabled(not computed)
        self.deadline_error.hide()
        if not computed:
            self.computed_preview.clear()
            return
        due = self._computed_date()
        if due is None:
            set_plain_text(
                self.computed_preview,
                self.tr("That event is undated, so the deadline cannot be computed yet."),
            )
        else:
            set_plain_text(
                self.computed_preview, self.tr("Due: %1").replace("%1", display_date(due))
            )

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
            self.deadline_box.isChecked(),
            self.deadline_status_combo.currentData(),
            self.lead_days_spin.value(),
            self.computed_from_combo.currentData(),
            self.offset_days_spin.value(),
        )

    def is_dirty(self) -> bool:
        return self._saved_state is not None and self._state() != self._saved_state

    def _show_error(self, label: QLabel, text: str) -> None:
        set_plain_text(label, text)
        label.show()

    def _validate(self) -> dict[str, object] | None:
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
        if self.deadline_box.isChecked():
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
            )
        if not ok:
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
            self._show_error(target, exc.message)
            return False
        except SatchelError as exc:
            self._show_error(self.general_error, exc.message)
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
        for edit in (self.title_edit, self.source_edit):
            edit.clear()
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
        ):
            label.clear()
        self.date_edit.set_value(FuzzyDate.undated())
        self.setWindowTitle("")
        QDialog.reject(self)
