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
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
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
from satchel.core.model import DeadlineStatus, Event, EventType, FactStatus, Person, Urgency
from satchel.core.people import PersonStore
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.chronology.bulk import ChangeMenu
from satchel.gui.chronology.deadline_words import rollover_text
from satchel.gui.chronology.detail import EventDetail, PersonInCase, people_in_case
from satchel.gui.chronology.event_dialog import AddsPeople, EventDialog
from satchel.gui.chronology.inline_date import DATE_VALUE_ROLE, DateDelegate
from satchel.gui.chronology.row_heights import VisibleRowHeights
from satchel.gui.common import theme
from satchel.gui.common.plaintext import plain_tooltip, set_plain_text
from satchel.gui.common.undo import Undoable, undo_deletion, undo_edit
from satchel.gui.common.workers import Job, JobContext, run_job, user_message
from satchel.i18n import format_fuzzy as display_date
from satchel.labels import deadline_status_label, event_type_label, fact_status_label

__all__ = ["ChronologyFilter", "ChronologyModel", "ChronologyPanel", "EventFlagFilter"]

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole

SYNC_LOAD_LIMIT = 2000
"""Cases with more events than this are read in a worker (reading 10,000 takes ~0.6 s)."""
BULK_SYNC_LIMIT = 50
"""More selected events than this are changed in a worker (each is checked and audited)."""

_DISPUTED = (FactStatus.DISPUTED_BY_US, FactStatus.DISPUTED_BY_OTHER)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        EVENT_ID_ROLE,
        DATE_VALUE_ROLE,
    }
)


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
    date_changed = Signal(str)  # an event's date was changed in place: the order moves

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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == self.KEY_FACT and role == Qt.ItemDataRole.DisplayRole:
            return "★"  # the column holds a star; its name is the tooltip and accessible name
        if section == self.KEY_FACT and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.tr("Key fact")
        if role != Qt.ItemDataRole.DisplayRole:
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

    def longest_texts(self, column: int, n: int = 40) -> list[str]:
        """The `n` longest distinct texts of the date, people or source column: enough to
        size it by what it holds without measuring 10,000 strings in pixels."""
        if column == self.DATE:
            texts = {r.date for r in self._rows}
        elif column == self.PEOPLE:
            texts = {r.people for r in self._rows}
        elif column == self.SOURCE:
            texts = {r.event.source for r in self._rows}
        else:
            raise ValueError(f"no sizing by content for column {column}")
        return sorted(texts, key=len, reverse=True)[:n]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # a view asks for a dozen roles per cell on every repaint
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
        if role == DATE_VALUE_ROLE:
            return ev.date
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
        if not index.isValid():
            return base
        if index.column() in (self.TITLE, self.STATUS):
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.DATE:
            # A computed deadline follows its source event: its date is never set by hand.
            info = self._rows[index.row()].event.deadline
            if info is None or not info.computed_from:
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
        # The core checks what the event form's save would check, with the same coded
        # errors (an empty title, a computed deadline's date): nothing is checked here.
        if index.column() == self.TITLE:
            if str(value).strip() == row.event.title:
                return False
            changes: dict[str, Any] = {"title": str(value)}
        elif index.column() == self.DATE:
            if not isinstance(value, FuzzyDate) or value == row.event.date:
                return False
            changes = {"date": value}
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
        if "date" in changes:
            # A new date moves the event in honest order, and may move deadlines computed
            # from it: read the case again (the panel keeps the selection).
            self.date_changed.emit(saved.id)
            return True
        fresh = self._row(saved, row.rank)
        self._rows[index.row()] = fresh
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.COLUMN_COUNT - 1)
        )
        return True


