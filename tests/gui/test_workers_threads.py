"""Background jobs and thread ownership: the last reference to a job's QObjects goes away in
the GUI thread, never in the worker (a QObject deleted in the worker while the GUI thread
delivered a queued signal to it is the suspected cause of the rare event-loop segfault)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from satchel.gui.common.workers import Job, run_job


def test_a_finished_job_is_let_go_only_after_its_worker_released_it(qtbot):
    seen_released: list[bool] = []
    job = run_job(lambda ctx: ctx.progress(1, 1) or "done")
    job.finished.connect(lambda: seen_released.append(job._released.is_set()))
    qtbot.waitUntil(lambda: job not in Job._running, timeout=10_000)
    assert job._released.is_set()
    assert seen_released  # finished came, and the job stayed held until released


def test_many_short_jobs_with_garbage_collection_end_cleanly(qtbot):
    done = []
    started = 0
    main = threading.current_thread()
    threads: set[str] = set()

    def work(ctx):
        threads.add(threading.current_thread().name)
        for i in range(3):
            ctx.progress(i, 3)
        return 1

    while len(done) < 1500:
        while started < 1500 and started - len(done) < 16:
            run_job(work, done.append)
            started += 1
        QCoreApplication.processEvents()
        if started % 7 == 0:
            gc.collect()
    qtbot.waitUntil(lambda: not Job._running, timeout=10_000)
    assert len(done) == 1500
    assert main.name not in threads  # the work ran off the GUI thread


def test_the_lock_waits_for_a_job_past_its_point_of_no_return(qtbot):
    """cancel_all_jobs does not give up on such a job after its timeout: closing the vault
    under it would leave its work half done (travel mode's rewrite under a new key)."""
    from satchel.gui.common.workers import cancel_all_jobs

    past = threading.Event()
    release = threading.Event()
    finished: list[str] = []

    def work(ctx):
        ctx.point_of_no_return()
        past.set()
        release.wait()  # the rest of the work, however long it takes
        finished.append("whole")
        return "whole"

    job = run_job(work)
    assert past.wait(10)
    # Let the work end only after cancel_all_jobs's own timeout has run out.
    threading.Timer(0.3, release.set).start()
    assert cancel_all_jobs(timeout_s=0.05)
    assert finished == ["whole"]
    qtbot.waitUntil(lambda: job.is_finished, timeout=10_000)


def test_a_job_asked_to_stop_before_its_point_of_no_return_stops_there(qtbot):
    from satchel.errors import Cancelled
    from satchel.gui.common.workers import cancel_all_jobs

    asked = threading.Event()
    reached: list[str] = []
    failures: list[object] = []

    def work(ctx):
        asked.wait(10)
        ctx.point_of_no_return()
        reached.append("past")

    job = run_job(work, on_failure=lambda _m, exc: failures.append(exc))
    job.cancel()  # a lock or Stop, before the job reaches its point of no return
    asked.set()
    assert cancel_all_jobs(timeout_s=10)
    qtbot.waitUntil(lambda: job.is_finished, timeout=10_000)
    assert reached == []
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)


class _Holder:
    """A reference cycle that holds a running Qt timer, and notes where it is finalised."""

    finalised_in: list[str] = []  # noqa: RUF012 (shared on purpose: the test reads it)

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.me = self  # the cycle: only the cyclic collector frees it
        self.timer = QTimer()
        self.timer.start(60_000)

    def __del__(self) -> None:
        _Holder.finalised_in.append(threading.current_thread().name)


def test_cycles_holding_qt_objects_die_on_the_gui_thread_while_workers_allocate(qtbot):
    """Issue 15's rare crash: a worker that allocates crossed the collector's threshold and
    the collector ran there, destroying a cycle's QTimer off its thread (Qt: "Timers cannot
    be stopped from another thread", then SIGSEGV). Only the GUI thread may collect."""
    _Holder.finalised_in.clear()
    gc.collect()

    def allocate():
        # Container objects, past every generation's threshold many times over.
        for _ in range(200):
            junk = [[i] for i in range(5_000)]
            del junk

    worker = threading.Thread(target=allocate, name="worker")
    for _ in range(200):
        _Holder()  # dropped at once: garbage for the collector
    # The GUI thread allocates nothing meanwhile (join blocks): the worker crosses the
    # thresholds, as a document intake or an export does while the window waits.
    worker.start()
    worker.join()
    # The GUI thread's collector gets its turn (a timer tick), and frees them all there.
    qtbot.waitUntil(lambda: len(_Holder.finalised_in) == 200, timeout=10_000)
    assert set(_Holder.finalised_in) == {threading.current_thread().name}


class _WatchesItsWindow(QObject):
    """What EmptyState is: a child that filters its window's events, reading its own state."""

    seen: list[str] = []  # noqa: RUF012 (shared on purpose: the test reads it)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        _WatchesItsWindow.seen.append(getattr(self, "case_title", "(its Python side was gone)"))
        return False


def test_a_window_left_in_a_reference_cycle_dies_with_its_python_side_whole(qtbot):
    """CI's "'CasesModel' object has no attribute '_rows'": a page in a reference cycle was
    freed by the cyclic collector, which clears the Python side of a cycle's objects one by
    one while their Qt side still lives; Qt, tearing the page down afterwards, called into
    objects whose attributes were already gone. The GUI's collector destroys a cycle's Qt
    objects first, while every Python attribute is still there.

    Here the watching child is made before its window, so the plain collector, which clears
    in the order objects were made, empties the child before the window's last reference
    goes; the window, destroyed then, hides, and its child is asked to filter that."""
    from PySide6.QtWidgets import QLabel, QWidget

    from satchel.gui.common.workers import GuiThreadGarbageCollector

    _WatchesItsWindow.seen.clear()
    gone: list[bool] = []
    for _ in range(20):
        watcher = _WatchesItsWindow()
        watcher.case_title = "Asylum appeal of A. Fictional"
        window = QWidget()
        QLabel("Nothing here yet.", window)
        window.installEventFilter(watcher)
        watcher.setParent(window)
        window.cycle = window  # only the cyclic collector frees the window
        window.destroyed.connect(lambda *_: gone.append(True))
        window.show()
    del watcher, window
    _WatchesItsWindow.seen.clear()
    collector = QCoreApplication.instance().findChild(GuiThreadGarbageCollector)
    # No event is processed between the cycles made and this collection: the collector's
    # own timer cannot take them first.
    collector.collect()
    assert len(gone) == 20  # every window destroyed, none left alive behind a dead wrapper
    assert set(_WatchesItsWindow.seen) == {"Asylum appeal of A. Fictional"}
