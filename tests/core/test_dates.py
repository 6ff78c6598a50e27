"""Uncertain dates: canonical text round-trips, honest bounds and order, display."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from satchel.core.dates import (
    ENGLISH,
    MAX_YEAR,
    MIN_YEAR,
    RUSSIAN,
    DateKind,
    FuzzyDate,
    PartialDate,
    Precision,
)
from satchel.errors import InvalidInput


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    precision = draw(st.sampled_from(list(Precision)))
    day = draw(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)))
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    if precision is Precision.DAY:
        return PartialDate(day.year, day.month, day.day)
    return PartialDate(
        day.year, day.month, day.day,
        draw(st.integers(0, 23)), draw(st.integers(0, 59)),
        draw(st.integers(-14 * 60, 14 * 60)),
    )  # fmt: skip


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    kind = draw(st.sampled_from(list(DateKind)))
    if kind is DateKind.UNDATED:
        return FuzzyDate.undated()
    start = draw(partial_dates())
    if kind in (DateKind.BETWEEN, DateKind.SPAN):
        end = draw(partial_dates())
        assume(end.upper() > start.lower())
        return FuzzyDate(kind, start, end)
    return FuzzyDate(kind, start)


@given(partial_dates())
def test_partial_date_text_round_trips(p: PartialDate) -> None:
    assert PartialDate.parse(p.iso()) == p


@given(fuzzy_dates())
def test_fuzzy_date_text_round_trips(d: FuzzyDate) -> None:
    assert FuzzyDate.parse(str(d)) == d


@given(fuzzy_dates())
def test_bounds_never_run_backwards_and_sort_key_starts_where_they_do(d: FuzzyDate) -> None:
    bounds = d.bounds()
    if bounds is None:
        assert d.sort_key() == (1, 0, 0)
        return
    lo, hi = bounds
    assert lo <= hi
    assert d.sort_key()[:2] == (0, int(lo.timestamp()))


@given(st.integers(MIN_YEAR, 9000), st.integers(1, 12), st.integers(0, 30))
def test_of_dates_starting_together_the_wider_sorts_first(year: int, month: int, more: int) -> None:
    start = PartialDate(year, month, 1)
    together = [
        FuzzyDate.on(PartialDate(year, month)),
        FuzzyDate.on(start),
        FuzzyDate.on(PartialDate(year, month, 1, 0, 0, 0)),
        FuzzyDate(DateKind.BETWEEN, start, PartialDate(year + 1 + more)),
        FuzzyDate(DateKind.SPAN, start, PartialDate(year, month, 1 + more % 28)),
        FuzzyDate(DateKind.AROUND, start),
    ]
    if month == 1:
        together.append(FuzzyDate.on(PartialDate(year)))

    def width(d: FuzzyDate) -> float:
        lo, hi = d.bounds()  # type: ignore[misc]
        return (hi - lo).total_seconds()

    assert len({d.sort_key()[1] for d in together}) == 1
    by_key = sorted(together, key=FuzzyDate.sort_key)
    assert [width(d) for d in by_key] == sorted((width(d) for d in together), reverse=True)


@given(partial_dates())
def test_a_partial_date_covers_the_instants_it_may_mean(p: PartialDate) -> None:
    lo, hi = p.lower(), p.upper()
    assert lo < hi
    if p.precision is Precision.EXACT:
        assert hi - lo == timedelta(minutes=1)


@given(fuzzy_dates())
def test_every_date_displays_in_english_and_russian(d: FuzzyDate) -> None:
    assert d.display(ENGLISH) and d.display(RUSSIAN)


def test_month_sorts_before_its_days_and_undated_last() -> None:
    texts = ["tbd", "2025-08-02", "2025-08-01", "2025-08-01T09:00+00:00", "2025-08", "2025"]
    ordered = sorted(texts, key=lambda t: FuzzyDate.parse(t).sort_key())
    assert ordered == [
        "2025",
        "2025-08",
        "2025-08-01",
        "2025-08-01T09:00+00:00",
        "2025-08-02",
        "tbd",
    ]


def test_one_sided_dates_sort_at_their_edge() -> None:
    texts = ["2025-09", ">2025-08", "2025-09-01", "<2025-09", "2025-08-31"]
    ordered = sorted(texts, key=lambda t: FuzzyDate.parse(t).sort_key())
    # Before September lies wholly before its edge; after August is open-ended (widest).
    assert ordered == ["2025-08-31", "<2025-09", ">2025-08", "2025-09", "2025-09-01"]


def test_exact_time_is_placed_by_its_zone() -> None:
    moscow = FuzzyDate.parse("2025-08-14T10:30+03:00")
    almaty = FuzzyDate.parse("2025-08-14T10:30+05:00")
    assert almaty.sort_key() < moscow.sort_key()  # 05:30 UTC before 07:30 UTC
    assert moscow.bounds() == (
        datetime(2025, 8, 14, 7, 30, tzinfo=UTC),
        datetime(2025, 8, 14, 7, 31, tzinfo=UTC),
    )


def test_before_and_after_are_points_at_the_known_edge() -> None:
    assert FuzzyDate.parse("<2024-03").bounds() == (
        datetime(2024, 3, 1, tzinfo=UTC),
        datetime(2024, 3, 1, tzinfo=UTC),
    )
    assert FuzzyDate.parse(">2024-03").bounds() == (
        datetime(2024, 4, 1, tzinfo=UTC),
        datetime(2024, 4, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("2025-09", date(2025, 9, 1)),
        ("~2025-09-10", date(2025, 9, 10)),
        (">2025-09-10", date(2025, 9, 11)),
        ("2025-09-03..2025-09-10", date(2025, 9, 3)),
        ("2025-09-14T01:00+05:00", date(2025, 9, 14)),  # the local day, not the UTC one
        ("tbd", None),
    ],
)
def test_anchor_day_is_the_earliest_day_it_may_fall_on(text: str, anchor: date | None) -> None:
    assert FuzzyDate.parse(text).anchor_day() == anchor


@pytest.mark.parametrize(
    ("text", "english", "russian"),
    [
        ("2025-08", "Aug 2025", "авг. 2025"),
        ("2025-05", "May 2025", "май 2025"),
        ("2025-05-09", "9 May 2025", "9 мая 2025"),
        ("~2019", "c. 2019", "около 2019"),
        ("<2024-03", "before Mar 2024", "до марта 2024"),
        (
            "2025-03-01..2025-03-10",
            "between 1 Mar 2025 and 10 Mar 2025",
            "в промежутке с 1 марта 2025 по 10 марта 2025",
        ),
        ("2025-05/2025-07", "May 2025 – Jul 2025", "май 2025 – июль 2025"),
        ("2025-08-14T10:30+03:00", "14 Aug 2025, 10:30 UTC+3", "14 авг. 2025, 10:30 UTC+3"),
        ("2025-08-14T10:30-03:30", "14 Aug 2025, 10:30 UTC−3:30", "14 авг. 2025, 10:30 UTC−3:30"),
        ("tbd", "TBD", "дата не определена"),
    ],
)
def test_display_is_honest_to_the_precision(text: str, english: str, russian: str) -> None:
    d = FuzzyDate.parse(text)
    assert d.display(ENGLISH) == english
    assert d.display(RUSSIAN) == russian


@pytest.mark.parametrize(
    "text",
    [
        "14/08/2025",  # slashes are ambiguous (day or month first): refused
        "31.02.2025",
        "14.13.2025",
        "2025-13",
        "2025-02-29",
        "2025-08-14T10:30",  # a time with no zone would shift between laptops
        "2025-08-14T25:00+03:00",
        "2025-08-14T10:30+15:00",
        "2025-03-10..2025-03-01",
        "2025-05/2025-04",
        "0000",
        "0999",  # most likely a typo for 1999 or 2099
        "9999-12",  # would end past the last year Python can count
    ],
)
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as err:
        FuzzyDate.parse(text)
    assert err.value.field == "date"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14.08.2025", "2025-08-14"),
        ("3.03.2026", "2026-03-03"),
        ("08.2025", "2025-08"),
        ("~01.03.2025", "~2025-03-01"),
        ("01.03.2025..10.03.2025", "2025-03-01..2025-03-10"),
    ],
)
def test_dates_written_day_first_with_dots_are_read_as_in_russia(text: str, iso: str) -> None:
    assert str(FuzzyDate.parse(text)) == iso


def test_time_without_zone_takes_the_default_when_one_is_given() -> None:
    d = FuzzyDate.parse("2025-08-14T10:30", default_offset_minutes=180)
    assert str(d) == "2025-08-14T10:30+03:00"


@pytest.mark.parametrize("text", ["", "?", "TBD", "undated"])
def test_every_spelling_of_unknown_is_undated(text: str) -> None:
    assert FuzzyDate.parse(text) == FuzzyDate.undated()


def test_construction_from_python_dates() -> None:
    assert str(FuzzyDate.on(date(2025, 1, 2))) == "2025-01-02"
    aware = datetime(2025, 1, 2, 9, 15, tzinfo=timezone(timedelta(hours=6)))
    assert str(FuzzyDate.on(aware)) == "2025-01-02T09:15+06:00"
    with pytest.raises(InvalidInput):
        FuzzyDate.on(datetime(2025, 1, 2, 9, 15))


def test_inconsistent_fuzzy_dates_are_refused() -> None:
    with pytest.raises(InvalidInput):
        FuzzyDate(DateKind.ON)
    with pytest.raises(InvalidInput):
        FuzzyDate(DateKind.BETWEEN, PartialDate(2025))
    with pytest.raises(InvalidInput):
        FuzzyDate(DateKind.ON, PartialDate(2025), PartialDate(2026))
    with pytest.raises(InvalidInput):
        FuzzyDate(DateKind.UNDATED, PartialDate(2025))
    with pytest.raises(InvalidInput):
        PartialDate(2025, None, 3)


@pytest.mark.parametrize(
    "text",
    [
        f"{MIN_YEAR}-01-01T00:00+14:00",
        f"{MAX_YEAR}-12-31T23:59-14:00",
        f">{MAX_YEAR}",
        f"<{MIN_YEAR}",
    ],
)
def test_dates_at_the_ends_of_the_range_still_have_bounds(text: str) -> None:
    d = FuzzyDate.parse(text)
    assert d.bounds() is not None and d.anchor_day() is not None


@pytest.mark.parametrize(
    ("text", "russian"),
    [
        ("2025-07", "июль 2025"),
        ("~2025-07", "около июля 2025"),
        ("<2023-03", "до марта 2023"),
        (">2025-07", "после июля 2025"),
        ("2025-03..2025-05", "в промежутке с марта 2025 по май 2025"),
        ("2025-03-01..2025-03-10", "в промежутке с 1 марта 2025 по 10 марта 2025"),
        ("2025-05/2025-07", "май 2025 – июль 2025"),
        ("~2025-08-14", "около 14 авг. 2025"),
    ],
)
def test_russian_dates_use_the_case_each_preposition_governs(text: str, russian: str) -> None:
    assert FuzzyDate.parse(text).display(RUSSIAN) == russian
