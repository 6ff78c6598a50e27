"""The chronology table of a case: its events in honest date order, filterable and editable.

`ChronologyModel` adapts `vault.events.list(case_id=...)` to a Qt table; `ChronologyFilter`
sorts and filters it; `ChronologyPanel` is the page of the case view with the table, the
filters and the actions (add, edit, delete with confirmation, move within a day). The
timeline (H5) follows the selection through `event_selected` and `select_event`.

Sorting by date never compares the displayed text: it uses the rank of each event in the
order of `FuzzyDate.sort_key()` then `day_order`, so "Aug 2025" sorts as the month it is.
This module holds no SQL and shows vault text only as plain text. Its length (about 870
lines) is the model, the proxy and the panel that only make sense together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.dates import FuzzyDate
from satchel.core.deadline_rules import reckon
from satchel.core.events import urgency
from satchel.core.model import DeadlineStatus, Event, EventType, FactStatus, Urgency
from satchel.core.people import PersonStore
from satchel.core.vault import Vault
from satchel.errors import NotFound, SatchelError
from satchel.gui.chronology.deadline_words import rollover_text
from satchel.gui.chronology.event_dialog import AddsPeople, EventDialog
from satchel.gui.common import theme
from satchel.gui.common.confirmations import confirm_deletion
from satchel.gui.common.plaintext import plain_tooltip, set_plain_text
from satchel.gui.common.workers import Job, JobContext, run_job, user_message
from satchel.i18n import format_fuzzy as display_date
from satchel.labels import deadline_status_label, event_type_label, fact_status_label

__all__ = ["ChronologyFilter", "ChronologyModel", "ChronologyPanel", "EventFlagFilter"]

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole

SYNC_LOAD_LIMIT = 2000
"""Cases with more events than this are read in a worker (reading 10,000 takes ~0.6 s)."""

_DISPUTED = (FactStatus.DISPUTED_BY_US, FactStatus.DISPUTED_BY_OTHER)


@dataclass(slots=True)
class _Row:
    """One event with the texts the table shows, computed once per load or language change."""

    event: Event
    rank: int  # position in honest date order
    date: str
    type: str
    people: str
    status: str
    fold: str  # what filtering matches against
    rolled: str = ""  # "Sat 12 Dec → Mon 14 Dec, weekend" when a rule moved a deadline


class ChronologyModel(QAbstractTableModel):
    """The events of one case; title and status are editable in place through the core."""

    DATE, TYPE, TITLE, PEOPLE, STATUS, KEY_FACT, SOURCE = range(7)
    COLUMN_COUNT = 7

    edit_failed = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._rows: list[_Row] = []
        self._names: dict[str, str] = {}
        self._sort_column = self.DATE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._labels: dict[object, str] = {}
        self._anchors: dict[str, FuzzyDate] = {}

    # -- loading ---------------------------------------------------------------------------

    def load(self, events: list[Event], names: dict[str, str]) -> None:
        """Show `events` (any order); `names` maps person ids to their primary names."""
        self.beginResetModel()
        self._names = dict(names)
        # Translated once per load, not once per row: a case may hold 10,000 events.
        self._labels = {
            **{t: event_type_label(t) for t in EventType},
            **{s: fact_status_label(s) for s in FactStatus},
            **{s: deadline_status_label(s) for s in DeadlineStatus},
        }
        honest = sorted(events, key=lambda e: (e.date.sort_key(), e.day_order))
        # A computed deadline's source is in the same case, so among `events`: the rollover
        # note needs no query.
        self._anchors = {e.id: e.date for e in events}
        self._rows = [self._row(ev, rank) for rank, ev in enumerate(honest)]
        self._rows.sort(key=self._sort_key(self._sort_column), reverse=self._descending())
        self.endResetModel()

    def _row(self, ev: Event, rank: int) -> _Row:
        people = ", ".join(self._names.get(pid, "?") for pid in ev.person_ids)
        kind = self._labels[ev.event_type]
        if ev.deadline is not None:
            kind = f"{kind} · {self._labels[ev.deadline.status]}"
        when = display_date(ev.date)
        status = self._labels[ev.fact_status]
        fold = " ".join(
            (when, kind, ev.title, people, status, ev.source, ev.description, ev.source_quote)
        ).casefold()
        return _Row(ev, rank, when, kind, people, status, fold, self._rollover(ev))

    def _rollover(self, ev: Event) -> str:
        info = ev.deadline
        if info is None or not info.computed_from or info.offset_days is None:
            return ""
        source = self._anchors.get(info.computed_from)
        anchor = source.anchor_day() if source is not None else None
        if anchor is None:
            return ""
        try:
            return rollover_text(reckon(anchor, info.offset_days, info.unit, info.rule))
        except SatchelError:  # a rule this Satchel does not know: the date stands as stored
            return ""

    def retranslate(self) -> None:
        """Rebuild the shown texts after the interface language changed."""
        self.load([r.event for r in self._rows], self._names)

    # -- sorting ---------------------------------------------------------------------------

    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _sort_key(self, column: int) -> Callable[[_Row], Any]:
        """Dates by their honest rank, never by the displayed text; ties keep date order."""
        if column == self.DATE or column < 0:
            return lambda r: r.rank
        if column == self.KEY_FACT:
            return lambda r: (not r.event.key_fact, r.rank)
        texts: dict[int, Callable[[_Row], str]] = {
            self.TYPE: lambda r: r.type,
            self.TITLE: lambda r: r.event.title,
            self.PEOPLE: lambda r: r.people,
            self.STATUS: lambda r: r.status,
            self.SOURCE: lambda r: r.event.source,
        }
        text = texts[column]
        return lambda r: (text(r).casefold(), r.rank)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row (a proxy would call data() per comparison)."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].event.id for i in old]
        self._rows.sort(key=self._sort_key(column), reverse=self._descending())
        where = {r.event.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(where[eid], i.column()) for eid, i in zip(old_ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._names = {}
        self.endResetModel()

    def row_of(self, event_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.event.id == event_id:
                return i
        return -1

    def event_at(self, row: int) -> Event:
        return self._rows[row].event

    def events_in_honest_order(self) -> list[Event]:
        return [r.event for r in sorted(self._rows, key=lambda r: r.rank)]

    def row_fold(self, row: int) -> str:
        return self._rows[row].fold

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
            self.tr("Date"),
            self.tr("Type"),
            self.tr("Title"),
            self.tr("People"),
            self.tr("Status"),
            self.tr("Key fact"),
            self.tr("Source"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        ev = row.event
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and col == self.STATUS:
                return ev.fact_status.value
            return (
                row.date,
                row.type,
                ev.title,
                row.people,
                row.status,
                "★" if ev.key_fact else "",
                ev.source,
            )[col]
        if role == EVENT_ID_ROLE:
            return ev.id
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tooltips guess rich text: escape everything that comes from the vault.
            if col == self.TITLE and ev.description:
                return plain_tooltip(f"{ev.title}\n\n{ev.description}")
            if col == self.SOURCE and ev.source_quote:
                return plain_tooltip(f"{ev.source}\n\n«{ev.source_quote}»")
            if col == self.DATE:
                return plain_tooltip(f"{ev.date}\n{row.rolled}" if row.rolled else str(ev.date))
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.KEY_FACT:
                return self.tr("Key fact") if ev.key_fact else ""
            return str(self.data(index))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.KEY_FACT:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.DATE, self.TYPE):
            # A pending deadline that is overdue or due within three days stands out in
            # the same colours as the timeline and the agenda.
            if ev.deadline is not None:
                level = urgency(ev, date.today())
                if level is Urgency.OVERDUE:
                    return QColor(theme.colours().danger)
                if level is Urgency.WITHIN_3_DAYS:
                    return QColor(theme.colours().warning)
            return None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (self.TITLE, self.STATUS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == self.TITLE:
            title = str(value).strip()
            if not title or title == row.event.title:
                if not title:
                    self.edit_failed.emit(self.tr("An event needs a title."))
                return False
            changes: dict[str, Any] = {"title": title}
        elif index.column() == self.STATUS:
            status = FactStatus(value)
            if status == row.event.fact_status:
                return False
            changes = {"fact_status": status}
        else:
            return False
        try:
            saved = self._vault.events.update(row.event.id, **changes)
        except SatchelError as exc:
            self.edit_failed.emit(user_message(exc))
            return False
        fresh = self._row(saved, row.rank)
        self._rows[index.row()] = fresh
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.COLUMN_COUNT - 1)
        )
        return True


def _names_for(people: PersonStore, events: list[Event]) -> dict[str, str]:
    """The primary name of everyone the events name (runs in a worker for big cases)."""
    names: dict[str, str] = {}
    for ev in events:
        for pid in ev.person_ids:
            if pid in names:
                continue
            try:
                names[pid] = people.get(pid).primary_name
            except NotFound:
                names[pid] = "?"
    return names


class EventFlagFilter:
    """Which flagged events to keep (names for the filter combo's data)."""

    ALL = "all"
    KEY_FACTS = "key"
    DISPUTED = "disputed"
    DEADLINES = "deadlines"


class ChronologyFilter(QSortFilterProxyModel):
    """Filters as you type; sorting is the source model's (honest rank for dates)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._type: EventType | None = None
        self._flag = EventFlagFilter.ALL

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort; the proxy only filters and keeps the source's order."""
        source = self.sourceModel()
        if isinstance(source, ChronologyModel):
            source.sort(column, order)

    def set_text(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_type(self, event_type: EventType | None) -> None:
        self._change_filter(lambda: setattr(self, "_type", event_type))

    def set_flag(self, flag: str) -> None:
        self._change_filter(lambda: setattr(self, "_flag", flag))

    def _change_filter(self, apply: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); older supported
        # versions only have the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ChronologyModel)
        ev = model.event_at(source_row)
        if self._type is not None and ev.event_type is not self._type:
            return False
        if self._flag == EventFlagFilter.KEY_FACTS and not ev.key_fact:
            return False
        if self._flag == EventFlagFilter.DISPUTED and ev.fact_status not in _DISPUTED:
            return False
        if self._flag == EventFlagFilter.DEADLINES and ev.deadline is None:
            return False
        fold = model.row_fold(source_row)
        return all(word in fold for word in self._words)


class _StatusDelegate(QStyledItemDelegate):
    """Edits the fact status in place with a combo box of the four statuses."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for status in FactStatus:
            combo.addItem(fact_status_label(status), status.value)
        combo.setAccessibleName(self.tr("Status of the fact"))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _ChronologyView(QTableView):
    """The table; Enter opens the selected event, F2 edits the cell in place, Delete
    deletes (after asking), Alt+Up/Alt+Down move the event within its day."""

    open_requested = Signal()
    delete_requested = Signal()
    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else +1)
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit()
                return
        super().keyPressEvent(event)


class ChronologyPanel(QWidget):
    """The chronology page of a case view."""

    event_selected = Signal(str)
    open_record = Signal(str, str)
    events_changed = Signal()
    loaded = Signal()  # the table holds the current case's events

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case_id: str | None = None
        # How the event form adds people to the case: set by the case view, which knows
        # the people feature (the chronology sits below it). None: the form cannot.
        self.people_adder: AddsPeople | None = None
        self._selecting = False
        self._loading = False
        self._pending_select: str | None = None
        self._generation = 0  # bumped by every reload and clear; stale results are dropped
        self._job: Job | None = None
        self.setObjectName("ChronologyPanel")

        self.model = ChronologyModel(vault, self)
        self.proxy = ChronologyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.edit_failed.connect(self._show_edit_problem)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.type_combo = QComboBox(self)
        self.type_combo.addItem("", None)
        for t in EventType:
            self.type_combo.addItem("", t.value)
        self.flag_combo = QComboBox(self)
        for flag in (
            EventFlagFilter.ALL,
            EventFlagFilter.KEY_FACTS,
            EventFlagFilter.DISPUTED,
            EventFlagFilter.DEADLINES,
        ):
            self.flag_combo.addItem("", flag)

        self.add_button = QToolButton(self)
        self.edit_button = QToolButton(self)
        self.delete_button = QToolButton(self)
        self.up_button = QToolButton(self)
        self.down_button = QToolButton(self)
        for b in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.view = _ChronologyView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ChronologyModel.DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(ChronologyModel.STATUS, _StatusDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ChronologyModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Wide enough for the longest date form (exact time with a zone) in either language.
        sample = "14 сент. 2025, 10:30 UTC+05:45"
        header.resizeSection(
            ChronologyModel.DATE, self.view.fontMetrics().horizontalAdvance(sample) + 24
        )
        # The title is what a lawyer reads: the other columns stay narrow so that it keeps
        # most of the width at 1280 px (they can be widened by hand).
        header.resizeSection(ChronologyModel.TYPE, 130)
        header.resizeSection(ChronologyModel.PEOPLE, 130)
        header.resizeSection(ChronologyModel.STATUS, 125)
        header.resizeSection(ChronologyModel.SOURCE, 110)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        bar = QHBoxLayout()
        self._toolbar = bar
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.type_combo, 1)
        bar.addWidget(self.flag_combo, 1)
        bar.addSpacing(12)
        for b in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

        # Filter on the next event-loop turn: keys typed while a big table filters are
        # applied together, so typing never queues up one full pass per key.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(0)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.type_combo.currentIndexChanged.connect(self._on_type_filter)
        self.flag_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_flag(self.flag_combo.currentData())
        )
        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.view.open_requested.connect(self.edit_selected)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.move_requested.connect(self.move_selected)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.proxy.modelReset.connect(self._update_state)
        self.proxy.rowsInserted.connect(self._update_state)
        self.proxy.rowsRemoved.connect(self._update_state)
        self.proxy.layoutChanged.connect(self._update_state)

        QShortcut(
            QKeySequence("Ctrl+N"),
            self,
            self.add_event,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+F"),
            self,
            self.filter_edit.setFocus,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        self._retranslate()
        self._update_state()

    # -- language --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter events…"))
        self.filter_edit.setAccessibleName(self.tr("Filter events"))
        self.type_combo.setItemText(0, self.tr("All types"))
        for i, t in enumerate(EventType, start=1):
            self.type_combo.setItemText(i, event_type_label(t))
        self.type_combo.setAccessibleName(self.tr("Show events of type"))
        for i, text in enumerate(
            (self.tr("All events"), self.tr("Key facts"), self.tr("Disputed"), self.tr("Deadlines"))
        ):
            self.flag_combo.setItemText(i, text)
        self.flag_combo.setAccessibleName(self.tr("Show flagged events"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add an event (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Open the selected event (Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected event (Delete)"))
        self.up_button.setText(self.tr("Earlier"))
        self.up_button.setToolTip(self.tr("Move earlier within the same day (Alt+Up)"))
        self.down_button.setText(self.tr("Later"))
        self.down_button.setToolTip(self.tr("Move later within the same day (Alt+Down)"))
        for b in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            b.setAccessibleName(b.text().rstrip("…"))
        self.view.setAccessibleName(self.tr("Chronology"))
        # The key-fact column holds a star; it is as wide as its header in this language.
        header_text = self.model.headerData(ChronologyModel.KEY_FACT, Qt.Orientation.Horizontal)
        self.view.horizontalHeader().resizeSection(
            ChronologyModel.KEY_FACT, self.view.fontMetrics().horizontalAdvance(header_text) + 28
        )
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
        super().changeEvent(event)

    # -- case and loading ------------------------------------------------------------------

    def set_case(self, case_id: str | None) -> None:
        """Show the chronology of `case_id` (None shows nothing)."""
        self._case_id = case_id
        self.reload()

    def case_id(self) -> str | None:
        return self._case_id

    def add_toolbar_widget(self, widget: QWidget) -> None:
        """Add a control at the end of the toolbar (the chronology report plugs in here)."""
        self._toolbar.addWidget(widget)

    def reload(self) -> None:
        """Read the case's events again, keeping the selection when the event still exists.

        A case with many events is read in a worker so the window keeps painting; the
        table then fills when the events arrive (`loaded` is emitted either way).
        """
        keep = self._pending_select or self.selected_event_id()
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if self._case_id is None:
            self.model.clear()
            self._update_state()
            return
        case_id = self._case_id
        events_store, people = self._vault.events, self._vault.people
        if events_store.count(case_id=case_id) <= SYNC_LOAD_LIMIT:
            events = events_store.list(case_id=case_id)
            self._apply(events, _names_for(people, events), keep)
            return
        generation = self._generation
        self._pending_select = keep
        self._loading = True
        self._update_state()

        def read(ctx: JobContext) -> tuple[list[Event], dict[str, str]]:
            events = events_store.list(case_id=case_id)
            ctx.check_cancelled()
            return events, _names_for(people, events)

        def done(result: tuple[list[Event], dict[str, str]]) -> None:
            if generation != self._generation:
                return  # another case (or a lock) came in the meantime
            self._job = None
            self._apply(*result, self._pending_select)

        def failed(message: str, _exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._job = None
            self._loading = False
            self._show_edit_problem(message)
            self._update_state()

        self._job = run_job(read, done, failed)

    def _apply(self, events: list[Event], names: dict[str, str], keep: str | None) -> None:
        self._loading = False
        self._pending_select = None
        self.model.load(events, names)
        if keep is not None:
            self.select_event(keep)
        self._update_state()
        self.loaded.emit()

    def is_loading(self) -> bool:
        return self._loading

    def clear(self) -> None:
        """Drop every piece of vault data (the lock calls this), open event forms included."""
        for dialog in self.findChildren(EventDialog):
            dialog.clear()
        self._filter_timer.stop()
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._loading = False
        self._pending_select = None
        self._case_id = None
        self.model.clear()
        self.filter_edit.clear()
        self.message_label.clear()
        self.message_label.hide()
        self._update_state()

    def _update_state(self) -> None:
        has_case = self._case_id is not None
        selected = self.selected_event_id() is not None
        self.add_button.setEnabled(has_case)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.up_button.setEnabled(selected)
        self.down_button.setEnabled(selected)
        if not has_case:
            self.empty_label.setText(self.tr("No case is open."))
        elif self._loading:
            self.empty_label.setText(self.tr("Reading the events…"))
        elif self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No events yet. Add the first one with “Add…” (Ctrl+N).")
            )
        elif self.proxy.rowCount() == 0:
            self.empty_label.setText(self.tr("No event matches the filter."))
        else:
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))

    def _show_edit_problem(self, message: str) -> None:
        set_plain_text(self.message_label, message)
        self.message_label.show()

    # -- selection -------------------------------------------------------------------------

    def selected_event_id(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return index.data(EVENT_ID_ROLE)

    def select_event(self, event_id: str) -> bool:
        """Select and show `event_id` without emitting `event_selected` (the timeline calls this).

        Returns False when the event is not in the table or hidden by the filters; while
        a big case is still loading, the event is selected when it arrives.
        """
        if self._loading:
            self._pending_select = event_id  # selected once the events have arrived
            return True
        row = self.model.row_of(event_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self._selecting = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        finally:
            self._selecting = False
        self._update_state()
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_state()
        if self._selecting or not current.isValid():
            return
        self.event_selected.emit(current.data(EVENT_ID_ROLE))

    def apply_filter(self) -> None:
        """Apply the text typed in the filter box now."""
        self._filter_timer.stop()
        self.proxy.set_text(self.filter_edit.text())
        self._update_state()

    def _on_type_filter(self, _index: int) -> None:
        data = self.type_combo.currentData()
        self.proxy.set_type(EventType(data) if data else None)

    def _on_double_click(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit_selected()

    # -- actions ---------------------------------------------------------------------------

    def _open_dialog(self, event_id: str | None) -> EventDialog:
        assert self._case_id is not None
        dialog = EventDialog(
            self._vault, self._case_id, event_id, self, add_people=self.people_adder
        )
        dialog.event_saved.connect(self._after_save)
        return dialog

    def add_event(self) -> None:
        if self._case_id is None:
            return
        self._open_dialog(None).open()

    def edit_selected(self) -> None:
        event_id = self.selected_event_id()
        if event_id is None or self._case_id is None:
            return
        self._open_dialog(event_id).open()

    def _after_save(self, event_id: str) -> None:
        self.reload()
        self.select_event(event_id)
        self.events_changed.emit()

    def delete_selected(self) -> None:
        """Delete the selected event after the user confirms (Delete key)."""
        event_id = self.selected_event_id()
        if event_id is None:
            return
        ev = self.model.event_at(self.model.row_of(event_id))
        if not confirm_deletion(
            self,
            self.tr("Delete event"),
            self.tr("Delete the event “%1” (%2)?")
            .replace("%1", ev.title)
            .replace("%2", display_date(ev.date)),
            self.tr("The deletion is recorded in the audit log. It cannot be undone."),
        ):
            return
        try:
            self._vault.events.delete(event_id)
        except SatchelError as exc:
            self._show_edit_problem(user_message(exc))
            return
        self.reload()
        self.events_changed.emit()

    def move_selected(self, step: int) -> bool:
        """Move the selected event earlier (-1) or later (+1) among events of the same day.

        Only events whose dates sort the same (same day, same precision) can trade places;
        the core stores the manual order (`day_order`) in one transaction.
        """
        event_id = self.selected_event_id()
        if event_id is None:
            return False
        honest = self.model.events_in_honest_order()
        current = next(e for e in honest if e.id == event_id)
        key = current.date.sort_key()
        group = [e.id for e in honest if e.date.sort_key() == key]
        target = group.index(event_id) + step
        if not 0 <= target < len(group):
            return False
        try:
            self._vault.events.move_within_day(event_id, target)
        except SatchelError as exc:
            self._show_edit_problem(user_message(exc))
            return False
        self.reload()
        self.select_event(event_id)
        self.events_changed.emit()
        return True
