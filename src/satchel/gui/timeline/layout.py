"""Timeline geometry without Qt: items, lanes, the time-to-pixel mapping, ticks and clusters.

Everything here is plain Python so it can be tested and benchmarked without a display, and
so the painting code in `view.py` only draws what this module decided. Times are float
seconds since the Unix epoch in UTC, taken from `FuzzyDate.bounds()`: the timeline never
invents a precision the date does not have (a month-precision event is a span over its
month, a range is a bar, "before"/"after" are arrows from the known edge).

Large timelines stay fast because each lane keeps its items sorted by start in a few
duration classes, so a visible-range query is a handful of bisections, and because a lane
with more visible items than `DETAIL_LIMIT` is aggregated into per-pixel-bucket counts.

Long (about 850 lines) on purpose: the time mapping, ticks, lane indexes, clustering and
row packing are one pipeline run for every lane of every frame, and the tests exercise it
without a display; what runs once per load (filtering, grouping, bands) is in `scene`.

This module must never import Qt, touch the vault, or format text for display.
"""

from __future__ import annotations

import bisect
import calendar
import heapq
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from satchel.core.dates import DateKind, FuzzyDate, Precision
from satchel.core.events import days_left, urgency
from satchel.core.model import Event, FactStatus, Urgency

__all__ = [
    "DETAIL_LIMIT",
    "MAX_SPP",
    "MIN_SPP",
    "Glyph",
    "Lane",
    "LaneIndex",
    "LaneMode",
    "Shape",
    "Tick",
    "TickScale",
    "TimelineItem",
    "Viewport",
    "build_lanes",
    "deadline_days_left",
    "deadline_urgency",
    "item_from_event",
    "items_from_events",
    "layout_lane",
    "tick_scale",
    "ticks",
]

# The axis spans hours to centuries: 5 s per pixel shows an hour over 720 px; 7e6 s per pixel
# shows about two centuries on a 1000 px window.
MIN_SPP = 5.0
MAX_SPP = 7.0e6
# The axis stays inside the years FuzzyDate accepts.
T_MIN = datetime(1, 1, 1, tzinfo=UTC).timestamp()
T_MAX = datetime(9999, 12, 31, tzinfo=UTC).timestamp()

# A mark narrower than this is drawn as a point; points closer than CLUSTER_PX merge.
POINT_PX = 6.0
CLUSTER_PX = 10.0
# Marks narrower than this (points and short bars) merge with neighbours into clusters.
SMALL_PX = 16.0
# A lane with more visible items than this is drawn as per-bucket counts, not item by item.
DETAIL_LIMIT = 400
BUCKET_PX = 28.0
# The smallest room worth drawing a (possibly elided) label into.
MIN_LABEL_PX = 36.0

_DAY = 86400.0
_DISPUTED = (FactStatus.DISPUTED_BY_US, FactStatus.DISPUTED_BY_OTHER)


class Shape(StrEnum):
    """How an event's date is drawn."""

    EXACT = "exact"  # a known minute: a point
    RANGE = "range"  # "on" a day, month or year: a span over that day, month or year
    AROUND = "around"  # approximate: soft-edged
    BEFORE = "before"  # an arrow pointing back from the known edge
    AFTER = "after"  # an arrow pointing forward from the known edge
    BETWEEN = "between"  # happened once, somewhere in the range: an outlined bar
    SPAN = "span"  # lasted the whole range: a filled bar


class LaneMode(StrEnum):
    BY_TYPE = "type"
    BY_PERSON = "person"
    BY_PROCEEDING = "proceeding"
    BY_CASE = "case"


# -- deadlines ---------------------------------------------------------------------------------


def deadline_days_left(event: Event, today: date) -> int | None:
    """Days from today to a deadline's due day (negative when overdue); None if undated."""
    return days_left(event, today)


def deadline_urgency(event: Event, today: date) -> Urgency | None:
    """The core's urgency rule (overdue, ≤3 days, ≤14 days, later, done) for a deadline;
    None for an event that is not a deadline, so ordinary past events are not greyed."""
    if event.deadline is None:
        return None
    return urgency(event, today)


