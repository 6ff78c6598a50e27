"""A whole Satchel session in a fresh process, driven like a user (run by test_no_traces and
by the canary proof, tools/proof/canary.py).

Usage: python traceless_session.py CONFIG.json  — CONFIG names the document to add, where
to export the bundle, and, for a portable run, the program folder to pretend to be frozen
in (PyInstaller sets `sys.frozen` and `sys.executable` the same way). The session: the
create-vault wizard on first run, a case, a document added through the file dialog, a bundle
exported through the file dialog, a lock, an unlock, and quitting. It prints one JSON line
with what happened. Run with QT_QPA_PLATFORM=offscreen and a fresh HOME.

With `canaries` in CONFIG the session is the full one of proof 13, typed through the forms:
a case and a person made with their dialogs, a PDF and an image added through the file
dialog and viewed, a search, a contact copied, a lock (then, with `hold_after_lock`, it
prints `{"locked": PID}` and waits for a line on stdin while its memory is scanned), an
unlock, a bundle exported and another imported, the passphrase changed, a duress passphrase
set, and quitting.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

CONFIG = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
if CONFIG.get("program_folder"):
    sys.frozen = True  # type: ignore[attr-defined]
    sys.executable = str(Path(CONFIG["program_folder"]) / "satchel")

sys.path.insert(0, str(Path(__file__).parent))

from file_dialog_driver import answer_file_dialog  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from satchel.core.paths import locations  # noqa: E402
from satchel.gui.app import Session, configure_application, prepare_process  # noqa: E402
from satchel.gui.cases.dialog import CaseDialog  # noqa: E402
from satchel.gui.documents.panel import IntakeDialog  # noqa: E402
from satchel.gui.documents.viewer import DocumentViewerDialog  # noqa: E402
from satchel.gui.exchange.export_dialog import ExportDialog  # noqa: E402
from satchel.gui.lock.security_settings import SecurityDialog  # noqa: E402
from satchel.gui.people.dialog import PersonDialog  # noqa: E402

PASSPHRASE = "violet tractor lantern ocean 42"


def wait_until(condition, timeout_s: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    loops = int(timeout_s * 50)
    for _ in range(loops):
        if condition():
            return
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    raise SystemExit(f"timed out waiting: {condition}")


def accept_next_intake_dialog() -> None:
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, IntakeDialog):
            dialog.accept()
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def when_modal(cls: type, act) -> None:  # type: ignore[no-untyped-def]
    """Once a modal dialog of `cls` is up, hand it to `act` (which closes it)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def add_document(session: Session, case_id: str, path: Path) -> str:
    """Add `path` to the case through the documents panel's file dialog; its new id."""
    panel = session.main_window.case_view.documents
    before = {d.id for d in session.vault.documents.list(case_id=case_id)}
    accept_next_intake_dialog()
    answer_file_dialog(path)
    panel.add_button.click()
    wait_until(lambda: session.vault.documents.count(case_id=case_id) == len(before) + 1)
    (new,) = {d.id for d in session.vault.documents.list(case_id=case_id)} - before
    return new


def view_document(session: Session, document_id: str) -> bool:
    dialog = DocumentViewerDialog(session.vault, document_id, session.main_window)
    shown: list[bool] = []
    dialog.viewer.loaded.connect(lambda _id: shown.append(True))
    dialog.viewer.failed.connect(lambda _m: shown.append(False))
    dialog.show()
    wait_until(lambda: bool(shown))
    dialog.close()
    dialog.deleteLater()
    return shown[0]


def lock_and_unlock(session: Session, passphrase: str, hold: bool) -> None:
    session.lock_controller.lock("button")
    wait_until(lambda: session.unlock_screen is not None and session.unlock_screen.isVisible())
    if hold:
        print(json.dumps({"locked": os.getpid()}), flush=True)
        sys.stdin.readline()
    screen = session.unlock_screen
    screen.secret_edit.setText(passphrase)
    screen.try_unlock()
    wait_until(lambda: session.main_window is not None)


