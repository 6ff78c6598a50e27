"""The chronology table: honest date order, filters, in-place edits, deletion, day order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from satchel import i18n
from satchel.core.dates import FuzzyDate
from satchel.core.model import EventType, FactStatus, RoleKind
from satchel.core.vault import Vault
from satchel.gui.chronology.event_dialog import EventDialog
from satchel.gui.chronology.table import ChronologyModel, ChronologyPanel, EventFlagFilter


@pytest.fixture
def case_id(vault: Vault) -> str:
    return vault.cases.create(title="Extradition of A. Fictitious").id


@pytest.fixture
def panel(qtbot, vault: Vault) -> ChronologyPanel:
    widget = ChronologyPanel(vault)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    return widget


def shown(panel: ChronologyPanel, column: int) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_month_precision_event_reads_as_the_month_and_sorts_honestly(panel, vault, case_id):
    for title, when in [
        ("Decision", "2025-08-14"),
        ("Detained", "2025-08"),
        ("Request", "2025-07-31"),
        ("Left the country", "~2025"),
        ("Interview", "tbd"),
    ]:
        vault.events.create(case_id, title, date=FuzzyDate.parse(when))
    panel.set_case(case_id)

    # Honest order: a month starts before its days; undated last. A string sort of the
    # displayed dates would put "14 Aug 2025" first and "c. 2025" last.
    assert shown(panel, ChronologyModel.DATE) == [
        "c. 2025",
        "31 Jul 2025",
        "Aug 2025",
        "14 Aug 2025",
        "TBD",
    ]
    panel.view.sortByColumn(ChronologyModel.DATE, Qt.SortOrder.DescendingOrder)
    assert shown(panel, ChronologyModel.TITLE) == [
        "Interview",
        "Decision",
        "Detained",
        "Request",
        "Left the country",
    ]


def test_dates_are_written_in_russian_when_the_interface_is_russian(panel, vault, case_id):
    vault.events.create(case_id, "Задержание", date=FuzzyDate.parse("2025-08"))
    vault.events.create(case_id, "Решение", date=FuzzyDate.parse("2025-08-14"))
    i18n.install_translations("ru")
    try:
        panel.set_case(case_id)
        assert shown(panel, ChronologyModel.DATE) == ["авг. 2025", "14 авг. 2025"]
    finally:
        i18n.install_translations("en")


def test_filter_as_you_type_by_type_and_by_flag(qtbot, panel, vault, case_id):
    vault.events.create(
        case_id, "Arrest at the airport", "arrest", date="2025-03-02", key_fact=True
    )
    vault.events.create(
        case_id,
        "Hearing on detention",
        "hearing",
        date="2025-03-10",
        fact_status=FactStatus.DISPUTED_BY_OTHER,
    )
    vault.events.create(case_id, "Meeting with client", "meeting", date="2025-03-12")
    panel.set_case(case_id)

    qtbot.keyClicks(panel.filter_edit, "AIRP")
    qtbot.waitUntil(lambda: shown(panel, ChronologyModel.TITLE) == ["Arrest at the airport"])
    panel.filter_edit.clear()
    panel.apply_filter()

    panel.type_combo.setCurrentIndex(panel.type_combo.findData(EventType.MEETING.value))
    assert shown(panel, ChronologyModel.TITLE) == ["Meeting with client"]
    panel.type_combo.setCurrentIndex(0)

    panel.flag_combo.setCurrentIndex(panel.flag_combo.findData(EventFlagFilter.KEY_FACTS))
    assert shown(panel, ChronologyModel.TITLE) == ["Arrest at the airport"]
    panel.flag_combo.setCurrentIndex(panel.flag_combo.findData(EventFlagFilter.DISPUTED))
    assert shown(panel, ChronologyModel.TITLE) == ["Hearing on detention"]


def test_people_involved_are_named_in_the_table(panel, vault, case_id):
    person = vault.people.create(["Анна Вымышленная", "Anna Vymyshlennaya"])
    vault.roles.create(case_id, person.id, RoleKind.CLIENT)
    vault.events.create(case_id, "Arrest", date="2025-03-02", person_ids=(person.id,))
    panel.set_case(case_id)
    assert shown(panel, ChronologyModel.PEOPLE) == ["Анна Вымышленная"]


def test_title_edited_in_place_is_saved_through_the_core(qtbot, panel, vault, case_id):
    event = vault.events.create(case_id, "Arest", date="2025-03-02")
    panel.set_case(case_id)
    panel.show()
    index = panel.proxy.index(0, ChronologyModel.TITLE)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Arrest at the border")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: vault.events.get(event.id).title == "Arrest at the border")
    assert shown(panel, ChronologyModel.TITLE) == ["Arrest at the border"]
    assert any(e.record_id == event.id and e.action == "update" for e in vault.audit.list())


def test_status_edited_in_place_is_saved(panel, vault, case_id):
    event = vault.events.create(case_id, "Beaten in custody", date="2025-03-02")
    panel.set_case(case_id)
    index = panel.proxy.index(0, ChronologyModel.STATUS)
    assert panel.proxy.setData(index, FactStatus.DISPUTED_BY_OTHER.value)
    assert vault.events.get(event.id).fact_status is FactStatus.DISPUTED_BY_OTHER
    assert shown(panel, ChronologyModel.STATUS) == ["Disputed by the other side"]


def test_delete_key_moves_to_the_trash_without_asking_and_offers_undo(
    qtbot, panel, vault, case_id, monkeypatch
):
    event = vault.events.create(case_id, "Hearing", date="2025-03-02")
    panel.set_case(case_id)
    panel.show()
    panel.select_event(event.id)
    panel.view.setFocus()
    asked: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self) or 0)

    with qtbot.waitSignal(panel.undoable) as offer:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert asked == []
    assert not vault.events.exists(event.id)
    assert panel.proxy.rowCount() == 0
    assert [e.record_id for e in vault.trash.list()] == [event.id]
    (item,) = offer.args
    assert "Hearing" in item.done
    item.undo()
    assert vault.events.exists(event.id)
    assert panel.proxy.rowCount() == 1


def test_events_of_one_day_can_be_reordered_but_not_past_the_day(panel, vault, case_id):
    first = vault.events.create(case_id, "Detained", date="2025-03-02")
    second = vault.events.create(case_id, "Questioned", date="2025-03-02")
    vault.events.create(case_id, "Charged", date="2025-03-03")
    panel.set_case(case_id)
    assert shown(panel, ChronologyModel.TITLE) == ["Detained", "Questioned", "Charged"]

    panel.select_event(second.id)
    assert panel.move_selected(-1)
    assert shown(panel, ChronologyModel.TITLE) == ["Questioned", "Detained", "Charged"]
    assert panel.selected_event_id() == second.id

    panel.select_event(first.id)
    # "Detained" is last of its day: it cannot move into the next day.
    assert not panel.move_selected(+1)
    assert shown(panel, ChronologyModel.TITLE) == ["Questioned", "Detained", "Charged"]


def test_select_event_does_not_echo_but_a_click_announces_the_event(qtbot, panel, vault, case_id):
    a = vault.events.create(case_id, "A", date="2025-03-02")
    b = vault.events.create(case_id, "B", date="2025-03-05")
    panel.set_case(case_id)
    panel.show()
    seen: list[str] = []
    panel.event_selected.connect(seen.append)

    assert panel.select_event(b.id)
    assert panel.selected_event_id() == b.id
    assert seen == []

    rect = panel.view.visualRect(panel.proxy.index(0, ChronologyModel.TITLE))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == [a.id]


def test_enter_opens_the_selected_event(qtbot, panel, vault, case_id):
    event = vault.events.create(case_id, "Hearing", date="2025-03-02")
    panel.set_case(case_id)
    panel.show()
    panel.select_event(event.id)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialogs = [d for d in panel.findChildren(object) if type(d).__name__ == "EventDialog"]
    assert dialogs and dialogs[0].title_edit.text() == "Hearing"
    dialogs[0].clear()


def test_clear_leaves_no_vault_text_behind(panel, vault, case_id):
    vault.events.create(case_id, "Secret meeting", date="2025-03-02", source="Witness K.")
    panel.set_case(case_id)
    panel.filter_edit.setText("secret")
    panel.clear()
    assert panel.model.rowCount() == 0
    assert panel.filter_edit.text() == ""
    assert panel.case_id() is None


def test_big_case_is_read_in_a_worker_and_a_pending_selection_lands(
    qtbot, panel, vault, case_id, monkeypatch
):
    import satchel.gui.chronology.table as chronology

    monkeypatch.setattr(chronology, "SYNC_LOAD_LIMIT", 2)
    events = [vault.events.create(case_id, f"E{i}", date=f"2025-03-0{i + 1}") for i in range(4)]
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_case(case_id)
        assert panel.is_loading()
        assert panel.select_event(events[2].id)  # e.g. the timeline asked before the rows came
    assert shown(panel, ChronologyModel.TITLE) == ["E0", "E1", "E2", "E3"]
    assert panel.selected_event_id() == events[2].id


def test_lock_during_a_big_load_drops_the_result(qtbot, panel, vault, case_id, monkeypatch):
    import satchel.gui.chronology.table as chronology

    monkeypatch.setattr(chronology, "SYNC_LOAD_LIMIT", 0)
    vault.events.create(case_id, "Confidential", date="2025-03-01")
    panel.set_case(case_id)
    job = panel._job
    assert job is not None
    panel.clear()
    qtbot.waitUntil(lambda: job.is_finished, timeout=10_000)  # its result arrives, or not
    qtbot.wait(0)
    assert panel.model.rowCount() == 0
    assert not panel.is_loading()


def test_switching_to_russian_translates_the_panel_and_its_dates(qtbot, panel, vault, case_id):
    vault.events.create(case_id, "Hearing", "hearing", date="2025-08", key_fact=True)
    panel.set_case(case_id)
    assert panel.add_button.text() == "Add…"
    i18n.install_translations("ru")
    try:
        # Qt posts LanguageChange to each window; the panel retranslates when it arrives.
        qtbot.waitUntil(lambda: panel.add_button.text() == "Добавить…", timeout=5_000)
        header = panel.proxy.headerData(ChronologyModel.DATE, Qt.Orientation.Horizontal)
        assert header == "Дата"
        assert shown(panel, ChronologyModel.DATE) == ["авг. 2025"]
        assert shown(panel, ChronologyModel.TYPE) == ["Заседание"]
        assert panel.type_combo.itemText(0) == "Все типы"
    finally:
        i18n.install_translations("en")


def test_lock_closes_an_open_event_form_and_empties_it(qtbot, panel, vault, case_id):
    event = vault.events.create(case_id, "Secret meeting", date="2025-03-02")
    panel.set_case(case_id)
    panel.show()
    panel.select_event(event.id)
    panel.edit_selected()
    (dialog,) = panel.findChildren(EventDialog)
    assert dialog.isVisible()
    dialog.title_edit.setText("Unsaved edit")  # a dirty form must not block the lock
    panel.clear()
    assert not dialog.isVisible()
    assert dialog.title_edit.text() == ""


def test_keyboard_moves_an_event_within_its_day(qtbot, panel, vault, case_id):
    vault.events.create(case_id, "Detained", date="2025-03-02")
    second = vault.events.create(case_id, "Questioned", date="2025-03-02")
    panel.set_case(case_id)
    panel.show()
    panel.select_event(second.id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert shown(panel, ChronologyModel.TITLE) == ["Questioned", "Detained"]


def test_overdue_deadline_stands_out_in_the_danger_colour(panel, vault, case_id):
    from datetime import date, timedelta

    from PySide6.QtGui import QColor

    from satchel.core.model import DeadlineInfo
    from satchel.gui.common import theme

    overdue = (date.today() - timedelta(days=2)).isoformat()
    later = (date.today() + timedelta(days=60)).isoformat()
    vault.events.create(case_id, "Appeal", "deadline", date=overdue, deadline=DeadlineInfo())
    vault.events.create(case_id, "Reply", "deadline", date=later, deadline=DeadlineInfo())
    vault.events.create(case_id, "Old hearing", "hearing", date=overdue)
    panel.set_case(case_id)
    colours = [
        panel.proxy.index(r, ChronologyModel.DATE).data(Qt.ItemDataRole.ForegroundRole)
        for r in range(3)
    ]
    titles = shown(panel, ChronologyModel.TITLE)
    by_title = dict(zip(titles, colours, strict=True))
    assert by_title["Appeal"] == QColor(theme.colours().danger)
    assert by_title["Reply"] is None
    assert by_title["Old hearing"] is None  # a past hearing simply happened


def test_a_rolled_over_deadline_says_why_on_its_date(panel, vault):
    case = vault.cases.create("Extradition of R. Imaginary", jurisdiction="Russia")
    decision = vault.events.create(case.id, "Decision", "decision", date="2026-11-27")
    vault.events.create_deadline(case.id, "Appeal due", computed_from=decision.id, offset_days=15)
    panel.set_case(case.id)
    proxy = panel.proxy
    dates = {
        proxy.index(r, ChronologyModel.TITLE).data(): proxy.index(r, ChronologyModel.DATE)
        for r in range(proxy.rowCount())
    }
    assert dates["Appeal due"].data() == "14 Dec 2026"
    tip = dates["Appeal due"].data(Qt.ItemDataRole.ToolTipRole)
    assert "Sat 12 Dec → Mon 14 Dec, weekend" in tip
    assert "→" not in dates["Decision"].data(Qt.ItemDataRole.ToolTipRole)