# -- items -------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class TimelineItem:
    """One event as the timeline sees it: where it lies, how it is drawn, what it is.

    Not frozen, and compared by identity: a 10,000-event case builds 10,000 of these on
    every load, and a frozen dataclass's `__init__` (one `object.__setattr__` per field)
    cost a third of the timeline's share of opening it. Nothing mutates an item once made.
    """

    event: Event
    shape: Shape | None  # None when undated (the tray shows it)
    lo: float
    hi: float
    order: tuple[int, int, int, int]  # honest chronological order, for keyboard moves
    urgency: Urgency | None
    days_left: int | None
    # Copied out of `event`: read for every item of every lane on every (re)load.
    id: str = ""
    dated: bool = True

    @property
    def disputed(self) -> bool:
        return self.event.fact_status in _DISPUTED

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2.0


_SHAPES = {
    DateKind.AROUND: Shape.AROUND,
    DateKind.BEFORE: Shape.BEFORE,
    DateKind.AFTER: Shape.AFTER,
    DateKind.BETWEEN: Shape.BETWEEN,
    DateKind.SPAN: Shape.SPAN,
}


def _shape(event: Event) -> Shape | None:
    kind = event.date.kind
    if kind is DateKind.UNDATED:
        return None
    if kind is DateKind.ON:
        return Shape.EXACT if event.date.precision is Precision.EXACT else Shape.RANGE
    return _SHAPES[kind]


_Placement = tuple[float, float, tuple[int, int, int]]


def _placement(when: FuzzyDate) -> _Placement:
    bounds = when.bounds()
    if bounds is None:
        return 0.0, 0.0, when.sort_key()
    lo, hi = bounds[0].timestamp(), bounds[1].timestamp()
    # The core's honest order (FuzzyDate.sort_key), so keyboard moves match the table.
    # For every kind but before/after that key is (0, start, -end) in whole seconds of
    # the bounds just computed: built here, not asked for, which would compute the bounds
    # again (a third of placing a 10,000-event case). tests/gui/test_timeline_layout.py
    # checks the two agree for every kind of date.
    if when.kind in (DateKind.BEFORE, DateKind.AFTER):
        return lo, hi, when.sort_key()
    return lo, hi, (0, int(lo), -int(hi))


def items_from_events(events: Iterable[Event], today: date) -> list[TimelineItem]:
    """`item_from_event` for many events; dates shared by several events are placed once.

    A busy case has several events a day, so most dates repeat; the event store hands out
    one `FuzzyDate` object per distinct stored date, so a date is first looked up by
    identity (hashing a FuzzyDate hashes all its parts), then by value.
    """
    # Per distinct date: its placement and its shape (both depend on the date alone).
    by_identity: dict[int, tuple[FuzzyDate, _Placement, Shape | None]] = {}
    placed: dict[FuzzyDate, _Placement] = {}
    out: list[TimelineItem] = []
    append = out.append
    for ev in events:
        when = ev.date
        known = by_identity.get(id(when))
        if known is None or known[0] is not when:
            found = placed.get(when)
            where = placed[when] = _placement(when) if found is None else found
            # `when` stays referenced in the dict, so its id is not reused meanwhile.
            known = by_identity[id(when)] = (when, where, _shape(ev))
        _when, where, shape = known
        if ev.deadline is None:
            lo, hi, key = where
            append(
                TimelineItem(
                    ev, shape, lo, hi, (*key, ev.day_order), None, None, ev.id, shape is not None
                )
            )
        else:
            append(_item(ev, today, where))
    return out


def item_from_event(event: Event, today: date) -> TimelineItem:
    """The timeline's view of one event, honest to its date's precision."""
    return _item(event, today, _placement(event.date))


def _item(event: Event, today: date, where: _Placement) -> TimelineItem:
    lo, hi, key = where
    is_deadline = event.deadline is not None
    shape = _shape(event)
    return TimelineItem(
        id=event.id,
        dated=shape is not None,
        event=event,
        shape=shape,
        lo=lo,
        hi=hi,
        order=(*key, event.day_order),
        urgency=deadline_urgency(event, today) if is_deadline else None,
        days_left=deadline_days_left(event, today) if is_deadline else None,
    )


# -- the mapping between time and pixels -------------------------------------------------------


