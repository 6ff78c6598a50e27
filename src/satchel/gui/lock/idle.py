"""Idle detection for auto-lock, measured on a clock that keeps running while suspended.

Qt's timers and Python's monotonic clock stop while a laptop sleeps, so a vault left open
at 23:00 would still be open at 08:00 after a suspend (a long-standing complaint of
KeePassXC users). The idle time here is read from CLOCK_BOOTTIME where the platform has
it (it counts suspend and ignores changes of the wall clock), else from the wall clock,
and re-checked on a short timer and whenever the application becomes active again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

__all__ = ["IdleWatcher", "suspend_aware_clock"]


def suspend_aware_clock() -> float:
    """Seconds on a clock that advances during suspend."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.time()


_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.ShortcutOverride,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once when no user input reached the application for `timeout_s`.

    User input anywhere in the application resets it. It only watches while `start()`ed
    (that is, while the vault is unlocked).
    """

    idle = Signal()

    def __init__(
        self,
        timeout_s: float = 300.0,
        *,
        clock: Callable[[], float] = suspend_aware_clock,
        check_interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timeout_s = timeout_s
        self._clock = clock
        self._last_input = clock()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def timeout_s(self) -> float:
        return self._timeout_s

    def set_timeout(self, seconds: float) -> None:
        """Change the idle time; 0 or less turns idle locking off."""
        self._timeout_s = seconds

    def start(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and not self._running:
            app.installEventFilter(self)
            app.applicationStateChanged.connect(self._on_state_changed)
        self._running = True
        self._last_input = self._clock()
        self._timer.start()

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._running:
            app.removeEventFilter(self)
            app.applicationStateChanged.disconnect(self._on_state_changed)
        self._running = False
        self._timer.stop()

    def touch(self) -> None:
        """Count now as user activity."""
        self._last_input = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        """Emit `idle` if the time is up; called by the timer and on wake-up."""
        if not self._running or self._timeout_s <= 0:
            return
        if self.idle_seconds() >= self._timeout_s:
            self.stop()
            self.idle.emit()

    def _on_state_changed(self, _state: object) -> None:
        # Coming back from a suspend usually re-activates the application before the
        # first timer tick: check at once so the data is never shown.
        self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            # Check before counting the input: the key press that wakes a laptop after
            # a long suspend must lock, not reset the timer.
            self.check()
            if self._running:
                self._last_input = self._clock()
        return False
