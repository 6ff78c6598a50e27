"""The owner looks at and edits the decoy from a normal session; a duress unlock shows no sign."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolBar
from shell_helpers import PASSPHRASE

from satchel.core.duress import DuressMode
from satchel.core.vault import Vault
from satchel.gui.app import Session
from satchel.gui.lock.security_settings import SecurityDialog
from satchel.sample.decoy import PROFILE_SETTING, DecoyProfile, set_duress
from satchel.settings import LockSettings

DURESS = "nothing here but receipts"


@pytest.fixture
def folder_with_decoy(closed_vault, tmp_path, monkeypatch) -> Path:
    folder, _code = closed_vault
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.cases.create("Extradition of R. Sadykov (fictional)")
        set_duress(vault, PASSPHRASE, DURESS, DuressMode.DECOY, DecoyProfile("en", "KZ"))
    return Path(folder)


def _unlock(qtbot, session: Session, secret: str) -> None:
    session.unlock_screen.secret_edit.setText(secret)
    session.unlock_screen.try_unlock()
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=20000)


def _banner(session: Session) -> QToolBar | None:
    assert session.main_window is not None
    return session.main_window.findChild(QToolBar, "decoyBanner")


def test_security_dialog_offers_the_decoy_only_when_there_is_one(qtbot, vault):
    without = SecurityDialog(vault, LockSettings())
    qtbot.addWidget(without)
    assert not without.open_decoy_button.isEnabled()
    set_duress(vault, PASSPHRASE, DURESS, DuressMode.DECOY, DecoyProfile("ru", "RU"))
    with_decoy = SecurityDialog(vault, LockSettings())
    qtbot.addWidget(with_decoy)
    assert with_decoy.open_decoy_button.isEnabled()
    asked: list[bool] = []
    with_decoy.decoy_requested.connect(lambda: asked.append(True))
    with_decoy.show()
    with_decoy.open_decoy_button.click()
    assert asked == [True] and not with_decoy.isVisible()


def test_owner_opens_edits_and_leaves_the_decoy(qtbot, folder_with_decoy):
    session = Session(folder_with_decoy)
    session.start()
    _unlock(qtbot, session, PASSPHRASE)
    assert _banner(session) is None
    real_titles = [c.title for c in session.vault.cases.list()]
    assert "Extradition of R. Sadykov (fictional)" in real_titles

    assert session.open_decoy()
    window = session.main_window
    assert window is not None and session.editing_decoy
    banner = _banner(session)
    assert banner is not None and banner.isVisibleTo(window)
    decoy_titles = [c.title for c in session.vault.cases.list()]
    assert decoy_titles and "Extradition of R. Sadykov (fictional)" not in decoy_titles
    session.vault.cases.create("Garage lease (added by the owner)")

    session.lock_controller.lock("button")
    assert session.main_window is None and not session.editing_decoy
    # The duress passphrase opens the same decoy, with the owner's edit and no banner.
    _unlock(qtbot, session, DURESS)
    assert _banner(session) is None
    assert "Garage lease (added by the owner)" in [c.title for c in session.vault.cases.list()]
    assert session.main_window.windowTitle() == "Satchel"
    session.shutdown()


def test_a_normal_unlock_keeps_an_old_decoy_current(qtbot, folder_with_decoy):
    # A decoy set two months ago, and not refreshed since.
    stale = date.today() - timedelta(days=60)
    with Vault.unlock(folder_with_decoy, PASSPHRASE) as real:
        set_duress(
            real, PASSPHRASE, DURESS, DuressMode.DECOY, DecoyProfile("en", "KZ"), today=stale
        )
    with Vault.unlock(folder_with_decoy, DURESS) as decoy:
        before = decoy.events.count()
    session = Session(folder_with_decoy)
    session.start()
    _unlock(qtbot, session, PASSPHRASE)

    def refreshed() -> bool:
        value = session.vault.settings.get(PROFILE_SETTING)
        return value["current_on"] == date.today().isoformat()

    qtbot.waitUntil(refreshed, timeout=20000)
    session.shutdown()
    with Vault.unlock(folder_with_decoy, DURESS) as decoy:
        assert decoy.events.count() > before
        today = date.today()
        past = [d for e in decoy.events.list() if (d := e.date.anchor_day()) and d <= today]
    assert max(past) >= today - timedelta(days=20)