@dataclass(slots=True)
class Viewport:
    """Which stretch of time the plot shows: `t0` at x = 0, `spp` seconds per pixel."""

    t0: float
    spp: float
    width: float

    @property
    def t1(self) -> float:
        return self.t0 + self.spp * self.width

    def x(self, t: float) -> float:
        return (t - self.t0) / self.spp

    def t(self, x: float) -> float:
        return self.t0 + x * self.spp

    def zoom(self, factor: float, anchor_x: float) -> None:
        """Scale by `factor` (>1 zooms out) keeping the time under `anchor_x` in place."""
        anchor_t = self.t(anchor_x)
        self.spp = min(MAX_SPP, max(MIN_SPP, self.spp * factor))
        self.t0 = anchor_t - anchor_x * self.spp
        self._clamp()

    def pan(self, dx: float) -> None:
        """Move the view by `dx` pixels (positive shows later times)."""
        self.t0 += dx * self.spp
        self._clamp()

    def fit(self, lo: float, hi: float, margin: float = 0.05) -> None:
        """Show [lo, hi] with a margin on both sides; a single instant is shown at day scale."""
        width = max(self.width, 1.0)
        span = hi - lo
        if span <= 0:
            span = 2 * _DAY
            lo -= _DAY
        pad = span * margin
        self.spp = min(MAX_SPP, max(MIN_SPP, (span + 2 * pad) / width))
        self.t0 = (lo + hi) / 2.0 - self.spp * width / 2.0
        self._clamp()

    def fit_px(self, lo: float, hi: float, left_px: float, right_px: float) -> None:
        """Show [lo, hi] with `left_px` pixels free before it and `right_px` after it (room
        for the labels of the latest marks); margins give way on a narrow view so the range
        keeps at least a third of the width."""
        width = max(self.width, 1.0)
        room = left_px + right_px
        if room > width * 2 / 3:
            shrink = width * 2 / 3 / room
            left_px, right_px = left_px * shrink, right_px * shrink
        usable = max(width - left_px - right_px, 1.0)
        span = hi - lo
        if span <= 0:
            span = 2 * _DAY
            lo -= _DAY
        self.spp = min(MAX_SPP, max(MIN_SPP, span / usable))
        self.t0 = lo - left_px * self.spp
        self._clamp()

    def center_on(self, t: float) -> None:
        self.t0 = t - self.spp * self.width / 2.0
        self._clamp()

    def _clamp(self) -> None:
        self.t0 = min(max(self.t0, T_MIN), max(T_MIN, T_MAX - self.spp * self.width))


# -- ticks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TickScale:
    """A calendar step: `count` of `unit` (minute, hour, day, month, year)."""

    unit: str
    count: int

    @property
    def approx_seconds(self) -> float:
        return self.count * _UNIT_SECONDS[self.unit]


@dataclass(frozen=True, slots=True)
class Tick:
    t: float
    when: datetime  # UTC
    scale: TickScale


_UNIT_SECONDS = {
    "minute": 60.0,
    "hour": 3600.0,
    "day": _DAY,
    "month": 30.44 * _DAY,
    "year": 365.25 * _DAY,
}
_SCALES = tuple(
    TickScale(u, n)
    for u, n in (
        ("minute", 5),
        ("minute", 15),
        ("minute", 30),
        ("hour", 1),
        ("hour", 3),
        ("hour", 6),
        ("hour", 12),
        ("day", 1),
        ("day", 2),
        ("day", 7),
        ("month", 1),
        ("month", 3),
        ("month", 6),
        ("year", 1),
        ("year", 2),
        ("year", 5),
        ("year", 10),
        ("year", 20),
        ("year", 50),
        ("year", 100),
        ("year", 500),
        ("year", 1000),
    )
)
# The band above the minor ticks names the next larger unit: the day above hours, the year
# above months, the decade above years.
_MAJOR = {
    "minute": TickScale("day", 1),
    "hour": TickScale("day", 1),
    "day": TickScale("month", 1),
    "month": TickScale("year", 1),
}


def tick_scale(spp: float, min_px: float) -> tuple[TickScale, TickScale | None]:
    """The finest minor scale whose ticks lie at least `min_px` apart, and its major scale."""
    minor = _SCALES[-1]
    for scale in _SCALES:
        if scale.approx_seconds / spp >= min_px:
            minor = scale
            break
    major = _MAJOR.get(minor.unit)
    if major is None and minor.count < 10:
        major = TickScale("year", 10)
    elif major is None:
        major = None
    return minor, major


