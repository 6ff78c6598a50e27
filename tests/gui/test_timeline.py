"""The case timeline on a real vault: honest geometry for every kind of date, zoom and pan,
clusters, urgency colours, keyboard, tooltips, filters, lanes, and the link with the
chronology table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QImage,
    QNativeGestureEvent,
    QPointingDevice,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip
from timeline_case import NOW, DemoCase, build_case

from satchel.core.dates import FuzzyDate
from satchel.core.model import DeadlineStatus, EventType, Urgency
from satchel.core.vault import Vault
from satchel.gui.chronology.table import ChronologyPanel
from satchel.gui.timeline.layout import LaneMode
from satchel.gui.timeline.link import link_timeline_and_chronology
from satchel.gui.timeline.view import URGENCY_COLOURS
from satchel.gui.timeline.widget import TimelineWidget


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.fixture
def demo(vault: Vault) -> DemoCase:
    return build_case(vault)


@pytest.fixture
def timeline(qtbot, vault: Vault, demo: DemoCase) -> TimelineWidget:
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1300, 760)
    w.show()
    qtbot.waitExposed(w)
    return w


def show(timeline: TimelineWidget, start: str, end: str) -> None:
    timeline.view.set_visible_range(ts(start), ts(end))


def test_every_date_kind_is_drawn_over_its_honest_interval(timeline, demo):
    view = timeline.view
    # Ranges: "on" a day, a month or a year, "between" and "from–to" cover their interval.
    for key, start, end, lo, hi in (
        ("custody", "2025-08-10", "2025-08-25", "2025-08-16", "2025-08-17"),
        ("request", "2025-07-01", "2025-10-01", "2025-08-01", "2025-09-01"),
        ("home_case", "2019-01-01", "2024-01-01", "2021-01-01", "2022-01-01"),
        ("hearing", "2025-08-25", "2025-09-10", "2025-09-01", "2025-09-06"),
        ("almaty", "2018-01-01", "2024-01-01", "2019-01-01", "2023-01-01"),
        ("interview", "2025-06-01", "2025-09-01", "2025-07-01", "2025-08-01"),
    ):
        show(timeline, start, end)
        rect = view.mark_rect(demo.ids[key])
        assert rect is not None, key
        assert rect.left() == pytest.approx(view.x_for_time(ts(lo)), abs=1.0), key
        assert rect.right() == pytest.approx(view.x_for_time(ts(hi)), abs=1.0), key
        assert rect.width() > 20, key


def test_an_exact_time_is_a_point_at_its_minute(timeline, demo):
    show(timeline, "2025-08-14T00:00:00", "2025-08-15T00:00:00")
    rect = timeline.view.mark_rect(demo.ids["arrest"])
    # 10:30 at UTC+3 is 07:30 UTC.
    assert rect.center().x() == pytest.approx(
        timeline.view.x_for_time(ts("2025-08-14T07:30")), abs=1
    )
    assert rect.width() < 2


def test_before_and_after_are_anchored_at_their_known_edge(timeline, demo):
    view = timeline.view
    show(timeline, "2022-06-01", "2023-12-01")
    before = view.mark_rect(demo.ids["left"])
    assert before.left() == pytest.approx(view.x_for_time(ts("2023-03-01")), abs=1)
    # The arrow points back: the mark is found just left of the edge, not right of it.
    y = before.center().y()
    assert view.glyph_at(QPointF(before.left() - 15, y)).item.id == demo.ids["left"]
    show(timeline, "2025-08-20", "2025-09-20")
    after = view.mark_rect(demo.ids["asylum"])
    # "after 3 Sep" begins where the 3rd ends.
    assert after.left() == pytest.approx(view.x_for_time(ts("2025-09-04")), abs=1)
    assert (
        view.glyph_at(QPointF(after.left() + 15, after.center().y())).item.id == demo.ids["asylum"]
    )


def test_an_undated_event_waits_in_the_tray_not_on_the_axis(timeline, demo):
    assert timeline.view.mark_rect(demo.ids["witness"]) is None
    tray = timeline.undated.model()
    titles = [tray.index(i, 0).data() for i in range(tray.rowCount())]
    assert titles == ["Statement of a witness"]
    assert timeline.undated.isVisibleTo(timeline)


def test_zoom_keys_and_wheel_narrow_and_widen_the_visible_range(qtbot, timeline):
    view = timeline.view
    show(timeline, "2025-01-01", "2026-01-01")
    t0, t1 = view.visible_range()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    z0, z1 = view.visible_range()
    assert z1 - z0 < (t1 - t0) * 0.9
    assert (z0 + z1) / 2 == pytest.approx((t0 + t1) / 2, abs=3600)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    w0, w1 = view.visible_range()
    assert w1 - w0 > t1 - t0
    timeline.zoom_in_button.click()
    assert view.visible_range()[1] - view.visible_range()[0] < w1 - w0


def test_wheel_and_pinch_zoom_around_the_pointer(qtbot, timeline):
    view = timeline.view
    show(timeline, "2025-01-01", "2026-01-01")
    plot = view.plot_rect()
    pos = QPointF(plot.left() + plot.width() * 0.25, plot.top() + 20)
    under = view.time_at_x(pos.x())
    span = view.visible_range()[1] - view.visible_range()[0]
    wheel = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)
    after = view.visible_range()[1] - view.visible_range()[0]
    assert after < span
    assert view.time_at_x(pos.x()) == pytest.approx(under, abs=view.seconds_per_pixel())
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        view.mapToGlobal(pos),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(view, pinch)
    assert view.visible_range()[1] - view.visible_range()[0] == pytest.approx(after / 1.5, rel=0.01)
    assert view.time_at_x(pos.x()) == pytest.approx(under, abs=view.seconds_per_pixel())


def test_panning_by_drag_and_keys_moves_the_visible_range(qtbot, timeline):
    view = timeline.view
    show(timeline, "2025-01-01", "2026-01-01")
    t0, _ = view.visible_range()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.visible_range()[0] > t0
    t0 = view.visible_range()[0]
    plot = view.plot_rect()
    start = QPoint(int(plot.center().x()), int(plot.top() + 5))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(-120, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(-120, 0))
    # Dragging to the left brings later times into view.
    assert view.visible_range()[0] == pytest.approx(t0 + 120 * view.seconds_per_pixel(), rel=0.05)


def test_fit_all_shows_every_dated_event_and_today_centres_on_now(timeline):
    view = timeline.view
    show(timeline, "2025-09-01", "2025-09-02")
    timeline.fit_button.click()
    t0, t1 = view.visible_range()
    assert t0 <= ts("2019-01-01") and t1 >= ts("2025-12-02")
    timeline.today_button.click()
    t0, t1 = view.visible_range()
    assert (t0 + t1) / 2 == pytest.approx(NOW.timestamp(), abs=view.seconds_per_pixel() * 2)


def _pixel(timeline: TimelineWidget, x: float, y: float) -> QColor:
    image: QImage = timeline.view.grab(QRect(int(x) - 1, int(y) - 1, 3, 3)).toImage()
    return image.pixelColor(1, 1)


@pytest.mark.parametrize(
    ("key", "urgency"),
    [
        ("reply", Urgency.OVERDUE),  # 5 Sep, today is 10 Sep
        ("appeal", Urgency.WITHIN_3_DAYS),  # 12 Sep
        ("brief", Urgency.WITHIN_14_DAYS),  # 20 Sep
        ("later", Urgency.LATER),  # 1 Dec
    ],
)
def test_deadlines_take_the_colour_of_their_urgency(timeline, demo, key, urgency):
    show(timeline, "2025-08-25", "2025-12-10")
    rect = timeline.view.mark_rect(demo.ids[key])
    colour = _pixel(timeline, rect.center().x(), rect.center().y())
    want = QColor(URGENCY_COLOURS[urgency])
    assert abs(colour.red() - want.red()) < 12, (key, colour.name(), want.name())
    assert abs(colour.green() - want.green()) < 12, (key, colour.name(), want.name())
    assert abs(colour.blue() - want.blue()) < 12, (key, colour.name(), want.name())


def test_a_deadline_marked_done_turns_grey(timeline, vault, demo):
    vault.events.set_deadline_status(demo.ids["appeal"], DeadlineStatus.DONE)
    timeline.reload()
    show(timeline, "2025-08-25", "2025-12-10")
    rect = timeline.view.mark_rect(demo.ids["appeal"])
    assert (
        _pixel(timeline, rect.center().x(), rect.center().y()).name()
        == QColor(URGENCY_COLOURS[Urgency.DONE]).name()
    )


def test_moving_a_decision_moves_its_computed_deadline_on_the_timeline(timeline, vault, demo):
    show(timeline, "2025-08-25", "2025-10-01")
    before = timeline.view.mark_rect(demo.ids["appeal"]).center().x()
    vault.events.update(demo.ids["decision"], date=FuzzyDate.parse("2025-09-09"))
    timeline.reload()
    after = timeline.view.mark_rect(demo.ids["appeal"])
    # Decision + 10 days: from 12 Sep to 19 Sep.
    assert after.center().x() - before == pytest.approx(
        7 * 86400 / timeline.view.seconds_per_pixel(), abs=1.5
    )
    assert after.left() == pytest.approx(timeline.view.x_for_time(ts("2025-09-19")), abs=1)


def test_crowded_marks_collapse_into_one_cluster_with_their_count(qtbot, vault, demo):
    for i in range(40):
        vault.events.create(
            demo.case_id, f"Letter {i}", EventType.COMMUNICATION, date=FuzzyDate.parse("2025-06-10")
        )
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    w.view.set_visible_range(ts("2015-01-01"), ts("2030-01-01"))
    letters = [it.id for it in w.visible_items() if it.event.title.startswith("Letter")]
    assert w.view.cluster_at(letters[0]) == 40
    assert w.view.mark_rect(letters[0]) is None  # no single mark drawn over the others


def test_clicking_a_mark_selects_the_row_in_the_chronology_and_back(qtbot, timeline, vault, demo):
    chronology = ChronologyPanel(vault)
    qtbot.addWidget(chronology)
    chronology.set_case(demo.case_id)
    link_timeline_and_chronology(timeline, chronology)
    show(timeline, "2025-07-25", "2025-08-25")
    rect = timeline.view.mark_rect(demo.ids["custody"])
    qtbot.mouseClick(timeline.view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert timeline.view.selected_id() == demo.ids["custody"]
    assert chronology.selected_event_id() == demo.ids["custody"]
    # And back: choosing a row in the table selects the mark (and brings it into view).
    row = chronology.model.row_of(demo.ids["hearing"])
    index = chronology.proxy.mapFromSource(chronology.model.index(row, 0))
    chronology.view.setCurrentIndex(index)
    assert timeline.view.selected_id() == demo.ids["hearing"]
    t0, t1 = timeline.view.visible_range()
    assert t0 <= ts("2025-09-03") <= t1


def test_double_click_or_enter_opens_the_event(qtbot, timeline, demo):
    opened: list[str] = []
    timeline.event_activated.connect(opened.append)
    show(timeline, "2025-08-10", "2025-08-25")
    rect = timeline.view.mark_rect(demo.ids["custody"])
    qtbot.mouseDClick(timeline.view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert opened == [demo.ids["custody"]]
    timeline.view.setFocus()
    qtbot.keyClick(timeline.view, Qt.Key.Key_Right)
    qtbot.keyClick(timeline.view, Qt.Key.Key_Return)
    assert len(opened) == 2 and opened[1] == timeline.view.selected_id()


def test_keyboard_moves_from_event_to_event_in_chronological_order(qtbot, timeline, vault, demo):
    seen: list[str] = []
    timeline.event_selected.connect(seen.append)
    timeline.view.setFocus()
    for _ in range(4):
        qtbot.keyClick(timeline.view, Qt.Key.Key_Right)
    qtbot.keyClick(timeline.view, Qt.Key.Key_Tab)
    qtbot.keyClick(timeline.view, Qt.Key.Key_Left)
    ids = demo.ids
    # A screen reader hears the selected event described in words.
    assert timeline.view.accessibleDescription().startswith("Interview with the migration service")
    # "Aug 2025" comes before 14 Aug 2025: a month-precision event may lie before any day of it.
    assert seen == [
        ids["almaty"],
        ids["home_case"],
        ids["left"],
        ids["interview"],
        ids["request"],
        ids["interview"],
    ]


def test_hover_summary_shows_vault_text_literally(qtbot, timeline, vault, demo):
    vault.events.update(demo.ids["custody"], title="<b>Custody</b> <img src=file:///etc/passwd>")
    timeline.reload()
    show(timeline, "2025-08-10", "2025-08-25")
    rect = timeline.view.mark_rect(demo.ids["custody"])
    pos = rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, timeline.view.mapToGlobal(pos))
    timeline.view.event(event)
    text = QToolTip.text()
    assert "&lt;b&gt;Custody&lt;/b&gt;" in text
    assert "<img" not in text
    assert "16 Aug 2025" in text


def test_filters_narrow_the_timeline_by_flag_type_person_and_text(timeline, demo):
    timeline.set_filter(flag="key")
    assert {it.id for it in timeline.visible_items()} == {demo.ids["arrest"], demo.ids["decision"]}
    timeline.set_filter(flag="", event_type=EventType.DEADLINE.value)
    assert len(timeline.visible_items()) == 4
    timeline.set_filter(event_type="", person_id=demo.client_id)
    assert {it.id for it in timeline.visible_items()} == {
        demo.ids[k] for k in ("almaty", "left", "arrest")
    }
    timeline.set_filter(person_id="", text="AIRPORT")
    assert [it.id for it in timeline.visible_items()] == [demo.ids["arrest"]]
    timeline.set_filter(flag="disputed", text="")
    assert [it.id for it in timeline.visible_items()] == [demo.ids["interview"]]


def test_lanes_follow_type_or_person(timeline, demo):
    labels = [lane.label for lane in timeline.view.lanes]
    assert labels[:3] == ["Arrest", "Hearing", "Decision"]
    timeline.set_lane_mode(LaneMode.BY_PERSON)
    labels = [lane.label for lane in timeline.view.lanes]
    assert labels == ["Judge Orin Vale", "Дилноза Каримова", "No person"]


def test_clear_drops_every_event_name_and_label(timeline):
    timeline.clear()
    assert timeline.view.lanes == []
    assert timeline.visible_items() == []
    assert timeline.undated.model().rowCount() == 0
    assert timeline.person_combo.count() == 1


def test_a_large_timeline_is_read_in_the_background(qtbot, monkeypatch, vault, demo):
    from satchel.gui.timeline import loader as loader_module
    from satchel.gui.timeline import widget as widget_module

    monkeypatch.setattr(widget_module, "SYNC_LIMIT", 0)
    monkeypatch.setattr(loader_module, "LOAD_CHUNK", 4)
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    # The constructor returns at once: the events are read by a background job.
    assert w.loading()
    assert w.count_label.text().startswith("Loading…")
    qtbot.waitUntil(lambda: not w.loading())
    assert len(w.visible_items()) == 15
    assert w.count_label.text() == "15 events"


def test_the_lock_stops_a_load_in_progress(qtbot, monkeypatch, vault, demo):
    from satchel.gui.common.workers import cancel_all_jobs
    from satchel.gui.timeline import loader as loader_module
    from satchel.gui.timeline import widget as widget_module

    monkeypatch.setattr(widget_module, "SYNC_LIMIT", 0)
    monkeypatch.setattr(loader_module, "LOAD_CHUNK", 1)
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    assert w.loading()
    # The lock's order: clear the widgets, stop the background work, close the vault.
    w.clear()
    assert cancel_all_jobs(timeout_s=10)
    vault.close()
    qtbot.wait(50)  # anything the cancelled job would still deliver is dropped
    assert not w.loading()
    assert w.visible_items() == []
    assert w.view.lanes == []


def test_clicking_a_cluster_zooms_in_until_its_events_part(qtbot, vault, demo):
    for i in range(6):
        vault.events.create(
            demo.case_id, f"Visit {i}", EventType.MEETING, date=f"2025-06-{10 + i * 3:02d}"
        )
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    w.view.set_visible_range(ts("2015-01-01"), ts("2030-01-01"))
    visits = [it.id for it in w.visible_items() if it.event.title.startswith("Visit")]
    # Zoomed out to fifteen years, the visits (and the July interview) are one cluster.
    assert w.view.cluster_at(visits[0]) >= 6
    hit = next(
        h
        for h in w.view._hits
        if h.glyph.members and any(m.id == visits[0] for m in h.glyph.members)
    )
    qtbot.mouseClick(w.view, Qt.MouseButton.LeftButton, pos=hit.rect.center().toPoint())
    t0, t1 = w.view.visible_range()
    assert t0 <= ts("2025-06-10") and ts("2025-06-26") <= t1
    assert t1 - t0 < 120 * 86400
    assert w.view.cluster_at(visits[0]) == 0  # now each visit has its own mark


def test_an_edit_reloads_the_timeline_without_losing_the_zoom(qtbot, timeline, vault, demo):
    show(timeline, "2025-08-01", "2025-09-01")
    before = timeline.view.visible_range()
    vault.events.update(demo.ids["custody"], title="Court ordered detention (2 months)")
    timeline.reload()
    assert timeline.view.visible_range() == pytest.approx(before)
    assert any(it.event.title.endswith("(2 months)") for it in timeline.visible_items())


def test_every_case_is_read_in_the_background_and_ends_in_honest_order(
    qtbot, monkeypatch, vault, demo
):
    from satchel.gui.timeline import loader as loader_module
    from satchel.gui.timeline import widget as widget_module
    from satchel.gui.timeline.widget import AllCasesTimelinePage

    other = vault.cases.create("Asylum of Zarina Ilyasova")
    vault.events.create(other.id, "Asylum interview", EventType.HEARING, date="2025-10-02")
    monkeypatch.setattr(widget_module, "SYNC_LIMIT", 0)
    monkeypatch.setattr(loader_module, "LOAD_CHUNK", 4)
    page = AllCasesTimelinePage(vault, now=lambda: NOW)
    qtbot.addWidget(page)
    assert page.loading()
    qtbot.waitUntil(lambda: not page.loading())
    items = page.visible_items()
    assert len(items) == 16
    assert [it.order for it in items] == sorted(it.order for it in items)
    assert sorted(lane.label for lane in page.view.lanes) == [
        "Asylum of Zarina Ilyasova",
        "Extradition of Dilnoza Karimova",
    ]


def test_a_rolled_over_deadline_stands_on_its_rolled_day(qtbot, vault):
    case = vault.cases.create("Extradition of R. Imaginary", jurisdiction="Russia")
    decision = vault.events.create(case.id, "Decision", "decision", date="2026-11-27")
    appeal = vault.events.create_deadline(
        case.id, "Appeal due", computed_from=decision.id, offset_days=15
    )
    w = TimelineWidget(vault, case.id, now=lambda: datetime(2026, 12, 1, tzinfo=UTC))
    qtbot.addWidget(w)
    w.resize(1300, 760)
    w.show()
    qtbot.waitExposed(w)
    show(w, "2026-11-20", "2026-12-31")
    mark = w.view.mark_rect(appeal.id)
    # Counted to Sat 12 Dec, rolled to Mon 14 Dec under the Russian rule.
    assert mark.left() == pytest.approx(w.view.x_for_time(ts("2026-12-14")), abs=1)
