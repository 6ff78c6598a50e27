"""The exchange folder's timer: while the vault is unlocked, a pass every half minute.

Each pass (bundle/exchange.py `sync`) runs in a worker: it writes the bundles of shared
cases' changes to the folder, takes in the settled bundles addressed to this vault, and
cleans up. One Watch is kept across passes, so a file must stand still from one pass to the
next before it is read. The lock stops the timer and cancels a running pass, which leaves
nothing half-written (the lock machinery waits for every job). No pass runs while no folder
is set. Nothing here opens a socket: the sync engine moves the files.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from satchel.bundle.exchange import SyncReport, Watch, exchange_settings, sync
from satchel.core.vault import Vault
from satchel.errors import Cancelled, SatchelError
from satchel.gui.common.workers import Job, JobContext, run_job

__all__ = ["ExchangeDriver"]

INTERVAL_MS = 30_000
FIRST_PASS_MS = 3_000


class ExchangeDriver(QObject):
    """Runs exchange-folder passes on a timer while unlocked; `clear()` stops it (lock)."""

    synced = Signal(object)  # a SyncReport
    failed = Signal(str)  # why a pass could not run (the folder is missing, ...)
    running_changed = Signal(bool)

    def __init__(
        self, vault: Vault, parent: QObject | None = None, watch: Watch | None = None
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._watch = watch or Watch()
        self._job: Job | None = None
        self._last_error = ""
        self._held = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        QTimer.singleShot(FIRST_PASS_MS, self, self.tick)

    @property
    def running(self) -> bool:
        return self._job is not None

    @property
    def active(self) -> bool:
        """Whether the timer runs (the vault is unlocked and the driver not cleared)."""
        return self._vault is not None and self._timer.isActive()

    def _may_pass(self) -> Vault | None:
        """The vault a pass may run on now: open, no pass under way, not held."""
        vault = self._vault
        if vault is None or vault.closed or self._job is not None or self._held:
            return None
        return vault

    def tick(self) -> None:
        """A pass, unless one runs, the vault is locked or no folder is set."""
        vault = self._may_pass()
        if vault is not None and exchange_settings(vault).folder is not None:
            self.sync_now()

    def sync_now(self) -> Job | None:
        vault = self._may_pass()
        if vault is None:
            return None
        watch = self._watch

        def job(ctx: JobContext) -> SyncReport:
            return sync(vault, watch, cancel=lambda: ctx.cancelled)

        self._job = run_job(job, self._done, self._failed)
        self.running_changed.emit(True)
        return self._job

    def _done(self, report: SyncReport) -> None:
        self._job = None
        self.running_changed.emit(False)
        if self._vault is None:
            return
        self._last_error = ""
        self.synced.emit(report)

    def _failed(self, message: str, exc: BaseException) -> None:
        self._job = None
        self.running_changed.emit(False)
        if self._vault is None:
            return
        if isinstance(exc, Cancelled):
            return  # stopped on purpose (a hold, a lock): nothing to tell
        # Said once, not every half minute while the stick stays out.
        if isinstance(exc, SatchelError) and message != self._last_error:
            self._last_error = message
            self.failed.emit(message)

    @property
    def held(self) -> bool:
        return self._held

    def hold(self, timeout_s: float = 10.0) -> None:
        """No pass from now until `release()`; a pass under way is stopped first.

        Travel mode holds the passes while its dialog is open: its work removes cases and
        rewrites the vault under a new key, and a pass writing meanwhile (an import into a
        database about to be exported, or closed under it) must not. A stopped pass rolls
        its import back, as at a lock; its bundle is looked at again after the release.
        """
        self._held = True
        job = self._job
        if job is not None:
            job.cancel()
            job.wait_ended(timeout_s)

    def release(self) -> None:
        """Passes again, at the next tick."""
        self._held = False

    def clear(self) -> None:
        """Stop for good (lock): no timer, a running pass cancelled (the lock waits for it)."""
        self._timer.stop()
        self._vault = None
        if self._job is not None:
            self._job.cancel()
