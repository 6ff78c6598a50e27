"""Trash, undo and history in the client, with real widgets over real vaults: a deleted
event restored from the Trash page, Ctrl+Z undoing a deletion and a form saved, and a
record's history naming the colleague whose bundle changed it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.kdf import FAST_KDF

from satchel.bundle.colleagues import add_colleague_from_card, mark_verified
from satchel.bundle.export import export_bundle
from satchel.bundle.merge import apply_import, plan_import
from satchel.core.vault import Vault
from satchel.gui.history.audit_page import AuditPage
from satchel.gui.history.dialog import HistoryView
from satchel.gui.main_window import MainWindow
from satchel.gui.trash.page import TrashPage


def _window(qtbot, vault: Vault) -> MainWindow:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _open_chronology(window: MainWindow, case_id: str) -> None:
    window.open_record("case", case_id)
    window.case_view.show_tab(window.case_view.CHRONOLOGY)


def _titles(window: MainWindow) -> list[str]:
    proxy = window.case_view.chronology.proxy
    return [proxy.index(r, 2).data() for r in range(proxy.rowCount())]


def test_a_deleted_event_is_restored_from_the_trash_page_and_the_trash_emptied(
    qtbot, vault, monkeypatch
):
    case = vault.cases.create("Extradition of Timur Aliev")
    event = vault.events.create(case.id, "Detention hearing", "hearing", date="2030-01-10")
    window = _window(qtbot, vault)
    _open_chronology(window, case.id)
    chronology = window.case_view.chronology
    qtbot.waitUntil(lambda: chronology.proxy.rowCount() == 1)
    chronology.select_event(event.id)
    asked: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)
    chronology.delete_selected()
    assert asked == []  # restorable: nothing asked
    assert window.undo_button.isVisible()
    assert "Detention hearing" in window.undo_label.text()

    window.show_page("trash")
    page = window.page("trash")
    assert isinstance(page, TrashPage)
    assert page.tree.topLevelItemCount() == 1
    row = page.tree.topLevelItem(0)
    assert row.text(TrashPage.COL_WHAT).startswith("Detention hearing")
    assert row.text(TrashPage.COL_CASE) == "Extradition of Timur Aliev"
    assert row.text(TrashPage.COL_WHO) == "You"
    page.tree.setCurrentItem(row)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert vault.events.get(event.id).title == "Detention hearing"
    assert page.tree.topLevelItemCount() == 0
    assert "Restored: Detention hearing" in page.report_label.text()

    # Emptying is final, so it asks; Cancel keeps everything.
    vault.events.delete(event.id)
    page.refresh()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    page.empty_trash()
    assert vault.trash.count() == 1
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    page.empty_trash()
    assert vault.trash.count() == 0
    assert page.empty_state.label.isVisible()


def test_ctrl_z_undoes_a_deletion_and_a_saved_form_through_the_core(qtbot, vault):
    case = vault.cases.create("Asylum appeal of Leyla Kasymova")
    event = vault.events.create(case.id, "Interview", "hearing", date="2030-02-01")
    window = _window(qtbot, vault)
    _open_chronology(window, case.id)
    chronology = window.case_view.chronology
    qtbot.waitUntil(lambda: chronology.proxy.rowCount() == 1)

    # A form saved: the title changes, Ctrl+Z changes it back (an audited "undo").
    chronology.select_event(event.id)
    dialog = chronology._open_dialog(event.id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.title_edit.setText("Interview at the migration service")
    assert dialog.save()
    assert vault.events.get(event.id).title == "Interview at the migration service"
    chronology.view.setFocus()
    qtbot.keyClick(chronology.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert vault.events.get(event.id).title == "Interview"
    assert vault.audit.list(record_id=event.id)[0].action == "undo"

    # A deletion: Ctrl+Z brings it back from the trash.
    chronology.select_event(event.id)
    chronology.delete_selected()
    assert not vault.events.exists(event.id)
    qtbot.keyClick(chronology.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert vault.events.exists(event.id)
    assert vault.trash.count() == 0
    qtbot.waitUntil(lambda: _titles(window) == ["Interview"])
    # Nothing left to undo on this page: Ctrl+Z says so and changes nothing.
    assert not window.undo_last()


def test_undo_is_per_page_and_forgotten_at_lock(qtbot, vault):
    case = vault.cases.create("Deportation of Arman Seitkali")
    person = vault.people.create(["Arman Seitkali"])
    window = _window(qtbot, vault)
    window.show_page("people")
    people = window.page("people")
    people.refresh()
    people.show_person(person.id)
    people.delete_selected()
    _open_chronology(window, case.id)
    assert not window.undo_last()  # the person was deleted on another page
    window.show_page("people")
    assert window.undo_last()
    assert vault.people.exists(person.id)
    people.show_person(person.id)
    people.delete_selected()
    window.clear_vault_data()
    assert len(window.undo_stack) == 0


def _lawyer(tmp_path: Path, name: str) -> Vault:
    vault, _code = Vault.create(tmp_path / name.split()[0].lower(), "pass phrase for tests 42",
                                kdf_params=FAST_KDF)  # fmt: skip
    vault.identities.rename(name)
    return vault


def test_history_shows_a_change_that_came_in_a_colleagues_bundle(qtbot, tmp_path):
    anna, boris = _lawyer(tmp_path, "Anna Fictional"), _lawyer(tmp_path, "Boris Fictional")
    try:
        for a, b in ((anna, boris), (boris, anna)):
            card = b.identities.get().public().card()
            mark_verified(a, add_colleague_from_card(a, card).colleague.id)
        to_boris = anna.colleagues.list()[0]
        case = anna.cases.create("Extradition of Ivan Fictionalov")
        event = anna.events.create(case.id, "Arrest at the airport", "arrest")
        first = export_bundle(anna, [case.id], tmp_path / "1.satchel", to=[to_boris]).path
        apply_import(boris, plan_import(boris, first))
        anna.events.update(event.id, title="Arrest at the airport, 3 a.m.")
        second = export_bundle(anna, [case.id], tmp_path / "2.satchel", to=[to_boris]).path
        apply_import(boris, plan_import(boris, second))
        boris.events.update(event.id, description="Seen by the consul")

        view = HistoryView(boris)
        qtbot.addWidget(view)
        view.show_record(event.id)
        rows = [
            [view.topLevelItem(i).text(c) for c in range(4)]
            for i in range(view.topLevelItemCount())
        ]
        who = [r[HistoryView.COL_WHO] for r in rows]
        assert who == ["You", "Anna Fictional", "Anna Fictional"]  # newest first
        assert "title" in rows[1][HistoryView.COL_DETAIL]  # what the import changed
        assert rows[1][HistoryView.COL_WHAT] == "received in a bundle"

        # The audit log page filters by who and by case.
        page = AuditPage(boris)
        qtbot.addWidget(page)
        page.who_combo.setCurrentIndex(page.who_combo.findData("Anna Fictional"))
        page.kind_combo.setCurrentIndex(page.kind_combo.findData("event"))
        shown = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
        assert len(shown) == 2
        assert {i.text(AuditPage.COL_CASE) for i in shown} == {"Extradition of Ivan Fictionalov"}
        page.who_combo.setCurrentIndex(page.who_combo.findData(""))
        assert page.tree.topLevelItemCount() == 1  # Boris's own edit
    finally:
        anna.close()
        boris.close()
