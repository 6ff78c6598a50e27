"""People: filter across every spelling, the person form, the detail with copyable contacts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QMessageBox

from satchel.core.dates import PartialDate
from satchel.core.model import (
    Contact,
    ContactKind,
    IdentityDocument,
    PersonKind,
    PersonName,
    RoleKind,
    Script,
)
from satchel.core.names import script_of
from satchel.gui.lock.clipboard import PASSWORD_MANAGER_HINT, clear_if_ours
from satchel.gui.people.dialog import PersonDialog
from satchel.gui.people.page import PeopleModel, PeoplePage


@pytest.fixture
def page(qtbot, vault) -> PeoplePage:
    widget = PeoplePage(vault)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    return widget


@pytest.fixture
def client(vault):
    return vault.people.create(
        [
            PersonName("Анна Емельянова", Script.CYRILLIC, "passport", primary=True),
            PersonName("Anna Yemelyanova", Script.LATIN, "passport"),
            PersonName("Anna Emelianova", Script.LATIN, "press"),
        ],
        birth_date=PartialDate(1987, 4),
        citizenships=("Kazakhstan",),
        documents=(IdentityDocument("passport", "N0000001", "Fictional Ministry"),),
        contacts=(
            Contact(ContactKind.SIGNAL, "+7 700 000 00 01", "personal"),
            Contact(ContactKind.EMAIL, "anna@example.invalid"),
        ),
    )


def names_shown(page: PeoplePage) -> list[str]:
    m = page.model
    return [m.index(r, PeopleModel.NAME).data() for r in range(m.rowCount())]


def type_filter(qtbot, page: PeoplePage, text: str) -> None:
    page.filter_edit.clear()
    # One character at a time, as typed (QTest cannot synthesise Cyrillic key presses).
    for ch in text:
        page.filter_edit.insert(ch)
    page.apply_filter()  # what the zero-delay timer does on the next event-loop turn


def test_filter_finds_a_person_by_any_spelling(qtbot, page, vault, client):
    vault.people.create(["Борис Придуманный"])
    page.refresh()
    assert sorted(names_shown(page)) == ["Анна Емельянова", "Борис Придуманный"]

    for typed in ("Емельян", "yemelyan", "EMELIANOVA", "Emelyanova"):
        type_filter(qtbot, page, typed)
        assert names_shown(page) == ["Анна Емельянова"], typed
    type_filter(qtbot, page, "nobody-by-this-name")
    assert names_shown(page) == []
    assert page.count_label.text() == "0 found"


def test_filter_by_kind(qtbot, page, vault, client):
    vault.people.create(["Fictional Rights Watch"], kind=PersonKind.ORGANISATION)
    page.refresh()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(PersonKind.ORGANISATION.value))
    assert names_shown(page) == ["Fictional Rights Watch"]


def test_long_list_is_fetched_page_by_page(page, vault):
    with vault.bulk():
        for i in range(450):
            vault.people.create([f"Person {i:04d}"])
    page.refresh()
    assert page.model.total() == 450
    assert page.model.rowCount() < 450
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 450


def test_detail_shows_names_documents_contacts_and_cases_with_roles(page, vault, client):
    case = vault.cases.create(title="Extradition of A. Emelianova")
    other = vault.cases.create(title="Asylum of relatives")
    vault.roles.create(case.id, client.id, RoleKind.CLIENT)
    vault.roles.create(other.id, client.id, RoleKind.WITNESS)
    page.show_person(client.id)
    view = page.view
    assert view.title_label.text() == "Анна Емельянова"
    names = [view.names_table.item(r, 0).text() for r in range(view.names_table.rowCount())]
    assert names == ["Анна Емельянова", "Anna Yemelyanova", "Anna Emelianova"]
    assert view.names_table.item(2, 2).text() == "press"
    assert view.born_value.text() == "Apr 1987"
    assert view.documents_table.item(0, 1).text() == "N0000001"
    cases = {
        (view.cases_table.item(r, 0).text(), view.cases_table.item(r, 1).text())
        for r in range(view.cases_table.rowCount())
    }
    assert cases == {("Extradition of A. Emelianova", "Client"), ("Asylum of relatives", "Witness")}

    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    row = next(
        r
        for r in range(view.cases_table.rowCount())
        if view.cases_table.item(r, 1).text() == "Client"
    )
    view.cases_table.setCurrentCell(row, 0)
    view.open_selected_case()
    assert opened == [("case", case.id)]


def test_copy_button_marks_the_value_secret_and_ctrl_c_copies_too(qtbot, page, client):
    page.show_person(client.id)
    page.show()
    view = page.view
    button = view.contacts_table.cellWidget(0, 3)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "+7 700 000 00 01"
    assert bytes(mime.data(PASSWORD_MANAGER_HINT)) == b"secret"

    view.contacts_table.setCurrentCell(1, 2)
    view.contacts_table.setFocus()
    qtbot.keyClick(view.contacts_table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "anna@example.invalid"
    assert clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""


def test_script_is_guessed_from_the_letters():
    assert script_of("Журавлёва") is Script.CYRILLIC
    assert script_of("Žuravljova") is Script.LATIN
    assert script_of("Жанна Z.") is Script.CYRILLIC


def test_new_person_with_names_in_two_scripts_through_the_dialog(qtbot, vault):
    dialog = PersonDialog(vault)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    names = dialog.names.table
    names.item(0, PersonDialog.NAME).setText("Дина Сочинённая")
    dialog.names.add_button.click()
    names.item(1, PersonDialog.NAME).setText("Dina Sochinyonnaya")
    names.item(1, PersonDialog.SOURCE).setText("passport")
    script0 = names.cellWidget(0, PersonDialog.SCRIPT)
    script1 = names.cellWidget(1, PersonDialog.SCRIPT)
    assert isinstance(script0, QComboBox) and isinstance(script1, QComboBox)
    assert script0.currentData() == Script.CYRILLIC.value
    assert script1.currentData() == Script.LATIN.value

    dialog.birth_edit.set_value(PartialDate(1990))
    dialog.citizenships_edit.setText("Uzbekistan, Russia")
    dialog.documents.add_button.click()
    docs = dialog.documents.table
    docs.item(0, PersonDialog.DOC_KIND).setText("passport")
    docs.item(0, PersonDialog.DOC_NUMBER).setText("FA0000002")
    docs.item(0, PersonDialog.DOC_EXPIRES).setText("2031-02")
    dialog.contacts.add_button.click()
    dialog.contacts.table.item(0, PersonDialog.CONTACT_VALUE).setText("@dina_example")
    kind = dialog.contacts.table.cellWidget(0, PersonDialog.CONTACT_KIND)
    kind.setCurrentIndex(kind.findData(ContactKind.TELEGRAM.value))

    assert dialog.save()
    person = vault.people.get(dialog.person_id)
    assert person.primary_name == "Дина Сочинённая"
    assert [(n.text, n.script, n.source) for n in person.names] == [
        ("Дина Сочинённая", Script.CYRILLIC, ""),
        ("Dina Sochinyonnaya", Script.LATIN, "passport"),
    ]
    assert person.birth_date == PartialDate(1990)
    assert person.citizenships == ("Uzbekistan", "Russia")
    assert person.documents[0].expires == PartialDate(2031, 2)
    assert person.contacts == (Contact(ContactKind.TELEGRAM, "@dina_example"),)


def test_choosing_another_primary_name_keeps_only_one(qtbot, vault, client):
    dialog = PersonDialog(vault, client.id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    names = dialog.names.table
    names.item(1, PersonDialog.PRIMARY).setCheckState(Qt.CheckState.Checked)
    checked = [
        names.item(r, PersonDialog.PRIMARY).checkState() == Qt.CheckState.Checked
        for r in range(names.rowCount())
    ]
    assert checked == [False, True, False]
    assert dialog.save()
    assert vault.people.get(client.id).primary_name == "Anna Yemelyanova"


def test_form_says_what_is_wrong_next_to_each_field(qtbot, vault):
    dialog = PersonDialog(vault)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.show()
    dialog.documents.add_button.click()
    dialog.documents.table.item(0, PersonDialog.DOC_NUMBER).setText("X1")
    dialog.documents.table.item(0, PersonDialog.DOC_ISSUED).setText("14/08/2019")
    assert not dialog.save()
    assert dialog.names_error.text() == "A person needs at least one name."
    assert dialog.documents_error.text() == (
        "Row 1: write dates as DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or YYYY."
    )
    assert vault.people.count() == 0


def test_unsaved_person_is_not_dropped_silently(qtbot, vault, monkeypatch):
    dialog = PersonDialog(vault)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.show()
    dialog.names.table.item(0, PersonDialog.NAME).setText("Half-typed")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    assert vault.people.count() == 0


def test_show_person_clears_a_filter_that_hides_them(qtbot, page, vault, client):
    other = vault.people.create(["Гордей Выдуманный"])
    type_filter(qtbot, page, "Емельян")
    page.show_person(other.id)
    assert page.filter_edit.text() == ""
    assert page.selected_person_id() == other.id
    assert page.view.title_label.text() == "Гордей Выдуманный"


def test_delete_key_moves_to_the_trash_and_offers_undo(qtbot, page, vault, client):
    page.refresh()
    page.show()
    page.show_person(client.id)
    page.table.setFocus()
    with qtbot.waitSignal(page.undoable) as offer:
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert not vault.people.exists(client.id)
    assert names_shown(page) == []
    assert page.view.title_label.text() == ""
    (item,) = offer.args
    item.undo()
    assert vault.people.exists(client.id)
    assert names_shown(page) != []


def test_clear_leaves_no_person_data(page, client):
    page.show_person(client.id)
    page.filter_edit.setText("Анна")
    page.clear()
    assert page.model.rowCount() == 0
    assert page.filter_edit.text() == ""
    assert page.view.title_label.text() == ""
    assert page.view.contacts_table.rowCount() == 0
    assert page.view.cases_table.rowCount() == 0
    assert page.view.born_value.text() == ""


def test_language_switch_after_the_vault_closed_touches_nothing(qtbot, page, vault, client):
    from satchel import i18n

    page.show_person(client.id)
    page.show()
    vault.close()  # a window left over from a locked session still gets LanguageChange
    i18n.install_translations("ru")
    try:
        qtbot.waitUntil(lambda: page.new_button.text() == "Добавить…", timeout=5_000)
        assert page.view.title_label.text() == ""  # it dropped what it showed
        assert page.model.rowCount() == 0
    finally:
        i18n.install_translations("en")


def test_identity_document_dates_are_read_day_first_with_dots_or_as_iso(qtbot, vault):
    dialog = PersonDialog(vault)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.show()
    dialog.names.table.item(0, PersonDialog.NAME).setText("Fiktiv Person")
    dialog.documents.add_button.click()
    dialog.documents.table.item(0, PersonDialog.DOC_NUMBER).setText("X1")
    dialog.documents.table.item(0, PersonDialog.DOC_ISSUED).setText("14.08.2019")
    dialog.documents.table.item(0, PersonDialog.DOC_EXPIRES).setText("2029-08-13")
    assert dialog.save()
    doc = vault.people.get(dialog.person_id).documents[0]
    assert (str(doc.issued), str(doc.expires)) == ("2019-08-14", "2029-08-13")
