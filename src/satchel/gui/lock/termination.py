"""SIGTERM, SIGINT and SIGHUP end the desktop client the way closing its window does.

A session logout, a system shutdown, `kill` or Ctrl+C in the terminal that started
`satchel` ends the process with a signal. Python's default would end it on the spot: the
private temp folder with a document opened in an external viewer would stay on disk, the
clipboard would keep a copied field, and the vault's lock file would outlive the process.
Instead the signal asks the event loop to quit, and `app.run` then runs the normal
shutdown (close the vault, wipe the key, the temp folder and the clipboard).

Qt's event loop runs in C++, where Python cannot run a signal handler; the C-level handler
writes to a socket pair (`signal.set_wakeup_fd`, a local pair, never a network socket)
that a QSocketNotifier watches, so the handler runs at once and nothing polls.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

__all__ = ["QuitOnSignals"]

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class QuitOnSignals(QObject):
    """While alive, the termination signals call `quit` from the event loop."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        # The bytes only wake the loop; Python has already run `_on_signal` by now.
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def _on_signal(self, _signum: int, _frame: object) -> None:
        self._quit()

    def close(self) -> None:
        """Restore the previous handlers (tests start several clients in one process)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
