"""The case list: lazy pages, filters as you type, sorting, and the case form."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from satchel.core.model import CaseStatus, CaseType, Reference, RiskLevel
from satchel.gui.cases.dialog import CaseDialog, CloseCaseDialog
from satchel.gui.cases.page import PAGE_SIZE, CaseFilter, CasesModel, CasesPage


def _page(qtbot, vault) -> CasesPage:
    page = CasesPage(vault)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _titles(page: CasesPage) -> list[str]:
    m = page.model
    return [m.index(r, CasesModel.TITLE).data() for r in range(m.rowCount())]


@pytest.fixture
def many_cases(vault):
    with vault.bulk():
        for i in range(PAGE_SIZE * 2 + 50):
            vault.cases.create(f"Case {i:03d}")
    return vault


def test_large_list_is_fetched_a_page_at_a_time_as_the_view_scrolls(qtbot, many_cases):
    page = _page(qtbot, many_cases)
    model = page.model
    assert model.total == PAGE_SIZE * 2 + 50
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    assert len(set(_titles(page))) == model.total  # no page fetched twice


def test_sorting_by_title_both_ways_reads_every_case_once(qtbot, many_cases):
    page = _page(qtbot, many_cases)
    page.table.sortByColumn(CasesModel.TITLE, Qt.SortOrder.AscendingOrder)
    while page.model.canFetchMore():
        page.model.fetchMore()
    ascending = _titles(page)
    assert ascending == sorted(ascending) and len(ascending) == PAGE_SIZE * 2 + 50
    page.table.sortByColumn(CasesModel.TITLE, Qt.SortOrder.DescendingOrder)
    last = PAGE_SIZE * 2 + 49
    assert _titles(page)[:3] == [f"Case {n:03d}" for n in (last, last - 1, last - 2)]
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert _titles(page) == list(reversed(ascending))


def test_text_filter_narrows_the_list_as_you_type(qtbot, vault):
    vault.cases.create(
        "Extradition of Ruslan Fictitious", references=(Reference("Court", "3/10-2291/2025"),)
    )
    vault.cases.create("Asylum: Dilnoza Invented")
    vault.cases.create("Detention review of K. Madeup")
    page = _page(qtbot, vault)
    assert page.model.rowCount() == 3
    page.focus_filter()
    qtbot.keyClicks(page.text_edit, "fict")
    assert _titles(page) == ["Extradition of Ruslan Fictitious"]
    page.text_edit.clear()
    qtbot.keyClicks(page.text_edit, "2291")  # a reference number
    assert _titles(page) == ["Extradition of Ruslan Fictitious"]
    qtbot.keyClicks(page.text_edit, "zzz")
    assert page.model.rowCount() == 0
    assert page.empty_label.text() == "No case matches the filter."


def test_status_type_risk_and_tag_filters_combine(qtbot, vault):
    vault.cases.create("A", case_type=CaseType.ASYLUM, risk=RiskLevel.HIGH, tags=("urgent",))
    vault.cases.create("B", case_type=CaseType.ASYLUM, risk=RiskLevel.LOW)
    vault.cases.create(
        "C", case_type=CaseType.EXTRADITION, status=CaseStatus.ON_HOLD, tags=("urgent",)
    )
    page = _page(qtbot, vault)

    def choose(combo, value):
        combo.setCurrentIndex(combo.findData(value))

    choose(page.type_combo, CaseType.ASYLUM.value)
    assert sorted(_titles(page)) == ["A", "B"]
    choose(page.risk_combo, RiskLevel.HIGH.value)
    assert _titles(page) == ["A"]
    choose(page.type_combo, None)
    choose(page.risk_combo, None)
    choose(page.tag_combo, "urgent")
    assert sorted(_titles(page)) == ["A", "C"]
    choose(page.status_combo, CaseStatus.ON_HOLD.value)
    assert _titles(page) == ["C"]
    assert page.current_filter() == CaseFilter(status=CaseStatus.ON_HOLD, tag="urgent")


def test_new_case_form_says_what_is_wrong_next_to_the_field(qtbot, vault):
    dialog = CaseDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # empty title
    assert dialog.isVisible()
    assert dialog.title_error.isVisible()
    assert dialog.title_error.text() == "A case needs a title."
    assert vault.cases.count() == 0

    dialog.title_edit.setText("Deportation of T. Imaginary")
    dialog.refs_table.insertRow(0)
    from PySide6.QtWidgets import QTableWidgetItem

    dialog.refs_table.setItem(0, 0, QTableWidgetItem("Migration service"))
    dialog.accept()  # a reference without its number
    assert dialog.refs_error.text() == "Each reference needs a number."
    dialog.refs_table.setItem(0, 1, QTableWidgetItem("MS-77/2025"))
    dialog.opened_edit.set_value(date(2025, 3, 1))
    dialog.closed_edit.set_value(date(2025, 2, 1))
    dialog.accept()
    assert dialog.closed_error.text() == "A case cannot close before it opened"
    dialog.closed_edit.set_value(None)
    dialog.accept()
    assert not dialog.isVisible()
    saved = vault.cases.get(dialog.saved.id)
    assert saved.title == "Deportation of T. Imaginary"
    assert saved.references == (Reference("Migration service", "MS-77/2025"),)
    assert saved.opened == date(2025, 3, 1)
    assert any(e.action == "create" and e.record_id == saved.id for e in vault.audit.list())


def test_unsaved_changes_are_not_dropped_without_asking(qtbot, vault, monkeypatch):
    case = vault.cases.create("Original title")
    dialog = CaseDialog(vault, case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Changed title")
    asked: list[str] = []

    def answer(button):
        def exec_(box):
            asked.append(box.text())
            return button

        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert dialog.isVisible() and asked  # kept open, the user was asked
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert not dialog.isVisible()
    assert vault.cases.get(case.id).title == "Original title"


def test_edit_from_the_list_updates_the_row(qtbot, vault, monkeypatch):
    case = vault.cases.create("Before edit")
    page = _page(qtbot, vault)
    page.select_case(case.id)

    def fake_exec(dialog):
        dialog.title_edit.setText("After edit")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CaseDialog, "exec", fake_exec)
    page.edit_selected()
    assert _titles(page) == ["After edit"]
    assert vault.cases.get(case.id).title == "After edit"


def test_closing_a_case_sets_its_status_and_date(qtbot, vault):
    case = vault.cases.create("To be closed", opened=date(2024, 1, 10))
    dialog = CloseCaseDialog(vault, case)
    qtbot.addWidget(dialog)
    from PySide6.QtCore import QDate

    dialog.date_edit.setDate(QDate(2023, 12, 31))
    dialog.accept()
    assert dialog.error.text() == "A case cannot close before it opened"
    dialog.date_edit.setDate(QDate(2025, 6, 2))
    dialog.accept()
    closed = vault.cases.get(case.id)
    assert closed.status == CaseStatus.CLOSED and closed.closed == date(2025, 6, 2)


def test_clear_drops_every_case_from_the_model(qtbot, vault):
    vault.cases.create("Held in memory")
    page = _page(qtbot, vault)
    page.clear()
    assert page.model.rowCount() == 0
    assert page.tag_combo.count() == 1


def _urgent_vault(vault):
    """Three cases: one overdue, one due in two days, one with nothing pending."""
    from datetime import timedelta

    today = date.today()
    overdue = vault.cases.create("Appeal of B. Fictive")
    near = vault.cases.create("Asylum of C. Invented")
    calm = vault.cases.create("Advice to D. Made-up")
    vault.events.create(
        overdue.id, "Appeal due", "deadline", date=(today - timedelta(days=3)).isoformat()
    )
    vault.events.create(
        near.id, "Reply due", "deadline", date=(today + timedelta(days=2)).isoformat()
    )
    zed = vault.people.create(["Zoya Zadorova"])
    abe = vault.people.create(["Abel Abramov"])
    vault.roles.create(near.id, abe.id, "client")
    vault.roles.create(overdue.id, zed.id, "client")
    return overdue, near, calm


def test_overdue_and_near_deadlines_are_said_in_words_not_only_colour(qtbot, vault):
    overdue, near, calm = _urgent_vault(vault)
    page = _page(qtbot, vault)
    m = page.model

    def cell(case_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):
        return m.index(m.row_of(case_id), column).data(role)

    assert cell(overdue.id, CasesModel.LEFT) == "overdue by 3 days"
    assert cell(near.id, CasesModel.LEFT) == "2 days left"
    assert cell(calm.id, CasesModel.LEFT) == ""
    assert cell(near.id, CasesModel.CLIENT) == "Abel Abramov"
    assert cell(calm.id, CasesModel.CLIENT) == ""
    # Bold and a sign, beside the colour: readable without telling red from orange.
    for case in (overdue, near):
        assert cell(case.id, CasesModel.LEFT, Qt.ItemDataRole.FontRole).bold()
        assert not cell(case.id, CasesModel.LEFT, Qt.ItemDataRole.DecorationRole).isNull()
    assert cell(calm.id, CasesModel.LEFT, Qt.ItemDataRole.FontRole) is None


def test_sorting_by_days_left_and_by_client_puts_the_urgent_first(qtbot, vault):
    overdue, near, calm = _urgent_vault(vault)
    page = _page(qtbot, vault)
    page.table.sortByColumn(CasesModel.LEFT, Qt.SortOrder.AscendingOrder)
    assert _titles(page) == [overdue.title, near.title, calm.title]
    assert page.table.horizontalHeader().sortIndicatorSection() == CasesModel.LEFT
    page.table.sortByColumn(CasesModel.CLIENT, Qt.SortOrder.AscendingOrder)
    assert _titles(page) == [near.title, overdue.title, calm.title]
    page.table.sortByColumn(CasesModel.CLIENT, Qt.SortOrder.DescendingOrder)
    assert _titles(page) == [calm.title, overdue.title, near.title]


def test_down_moves_from_the_filter_into_the_list_and_enter_opens(qtbot, vault):
    overdue, near, _calm = _urgent_vault(vault)
    page = _page(qtbot, vault)
    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page.focus_filter()
    qtbot.keyClicks(page.text_edit, "Asylum")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert opened == [("case", near.id)]

    page.text_edit.clear()
    page.focus_filter()
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Down)
    assert page.focusWidget() is page.table
    assert page.selected_case() is not None
    first = page.selected_case()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_case() != first
    assert overdue.id in {page.model.case_at(r).id for r in range(page.model.rowCount())}
