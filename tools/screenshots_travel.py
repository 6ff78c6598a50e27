"""Screenshots of travel mode (its dialog's four pages, the refusal of a bundle inside the
vault, the main window's notice during a trip), in English and Russian, light and dark.

Like tools/screenshots.py: offscreen, on throwaway demo vaults of fictional data in a
temporary folder, with its own settings. Output: `screenshots/travel-<lang>-<scheme>-NN-
<screen>.png` (or the folder given). The dialog is shown at its own size and the window at
1366×768 (`--size`), a laptop's screen.
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
_TMP = Path(tempfile.mkdtemp(prefix="satchel-screenshots-travel-"))
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
):
    (_TMP / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_TMP / _sub)
os.environ.pop("SATCHEL_VAULT", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from satchel import i18n  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.crypto.kdf import KdfParams  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.common import theme  # noqa: E402
from satchel.gui.main_window import MainWindow  # noqa: E402
from satchel.gui.travel.dialog import TravelDialog  # noqa: E402
from satchel.sample.demo import fill_demo  # noqa: E402

PASSPHRASE = "screenshot demo passphrase 7"  # noqa: S105 (a throwaway demo vault)
_FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("out", nargs="?", type=Path, default=ROOT / "screenshots")
    args.add_argument("--size", default="1366x768", help="the main window's size")
    opts = args.parse_args(argv[1:])
    width, _x, height = opts.size.partition("x")
    out: Path = opts.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    taken: list[Path] = []
    try:
        for language in ("en", "ru"):
            for scheme in (theme.Scheme.LIGHT, theme.Scheme.DARK):
                i18n.install_translations(language)
                theme.apply_theme(app, scheme)
                prefix = f"travel-{language}-{scheme.value}"
                n = 0

                def shoot(widget: QWidget, name: str, prefix: str = prefix) -> None:
                    nonlocal n
                    _settle(app)
                    n += 1
                    path = out / f"{prefix}-{n:02d}-{name}.png"
                    widget.grab().save(str(path))
                    taken.append(path)

                folder = _TMP / prefix / "vault"
                vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=_FAST)
                fill_demo(vault, cases=8, seed=7, documents=False)
                window = MainWindow(vault, folder)
                window.resize(int(width), int(height))
                window.show()
                dialog = TravelDialog(vault, window)
                dialog.show()
                first = dialog.cases.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole)
                dialog.set_carried({first})
                dialog.passphrase.setText(PASSPHRASE)
                dialog.set_bundle_path(folder / "left.satchel")
                dialog.review()
                shoot(dialog, "refused-inside-vault")
                dialog.set_bundle_path(_TMP / prefix / "left-behind.satchel")
                dialog.choice_status.clear()
                shoot(dialog, "choice")
                dialog.review()
                shoot(dialog, "summary")
                dialog.start()
                dialog._show_steps(2)  # the look of the steps under way
                shoot(dialog, "steps")
                deadline = time.monotonic() + 120
                while dialog.pages.currentIndex() != 3 and time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.02)
                shoot(dialog, "new-recovery-code")
                dialog.written_down.setChecked(True)
                dialog.finish()
                window.update_travel_notice()
                window.cases_page.refresh()
                window._update_status()
                shoot(window, "window-during-trip")
                window.close_without_lock()
                window.deleteLater()
                vault.close()
                _settle(app)
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)
    print(f"{len(taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
