"""The Agenda page: deadlines and hearings of the coming weeks across all cases, overdue first.

Rows come from `vault.events.agenda(today, weeks)` (the core decides what is due and
keeps computed deadlines on their source's date); this page groups them by day, colours
them by urgency, shows the case and the days left, and marks a deadline done or pending
again. It publishes the number of overdue and near deadlines (`counts_changed`) for the
navigation badge (`agenda_badge_text`).

Vault text is shown only as plain text (tree items are plain; tooltips go through
`plain_tooltip`). A second tab shows every case on one timeline, a lane per case.
`clear()` drops everything it shows; the lock calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.deadline_rules import Reckoning
from satchel.core.events import days_left, due_day, urgency
from satchel.core.model import DeadlineStatus, Event, Urgency
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.chronology.deadline_words import rollover_text, rule_source
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.plaintext import plain_tooltip
from satchel.gui.common.theme import NAV_ITEM_MARGIN_X, NAV_ITEM_PADDING_X
from satchel.gui.common.workers import user_message
from satchel.gui.timeline.view import URGENCY_COLOURS, plural
from satchel.gui.timeline.widget import AllCasesTimelinePage
from satchel.i18n import format_fuzzy
from satchel.labels import deadline_status_label, event_type_label

__all__ = ["AgendaPage", "agenda_badge_text", "count_urgent", "show_badge"]

_tr = QCoreApplication.translate

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_WEEKS = 4


def agenda_badge_text(overdue: int, near: int) -> str:
    """What the navigation shows next to "Agenda": '2 overdue · 1 near', or '' if nothing."""
    parts = []
    if overdue:
        parts.append(_tr("Agenda", "%1 overdue").replace("%1", QLocale().toString(overdue)))
    if near:
        parts.append(_tr("Agenda", "%1 near").replace("%1", QLocale().toString(near)))
    return " · ".join(parts)


_BASE_TITLE_ROLE = Qt.ItemDataRole.UserRole + 40


def show_badge(navigation: QListWidget, key: str, overdue: int, near: int) -> None:
    """Append the badge to the navigation entry whose data (UserRole) is `key`.

    The entry's own title is remembered on the item, so badges never pile up.
    """
    for row in range(navigation.count()):
        item = navigation.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != key:
            continue
        base = item.data(_BASE_TITLE_ROLE)
        if not base:
            base = item.text()
            item.setData(_BASE_TITLE_ROLE, base)
        badge = agenda_badge_text(overdue, near)
        # One line in a narrow navigation, in every language: the title and one number;
        # the words ("2 overdue · 1 near") go to the tooltip and the accessible text.
        count = QLocale().toString(overdue + near)
        item.setText(f"{base} · {count}" if badge else str(base))
        item.setToolTip(badge)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{base}: {badge}" if badge else base)
        if overdue:
            item.setForeground(QBrush(QColor(URGENCY_COLOURS[Urgency.OVERDUE])))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
        fit_navigation_width(navigation)
        return


def item_text_room(navigation: QListWidget, item: QListWidgetItem) -> int:
    """The width left for `item`'s text when it is painted: the entry spans the viewport;
    the style takes the icon and its spacing, the theme's style sheet its padding and margin
    (which the style's geometry does not count), the painter a text margin on each side."""
    option = QStyleOptionViewItem()
    rect = navigation.visualItemRect(item)
    option.rect = rect
    delegate = navigation.itemDelegate()
    if isinstance(delegate, QStyledItemDelegate):
        delegate.initStyleOption(option, navigation.indexFromItem(item))
    style = navigation.style()
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, navigation)
    icon_and_spacing = rect.width() - text.width()
    text_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, navigation) + 1
    themed = navigation.objectName() == "navigation"
    boxed = 2 * (NAV_ITEM_PADDING_X + NAV_ITEM_MARGIN_X) if themed else 0
    return navigation.viewport().width() - icon_and_spacing - boxed - 2 * text_margin


