"""Unlock without surprises: Caps Lock and another keyboard layout are said under the field;
the wizard asks the name for the identity card and keeps the passphrase's alphabet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from shell_helpers import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.core.vault import Vault
from satchel.gui.common.typing_hints import remember_script, remembered_script
from satchel.gui.unlock.screen import UnlockWidget
from satchel.gui.unlock.wizard import CreateVaultWizard


def _key(widget, char: str, shift: bool = False) -> None:
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, mods, char))


@pytest.fixture
def vault_folder(tmp_path: Path, settings) -> Path:
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)[0].close()
    return folder


def _screen(qtbot, folder: Path) -> UnlockWidget:
    screen = UnlockWidget([folder])
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_capitals_without_shift_say_caps_lock_is_on_and_a_small_letter_takes_it_back(
    qtbot, vault_folder
):
    screen = _screen(qtbot, vault_folder)
    for ch in "VIOLET":
        _key(screen.secret_edit, ch)
    assert screen.hints.isVisible()
    assert "Caps Lock is on" in screen.hints.text()
    _key(screen.secret_edit, "t")
    assert not screen.hints.isVisible()
    # A capital with Shift is just a capital.
    _key(screen.secret_edit, "T", shift=True)
    assert not screen.hints.isVisible()


def test_letters_of_another_alphabet_than_the_passphrase_say_the_layout_differs(
    qtbot, vault_folder
):
    remember_script(vault_folder, "latin")
    screen = _screen(qtbot, vault_folder)
    _key(screen.secret_edit, "м")  # "v" typed with a Russian layout
    assert screen.hints.isVisible()
    assert "Cyrillic" in screen.hints.text() and "Latin" in screen.hints.text()
    _key(screen.secret_edit, "v")
    assert not screen.hints.isVisible()


def test_the_show_box_reveals_and_a_reset_hides_again(qtbot, vault_folder):
    screen = _screen(qtbot, vault_folder)
    screen.show_check.setChecked(True)
    assert screen.secret_edit.revealed
    screen.reset()
    assert not screen.secret_edit.revealed and not screen.show_check.isChecked()


def test_the_wizard_names_the_identity_card_and_keeps_only_the_passphrase_alphabet(
    qtbot, tmp_path, settings
):
    target = tmp_path / "new-vault"
    wizard = CreateVaultWizard(target, kdf_params=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.intro_page.name_edit, "Anna Petrova, advocate")
    wizard.next()
    passphrase = "тёмная тропа у реки, 1977 год"
    for field in (wizard.passphrase_page.first, wizard.passphrase_page.second):
        field.setText(passphrase)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30000)
    vault = wizard.take_vault()
    try:
        assert vault.identities.get().name == "Anna Petrova, advocate"
    finally:
        vault.close()
    assert remembered_script(target) == "cyrillic"
    stored = settings.value("unlock/passphrase_scripts")
    assert "тёмная" not in stored and str(target) not in stored
