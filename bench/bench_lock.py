"""Lock latency on the benchmark vault (2,000 cases), offscreen.

Each round unlocks the vault through the real session (key derivation excluded: the
benchmark vault uses the test KDF), opens the busiest case on its chronology tab, then
presses Ctrl+Shift+L as a key event and measures, from the key event:

- hidden: the last window showing vault data is hidden (target ≤ 50 ms);
- locked: the database is closed and the key wiped (target ≤ 200 ms);
- unlock screen: only the unlock screen is left.

A second series does the same with a modal form open over the case (the event form run
with `exec()`, as the chronology opens it, a title typed, focus in its title field): the key
then arrives inside the dialog's nested event loop, and the lock keeps the typed title as a
draft in the vault (read after the hiding, stored once background work has stopped; the
draft offer after the next unlock is answered Discard). Its cost is printed on its own.

A third series locks while the case's notes tab renders a 1.6 MB nested-Markdown note (the
shape Qt's Markdown reader handles in quadratic time; it once froze the window for minutes):
the key is queued while the note is half rendered.

A fourth series locks while the case's chronology report is being laid out (its child
process has reported its first rows): the lock kills the child; "report child gone" is
from the key event until the lock has seen the job end, which is after the child was
killed and reaped; no PDF is left.

Prints median and worst over the rounds (default 50). Figures only; nothing is asserted.

    python bench/bench_lock.py [--quick] [--rounds N] [--profile plain|modal|note|report]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_vault import FULL, PASSPHRASE, QUICK, ensure_vault  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from satchel.core.model import NoteFormat  # noqa: E402
from satchel.gui.app import Session, configure_application  # noqa: E402
from satchel.gui.chronology.event_dialog import EventDialog  # noqa: E402
from satchel.gui.common.report_actions import export_chronology_pdf  # noqa: E402


def _wait(app: QApplication, condition, timeout_s: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the session did not get there in time")
        app.processEvents()
        time.sleep(0.002)


def _line(name: str, samples: list[float], target: float | None) -> None:
    ms = sorted(s * 1000 for s in samples)
    goal = f"   target ≤ {target:.0f} ms" if target is not None else ""
    print(f"  {name:<34} median {statistics.median(ms):7.2f} ms   worst {ms[-1]:7.2f} ms{goal}")


def _press(fallback: QWidget, start_box: list[float]) -> None:
    """Ctrl+Shift+L to whatever has the focus; note when."""
    target = QApplication.focusWidget() or QApplication.activeWindow() or fallback
    start_box.append(time.perf_counter())
    QTest.keyClick(
        target,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def _press_when_up(form: QWidget, start_box: list[float]) -> None:
    if QApplication.activeModalWidget() is form and form.isVisible():
        _press(form, start_box)
    else:
        QTimer.singleShot(5, lambda: _press_when_up(form, start_box))


def _discard_draft_offers() -> QTimer:
    """Answers every draft offer after unlock with Discard, so the rounds go on."""

    def tick() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.windowTitle() == "Unsaved form":
            for button in box.buttons():
                if button.text() == "Discard":
                    button.click()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    return timer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the 200-case vault")
    parser.add_argument("--rounds", type=int, default=50, help="locks to measure")
    parser.add_argument(
        "--profile",
        choices=("plain", "modal", "note", "report"),
        help="also print where the lock's time goes in that series (cProfile, by own time)",
    )
    args = parser.parse_args(argv)

    env_vault = os.environ.get("SATCHEL_BENCH_VAULT")
    path = Path(env_vault) if env_vault else ensure_vault(QUICK if args.quick else FULL)
    passphrase_file = os.environ.get("SATCHEL_BENCH_PASSPHRASE_FILE")
    passphrase = (
        Path(passphrase_file).read_text(encoding="utf-8").splitlines()[0]
        if passphrase_file
        else PASSPHRASE
    )
    # A private control folder: a benchmark must not answer another client's `satchel lock`.
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="satchel-bench-lock-")

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app, "en")
    session = Session(path)
    session.start()
    offers = _discard_draft_offers()
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        controller = session.lock_controller
        plain_lock = controller.lock

        def profiled_lock(reason: str = "button") -> None:
            if current_mode[0] != args.profile:
                plain_lock(reason)
                return
            profiler.enable()
            try:
                plain_lock(reason)
            finally:
                profiler.disable()

        controller.lock = profiled_lock  # type: ignore[method-assign]
        controller.shortcuts.lock_pressed.disconnect()
        controller.shortcuts.lock_pressed.connect(lambda: controller.lock("shortcut"))
    current_mode = [""]

    series: dict[str, dict[str, list[float]]] = {}
    cases = 0
    titles = {
        "plain": "main window",
        "modal": "with a modal event form open",
        "note": "while a 1.6 MB Markdown note renders",
        "report": "while the case's chronology report is laid out",
    }
    huge_note = ""
    for mode, _ in [(m, r) for m in titles for r in range(args.rounds)]:
        modal = mode == "modal"
        current_mode[0] = mode
        figures = series.setdefault(
            titles[mode],
            {"reach": [], "hidden": [], "locked": [], "shown": [], "drafts": [], "child": []},
        )
        screen = session.unlock_screen
        assert screen is not None
        screen.secret_edit.setText(passphrase)
        screen.try_unlock()
        _wait(app, lambda: session.main_window is not None)
        window = session.main_window
        assert window is not None
        vault = session.vault
        if not cases:
            cases = vault.cases.count()
            busiest = max(
                vault.cases.list(limit=200), key=lambda c: vault.events.count(case_id=c.id)
            )
            print(
                f"Lock latency on {path.name} ({cases:,} cases), busiest case open with "
                f"{vault.events.count(case_id=busiest.id):,} events, offscreen"
            )
        if mode == "note" and not huge_note:
            huge_note = "# Witness statements\n\n" + "- a\n  - b\n    - c\n" * 90_000
            with vault.transaction():
                note = vault.notes.create(busiest.id, "# Witness", format=NoteFormat.MARKDOWN)
                # Past today's limit on a note (1,000,000 characters), as a vault written
                # by an older Satchel may still hold one: straight into the table.
                vault.connection.execute(
                    "UPDATE notes SET body = ? WHERE id = ?", (huge_note, note.id)
                )
            # The case may already be open (the place kept from the last round).
            window.case_view.notes.reload()
        window.open_record("case", busiest.id)
        window.case_view.show_tab(
            window.case_view.NOTES if mode == "note" else window.case_view.CHRONOLOGY
        )
        for _ in range(5):
            app.processEvents()

        start_box: list[float] = []
        if modal:
            form = EventDialog(vault, busiest.id, None, window)
            form.title_edit.setText("Hearing at the regional court")
            QTimer.singleShot(0, lambda f=form, box=start_box: _press_when_up(f, box))
            form.exec()  # returns when the lock has closed it
        elif mode == "note":
            notes = window.case_view.notes
            view = notes.view
            # The list fills in the background; the note renders once it is selected.
            note_id = note.id
            _wait(
                app,
                lambda n=notes, i=note_id: n.selected_note_id() == i or n.select_note(i),
            )
            _wait(app, lambda v=view: v.rendering)
            for _ in range(20):  # some of it on screen, most still to come
                app.processEvents()
            # Queued behind the next piece of the note, as a real key press would be: the
            # figure includes the wait for the piece being rendered.
            queued = time.perf_counter()
            QTimer.singleShot(0, lambda w=window, box=start_box: _press(w, box))
            _wait(app, lambda v=vault: v.closed)
            start_box[0] = queued
        elif mode == "report":
            with tempfile.TemporaryDirectory(prefix="satchel-bench-report-") as out:
                target = Path(out) / "report.pdf"
                run = export_chronology_pdf(
                    window, vault, busiest.id, path=str(target), confirm=False
                )
                assert run is not None
                _wait(app, lambda r=run: any(p[0] == "layout" for p in r.phases) or r.finished)
                assert not run.finished, "the report was made before the lock"
                _press(window, start_box)
                # The lock waited for the job (step work_cancelled), which ends only once
                # its child is killed and reaped.
                assert run.job._ctx.ended.is_set() and run.child.killed
                assert not target.exists()
        else:
            _press(window, start_box)
        start = start_box[0]
        timings = session.lock_controller.last_timings
        # The timings are taken inside lock(); add what the key event cost to reach it.
        offset = timings.started - start
        figures["reach"].append(offset)
        figures["hidden"].append(offset + timings.steps["hidden"])
        figures["locked"].append(offset + timings.steps["vault_closed"])
        figures["shown"].append(offset + timings.steps["unlock_shown"])
        steps = timings.steps
        if mode == "report":
            figures["child"].append(offset + steps["work_cancelled"])
        figures["drafts"].append(
            steps["drafts_collected"]
            - steps["hidden"]
            + steps["drafts_kept"]
            - steps["work_cancelled"]
        )
        assert vault.closed

    if huge_note:
        # Leave the benchmark vault as it was.
        session.lock_controller.lock("bench")
        from satchel.core.vault import Vault

        with Vault.unlock(path, passphrase) as v:
            v.notes.delete(note.id)
    for title, figures in series.items():
        print(f"  {args.rounds} locks, {title}, from the Ctrl+Shift+L key event:")
        _line("key event reaches lock()", figures["reach"], None)
        _line("last data window hidden", figures["hidden"], 50)
        _line("database closed, key wiped", figures["locked"], 200)
        _line("only the unlock screen shown", figures["shown"], None)
        _line("drafts read and kept (in those)", figures["drafts"], None)
        if figures["child"]:
            _line("report child gone (reaped)", figures["child"], None)
    offers.stop()
    if profiler is not None:
        print(f"  Where the lock's time goes ({args.profile} series, own time):")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    session.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
