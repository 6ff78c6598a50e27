"""A real Satchel client in its own process, driven line by line, for the lock-memory proof.

    python tools/proof/lock_memory_client.py VAULT

Starts the production `Session` over VAULT (offscreen is fine) and reads commands on stdin,
one per line; each is answered by one line on stdout:

    unlock FILE            type the passphrase in FILE on the unlock screen, press Enter
    recovery FILE          the same with "Use recovery code instead" ticked
    change CURRENT NEW     Security settings: type both, press "Change passphrase"
    create FILE CODE [fast] (started on an empty folder) the creation wizard: type the
                           passphrase twice, create, stop at the recovery code (written
                           to CODE for the scanner)
    lock                   press Ctrl+Shift+L in the focused window; wait for the lock
    quit

The secrets arrive in files, read into a bytearray that is overwritten once typed, and are
typed one key press per character into whatever widget has the focus, as a user's keyboard
would send them. So the driver itself keeps no copy of a whole passphrase for the scanner to
count: whatever the scanner finds after a lock, Satchel left there.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

# Run as a script from tools/proof: the package under src/ is installed in the venv.
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from satchel.crypto.kdf import KdfParams
from satchel.crypto.secret import wipe_immutable
from satchel.gui.app import Session, configure_application

_SETTLE_MS = 300
"""After the lock, let the event loop run its deferred deletions as it would by itself."""


class _Stdin(QObject):
    line = Signal(str)

    def start(self) -> None:
        def read() -> None:
            for raw in sys.stdin:
                self.line.emit(raw.strip())
            self.line.emit("quit")

        threading.Thread(target=read, daemon=True).start()


def _read_secret(path: str) -> bytearray:
    """The file's bytes in a buffer the caller overwrites (no immutable copy is made)."""
    size = Path(path).stat().st_size
    buf = bytearray(size)
    with open(path, "rb", buffering=0) as f:
        f.readinto(buf)
    while buf and buf[-1] in b"\r\n":
        buf[-1] = 0
        del buf[-1]
    return buf


def _type(widget: QWidget, secret: bytearray) -> None:
    """One key press per character, decoded from UTF-8 one character at a time."""
    i = 0
    while i < len(secret):
        lead = secret[i]
        width = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        cp = lead if width == 1 else lead & (0x7F >> width)
        for b in secret[i + 1 : i + width]:
            cp = (cp << 6) | (b & 0x3F)
        _key(widget, chr(cp))
        i += width
    for k in range(len(secret)):
        secret[k] = 0


def _key(widget: QWidget, char: str) -> None:
    """A key press and release carrying `char`, as a keyboard in any layout sends it."""
    code = ord(char.upper()) if char.isascii() else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def _say(text: str) -> None:
    print(text, flush=True)


class Driver(QObject):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        session.lock_controller.locked.connect(self._on_locked)
        self._waiting_lock = False

    def run(self, line: str) -> None:
        verb, *args = line.split()
        getattr(self, f"do_{verb}")(*args)

    # -- commands ---------------------------------------------------------------------------

    def do_unlock(self, path: str, recovery: bool = False) -> None:
        screen = self.session.unlock_screen
        assert screen is not None
        screen.recovery_check.setChecked(recovery)
        field = screen.secret_edit
        field.setFocus()
        _type(field, _read_secret(path))
        QTest.keyClick(field, Qt.Key.Key_Return)
        self._when(lambda: self.session.main_window is not None, "unlocked")

    def do_recovery(self, path: str) -> None:
        self.do_unlock(path, recovery=True)

    def do_change(self, current: str, new: str) -> None:
        QTimer.singleShot(0, self.session.open_security_settings)

        def fill() -> None:
            from satchel.gui.lock.security_settings import SecurityDialog

            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, SecurityDialog):
                QTimer.singleShot(20, fill)
                return
            dialog.tabs.setCurrentIndex(2)
            for field, path in (
                (dialog.current_for_change, current),
                (dialog.new_passphrase, new),
                (dialog.new_passphrase_again, new),
            ):
                field.setFocus()
                _type(field, _read_secret(path))
            QTest.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
            # Left open on purpose: the lock has to close it, as when a lawyer is interrupted.
            self._when(lambda: "changed" in dialog.change_status.text(), "changed")

        QTimer.singleShot(0, fill)

    def do_create(self, path: str, code_path: str, cost: str = "") -> None:
        wizard = self.session.wizard
        assert wizard is not None
        if cost == "fast":
            # The proof's short mode: Argon2id's cost changes no copy of a secret.
            wizard.kdf_params = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
        wizard.next()  # past the welcome page
        page = wizard.passphrase_page
        for field in (page.first, page.second):
            field.setFocus()
            _type(field, _read_secret(path))
        wizard.next()  # the commit page creates the vault in a worker

        def created() -> bool:
            if wizard.currentPage() is not wizard.recovery_page:
                return False
            # The code the wizard shows, for the scanner to look for; the bytes written are
            # overwritten here so that only the client's own copies can be counted.
            data = wizard.recovery_code.encode("ascii")
            with open(code_path, "wb", buffering=0) as f:
                f.write(data)
            wipe_immutable(data)
            return True

        self._when(created, "created")

    def do_lock(self) -> None:
        self._waiting_lock = True
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            target = self.session.main_window
        assert target is not None
        keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(target, Qt.Key.Key_L, keys)

    def do_quit(self) -> None:
        QApplication.quit()

    # -- helpers ----------------------------------------------------------------------------

    def _on_locked(self, _reason: str) -> None:
        if self._waiting_lock:
            self._waiting_lock = False
            QTimer.singleShot(_SETTLE_MS, lambda: _say("locked"))

    def _when(self, condition: object, answer: str) -> None:
        def check() -> None:
            if condition():  # type: ignore[operator]
                _say(answer)
            else:
                QTimer.singleShot(20, check)

        QTimer.singleShot(0, check)


def main() -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app, "en")
    session = Session(Path(sys.argv[1]))
    session.start()
    driver = Driver(session)
    stdin = _Stdin()
    stdin.line.connect(driver.run, Qt.ConnectionType.QueuedConnection)
    stdin.start()
    QTimer.singleShot(0, lambda: _say("ready"))
    try:
        return int(app.exec())
    finally:
        session.shutdown()


if __name__ == "__main__":
    sys.exit(main())