def _floor(dt: datetime, scale: TickScale) -> datetime:
    n = scale.count
    match scale.unit:
        case "minute":
            return dt.replace(minute=dt.minute - dt.minute % n, second=0, microsecond=0)
        case "hour":
            return dt.replace(hour=dt.hour - dt.hour % n, minute=0, second=0, microsecond=0)
        case "day":
            base = dt.replace(hour=0, minute=0, second=0, microsecond=0)
            if n == 7:  # weeks start on Monday
                return base - timedelta(days=base.weekday())
            if n > 1:
                return base - timedelta(days=(base.day - 1) % n)
            return base
        case "month":
            m = dt.month - (dt.month - 1) % n
            return datetime(dt.year, m, 1, tzinfo=UTC)
        case "year":
            y = max(1, dt.year - dt.year % n)
            return datetime(y, 1, 1, tzinfo=UTC)
    raise AssertionError(scale.unit)


def _step(dt: datetime, scale: TickScale) -> datetime:
    n = scale.count
    match scale.unit:
        case "minute":
            return dt + timedelta(minutes=n)
        case "hour":
            return dt + timedelta(hours=n)
        case "day":
            if n in (1, 7):
                return dt + timedelta(days=n)
            # Steps of 2 days restart on the 1st so the labels read 1, 3, 5, ... every month.
            nxt = dt + timedelta(days=n)
            last = calendar.monthrange(dt.year, dt.month)[1]
            if nxt.month != dt.month or dt.day + n > last:
                return datetime(nxt.year, nxt.month, 1, tzinfo=UTC)
            return nxt
        case "month":
            total = dt.year * 12 + (dt.month - 1) + n
            return datetime(total // 12, total % 12 + 1, 1, tzinfo=UTC)
        case "year":
            return datetime(dt.year + n, 1, 1, tzinfo=UTC) if dt.year + n <= 9999 else dt
    raise AssertionError(scale.unit)


def ticks(t0: float, t1: float, scale: TickScale, limit: int = 2000) -> list[Tick]:
    """Calendar-aligned ticks of `scale` from just before `t0` to just after `t1` (UTC)."""
    lo = datetime.fromtimestamp(max(t0, T_MIN), UTC) if t0 >= 0 else _from_ts(max(t0, T_MIN))
    dt = _floor(lo, scale)
    out: list[Tick] = []
    while len(out) < limit:
        t = dt.timestamp()
        out.append(Tick(t, dt, scale))
        if t > t1:
            break
        nxt = _step(dt, scale)
        if nxt <= dt:
            break
        dt = nxt
    return out


def _from_ts(t: float) -> datetime:
    # fromtimestamp refuses far-past values on some platforms; arithmetic from the epoch works.
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=t)


# -- lanes ------------------------------------------------------------------------------------

# Upper bounds (seconds) of the duration classes a lane index bisects separately, so that a
# few year-long spans do not widen the search window of thousands of one-day events.
_DURATION_CLASSES = (61.0, 1.5 * _DAY, 32 * _DAY, 367 * _DAY, math.inf)


class LaneIndex:
    """A lane's dated items sorted by start, split by duration, for fast range queries."""

    __slots__ = ("_classes", "_mid_items", "_mids", "size")

    def __init__(self, items: Iterable[TimelineItem]) -> None:
        groups: list[list[TimelineItem]] = [[] for _ in _DURATION_CLASSES]
        for it in items:
            if not it.dated:
                continue
            dur = it.hi - it.lo
            for i, bound in enumerate(_DURATION_CLASSES):
                if dur < bound:
                    groups[i].append(it)
                    break
        self._classes: list[tuple[list[float], list[TimelineItem], float]] = []
        for g in groups:
            if not g:
                continue
            g.sort(key=lambda it: it.lo)
            self._classes.append(([it.lo for it in g], g, max(it.hi - it.lo for it in g)))
        by_mid = sorted((it for g in groups for it in g), key=lambda it: it.mid)
        self._mids = [it.mid for it in by_mid]
        self._mid_items = by_mid
        self.size = len(by_mid)

    def visible(self, t0: float, t1: float) -> list[TimelineItem]:
        """Items whose interval meets [t0, t1] (points on the edges count), sorted by start."""
        parts: list[list[TimelineItem]] = []
        for los, items, max_dur in self._classes:
            a = bisect.bisect_left(los, t0 - max_dur)
            b = bisect.bisect_right(los, t1)
            parts.append([it for it in items[a:b] if it.hi >= t0])
        if len(parts) == 1:
            return parts[0]
        return list(heapq.merge(*parts, key=lambda it: it.lo))

    def count_visible(self, t0: float, t1: float) -> int:
        """An upper bound of `len(visible(t0, t1))` in a few bisections."""
        n = 0
        for los, _items, max_dur in self._classes:
            n += bisect.bisect_right(los, t1) - bisect.bisect_left(los, t0 - max_dur)
        return n

    def mid_range(self, t0: float, t1: float) -> tuple[int, int]:
        """Index range of items whose middle lies in [t0, t1), in middle order."""
        return bisect.bisect_left(self._mids, t0), bisect.bisect_left(self._mids, t1)

    def by_mid(self, i: int) -> TimelineItem:
        return self._mid_items[i]


