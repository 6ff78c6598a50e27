"""Take a PNG of every main screen of the client, in English and Russian, light and dark.

Runs offscreen (no display needed) on a throwaway demo vault of fictional data
(`satchel.sample.demo.fill_demo`) in a temporary folder, with its own temporary settings, so
it never touches the user's vaults or settings. Output: `screenshots/<lang>-<scheme>-<NN>-
<screen>.png` in the checkout (or the folder given as the first argument); with
`--scale 2` (or 1.25, 1.5) the screens are taken as on a high-density display, one palette,
tagged `-x2`. A person looks
at these: nothing clipped, nothing untranslated, nothing ugly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TMP = Path(tempfile.mkdtemp(prefix="satchel-screenshots-"))
# Before Qt or platformdirs are imported: settings and data go to the throwaway folder.
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
):
    (_TMP / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_TMP / _sub)
os.environ.pop("SATCHEL_VAULT", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# `--scale 2` (or 1.25, 1.5) shows the screens as on a high-density display; Qt reads the
# factor once, when the application starts.
if "--scale" in sys.argv:
    os.environ["QT_SCALE_FACTOR"] = sys.argv[sys.argv.index("--scale") + 1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from satchel import i18n  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.errors import WrongPassphrase  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.cases.dialog import CaseDialog  # noqa: E402
from satchel.gui.common import theme  # noqa: E402
from satchel.gui.main_window import MainWindow, SettingsDialog  # noqa: E402
from satchel.gui.unlock.screen import UnlockWidget  # noqa: E402
from satchel.gui.unlock.wizard import CreateVaultWizard  # noqa: E402
from satchel.sample.demo import fill_demo  # noqa: E402

PASSPHRASE = "screenshot demo passphrase 7"  # noqa: S105 (a throwaway demo vault)
WINDOW = (1280, 800)


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()
    # processEvents() leaves deleteLater() for the event loop; there is none here.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Shooter:
    def __init__(
        self, app: QApplication, out: Path, vault: Vault, vault_dir: Path, tag: str = ""
    ) -> None:
        self.tag = tag
        self.app = app
        self.out = out
        self.vault = vault
        self.vault_dir = vault_dir
        self.prefix = ""
        self.n = 0
        self.taken: list[Path] = []

    def shoot(self, widget: QWidget, name: str) -> None:
        _settle(self.app)
        self.n += 1
        path = self.out / f"{self.prefix}-{self.n:02d}-{name}.png"
        widget.grab().save(str(path))
        self.taken.append(path)

    def round(self, language: str, scheme: theme.Scheme) -> None:
        _settle(self.app)
        i18n.install_translations(language)
        theme.apply_theme(self.app, scheme)
        self.prefix = f"{language}-{scheme.value}" + (f"-{self.tag}" if self.tag else "")
        self.n = 0
        self._unlock()
        self._wizard()
        self._main()

    def _unlock(self) -> None:
        screen = UnlockWidget([self.vault_dir, self.vault_dir.with_name("vault-2")])
        screen.resize(*WINDOW)
        screen.show()
        self.shoot(screen, "unlock")
        screen.secret_edit.setText("wrong guess")
        screen._on_failed("", WrongPassphrase())
        self.shoot(screen, "unlock-wrong-passphrase")
        # Caps Lock on, and letters of another alphabet than the passphrase was made in.
        screen.secret_edit.clear()
        screen._clear_error()
        screen.hints.set_expected_script("latin")
        for ch in "ТРОПА":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(screen.secret_edit, event)
        self.shoot(screen, "unlock-caps-lock-and-layout")
        screen.show_check.setChecked(True)
        self.shoot(screen, "unlock-passphrase-shown")
        screen.recovery_check.setChecked(True)
        self.shoot(screen, "unlock-recovery-code")
        screen.close()
        screen.deleteLater()

    def _wizard(self) -> None:
        wizard = CreateVaultWizard(_TMP / f"wizard-{self.prefix}")
        wizard.resize(640, 520)
        wizard.show()
        self.shoot(wizard, "wizard-welcome")
        wizard.next()
        wizard.passphrase_page.first.setText("maple river")
        self.shoot(wizard, "wizard-passphrase-weak")
        wizard.passphrase_page.first.setText(PASSPHRASE)
        wizard.passphrase_page.second.setText(PASSPHRASE)
        self.shoot(wizard, "wizard-passphrase-strong")
        wizard.next()  # creates a real (throwaway) vault in a worker, then shows its code
        deadline = time.monotonic() + 120
        while wizard.currentPage() is not wizard.recovery_page and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.02)
        self.shoot(wizard, "wizard-recovery-code")
        if wizard.vault is not None:
            wizard.vault.close()  # type: ignore[attr-defined]
            wizard.vault = None
        wizard.hide()
        wizard.deleteLater()

    def _main(self) -> None:
        window = MainWindow(self.vault, self.vault_dir)
        window.resize(*WINDOW)
        window.show()
        self.shoot(window, "cases")
        window.cases_page.text_edit.setText(self._some_title_word())
        self.shoot(window, "cases-filtered")
        window.cases_page.text_edit.clear()

        case = self._richest_case()
        window.open_record("case", case)
        view = window.case_view
        # The chronology with an event chosen: the detail pane shows it whole.
        chosen = next(
            (e for e in self.vault.events.list(case_id=case) if e.source and e.person_ids),
            None,
        )
        if chosen is not None:
            view.chronology.select_event(chosen.id)
        for index, name in (
            (view.OVERVIEW, "case-overview"),
            (view.TIMELINE, "case-timeline"),
            (view.CHRONOLOGY, "case-chronology"),
            (view.PEOPLE, "case-people"),
            (view.DOCUMENTS, "case-documents"),
            (view.NOTES, "case-notes"),
        ):
            view.show_tab(index)
            self.shoot(window, name)

        window.focus_search()
        window.search_edit.setText(self._some_person_word())
        window.search_popup.run_search()
        self.shoot(window, "search")
        window.search_popup.dismiss()
        window.search_edit.clear()

        for key in ("people", "agenda", "colleagues", "imports"):
            window.show_page(key)
            self.shoot(window, key)

        dialog = CaseDialog(self.vault, self.vault.cases.get(case), window)
        dialog.show()
        self.shoot(dialog, "case-edit-dialog")
        dialog.hide()
        dialog.deleteLater()
        settings = SettingsDialog(window)
        settings.show()
        self.shoot(settings, "settings")
        settings.hide()
        settings.deleteLater()
        window.close_without_lock()
        window.deleteLater()
        _settle(self.app)

    def _richest_case(self) -> str:
        best = max(
            self.vault.cases.list(limit=50),
            key=lambda c: self.vault.events.count(case_id=c.id) + len(c.references),
        )
        return best.id

    def _some_title_word(self) -> str:
        title = self.vault.cases.list(limit=1)[0].title
        return title.split()[0][:5]

    def _some_person_word(self) -> str:
        # The client of the richest case: a name that appears in cases, events and notes.
        case_id = self._richest_case()
        for role in self.vault.roles.list(case_id=case_id):
            person = self.vault.people.get(role.person_id)
            return person.primary_name.split()[0][:5]
        return "a"


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("out", nargs="?", type=Path, default=ROOT / "screenshots")
    args.add_argument("--scale", default="1", help="display scale factor, e.g. 1.25 or 2")
    args.add_argument(
        "--size", default="1280x800", help="window size, e.g. 1366x768 (a laptop screen)"
    )
    opts = args.parse_args(argv[1:])
    global WINDOW
    width, _x, height = opts.size.partition("x")
    WINDOW = (int(width), int(height))
    out: Path = opts.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    vault_dir = _TMP / "data" / "Satchel" / "vault"
    vault, _code = Vault.create(vault_dir, PASSPHRASE)
    fill_demo(vault, cases=12, seed=7)
    scaled = opts.scale not in ("1", "1.0")
    shooter = Shooter(app, out, vault, vault_dir, f"x{opts.scale}" if scaled else "")
    # Scaled runs check clipping only: one palette is enough.
    schemes = (theme.Scheme.LIGHT,) if scaled else (theme.Scheme.LIGHT, theme.Scheme.DARK)
    try:
        for language in ("en", "ru"):
            for scheme in schemes:
                shooter.round(language, scheme)
    finally:
        vault.close()
        shutil.rmtree(_TMP, ignore_errors=True)
    print(f"{len(shooter.taken)} screenshots in {out}")
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