def _names_for(people: PersonStore, events: list[Event]) -> dict[str, str]:
    """The primary name of everyone the events name (runs in a worker for big cases).

    Two people of one name (a father and son) get their year of birth after it, so the
    People column tells them apart: "Ivan Petrov (1951)", "Ivan Petrov (1979)".
    """
    found: dict[str, Person | None] = {}
    for ev in events:
        for pid in ev.person_ids:
            if pid not in found:
                found[pid] = people.find(pid)
    by_name: dict[str, int] = {}
    for person in found.values():
        if person is not None:
            by_name[person.primary_name] = by_name.get(person.primary_name, 0) + 1
    names: dict[str, str] = {}
    for pid, person in found.items():
        if person is None:
            names[pid] = "?"
        elif by_name[person.primary_name] > 1 and person.birth_date is not None:
            names[pid] = f"{person.primary_name} ({person.birth_date.year})"
        else:
            names[pid] = person.primary_name
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
    undoable = Signal(object)  # an Undoable: a change made here, for the window's Ctrl+Z
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
        self._pending_select: str | list[str] | None = None
        self._generation = 0  # bumped by every reload and clear; stale results are dropped
        self._job: Job | None = None
        self._change_job: Job | None = None  # a change of many events, in a worker
        self.setObjectName("ChronologyPanel")

        self.model = ChronologyModel(vault, self)
        self.proxy = ChronologyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.edit_failed.connect(self._show_edit_problem)
        self.model.date_changed.connect(self._after_save)

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
        # Earlier and Later are arrows (their words are their tooltips and accessible
        # names): in Russian the words left the filter box too narrow on a laptop screen.
        for b, arrow in (
            (self.up_button, Qt.ArrowType.UpArrow),
            (self.down_button, Qt.ArrowType.DownArrow),
        ):
            b.setArrowType(arrow)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.change_button = ChangeMenu(
            self.change_selected, self._people_of_case, self._people_named, self
        )

        self.view = _ChronologyView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ChronologyModel.DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several events at once for "Change" (Shift/Ctrl+click, Shift+arrows, Ctrl+A).
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(ChronologyModel.STATUS, _StatusDelegate(self.view))
        self.view.setItemDelegateForColumn(
            ChronologyModel.DATE, DateDelegate(self.view, self._show_edit_problem)
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalScrollBar().setSingleStep(self.view.fontMetrics().height())
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows wrap and grow to show the whole title (and people, source, date); only the
        # rows in view are measured, so a 10,000-event case opens as fast as before.
        self.row_heights = VisibleRowHeights(self.view)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ChronologyModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.view.fontMetrics().horizontalAdvance("★") + 16)

        self.detail = EventDetail(vault, self)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        bar = QHBoxLayout()
        self._toolbar = bar
        # The filter box keeps room to type in; the combos give way first (their longest
        # entry, a Russian event type, would otherwise squeeze the box to nothing).
        self.filter_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        for combo in (self.type_combo, self.flag_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
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
            self.change_button,
        ):
            bar.addWidget(b)
        # The table above, the selected event whole below it: the title keeps the full
        # width of a laptop screen, and the pane is a drag away from any height.
        table_box = QWidget(self)
        table_lay = QVBoxLayout(table_box)
        table_lay.setContentsMargins(0, 0, 0, 0)
        table_lay.addWidget(self.view, 1)
        table_lay.addWidget(self.empty_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._split_once = False
        self._sized_for: str | None = None  # the case the columns were last sized for
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.splitter, 1)

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
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
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
        self.up_button.setAccessibleName(self.up_button.text())
        self.up_button.setToolTip(self.tr("Move earlier within the same day (Alt+Up)"))
        self.down_button.setText(self.tr("Later"))
        self.down_button.setAccessibleName(self.down_button.text())
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
        self._size_columns()
        self._update_state()

    def _size_columns(self) -> None:
        """Give each column the width its content needs, within a cap, and the rest to the
        title: a long date or type wraps onto a second line rather than taking the width
        of the title (issue 13: the date column took twice the title's)."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        pad = 2 * self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        chars = metrics.averageCharWidth()

        def fit(column: int, texts: list[str], floor: int, cap: int) -> None:
            name = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max((metrics.horizontalAdvance(t) for t in [*texts, name]), default=0)
            header.resizeSection(column, max(floor, min(cap, widest + pad)))

        def longest_word(texts: list[str]) -> int:
            words = {w for t in texts for w in t.split()}
            return max((metrics.horizontalAdvance(w) for w in words), default=0) + pad

        # Dates: the longest shown, up to a time with its zone; a range wraps.
        longest_day = metrics.horizontalAdvance("22 сент. 2026, 06:40 UTC+3") + pad
        fit(
            ChronologyModel.DATE,
            self.model.longest_texts(ChronologyModel.DATE),
            10 * chars,
            longest_day,
        )
        # Types and statuses are short labels: a word is never cut, two words may wrap.
        types = [event_type_label(t) for t in EventType]
        fit(ChronologyModel.TYPE, types, longest_word(types), 20 * chars)
        statuses = [fact_status_label(s) for s in FactStatus]
        fit(ChronologyModel.STATUS, statuses, longest_word(statuses), 24 * chars)
        fit(
            ChronologyModel.PEOPLE,
            self.model.longest_texts(ChronologyModel.PEOPLE),
            8 * chars,
            22 * chars,
        )
        fit(
            ChronologyModel.SOURCE,
            self.model.longest_texts(ChronologyModel.SOURCE),
            8 * chars,
            18 * chars,
        )
        header.resizeSection(ChronologyModel.KEY_FACT, header.minimumSectionSize())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_once:
            # Two thirds to the table, one to the detail pane, on first show (the
            # splitter's own default gives the pane only its minimum).
            self._split_once = True
            total = max(self.splitter.height(), 300)
            self.splitter.setSizes([total * 2 // 3, total - total * 2 // 3])

    # -- case and loading ------------------------------------------------------------------

    def set_case(self, case_id: str | None) -> None:
        """Show the chronology of `case_id` (None shows nothing)."""
        self._case_id = case_id
        self.reload()

    def case_id(self) -> str | None:
        return self._case_id

    def is_editing(self) -> bool:
        """Whether a cell of the chronology is being edited in place (a reload would drop it)."""
        return self.view.state() == QAbstractItemView.State.EditingState

    def add_toolbar_widget(self, widget: QWidget) -> None:
        """Add a control at the end of the toolbar (the chronology report plugs in here)."""
        self._toolbar.addWidget(widget)

    def reload(self) -> None:
        """Read the case's events again, keeping the selection when the event still exists.

        A case with many events is read in a worker so the window keeps painting; the
        table then fills when the events arrive (`loaded` is emitted either way).
        """
        selected = self.selected_event_ids()
        keep: str | list[str] | None = self._pending_select or (
            selected if len(selected) > 1 else self.selected_event_id()
        )
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

    def _apply(
        self, events: list[Event], names: dict[str, str], keep: str | list[str] | None
    ) -> None:
        self._loading = False
        self._pending_select = None
        self.model.load(events, names)
        if self._sized_for != self._case_id:
            # Sized once per case: a column the lawyer widened by hand stays so after an
            # edit (which reads the case again).
            self._sized_for = self._case_id
            self._size_columns()
        if isinstance(keep, list):
            self.select_events(keep)
        elif keep is not None:
            self.select_event(keep)
        self._show_detail()
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
        if self._change_job is not None:
            self._change_job.cancel()  # rolls the whole change back
            self._change_job = None
        self._case_id = None
        self._sized_for = None
        self.model.clear()
        self.detail.clear()
        self.filter_edit.clear()
        self.message_label.clear()
        self.message_label.hide()
        self._update_state()

    def _update_state(self) -> None:
        has_case = self._case_id is not None
        count = len(self.view.selectionModel().selectedRows())
        # Edit, delete and move act on one event; Change on every selected one. While
        # many events are being changed in a worker, nothing else is written.
        single = count == 1 and self.selected_event_id() is not None and not self.is_changing()
        writable = has_case and not self.is_changing()
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if self.is_changing()
            else QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(single)
        self.delete_button.setEnabled(single)
        self.up_button.setEnabled(single)
        self.down_button.setEnabled(single)
        self.change_button.setEnabled(writable and count > 0)
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

    def selected_event_ids(self) -> list[str]:
        """Every selected event, in the table's order."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(EVENT_ID_ROLE) for i in rows]

    def select_events(self, event_ids: list[str]) -> None:
        """Select these events (those still shown), the first one current."""
        selection = QItemSelection()
        first: QModelIndex | None = None
        for event_id in event_ids:
            row = self.model.row_of(event_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
            if index is None or not index.isValid():
                continue
            first = first or index
            selection.select(index, index)
        if first is None:
            return
        model = self.view.selectionModel()
        self._selecting = True
        try:
            model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            model.select(
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._selecting = False
        self._show_detail()
        self._update_state()

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
            # The rows scrolled to grow to their text now; scroll again so that the
            # event is still in view once they have.
            self.row_heights.fit_now()
            self.view.scrollTo(index)
        finally:
            self._selecting = False
        self._show_detail()
        self._update_state()
        return True

    def _on_selection_changed(self, *_args: object) -> None:
        if not self._selecting:
            self._show_detail()
        self._update_state()

    def _show_detail(self) -> None:
        """Show the selected event whole in the detail pane (or how many are selected)."""
        ids = self.selected_event_ids()
        current = self.selected_event_id()
        if len(ids) == 1 and current is None:
            current = ids[0]
        if current is None or len(ids) != 1:
            self.detail.show_event(None, len(ids))
            return
        row = self.model.row_of(current)
        self.detail.show_event(self.model.event_at(row) if row >= 0 else None)

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
        # What the form started from, so that saving it can be undone (Ctrl+Z).
        before = self._vault.events.find(event_id) if event_id else None
        dialog.event_saved.connect(lambda saved_id: self._offer_undo_of_save(before, saved_id))
        return dialog

    def _offer_undo_of_save(self, before: Event | None, event_id: str) -> None:
        after = self._vault.events.find(event_id)
        if after is None:
            return
        if before is None:
            done = self.tr("Event “%1” added").replace("%1", after.title)
            item: Undoable | None = Undoable(done, partial(self._undo_add, event_id))
        else:
            done = self.tr("Event “%1” changed").replace("%1", after.title)
            item = undo_edit(self._vault.events, before, after, done, self._after_undo)
        if item is not None:
            self.undoable.emit(item)

    def _undo_add(self, event_id: str) -> None:
        self._vault.events.delete(event_id)  # to the trash, like any deletion
        self._after_undo()

    def _after_undo(self) -> None:
        self.reload()
        self.events_changed.emit()

    def add_event(self) -> None:
        if self._case_id is None or self.is_changing():
            return
        self._open_dialog(None).open()

    def edit_selected(self) -> None:
        event_id = self.selected_event_id()
        if event_id is None or self._case_id is None or self.is_changing():
            return
        self._open_dialog(event_id).open()

    def change_selected(self, **change: Any) -> bool:
        """Apply one change (`EventStore.change_many`'s arguments) to every selected event,
        in one transaction: all are saved or, with one message, none.

        Many events are changed in a worker (each is checked, written and audited: about
        a thousand a second), the panel's actions off meanwhile; a lock cancels it and
        the transaction rolls back. Returns False when nothing was (or will be) changed.
        """
        ids = self.selected_event_ids()
        if not ids or self._case_id is None or self._change_job is not None:
            return False
        events = self._vault.events
        if len(ids) <= BULK_SYNC_LIMIT:
            try:
                events.change_many(ids, **change)
            except SatchelError as exc:
                self._show_edit_problem(user_message(exc))
                return False
            self._after_change(ids)
            return True

        def work(ctx: JobContext) -> None:
            def step(done: int, total: int) -> None:
                ctx.check_cancelled()
                if done % 100 == 0:
                    ctx.progress(done, total)

            events.change_many(ids, **change, step=step)

        # A result that arrives after a lock (or another case) is dropped: clear() forgets
        # the job, and only Python attributes are read before that check.
        def done(_result: None) -> None:
            if self._change_job is job:
                self._after_change(ids)

        def failed(message: str, _exc: BaseException) -> None:
            if self._change_job is not job:
                return
            self._change_job = None
            self._show_edit_problem(message)
            self._update_state()

        def progress(done_count: int, total: int) -> None:
            if self._change_job is job:
                self._change_progress(done_count, total)

        job = run_job(work, done, failed, progress)
        self._change_job = job
        self._change_progress(0, len(ids))
        self._update_state()
        return True

    def _change_progress(self, done: int, total: int) -> None:
        set_plain_text(
            self.message_label,
            self.tr("Changing the selected events: %1 of %2…")
            .replace("%1", str(done))
            .replace("%2", str(total)),
        )
        self.message_label.show()

    def _after_change(self, ids: list[str]) -> None:
        self._change_job = None
        self.message_label.hide()
        self.reload()
        if not self._loading:
            self.select_events(ids)
        self._update_state()
        self.events_changed.emit()

    def is_changing(self) -> bool:
        """True while a change of many events runs in a worker."""
        return self._change_job is not None

    def _people_of_case(self) -> list[PersonInCase]:
        if self._case_id is None:
            return []
        return people_in_case(self._vault, self._case_id)

    def _people_named(self) -> list[PersonInCase]:
        """The people any selected event names, as the case knows them."""
        if self._case_id is None:
            return []
        named: dict[str, None] = {}
        for event_id in self.selected_event_ids():
            row = self.model.row_of(event_id)
            if row >= 0:
                named.update(dict.fromkeys(self.model.event_at(row).person_ids))
        people = people_in_case(self._vault, self._case_id, tuple(named))
        return [p for p in people if p.id in named]

    def _after_save(self, event_id: str) -> None:
        self.reload()
        self.select_event(event_id)
        self.events_changed.emit()

    def delete_selected(self) -> None:
        """Move the selected event to the trash (Delete key). It asks nothing: the deletion
        is undone with Ctrl+Z or from the trash, and an undo offer is emitted."""
        event_id = self.selected_event_id()
        if event_id is None or self.is_changing():
            return
        ev = self.model.event_at(self.model.row_of(event_id))
        try:
            self._vault.events.delete(event_id)
        except SatchelError as exc:
            self._show_edit_problem(user_message(exc))
            return
        self.reload()
        self.events_changed.emit()
        done = (
            self.tr("Event “%1” (%2) moved to the trash")
            .replace("%1", ev.title)
            .replace("%2", display_date(ev.date))
        )
        self.undoable.emit(undo_deletion(self._vault.trash, event_id, done, self._after_undo))

    def move_selected(self, step: int) -> bool:
        """Move the selected event earlier (-1) or later (+1) among events of the same day.

        Only events whose dates sort the same (same day, same precision) can trade places;
        the core stores the manual order (`day_order`) in one transaction.
        """
        event_id = self.selected_event_id()
        if event_id is None or self.is_changing():
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