@dataclass(slots=True)
class Lane:
    """One horizontal band of the timeline: a type, a person or a case."""

    key: str
    label: str
    items: list[TimelineItem]
    index: LaneIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = LaneIndex(self.items)


NO_PERSON = ""
NO_PROCEEDING = ""


def build_lanes(
    items: Sequence[TimelineItem],
    mode: LaneMode,
    label_of: Callable[[str], str],
    order: Sequence[str] | None = None,
) -> list[Lane]:
    """Group dated items into lanes by type, person, proceeding or case; empty lanes are
    left out.

    An event with several people appears in each of their lanes; an event with none goes
    to the lane keyed `NO_PERSON`, one without a proceeding to `NO_PROCEEDING` (both last).
    `order` fixes the order of known keys (e.g. event types
    in their enum order); other keys follow, sorted by label.
    """
    groups: dict[str, list[TimelineItem]] = {}
    for it in items:
        if not it.dated:
            continue
        ev = it.event
        if mode is LaneMode.BY_TYPE:
            keys: Iterable[str] = (ev.event_type.value,)
        elif mode is LaneMode.BY_CASE:
            keys = (ev.case_id,)
        elif mode is LaneMode.BY_PROCEEDING:
            keys = (ev.proceeding,)  # "" (NO_PROCEEDING) for none
        else:
            keys = ev.person_ids or (NO_PERSON,)
        for k in keys:
            groups.setdefault(k, []).append(it)
    rank = {k: i for i, k in enumerate(order or ())}
    keys_sorted = sorted(
        groups,
        key=lambda k: (
            k == NO_PERSON,
            rank.get(k, len(rank)),
            label_of(k).casefold(),
            k,
        ),
    )
    return [Lane(k, label_of(k), groups[k]) for k in keys_sorted]


# -- what to draw in one lane -----------------------------------------------------------------


@dataclass(slots=True)
class Glyph:
    """A mark to paint: one item, or a cluster of `count` items between x0 and x1.

    `row` is the sub-row of the lane the mark sits in; `label_room` is how many pixels its
    label may take to the right of the mark before it would run into the next mark of that
    row (0: no label).
    """

    x0: float
    x1: float
    item: TimelineItem | None
    count: int = 1
    members: list[TimelineItem] | None = None
    row: int = 0
    label_room: float = 0.0
    label_inside: bool = False  # a long bar carries its label inside, at its visible left
    pill: float = 0.0  # a cluster's badge width (its count's text and padding), centred

    @property
    def is_cluster(self) -> bool:
        return self.item is None


LANE_ROWS = 2


def _default_count_px(n: int) -> float:
    return 7.0 * len(str(n))


def pill_width(g: Glyph, count_px: Callable[[int], float]) -> float:
    """The width of a cluster's badge: its count with padding, at least its marks' span."""
    return max(count_px(g.count) + 10.0, g.x1 - g.x0 + 10.0, 18.0)


