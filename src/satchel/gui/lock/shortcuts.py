"""The lock and panic shortcuts, heard by the whole application whatever window has focus.

A `QShortcut` or `QAction` shortcut belongs to a window; even with `Qt.ApplicationShortcut`
Qt's shortcut map skips it while a modal dialog is up (a form's `exec()`, a message box, a
file dialog), which is exactly when a lawyer at a check may need it. So the keys are caught
at the root instead: an event filter on the `QApplication` sees the `ShortcutOverride` and
`KeyPress` of every widget of every window, modal or not, inside nested event loops too.

The override is accepted (so no widget shortcut and no text field takes the keys), and the
key press that follows triggers the action once. This module only reports the keys; what a
lock does is the controller's business. It never looks at what is typed otherwise.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

__all__ = ["AppWideShortcuts", "matches"]

# Keypad and group-switch modifiers do not change what the user meant to press.
_IGNORED_MODIFIERS = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier


def matches(event: QKeyEvent, sequence: QKeySequence) -> bool:
    """True when `event` is the (single-chord) `sequence`, whatever keypad or layout group."""
    if sequence.isEmpty():
        return False
    # PySide6 indexes a QKeySequence (operator[]), but its stubs have no __getitem__.
    wanted: QKeyCombination = sequence[0]  # type: ignore[index]
    modifiers = event.modifiers() & ~_IGNORED_MODIFIERS
    if modifiers != wanted.keyboardModifiers():
        return False
    key = event.key()
    if key == wanted.key():
        return True
    # With a Russian layout the key may report a Cyrillic letter. On Windows the virtual-key
    # code is that of the Latin letter on the same key whatever the layout, which is what a
    # lawyer typing Russian means by Ctrl+Shift+L. (Other platforms' native codes differ.)
    if sys.platform == "win32" and Qt.Key.Key_A <= wanted.key() <= Qt.Key.Key_Z:
        return event.nativeVirtualKey() == int(wanted.key())
    return False


class AppWideShortcuts(QObject):
    """Watches every key event of the application for the lock and panic shortcuts."""

    lock_pressed = Signal()
    panic_pressed = Signal()

    def __init__(
        self, lock: QKeySequence, panic: QKeySequence, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lock = lock
        self._panic = panic
        self._armed = False
        self.panic_enabled = False

    @property
    def armed(self) -> bool:
        return self._armed

    @armed.setter
    def armed(self, on: bool) -> None:
        """Listen (while unlocked) or not. Disarmed, the filter is off the application
        altogether: a Python filter is called for every event of every widget, and hiding
        the windows at a lock sends about a thousand (bench_lock.py --profile modal)."""
        if on == self._armed:
            return
        self._armed = on
        app = QCoreApplication.instance()
        if app is None:
            return
        if on:
            # Removed by Qt when this object is destroyed.
            app.installEventFilter(self)
        else:
            # Safe even from inside eventFilter (the lock starts there).
            app.removeEventFilter(self)

    def stop(self) -> None:
        """Stop listening for good (the session ends)."""
        self.armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._armed or kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if matches(event, self._lock):
            signal = self.lock_pressed
        elif self.panic_enabled and matches(event, self._panic):
            signal = self.panic_pressed
        else:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the keys: the key press then comes to us, not to a shortcut or a field.
            event.accept()
            return True
        if not event.isAutoRepeat():
            signal.emit()
        return True
