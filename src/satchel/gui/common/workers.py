"""Slow work off the GUI thread: a QRunnable worker with progress, cancellation and errors.

Key derivation, imports, exports and big queries run here so the window keeps painting. A
job is a plain function that receives a `JobContext`; it reports progress and checks for
cancellation through it. Results and errors come back to the GUI thread as signals: a
`SatchelError` becomes its message (translated for the errors a user meets most), anything
else becomes a generic message that names no vault data. Workers never touch widgets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)

from satchel.error_words import words
from satchel.errors import Cancelled, SatchelError

__all__ = ["Job", "JobContext", "cancel_all_jobs", "run_job", "user_message"]

# lupdate finds `translate("context", "text")` calls by name; the alias keeps them short.
translate = QCoreApplication.translate

_log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str:
    """What to tell the user about `error`, in the interface language.

    A `SatchelError` is worded from its code by the catalogue (satchel.error_words).
    Unknown exceptions are bugs: the message names the exception type only, never its text
    (which could hold vault data).
    """

    if isinstance(error, SatchelError):
        return words(error)
    return translate("errors", "Unexpected error ({0}). Nothing was changed.").format(
        type(error).__name__
    )


class JobContext:
    """Handed to a job: report progress, check for cancellation."""

    def __init__(self, signals: _JobSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        # Past its point of no return a job is not cancelled: the lock waits for its end.
        self.must_finish = False
        # Set by the worker thread itself when the job function has returned or raised,
        # so a lock can wait for it without needing the event loop to deliver a signal.
        self.ended = threading.Event()
        self._on_cancel: list[Callable[[], None]] = []
        self._cancel_lock = threading.Lock()

    def progress(self, done: int, total: int) -> None:
        """Report progress; `total == 0` means "busy, amount unknown"."""
        self._signals.progress.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise `Cancelled` if the user (or a lock) asked the job to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        with self._cancel_lock:
            self._cancel.set()
            callbacks, self._on_cancel = self._on_cancel, []
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call `callback` (in the cancelling thread) when the job is cancelled, or now if
        it was already: work that cannot check between chunks (a child process) is ended
        at once, not when it next looks."""
        with self._cancel_lock:
            if not self._cancel.is_set():
                self._on_cancel.append(callback)
                return
        callback()

    def point_of_no_return(self) -> None:
        """From here on the job finishes whatever asks it to stop; raise `Cancelled` now
        if it was asked before. A lock then waits for its end (cancel_all_jobs), however
        long: for work that, once begun, must not be left half done (travel mode removes
        cases, then rewrites the vault under a new key)."""
        with self._cancel_lock:
            if self._cancel.is_set():
                raise Cancelled()
            self.must_finish = True


class _JobSignals(QObject):
    # Created in the GUI thread, so connected slots run there (queued across threads).
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; `user_message` turns it into text
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(
        self,
        fn: Callable[[JobContext], Any],
        ctx: JobContext,
        sig: _JobSignals,
        released: threading.Event,
    ) -> None:
        super().__init__()
        self._fn: Callable[[JobContext], Any] | None = fn
        self._ctx: JobContext | None = ctx
        self._sig: _JobSignals | None = sig
        self._released = released
        self.setAutoDelete(True)

    def run(self) -> None:
        fn, ctx, sig = self._fn, self._ctx, self._sig
        assert fn is not None and ctx is not None and sig is not None
        # This thread must never drop the last reference to a QObject: a QObject deleted
        # here, while the GUI thread delivers a queued signal to it, crashed the client
        # (a rare segfault in the event loop during exports). The Job holds the signals,
        # the context and the function until `released` says this thread holds none.
        self._fn = self._ctx = self._sig = None
        try:
            result = fn(ctx)
        except Exception as exc:  # every failure goes back to the GUI thread, none is lost
            if not isinstance(exc, SatchelError):
                _log.exception("Background job failed")
            sig.failed.emit(exc)
            del exc
        else:
            sig.succeeded.emit(result)
            del result
        finally:
            ctx.ended.set()
            sig.finished.emit()
            del fn, ctx, sig
            self._released.set()


