"""Start-up and the session around a vault: wizard on first run, unlock later, lock and back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from shell_helpers import PASSPHRASE

from satchel.core.vault import Vault
from satchel.gui.app import Session, new_vault_location


@pytest.fixture
def make_session() -> Iterator[Callable[[Path | None], Session]]:
    """Sessions shut down after the test (vault closed, control socket closed)."""
    made: list[Session] = []

    def make(path: Path | None) -> Session:
        session = Session(path)
        made.append(session)
        return session

    yield make
    for session in made:
        session.shutdown()


def _unlock(qtbot, session: Session, secret: str = PASSPHRASE) -> None:
    screen = session.unlock_screen
    assert screen is not None and screen.isVisible()
    screen.secret_edit.setText(secret)
    screen.try_unlock()
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=20000)


def test_first_run_without_any_vault_opens_the_create_wizard(
    qtbot, tmp_path, monkeypatch, make_session
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a machine with no vault
    session = make_session(None)
    session.start()
    assert session.wizard is not None and session.wizard.isVisible()
    qtbot.addWidget(session.wizard)
    assert session.wizard.target == new_vault_location()
    assert session.unlock_screen is None


def test_named_folder_without_a_vault_is_where_the_wizard_creates_one(
    qtbot, tmp_path, make_session
):
    session = make_session(tmp_path / "elsewhere")
    session.start()
    qtbot.addWidget(session.wizard)
    assert session.wizard.target == tmp_path / "elsewhere"


def test_lock_returns_to_the_unlock_screen_and_unlocking_returns_to_the_same_case(
    qtbot, closed_vault, make_session
):
    folder, _code = closed_vault
    with Vault.unlock(folder, PASSPHRASE) as v:
        case_id = v.cases.create("Detention review of K. Madeup").id
    session = make_session(folder)
    session.start()
    _unlock(qtbot, session)
    window = session.main_window
    window.open_record("case", case_id)
    vault = session.vault

    window.lock()
    assert vault.closed and session.vault is None and session.main_window is None
    assert session.unlock_screen is not None and session.unlock_screen.isVisible()

    _unlock(qtbot, session)
    again = session.main_window
    assert again is not window
    assert again.current_page_key() == "case" and again.case_view.case_id == case_id
    session.shutdown()
    assert session.vault is None


def test_closing_the_window_closes_the_vault(qtbot, closed_vault, monkeypatch, make_session):
    folder, _code = closed_vault
    quits: list[bool] = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda: quits.append(True))
    session = make_session(folder)
    session.start()
    _unlock(qtbot, session)
    vault = session.vault
    session.main_window.close()
    assert vault.closed and quits == [True]
    Vault.unlock(Path(folder), PASSPHRASE).close()  # nothing left holding the vault


def test_settings_dialog_offers_both_languages_in_their_own_names(qtbot):
    from satchel.gui.main_window import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "Русский"]
    combo.setCurrentIndex(1)
    assert dialog.language() == "ru"


def test_a_bundle_opened_from_the_file_manager_shows_its_import_preview_after_unlock(
    qtbot, closed_vault, tmp_path, make_session
):
    """`satchel FILE.satchel` (the desktop entry's Exec): unlock, then the Imports page is
    up verifying that bundle; nothing is imported without the user."""
    from satchel.bundle.colleagues import add_colleague_from_card
    from satchel.bundle.export import export_bundle
    from satchel.core.identities import IdentityStore
    from satchel.gui.exchange.imports import ImportsPage

    folder, _code = closed_vault
    with Vault.unlock(folder, PASSPHRASE) as mine:
        card = IdentityStore(mine.db).get("Boris Fictional").public().card()
    sender, _ = Vault.create(tmp_path / "anna", PASSPHRASE)
    with sender:
        IdentityStore(sender.db).get("Anna Fictional")
        case = sender.cases.create("Extradition of P. Invented")
        colleague = add_colleague_from_card(sender, card).colleague
        bundle = export_bundle(sender, [case.id], tmp_path / "b.satchel", to=[colleague]).path

    session = Session(folder, bundle=bundle)
    try:
        session.start()
        _unlock(qtbot, session)
        window = session.main_window
        assert window.current_page_key() == "imports"
        page = window.page("imports")
        assert isinstance(page, ImportsPage)
        qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
        assert "UNKNOWN sender" in page.sender_label.text()
        assert session.vault.cases.count() == 0
        assert session.pending_bundle is None  # shown once, not again after the next unlock
    finally:
        session.shutdown()


def test_a_termination_signal_quits_through_the_event_loop_not_on_the_spot(qtbot):
    """SIGTERM (logout, shutdown, kill) reaches the event loop, so run()'s shutdown wipes
    the key, the private temp folder and the clipboard; afterwards the old handler is back."""
    import os
    import signal

    from satchel.gui.lock.termination import QuitOnSignals

    before = signal.getsignal(signal.SIGTERM)
    quits: list[bool] = []
    guard = QuitOnSignals(lambda: quits.append(True))
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: quits == [True], timeout=5000)
    finally:
        guard.close()
    assert signal.getsignal(signal.SIGTERM) is before
