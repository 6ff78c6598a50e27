"""Hand-work of "create a case with five people in four roles", counted on the real widgets.

Drives the client's own widgets (offscreen, over a fresh real vault) the way a user would,
and counts what the hand does: every click, every key press (a chord such as Ctrl+S is one
key press), and every text typed into a field (one action; its characters are shown too).
Five new people are linked, in the roles client, relative, co-counsel (twice) and
interpreter.

Two flows:

- `after` (default): this branch's flow: New case, title, Enter; "Add people…" on the
  case's Overview; for each person, pick the role when it changes (one click), type the
  name, Enter ("Create new person"), Ctrl+S in the person form (the name is filled in);
  Close.
- `before`: the flow of the client before issue 13: a person is created on the People
  page (New…, open the name cell, type, Save), then the case is opened again, its People
  tab chosen, "Add person…" opened, the name typed, the role chosen in a combo box, Add.
  It runs only on that code (it needs `satchel.gui.cases.view.AddRoleDialog`): run it
  from a checkout of an older commit, e.g.

      git archive 7441299 src | tar -x -C /tmp/old
      PYTHONPATH=/tmp/old/src python bench/bench_linking.py --flow before

Figures only; nothing is asserted (tests/gui/test_add_people.py keeps the flow short).

    python bench/bench_linking.py [--flow after|before]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QTabBar,
    QWidget,
)

from satchel.core.model import RoleKind
from satchel.core.vault import Vault
from satchel.crypto.kdf import KdfParams
from satchel.gui.main_window import MainWindow

# Fictional people and the roles they take in the case (four roles among five people).
PEOPLE: list[tuple[str, RoleKind]] = [
    ("Pavel Fictionov", RoleKind.CLIENT),
    ("Марина Вымышленная", RoleKind.RELATIVE),
    ("Anna Example", RoleKind.CO_COUNSEL),
    ("Борис Придуманный", RoleKind.CO_COUNSEL),
    ("Dina Sample", RoleKind.INTERPRETER),
]
CASE_TITLE = "Extradition of P. Fictionov"
FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # a throwaway vault


class Hand:
    """Does what a user's hand does to the widgets, and counts it."""

    def __init__(self) -> None:
        self.clicks = 0
        self.keys = 0
        self.texts = 0
        self.characters = 0
        self.log: list[str] = []

    @property
    def actions(self) -> int:
        return self.clicks + self.keys + self.texts

    def click(self, widget: QWidget, pos: QPoint | None = None, what: str = "") -> None:
        self.clicks += 1
        self.log.append(f"click {what or widget.objectName() or type(widget).__name__}")
        if pos is None:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), pos)
        QApplication.processEvents()

    def double_click(self, widget: QWidget, pos: QPoint, what: str) -> None:
        self.clicks += 1  # one gesture
        self.log.append(f"double-click {what}")
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), pos)
        QApplication.processEvents()

    def key(
        self,
        widget: QWidget,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        what: str = "",
    ) -> None:
        self.keys += 1
        self.log.append(f"key {what or key.name}")
        QTest.keyClick(widget, key, modifier)
        QApplication.processEvents()

    def type(self, widget: QWidget, text: str) -> None:
        """Type `text` key by key (any script) into `widget`, then wherever the focus goes
        (the first key into a table cell opens its editor, which takes the rest)."""
        self.texts += 1
        self.characters += len(text)
        self.log.append(f"type {text!r}")
        target = widget
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )
            QApplication.processEvents()
            target = QApplication.focusWidget() or widget


def click_list_row(hand: Hand, view: QAbstractItemView, row: int, what: str) -> None:
    index = view.model().index(row, 0)
    hand.click(view.viewport(), view.visualRect(index).center(), what)


def click_tab(hand: Hand, bar: QTabBar, index: int) -> None:
    hand.click(bar, bar.tabRect(index).center(), f"tab {bar.tabText(index)}")


def activate(window: QWidget) -> None:
    """What the window manager does for a window that opens: make it the active one."""
    window.activateWindow()
    QApplication.processEvents()


