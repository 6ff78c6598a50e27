"""Client responsiveness on the benchmark vault (2,000 cases), offscreen.

Prints median and p95 of:

- first paint: building the main window on an unlocked vault and painting it until the
  case list has drawn its first rows (target ≤ 300 ms); key derivation is not included
  (bench_unlock.py measures it), the first, cold build is shown on its own;
- filter keystroke → repaint: one key typed into the case list's filter, the core query,
  the model reset and a synchronous repaint of the list (target ≤ 50 ms);
- search keystroke → results: one key typed into the global search box, the FTS query, the
  grouped results built and painted (target ≤ 100 ms); a pause the search waits for on
  purpose (DEBOUNCE_MS, now 0) would be added and shown on a line of its own;
- cases list, sort by days left / by client → repaint: the core's ordered first page, the
  page's clients and next deadlines read, the list repainted (target ≤ 50 ms);
- chronology of a 10,000-event case (bench/out, the case of bench_timeline.py), at
  1366×768: opening it until the rows in view are wrapped to their whole title and painted
  (target ≤ 1,000 ms; the events are read in a worker), then one page scrolled → rows fitted
  and painted (target ≤ 16 ms), and the longest event-loop stall while it opens.

Queries mix Latin, Cyrillic, reference numbers and prefixes, typed one key at a time. Uses
SATCHEL_BENCH_VAULT from bench/run.py, else builds (once) the vault of bench/make_vault.py.
Figures only; nothing is asserted.

    python bench/bench_gui.py [--quick] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_vault import FULL, PASSPHRASE, QUICK, VaultSpec, ensure_vault  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from satchel.core.vault import Vault  # noqa: E402
from satchel.errors import VaultInUse  # noqa: E402
from satchel.gui.app import configure_application  # noqa: E402
from satchel.gui.cases.page import CasesModel  # noqa: E402
from satchel.gui.chronology.table import ChronologyPanel  # noqa: E402
from satchel.gui.main_window import MainWindow  # noqa: E402
from satchel.gui.search.popup import DEBOUNCE_MS  # noqa: E402

FILTER_QUERIES = ("extradition", "Ярцев", "2-40", "asylum kaz", "Emel", "court")
SEARCH_QUERIES = ("Zhuravleva", "Журавлёва", "Emelianova", "appeal deci", "Тбилиси", "38057")
SIZE = (1280, 800)
LAPTOP = (1366, 768)
LARGE_CASE = VaultSpec(cases=1, people_per_case=12, events_per_case=10_000)


class _PaintSeen(QObject):
    """Notes when a widget has painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _line(name: str, samples: list[float], target: float, extra: str = "") -> None:
    med, p95 = _stats(samples)
    verdict = "ok" if p95 <= target else "OVER"
    print(
        f"  {name:<34} median {med:7.1f} ms   p95 {p95:7.1f} ms   "
        f"target ≤ {target:.0f} ms  [{verdict}]  n={len(samples)}{extra}"
    )


