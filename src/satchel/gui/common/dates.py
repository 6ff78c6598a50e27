"""Editors for uncertain dates: a partial date (year, month, day or exact time with its
zone) and a full uncertain date (on, around, before, after, between, from–to, undated).

Used by the event form and wherever a form takes a date a lawyer may know only in part.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.errors import InvalidInput
from satchel.gui.common.plaintext import set_plain_text
from satchel.gui.common.workers import user_message
from satchel.i18n import format_fuzzy as display_date
from satchel.labels import (
    date_kind_label,
)

__all__ = ["FuzzyDateEdit", "PartialDateEdit"]


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
        return user_message(exc)

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
