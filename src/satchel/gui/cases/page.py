"""The Cases page: a lazily fetched, filterable, sortable list of cases and its actions.

`CasesModel` asks the core for pages of cases (`vault.cases.list(limit=, offset=)`) only
as the view scrolls (`canFetchMore`/`fetchMore`), so a vault of thousands of cases opens at
once. Filters (status, type, risk, tag, text as you type) and the order are applied by the
core; the model only resets. Cell text is returned as `str`, which the view paints as plain
text, and tooltips are escaped. No SQL here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from satchel.core.cases import CaseOrder
from satchel.core.events import days_left
from satchel.core.model import Case, CaseStatus, CaseType, Event, RiskLevel, RoleKind
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.cases.dialog import CaseDialog, CloseCaseDialog
from satchel.gui.common import icons, theme
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.plaintext import plain_tooltip, set_plain_text
from satchel.gui.common.workers import user_message
from satchel.gui.timeline.view import plural
from satchel.i18n import format_date, format_datetime, format_fuzzy, format_number
from satchel.labels import case_status_label, case_type_label, risk_label

__all__ = ["CASE_ID_ROLE", "CaseFilter", "CasesModel", "CasesPage"]

E = TypeVar("E", bound=Enum)

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 60  # more than a tall window shows; scrolling fetches the next

_Index = QModelIndex | QPersistentModelIndex
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 1
WEEK_DAYS = 7
"""A deadline this many days away or fewer is due this week."""
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        CASE_ID_ROLE,
        URGENCY_ROLE,
    }
)

_URGENCY_ROLES = frozenset(
    {Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole}
)


class CaseUrgency(Enum):
    """What makes a case stand out in the list."""

    OVERDUE = "overdue"
    THIS_WEEK = "this_week"


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the list shows: every field None/empty means "any"."""

    status: CaseStatus | None = None
    case_type: CaseType | None = None
    risk: RiskLevel | None = None
    tag: str | None = None
    text: str = ""

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "case_type": self.case_type,
            "risk": self.risk,
            "tag": self.tag or None,
            "text": self.text.strip() or None,
        }


@dataclass(slots=True)
class _Order:
    column: int
    descending: bool
    loaded: list[Case] = field(default_factory=list)