def layout_lane(
    lane: Lane,
    vp: Viewport,
    width: float,
    label_px: Callable[[TimelineItem], float] | None = None,
    count_px: Callable[[int], float] | None = None,
) -> list[Glyph]:
    """The glyphs of one lane in the visible range, left to right, labels never overlapping.

    Sparse lanes are laid out item by item: marks narrower than `POINT_PX` are points, and
    points or short bars (under `SMALL_PX`) closer than `CLUSTER_PX` collapse into a
    cluster with a count. Marks are packed
    into `LANE_ROWS` sub-rows so a mark and its label do not cover the next one; a label
    that has no room is left out rather than drawn over something. Dense lanes (more than
    `DETAIL_LIMIT` visible) are counted per `BUCKET_PX` bucket by bisection, so the cost of
    a frame does not grow with the number of events. `label_px` measures a label,
    `count_px` a cluster's count: cluster badges never overlap one another in a row.
    """
    count_px = count_px or _default_count_px
    t0, t1 = vp.t(-BUCKET_PX), vp.t(width + BUCKET_PX)
    if lane.index.count_visible(t0, t1) > DETAIL_LIMIT:
        return _settle_badges(_aggregate(lane, vp, width, count_px), count_px)
    glyphs: list[Glyph] = []
    cluster: Glyph | None = None
    for it in lane.index.visible(t0, t1):
        x0, x1 = vp.x(it.lo), vp.x(it.hi)
        if x1 - x0 >= SMALL_PX or it.shape in (Shape.BEFORE, Shape.AFTER):
            glyphs.append(Glyph(x0, x1, it))
            continue
        # A point, or a bar too short to carry its own label: these crowd, so they cluster.
        if x1 - x0 < POINT_PX:
            x0 = x1 = (x0 + x1) / 2.0
        if cluster is not None and x0 - cluster.x1 < CLUSTER_PX:
            if cluster.item is not None:
                cluster.members = [cluster.item]
                cluster.item = None
            assert cluster.members is not None
            cluster.members.append(it)
            cluster.count += 1
            cluster.x1 = max(cluster.x1, x1)
            continue
        cluster = Glyph(x0, x1, it)
        glyphs.append(cluster)
    for g in glyphs:
        if g.item is None:
            g.pill = pill_width(g, count_px)
    packed = _pack_rows(glyphs, width, label_px or (lambda _it: 100.0), count_px)
    return _settle_badges(packed, count_px)


def _settle_badges(glyphs: list[Glyph], count_px: Callable[[int], float]) -> list[Glyph]:
    """Merge cluster badges that still touch a neighbouring badge in their row.

    A badge is centred on its marks and as wide as its count, so merging two clusters
    (or counting a dense bucket) can widen one into the badge before it; merged badges are
    checked again against the one before them until no two badges of a row touch.
    """
    kept: list[Glyph] = []
    last: dict[int, Glyph] = {}  # the last badge kept in each row
    before: dict[int, list[Glyph]] = {}  # the badges kept before it in that row
    for g in glyphs:
        if not g.is_cluster:
            kept.append(g)
            continue
        row = g.row
        prev = last.get(row)
        if prev is None or glyph_extent(g)[0] >= glyph_extent(prev)[1] + 1.0:
            if prev is not None:
                before.setdefault(row, []).append(prev)
            last[row] = g
            kept.append(g)
            continue
        _merge(prev, g, count_px)
        stack = before.get(row, [])
        while stack and glyph_extent(prev)[0] < glyph_extent(stack[-1])[1] + 1.0:
            earlier = stack.pop()
            _merge(earlier, prev, count_px)
            kept.remove(prev)
            prev = last[row] = earlier
    return kept


def _aggregate(
    lane: Lane, vp: Viewport, width: float, count_px: Callable[[int], float]
) -> list[Glyph]:
    # Counts per bucket, in one row. A count wider than its bucket ("12 345") would cover
    # its neighbour's badge: such neighbours are merged into one badge with their sum.
    glyphs: list[Glyph] = []
    idx = lane.index
    x = -BUCKET_PX
    a, _ = idx.mid_range(vp.t(x), vp.t(x))
    while x < width + BUCKET_PX:
        _, b = idx.mid_range(vp.t(x), vp.t(x + BUCKET_PX))
        n = b - a
        g: Glyph | None = None
        if n == 1:
            it = idx.by_mid(a)
            xc = vp.x(it.mid)
            g = Glyph(xc, xc, it)
        elif n > 1:
            first, last = idx.by_mid(a), idx.by_mid(b - 1)
            g = Glyph(vp.x(first.mid), vp.x(last.mid), None, count=n)
            g.pill = pill_width(g, count_px)
        if g is not None:
            prev = glyphs[-1] if glyphs else None
            if prev is not None and glyph_extent(g)[0] < glyph_extent(prev)[1] + 2.0:
                prev.item = None
                prev.members = None
                prev.count += g.count
                prev.x1 = g.x1
                prev.pill = pill_width(prev, count_px)
            else:
                glyphs.append(g)
        a = b
        x += BUCKET_PX
    return glyphs


# Arrows for "before"/"after" reach this far from the known edge.
ARROW_PX = 28.0


