"""The documents of a case or of a person: intake, SHA-256 and provenance, viewing, export.

`DocumentsPanel` lists the documents with name, type, size, date received, SHA-256 and
provenance. Files come in through a file dialog or by drag-and-drop and are streamed into
the vault by `vault.documents.add` in a worker, with a progress dialog and Cancel (a
cancelled file leaves nothing behind). Viewing happens in memory (`document_viewer`);
the only way out is "Export copy…", after a warning that the copy is not encrypted.

This module must never write a decrypted document anywhere but the path the user chose in
"Export copy…", and shows file names and provenance only as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Document
from satchel.core.vault import Vault
from satchel.errors import Cancelled, SatchelError
from satchel.gui.common.dates import DayEdit
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.file_dialogs import choose_open_files, choose_save_file
from satchel.gui.common.icons import icon
from satchel.gui.common.plaintext import plain_message, plain_tooltip, set_plain_text
from satchel.gui.common.undo import undo_deletion
from satchel.gui.common.workers import Job, JobContext, run_job, user_message
from satchel.gui.documents.viewer import DocumentViewerDialog, monospace_font
from satchel.gui.history.dialog import HistoryDialog
from satchel.i18n import format_date, format_fuzzy, format_size

__all__ = ["DocumentsModel", "DocumentsPanel", "IntakeDialog"]

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentsModel(QAbstractTableModel):
    """The documents of one case or person, oldest intake first."""

    NAME, TYPE, SIZE, RECEIVED, SHA256, SOURCE = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: list[Document] = []

    def load(self, docs: Sequence[Document]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self.endResetModel()

    def clear(self) -> None:
        self.load([])

    def document_at(self, row: int) -> Document:
        return self._docs[row]

    def row_of(self, document_id: str) -> int:
        for i, d in enumerate(self._docs):
            if d.id == document_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Size"),
            self.tr("Received"),
            self.tr("SHA-256"),
            self.tr("Provenance"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        doc = self._docs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                doc.filename,
                doc.media_type,
                format_size(doc.size),
                format_date(doc.received),
                doc.sha256,
                doc.source,
            )[col]
        if role == SORT_ROLE:
            if col == self.SIZE:
                return doc.size
            if col == self.RECEIVED:
                return doc.received.toordinal() if doc.received else 0
            return str(self.data(index)).casefold()
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.FontRole and col == self.SHA256:
            return monospace_font()
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.NAME, self.SOURCE, self.SHA256):
            return plain_tooltip(str(self.data(index)))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class IntakeDialog(QDialog):
    """Where new files came from: the date received and their provenance."""

    def __init__(
        self,
        names: Sequence[str],
        parent: QWidget | None = None,
        received: date | None = None,
        source: str = "",
        subject: DraftSubject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._subject = subject or DraftSubject("intake")
        self.files_label = QLabel(self)
        self.files_label.setWordWrap(True)
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        set_plain_text(self.files_label, shown)
        self.received_edit = DayEdit(self)
        day = received or date.today()
        self.received_edit.setDate(QDate(day.year, day.month, day.day))
        self.source_edit = QLineEdit(self)
        self.source_edit.setText(source)
        form = QFormLayout()
        self._received_label = QLabel(self)
        self._received_label.setBuddy(self.received_edit)
        self._source_label = QLabel(self)
        self._source_label.setBuddy(self.source_edit)
        form.addRow(self._received_label, self.received_edit)
        form.addRow(self._source_label, self.source_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Document details"))
        self._received_label.setText(self.tr("&Received on"))
        self._source_label.setText(self.tr("&Provenance"))
        self.source_edit.setPlaceholderText(self.tr("Who gave it, how it arrived"))
        self.received_edit.setAccessibleName(self.tr("Received on"))
        self.source_edit.setAccessibleName(self.tr("Provenance"))
        self.resize(520, 180)

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        return self._subject

    def received(self) -> date:
        d = self.received_edit.date()
        return date(d.year(), d.month(), d.day())

    def source(self) -> str:
        return self.source_edit.text().strip()


class _DocumentsView(QTableView):
    """Enter opens the selected document, Delete deletes it (after asking)."""

    open_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class _Owner(TypedDict):
    """Whose documents the panel shows: DocumentStore.add's owner arguments."""

    case_id: str | None
    person_id: str | None


