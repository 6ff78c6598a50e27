"""Take PNGs of computed deadlines in the event form and the agenda, English and Russian.

Offscreen, on a throwaway vault of fictional data in a temporary folder, at 1366x768 (a
common laptop screen). A person looks at these: the rollover note ("Sat 12 Dec → Mon
14 Dec, weekend"), the rule and its source, nothing clipped or untranslated. Output:
`<out>/<lang>-deadline-form.png`, `<out>/<lang>-deadline-agenda.png` (default out:
screenshots/ in the checkout).

    python tools/screenshots_deadlines.py [OUT]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument(
        "out", nargs="?", type=Path, default=ROOT / "screenshots", help="folder for the PNGs"
    )
    return parser.parse_args(argv)


# Before anything is created: `--help` prints help and leaves nothing behind.
ARGS = _arguments(sys.argv[1:]) if __name__ == "__main__" else None
_TMP = Path(tempfile.mkdtemp(prefix="satchel-deadline-shots-"))
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
    (_TMP / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_TMP / _sub)
os.environ.pop("SATCHEL_VAULT", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from satchel import i18n  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.chronology.agenda import AgendaPage  # noqa: E402
from satchel.gui.chronology.event_dialog import EventDialog  # noqa: E402

SIZE = (1366, 768)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(args: argparse.Namespace) -> int:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    vault, _code = Vault.create(_TMP / "vault", "deadline screenshots passphrase 7")
    try:
        case = vault.cases.create("Extradition of Timur Aliev (fictional)", jurisdiction="Russia")
        decision = vault.events.create(
            case.id, "Extradition found admissible", "decision", date="2026-11-27"
        )
        appeal = vault.events.create_deadline(
            case.id, "Appeal against the extradition decision", computed_from=decision.id,
            offset_days=15, lead_days=3,
        )  # fmt: skip
        ruling = vault.events.create(case.id, "Detention extended", "decision", date="2026-12-22")
        vault.events.create_deadline(
            case.id, "Complaint against the extension", computed_from=ruling.id, offset_days=10
        )
        vault.events.create(case.id, "Hearing on the appeal", "hearing", date="2026-12-17")
        today = date(2026, 12, 3)
        for language in ("en", "ru"):
            i18n.install_translations(language)
            dialog = EventDialog(vault, case.id, appeal.id)
            dialog.resize(*SIZE)
            dialog.show()
            _settle(app)
            # The deadline part sits at the bottom of the form: show it.
            dialog.deadline_box.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(
                dialog.rule_source_label
            )
            _settle(app)
            dialog.grab().save(str(out / f"{language}-deadline-form.png"))
            dialog.clear()
            page = AgendaPage(vault, today=lambda: today)
            page.set_weeks(6)
            page.resize(*SIZE)
            page.show()
            _settle(app)
            page.grab().save(str(out / f"{language}-deadline-agenda.png"))
            page.clear()
            page.deleteLater()
            _settle(app)
    finally:
        vault.close()
        shutil.rmtree(_TMP, ignore_errors=True)
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    assert ARGS is not None
    sys.exit(main(ARGS))
