"""A form open at lock keeps what was typed, encrypted in the vault, and gives it back after
unlock (DESIGN §6, issue 12 item 1).

The forms are not listed by hand: the window classes come from the same walk of widget
classes as the lock-anywhere test (test_lock_anywhere.client_window_classes and the Qt dialogs
the client names). Each one is opened over a real demo vault; every field a user can type or
choose in is changed; the lock runs; after unlock the offer's Restore must bring back a form
of the same class with exactly those values. A class with typed input that is not a draft
form must be named in NOT_FORMS with its reason, or the walk test fails.
"""

# The fixtures `session` and `demo_folder` come from test_lock_anywhere (one demo session).
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)
from shell_helpers import PASSPHRASE
from test_lock_anywhere import (  # the one walk of the client's window classes
    ALL_WINDOWS,
    OPENERS,
    _case,
    _vault,
    demo_folder,  # noqa: F401  (fixture)
    session,  # noqa: F401  (fixture)
    unlock,
)

from satchel.core.drafts import Drafts
from satchel.core.vault import Vault
from satchel.gui.app import Session
from satchel.gui.common.drafts import DraftForm, _input_widgets, read_fields

# Windows the walk finds that hold input but are not forms whose text a lock should keep.
NOT_FORMS = {
    # Looking at a document: its page number and the text search are navigation.
    "satchel.gui.documents.viewer.DocumentViewerDialog": "navigation, not a form",
    # The tick says "I compared the fingerprint just now": restoring it would defeat it.
    "satchel.gui.exchange.colleagues.VerifyDialog": "a fresh confirmation by design",
    # Before any vault exists, and its fields are passphrases (never kept).
    "satchel.gui.unlock.wizard.CreateVaultWizard": "passphrases, before a vault exists",
    "satchel.gui.main_window.MainWindow": "filters and the search box, not a form",
    # Each person is added to the case the moment it is chosen (and a new person's own
    # form, which keeps drafts, opens from here): only the search text is unsaved.
    "satchel.gui.cases.add_people.AddPeopleDialog": "saves each choice at once; a search box",
    # "Share this case with…": one colleague picked from a list, saved at once.
    "satchel.gui.exchange.case_shares.ShareDialog": "a choice from a list; nothing typed",
    # A record's history from the audit log: read-only, its inputs are filters of the view.
    "satchel.gui.history.dialog.HistoryDialog": "a read-only view; filters, not a form",
    # The chronology's bulk change: ticks applied at once to the selected events.
    "satchel.gui.chronology.bulk.PeoplePicker": "a choice applied at once; a filter box",
    # Travel mode: passphrases, and a choice of what crosses a border that must be made
    # afresh (a kept choice could send the wrong cases); nothing in it is vault text typed.
    "satchel.gui.travel.dialog.TravelDialog": "passphrases and a fresh choice, not a form",
    # Qt's own dialogs, run by static calls: a path, a printer, a one-line answer.
    "PySide6.QtWidgets.QMessageBox": "no typed input",
    "PySide6.QtWidgets.QFileDialog": "a path outside the vault",
    "PySide6.QtWidgets.QInputDialog": "Qt's one-line question (see the report)",
    "PySide6.QtPrintSupport.QPrintDialog": "printer settings, not vault text",
    "PySide6.QtWidgets.QProgressDialog": "no input",
}

FORMS = [n for n in ALL_WINDOWS if n not in NOT_FORMS]


def _class(name: str) -> type:
    module, _, cls = name.rpartition(".")
    return getattr(__import__(module, fromlist=[cls]), cls)  # type: ignore[no-any-return]


def test_every_window_with_typed_input_keeps_drafts() -> None:
    """A walked class is a draft form, or it is named in NOT_FORMS with a reason."""
    assert FORMS
    for name in FORMS:
        assert issubclass(_class(name), DraftForm) or hasattr(_class(name), "draft_subject"), (
            f"{name} holds typed input but keeps no draft"
        )
    assert set(NOT_FORMS) <= set(ALL_WINDOWS), "NOT_FORMS names a class the walk no longer finds"


# -- typing like a user -----------------------------------------------------------------------