class Job(QObject):
    """A running background job. Connect to its signals or `cancel()` it.

    Signals: `progress(done, total)`, `succeeded(result)`, `failed(message, exception)`,
    `finished()` (after either). The job keeps itself alive until it has finished.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, object)
    finished = Signal()

    # Strong references while in flight: Python owns these objects, Qt does not.
    _running: ClassVar[set[Job]] = set()

    def __init__(self, fn: Callable[[JobContext], Any]) -> None:
        # No Qt parent on purpose: a job must outlive a widget closed while it runs, or
        # its queued signals would reach a deleted object.
        super().__init__()
        self._signals = _JobSignals()
        self._ctx = JobContext(self._signals)
        self._fn = fn
        self._done = threading.Event()
        # Set by the worker thread once it holds no reference to the job's objects.
        self._released = threading.Event()
        self._signals.progress.connect(self.progress)
        self._signals.succeeded.connect(self.succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.finished.connect(self._on_finished)

    def start(self, pool: QThreadPool | None = None) -> Job:
        Job._running.add(self)
        runnable = _Runnable(self._fn, self._ctx, self._signals, self._released)
        (pool or QThreadPool.globalInstance()).start(runnable)
        return self

    def cancel(self) -> None:
        self._ctx.cancel()

    @property
    def is_finished(self) -> bool:
        return self._done.is_set()

    def wait_ended(self, timeout_s: float | None) -> bool:
        """Wait (on any thread) until the work has returned or raised; False on timeout
        (None: no timeout).

        Unlike `is_finished`, this does not need the event loop to deliver the job's
        signals first: it is what a caller about to use the vault itself waits for.
        """
        return self._ctx.ended.wait(timeout_s)

    def _on_failed(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc), exc)

    def _on_finished(self) -> None:
        self._done.set()
        self.finished.emit()
        self._let_go()

    def _let_go(self) -> None:
        # Stay referenced until the worker thread has dropped its references, so that the
        # last reference to every QObject of this job goes away in the GUI thread.
        if self._released.is_set():
            Job._running.discard(self)
        else:
            QTimer.singleShot(1, self._let_go)


def cancel_all_jobs(timeout_s: float = 10.0) -> bool:
    """Cancel every running job and wait until each has stopped (the lock calls this).

    Jobs check for cancellation between chunks and roll their transaction back when they
    see it, so after this returns True nothing is half-written. False means a job did not
    stop in time; the caller closes the vault anyway, which rolls back what is open. A job
    past its point of no return (JobContext.point_of_no_return) is waited for to its end,
    without the timeout: closing the vault under it would leave its work half done.
    """
    jobs = list(Job._running)
    for job in jobs:
        job.cancel()
    deadline = time.monotonic() + timeout_s
    stopped = True
    for job in jobs:
        if job._ctx.must_finish:
            job.wait_ended(None)
            continue
        remaining = max(0.0, deadline - time.monotonic())
        stopped = job.wait_ended(remaining) and stopped
    return stopped


def run_job(
    fn: Callable[[JobContext], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str, BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Job:
    """Start `fn(ctx)` on the thread pool and route its outcome to the given callbacks.

    Pass bound methods of widgets as callbacks: Qt drops the connection when the widget
    is destroyed, so a late result never reaches a closed window.
    """
    job = Job(fn)
    if on_success is not None:
        job.succeeded.connect(on_success)
    if on_failure is not None:
        job.failed.connect(on_failure)
    if on_progress is not None:
        job.progress.connect(on_progress)
    return job.start()


class GuiThreadGarbageCollector(QObject):
    """Python's cyclic garbage collector, run on the GUI thread only, Qt side first.

    The collector runs in whichever thread happens to allocate when a threshold is crossed:
    with workers allocating (a document intake reading mime types, an export), a cycle that
    holds a widget or a timer was collected in a worker thread, its C++ destructor ran
    there, and the client died ("QBasicTimer::stop: Failed. Possibly trying to stop from a
    different thread", then SIGSEGV: issue 15's rare crash, found again by the traceless
    session). Automatic collection is turned off and this timer collects on the GUI thread
    instead, by the same thresholds, so every Qt object dies where it lives.

    And it destroys a cycle's Qt objects before their Python side goes. Left to itself the
    collector clears the objects of a cycle one by one in no set order; a window whose
    Python wrapper is freed half-way destroys its C++ widgets then, and Qt calls back into
    Python objects already emptied (a view tearing down asked its model, whose attributes
    were gone, for its rows: "'CasesModel' object has no attribute '_rows'"). So the garbage
    is first only found (`DEBUG_SAVEALL` keeps it whole), every Qt object in it that Python
    owns and that lives on this thread is deleted (its children with it) while all of its
    Python side is intact, and only then is the rest collected.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        import gc

        self._gc = gc
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        gc = self._gc
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return
        generation = 0
        if counts[1] > self._thresholds[1]:
            generation = 2 if counts[2] > self._thresholds[2] else 1
        self.collect(generation)

    def collect(self, generation: int = 2) -> None:
        """Collect `generation` (and the younger ones), Qt objects torn down first."""
        gc = self._gc
        debug = gc.get_debug()
        gc.set_debug(debug | gc.DEBUG_SAVEALL)
        try:
            gc.collect(generation)
            found = list(gc.garbage)
            gc.garbage.clear()
        finally:
            gc.set_debug(debug)
        if not found:
            return
        _delete_qt_side(found)
        del found
        # The same garbage, now without a live Qt object in it. DEBUG_SAVEALL moved it to
        # the next older generation, so that is the one to collect (a collection of
        # `generation` alone would leave it there until a later, older one).
        gc.collect(min(generation + 1, 2))


def _delete_qt_side(garbage: list[object]) -> None:
    """Delete the C++ object of every QObject in `garbage` that Python owns, on this thread."""
    here = QThread.currentThread()
    for obj in garbage:
        if not isinstance(obj, QObject) or not shiboken6.isValid(obj):
            continue  # not Qt's, or already gone with a parent deleted before it
        if not shiboken6.ownedByPython(obj) or obj.thread() is not here:
            continue  # a parent (or another thread) destroys it, as it would anyway
        shiboken6.delete(obj)


def collect_garbage_on_the_gui_thread(app: QCoreApplication) -> GuiThreadGarbageCollector:
    """Install the collector once per application (see GuiThreadGarbageCollector)."""
    existing = app.findChild(GuiThreadGarbageCollector)
    if isinstance(existing, GuiThreadGarbageCollector):
        return existing
    return GuiThreadGarbageCollector(app)
