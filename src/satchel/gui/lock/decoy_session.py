"""The owner's side of the duress decoy: keeping it current, and looking at it.

After every normal unlock the decoy is brought up to date in the background, at most
weekly (sample/decoy.py: quiet matters get news, a step ahead). When the owner asks to look
at the decoy, the session locks the vault and opens the decoy in the same client, with a
banner saying so; a duress unlock opens the same decoy without the banner, exactly as a
normal vault looks.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from satchel.core.vault import Vault
from satchel.gui.common.workers import JobContext, run_job
from satchel.sample.decoy import keep_decoy_current

__all__ = ["keep_current_in_background", "mark_window"]

_log = logging.getLogger(__name__)


def keep_current_in_background(vault: Vault) -> None:
    """Refresh the decoy (weekly) off the GUI thread; a failure is logged, never shown.

    The refresh is housekeeping the owner did not ask for: an error in it (a full disk)
    must not interrupt the session, and the next unlock tries again.
    """
    if not vault.has_editable_decoy():
        return

    def work(_ctx: JobContext) -> int:
        return keep_decoy_current(vault)

    def failed(message: str, _exc: BaseException) -> None:
        _log.info("the decoy was not brought up to date: %s", message)

    run_job(work, on_failure=failed)


def mark_window(window: QMainWindow) -> None:
    """A banner on the main window: this is the decoy, opened by its owner."""
    bar = QToolBar(window)
    bar.setObjectName("decoyBanner")
    bar.setMovable(False)
    bar.setFloatable(False)
    label = QLabel(
        QCoreApplication.translate(
            "DecoyBanner",
            "This is the decoy: what the duress passphrase opens. Change it as you like; "
            "lock (Ctrl+Shift+L) to go back to the unlock screen.",
        ),
        bar,
    )
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setObjectName("decoyBannerText")
    label.setContentsMargins(8, 4, 8, 4)
    bar.addWidget(label)
    bar.setStyleSheet(
        "QToolBar#decoyBanner { background: palette(highlight); }"
        " QLabel#decoyBannerText { color: palette(highlighted-text); font-weight: bold; }"
    )
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.setWindowTitle(QCoreApplication.translate("DecoyBanner", "Satchel — decoy"))
