"""The Agenda page on a real vault: overdue first, grouped by day, urgency colours, marking
done, computed deadlines following their source, the navigation badge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem
from timeline_case import TODAY, DemoCase, build_case

from satchel.core.dates import FuzzyDate
from satchel.core.model import Urgency
from satchel.core.vault import Vault
from satchel.gui.chronology.agenda import (
    AgendaPage,
    agenda_badge_text,
    item_text_room,
    show_badge,
)
from satchel.gui.timeline.view import URGENCY_COLOURS


@pytest.fixture
def demo(vault: Vault) -> DemoCase:
    return build_case(vault)


@pytest.fixture
def agenda(qtbot, vault: Vault, demo: DemoCase) -> AgendaPage:
    page = AgendaPage(vault, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    return page


def groups(page: AgendaPage) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for heading, event_id in page.rows():
        out.setdefault(heading, []).append(event_id)
    return out


def test_overdue_deadlines_come_first_then_each_day_in_order(agenda, demo):
    rows = agenda.rows()
    ids = demo.ids
    assert [eid for _h, eid in rows] == [ids["reply"], ids["appeal"], ids["brief"]]
    headings = [h for h, _e in rows]
    assert headings[0] == "Overdue"
    assert headings[1] == "Friday, 12 September 2025"
    assert headings[2] == "Saturday, 20 September 2025"


def test_each_row_names_its_case_and_the_days_left(agenda, demo):
    reply = agenda.row_item(demo.ids["reply"])
    appeal = agenda.row_item(demo.ids["appeal"])
    assert reply.text(AgendaPage.COL_CASE) == "Extradition of Dilnoza Karimova"
    assert reply.text(AgendaPage.COL_LEFT) == "overdue by 5 days"
    assert appeal.text(AgendaPage.COL_LEFT) == "2 days left"
    assert appeal.text(AgendaPage.COL_DUE) == "12 Sep 2025"


@pytest.mark.parametrize(
    ("key", "urgency"),
    [
        ("reply", Urgency.OVERDUE),
        ("appeal", Urgency.WITHIN_3_DAYS),
        ("brief", Urgency.WITHIN_14_DAYS),
    ],
)
def test_overdue_and_near_deadlines_carry_their_colours(agenda, demo, key, urgency):
    item = agenda.row_item(demo.ids[key])
    assert item.foreground(AgendaPage.COL_LEFT).color() == QColor(URGENCY_COLOURS[urgency])


def test_marking_done_moves_a_deadline_out_of_overdue_and_updates_the_counts(qtbot, agenda, demo):
    counts: list[tuple[int, int]] = []
    agenda.counts_changed.connect(lambda o, n: counts.append((o, n)))
    agenda.refresh()
    assert counts[-1] == (1, 1)
    assert agenda.select_event(demo.ids["reply"])
    assert agenda.done_button.isEnabled()
    agenda.done_button.click()
    assert "Overdue" not in groups(agenda)
    assert demo.ids["reply"] not in [eid for _h, eid in agenda.rows()]
    assert counts[-1] == (0, 1)
    # A done deadline in the window stays visible, struck through, and can be reopened.
    assert agenda.select_event(demo.ids["appeal"])
    agenda.done_button.click()
    appeal = agenda.row_item(demo.ids["appeal"])
    assert appeal.text(AgendaPage.COL_LEFT) == "done"
    assert appeal.font(AgendaPage.COL_EVENT).strikeOut()
    assert counts[-1] == (0, 0)
    assert agenda.select_event(demo.ids["appeal"])
    assert agenda.done_button.text().replace("&", "") == "Mark pending"
    agenda.done_button.click()
    assert counts[-1] == (0, 1)


def test_moving_the_decision_moves_its_computed_deadline_in_the_agenda(agenda, vault, demo):
    vault.events.update(demo.ids["decision"], date=FuzzyDate.parse("2025-09-05"))
    agenda.refresh()
    appeal = agenda.row_item(demo.ids["appeal"])
    # Decision + 10 days: now due on 15 Sep, five days from today.
    assert appeal.parent().text(0) == "Monday, 15 September 2025"
    assert appeal.text(AgendaPage.COL_LEFT) == "5 days left"


def test_more_weeks_bring_later_deadlines_and_hearings_into_view(agenda, demo):
    assert demo.ids["later"] not in [eid for _h, eid in agenda.rows()]
    agenda.set_weeks(13)
    assert demo.ids["later"] in [eid for _h, eid in agenda.rows()]


def test_opening_a_row_asks_for_the_event(qtbot, agenda, demo):
    opened: list[tuple[str, str]] = []
    agenda.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    agenda.select_event(demo.ids["appeal"])
    agenda.open_button.click()
    assert opened == [("event", demo.ids["appeal"])]


def test_the_navigation_badge_counts_overdue_and_near_deadlines(qtbot):
    assert agenda_badge_text(2, 1) == "2 overdue · 1 near"
    assert agenda_badge_text(0, 3) == "3 near"
    assert agenda_badge_text(0, 0) == ""
    nav = QListWidget()
    qtbot.addWidget(nav)
    item = QListWidgetItem("Agenda")
    item.setData(0x0100, "agenda")
    nav.addItem(item)
    show_badge(nav, "agenda", 2, 1)
    assert item.text() == "Agenda · 3"
    assert item.toolTip() == "2 overdue · 1 near"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Agenda: 2 overdue · 1 near"
    show_badge(nav, "agenda", 0, 0)
    assert item.text() == "Agenda"


def test_the_agenda_badge_stays_on_one_line_in_russian(qtbot, demo_vault, russian, themed):
    from satchel.gui.main_window import MainWindow

    window = MainWindow(demo_vault)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    nav = window.navigation
    font = nav.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)  # a larger system font, as some desktops have
    nav.setFont(font)
    show_badge(nav, "agenda", 1200, 34)
    (item,) = [nav.item(r) for r in range(nav.count()) if nav.item(r).data(0x0100) == "agenda"]
    assert item.text() == "Сроки и заседания · 1\xa0234"
    qtbot.wait(50)  # the new width laid out
    for row in range(nav.count()):
        entry = nav.item(row)
        needed = nav.fontMetrics().horizontalAdvance(entry.text())
        assert needed <= item_text_room(nav, entry), entry.text()


def test_clear_drops_every_row(agenda):
    counts: list[tuple[int, int]] = []
    agenda.counts_changed.connect(lambda o, n: counts.append((o, n)))
    agenda.clear()
    assert agenda.rows() == []
    assert counts == [(0, 0)]
    agenda.refresh()  # no vault any more: nothing is read
    assert agenda.rows() == []


def test_hearings_of_the_coming_weeks_are_listed_without_a_done_button(agenda, vault, demo):
    hearing = vault.events.create(
        demo.case_id, "Appeal hearing", "hearing", date="2025-09-15T10:00+03:00"
    )
    agenda.refresh()
    item = agenda.row_item(hearing.id)
    assert item is not None
    assert item.parent().text(0) == "Monday, 15 September 2025"
    assert item.text(AgendaPage.COL_LEFT) == "5 days left"
    agenda.select_event(hearing.id)
    assert not agenda.done_button.isEnabled()
    assert agenda.open_button.isEnabled()


def _rolled_case(vault: Vault) -> tuple[str, str]:
    """A Russian case: decision Fri 27 Nov 2026, appeal 15 days later (Sat 12 Dec, rolled)."""
    case = vault.cases.create("Extradition of R. Imaginary", jurisdiction="Russia")
    decision = vault.events.create(case.id, "Decision", "decision", date="2026-11-27")
    appeal = vault.events.create_deadline(
        case.id, "Appeal due", computed_from=decision.id, offset_days=15
    )
    return decision.id, appeal.id


def test_the_agenda_shows_the_rolled_day_and_says_why(qtbot, vault):
    from datetime import date

    _decision, appeal = _rolled_case(vault)
    page = AgendaPage(vault, today=lambda: date(2026, 12, 1))
    qtbot.addWidget(page)
    row = page.row_item(appeal)
    assert row.parent().text(0) == "Monday, 14 December 2026"
    assert row.text(AgendaPage.COL_DUE) == "14 Dec 2026 (Sat 12 Dec → Mon 14 Dec, weekend)"
    assert row.text(AgendaPage.COL_LEFT) == "13 days left"
    assert "art. 128" in row.toolTip(AgendaPage.COL_DUE)


def test_the_agenda_follows_a_moved_decision_and_rolls_again(qtbot, vault, russian):
    from datetime import date

    decision, appeal = _rolled_case(vault)
    page = AgendaPage(vault, today=lambda: date(2026, 12, 1))
    qtbot.addWidget(page)
    assert page.row_item(appeal).text(AgendaPage.COL_DUE) == (
        "14 дек. 2026 (сб 12 дек. → пн 14 дек., выходной)"
    )
    vault.events.update(decision, date=FuzzyDate.parse("2026-11-30"))  # + 15 = Tue 15 Dec
    page.refresh()
    assert page.row_item(appeal).text(AgendaPage.COL_DUE) == "15 дек. 2026"


def test_a_long_event_title_is_shown_whole_on_a_laptop_screen(qtbot, agenda, vault, demo):
    """The Event and Case columns wrap: the lawyer reads the whole title, not "Appeal…"."""
    from PySide6.QtCore import QRect

    title = (
        "Appeal against the decision of the regional court on the admissibility of "
        "extradition, with the request to suspend the transfer"
    )
    vault.events.update(demo.ids["appeal"], title=title)
    agenda.resize(1366 - 200, 600)
    agenda.show()
    qtbot.waitExposed(agenda)
    agenda.refresh()
    item = agenda.row_item(demo.ids["appeal"])
    assert item.text(AgendaPage.COL_EVENT) == title
    tree = agenda.tree
    qtbot.waitUntil(lambda: tree.header().sectionSize(AgendaPage.COL_EVENT) > 50)
    tree.doItemsLayout()
    index = tree.indexFromItem(item, AgendaPage.COL_EVENT)
    cell = tree.visualRect(index)
    width = tree.header().sectionSize(AgendaPage.COL_EVENT)
    assert tree.fontMetrics().horizontalAdvance(title) > width  # it could not fit one line
    needed = tree.fontMetrics().boundingRect(
        QRect(0, 0, width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), title
    )
    assert cell.height() >= needed.height()
