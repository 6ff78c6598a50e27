"""Reading the chronology on a laptop: whole titles in rows that grow, the detail pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton

from satchel.core.dates import PartialDate
from satchel.core.model import RoleKind
from satchel.core.vault import Vault
from satchel.gui.chronology.table import ChronologyModel, ChronologyPanel

LONG_TITLE = (
    "Court of appeal upholds the detention order after the prosecutor's late filing of the "
    "extradition request, the defence's objection on the missing translation notwithstanding; "
    "the client was not brought to the hearing and took part by video link from the remand "
    "centre, with an interpreter who arrived forty minutes late"
)


@pytest.fixture
def case_id(vault: Vault) -> str:
    return vault.cases.create(title="Extradition of A. Fictitious").id


@pytest.fixture
def panel(qtbot, vault: Vault) -> ChronologyPanel:
    widget = ChronologyPanel(vault)
    qtbot.addWidget(widget)
    widget.resize(1140, 620)  # the case view's share of a 1366x768 screen
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row(panel: ChronologyPanel, event_id: str) -> int:
    return panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(event_id), 0)).row()


def test_a_long_title_wraps_and_its_row_grows_to_show_it_whole(qtbot, panel, vault, case_id):
    short = vault.events.create(case_id, "Hearing", date="2025-03-01")
    long = vault.events.create(case_id, LONG_TITLE, date="2025-03-02")
    panel.set_case(case_id)
    panel.row_heights.fit_now()

    view = panel.view
    title_width = view.columnWidth(ChronologyModel.TITLE)
    # The title keeps most of the width: no other column is as wide.
    assert all(
        view.columnWidth(c) < title_width
        for c in range(ChronologyModel.COLUMN_COUNT)
        if c != ChronologyModel.TITLE
    )
    metrics = view.fontMetrics()
    needed = metrics.boundingRect(
        0, 0, title_width - 8, 10_000, Qt.TextFlag.TextWordWrap, LONG_TITLE
    ).height()
    # The title needs more than one default row here.
    assert needed > view.verticalHeader().defaultSectionSize()
    assert view.rowHeight(_row(panel, long.id)) >= needed
    assert view.rowHeight(_row(panel, short.id)) < view.rowHeight(_row(panel, long.id))


def test_only_rows_in_view_are_measured_and_a_row_scrolled_to_is_fitted(
    qtbot, panel, vault, case_id
):
    with vault.bulk():
        events = [
            vault.events.create(
                case_id, f"{LONG_TITLE} ({i})", date=f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}"
            )
            for i in range(300)
        ]
    panel.set_case(case_id)
    panel.row_heights.fit_now()
    view = panel.view
    default = view.verticalHeader().defaultSectionSize()
    last = _row(panel, events[-1].id)
    assert view.rowHeight(0) > default
    assert view.rowHeight(last) == default  # never looked at, never measured

    assert panel.select_event(events[-1].id)
    assert view.rowHeight(last) > default
    rect = view.visualRect(panel.proxy.index(last, ChronologyModel.TITLE))
    assert view.viewport().rect().contains(rect)  # the whole row is in view


def test_detail_pane_shows_the_selected_event_whole_as_plain_text(qtbot, panel, vault, case_id):
    father = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1951, 4, 2))
    son = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1979, 8))
    vault.roles.create(case_id, father.id, RoleKind.WITNESS)
    vault.roles.create(case_id, son.id, RoleKind.CLIENT)
    hostile = "<b>bold</b> <img src=file:///etc/passwd>"
    event = vault.events.create(
        case_id,
        LONG_TITLE,
        date="~2025-08",
        person_ids=(son.id, father.id),
        source="Prosecutor's letter " + hostile,
        source_quote="the person is wanted",
        description="Notes written by the lawyer.\nSecond line " + hostile,
    )
    panel.set_case(case_id)
    assert panel.select_event(event.id)

    detail = panel.detail
    assert detail.title.text() == LONG_TITLE
    assert detail.values["date"].text() == "c. Aug 2025\nAround · known to the month"
    assert detail.values["source"].text() == "Prosecutor's letter " + hostile
    assert detail.values["quote"].text() == "«the person is wanted»"
    assert detail.notes.text().endswith("Second line " + hostile)
    # Two people of one name are told apart by their role in the case and date of birth.
    assert detail.values["people"].text().splitlines() == [
        "Ivan Petrov — Client · b. Aug 1979",
        "Ivan Petrov — Witness · b. 2 Apr 1951",
    ]
    for label in detail.findChildren(QLabel):
        if label.text():
            assert label.textFormat() in (Qt.TextFormat.PlainText, Qt.TextFormat.AutoText)
    for label in (detail.title, detail.notes, *detail.values.values()):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert detail.values["source"].isVisible()
    assert not detail.values["docs"].isVisible()  # nothing to say: no empty row

    panel.clear()
    assert detail.title.text() == ""
    assert all(v.text() == "" for v in detail.values.values())


def test_selecting_several_events_says_how_many_in_the_pane(qtbot, panel, vault, case_id):
    first = vault.events.create(case_id, "Hearing", date="2025-03-01")
    second = vault.events.create(case_id, "Decision", date="2025-03-02")
    panel.set_case(case_id)
    panel.select_events([first.id, second.id])
    assert sorted(panel.selected_event_ids()) == sorted([first.id, second.id])
    assert panel.detail.shown_event_id() is None
    assert "2 events selected" in panel.detail.empty.text()
    assert not panel.edit_button.isEnabled()
    assert panel.change_button.isEnabled()


def test_a_column_widened_by_hand_stays_so_after_an_edit(qtbot, panel, vault, case_id):
    event = vault.events.create(case_id, "Hearing", date="2025-03-01", source="Court letter")
    panel.set_case(case_id)
    header = panel.view.horizontalHeader()
    header.resizeSection(ChronologyModel.SOURCE, 300)
    assert panel.proxy.setData(panel.proxy.index(0, ChronologyModel.STATUS), "unsure")
    panel.reload()
    assert header.sectionSize(ChronologyModel.SOURCE) == 300
    assert vault.events.get(event.id).fact_status.value == "unsure"


def test_namesakes_in_the_people_column_are_told_apart_by_year_of_birth(panel, vault, case_id):
    father = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1951, 4, 2))
    son = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1979, 8))
    other = vault.people.create(["Anna Vymyshlennaya"], birth_date=PartialDate(1980))
    vault.events.create(case_id, "Interview", date="2025-03-01", person_ids=(son.id, father.id))
    vault.events.create(case_id, "Letter", date="2025-03-02", person_ids=(other.id,))
    panel.set_case(case_id)
    people = [panel.proxy.index(r, ChronologyModel.PEOPLE).data() for r in range(2)]
    assert people == ["Ivan Petrov (1979), Ivan Petrov (1951)", "Anna Vymyshlennaya"]


def test_in_russian_the_toolbar_fits_and_keeps_room_to_type_a_filter(
    qtbot, panel, vault, case_id, russian
):
    vault.events.create(case_id, "Задержание", date="2025-03-01")
    panel.add_toolbar_widget(QToolButton(text="Отчёт"))  # as the case view adds it
    panel.resize(960, 620)  # the case view at 1366 px with the theme's wider buttons
    panel.set_case(case_id)
    qtbot.wait(10)  # the layout of the retranslated buttons
    panel.layout().activate()
    assert panel.filter_edit.width() >= panel.fontMetrics().averageCharWidth() * 18
    for widget in (panel.change_button, panel.add_button, panel.filter_edit):
        right = widget.mapTo(panel, widget.rect().topRight()).x()
        assert right <= panel.width(), widget.text() if hasattr(widget, "text") else widget
