"""What the timeline shows a lawyer on a real vault: lanes by proceeding, periods as bands,
"Fit all" that does not cut the latest events, and cluster counts that never overlap."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from timeline_case import NOW, DemoCase, build_case

from satchel.core.model import EventType
from satchel.core.vault import Vault
from satchel.gui.timeline.layout import LaneMode
from satchel.gui.timeline.view import AXIS_H
from satchel.gui.timeline.widget import AllCasesTimelinePage, TimelineWidget
from satchel.sample.demo import fill_demo

HOME = "Criminal case No. 12201450001000123 (Russia)"
ABROAD = "Extradition proceedings (Armenia)"


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.fixture
def demo(vault: Vault) -> DemoCase:
    demo = build_case(vault)
    for key in ("arrest", "request", "hearing", "decision", "appeal"):
        vault.events.update(demo.ids[key], proceeding=ABROAD)
    demo.ids["charged"] = vault.events.create(
        demo.case_id, "Charged in absentia", EventType.DECISION, date="2024-12-15", proceeding=HOME
    ).id
    demo.ids["detention"] = vault.events.create(
        demo.case_id,
        "In detention pending extradition",
        EventType.DETENTION,
        date="2025-08-14/2025-10-14",
        proceeding=ABROAD,
    ).id
    return demo


@pytest.fixture
def timeline(qtbot, vault: Vault, demo: DemoCase) -> TimelineWidget:
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_lanes_by_proceeding_put_each_event_in_its_proceedings_lane(timeline, demo):
    timeline.set_lane_mode(LaneMode.BY_PROCEEDING)
    lanes = {lane.label: {it.id for it in lane.items} for lane in timeline.view.lanes}
    # In the order the story reached them (the charge at home came first), then the rest.
    assert list(lanes) == [HOME, ABROAD, "No proceeding"]
    assert lanes[HOME] == {demo.ids["charged"]}
    assert {demo.ids[k] for k in ("arrest", "decision", "appeal", "detention")} <= lanes[ABROAD]
    assert demo.ids["interview"] in lanes["No proceeding"]
    assert timeline.lane_combo.currentText() == "Lanes by proceeding"


def test_a_period_in_detention_is_a_band_across_the_lanes_named_in_its_strip(qtbot, timeline, demo):
    view = timeline.view
    view.set_visible_range(ts("2025-07-01"), ts("2025-12-31"))
    band = view.band_rect(demo.ids["detention"])
    assert band is not None
    assert band.left() == pytest.approx(view.x_for_time(ts("2025-08-14")), abs=1)
    assert band.right() == pytest.approx(view.x_for_time(ts("2025-10-15")), abs=1)
    # The shade runs down the whole plot; the name sits in a strip above the lanes.
    assert band.bottom() >= view.plot_rect().bottom() - 1
    name = view.band_label_rect(demo.ids["detention"])
    assert name is not None and name.top() >= AXIS_H and name.bottom() <= view.plot_rect().top()
    assert band.left() <= name.left() and name.right() <= band.right()
    # The period keeps its own mark in its lane too.
    assert view.mark_rect(demo.ids["detention"]) is not None
    # Clicking the name selects the event, as a click on its mark would.
    with qtbot.waitSignal(timeline.event_selected) as picked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=name.center().toPoint())
    assert picked.args == [demo.ids["detention"]]


def test_the_bands_menu_chooses_which_periods_are_bands(timeline, demo):
    view = timeline.view
    view.fit_all()
    assert timeline.band_types() == {EventType.DETENTION.value}
    assert view.band_rect(demo.ids["almaty"]) is None  # a travel period: not a band
    timeline.set_band_types([EventType.DETENTION, EventType.TRAVEL])
    assert view.band_rect(demo.ids["almaty"]) is not None
    timeline.set_band_types([])
    assert view.band_rect(demo.ids["detention"]) is None
    assert view.plot_rect().top() == AXIS_H  # no strip without bands


def test_fit_all_leaves_room_for_the_latest_events_labels(qtbot, vault, demo):
    # A long case: the decision and the deadline at the very end of seven years.
    late_decision = vault.events.create(
        demo.case_id,
        "Supreme Court refuses the appeal against extradition",
        EventType.DECISION,
        date="2026-02-02",
        key_fact=True,
    )
    deadline = vault.events.create_deadline(
        demo.case_id, "Rule 39 request to the ECHR", "2026-02-09"
    )
    # 1140: the case view's share of a 1366×768 screen.
    for width in (1366, 1140):
        w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
        qtbot.addWidget(w)
        w.resize(width, 768)
        w.show()
        qtbot.waitExposed(w)
        w.view.fit_all()
        plot = w.view.plot_rect()
        for ev in (late_decision, deadline):
            mark = w.view.mark_rect(ev.id)
            assert mark is not None and plot.left() <= mark.left() <= mark.right() < plot.right()
            shown = w.view.label_shown(ev.id)
            assert shown.startswith(ev.title), (width, shown)  # whole, not elided
        # Every earlier event is still in view.
        t0, t1 = w.view.visible_range()
        assert all(t0 <= it.lo and it.hi <= t1 for it in w.visible_items() if it.dated)


def test_cluster_counts_never_overlap_at_any_zoom(qtbot, vault):
    fill_demo(vault, cases=3, seed=11, events_per_case=700, documents=False)
    page = AllCasesTimelinePage(vault, now=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.loading())
    view = page.view
    seen = 0
    for zoom in range(12):
        view.fit_all()
        view.zoom_by(0.6**zoom)
        badges = view.cluster_badges()
        seen += len(badges)
        for i, a in enumerate(badges):
            for b in badges[i + 1 :]:
                assert not a.intersects(b), (zoom, a, b)
    assert seen > 20  # the check looked at crowded lanes, dense ones counted per bucket


def test_the_lane_mode_is_shown_whole_in_russian_on_a_laptop_screen(timeline, qtbot):
    """It was cut to "Дорожки по пр": the phrase that says how the whole plot is read."""
    from satchel import i18n

    i18n.install_translations("ru")
    qtbot.waitUntil(lambda: timeline.lane_combo.itemText(0).startswith("Дорожки"))
    combo = timeline.lane_combo
    for mode in LaneMode:
        if mode is LaneMode.BY_CASE:
            continue  # the all-cases timeline's own mode
        timeline.set_lane_mode(mode)
        qtbot.wait(1)
        text = combo.currentText()
        room = combo.style().subControlRect(
            combo.style().ComplexControl.CC_ComboBox,
            _combo_option(combo),
            combo.style().SubControl.SC_ComboBoxEditField,
            combo,
        )
        assert combo.fontMetrics().horizontalAdvance(text) <= room.width(), text


def _combo_option(combo):
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return option
