"""Dates as lawyers type them (core.date_text): English and Russian, every kind, the refusals."""

from __future__ import annotations

import pytest

from satchel.core.date_text import read_date, read_partial
from satchel.core.dates import ENGLISH, RUSSIAN, FuzzyDate, PartialDate
from satchel.errors import InvalidInput

# What a lawyer types -> the canonical text of what it means (FuzzyDate.parse's form).
TYPED: list[tuple[str, str]] = [
    # on a day, a month, a year
    ("14.03.2025", "2025-03-14"),
    ("3.3.2025", "2025-03-03"),
    ("03.2025", "2025-03"),
    ("2025-03-14", "2025-03-14"),
    ("2025-03", "2025-03"),
    ("2025", "2025"),
    ("  2025  ", "2025"),
    ("14 March 2025", "2025-03-14"),
    ("14 Mar 2025", "2025-03-14"),
    ("14 Mar. 2025", "2025-03-14"),
    ("March 14, 2025", "2025-03-14"),
    ("Mar 14 2025", "2025-03-14"),
    ("3rd of March 2025", "2025-03-03"),
    ("on 3 March 2025", "2025-03-03"),
    ("March 2025", "2025-03"),
    ("Sept 2024", "2024-09"),
    ("in 2019", "2019"),
    ("14 марта 2025", "2025-03-14"),
    ("14 марта 2025 г.", "2025-03-14"),
    ("3-го мая 2021 года", "2021-05-03"),
    ("14 МАРТА 2025", "2025-03-14"),
    ("март 2025", "2025-03"),
    ("марта 2025", "2025-03"),
    ("в марте 2025", "2025-03"),
    ("в марте 2025 года", "2025-03"),
    ("сент. 2024", "2024-09"),
    ("в 2019 году", "2019"),
    ("2019 г.", "2019"),
    ("1 сентября 2024", "2024-09-01"),
    ("31 декабря 1999", "1999-12-31"),
    ("29.02.2028", "2028-02-29"),
    # exact times
    ("2025-08-14T10:30+03:00", "2025-08-14T10:30+03:00"),
    ("14.08.2025 10:30 МСК", "2025-08-14T10:30+03:00"),
    ("14.08.2025, 10:30 UTC+3", "2025-08-14T10:30+03:00"),
    ("14 Aug 2025 at 23:05 UTC-5:30", "2025-08-14T23:05-05:30"),
    ("14 августа 2025 в 9:15 +0500", "2025-08-14T09:15+05:00"),
    # around
    ("~2019", "~2019"),
    ("~ 2019", "~2019"),
    ("c. 2019", "~2019"),
    ("circa 2019", "~2019"),
    ("about March 2025", "~2025-03"),
    ("around 14.03.2025", "~2025-03-14"),
    ("approx. 2010", "~2010"),
    ("около июля 2025", "~2025-07"),
    ("около 2019 г.", "~2019"),
    ("примерно 2010", "~2010"),
    ("приблизительно в марте 2025", "~2025-03"),
    ("ок. 2000", "~2000"),
    # before / after
    ("before 3 Mar 2024", "<2024-03-03"),
    ("<2024-03", "<2024-03"),
    ("prior to 2020", "<2020"),
    ("до марта 2023", "<2023-03"),
    ("до 01.02.2023", "<2023-02-01"),
    ("ранее 2015 года", "<2015"),
    ("after 2020", ">2020"),
    (">2025-01-10", ">2025-01-10"),
    ("later than June 2021", ">2021-06"),
    ("после 5 мая 2021 г.", ">2021-05-05"),
    ("позднее марта 2022", ">2022-03"),
    # between (once, somewhere in the range)
    ("2024..2025", "2024..2025"),
    ("2025-03-01..2025-03-10", "2025-03-01..2025-03-10"),
    ("01.03.2025..10.03.2025", "2025-03-01..2025-03-10"),
    ("between 3 and 10 March 2024", "2024-03-03..2024-03-10"),
    ("between March and May 2024", "2024-03..2024-05"),
    ("between 2019 and 2020", "2019..2020"),
    ("между 3 и 10 марта 2024", "2024-03-03..2024-03-10"),
    ("между мартом и маем 2024", "2024-03..2024-05"),
    ("между 2019 и 2020 годами", "2019..2020"),
    ("в промежутке с марта 2025 по май 2025", "2025-03..2025-05"),
    ("spring 2020", "2020-03..2020-05"),
    ("весна 2020", "2020-03..2020-05"),
    ("летом 2021", "2021-06..2021-08"),
    ("осенью 2019", "2019-09..2019-11"),
    # lasting from one date to another
    ("3–10.03.2024", "2024-03-03/2024-03-10"),
    ("3-10.03.2024", "2024-03-03/2024-03-10"),
    ("3.03–10.04.2024", "2024-03-03/2024-04-10"),
    ("3 – 10 марта 2024", "2024-03-03/2024-03-10"),
    ("с 3 по 10 марта 2024", "2024-03-03/2024-03-10"),
    ("с 3 марта 2024 по 10 апреля 2024 г.", "2024-03-03/2024-04-10"),
    ("с марта по май 2024", "2024-03/2024-05"),
    ("с 2019 до 2021", "2019/2021"),
    ("from March to May 2024", "2024-03/2024-05"),
    ("from 3 March until 10 April 2024", "2024-03-03/2024-04-10"),
    ("March–May 2024", "2024-03/2024-05"),
    ("2024-2025", "2024/2025"),
    ("2024 — 2025", "2024/2025"),
    ("2025-05/2025-07", "2025-05/2025-07"),
    # not known
    ("unknown", "tbd"),
    ("Unknown", "tbd"),
    ("tbd", "tbd"),
    ("?", "tbd"),
    ("", "tbd"),
    ("неизвестно", "tbd"),
    ("дата не определена", "tbd"),
]


