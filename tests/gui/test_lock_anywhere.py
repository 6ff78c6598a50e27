"""Ctrl+Shift+L locks from every window and dialog of the client, modal or not.

The windows are not listed by hand: every module under `satchel.gui` is imported and every
`QDialog` / `QMainWindow` subclass the client defines is collected through `__subclasses__()`,
plus every Qt dialog class the client's code names (message boxes, file, input and print
dialogs). Each one is opened over a real, unlocked demo vault the way the client opens it
(`exec()` where the client runs it modally, `open()` where it is window-modal), the shortcut is
sent to whatever has the focus, and the test checks the lock happened: the vault closed, no
window but the unlock screen left, the dialog gone and its `exec()` returned.

A class found by the walk that has no opener below fails `test_every_window_class_has_an_opener`:
a new dialog must join this test.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from shell_helpers import PASSPHRASE

import satchel.gui
from satchel.core.vault import Vault
from satchel.gui.app import Session


def _gui_modules() -> list[object]:
    return [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(satchel.gui.__path__, "satchel.gui.")
    ]


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def client_window_classes() -> list[type]:
    """Every window class the client defines (leaves only: an abstract base is never shown)."""
    _gui_modules()
    found = {
        c
        for base in (QDialog, QMainWindow)
        for c in _subclasses(base)
        if c.__module__.startswith("satchel.gui")
    }
    return sorted(
        (c for c in found if not any(s in found for s in c.__subclasses__())),
        key=lambda c: f"{c.__module__}.{c.__qualname__}",
    )


def qt_dialog_classes_used() -> list[type]:
    """Qt's own dialog classes that the client's code names (QMessageBox, QFileDialog...)."""
    import PySide6.QtPrintSupport as print_support
    import PySide6.QtWidgets as widgets

    names: set[str] = set()
    for module in _gui_modules():
        tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    # A Qt class the client subclasses (QDialog, QWizard) is covered by its subclasses.
    bases = {b for c in client_window_classes() for b in c.__mro__}
    found = set()
    for name in names:
        cls = getattr(widgets, name, None) or getattr(print_support, name, None)
        if isinstance(cls, type) and issubclass(cls, QDialog) and cls not in bases:
            found.add(cls)
    return sorted(found, key=lambda c: c.__name__)


# -- how the client opens each window -------------------------------------------------------
# An opener gets the unlocked session and returns (window, how): "exec" runs the dialog's
# own modal loop as the client does, "open" is window-modal, "shown" a plain window, and
# "ran" means the opener itself ran the client's modal call (a static QFileDialog / QMessageBox
# function) and returned after it.

Opener = Callable[[Session], tuple[QWidget | None, str]]


def _vault(session: Session) -> Vault:
    assert session.vault is not None
    return session.vault


def _case(session: Session):  # type: ignore[no-untyped-def]
    return _vault(session).cases.list()[0]


def _open_case_dialog(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.cases.dialog import CaseDialog

    return CaseDialog(_vault(s), _case(s), s.main_window), "exec"


def _open_close_case(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.cases.dialog import CloseCaseDialog

    return CloseCaseDialog(_vault(s), _case(s), s.main_window), "exec"


def _open_add_people(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.cases.add_people import AddPeopleDialog

    return AddPeopleDialog(_vault(s), _case(s).id, s.main_window), "exec"


def _open_event(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.chronology.event_dialog import EventDialog

    return EventDialog(_vault(s), _case(s).id, None, s.main_window), "open"


def _open_people_picker(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.chronology.bulk import PeoplePicker
    from satchel.gui.chronology.detail import people_in_case

    people = people_in_case(_vault(s), _case(s).id)
    return PeoplePicker("Add people", "Tick people", people, s.main_window), "exec"


def _open_intake(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.documents.panel import IntakeDialog

    return IntakeDialog(["scan-of-a-decision.pdf"], s.main_window), "exec"


def _open_viewer(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.documents.viewer import DocumentViewerDialog

    vault = _vault(s)
    documents = vault.documents.list()
    assert documents, "the demo vault must hold a document"
    return DocumentViewerDialog(vault, documents[0].id, s.main_window), "shown"


def _with_colleague(s: Session):  # type: ignore[no-untyped-def]
    from satchel.core.identities import IdentityStore
    from satchel.crypto.identity import Identity

    vault = _vault(s)
    IdentityStore(vault.db).get("Anna Fictional")
    page = s.main_window.page("colleagues")  # type: ignore[union-attr]
    page.add_card(Identity.generate("Boris Fictional").public().card())  # type: ignore[attr-defined]
    return vault.colleagues.list()[0]


def _open_add_colleague(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.exchange.colleagues import AddColleagueDialog

    return AddColleagueDialog(s.main_window), "exec"


def _open_verify(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.exchange.colleagues import VerifyDialog

    return VerifyDialog(_with_colleague(s), s.main_window), "exec"


def _open_share(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.exchange.case_shares import ShareDialog

    return ShareDialog(_vault(s).colleagues.list(), set(), s.main_window), "exec"


def _open_export(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.exchange.export_dialog import ExportDialog

    colleague = _with_colleague(s)
    dialog = ExportDialog(
        _vault(s), case_ids=[_case(s).id], colleague_ids=[colleague.id], parent=s.main_window
    )
    return dialog, "open"


def _open_security(s: Session) -> tuple[None, str]:
    s.open_security_settings()  # runs the dialog modally, as the menu does
    return None, "ran"


def _open_settings(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.main_window import SettingsDialog

    return SettingsDialog(s.main_window), "exec"


def _open_report_options(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.common.report_options import ReportOptionsDialog

    return ReportOptionsDialog(s.main_window, _case(s).id), "exec"


def _open_note(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.notes.panel import NoteDialog

    return NoteDialog(_vault(s), _case(s).id, None, s.main_window), "open"


def _open_person(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.people.dialog import PersonDialog

    return PersonDialog(_vault(s), None, s.main_window), "open"


def _open_history(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.history.dialog import HistoryDialog

    case = _case(s)
    return HistoryDialog(_vault(s), case.id, case.title, s.main_window), "open"


def _open_travel(s: Session) -> tuple[QWidget, str]:
    from satchel.gui.travel.dialog import TravelDialog

    return TravelDialog(_vault(s), s.main_window), "open"


def _open_main_window(s: Session) -> tuple[QWidget, str]:
    assert s.main_window is not None
    s.main_window.show_page("imports")
    return s.main_window, "shown"


def _open_message_box(s: Session) -> tuple[None, str]:
    from satchel.gui.common.plaintext import plain_message

    plain_message(
        s.main_window,
        QMessageBox.Icon.Question,
        "Delete event",
        "Delete the hearing of 3 March?",
        buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        default=QMessageBox.StandardButton.Cancel,
    ).exec()
    return None, "ran"


def _open_file_dialog(s: Session) -> tuple[None, str]:
    QFileDialog.getOpenFileName(s.main_window, "Add documents")
    return None, "ran"


def _open_input_dialog(s: Session) -> tuple[None, str]:
    QInputDialog.getText(
        s.main_window, "Bundle passphrase", "Passphrase:", QLineEdit.EchoMode.Password
    )
    return None, "ran"


def _open_progress(s: Session) -> tuple[QWidget, str]:
    # As the documents panel shows it during an intake: window-modal over the main window.
    dialog = QProgressDialog("Adding documents…", "Cancel", 0, 0, s.main_window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    return dialog, "shown"


def _open_print_dialog(s: Session) -> tuple[QWidget, str]:
    printer = QPrinter()
    dialog = QPrintDialog(printer, s.main_window)
    dialog.printer_kept = printer  # type: ignore[attr-defined]  # the dialog does not own it
    return dialog, "exec"


OPENERS: dict[str, Opener] = {
    "satchel.gui.cases.dialog.CaseDialog": _open_case_dialog,
    "satchel.gui.cases.dialog.CloseCaseDialog": _open_close_case,
    "satchel.gui.cases.add_people.AddPeopleDialog": _open_add_people,
    "satchel.gui.chronology.event_dialog.EventDialog": _open_event,
    "satchel.gui.chronology.bulk.PeoplePicker": _open_people_picker,
    "satchel.gui.documents.panel.IntakeDialog": _open_intake,
    "satchel.gui.documents.viewer.DocumentViewerDialog": _open_viewer,
    "satchel.gui.exchange.colleagues.AddColleagueDialog": _open_add_colleague,
    "satchel.gui.exchange.colleagues.VerifyDialog": _open_verify,
    "satchel.gui.exchange.export_dialog.ExportDialog": _open_export,
    "satchel.gui.exchange.case_shares.ShareDialog": _open_share,
    "satchel.gui.lock.security_settings.SecurityDialog": _open_security,
    "satchel.gui.main_window.SettingsDialog": _open_settings,
    "satchel.gui.common.report_options.ReportOptionsDialog": _open_report_options,
    "satchel.gui.main_window.MainWindow": _open_main_window,
    "satchel.gui.history.dialog.HistoryDialog": _open_history,
    "satchel.gui.notes.panel.NoteDialog": _open_note,
    "satchel.gui.people.dialog.PersonDialog": _open_person,
    "satchel.gui.travel.dialog.TravelDialog": _open_travel,
    "PySide6.QtWidgets.QMessageBox": _open_message_box,
    "PySide6.QtWidgets.QFileDialog": _open_file_dialog,
    "PySide6.QtWidgets.QInputDialog": _open_input_dialog,
    "PySide6.QtPrintSupport.QPrintDialog": _open_print_dialog,
    "PySide6.QtWidgets.QProgressDialog": _open_progress,
    # The wizard is opened before any vault exists: see test_lock_on_the_wizards_recovery_page.
    "satchel.gui.unlock.wizard.CreateVaultWizard": lambda s: (None, "see below"),
}


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


ALL_WINDOWS = [_name(c) for c in client_window_classes() + qt_dialog_classes_used()]


def test_every_window_class_has_an_opener() -> None:
    assert ALL_WINDOWS, "the walk found no window class"
    missing = sorted(set(ALL_WINDOWS) - set(OPENERS))
    assert missing == [], f"windows the lock test does not open yet: {missing}"
    # And the walk found what this file knows of: the list is not stale.
    assert sorted(set(OPENERS) - set(ALL_WINDOWS)) == []


# -- the session ----------------------------------------------------------------------------


@pytest.fixture
def demo_folder(vault_dir: Path) -> Path:
    from satchel.sample.demo import fill_demo

    v, _ = Vault.create(vault_dir, PASSPHRASE)
    with v:
        fill_demo(v, cases=2, seed=11, documents=True)
    return vault_dir


@pytest.fixture
def session(qtbot, demo_folder: Path, tmp_path, monkeypatch) -> Iterator[Session]:
    s = Session(demo_folder)
    s.start()
    unlock(qtbot, s)
    yield s
    s.shutdown()


def unlock(qtbot, session: Session, secret: str = PASSPHRASE) -> None:
    screen = session.unlock_screen
    assert screen is not None and screen.isVisible()
    screen.secret_edit.setText(secret)
    screen.try_unlock()
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=20000)
    qtbot.waitExposed(session.main_window)


def press(keys: str = "lock") -> None:
    """Ctrl+Shift+L (or the panic keys) to whatever window and widget has the focus."""
    target = (
        QApplication.focusWidget()
        or QApplication.activeModalWidget()
        or QApplication.activeWindow()
    )
    assert target is not None, "no window has the focus"
    key = Qt.Key.Key_L if keys == "lock" else Qt.Key.Key_Delete
    QTest.keyClick(
        target, key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )


class Watchdog:
    """Ends a modal loop the lock failed to end, so a failing test fails instead of hanging."""

    def __init__(self, turns: int = 400) -> None:
        self.fired = False
        self._timer = QTimer()
        self._timer.setInterval(25)
        self._turns = turns
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self._turns -= 1
        if self._turns > 0:
            return
        self.fired = True
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                QDialog.done(w, QDialog.DialogCode.Rejected)

    def stop(self) -> None:
        self._timer.stop()


def _focus_then_press(when_ready: Callable[[], bool], pressed: list[str]) -> None:
    """Wait (event-loop turns, not time) until the window is up with focus, then press."""

    def attempt(left: int = 200) -> None:
        if when_ready() or left <= 0:
            pressed.append(type(QApplication.focusWidget() or QApplication.activeWindow()).__name__)
            press()
            return
        QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)


def _modal_up() -> bool:
    modal = QApplication.activeModalWidget()
    return modal is not None and modal.isVisible() and QApplication.focusWidget() is not None


WIZARD = "satchel.gui.unlock.wizard.CreateVaultWizard"


@pytest.mark.parametrize("name", [n for n in ALL_WINDOWS if n != WIZARD])
def test_lock_shortcut_locks_with_the_window_open(qtbot, session: Session, name: str) -> None:
    opener = OPENERS[name]
    vault = _vault(session)
    window = session.main_window
    assert window is not None
    window.open_record("case", _case(session).id)
    pressed: list[str] = []
    watchdog = Watchdog()
    try:
        uses_loop = name in {
            "satchel.gui.lock.security_settings.SecurityDialog",
            "PySide6.QtWidgets.QMessageBox",
            "PySide6.QtWidgets.QFileDialog",
            "PySide6.QtWidgets.QInputDialog",
        }
        if uses_loop:
            # The client's own modal call runs below; the key comes from inside its loop.
            _focus_then_press(_modal_up, pressed)
            dialog, how = opener(session)
        else:
            dialog, how = opener(session)
            assert dialog is not None
            if how == "exec":
                _focus_then_press(_modal_up, pressed)
                result = dialog.exec()  # type: ignore[attr-defined]
                assert result == QDialog.DialogCode.Rejected
            else:
                if how == "open":
                    dialog.open()  # type: ignore[attr-defined]
                else:
                    dialog.show()
                qtbot.waitExposed(dialog)
                dialog.activateWindow()
                qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
                pressed.append(type(QApplication.focusWidget()).__name__)
                press()
        assert not watchdog.fired, "the shortcut did not end the modal dialog"
        assert pressed, "the shortcut was never pressed"
        assert vault.closed, f"pressed in {pressed[0]}, the vault stayed open"
        assert session.vault is None and session.main_window is None
        qtbot.waitUntil(lambda: session.unlock_screen is not None, timeout=5000)
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert visible == [session.unlock_screen]
        if dialog is not None and dialog is not window:
            assert not dialog.isVisible()
    finally:
        watchdog.stop()


def test_lock_from_a_form_with_unsaved_edits_asks_nothing(qtbot, session: Session) -> None:
    """A form that asks "Save / Discard / Cancel?" on close must not stop the lock with it."""
    from satchel.gui.cases.dialog import CaseDialog

    vault = _vault(session)
    dialog = CaseDialog(vault, _case(session), session.main_window)
    dialog.title_edit.setText("Edited and never saved")
    pressed: list[str] = []
    watchdog = Watchdog()
    _focus_then_press(_modal_up, pressed)
    dialog.exec()
    watchdog.stop()
    assert not watchdog.fired
    assert vault.closed and session.main_window is None


def test_panic_shortcut_reaches_a_modal_form_and_the_lock_closes_the_question(
    qtbot, session: Session, demo_folder: Path
) -> None:
    """Panic keys in a modal form bring the panic question; Ctrl+Shift+L in it locks, no wipe."""
    from satchel.gui.cases.dialog import CaseDialog
    from satchel.gui.lock.controller import LockSettings

    session.save_lock_settings(LockSettings(panic_shortcut=True))
    vault = _vault(session)
    dialog = CaseDialog(vault, _case(session), session.main_window)
    seen: list[str] = []

    def lock_in_the_question(left: int = 200) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.isVisible():
            seen.append(modal.text())
            press("lock")
            return
        if left > 0:
            QTimer.singleShot(10, lambda: lock_in_the_question(left - 1))

    watchdog = Watchdog()
    dialog.open()
    qtbot.waitUntil(_modal_up, timeout=5000)
    QTimer.singleShot(0, lock_in_the_question)
    press("panic")  # runs the panic question's own loop until the lock closes it
    watchdog.stop()
    assert not watchdog.fired
    assert seen and "Destroy this vault" in seen[0]
    assert vault.closed and session.main_window is None
    assert (demo_folder / "keyslots").exists(), "a lock is not a wipe"


def test_lock_on_the_wizards_recovery_page(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The wizard holds the new vault open while it shows the recovery code: the lock closes it."""
    from satchel.gui.unlock.wizard import CreateVaultWizard

    folder = tmp_path / "new-vault"
    session = Session(folder)
    session.start()
    try:
        wizard = session.wizard
        assert isinstance(wizard, CreateVaultWizard)
        qtbot.waitExposed(wizard)
        wizard.next()
        wizard.passphrase_page.first.setText(PASSPHRASE)
        wizard.passphrase_page.second.setText(PASSPHRASE)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30000)
        created = wizard.vault
        assert created is not None
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
        press()
        assert created.closed  # type: ignore[attr-defined]
        assert not wizard.isVisible() and session.wizard is None
        assert session.unlock_screen is not None and session.unlock_screen.isVisible()
        unlock(qtbot, session)  # the vault it made opens with the passphrase typed
    finally:
        session.shutdown()
