"""A large timeline is read in the background: it shows exactly what a synchronous read
shows, the window keeps answering meanwhile, and the lock stops it cleanly."""

from __future__ import annotations

import pytest
from timeline_case import NOW, DemoCase, build_case

from satchel.core.model import EventType
from satchel.core.vault import Vault
from satchel.gui.common.workers import cancel_all_jobs
from satchel.gui.main_window import MainWindow
from satchel.gui.timeline import loader as loader_module
from satchel.gui.timeline import widget as widget_module
from satchel.gui.timeline.layout import LaneMode
from satchel.gui.timeline.widget import AllCasesTimelinePage, TimelineWidget


@pytest.fixture
def demo(vault: Vault) -> DemoCase:
    demo = build_case(vault)
    other = vault.cases.create("Asylum of Zarina Ilyasova")
    vault.events.create(other.id, "Asylum interview", EventType.HEARING, date="2025-10-02")
    vault.events.create(other.id, "Decision on asylum", EventType.DECISION, date="~2025-12")
    return demo


def picture(w: TimelineWidget) -> dict[str, object]:
    """What a user sees: lanes and their marks, where each mark is, the tray, the count."""
    view = w.view
    marks = {}
    for it in w.visible_items():
        rect = view.mark_rect(it.id)
        marks[it.id] = None if rect is None else (round(rect.left(), 3), round(rect.right(), 3))
    tray = w.undated.model()
    return {
        "lanes": [(lane.label, [it.id for it in lane.items]) for lane in view.lanes],
        "marks": marks,
        "labels": {it.id: view.label_shown(it.id) for it in w.visible_items()},
        "tray": [tray.index(i, 0).data() for i in range(tray.rowCount())],
        "count": w.count_label.text(),
        "range": view.visible_range(),
    }


def opened(qtbot, make, *, background: bool, monkeypatch) -> TimelineWidget:
    with monkeypatch.context() as m:
        if background:
            m.setattr(widget_module, "SYNC_LIMIT", 0)
            m.setattr(loader_module, "LOAD_CHUNK", 3)
        w = make()
        qtbot.addWidget(w)
        w.resize(1300, 760)
        w.show()
        qtbot.waitExposed(w)
        if background:
            assert w.loading()
        qtbot.waitUntil(lambda: not w.loading())
    return w


@pytest.mark.parametrize("all_cases", [False, True])
def test_a_background_load_shows_the_same_marks_as_a_synchronous_one(
    qtbot, monkeypatch, vault, demo, all_cases
):
    def make() -> TimelineWidget:
        if all_cases:
            return AllCasesTimelinePage(vault, now=lambda: NOW)
        return TimelineWidget(vault, demo.case_id, now=lambda: NOW)

    at_once = opened(qtbot, make, background=False, monkeypatch=monkeypatch)
    behind = opened(qtbot, make, background=True, monkeypatch=monkeypatch)
    assert picture(behind) == picture(at_once)
    assert len(behind.visible_items()) == (17 if all_cases else 15)
    # Regrouping by person runs in the background too (names are read there), and agrees.
    with monkeypatch.context() as m:
        m.setattr(widget_module, "SYNC_LIMIT", 0)
        behind.set_lane_mode(LaneMode.BY_PERSON)
        qtbot.waitUntil(lambda: not behind.loading())
    at_once.set_lane_mode(LaneMode.BY_PERSON)
    assert picture(behind)["lanes"] == picture(at_once)["lanes"]
    assert "Дилноза Каримова" in [lane.label for lane in behind.view.lanes]


def test_a_filter_typed_while_loading_applies_once_the_events_are_in(
    qtbot, monkeypatch, vault, demo
):
    monkeypatch.setattr(widget_module, "SYNC_LIMIT", 0)
    monkeypatch.setattr(loader_module, "LOAD_CHUNK", 2)
    w = TimelineWidget(vault, demo.case_id, now=lambda: NOW)
    qtbot.addWidget(w)
    assert w.loading()
    w.set_filter(event_type=EventType.DECISION.value)
    qtbot.waitUntil(lambda: not w.loading())
    assert {it.event.title for it in w.visible_items()} == {
        "Court ordered detention",
        "Extradition decision",
    }
    assert w.count_label.text() == "2 of 15"


def test_the_lock_cancels_a_background_load_and_keeps_nothing(qtbot, monkeypatch, vault, demo):
    monkeypatch.setattr(widget_module, "SYNC_LIMIT", 0)
    monkeypatch.setattr(loader_module, "LOAD_CHUNK", 1)
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    agenda = window.page("agenda")
    window.show_page("agenda")
    page = agenda.show_timeline()
    assert page is not None and page.loading()
    # The lock's own order (gui/lock/controller.py): clear, stop background work, close.
    window.clear_vault_data()
    assert cancel_all_jobs(timeout_s=10)
    vault.close()
    qtbot.wait(50)  # whatever the cancelled job still signals is dropped
    assert not page.loading()
    assert page.visible_items() == [] and page.view.lanes == []
    assert page.undated.model().rowCount() == 0
    assert page.count_label.text() == ""


def test_the_person_list_opened_during_a_background_load_fills_in(qtbot, monkeypatch, vault, demo):
    monkeypatch.setattr(widget_module, "SYNC_LIMIT", 0)
    monkeypatch.setattr(loader_module, "LOAD_CHUNK", 2)
    w = AllCasesTimelinePage(vault, now=lambda: NOW)
    qtbot.addWidget(w)
    w.show()
    assert w.loading()
    w.person_combo.showPopup()  # people's names are read in the background, not now
    w.person_combo.hidePopup()
    qtbot.waitUntil(lambda: not w.loading())
    names = [w.person_combo.itemText(i) for i in range(w.person_combo.count())]
    assert names == ["All people", "Judge Orin Vale", "Дилноза Каримова"]
