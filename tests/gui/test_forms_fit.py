"""Every dialog fits a laptop screen: 1366×768 at 100 % and 1920×1080 at 150 %, EN and RU.

The dialogs are the ones the lock test finds by walking the client's window classes (its
OPENERS, which fail when a new dialog is missing). Each is shown over a real demo vault in
the space a laptop leaves (the screen less a task bar, in logical pixels: 1366×728, and
1920×1080 at 150 % = 1280×693), sized as a window manager would (its preferred size, capped
by the screen). It fails when the dialog cannot shrink to the screen, when a button of its
button box lies outside what is shown, when a scroll area needs a horizontal scroll bar,
when a label is narrower than its text, or when a tab bar needs scroll arrows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)
from shell_helpers import PASSPHRASE
from test_lock_anywhere import OPENERS, unlock
from tests.kdf import FAST_KDF

from satchel import i18n
from satchel.core.vault import Vault
from satchel.gui.app import Session

SCREENS = {"1366x768": QSize(1366, 728), "1920x1080@150%": QSize(1280, 693)}

# The client's own dialogs (Qt's message, file, input, print and progress dialogs size
# themselves); the main window is checked too, at its minimum.
DIALOGS = sorted(n for n in OPENERS if n.startswith("satchel.gui.") and "Wizard" not in n)


@pytest.fixture
def client(qtbot, vault_dir: Path, tmp_path, monkeypatch) -> Iterator[Session]:
    """The client unlocked over a small demo vault (fast KDF)."""
    from satchel.sample.demo import fill_demo

    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    with v:
        fill_demo(v, cases=2, seed=11, documents=True)
    session = Session(vault_dir)
    session.start()
    unlock(qtbot, session)
    yield session
    session.shutdown()


def _open(session: Session, name: str) -> QWidget:
    if name == "satchel.gui.lock.security_settings.SecurityDialog":
        from satchel.gui.lock.security_settings import SecurityDialog

        assert session.vault is not None
        return SecurityDialog(session.vault, session.lock_controller.settings, session.main_window)
    window, _how = OPENERS[name](session)
    assert window is not None, name
    return window


def _inside(widget: QWidget, top: QWidget) -> bool:
    rect = widget.rect().translated(widget.mapTo(top, widget.rect().topLeft()))
    return top.rect().contains(rect)


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(window: QWidget, screen: QSize) -> list[str]:
    found = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > screen.width() or minimum.height() > screen.height():
        found.append(f"cannot shrink below {minimum.width()}×{minimum.height()}")
    # What the dialog asks for (its own resize(), else its size hint), as a window manager
    # grants it: never larger than the screen, never smaller than the dialog's minimum.
    resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)
    requested = window.size() if resized else window.sizeHint()
    size = requested.boundedTo(screen).expandedTo(minimum)
    window.resize(size)
    window.show()
    for _ in range(3):  # tool bars and splitters lay out over a few turns
        QApplication.processEvents()
    for box in window.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if button.isVisible() and not _inside(button, window):
                found.append(
                    f"button {button.text()!r} outside the {size.width()}×{size.height()} window"
                )
    for button in window.findChildren(QAbstractButton):
        if (
            button.isVisible()
            and not _in_scroll_area(button, window)
            and not _inside(button, window)
        ):
            found.append(f"button {button.text()!r} cut off")
    for area in window.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append(f"horizontal scroll bar in {area.objectName() or type(area).__name__}")
    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.width() + 1 < label.minimumSizeHint().width():
            found.append(f"label {label.text()[:40]!r} clipped ({label.width()} px)")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible() and bar.sizeHint().width() > bar.width() + 1:
            found.append("tab bar needs scroll arrows")
    return found


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_dialog_fits_a_laptop_screen(qtbot, client, language) -> None:
    i18n.install_translations(language)
    found = {}
    try:
        for name in DIALOGS:
            window = _open(client, name)
            for label, screen in SCREENS.items():
                issues = problems(window, screen)
                if issues:
                    found[f"{name.rsplit('.', 1)[-1]} at {label}"] = issues
            window.hide()
            if isinstance(window, QDialog):
                window.reject()
            window.deleteLater()
    finally:
        i18n.install_translations("en")
    assert found == {}, f"in {language}: {found}"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_create_vault_wizard_fits_on_every_page(qtbot, tmp_path, monkeypatch, language):
    from satchel.gui.unlock.wizard import CreateVaultWizard

    i18n.install_translations(language)
    session = Session(tmp_path / "new-vault")
    session.start()
    found = {}
    try:
        wizard = session.wizard
        assert isinstance(wizard, CreateVaultWizard)
        qtbot.waitExposed(wizard)
        seen = []
        while wizard.currentPage() not in seen:
            page = wizard.currentPage()
            seen.append(page)
            if page is wizard.passphrase_page:
                page.first.setText(PASSPHRASE)
                page.second.setText(PASSPHRASE)
            for label, screen in SCREENS.items():
                issues = problems(wizard, screen)
                if issues:
                    found[f"{type(page).__name__} at {label}"] = issues
            if page is wizard.recovery_page:
                break
            wizard.next()
            qtbot.waitUntil(lambda page=page: wizard.currentPage() is not page, timeout=30000)
        assert wizard.recovery_page in seen
    finally:
        session.shutdown()
        i18n.install_translations("en")
    assert found == {}, f"in {language}: {found}"


def squeezed(top: QWidget) -> list[str]:
    """Controls of `top` drawn narrower than they need, over a neighbour, or cut off."""
    found = []
    shown = [
        w
        for w in top.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QComboBox, QLineEdit))
        and w.isVisible()
        # Not the parts Qt draws inside a control (a line edit's clear button, tab arrows).
        and not isinstance(w.parentWidget(), (QLineEdit, QComboBox, QTabBar))
    ]
    for w in shown:
        name = getattr(w, "text", lambda: "")() or w.accessibleName() or type(w).__name__
        if w.width() + 1 < max(w.minimumSizeHint().width(), w.minimumWidth()):
            found.append(f"{name!r} squeezed to {w.width()} px")
        if not _in_scroll_area(w, top) and not _inside(w, top):
            found.append(f"{name!r} cut off")
    boxes = [(w, w.rect().translated(w.mapTo(top, w.rect().topLeft()))) for w in shown]
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1 :]:
            if a.parentWidget() is b.parentWidget() and ra.intersects(rb):
                found.append(f"{a.accessibleName() or a!r} over {b.accessibleName() or b!r}")
    return found


@pytest.fixture
def in_language(language: str) -> Iterator[str]:
    """The interface in `language` from before the client starts."""
    i18n.install_translations(language)
    yield language
    i18n.install_translations("en")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_tab_of_a_case_fits_a_laptop_screen(qtbot, themed, in_language, client) -> None:
    """The case view's tool bars on a 1366×768 screen, themed: no button drawn narrower
    than its text, over another or outside the window, and the chronology's filter shows
    its whole hint."""
    language = in_language
    window = client.main_window
    assert window is not None and client.vault is not None
    window.resize(SCREENS["1366x768"])
    case = client.vault.cases.list(limit=1)[0]
    window.open_record("case", case.id)
    view = window.case_view
    found = {}
    for index in (view.OVERVIEW, view.TIMELINE, view.CHRONOLOGY, view.PEOPLE,
                  view.DOCUMENTS, view.NOTES):  # fmt: skip
        view.show_tab(index)
        for _ in range(3):
            QApplication.processEvents()
        issues = squeezed(window)
        if issues:
            found[view.tabs.tabText(index)] = issues
    view.show_tab(view.CHRONOLOGY)
    QApplication.processEvents()
    filter_edit = view.chronology.filter_edit
    room = filter_edit.fontMetrics().horizontalAdvance(filter_edit.placeholderText())
    assert filter_edit.width() > room, "the filter box cuts its own hint short"
    assert found == {}, f"in {language}: {found}"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_page_of_the_window_fits_a_laptop_screen(qtbot, themed, in_language, client):
    """The main window's pages on a 1366×768 screen, themed: no control narrower than it
    needs, over another or outside the window."""
    window = client.main_window
    assert window is not None
    window.resize(SCREENS["1366x768"])
    found = {}
    for key in ("cases", "people", "agenda", "colleagues", "imports", "trash", "audit"):
        window.show_page(key)
        for _ in range(3):
            QApplication.processEvents()
        issues = squeezed(window)
        if issues:
            found[key] = issues
    assert found == {}, f"in {in_language}: {found}"
