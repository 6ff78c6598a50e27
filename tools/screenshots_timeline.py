"""Take PNGs of the timeline (three zoom levels, bands, lanes by proceeding), the agenda, the
all-cases timeline and a page of the chronology report, in English and Russian, light and
dark, at 1366x768 (a common laptop screen).

Runs offscreen on a throwaway demo vault of fictional data (`satchel.sample.demo.fill_demo`,
plus one invented case with two proceedings and periods in detention) in a temporary folder
with its own settings, so it never touches the user's vaults or settings. Output:
`screenshots/timeline-<lang>-<scheme>-<NN>-<screen>.png` in the checkout (or the folder
given). The report page needs `pdftoppm` (poppler-utils); without it that one picture is
skipped with a note.

    python tools/screenshots_timeline.py [OUT] [--cases N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument(
        "out", nargs="?", type=Path, default=ROOT / "screenshots", help="folder for the PNGs"
    )
    parser.add_argument("--cases", type=int, default=8, help="demo cases (default 8)")
    return parser.parse_args(argv)


# Before anything is created: `--help` prints help and leaves nothing behind.
ARGS = _arguments(sys.argv[1:]) if __name__ == "__main__" else None
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
from satchel.core.dates import FuzzyDate  # noqa: E402
from satchel.core.model import EventType, PersonName, Reference, RoleKind  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.chronology.agenda import AgendaPage  # noqa: E402
from satchel.gui.common import theme  # noqa: E402
from satchel.gui.timeline.layout import LaneMode, Shape  # noqa: E402
from satchel.gui.timeline.widget import AllCasesTimelinePage, TimelineWidget  # noqa: E402
from satchel.report.chronology import load_report_data, render_chronology_pdf  # noqa: E402
from satchel.sample.demo import fill_demo  # noqa: E402

PASSPHRASE = "timeline screenshot passphrase 3"  # noqa: S105 (a throwaway demo vault)
WINDOW = (1366, 768)
TODAY = date.today()


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _wait_loaded(app: QApplication, widget: TimelineWidget) -> None:
    while widget.loading():
        app.processEvents()
    _settle(app)


def two_proceedings_case(vault: Vault) -> str:
    """An invented case with two proceedings (the criminal case at home, the extradition
    abroad) and an asylum claim, two periods of detention and the deadlines that follow."""
    case = vault.cases.create(
        "Extradition of Ruslan Tagirov",
        case_type="extradition",
        references=(
            Reference("Criminal case", "No. 12201450001000123"),
            Reference("Extradition file", "EX-2024/117"),
        ),
    )
    client = vault.people.create(
        names=(
            PersonName("Руслан Тагиров", primary=True),
            PersonName("Ruslan Tagirov", source="passport"),
        )
    )
    vault.roles.create(case.id, client.id, RoleKind.CLIENT)
    home = "Criminal case No. 12201450001000123 (Russia)"
    abroad = "Extradition proceedings (Armenia)"
    asylum = "Asylum claim"
    ev = vault.events

    def add(title: str, when: str, kind: EventType, proceeding: str, **kw: object) -> str:
        return ev.create(
            case.id,
            title,
            kind,
            date=FuzzyDate.parse(when),
            proceeding=proceeding,
            person_ids=(client.id,),
            **kw,
        ).id

    add("Criminal case opened", "2023-11-02", EventType.CRIMINAL_CASE_OPENED, home)
    add("Charged in absentia", "2023-12-15", EventType.DECISION, home)
    add(
        "Arrest in absentia ordered",
        "2024-01-20",
        EventType.ARREST_IN_ABSENTIA,
        home,
        key_fact=True,
    )
    add("Put on the wanted list", "2024-02-05", EventType.WANTED_NOTICE, home)
    add("Interpol notice requested", "~2024-03", EventType.COMMUNICATION, home)
    add("Detained at the airport", "2024-06-14T07:40+04:00", EventType.ARREST, abroad)
    add("In detention pending extradition", "2024-06-14/2024-12-10", EventType.DETENTION, abroad)
    add("Extradition request received", "2024-07-02", EventType.EXTRADITION_REQUEST, abroad)
    add("Asylum application filed", "2024-07-10", EventType.ASYLUM_APPLICATION, asylum)
    add("Extradition hearing", "2024-09-18..2024-09-19", EventType.HEARING, abroad)
    decision = add("Court allows extradition", "2024-11-05", EventType.DECISION, abroad)
    ev.create_deadline(
        case.id, "Appeal against extradition", computed_from=decision, offset_days=15,
        proceeding=abroad,
    )  # fmt: skip
    add("Released on appeal", "2024-12-10", EventType.RELEASE, abroad)
    add("Under house arrest", "2024-12-10/2025-06-30", EventType.DETENTION, abroad)
    add("Asylum interview", "2025-02-20", EventType.MEETING, asylum)
    refusal = add("Asylum refused", "2025-05-15", EventType.DECISION, asylum, key_fact=True)
    ev.create_deadline(
        case.id, "Appeal against the refusal", computed_from=refusal, offset_days=1,
        unit="months", proceeding=asylum,
    )  # fmt: skip
    return case.id


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
    proceedings = next(c.id for c in vault.cases.list() if c.title.startswith("Extradition of R"))
    timeline = TimelineWidget(vault, proceedings)
    timeline.resize(*WINDOW)
    timeline.show()
    _wait_loaded(app, timeline)
    timeline.view.fit_all()
    shoot(timeline, "bands")
    timeline.set_lane_mode(LaneMode.BY_PROCEEDING)
    shoot(timeline, "by-proceeding")
    timeline.close()
    timeline.deleteLater()

    page = AllCasesTimelinePage(vault)
    page.resize(*WINDOW)
    page.show()
    _wait_loaded(app, page)
    page.view.fit_all()
    shoot(page, "all-cases-fit")
    page.close()
    page.deleteLater()

    timeline = TimelineWidget(vault, case_id)
    timeline.resize(*WINDOW)
    timeline.show()
    _wait_loaded(app, timeline)
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
    shown = agenda.show_timeline()
    if shown is not None:
        _wait_loaded(app, shown)
        shown.view.set_visible_range(
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
    report = out / f"{prefix}-{len(taken) + 1:02d}-report-page"
    subprocess.run(  # noqa: S603 (fixed tool, our own files)
        [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(report)],
        check=True,
    )
    taken.append(report.with_suffix(".png"))
    return taken


def main(args: argparse.Namespace) -> int:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    vault, _code = Vault.create(_TMP / "data" / "Satchel" / "vault", PASSPHRASE)
    taken: list[Path] = []
    try:
        fill_demo(vault, cases=args.cases, seed=7, documents=False)
        two_proceedings_case(vault)
        for language in ("en", "ru"):
            for scheme in (theme.Scheme.LIGHT, theme.Scheme.DARK):
                taken += shoot_round(app, vault, out, language, scheme)
    finally:
        vault.close()
        shutil.rmtree(_TMP, ignore_errors=True)
    print(f"{len(taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    assert ARGS is not None
    sys.exit(main(ARGS))
