"""The People page: every person and organisation, filtered as you type, and their detail.

`PeopleModel` lists people page by page (`vault.people.list` with limit/offset) so 20,000
people open at once. Filtering matches any spelling of any name (`vault.people.list(text=...)`:
a substring, Ё read as Е, or every word by its folded keys, as docs/search.md says), plus
what the search index finds in the rest of the record (`vault.search`: a document number, a
phone), so `Yemelyanova`, `Schtschogolew` and `Емельянова` find their person.
`PeoplePage` puts the list beside `PersonView` and opens `PersonDialog` to create or edit.

This module holds no SQL and shows names only as plain text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Person, PersonKind
from satchel.core.vault import Vault
from satchel.errors import NotFound, SatchelError
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.icons import icon
from satchel.gui.common.plaintext import plain_message, plain_tooltip, set_plain_text
from satchel.gui.common.undo import undo_deletion, undo_edit
from satchel.gui.common.workers import user_message
from satchel.gui.history.dialog import HistoryDialog
from satchel.gui.people.dialog import PersonDialog
from satchel.gui.people.view import PersonView
from satchel.i18n import format_partial
from satchel.labels import person_kind_label

__all__ = ["PeopleModel", "PeoplePage"]

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole
_PAGE = 200
_MAX_MATCHES = 500  # a filter that matches more than this is narrowed by typing more


class PeopleModel(QAbstractTableModel):
    """People by primary name, fetched a page at a time; or the matches of a filter."""

    NAME, OTHER_NAMES, BORN, CITIZENSHIPS = range(4)
    COLUMN_COUNT = 4

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._rows: list[Person] = []
        self._texts: list[tuple[str, str, str, str]] = []
        self._text = ""
        self._kind: PersonKind | None = None
        self._total = 0
        self._paged = True
        self._active = False

    # -- loading ---------------------------------------------------------------------------

    def set_filter(self, text: str, kind: PersonKind | None) -> None:
        self._text, self._kind = text.strip(), kind
        self.refresh()

    def refresh(self) -> None:
        # Query first, reset after: an error from the vault must not leave the model
        # half-way through a reset (views then read freed rows).
        if self._text:
            paged, people = False, self._matches()
            total = len(people)
        else:
            paged = True
            total = self._vault.people.count(kind=self._kind)
            people = self._vault.people.list(kind=self._kind, limit=_PAGE, offset=0)
        self.beginResetModel()
        self._rows, self._texts = [], []
        self._active, self._paged, self._total = True, paged, total
        self._append(people)
        self.endResetModel()

    def _matches(self) -> list[Person]:
        """Substring matches on any name, plus transliteration matches from the index."""
        by_id: dict[str, Person] = {}
        for p in self._vault.people.list(text=self._text, kind=self._kind, limit=_MAX_MATCHES):
            by_id[p.id] = p
        search = self._vault.search
        if search is not None and len(by_id) < _MAX_MATCHES:
            for hit in search.search(self._text, kinds=["person"], limit=_MAX_MATCHES):
                if hit.record_id in by_id:
                    continue
                try:
                    person = self._vault.people.get(hit.record_id)
                except NotFound:
                    continue  # removed since it was indexed
                if self._kind is None or person.kind is self._kind:
                    by_id[person.id] = person
        return sorted(by_id.values(), key=lambda p: (p.primary_name.casefold(), p.id))

    def _append(self, people: list[Person]) -> None:
        for p in people:
            self._rows.append(p)
            others = ", ".join(n.text for n in p.names if not n.primary)
            self._texts.append(
                (p.primary_name, others, format_partial(p.birth_date), ", ".join(p.citizenships))
            )

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (
            self._active and self._paged and not parent.isValid() and len(self._rows) < self._total
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = self._vault.people.list(kind=self._kind, limit=_PAGE, offset=len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._append(more)
        self.endInsertRows()

    def total(self) -> int:
        return self._total

    @property
    def active(self) -> bool:
        """False after `clear()`: the model then must not touch the (closed) vault."""
        return self._active

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._texts = [], []
        self._text, self._total, self._active = "", 0, False
        self.endResetModel()

    def person_at(self, row: int) -> Person:
        return self._rows[row]

    def row_of(self, person_id: str) -> int:
        for i, p in enumerate(self._rows):
            if p.id == person_id:
                return i
        return -1

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Other names"),
            self.tr("Born"),
            self.tr("Citizenship"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == PERSON_ID_ROLE:
            return self._rows[index.row()].id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.NAME, self.OTHER_NAMES):
            person = self._rows[index.row()]
            return plain_tooltip("\n".join(n.text for n in person.names))
        return None


class _PeopleView(QTableView):
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


class PeoplePage(QWidget):
    """People and organisations: the filtered list on the left, the detail on the right."""

    open_record = Signal(str, str)
    people_changed = Signal()
    undoable = Signal(object)  # an Undoable: a change made here, for the window's Ctrl+Z

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setObjectName("PeoplePage")

        self.model = PeopleModel(vault, self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem("", None)
        for k in PersonKind:
            self.kind_combo.addItem("", k.value)
        self.new_button = QToolButton(self)
        self.new_button.setIcon(icon("add"))
        self.edit_button = QToolButton(self)
        self.edit_button.setIcon(icon("edit"))
        self.delete_button = QToolButton(self)
        self.delete_button.setIcon(icon("delete"))
        self.history_button = QToolButton(self)
        for b in (self.new_button, self.edit_button, self.delete_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")

        self.table = _PeopleView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PeopleModel.OTHER_NAMES, QHeaderView.ResizeMode.Stretch)

        self.view = PersonView(vault, self)
        self.view.open_record.connect(self.open_record)
        self.view.edit_requested.connect(self.edit_person)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.kind_combo)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        left_layout.addLayout(filters)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 740])
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        self.empty_state = show_when_empty(self.table, self._empty_text)

        # Filter on the next event-loop turn, so a burst of typed keys costs one query.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(0)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(lambda: self.edit_person(self.selected_person_id()))
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        self.table.open_requested.connect(self._open_selected)
        self.table.delete_requested.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_person(self.selected_person_id()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_person, ctx)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_filter, ctx)
        self._retranslate()
        self.model.refresh()
        self._update_state()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("People"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by any name or spelling…"))
        self.filter_edit.setAccessibleName(self.tr("Filter people"))
        self.kind_combo.setItemText(0, self.tr("People and organisations"))
        for i, k in enumerate(PersonKind, start=1):
            self.kind_combo.setItemText(i, person_kind_label(k))
        self.kind_combo.setAccessibleName(self.tr("Show"))
        self.new_button.setText(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Add a person or organisation (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(
            self.tr("Move the selected person to the trash (Delete; Ctrl+Z undoes)")
        )
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Who changed this person, and when"))
        for b in (self.new_button, self.edit_button, self.delete_button):
            b.setAccessibleName(b.text().rstrip("…"))
        self.table.setAccessibleName(self.tr("People"))
        # The short columns are as wide as their header (or a typical value) in this language.
        metrics = self.table.fontMetrics()
        for column, sample in (
            (PeopleModel.BORN, "30 сент. 1999"),
            (PeopleModel.CITIZENSHIPS, "Kazakhstan"),
        ):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sample)) + 24
            self.table.horizontalHeader().resizeSection(column, width)
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._can_read():
                self.refresh()  # birth dates are written in the interface language
            elif getattr(self._vault, "closed", False):
                self.clear()
        super().changeEvent(event)

    def _can_read(self) -> bool:
        """Whether a refresh may query: shown before, not cleared, and the vault open
        (a language switch reaches every window, a locked one's included)."""
        return self.model.active and not getattr(self._vault, "closed", False)

    # -- list ------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _empty_text(self) -> str:
        if self.filter_edit.text().strip() or self.kind_combo.currentIndex() > 0:
            return self.tr("Nobody matches. Any spelling finds a name (Latin or Cyrillic).")
        return self.tr(
            "No people yet. Add the client, relatives, officials and others with New…, or "
            "from a case's People tab."
        )

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        keep = self.view.person_id
        data = self.kind_combo.currentData()
        self.model.set_filter(self.filter_edit.text(), PersonKind(data) if data else None)
        if keep is not None:
            self._select_row(keep)
        self._update_state()

    def refresh(self) -> None:
        """Read the list again (after a change elsewhere, or when the page is shown)."""
        self.apply_filter()

    def showEvent(self, event: QShowEvent) -> None:
        # People may have been added from a case's People tab meanwhile.
        if self._can_read():
            self.refresh()
        super().showEvent(event)

    def _select_row(self, person_id: str) -> bool:
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def selected_person_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(PERSON_ID_ROLE) if index.isValid() else None

    def _show_current(self) -> None:
        person_id = self.selected_person_id()
        if person_id is not None and person_id != self.view.person_id:
            try:
                self.view.show_person(person_id)
            except NotFound:
                self.refresh()
        self._update_state()

    def _open_selected(self) -> None:
        person_id = self.selected_person_id()
        if person_id is not None:
            self.view.show_person(person_id)
            self.view.setFocus()

    def show_person(self, person_id: str) -> None:
        """Show one person (from search or another page), clearing a filter that hides them."""
        if not self._select_row(person_id):
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.kind_combo.setCurrentIndex(0)
            self.apply_filter()
            while not self._select_row(person_id) and self.model.canFetchMore():
                self.model.fetchMore()
        self.view.show_person(person_id)
        self._update_state()

    def _update_state(self) -> None:
        selected = self.selected_person_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.history_button.setEnabled(selected)
        total = self.model.total()
        if self.filter_edit.text().strip():
            text = self.tr("%1 found").replace("%1", str(total))
        else:
            text = self.tr("%1 in all").replace("%1", str(total))
        self.count_label.setText(text)

    # -- actions ---------------------------------------------------------------------------

    def new_person(self) -> None:
        dialog = PersonDialog(self._vault, None, self)
        dialog.person_saved.connect(self._after_save)
        dialog.open()

    def edit_person(self, person_id: str | None) -> None:
        if person_id is None:
            return
        dialog = PersonDialog(self._vault, person_id, self)
        dialog.person_saved.connect(self._after_save)
        before = self._vault.people.find(person_id)
        dialog.person_saved.connect(lambda saved_id: self._offer_undo_of_edit(before, saved_id))
        dialog.open()

    def _after_save(self, person_id: str) -> None:
        self.refresh()
        self.show_person(person_id)
        self.people_changed.emit()

    def delete_selected(self) -> None:
        """Move the selected person to the trash with their roles; undone with Ctrl+Z or
        from the trash, which puts them back in their cases and events."""
        person_id = self.selected_person_id()
        if person_id is None:
            return
        person: Person = self.model.person_at(self.model.row_of(person_id))
        try:
            self._vault.people.delete(person_id)
        except SatchelError as exc:
            plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Delete person"), user_message(exc)
            ).exec()
            return
        self.view.clear()
        self.refresh()
        self.people_changed.emit()
        done = self.tr("“%1” moved to the trash").replace("%1", person.primary_name)
        self.undoable.emit(undo_deletion(self._vault.trash, person_id, done, self._after_undo))

    def _offer_undo_of_edit(self, before: Person | None, person_id: str) -> None:
        after = self._vault.people.find(person_id)
        if before is None or after is None:
            return
        done = self.tr("“%1” changed").replace("%1", after.primary_name)
        item = undo_edit(self._vault.people, before, after, done, self._after_undo)
        if item is not None:
            self.undoable.emit(item)

    def _after_undo(self) -> None:
        self.refresh()
        person_id = self.selected_person_id()
        if person_id is not None and self._vault.people.exists(person_id):
            self.show_person(person_id)
        self.people_changed.emit()

    def show_history(self) -> None:
        """The selected person's history from the audit log, in a window of its own."""
        person_id = self.selected_person_id()
        if person_id is None:
            return
        person = self._vault.people.get(person_id)
        HistoryDialog(self._vault, person_id, person.primary_name, self).open()

    def clear(self) -> None:
        """Drop every piece of vault data (the lock calls this), open person forms included."""
        for dialog in self.findChildren(PersonDialog):
            dialog.clear()
        self._filter_timer.stop()
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.model.clear()
        self.view.clear()
        set_plain_text(self.count_label, "")
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.history_button.setEnabled(False)
