"""The unlock screen: passphrase, recovery code, wrong passphrase, several vaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shell_helpers import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.core.vault import Vault
from satchel.gui.unlock.screen import UnlockWidget, find_vaults


def _screen(qtbot, vaults: list[Path]) -> UnlockWidget:
    screen = UnlockWidget(vaults)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.reset()
    return screen


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_correct_passphrase_unlocks_the_vault_off_the_gui_thread(qtbot, closed_vault):
    folder, _code = closed_vault
    screen = _screen(qtbot, [folder])
    qtbot.keyClicks(screen.secret_edit, PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=20000) as blocker:
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
        # The derivation runs in a worker: the window is still responsive and says it is busy.
        assert screen.busy.isVisible()
        assert not screen.secret_edit.isEnabled()
    vault, path = blocker.args
    try:
        assert isinstance(vault, Vault) and not vault.closed
        assert Path(path) == folder
        assert screen.secret_edit.text() == ""  # the passphrase does not linger in the field
    finally:
        vault.close()


def test_wrong_passphrase_says_so_keeps_field_focused_and_changes_no_file(qtbot, closed_vault):
    folder, _code = closed_vault
    before = _files(folder)
    screen = _screen(qtbot, [folder])
    qtbot.keyClicks(screen.secret_edit, "not the passphrase")
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.is_busy and screen.error_label.isVisible(), timeout=20000)
    assert "Wrong passphrase" in screen.error_label.text()
    assert screen.secret_edit.isEnabled()
    assert QApplication.focusWidget() is screen.secret_edit
    # Selected, so typing again replaces the wrong attempt.
    assert len(screen.secret_edit.selectedText()) == len("not the passphrase")
    qtbot.keyClicks(screen.secret_edit, "again")
    with screen.secret_edit.secret() as typed:
        assert bytes(typed.view()) == b"again"
    assert _files(folder) == before


def test_recovery_code_mode_unlocks_with_the_code(qtbot, closed_vault):
    folder, code = closed_vault
    screen = _screen(qtbot, [folder])
    screen.recovery_check.setChecked(True)
    # Shown, to avoid typos: it is random, not a secret the user made up.
    assert screen.secret_edit.revealed
    assert "Recovery" in screen.secret_label.text()
    qtbot.keyClicks(screen.secret_edit, code)
    with qtbot.waitSignal(screen.unlocked, timeout=20000) as blocker:
        screen.try_unlock()
    blocker.args[0].close()


def test_wrong_recovery_code_is_named_as_such(qtbot, closed_vault):
    folder, _code = closed_vault
    screen = _screen(qtbot, [folder])
    screen.recovery_check.setChecked(True)
    qtbot.keyClicks(screen.secret_edit, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    screen.try_unlock()
    qtbot.waitUntil(lambda: screen.error_label.isVisible() and not screen.is_busy, timeout=20000)
    assert "recovery code" in screen.error_label.text()


def test_empty_field_asks_for_the_passphrase_without_trying(qtbot, closed_vault):
    folder, _code = closed_vault
    screen = _screen(qtbot, [folder])
    screen.try_unlock()
    assert not screen.is_busy
    assert screen.error_label.text() == "Type your passphrase."


def test_vault_already_open_elsewhere_is_refused_with_a_clear_message(qtbot, vault, vault_dir):
    screen = _screen(qtbot, [vault_dir])
    qtbot.keyClicks(screen.secret_edit, PASSPHRASE)
    screen.try_unlock()
    qtbot.waitUntil(lambda: screen.error_label.isVisible() and not screen.is_busy, timeout=20000)
    assert "already open" in screen.error_label.text()


def test_chooser_appears_only_when_there_are_several_vaults(qtbot, tmp_path):
    first, _ = Vault.create(tmp_path / "one", PASSPHRASE, kdf_params=FAST_KDF)
    first.close()
    single = _screen(qtbot, [tmp_path / "one"])
    assert not single.vault_combo.isVisible()
    second, _ = Vault.create(tmp_path / "two", PASSPHRASE, kdf_params=FAST_KDF)
    second.close()
    several = _screen(qtbot, [tmp_path / "one", tmp_path / "two"])
    assert several.vault_combo.isVisible()
    several.vault_combo.setCurrentIndex(1)
    assert several.selected_vault() == tmp_path / "two"


def test_find_vaults_lists_every_vault_under_the_data_directory(tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    data = Path(platformdirs.user_data_dir("Satchel", appauthor=False))
    made = []
    for name in ("vault", "vault-2"):
        v, _ = Vault.create(data / name, PASSPHRASE, kdf_params=FAST_KDF)
        v.close()
        made.append(data / name)
    (data / "not-a-vault").mkdir(exist_ok=True)
    found = find_vaults()
    assert found == made