def _type_into(form: QWidget) -> None:
    """Change every typed-input field of the form to a value it did not have."""
    for n, (key, w) in enumerate(_input_widgets(form)):
        if not w.isEnabled():
            continue  # a user cannot type there
        text = f"Draft {n} Ёжик «{key[-12:]}»"
        if isinstance(w, QLineEdit):
            w.setText(text)
            w.setCursorPosition(3)
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            w.setPlainText(text + "\nsecond line")
        elif isinstance(w, QComboBox) and not w.isEditable() and w.count() > 1:
            w.setCurrentIndex((w.currentIndex() + 1) % w.count())
        elif isinstance(w, QDateTimeEdit):
            w.setDate(QDate(2025, 11, 27) if isinstance(w, QDateEdit) else QDate(2025, 11, 28))
        elif isinstance(w, QSpinBox) and w.maximum() > w.minimum():
            w.setValue(w.minimum() + 1 if w.value() != w.minimum() + 1 else w.minimum())
        elif isinstance(w, QAbstractButton):
            w.setChecked(not w.isChecked())
        elif isinstance(w, QListWidget) and w.count():
            item = w.item(0)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(
                    Qt.CheckState.Unchecked
                    if item.checkState() == Qt.CheckState.Checked
                    else Qt.CheckState.Checked
                )
            else:
                w.setCurrentRow(0)
        elif isinstance(w, QTableWidget) and w.columnCount():
            row = w.rowCount()
            w.setRowCount(row + 1) if not hasattr(w.parentWidget(), "add_combo") else None
            if w.rowCount() > row:
                w.setItem(row, 0, QTableWidgetItem(text))


def _answer_offers(choice: str, seen: list[str]) -> QTimer:
    """Answers every draft offer that comes up with Restore or Discard (polling, no sleep)."""

    def tick() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and box.windowTitle() == "Unsaved form":
            seen.append(box.text())
            wanted = {"restore": "Restore", "discard": "Discard"}[choice]
            buttons = {b.text(): b for b in box.buttons()}
            # Without the button asked for, "Decide later": the test fails on what it waits
            # for instead of hanging in the offer.
            (buttons.get(wanted) or buttons["Decide later"]).click()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    return timer


def _capture_restored(cls: type, vault_open: Callable[[], Vault | None], out: dict) -> QTimer:
    """Once a restored form of `cls` is up and its draft left the vault: read it, close it."""

    def tick() -> None:
        vault = vault_open()
        if vault is None or "fields" in out:
            return
        for w in QApplication.topLevelWidgets():
            if type(w) is cls and w.isVisible() and not Drafts(vault.settings).all():
                out["fields"] = read_fields(w)
                out["focus"] = w.focusWidget()  # the form's focus child (offscreen: no
                # window is ever active, so QApplication.focusWidget() stays empty)
                out["form"] = w
                QTimer.singleShot(50, lambda w=w: shiboken6.isValid(w) and QDialog.done(w, 0))
                return

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    return timer


def _open_shown(session: Session, name: str, tmp_path: Path) -> QWidget:
    if name == "satchel.gui.documents.panel.IntakeDialog":
        # As the documents panel asks about files dropped on a case: which files, for whom.
        scan = tmp_path / "scan-of-a-decision.pdf"
        scan.write_bytes(b"%PDF-1.4 fictional scan\n")
        from satchel.gui.common.drafts import DraftSubject
        from satchel.gui.documents.panel import IntakeDialog

        subject = DraftSubject("intake", None, {"case_id": _case(session).id, "paths": str(scan)})
        dialog: QWidget = IntakeDialog([scan.name], session.main_window, subject=subject)
    elif name == "satchel.gui.lock.security_settings.SecurityDialog":
        from satchel.gui.lock.security_settings import SecurityDialog

        dialog = SecurityDialog(
            _vault(session), session.lock_controller.settings, session.main_window
        )
    else:
        opened, _how = OPENERS[name](session)
        assert opened is not None
        dialog = opened
    dialog.show()
    return dialog


def _lock_and_unlock(qtbot, session: Session) -> None:
    session.lock_controller.lock("shortcut")
    assert session.vault is None
    qtbot.waitUntil(lambda: session.unlock_screen is not None, timeout=5000)
    unlock(qtbot, session)


def _restore_after_unlock(
    qtbot, session: Session, cls: type, *, lock: bool = True
) -> tuple[list[str], dict[str, Any]]:
    """Lock, unlock, press Restore in the offer; the restored form's values and focus.

    The answering timers start before the unlock: the offer comes up as soon as the main
    window is shown, inside whatever event loop runs then."""
    seen: list[str] = []
    out: dict[str, Any] = {}
    answer = _answer_offers("restore", seen)
    capture = _capture_restored(cls, lambda: session.vault, out)
    try:
        if lock:
            _lock_and_unlock(qtbot, session)
        else:
            unlock(qtbot, session)
        qtbot.waitUntil(lambda: "fields" in out, timeout=10000)
    finally:
        answer.stop()
        capture.stop()
    return seen, out


@pytest.mark.parametrize("name", FORMS)
def test_the_draft_comes_back_after_unlock(
    qtbot, session: Session, name: str, tmp_path: Path
) -> None:
    session.main_window.open_record("case", _case(session).id)  # type: ignore[union-attr]
    form = _open_shown(session, name, tmp_path)
    qtbot.waitExposed(form)
    _type_into(form)
    typed = read_fields(form)
    assert typed, f"{name}: no typed input found"
    seen, out = _restore_after_unlock(qtbot, session, type(form))
    assert len(seen) == 1 and "when Satchel locked" in seen[0]
    assert out["fields"] == typed
    assert session.vault is not None and Drafts(session.vault.settings).all() == []


