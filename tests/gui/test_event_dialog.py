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
    assert "end date lies before the start date" in dialog.date_error.text()
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
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(EventType.DEADLINE.value))
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


# -- deadlines that follow procedural law ---------------------------------------------------------


def _choose_type(dialog: EventDialog, event_type: EventType) -> None:
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(event_type.value))


def _count_from(dialog: EventDialog, source_id: str, amount: int, unit: str) -> None:
    dialog.computed_from_combo.setCurrentIndex(dialog.computed_from_combo.findData(source_id))
    dialog.offset_days_spin.setValue(amount)
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(unit))


@pytest.fixture
def russian_case_id(vault: Vault) -> str:
    return vault.cases.create(title="Extradition of T. Imaginary", jurisdiction="Russia").id


def test_the_type_deadline_is_the_only_switch_and_saving_one_puts_it_on_the_agenda(
    qtbot, vault, case_id
):
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.show()
    assert not dialog.deadline_box.isCheckable()
    assert not dialog.deadline_box.isVisible()  # a new event is of type Other
    _choose_type(dialog, EventType.DEADLINE)
    assert dialog.deadline_box.isVisible()
    dialog.title_edit.setText("Reply to the ministry")
    dialog.date_edit.set_value(FuzzyDate.parse("2026-12-10"))
    assert dialog.save()
    saved = vault.events.get(dialog.event_id)
    assert saved.deadline is not None and saved.deadline.status is DeadlineStatus.PENDING
    from datetime import date

    assert [e.id for e in vault.events.agenda(date(2026, 12, 1))] == [saved.id]

    # Another type takes the deadline details away, and the box with them.
    _choose_type(dialog, EventType.HEARING)
    assert not dialog.deadline_box.isVisible()
    assert dialog.save()
    assert vault.events.get(saved.id).deadline is None


def test_a_weekend_rollover_is_shown_and_saved_with_the_cases_rule(qtbot, vault, russian_case_id):
    decision = vault.events.create(russian_case_id, "Decision", "decision", date="2026-11-27")
    dialog = new_dialog(qtbot, vault, russian_case_id)
    dialog.show()
    dialog.title_edit.setText("Appeal due")
    _choose_type(dialog, EventType.DEADLINE)
    assert dialog.rule_combo.currentData() == "RU"  # from the case's jurisdiction
    _count_from(dialog, decision.id, 15, "calendar_days")
    assert dialog.computed_preview.text() == "Due: 14 Dec 2026"
    assert dialog.rollover_label.text() == "Rolled over: Sat 12 Dec → Mon 14 Dec, weekend"
    assert "art. 128" in dialog.rule_source_label.text()
    assert dialog.save()
    saved = vault.events.get(dialog.event_id)
    assert saved.date == FuzzyDate.parse("2026-12-14")
    assert saved.deadline is not None and saved.deadline.rule == "RU"

    # Opened again, the form still shows the day counting gave and why it moved.
    again = new_dialog(qtbot, vault, russian_case_id, saved.id)
    again.show()
    assert again.rollover_label.text() == "Rolled over: Sat 12 Dec → Mon 14 Dec, weekend"
    assert not again.is_dirty()

    # The ECHR rule, chosen for this deadline alone, keeps the Saturday and says so.
    again.rule_combo.setCurrentIndex(again.rule_combo.findData("ECHR"))
    assert again.computed_preview.text() == "Due: 12 Dec 2026"
    assert "not a working day" in again.rollover_label.text()
    assert again.save()
    assert vault.events.get(saved.id).date == FuzzyDate.parse("2026-12-12")


def test_months_and_holidays_in_the_form(qtbot, vault, russian_case_id):
    january = vault.events.create(russian_case_id, "Decision", "decision", date="2028-01-31")
    december = vault.events.create(russian_case_id, "Ruling", "decision", date="2026-12-22")
    dialog = new_dialog(qtbot, vault, russian_case_id)
    dialog.show()
    _choose_type(dialog, EventType.DEADLINE)
    _count_from(dialog, january.id, 1, "months")
    assert dialog.computed_preview.text() == "Due: 29 Feb 2028"
    assert not dialog.rollover_label.isVisible()  # a Tuesday: nothing moved
    _count_from(dialog, december.id, 10, "calendar_days")
    assert dialog.computed_preview.text() == "Due: 11 Jan 2027"
    assert dialog.rollover_label.text() == (
        "Rolled over: Fri 1 Jan → Mon 11 Jan, New Year Holidays"
    )
    _count_from(dialog, december.id, 5, "working_days")
    assert dialog.computed_preview.text() == "Due: 29 Dec 2026"


