"""People linked in place: find in any spelling or create, give a role, never leave the case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from satchel.core.model import PersonName, RoleKind, Script
from satchel.core.vault import Vault
from satchel.gui.cases.add_people import AddPeopleDialog, name_as_typed
from satchel.gui.cases.view import CaseView
from satchel.gui.people.dialog import PersonDialog

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_linking.py"


def type_text(widget: QWidget, text: str) -> None:
    """Type key by key, any script (QTest's keyClicks knows only ASCII keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def case_view(qtbot, vault: Vault) -> CaseView:
    case = vault.cases.create(title="Extradition of P. Fictionov")
    view = CaseView(vault)
    qtbot.addWidget(view, before_close_func=lambda v: v.clear())
    view.set_case(case.id)
    view.show()
    return view


def open_add_people(qtbot, view: CaseView) -> AddPeopleDialog:
    qtbot.mouseClick(view.overview.add_people_button, Qt.MouseButton.LeftButton)
    dialog = view.people.add_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_new_person_is_created_from_the_case_with_the_typed_name_and_a_role(
    qtbot, vault, case_view
):
    dialog = open_add_people(qtbot, case_view)
    assert dialog.focusWidget() is dialog.filter_edit  # the typing goes to the search box
    dialog.roles.setCurrentRow(list(RoleKind).index(RoleKind.RELATIVE))
    type_text(dialog.filter_edit, "дина сочинённая")
    rows = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert rows == ["Create new person “Дина Сочинённая”…"]
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

    form = dialog.person_form
    assert isinstance(form, PersonDialog) and form.isVisible()
    names = form.names.table
    assert names.item(0, PersonDialog.NAME).text() == "Дина Сочинённая"
    assert names.cellWidget(0, PersonDialog.SCRIPT).currentData() == Script.CYRILLIC.value
    # The cursor is in the name: its editor is open.
    assert names.state() == QAbstractItemView.State.EditingState
    assert (names.currentRow(), names.currentColumn()) == (0, PersonDialog.NAME)
    qtbot.wait(10)
    editor = QApplication.focusWidget() or names.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit) and not editor.hasSelectedText()
    assert editor.cursorPosition() == len("Дина Сочинённая")  # a key typed adds, not replaces
    assert form.is_dirty()  # closing would ask: the typed name is not thrown away silently

    assert form.save()
    person = vault.people.list()[0]
    assert person.primary_name == "Дина Сочинённая"
    roles = vault.roles.list(case_id=case_view.case_id)
    assert [(r.person_id, r.kind) for r in roles] == [(person.id, RoleKind.RELATIVE)]
    # Still in the case, ready for the next person; the case's lists already show her.
    assert dialog.isVisible() and dialog.filter_edit.text() == ""
    assert dialog.focusWidget() is dialog.filter_edit
    assert "Дина Сочинённая" in dialog.added_label.text()
    table = case_view.people.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Дина Сочинённая"]


def test_a_latin_spelling_finds_the_cyrillic_person_and_enter_adds_them(qtbot, vault, case_view):
    person = vault.people.create([PersonName("Журавлёва Анна", Script.CYRILLIC, primary=True)])
    dialog = open_add_people(qtbot, case_view)
    type_text(dialog.filter_edit, "Zhuravleva")
    assert dialog.people.item(0).text() == "Журавлёва Анна"
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.person_form is None
    assert vault.people.count() == 1
    assert [r.person_id for r in vault.roles.list(case_id=case_view.case_id)] == [person.id]


def test_down_reaches_create_new_even_when_someone_matches(qtbot, vault, case_view):
    vault.people.create([PersonName("Anna Example", Script.LATIN, primary=True)])
    dialog = open_add_people(qtbot, case_view)
    type_text(dialog.filter_edit, "Anna")
    assert dialog.people.count() == 2
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    form = dialog.person_form
    assert form is not None
    assert form.names.table.item(0, PersonDialog.NAME).text() == "Anna"
    form.clear()  # closed without saving: nobody is created or added
    assert vault.people.count() == 1
    assert vault.roles.count(case_id=case_view.case_id) == 0


def test_event_form_adds_a_new_person_and_ticks_them(qtbot, vault, case_view):
    case_view.show_tab(CaseView.CHRONOLOGY)
    event_form = case_view.chronology._open_dialog(None)
    qtbot.addWidget(event_form, before_close_func=lambda d: d.clear())
    event_form.show()
    assert event_form.add_people_button.isVisible()
    qtbot.mouseClick(event_form.add_people_button, Qt.MouseButton.LeftButton)
    dialog = event_form.findChild(AddPeopleDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.roles.setCurrentRow(list(RoleKind).index(RoleKind.WITNESS))
    type_text(dialog.filter_edit, "Boris Sample")
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.person_form is not None and dialog.person_form.save()
    item = event_form.people_list.item(0)
    assert item.text() == "Boris Sample (Witness)"
    assert item.checkState() == Qt.CheckState.Checked
    event_form.title_edit.setText("Questioned as a witness")
    assert event_form.save()
    person = vault.people.list()[0]
    assert vault.events.get(event_form.event_id).person_ids == (person.id,)


@pytest.mark.parametrize(
    ("table", "column"),
    [("names", PersonDialog.NAME), ("documents", PersonDialog.DOC_KIND),
     ("contacts", PersonDialog.CONTACT_VALUE)],
)  # fmt: skip
def test_adding_a_row_in_the_person_form_starts_editing_it(qtbot, vault, table, column):
    form = PersonDialog(vault)
    qtbot.addWidget(form, before_close_func=lambda d: d.clear())
    form.show()
    part = getattr(form, table)
    qtbot.mouseClick(part.add_button, Qt.MouseButton.LeftButton)
    row = part.table.rowCount() - 1
    assert part.table.state() == QAbstractItemView.State.EditingState
    assert (part.table.currentRow(), part.table.currentColumn()) == (row, column)


@pytest.mark.parametrize(
    ("typed", "name"),
    [("ivan petrov", "Ivan Petrov"), ("  иван   петров ", "Иван Петров"),
     ("van der Berg", "van der Berg"), ("McLeod", "McLeod")],
)  # fmt: skip
def test_a_name_typed_in_lower_case_gets_its_capitals(typed, name):
    assert name_as_typed(typed) == name


def test_five_people_in_four_roles_take_fewer_than_a_third_of_the_actions_they_took(capsys):
    spec = importlib.util.spec_from_file_location("bench_linking", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_linking"] = bench
    spec.loader.exec_module(bench)
    figures = bench.run("after")
    # 66 before (bench_linking.py --flow before, on the code of 7441299).
    assert figures.linked_as_intended
    assert figures.hand.actions <= 23, figures.hand.log


def test_a_name_still_being_typed_in_its_cell_is_saved_whole(qtbot, vault):
    form = PersonDialog(vault, name="Ivan")
    qtbot.addWidget(form, before_close_func=lambda d: d.clear())
    form.show()
    qtbot.wait(10)
    editor = form.names.table.viewport().findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, " Petrov")  # Ctrl+S comes while the cell is still being edited
    assert form.save()
    assert [p.primary_name for p in vault.people.list()] == ["Ivan Petrov"]
