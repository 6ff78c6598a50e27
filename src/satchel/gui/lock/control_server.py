"""The running client's end of the control channel (see `satchel.control`).

Listens on its own user-only local socket (QLocalServer with UserAccessOption: mode 0600
inside the 0700 control folder; one socket per running client) and turns the `lock` command
into the `lock_requested` signal. The answer says what happened, checked after the lock ran:
`locked`, `already-locked` or `failed` — never a success it did not see. Anything else is
answered `?` and dropped; input is bounded so a misbehaving peer cannot make the client
buffer without end.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from satchel import control
from satchel.control import (
    LOCK_COMMAND,
    REPLY_ALREADY_LOCKED,
    REPLY_FAILED,
    REPLY_LOCKED,
)

__all__ = ["ControlServer"]

_MAX_LINE = 64


class ControlServer(QObject):
    """Accepts `lock` from `satchel lock` (the same user only)."""

    lock_requested = Signal()

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None
        try:
            self.path = path or control.control_socket_path()
        except OSError:
            # No private folder for the socket: `satchel lock` cannot reach this client,
            # every other way to lock still works.
            self.path = None
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        # Whether a vault is open here; set by the lock controller. Without it the server
        # cannot check the lock and answers `failed` unless a handler says otherwise.
        self.is_unlocked: Callable[[], bool] | None = None

    def listen(self) -> bool:
        """Start listening; a stale socket left by a crashed client is replaced."""
        if self.path is None:
            return False
        name = str(self.path)
        if not self._server.listen(name):
            # A previous instance may have died without removing its socket; if nobody
            # answers on it, it is stale.
            probe = QLocalSocket()
            probe.connectToServer(name)
            alive = probe.waitForConnected(200)
            probe.abort()
            if alive:
                return False
            QLocalServer.removeServer(name)
            if not self._server.listen(name):
                return False
        if os.name == "posix" and self.path.exists():
            os.chmod(self.path, stat.S_IRUSR | stat.S_IWUSR)
        return True

    def close(self) -> None:
        self._server.close()
        if self.path is not None and os.name == "posix" and self.path.parent.suffix == ".control":
            try:
                # The shared control folder goes with the last client: nothing stays behind.
                self.path.parent.rmdir()
            except OSError:  # another client still listens there (or it is already gone)
                pass

    def is_listening(self) -> bool:
        return self._server.isListening()

    def _lock(self) -> bytes:
        probe = self.is_unlocked
        was_unlocked = probe() if probe is not None else True
        # Connected directly: the lock has run (or failed) when emit() returns.
        self.lock_requested.emit()
        if not was_unlocked:
            return REPLY_ALREADY_LOCKED
        if probe is None or probe():
            return REPLY_FAILED
        return REPLY_LOCKED

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            # The socket is a child of the server: closing or deleting the server takes
            # its connections with it, and no Python closure outlives either.
            sock.setProperty("satchel_buffer", b"")
            sock.readyRead.connect(self._on_ready_read)
            sock.disconnected.connect(sock.deleteLater)

    def _on_ready_read(self) -> None:
        sock = self.sender()
        if not isinstance(sock, QLocalSocket):
            return
        data = bytes(sock.property("satchel_buffer") or b"") + bytes(sock.readAll().data())
        if b"\n" not in data:
            if len(data) > _MAX_LINE:
                sock.abort()
            else:
                sock.setProperty("satchel_buffer", data)
            return
        line = data.split(b"\n", 1)[0].strip()
        if line == LOCK_COMMAND:
            sock.write(self._lock() + b"\n")
        else:
            sock.write(b"?\n")
        sock.flush()
        sock.disconnectFromServer()
