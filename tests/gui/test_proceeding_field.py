"""The event form's Proceeding field: it offers the case's proceedings and saves the one typed."""

from __future__ import annotations

from satchel.core.model import EventType, Reference
from satchel.core.vault import Vault
from satchel.gui.chronology.event_dialog import EventDialog


def new_dialog(qtbot, vault: Vault, case_id: str, event_id: str | None = None) -> EventDialog:
    dialog = EventDialog(vault, case_id, event_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    return dialog


def test_the_form_offers_the_cases_proceedings_and_saves_the_one_chosen(qtbot, vault):
    case = vault.cases.create(
        "Extradition of R. Imaginary",
        references=(Reference("Extradition file", "EX-2024/117"),),
    )
    home = "Criminal case No. 12/345 (Russia)"
    vault.events.create(case.id, "Charged in absentia", EventType.DECISION, proceeding=home)
    vault.events.create(case.id, "Wanted notice", EventType.OTHER, proceeding=home)
    dialog = new_dialog(qtbot, vault, case.id)
    # The proceedings the case's events name (most used first), then its reference numbers.
    assert dialog.proceeding_edit.choices() == [home, "Extradition file EX-2024/117"]
    dialog.title_edit.setText("Extradition hearing")
    dialog.proceeding_edit.setText("  Extradition file EX-2024/117 ")
    assert dialog.is_dirty()
    assert dialog.save()
    saved = next(e for e in vault.events.list(case_id=case.id) if e.title == "Extradition hearing")
    assert saved.proceeding == "Extradition file EX-2024/117"
    # Opened again, the form shows it; the lock's clear() forgets it and the choices.
    again = new_dialog(qtbot, vault, case.id, saved.id)
    assert again.proceeding_edit.text() == "Extradition file EX-2024/117"
    again.clear()
    assert again.proceeding_edit.text() == "" and again.proceeding_edit.choices() == []
