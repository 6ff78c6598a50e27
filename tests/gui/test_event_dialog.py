"""The event form: every date kind and precision, validation next to fields, deadlines."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from satchel import i18n
from satchel.core.dates import FuzzyDate
from satchel.core.model import DeadlineStatus, EventType, FactStatus, RoleKind
from satchel.core.vault import Vault
from satchel.gui.chronology.event_dialog import EventDialog
from satchel.gui.common.dates import FuzzyDateEdit


@pytest.fixture
def case_id(vault: Vault) -> str:
    return vault.cases.create(title="Asylum of B. Imaginary").id


def new_dialog(qtbot, vault: Vault, case_id: str, event_id: str | None = None) -> EventDialog:
    dialog = EventDialog(vault, case_id, event_id)
    # clear() first: closing a dialog with unsaved edits would (rightly) ask what to do.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    return dialog


@pytest.mark.parametrize(
    "text",
    [
        "2025-08-14T10:30+03:00",
        "2025-08-14T23:05-05:30",
        "2025-08-14",
        "2025-08",
        "2025",
        "~2019",
        "<2024-03",
        ">2025-01-10",
        "2025-03-01..2025-03-10",
        "2025-05/2025-07",
        "tbd",
    ],
)
def test_date_editor_expresses_every_kind_and_precision(qtbot, text):
    editor = FuzzyDateEdit()
    qtbot.addWidget(editor)
    value = FuzzyDate.parse(text)
    editor.set_value(value)
    assert editor.value() == value
    assert editor.preview_text() == f"Shown as: {value.display()}"


def test_month_precision_date_is_saved_as_the_month_not_a_day(qtbot, vault, case_id):
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.title_edit.setText("Detained in Almaty")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(EventType.DETENTION.value))
    dialog.date_edit.set_value(FuzzyDate.parse("2025-08"))
    assert dialog.date_edit.preview_text() == "Shown as: Aug 2025"

    assert dialog.save()
    event = vault.events.get(dialog.event_id)
    assert event.date == FuzzyDate.parse("2025-08")
    assert event.event_type is EventType.DETENTION


def test_preview_is_in_russian_when_the_interface_is(qtbot):
    i18n.install_translations("ru")
    try:
        editor = FuzzyDateEdit()
        qtbot.addWidget(editor)
        editor.set_value(FuzzyDate.parse("2025-03-01..2025-03-10"))
        assert "в промежутке с 1 марта 2025 по 10 марта 2025" in editor.preview_text()
    finally:
        i18n.install_translations("en")


def test_empty_title_is_refused_next_to_the_field_and_nothing_is_saved(qtbot, vault, case_id):
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.show()
    dialog.title_edit.setText("   ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.title_error.isVisible()
    assert dialog.title_error.text() == "An event needs a title."
    assert vault.events.count(case_id=case_id) == 0


def test_range_ending_before_it_starts_is_refused_next_to_the_date(qtbot, vault, case_id):
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.show()
    dialog.title_edit.setText("In custody")
    dialog.date_edit.set_value(FuzzyDate.parse("2025-05/2025-07"))
    dialog.date_edit.start.set_value(FuzzyDate.parse("2025-09").start)
    assert "Not a valid date yet" in dialog.date_edit.preview_text()
    assert not dialog.save()
    assert dialog.date_error.isVisible()
    assert "end lies before the start" in dialog.date_error.text()
    assert vault.events.count(case_id=case_id) == 0


def test_editing_loads_every_field_and_saves_changes(qtbot, vault, case_id):
    person = vault.people.create(["Борис Вымышленный", "Boris Vymyshlenny"])
    vault.roles.create(case_id, person.id, RoleKind.CLIENT)
    event = vault.events.create(
        case_id,
        "Hearing on extradition",
        "hearing",
        date=FuzzyDate.parse("2025-08-14T10:30+03:00"),
        source="Court summons",
        source_quote="to appear at 10:30",
        key_fact=True,
        fact_status=FactStatus.UNSURE,
    )
    dialog = new_dialog(qtbot, vault, case_id, event.id)
    assert dialog.title_edit.text() == "Hearing on extradition"
    assert dialog.date_edit.value() == event.date
    assert dialog.key_fact_check.isChecked()
    assert dialog.source_edit.text() == "Court summons"
    assert dialog.people_list.count() == 1
    assert dialog.people_list.item(0).text() == "Борис Вымышленный (Client)"
    assert not dialog.is_dirty()

    dialog.people_list.item(0).setCheckState(dialog.people_list.item(0).checkState().Checked)
    dialog.status_combo.setCurrentIndex(
        dialog.status_combo.findData(FactStatus.DISPUTED_BY_US.value)
    )
    assert dialog.is_dirty()
    assert dialog.save()
    saved = vault.events.get(event.id)
    assert saved.person_ids == (person.id,)
    assert saved.fact_status is FactStatus.DISPUTED_BY_US
    assert saved.date == event.date


def test_unsaved_changes_are_not_dropped_silently(qtbot, vault, case_id, monkeypatch):
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.show()
    dialog.title_edit.setText("Call from the consulate")

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert dialog.isVisible()

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Save)
    dialog.reject()
    assert not dialog.isVisible()
    assert [e.title for e in vault.events.list(case_id=case_id)] == ["Call from the consulate"]


def test_discarding_closes_without_saving(qtbot, vault, case_id, monkeypatch):
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.show()
    dialog.title_edit.setText("Draft")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    assert vault.events.count(case_id=case_id) == 0


def test_computed_deadline_follows_its_source_event(qtbot, vault, case_id):
    decision = vault.events.create(case_id, "Extradition decision", "decision", date="2025-08-14")
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.title_edit.setText("Appeal window closes")
    dialog.deadline_box.setChecked(True)
    dialog.computed_from_combo.setCurrentIndex(dialog.computed_from_combo.findData(decision.id))
    dialog.offset_days_spin.setValue(10)
    dialog.lead_days_spin.setValue(3)
    assert dialog.computed_preview.text() == "Due: 24 Aug 2025"
    assert not dialog.date_edit.isEnabled()

    assert dialog.save()
    deadline = vault.events.get(dialog.event_id)
    assert deadline.deadline is not None
    assert deadline.deadline.computed_from == decision.id
    assert deadline.deadline.offset_days == 10
    assert deadline.deadline.lead_days == 3
    assert deadline.deadline.status is DeadlineStatus.PENDING
    assert deadline.date == FuzzyDate.parse("2025-08-24")

    vault.events.update(decision.id, date=FuzzyDate.parse("2025-08-20"))
    assert vault.events.get(dialog.event_id).date == FuzzyDate.parse("2025-08-30")


def test_clear_drops_every_text_and_closes(qtbot, vault, case_id):
    event = vault.events.create(case_id, "Secret witness", date="2025-01", source="K.")
    dialog = new_dialog(qtbot, vault, case_id, event.id)
    dialog.show()
    dialog.clear()
    assert not dialog.isVisible()
    assert dialog.title_edit.text() == ""
    assert dialog.source_edit.text() == ""
    assert dialog.windowTitle() == ""
    assert dialog.computed_from_combo.count() == 0