def glyph_extent(g: Glyph) -> tuple[float, float]:
    """The pixels a glyph's mark covers, arrows and cluster badges included."""
    if g.item is not None and g.item.shape is Shape.BEFORE:
        return g.x0 - ARROW_PX, g.x1
    if g.item is not None and g.item.shape is Shape.AFTER:
        return g.x0, g.x1 + ARROW_PX
    if g.is_cluster:
        half = (g.pill or max(g.x1 - g.x0 + 10.0, 18.0)) / 2.0
        xc = (g.x0 + g.x1) / 2.0
        return xc - half, xc + half
    if g.item is not None and g.item.shape is Shape.AROUND and g.x1 - g.x0 >= POINT_PX:
        soft = soft_edge(g.x1 - g.x0)
        return g.x0 - soft, g.x1 + soft
    return g.x0 - POINT_PX / 2, g.x1 + POINT_PX / 2


def soft_edge(width: float) -> float:
    """How far an approximate date's bar fades out beyond its bounds, in pixels."""
    return max(6.0, width * 0.35)


def _pack_rows(
    glyphs: list[Glyph],
    width: float,
    label_px: Callable[[TimelineItem], float],
    count_px: Callable[[int], float],
) -> list[Glyph]:
    # Greedy interval packing: each mark takes the first row that is free at its left edge,
    # reserving room for its label; the label is then cut to the room before the next mark
    # of the same row. A short mark that would cover a short mark in every row joins it in
    # a cluster instead: piles of bars are neither legible nor cheap to paint.
    row_end = [-math.inf] * LANE_ROWS  # where the last mark's label ends
    mark_end = [-math.inf] * LANE_ROWS  # where the last mark ends
    labelled: list[Glyph | None] = [None] * LANE_ROWS
    tail: list[Glyph | None] = [None] * LANE_ROWS
    out: list[Glyph] = []
    for g in glyphs:
        left, right = glyph_extent(g)
        row = next((r for r in range(LANE_ROWS) if row_end[r] <= left), None)
        if row is None:
            row = next((r for r in range(LANE_ROWS) if mark_end[r] <= left), None)
        if row is None:
            row = min(range(LANE_ROWS), key=lambda r: mark_end[r])
            t = tail[row]
            if t is not None and _short(t) and _short(g):
                _merge(t, g, count_px)
                mark_end[row] = max(mark_end[row], glyph_extent(t)[1])
                row_end[row] = max(row_end[row], mark_end[row] + 2.0)
                if labelled[row] is t:
                    labelled[row] = None
                continue
        prev = labelled[row]
        if prev is not None and prev.label_room:
            prev.label_room = _room(prev, left)
        g.row = row
        tail[row] = g
        mark_end[row] = right
        out.append(g)
        inside = max(0.0, min(g.x1, width) - max(g.x0, 0.0) - 8.0)
        if g.item is not None and right + MIN_LABEL_PX > width and inside >= MIN_LABEL_PX:
            # The label would fall off the right edge: put it inside the visible bar.
            g.label_inside = True
            g.label_room = min(inside, label_px(g.item) + 4.0)
            row_end[row] = right + 2.0
            labelled[row] = None
            continue
        want = 0.0 if g.item is None else label_px(g.item) + 10.0
        g.label_room = want if want >= MIN_LABEL_PX else 0.0
        row_end[row] = right + (g.label_room or 2.0)
        labelled[row] = g
    for last in labelled:
        if last is not None and last.label_room:
            last.label_room = min(last.label_room, max(0.0, width + 400.0 - glyph_extent(last)[1]))
    return out


# A mark shorter than this may be merged into a cluster when it would cover another.
MERGE_PX = 48.0


def _short(g: Glyph) -> bool:
    return g.is_cluster or (
        g.x1 - g.x0 < MERGE_PX and g.item is not None and g.item.shape not in _ARROWS
    )


_ARROWS = (Shape.BEFORE, Shape.AFTER)


def _merge(into: Glyph, g: Glyph, count_px: Callable[[int], float]) -> None:
    members: list[TimelineItem] = list(into.members or ([into.item] if into.item else []))
    members.extend(g.members or ([g.item] if g.item else []))
    into.members = members
    into.item = None
    into.count += g.count
    into.x0 = min(into.x0, g.x0)
    into.x1 = max(into.x1, g.x1)
    into.label_room = 0.0
    into.label_inside = False
    into.pill = pill_width(into, count_px)


def _room(g: Glyph, next_left: float) -> float:
    room = min(g.label_room, next_left - glyph_extent(g)[1] - 6.0)
    return room if room >= MIN_LABEL_PX else 0.0