class CasesModel(QAbstractTableModel):
    """Cases from the vault, fetched a page at a time in the order the core gives.

    Each page also reads, in three queries, what says how urgent a case is: its client
    and its next pending deadline (days left counted from today, overdue included).
    """

    TITLE, CLIENT, DEADLINE, LEFT, TYPE, STATUS, RISK, TAGS, UPDATED = range(9)
    COLUMN_COUNT = 9
    SORTABLE = (TITLE, CLIENT, DEADLINE, LEFT, UPDATED)
    _ORDERS: ClassVar[dict[int, CaseOrder]] = {
        TITLE: "title",
        CLIENT: "client",
        DEADLINE: "deadline",
        LEFT: "deadline",
        UPDATED: "updated",
    }

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._filter = CaseFilter()
        self._rows: list[Case] = []
        self._cells: dict[int, tuple[str, ...]] = {}
        self._next: dict[str, Event] = {}  # case id -> its next pending deadline
        self._clients: dict[str, str] = {}  # case id -> its clients' names
        self._today = date.today()
        self._total = 0
        # Most recently changed first: what a lawyer opens the list for.
        self._sort_column = self.UPDATED
        self._descending = True
        self.refresh()

    # -- what is shown ----------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [
            self.tr("Title"),
            self.tr("Client"),
            self.tr("Next deadline"),
            self.tr("Days left"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Risk"),
            self.tr("Tags"),
            self.tr("Changed"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or self._vault is None:
            return None  # the view asks for a dozen roles per cell on every repaint
        col = index.column()
        if role in _URGENCY_ROLES and col not in (self.DEADLINE, self.LEFT):
            return None  # asked of every cell; only two columns ever answer
        case = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._cells.get(index.row())
            if cells is None:
                # Views ask for every visible cell on every repaint; format a row once.
                cells = tuple(self._display(case, c) for c in range(self.COLUMN_COUNT))
                self._cells[index.row()] = cells
            return cells[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.TITLE:
                return plain_tooltip(case.title)
            if col == self.CLIENT and case.id in self._clients:
                return plain_tooltip(self._clients[case.id])
            if col in (self.DEADLINE, self.LEFT) and case.id in self._next:
                ev = self._next[case.id]
                return plain_tooltip(f"{format_fuzzy(ev.date)} — {ev.title}")
            if col == self.TAGS and case.tags:
                return plain_tooltip(", ".join(case.tags))
            return None
        if role == CASE_ID_ROLE:
            return case.id
        if role == URGENCY_ROLE:
            return self.urgency_of(case.id)
        if col not in (self.DEADLINE, self.LEFT):
            return None
        # Overdue and due this week stand out by words ("overdue by 2 days"), a bold face
        # and a sign, and only then by colour.
        level = self.urgency_of(case.id)
        if level is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            c = theme.colours()
            return QColor(c.danger if level is CaseUrgency.OVERDUE else c.warning)
        if role == Qt.ItemDataRole.DecorationRole and col == self.LEFT:
            return icons.icon("warning" if level is CaseUrgency.OVERDUE else "agenda")
        return None

    def urgency_of(self, case_id: str) -> CaseUrgency | None:
        """OVERDUE or THIS_WEEK for a case whose next deadline is either; None otherwise."""
        ev = self._next.get(case_id)
        left = days_left(ev, self._today) if ev is not None else None
        if left is None:
            return None
        if left < 0:
            return CaseUrgency.OVERDUE
        if left <= WEEK_DAYS:
            return CaseUrgency.THIS_WEEK
        return None

    def _left_text(self, case: Case) -> str:
        ev = self._next.get(case.id)
        left = days_left(ev, self._today) if ev is not None else None
        if left is None:
            return ""
        if left < 0:
            return plural("Agenda", "overdue by %n day(s)", "", -left)
        if left == 0:
            return self.tr("due today")
        return plural("Agenda", "%n day(s) left", "", left)

    def _display(self, case: Case, col: int) -> str:
        if col == self.TITLE:
            return case.title
        if col == self.CLIENT:
            return self._clients.get(case.id, "")
        if col == self.DEADLINE:
            ev = self._next.get(case.id)
            return format_fuzzy(ev.date) if ev is not None else ""
        if col == self.LEFT:
            return self._left_text(case)
        if col == self.TYPE:
            return case_type_label(case.case_type)
        if col == self.STATUS:
            return case_status_label(case.status)
        if col == self.RISK:
            return risk_label(case.risk)
        if col == self.TAGS:
            return ", ".join(case.tags)
        return format_datetime(case.updated_at)

    def case_at(self, row: int) -> Case:
        return self._rows[row]

    def row_of(self, case_id: str) -> int:
        for i, c in enumerate(self._rows):
            if c.id == case_id:
                return i
        return -1

    @property
    def total(self) -> int:
        """How many cases match the filter (not how many are loaded)."""
        return self._total

    # -- filter, order and lazy fetching ----------------------------------------------------

    def set_filter(self, f: CaseFilter) -> None:
        if f != self._filter:
            self._filter = f
            self.refresh()

    @property
    def filter(self) -> CaseFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column not in self.SORTABLE or (column, descending) == (
            self._sort_column,
            self._descending,
        ):
            return  # the view asks again when sorting is switched on: nothing to redo
        self._sort_column = column
        self._descending = descending
        self.refresh()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    def refresh(self) -> None:
        """Reload from the first page (after a filter change, a sort, or an edit)."""
        if self._vault is None:
            return
        self.beginResetModel()
        self._rows = []
        self._cells = {}
        self._next = {}
        self._clients = {}
        self._today = date.today()
        self._total = self._vault.cases.count(**self._filter.as_kwargs())
        self._fetch(PAGE_SIZE)
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        more = self._page(start, PAGE_SIZE)
        if not more:
            self._total = start  # the vault changed under us; stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self._read_urgency(more)
        self.endInsertRows()

    def _fetch(self, n: int) -> None:
        more = self._page(len(self._rows), n)
        self._rows.extend(more)
        self._read_urgency(more)

    def _read_urgency(self, cases: list[Case]) -> None:
        """The next deadline and the clients of a page of cases (three queries)."""
        assert self._vault is not None
        ids = [c.id for c in cases]
        self._next.update(self._vault.events.next_deadlines(ids))
        roles = self._vault.roles.of_cases(ids, RoleKind.CLIENT)
        people = self._vault.people.primary_names([r.person_id for r in roles])
        names: dict[str, list[str]] = {}
        for role in roles:
            if role.person_id in people:
                names.setdefault(role.case_id, []).append(people[role.person_id])
        self._clients.update({case_id: ", ".join(n) for case_id, n in names.items()})

    def _page(self, start: int, n: int) -> list[Case]:
        # The core orders by title (A→Z) or by change time (newest first); the opposite
        # direction reads the same order from the far end and reverses each page.
        assert self._vault is not None  # only refresh() and fetchMore() read, never after clear()
        order = self._ORDERS[self._sort_column]
        natural_descending = order == "updated"
        kwargs = self._filter.as_kwargs()
        if self._descending == natural_descending:
            return list(self._vault.cases.list(**kwargs, order=order, limit=n, offset=start))
        end = max(0, self._total - start)
        begin = max(0, end - n)
        if end == 0:
            return []
        rows = self._vault.cases.list(**kwargs, order=order, limit=end - begin, offset=begin)
        return list(reversed(rows))

    def clear(self) -> None:
        """Drop every case held (lock)."""
        self.beginResetModel()
        self._rows = []
        self._cells = {}
        self._next = {}
        self._clients = {}
        self._total = 0
        self._vault = None
        self.endResetModel()


class CasesPage(QWidget):
    """The list of cases with its filter bar and New / Edit / Close actions."""

    open_record = Signal(str, str)
    case_saved = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self.model = CasesModel(vault, self)
        self._build()
        self._update_count()
        self._update_actions()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 8)
        head = QHBoxLayout()
        title = QLabel(self.tr("Cases"), self)
        title.setObjectName("pageTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.new_button = QPushButton(icons.icon("add", on_accent=True), self.tr("&New case"), self)
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(self.tr("Create a case (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_case)
        self.edit_button = QPushButton(icons.icon("edit"), self.tr("&Edit"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button = QPushButton(icons.icon("archive"), self.tr("C&lose case"), self)
        self.close_button.clicked.connect(self.close_selected)
        for b in (self.edit_button, self.close_button, self.new_button):
            head.addWidget(b)
        lay.addLayout(head)

        bar = QHBoxLayout()
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Filter by title, number or summary (Ctrl+F)"))
        self.text_edit.setAccessibleName(self.tr("Filter cases"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.addAction(icons.icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.text_edit.textChanged.connect(self._apply_filter)
        # Down moves into the list, Enter opens the case (the first one when none is chosen):
        # filtering and opening never need the mouse.
        self.text_edit.installEventFilter(self)
        bar.addWidget(self.text_edit, 3)
        self.status_combo = self._combo(self.tr("Any status"), self.tr("Status filter"))
        for s in CaseStatus:
            self.status_combo.addItem(case_status_label(s), s.value)
        self.type_combo = self._combo(self.tr("Any type"), self.tr("Type filter"))
        for t in CaseType:
            self.type_combo.addItem(case_type_label(t), t.value)
        self.risk_combo = self._combo(self.tr("Any risk"), self.tr("Risk filter"))
        for r in RiskLevel:
            self.risk_combo.addItem(risk_label(r), r.value)
        self.tag_combo = self._combo(self.tr("Any tag"), self.tr("Tag filter"))
        self._fill_tags()
        for combo in (self.status_combo, self.type_combo, self.risk_combo, self.tag_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
            bar.addWidget(combo, 1)
        lay.addLayout(bar)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.empty_state = show_when_empty(self.table, self._empty_text)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        column, order = self.model.sort_state()
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(CasesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for col in range(1, CasesModel.COLUMN_COUNT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        # Enum columns are as wide as their longest label in this language (measured, not
        # sized to contents: that would read every loaded row on each reset). Type may
        # elide its longest label rather than squeeze the title.
        metrics = self.table.fontMetrics()

        def fit(col: int, texts: list[str], cap: int = 10_000) -> None:
            widest = max(metrics.horizontalAdvance(t) for t in [*texts, self.model.headers()[col]])
            header.resizeSection(col, min(cap, widest + 28))

        fit(
            CasesModel.TYPE,
            [case_type_label(t) for t in CaseType],
            cap=metrics.averageCharWidth() * 16,
        )
        fit(CasesModel.STATUS, [case_status_label(t) for t in CaseStatus])
        fit(CasesModel.RISK, [risk_label(t) for t in RiskLevel])
        header.resizeSection(CasesModel.TAGS, metrics.averageCharWidth() * 12)
        header.resizeSection(CasesModel.CLIENT, metrics.averageCharWidth() * 22)
        fit(
            CasesModel.DEADLINE,
            [format_date(date(2026, 12, 28)), "~ " + format_date(date(2026, 9, 28))],
        )
        icon_room = self.table.iconSize().width() + 8
        left_texts = [
            plural("Agenda", "overdue by %n day(s)", "", 28),
            plural("Agenda", "%n day(s) left", "", 28),
        ]
        fit(CasesModel.LEFT, left_texts)
        header.resizeSection(CasesModel.LEFT, header.sectionSize(CasesModel.LEFT) + icon_room)
        sample = format_datetime(datetime(2026, 12, 28, 23, 59, tzinfo=UTC))
        fit(CasesModel.UPDATED, [sample])
        self._widths = {c: header.sectionSize(c) for c in range(CasesModel.COLUMN_COUNT)}
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        lay.addWidget(self.table, 1)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        lay.addWidget(self.empty_label)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")
        lay.addWidget(self.count_label)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("error")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.hide()
        lay.addWidget(self.message_label)

        QShortcut(
            QKeySequence("Ctrl+F"),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ).activated.connect(self.focus_filter)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

    def _combo(self, any_text: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible)
        combo.addItem(any_text, None)
        return combo

    def _fill_tags(self) -> None:
        assert self._vault is not None  # a cleared page is never refreshed or edited
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        while self.tag_combo.count() > 1:
            self.tag_combo.removeItem(1)
        for tag in self._vault.cases.tags():
            self.tag_combo.addItem(tag, tag)
            self.tag_combo.setItemData(
                self.tag_combo.count() - 1, plain_tooltip(tag), Qt.ItemDataRole.ToolTipRole
            )
        index = self.tag_combo.findData(current) if current else 0
        self.tag_combo.setCurrentIndex(max(0, index))
        self.tag_combo.blockSignals(False)

    # -- filtering and sorting --------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        def enum(combo: QComboBox, cls: type[E]) -> E | None:
            value = combo.currentData()
            return cls(value) if value else None

        return CaseFilter(
            status=enum(self.status_combo, CaseStatus),
            case_type=enum(self.type_combo, CaseType),
            risk=enum(self.risk_combo, RiskLevel),
            tag=self.tag_combo.currentData() or None,
            text=self.text_edit.text(),
        )

    def _empty_text(self) -> str:
        combos = (self.status_combo, self.type_combo, self.risk_combo, self.tag_combo)
        if self.text_edit.text().strip() or any(c.currentIndex() > 0 for c in combos):
            return self.tr("No case matches these filters. Clear them to see every case.")
        return self.tr(
            "No cases yet. Create one with New case (Ctrl+N), or open a bundle a colleague "
            "sent you under Imports."
        )

    def _apply_filter(self) -> None:
        try:
            self.model.set_filter(self.current_filter())
        except SatchelError as e:
            self._show_message(user_message(e))
        self._update_actions()

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if column not in CasesModel.SORTABLE:
            # The core orders by title or by change time only; put the indicator back so
            # it never claims an order the list is not in.
            current, current_order = self.model.sort_state()
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, current_order)
            header.blockSignals(False)

    # Columns that give way, in this order, when the title would be left too little room
    # (a 1366-pixel laptop screen): both are also filters above the list.
    _YIELDING = (CasesModel.TAGS, CasesModel.TYPE)
    _TITLE_ROOM = 36  # average characters the title keeps before a column gives way

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Hide the yielding columns the title needs the room of; show them again when
        the window is wide enough."""
        room = (
            self.table.viewport().width()
            - self._TITLE_ROOM * self.table.fontMetrics().averageCharWidth()
        )
        fixed = [c for c in range(1, CasesModel.COLUMN_COUNT) if c not in self._YIELDING]
        used = sum(self._widths[c] for c in fixed)
        for col in reversed(self._YIELDING):  # the last to give way is shown first
            fits = used + self._widths[col] <= room
            self.table.setColumnHidden(col, not fits)
            if fits:
                used += self._widths[col]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus()
                if not self.table.selectionModel().selectedRows():
                    self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                rows = self.table.selectionModel().selectedRows()
                if rows:
                    self._open_index(rows[0])
                elif self.model.rowCount() > 0:
                    self._open_index(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def focus_filter(self) -> None:
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def _update_count(self) -> None:
        total = self.model.total
        # "Cases: N" rather than "N cases": no plural forms to get wrong in Russian.
        self.count_label.setText(self.tr("Cases: {0}").format(format_number(total)))
        if total == 0:
            if self.current_filter() == CaseFilter():
                self.empty_label.setText(self.tr("No cases yet. Create one with “New case”."))
            else:
                self.empty_label.setText(self.tr("No case matches the filter."))
            self.empty_label.show()
        else:
            self.empty_label.hide()

    # -- actions ----------------------------------------------------------------------------

    def selected_case(self) -> Case | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.case_at(rows[0].row())

    def _update_actions(self) -> None:
        case = self.selected_case()
        self.edit_button.setEnabled(case is not None)
        self.close_button.setEnabled(case is not None and case.status != CaseStatus.CLOSED)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit("case", self.model.case_at(index.row()).id)

    def new_case(self) -> None:
        assert self._vault is not None  # a cleared page is hidden, its window deleted
        dialog = CaseDialog(self._vault, None, self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved)
            self.open_record.emit("case", dialog.saved.id)

    def edit_selected(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        assert self._vault is not None  # a cleared page has no selection
        dialog = CaseDialog(self._vault, self._vault.cases.get(case.id), self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved)

    def close_selected(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        assert self._vault is not None  # a cleared page has no selection
        dialog = CloseCaseDialog(self._vault, self._vault.cases.get(case.id), self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved)

    def _after_save(self, case: Case) -> None:
        self._fill_tags()
        self.model.refresh()
        self.select_case(case.id)
        self.case_saved.emit(case.id)

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def refresh(self) -> None:
        """Re-read from the vault (after a change made elsewhere, e.g. an import)."""
        if self._vault is None:
            return  # cleared by a lock
        self._fill_tags()
        self.model.refresh()
        self._update_actions()

    def _show_message(self, text: str) -> None:
        set_plain_text(self.message_label, text)
        self.message_label.show()
        QTimer.singleShot(6000, self.message_label.hide)

    def clear(self) -> None:
        """Drop every piece of vault data held (lock)."""
        self.model.clear()
        self.tag_combo.blockSignals(True)
        while self.tag_combo.count() > 1:
            self.tag_combo.removeItem(1)
        self.tag_combo.blockSignals(False)
        self.text_edit.blockSignals(True)
        self.text_edit.clear()
        self.text_edit.blockSignals(False)
        self.message_label.clear()
        self._vault = None
