"""Settings → Security: lock settings, passphrase and recovery code, duress, panic wipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import PASSPHRASE

from satchel.core.vault import Vault
from satchel.errors import WrongPassphrase
from satchel.gui.app import Session
from satchel.gui.lock.security_settings import SecurityDialog
from satchel.settings import LockSettings

NEW = "quiet harbour seven lamps"
DURESS = "nothing here but receipts"


@pytest.fixture
def dialog(qtbot, vault: Vault) -> SecurityDialog:
    d = SecurityDialog(vault, LockSettings())
    qtbot.addWidget(d)
    return d


def _wait_idle(qtbot, d: SecurityDialog) -> None:
    qtbot.waitUntil(lambda: d.isEnabled(), timeout=20000)


def test_lock_settings_come_back_as_set(dialog: SecurityDialog):
    dialog.idle_minutes.setValue(2)
    dialog.on_suspend.setChecked(False)
    dialog.on_minimise.setChecked(True)
    dialog.clipboard_seconds.setValue(30)
    dialog.panic_shortcut.setChecked(True)
    s = dialog.lock_settings()
    assert (s.idle_minutes, s.on_suspend, s.on_minimise) == (2, False, True)
    assert (s.clipboard_clear_seconds, s.panic_shortcut) == (30, True)


def test_change_passphrase_needs_the_current_one(qtbot, dialog, vault, vault_dir):
    dialog.current_for_change.setText("not the passphrase")
    dialog.new_passphrase.setText(NEW)
    dialog.new_passphrase_again.setText(NEW)
    dialog.change_passphrase()
    _wait_idle(qtbot, dialog)
    assert "Wrong passphrase" in dialog.change_status.text()
    assert dialog.current_for_change.text() == ""  # the wrong secret is not kept

    dialog.current_for_change.setText(PASSPHRASE)
    dialog.new_passphrase.setText(NEW)
    dialog.new_passphrase_again.setText(NEW)
    dialog.change_passphrase()
    _wait_idle(qtbot, dialog)
    assert dialog.change_status.text().startswith("Passphrase changed")
    assert dialog.new_passphrase.text() == ""
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, PASSPHRASE)
    Vault.unlock(vault_dir, NEW).close()


def test_mismatched_new_passphrases_are_refused_next_to_the_field(dialog):
    dialog.current_for_change.setText(PASSPHRASE)
    dialog.new_passphrase.setText(NEW)
    dialog.new_passphrase_again.setText(NEW + "x")
    dialog.change_passphrase()
    assert dialog.change_status.text() == "The two passphrases differ."


def test_new_recovery_code_is_shown_once_and_works(qtbot, dialog, vault, vault_dir):
    dialog.current_for_recovery.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.recovery_code_shown, timeout=20000):
        dialog.regenerate_recovery_code()
    code = dialog.recovery_code.text()
    assert len(code) > 20
    dialog.reject()
    assert dialog.recovery_code.text() == ""  # gone when the dialog closes
    vault.close()
    Vault.unlock(vault_dir, code).close()


def test_duress_passphrase_set_from_settings_opens_the_decoy(qtbot, dialog, vault, vault_dir):
    dialog.current_for_duress.setText(PASSPHRASE)
    dialog.duress_passphrase.setText(DURESS)
    dialog.duress_again.setText(DURESS)
    dialog.set_duress()
    _wait_idle(qtbot, dialog)
    assert dialog.duress_status.text() == "Duress passphrase set."
    vault.close()
    with Vault.unlock(vault_dir, DURESS) as decoy:
        assert decoy.cases.count() > 0


def test_panic_wipe_from_the_menu_destroys_the_vault_and_quits(
    qtbot, closed_vault, monkeypatch, tmp_path
):
    folder, code = closed_vault
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    session = Session(folder)
    session.start()
    session.unlock_screen.secret_edit.setText(PASSPHRASE)
    session.unlock_screen.try_unlock()
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=20000)
    session.main_window.panic_action.trigger()
    assert quits == [True]
    assert not (Path(folder) / "keyslots").exists()
    for secret in (PASSPHRASE, code):
        with pytest.raises(Exception):
            Vault.unlock(folder, secret)
    session.shutdown()


def test_panic_shortcut_does_nothing_unless_enabled_in_advance(
    qtbot, closed_vault, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    folder, _code = closed_vault
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    session = Session(folder)
    session.start()
    session.unlock_screen.secret_edit.setText(PASSPHRASE)
    session.unlock_screen.try_unlock()
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=20000)
    window = session.main_window
    qtbot.waitExposed(window)
    combo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_Delete, combo)
    assert quits == [] and (Path(folder) / "keyslots").exists()

    session.save_lock_settings(LockSettings(panic_shortcut=True, panic_without_confirmation=True))
    QTest.keyClick(window, Qt.Key.Key_Delete, combo)
    assert quits == [True]
    assert not (Path(folder) / "keyslots").exists()
    session.shutdown()
