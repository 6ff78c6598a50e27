"""The client's side of shared cases and the exchange folder, over real vaults: share a case
from its Overview, see the share's status, set the folder, and take a waiting bundle in from
the Imports page; the lock stops the timer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from shell_helpers import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.bundle import exchange
from satchel.bundle.colleagues import add_colleague_from_card, mark_verified
from satchel.bundle.shares import share_case
from satchel.core.vault import Vault
from satchel.gui.exchange.case_shares import CaseSharesBox, ShareDialog
from satchel.gui.exchange.driver import ExchangeDriver
from satchel.gui.exchange.imports import ImportsPage


def _vault(tmp_path: Path, name: str) -> Vault:
    v, _code = Vault.create(tmp_path / name.split()[0].lower(), PASSPHRASE, kdf_params=FAST_KDF)
    v.identities.rename(name)
    return v


@pytest.fixture
def anna(tmp_path: Path):
    v = _vault(tmp_path, "Anna Fictional")
    yield v
    v.close()


@pytest.fixture
def boris(tmp_path: Path):
    v = _vault(tmp_path, "Boris Fictional")
    yield v
    v.close()


def _know(a: Vault, b: Vault, verified: bool = True) -> str:
    added = add_colleague_from_card(a, b.identities.get().public().card()).colleague
    if verified:
        mark_verified(a, added.id)
    return added.id


def test_share_this_case_from_its_overview(qtbot, anna, boris, tmp_path, monkeypatch) -> None:
    boris_id = _know(anna, boris)
    clara = _vault(tmp_path, "Clara Fictional")
    try:
        _know(anna, clara, verified=False)
    finally:
        clara.close()
    case = anna.cases.create("Extradition of Ivan Fictionalov")
    box = CaseSharesBox(anna)
    qtbot.addWidget(box)
    box.set_case(case.id)
    assert box.list.item(0).text() == "Not shared with anyone."
    assert not box.stop_button.isEnabled()

    seen: dict[str, bool] = {}

    def choose(dialog: ShareDialog) -> int:
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            seen[item.text()] = bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
        dialog.list.setCurrentRow(
            next(
                i
                for i in range(dialog.list.count())
                if dialog.list.item(i).text().startswith("Boris")
            )
        )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ShareDialog, "exec", choose)
    box.share()
    # The unverified colleague was offered, but could not be chosen.
    assert seen == {"Boris Fictional": True, "Clara Fictional (fingerprint not verified)": False}
    assert [s.colleague_id for s in anna.shares.list(case_id=case.id)] == [boris_id]
    assert box.list.item(0).text() == ("Boris Fictional — last sent never, last received never")
    box.list.setCurrentRow(0)
    assert box.resend_button.isEnabled()
    box.resend_current()
    assert box.status.text() == "The next bundle to Boris Fictional carries the whole case."
    box.stop_current()
    assert anna.shares.list() == []
    box.clear()


def test_a_waiting_bundle_is_taken_in_from_the_imports_page(qtbot, anna, boris, tmp_path):
    folder = tmp_path / "Exchange"
    folder.mkdir()
    _know(boris, anna)
    case = anna.cases.create("Asylum appeal of Lena Fictional")
    anna.events.create(case.id, "Decision of the migration service", "decision")
    share_case(anna, case.id, _know(anna, boris))
    exchange.set_exchange_folder(anna, folder)
    exchange.sync(anna, exchange.Watch())
    assert len(list(folder.iterdir())) == 1

    driver = ExchangeDriver(boris, None, exchange.Watch(settle=0))
    page = ImportsPage(boris, None, driver)
    qtbot.addWidget(page)
    box = page.folder_box
    assert box.path_label.text() == "No exchange folder is set."
    assert not box.sync_button.isEnabled()
    box.set_folder(str(folder))  # and a first pass at once
    assert str(folder) in box.path_label.text() and not box.auto_box.isChecked()
    qtbot.waitUntil(lambda: not driver.running, timeout=20000)
    box.sync_now()  # the second look: the file stood still, it is read
    qtbot.waitUntil(lambda: not driver.running, timeout=20000)
    assert box.waiting_list.count() == 1
    assert box.waiting_list.item(0).text() == ("From Anna Fictional — automatic import is off")
    assert "1 waiting" in box.status.text()
    assert not boris.cases.exists(case.id)

    box.waiting_list.setCurrentRow(0)
    box.open_current()
    qtbot.waitUntil(lambda: page._job is None and page.preview is not None, timeout=20000)
    assert page.import_button.isEnabled()
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.start_import()
    assert boris.cases.get(case.id).title == case.title
    assert list(folder.iterdir()) == [] and box.waiting_list.count() == 0
    # Imported from the folder from a verified colleague: the case is shared back.
    (share,) = boris.shares.list(case_id=case.id)
    assert share.last_received_at is not None

    # The lock stops the timer; no pass starts after it.
    driver.clear()
    page.clear()
    assert not driver.active and driver.sync_now() is None


def test_options_are_kept_in_the_vault(qtbot, boris, tmp_path) -> None:
    page = ImportsPage(boris, None, None)
    qtbot.addWidget(page)
    box = page.folder_box
    box.set_folder(str(tmp_path / "nowhere"))
    assert "is not a folder" in box.status.text()
    box.auto_box.setChecked(True)
    box.days_box.setValue(5)
    settings = exchange.exchange_settings(boris)
    assert settings.auto_import and settings.keep_days == 5 and settings.folder is None
    page.clear()


def test_a_colleagues_edit_from_the_folder_shows_in_the_case_open_on_screen(
    qtbot, anna, boris, tmp_path, monkeypatch
) -> None:
    """Boris has the shared case open on its Chronology when a pass of the exchange folder
    applies Anna's new event by itself: the open case, not only the lists, shows it."""
    from satchel.gui import main_window as main_window_module
    from satchel.gui.exchange import driver as driver_module

    folder = tmp_path / "Exchange"
    folder.mkdir()
    case = anna.cases.create("Asylum appeal of Lena Fictional")
    anna.events.create(case.id, "Decision of the migration service", "decision")
    share_case(anna, case.id, _know(anna, boris))
    _know(boris, anna)  # verified: her bundles are applied, and the case shared back
    for v in (anna, boris):
        exchange.set_exchange_folder(v, folder)
    exchange.set_auto_import(boris, True)
    boris_watch = exchange.Watch(settle=0)
    exchange.sync(anna, exchange.Watch())
    exchange.sync(boris, boris_watch)
    exchange.sync(boris, boris_watch)  # the second look: settled, read and applied
    assert boris.cases.get(case.id).title == case.title

    monkeypatch.setattr(driver_module, "Watch", lambda: boris_watch)
    window = main_window_module.MainWindow(boris)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_record("case", case.id)
    view = window.case_view
    view.show_tab(view.tabs.indexOf(view.chronology))

    def titles() -> list[str]:
        model = view.chronology.model
        return [model.event_at(r).title for r in range(model.rowCount())]

    assert titles() == ["Decision of the migration service"]
    anna.events.create(case.id, "Appeal lodged with the administrative court", "filing")
    exchange.sync(anna, exchange.Watch())
    for _ in range(2):  # a look, then the look that finds it settled
        qtbot.waitUntil(lambda: not window.exchange.running, timeout=20000)
        with qtbot.waitSignal(window.exchange.synced, timeout=20000):
            window.exchange.sync_now()
    assert sorted(titles()) == [
        "Appeal lodged with the administrative court",
        "Decision of the migration service",
    ]
    assert "1 imported" in window.statusBar().currentMessage()

    # A title being typed in place is not thrown away by a bundle arriving meanwhile.
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    chronology = view.chronology
    table = chronology.view
    index = chronology.proxy.index(0, chronology.model.TITLE)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None and table.state() == QAbstractItemView.State.EditingState
    editor.setText("Appeal lodged, reference to follow")
    view.reload_from_vault()
    assert table.state() == QAbstractItemView.State.EditingState
    assert editor.text() == "Appeal lodged, reference to follow"
    window.close_without_lock()
