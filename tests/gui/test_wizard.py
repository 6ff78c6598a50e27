"""The create-vault wizard: passphrase twice with a strength meter, the recovery code once."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard
from shell_helpers import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.core.vault import Vault
from satchel.gui.unlock.wizard import CreateVaultWizard, estimate_strength


def _wizard(qtbot, target) -> CreateVaultWizard:
    wizard = CreateVaultWizard(target, kdf_params=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _button(wizard: CreateVaultWizard, which: QWizard.WizardButton):
    return wizard.button(which)


def test_wizard_creates_the_vault_and_gates_finish_on_the_written_down_code(qtbot, tmp_path):
    target = tmp_path / "new-vault"
    wizard = _wizard(qtbot, target)
    wizard.next()  # past the welcome page
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    assert page.isComplete()
    wizard.next()  # the commit: creation runs in a worker, then the wizard moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30000)
    code = wizard.recovery_page.code_label.text()
    assert len(code) >= 20
    assert not wizard.recovery_page.isComplete()
    assert not _button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    # The passphrase was not kept in the form after creation.
    assert page.first.text() == "" and page.second.text() == ""

    wizard.recovery_page.confirm.setChecked(True)
    assert _button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.vault_created) as blocker:
        wizard.accept()
    vault, path = blocker.args
    assert path == target and not vault.closed
    assert wizard.recovery_code == ""  # forgotten once confirmed
    vault.close()
    # The code shown is the real one: it opens the vault.
    Vault.unlock(target, code).close()
    Vault.unlock(target, PASSPHRASE).close()


def test_weak_or_mismatched_passphrases_do_not_let_the_wizard_go_on(qtbot, tmp_path):
    wizard = _wizard(qtbot, tmp_path / "v")
    wizard.next()
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, "password123")
    qtbot.keyClicks(page.second, "password123")
    assert not page.isComplete()
    assert page.verdict.text() == "Very weak: easy to guess."
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE + "x")
    assert not page.isComplete()
    assert page.mismatch.text() == "The two passphrases differ."
    page.second.setText(PASSPHRASE)
    assert page.isComplete()
    assert not (tmp_path / "v").exists()  # nothing is written before the commit page


def test_strength_estimate_knows_common_russian_and_keyboard_passwords():
    for weak in ("qwertyuiop", "пароль12345", "йцукенгшщз", "short", "maple river"):
        assert not estimate_strength(weak).acceptable, weak
    for strong in (PASSPHRASE, "Маша любит кашу по утрам", "correct horse battery staple"):
        assert estimate_strength(strong).acceptable, strong


def test_ending_the_session_while_the_vault_is_written_opens_nothing(qtbot, tmp_path, monkeypatch):
    from satchel.gui.app import Session

    target = tmp_path / "new-vault"
    session = Session(target)
    session.start()
    wizard = session.wizard
    assert isinstance(wizard, CreateVaultWizard)
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.next()  # the commit: the vault is being written in a worker
    assert wizard.create_page.is_busy
    wizard.next()  # a programmatic next() does not skip the writing either
    assert wizard.currentPage() is wizard.create_page
    session.shutdown()  # the application quits meanwhile
    qtbot.waitUntil(lambda: not wizard.create_page.is_busy, timeout=30000)
    qtbot.wait(50)  # any late signal has arrived
    # The vault was written and closed: no window, no armed lock, the key gone.
    assert session.vault is None and session.main_window is None
    assert wizard.vault is None and wizard.recovery_code == ""
    assert wizard.currentPage() is wizard.create_page
    assert not session.lock_controller.is_unlocked
    Vault.unlock(target, PASSPHRASE).close()  # whole, and not held open by anyone
