"""The main window: navigation, global search, opening records, lock, remembered settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QToolButton
from shell_helpers import HOSTILE_TITLE, label_texts

from satchel.app_settings import app_settings
from satchel.core.model import PersonName, RoleKind, Script
from satchel.gui.main_window import MainWindow
from satchel.settings import MAIN_WINDOW_GEOMETRY, OUTSIDE_THE_VAULT


def _window(qtbot, vault, path=None) -> MainWindow:
    window = MainWindow(vault, path)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _search(qtbot, window: MainWindow, text: str) -> list[tuple[str, str, str]]:
    window.focus_search()
    window.search_edit.clear()
    if text.isascii():
        qtbot.keyClicks(window.search_edit, text)
    else:
        # QTest can only type ASCII keys (it aborts on others); insert like an input method.
        window.search_edit.insert(text)
    window.search_popup.run_search()
    return [
        (item.data(0, Qt.ItemDataRole.UserRole), item.text(0), item.text(1))
        for item in window.search_popup.result_items()
    ]


def test_navigation_lists_the_seven_sections_and_switches_pages(qtbot, vault):
    window = _window(qtbot, vault)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Cases", "People", "Agenda", "Colleagues", "Imports", "Trash", "Audit log"
    ]  # fmt: skip
    keys = ["cases", "people", "agenda", "colleagues", "imports", "trash", "audit"]
    for i, key in enumerate(keys):
        window.navigation.setCurrentRow(i)
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.page(key)


def test_lock_button_is_always_in_the_toolbar_with_its_shortcut(qtbot, vault):
    window = _window(qtbot, vault)
    button = window.findChild(QToolButton, "lockButton")
    assert button is not None and button.isVisible()
    assert window.lock_action.shortcut().toString() == "Ctrl+Shift+L"
    for key in ("people", "agenda", "case"):
        window.show_page(key)
        assert button.isVisible()


def test_ctrl_k_focuses_the_search_box(qtbot, vault):
    window = _window(qtbot, vault)
    window.navigation.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_edit


def test_search_finds_a_cyrillic_name_by_its_latin_spelling_and_opens_the_case(qtbot, vault):
    case = vault.cases.create("Extradition request (Kazakhstan)")
    person = vault.people.create(
        [
            PersonName("Айгерим Журавлёва", Script.CYRILLIC, primary=True),
            PersonName("Aigerim Zhuravleva", Script.LATIN, source="passport"),
        ]
    )
    vault.roles.create(case.id, person.id, RoleKind.CLIENT)
    window = _window(qtbot, vault)

    hits = _search(qtbot, window, "Zhuravlyova")
    assert ("person", "Айгерим Журавлёва") in [(k, t) for k, t, _s in hits]
    groups = [
        window.search_popup.tree.topLevelItem(i).text(0)
        for i in range(window.search_popup.tree.topLevelItemCount())
    ]
    assert groups[0].startswith("People")

    hits = _search(qtbot, window, "Extradition Kaz")
    assert hits[0][:2] == ("case", "Extradition request (Kazakhstan)")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.current_page_key() == "case"
    assert window.case_view.case_id == case.id
    assert window.case_view.title_label.text() == "Extradition request (Kazakhstan)"
    assert not window.search_popup.isVisible()


def test_search_results_are_grouped_by_kind_in_a_fixed_order(qtbot, demo_vault):
    window = _window(qtbot, demo_vault)
    _search(qtbot, window, "a")
    kinds = [
        window.search_popup.tree.topLevelItem(i).child(0).data(0, Qt.ItemDataRole.UserRole)
        for i in range(window.search_popup.tree.topLevelItemCount())
    ]
    order = ["case", "person", "event", "note", "document", "colleague"]
    assert kinds == sorted(kinds, key=order.index)
    assert len(kinds) >= 2


def test_opening_an_event_shows_its_case_chronology(qtbot, vault):
    from satchel.core.dates import FuzzyDate

    case = vault.cases.create("Asylum appeal")
    event = vault.events.create(
        case.id, "Interview at the migration service", date=FuzzyDate.parse("2025-08")
    )
    window = _window(qtbot, vault)
    window.open_record("event", event.id)
    assert window.current_page_key() == "case"
    assert window.case_view.tabs.currentIndex() == window.case_view.CHRONOLOGY
    assert window.navigation.currentItem().text() == "Cases"


def test_html_case_title_shows_literally_in_every_place(qtbot, vault):
    case = vault.cases.create(HOSTILE_TITLE, tags=("<i>tag</i>",), summary="<b>not bold</b>")
    window = _window(qtbot, vault)

    # List cell and its tooltip.
    model = window.cases_page.model
    assert model.index(0, 0).data() == HOSTILE_TITLE
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert doc.toPlainText() == HOSTILE_TITLE

    # Search result.
    hits = _search(qtbot, window, "bold")
    assert ("case", HOSTILE_TITLE) in [(k, t) for k, t, _s in hits]

    # Case view: title label, tooltips, overview; every label is plain text.
    window.open_record("case", case.id)
    view = window.case_view
    assert view.title_label.text() == HOSTILE_TITLE
    for label in window.findChildren(QLabel):
        if HOSTILE_TITLE in label.text() or "<b>not bold</b>" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert view.overview.summary.text() == "<b>not bold</b>"

    # Window title of the edit dialog (window titles are plain, "[*]" aside).
    from satchel.gui.cases.dialog import CaseDialog

    dialog = CaseDialog(vault, vault.cases.get(case.id), window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Edit case: {HOSTILE_TITLE}"
    assert dialog.title_edit.text() == HOSTILE_TITLE

    # The close-case dialog names the case in its title and its question.
    from satchel.gui.cases.dialog import CloseCaseDialog

    closing = CloseCaseDialog(vault, vault.cases.get(case.id), window)
    qtbot.addWidget(closing)
    assert closing.windowTitle() == f"Close case: {HOSTILE_TITLE}"
    question = [lb for lb in closing.findChildren(QLabel) if HOSTILE_TITLE in lb.text()]
    assert question and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in question)


def test_lock_hides_the_window_clears_every_page_and_closes_the_vault(qtbot, demo_vault):
    window = _window(qtbot, demo_vault)
    first = demo_vault.cases.list(limit=1)[0]
    window.open_record("case", first.id)
    _search(qtbot, window, first.title.split()[0])
    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(
            window,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not window.isVisible()
    assert demo_vault.closed
    assert window.vault is None
    assert first.title not in "\n".join(label_texts(window))
    assert window.search_popup.tree.topLevelItemCount() == 0
    assert window.search_edit.text() == ""
    for table in window.findChildren(QTableView):
        model = table.model()
        assert model is None or model.rowCount() == 0, table.accessibleName()


def test_only_geometry_and_language_are_stored_outside_the_vault(qtbot, vault, vault_dir, settings):
    vault.cases.create("Secret client matter")
    window = _window(qtbot, vault, vault_dir)
    window.lock()
    keys = app_settings().allKeys()
    assert set(keys) <= {s.key for s in OUTSIDE_THE_VAULT}  # the registry names them all
    assert MAIN_WINDOW_GEOMETRY.key in keys
    # Nothing of the case reaches the settings file.
    app_settings().sync()
    assert b"Secret client" not in open(app_settings().fileName(), "rb").read()


def test_reopened_window_restores_the_saved_geometry(qtbot, vault, settings):
    window = _window(qtbot, vault)
    window.resize(763, 517)
    window.save_geometry()
    second = _window(qtbot, vault)
    assert (second.width(), second.height()) == (763, 517)


def test_ctrl_n_starts_a_new_case_and_ctrl_f_filters_the_list(qtbot, vault, monkeypatch):
    from satchel.gui.cases.dialog import CaseDialog

    opened: list[str] = []
    monkeypatch.setattr(CaseDialog, "exec", lambda dialog: opened.append("new") or 0)
    window = _window(qtbot, vault)
    window.navigation.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["new"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.cases_page.text_edit


def test_pages_other_than_cases_are_built_only_when_first_shown(qtbot, vault):
    window = _window(qtbot, vault)
    assert window.is_built("cases")
    assert not window.is_built("colleagues") and not window.is_built("case")
    window.navigation.setCurrentRow(3)
    assert window.is_built("colleagues")
    assert window.stack.currentWidget() is window.page("colleagues")


def test_every_input_of_the_shell_has_an_accessible_name(qtbot, vault):
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLineEdit

    from satchel.gui.unlock.screen import UnlockWidget

    window = _window(qtbot, vault)
    screen = UnlockWidget([])
    qtbot.addWidget(screen)
    roots = [window.toolbar, window.navigation, window.cases_page, window.search_popup, screen]

    def part_of_another_control(w) -> bool:
        # A combo box's popup list and a table's header are named through their owner.
        if isinstance(w, QHeaderView):
            return True
        parent = w.parentWidget()
        while parent is not None:
            if isinstance(parent, QComboBox):
                return True
            parent = parent.parentWidget()
        return False

    unnamed = [
        f"{type(w).__name__} in {type(root).__name__}"
        for root in roots
        for kind in (QLineEdit, QComboBox, QAbstractItemView)
        for w in ([root] if isinstance(root, kind) else []) + root.findChildren(kind)
        if not w.accessibleName() and not part_of_another_control(w)
    ]
    assert not unnamed, unnamed


def test_overview_shows_numbers_people_roles_and_the_next_deadline(qtbot, vault):
    from datetime import date, timedelta

    from satchel.core.model import Reference

    case = vault.cases.create(
        "Extradition of R. Fictitious",
        references=(Reference("Court", "3/10-2291/2025"),),
        summary="Request from the prosecutor's office.",
    )
    client = vault.people.create([PersonName("Руслан Выдуманный", Script.CYRILLIC, primary=True)])
    vault.roles.create(case.id, client.id, RoleKind.CLIENT)
    due = date.today() + timedelta(days=9)
    vault.events.create_deadline(case.id, "Appeal against the extradition decision", due)
    window = _window(qtbot, vault)
    window.open_record("case", case.id)
    overview = window.case_view.overview

    texts = label_texts(overview)
    assert "3/10-2291/2025" in texts
    assert "Request from the prosecutor's office." in texts
    people = [overview.people_list.item(i).text() for i in range(overview.people_list.count())]
    assert people == ["Руслан Выдуманный — Client"]
    assert overview.deadline_label.text().endswith("— Appeal against the extradition decision")
    assert f"{due.day} " in overview.deadline_label.text()

    # Double-clicking the person opens them on the People page.
    overview.people_list.itemDoubleClicked.emit(overview.people_list.item(0))
    assert window.current_page_key() == "people"


def test_people_tab_adds_a_role_and_refuses_the_same_role_twice(qtbot, vault):
    from satchel.gui.cases.add_people import AddPeopleDialog

    case = vault.cases.create("Asylum appeal of D. Invented")
    person = vault.people.create(
        [
            PersonName("Дильноза Выдуманная", Script.CYRILLIC, primary=True),
            PersonName("Dilnoza Vydumannaya", Script.LATIN, source="passport"),
        ]
    )
    vault.people.create([PersonName("Someone Else", Script.LATIN, primary=True)])
    dialog = AddPeopleDialog(vault, case.id)
    qtbot.addWidget(dialog)
    dialog.filter_edit.setText("Dilnoza")  # the passport spelling finds the Cyrillic name
    assert [dialog.people.item(i).text() for i in range(dialog.people.count())] == [
        "Дильноза Выдуманная",
        "Create new person “Dilnoza”…",
    ]
    dialog.set_role(RoleKind.CLIENT)
    dialog.add_current()
    assert [(r.person_id, r.kind) for r in vault.roles.list(case_id=case.id)] == [
        (person.id, RoleKind.CLIENT)
    ]

    again = AddPeopleDialog(vault, case.id)
    qtbot.addWidget(again)
    again.filter_edit.setText("Dilnoza")
    again.set_role(RoleKind.CLIENT)
    again.add_current()
    assert again.error.isVisibleTo(again) and again.error.text()
    assert vault.roles.count(case_id=case.id) == 1
