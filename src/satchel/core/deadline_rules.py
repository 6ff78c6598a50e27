"""Computed deadlines under procedural law: counting from a day, and rolling a last day.

A rule is data (`RULES`), not code: which country's public holidays count (the calendar of
the `holidays` library, which also knows transferred days off and working Saturdays),
whether a last day that falls on a weekend or public holiday moves to the next working day,
and the legal source that says so. docs/deadlines.md lists the same table with its sources.

`reckon` counts N calendar days, working days, weeks or months from a source day (the
source day itself is not counted; a month ends on the same date, or on the last day of a
shorter month) and applies a rule; the `Reckoning` it returns keeps the day counting alone
gave, so the interface can show "Sat 12 Dec → Mon 14 Dec, weekend". `non_working` says
why a day is not a working day, with holiday names in the language asked for where the
`holidays` library has it.

Pure functions over dates; no storage, no Qt. An unknown rule code is refused, never
guessed.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from satchel.core.model import DeadlineUnit
from satchel.errors import InvalidInput

__all__ = [
    "NO_ROLLOVER",
    "RULES",
    "DeadlineRule",
    "NonWorkingDay",
    "Reckoning",
    "add_months",
    "holiday_countries",
    "non_working",
    "reckon",
    "rule_for_jurisdiction",
    "rule_named",
]

NO_ROLLOVER = "none"
"""The rule code of a deadline that is counted and never moved."""

_MAX_ROLL = 60  # no run of weekends and holidays is this long; a bound, not a rule


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """How one jurisdiction treats a last day that is not a working day.

    `calendar` is the country code whose public holidays (and transferred days off) count,
    or None for Saturdays and Sundays only. `rolls`: the last day moves to the next working
    day. `verified`: the source was checked against the text of the law or judgment.
    """

    code: str
    name: str
    calendar: str | None
    rolls: bool
    source: str
    verified: bool
    aliases: tuple[str, ...] = ()


RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(
        "RU", "Russia", "RU", True,
        "Code of Criminal Procedure of the Russian Federation, art. 128 § 2: if the end of a "
        "time limit falls on a non-working day, the last day is the next working day (not for "
        "custody, house arrest and similar terms)",
        True, ("russia", "russian federation", "россия", "российская федерация", "рф"),
    ),
    DeadlineRule(
        "KZ", "Kazakhstan", "KZ", True,
        "Code of Criminal Procedure of the Republic of Kazakhstan (2014), rules on computing "
        "time limits; article not confirmed",
        False, ("kazakhstan", "republic of kazakhstan", "казахстан", "республика казахстан",
                "қазақстан"),
    ),
    DeadlineRule(
        "KG", "Kyrgyzstan", "KG", True,
        "Code of Criminal Procedure of the Kyrgyz Republic, rules on computing time limits; "
        "article not confirmed",
        False, ("kyrgyzstan", "kyrgyz republic", "кыргызстан", "киргизия",
                "кыргызская республика"),
    ),
    DeadlineRule(
        "UZ", "Uzbekistan", "UZ", True,
        "Code of Criminal Procedure of the Republic of Uzbekistan, rules on computing time "
        "limits; article not confirmed",
        False, ("uzbekistan", "republic of uzbekistan", "узбекистан", "республика узбекистан"),
    ),
    DeadlineRule(
        "GE", "Georgia", "GE", True,
        "Criminal Procedure Code of Georgia, rules on computing time limits; article not "
        "confirmed",
        False, ("georgia", "грузия", "საქართველო"),
    ),
    DeadlineRule(
        "AM", "Armenia", "AM", True,
        "Criminal Procedure Code of the Republic of Armenia, rules on computing time limits; "
        "article not confirmed",
        False, ("armenia", "republic of armenia", "армения", "республика армения"),
    ),
    DeadlineRule(
        "TR", "Turkey", "TR", True,
        "Turkish Code of Criminal Procedure (CMK, Law no. 5271), art. 39 § 4: if the last day "
        "is a holiday, the time limit ends on the day after the holiday",
        True, ("turkey", "türkiye", "turkiye", "турция"),
    ),
    DeadlineRule(
        "ECHR", "European Court of Human Rights", None, False,
        "Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012: a time limit under "
        "Article 35 § 1 that expires on a Saturday, Sunday or official holiday is not extended",
        True, ("echr", "european court of human rights", "council of europe", "еспч",
               "европейский суд по правам человека", "совет европы", "strasbourg"),
    ),
    DeadlineRule(
        NO_ROLLOVER, "No rollover", None, False,
        "Counted only: a last day on a weekend or holiday stays where it falls",
        True,
    ),
)  # fmt: skip

_BY_CODE = {rule.code: rule for rule in RULES}


def rule_named(code: str) -> DeadlineRule:
    """The rule with this code; a country code outside `RULES` that the `holidays` library
    knows is the user's own choice: that country's holidays, rolled forward, no source."""
    if not isinstance(code, str):
        raise InvalidInput(
            "A deadline rule is a code such as RU or none, not {rule!r}",
            "rule",
            code="deadline_rule_code_such_ru",
            rule=code,
        )
    if code in _BY_CODE:
        return _BY_CODE[code]
    if code.casefold() == NO_ROLLOVER:
        return _BY_CODE[NO_ROLLOVER]
    if code.upper() in _BY_CODE:  # "ru", "echr"
        return _BY_CODE[code.upper()]
    country = code.upper()
    if country in holiday_countries():
        return DeadlineRule(country, country, country, True, "", False)
    raise InvalidInput(
        "Unknown deadline rule {rule!r}: use one of {items} or a country code for its public "
        "holidays",
        "rule",
        code="unknown_deadline_rule_one_country",
        rule=code,
        items=", ".join(r.code for r in RULES),
    )


@cache
def holiday_countries() -> tuple[str, ...]:
    """Every country code whose public holidays a deadline may follow (the `holidays`
    library's list), for a rule of the user's own choice."""
    # The library also lists three-letter aliases (ABW for AW); one code per country.
    return tuple(sorted(c for c in holidays.list_supported_countries() if len(c) == 2))


def rule_for_jurisdiction(jurisdiction: str) -> DeadlineRule:
    """The rule a case's jurisdiction (free text: "Russia", "Казахстан", "RU") selects;
    `none` when the text names no jurisdiction in `RULES`."""
    text = " ".join(jurisdiction.split()).casefold()
    for rule in RULES:
        if text == rule.code.casefold() or text in rule.aliases:
            return rule
    return _BY_CODE[NO_ROLLOVER]


# -- calendars ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Year:
    """One year of one country's calendar, as plain values (safe to share between threads)."""

    weekend: frozenset[int]  # date.weekday() numbers
    holidays: frozenset[date]
    working_weekend_days: frozenset[date]  # a Saturday made a working day by decree


@cache
def _year(country: str, year: int) -> _Year:
    found = holidays.country_holidays(country, years=year)
    return _Year(
        frozenset(found.weekend),
        frozenset(found),
        frozenset(getattr(found, "weekend_workdays", ())),
    )


_PLAIN_WEEKEND = frozenset({5, 6})


def _is_working_day(day: date, rule: DeadlineRule) -> bool:
    if rule.calendar is None:
        return day.weekday() not in _PLAIN_WEEKEND
    cal = _year(rule.calendar, day.year)
    if day in cal.holidays:
        return False
    if day in cal.working_weekend_days:
        return True
    return day.weekday() not in cal.weekend


@dataclass(frozen=True, slots=True)
class NonWorkingDay:
    """Why a day is not a working day: public holidays (by name) or the weekend."""

    day: date
    holidays: tuple[str, ...]  # empty for a plain weekend day

    @property
    def is_holiday(self) -> bool:
        return bool(self.holidays)


@cache
def _language(country: str, language: str | None) -> str | None:
    """The `holidays` language nearest to `language` ("ru", "en_GB"), else English."""
    supported: Sequence[str] = holidays.country_holidays(country).supported_languages
    if language:
        base = language.replace("-", "_").split("_")[0]
        for candidate in (language.replace("-", "_"), base):
            if candidate in supported:
                return candidate
        for lang in supported:
            if lang.split("_")[0] == base:
                return lang
    return "en_US" if "en_US" in supported else None


@cache
def _names(country: str, year: int, language: str | None) -> dict[date, str]:
    found = holidays.country_holidays(country, years=year, language=language)
    return dict(found.items())


def non_working(
    day: date, rule: DeadlineRule | str, language: str | None = None
) -> NonWorkingDay | None:
    """Why `day` is not a working day under `rule`, or None when it is one."""
    rule = rule_named(rule) if isinstance(rule, str) else rule
    if _is_working_day(day, rule):
        return None
    if rule.calendar is not None and day in _year(rule.calendar, day.year).holidays:
        text = _names(rule.calendar, day.year, _language(rule.calendar, language))[day]
        # The library joins several holidays of one day with "; ".
        return NonWorkingDay(day, tuple(part.strip() for part in text.split(";")))
    return NonWorkingDay(day, ())


# -- counting -----------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same date `months` later (or earlier); the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise InvalidInput(
            "That deadline falls outside the calendar",
            "offset_days",
            code="deadline_falls_outside_calendar",
        )
    last = _calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class Reckoning:
    """A computed deadline worked out: the day counting gave, and the due day after the rule."""

    source: date
    counted: date
    due: date
    rule: DeadlineRule

    @property
    def moved(self) -> bool:
        return self.due != self.counted