def fit_navigation_width(navigation: QListWidget) -> None:
    """Widen the navigation until every entry's text fits on one line (never narrower).

    The badge and a long translation ("Сроки и заседания · 12") must not be elided; the
    room the style leaves is measured, not guessed, so fonts and scaling are taken along.
    """
    metrics = navigation.fontMetrics()
    # A few pixels the measure cannot see (the style's rounding of the padded item) must not
    # cost the badge: leave the width of two letters spare.
    spare = 2 * metrics.averageCharWidth()
    grow = 0
    for row in range(navigation.count()):
        item = navigation.item(row)
        if navigation.visualItemRect(item).width() <= 0:
            continue  # not laid out yet: measured again on the next badge
        needed = metrics.horizontalAdvance(item.text()) + spare
        grow = max(grow, needed - item_text_room(navigation, item))
    if grow > 0:
        navigation.setFixedWidth(navigation.width() + grow + 2)


def count_urgent(events: list[Event], today: date) -> tuple[int, int]:
    """(overdue, due within 3 days) among the pending deadlines in `events`."""
    overdue = near = 0
    for ev in events:
        if ev.deadline is None or ev.deadline.status is not DeadlineStatus.PENDING:
            continue
        u = urgency(ev, today)
        if u is Urgency.OVERDUE:
            overdue += 1
        elif u is Urgency.WITHIN_3_DAYS:
            near += 1
    return overdue, near


def _dot(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pix)


