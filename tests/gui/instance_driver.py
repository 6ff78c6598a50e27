"""A real Satchel client in its own process, for the tests of `satchel lock` (not a test module).

    python instance_driver.py VAULT [PASSPHRASE-FILE]

Starts the production `Session` over VAULT exactly as `satchel --vault VAULT` does; with a
passphrase file it then unlocks through the unlock screen, as a user typing it would. It
prints `ready unlocked` or `ready locked` once up, and `locked <reason>` whenever the lock
sequence ran, one line each, flushed, so the test can follow it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from satchel.gui.app import Session, configure_application


def main() -> int:
    app = QApplication(sys.argv[:1])
    configure_application(app, "en")
    session = Session(Path(sys.argv[1]))
    session.start()
    session.lock_controller.locked.connect(lambda reason: print("locked", reason, flush=True))

    if len(sys.argv) > 2:
        screen = session.unlock_screen
        assert screen is not None
        screen.secret_edit.setText(Path(sys.argv[2]).read_text(encoding="utf-8").strip())
        screen.try_unlock()

        def wait_unlocked() -> None:
            if session.main_window is not None and session.vault is not None:
                print("ready unlocked", flush=True)
            else:
                QTimer.singleShot(20, wait_unlocked)

        QTimer.singleShot(0, wait_unlocked)
    else:
        QTimer.singleShot(0, lambda: print("ready locked", flush=True))
    try:
        return int(app.exec())
    finally:
        session.shutdown()


if __name__ == "__main__":
    sys.exit(main())
