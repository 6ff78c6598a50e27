"""The chronology report of a 10,000-event case, made as the client makes it: the case read
in a worker, laid out and painted in a child process.

Builds a throw-away vault (test KDF) with one case of N events (10,000; 1,000 with
--quick), then saves its report through `export_chronology_pdf` (no dialogs) and prints:

- total: from the start to the file written;
- pages: how many the PDF has;
- longest GUI-thread stall: the longest gap between two ticks of a 5 ms timer on the GUI
  thread while the report runs (the window's responsiveness; laid out in a worker thread,
  which kept the GIL through Qt's layout, this was 3.5 s for 1,000 events);
- cancel: from Cancel to the child process gone (killed and reaped) and the job ended, as
  a lock waits for it (a second run, cancelled when half the rows are laid out);
- printing on paper: the PDF's first 20 pages rasterised and painted on a printer in a
  worker (a printer writing a PDF stands in for paper): total and longest stall;
- a Russian report from an English interface: total, and the interface's language after.

Figures only; nothing is asserted. Measured on the shared 2-core machine (load average
7-12), before (laid out in a worker thread) and after (in a child process):

    1,000 events   longest GUI-thread stall  3,470 ms before,   54 ms after
                   total                       15.5 s before, 23.5 s after (load 4 → 7)
                   Cancel → child gone, job ended          38 ms
    10,000 events  longest GUI-thread stall  (~213 s before, as issue 12 reports),
                   411 ms after, in the child's pagination, while the parent only reads
                   its progress lines (the machine's scheduling at load 12)
                   total 316 s; Cancel → child gone, job ended 46 ms

    python bench/bench_report.py [--quick] [--events N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from satchel import i18n  # noqa: E402
from satchel.core.dates import FuzzyDate  # noqa: E402
from satchel.core.vault import Vault  # noqa: E402
from satchel.crypto.kdf import KdfParams  # noqa: E402
from satchel.gui.common.report_actions import (  # noqa: E402
    ReportRun,
    export_chronology_pdf,
    print_pdf_pages,
)
from satchel.gui.common.workers import run_job  # noqa: E402
from satchel.report.chronology import ReportOptions  # noqa: E402

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # a throw-away vault


class StallMeter:
    """The longest gap between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.where = "before the first progress"  # what the report was doing at the longest
        self.run: ReportRun | None = None
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self._last > self.longest:
            self.longest = now - self._last
            phases = self.run.phases if self.run is not None else []
            self.where = (
                "after " + " ".join(map(str, phases[-1])) if phases else "before any progress"
            )
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.longest


def _run(app: QApplication, run: ReportRun | None) -> None:
    assert run is not None
    while not run.finished:
        app.processEvents()
        time.sleep(0.001)


def fill(vault: Vault, n: int) -> str:
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


def _print_on_paper(app: QApplication, pdf: bytes, out: Path) -> None:
    """The paper path of printing: the report's first 20 pages rasterised and painted on a
    printer (one writing a PDF stands in), in a worker as the client does."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setFromTo(1, 20)
    meter = StallMeter()
    started = time.perf_counter()
    job = run_job(lambda _ctx: print_pdf_pages(pdf, printer))
    while not job.is_finished:
        app.processEvents()
        time.sleep(0.001)
    total = time.perf_counter() - started
    stall = meter.stop()
    print(f"  printing 20 pages on paper  {total:8.1f} s   (longest GUI-thread stall"
          f" {stall * 1000:.1f} ms)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 events instead of 10,000")
    parser.add_argument("--events", type=int, default=None)
    args = parser.parse_args()
    n = args.events or (1_000 if args.quick else 10_000)
    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install_translations("en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vault, _code = Vault.create(
            folder / "vault", "bench passphrase for reports", kdf_params=FAST
        )
        with vault:
            started = time.perf_counter()
            case_id = fill(vault, n)
            print(f"report of {n:,} events (vault filled in {time.perf_counter() - started:.1f} s)")

            meter = StallMeter()
            started = time.perf_counter()
            run = export_chronology_pdf(
                None, vault, case_id, path=str(folder / "en.pdf"), confirm=False
            )
            meter.run = run
            _run(app, run)
            total = time.perf_counter() - started
            stall = meter.stop()
            pages = max((t for p, _d, t in run.phases if p == "pages"), default=0)  # type: ignore[union-attr]
            print(f"  total                       {total:8.1f} s   ({pages} pages)")
            print(f"  longest GUI-thread stall    {stall * 1000:8.1f} ms   ({meter.where})")

            _print_on_paper(app, (folder / "en.pdf").read_bytes(), folder / "paper.pdf")

            cancelled: list[float] = []
            gone: list[bool] = []
            run = export_chronology_pdf(
                None, vault, case_id, path=str(folder / "cancelled.pdf"), confirm=False
            )
            assert run is not None
            half = n // 2

            def cancel_at_half(_d: int, _t: int) -> None:
                phases = run.phases
                if not cancelled and phases and phases[-1][0] == "layout" and phases[-1][1] >= half:
                    cancelled.append(time.perf_counter())
                    run.cancel()  # kills the child
                    run.job._ctx.ended.wait(30)  # as the lock waits (cancel_all_jobs)
                    cancelled.append(time.perf_counter())
                    pid = run.child.pid
                    gone.append(pid is not None and not Path(f"/proc/{pid}").exists())

            run.job.progress.connect(cancel_at_half)
            _run(app, run)
            if len(cancelled) == 2:
                print(
                    f"  cancel → child gone, job ended"
                    f" {(cancelled[1] - cancelled[0]) * 1000:5.1f} ms"
                    f"   (file written: {(folder / 'cancelled.pdf').exists()},"
                    f" child process left: {not all(gone)})"
                )

            started = time.perf_counter()
            run = export_chronology_pdf(
                None,
                vault,
                case_id,
                path=str(folder / "ru.pdf"),
                confirm=False,
                options=ReportOptions(language="ru"),
            )
            _run(app, run)
            print(
                f"  Russian report, English UI  {time.perf_counter() - started:8.1f} s"
                f"   (interface after: {i18n.current_language()})"
            )


if __name__ == "__main__":
    main()
