"""The notes of a case: dated free text with its author, plain or Markdown, rendered safely.

`NotesPanel` lists a case's notes (newest first) and shows the selected one; `NoteDialog`
writes one through `vault.notes`. Markdown is rendered by `SafeNoteView`, which turns HTML
off (`MarkdownNoHTML`), loads no resource of any kind and opens no link: a note that came in
a bundle as `![](file:///home/…/scan.jpg)` must not make the client read and show that file.

This module must never render note text as HTML, never read a file a note names, and never
follow a link by itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TypedDict

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    QTimer,
    QTimeZone,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Note, NoteFormat
from satchel.core.notes import note_title
from satchel.core.vault import Vault
from satchel.errors import InvalidInput, SatchelError
from satchel.gui.common.confirmations import UnsavedChangesGuard
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.icons import icon
from satchel.gui.common.plaintext import plain_message, set_plain_text, set_plain_window_title
from satchel.gui.common.undo import undo_deletion, undo_edit
from satchel.gui.common.workers import user_message
from satchel.gui.history.dialog import HistoryDialog
from satchel.gui.notes.pieces import Piece, note_pieces, plain_pieces
from satchel.i18n import format_datetime

__all__ = ["MARKDOWN_FEATURES", "NoteDialog", "NotesPanel", "SafeNoteView"]

MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
"""GitHub-flavoured Markdown (tables, task lists, strike-through) with every HTML tag off."""

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    return image


class _NoResourceDocument(QTextDocument):
    """A text document that never loads a resource.

    Returning nothing is not enough: when a resource comes back empty, Qt's image handler
    falls back to `QImage.load(name)` on the path itself and would read the file. So every
    request gets a valid 1×1 transparent image (or empty bytes), and the URL is only noted
    so tests can see that a request was made and answered with nothing.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []
        # Read-only views: an undo stack would only keep a second copy of the note.
        self.setUndoRedoEnabled(False)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.requested.append(name.toString() if isinstance(name, QUrl) else name)
        if type == QTextDocument.ResourceType.ImageResource.value:
            return _blank_image()
        return b""


def _replace_images_with_text(doc: QTextDocument) -> int:
    """Turn every image in `doc` into the literal text "[image: <url>]"; returns how many.

    The document then holds no image format at all, so no layout or paint step can ever
    ask for one; the reader still sees that the note refers to a picture, and which.
    """
    positions: list[tuple[int, str]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                name = fragment.charFormat().toImageFormat().name()
                # An image fragment is one object-replacement character per image.
                for offset in range(fragment.length()):
                    positions.append((fragment.position() + offset, name))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    label = QCoreApplication.translate("SafeNoteView", "image")
    # Replace from the end so earlier positions stay valid.
    for pos, name in reversed(positions):
        cursor.setPosition(pos)
        cursor.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(f"[{label}: {name}]", QTextCharFormat())
    return len(positions)


class SafeNoteView(QTextBrowser):
    """A read-only view of one note: plain text, or Markdown without HTML, images or links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Selectable, but links are neither clickable nor focusable: nothing to activate.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setDocument(_NoResourceDocument(self))
        self._generation = 0
        self._pending: Iterator[Piece] | None = None
        self._last_markdown = False

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Never load anything (QTextBrowser would read local files and follow search paths)."""
        return None

    def setSource(self, name: QUrl | str, type: Any = None) -> None:
        """Never navigate: a link in a note must not load a file into the view."""
        return

    def show_note(self, body: str, fmt: NoteFormat) -> None:
        """Show `body` as plain text or as safe Markdown.

        A long note is built piece by piece, one piece per event-loop turn (see
        `pieces`): the window, the lock shortcut and `satchel lock` keep answering while
        it renders. Showing another note, or clearing, stops the rendering of this one.
        """
        self._generation += 1
        self._pending = None
        doc = _NoResourceDocument(self)
        old = self.document()
        self.setDocument(doc)
        if old is not None and old is not doc:
            old.deleteLater()
        if fmt is NoteFormat.MARKDOWN:
            source: Iterator[Piece] = note_pieces(body)
        else:
            source = plain_pieces(body)
        self._pending = source
        self._last_markdown = False
        self._render_next(self._generation, first=True)

    @property
    def rendering(self) -> bool:
        """True while pieces of the note are still to be added."""
        return self._pending is not None

    def _render_next(self, generation: int, first: bool = False) -> None:
        if generation != self._generation or self._pending is None:
            return  # another note, or a lock, took over
        piece = next(self._pending, None)
        if piece is None:
            self._pending = None
            return
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # A Markdown piece ends a block; plain text goes on where the last piece stopped.
        if not first and (piece.markdown or self._last_markdown):
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self._last_markdown = piece.markdown
        if piece.plain_from:
            notice = QTextCharFormat()
            notice.setFontItalic(True)
            cursor.insertText(
                QCoreApplication.translate(
                    "SafeNoteView",
                    "This note is long: the rest of it is shown as plain text, unformatted.",
                ),
                notice,
            )
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if piece.left_out:
            notice = QTextCharFormat()
            notice.setFontItalic(True)
            if cursor.block().length() > 1:  # the text did not end with a line break
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertText(
                QCoreApplication.translate(
                    "SafeNoteView",
                    "The note goes on for %n more characters, not shown here: it is too "
                    "long to show at once. It is kept whole in the vault.",
                    "",
                    piece.left_out,
                ),
                notice,
            )
        elif piece.markdown:
            part = _NoResourceDocument()
            part.setMarkdown(piece.text, MARKDOWN_FEATURES)
            _replace_images_with_text(part)
            cursor.insertFragment(QTextDocumentFragment(part))
        else:
            cursor.insertText(piece.text, QTextCharFormat())
        # The next piece on a later turn: whatever else waits (a key, a lock) comes first.
        QTimer.singleShot(0, self, lambda: self._render_next(generation))

    def finish_rendering(self) -> None:
        """Render what is left now (a test or a caller that needs the whole note)."""
        generation = self._generation
        while self._pending is not None and generation == self._generation:
            self._render_next(generation)

    def plain_text(self) -> str:
        """The note as shown so far, as plain text."""
        return self.document().toPlainText()

    def clear(self) -> None:
        self.show_note("", NoteFormat.PLAIN)


def _to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())


