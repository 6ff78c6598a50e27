"""Take PNGs of the timeline (three zoom levels), the agenda, the all-cases timeline and a
page of the chronology report, in English and Russian, light and dark.

Runs offscreen on a throwaway demo vault of fictional data (`satchel.sample.demo.fill_demo`)
in a temporary folder with its own settings, so it never touches the user's vaults or
settings. Output: `screenshots/timeline-<lang>-<scheme>-<NN>-<screen>.png` in the checkout (or
the folder given as the first argument). The report page needs `pdftoppm`
(poppler-utils); without it that one picture is skipped with a note.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TMP = Path(tempfile.mkdtemp(prefix="satchel-timeline-shots-"))
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

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from satchel import i18n  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.chronology.agenda import AgendaPage  # noqa: E402
from satchel.gui.common import theme  # noqa: E402
from satchel.gui.timeline.layout import LaneMode, Shape  # noqa: E402
from satchel.gui.timeline.widget import TimelineWidget  # noqa: E402
from satchel.report.chronology import load_report_data, render_chronology_pdf  # noqa: E402
from satchel.sample.demo import fill_demo  # noqa: E402

PASSPHRASE = "timeline screenshot passphrase 3"  # noqa: S105 (a throwaway demo vault)
WINDOW = (1280, 760)
TODAY = date.today()


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _richest_case(vault: Vault) -> str:
    return max(vault.cases.list(), key=lambda c: vault.events.count(case_id=c.id)).id


def _ts(d: date) -> float:
    return datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()


def shoot_round(
    app: QApplication, vault: Vault, out: Path, language: str, scheme: theme.Scheme
) -> list[Path]:
    i18n.install_translations(language)
    theme.apply_theme(app, scheme)
    prefix = f"timeline-{language}-{scheme.value}"
    taken: list[Path] = []

    def shoot(widget: QWidget, name: str) -> None:
        _settle(app)
        path = out / f"{prefix}-{len(taken) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        taken.append(path)

    case_id = _richest_case(vault)
    timeline = TimelineWidget(vault, case_id)
    timeline.resize(*WINDOW)
    timeline.show()
    _settle(app)
    timeline.view.fit_all()
    shoot(timeline, "fit-all")
    # The busiest months of the case: the weeks around its first deadline.
    items = [it for it in timeline.visible_items() if it.dated]
    deadlines = [it for it in items if it.urgency is not None] or items
    centre = deadlines[0].lo
    timeline.view.set_visible_range(centre - 70 * 86400, centre + 50 * 86400)
    shoot(timeline, "months")
    exact = [it for it in items if it.shape is Shape.EXACT]
    day = exact[0].lo if exact else centre
    timeline.view.set_visible_range(day - 10 * 3600, day + 14 * 3600)
    shoot(timeline, "hours")
    timeline.view.fit_all()
    timeline.set_lane_mode(LaneMode.BY_PERSON)
    shoot(timeline, "by-person")
    timeline.close()
    timeline.deleteLater()

    agenda = AgendaPage(vault)
    agenda.resize(*WINDOW)
    agenda.set_weeks(6)
    agenda.show()
    shoot(agenda, "agenda")
    page = agenda.show_timeline()
    if page is not None:
        page.view.set_visible_range(
            _ts(TODAY - timedelta(days=400)), _ts(TODAY + timedelta(days=60))
        )
        shoot(agenda, "all-cases")
    agenda.close()
    agenda.deleteLater()

    pdftoppm = shutil.which("pdftoppm")
    if scheme is theme.Scheme.DARK:
        return taken  # the report is paper: one picture per language is enough
    if pdftoppm is None:
        print("note: pdftoppm (poppler-utils) not found; no picture of the report", file=sys.stderr)
        return taken
    pdf = _TMP / f"report-{language}.pdf"
    pdf.write_bytes(render_chronology_pdf(load_report_data(vault, case_id)))
    page = out / f"{prefix}-{len(taken) + 1:02d}-report-page"
    subprocess.run(  # noqa: S603 (fixed tool, our own files)
        [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(page)],
        check=True,
    )
    taken.append(page.with_suffix(".png"))
    return taken


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    vault, _code = Vault.create(_TMP / "data" / "Satchel" / "vault", PASSPHRASE)
    taken: list[Path] = []
    try:
        fill_demo(vault, cases=8, seed=7, documents=False)
        for language in ("en", "ru"):
            for scheme in (theme.Scheme.LIGHT, theme.Scheme.DARK):
                taken += shoot_round(app, vault, out, language, scheme)
    finally:
        vault.close()
        shutil.rmtree(_TMP, ignore_errors=True)
    print(f"{len(taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
