"""Timeline benchmark: time to open, and frame times while zooming and panning, offscreen.

Prints, for the largest case (10,000 events, built once and cached in bench/out/) and for
the all-cases timeline of the benchmark vault (SATCHEL_BENCH_VAULT from bench/run.py, else
a 1,000-case / 100,000-event vault built once; a 200-case one with --quick):

- open: the first frame (the timeline draws the first chunk of events at once), then
  every event loaded and drawn, with the core's read timed on its own (target ≤ 300 ms
  for 10,000 events);
- frames: median and p95 of zoom or pan step plus a full repaint into a QImage, over a
  sweep that zooms from the whole range down to hours and pans across the whole range at
  several scales (target p95 ≤ 16 ms).

Figures only; nothing is asserted.

    python bench/bench_timeline.py [--quick] [--frames N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_vault import PASSPHRASE, QUICK, VaultSpec, ensure_vault  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from satchel.core.vault import Vault  # noqa: E402
from satchel.gui.timeline.widget import AllCasesTimelinePage, TimelineWidget  # noqa: E402

LARGE_CASE = VaultSpec(cases=1, people_per_case=12, events_per_case=10_000)
ALL_CASES = VaultSpec(cases=1_000, people_per_case=10, events_per_case=100)
SIZE = (1400, 800)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True, slots=True)
class Opened:
    """How long a timeline took to open."""

    first: float  # to the first frame (the first chunk of events)
    drawn: float  # until every event is read and drawn
    drawn_cpu: float  # the same in this process's CPU time
    read: float  # of `drawn`, the core's reading of the events
    events: int


def _open(
    make: type[TimelineWidget], vault: Vault, case_id: str | None
) -> tuple[TimelineWidget, Opened]:
    """Open a timeline as the client does, to its first frame and to the last event.

    The core's read is timed by wrapping `vault.events.list` and `iter_all` for the
    duration of the open.
    """
    store = vault.events
    original = store.list
    spent: list[float] = []

    def timed_list(*args: object, **kwargs: object) -> list[object]:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent.append(time.perf_counter() - start)

    original_iter = store.iter_all

    def timed_iter(*args: object, **kwargs: object) -> Iterator[object]:
        inner = original_iter(*args, **kwargs)  # type: ignore[arg-type]
        while True:
            start = time.perf_counter()
            try:
                item = next(inner)
            except StopIteration:
                return
            finally:
                spent.append(time.perf_counter() - start)
            yield item

    store.list = timed_list  # type: ignore[method-assign]
    store.iter_all = timed_iter  # type: ignore[method-assign]
    app = QApplication.instance()
    assert app is not None
    try:
        start, start_cpu = time.perf_counter(), time.process_time()
        widget = make(vault, case_id) if make is TimelineWidget else make(vault)
        widget.resize(*SIZE)
        widget.show()
        image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
        widget.render(image)
        first = time.perf_counter() - start
        # The rest arrives in chunks between turns of the event loop.
        while widget.loading():
            app.processEvents()
        widget.render(image)
        drawn = time.perf_counter() - start
        drawn_cpu = time.process_time() - start_cpu
    finally:
        store.list = original  # type: ignore[method-assign]
        store.iter_all = original_iter  # type: ignore[method-assign]
    return widget, Opened(first, drawn, drawn_cpu, sum(spent), len(widget.visible_items()))


def _frames(widget: TimelineWidget, steps: int) -> tuple[list[float], list[float]]:
    """Zoom in from the whole range to hours, pan across at several scales, zoom out.

    Returns wall-clock and CPU times per frame: on a shared machine the wall clock also
    counts the time spent waiting for a core, the CPU time only this process's work.
    """
    view = widget.view
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    samples: list[float] = []
    cpu: list[float] = []

    def frame(action) -> None:  # type: ignore[no-untyped-def]
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        view.render(image)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)

    view.fit_all()
    lo, hi = view.visible_range()
    width = view.plot_rect().width()
    # Zoom toward several anchors until an hour fills the view.
    for anchor in (0.5, 0.3, 0.7):
        view.fit_all()
        for _ in range(steps):
            if view.seconds_per_pixel() <= 3600 / width:
                break
            frame(lambda a=anchor: view.zoom_by(0.8, view.plot_rect().left() + width * a))
    # Pan across the whole range at a month, a year and a decade per screen.
    for span in (30 * 86400, 365 * 86400, 3650 * 86400):
        view.set_visible_range(lo, lo + span)
        step = width / 3
        pans = 0
        while view.visible_range()[1] < hi and pans < steps:
            frame(lambda s=step: view.pan_by(s))
            pans += 1
    for _ in range(steps // 2):
        frame(lambda: view.zoom_by(1.25))
    return samples, cpu


def _report(label: str, opened: Opened, frames: tuple[list[float], list[float]]) -> None:
    print(
        f"timeline {label}: {opened.events:,} events   first frame {_ms(opened.first)}"
        f"   all drawn {_ms(opened.drawn)} = core read {_ms(opened.read)}"
        f" + timeline {_ms(max(0.0, opened.drawn - opened.read))}"
        f"   (CPU {_ms(opened.drawn_cpu)})"
    )
    wall, cpu = frames
    if wall:
        print(
            f"timeline {label}: {len(wall)} frames   median {_ms(statistics.median(wall))}"
            f"   p95 {_ms(_p95(wall))}   worst {_ms(max(wall))}   (CPU: median"
            f" {_ms(statistics.median(cpu))}, p95 {_ms(_p95(cpu))})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 200-case all-cases vault")
    parser.add_argument("--frames", type=int, default=60, help="steps per sweep (default 60)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(["bench"])

    folder = ensure_vault(LARGE_CASE)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        case = vault.cases.list(limit=1)[0]
        widget, opened = _open(TimelineWidget, vault, case.id)
        _report("largest case", opened, _frames(widget, args.frames))
        widget.close()
        widget.deleteLater()
        app.processEvents()

    env_vault = os.environ.get("SATCHEL_BENCH_VAULT")
    if env_vault:
        folder = Path(env_vault)
        secret = Path(os.environ["SATCHEL_BENCH_PASSPHRASE_FILE"]).read_text().splitlines()[0]
    else:
        folder = ensure_vault(QUICK if args.quick else ALL_CASES)
        secret = PASSPHRASE
    with Vault.unlock(folder, secret) as vault:
        page, opened = _open(AllCasesTimelinePage, vault, None)
        _report("all cases", opened, _frames(page, args.frames))
        page.close()
        page.deleteLater()
        app.processEvents()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"targets: open ≤ 300 ms for 10,000 events; frame p95 ≤ 16 ms "
        f"(load average during the run: {load:.1f} on {os.cpu_count()} cores)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