class _NoteFields(TypedDict):
    """What the dialog writes: the arguments of NoteStore.create and .update."""

    body: str
    author: str
    format: NoteFormat
    written: datetime


class NoteDialog(UnsavedChangesGuard):
    """Write or edit one note of a case; changes go through `vault.notes`."""

    note_saved = Signal(str)

    def __init__(
        self,
        vault: Vault,
        case_id: str,
        note_id: str | None = None,
        parent: QWidget | None = None,
        default_author: str = "",
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case_id = case_id
        self._note_id = note_id
        self._saved_state: tuple[object, ...] | None = None
        self._draft_label = self._draft_stamp = ""
        self.setModal(True)

        self.author_edit = QLineEdit(self)
        self.written_edit = QDateTimeEdit(self)
        # Never the locale's numeric short form ("3/3/26" reads as March or as a day of
        # March depending on the reader): the month in words, in the genitive in Russian.
        self.written_edit.setDisplayFormat("d MMMM yyyy, HH:mm")
        self.written_edit.setCalendarPopup(True)
        self.format_combo = QComboBox(self)
        self.format_combo.addItem("", NoteFormat.PLAIN.value)
        self.format_combo.addItem("", NoteFormat.MARKDOWN.value)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setTabChangesFocus(True)
        self.preview = SafeNoteView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.body_edit, "")
        self.tabs.addTab(self.preview, "")
        self.body_error = QLabel(self)
        self.body_error.setObjectName("error")
        self.body_error.setWordWrap(True)
        self.body_error.hide()
        self.general_error = QLabel(self)
        self.general_error.setObjectName("error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        form = QFormLayout()
        self._author_label = QLabel(self)
        self._written_label = QLabel(self)
        self._format_label = QLabel(self)
        self._author_label.setBuddy(self.author_edit)
        self._written_label.setBuddy(self.written_edit)
        self._format_label.setBuddy(self.format_combo)
        form.addRow(self._author_label, self.author_edit)
        form.addRow(self._written_label, self.written_edit)
        form.addRow(self._format_label, self.format_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.body_error)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.accept)

        self.tabs.currentChanged.connect(self._refresh_preview)
        self.body_edit.textChanged.connect(self.body_error.hide)
        self._retranslate()

        if note_id is not None:
            note: Note = vault.notes.get(note_id)
            self.author_edit.setText(note.author)
            self.written_edit.setDateTime(_to_qdatetime(note.written))
            self.format_combo.setCurrentIndex(self.format_combo.findData(note.format.value))
            self.body_edit.setPlainText(note.body)
            set_plain_window_title(self, self.tr("Note: %1").replace("%1", note_title(note)))
            self._draft_label, self._draft_stamp = note_title(note), note.updated_at.isoformat()
        else:
            self.author_edit.setText(default_author)
            self.written_edit.setDateTime(QDateTime.currentDateTime())
            self.setWindowTitle(self.tr("New note"))
        self._saved_state = self._state()
        self.resize(640, 520)

    def _retranslate(self) -> None:
        self._author_label.setText(self.tr("&Author"))
        self._written_label.setText(self.tr("&Written"))
        self._format_label.setText(self.tr("&Format"))
        self.format_combo.setItemText(0, self.tr("Plain text"))
        self.format_combo.setItemText(1, self.tr("Markdown"))
        self.tabs.setTabText(0, self.tr("Text"))
        self.tabs.setTabText(1, self.tr("Preview"))
        self.author_edit.setAccessibleName(self.tr("Author"))
        self.written_edit.setAccessibleName(self.tr("Written"))
        self.format_combo.setAccessibleName(self.tr("Format"))
        self.body_edit.setAccessibleName(self.tr("Note text"))
        self.preview.setAccessibleName(self.tr("Preview of the note"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _format(self) -> NoteFormat:
        return NoteFormat(self.format_combo.currentData())

    def _refresh_preview(self) -> None:
        if self.tabs.currentWidget() is self.preview:
            self.preview.show_note(self.body_edit.toPlainText(), self._format())

    def _state(self) -> tuple[object, ...]:
        return (
            self.author_edit.text(),
            self.written_edit.dateTime().toSecsSinceEpoch(),
            self.format_combo.currentData(),
            self.body_edit.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self._saved_state is not None and self._state() != self._saved_state

    @property
    def note_id(self) -> str | None:
        return self._note_id

    def save(self) -> bool:
        self.body_error.hide()
        self.general_error.hide()
        body = self.body_edit.toPlainText()
        if not body.strip():
            set_plain_text(self.body_error, self.tr("A note needs some text."))
            self.body_error.show()
            return False
        written = datetime.fromtimestamp(self.written_edit.dateTime().toSecsSinceEpoch(), tz=UTC)
        fields: _NoteFields = {
            "body": body,
            "author": self.author_edit.text().strip(),
            "format": self._format(),
            "written": written,
        }
        try:
            if self._note_id is None:
                note = self._vault.notes.create(self._case_id, **fields)
            else:
                note = self._vault.notes.update(self._note_id, **fields)
        except InvalidInput as exc:
            target = self.body_error if exc.field == "body" else self.general_error
            set_plain_text(target, user_message(exc))
            target.show()
            return False
        except SatchelError as exc:
            set_plain_text(self.general_error, user_message(exc))
            self.general_error.show()
            return False
        self._note_id = note.id
        self._saved_state = self._state()
        self.note_saved.emit(note.id)
        return True

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        label = self._draft_label or self.body_edit.toPlainText().strip().split("\n", 1)[0][:80]
        return DraftSubject(
            "note", self._note_id, {"case_id": self._case_id}, label, self._draft_stamp
        )

    def _unsaved_changes_question(self) -> tuple[str, str]:
        return (
            self.tr("Unsaved changes"),
            self.tr("This note has changes that are not saved."),
        )

    def clear(self) -> None:
        """Drop the note's text and close without asking (the lock calls this)."""
        self._saved_state = None
        self.author_edit.clear()
        self.body_edit.clear()
        self.preview.clear()
        self.body_error.clear()
        self.general_error.clear()
        self.setWindowTitle("")
        QDialog.reject(self)


class NotesPanel(QWidget):
    """The notes page of a case view: the list on the left, the selected note on the right."""

    open_record = Signal(str, str)
    notes_changed = Signal()
    undoable = Signal(object)  # an Undoable: a change made here, for the window's Ctrl+Z

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case_id: str | None = None
        self._notes: dict[str, Note] = {}
        self.setObjectName("NotesPanel")

        self.add_button = QToolButton(self)
        self.add_button.setIcon(icon("add"))
        self.edit_button = QToolButton(self)
        self.edit_button.setIcon(icon("edit"))
        self.delete_button = QToolButton(self)
        self.delete_button.setIcon(icon("delete"))
        self.history_button = QToolButton(self)
        self.history_button.setIcon(icon("history"))
        self.history_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(3)
        self.header_label = QLabel(self)
        self.header_label.setObjectName("muted")
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = SafeNoteView(self)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header_label)
        right_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)

        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.history_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty_label)

        self.add_button.clicked.connect(self.add_note)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_note, ctx)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.list,
            self.delete_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self._retranslate()
        self._update_state()

    def _retranslate(self) -> None:
        self.add_button.setText(self.tr("New note…"))
        self.add_button.setToolTip(self.tr("Write a new note (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected note (Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(
            self.tr("Move the selected note to the trash (Delete; Ctrl+Z undoes)")
        )
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Who changed this note, and when"))
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setAccessibleName(b.text().rstrip("…"))
        self.list.setAccessibleName(self.tr("Notes"))
        self.view.setAccessibleName(self.tr("Selected note"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if not getattr(self._vault, "closed", False):
                self.reload()  # note dates are written in the interface language
            else:
                self.clear()
        super().changeEvent(event)

    # -- case and loading ------------------------------------------------------------------

    def set_case(self, case_id: str | None) -> None:
        self._case_id = case_id
        self.reload()

    def reload(self) -> None:
        keep = self.selected_note_id()
        self.list.clear()
        self._notes = {}
        if self._case_id is not None:
            for note in self._vault.notes.list(case_id=self._case_id):
                self._notes[note.id] = note
                item = QListWidgetItem(self._item_text(note), self.list)
                item.setData(NOTE_ID_ROLE, note.id)
        if keep is not None and keep in self._notes:
            self.select_note(keep)
        elif self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show_current(None, None)
        self._update_state()

    def _item_text(self, note: Note) -> str:
        meta = format_datetime(note.written)
        if note.author:
            meta = f"{meta} · {note.author}"
        return f"{meta}\n{note_title(note)}"

    def select_note(self, note_id: str) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(NOTE_ID_ROLE) == note_id:
                self.list.setCurrentRow(i)
                return True
        return False

    def selected_note_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(NOTE_ID_ROLE) if item is not None else None

    def _show_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        note = self._notes.get(current.data(NOTE_ID_ROLE)) if current is not None else None
        if note is None:
            self.header_label.clear()
            self.view.clear()
        else:
            meta = format_datetime(note.written)
            if note.author:
                meta = self.tr("%1, by %2").replace("%1", meta).replace("%2", note.author)
            set_plain_text(self.header_label, meta)
            self.view.show_note(note.body, note.format)
        self._update_state()

    def _update_state(self) -> None:
        has_case = self._case_id is not None
        selected = self.selected_note_id() is not None
        self.add_button.setEnabled(has_case)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.history_button.setEnabled(selected)
        if not has_case:
            text = self.tr("No case is open.")
        elif not self._notes:
            text = self.tr("No notes yet. Write the first one with “New note…” (Ctrl+N).")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.splitter.setVisible(bool(self._notes))

    def clear(self) -> None:
        """Drop every piece of vault data (the lock calls this), open note forms included."""
        for dialog in self.findChildren(NoteDialog):
            dialog.clear()
        self._case_id = None
        self._notes = {}
        self.list.clear()
        self.header_label.clear()
        self.view.clear()
        self._update_state()

    # -- actions ---------------------------------------------------------------------------

    def _last_author(self) -> str:
        for note in self._notes.values():
            if note.author:
                return note.author
        return ""

    def add_note(self) -> None:
        if self._case_id is None:
            return
        dialog = NoteDialog(self._vault, self._case_id, None, self, self._last_author())
        dialog.note_saved.connect(self._after_save)
        dialog.open()

    def edit_selected(self) -> None:
        note_id = self.selected_note_id()
        if note_id is None or self._case_id is None:
            return
        dialog = NoteDialog(self._vault, self._case_id, note_id, self)
        dialog.note_saved.connect(self._after_save)
        before = self._vault.notes.find(note_id)
        dialog.note_saved.connect(lambda saved_id: self._offer_undo_of_edit(before, saved_id))
        dialog.open()

    def _after_save(self, note_id: str) -> None:
        self.reload()
        self.select_note(note_id)
        self.notes_changed.emit()

    def delete_selected(self) -> None:
        """Move the selected note to the trash; undone with Ctrl+Z or from the trash."""
        note_id = self.selected_note_id()
        if note_id is None:
            return
        note = self._notes[note_id]
        try:
            self._vault.notes.delete(note_id)
        except SatchelError as exc:
            plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Delete note"), user_message(exc)
            ).exec()
            return
        self.reload()
        self.notes_changed.emit()
        done = self.tr("Note “%1” moved to the trash").replace("%1", note_title(note))
        self.undoable.emit(undo_deletion(self._vault.trash, note_id, done, self._after_undo))

    def _offer_undo_of_edit(self, before: Note | None, note_id: str) -> None:
        after = self._vault.notes.find(note_id)
        if before is None or after is None:
            return
        done = self.tr("Note “%1” changed").replace("%1", note_title(after))
        item = undo_edit(self._vault.notes, before, after, done, self._after_undo)
        if item is not None:
            self.undoable.emit(item)

    def _after_undo(self) -> None:
        self.reload()
        self.notes_changed.emit()

    def show_history(self) -> None:
        """The selected note's history from the audit log, in a window of its own."""
        note_id = self.selected_note_id()
        if note_id is not None:
            note = self._notes[note_id]
            HistoryDialog(self._vault, note_id, note_title(note), self).open()
