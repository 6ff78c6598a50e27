"""The timeline plot: a QWidget that paints lanes, the time axis and event marks with QPainter.

It paints only what is visible: `layout.layout_lane` bisects each visible lane for the
visible time range and aggregates dense lanes into counts, so a frame costs about the same
for a hundred events as for a hundred thousand. Uncertainty is drawn as `layout.Shape`
says: points for exact minutes, bars for days, months, years and ranges, soft edges for
approximate dates, arrows for "before"/"after". Deadlines take their urgency colour.

Vault text (titles, names) is painted with QPainter, which never interprets markup, and
shown in tooltips only through `plain_tooltip`. This widget never reads the vault itself:
`TimelineWidget` hands it items and lanes.

Long (about 1,200 lines) on purpose: painting, hit-testing, zoom and keyboard navigation
share one set of visible-range state and caches, redrawn at 60 frames a second; the
Qt-free geometry they all rely on is already apart in `layout`.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QMenu, QPinchGesture, QScrollBar, QToolTip, QWidget

from satchel.core.model import EventType, Urgency
from satchel.gui.common.plaintext import plain_tooltip
from satchel.gui.timeline.layout import (
    ARROW_PX,
    LANE_ROWS,
    MIN_SPP,
    POINT_PX,
    Glyph,
    Lane,
    Shape,
    Tick,
    TickScale,
    TimelineItem,
    Viewport,
    glyph_extent,
    layout_lane,
    soft_edge,
    tick_scale,
    ticks,
)
from satchel.gui.timeline.scene import FIT_LATEST, Scene
from satchel.i18n import format_fuzzy
from satchel.labels import event_type_label, fact_status_label

__all__ = [
    "AXIS_H",
    "LANE_H",
    "LEFT_W",
    "TYPE_COLOURS",
    "URGENCY_COLOURS",
    "TimelineView",
    "format_tick",
    "plural",
    "summary_text",
    "urgency_text",
]

_tr = QCoreApplication.translate

AXIS_H = 46.0
# The strip under the axis that names the periods drawn as bands (one or two rows).
BAND_ROW_H = 18.0
LEFT_W = 168.0
ROW_H = 22.0
LANE_PAD = 5.0
LANE_H = LANE_ROWS * ROW_H + 2 * LANE_PAD
MARK_H = 10.0
# One wheel notch (120 units) zooms by this factor; pinches and touchpads scale smoothly.
WHEEL_ZOOM = 1.25
KEY_PAN_FRACTION = 0.1

URGENCY_COLOURS: dict[Urgency, str] = {
    Urgency.OVERDUE: "#c62828",
    Urgency.WITHIN_3_DAYS: "#ef6c00",
    Urgency.WITHIN_14_DAYS: "#c79100",
    Urgency.LATER: "#2e7d32",
    Urgency.DONE: "#8a8f98",
}

# Colour-blind-safe-ish hues per type, distinct enough in both palettes.
TYPE_COLOURS: dict[EventType, str] = {
    EventType.CRIMINAL_CASE_OPENED: "#880e4f",
    EventType.WANTED_NOTICE: "#bf360c",
    EventType.ARREST_IN_ABSENTIA: "#c62828",
    EventType.ARREST: "#b71c1c",
    EventType.DETENTION: "#6d4c41",
    EventType.HEARING: "#1565c0",
    EventType.FILING: "#00838f",
    EventType.DECISION: "#6a1b9a",
    EventType.APPEAL: "#ad1457",
    EventType.DEADLINE: "#e65100",
    EventType.EXTRADITION_REQUEST: "#4e342e",
    EventType.ASYLUM_APPLICATION: "#2e7d32",
    EventType.DEPORTATION: "#37474f",
    EventType.RELEASE: "#558b2f",
    EventType.MEETING: "#0277bd",
    EventType.COMMUNICATION: "#00695c",
    EventType.TRAVEL: "#5d4037",
    EventType.OTHER: "#546e7a",
}


def plural(context: str, source: str, disambiguation: str, n: int) -> str:
    """`tr` with a count; English (the source language, no translator) gets its plural too.

    Takes QCoreApplication.translate's four arguments so that lupdate, told that `plural`
    is an alias of `translate` (`make ts`), extracts the call as a numerus message.

    Sources are written "%n day(s)": a translation replaces the whole phrase, and without
    one the "(s)" is resolved here, so an English user never reads "1 day(s)".
    """
    text = _tr(context, source, disambiguation, n)
    return text.replace("(s)", "" if abs(n) == 1 else "s")


def urgency_text(item: TimelineItem) -> str:
    """'3 days left', 'overdue by 2 days', 'due today', 'done' for a deadline; '' otherwise."""
    if item.urgency is None:
        return ""
    if item.urgency is Urgency.DONE:
        return _tr("Timeline", "done")
    left = item.days_left
    if left is None:
        return ""
    if left < 0:
        return plural("Timeline", "overdue by %n day(s)", "", -left)
    if left == 0:
        return _tr("Timeline", "due today")
    return plural("Timeline", "%n day(s) left", "", left)


@dataclass(frozen=True, slots=True)
class _Style:
    """Pens and brushes of one mark colour, made once (QColor/QPen per mark are costly)."""

    colour: QColor
    pen: QPen
    dashed: QPen
    light: QColor
    soft: QColor
    hatch: QBrush


_WHITE = QColor("#ffffff")


def _mix(front: QColor, back: QColor, amount: float) -> QColor:
    """`front` laid over `back` at `amount` opacity, as one opaque colour."""
    return QColor.fromRgbF(
        front.redF() * amount + back.redF() * (1 - amount),
        front.greenF() * amount + back.greenF() * (1 - amount),
        front.blueF() * amount + back.blueF() * (1 - amount),
    )


@dataclass(slots=True)
class _Hit:
    rect: QRectF
    glyph: Glyph


class TimelineView(QWidget):
    """Paints lanes of event marks over a zoomable, pannable time axis.

    Signals: `event_selected(id)` when a mark is chosen by click or keyboard,
    `event_activated(id)` on double-click or Enter, `range_changed(t0, t1)` after any
    zoom or pan (seconds since the epoch, UTC).
    """

    event_selected = Signal(str)
    event_activated = Signal(str)
    range_changed = Signal(float, float)

    def __init__(
        self,
        parent: QWidget | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setMinimumSize(QSize(420, 200))
        self.setAccessibleName(_tr("Timeline", "Timeline"))
        self._vscroll = QScrollBar(Qt.Orientation.Vertical, self)
        self._vscroll.valueChanged.connect(self._on_vscroll)
        self._lanes: list[Lane] = []
        self._bands: list[TimelineItem] = []
        self._latest: list[TimelineItem] = []  # the events that end last, latest first
        # Bands in view: (x0, x1, strip row or -1 when unnamed, item), and label widths.
        self._band_rows: list[tuple[float, float, int, TimelineItem]] = []
        self._band_label_w: dict[str, float] = {}
        self._band_strip_rows = 0
        self._order: list[TimelineItem] = []
        self._by_id: dict[str, TimelineItem] = {}
        self._rank: dict[str, int] = {}  # position in chronological order
        self._lane_colour: Callable[[Lane], QColor] = lambda _lane: QColor("#546e7a")
        self._vp = Viewport(t0=self._now().timestamp() - 180 * 86400.0, spp=86400.0 / 2, width=600)
        self._selected: str | None = None
        self._hover: str | None = None
        self._frame: list[list[Glyph]] | None = None
        self._frame_lanes: range = range(0)
        self._hits: list[_Hit] = []
        self._press: QPointF | None = None
        self._dragged = False
        self._label_cache: dict[str, float] = {}
        self._elided: dict[tuple[str, int], str] = {}
        self._styles: dict[str, _Style] = {}
        self._fonts: dict[tuple[bool, bool], tuple[QFont, QFontMetricsF]] = {}
        self._counts: dict[int, str] = {}  # cluster counts in the locale's digits
        self._count_widths: dict[int, float] = {}
        # Text that is the same from frame to frame while panning: tick labels (by instant,
        # scale and room) and lane names elided to the name column. Cleared with the font,
        # the language or the data.
        self._tick_labels: dict[tuple[float, str, int, bool, bool, bool], str] = {}
        self._tick_px: dict[str, float] = {}  # widths of major tick labels (bold)
        self._lane_names: dict[str, tuple[list[str], str]] = {}
        self._empty_text = ""
        self._fitted_once = False
        self._fit_pending = False
        # Set when the user zooms or pans, so a late "fit all" never yanks the view away.
        self.user_moved = False
        self._sync_geometry()

    # -- data -----------------------------------------------------------------------------

    def set_lanes(
        self,
        lanes: Sequence[Lane],
        order: Sequence[TimelineItem],
        lane_colour: Callable[[Lane], QColor] | None = None,
        bands: Sequence[TimelineItem] = (),
    ) -> None:
        """Show `lanes`; `order` is every dated item in chronological order (keyboard moves)."""
        order = list(order)
        self._show(
            list(lanes),
            order,
            {it.id: it for it in order},
            {it.id: i for i, it in enumerate(order)},
            list(bands),
            lane_colour,
        )

    def set_scene(self, scene: Scene, lane_colour: Callable[[Lane], QColor] | None = None) -> None:
        """Show a scene made elsewhere (`scene.build_scene`): nothing is recomputed here, so
        handing over 200,000 events costs the GUI thread nothing."""
        self._show(scene.lanes, scene.dated, scene.by_id, scene.rank, scene.bands, lane_colour)
        self._latest = scene.latest

    def _show(
        self,
        lanes: list[Lane],
        order: list[TimelineItem],
        by_id: dict[str, TimelineItem],
        rank: dict[str, int],
        bands: list[TimelineItem],
        lane_colour: Callable[[Lane], QColor] | None,
    ) -> None:
        self._lanes = lanes
        self._order = order
        self._latest = []
        self._by_id = by_id
        self._rank = rank
        self._bands = bands
        if lane_colour is not None:
            self._lane_colour = lane_colour
        self._label_cache.clear()
        self._elided.clear()
        self._lane_names.clear()
        if self._selected not in self._by_id:
            self._selected = None
        if self._hover not in self._by_id:
            self._hover = None
        self._sync_geometry()
        if not self._fitted_once and self._order:
            # Fit once the widget has its real width; before it is shown that is a guess.
            self._fitted_once = True
            self._fit_pending = True
            self.fit_all()
        self._invalidate()

    def clear(self) -> None:
        """Drop every item and label (the lock calls this): nothing of the vault stays."""
        self._lanes = []
        self._bands = []
        self._latest = []
        self._band_rows = []
        self._order = []
        self._by_id = {}
        self._rank = {}
        self._selected = None
        self.setAccessibleDescription("")
        self._hover = None
        self._hits = []
        self._frame = None
        self._label_cache.clear()
        self._elided.clear()
        self._lane_names.clear()
        self._tick_labels.clear()
        self._tick_px.clear()
        self._fitted_once = False
        self._fit_pending = False
        QToolTip.hideText()
        self._sync_geometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    @property
    def lanes(self) -> list[Lane]:
        return self._lanes

    @property
    def fitted(self) -> bool:
        """Whether the view has been fitted to its events since it was last cleared."""
        return self._fitted_once

    # -- the visible range -----------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        """Where marks are drawn, in widget coordinates (below the axis, right of the labels)."""
        sb = self._vscroll.width() if self._vscroll.isVisible() else 0
        top = self._plot_top()
        return QRectF(LEFT_W, top, max(1.0, self.width() - LEFT_W - sb), self.height() - top)

    def _plot_top(self) -> float:
        """Where the lanes begin: under the axis and, if any period is a band, its strip."""
        return AXIS_H + BAND_ROW_H * self._band_strip_rows

    def band_rect(self, event_id: str) -> QRectF | None:
        """Where the band of period `event_id` is drawn now (its name strip and its shade
        down the plot), or None when it is not a band or not in view."""
        self._ensure_frame()
        plot = self.plot_rect()
        for x0, x1, _row, it in self._band_rows:
            if it.id == event_id:
                return QRectF(plot.left() + x0, AXIS_H, x1 - x0, self.height() - AXIS_H)
        return None

    def band_label_rect(self, event_id: str) -> QRectF | None:
        """Where the name of band `event_id` is written in the strip (None if not drawn)."""
        self._ensure_frame()
        for x0, _x1, row, it in self._band_rows:
            if it.id == event_id and row >= 0:
                plot = self.plot_rect()
                width = self._band_label_w.get(it.id, 0.0)
                left = plot.left() + max(x0, 0.0) + 4
                return QRectF(left, AXIS_H + row * BAND_ROW_H, width, BAND_ROW_H)
        return None

    def visible_range(self) -> tuple[float, float]:
        """The shown time range, seconds since the epoch (UTC)."""
        return self._vp.t0, self._vp.t1

    def seconds_per_pixel(self) -> float:
        return self._vp.spp

    def x_for_time(self, t: float) -> float:
        """The widget x coordinate of instant `t` (seconds since the epoch, UTC)."""
        return self.plot_rect().left() + self._vp.x(t)

    def time_at_x(self, x: float) -> float:
        return self._vp.t(x - self.plot_rect().left())

    def set_visible_range(self, t0: float, t1: float) -> None:
        self._vp.fit(t0, t1, margin=0.0)
        self._changed_range()

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by `factor` (<1 zooms in) around widget x `anchor_x` (default: the centre)."""
        plot = self.plot_rect()
        ax = plot.width() / 2 if anchor_x is None else anchor_x - plot.left()
        self._vp.zoom(factor, ax)
        self._changed_range()

    def user_zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """`zoom_by` on the user's behalf (a wheel, a pinch, a key, a button)."""
        self.user_moved = True
        self.zoom_by(factor, anchor_x)

    def user_pan(self, dx: float) -> None:
        self.user_moved = True
        self.pan_by(dx)

    def pan_by(self, dx: float) -> None:
        """Pan by `dx` pixels (positive shows later times)."""
        self._vp.pan(dx)
        self._changed_range()

    def fit_all(self) -> None:
        """Show every dated event, arrows and soft edges included, with room on the right
        for the labels of the latest ones: usually the decision and the deadline, which
        are what a lawyer looks for and must not be cut at the edge."""
        if not self._order:
            self.go_today()
            return
        self._sync_geometry()
        lo = self._order[0].lo  # honest order starts with the earliest start
        latest = self._latest or heapq.nlargest(FIT_LATEST, self._order, key=lambda it: it.hi)
        hi = latest[0].hi
        left = 12.0 + (ARROW_PX if self._order[0].shape is Shape.BEFORE else POINT_PX)
        span = max(hi - lo, 1.0)
        plot_w = max(self.plot_rect().width(), 1.0)
        right = 12.0
        for it in latest:
            # How far right of the last instant this mark and its label reach, if the
            # scale were set by the range alone; the widest of the latest few decides.
            behind = (hi - it.hi) / span * plot_w
            reach = self._label_px(it) + 14.0 + (ARROW_PX if it.shape is Shape.AFTER else 8.0)
            right = max(right, reach - behind)
        self._vp.fit_px(lo, hi, left, right)
        self._changed_range()

    def go_today(self) -> None:
        """Centre on now, at a scale where the coming weeks are readable."""
        if self._vp.spp > 86400.0:
            self._vp.spp = 86400.0 / 3
        self._vp.center_on(self._now().timestamp())
        self._changed_range()

    def _changed_range(self) -> None:
        self._invalidate()
        self.range_changed.emit(self._vp.t0, self._vp.t1)

    # -- selection ------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        return self._selected

    def select_event(
        self, event_id: str | None, *, reveal: bool = True, notify: bool = False
    ) -> None:
        """Select the mark of `event_id` (None clears), scrolling it into view if asked."""
        if event_id is not None and event_id not in self._by_id:
            event_id = None
        changed = event_id != self._selected
        self._selected = event_id
        # Screen readers cannot see painted marks: the selection is described in words.
        self.setAccessibleDescription(summary_text(self._by_id[event_id]) if event_id else "")
        if event_id is not None and reveal:
            self.reveal(event_id)
        self.update()
        if changed and notify and event_id is not None:
            self.event_selected.emit(event_id)

    def reveal(self, event_id: str) -> None:
        """Pan (and scroll lanes) so the mark of `event_id` is on screen."""
        it = self._by_id.get(event_id)
        if it is None:
            return
        plot = self.plot_rect()
        x0, x1 = self._vp.x(it.lo), self._vp.x(it.hi)
        if x1 < 20 or x0 > plot.width() - 20:
            self._vp.center_on(it.mid)
            self._changed_range()
        for i, lane in enumerate(self._lanes):
            if any(m.id == event_id for m in lane.index.visible(it.lo, it.hi)):
                top = i * LANE_H
                if (
                    top < self._vscroll.value()
                    or top + LANE_H > self._vscroll.value() + plot.height()
                ):
                    self._vscroll.setValue(int(top))
                break

    def mark_rect(self, event_id: str) -> QRectF | None:
        """Where the mark of `event_id` is drawn now (its honest extent, without label)."""
        self._ensure_frame()
        for hit in self._hits:
            g = hit.glyph
            if g.item is not None and g.item.id == event_id:
                return self._glyph_rect(g, hit.rect)
        return None

    def cluster_at(self, event_id: str) -> int:
        """How many events share a cluster with `event_id` now (0 if not in a cluster)."""
        self._ensure_frame()
        for hit in self._hits:
            g = hit.glyph
            if g.members and any(m.id == event_id for m in g.members):
                return g.count
        return 0

    def label_shown(self, event_id: str) -> str:
        """The label written beside the mark of `event_id` now, as painted (elided to its
        room); "" when its mark carries no label or is not in view."""
        self._ensure_frame()
        for hit in self._hits:
            g = hit.glyph
            if g.item is not None and g.item.id == event_id and g.label_room > 0:
                _font, fm = self._font(g.item.event.key_fact, g.item.disputed)
                room = int(g.label_room) // 8 * 8
                return fm.elidedText(self._label_text(g.item), Qt.TextElideMode.ElideRight, room)
        return ""

    def cluster_badges(self) -> list[QRectF]:
        """Where each cluster's count badge is painted now, in widget coordinates."""
        self._ensure_frame()
        plot = self.plot_rect()
        badges = []
        for hit in self._hits:
            g = hit.glyph
            if g.is_cluster:
                w = g.pill or max(self._count_px(g.count) + 10, g.x1 - g.x0 + 10, 18.0)
                xc = plot.left() + (g.x0 + g.x1) / 2
                badges.append(QRectF(xc - w / 2, hit.rect.center().y() - 8, w, 16))
        return badges

    def glyph_at(self, pos: QPointF) -> Glyph | None:
        self._ensure_frame()
        best: tuple[float, Glyph] | None = None
        for hit in self._hits:
            r = hit.rect.adjusted(-3, -4, 3, 4)
            if r.contains(pos):
                d = abs(r.center().x() - pos.x())
                if best is None or d < best[0]:
                    best = (d, hit.glyph)
        return None if best is None else best[1]

    # -- geometry ------------------------------------------------------------------------

    def _sync_geometry(self) -> None:
        sbw = self._vscroll.sizeHint().width()
        content = len(self._lanes) * LANE_H
        self._band_strip_rows = _strip_rows(self._bands)
        top = self._plot_top()
        visible_h = self.height() - top
        need = content > visible_h
        self._vscroll.setVisible(need)
        self._vscroll.setGeometry(int(self.width() - sbw), int(top), sbw, int(max(0, visible_h)))
        self._vscroll.setRange(0, int(max(0, content - visible_h)))
        self._vscroll.setPageStep(int(max(1, visible_h)))
        self._vscroll.setSingleStep(int(LANE_H))
        self._vp.width = self.plot_rect().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Keep the time at the left edge; a wider window shows more of what follows.
        self._sync_geometry()
        if self._fit_pending and self.isVisible():
            self._fit_pending = False
            self.fit_all()
        self._invalidate()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._styles.clear()  # mark colours follow light or dark
            self.update()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            # Label widths and elisions were measured with the old font or words.
            self._fonts.clear()
            self._counts.clear()
            self._count_widths.clear()
            self._tick_labels.clear()
            self._tick_px.clear()
            self._lane_names.clear()
            self._label_cache.clear()
            self._elided.clear()
            self._invalidate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self._sync_geometry()
            self.fit_all()

    def _on_vscroll(self, _value: int) -> None:
        self._invalidate()

    def _invalidate(self) -> None:
        self._frame = None
        self.update()

    def _visible_lane_range(self) -> range:
        plot = self.plot_rect()
        top = self._vscroll.value() if self._vscroll.isVisible() else 0
        first = max(0, int(top // LANE_H))
        last = min(len(self._lanes), int((top + plot.height()) // LANE_H) + 1)
        return range(first, last)

    def _lane_top(self, i: int) -> float:
        top = self._vscroll.value() if self._vscroll.isVisible() else 0
        return self._plot_top() + i * LANE_H - top

    def _label_px(self, item: TimelineItem) -> float:
        px = self._label_cache.get(item.id)
        if px is None:
            _font, fm = self._font(item.event.key_fact, item.disputed)
            px = fm.horizontalAdvance(self._label_text(item))
            self._label_cache[item.id] = px
        return px

    @staticmethod
    def _label_text(item: TimelineItem) -> str:
        extra = urgency_text(item)
        title = item.event.title
        return f"{title} · {extra}" if extra else title

    def _ensure_frame(self) -> None:
        if self._frame is not None:
            return
        plot = self.plot_rect()
        self._vp.width = plot.width()
        lanes = self._visible_lane_range()
        frame: list[list[Glyph]] = []
        hits: list[_Hit] = []
        self._layout_bands(plot.width())
        for i in lanes:
            glyphs = layout_lane(
                self._lanes[i], self._vp, plot.width(), self._label_px, self._count_px
            )
            frame.append(glyphs)
            top = self._lane_top(i)
            for g in glyphs:
                left, right = glyph_extent(g)
                cy = top + LANE_PAD + g.row * ROW_H + ROW_H / 2
                rect = QRectF(plot.left() + left, cy - MARK_H / 2 - 2, right - left, MARK_H + 4)
                hits.append(_Hit(rect, g))
        self._frame = frame
        self._frame_lanes = lanes
        self._hits = hits

    def _count_px(self, n: int) -> float:
        px = self._count_widths.get(n)
        if px is None:
            label = self._counts.get(n)
            if label is None:
                label = self._counts[n] = QLocale().toString(n)
            px = self._count_widths[n] = self._font(False, False)[1].horizontalAdvance(label)
        return px

    def _layout_bands(self, width: float) -> None:
        """Which bands are in view, and which strip row names each (greedy, left to right;
        a name that would run into another's is not written: its band is still shaded and
        its tooltip names it)."""
        rows: list[tuple[float, float, int, TimelineItem]] = []
        row_end = [-math.inf] * self._band_strip_rows
        for it in self._bands:
            x0, x1 = self._vp.x(it.lo), self._vp.x(it.hi)
            if x1 < 0 or x0 > width:
                continue
            left, right = max(x0, 0.0), min(x1, width)
            row = next((r for r, end in enumerate(row_end) if end <= left), -1)
            if row >= 0:
                row_end[row] = right + 2.0
                room = right - left - 8.0
                want = self._band_px(it)
                self._band_label_w[it.id] = min(want, room) if room >= MIN_BAND_LABEL_PX else 0.0
            rows.append((x0, x1, row, it))
        self._band_rows = rows

    def _band_px(self, it: TimelineItem) -> float:
        return self._font(False, False)[1].horizontalAdvance(it.event.title)

    def lane_at(self, pos: QPointF) -> Lane | None:
        """The lane whose name is under `pos` (in the name column), else None."""
        if pos.x() >= LEFT_W or pos.y() < self._plot_top():
            return None
        top = self._vscroll.value() if self._vscroll.isVisible() else 0
        i = int((pos.y() - self._plot_top() + top) // LANE_H)
        return self._lanes[i] if 0 <= i < len(self._lanes) else None

    def band_at(self, pos: QPointF) -> TimelineItem | None:
        """The period whose name strip is under `pos` (None elsewhere)."""
        if not AXIS_H <= pos.y() < self._plot_top():
            return None
        self._ensure_frame()
        plot = self.plot_rect()
        row = int((pos.y() - AXIS_H) // BAND_ROW_H)
        for x0, x1, r, it in self._band_rows:
            if r == row and plot.left() + x0 <= pos.x() <= plot.left() + x1:
                return it
        return None

    def _glyph_rect(self, g: Glyph, hit_rect: QRectF) -> QRectF:
        plot = self.plot_rect()
        cy = hit_rect.center().y()
        return QRectF(plot.left() + g.x0, cy - MARK_H / 2, g.x1 - g.x0, MARK_H)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_frame()
        assert self._frame is not None
        p = QPainter(self)
        try:
            # Antialiasing only where it shows (diamonds, flags, arrows, pills): on long grid
            # lines and bars it costs most of a frame and changes nothing visible.
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pal = self.palette()
            base, alt = pal.base().color(), pal.alternateBase().color()
            text = pal.text().color()
            # Lines and secondary text in opaque mixes of text and background: a colour
            # with alpha makes the raster engine blend every pixel, ten times slower.
            muted = _mix(text, base, 0.55)
            grid = _mix(text, base, 0.08)
            plot = self.plot_rect()
            # Only the plot: the axis, the band strip and the name column paint their own
            # background, and every other lane is a stripe on the plot's. Filling the whole
            # widget and each lane across it painted most pixels three times a frame.
            p.fillRect(plot, base)
            minor, major = tick_scale(self._vp.spp, self._min_tick_px())
            minor_ticks = ticks(self._vp.t0, self._vp.t1, minor)
            major_ticks = ticks(self._vp.t0, self._vp.t1, major) if major else []
            for i in self._frame_lanes:
                if i % 2:
                    p.fillRect(QRectF(plot.left(), self._lane_top(i), plot.width(), LANE_H), alt)
            # Periods as bands under the grid and the marks.
            p.save()
            p.setClipRect(plot)
            self._paint_band_shades(p, plot)
            p.setPen(QPen(grid, 1))
            for tk in minor_ticks:
                x = plot.left() + self._vp.x(tk.t)
                p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(QPen(_mix(text, base, 0.2), 1))
            for tk in major_ticks:
                x = plot.left() + self._vp.x(tk.t)
                p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            self._paint_today(p, plot)
            for glyphs, i in zip(self._frame, self._frame_lanes, strict=True):
                self._paint_lane(p, plot, self._lanes[i], glyphs, i, text)
            p.restore()
            self._paint_lane_names(p, text, _mix(text, pal.window().color(), 0.55))
            self._paint_band_strip(p, plot, text)
            self._paint_axis(p, plot, minor_ticks, major_ticks, text, muted)
            if not self._lanes and self._empty_text:
                p.setPen(muted)
                p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self._empty_text)
            if self.hasFocus():
                focus = QColor(pal.highlight().color())
                focus.setAlphaF(0.6)
                p.setPen(QPen(focus, 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            p.end()

    def _band_colour(self, it: TimelineItem) -> QColor:
        return self._style(TYPE_COLOURS.get(it.event.event_type, "#546e7a")).colour

    def _paint_band_shades(self, p: QPainter, plot: QRectF) -> None:
        # Overlapping periods of one colour are shaded as their union: the cost of a frame
        # stays bounded by the width, however many periods there are (hundreds across all
        # cases), and overlaps do not darken into false emphasis.
        dark = self.palette().base().color().lightness() < 128
        spans: dict[str, list[list[float]]] = {}
        for x0, x1, _row, it in self._band_rows:
            left, right = max(x0, -2.0), min(x1, plot.width() + 2)
            runs = spans.setdefault(self._band_colour(it).name(), [])
            if runs and left <= runs[-1][1] + 1.0:
                runs[-1][1] = max(runs[-1][1], right)
            else:
                runs.append([left, right])
        edges = len(self._band_rows) <= _BAND_EDGES_MAX
        for name, runs in spans.items():
            shade = QColor(name)
            shade.setAlphaF(0.16 if dark else 0.10)
            edge = QColor(name)
            edge.setAlphaF(0.45)
            for left, right in runs:
                p.fillRect(
                    QRectF(plot.left() + left, plot.top(), right - left, plot.height()), shade
                )
                if edges:
                    p.setPen(QPen(edge, 1, Qt.PenStyle.DashLine))
                    for x in (plot.left() + left, plot.left() + right):
                        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _paint_band_strip(self, p: QPainter, plot: QRectF, text: QColor) -> None:
        if not self._band_strip_rows:
            return
        strip = QRectF(plot.left(), AXIS_H, plot.width(), BAND_ROW_H * self._band_strip_rows)
        # Across the whole width: above a lane scroll bar too (nothing else paints there).
        p.fillRect(strip.adjusted(0, 0, self.width() - plot.right(), 0), self.palette().window())
        p.save()
        p.setClipRect(strip)
        font, fm = self._font(False, False)
        p.setFont(font)
        for x0, x1, row, it in self._band_rows:
            if row < 0 or x1 - x0 < 2.0:
                continue
            left, right = plot.left() + max(x0, -2.0), plot.left() + min(x1, plot.width() + 2)
            rect = QRectF(left, AXIS_H + row * BAND_ROW_H + 2, right - left, BAND_ROW_H - 4)
            fill = QColor(self._band_colour(it))
            fill.setAlphaF(0.35)
            p.fillRect(rect, fill)
            if it.id == self._selected:
                p.setPen(QPen(self.palette().highlight().color(), 2))
                p.drawRect(rect.adjusted(1, 1, -1, -1))
            room = self._band_label_w.get(it.id, 0.0)
            if room > 0:
                label = fm.elidedText(it.event.title, Qt.TextElideMode.ElideRight, room)
                p.setPen(text)
                baseline = rect.center().y() + fm.ascent() / 2 - 1
                p.drawText(QPointF(plot.left() + max(x0, 0.0) + 4, baseline), label)
        p.restore()

    def _min_tick_px(self) -> float:
        return QFontMetricsF(self.font()).horizontalAdvance("00:00") * 2.0 + 12

    def _paint_today(self, p: QPainter, plot: QRectF) -> None:
        x = plot.left() + self._vp.x(self._now().timestamp())
        if plot.left() <= x <= plot.right():
            pen = QPen(QColor(URGENCY_COLOURS[Urgency.OVERDUE]), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, AXIS_H), QPointF(x, plot.bottom()))  # through the bands too

    def _paint_lane_names(self, p: QPainter, text: QColor, muted: QColor) -> None:
        pal = self.palette()
        p.fillRect(QRectF(0, AXIS_H, LEFT_W, self.height() - AXIS_H), pal.window())
        if self._band_strip_rows:
            p.setPen(muted)
            p.drawText(
                QRectF(10, AXIS_H, LEFT_W - 14, BAND_ROW_H * self._band_strip_rows),
                Qt.AlignmentFlag.AlignVCenter,
                _tr("Timeline", "Periods"),
            )
        fm = QFontMetricsF(self.font())
        p.save()
        p.setClipRect(QRectF(0, self._plot_top(), LEFT_W, self.height()))
        for i in self._frame_lanes:
            lane = self._lanes[i]
            top = self._lane_top(i)
            if top + LANE_H < self._plot_top():
                continue
            colour = self._lane_colour(lane)
            p.fillRect(QRectF(0, top + 6, 4, LANE_H - 12), colour)
            named = self._lane_names.get(lane.key)
            if named is None:
                named = self._lane_names[lane.key] = (
                    _name_lines(fm, lane.label, LEFT_W - 18),
                    QLocale().toString(len(lane.items)),
                )
            lines, count = named
            # One or two lines of name (a proceeding or a case title is often long; the
            # tooltip gives it whole), then the count, centred in the lane.
            step = fm.lineSpacing()
            y = top + (LANE_H - step * (len(lines) + 1)) / 2 + fm.ascent()
            p.setPen(text)
            for line in lines:
                p.drawText(QPointF(10, y), line)
                y += step
            p.setPen(muted)
            p.drawText(QPointF(10, y), count)
        p.restore()
        p.setPen(QPen(_mix(text, pal.window().color(), 0.2), 1))
        p.drawLine(QPointF(LEFT_W - 0.5, AXIS_H), QPointF(LEFT_W - 0.5, self.height()))

    def _paint_axis(
        self,
        p: QPainter,
        plot: QRectF,
        minor_ticks: list[Tick],
        major_ticks: list[Tick],
        text: QColor,
        muted: QColor,
    ) -> None:
        pal = self.palette()
        p.fillRect(QRectF(0, 0, self.width(), AXIS_H), pal.window())
        line = _mix(text, pal.window().color(), 0.25)
        p.setPen(QPen(line, 1))
        p.drawLine(QPointF(0, AXIS_H - 0.5), QPointF(self.width(), AXIS_H - 0.5))
        p.save()
        p.setClipRect(QRectF(plot.left(), 0, plot.width(), AXIS_H))
        locale = QLocale()
        bold, fm = self._font(True, False)
        # Major band: the larger unit, its label pinned to the left edge while it is visible.
        p.setFont(bold)
        p.setPen(text)
        major_baseline = 12 + (fm.ascent() - fm.descent()) / 2
        for n, tk in enumerate(major_ticks):
            x = plot.left() + self._vp.x(tk.t)
            nxt = (
                plot.left() + self._vp.x(major_ticks[n + 1].t)
                if n + 1 < len(major_ticks)
                else plot.right() + 400
            )
            lx = max(x, plot.left()) + 4
            label = self._tick_label(tk, locale, True, 200)
            # Never past the plot's right edge: a year cut to "20" says nothing.
            room = min(nxt, plot.right()) - lx - 4
            if self._text_px(fm, label) > room:
                # A period squeezed at the left edge: its year alone, or nothing rather
                # than a stub of dots.
                label = str(tk.when.year)
            if self._text_px(fm, label) <= room:
                p.drawText(QPointF(lx, major_baseline), label)
            p.setPen(QPen(line, 1))
            p.drawLine(QPointF(x, 2), QPointF(x, AXIS_H))
            p.setPen(text)
        font, fm = self._font(False, False)
        p.setFont(font)
        p.setPen(muted)
        minor_baseline = 22 + (AXIS_H - 24) / 2 + (fm.ascent() - fm.descent()) / 2
        for n, tk in enumerate(minor_ticks):
            x = plot.left() + self._vp.x(tk.t)
            nxt = (
                plot.left() + self._vp.x(minor_ticks[n + 1].t)
                if n + 1 < len(minor_ticks)
                else x + 200
            )
            p.drawLine(QPointF(x, AXIS_H - 6), QPointF(x, AXIS_H))
            if x + 3 < plot.left():
                continue  # its label would be cut by the left edge: a fragment says nothing
            label = self._tick_label(tk, locale, False, nxt - x)
            p.drawText(QPointF(x + 3, minor_baseline), label)
        p.restore()
        # Times are UTC (floating dates are anchored at UTC midnight); say so at hour scale.
        if minor_ticks and minor_ticks[0].scale.unit in ("minute", "hour"):
            p.setPen(muted)
            p.drawText(QRectF(8, 0, LEFT_W - 12, AXIS_H), Qt.AlignmentFlag.AlignVCenter, "UTC")

    def _tick_label(self, tk: Tick, locale: QLocale, major: bool, room: float) -> str:
        # format_tick only looks at the room to choose long or short names (90, 60 px).
        key = (tk.t, tk.scale.unit, tk.scale.count, major, room >= 90, room >= 60)
        label = self._tick_labels.get(key)
        if label is None:
            if len(self._tick_labels) > 4000:
                self._tick_labels.clear()
            label = format_tick(tk.when, tk.scale, locale, major=major, room=room)
            self._tick_labels[key] = label
        return label

    def _text_px(self, fm: QFontMetricsF, text: str) -> float:
        px = self._tick_px.get(text)
        if px is None:
            px = self._tick_px[text] = fm.horizontalAdvance(text)
        return px

    def _style(self, colour_name: str) -> _Style:
        style = self._styles.get(colour_name)
        if style is None:
            colour = QColor(colour_name)
            if self.palette().base().color().lightness() < 128:
                # On a dark background the deep type colours would sink: lift them.
                colour = colour.lighter(150)
            outline = colour.darker(130)
            light = QColor(colour)
            light.setAlphaF(0.3)
            soft = QColor(colour)
            soft.setAlphaF(0.6)
            # Whole-pixel pens: a 1.2 px outline sent every bar through the raster engine's
            # stroker, a quarter-millisecond a rectangle, more than all the rest of a mark.
            dashed = QPen(outline, 1, Qt.PenStyle.DashLine)
            style = _Style(
                colour,
                QPen(outline, 1),
                dashed,
                light,
                soft,
                QBrush(colour, Qt.BrushStyle.BDiagPattern),
            )
            self._styles[colour_name] = style
        return style

    def _font(self, bold: bool, italic: bool) -> tuple[QFont, QFontMetricsF]:
        key = (bold, italic)
        cached = self._fonts.get(key)
        if cached is None:
            font = QFont(self.font())
            font.setBold(bold)
            font.setItalic(italic)
            cached = (font, QFontMetricsF(font))
            self._fonts[key] = cached
        return cached

    def _paint_lane(
        self, p: QPainter, plot: QRectF, lane: Lane, glyphs: list[Glyph], i: int, text: QColor
    ) -> None:
        top = self._lane_top(i)
        lane_colour = self._lane_colour(lane)
        left = plot.left()
        for g in glyphs:
            cy = top + LANE_PAD + g.row * ROW_H + ROW_H / 2
            x0, x1 = left + g.x0, left + g.x1
            if g.is_cluster:
                self._paint_cluster(p, g, x0, x1, cy, lane_colour)
                continue
            it = g.item
            assert it is not None
            colour = (
                URGENCY_COLOURS[it.urgency]
                if it.urgency
                else TYPE_COLOURS.get(it.event.event_type, "#546e7a")
            )
            self._paint_mark(p, it, x0, x1, cy, self._style(colour))
            if it.id == self._selected:
                self._paint_selection(p, g, plot, cy)
            if g.label_room > 0:
                self._paint_label(p, plot, g, it, cy, text)

    def _paint_label(
        self, p: QPainter, plot: QRectF, g: Glyph, it: TimelineItem, cy: float, text: QColor
    ) -> None:
        font, fm = self._font(it.event.key_fact, it.disputed)
        room = g.label_room
        pen = text
        if g.label_inside:
            lx = plot.left() + max(g.x0, 0.0) + 4
            if it.shape is Shape.SPAN or it.urgency is not None:
                pen = _WHITE  # on a solid bar
        else:
            lx = plot.left() + glyph_extent(g)[1] + 5
        # Eliding is costly and a label's room changes little between frames: cache it by
        # the room rounded down to 8 px.
        key = (it.id, int(room) // 8)
        label = self._elided.get(key)
        if label is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            label = fm.elidedText(self._label_text(it), Qt.TextElideMode.ElideRight, key[1] * 8)
            self._elided[key] = label
        if not label:
            return
        p.setFont(font)
        p.setPen(pen)
        # A baseline point is much cheaper than a rectangle with alignment; the label is
        # already elided to its room.
        p.drawText(QPointF(lx, cy + (fm.ascent() - fm.descent()) / 2), label)

    def _paint_mark(
        self, p: QPainter, it: TimelineItem, x0: float, x1: float, cy: float, st: _Style
    ) -> None:
        h = MARK_H
        top = cy - h / 2
        pen = st.dashed if it.disputed else st.pen
        width = x1 - x0
        shape = it.shape
        if shape is Shape.BEFORE or shape is Shape.AFTER:
            self._paint_arrow(p, x0, cy, st.colour, pointing_left=shape is Shape.BEFORE)
            return
        if width < POINT_PX:
            xc = (x0 + x1) / 2
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(pen)
            if it.urgency is not None:
                # A deadline is a flag on its day.
                p.setBrush(st.colour)
                p.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(xc - 6, top - 1),
                            QPointF(xc + 6, top - 1),
                            QPointF(xc, top + h + 2),
                        ]
                    )
                )
            elif shape is Shape.AROUND:
                p.setBrush(st.soft)
                p.setPen(QPen(st.colour, 1, Qt.PenStyle.DotLine))
                p.drawEllipse(QPointF(xc, cy), h / 2 + 2, h / 2 + 2)
            elif shape is Shape.EXACT:
                p.setBrush(st.colour)
                p.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(xc, top - 1),
                            QPointF(xc + 6, cy),
                            QPointF(xc, top + h + 1),
                            QPointF(xc - 6, cy),
                        ]
                    )
                )
            elif shape is Shape.BETWEEN:
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(xc - 4, top, 8, h))
            else:
                p.setBrush(st.colour)
                p.drawRect(QRectF(xc - 4, top, 8, h))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            return
        # Bars are axis-aligned: drawn without antialiasing, which is much cheaper.
        rect = QRectF(x0, top, width, h)
        if it.urgency is not None:
            # A deadline's day (or month) in its urgency colour, solid so it reads at a glance.
            p.setPen(pen)
            p.setBrush(st.colour)
            p.drawRect(rect)
            return
        if shape is Shape.AROUND:
            # Approximate: full colour in the middle of the bounds, fading out past both edges.
            soft = soft_edge(width)
            outer = QRectF(x0 - soft, top, width + 2 * soft, h)
            grad = QLinearGradient(outer.left(), 0, outer.right(), 0)
            clear = QColor(st.colour)
            clear.setAlphaF(0.0)
            edge = soft / outer.width()
            grad.setColorAt(0.0, clear)
            grad.setColorAt(edge, st.soft)
            grad.setColorAt(1 - edge, st.soft)
            grad.setColorAt(1.0, clear)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(grad))
            p.drawRect(outer)
            return
        if shape is Shape.BETWEEN or shape is Shape.RANGE:
            # Once, somewhere in the range (a month, a year, or between two dates): outlined,
            # lightly filled, never a solid bar that would claim it lasted the whole time.
            p.setPen(pen)
            p.setBrush(st.light)
            p.drawRect(rect)
            if shape is Shape.BETWEEN:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(st.hatch)
                p.drawRect(rect)
            return
        # EXACT wider than a few pixels (a minute at hour scale) and SPAN: a solid bar.
        p.setPen(pen)
        p.setBrush(st.colour)
        p.drawRect(rect)

    def _paint_arrow(
        self, p: QPainter, x: float, cy: float, colour: QColor, *, pointing_left: bool
    ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        end = x - ARROW_PX if pointing_left else x + ARROW_PX
        grad = QLinearGradient(x, 0, end, 0)
        grad.setColorAt(0.0, colour)
        faded = QColor(colour)
        faded.setAlphaF(0.35)
        grad.setColorAt(1.0, faded)
        p.setPen(QPen(QBrush(grad), 2.2))
        p.drawLine(QPointF(x, cy), QPointF(end, cy))
        p.setPen(QPen(colour, 2.2))
        p.drawLine(QPointF(x, cy - MARK_H / 2 - 1), QPointF(x, cy + MARK_H / 2 + 1))
        d = 5.0 if pointing_left else -5.0
        path = QPainterPath()
        path.moveTo(end + d, cy - 4)
        path.lineTo(end, cy)
        path.lineTo(end + d, cy + 4)
        p.setPen(QPen(faded, 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_cluster(
        self, p: QPainter, g: Glyph, x0: float, x1: float, cy: float, colour: QColor
    ) -> None:
        label = self._counts.get(g.count)
        if label is None:
            label = QLocale().toString(g.count)
            self._counts[g.count] = label
        # The badge is exactly as wide as the layout reserved (`Glyph.pill`), so two badges
        # the layout kept apart never overlap on screen.
        w = g.pill or max(self._count_px(g.count) + 10, x1 - x0 + 10, 18.0)
        xc = (x0 + x1) / 2
        rect = QRectF(xc - w / 2, cy - 8, w, 16)
        st = self._style(colour.name())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(st.pen)
        p.setBrush(st.colour)
        p.drawRoundedRect(rect, 8, 8)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setFont(self.font())
        p.setPen(_WHITE)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_selection(self, p: QPainter, g: Glyph, plot: QRectF, cy: float) -> None:
        left, right = glyph_extent(g)
        ring = QRectF(plot.left() + left - 3, cy - MARK_H / 2 - 4, right - left + 6, MARK_H + 8)
        p.setPen(QPen(self.palette().highlight().color(), 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(ring, 5, 5)

    # -- input ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        t = event.type()
        if t == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            band = self.band_at(QPointF(event.pos()))
            if band is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(summary_text(band)), self)
                return True
            lane = self.lane_at(QPointF(event.pos()))
            if lane is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(lane.label), self)
                return True
            g = self.glyph_at(QPointF(event.pos()))
            if g is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), plain_tooltip(self._summary(g)), self)
            return True
        if t == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.user_zoom(1.0 / (1.0 + event.value()), event.position().x())
                return True
        if t == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                factor = pinch.scaleFactor()
                if factor > 0:
                    centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                    self.user_zoom(1.0 / factor, float(centre.x()))
                event.accept()
                return True
        return super().event(event)

    def _summary(self, g: Glyph) -> str:
        if g.is_cluster:
            lines = [plural("Timeline", "%n event(s) here — click to zoom in", "", g.count)]
            for m in (g.members or [])[:8]:
                lines.append(f"• {m.event.title}")
            if g.members and len(g.members) > 8:
                lines.append("…")
            return "\n".join(lines)
        it = g.item
        assert it is not None
        return summary_text(it)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        pixel = event.pixelDelta()
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ShiftModifier:
            self._vscroll.setValue(self._vscroll.value() - delta.y() // 2)
        elif pixel.x() and abs(pixel.x()) > abs(pixel.y()):
            self.user_pan(-pixel.x())  # two-finger sideways swipe on a touchpad
        elif delta.x() and abs(delta.x()) > abs(delta.y()):
            self.user_pan(-delta.x() / 2)
        elif delta.y():
            self.user_zoom(WHEEL_ZOOM ** (-delta.y() / 120.0), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            d = event.position() - self._press
            if self._dragged or abs(d.x()) + abs(d.y()) > 4:
                self._dragged = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.user_pan(-d.x())
                if self._vscroll.isVisible():
                    self._vscroll.setValue(int(self._vscroll.value() - d.y()))
                self._press = event.position()
            return
        g = self.glyph_at(event.position())
        hover = g.item.id if g is not None and g.item is not None else None
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if g is not None else Qt.CursorShape.ArrowCursor
        )
        self._hover = hover

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                self._click(event.position())
            self._press = None
            self._dragged = False
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        g = self.glyph_at(event.position())
        if g is not None and g.item is not None:
            self.select_event(g.item.id, reveal=False, notify=True)
            self.event_activated.emit(g.item.id)

    def _click(self, pos: QPointF) -> None:
        band = self.band_at(pos)
        if band is not None:
            self.select_event(band.id, reveal=False, notify=True)
            return
        g = self.glyph_at(pos)
        if g is None:
            return
        if g.item is not None:
            self.select_event(g.item.id, reveal=False, notify=True)
            return
        self._open_cluster(g, pos)

    def _open_cluster(self, g: Glyph, pos: QPointF) -> None:
        """Zoom into a cluster; at the finest zoom, list its members to choose from."""
        plot = self.plot_rect()
        members = g.members or []
        same_instant = bool(members) and len({m.lo for m in members}) == 1
        if self._vp.spp <= MIN_SPP * 1.01 or same_instant:
            menu = QMenu(self)
            for m in members[:40]:
                # QMenu reads "&" as a shortcut marker; doubling shows it literally.
                action = menu.addAction(m.event.title.replace("&", "&&"))
                action.setData(m.id)
            chosen = menu.exec(self.mapToGlobal(pos.toPoint()))
            if chosen is not None:
                self.select_event(str(chosen.data()), reveal=False, notify=True)
            return
        self.user_moved = True
        if members:
            # Show just the cluster's events, with room around them to part.
            self._vp.fit(min(m.lo for m in members), max(m.hi for m in members), margin=0.15)
            self._changed_range()
        else:
            # A count from a dense lane: its members are not laid out, so zoom in on it.
            self.zoom_by(0.25, plot.left() + (g.x0 + g.x1) / 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        plot = self.plot_rect()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.user_zoom(1 / WHEEL_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.user_zoom(WHEEL_ZOOM)
        elif (
            key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & Qt.KeyboardModifier.ShiftModifier
        ):
            step = plot.width() * KEY_PAN_FRACTION
            self.user_pan(-step if key == Qt.Key.Key_Left else step)
        elif key == Qt.Key.Key_Left:
            self.move_selection(-1)
        elif key == Qt.Key.Key_Right:
            self.move_selection(1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.user_pan(plot.width() * (-0.8 if key == Qt.Key.Key_PageUp else 0.8))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._vscroll.setValue(
                int(self._vscroll.value() + (LANE_H if key == Qt.Key.Key_Down else -LANE_H))
            )
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_T:
            self.go_today()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.event_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab walk through the events while the plot has focus; Ctrl+Tab
        # still leaves the widget (Qt's convention for widgets that consume Tab).
        if self.hasFocus() and self._order:
            self.move_selection(1 if next else -1)
            return True
        return super().focusNextPrevChild(next)

    def move_selection(self, step: int) -> None:
        """Select the next (`step` > 0) or previous event in chronological order."""
        if not self._order:
            return
        if self._selected in self._rank:
            i = self._rank[self._selected] + step
        else:
            i = 0 if step > 0 else len(self._order) - 1
        i = max(0, min(len(self._order) - 1, i))
        self.select_event(self._order[i].id, reveal=True, notify=True)

    def sizeHint(self) -> QSize:
        return QSize(900, int(self._plot_top() + 6 * LANE_H))


# The narrowest room worth writing a band's name into.
MIN_BAND_LABEL_PX = 30.0
# With more bands than this in view, their edges are not drawn (a comb of dashed lines).
_BAND_EDGES_MAX = 24


def _name_lines(fm: QFontMetricsF, name: str, width: float) -> list[str]:
    """A lane name in one line, or two when it does not fit (the second elided)."""
    if fm.horizontalAdvance(name) <= width:
        return [name]
    words = name.split()
    first = ""
    for n, word in enumerate(words):
        trial = f"{first} {word}".strip()
        if fm.horizontalAdvance(trial) > width:
            if not first:  # one long word: cut it
                return [fm.elidedText(name, Qt.TextElideMode.ElideRight, width)]
            rest = " ".join(words[n:])
            return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        first = trial
    return [first]


def _strip_rows(bands: Sequence[TimelineItem]) -> int:
    """Rows of the band strip: none without bands, two when some periods overlap."""
    if not bands:
        return 0
    end = -math.inf
    for it in sorted(bands, key=lambda b: b.lo):
        if it.lo < end:
            return 2
        end = max(end, it.hi)
    return 1


# -- text -------------------------------------------------------------------------------------


def format_tick(
    when: datetime, scale: TickScale, locale: QLocale, *, major: bool, room: float = 200
) -> str:
    """A tick label in the user's locale: month names from QLocale, 24-hour times."""
    qd = QDate(when.year, when.month, when.day)
    fmt = QLocale.FormatType.LongFormat if room >= 90 else QLocale.FormatType.ShortFormat
    if major:
        if scale.unit == "day":
            return (
                locale.toString(qd, "d MMMM yyyy")
                if locale.language() != QLocale.Language.English
                else locale.toString(qd, "ddd d MMMM yyyy")
            )
        if scale.unit == "month":
            month = locale.standaloneMonthName(when.month, QLocale.FormatType.LongFormat)
            # A heading: "Август 2025", though Russian writes month names in lower case.
            return f"{month[:1].upper()}{month[1:]} {when.year}"
        if scale.unit == "year" and scale.count >= 10:
            return f"{when.year}–{when.year + scale.count - 1}"
        return str(when.year)
    match scale.unit:
        case "minute" | "hour":
            return f"{when.hour:02d}:{when.minute:02d}"
        case "day":
            if scale.count == 7:
                return locale.toString(qd, "d MMM")
            if room >= 60:
                return locale.toString(qd, "ddd d")
            return str(when.day)
        case "month":
            return locale.standaloneMonthName(when.month, fmt)
        case "year":
            return str(when.year)
    return ""


def summary_text(item: TimelineItem) -> str:
    """The hover summary of one event, plain text (shown through `plain_tooltip`)."""
    ev = item.event
    lines = [ev.title, f"{format_fuzzy(ev.date)} · {event_type_label(ev.event_type)}"]
    extra = urgency_text(item)
    if extra:
        lines.append(extra)
    flags = []
    if ev.key_fact:
        flags.append(_tr("Timeline", "key fact"))
    if item.disputed:
        flags.append(fact_status_label(ev.fact_status))
    if flags:
        lines.append(", ".join(flags))
    if ev.description:
        desc = ev.description if len(ev.description) <= 280 else ev.description[:279] + "…"
        lines.append(desc)
    if ev.source:
        lines.append(_tr("Timeline", "Source: %1").replace("%1", ev.source))
    return "\n".join(lines)
