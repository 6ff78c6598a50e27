"""The Imports page: open a bundle, see who sent it and what it would change, import it,
and review conflicts side by side.

Verifying (a full decryption and check) and importing run in workers with progress and
cancel; nothing is written before the user presses Import, and an unknown or unverified
sender, or a bundle not addressed to this vault, needs the consent box ticked. Everything
from the bundle - names, titles, fields - is shown as plain text. No SQL lives here.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.bundle.exchange import exchange_settings, note_imported
from satchel.bundle.format import agefile
from satchel.bundle.merge import (
    ImportPreview,
    ImportResult,
    SenderState,
    apply_import,
    plan_import,
    record_label,
    record_stores,
)
from satchel.core.conflicts import Conflict, Resolution
from satchel.core.exchange_files import ExchangeFile
from satchel.core.vault import Vault
from satchel.crypto.fingerprint import format_fingerprint
from satchel.errors import SatchelError
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.file_dialogs import choose_open_file
from satchel.gui.common.plaintext import plain_label, set_plain_text
from satchel.gui.common.workers import Job, JobContext, run_job, user_message
from satchel.gui.exchange.driver import ExchangeDriver
from satchel.gui.exchange.folder_box import ExchangeFolderBox
from satchel.userfiles import open_regular

__all__ = ["ImportsPage"]

ID_ROLE = Qt.ItemDataRole.UserRole
_META = {"id", "created_at", "updated_at", "origin_vault", "versions"}


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return " ".join(str(text).split())


class ImportsPage(QWidget):
    """Inspect and import bundles; review conflicts. Panel contract: clear(), open_record."""

    open_record = Signal(str, str)
    imported = Signal()

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, driver: ExchangeDriver | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.preview: ImportPreview | None = None
        self._job: Job | None = None
        self._idle = threading.Event()
        self._accept_results = True
        self._conflicts: list[Conflict] = []
        # The page scrolls: with the exchange folder's box it no longer fits whole on a
        # 1366×768 laptop at 150 % (720 logical pixels high).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        title = QLabel(self.tr("Imports"), self)
        title.setObjectName("pageTitle")
        lay.addWidget(title)

        top = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open a bundle…"), self)
        self.open_button.clicked.connect(self._choose)
        top.addWidget(self.open_button)
        self.file_label = plain_label("", self)
        top.addWidget(self.file_label, 1)
        lay.addLayout(top)

        # The exchange folder: its options and the bundles that wait in it.
        self.folder_box = ExchangeFolderBox(vault, driver, self)
        self.folder_box.open_waiting.connect(self._open_waiting)
        self.folder_box.changed.connect(self._folder_changed)
        lay.addWidget(self.folder_box)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        prow = QHBoxLayout()
        prow.addWidget(self.progress, 1)
        prow.addWidget(self.cancel_button)
        lay.addLayout(prow)

        box = QGroupBox(self.tr("Bundle"), self)
        bl = QVBoxLayout(box)
        self.sender_label = plain_label("", box)
        self.sender_label.setWordWrap(True)
        self.sender_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bl.addWidget(self.sender_label)
        self.details_label = plain_label("", box)
        self.details_label.setWordWrap(True)
        bl.addWidget(self.details_label)
        self.warning_label = plain_label("", box)
        self.warning_label.setObjectName("warning")
        self.warning_label.setWordWrap(True)
        bl.addWidget(self.warning_label)
        self.preview_list = QListWidget(box)
        self.preview_empty = show_when_empty(
            self.preview_list,
            self.tr(
                "Open a bundle (.satchel) a colleague sent you: what it would add or change "
                "is shown here before anything is imported."
            ),
        )
        self.preview_list.setAccessibleName(self.tr("What importing would change"))
        self.preview_list.itemActivated.connect(self._open_item)
        bl.addWidget(self.preview_list)
        self.consent_box = QCheckBox(
            self.tr("I checked the sender's fingerprint another way and want to import anyway"),
            box,
        )
        self.consent_box.setVisible(False)
        self.consent_box.toggled.connect(lambda _on: self._update_buttons())
        bl.addWidget(self.consent_box)
        self.import_button = QPushButton(self.tr("Import"), box)
        self.import_button.clicked.connect(self.start_import)
        bl.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        self.status = plain_label("", box)
        self.status.setWordWrap(True)
        bl.addWidget(self.status)
        lay.addWidget(box, 1)

        cbox = QGroupBox(self.tr("Conflicts to review"), self)
        cl = QVBoxLayout(cbox)
        split = QSplitter(Qt.Orientation.Horizontal, cbox)
        self.conflict_list = QListWidget(split)
        self.conflict_empty = show_when_empty(
            self.conflict_list, self.tr("No conflicts to review.")
        )
        self.conflict_list.setAccessibleName(self.tr("Conflicts"))
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.side_by_side = QTableWidget(0, 4, split)
        self.side_by_side.setHorizontalHeaderLabels(
            [self.tr("Take"), self.tr("Field"), self.tr("Mine"), self.tr("Incoming")]
        )
        self.side_by_side.setAccessibleName(self.tr("Mine and incoming, side by side"))
        self.side_by_side.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.side_by_side.verticalHeader().setVisible(False)
        header = self.side_by_side.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        split.setStretchFactor(1, 3)
        cl.addWidget(split)
        crow = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep mine"), cbox)
        self.keep_button.clicked.connect(lambda: self.resolve(Resolution.KEEP_LOCAL))
        self.take_button = QPushButton(self.tr("Take incoming"), cbox)
        self.take_button.clicked.connect(lambda: self.resolve(Resolution.TAKE_INCOMING))
        self.merge_button = QPushButton(self.tr("Merge ticked fields"), cbox)
        self.merge_button.clicked.connect(lambda: self.resolve(Resolution.MERGED))
        crow.addStretch(1)
        for b in (self.keep_button, self.take_button, self.merge_button):
            crow.addWidget(b)
        cl.addLayout(crow)
        lay.addWidget(cbox, 1)
        self._show_preview()
        self.refresh_conflicts()

    # -- choosing and verifying -------------------------------------------------------------

    def _choose(self) -> None:
        path = choose_open_file(
            self, self.tr("Open a bundle"), self.tr("Satchel bundles (*.satchel);;All (*)")
        )
        if path is not None:
            self.inspect(path)

    def inspect(self, path: Path, passphrase: str | None = None) -> Job | None:
        """Verify the bundle in a worker and show the preview (asks for a passphrase)."""
        try:
            with open_regular(path) as fh:
                kind = agefile.sniff(fh)
        except (OSError, SatchelError) as exc:
            set_plain_text(self.status, user_message(exc) if isinstance(exc, SatchelError)
                           else self.tr("Cannot read this file."))  # fmt: skip
            return None
        if kind == "scrypt" and passphrase is None:
            text, ok = QInputDialog.getText(
                self, self.tr("Bundle passphrase"),
                self.tr("This bundle is locked with a one-time passphrase:"),
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return None
            passphrase = text
        self.preview = None
        self._show_preview()
        set_plain_text(self.file_label, str(path))

        def job(ctx: JobContext) -> ImportPreview:
            return plan_import(
                self.vault, path, passphrase=passphrase,
                progress=ctx.progress, cancel=lambda: ctx.cancelled,
            )  # fmt: skip

        return self._start(job, self._previewed, self.tr("Verifying the bundle…"))

    def _open_waiting(self, waiting: ExchangeFile) -> None:
        folder = exchange_settings(self.vault).folder
        if folder is not None:
            self.inspect(folder / waiting.name)

    def _folder_changed(self) -> None:
        self.refresh_conflicts()
        self.imported.emit()

    def _previewed(self, preview: ImportPreview) -> None:
        if not self._accept_results:
            return
        self._finish_job()
        self.preview = preview
        self._show_preview()

    def _show_preview(self) -> None:
        p = self.preview
        self.preview_list.clear()
        self.consent_box.setChecked(False)
        if p is None:
            for label in (self.sender_label, self.details_label, self.warning_label):
                set_plain_text(label, "")
            self.consent_box.setVisible(False)
            self._update_buttons()
            return
        m = p.manifest
        state = {
            SenderState.SELF: self.tr("sent by this vault"),
            SenderState.VERIFIED: self.tr("verified colleague"),
            SenderState.UNVERIFIED: self.tr("colleague NOT verified"),
            SenderState.KEY_CHANGED: self.tr("colleague whose KEY CHANGED"),
            SenderState.UNKNOWN: self.tr("UNKNOWN sender"),
        }[p.sender.state]
        set_plain_text(
            self.sender_label,
            self.tr("From {0} ({1})\nFingerprint: {2}").format(
                m.sender.name, state, format_fingerprint(m.sender.fingerprint)
            ),
        )
        own = self.vault.identities.find()
        me = own.public().fingerprint if own is not None else ""
        if m.mode == "passphrase":
            recipients = self.tr("anyone with the one-time passphrase")
        else:
            recipients = ", ".join(
                r.name + (self.tr(" (you)") if r.fingerprint == me else "") for r in m.recipients
            )
        counts = ", ".join(f"{n} {k}" for k, n in m.counts.items() if n)
        set_plain_text(
            self.details_label,
            self.tr("Signed for: {0}\nCreated: {1} UTC (the sender's clock)\nContents: {2}")
            .format(recipients, m.created_at.strftime("%Y-%m-%d %H:%M"), counts),
        )  # fmt: skip
        set_plain_text(self.warning_label, "\n".join(p.warnings()))
        self.consent_box.setVisible(p.needs_consent)
        for change, refs in (
            (self.tr("new"), p.new),
            (self.tr("changed"), p.changed),
            (self.tr("deleted (to the trash)"), p.deleted),
            (self.tr("conflict"), p.conflicts),
        ):
            for ref in refs:
                item = QListWidgetItem(f"{change}: {ref.kind} — {ref.label}")
                item.setData(ID_ROLE, (ref.kind, ref.id))
                self.preview_list.addItem(item)
        self.preview_list.addItem(
            QListWidgetItem(self.tr("{0} unchanged").format(len(p.unchanged)))
        )
        self._update_buttons()

    def _open_item(self, item: QListWidgetItem) -> None:
        data = item.data(ID_ROLE)
        if data and self.preview is not None and data[1] not in {r.id for r in self.preview.new}:
            self.open_record.emit(str(data[0]), str(data[1]))

    def _update_buttons(self) -> None:
        p = self.preview
        busy = self._job is not None
        can = (
            p is not None
            and not p.is_noop
            and (not p.needs_consent or self.consent_box.isChecked())
        )
        self.import_button.setEnabled(bool(can) and not busy)
        self.open_button.setEnabled(not busy)
        row = self.conflict_list.currentRow()
        has_conflict = row >= 0
        for b in (self.keep_button, self.take_button, self.merge_button):
            b.setEnabled(has_conflict and not busy)
        if 0 <= row < len(self._conflicts) and self._conflicts[row].incoming.get("deleted"):
            self.merge_button.setEnabled(False)  # a deletion has no fields to merge
        if p is not None and p.is_noop and not busy:
            set_plain_text(self.status, self.tr("Nothing to import: this vault has all of it."))

    # -- importing ------------------------------------------------------------------------

    def start_import(self) -> Job | None:
        p = self.preview
        if p is None:
            return None
        consent = self.consent_box.isChecked()

        def job(ctx: JobContext) -> ImportResult:
            result = apply_import(
                self.vault, p, consent=consent,
                progress=ctx.progress, cancel=lambda: ctx.cancelled,
            )  # fmt: skip
            # A shared case: the sender has what they sent; a bundle that waited in the
            # exchange folder leaves it.
            note_imported(self.vault, p)
            return result

        return self._start(job, self._imported, self.tr("Importing…"))

    def _imported(self, result: ImportResult) -> None:
        if not self._accept_results:
            return
        self._finish_job()
        self.preview = None
        self._show_preview()
        set_plain_text(
            self.status,
            self.tr(
                "Imported: {0} new, {1} changed, {2} moved to the trash, {3} conflicts kept "
                "for review."
            ).format(result.added, result.updated, result.deleted, result.conflicts),
        )
        self.refresh_conflicts()
        self.folder_box.refresh()
        self.imported.emit()

    # -- jobs -----------------------------------------------------------------------------------

    def _start(self, fn: Any, on_success: Any, label: str) -> Job:
        idle = self._idle = threading.Event()

        def job(ctx: JobContext) -> Any:
            try:
                return fn(ctx)
            finally:
                idle.set()  # set on the worker thread: clear() can wait for it while locking

        self._accept_results = True
        set_plain_text(self.status, label)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._job = run_job(job, on_success, self._failed, self._on_progress)
        self._update_buttons()
        return self._job

    def _on_progress(self, done: int, total: int) -> None:
        if total and self._accept_results:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))

    def _failed(self, message: str, _exc: BaseException) -> None:
        if not self._accept_results:
            return
        self._finish_job()
        set_plain_text(self.status, message)

    def _finish_job(self) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_buttons()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    # -- conflicts ------------------------------------------------------------------------------

    def refresh_conflicts(self) -> None:
        if self.vault is None or getattr(self.vault, "closed", False):
            return
        self._conflicts = self.vault.conflicts.list()
        self.conflict_list.clear()
        stores = record_stores(self.vault)
        for c in self._conflicts:
            local = stores[c.kind].get_raw(c.record_id) or {}
            label = record_label(c.kind, local or c.incoming) or c.record_id[:8]
            if c.incoming.get("deleted"):
                # A colleague deleted what was changed here (bundle format v2).
                text = self.tr("{0} “{1}”: deleted by {2}").format(c.kind, label, c.sender_name)
            elif not local:
                text = self.tr("{0} “{1}” from {2} (deleted here)").format(
                    c.kind, label, c.sender_name
                )
            else:
                text = self.tr("{0} “{1}” from {2}").format(c.kind, label, c.sender_name)
            self.conflict_list.addItem(QListWidgetItem(text))
        self._show_conflict(-1)

    def _show_conflict(self, row: int) -> None:
        self.side_by_side.setRowCount(0)
        if 0 <= row < len(self._conflicts):
            c = self._conflicts[row]
            local = record_stores(self.vault)[c.kind].get_raw(c.record_id) or {}
            keys = sorted((set(local) | set(c.incoming)) - _META)
            self.side_by_side.setRowCount(len(keys))
            for i, key in enumerate(keys):
                take = QTableWidgetItem()
                take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                take.setCheckState(Qt.CheckState.Unchecked)
                take.setData(ID_ROLE, key)
                self.side_by_side.setItem(i, 0, take)
                mine, theirs = local.get(key), c.incoming.get(key)
                for col, text in ((1, key), (2, _cell(mine)), (3, _cell(theirs))):
                    item = QTableWidgetItem(text)
                    if mine != theirs:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    self.side_by_side.setItem(i, col, item)
        self._update_buttons()

    def ticked_fields(self) -> list[str]:
        out = []
        for i in range(self.side_by_side.rowCount()):
            item = self.side_by_side.item(i, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ID_ROLE)))
        return out

    def resolve(self, how: Resolution) -> None:
        row = self.conflict_list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        c = self._conflicts[row]
        try:
            store = self.vault.conflicts
            if how is Resolution.MERGED:
                local = record_stores(self.vault)[c.kind].get_raw(c.record_id) or {}
                merged = {**local, **{f: c.incoming[f] for f in self.ticked_fields()}}
                store.resolve(c.id, how, merged)
            else:
                store.resolve(c.id, how)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
        self.refresh_conflicts()
        self.imported.emit()

    # -- lock ---------------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop everything shown from the vault or a bundle (on lock); stop any job.

        A running import is cancelled and waited for (it checks for cancellation every
        256 KiB and rolls back), so the vault is never closed under a live transaction.
        """
        self.cancel()
        # A result that arrives after this (a lock) belongs to a closed vault: drop it.
        self._accept_results = False
        if self._job is not None:
            self._idle.wait(timeout=30)
            self._job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.preview = None
        self._conflicts = []
        self.folder_box.clear()
        self.conflict_list.clear()
        self.side_by_side.setRowCount(0)
        set_plain_text(self.file_label, "")
        set_plain_text(self.status, "")
        self._show_preview()
