"""The chronology report is laid out in a worker: progress, Cancel, its own language, and a
lock that stops it (issue 12 item 5).

A lawyer who saves a 10,000-event chronology must still be able to lock at once, and the
window must keep its language while a report in another one is made.
"""

# The fixtures `session` and `demo_folder` come from test_lock_anywhere (one demo session).
# ruff: noqa: F811

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton
from test_lock_anywhere import _case, _vault, demo_folder, session  # noqa: F401

from satchel import i18n
from satchel.core.dates import FuzzyDate
from satchel.core.vault import Vault
from satchel.gui.app import Session
from satchel.gui.common.report_actions import ReportRun, export_chronology_pdf
from satchel.report.chronology import ReportOptions

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def _case_with_events(vault: Vault, n: int) -> str:
    case = vault.cases.create("Extradition of F. Fictional")
    for i in range(n):
        vault.events.create(
            case.id,
            f"Letter number {i:03d}",
            date=FuzzyDate.parse(f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}"),
            description="The prosecutor's office wrote again about the request.",
        )
    return case.id


def _wait(qtbot, run: ReportRun | None) -> object:  # type: ignore[no-untyped-def]
    assert run is not None
    qtbot.waitUntil(lambda: run.finished, timeout=60000)
    return run.result


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_progress_names_rows_and_pages(qtbot, vault, tmp_path):
    case_id = _case_with_events(vault, 120)
    out = tmp_path / "out"
    out.mkdir()
    run = export_chronology_pdf(None, vault, case_id, path=str(out / "report.pdf"), confirm=False)
    assert run is not None and run.dialog is not None and run.dialog.isVisible()
    assert _wait(qtbot, run) == out / "report.pdf"
    phases = {p for p, _done, _total in run.phases}
    assert {"layout", "pages"} <= phases
    rows = [t for p, _d, t in run.phases if p == "layout"]
    assert rows and set(rows) == {120}
    pages = [(d, t) for p, d, t in run.phases if p == "pages"]
    assert pages[-1][0] == pages[-1][1] > 1  # the last page was painted
    assert run.dialog is None  # the progress dialog went away


def test_cancel_leaves_no_file(qtbot, vault, tmp_path):
    case_id = _case_with_events(vault, 200)
    out = tmp_path / "out"
    out.mkdir()
    run = export_chronology_pdf(None, vault, case_id, path=str(out / "report.pdf"), confirm=False)
    assert run is not None

    # The user presses Cancel as soon as the first progress shows.
    def press_cancel(_done: int, _total: int) -> None:
        if run.dialog is not None:
            run.dialog.findChild(QPushButton).click()

    run.job.progress.connect(press_cancel)
    assert _wait(qtbot, run) is None
    assert _files(out) == []  # neither the PDF nor a temporary part of it


def test_a_russian_report_leaves_the_interface_in_english(qtbot, vault, tmp_path):
    case_id = _case_with_events(vault, 60)
    out = tmp_path / "ru.pdf"
    seen: list[tuple[str, str]] = []
    run = export_chronology_pdf(
        None, vault, case_id, path=str(out), confirm=False, options=ReportOptions(language="ru")
    )
    assert run is not None
    # While the worker makes the Russian report, the GUI thread's words stay English.
    run.job.progress.connect(
        lambda _d, _t: seen.append(
            (i18n.current_language(), QCoreApplication.translate("Report", "Date"))
        )
    )
    assert _wait(qtbot, run) == out
    assert seen and set(seen) == {("en", "Date")}
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Хронология" in text and "Дата" in text and "Страница 1 из" in text
    assert "Letter number 000" in text  # what the lawyer typed is not translated


def test_a_lock_during_a_report_cancels_it(qtbot, session: Session, tmp_path):
    vault = _vault(session)
    case_id = _case_with_events(vault, 150)
    window = session.main_window
    assert window is not None
    window.open_record("case", case_id)
    out = tmp_path / "out"
    out.mkdir()
    run = export_chronology_pdf(
        window.case_view.chronology, vault, case_id, path=str(out / "r.pdf"), confirm=False
    )
    assert run is not None
    job = run.job
    job.progress.connect(lambda _d, _t: session.lock_controller.lock("shortcut"))
    qtbot.waitUntil(lambda: job.is_finished, timeout=30000)
    assert vault.closed and session.main_window is None
    assert _files(out) == []
    timings = session.lock_controller.last_timings.steps
    assert "work_cancelled" in timings
    # The child process that laid the report out was killed and is gone (reaped).
    assert run.child.killed and run.child.pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(run.child.pid, 0)
    assert run.child.left_behind == []
