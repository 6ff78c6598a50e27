"""Editors for uncertain dates: a partial date (year, month, day or exact time with its
zone) and a full uncertain date (on, around, before, after, between, from–to, undated).

Used by the event form and wherever a form takes a date a lawyer may know only in part.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.date_text import read_date, read_partial
from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.errors import InvalidInput
from satchel.gui.common.plaintext import set_plain_text
from satchel.gui.common.workers import user_message
from satchel.i18n import format_fuzzy as display_date
from satchel.i18n import format_partial
from satchel.labels import (
    date_kind_label,
)

__all__ = ["DayEdit", "FuzzyDateEdit", "PartialDateEdit", "PartialDateField"]


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
    """An event date typed as spoken, with what was understood in words below it.

    The text field reads what a lawyer writes ("около июля 2025", "3–10.03.2024", "before
    3 Mar 2024", "unknown") with the core's one reader (`core.date_text.read_date`, the
    CLI's too); the line below says how the date will read, or why it is not a date. The
    structured fields (the kind first, then the dates) are one click away under "Details"
    and follow the text both ways: picking a kind or a month there rewrites the text in the
    interface language, and that text reads back as the same date.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        # Where the value comes from: the text as typed, or the structured fields (which can
        # hold a range that is not valid yet, one the text could not say).
        self._from_details = False
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("dateText")
        self.text_edit.setClearButtonEnabled(True)
        self.details_button = QToolButton(self)
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self._preview = QLabel(self)
        self._preview.setObjectName("datePreview")
        self._preview.setWordWrap(True)
        self._error = QLabel(self)
        self._error.setObjectName("error")
        self._error.setWordWrap(True)
        self._error.hide()

        self.details = QWidget(self)
        self._kind = QComboBox(self.details)
        self.start = PartialDateEdit(self.details)
        self._end_label = QLabel(self.details)
        self.end = PartialDateEdit(self.details)
        # A grid keeps the start and end dates aligned under each other, the kind (or the
        # "and"/"to" word) in the first column.
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._kind, 0, 0)
        grid.addWidget(self.start, 0, 1)
        grid.addWidget(self._end_label, 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.end, 1, 1)
        grid.setColumnStretch(1, 1)
        self._kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.details.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.details_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self._preview)
        lay.addWidget(self._error)
        lay.addWidget(self.details)
        lay.addStretch(1)  # spare height below the field, not between its lines
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # Tab goes as the eye does: the text, Details, then the kind before the dates.
        QWidget.setTabOrder(self.text_edit, self.details_button)
        QWidget.setTabOrder(self.details_button, self._kind)
        QWidget.setTabOrder(self._kind, self.start)
        QWidget.setTabOrder(self.start, self.end)
        self.setFocusProxy(self.text_edit)

        for kind in _KINDS:
            self._kind.addItem("", kind.value)
        self._kind.setCurrentIndex(_KINDS.index(DateKind.UNDATED))
        self._retranslate()
        self.text_edit.textChanged.connect(self._on_text)
        self.details_button.toggled.connect(self._show_details)
        self._kind.currentIndexChanged.connect(self._on_details)
        self.start.changed.connect(self._on_details)
        self.end.changed.connect(self._on_details)
        self._update_ranged()
        self._on_text()

    def _retranslate(self) -> None:
        for i, kind in enumerate(_KINDS):
            self._kind.setItemText(i, date_kind_label(kind))
        self._kind.setAccessibleName(self.tr("Date kind"))
        self.text_edit.setAccessibleName(self.tr("Date as typed"))
        self.text_edit.setPlaceholderText(
            self.tr("e.g. 14.03.2025, March 2025, ~2019, before 3 Mar 2024, 3–10.03.2024")
        )
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolTip(self.tr("Choose the kind and the dates field by field"))
        self.details_button.setAccessibleName(self.tr("Date details"))
        self._preview.setAccessibleName(self.tr("Date as it will be shown"))
        self._update_end_label()
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def kind(self) -> DateKind:
        return DateKind(self._kind.currentData())

    def _update_end_label(self) -> None:
        self._end_label.setText(
            self.tr("and") if self.kind() is DateKind.BETWEEN else self.tr("to")
        )

    def _update_ranged(self) -> None:
        kind = self.kind()
        ranged = kind in (DateKind.BETWEEN, DateKind.SPAN)
        self.start.setVisible(kind is not DateKind.UNDATED)
        self.end.setVisible(ranged)
        self._end_label.setVisible(ranged)
        self._update_end_label()

    def _read_text(self) -> FuzzyDate:
        return read_date(self.text_edit.text(), _local_offset_minutes())

    def _details_value(self) -> FuzzyDate:
        kind = self.kind()
        if kind is DateKind.UNDATED:
            return FuzzyDate.undated()
        if kind in (DateKind.BETWEEN, DateKind.SPAN):
            return FuzzyDate(kind, self.start.value(), self.end.value())
        return FuzzyDate(kind, self.start.value())

    def _on_text(self) -> None:
        if self._syncing:
            return
        self._from_details = False
        try:
            value = self._read_text()
        except InvalidInput:
            pass
        else:
            self._show_in_details(value)
        self._update_preview()
        self.changed.emit()

    def _on_details(self) -> None:
        if self._syncing:
            return
        self._from_details = True
        self._update_ranged()
        try:
            value = self._details_value()
        except InvalidInput:
            pass
        else:
            # The text says the same date in the interface language; it reads back as it.
            self._from_details = False
            self._syncing = True
            try:
                self.text_edit.setText(display_date(value) if value.is_dated else "")
            finally:
                self._syncing = False
        self._update_preview()
        self.changed.emit()

    def _show_in_details(self, value: FuzzyDate) -> None:
        self._syncing = True
        try:
            self._kind.setCurrentIndex(_KINDS.index(value.kind))
            if value.start is not None:
                self.start.set_value(value.start)
            if value.end is not None:
                self.end.set_value(value.end)
        finally:
            self._syncing = False
        self._update_ranged()

    def _update_preview(self) -> None:
        try:
            value = self.value()
        except InvalidInput as exc:
            set_plain_text(
                self._error, self.tr("Not a valid date yet: %1").replace("%1", user_message(exc))
            )
            self._error.show()
            self._preview.hide()
            return
        set_plain_text(self._preview, self.tr("Shown as: %1").replace("%1", display_date(value)))
        self._preview.show()
        self._error.hide()

    def problem(self, exc: InvalidInput) -> str:
        """Why the date is not valid, in the interface language."""
        return user_message(exc)

    def value(self) -> FuzzyDate:
        """The date as entered; raises InvalidInput (coded) when it is not a real date."""
        if self._from_details:
            return self._details_value()
        return self._read_text()

    def set_value(self, value: FuzzyDate) -> None:
        self._show_in_details(value)
        self._syncing = True
        try:
            self.text_edit.setText(display_date(value) if value.is_dated else "")
        finally:
            self._syncing = False
        self._from_details = False
        self._update_preview()
        self.changed.emit()

    def text(self) -> str:
        """The date as typed."""
        return self.text_edit.text()

    def preview_text(self) -> str:
        """What the line under the field says: the date in words, or why it is not one."""
        return self._error.text() if self._error.isVisibleTo(self) else self._preview.text()