class DocumentsPanel(QWidget):
    """The documents page of a case view (`set_case`) or of a person (`set_person`)."""

    open_record = Signal(str, str)
    documents_changed = Signal()
    undoable = Signal(object)  # an Undoable: a change made here, for the window's Ctrl+Z
    intake_finished = Signal(int)  # how many files were stored
    export_finished = Signal(str)  # the path written

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        """`compact`: icon-only buttons and no type or hash columns (the hash stays in the
        details below), for a panel embedded in a narrower page such as a person's."""
        super().__init__(parent)
        self._vault = vault
        self._case_id: str | None = None
        self._person_id: str | None = None
        self._job: Job | None = None
        self._progress: QProgressDialog | None = None
        self._viewers: list[DocumentViewerDialog] = []
        self.setObjectName("DocumentsPanel")
        self.setAcceptDrops(True)

        self.model = DocumentsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.add_button = QToolButton(self)
        self.add_button.setIcon(icon("add"))
        self.view_button = QToolButton(self)
        self.view_button.setIcon(icon("document"))
        self.export_button = QToolButton(self)
        self.export_button.setIcon(icon("export"))
        self.details_button = QToolButton(self)
        self.details_button.setIcon(icon("edit"))
        self.delete_button = QToolButton(self)
        self.delete_button.setIcon(icon("delete"))
        self.history_button = QToolButton(self)
        self.history_button.setIcon(icon("history"))
        self._buttons = (
            self.add_button,
            self.view_button,
            self.export_button,
            self.details_button,
            self.delete_button,
            self.history_button,
        )
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for b in self._buttons:
            b.setToolButtonStyle(style)

        self.table = _DocumentsView(self)
        self.table.setModel(self.proxy)
        self.empty_state = show_when_empty(
            self.table,
            self.tr(
                "No documents yet. Add files, or drop them here: they are stored encrypted "
                "inside the vault."
            ),
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DocumentsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DocumentsModel.TYPE, 130)
        header.resizeSection(DocumentsModel.SIZE, 90)
        header.resizeSection(DocumentsModel.RECEIVED, 100)
        header.resizeSection(DocumentsModel.SHA256, 160)
        header.setSectionResizeMode(DocumentsModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        if compact:
            self.table.hideColumn(DocumentsModel.TYPE)
            self.table.hideColumn(DocumentsModel.SHA256)

        # The selected document's hash in full, selectable, to compare with a colleague's.
        self.sha_label = QLabel(self)
        self.sha_field = QLineEdit(self)
        self.sha_field.setReadOnly(True)
        self.sha_field.setFont(monospace_font())
        self.provenance_label = QLabel(self)
        self.provenance_value = QLabel(self)
        self.provenance_value.setWordWrap(True)
        self.provenance_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.events_label = QLabel(self)
        self.events_value = QLabel(self)
        self.events_value.setWordWrap(True)
        details = QFormLayout()
        details.addRow(self.sha_label, self.sha_field)
        details.addRow(self.provenance_label, self.provenance_value)
        details.addRow(self.events_label, self.events_value)
        self.details = QWidget(self)
        self.details.setLayout(details)

        self.drop_hint = QLabel(self)
        self.drop_hint.setObjectName("muted")
        self.drop_hint.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("error")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        bar = QHBoxLayout()
        for b in self._buttons:
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.drop_hint)

        self.add_button.clicked.connect(self.choose_files)
        self.view_button.clicked.connect(self.view_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.details_button.clicked.connect(self.edit_selected_details)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        self.table.open_requested.connect(self.view_selected)
        self.table.delete_requested.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _i: self.view_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_files, ctx)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_selected, ctx)
        self._retranslate()
        self._show_details()

    def _retranslate(self) -> None:
        self.add_button.setText(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Add files (Ctrl+O), or drop them here"))
        self.view_button.setText(self.tr("View"))
        self.view_button.setToolTip(self.tr("Show the selected document (Enter)"))
        self.export_button.setText(self.tr("Export copy…"))
        self.export_button.setToolTip(self.tr("Save an unencrypted copy (Ctrl+E)"))
        self.details_button.setText(self.tr("Details…"))
        self.details_button.setToolTip(self.tr("Change the date received and the provenance"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(
            self.tr("Move the selected document to the trash (Delete; Ctrl+Z undoes)")
        )
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Who changed this document, and when"))
        for b in self._buttons:
            b.setAccessibleName(b.text().rstrip("…"))
        self.table.setAccessibleName(self.tr("Documents"))
        self.sha_label.setText(self.tr("SHA-256"))
        self.sha_field.setAccessibleName(self.tr("SHA-256 of the selected document"))
        self.provenance_label.setText(self.tr("Provenance"))
        self.events_label.setText(self.tr("Supports"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Headers, sizes and dates are formatted when painted; ask for a repaint.
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, DocumentsModel.COLUMN_COUNT - 1
            )
            self.table.viewport().update()
        super().changeEvent(event)

    # -- what is shown ---------------------------------------------------------------------

    def set_case(self, case_id: str | None) -> None:
        """Show the documents of a case (None shows nothing)."""
        self._case_id, self._person_id = case_id, None
        self.reload()

    def set_person(self, person_id: str | None) -> None:
        """Show the documents attached to a person (for the person view)."""
        self._case_id, self._person_id = None, person_id
        self.reload()

    def _owner(self) -> _Owner:
        return {"case_id": self._case_id, "person_id": self._person_id}

    def _has_owner(self) -> bool:
        return self._case_id is not None or self._person_id is not None

    def reload(self) -> None:
        keep = self.selected_document_id()
        if not self._has_owner():
            self.model.clear()
        elif self._case_id is not None:
            self.model.load(self._vault.documents.list(case_id=self._case_id))
        else:
            self.model.load(self._vault.documents.list(person_id=self._person_id))
        if keep is not None:
            self.select_document(keep)
        self._show_details()

    def select_document(self, document_id: str) -> bool:
        row = self.model.row_of(document_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_details()
        return True

    def selected_document_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(DOCUMENT_ID_ROLE)

    def selected_document(self) -> Document | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.document_at(self.proxy.mapToSource(index).row())

    def _show_details(self) -> None:
        doc = self.selected_document()
        if doc is None:
            self.sha_field.clear()
            self.provenance_value.clear()
            self.events_value.clear()
        else:
            self.sha_field.setText(doc.sha256)
            self.sha_field.setCursorPosition(0)
            set_plain_text(self.provenance_value, doc.source or "—")
            titles = []
            for event_id in doc.event_ids:
                ev = self._vault.events.find(event_id)
                if ev is not None:
                    titles.append(f"{format_fuzzy(ev.date)}: {ev.title}")
            set_plain_text(self.events_value, "\n".join(titles) or "—")
        self.details.setVisible(doc is not None)
        self._update_state()

    def _update_state(self) -> None:
        selected = self.selected_document() is not None
        busy = self._job is not None
        self.add_button.setEnabled(self._has_owner() and not busy)
        for b in (
            self.view_button, self.export_button, self.details_button, self.delete_button,
            self.history_button,
        ):  # fmt: skip
            b.setEnabled(selected and not busy)
        if not self._has_owner():
            hint = self.tr("No case is open.")
        elif self.model.rowCount() == 0:
            hint = self.tr("No documents yet. Add files with “Add files…” or drop them here.")
        else:
            hint = self.tr("Drop files here to add them.")
        self.drop_hint.setText(hint)

    def _show_problem(self, message: str) -> None:
        set_plain_text(self.message_label, message)
        self.message_label.setVisible(bool(message))

    # -- intake ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        if not self._has_owner() or self._job is not None:
            return
        paths = choose_open_files(self, self.tr("Add documents"))
        if paths:
            self.ask_and_add(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self._has_owner() and self._job is None and mime.hasUrls():
            if all(u.isLocalFile() for u in mime.urls()):
                event.acceptProposedAction()
                return
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if not files or not self._has_owner():
            event.ignore()
            return
        event.acceptProposedAction()
        self.ask_and_add(files)

    def ask_and_add(self, paths: Sequence[Path]) -> Job | None:
        """Ask where the files came from, then store them."""
        owner = {k: str(v) for k, v in self._owner().items() if v is not None}
        subject = DraftSubject("intake", None, {**owner, "paths": "\n".join(str(p) for p in paths)})
        dialog = IntakeDialog([p.name for p in paths], self, subject=subject)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.add_files(paths, received=dialog.received(), source=dialog.source())

    def add_files(
        self, paths: Sequence[Path], received: date | None = None, source: str = ""
    ) -> Job | None:
        """Stream `paths` into the vault in a worker, with a progress dialog and Cancel.

        Each file is its own transaction: a cancel drops the file being read and keeps
        the ones already stored.
        """
        if not self._has_owner() or self._job is not None or not paths:
            return None
        owner = self._owner()
        documents = self._vault.documents
        files = list(paths)
        sizes = [p.stat().st_size if p.is_file() else 0 for p in files]
        total = sum(sizes)

        def intake(ctx: JobContext) -> list[str]:
            stored: list[str] = []
            before = 0
            for path, size in zip(files, sizes, strict=True):
                ctx.check_cancelled()

                def progress(done: int, _total: int, base: int = before) -> None:
                    ctx.progress(base + done, total)

                doc = documents.add(
                    path,
                    filename=path.name,
                    received=received,
                    source=source,
                    progress=progress,
                    cancelled=lambda: ctx.cancelled,
                    **owner,
                )
                stored.append(doc.id)
                before += size
            return stored

        self._show_problem("")
        self._start_progress(self.tr("Adding documents…"), total)
        self._job = run_job(intake, self._intake_done, self._intake_failed, self._on_progress)
        self._update_state()
        return self._job

    def _start_progress(self, label: str, total: int) -> None:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(label)
        # Window-modal: the rest of this window must not write to the vault while the
        # worker holds its transaction; the lock shortcut still works on the main window.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if total == 0:
            dialog.setRange(0, 0)
        dialog.canceled.connect(self.cancel_work)
        self._progress = dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and total:
            self._progress.setValue(min(1000, done * 1000 // total))

    def _finish_progress(self) -> None:
        self._job = None
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel_work)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._update_state()

    def cancel_work(self) -> None:
        """Cancel the running intake or export (the lock does this too)."""
        if self._job is not None:
            self._job.cancel()

    def _intake_done(self, stored: list[str]) -> None:
        self._finish_progress()
        self.reload()
        if stored:
            self.select_document(stored[-1])
        self.documents_changed.emit()
        self.intake_finished.emit(len(stored))

    def _intake_failed(self, message: str, exc: BaseException) -> None:
        self._finish_progress()
        self.reload()  # files stored before the failure or cancel are there
        if isinstance(exc, Cancelled):
            message = self.tr("Cancelled. The file being added was not kept.")
        self._show_problem(message)
        self.intake_finished.emit(-1)

    # -- viewing, details, export, deletion ------------------------------------------------

    def view_selected(self) -> DocumentViewerDialog | None:
        doc_id = self.selected_document_id()
        if doc_id is None:
            return None
        viewer = DocumentViewerDialog(self._vault, doc_id, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.export_requested.connect(self.export_document)
        viewer.destroyed.connect(lambda _o=None, v=viewer: self._forget_viewer(v))
        self._viewers.append(viewer)
        viewer.show()
        return viewer

    def _forget_viewer(self, viewer: DocumentViewerDialog) -> None:
        if viewer in self._viewers:
            self._viewers.remove(viewer)

    def edit_selected_details(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        subject = DraftSubject("document", doc.id, {}, doc.filename, doc.updated_at.isoformat())
        dialog = IntakeDialog([doc.filename], self, doc.received, doc.source, subject)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self._vault.documents.update(doc.id, received=dialog.received(), source=dialog.source())
        except SatchelError as exc:
            self._show_problem(user_message(exc))
            return
        self.reload()
        self.documents_changed.emit()

    def export_selected(self) -> Job | None:
        doc_id = self.selected_document_id()
        return self.export_document(doc_id) if doc_id is not None else None

    def export_document(self, document_id: str) -> Job | None:
        """Warn that the copy is not encrypted, ask where, then write it in a worker."""
        if self._job is not None:
            return None
        doc: Document = self._vault.documents.get(document_id)
        warning = plain_message(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Export an unencrypted copy"),
            self.tr("The copy of “%1” will NOT be encrypted.").replace("%1", doc.filename),
            self.tr(
                "Anyone who can read the place you save it to can read the document. "
                "Prefer the viewer inside Satchel; delete the copy when you no longer need it."
            ),
            buttons=QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            default=QMessageBox.StandardButton.Cancel,
        )
        warning.button(QMessageBox.StandardButton.Ok).setText(self.tr("Choose where…"))
        if warning.exec() != QMessageBox.StandardButton.Ok:
            return None
        # Only a suggested name in the user's home: the user decides where plaintext goes.
        dest = choose_save_file(self, self.tr("Export copy"), Path.home() / doc.filename)
        if dest is None:
            return None
        documents = self._vault.documents

        def export(ctx: JobContext) -> str:
            return str(
                documents.export_copy(
                    doc.id, dest, progress=ctx.progress, cancelled=lambda: ctx.cancelled
                )
            )

        self._show_problem("")
        self._start_progress(self.tr("Exporting a copy…"), doc.size)
        self._job = run_job(export, self._export_done, self._export_failed, self._on_progress)
        self._update_state()
        return self._job

    def _export_done(self, path: str) -> None:
        self._finish_progress()
        self.export_finished.emit(path)

    def _export_failed(self, message: str, exc: BaseException) -> None:
        self._finish_progress()
        if isinstance(exc, Cancelled):
            message = self.tr("Cancelled. No file was written.")
        self._show_problem(message)
        self.export_finished.emit("")

    def delete_selected(self) -> None:
        """Move the selected document to the trash (its encrypted bytes stay until the
        trash is emptied); undone with Ctrl+Z or from the trash."""
        doc = self.selected_document()
        if doc is None or self._job is not None:
            return
        try:
            self._vault.documents.delete(doc.id)
        except SatchelError as exc:
            self._show_problem(user_message(exc))
            return
        self.reload()
        self.documents_changed.emit()
        done = (
            self.tr("“%1” (%2) moved to the trash")
            .replace("%1", doc.filename)
            .replace("%2", format_size(doc.size))
        )
        self.undoable.emit(undo_deletion(self._vault.trash, doc.id, done, self._after_undo))

    def _after_undo(self) -> None:
        self.reload()
        self.documents_changed.emit()

    def show_history(self) -> None:
        """The selected document's history from the audit log, in a window of its own."""
        doc = self.selected_document()
        if doc is not None:
            HistoryDialog(self._vault, doc.id, doc.filename, self).open()

    # -- the lock --------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop every piece of vault data, close viewers, cancel running work."""
        self.cancel_work()
        for viewer in list(self._viewers):
            viewer.clear()
        self._viewers.clear()
        self._case_id = self._person_id = None
        self.model.clear()
        self.sha_field.clear()
        self.provenance_value.clear()
        self.events_value.clear()
        self._show_problem("")
        self._show_details()