def _step(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise InvalidInput(
            "That deadline falls outside the calendar",
            "offset_days",
            code="deadline_falls_outside_calendar",
        ) from None


def reckon(
    source: date, amount: int, unit: DeadlineUnit | str, rule: DeadlineRule | str
) -> Reckoning:
    """Count `amount` units from `source` and roll the last day as `rule` says.

    The source day is not counted (27 Nov + 15 days = 12 Dec). Working days skip weekends
    and the rule's public holidays (Monday to Friday when the rule has no calendar). A
    negative amount counts back (a reminder before another deadline) and rolls back to the
    previous working day, the safe side.
    """
    rule = rule_named(rule) if isinstance(rule, str) else rule
    unit = DeadlineUnit(unit)
    if unit is DeadlineUnit.CALENDAR_DAYS:
        counted = _step(source, amount)
    elif unit is DeadlineUnit.WEEKS:
        counted = _step(source, 7 * amount)
    elif unit is DeadlineUnit.MONTHS:
        counted = add_months(source, amount)
    else:
        counted = source
        direction = 1 if amount >= 0 else -1
        for _ in range(abs(amount)):
            counted = _step(counted, direction)
            while not _is_working_day(counted, rule):
                counted = _step(counted, direction)
    due = counted
    if rule.rolls:
        direction = 1 if amount >= 0 else -1
        for _ in range(_MAX_ROLL):
            if _is_working_day(due, rule):
                break
            due = _step(due, direction)
    return Reckoning(source, counted, due, rule)