def first_paint(app: QApplication, vault: Vault, path: Path, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        window = MainWindow(vault, path)
        window.resize(*SIZE)
        seen = _PaintSeen()
        window.cases_page.table.viewport().installEventFilter(seen)
        window.show()
        while not seen.painted:
            app.processEvents()
        samples.append(time.perf_counter() - start)
        window.close_without_lock()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return samples


def filter_keystrokes(app: QApplication, window: MainWindow) -> list[float]:
    page = window.cases_page
    edit = page.text_edit
    viewport = page.table.viewport()
    samples = []
    for query in FILTER_QUERIES:
        edit.clear()
        app.processEvents()
        for ch in query:
            start = time.perf_counter()
            edit.insert(ch)  # emits textChanged: the same path as a typed key
            viewport.repaint()
            samples.append(time.perf_counter() - start)
    edit.clear()
    return samples


def search_keystrokes(app: QApplication, window: MainWindow) -> list[float]:
    edit = window.search_edit
    popup = window.search_popup
    samples = []
    for query in SEARCH_QUERIES:
        edit.clear()
        for ch in query:
            start = time.perf_counter()
            edit.insert(ch)
            popup.run_search()  # what the debounce timer runs after the pause
            popup.tree.viewport().repaint()
            samples.append(time.perf_counter() - start)
    popup.dismiss()
    edit.clear()
    return samples


def sort_cases(app: QApplication, window: MainWindow) -> list[float]:
    """Sorting the list by days left, by client and back: each a query and a repaint."""
    table = window.cases_page.table
    samples = []
    for _ in range(3):
        for column, order in (
            (CasesModel.LEFT, Qt.SortOrder.AscendingOrder),
            (CasesModel.CLIENT, Qt.SortOrder.AscendingOrder),
            (CasesModel.LEFT, Qt.SortOrder.DescendingOrder),
            (CasesModel.UPDATED, Qt.SortOrder.DescendingOrder),
        ):
            start = time.perf_counter()
            table.sortByColumn(column, order)
            table.viewport().repaint()
            samples.append(time.perf_counter() - start)
    return samples


class _Stalls(QObject):
    """The longest gap between two ticks of a 1 ms timer: how long input would wait."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()


def open_big_chronology(app: QApplication, rounds: int) -> tuple[list[float], list[float], float]:
    """Open the 10,000-event case's chronology until its rows in view are wrapped and
    painted; then scroll it a page at a time. Returns open times, scroll times, stall."""
    path = ensure_vault(LARGE_CASE, log=False)
    vault = _unlock_when_free(path, PASSPHRASE)
    opens: list[float] = []
    scrolls: list[float] = []
    stall = 0.0
    try:
        case_id = vault.cases.list(limit=1)[0].id
        for _ in range(rounds):
            panel = ChronologyPanel(vault)
            panel.resize(*LAPTOP)
            panel.show()
            app.processEvents()
            loaded: list[bool] = []
            panel.loaded.connect(lambda done=loaded: done.append(True))
            stalls = _Stalls()
            stalls.start()
            start = time.perf_counter()
            panel.set_case(case_id)
            while not loaded:
                app.processEvents()
            panel.row_heights.fit_now()
            panel.view.viewport().repaint()
            opens.append(time.perf_counter() - start)
            stalls.stop()
            stall = max(stall, stalls.longest)
            bar = panel.view.verticalScrollBar()
            for _ in range(20):
                begin = time.perf_counter()
                bar.setValue(bar.value() + bar.pageStep())
                panel.row_heights.fit_now()
                panel.view.viewport().repaint()
                scrolls.append(time.perf_counter() - begin)
            panel.clear()
            panel.close()
            panel.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        vault.close()
    return opens, scrolls, stall


def _unlock_when_free(path: Path, passphrase: str, wait: float = 600.0) -> Vault:
    """Unlock, waiting while another benchmark process has the shared vault open."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return Vault.unlock(path, passphrase)
        except VaultInUse:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the 200-case vault")
    parser.add_argument("--rounds", type=int, default=9, help="main windows to build")
    args = parser.parse_args(argv)

    env_vault = os.environ.get("SATCHEL_BENCH_VAULT")
    path = Path(env_vault) if env_vault else ensure_vault(QUICK if args.quick else FULL)
    passphrase_file = os.environ.get("SATCHEL_BENCH_PASSPHRASE_FILE")
    passphrase = (
        Path(passphrase_file).read_text(encoding="utf-8").splitlines()[0]
        if passphrase_file
        else PASSPHRASE
    )

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    vault = _unlock_when_free(path, passphrase)
    try:
        cases = vault.cases.count()
        print(f"GUI responsiveness on {path.name} ({cases:,} cases), offscreen")
        paints = first_paint(app, vault, path, args.rounds + 1)
        print(f"  first paint, cold (first window)   {paints[0] * 1000:7.1f} ms")
        _line("first paint after unlock", paints[1:], 300)

        window = MainWindow(vault, path)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        _line("filter keystroke -> repaint", filter_keystrokes(app, window), 50)
        searches = search_keystrokes(app, window)
        _line("search keystroke -> results", searches, 100)
        if DEBOUNCE_MS:
            with_pause = [s + DEBOUNCE_MS / 1000 for s in searches]
            _line("  the same, with the typing pause", with_pause, 100, f" (+{DEBOUNCE_MS} ms)")
        window.resize(*LAPTOP)
        _line("cases: sort by days left/client", sort_cases(app, window), 50)
        window.close_without_lock()
    finally:
        vault.close()
    opens, scrolls, stall = open_big_chronology(app, max(3, args.rounds // 3))
    print("Chronology of a 10,000-event case at 1366x768 (rows wrapped to the whole title)")
    _line("open until wrapped and painted", opens, 1000)
    _line("scroll a page -> fitted, painted", scrolls, 16)
    print(f"  longest event-loop stall while opening {stall * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
