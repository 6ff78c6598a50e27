"""Timeline benchmark: opening (with the longest event-loop stall), and frame times, offscreen.

Prints, for the largest case (10,000 events, built once and cached in bench/out/) and for
the all-cases timeline of the benchmark vault (SATCHEL_BENCH_VAULT from bench/run.py, else
the 2,000-case / 200,000-event vault built once; a 200-case one with --quick):

- open: the timeline is opened from inside a running event loop, as a click would, while a
  probe timer on the GUI thread records the longest gap between its ticks: the longest
  any input would have waited (target ≤ 50 ms); then the first frame that shows events
  (target ≤ 300 ms), and every event read and drawn (target ≤ 150 ms for 10,000 events),
  in wall-clock and in CPU time (all threads: the work, whatever thread does it);
- frames: median and p95 of a zoom or pan step plus a full repaint into a QImage, over a
  sweep that zooms from the whole range down to hours and pans across the whole range at
  several scales (target p95 ≤ 8 ms).

With `--compare-with SRC` (a `src/` folder of another checkout, e.g. main's, made with
`git archive main src | tar -x -C /tmp/before`) the same measurements run first on that
code, in a subprocess on the same vaults, then on this one, and the ratios are printed:
on a shared machine absolute figures drift with the load, ratios of one run much less.
Figures only; nothing is asserted.

    python bench/bench_timeline.py [--quick] [--frames N] [--compare-with SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_vault import FULL, PASSPHRASE, QUICK, VaultSpec, ensure_vault  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from satchel.core.vault import Vault  # noqa: E402
from satchel.gui.timeline.widget import AllCasesTimelinePage, TimelineWidget  # noqa: E402

LARGE_CASE = VaultSpec(cases=1, people_per_case=12, events_per_case=10_000)
SIZE = (1400, 800)
PROBE_MS = 5  # the stall probe's tick (finer ticks steal the GIL from the work measured)
GIVE_UP_S = 600.0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True, slots=True)
class Opened:
    """How opening a timeline went."""

    events: int
    first: float  # to the first frame that shows events
    drawn: float  # until every event is read and drawn
    drawn_cpu: float  # the same in this process's CPU time (every thread)
    stall: float  # the longest the event loop did not turn while opening
    stalls_over_50ms: int  # how many times it did not turn for more than 50 ms
    # The most CPU the GUI thread itself spent between two turns: the part of a stall that
    # is work on the GUI thread, not waiting for a core or the GIL on a busy machine.
    busy: float


class StallProbe:
    """A timer on the GUI thread that records the longest gap between its ticks."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._last = 0
        self._last_cpu = 0.0
        self.longest = 0.0
        self.busiest = 0.0
        self.over_50 = 0

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._last_cpu = time.thread_time()
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        cpu = time.thread_time()
        gap = max(0.0, (now - self._last) / 1e9 - PROBE_MS / 1000)
        self.busiest = max(self.busiest, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu
        self.longest = max(self.longest, gap)
        if gap > 0.05:
            self.over_50 += 1

    def stop(self) -> None:
        self._tick()
        self._timer.stop()


def open_timeline(make: Callable[[], TimelineWidget]) -> tuple[TimelineWidget, Opened]:
    """Open a timeline from inside the event loop, as the client does on a click, and
    wait (turning the loop) until every event is drawn."""
    loop = QEventLoop()
    probe = StallProbe()
    holder: list[TimelineWidget] = []
    marks: dict[str, float] = {}
    image: list[QImage] = []
    start = [0.0, 0.0]

    def begin() -> None:
        start[:] = [time.perf_counter(), time.process_time()]
        widget = make()
        widget.resize(*SIZE)
        widget.show()
        holder.append(widget)
        image.append(QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied))

    def check() -> None:
        if not holder:
            return
        widget = holder[0]
        if "first" not in marks and widget.view.lanes:
            widget.render(image[0])
            marks["first"] = time.perf_counter() - start[0]
        if "first" in marks and not widget.loading():
            widget.render(image[0])
            marks["drawn"] = time.perf_counter() - start[0]
            marks["cpu"] = time.process_time() - start[1]
            loop.quit()
        elif time.perf_counter() - start[0] > GIVE_UP_S:
            loop.quit()

    watch = QTimer()
    watch.setInterval(PROBE_MS)
    watch.timeout.connect(check)
    probe.start()
    watch.start()
    QTimer.singleShot(0, begin)
    loop.exec()
    watch.stop()
    probe.stop()
    widget = holder[0]
    return widget, Opened(
        events=len(widget.visible_items()),
        first=marks.get("first", float("nan")),
        drawn=marks.get("drawn", float("nan")),
        drawn_cpu=marks.get("cpu", float("nan")),
        stall=probe.longest,
        stalls_over_50ms=probe.over_50,
        busy=probe.busiest,
    )