class _WrapToColumn(QStyledItemDelegate):
    """Row heights from the text wrapped to its column's width: QTreeView asks its delegate
    for a row's height with no width at all (so wrapped text would be cut at one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        option = QStyleOptionViewItem(option)
        tree = self._tree
        if not index.parent().isValid():
            width = tree.viewport().width()  # a day's heading spans the row
        else:
            width = tree.header().sectionSize(index.column())
            if index.column() == 0:
                width -= tree.indentation()
        # The style wraps only within a valid rectangle: the column's width, any height.
        option.rect = QRect(0, 0, max(1, width), 1 << 16)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return super().sizeHint(option, index)


class AgendaPage(QWidget):
    """Deadlines and hearings of the next N weeks, across all cases, grouped by day.

    Signals: `counts_changed(overdue, near)` after every refresh;
    `open_record("event", event_id)` when a row is opened.
    """

    counts_changed = Signal(int, int)
    open_record = Signal(str, str)  # ("event", id): the main window opens it in its case

    COL_DUE, COL_LEFT, COL_CASE, COL_EVENT, COL_TYPE, COL_STATUS = range(6)
    LIST_TAB, TIMELINE_TAB = range(2)

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._today = today or date.today
        # The timeline needs an instant for its "now" line: noon UTC of the agenda's today.
        self._now = lambda: datetime.combine(self._today(), time(12), tzinfo=UTC)
        self._events: list[Event] = []
        self._titles: dict[str, str] = {}
        self._reckonings: dict[str, Reckoning | None] = {}
        self.setObjectName("AgendaPage")

        self.title_label = QLabel(self)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.weeks_label = QLabel(self)
        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setRange(1, 52)
        self.weeks_spin.setValue(DEFAULT_WEEKS)
        self.weeks_spin.valueChanged.connect(lambda _v: self.refresh())
        self.weeks_label.setBuddy(self.weeks_spin)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_button = QPushButton(self)
        self.done_button.clicked.connect(self.toggle_done)
        self.done_button.setEnabled(False)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open_current)
        self.open_button.setEnabled(False)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(6)
        self.tree.setRootIsDecorated(False)
        # A deadline's event and case are read whole ("Appeal against the decision on
        # extradition"), wrapped onto a second line rather than cut: the agenda holds weeks,
        # not thousands of rows, so rows of their own height cost nothing.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrapToColumn(self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        self.empty_state = show_when_empty(
            self.tree,
            lambda: _tr(
                "Agenda",
                "Nothing due in these weeks. Deadlines and hearings of every case appear here, "
                "overdue first.",
            ),
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_EVENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_CASE, QHeaderView.ResizeMode.Stretch)
        # Wrapped rows take their height from their columns' widths: measure again when a
        # column changes (the stretched ones change with the window).
        header.sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        header.resizeSection(self.COL_DUE, 220)
        header.resizeSection(self.COL_LEFT, 150)
        header.resizeSection(self.COL_TYPE, 130)
        header.resizeSection(self.COL_STATUS, 100)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.weeks_label)
        top.addWidget(self.weeks_spin)
        actions = QHBoxLayout()
        actions.addWidget(self.summary_label, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.done_button)
        list_tab = QWidget(self)
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 6, 0, 0)
        list_layout.addLayout(actions)
        list_layout.addWidget(self.tree, 1)
        list_layout.addWidget(self.empty_label)
        # Every case on one timeline: built on first view, since it reads every event.
        self.timeline: AllCasesTimelinePage | None = None
        self._timeline_tab = QWidget(self)
        QVBoxLayout(self._timeline_tab).setContentsMargins(0, 6, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(list_tab, "")
        self.tabs.addTab(self._timeline_tab, "")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        # Days left change at midnight even when nothing is edited.
        self._tick = QTimer(self)
        self._tick.setInterval(10 * 60 * 1000)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self._retranslate()
        self.refresh()

    # -- language ---------------------------------------------------------------------------

    def _on_tab(self, index: int) -> None:
        if index == self.TIMELINE_TAB:
            self.show_timeline()

    def show_timeline(self) -> AllCasesTimelinePage | None:
        """Switch to the all-cases timeline (a lane per case), building it on first use."""
        if self._vault is None:
            return None
        if self.timeline is None:
            self.timeline = AllCasesTimelinePage(self._vault, self._timeline_tab, now=self._now)
            self.timeline.open_record.connect(self.open_record)
            layout = self._timeline_tab.layout()
            assert layout is not None
            layout.addWidget(self.timeline)
        else:
            self.timeline.reload()
        if self.tabs.currentIndex() != self.TIMELINE_TAB:
            self.tabs.setCurrentIndex(self.TIMELINE_TAB)
        return self.timeline

    def _retranslate(self) -> None:
        self.tabs.setTabText(self.LIST_TAB, _tr("Agenda", "Deadlines and hearings"))
        self.tabs.setTabText(self.TIMELINE_TAB, _tr("Agenda", "All cases timeline"))
        self.title_label.setText(_tr("Agenda", "Agenda"))
        self.weeks_label.setText(_tr("Agenda", "&Weeks ahead:"))
        self.weeks_spin.setAccessibleName(_tr("Agenda", "Weeks ahead"))
        self.open_button.setText(_tr("Agenda", "&Open"))
        self.tree.setHeaderLabels(
            [
                _tr("Agenda", "Due"),
                _tr("Agenda", "Days left"),
                _tr("Agenda", "Case"),
                _tr("Agenda", "Event"),
                _tr("Agenda", "Type"),
                _tr("Agenda", "Status"),
            ]
        )
        self.tree.setAccessibleName(_tr("Agenda", "Deadlines and hearings"))
        self.empty_label.setText(
            _tr("Agenda", "Nothing due in the coming weeks and nothing overdue.")
        )
        self._update_buttons()
        if self._events:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # -- data -------------------------------------------------------------------------------

    def set_vault(self, vault: Vault) -> None:
        self._vault = vault
        if self.timeline is not None:
            self.timeline.set_vault(vault)
        self.refresh()

    def weeks(self) -> int:
        return self.weeks_spin.value()

    def set_weeks(self, weeks: int) -> None:
        self.weeks_spin.setValue(weeks)

    def refresh(self) -> None:
        """Read the agenda again (after an edit, at midnight, when the page is shown)."""
        if self._vault is None or getattr(self._vault, "closed", False):
            return  # locked: the lock clears this page
        selected = self.selected_event_id()
        self._events = list(self._vault.events.agenda(self._today(), self.weeks()))
        self._titles = self._case_titles()
        # Computed deadlines whose last day a rule moved say so next to the rolled date.
        self._reckonings = {e.id: self._vault.events.reckoning(e) for e in self._events}
        self._fill()
        if selected:
            self.select_event(selected)
        overdue, near = count_urgent(self._events, self._today())
        self.counts_changed.emit(overdue, near)

    def clear(self) -> None:
        """Drop every row, the all-cases timeline and the vault (the lock calls this)."""
        self._vault = None
        self._events = []
        self._titles = {}
        self._reckonings = {}
        self.tree.clear()
        if self.timeline is not None:
            self.timeline.clear()
        self.summary_label.clear()
        self._update_buttons()
        self.counts_changed.emit(0, 0)

    def _case_titles(self) -> dict[str, str]:
        ids = {ev.case_id for ev in self._events}
        titles: dict[str, str] = {}
        for cid in ids:
            case = self._vault.cases.find(cid) if self._vault is not None else None
            if case is not None:
                titles[cid] = case.title
        return titles

    def _fill(self) -> None:
        # Only what `refresh` read: a language switch re-renders without touching the vault.
        today = self._today()
        titles = self._titles
        locale = QLocale()
        self.tree.clear()
        groups: dict[object, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for ev in self._events:
            left = days_left(ev, today)
            u = urgency(ev, today)
            pending = ev.deadline is not None and ev.deadline.status is DeadlineStatus.PENDING
            if pending and u is Urgency.OVERDUE:
                key: object = "overdue"
                heading = _tr("Agenda", "Overdue")
            elif left is None:
                key = "undated"
                heading = _tr("Agenda", "No date yet")
            else:
                due = due_day(ev)
                assert due is not None
                key = due
                heading = locale.toString(QDate(due.year, due.month, due.day), "dddd, d MMMM yyyy")
                if due == today:
                    heading = _tr("Agenda", "Today — %1").replace("%1", heading)
            group = groups.get(key)
            if group is None:
                group = QTreeWidgetItem(self.tree, [heading])
                group.setFirstColumnSpanned(True)
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[key] = group
            self._row(group, ev, u, left, titles.get(ev.case_id, ""))
        self.tree.expandAll()
        # A rolled-over day carries its reason ("Sat 12 Dec → Mon 14 Dec, weekend"): the Due
        # column grows for it, up to a third of the width; beyond, the reason wraps.
        limit = max(220, self.tree.viewport().width() // 3)
        due_width = min(limit, self.tree.sizeHintForColumn(self.COL_DUE) + 12)
        if due_width > self.tree.header().sectionSize(self.COL_DUE):
            self.tree.header().resizeSection(self.COL_DUE, due_width)
        has_rows = bool(self._events)
        self.tree.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        overdue, near = count_urgent(self._events, today)
        self.summary_label.setText(
            plural(
                "Agenda",
                "%1 overdue, %2 due within 3 days, %3 in the next %n week(s)",
                "",
                self.weeks(),
            )
            .replace("%1", locale.toString(overdue))
            .replace("%2", locale.toString(near))
            .replace("%3", locale.toString(len(self._events)))
        )
        self._update_buttons()

    def _row(
        self,
        group: QTreeWidgetItem,
        ev: Event,
        u: Urgency,
        left: int | None,
        case_title: str,
    ) -> None:
        item = QTreeWidgetItem(group)
        item.setData(0, EVENT_ID_ROLE, ev.id)
        item.setData(0, CASE_ID_ROLE, ev.case_id)
        rolled = rollover_text(self._reckonings.get(ev.id))
        due_text = format_fuzzy(ev.date)
        item.setText(self.COL_DUE, f"{due_text} ({rolled})" if rolled else due_text)
        if rolled:
            reckoning = self._reckonings[ev.id]
            assert reckoning is not None
            item.setToolTip(self.COL_DUE, plain_tooltip(f"{rolled}\n{rule_source(reckoning.rule)}"))
        item.setText(self.COL_LEFT, self._left_text(ev, u, left))
        item.setText(self.COL_CASE, case_title)
        item.setText(self.COL_EVENT, ev.title)
        item.setText(self.COL_TYPE, event_type_label(ev.event_type))
        item.setText(self.COL_STATUS, self._status_text(ev))
        colour = URGENCY_COLOURS[u] if ev.deadline is not None else None
        if colour is not None:
            item.setIcon(self.COL_DUE, _dot(colour))
            item.setForeground(self.COL_LEFT, QBrush(QColor(colour)))
        if ev.deadline is not None and ev.deadline.status is not DeadlineStatus.PENDING:
            font = QFont(self.tree.font())
            font.setStrikeOut(True)
            item.setFont(self.COL_EVENT, font)
        item.setData(self.COL_LEFT, Qt.ItemDataRole.UserRole, u.value)
        tip = "\n".join(t for t in (ev.title, case_title, ev.description[:280]) if t)
        item.setToolTip(self.COL_EVENT, plain_tooltip(tip))
        item.setToolTip(self.COL_CASE, plain_tooltip(case_title))

    @staticmethod
    def _left_text(ev: Event, u: Urgency, left: int | None) -> str:
        if ev.deadline is not None and ev.deadline.status is not DeadlineStatus.PENDING:
            return _tr("Agenda", "done")
        if left is None:
            return ""
        if left < 0:
            return plural("Agenda", "overdue by %n day(s)", "", -left)
        if left == 0:
            return _tr("Agenda", "today")
        return plural("Agenda", "%n day(s) left", "", left)

    @staticmethod
    def _status_text(ev: Event) -> str:
        if ev.deadline is None:
            return ""
        return deadline_status_label(ev.deadline.status)

    # -- rows -------------------------------------------------------------------------------

    def _rows(self) -> list[tuple[QTreeWidgetItem, QTreeWidgetItem]]:
        """(day group, row) pairs, top to bottom."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is None:
                continue
            for r in range(group.childCount()):
                child = group.child(r)
                if child is not None:
                    out.append((group, child))
        return out

    def rows(self) -> list[tuple[str, str]]:
        """(group heading, event id) of every row, top to bottom (for tests and screen readers)."""
        return [(group.text(0), str(row.data(0, EVENT_ID_ROLE))) for group, row in self._rows()]

    def row_item(self, event_id: str) -> QTreeWidgetItem | None:
        return next(
            (row for _g, row in self._rows() if row.data(0, EVENT_ID_ROLE) == event_id), None
        )

    def select_event(self, event_id: str) -> bool:
        item = self.row_item(event_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def selected_event_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(0, EVENT_ID_ROLE)
        return str(value) if value else None

    def _selected_event(self) -> Event | None:
        eid = self.selected_event_id()
        return next((ev for ev in self._events if ev.id == eid), None)

    def _update_buttons(self) -> None:
        ev = self._selected_event()
        self.open_button.setEnabled(ev is not None)
        is_deadline = ev is not None and ev.deadline is not None
        self.done_button.setEnabled(is_deadline)
        pending = ev is None or ev.deadline is None or ev.deadline.status is DeadlineStatus.PENDING
        self.done_button.setText(
            _tr("Agenda", "Mark &done") if pending else _tr("Agenda", "Mark &pending")
        )

    def toggle_done(self) -> None:
        """Mark the selected deadline done (or pending again, if it was done)."""
        ev = self._selected_event()
        if ev is None or ev.deadline is None or self._vault is None:
            return
        status = (
            DeadlineStatus.DONE
            if ev.deadline.status is DeadlineStatus.PENDING
            else DeadlineStatus.PENDING
        )
        try:
            self._vault.events.set_deadline_status(ev.id, status)
        except SatchelError as exc:
            self.summary_label.setText(user_message(exc))
            return
        self.refresh()

    def _open_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._open(item)

    def _open(self, item: QTreeWidgetItem) -> None:
        eid = item.data(0, EVENT_ID_ROLE)
        if eid:
            self.open_record.emit("event", str(eid))
