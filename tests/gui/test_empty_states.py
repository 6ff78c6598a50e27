"""Empty lists say what to do next, and go quiet as soon as they hold something."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from satchel.core.vault import Vault
from satchel.gui.cases.page import CasesPage
from satchel.gui.exchange.colleagues import ColleaguesPage
from satchel.gui.exchange.imports import ImportsPage
from satchel.gui.people.page import PeoplePage


def _shown(page, qtbot) -> str | None:
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    labels = [w for w in page.findChildren(QLabel, "emptyState") if w.isVisible()]
    return labels[0].text() if labels else None


def test_an_empty_cases_list_says_how_to_start_and_a_filter_says_nothing_matches(qtbot, vault):
    page = CasesPage(vault)
    qtbot.addWidget(page)
    assert "New case" in (_shown(page, qtbot) or "")
    vault.cases.create("Asylum appeal of L. Orlova (fictional)")
    page.refresh()
    assert _shown(page, qtbot) is None
    page.text_edit.setText("nothing like this")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "No case matches" in (_shown(page, qtbot) or "")


def test_people_colleagues_and_imports_explain_themselves(qtbot, vault: Vault, russian):
    people = PeoplePage(vault)
    qtbot.addWidget(people)
    assert people.title.text() == "Люди"
    assert "Людей пока нет" in (_shown(people, qtbot) or "")
    colleagues = ColleaguesPage(vault)
    qtbot.addWidget(colleagues)
    assert "отпечаток" in (_shown(colleagues, qtbot) or "")
    titles = [w.text() for w in colleagues.findChildren(QLabel, "pageTitle")]
    assert titles == ["Коллеги"]
    imports = ImportsPage(vault)
    qtbot.addWidget(imports)
    shown = [w.text() for w in imports.findChildren(QLabel, "emptyState") if w.isVisibleTo(imports)]
    assert any(".satchel" in t for t in shown) and "Конфликтов для разбора нет." in shown
