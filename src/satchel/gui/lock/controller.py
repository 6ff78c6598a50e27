"""The lock: one sequence, always in the same order, whatever started it.

A lawyer at an airport check presses Ctrl+Shift+L; the screen must be empty before anything
else happens. So the order is fixed (DESIGN §6, issue 6):

1. every window showing vault data is hidden — before any other work;
   then the typed values of open forms are read (widgets only, no vault work);
2. open menus, pop-ups and dialogs are closed;
3. every model and widget drops the vault data it holds;
4. background work (intake, export, import) is cancelled and rolled back, and the drafts
   read in step 1 are stored in the vault (or dropped, if the user chose so);
5. the database is closed and the master key overwritten;
6. the private temp folder is wiped;
7. the clipboard is cleared if it holds what Satchel put there;
8. only the unlock screen is shown.

What triggers a lock (shortcut, button, tray, `satchel lock`, idle, screen lock, suspend,
minimise) lives in `LockTriggers`; what the steps do to the application lives behind the
small `LockTarget` protocol that the session implements. This module must never keep any
vault text itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QSystemTrayIcon, QWidget

from satchel.gui.lock import clipboard, private_temp
from satchel.gui.lock.control_server import ControlServer
from satchel.gui.lock.idle import IdleWatcher
from satchel.gui.lock.session_events import SessionEventWatcher
from satchel.gui.lock.shortcuts import AppWideShortcuts
from satchel.settings import LockSettings

__all__ = [
    "LOCK_SHORTCUT",
    "PANIC_SHORTCUT",
    "LockController",
    "LockSettings",
    "LockTarget",
    "LockTimings",
]

LOCK_SHORTCUT = QKeySequence("Ctrl+Shift+L")
PANIC_SHORTCUT = QKeySequence("Ctrl+Shift+Delete")


class LockTarget(Protocol):
    """What the running session does at each step of the lock."""

    def data_windows(self) -> list[QWidget]:
        """Every top-level window that may show vault data."""

    def remember_place(self) -> dict[str, Any]:
        """Where the user was (page, case id, tab) — ids only, never vault text."""

    def collect_drafts(self, windows: list[QWidget]) -> None:
        """Read the typed values of the forms among `windows` (no vault work)."""

    def keep_drafts(self) -> None:
        """Store the drafts collected in the vault (the database is still open)."""

    def clear_vault_data(self) -> None:
        """Every model and widget drops what it holds of the vault."""

    def cancel_background_work(self) -> None:
        """Cancel running work and wait until it has rolled back."""

    def close_vault(self) -> None:
        """Close the database and overwrite the key material."""

    def show_unlock(self, place: dict[str, Any]) -> object:
        """Show the unlock screen; unlocking again returns to `place` (any result is ignored)."""


@dataclass(slots=True)
class LockTimings:
    """Seconds from the start of `lock()` to the end of each step (for bench/bench_lock.py)."""

    started: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)

    def mark(self, step: str) -> None:
        self.steps[step] = time.perf_counter() - self.started


def _force_close(w: QWidget) -> None:
    """Close a window now, without the questions its own reject/close would ask.

    A form with unsaved edits asks "Save / Discard / Cancel?" from `reject()` and
    `closeEvent()`; asked during a lock, that question would stop the lock behind a new
    modal box. `QDialog.done` is called past any override: it hides the dialog (which ends
    its `exec()` loop, so the code that opened it goes on as after Cancel) and eats the
    close event. The caller has already kept any draft (see `drafts`).
    """
    if isinstance(w, QDialog):
        QDialog.done(w, QDialog.DialogCode.Rejected)
    w.hide()


def close_transient_windows(keep: QWidget | None = None, hidden: Sequence[QWidget] = ()) -> None:
    """Close every open menu, pop-up and dialog (they may show vault data).

    `hidden` are the windows the lock already hid: a dialog among them is hidden but still
    open for the code that opened it, so it is closed as rejected too.
    """
    for w in hidden:
        if isinstance(w, QDialog) and w is not keep:
            _force_close(w)
    for _ in range(32):  # a popup can open another; bounded so a misbehaving one cannot spin
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    # Innermost modal first: each closed one ends a nested exec() loop of the one below.
    for _ in range(32):
        modal = QApplication.activeModalWidget()
        if modal is None or modal is keep or not modal.isVisible():
            break
        _force_close(modal)
    for w in QApplication.topLevelWidgets():
        if w is keep or not w.isVisible():
            continue
        if isinstance(w, QDialog | QMenu):
            _force_close(w)


class LockController(QObject):
    """Runs the lock sequence and owns every trigger of it."""

    locked = Signal(str)  # the reason: "shortcut", "button", "tray", "command", "idle", ...
    panic_requested = Signal()

    def __init__(
        self,
        target: LockTarget,
        *,
        session_events: SessionEventWatcher | None = None,
        control_server: ControlServer | None = None,
        idle_clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._target = target
        self._unlocked = False
        self._locking = False
        self._stopped = False
        self.settings = LockSettings()
        self.last_timings = LockTimings()
        self.idle = (
            IdleWatcher(parent=self)
            if idle_clock is None
            else IdleWatcher(clock=idle_clock, parent=self)
        )
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.session_events = session_events
        if session_events is not None:
            session_events.screen_locked.connect(self._on_screen_locked)
            session_events.suspending.connect(self._on_suspending)
        self.control_server = control_server
        if control_server is not None:
            control_server.lock_requested.connect(lambda: self.lock("command"))
            control_server.is_unlocked = lambda: self._unlocked
        self._tray: QSystemTrayIcon | None = None
        self._tray_menu: QMenu | None = None
        self._watched_windows: list[QWidget] = []
        # Ctrl+Shift+L (and the panic keys) from any window, dialog or message box.
        self.shortcuts = AppWideShortcuts(LOCK_SHORTCUT, PANIC_SHORTCUT, parent=self)
        self.shortcuts.lock_pressed.connect(lambda: self.lock("shortcut"))
        self.shortcuts.panic_pressed.connect(self.panic_requested)

    # -- state ------------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked

    @property
    def is_locking(self) -> bool:
        """True while the lock sequence runs (windows closed now are closed by the lock)."""
        return self._locking

    def apply_settings(self, settings: LockSettings) -> None:
        self.settings = settings
        self.idle.set_timeout(settings.idle_minutes * 60.0)
        clipboard.set_clear_delay_ms(settings.clipboard_clear_seconds * 1000)
        self.shortcuts.panic_enabled = settings.panic_shortcut

    def unlocked(self, windows: list[QWidget]) -> None:
        """The vault is open and its windows are shown: arm every trigger."""
        if self._stopped:
            return  # the session has ended; a late signal arms nothing
        self._unlocked = True
        self.shortcuts.armed = True
        self.idle.start()
        for w in windows:
            if w not in self._watched_windows:
                w.installEventFilter(self)  # minimise
                self._watched_windows.append(w)

    def stop(self) -> None:
        """The session ends: no trigger may fire any more (the keys go back to the widgets)."""
        self._stopped = True
        self._unlocked = False
        self.shortcuts.stop()
        self.idle.stop()
        self._forget_windows()

    def _forget_windows(self) -> None:
        # The session deletes the windows after a lock; keep no reference to them.
        for w in self._watched_windows:
            try:
                w.removeEventFilter(self)
            except RuntimeError:  # already deleted by Qt
                pass
        self._watched_windows = []

    # -- triggers ---------------------------------------------------------------------------

    def install_tray_icon(self, icon: QIcon) -> QSystemTrayIcon:
        """A tray icon whose menu has "Lock now" (shown where the desktop has a tray)."""
        tray = QSystemTrayIcon(icon, self)
        menu = QMenu()
        tray_lock = menu.addAction(QCoreApplication.translate("LockController", "Lock now"))
        tray_lock.triggered.connect(lambda: self.lock("tray"))
        tray.setContextMenu(menu)
        tray.setToolTip("Satchel")  # never vault data: the tray is visible while locked
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray.show()
        self._tray, self._tray_menu = tray, menu
        return tray

    @property
    def tray_lock_action(self) -> QAction | None:
        if self._tray_menu is None:
            return None
        actions = self._tray_menu.actions()
        return actions[0] if actions else None

    def _on_screen_locked(self) -> None:
        if self.settings.on_screen_lock:
            self.lock("screen-lock")

    def _on_suspending(self) -> None:
        if self.settings.on_suspend:
            self.lock("suspend")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.settings.on_minimise
            and isinstance(watched, QWidget)
            and watched.isMinimized()
        ):
            self.lock("minimise")
        return False

    # -- the lock ---------------------------------------------------------------------------

    def lock(self, reason: str = "button") -> None:
        """Lock now. Safe to call at any time, from any trigger, more than once."""
        if not self._unlocked or self._locking:
            return
        self._locking = True
        timings = LockTimings(started=time.perf_counter())
        place: dict[str, Any] = {}
        failures: list[BaseException] = []

        def step(name: str, action: Callable[[], object]) -> None:
            # A step that fails must not stop the ones after it: a lock that leaves the
            # database open because a widget raised is worse than any error message.
            try:
                action()
            except Exception as exc:  # re-raised once the lock is complete
                failures.append(exc)
            timings.mark(name)

        try:
            # Off the application first (microseconds): these two Python event filters see
            # every one of the ~1,000 hide events below, which made hiding with a modal
            # form open miss its 50 ms (bench/bench_lock.py --profile modal).
            self.shortcuts.armed = False
            self.idle.stop()
            # 1. Hide first: nothing below may run while vault data is still on screen.
            hidden: list[QWidget] = []

            def hide_windows() -> None:
                hidden.extend(self._target.data_windows())
                for w in hidden:
                    w.hide()

            step("hidden", hide_windows)
            # Before any dialog is closed: a closed form's fields may be reset by its owner.
            step("drafts_collected", lambda: self._target.collect_drafts(hidden))
            try:
                place = self._target.remember_place()
            except Exception as exc:
                failures.append(exc)
            # 2. Menus, pop-ups, dialogs.
            step("dialogs_closed", lambda: close_transient_windows(hidden=hidden))
            # 3. Models and widgets.
            step("cleared", self._target.clear_vault_data)
            # 4. Background work: cancelled and rolled back before the database closes.
            step("work_cancelled", self._target.cancel_background_work)
            # After the work stopped: a job's open transaction would hold the connection.
            step("drafts_kept", self._target.keep_drafts)
            # 5. Database closed, key overwritten.
            step("vault_closed", self._target.close_vault)
            # 6-7. Private temp files and the clipboard.
            step("temp_wiped", private_temp.wipe)
            step("clipboard_cleared", clipboard.clear_if_ours)
            self.idle.stop()
            self._forget_windows()
            self._unlocked = False
            self.shortcuts.armed = False
            # 8. Only the unlock screen remains.
            step("unlock_shown", lambda: self._target.show_unlock(place))
        finally:
            self._locking = False
            self.last_timings = timings
        self.locked.emit(reason)
        if failures:
            raise failures[0]
