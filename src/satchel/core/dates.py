"""Uncertain dates: what a lawyer knows about *when*, with its precision, and nothing more.

Real chronologies hold "14 Aug 2025 10:30 Moscow time", "August 2025", "around 2019",
"before March 2024", "between the 3rd and the 10th", "from May to July" and "to be
determined". A `FuzzyDate` keeps exactly that; it never invents a day that nobody knows.

Sorting is honest: every date maps to an interval on the time line (`bounds()`), and
`sort_key()` orders by where that interval starts, then the wider first. Dates without a
time zone (day, month and year precision) are "floating": their bounds are taken at UTC
midnight so the same calendar day sorts the same on every laptop.

This module has no Qt and no locale machinery: `display()` takes a small table of words
(`ENGLISH`, `RUSSIAN`) so the CLI, the report and the GUI all write dates the same way.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

from satchel.errors import InvalidInput

__all__ = [
    "ENGLISH",
    "MAX_YEAR",
    "MIN_YEAR",
    "RUSSIAN",
    "DateKind",
    "DateWords",
    "FuzzyDate",
    "PartialDate",
    "Precision",
]


class Precision(StrEnum):
    """How much of a date is known."""

    EXACT = "exact"  # date, time of day and UTC offset
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateKind(StrEnum):
    """How a date relates to the event."""

    ON = "on"
    AROUND = "around"
    BEFORE = "before"
    AFTER = "after"
    BETWEEN = "between"  # happened once, somewhere between two dates
    SPAN = "span"  # lasted from one date to another
    UNDATED = "undated"  # to be determined


MIN_YEAR = 1000
MAX_YEAR = 9998

_PARTIAL_RE = re.compile(
    r"""^(?P<y>\d{4})
        (?:-(?P<m>\d{2})
          (?:-(?P<d>\d{2})
            (?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?
          )?
        )?$""",
    re.VERBOSE,
)
# How dates are written in Russia and most of Europe: 03.12.2026 or 3.12.2026, 12.2026.
_DOTTED_RE = re.compile(r"^(?:(?P<d>\d{1,2})\.)?(?P<m>\d{1,2})\.(?P<y>\d{4})$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, month, day, or to the minute with a UTC offset."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    utc_offset_minutes: int | None = None

    def __post_init__(self) -> None:
        # Python's datetime ends at years 1 and 9999; a date at either end has no room
        # for a time zone or an exclusive upper bound ("9999-12" would crash bounds()).
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise InvalidInput(
                "Year out of range: {year} (use {min_year}–{max_year})",
                "date",
                code="year_out_range",
                year=self.year,
                min_year=MIN_YEAR,
                max_year=MAX_YEAR,
            )
        if self.month is None and self.day is not None:
            raise InvalidInput("A day needs a month", "date", code="day_needs_month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidInput(
                "No such month: {month}", "date", code="no_such_month", month=self.month
            )
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidInput(
                    "No such day: {year:04d}-{month:02d}-{day:02d}",
                    "date",
                    code="no_such_day",
                    year=self.year,
                    month=self.month,
                    day=self.day,
                )
        timed = (self.hour, self.minute, self.utc_offset_minutes)
        if any(v is not None for v in timed):
            if self.day is None or any(v is None for v in timed):
                raise InvalidInput(
                    "An exact time needs a day, hour, minute and time zone",
                    "date",
                    code="exact_time_needs_day_hour",
                )
            assert self.hour is not None and self.minute is not None
            assert self.utc_offset_minutes is not None
            if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
                raise InvalidInput(
                    "No such time: {hour:02d}:{minute:02d}",
                    "date",
                    code="no_such_time",
                    hour=self.hour,
                    minute=self.minute,
                )
            if abs(self.utc_offset_minutes) > 14 * 60:
                raise InvalidInput(
                    "Time zone offset out of range", "date", code="time_zone_offset_out_range"
                )

    # -- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, default_offset_minutes: int | None = None) -> PartialDate:
        """Parse `2025`, `2025-08`, `2025-08-14` or `2025-08-14T10:30+03:00`, and the dotted
        day-first forms `14.08.2025` and `08.2025`.

        A time without a zone takes `default_offset_minutes` if given, else is refused:
        a time without a zone would silently shift when the vault moves to another laptop.
        """
        dotted = _DOTTED_RE.match(text.strip())
        if dotted:
            d = dotted["d"]
            return cls(int(dotted["y"]), int(dotted["m"]), int(d) if d else None)
        m = _PARTIAL_RE.match(text.strip())
        if not m:
            raise InvalidInput(
                "Not a date: {text!r} (use DD.MM.YYYY, YYYY-MM-DD, MM.YYYY, YYYY-MM, YYYY "
                "or YYYY-MM-DDTHH:MM+HH:MM)",
                "date",
                code="not_date_yyyy_yyyy_mm",
                text=text,
            )
        year = int(m["y"])
        month = int(m["m"]) if m["m"] else None
        day = int(m["d"]) if m["d"] else None
        if m["H"] is None:
            return cls(year, month, day)
        if m["S"] is not None and int(m["S"]) > 59:
            # Seconds are accepted and dropped (an event is dated to the minute), but a
            # second that cannot exist means a typo, not something to round away.
            raise InvalidInput(
                "No such time: {value!r} (seconds go up to 59)",
                "date",
                code="no_such_time_seconds_go",
                value=text.strip(),
            )
        tz = m["tz"]
        if tz is None:
            if default_offset_minutes is None:
                raise InvalidInput(
                    "A time needs a time zone: {text!r} (e.g. 2025-08-14T10:30+03:00)",
                    "date",
                    code="time_needs_time_zone_2025",
                    text=text,
                )
            offset = default_offset_minutes
        elif tz == "Z":
            offset = 0
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            if int(digits[2:]) > 59:
                raise InvalidInput(
                    "No such time zone offset: {tz!r}",
                    "date",
                    code="no_such_time_zone_offset",
                    tz=tz,
                )
            offset = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        return cls(year, month, day, int(m["H"]), int(m["M"]), offset)

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @classmethod
    def from_datetime(cls, dt: datetime) -> PartialDate:
        """An exact instant; a naive datetime is refused (its zone is unknown)."""
        off = dt.utcoffset()
        if off is None:
            raise InvalidInput(
                "An exact time needs a time zone", "date", code="exact_time_needs_time_zone"
            )
        return cls(dt.year, dt.month, dt.day, dt.hour, dt.minute, int(off.total_seconds()) // 60)

    # -- what is known ------------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        if self.hour is not None:
            return Precision.EXACT
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def lower(self) -> datetime:
        """The first instant this date may mean (UTC)."""
        if self.hour is not None:
            assert self.minute is not None and self.utc_offset_minutes is not None
            assert self.month is not None and self.day is not None
            tz = timezone(timedelta(minutes=self.utc_offset_minutes))
            local = datetime(self.year, self.month, self.day, self.hour, self.minute, tzinfo=tz)
            return local.astimezone(UTC)
        return datetime(self.year, self.month or 1, self.day or 1, tzinfo=UTC)

    def upper(self) -> datetime:
        """The first instant after this date (UTC, exclusive)."""
        lo = self.lower()
        match self.precision:
            case Precision.EXACT:
                return lo + timedelta(minutes=1)
            case Precision.DAY:
                return lo + timedelta(days=1)
            case Precision.MONTH:
                y, m = (
                    (self.year + 1, 1) if self.month == 12 else (self.year, (self.month or 0) + 1)
                )
                return datetime(y, m, 1, tzinfo=UTC)
            case Precision.YEAR:
                return datetime(self.year + 1, 1, 1, tzinfo=UTC)  # MAX_YEAR leaves room
        raise AssertionError(self.precision)

    def first_day(self) -> date:
        """The earliest calendar day this date may mean (in its own zone, if exact)."""
        return date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """The canonical text form, the inverse of `parse`."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        if self.hour is not None:
            assert self.utc_offset_minutes is not None
            off = self.utc_offset_minutes
            sign = "-" if off < 0 else "+"
            out += (
                f"T{self.hour:02d}:{self.minute:02d}{sign}{abs(off) // 60:02d}:{abs(off) % 60:02d}"
            )
        return out

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class DateWords:
    """The words `display()` needs in one language."""

    months: tuple[str, ...]  # 12 short month names as they stand in a date ("14 Aug")
    around: str
    before: str
    after: str
    between: str  # "{a}" and "{b}" placeholders
    span: str
    undated: str
    # A month with no day, standing alone ("Aug 2025"); None: the same as `months`.
    # After "around", "before", "after" and the start of "between", a month with no day
    # takes `months` instead (Russian: "около июля 2025", not "около июль 2025").
    standalone_months: tuple[str, ...] | None = None


ENGLISH = DateWords(
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    around="c. {a}",
    before="before {a}",
    after="after {a}",
    between="between {a} and {b}",
    span="{a} – {b}",
    undated="TBD",
)

# A month inside a date ("14 Aug 2025") takes the genitive in Russian.
_RUSSIAN_IN_DATE = (
    "янв.", "февр.", "марта", "апр.", "мая", "июня",
    "июля", "авг.", "сент.", "окт.", "нояб.", "дек.",
)  # fmt: skip

# A month standing alone ("Aug 2025") takes the nominative in Russian.
_RUSSIAN_STANDALONE = (
    "янв.", "февр.", "март", "апр.", "май", "июнь",
    "июль", "авг.", "сент.", "окт.", "нояб.", "дек.",
)  # fmt: skip

RUSSIAN = DateWords(
    months=_RUSSIAN_IN_DATE,
    around="около {a}",
    before="до {a}",
    after="после {a}",
    # "с" takes the genitive and "по" the accusative (the nominative, for months), which
    # "между" (instrumental) would not: "в промежутке с марта 2025 по май 2025".
    between="в промежутке с {a} по {b}",
    span="{a} – {b}",
    undated="дата не определена",
    standalone_months=_RUSSIAN_STANDALONE,
)


def _display_partial(p: PartialDate, words: DateWords, governed: bool = False) -> str:
    if p.month is None:
        return f"{p.year}"
    if p.day is None:
        names = words.months if governed else (words.standalone_months or words.months)
        return f"{names[p.month - 1]} {p.year}"
    text = f"{p.day} {words.months[p.month - 1]} {p.year}"
    if p.hour is not None:
        assert p.utc_offset_minutes is not None
        off = p.utc_offset_minutes
        sign = "−" if off < 0 else "+"
        zone = f"UTC{sign}{abs(off) // 60}" + (f":{abs(off) % 60:02d}" if off % 60 else "")
        text += f", {p.hour:02d}:{p.minute:02d} {zone}"
    return text


# Third members of sort_key() for one-sided dates: below every -hi a real date can have.
_OPEN_BEFORE = -(2**62)
_OPEN_AFTER = _OPEN_BEFORE + 1

_RANGE_SEP = ".."
_SPAN_SEP = "/"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """When an event happened, as precisely as it is known.

    `start` is required for every kind but UNDATED; `end` only for BETWEEN and SPAN, and
    must not lie before `start`.
    """

    kind: DateKind
    start: PartialDate | None = None
    end: PartialDate | None = None

    def __post_init__(self) -> None:
        if self.kind is DateKind.UNDATED:
            if self.start is not None or self.end is not None:
                raise InvalidInput(
                    "An undated event has no date", "date", code="undated_event_no_date"
                )
            return
        if self.start is None:
            raise InvalidInput("A date is missing", "date", code="date_missing")
        ranged = self.kind in (DateKind.BETWEEN, DateKind.SPAN)
        if ranged and self.end is None:
            raise InvalidInput("A range needs an end date", "date", code="range_needs_end_date")
        if not ranged and self.end is not None:
            raise InvalidInput(
                "A date '{value}' has no end date",
                "date",
                code="date_no_end_date",
                value=self.kind.value,
            )
        if self.end is not None and self.end.upper() <= self.start.lower():
            raise InvalidInput(
                "The end date lies before the start date", "date", code="end_date_lies_before_start"
            )

    # -- construction -------------------------------------------------------------------

    @classmethod
    def undated(cls) -> FuzzyDate:
        return cls(DateKind.UNDATED)

    @classmethod
    def on(cls, text_or_date: str | date | PartialDate) -> FuzzyDate:
        return cls(DateKind.ON, _partial(text_or_date))

    @classmethod
    def parse(cls, text: str, default_offset_minutes: int | None = None) -> FuzzyDate:
        """Parse the canonical text form (see `__str__`).

        `2025-08-14`, `2025-08`, `2025`, `2025-08-14T10:30+03:00` (on), `~2025-08` (around),
        `<2025-08` (before), `>2025` (after), `2025-03-01..2025-03-10` (between),
        `2025-05/2025-07` (from–to), and `tbd`, `?` or an empty string (undated).
        """
        t = text.strip()
        if t.lower() in ("", "?", "tbd", "undated"):
            return cls.undated()

        def p(s: str) -> PartialDate:
            return PartialDate.parse(s, default_offset_minutes)

        if t[0] == "~":
            return cls(DateKind.AROUND, p(t[1:]))
        if t[0] == "<":
            return cls(DateKind.BEFORE, p(t[1:]))
        if t[0] == ">":
            return cls(DateKind.AFTER, p(t[1:]))
        if _RANGE_SEP in t:
            a, _, b = t.partition(_RANGE_SEP)
            return cls(DateKind.BETWEEN, p(a), p(b))
        if _SPAN_SEP in t:
            a, _, b = t.partition(_SPAN_SEP)
            return cls(DateKind.SPAN, p(a), p(b))
        return cls(DateKind.ON, p(t))

    def __str__(self) -> str:
        """The canonical text form: `parse(str(d)) == d`."""
        s, e = self.start, self.end
        match self.kind:
            case DateKind.UNDATED:
                return "tbd"
            case DateKind.ON:
                return str(s)
            case DateKind.AROUND:
                return f"~{s}"
            case DateKind.BEFORE:
                return f"<{s}"
            case DateKind.AFTER:
                return f">{s}"
            case DateKind.BETWEEN:
                return f"{s}{_RANGE_SEP}{e}"
            case DateKind.SPAN:
                return f"{s}{_SPAN_SEP}{e}"
        raise AssertionError(self.kind)

    # -- what it means on the time line --------------------------------------------------

    @property
    def precision(self) -> Precision | None:
        """The precision of the start (None when undated)."""
        return self.start.precision if self.start else None

    @property
    def is_dated(self) -> bool:
        return self.kind is not DateKind.UNDATED

    def bounds(self) -> tuple[datetime, datetime] | None:
        """The interval [lo, hi) the event may lie in, in UTC; None when undated.

        BEFORE and AFTER are open on one side: their bounds are the known edge only
        (a zero-width interval at the edge), and the timeline draws them as arrows.
        """
        if self.start is None:
            return None
        s = self.start
        match self.kind:
            case DateKind.ON | DateKind.AROUND:
                return s.lower(), s.upper()
            case DateKind.BEFORE:
                return s.lower(), s.lower()
            case DateKind.AFTER:
                return s.upper(), s.upper()
            case DateKind.BETWEEN | DateKind.SPAN:
                assert self.end is not None
                return s.lower(), self.end.upper()
        raise AssertionError(self.kind)

    def sort_key(self) -> tuple[int, int, int]:
        """Order by where the interval starts, then wider first; undated last.

        A month-precision event sorts with its month: before the days of that month that
        are known exactly, because it may lie before any of them. At the same edge,
        "before X" comes first (it lies wholly before X), then "after X" (open-ended, so
        the widest of all).
        """
        b = self.bounds()
        if b is None:
            return (1, 0, 0)
        lo, hi = int(b[0].timestamp()), int(b[1].timestamp())
        if self.kind is DateKind.BEFORE:
            return (0, lo, _OPEN_BEFORE)
        if self.kind is DateKind.AFTER:
            return (0, lo, _OPEN_AFTER)
        return (0, lo, -hi)

    def anchor_day(self) -> date | None:
        """The earliest calendar day the event may fall on: what "decision + N days" counts from.

        Taking the earliest day keeps a computed deadline on the safe side when the
        source's date is only known to the month.
        """
        if self.start is None:
            return None
        if self.kind is DateKind.AFTER:
            return self.start.upper().date()
        return self.start.first_day()

    def display(self, words: DateWords = ENGLISH) -> str:
        """Human text honest to the precision: 'Aug 2025', never '01.08.2025'."""
        if self.start is None:
            return words.undated
        governed = self.kind in (
            DateKind.AROUND,
            DateKind.BEFORE,
            DateKind.AFTER,
            DateKind.BETWEEN,
        )
        a = _display_partial(self.start, words, governed)
        b = _display_partial(self.end, words) if self.end else ""
        match self.kind:
            case DateKind.ON:
                return a
            case DateKind.AROUND:
                return words.around.format(a=a)
            case DateKind.BEFORE:
                return words.before.format(a=a)
            case DateKind.AFTER:
                return words.after.format(a=a)
            case DateKind.BETWEEN:
                return words.between.format(a=a, b=b)
            case DateKind.SPAN:
                return words.span.format(a=a, b=b)
        raise AssertionError(self.kind)


def _partial(v: str | date | PartialDate) -> PartialDate:
    if isinstance(v, PartialDate):
        return v
    if isinstance(v, datetime):
        return PartialDate.from_datetime(v)
    if isinstance(v, date):
        return PartialDate.from_date(v)
    return PartialDate.parse(v)