def while_modal(step: Callable[[QDialog], None]) -> None:
    """Run `step` on the next modal dialog once it is shown (exec() blocks the caller)."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            activate(modal)
            step(modal)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def new_case(hand: Hand, window: MainWindow) -> None:
    cases = window.page("cases")

    def fill(dialog: QDialog) -> None:
        hand.type(focused(), CASE_TITLE)
        hand.key(focused(), Qt.Key.Key_Return, what="Enter (save the case)")

    while_modal(fill)
    hand.click(cases.new_button, what="New case")  # type: ignore[attr-defined]


def after(hand: Hand, window: MainWindow) -> None:
    new_case(hand, window)
    view = window.case_view
    hand.click(view.overview.add_people_button, what="Add people…")
    dialog = view.people.add_dialog
    assert dialog is not None
    activate(dialog)
    role = dialog.role()
    for name, kind in PEOPLE:
        if kind is not role:
            click_list_row(hand, dialog.roles, list(RoleKind).index(kind), f"role {kind.value}")
            role = kind
        hand.type(dialog.filter_edit, name)
        hand.key(dialog.filter_edit, Qt.Key.Key_Return, what="Enter (create new person)")
        form = dialog.person_form
        assert form is not None and form.isVisible()
        activate(form)
        hand.key(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, "Ctrl+S")
    hand.click(dialog.close_button, what="Close")


def before(hand: Hand, window: MainWindow) -> None:
    from satchel.gui.cases.view import AddRoleDialog  # type: ignore[attr-defined]

    new_case(hand, window)
    nav: QListWidget = window.navigation
    rows = {nav.item(i).text(): i for i in range(nav.count())}
    for name, kind in PEOPLE:
        click_list_row(hand, nav, rows["People"], "People")
        people = window.page("people")
        hand.click(people.new_button, what="New…")  # type: ignore[attr-defined]
        form = QApplication.activeModalWidget()
        assert form is not None
        activate(form)
        table = form.names.table  # type: ignore[union-attr]
        hand.double_click(table.viewport(), table.visualRect(table.model().index(0, 0)).center(),
                          "name cell")  # fmt: skip
        hand.type(focused(), name)
        hand.click(form.buttons.button(form.buttons.StandardButton.Save), what="Save")  # type: ignore[attr-defined]
        click_list_row(hand, nav, rows["Cases"], "Cases")
        cases = window.page("cases")
        hand.double_click(cases.table.viewport(),  # type: ignore[attr-defined]
                          cases.table.visualRect(cases.model.index(0, 0)).center(), "the case")  # type: ignore[attr-defined]  # fmt: skip
        view = window.case_view
        click_tab(hand, view.tabs.tabBar(), view.PEOPLE)

        def pick(dialog: QDialog, name: str = name, kind: RoleKind = kind) -> None:
            assert isinstance(dialog, AddRoleDialog)
            hand.type(dialog.filter_edit, name)
            combo = dialog.role_combo
            if combo.currentData() != kind.value:
                hand.click(combo, what="role combo")
                # A combo box ignores a release that comes sooner than a double click
                # after its pop-up opened; a hand is never that fast.
                QTest.qWait(QApplication.doubleClickInterval() + 100)
                popup = combo.view()
                click_list_row(hand, popup, combo.findData(kind.value), f"role {kind.value}")
            box = dialog.findChild(QDialogButtonBox)
            hand.click(box.button(QDialogButtonBox.StandardButton.Ok), what="Add")

        while_modal(pick)
        hand.click(view.people.add_button, what="Add person…")


@dataclass
class Figures:
    hand: Hand
    linked: list[tuple[str, str]]
    linked_as_intended: bool


def run(flow: str) -> Figures:
    """Drive `flow` ("after" or "before") over a fresh vault in a 1366×768 main window."""
    if QApplication.instance() is None:
        QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        vault, _code = Vault.create(Path(tmp) / "vault", "a throwaway passphrase", kdf_params=FAST)
        window = MainWindow(vault, None)
        try:
            window.resize(1366, 768)
            window.show()
            QApplication.processEvents()
            hand = Hand()
            (after if flow == "after" else before)(hand, window)
            roles = vault.roles.list(case_id=vault.cases.list()[0].id)
            linked = sorted(
                (vault.people.get(r.person_id).primary_name, r.kind.value) for r in roles
            )
        finally:
            window.clear_vault_data()
            window.close()
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            vault.close()
    expected = sorted((n, k.value) for n, k in PEOPLE)
    return Figures(hand, linked, linked == expected)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flow", choices=("after", "before"), default="after")
    parser.add_argument("--log", action="store_true", help="print every action")
    args = parser.parse_args()
    figures = run(args.flow)
    hand = figures.hand
    if args.log:
        for i, line in enumerate(hand.log, 1):
            print(f"  {i:3}. {line}")
    state = "as intended" if figures.linked_as_intended else f"WRONG: {figures.linked}"
    print(
        f"create a case with five people in four roles ({args.flow}): {hand.actions} actions "
        f"= {hand.clicks} clicks + {hand.keys} key presses + {hand.texts} texts typed "
        f"({hand.characters} characters); the case holds {len(figures.linked)} roles, {state}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
