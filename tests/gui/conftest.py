"""Fixtures for the client's tests: real vaults (fast test KDF), a demo vault, the language.

GUI tests drive real widgets with `qtbot` over a real vault, never a mocked core. Every
test starts in English with the application named as in production (QSettings lands in
the sandboxed config directory set up by tests/conftest.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shell_helpers import PASSPHRASE
from tests.kdf import FAST_KDF

from satchel import i18n
from satchel.app_settings import app_settings
from satchel.core.vault import Vault
from satchel.gui.app import APPLICATION, ORGANISATION
from satchel.gui.common.file_dialogs import keep_qt_dialog_state_off_disk
from satchel.gui.common.workers import cancel_all_jobs


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    # Before any fixture closes a vault: a background job (a panel reading events) still
    # running on a closed connection crashes SQLCipher. The lock does the same in the app.
    cancel_all_jobs()
    yield
    # pytest-qt closes a test's widgets with deleteLater(), which only an event loop
    # carries out; delete them now, or they live on and receive later tests' events
    # (a language switch) with their vault long closed.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True, scope="session")
def _garbage_on_the_gui_thread(qapp: QApplication) -> None:
    """As in the client: cycles holding Qt objects are collected on the GUI thread only."""
    from satchel.gui.common.workers import collect_garbage_on_the_gui_thread

    collect_garbage_on_the_gui_thread(qapp)


@pytest.fixture(autouse=True)
def _lock_keys_released(qapp: QApplication) -> Iterator[None]:
    """After each test, no session of it still claims Ctrl+Shift+L for the whole
    application: a leaked, armed lock filter swallows the keys of every later test (once a
    wizard finishing its vault after the session had ended re-armed one)."""
    yield
    probe = QWidget()
    event = QKeyEvent(
        QEvent.Type.ShortcutOverride,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    event.ignore()  # as Qt's shortcut map sends it
    QApplication.sendEvent(probe, event)
    probe.deleteLater()
    if event.isAccepted():
        from satchel.gui.lock.shortcuts import AppWideShortcuts

        for leaked in (o for o in gc.get_objects() if isinstance(o, AppWideShortcuts)):
            leaked.stop()  # so that later tests are not hit too
        pytest.fail("an application-wide lock shortcut outlived its test's session")


@pytest.fixture(autouse=True)
def _english_client(qapp: QApplication) -> Iterator[None]:
    qapp.setOrganizationName(ORGANISATION)
    qapp.setApplicationName(APPLICATION)
    # As the client does at start (gui/app.py): a bare QFileDialog a test opens (the lock
    # tests open one as a window that can have focus) must not write Qt's shared settings
    # into the sandbox, where a later test checks that dialogs leave none.
    keep_qt_dialog_state_off_disk()
    i18n.install_translations("en")
    yield
    # Closed widgets first: a language switch reaches every widget still alive.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.install_translations("en")


@pytest.fixture
def settings() -> Iterator[QSettings]:
    """The app's QSettings, emptied before and after the test."""
    s = app_settings()
    s.clear()
    yield s
    s.clear()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    """A fresh, unlocked, empty vault (fast test KDF)."""
    v, _code = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    yield v
    if not v.closed:
        v.close()


@pytest.fixture
def closed_vault(vault_dir: Path) -> tuple[Path, str]:
    """A vault on disk, closed: its folder and its recovery code."""
    v, code = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    v.close()
    return vault_dir, code


@pytest.fixture
def demo_vault(vault: Vault) -> Vault:
    """The fresh vault filled with a few fictional demo cases."""
    from satchel.sample.demo import fill_demo

    fill_demo(vault, cases=6, seed=7, documents=vault.documents is not None)
    return vault


@pytest.fixture
def russian() -> Iterator[None]:
    """The interface in Russian for the test (compiled from the .ts files if needed)."""
    i18n.install_translations("ru")
    yield
    i18n.install_translations("en")


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The client's theme for the test: its style sheet pads buttons and the navigation, so
    whether something fits is only known under it."""
    from satchel.gui.common import theme

    palette, sheet = qapp.palette(), qapp.styleSheet()
    theme.apply_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
