"""The timeline inside the client: the case view's Timeline tab in step with its chronology,
the Agenda's badge in the navigation and its all-cases timeline, and the lock clearing them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QToolButton
from timeline_case import DemoCase, build_case

from satchel.core.vault import Vault
from satchel.gui.cases.view import CaseView
from satchel.gui.chronology.agenda import AgendaPage
from satchel.gui.chronology.report_menu import chronology_report_ids
from satchel.gui.main_window import MainWindow
from satchel.gui.timeline.layout import LaneMode
from satchel.gui.timeline.widget import TimelineWidget


@pytest.fixture
def demo(vault: Vault) -> DemoCase:
    return build_case(vault)


@pytest.fixture
def window(qtbot, vault: Vault, demo: DemoCase) -> MainWindow:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_case_view_timeline_tab_follows_the_case_and_its_chronology(qtbot, window, demo):
    window.open_record("case", demo.case_id)
    view: CaseView = window.case_view
    timeline = view.timeline
    assert isinstance(timeline, TimelineWidget)
    assert len(timeline.visible_items()) == 15
    qtbot.wait(1)  # the link is made once the case view has built its chronology
    view.show_tab(CaseView.TIMELINE)
    timeline.view.select_event(demo.ids["arrest"], notify=True)
    assert view.chronology.selected_event_id() == demo.ids["arrest"]
    row = view.chronology.model.row_of(demo.ids["custody"])
    view.chronology.view.setCurrentIndex(
        view.chronology.proxy.mapFromSource(view.chronology.model.index(row, 0))
    )
    assert timeline.selected_id() == demo.ids["custody"]


def nav_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_the_agenda_entry_counts_overdue_and_near_deadlines(qtbot, window, vault, demo):
    # The window wires its Agenda badge once it has painted (the hooks wait for that).
    qtbot.waitUntil(lambda: any(t.startswith("Agenda · ") for t in nav_titles(window)))
    agenda = window.page("agenda")
    assert isinstance(agenda, AgendaPage)
    # Whatever today is (after 2025), the demo's deadlines lie in the past: all overdue.
    overdue = sum(1 for heading, _e in agenda.rows() if heading == "Overdue")
    assert overdue == 4 or date.today() < date(2025, 12, 2)
    # One line in the navigation: the title and one number; the words in the tooltip.
    assert f"Agenda · {overdue}" in nav_titles(window)
    for key in ("reply", "appeal", "brief", "later"):
        vault.events.set_deadline_status(demo.ids[key], "done")
    agenda.refresh()
    assert "Agenda" in nav_titles(window)


def test_the_agenda_holds_every_case_on_one_timeline(qtbot, window, vault, demo):
    other = vault.cases.create("Asylum of Zarina Ilyasova")
    vault.events.create(other.id, "Asylum interview", "hearing", date="2025-10-02")
    agenda = window.page("agenda")
    window.show_page("agenda")
    timeline = agenda.show_timeline()
    assert timeline is not None and timeline.lane_mode() is LaneMode.BY_CASE
    labels = [lane.label for lane in timeline.view.lanes]
    assert sorted(labels) == ["Asylum of Zarina Ilyasova", "Extradition of Dilnoza Karimova"]
    opened: list[tuple[str, str]] = []
    agenda.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    timeline.view.select_event(demo.ids["decision"])
    timeline.view.setFocus()
    qtbot.keyClick(timeline.view, "\r")
    assert opened == [("event", demo.ids["decision"])]


def test_lock_clears_the_timelines_and_the_agenda(qtbot, window, demo):
    window.open_record("case", demo.case_id)
    agenda = window.page("agenda")
    agenda.show_timeline()
    window.lock()
    assert window.case_view.timeline.visible_items() == []
    assert window.case_view.timeline.view.lanes == []
    assert agenda.rows() == []
    assert agenda.timeline.view.lanes == []


def test_the_chronology_table_offers_a_report_of_the_rows_it_shows(qtbot, window, demo):
    window.open_record("case", demo.case_id)
    chronology = window.case_view.chronology
    qtbot.waitUntil(lambda: chronology.findChild(QToolButton, "chronologyReportButton") is not None)
    button = chronology.findChild(QToolButton, "chronologyReportButton")
    assert [a.text() for a in button.menu().actions()] == ["Save as PDF…", "Print…"]
    assert chronology_report_ids(chronology) is None  # nothing filtered: the whole case
    chronology.filter_edit.setText("deadline")
    qtbot.waitUntil(lambda: chronology.proxy.rowCount() < chronology.model.rowCount())
    ids = chronology_report_ids(chronology)
    assert ids is not None and demo.ids["appeal"] in ids and demo.ids["arrest"] not in ids