def test_another_countrys_holidays_can_be_chosen_for_one_deadline(qtbot, vault, case_id):
    ruling = vault.events.create(case_id, "Ruling", "decision", date="2026-12-15")
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.show()
    dialog.title_edit.setText("Reply")
    _choose_type(dialog, EventType.DEADLINE)
    assert dialog.rule_combo.currentData() == "none"  # the case names no jurisdiction
    assert not dialog.country_combo.isVisible()
    dialog.rule_combo.setCurrentIndex(dialog.rule_combo.findData("custom"))
    assert dialog.country_combo.isVisible()
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("DE"))
    _count_from(dialog, ruling.id, 10, "calendar_days")
    assert dialog.computed_preview.text() == "Due: 28 Dec 2026"
    assert dialog.save()
    saved = vault.events.get(dialog.event_id)
    assert saved.deadline is not None and saved.deadline.rule == "DE"
    reopened = new_dialog(qtbot, vault, case_id, saved.id)
    assert reopened.country_combo.currentData() == "DE"


def test_moving_the_source_recomputes_what_the_form_shows(qtbot, vault, russian_case_id):
    decision = vault.events.create(russian_case_id, "Decision", "decision", date="2026-11-27")
    appeal = vault.events.create_deadline(
        russian_case_id, "Appeal", computed_from=decision.id, offset_days=15
    )
    vault.events.update(decision.id, date=FuzzyDate.parse("2026-11-30"))
    dialog = new_dialog(qtbot, vault, russian_case_id, appeal.id)
    dialog.show()
    assert dialog.computed_preview.text() == "Due: 15 Dec 2026"
    assert not dialog.rollover_label.isVisible()


def test_the_rollover_reads_in_russian(qtbot, vault, russian_case_id, russian):
    decision = vault.events.create(russian_case_id, "Decision", "decision", date="2026-11-27")
    ruling = vault.events.create(russian_case_id, "Ruling", "decision", date="2026-12-22")
    dialog = new_dialog(qtbot, vault, russian_case_id)
    dialog.show()
    _choose_type(dialog, EventType.DEADLINE)
    _count_from(dialog, decision.id, 15, "calendar_days")
    assert dialog.rollover_label.text() == "Перенос: сб 12 дек. → пн 14 дек., выходной"
    assert dialog.deadline_box.title() == "Процессуальный срок"
    _count_from(dialog, ruling.id, 10, "calendar_days")
    assert dialog.rollover_label.text() == ("Перенос: пт 1 янв. → пн 11 янв., Новогодние каникулы")


def test_the_period_cannot_be_set_beyond_ten_years_in_its_unit(qtbot, vault, case_id):
    decision = vault.events.create(case_id, "Extradition decision", "decision", date="2025-08-14")
    dialog = new_dialog(qtbot, vault, case_id)
    dialog.title_edit.setText("Appeal window closes")
    _choose_type(dialog, EventType.DEADLINE)
    _count_from(dialog, decision.id, 100_000, "calendar_days")
    assert dialog.offset_days_spin.value() == 3650
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("months"))
    assert dialog.offset_days_spin.value() == 120
    dialog.lead_days_spin.setValue(10**6)
    assert dialog.lead_days_spin.value() == 365
    assert dialog.save()
    saved = vault.events.get(dialog.event_id).deadline
    assert saved is not None and (saved.offset_days, saved.unit.value) == (120, "months")


def test_a_new_event_starts_neutral_and_offers_the_defence_types(qtbot, vault, case_id, russian):
    dialog = new_dialog(qtbot, vault, case_id)
    assert dialog.type_combo.currentData() == EventType.OTHER.value
    offered = {dialog.type_combo.itemText(i) for i in range(dialog.type_combo.count())}
    assert {"Возбуждение уголовного дела", "Заочный арест"} <= offered
    assert "Объявление в розыск / уведомление Интерпола" in offered
    dialog.title_edit.setText("Красное уведомление Интерпола опубликовано")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(EventType.WANTED_NOTICE.value))
    dialog.save()
    (event,) = vault.events.list(case_id=case_id)
    assert event.event_type is EventType.WANTED_NOTICE


def test_investigator_and_consular_officer_are_roles(vault, case_id):
    person = vault.people.create(["Тимур Ахметов"])
    vault.roles.create(case_id, person.id, RoleKind.INVESTIGATOR)
    vault.roles.create(case_id, person.id, "consular_officer")
    kinds = {r.kind for r in vault.roles.list(case_id=case_id)}
    assert kinds == {RoleKind.INVESTIGATOR, RoleKind.CONSULAR_OFFICER}
