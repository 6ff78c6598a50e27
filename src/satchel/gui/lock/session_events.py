"""Screen lock and suspend notifications from the desktop session, for auto-lock.

On Linux they arrive over D-Bus: `ActiveChanged(bool)` from org.freedesktop.ScreenSaver
and org.gnome.ScreenSaver on the session bus, and `PrepareForSleep(bool)` from
org.freedesktop.login1.Manager on the system bus. Where no bus is reachable (other
platforms, containers) the watcher simply never fires; the idle timer still runs.
The connections are injectable so tests can drive a private bus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

__all__ = ["SessionEventWatcher"]

_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE publishes it here too
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
_LOGIN1 = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager")


class SessionEventWatcher(QObject):
    """Emits `screen_locked` when the screen saver activates, `suspending` before sleep."""

    screen_locked = Signal()
    suspending = Signal()

    def __init__(
        self,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.connected_to: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus: nothing to listen to
            return
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        # The `# type: ignore`s below: PySide6's stubs type connect()'s slot as bytes, but
        # it takes only the str that SLOT() returns (bytes raise ValueError at run time).
        if session.isConnected():
            for path, interface in _SCREENSAVERS:
                if session.connect(  # type: ignore[call-overload]
                    "", path, interface, "ActiveChanged", self, SLOT("_on_active_changed(bool)")
                ):
                    self.connected_to.append(f"{interface} {path}")
        if system.isConnected():
            path, interface = _LOGIN1
            if system.connect(  # type: ignore[call-overload]
                "", path, interface, "PrepareForSleep", self, SLOT("_on_prepare_for_sleep(bool)")
            ):
                self.connected_to.append(f"{interface} {path}")

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot(bool)
    def _on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.suspending.emit()
