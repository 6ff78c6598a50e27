"""Editing in the chronology table: the date in place, and several events at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemDelegate, QDialogButtonBox, QLineEdit

from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.core.model import EventType, FactStatus, RoleKind
from satchel.core.vault import Vault
from satchel.gui.chronology.bulk import PeoplePicker
from satchel.gui.chronology.inline_date import DateEditorBox
from satchel.gui.chronology.table import ChronologyModel, ChronologyPanel


@pytest.fixture
def case_id(vault: Vault) -> str:
    return vault.cases.create(title="Extradition of A. Fictitious").id


@pytest.fixture
def panel(qtbot, vault: Vault) -> ChronologyPanel:
    widget = ChronologyPanel(vault)
    qtbot.addWidget(widget)
    widget.resize(1140, 620)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def titles(panel: ChronologyPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, ChronologyModel.TITLE).data() for r in range(proxy.rowCount())]


def test_date_edited_in_place_is_saved_and_the_event_moves(qtbot, panel, vault, case_id):
    moved = vault.events.create(case_id, "Arrest", date="2025-03-09")
    vault.events.create(case_id, "Hearing", date="2025-03-05")
    panel.set_case(case_id)
    assert titles(panel) == ["Hearing", "Arrest"]
    assert panel.select_event(moved.id)

    index = panel.proxy.index(1, ChronologyModel.DATE)
    panel.view.edit(index)
    box = panel.view.findChild(DateEditorBox)
    assert box is not None and box.isVisible()
    assert box.edit.value() == FuzzyDate.parse("2025-03-09")  # opens on the stored date
    box.edit.set_value(FuzzyDate(DateKind.AROUND, PartialDate(2025, 3)))
    panel.view.commitData(box)
    panel.view.closeEditor(box, QAbstractItemDelegate.EndEditHint.NoHint)

    assert vault.events.get(moved.id).date == FuzzyDate.parse("~2025-03")
    assert titles(panel) == ["Arrest", "Hearing"]  # a month sorts before its days
    assert panel.selected_event_id() == moved.id
    assert any(e.record_id == moved.id and e.action == "update" for e in vault.audit.list())


def test_a_computed_deadline_date_is_not_offered_for_editing(panel, vault, case_id):
    decision = vault.events.create(case_id, "Decision", "decision", date="2025-03-02")
    vault.events.create_deadline(case_id, "Appeal due", computed_from=decision.id, offset_days=10)
    panel.set_case(case_id)
    row = titles(panel).index("Appeal due")
    date_cell = panel.proxy.index(row, ChronologyModel.DATE)
    assert not date_cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert panel.proxy.index(0, ChronologyModel.DATE).flags() & Qt.ItemFlag.ItemIsEditable


def test_an_emptied_title_is_refused_with_the_core_s_words(qtbot, panel, vault, case_id):
    event = vault.events.create(case_id, "Hearing", date="2025-03-02")
    panel.set_case(case_id)
    index = panel.proxy.index(0, ChronologyModel.TITLE)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.message_label.isVisible)
    assert "title" in panel.message_label.text().lower()
    assert vault.events.get(event.id).title == "Hearing"


def test_change_menu_sets_status_and_type_of_every_selected_event(qtbot, panel, vault, case_id):
    a = vault.events.create(case_id, "Interview", date="2025-03-01")
    b = vault.events.create(case_id, "Letter", date="2025-03-02")
    c = vault.events.create(case_id, "Hearing", date="2025-03-03")
    panel.set_case(case_id)
    panel.view.selectAll()
    panel.select_events([a.id, b.id])
    before = len(vault.audit.list(limit=None))

    status_actions = panel.change_button._status_menu.actions()
    status_actions[list(FactStatus).index(FactStatus.DISPUTED_BY_US)].trigger()
    type_actions = panel.change_button._type_menu.actions()
    type_actions[list(EventType).index(EventType.COMMUNICATION)].trigger()

    for ev in (vault.events.get(a.id), vault.events.get(b.id)):
        assert ev.fact_status is FactStatus.DISPUTED_BY_US
        assert ev.event_type is EventType.COMMUNICATION
    assert vault.events.get(c.id).fact_status is FactStatus.UNDISPUTED
    assert len(vault.audit.list(limit=None)) == before + 4  # one entry per event per change
    assert sorted(panel.selected_event_ids()) == sorted([a.id, b.id])  # selection kept


def test_a_refused_bulk_change_saves_nothing_and_says_why(qtbot, panel, vault, case_id):
    ok = vault.events.create(case_id, "Interview", date="2025-03-01")
    other = vault.events.create(case_id, "Letter", date="2025-03-02")
    panel.set_case(case_id)
    panel.select_events([ok.id, other.id])
    before = len(vault.audit.list(limit=None))
    # The core refuses a person who does not exist, as the event form's save would:
    # nothing is saved (the core test shows a half-done change rolled back).
    assert not panel.change_selected(add_people=["no-such-person"])
    assert panel.message_label.isVisible() and panel.message_label.text()
    assert len(vault.audit.list(limit=None)) == before
    assert vault.events.get(ok.id).person_ids == ()
    assert vault.events.get(other.id).person_ids == ()


def test_people_picker_tells_namesakes_apart_and_adds_the_chosen(qtbot, panel, vault, case_id):
    father = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1951, 4, 2))
    son = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1979, 8))
    vault.roles.create(case_id, father.id, RoleKind.WITNESS)
    vault.roles.create(case_id, son.id, RoleKind.CLIENT)
    a = vault.events.create(case_id, "Interview", date="2025-03-01")
    b = vault.events.create(case_id, "Letter", date="2025-03-02", person_ids=(father.id,))
    panel.set_case(case_id)
    panel.select_events([a.id, b.id])

    def choose_the_son() -> None:
        picker = panel.change_button.picker
        assert isinstance(picker, PeoplePicker)
        lines = [picker.list.item(i).text() for i in range(picker.list.count())]
        assert lines == [
            "Ivan Petrov — Witness · b. 2 Apr 1951",
            "Ivan Petrov — Client · b. Aug 1979",
        ]
        picker.list.item(1).setCheckState(Qt.CheckState.Checked)
        picker.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, choose_the_son)
    panel.change_button.add_people()
    assert vault.events.get(a.id).person_ids == (son.id,)
    assert vault.events.get(b.id).person_ids == (father.id, son.id)

    def remove_the_father() -> None:
        picker = panel.change_button.picker
        assert isinstance(picker, PeoplePicker)
        assert picker.list.count() == 2  # only those the selected events name
        picker.list.item(0).setCheckState(Qt.CheckState.Checked)
        picker.accept()

    QTimer.singleShot(0, remove_the_father)
    panel.change_button.remove_people()
    assert vault.events.get(b.id).person_ids == (son.id,)
    assert panel.change_button.picker is None


def test_the_date_box_opens_with_f2_and_saves_with_enter(qtbot, panel, vault, case_id):
    event = vault.events.create(case_id, "Arrest", date="2025-03-09")
    panel.set_case(case_id)
    index = panel.proxy.index(0, ChronologyModel.DATE)
    panel.view.setCurrentIndex(index)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    box = panel.view.findChild(DateEditorBox)
    assert box is not None and box.isVisible()
    assert box.edit.value() == FuzzyDate.parse("2025-03-09")
    box.edit.set_value(FuzzyDate.parse("2024-03-09"))
    # Enter from whichever field of the date editor has the focus saves.
    qtbot.keyClick(box.focusWidget() or box.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: vault.events.get(event.id).date == FuzzyDate.parse("2024-03-09"))

    panel.view.setCurrentIndex(panel.proxy.index(0, ChronologyModel.DATE))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    box = panel.view.findChild(DateEditorBox)
    assert box is not None
    box.edit.set_value(FuzzyDate.parse("2023"))
    qtbot.keyClick(box.focusWidget() or box.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert vault.events.get(event.id).date == FuzzyDate.parse("2024-03-09")


def test_many_events_are_changed_in_a_worker_with_the_actions_off_meanwhile(
    qtbot, panel, vault, case_id, monkeypatch
):
    import satchel.gui.chronology.table as chronology

    monkeypatch.setattr(chronology, "BULK_SYNC_LIMIT", 2)
    with vault.bulk():
        events = [vault.events.create(case_id, f"E{i}", date="2025-03-01") for i in range(5)]
    panel.set_case(case_id)
    panel.select_events([e.id for e in events])

    assert panel.change_selected(fact_status=FactStatus.UNSURE)
    assert panel.is_changing()
    assert not panel.change_button.isEnabled() and not panel.add_button.isEnabled()
    assert not panel.change_selected(fact_status=FactStatus.UNDISPUTED)  # one at a time
    qtbot.waitUntil(lambda: not panel.is_changing(), timeout=10_000)

    assert all(vault.events.get(e.id).fact_status is FactStatus.UNSURE for e in events)
    assert panel.change_button.isEnabled() and panel.add_button.isEnabled()
    assert sorted(panel.selected_event_ids()) == sorted(e.id for e in events)
    assert not panel.message_label.isVisible()
