"""A whole Satchel session in a fresh process, driven like a user (run by test_no_traces).

Usage: python traceless_session.py CONFIG.json  — CONFIG names the document to add, where
to export the bundle, and, for a portable run, the program folder to pretend to be frozen
in (PyInstaller sets `sys.frozen` and `sys.executable` the same way). The session: the
create-vault wizard on first run, a case, a document added through the file dialog, a bundle
exported through the file dialog, a lock, an unlock, and quitting. It prints one JSON line
with what happened. Run with QT_QPA_PLATFORM=offscreen and a fresh HOME.
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
from satchel.gui.documents.panel import IntakeDialog  # noqa: E402
from satchel.gui.exchange.export_dialog import ExportDialog  # noqa: E402

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