def test_restored_event_puts_the_cursor_back_and_says_what_it_was(qtbot, session: Session) -> None:
    from satchel.gui.chronology.event_dialog import EventDialog

    case = _case(session)
    window = session.main_window
    window.open_record("case", case.id)  # type: ignore[union-attr]
    dialog = EventDialog(_vault(session), case.id, None, window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.title_edit.setFocus()
    dialog.title_edit.setText("Appeal lodged with the regional court")
    dialog.title_edit.setCursorPosition(6)
    seen, out = _restore_after_unlock(qtbot, session, EventDialog)
    assert seen == [
        "You were editing a new event “Appeal lodged with the regional court” when Satchel locked."
    ]
    restored = out["form"]
    assert out["focus"] is restored.title_edit
    assert restored.title_edit.cursorPosition() == 6


def test_discard_setting_keeps_nothing(qtbot, session: Session) -> None:
    from satchel.gui.lock.controller import LockSettings
    from satchel.gui.notes.panel import NoteDialog

    session.save_lock_settings(LockSettings(keep_drafts=False))
    case = _case(session)
    dialog = NoteDialog(_vault(session), case.id, None, session.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.body_edit.setPlainText("Client called about the bail hearing")
    _lock_and_unlock(qtbot, session)
    QApplication.processEvents()
    assert Drafts(_vault(session).settings).all() == []
    assert session.draft_offer is not None and session.draft_offer.offered == []


def test_discard_in_the_offer_removes_the_draft(qtbot, session: Session) -> None:
    from satchel.gui.people.dialog import PersonDialog

    dialog = PersonDialog(_vault(session), None, session.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.notes_edit.setPlainText("Met at the consulate")
    seen: list[str] = []
    answer = _answer_offers("discard", seen)
    try:
        _lock_and_unlock(qtbot, session)
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)
        qtbot.waitUntil(lambda: Drafts(_vault(session).settings).all() == [], timeout=5000)
    finally:
        answer.stop()
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    ]


MARKER = "Zephyrine Quillfeather testified 7731"


def _files_holding(folder: Path, text: str) -> list[Path]:
    forms = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(f in data for f in forms):
                found.append(path)
    return found


def test_a_kept_draft_is_not_on_disk_in_plaintext(
    qtbot,
    session: Session,
    demo_folder: Path,
) -> None:
    from satchel.gui.chronology.event_dialog import EventDialog

    case = _case(session)
    dialog = EventDialog(_vault(session), case.id, None, session.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.description_edit.setPlainText(MARKER)
    session.lock_controller.lock("shortcut")
    assert session.vault is None
    assert _files_holding(demo_folder, MARKER) == []
    with Vault.unlock(demo_folder, PASSPHRASE) as vault:  # ... but it is in the vault
        drafts = Drafts(vault.settings).all()
        assert [d["fields"]["description_edit"] for _i, d in drafts] == [MARKER]


def test_a_deleted_record_is_named_and_comes_back_as_new(
    qtbot,
    session: Session,
    demo_folder: Path,
) -> None:
    from satchel.gui.chronology.event_dialog import EventDialog

    case = _case(session)
    vault = _vault(session)
    event = vault.events.list(case_id=case.id)[0]
    dialog = EventDialog(vault, case.id, event.id, session.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.title_edit.setText("Hearing moved to the afternoon")
    session.lock_controller.lock("shortcut")
    with Vault.unlock(demo_folder, PASSPHRASE) as direct:
        direct.events.delete(event.id)
    qtbot.waitUntil(lambda: session.unlock_screen is not None, timeout=5000)
    seen, out = _restore_after_unlock(qtbot, session, EventDialog, lock=False)
    assert seen == ["You were editing the event “" + event.title + "” when Satchel locked."]
    assert out["form"].draft_subject().record_id is None  # a new event
    assert out["form"].title_edit.text() == "Hearing moved to the afternoon"


def test_a_duress_unlock_never_shows_the_real_drafts(
    qtbot,
    session: Session,
    demo_folder: Path,
) -> None:
    from satchel.core.duress import DuressMode
    from satchel.gui.notes.panel import NoteDialog

    duress = "a quite different duress passphrase 42"
    vault = _vault(session)
    vault.set_duress(PASSPHRASE, duress, DuressMode.DECOY, None)
    dialog = NoteDialog(vault, _case(session).id, None, session.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.body_edit.setPlainText(MARKER)
    session.lock_controller.lock("shortcut")
    qtbot.waitUntil(lambda: session.unlock_screen is not None, timeout=5000)
    unlock(qtbot, session, duress)
    for _ in range(5):
        QApplication.processEvents()
    assert session.draft_offer is not None and session.draft_offer.offered == []
    assert Drafts(_vault(session).settings).all() == []
    session.lock_controller.lock("shortcut")
    with Vault.unlock(demo_folder, PASSPHRASE) as real:
        assert len(Drafts(real.settings).all()) == 1  # still there for the real unlock
