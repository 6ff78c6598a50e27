"""The export dialog: choose cases, what to include, recipients or a one-time passphrase,
review what goes in, and write the bundle with progress and cancel.

Writing runs in a worker (`satchel.gui.common.workers`); the bundle appears under its final name
only when complete (see `satchel.bundle.export`), so cancel or an error leaves nothing. The
default file name carries no case data. Case titles and document names are shown as plain
text. This module holds no SQL and writes nothing itself.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from satchel.bundle.export import (
    ExportPlan,
    ExportResult,
    default_bundle_name,
    export_bundle,
    generate_passphrase,
    plan_export,
)
from satchel.core.model import Verification
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.file_dialogs import choose_save_file
from satchel.gui.common.plaintext import plain_label, set_plain_text
from satchel.gui.common.workers import Job, JobContext, run_job, user_message
from satchel.gui.lock.clipboard import copy_sensitive
from satchel.i18n import format_size

__all__ = ["ExportDialog"]

ID_ROLE = Qt.ItemDataRole.UserRole


class ExportDialog(QDialog):
    """Write a bundle of chosen cases for chosen colleagues (or a one-time passphrase)."""

    def __init__(
        self,
        vault: Vault,
        case_ids: Sequence[str] = (),
        colleague_ids: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        # The ids it was opened with: reopening after unlock starts from the same choice.
        self._opened_with = {"cases": " ".join(case_ids), "colleagues": " ".join(colleague_ids)}
        self._job: Job | None = None
        self._idle = threading.Event()
        self._idle.set()
        # Not `result`: that would hide QDialog.result() (the dialog's accept/reject code).
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("Send cases"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)

        cases = QGroupBox(self.tr("Cases"), self)
        cl = QVBoxLayout(cases)
        self.case_list = QListWidget(cases)
        self.case_list.setAccessibleName(self.tr("Cases to send"))
        for case in vault.cases.list():
            item = QListWidgetItem(case.title)
            item.setData(ID_ROLE, case.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if case.id in case_ids else Qt.CheckState.Unchecked
            )
            self.case_list.addItem(item)
        self.case_list.itemChanged.connect(lambda _i: self.review())
        cl.addWidget(self.case_list)
        self.documents_box = QCheckBox(self.tr("Include documents"), cases)
        self.documents_box.setChecked(True)
        self.notes_box = QCheckBox(self.tr("Include notes"), cases)
        self.notes_box.setChecked(True)
        for box in (self.documents_box, self.notes_box):
            box.toggled.connect(lambda _on: self.review())
            cl.addWidget(box)
        lay.addWidget(cases)

        to = QGroupBox(self.tr("Recipients"), self)
        tl = QVBoxLayout(to)
        self.to_colleagues = QRadioButton(self.tr("Colleagues (and me, so I can reopen it)"), to)
        self.to_passphrase = QRadioButton(
            self.tr("A one-time passphrase, for someone without Satchel"), to
        )
        group = QButtonGroup(self)
        group.addButton(self.to_colleagues)
        group.addButton(self.to_passphrase)
        self.to_colleagues.setChecked(True)
        tl.addWidget(self.to_colleagues)
        self.colleague_list = QListWidget(to)
        self.colleague_list.setAccessibleName(self.tr("Colleagues to send to"))
        for c in vault.colleagues.list():
            label = c.name
            if c.verification is not Verification.VERIFIED:
                label += "  " + self.tr("(not verified)")
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in colleague_ids else Qt.CheckState.Unchecked
            )
            self.colleague_list.addItem(item)
        self.colleague_list.itemChanged.connect(lambda _i: self._update())
        tl.addWidget(self.colleague_list)
        tl.addWidget(self.to_passphrase)
        prow = QHBoxLayout()
        self.passphrase_edit = QLineEdit(to)
        self.passphrase_edit.setReadOnly(True)
        self.passphrase_edit.setAccessibleName(self.tr("One-time passphrase"))
        self.passphrase_edit.setText(generate_passphrase())
        copy = QPushButton(self.tr("Copy"), to)
        self.copy_passphrase_button = copy
        # The one-time passphrase opens the bundle: copied like any secret, hidden from
        # clipboard history and cleared after the user's delay.
        copy.clicked.connect(lambda: copy_sensitive(self.passphrase_edit.text()))
        prow.addWidget(self.passphrase_edit, 1)
        prow.addWidget(self.copy_passphrase_button)
        tl.addLayout(prow)
        self.passphrase_note = QLabel(
            self.tr(
                "Give the passphrase by another channel than the file (a call, in person). "
                "It is not stored anywhere."
            ),
            to,
        )
        self.passphrase_note.setWordWrap(True)
        tl.addWidget(self.passphrase_note)
        for b in (self.to_colleagues, self.to_passphrase):
            b.toggled.connect(lambda _on: self._update())
        lay.addWidget(to)

        self.review_text = QPlainTextEdit(self)
        self.review_text.setReadOnly(True)
        self.review_text.setAccessibleName(self.tr("What the bundle holds"))
        self.review_text.setMaximumHeight(140)
        lay.addWidget(self.review_text)

        frow = QHBoxLayout()
        self.file_edit = QLineEdit(self)
        self.file_edit.setAccessibleName(self.tr("Bundle file"))
        self.file_edit.setText(str(Path.home() / default_bundle_name()))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        frow.addWidget(self.file_edit, 1)
        frow.addWidget(browse)
        lay.addLayout(frow)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        brow = QHBoxLayout()
        brow.addStretch(1)
        self.write_button = QPushButton(self.tr("Write bundle"), self)
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)
        brow.addWidget(self.write_button)
        brow.addWidget(self.cancel_button)
        lay.addLayout(brow)
        self.review()

    # -- choices ------------------------------------------------------------------------------

    def _checked(self, widget: QListWidget) -> list[str]:
        return [
            str(widget.item(i).data(ID_ROLE))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def case_ids(self) -> list[str]:
        return self._checked(self.case_list)

    def colleague_ids(self) -> list[str]:
        return self._checked(self.colleague_list)

    def _update(self) -> None:
        keyed = self.to_colleagues.isChecked()
        self.colleague_list.setEnabled(keyed)
        self.passphrase_edit.setEnabled(not keyed)
        ready = bool(self.case_ids()) and (not keyed or bool(self.colleague_ids()))
        self.write_button.setEnabled(ready and self._job is None)

    def review(self) -> ExportPlan | None:
        """Show counts, sizes and document names of what would be written."""
        ids = self.case_ids()
        plan = None
        if not ids:
            self.review_text.setPlainText(self.tr("Choose at least one case."))
        else:
            try:
                plan = plan_export(
                    self.vault,
                    ids,
                    documents=self.documents_box.isChecked(),
                    notes=self.notes_box.isChecked(),
                )
            except SatchelError as exc:
                self.review_text.setPlainText(user_message(exc))
            else:
                c = plan.counts
                summary = self.tr(
                    "{0} case(s), {1} people, {2} roles, {3} events, {4} notes, {5} documents ({6})"
                )
                lines = [
                    summary.format(
                        c["case"], c["person"], c["role"], c["event"], c["note"],
                        c["document"], format_size(plan.document_bytes),
                    )
                ]  # fmt: skip
                lines += [f"  {d.filename}  ({format_size(d.size)})" for d in plan.documents]
                self.review_text.setPlainText("\n".join(lines))
        self._update()
        return plan

    def _browse(self) -> None:
        path = choose_save_file(
            self,
            self.tr("Write the bundle to"),
            Path(self.file_edit.text()).expanduser(),
            self.tr("Satchel bundles (*.satchel)"),
        )
        if path is not None:
            self.file_edit.setText(str(path))

    # -- writing ------------------------------------------------------------------------------

    def write(self) -> None:
        """Start writing in a worker; progress and cancel stay available."""
        keyed = self.to_colleagues.isChecked()
        to = [self.vault.colleagues.get(cid) for cid in self.colleague_ids()] if keyed else []
        passphrase = None if keyed else self.passphrase_edit.text()
        dest = Path(self.file_edit.text()).expanduser()
        cases = self.case_ids()
        documents, notes = self.documents_box.isChecked(), self.notes_box.isChecked()

        idle = self._idle = threading.Event()

        def job(ctx: JobContext) -> ExportResult:
            try:
                return export_bundle(
                    self.vault, cases, dest, to=to, passphrase=passphrase,
                    documents=documents, notes=notes,
                    progress=ctx.progress, cancel=lambda: ctx.cancelled,
                )  # fmt: skip
            finally:
                idle.set()

        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        set_plain_text(self.status, self.tr("Writing…"))
        self.write_button.setEnabled(False)
        self._job = run_job(job, self._done, self._failed, self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))

    def _done(self, result: ExportResult) -> None:
        self._job = None
        self.exported = result
        self.progress.setVisible(False)
        text = self.tr("Wrote {0}.").format(result.path)
        if self.to_passphrase.isChecked():
            text += "\n" + self.tr("One-time passphrase: {0}").format(self.passphrase_edit.text())
        set_plain_text(self.status, text)
        self.cancel_button.setText(self.tr("Close"))
        self._update()

    def _failed(self, message: str, _exc: BaseException) -> None:
        self._job = None
        self.progress.setVisible(False)
        set_plain_text(self.status, message)
        self._update()

    def _cancel(self) -> None:
        if self._job is not None and not self._job.is_finished:
            self._job.cancel()
            set_plain_text(self.status, self.tr("Cancelling…"))
            return
        self.reject()

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        return DraftSubject("export", None, dict(self._opened_with))

    def reject(self) -> None:
        """Close; a bundle being written is cancelled first and nothing of it is kept.

        Waits for the worker (it checks for cancellation every chunk) so that a lock, which
        closes dialogs, never closes the vault under a running export.
        """
        if self._job is not None and not self._idle.is_set():
            self._job.cancel()
            self._idle.wait(timeout=30)
        super().reject()
