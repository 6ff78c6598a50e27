"""A vault on read-only media says so in the status bar of the main window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from tests.kdf import FAST_KDF
from tests.readonly_mount import read_only_view

from satchel.core.vault import Vault
from satchel.gui.main_window import MainWindow

PASSPHRASE = "quiet harbour 1987"


def test_the_status_bar_says_the_vault_cannot_be_changed(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        vault.cases.create("Harlow v. Penfold")
    (folder / "vault.lock").unlink()
    with read_only_view(folder, tmp_path / "stick") as stick:
        vault = Vault.unlock(stick, PASSPHRASE)
        try:
            window = MainWindow(vault, stick)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(lambda: "cases: 1" in window.statusBar().currentMessage())
            assert "read-only media" in window.statusBar().currentMessage()
            window.close()
        finally:
            vault.close()