def full_session(session: Session, report: dict[str, object]) -> None:
    """Proof 13's session: every step a lawyer takes in a day, typed through the forms."""
    canary = CONFIG["canaries"]
    window = session.main_window

    def fill_case(dialog: CaseDialog) -> None:
        dialog.title_edit.setText(canary["case_title"])
        dialog.summary_edit.setPlainText(canary["case_summary"])
        dialog.accept()

    when_modal(CaseDialog, fill_case)
    window.new_case()
    wait_until(lambda: session.vault.cases.count() == 1)
    case = session.vault.cases.list()[0]
    window.open_record("case", case.id)

    window.show_page("people")
    people = window.page("people")
    people.new_person()
    wait_until(lambda: bool(people.findChildren(PersonDialog)))
    form = people.findChildren(PersonDialog)[-1]
    form.names.add_button.click()
    form.names.table.item(0, form.NAME).setText(canary["person_name"])
    form.contacts.add_button.click()
    form.contacts.table.item(0, form.CONTACT_VALUE).setText(canary["phone"])
    form.notes_edit.setPlainText(canary["person_notes"])
    form.accept()
    wait_until(lambda: session.vault.people.count() == 1)
    person = session.vault.people.list()[0]
    window.open_record("person", person.id)
    people.view.copy_contact(0)  # the contact copied to the clipboard
    report["people"] = session.vault.people.count()

    window.open_record("case", case.id)
    viewed = []
    for key in ("pdf", "image"):
        doc_id = add_document(session, case.id, Path(CONFIG[key]))
        viewed.append(view_document(session, doc_id))
    report["documents_viewed"] = sum(viewed)

    window.search_edit.setText(canary["search"])
    report["search_hits"] = window.search_popup.run_search()
    window.search_popup.dismiss()

    lock_and_unlock(session, PASSPHRASE, bool(CONFIG.get("hold_after_lock")))
    window = session.main_window

    export = ExportDialog(session.vault, case_ids=[case.id], parent=window)
    export.to_passphrase.setChecked(True)
    export.show()
    answer_file_dialog(Path(CONFIG["bundle"]))
    export._browse()
    export.write()
    wait_until(lambda: export.exported is not None)
    report["bundle"] = str(export.exported.path)
    export.done(QDialog.DialogCode.Accepted)
    export.deleteLater()

    window.show_page("imports")
    imports = window.page("imports")
    imported: list[bool] = []
    imports.imported.connect(lambda: imported.append(True))
    imports.inspect(Path(CONFIG["incoming"]), CONFIG["incoming_passphrase"])
    wait_until(lambda: imports.preview is not None)
    imports.consent_box.setChecked(True)
    imports.start_import()
    wait_until(lambda: bool(imported))
    report["cases_after_import"] = session.vault.cases.count()

    new_passphrase = canary["new_passphrase"]

    def security(dialog: SecurityDialog) -> None:
        dialog.current_for_change.setText(PASSPHRASE)
        dialog.new_passphrase.setText(new_passphrase)
        dialog.new_passphrase_again.setText(new_passphrase)
        dialog.change_button.click()
        wait_until(lambda: "changed" in dialog.change_status.text(), 120)
        dialog.current_for_duress.setText(new_passphrase)
        dialog.duress_passphrase.setText(canary["duress_passphrase"])
        dialog.duress_again.setText(canary["duress_passphrase"])
        dialog.set_duress_button.click()
        wait_until(lambda: "set" in dialog.duress_status.text(), 240)
        report["passphrase_changed"] = True
        report["duress_set"] = True
        dialog.accept()

    when_modal(SecurityDialog, security)
    session.open_security_settings()


def main() -> int:
    prepare_process()  # as `run()` does before Qt starts
    app = QApplication([])
    configure_application(app, "en")
    report: dict[str, object] = {
        "portable": locations().portable,
        "cache": os.environ.get("XDG_CACHE_HOME"),
    }
    session = Session(None)
    session.start()

    wizard = session.wizard
    assert wizard is not None, "a first run starts with the create-vault wizard"
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.next()
    wait_until(lambda: wizard.currentPage() is wizard.recovery_page)
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()
    wait_until(lambda: session.main_window is not None)
    report["vault"] = str(session.vault.path)

    if "canaries" in CONFIG:
        full_session(session, report)
        session.main_window.close()
        session.shutdown()
        print(json.dumps(report))
        return 0

    window = session.main_window
    case = session.vault.cases.create(CONFIG["case_title"])
    window.open_record("case", case.id)
    panel = window.case_view.documents
    accept_next_intake_dialog()
    added = answer_file_dialog(Path(CONFIG["document"]))
    panel.add_button.click()
    wait_until(lambda: session.vault.documents.count(case_id=case.id) == 1)
    report["add_dialog_native"] = added.native

    export = ExportDialog(session.vault, case_ids=[case.id], parent=window)
    export.to_passphrase.setChecked(True)
    export.show()
    chosen = answer_file_dialog(Path(CONFIG["bundle"]))
    export._browse()
    report["export_dialog_native"] = chosen.native
    export.write()
    wait_until(lambda: export.exported is not None)
    report["bundle"] = str(export.exported.path)
    export.done(QDialog.DialogCode.Accepted)
    export.deleteLater()

    session.lock_controller.lock("button")
    wait_until(lambda: session.unlock_screen is not None and session.unlock_screen.isVisible())
    screen = session.unlock_screen
    screen.secret_edit.setText(PASSPHRASE)
    screen.try_unlock()
    wait_until(lambda: session.main_window is not None)
    report["documents_after_unlock"] = session.vault.documents.count(case_id=case.id)
    session.main_window.close()
    session.shutdown()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
