"""Travel mode from the client (issue 14 item 4): the dialog over a real vault, the core's own
start and restore underneath, nothing mocked.

From the client a lawyer leaves two cases behind: they are gone from the cases list and the
search, the bundle exists, a NEW recovery code was shown (it opens the vault, the old one no
longer does), and the client locks and reopens on the rewritten vault with the notice. The
restore from the client brings them back. A bundle inside the vault folder is refused with
one message, and a lock while the work runs leaves one of the two states the core allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shell_helpers import PASSPHRASE
from test_lock_anywhere import unlock
from tests.kdf import FAST_KDF

from satchel.core.vault import Vault
from satchel.errors import WrongPassphrase
from satchel.gui.app import Session
from satchel.gui.main_window import MainWindow
from satchel.gui.travel.dialog import CODE_UNSEEN_SETTING, TravelDialog

TITLES = ("Kassymova v. Ministry of Interior", "Re: Beridze extradition", "Orlova custody")


@pytest.fixture
def travel_folder(vault_dir: Path) -> tuple[Path, str]:
    """Three fictional cases, one client each; the folder and its first recovery code."""
    from satchel.core.model import RoleKind

    v, code = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    with v:
        for title, client in zip(
            TITLES, ("Aigerim Kassymova", "Levan Beridze", "Daria Orlova"), strict=True
        ):
            case = v.cases.create(title)
            person = v.people.create([client])
            v.roles.create(case.id, person.id, RoleKind.CLIENT)
            v.notes.create(case.id, f"Strategy note on {title}")
    return vault_dir, code


@pytest.fixture
def client(qtbot, travel_folder, tmp_path, monkeypatch) -> Iterator[Session]:
    s = Session(travel_folder[0])
    s.start()
    unlock(qtbot, s)
    yield s
    s.shutdown()


def _window(s: Session) -> MainWindow:
    assert s.main_window is not None
    return s.main_window


def _open(s: Session) -> TravelDialog:
    dialog = s.open_travel()
    assert isinstance(dialog, TravelDialog)
    return dialog


def _case_titles(window: MainWindow) -> list[str]:
    from satchel.gui.cases.page import CasesModel

    m = window.cases_page.model
    return sorted(m.index(r, CasesModel.TITLE).data() for r in range(m.rowCount()))


def _search_titles(window: MainWindow, text: str) -> list[str]:
    window.focus_search()
    window.search_edit.clear()
    window.search_edit.insert(text)
    window.search_popup.run_search()
    return [item.text(0) for item in window.search_popup.result_items()]


def _carry_first_only(dialog: TravelDialog) -> str:
    by_title = {
        dialog.cases.topLevelItem(i).text(0): dialog.cases.topLevelItem(i).data(
            0, Qt.ItemDataRole.UserRole
        )
        for i in range(dialog.cases.topLevelItemCount())
    }
    assert sorted(by_title) == sorted(TITLES)
    dialog.set_carried({by_title[TITLES[2]]})
    return str(by_title[TITLES[2]])


def test_leaving_two_cases_behind_then_restoring_them(qtbot, client, travel_folder, tmp_path):
    folder, old_code = travel_folder
    window = _window(client)
    assert not window.travel_label.isVisible()
    dialog = _open(client)
    # The lawyer sees each case's client to choose well (plain text in a tree).
    clients = {dialog.cases.topLevelItem(i).text(1) for i in range(3)}
    assert clients == {"Aigerim Kassymova", "Levan Beridze", "Daria Orlova"}
    _carry_first_only(dialog)
    bundle = tmp_path / "left-behind.satchel"
    dialog.set_bundle_path(bundle)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.review()
    assert dialog.pages.currentIndex() == 1
    assert "1 cases stay, 2 leave" in dialog.summary_text.text()
    assert "NEW recovery code" in dialog.summary_text.text()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 3, timeout=60000)
    assert dialog.passphrase.is_empty()  # the secret left the widget with the job
    new_code = dialog.code_label.text()
    assert new_code and new_code != old_code
    assert bundle.is_file()
    assert not dialog.finish_button.isEnabled()  # the code must be confirmed written down
    dialog.reject()  # Escape on the code page does not lose it
    assert dialog.isVisible()
    for box in QApplication.topLevelWidgets():  # the "not confirmed" reminder
        if box is not dialog and box.isVisible() and box.isModal():
            box.close()
    dialog.written_down.setChecked(True)
    dialog.finish_button.click()
    # The session locked: the rewritten vault opens with the passphrase again.
    assert client.vault is None and client.main_window is None
    assert client.unlock_screen is not None and client.unlock_screen.isVisible()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, old_code).close()
    with Vault.unlock(folder, new_code) as by_code:
        assert [c.title for c in by_code.cases.list()] == [TITLES[2]]
        assert by_code.settings.get(CODE_UNSEEN_SETTING) is None  # confirmed
    unlock(qtbot, client)
    window = _window(client)
    assert _case_titles(window) == [TITLES[2]]
    assert _search_titles(window, "Kassymova") == []
    assert _search_titles(window, "Beridze") == []
    assert _search_titles(window, "Orlova") != []
    assert window.travel_label.isVisible()
    assert window.travel_label.text().startswith("Travel mode since ")

    # Back from the trip: the core's restore, from the client.
    assert client.vault is not None
    restore = window.restore_from_travel(bundle)
    assert restore is not None and restore.job is not None
    job = restore.job
    qtbot.waitUntil(lambda: job.is_finished, timeout=60000)
    assert _case_titles(window) == sorted(TITLES)
    assert _search_titles(window, "Kassymova") != []
    assert not window.travel_label.isVisible()
    assert client.vault.notes.list(case_id=client.vault.cases.list(text="Beridze")[0].id)


def test_a_bundle_inside_the_vault_folder_is_refused_with_one_message(qtbot, client, travel_folder):
    folder, _code = travel_folder
    dialog = _open(client)
    _carry_first_only(dialog)
    inside = folder / "left-behind.satchel"
    dialog.set_bundle_path(inside)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.review()
    assert dialog.pages.currentIndex() == 0
    assert "outside the vault folder" in dialog.choice_status.text()
    dialog.start()  # even if the summary were skipped
    assert dialog.pages.currentIndex() == 0
    assert not inside.exists()
    assert len(_case_titles(_window(client))) == 3
    dialog.reject()


def test_a_wrong_passphrase_removes_nothing(qtbot, client, tmp_path):
    dialog = _open(client)
    _carry_first_only(dialog)
    bundle = tmp_path / "left.satchel"
    dialog.set_bundle_path(bundle)
    dialog.passphrase.setText("not the passphrase at all")
    dialog.review()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0, timeout=30000)
    assert dialog.choice_status.text()  # one message
    assert not bundle.exists()
    assert client.vault is not None and client.vault.cases.count() == 3
    dialog.reject()


def test_a_lock_while_the_trip_starts_locks_and_leaves_a_whole_state(qtbot, client, tmp_path):
    """Locked while the work runs: either it stopped before any removal (no bundle, all
    cases), or it finished the rewrite first (bundle, one case, and the advice to make a new
    recovery code since nobody saw this one)."""
    dialog = _open(client)
    _carry_first_only(dialog)
    bundle = tmp_path / "left.satchel"
    dialog.set_bundle_path(bundle)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.review()
    dialog.start()
    vault = client.vault
    assert vault is not None
    client.lock_controller.lock("shortcut")
    assert vault.closed and client.main_window is None
    assert not dialog.isVisible()
    unlock(qtbot, client)
    window = _window(client)
    assert client.vault is not None
    if bundle.exists():
        assert _case_titles(window) == [TITLES[2]]
        assert client.vault.settings.get(CODE_UNSEEN_SETTING) is True
        assert "make a new recovery code" in window.travel_label.text()
    else:
        assert _case_titles(window) == sorted(TITLES)
        assert not window.travel_label.isVisible()


def test_a_lock_once_the_removal_began_finishes_the_rewrite_then_locks(
    qtbot, client, travel_folder, tmp_path
):
    """Past the point of no return the lock waits: the vault is whole under its new key, and
    since nobody saw the new recovery code the next unlock says to make one."""
    folder, old_code = travel_folder
    dialog = _open(client)
    _carry_first_only(dialog)
    bundle = tmp_path / "left.satchel"
    dialog.set_bundle_path(bundle)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.review()
    dialog.start()
    job = dialog._job
    assert job is not None

    def lock_when_removing(done: int, _total: int) -> None:
        if done == 3:  # "purged": the job passed its point of no return before saying so
            client.lock_controller.lock("shortcut")

    job.progress.connect(lock_when_removing)
    qtbot.waitUntil(lambda: client.vault is None, timeout=60000)
    assert bundle.is_file()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, old_code).close()
    unlock(qtbot, client)
    window = _window(client)
    assert _case_titles(window) == [TITLES[2]]
    assert client.vault is not None and client.vault.settings.get(CODE_UNSEEN_SETTING) is True
    assert "make a new recovery code" in window.travel_label.text()
    # Settings → Security → a new recovery code: the reminder goes.
    from satchel.gui.lock.security_settings import SecurityDialog

    security = SecurityDialog(client.vault, client.lock_controller.settings, window)
    security.recovery_code_shown.connect(client._recovery_code_renewed)
    security.current_for_recovery.setText(PASSPHRASE)
    security.regenerate_recovery_code()
    qtbot.waitUntil(lambda: bool(security.recovery_code.text()), timeout=30000)
    assert client.vault.settings.get(CODE_UNSEEN_SETTING) is None
    assert window.travel_label.text() == window.travel_label.text().split(" · ")[0]
    assert window.travel_label.text().startswith("Travel mode since ")
    security.reject()


def test_a_start_interrupted_after_the_removal_is_finished_from_the_client(
    qtbot, travel_folder, tmp_path, monkeypatch
):
    """The core stopped after removing the cases, before the new key (a crash there): the
    client's Travel mode asks only the passphrase and finishes the rewrite."""
    from satchel.bundle.travel import rewrite_pending, start_travel

    folder, old_code = travel_folder

    class Crash(Exception):
        pass

    def crash_after_purge(name: str) -> None:
        if name == "purged":
            raise Crash

    with Vault.unlock(folder, PASSPHRASE) as v:
        carried = [c.id for c in v.cases.list() if c.title == TITLES[2]]
        with pytest.raises(Crash):
            start_travel(
                v, PASSPHRASE, carried, tmp_path / "left.satchel", checkpoint=crash_after_purge
            )
        assert rewrite_pending(v)
    session = Session(folder)
    session.start()
    try:
        unlock(qtbot, session)
        dialog = _open(session)
        assert dialog.cases.isHidden() and dialog.where_row.isHidden()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.review()
        assert dialog.pages.currentIndex() == 1
        dialog.start()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 3, timeout=60000)
        new_code = dialog.code_label.text()
        dialog.written_down.setChecked(True)
        dialog.finish_button.click()
        assert session.vault is None
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, old_code).close()
        with Vault.unlock(folder, new_code) as by_code:
            assert [c.title for c in by_code.cases.list()] == [TITLES[2]]
            assert not rewrite_pending(by_code)
    finally:
        session.shutdown()


def test_no_exchange_pass_runs_while_the_travel_dialog_is_open(qtbot, client, tmp_path):
    """A pass of the exchange folder writes the vault (an import): it must not run between
    the trip's steps, which remove cases and rewrite the vault under a new key."""
    from satchel.bundle import exchange

    window = _window(client)
    folder = tmp_path / "Exchange"
    folder.mkdir()
    assert client.vault is not None
    exchange.set_exchange_folder(client.vault, folder)
    qtbot.waitUntil(lambda: not window.exchange.running, timeout=20000)
    in_flight = window.exchange.sync_now()
    assert in_flight is not None
    dialog = _open(client)
    assert in_flight.wait_ended(0)  # stopped (or done) before the dialog showed
    assert window.exchange.held and window.exchange.sync_now() is None
    qtbot.waitUntil(lambda: not window.exchange.running, timeout=20000)
    window.exchange.tick()  # the timer's turn: held, it starts nothing
    assert not window.exchange.running
    dialog.reject()
    assert not window.exchange.held
    qtbot.waitUntil(lambda: not window.exchange.running, timeout=20000)
    assert window.exchange.sync_now() is not None
    qtbot.waitUntil(lambda: not window.exchange.running, timeout=20000)