def frames(widget: TimelineWidget, steps: int) -> tuple[list[float], list[float]]:
    """Zoom in from the whole range to hours, pan across at several scales, zoom out.

    Returns wall-clock and CPU times per frame: on a shared machine the wall clock also
    counts the time spent waiting for a core, the CPU time only this process's work.
    """
    view = widget.view
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    samples: list[float] = []
    cpu: list[float] = []

    def frame(action: Callable[[], None]) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        view.render(image)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)

    view.fit_all()
    lo, hi = view.visible_range()
    width = view.plot_rect().width()
    for anchor in (0.5, 0.3, 0.7):
        view.fit_all()
        for _ in range(steps):
            if view.seconds_per_pixel() <= 3600 / width:
                break
            frame(lambda a=anchor: view.zoom_by(0.8, view.plot_rect().left() + width * a))  # type: ignore[misc]
    for span in (30 * 86400, 365 * 86400, 3650 * 86400):
        view.set_visible_range(lo, lo + span)
        step = width / 3
        pans = 0
        while view.visible_range()[1] < hi and pans < steps:
            frame(lambda s=step: view.pan_by(s))  # type: ignore[misc]
            pans += 1
    for _ in range(steps // 2):
        frame(lambda: view.zoom_by(1.25))
    return samples, cpu


def measure(quick: bool, steps: int, only: str | None = None) -> dict[str, dict[str, float]]:
    """Every figure of this run, by timeline ("case", "all")."""
    app = QApplication.instance() or QApplication(["bench"])
    out: dict[str, dict[str, float]] = {}
    env_vault = os.environ.get("SATCHEL_BENCH_VAULT")
    if env_vault:
        all_folder = Path(env_vault)
        secret = Path(os.environ["SATCHEL_BENCH_PASSPHRASE_FILE"]).read_text().splitlines()[0]
    else:
        all_folder, secret = ensure_vault(QUICK if quick else FULL), PASSPHRASE
    runs: list[tuple[str, Path, str, Callable[[Vault], TimelineWidget]]] = [
        (
            "case",
            ensure_vault(LARGE_CASE),
            PASSPHRASE,
            lambda v: TimelineWidget(v, v.cases.list(limit=1)[0].id),
        ),
        ("all", all_folder, secret, lambda v: AllCasesTimelinePage(v)),
    ]
    for name, folder, passphrase, make in runs:
        if only is not None and name != only:
            continue
        with Vault.unlock(folder, passphrase) as vault:
            widget, opened = open_timeline(lambda v=vault, m=make: m(v))  # type: ignore[misc]
            wall, cpu = frames(widget, steps)
            out[name] = {
                **asdict(opened),
                "frames": len(wall),
                "frame_median": statistics.median(wall),
                "frame_p95": _p95(wall),
                "frame_cpu_median": statistics.median(cpu),
                "frame_cpu_p95": _p95(cpu),
            }
            widget.close()
            widget.deleteLater()
            app.processEvents()
    return out


LABELS = {"case": "largest case", "all": "all cases"}


def report(figures: dict[str, dict[str, float]], tag: str = "") -> None:
    for name, f in figures.items():
        label = f"timeline {LABELS[name]}{tag}"
        print(
            f"{label}: {int(f['events']):,} events   longest stall {_ms(f['stall'])}"
            f" ({int(f['stalls_over_50ms'])} over 50 ms; GUI thread busy at most"
            f" {_ms(f['busy'])})   first frame {_ms(f['first'])}"
            f"   all drawn {_ms(f['drawn'])} (CPU {_ms(f['drawn_cpu'])})"
        )
        print(
            f"{label}: {int(f['frames'])} frames   median {_ms(f['frame_median'])}"
            f"   p95 {_ms(f['frame_p95'])}   (CPU: median {_ms(f['frame_cpu_median'])},"
            f" p95 {_ms(f['frame_cpu_p95'])})"
        )


def compare(before: dict[str, dict[str, float]], after: dict[str, dict[str, float]]) -> None:
    keys = ("stall", "busy", "first", "drawn", "drawn_cpu", "frame_p95", "frame_cpu_p95")
    for name in after:
        if name not in before:
            continue
        ratios = "   ".join(
            f"{k} ×{after[name][k] / before[name][k]:.2f}" for k in keys if before[name][k] > 0
        )
        print(f"timeline {LABELS[name]}: after/before   {ratios}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 200-case all-cases vault")
    parser.add_argument("--frames", type=int, default=60, help="steps per sweep (default 60)")
    parser.add_argument(
        "--compare-with",
        metavar="SRC",
        type=Path,
        help="also measure the code in SRC (a src/ folder) first, and print the ratios",
    )
    parser.add_argument(
        "--only", choices=sorted(LABELS), help="only the largest case, or only all cases"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    before: dict[str, dict[str, float]] | None = None
    if args.compare_with is not None:
        command = [sys.executable, __file__, "--json", "--frames", str(args.frames)]
        if args.quick:
            command.append("--quick")
        if args.only:
            command += ["--only", args.only]
        env = {**os.environ, "PYTHONPATH": str(args.compare_with.resolve())}
        # Each side opens the vaults of its own schema (make_vault migrates a copy).
        env.pop("SATCHEL_BENCH_VAULT", None)
        proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode != 0 or not lines:
            print(f"the code in {args.compare_with} failed:\n{proc.stderr[-2000:]}")
            return 1
        before = json.loads(lines[-1])
        report(before, " (before)")
    if before is not None:
        os.environ.pop("SATCHEL_BENCH_VAULT", None)
    after = measure(args.quick, args.frames, args.only)
    if args.json:
        print(json.dumps(after))
        return 0
    report(after, " (after)" if before is not None else "")
    if before is not None:
        compare(before, after)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        "targets: longest stall ≤ 50 ms, first frame ≤ 300 ms, 10,000 events drawn ≤ 150 ms,"
        f" frame p95 ≤ 8 ms (load average {load:.1f} on {os.cpu_count()} cores)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
