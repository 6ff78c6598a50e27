"""The case's people list tells apart people who share a name: role and date of birth."""

from __future__ import annotations

from satchel.core.dates import PartialDate
from satchel.core.model import RoleKind
from satchel.gui.cases.view import CasePeopleTab, OverviewTab


def test_namesakes_in_a_case_are_told_apart_by_role_and_date_of_birth(qtbot, vault):
    case = vault.cases.create("Extradition of I. Petrov")
    father = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1951, 4, 2))
    son = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1979))
    vault.roles.create(case.id, son.id, RoleKind.CLIENT)
    vault.roles.create(case.id, father.id, RoleKind.RELATIVE, note="father")
    tab = CasePeopleTab(vault)
    qtbot.addWidget(tab)
    tab.set_case(case.id)

    rows = [
        tuple(tab.table.item(r, c).text() for c in range(tab.table.columnCount()))
        for r in range(tab.table.rowCount())
    ]
    assert rows == [
        ("Ivan Petrov", "Client", "1979", ""),
        ("Ivan Petrov", "Relative", "2 Apr 1951", "father"),
    ]
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    assert headers == ["Name", "Role", "Born", "Note"]


def test_the_overview_names_each_person_with_role_and_date_of_birth(qtbot, vault):
    case = vault.cases.create("Extradition of I. Petrov")
    father = vault.people.create(["Ivan Petrov"], birth_date=PartialDate(1951, 4, 2))
    son = vault.people.create(["Ivan Petrov"])
    vault.roles.create(case.id, son.id, RoleKind.CLIENT)
    vault.roles.create(case.id, father.id, RoleKind.RELATIVE)
    overview = OverviewTab(vault)
    qtbot.addWidget(overview)
    overview.set_case(vault.cases.get(case.id))
    lines = [overview.people_list.item(i).text() for i in range(overview.people_list.count())]
    assert lines == ["Ivan Petrov — Client", "Ivan Petrov — Relative · b. 2 Apr 1951"]
