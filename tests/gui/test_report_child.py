"""The chronology report is laid out in a child process, so the window never stalls on it
(issue 12, item 1 "While busy" and item 5).

In a worker thread Qt's layout kept Python's GIL: a 1,000-event report starved the GUI
thread for seconds and no shortcut or `satchel lock` answered. Laid out in a child process,
the window keeps its event loop; Cancel or a lock kills the child; the PDF is the same.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from timeline_case import NOW, build_case

from satchel.core.dates import FuzzyDate
from satchel.core.vault import Vault
from satchel.gui.common.report_actions import export_chronology_pdf, print_pdf_pages
from satchel.report import out_of_process
from satchel.report.chronology import ReportOptions, load_report_data, render_chronology_pdf
from satchel.report.out_of_process import ChildRender
from satchel.report.render_child import CHILD_ARGUMENT

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def _events(vault: Vault, n: int) -> str:
    case = vault.cases.create("Extradition of F. Fictional")
    with vault.transaction():
        for i in range(n):
            vault.events.create(
                case.id,
                f"Letter number {i:05d} from the prosecutor's office",
                date=FuzzyDate.parse(
                    f"{2000 + i // 336:04d}-{i // 28 % 12 + 1:02d}-{i % 28 + 1:02d}"
                ),
                description="The request was repeated; the court has not answered yet.",
                source="Case file, vol. 3",
            )
    return case.id


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _gone(pid: int | None) -> bool:
    assert pid is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_window_keeps_its_event_loop_while_a_2000_event_report_is_laid_out(
    qtbot, vault, tmp_path
):
    """A 5 ms timer on the GUI thread keeps ticking while a 2,000-event report is laid out
    (its rows built, then the whole document paginated), until the user presses Cancel:
    the child is killed at once and no file is left. Laid out in a worker thread, the same
    report stopped the timer for 6.4 s at a stretch on a loaded 2-core machine; the bound is
    far from both, so load cannot make it pass or fail.

    (Cancelled after the first pagination, where the worker thread's stall was, to spare
    CI the minutes the rest takes; bench/bench_report.py measures whole reports.)"""
    case_id = _events(vault, 2000)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    out = tmp_path / "out"
    out.mkdir()
    started = time.perf_counter()
    run = export_chronology_pdf(None, vault, case_id, path=str(out / "r.pdf"), confirm=False)
    assert run is not None
    cancelled: list[float] = []

    def cancel_once_paginated(_d: int, _t: int) -> None:
        phase, done, _total = run.phases[-1] if run.phases else ("", 0, 0)
        if not cancelled and phase == "measure" and done >= 100 and run.dialog is not None:
            cancelled.append(time.perf_counter())
            run.dialog.findChild(QPushButton).click()  # the user presses Cancel

    run.job.progress.connect(cancel_once_paginated)
    qtbot.waitUntil(lambda: run.finished, timeout=300_000)
    timer.stop()
    assert cancelled and run.result is None
    assert {"layout", "measure"} <= {p for p, _d, _t in run.phases}
    moments = [started, *(t for t in ticks if t <= cancelled[0])]
    longest = max(b - a for a, b in itertools.pairwise(moments))
    assert len(moments) > 20
    assert longest < 2.0, f"the GUI thread stalled for {longest:.1f} s"
    # Cancel killed the child: it is gone, it left nothing, and no PDF was written.
    assert run.child.killed and _gone(run.child.pid) and run.child.left_behind == []
    assert sorted(p.name for p in out.iterdir()) == []


def test_the_childs_pdf_is_the_report_made_in_process(qapp, vault, tmp_path):
    """Same words, same order, same pages: the child renders what the client rendered."""
    demo = build_case(vault)
    data = load_report_data(vault, demo.case_id)
    for options in (
        ReportOptions(language="en"),
        ReportOptions(language="ru", for_filing=True, exhibits=True),
    ):
        child = ChildRender()
        from_child = child.render(data, options, generated=NOW)
        in_process = render_chronology_pdf(data, options=options, generated=NOW)
        assert _text(from_child, tmp_path, "child.pdf") == _text(in_process, tmp_path, "in.pdf")
        # The child wrote nothing in the private folder it was given (no cache, no settings).
        assert child.left_behind == []


def test_the_frozen_programs_hidden_argument_runs_the_child(qapp, vault, tmp_path, monkeypatch):
    """The frozen build starts itself with `CHILD_ARGUMENT`; `satchel.__main__` hands that
    to the child (here through `python -m satchel`, the same entry point)."""
    demo = build_case(vault)
    monkeypatch.setattr(
        out_of_process, "child_command", lambda: [sys.executable, "-m", "satchel", CHILD_ARGUMENT]
    )
    seen: list[str] = []
    pdf = ChildRender().render(
        load_report_data(vault, demo.case_id),
        ReportOptions(language="en"),
        generated=NOW,
        progress=lambda phase, _d, _t: seen.append(phase),
    )
    assert "Lived in Almaty" in _text(pdf, tmp_path, "frozen.pdf")
    assert {"layout", "measure", "pages"} <= set(seen)


def test_printing_on_paper_paints_every_page_of_the_childs_pdf(qapp, vault, tmp_path):
    """A printer that is not a PDF file gets the pages as images, one page at a time; a
    QPrinter writing a PDF stands in for one here, through the same painting code."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    case_id = _events(vault, 30)
    pdf = ChildRender().render(
        load_report_data(vault, case_id), ReportOptions(language="en"), generated=NOW
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    printer.setResolution(150)
    seen: list[tuple[int, int]] = []
    printed = print_pdf_pages(pdf, printer, lambda _p, d, t: seen.append((d, t)))
    del printer  # the file is finished when the printer goes
    pages = len(pdfium.PdfDocument(pdf))
    assert pages > 1 and printed == pages and seen[-1] == (pages, pages)
    assert len(pdfium.PdfDocument(tmp_path / "paper.pdf")) == pages
