"""The timeline's geometry without a window: the time mapping, calendar ticks, range queries,
clusters and labels that never overlap."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from satchel.core.dates import FuzzyDate
from satchel.core.model import DeadlineInfo, Event, EventType, Urgency
from satchel.gui.timeline.layout import (
    LANE_ROWS,
    MAX_SPP,
    MIN_SPP,
    Lane,
    LaneIndex,
    Shape,
    TickScale,
    Viewport,
    glyph_extent,
    item_from_event,
    items_from_events,
    layout_lane,
    tick_scale,
    ticks,
)
from satchel.gui.timeline.view import format_tick

NOW = datetime(2025, 9, 10, tzinfo=UTC)


def event(n: int, when: str, title: str = "", **kw: object) -> Event:
    return Event(
        id=f"e{n:05d}",
        created_at=NOW,
        updated_at=NOW,
        origin_vault="v",
        case_id="c",
        event_type=EventType.OTHER,
        title=title or f"Event {n}",
        date=FuzzyDate.parse(when),
        **kw,
    )


def test_zooming_keeps_the_instant_under_the_pointer_in_place():
    vp = Viewport(t0=0.0, spp=3600.0, width=1000)
    before = vp.t(250)
    vp.zoom(0.5, 250)
    assert vp.t(250) == pytest.approx(before)
    assert vp.spp == 1800.0


def test_zoom_stops_at_hours_and_centuries():
    vp = Viewport(t0=NOW.timestamp(), spp=60.0, width=1000)
    vp.zoom(1e-6, 500)
    assert vp.spp == MIN_SPP
    vp.zoom(1e12, 500)
    assert vp.spp == MAX_SPP


def test_ticks_fall_on_calendar_boundaries():
    t0 = datetime(2025, 1, 17, tzinfo=UTC).timestamp()
    t1 = datetime(2025, 7, 3, tzinfo=UTC).timestamp()
    months = ticks(t0, t1, TickScale("month", 1))
    assert [tk.when.month for tk in months] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert all(tk.when.day == 1 and tk.when.hour == 0 for tk in months)
    weeks = ticks(t0, t1, TickScale("day", 7))
    assert all(tk.when.weekday() == 0 for tk in weeks)


def test_the_tick_scale_follows_the_zoom_from_decades_to_minutes():
    assert tick_scale(15.0, 60)[0].unit == "minute"
    assert tick_scale(600.0, 60)[0] == TickScale("hour", 12)
    assert tick_scale(86400.0 / 2, 60)[0].unit == "month"
    minor, _major = tick_scale(3.0e6, 60)
    assert minor.unit == "year" and minor.count >= 5


def test_tick_labels_use_the_locale_month_names():
    when = datetime(2025, 8, 1, tzinfo=UTC)
    assert format_tick(when, TickScale("month", 1), QLocale("ru"), major=False) == "август"
    assert format_tick(when, TickScale("month", 1), QLocale("en"), major=False) == "August"
    assert format_tick(when, TickScale("month", 1), QLocale("ru"), major=True).startswith(
        "Август 2025"
    )


def test_items_keep_the_precision_of_their_dates():
    today = date(2025, 9, 10)
    month = item_from_event(event(1, "2025-08"), today)
    assert month.shape is Shape.RANGE
    assert month.hi - month.lo == 31 * 86400
    assert item_from_event(event(2, "~2025"), today).shape is Shape.AROUND
    assert item_from_event(event(3, "2025-08-14T10:30+03:00"), today).shape is Shape.EXACT
    assert item_from_event(event(4, "<2025-03"), today).shape is Shape.BEFORE
    assert item_from_event(event(5, "tbd"), today).dated is False
    due = item_from_event(event(6, "2025-09-12", deadline=DeadlineInfo()), today)
    assert (due.urgency, due.days_left) == (Urgency.WITHIN_3_DAYS, 2)


_DAY = 86400.0
_BASE = datetime(2020, 1, 1, tzinfo=UTC).timestamp()


@settings(max_examples=60, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 2000), st.sampled_from([0, 1, 20, 200, 800])),
        min_size=1,
        max_size=60,
    ),
    window=st.tuples(st.integers(-100, 2100), st.integers(1, 900)),
)
def test_a_range_query_returns_exactly_the_items_that_meet_the_window(spans, window):
    items = []
    for n, (start, length) in enumerate(spans):
        lo = date.fromtimestamp(_BASE + start * _DAY)
        hi = date.fromtimestamp(_BASE + (start + length) * _DAY)
        when = f"{lo.isoformat()}/{hi.isoformat()}" if length else lo.isoformat()
        items.append(item_from_event(event(n, when), date(2025, 1, 1)))
    index = LaneIndex(items)
    t0 = _BASE + window[0] * _DAY
    t1 = t0 + window[1] * _DAY
    expected = {it.id for it in items if it.hi >= t0 and it.lo <= t1}
    got = index.visible(t0, t1)
    assert {it.id for it in got} == expected
    assert [it.lo for it in got] == sorted(it.lo for it in got)


def test_marks_with_labels_never_overlap_in_a_row():
    items = [
        item_from_event(
            event(n, f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}", f"A long title {n}"),
            date(2025, 1, 1),
        )
        for n in range(200)
    ]
    lane = Lane("x", "x", items)
    vp = Viewport(t0=datetime(2025, 1, 1, tzinfo=UTC).timestamp(), spp=4 * 3600.0, width=1200)
    glyphs = layout_lane(lane, vp, 1200, lambda it: 90.0)
    assert sum(g.count for g in glyphs) >= 60  # nothing visible is dropped...
    for row in range(LANE_ROWS):
        placed = [g for g in glyphs if g.row == row]
        for a, b in itertools.pairwise(placed):
            # ...and a label ends before the next mark of its row begins.
            if a.label_room:
                assert glyph_extent(a)[1] + a.label_room <= glyph_extent(b)[0] + 1e-6


def test_a_dense_lane_is_counted_per_bucket_not_drawn_item_by_item():
    items = [
        item_from_event(event(n, f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"), date(2025, 1, 1))
        for n in range(5000)
    ]
    lane = Lane("x", "x", items)
    vp = Viewport(t0=datetime(2023, 6, 1, tzinfo=UTC).timestamp(), spp=86400.0, width=1000)
    glyphs = layout_lane(lane, vp, 1000)
    assert len(glyphs) < 60
    assert sum(g.count for g in glyphs) == 5000


@pytest.mark.parametrize(
    "when",
    [
        "2025",
        "2025-08",
        "2025-08-14",
        "2025-08-14T10:30+03:00",
        "~2025-07",
        "<2023-03",
        ">2025-09-03",
        "2025-09-01..2025-09-05",
        "2019/2022",
        "tbd",
    ],
)
def test_timeline_order_is_the_honest_date_order(when):
    ev = event(1, when)
    assert item_from_event(ev, date(2025, 1, 1)).order[:3] == ev.date.sort_key()


def test_placing_many_events_at_once_matches_placing_each():
    events = [
        event(n, d) for n, d in enumerate(["2025-08", "2025-08", "~2025", "tbd", "2025-08-14"])
    ]
    today = date(2025, 9, 10)

    def placed(it):
        return (it.event, it.shape, it.lo, it.hi, it.order, it.urgency, it.days_left, it.dated)

    together = [placed(it) for it in items_from_events(events, today)]
    assert together == [placed(item_from_event(ev, today)) for ev in events]
