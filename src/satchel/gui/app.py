"""Start-up of the desktop client and the session around one vault: wizard or unlock, then
the main window, back to the unlock screen on lock, and a rebuilt window on a language switch.

`run(vault_path)` is what `satchel` without a command calls. This module decides which
screen is shown; it stores nothing but the language and window geometry (QSettings) and
never keeps vault data itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from satchel import i18n
from satchel.core.drafts import Drafts
from satchel.core.paths import default_vault_dir, locations
from satchel.core.vault import Vault
from satchel.error_words import words
from satchel.errors import SatchelError
from satchel.gui.common import icons, theme
from satchel.gui.common.drafts import DraftKeeper, FormDraft
from satchel.gui.common.file_dialogs import keep_qt_dialog_state_off_disk
from satchel.gui.common.workers import cancel_all_jobs, collect_garbage_on_the_gui_thread
from satchel.gui.draft_offer import DraftOffer
from satchel.gui.exchange.imports import ImportsPage
from satchel.gui.lock import clipboard, decoy_session, private_temp
from satchel.gui.lock.control_server import ControlServer
from satchel.gui.lock.controller import LockController
from satchel.gui.lock.session_events import SessionEventWatcher
from satchel.gui.lock.termination import QuitOnSignals
from satchel.gui.main_window import MainWindow
from satchel.gui.travel.dialog import CODE_UNSEEN_SETTING, TravelDialog
from satchel.gui.unlock.screen import UnlockWidget, find_vaults, is_vault
from satchel.gui.unlock.wizard import CreateVaultWizard
from satchel.settings import LOCK, LockSettings

__all__ = ["Session", "configure_application", "run"]

ORGANISATION = "Satchel"
APPLICATION = "Satchel"


def configure_application(app: QApplication, language: str | None = None) -> str:
    """Names (for QSettings), translations, theme and icon; returns the language installed."""
    collect_garbage_on_the_gui_thread(app)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    # Qt's own file and message dialogs, never the platform's: a native dialog (GTK, the
    # desktop portal, Windows' common dialogs) runs outside Qt's event loop, where the lock
    # shortcut cannot reach it and the lock cannot close it, and it keeps its own history of
    # recent folders and files (DESIGN §8: no traces in the system).
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    # Before any Qt dialog can save its history to Qt's shared settings (see the module).
    keep_qt_dialog_state_off_disk()
    lang = language or i18n.saved_language()
    i18n.install_translations(lang)
    theme.apply_theme(app)
    theme.follow_system(app)
    app.setWindowIcon(icons.app_icon())
    return lang


def new_vault_location() -> Path:
    """Where the wizard creates a vault: the default folder, or a free sibling of it."""
    first = default_vault_dir()
    if not first.exists() or (first.is_dir() and not any(first.iterdir())):
        return first
    base = locations().data_dir
    n = 2
    while (base / f"vault-{n}").exists():
        n += 1
    return base / f"vault-{n}"


class Session(QObject):
    """Which screen is up, and the vault while it is unlocked."""

    def __init__(
        self,
        vault_path: Path | None = None,
        parent: QObject | None = None,
        bundle: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_path = vault_path
        # A bundle opened from the file manager (`satchel FILE.satchel`): its import
        # preview is shown once, after the first unlock (verifying needs the vault).
        self.pending_bundle = bundle
        self.vault: Vault | None = None
        self.opened_path: Path | None = None
        self.unlock_screen: UnlockWidget | None = None
        self.wizard: CreateVaultWizard | None = None
        self.main_window: MainWindow | None = None
        self._place: dict[str, Any] = {}
        self._wiping = False
        # The owner looking at the decoy (never a duress unlock: that one must look normal).
        self.editing_decoy = False
        # The lock machinery: every trigger (shortcut, button, tray, `satchel lock`, idle,
        # screen lock, suspend, minimise) ends in LockController.lock(), which calls back
        # the LockTarget methods below in a fixed order.
        self.lock_controller = LockController(
            self,
            session_events=SessionEventWatcher(parent=self),
            control_server=ControlServer(parent=self),
            parent=self,
        )
        self.lock_controller.panic_requested.connect(self.panic_wipe)
        # Forms open at lock keep their typed values (DESIGN §6): the keeper watches every
        # window; the drafts collected at lock wait here for a few milliseconds only.
        self.draft_keeper = DraftKeeper(parent=self)
        self._lock_drafts: list[FormDraft] = []
        self.draft_offer: DraftOffer | None = None

    # -- which screen -----------------------------------------------------------------------

    def start(self) -> None:
        controller = self.lock_controller
        if controller.control_server is not None:
            controller.control_server.listen()
        controller.install_tray_icon(icons.app_icon())
        if self.vault_path is not None and not is_vault(self.vault_path):
            self.show_wizard(self.vault_path)
            return
        if not find_vaults(self.vault_path):
            self.show_wizard(new_vault_location())
            return
        self._show_unlock_screen()

    def _show_unlock_screen(self) -> UnlockWidget:
        if self.unlock_screen is not None:
            self.unlock_screen.deleteLater()
        screen = UnlockWidget(find_vaults(self.vault_path))
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        screen.resize(760, 540)
        screen.unlocked.connect(self._on_unlocked)
        screen.create_requested.connect(lambda: self.show_wizard(new_vault_location()))
        self.unlock_screen = screen
        screen.show()
        screen.activateWindow()
        screen.reset()
        return screen

    def show_wizard(self, target: Path) -> CreateVaultWizard:
        wizard = CreateVaultWizard(target)
        # From the recovery page on the new vault is open: every lock trigger must close it.
        wizard.vault_opened.connect(lambda: self.lock_controller.unlocked([wizard]))
        wizard.vault_created.connect(self._on_unlocked)
        wizard.rejected.connect(self._on_wizard_cancelled)
        wizard.language_chosen.connect(lambda lang: self._rebuild_wizard(wizard, lang))
        self.wizard = wizard
        if self.unlock_screen is not None:
            self.unlock_screen.hide()
        wizard.show()
        return wizard

    def _rebuild_wizard(self, old: CreateVaultWizard, language: str) -> None:
        """The same first page in the language just chosen (kept for the whole client)."""
        i18n.install_translations(language)
        i18n.save_language(language)
        name = old.intro_page.name_edit.text()
        old.rejected.disconnect()
        old.hide()
        old.deleteLater()
        wizard = self.show_wizard(old.target)
        wizard.kdf_params = old.kdf_params
        wizard.intro_page.name_edit.setText(name)

    def _on_wizard_cancelled(self) -> None:
        if self.lock_controller.is_locking:
            return  # the lock closes the wizard and shows the unlock screen itself
        self.wizard = None
        if self.vault is not None:
            return
        if find_vaults(self.vault_path):
            self._show_unlock_screen()
        else:
            QApplication.quit()

    def _on_unlocked(self, vault: Vault, path: Path | None) -> None:
        self.vault = vault
        if not self.editing_decoy:
            decoy_session.keep_current_in_background(vault)
        self.opened_path = Path(path) if path is not None else None
        if self.wizard is not None:
            self.wizard.hide()
            self.wizard.deleteLater()
            self.wizard = None
        if self.unlock_screen is not None:
            self.unlock_screen.hide()
            self.unlock_screen.deleteLater()
            self.unlock_screen = None
        self._show_main(self._place)

    def _show_main(self, place: dict[str, Any]) -> MainWindow:
        assert self.vault is not None, "the main window is shown only while unlocked"
        window = MainWindow(self.vault, self.opened_path)
        window.lock_handler = lambda: self.lock_controller.lock("button")
        window.security_requested.connect(self.open_security_settings)
        window.travel_requested.connect(self.open_travel)
        window.panic_requested.connect(lambda: self.panic_wipe(from_menu=True))
        window.locked.connect(self._on_locked)
        window.closed.connect(self._on_closed)
        window.language_changed.connect(self.switch_language)
        self.main_window = window
        if self.editing_decoy:
            decoy_session.mark_window(window)
        if place:
            window.restore_place(place)
        window.show()
        window.activateWindow()
        self.lock_controller.apply_settings(self.load_lock_settings())
        self.lock_controller.unlocked([window])
        self.draft_offer = DraftOffer(self.vault, window, self.draft_keeper)
        self.draft_offer.start()
        if self.pending_bundle is not None:
            bundle, self.pending_bundle = self.pending_bundle, None
            window.show_page("imports")
            page = window.page("imports")
            if isinstance(page, ImportsPage):
                page.inspect(bundle)
        return window

    def _on_locked(self) -> None:
        window = self.main_window
        if window is not None:
            self._place = window.last_place
            window.deleteLater()
        self.main_window = None
        self.vault = None
        self._show_unlock_screen()

    def _on_closed(self) -> None:
        self.main_window = None
        self.vault = None
        QApplication.quit()

    def switch_language(self, language: str) -> None:
        """Install `language` and rebuild the window in it, on the same page and case."""
        window = self.main_window
        i18n.install_translations(language)
        if window is None or self.vault is None:
            if self.unlock_screen is not None:
                self._show_unlock_screen()
            return
        place = window.current_place()
        if self.draft_offer is not None:
            self.draft_offer.stop()
            self.draft_offer = None
        window.close_without_lock()
        window.deleteLater()
        self._show_main(place)

    # -- the lock (satchel.gui.lock.controller.LockTarget) --------------------------------------

    def data_windows(self) -> list[QWidget]:
        """The main window first, then any other window or dialog that is up."""
        keep: set[QWidget | None] = {self.unlock_screen}
        if self.wizard is not None and self.wizard.vault is None:
            keep.add(self.wizard)  # still before the vault exists: nothing to hide
        windows: list[QWidget] = [self.main_window] if self.main_window is not None else []
        windows += [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w not in keep and w is not self.main_window
        ]
        return windows

    def remember_place(self) -> dict[str, Any]:
        return self.main_window.current_place() if self.main_window is not None else {}

    def collect_drafts(self, windows: list[QWidget]) -> None:
        if self.draft_offer is not None:
            self.draft_offer.stop()  # its questions close with the lock; drafts stay kept
            self.draft_offer = None
        self._lock_drafts = []
        keep = self.lock_controller.settings.keep_drafts and not self._wiping
        if keep and self.vault is not None:
            self._lock_drafts = self.draft_keeper.collect(windows)

    def keep_drafts(self) -> None:
        drafts, self._lock_drafts = self._lock_drafts, []
        if drafts and self.vault is not None:
            Drafts(self.vault.settings).keep(d.to_dict() for d in drafts)

    def clear_vault_data(self) -> None:
        if self.main_window is not None:
            self.main_window.clear_vault_data()

    def cancel_background_work(self) -> None:
        cancel_all_jobs()

    def close_vault(self) -> None:
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()
        if self.wizard is not None:
            # A vault just created, shown with its recovery code, is as open as any.
            created = self.wizard.take_vault()
            if created is not None:
                created.close()  # type: ignore[attr-defined]

    def show_unlock(self, place: dict[str, Any] | None = None) -> UnlockWidget | None:
        if self.editing_decoy:
            # Back from the decoy: where the owner was in it means nothing in the vault.
            self.editing_decoy, place = False, {}
        window, self.main_window = self.main_window, None
        if window is not None:
            window.vault = None
            window.deleteLater()
        if place is not None:
            self._place = place
        if self.wizard is not None and self.wizard.vault is None and not self.wizard.isVisible():
            self.wizard.deleteLater()  # closed by the lock with the vault it had created
            self.wizard = None
        if self._wiping:
            return None  # a panic wipe ends the application instead
        return self._show_unlock_screen()

    # -- security settings and the panic wipe -----------------------------------------------

    def load_lock_settings(self) -> LockSettings:
        if self.vault is None:
            return LockSettings()
        return LockSettings.from_dict(self.vault.settings.get(LOCK.key, LOCK.default))

    def save_lock_settings(self, settings: LockSettings) -> None:
        if self.vault is not None:
            self.vault.settings.set(LOCK.key, settings.to_dict())
        self.lock_controller.apply_settings(settings)

    def open_security_settings(self) -> None:
        from satchel.gui.lock.security_settings import SecurityDialog

        if self.vault is None:
            return
        dialog = SecurityDialog(self.vault, self.lock_controller.settings, self.main_window)
        dialog.recovery_code_shown.connect(self._recovery_code_renewed)
        wanted: list[bool] = []
        dialog.decoy_requested.connect(lambda: wanted.append(True))
        if dialog.exec() and self.vault is not None:
            self.save_lock_settings(dialog.lock_settings())
        if wanted and self.vault is not None:
            self.open_decoy()

    def _recovery_code_renewed(self) -> None:
        """A new recovery code replaces one that travel mode made and nobody confirmed."""
        vault = self.vault
        if vault is not None and vault.settings.get(CODE_UNSEEN_SETTING) is not None:
            vault.settings.remove(CODE_UNSEEN_SETTING, audited=False)
            if self.main_window is not None:
                self.main_window.update_travel_notice()

    def open_travel(self) -> TravelDialog | None:
        """Travel mode: the dialog runs the core's start; once the user has the new recovery
        code written down, the session locks and the passphrase opens the rewritten vault.

        Locking is the simplest correct way to the rewritten vault: every page, model and
        cache of the window was built on the old database and may still hold the text of
        the cases that left; the lock drops all of it (and closes the dialogs over it), and
        the unlock builds a new window on the new file, so nothing of them outlives the
        start in this process's widgets. The passphrase has not changed.
        """
        if self.vault is None or self.main_window is None:
            return None
        # The window's deferred first queries now, not during the job: the rewrite under a
        # new key closes the old connection, and a query from this thread then would fail.
        self.main_window.run_page_hooks()
        # No exchange pass while the dialog is open (a pass under way stops first): the
        # trip's work must be the only one writing the vault it removes cases from and
        # rewrites, and a pass must not bring a case back between its steps.
        exchange = self.main_window.exchange
        exchange.hold()
        dialog = TravelDialog(self.vault, self.main_window)
        dialog.finished.connect(exchange.release)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.trip_started.connect(lambda: self.lock_controller.lock("travel"))
        dialog.open()
        return dialog

    def open_decoy(self) -> bool:
        """Lock this vault and open its decoy for the owner to look at and edit.

        Returns False (after saying why) when there is no decoy this vault can open, or it
        could not be opened after the lock (the unlock screen is then up, as after any lock).
        """
        vault = self.vault
        if vault is None:
            return False
        title = QApplication.translate("Session", "Decoy")
        try:
            key = vault.decoy_key()
        except SatchelError as exc:
            QMessageBox.warning(self.main_window, title, words(exc))
            return False
        folder = vault.path
        self.lock_controller.lock("decoy")
        try:
            decoy = Vault.open_decoy(folder, key)
        except SatchelError as exc:
            QMessageBox.warning(self.unlock_screen, title, words(exc))
            return False
        self.editing_decoy = True
        self._place = {}
        self._on_unlocked(decoy, folder)
        return True

    def panic_wipe(self, from_menu: bool = False) -> bool:
        """Crypto-erase the vault and quit. Returns False if the user declined."""
        if self.vault is None:
            return False
        settings = self.lock_controller.settings
        if not from_menu and not settings.panic_shortcut:
            return False
        if from_menu or not settings.panic_without_confirmation:
            answer = QMessageBox.warning(
                self.main_window,
                QApplication.translate("Session", "Panic wipe"),
                QApplication.translate(
                    "Session",
                    "Destroy this vault now? Neither the passphrase nor the recovery code "
                    "will open it again, and nobody can recover it.",
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        from satchel.core.erase import wipe_vault

        folder = self.vault.path
        # The lock sequence first (hide, clear, cancel work, close, wipe temp and
        # clipboard), then the crypto-erase; the app quits instead of showing the unlock
        # screen.
        self._wiping = True
        try:
            self.lock_controller.lock("panic")
        finally:
            wipe_vault(folder)
            QApplication.quit()
        return True

    # -- shutting down ----------------------------------------------------------------------

    def shutdown(self) -> None:
        """Close the vault if it is still open (the key is wiped by `Vault.close`) and
        destroy the main window with every dialog it owns."""
        for w in (self.main_window, self.unlock_screen, self.wizard):
            if isinstance(w, QWidget):
                w.hide()
        if self.main_window is not None:
            self.main_window.clear_vault_data()
            # Its dialogs (a form left open) hold vault text that clearing does not reach.
            self.main_window.deleteLater()
            self.main_window = None
        if self.wizard is not None:
            self.wizard.discard()  # a vault it made, or is making, is closed, not opened
        cancel_all_jobs()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        private_temp.wipe()
        clipboard.clear_if_ours()
        self.lock_controller.stop()
        self.draft_keeper.close()
        if self.lock_controller.control_server is not None:
            self.lock_controller.control_server.close()


def prepare_process() -> None:
    """What must happen before Qt starts: a portable copy sends the caches that the
    libraries under Qt write on their own (fontconfig's font cache, Mesa's shader cache, Qt's
    cache folder, all under $XDG_CACHE_HOME) to `Data/cache` beside it, not to the user's
    home. Only the cache: the config and data folders also hold the desktop's theme, input
    method and file associations, which Satchel reads and must keep reading."""
    cache = locations().cache_dir
    if cache is not None:
        os.environ["XDG_CACHE_HOME"] = str(cache)


def run(vault_path: Path | None, bundle: Path | None = None) -> int:
    """Open the desktop client on `vault_path` (or the vaults in the default location);
    with `bundle`, on that bundle's import preview once a vault is unlocked."""
    prepare_process()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    session = Session(Path(vault_path) if vault_path is not None else None, bundle=bundle)
    # A logout, shutdown or `kill` ends the client through the same shutdown as a close.
    signals = QuitOnSignals(QApplication.quit)
    session.start()
    try:
        return int(app.exec())
    finally:
        session.shutdown()
        signals.close()
