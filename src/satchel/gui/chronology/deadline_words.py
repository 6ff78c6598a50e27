"""Words for computed deadlines in the interface language: units, rules, their legal sources,
and the plain note of a rollover ("Sat 12 Dec → Mon 14 Dec, weekend").

Shared by the event form, the agenda and the chronology. Holiday names come from the
`holidays` library in the interface language where it has them (Russian for Russia and
Kyrgyzstan), in English otherwise. Never shows vault text; holds no vault data.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from satchel.core.deadline_rules import DeadlineRule, Reckoning, non_working
from satchel.core.model import DeadlineUnit
from satchel.i18n import current_language, date_words

__all__ = [
    "country_name",
    "kept_text",
    "rollover_text",
    "rule_label",
    "rule_source",
    "short_day",
    "unit_label",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeadlineWords", text)


def unit_label(unit: DeadlineUnit) -> str:
    labels = {
        DeadlineUnit.CALENDAR_DAYS: _tr("calendar days"),
        DeadlineUnit.WORKING_DAYS: _tr("working days"),
        DeadlineUnit.WEEKS: _tr("weeks"),
        DeadlineUnit.MONTHS: _tr("months"),
    }
    return labels[unit]


def country_name(code: str) -> str:
    """A country's name for a code of the `holidays` library ("DE" → "Germany")."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyCountry:
        return code
    return QLocale.territoryToString(territory)


def rule_label(rule: DeadlineRule) -> str:
    """The rule as a lawyer picks it: by jurisdiction, or by what it does."""
    labels = {
        "RU": _tr("Russia"),
        "KZ": _tr("Kazakhstan"),
        "KG": _tr("Kyrgyzstan"),
        "UZ": _tr("Uzbekistan"),
        "GE": _tr("Georgia"),
        "AM": _tr("Armenia"),
        "TR": _tr("Turkey"),
        "ECHR": _tr("European Court of Human Rights (never moved)"),
        "none": _tr("No rollover (day as counted)"),
    }
    if rule.code in labels:
        return labels[rule.code]
    return _tr("Public holidays of %1").replace("%1", f"{country_name(rule.code)} ({rule.code})")


def rule_source(rule: DeadlineRule) -> str:
    """What the rule does and the legal source it rests on (docs/deadlines.md)."""
    unverified = _tr("Source not verified: check the code before relying on it.")
    sources = {
        "RU": _tr(
            "A last day on a weekend or public holiday moves to the next working day: Code of "
            "Criminal Procedure of the Russian Federation, art. 128(2) (not for custody terms)."
        ),
        "KZ": _tr(
            "A last day on a weekend or public holiday moves to the next working day "
            "(Code of Criminal Procedure of Kazakhstan)."
        )
        + " "
        + unverified,
        "KG": _tr(
            "A last day on a weekend or public holiday moves to the next working day "
            "(Code of Criminal Procedure of Kyrgyzstan)."
        )
        + " "
        + unverified,
        "UZ": _tr(
            "A last day on a weekend or public holiday moves to the next working day "
            "(Code of Criminal Procedure of Uzbekistan)."
        )
        + " "
        + unverified,
        "GE": _tr(
            "A last day on a weekend or public holiday moves to the next working day "
            "(Criminal Procedure Code of Georgia)."
        )
        + " "
        + unverified,
        "AM": _tr(
            "A last day on a weekend or public holiday moves to the next working day "
            "(Criminal Procedure Code of Armenia)."
        )
        + " "
        + unverified,
        "TR": _tr(
            "A last day on a holiday moves to the next working day: Turkish Code of Criminal "
            "Procedure (CMK), art. 39(4)."
        ),
        "ECHR": _tr(
            "A time limit ending on a Saturday, Sunday or holiday is not extended: "
            "Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012."
        ),
        "none": _tr("The day as counted, never moved."),
    }
    if rule.code in sources:
        return sources[rule.code]
    return _tr(
        "A last day on a weekend or public holiday of %1 moves to the next working day "
        "(your choice for this deadline; no legal source recorded)."
    ).replace("%1", country_name(rule.code))


def short_day(day: date, with_year: bool = False) -> str:
    """'Sat 12 Dec' / 'сб 12 дек.' (with the year when asked)."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    text = f"{weekday} {day.day} {date_words().months[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def _reason(day: date, rule: DeadlineRule) -> str:
    why = non_working(day, rule, current_language())
    if why is None:
        return ""
    if why.is_holiday:
        return "; ".join(why.holidays)
    return _tr("weekend")


def rollover_text(reckoning: Reckoning | None) -> str:
    """'Sat 12 Dec → Mon 14 Dec, weekend' when the rule moved the last day; '' otherwise."""
    if reckoning is None or not reckoning.moved:
        return ""
    years = reckoning.counted.year != reckoning.due.year
    return (
        _tr("%1 → %2, %3")
        .replace("%1", short_day(reckoning.counted, years))
        .replace("%2", short_day(reckoning.due, years))
        .replace("%3", _reason(reckoning.counted, reckoning.rule))
    )


def kept_text(reckoning: Reckoning | None) -> str:
    """For a rule that does not move a non-working last day: say so ('' otherwise)."""
    if reckoning is None or reckoning.moved:
        return ""
    reason = _reason(reckoning.counted, reckoning.rule)
    if not reason:
        return ""
    return (
        _tr("%1 is not a working day (%2); this rule does not move it.")
        .replace("%1", short_day(reckoning.counted, True))
        .replace("%2", reason)
    )
