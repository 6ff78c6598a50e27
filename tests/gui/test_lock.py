"""The lock as a lawyer at an airport check meets it: whatever starts it, nothing is left.

Each test opens a demo vault through the real unlock screen, goes to a case, leaves
something on the clipboard, a file in the private temp folder and a document intake
running, then locks — by shortcut, button, tray, `satchel lock`, idle timer, screen lock
or suspend — and walks every widget and model of the application looking for any text of
the vault.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shell_helpers import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.control import InstanceAnswer, lock_all
from satchel.core.vault import Vault
from satchel.gui.app import Session
from satchel.gui.common.workers import run_job
from satchel.gui.lock import clipboard, private_temp

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # list models keep columnCount private: they have one column
        return 1


def _has_children(model: QAbstractItemModel, idx: QModelIndex) -> bool:
    try:
        return model.hasChildren(idx)
    except TypeError:  # flat list and table models keep it private: no children
        return False


def _model_texts(
    model: QAbstractItemModel, parent: QModelIndex, out: list[str], budget: list[int]
) -> None:
    for row in range(model.rowCount(parent)):
        for col in range(_columns(model, parent)):
            if budget[0] <= 0:
                return
            budget[0] -= 1
            idx = model.index(row, col, parent)
            for role in _ROLES:
                value = model.data(idx, role)
                if isinstance(value, str) and value:
                    out.append(value)
            if col == 0 and _has_children(model, idx):
                _model_texts(model, idx, out, budget)
    for section in range(_columns(model, parent) if not parent.isValid() else 0):
        value = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            out.append(value)


def every_text_in_the_application() -> list[str]:
    """Window titles, tooltips, labels, fields, buttons, item models — all of it."""
    texts: list[str] = []
    for w in QApplication.allWidgets():
        texts += [w.windowTitle(), w.toolTip(), w.statusTip(), w.whatsThis(), w.accessibleName()]
        texts.append(w.accessibleDescription())
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTextEdit | QPlainTextEdit):
            texts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            _model_texts(w.model(), QModelIndex(), texts, [20_000])
        for action in w.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
    return [t for t in texts if t]


def vault_texts(v: Vault) -> list[str]:
    """Distinctive texts of the demo vault that must vanish from the screen on lock."""
    texts = [c.title for c in v.cases.list()]
    texts += [p.primary_name for p in v.people.list()]
    texts += [e.title for e in v.events.list(limit=300)]
    return sorted({t for t in texts if len(t) >= 8})


def leftovers(folder_texts: list[str]) -> list[str]:
    everything = "\n".join(every_text_in_the_application())
    return [t for t in folder_texts if t in everything]


@pytest.fixture
def demo_folder(vault_dir: Path) -> Path:
    from satchel.sample.demo import fill_demo

    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    with v:
        fill_demo(v, cases=4, seed=11)
    return vault_dir


@pytest.fixture
def session(qtbot, demo_folder: Path, tmp_path, monkeypatch) -> Iterator[Session]:
    s = Session(demo_folder)
    s.start()
    _unlock(qtbot, s)
    yield s
    s.shutdown()


def _unlock(qtbot, session: Session, secret: str = PASSPHRASE) -> None:
    screen = session.unlock_screen
    assert screen is not None and screen.isVisible()
    screen.secret_edit.setText(secret)
    screen.try_unlock()
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=20000)
    qtbot.waitExposed(session.main_window)


def _busy_case(session: Session) -> tuple[str, int]:
    """Open the case with the most events on its chronology tab; return (case id, tab)."""
    vault = session.vault
    cases = vault.cases.list()
    case = max(cases, key=lambda c: vault.events.count(case_id=c.id))
    window = session.main_window
    window.open_record("case", case.id)
    tab = window.case_view.tabs.count() - 1
    window.case_view.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    return case.id, tab


class SlowStream:
    """A file that arrives slowly, like a big scan from a USB stick."""

    def __init__(self, chunks: int = 200) -> None:
        self.left = chunks
        self.started = threading.Event()

    def read(self, n: int = -1) -> bytes:
        self.started.set()
        if self.left <= 0:
            return b""
        self.left -= 1
        time.sleep(0.02)
        return b"S" * min(n if n > 0 else 1 << 20, 1 << 20)


def _arm_everything(session: Session) -> SlowStream:
    """Clipboard, a private temp file and a running intake, as a busy lawyer leaves them."""
    clipboard.copy_sensitive("+7 900 555 01 23")
    (private_temp.folder() / "scan.pdf").write_bytes(b"%PDF-1.4 decrypted copy")
    stream = SlowStream()
    vault = session.vault
    case_id = vault.cases.list()[0].id
    run_job(
        lambda ctx: vault.documents.add(
            stream,
            case_id=case_id,
            filename="intake-in-progress.pdf",
            cancelled=lambda: ctx.cancelled,
        )
    )
    assert stream.started.wait(10)
    return stream


def _assert_fully_locked(session: Session, vault: Vault, texts: list[str], folder: Path) -> None:
    assert session.main_window is None
    assert session.vault is None and vault.closed
    with pytest.raises(Exception):
        vault.connection.execute("select 1")
    assert session.unlock_screen is not None and session.unlock_screen.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [session.unlock_screen]
    assert leftovers(texts) == []
    assert private_temp.is_empty()
    assert QGuiApplication.clipboard().text() == ""
    # The intake was cancelled and rolled back: nothing half-written.
    with Vault.unlock(folder, PASSPHRASE) as v:
        assert [d for d in v.documents.list() if d.filename == "intake-in-progress.pdf"] == []


def _lock_by(session: Session, how: str, qtbot) -> None:
    window = session.main_window
    controller = session.lock_controller
    if how == "shortcut":
        QTest.keyClick(
            window,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    elif how == "button":
        button = window.findChild(QWidget, "lockButton")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    elif how == "tray":
        controller.tray_lock_action.trigger()
    elif how == "command":
        done = []
        t = threading.Thread(target=lambda: done.append(lock_all()))
        t.start()
        qtbot.waitUntil(lambda: session.main_window is None, timeout=10000)
        t.join(10)
        assert done == [[InstanceAnswer(str(os.getpid()), "locked")]]
    elif how == "idle":
        controller.idle.set_timeout(0.05)
        qtbot.waitUntil(lambda: session.main_window is None, timeout=10000)
    elif how == "screen-lock":
        controller.session_events.screen_locked.emit()
    elif how == "suspend":
        controller.session_events.suspending.emit()
    qtbot.waitUntil(lambda: session.main_window is None, timeout=10000)


@pytest.mark.parametrize(
    "how", ["shortcut", "button", "tray", "command", "idle", "screen-lock", "suspend"]
)
def test_lock_leaves_nothing_of_the_vault_and_unlocking_returns_to_the_place(
    qtbot, session: Session, demo_folder: Path, how: str
):
    texts = vault_texts(session.vault)
    case_id, tab = _busy_case(session)
    assert leftovers(texts), "the test must see vault text on screen before the lock"
    _arm_everything(session)
    vault = session.vault
    reasons: list[str] = []
    session.lock_controller.locked.connect(reasons.append)

    _lock_by(session, how, qtbot)

    assert len(reasons) == 1, "one trigger, one lock"
    _assert_fully_locked(session, vault, texts, demo_folder)
    _unlock(qtbot, session)
    window = session.main_window
    assert window.current_page_key() == "case"
    assert window.case_view.case_id == case_id
    assert window.case_view.tabs.currentIndex() == tab


def test_windows_are_hidden_before_anything_else_happens(qtbot, session: Session):
    _busy_case(session)
    order: list[str] = []
    window = session.main_window
    original_clear = window.clear_vault_data

    def clear_and_note() -> None:
        order.append("cleared while visible" if window.isVisible() else "cleared after hide")
        original_clear()

    window.clear_vault_data = clear_and_note
    session.lock_controller.lock("button")
    assert order == ["cleared after hide"]
    steps = list(session.lock_controller.last_timings.steps)
    assert steps[0] == "hidden"
    assert steps.index("work_cancelled") < steps.index("vault_closed")


def test_open_dialogs_and_menus_are_closed_by_the_lock(qtbot, session: Session):
    from PySide6.QtWidgets import QMenu, QMessageBox

    _busy_case(session)
    window = session.main_window
    box = QMessageBox(QMessageBox.Icon.Information, "x", "A case detail", parent=window)
    box.setModal(False)
    box.show()
    menu = QMenu(window)
    menu.addAction("Something about the case")
    menu.popup(window.pos())
    qtbot.waitUntil(menu.isVisible)
    session.lock_controller.lock("button")
    assert not box.isVisible()
    assert not menu.isVisible()


def test_clipboard_the_user_filled_elsewhere_survives_the_lock(qtbot, session: Session):
    clipboard.copy_sensitive("+7 900 555 01 23")
    QGuiApplication.clipboard().setText("the user's own text")
    session.lock_controller.lock("button")
    assert QGuiApplication.clipboard().text() == "the user's own text"


def test_screen_lock_and_suspend_can_be_turned_off(qtbot, session: Session):
    from satchel.settings import LockSettings

    controller = session.lock_controller
    controller.apply_settings(LockSettings(on_screen_lock=False, on_suspend=False))
    controller.session_events.screen_locked.emit()
    controller.session_events.suspending.emit()
    assert session.main_window is not None and session.vault is not None


def test_lock_settings_live_in_the_vault(qtbot, session: Session, demo_folder: Path):
    from satchel.settings import LockSettings

    session.save_lock_settings(LockSettings(idle_minutes=2, clipboard_clear_seconds=30))
    session.lock_controller.lock("button")
    with Vault.unlock(demo_folder, PASSPHRASE) as v:
        stored = LockSettings.from_dict(v.settings.get("lock", None))
    assert stored.idle_minutes == 2 and stored.clipboard_clear_seconds == 30
    _unlock(qtbot, session)
    assert session.lock_controller.idle.timeout_s == 120


def test_minimise_locks_only_when_asked_to(qtbot, session: Session):
    from satchel.settings import LockSettings

    window = session.main_window
    window.showMinimized()
    QApplication.processEvents()
    assert session.main_window is not None
    window.showNormal()
    session.lock_controller.apply_settings(LockSettings(on_minimise=True))
    window.showMinimized()
    qtbot.waitUntil(lambda: session.main_window is None, timeout=5000)