@pytest.mark.parametrize(("typed", "canonical"), TYPED)
def test_typed_date_means_what_a_lawyer_meant(typed: str, canonical: str) -> None:
    assert read_date(typed) == FuzzyDate.parse(canonical)


def test_the_table_covers_both_languages_and_every_kind() -> None:
    assert len(TYPED) >= 60
    cyrillic = [t for t, _ in TYPED if any("а" <= ch <= "я" for ch in t.lower())]
    assert len(cyrillic) >= 25
    kinds = {FuzzyDate.parse(c).kind for _, c in TYPED}
    assert len(kinds) == 7


# Refusals: one coded error each, never a guess.
REFUSED: list[tuple[str, str]] = [
    ("31.02.2025", "no_such_day"),
    ("2025-02-30", "no_such_day"),
    ("32 марта 2025", "no_such_day"),
    ("2025-13-01", "no_such_month"),
    ("13.2025", "no_such_month"),
    ("nonsense", "date_not_understood"),
    ("вчера", "date_not_understood"),
    ("14/03/2025", "date_not_understood"),  # slashed day/month orders read both ways
    ("14.03.25", "date_not_understood"),  # two-digit years: 1925 or 2025?
    ("before sometime", "date_not_understood"),
    ("3 марта", "date_needs_year"),
    ("March 14", "date_needs_year"),
    ("зима 2020", "winter_spans_two_years"),
    ("10.03.2024–3.03.2024", "end_date_lies_before_start"),
    ("14.08.2025 10:30", "time_needs_time_zone_2025"),
    ("14.08.2025 25:30 UTC", "no_such_time"),
    ("0999", "year_out_range"),
]


@pytest.mark.parametrize(("typed", "code"), REFUSED)
def test_a_date_that_cannot_be_is_refused_with_one_coded_error(typed: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_date(typed)
    assert caught.value.code == code
    assert caught.value.field == "date"


def test_a_time_without_a_zone_takes_the_zone_the_caller_gives() -> None:
    assert read_date("14.08.2025 10:30", default_offset_minutes=120) == FuzzyDate.parse(
        "2025-08-14T10:30+02:00"
    )


CANONICAL = [
    "2025-08-14T10:30+03:00",
    "2025-08-14T23:05-05:30",
    "2025-08-14",
    "2025-08",
    "2025",
    "~2019",
    "~2025-07",
    "<2024-03",
    ">2025-01-10",
    "2025-03-01..2025-03-10",
    "2025-03..2025-05",
    "2025-05/2025-07",
    "2024/2025",
    "tbd",
]


@pytest.mark.parametrize("canonical", CANONICAL)
@pytest.mark.parametrize("words", [ENGLISH, RUSSIAN], ids=["en", "ru"])
def test_what_the_client_shows_reads_back_as_the_same_date(canonical: str, words) -> None:
    value = FuzzyDate.parse(canonical)
    assert read_date(canonical) == value
    assert read_date(value.display(words)) == value


def test_one_date_without_a_kind() -> None:
    assert read_partial("14 марта 1990") == PartialDate(1990, 3, 14)
    assert read_partial("03.1990") == PartialDate(1990, 3)
    assert read_partial("1990") == PartialDate(1990)
    with pytest.raises(InvalidInput) as caught:
        read_partial("~1990")
    assert caught.value.code == "date_not_understood"
