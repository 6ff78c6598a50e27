"""Counting a deadline and rolling its last day under a jurisdiction's rule (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from satchel.core.deadline_rules import (
    RULES,
    add_months,
    non_working,
    reckon,
    rule_for_jurisdiction,
    rule_named,
)
from satchel.core.model import DeadlineUnit
from satchel.errors import InvalidInput

FRI_27_NOV_2026 = date(2026, 11, 27)


def test_fifteen_days_from_a_friday_decision_roll_off_the_weekend_in_russia() -> None:
    r = reckon(FRI_27_NOV_2026, 15, DeadlineUnit.CALENDAR_DAYS, "RU")
    assert r.counted == date(2026, 12, 12)  # a Saturday: 27 Nov + 15
    assert r.due == date(2026, 12, 14)  # Monday
    assert r.moved
    reason = non_working(r.counted, "RU")
    assert reason is not None and not reason.is_holiday


@pytest.mark.parametrize("code", ["RU", "KZ", "KG", "GE", "AM", "TR"])
def test_every_national_rule_rolls_a_weekend_last_day_to_monday(code: str) -> None:
    assert reckon(FRI_27_NOV_2026, 15, "calendar_days", code).due == date(2026, 12, 14)


def test_uzbekistan_works_on_saturday_12_december_2026_so_nothing_rolls() -> None:
    # The day off of Sat 12 Dec 2026 was moved to Thu 31 Dec (the holidays library's data).
    assert non_working(date(2026, 12, 12), "UZ") is None
    assert reckon(FRI_27_NOV_2026, 15, "calendar_days", "UZ").due == date(2026, 12, 12)
    assert reckon(date(2026, 12, 16), 15, "calendar_days", "UZ").due == date(2027, 1, 4)


def test_the_echr_does_not_extend_a_time_limit_ending_on_a_weekend() -> None:
    r = reckon(FRI_27_NOV_2026, 15, "calendar_days", "ECHR")
    assert r.due == r.counted == date(2026, 12, 12)
    assert not r.moved
    assert "Sabri Güneş" in rule_named("ECHR").source


def test_one_month_from_31_january_2028_ends_on_29_february() -> None:
    r = reckon(date(2028, 1, 31), 1, DeadlineUnit.MONTHS, "RU")
    assert r.counted == r.due == date(2028, 2, 29)  # a Tuesday: nothing to roll
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_weeks_count_seven_days_each() -> None:
    assert reckon(date(2026, 11, 27), 2, "weeks", "none").due == date(2026, 12, 11)


def test_a_last_day_in_the_russian_new_year_holidays_moves_past_all_of_them() -> None:
    r = reckon(date(2026, 12, 22), 10, "calendar_days", "RU")
    assert r.counted == date(2027, 1, 1)
    assert r.due == date(2027, 1, 11)  # 1-8 Jan holidays, 9-10 Jan weekend
    reason = non_working(r.counted, "RU", "ru")
    assert reason is not None and reason.holidays == ("Новогодние каникулы",)
    english = non_working(r.counted, "RU", "en")
    assert english is not None and english.holidays == ("New Year Holidays",)


def test_working_days_skip_weekends_and_public_holidays() -> None:
    # Fri 25 Dec 2026: 28, 29, 30 Dec count; 31 Dec is a transferred day off in Russia,
    # 1-8 Jan are holidays, 9-10 Jan a weekend; 11 and 12 Jan count.
    assert reckon(date(2026, 12, 25), 5, "working_days", "RU").due == date(2027, 1, 12)
    # Without a holiday calendar only the weekend is skipped.
    assert reckon(date(2026, 12, 25), 5, "working_days", "none").due == date(2027, 1, 1)


def test_a_saturday_made_a_working_day_by_decree_counts_as_one() -> None:
    # Russia moved the day off of Sat 20 Feb 2027 to Mon 22 Feb: the Saturday is worked.
    assert non_working(date(2027, 2, 20), "RU") is None
    assert reckon(date(2027, 2, 13), 7, "calendar_days", "RU").due == date(2027, 2, 20)


def test_a_negative_offset_rolls_back_to_the_previous_working_day() -> None:
    r = reckon(date(2026, 12, 14), -2, "calendar_days", "RU")
    assert r.counted == date(2026, 12, 12)
    assert r.due == date(2026, 12, 11)  # the Friday before, the safe side


def test_a_country_outside_the_table_uses_its_own_public_holidays() -> None:
    custom = rule_named("de")
    assert custom.code == "DE" and custom.rolls and not custom.verified
    # 25-26 Dec are holidays in Germany, 27 Dec 2026 a Sunday.
    assert reckon(date(2026, 12, 15), 10, "calendar_days", custom).due == date(2026, 12, 28)


def test_an_unknown_rule_is_refused_not_guessed() -> None:
    with pytest.raises(InvalidInput, match="Unknown deadline rule"):
        rule_named("Narnia")


def test_jurisdiction_text_selects_its_rule() -> None:
    assert rule_for_jurisdiction("Russia").code == "RU"
    assert rule_for_jurisdiction(" Республика  Казахстан ").code == "KZ"
    assert rule_for_jurisdiction("Council of Europe").code == "ECHR"
    assert rule_for_jurisdiction("Atlantis").code == "none"


def test_every_rule_names_its_source_and_every_calendar_exists() -> None:
    for rule in RULES:
        assert rule.source
        if rule.calendar is not None:
            assert non_working(date(2027, 1, 1), rule) is not None  # New Year everywhere