class PartialDateField(QWidget):
    """One date typed as spoken (a birth date): empty for unknown, the date in words below.

    Reads `1990`, `03.1990`, `14 марта 1990`, `March 14, 1990` with the core's reader
    (`core.date_text.read_partial`); the year, month and day fields are one click away
    under "Details" and follow the text both ways.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        self.text_edit = QLineEdit(self)
        self.text_edit.setClearButtonEnabled(True)
        self.details_button = QToolButton(self)
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self._preview = QLabel(self)
        self._preview.setObjectName("datePreview")
        self._error = QLabel(self)
        self._error.setObjectName("error")
        self._error.setWordWrap(True)
        self._error.hide()
        self.details = PartialDateEdit(self, allow_exact=False)
        self.details.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.details_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self._preview)
        lay.addWidget(self._error)
        lay.addWidget(self.details)
        lay.addStretch(1)  # spare height below the field, not between its lines
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        QWidget.setTabOrder(self.text_edit, self.details_button)
        QWidget.setTabOrder(self.details_button, self.details)
        self.setFocusProxy(self.text_edit)
        self._retranslate()
        self.text_edit.textChanged.connect(self._on_text)
        self.details.changed.connect(self._on_details)
        self.details_button.toggled.connect(self._show_details)
        self._update_preview()

    def _retranslate(self) -> None:
        self.text_edit.setPlaceholderText(self.tr("Unknown; e.g. 14.03.1990, March 1990, 1990"))
        self.text_edit.setAccessibleName(self.tr("Date as typed"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolTip(self.tr("Choose the year, month and day field by field"))
        self.details_button.setAccessibleName(self.tr("Date details"))
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if shown and not self.text_edit.text().strip():
            self._on_details()  # opening the fields means "I know it": say which date

    def _on_text(self) -> None:
        if self._syncing:
            return
        try:
            value = self.value()
        except InvalidInput:
            value = None
        if value is not None:
            self._syncing = True
            try:
                self.details.set_value(value)
            finally:
                self._syncing = False
        self._update_preview()
        self.changed.emit()

    def _on_details(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.text_edit.setText(format_partial(self.details.value()))
        except InvalidInput:
            pass  # a day the month lacks: the text keeps what it said
        finally:
            self._syncing = False
        self._update_preview()
        self.changed.emit()

    def _update_preview(self) -> None:
        try:
            value = self.value()
        except InvalidInput as exc:
            set_plain_text(
                self._error, self.tr("Not a valid date yet: %1").replace("%1", user_message(exc))
            )
            self._error.show()
            self._preview.hide()
            return
        words = format_partial(value) if value is not None else self.tr("unknown")
        set_plain_text(self._preview, self.tr("Shown as: %1").replace("%1", words))
        self._preview.show()
        self._error.hide()

    def value(self) -> PartialDate | None:
        """The date typed, None when the field is empty; raises InvalidInput (coded)."""
        text = self.text_edit.text()
        return read_partial(text) if text.strip() else None

    def set_value(self, value: PartialDate | None) -> None:
        self._syncing = True
        try:
            self.text_edit.setText(format_partial(value))
            if value is not None:
                self.details.set_value(value)
        finally:
            self._syncing = False
        self._update_preview()
        self.changed.emit()

    def text(self) -> str:
        return self.text_edit.text()

    def preview_text(self) -> str:
        return self._error.text() if self._error.isVisibleTo(self) else self._preview.text()


class DayEdit(QDateEdit):
    """A calendar day with a calendar popup, its month names in the interface language.

    Written "3 March 2025" / "3 марта 2025" (never the locale's "3/3/25", which reads as
    March or as a day in March depending on the country); the popup's header says "март".
    A widget takes the default locale when it is made, so a language switch re-reads it.
    """

    FORMAT = "d MMMM yyyy"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(self.FORMAT)
        self.setCalendarPopup(True)
        self._follow_locale()

    def _follow_locale(self) -> None:
        self.setLocale(QLocale())
        self.calendarWidget().setLocale(QLocale())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._follow_locale()
        super().changeEvent(event)
