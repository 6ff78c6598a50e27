"""Every list a lawyer types a name into finds it in any spelling, on real widgets over a
real vault: the cases filter, the people filter, the add-person picker of a case and the
colleague list. A Latin spelling (English, passport, German, Polish) or Е typed for Ё
finds the Cyrillic name, and a one-sound prefix (`Zh`) is a prefix."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from satchel.core.model import CaseType, PersonName, Script
from satchel.crypto.identity import Identity
from satchel.gui.cases.add_people import AddPeopleDialog
from satchel.gui.cases.page import CasesPage
from satchel.gui.exchange.colleagues import ColleaguesPage
from satchel.gui.people.page import PeopleModel, PeoplePage

SPELLINGS = ["Zhuravleva", "Zhuravlyova", "Žuravljova", "Schurawljowa", "Żurawliowa", "Журавлева"]


def _type(edit: QLineEdit, text: str) -> None:
    edit.clear()
    # One character at a time, as typed (QTest cannot synthesise Cyrillic key presses).
    for ch in text:
        edit.insert(ch)
    QApplication.processEvents()


@pytest.fixture
def people(vault):
    anna = vault.people.create([PersonName("Журавлёва Анна", Script.CYRILLIC, primary=True)])
    vault.people.create([PersonName("Петрова Ольга", Script.CYRILLIC, primary=True)])
    vault.people.create(["Ivan Sidorov"])
    return anna


@pytest.mark.parametrize("typed", [*SPELLINGS, "Zh"])
def test_cases_filter_finds_a_cyrillic_name_in_the_title(qtbot, vault, typed):
    vault.cases.create("Экстрадиция: Журавлёва А.", case_type=CaseType.EXTRADITION)
    vault.cases.create("Asylum: Petrova O.")
    page = CasesPage(vault)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    _type(page.text_edit, typed)
    titles = [page.model.case_at(r).title for r in range(page.model.rowCount())]
    assert titles == ["Экстрадиция: Журавлёва А."], typed


@pytest.mark.parametrize("typed", [*SPELLINGS, "anna zhur", "Zh"])
def test_people_filter_finds_the_cyrillic_person(qtbot, vault, people, typed):
    page = PeoplePage(vault)
    qtbot.addWidget(page)
    _type(page.filter_edit, typed)
    page.apply_filter()
    m = page.model
    assert [m.index(r, PeopleModel.NAME).data() for r in range(m.rowCount())] == [
        "Журавлёва Анна"
    ], typed


@pytest.mark.parametrize("typed", [*SPELLINGS, "Zh"])
def test_add_person_picker_of_a_case_finds_the_cyrillic_person(qtbot, vault, people, typed):
    case = vault.cases.create("Asylum claim")
    dialog = AddPeopleDialog(vault, case.id)
    qtbot.addWidget(dialog)
    _type(dialog.filter_edit, typed)
    shown = [dialog.people.item(r).text() for r in range(dialog.people.count())]
    # The person found first, then the offer to create a new one with the name typed.
    assert shown[:-1] == ["Журавлёва Анна"], typed
    assert shown[-1].startswith("Create new person “"), typed
    dialog.add_current()
    assert [r.person_id for r in vault.roles.list(case_id=case.id)] == [people.id]


@pytest.mark.parametrize("typed", [*SPELLINGS, "Zh", "журавл"])
def test_colleague_list_finds_a_colleague_in_any_spelling(qtbot, vault, typed):
    vault.identities.get("Anna Fictional")
    page = ColleaguesPage(vault)
    qtbot.addWidget(page)
    for name in ("Журавлёва Анна", "Boris Petrov"):
        page.add_card(Identity.generate(name).public().card())
    assert page.table.rowCount() == 2
    _type(page.filter_edit, typed)
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == [
        "Журавлёва Анна"
    ], typed
    page.filter_edit.clear()
    assert page.table.rowCount() == 2


def test_clearing_the_colleagues_page_forgets_the_filter(qtbot, vault):
    vault.identities.get("Anna Fictional")
    page = ColleaguesPage(vault)
    qtbot.addWidget(page)
    _type(page.filter_edit, "Zhuravleva")
    page.clear()
    assert page.filter_edit.text() == ""
