"""The timeline as the user meets it: toolbar, filters, the plot and the tray of undated events.

`TimelineWidget(vault, case_id)` shows one case (lanes by type or by person) or, with
`all_cases=True`, every case (a lane per case by default). It reads events through the
core stores only (`vault.events`, `vault.people`, `vault.cases`), turns them into
`layout.TimelineItem`s once per reload, and re-filters in memory as the user types.

Vault text is shown only as plain text (QListWidget items, QPainter, `plain_tooltip`).
`clear()` drops every record it holds; the lock calls it. This module never writes to
the vault.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Event, EventType
from satchel.core.vault import Vault
from satchel.gui.common.plaintext import plain_tooltip
from satchel.gui.common.report_actions import export_chronology_pdf, print_chronology
from satchel.gui.timeline.layout import (
    MAX_SPP,
    MIN_SPP,
    NO_PERSON,
    Lane,
    LaneMode,
    TimelineItem,
    build_lanes,
    items_from_events,
)
from satchel.gui.timeline.view import TYPE_COLOURS, TimelineView, plural, summary_text
from satchel.labels import event_type_label

__all__ = ["AllCasesTimelinePage", "TimelineFilter", "TimelineWidget"]

_tr = QCoreApplication.translate

# Events read per turn of the event loop when (re)loading.
LOAD_CHUNK = 5000

_LANE_PALETTE = (
    "#1565c0",
    "#6a1b9a",
    "#00838f",
    "#ad1457",
    "#2e7d32",
    "#e65100",
    "#4e342e",
    "#37474f",
)


class _PopupCombo(QComboBox):
    """A combo box that says when its list is about to open (to fill it lazily)."""

    about_to_popup = Signal()

    def showPopup(self) -> None:
        self.about_to_popup.emit()
        super().showPopup()


class TimelineFilter:
    """What the user narrowed the timeline to; `matches` is applied to every item."""

    FLAG_ANY = ""
    FLAG_KEY = "key"
    FLAG_DISPUTED = "disputed"
    FLAG_DEADLINE = "deadline"

    def __init__(self) -> None:
        self.event_type: str = ""
        self.person_id: str = ""
        self.flag: str = self.FLAG_ANY
        self.text: str = ""

    def matches(self, item: TimelineItem) -> bool:
        ev = item.event
        if self.event_type and ev.event_type.value != self.event_type:
            return False
        if self.person_id and self.person_id not in ev.person_ids:
            return False
        if self.flag == self.FLAG_KEY and not ev.key_fact:
            return False
        if self.flag == self.FLAG_DISPUTED and not item.disputed:
            return False
        if self.flag == self.FLAG_DEADLINE and ev.deadline is None:
            return False
        if self.text:
            needle = self.text.casefold()
            hay = f"{ev.title}\n{ev.description}\n{ev.source}".casefold()
            if needle not in hay:
                return False
        return True


class TimelineWidget(QWidget):
    """Toolbar, plot and undated tray over one case's events, or all cases' events.

    Signals: `event_selected(id)` when the user picks an event (plot or tray),
    `event_activated(id)` when they open one (double-click or Enter).
    """

    event_selected = Signal(str)
    event_activated = Signal(str)
    open_record = Signal(str, str)  # (kind, id): the main window opens records this way

    def __init__(
        self,
        vault: Vault,
        case_id: str | None = None,
        parent: QWidget | None = None,
        *,
        all_cases: bool = False,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._case_id = case_id
        self._all_cases = all_cases
        self._now = now or (lambda: datetime.now(UTC))
        self._items: list[TimelineItem] = []
        self._names: dict[str, str] = {}
        self._names_loaded = True
        self._case_titles: dict[str, str] = {}
        self._filter = TimelineFilter()
        self._mode = LaneMode.BY_CASE if all_cases else LaneMode.BY_TYPE
        self._lane_colours: dict[str, QColor] = {}

        self.view = TimelineView(self, now=self._now)
        self.view.event_selected.connect(self._on_view_selected)
        self.view.event_activated.connect(self.event_activated)
        self.view.range_changed.connect(lambda *_: self._update_zoom_buttons())

        self._build_toolbar()
        self.undated = QListWidget(self)
        self.undated.setAccessibleName(_tr("Timeline", "Undated events"))
        self.undated.itemSelectionChanged.connect(self._on_tray_selected)
        self.undated.itemActivated.connect(
            lambda item: self.event_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self._undated_label = QLabel(self)
        tray = QWidget(self)
        tray_layout = QVBoxLayout(tray)
        tray_layout.setContentsMargins(0, 0, 0, 0)
        tray_layout.addWidget(self._undated_label)
        tray_layout.addWidget(self.undated)
        self._tray = tray

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(tray)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._bar)
        layout.addWidget(split, 1)
        # The count sits under the plot, not in the toolbar: the toolbar must fit a case
        # view at 200 % scaling.
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count_label)

        # Typing in the search box re-filters after a pause, not on every keystroke.
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(150)
        self._text_timer.timeout.connect(self._apply_text)
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._load_chunk)
        self._load_offset = 0
        self._load_total = 0
        self._source: Iterator[Event] | None = None
        self._fit_when_loaded = True
        self._retranslate()
        self.reload()

    # -- toolbar --------------------------------------------------------------------------

    def _button(self, slot: Callable[[], None]) -> QToolButton:
        b = QToolButton(self)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        self._bar.addWidget(b)
        return b

    def _build_toolbar(self) -> None:
        self._bar = QHBoxLayout()
        self._bar.setContentsMargins(4, 4, 4, 4)
        self.zoom_in_button = self._button(lambda: self.view.user_zoom(1 / 1.5))
        self.zoom_out_button = self._button(lambda: self.view.user_zoom(1.5))
        self.fit_button = self._button(self.view.fit_all)
        self.today_button = self._button(self._go_today)
        self._bar.addSpacing(12)
        self.lane_combo = QComboBox(self)
        self.lane_combo.currentIndexChanged.connect(self._on_lane_mode)
        self._bar.addWidget(self.lane_combo)
        self.type_combo = QComboBox(self)
        self.type_combo.currentIndexChanged.connect(self._on_filters)
        self._bar.addWidget(self.type_combo)
        self.person_combo = _PopupCombo(self)
        self.person_combo.about_to_popup.connect(self._on_person_popup)
        self.person_combo.currentIndexChanged.connect(self._on_filters)
        self._bar.addWidget(self.person_combo)
        self.flag_combo = QComboBox(self)
        self.flag_combo.currentIndexChanged.connect(self._on_filters)
        self._bar.addWidget(self.flag_combo)
        for combo in (self.lane_combo, self.type_combo, self.person_combo, self.flag_combo):
            # Sized for a short entry, not the longest: the toolbar must fit at 200 % scaling.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(9)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._text_timer.start())
        self.search_edit.setMinimumWidth(140)
        self._bar.addWidget(self.search_edit, 1)
        self.report_button = self._button(self.export_report)
        self.print_button = self._button(self.print_report)
        for seq, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.view.user_zoom(1 / 1.5)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.view.user_zoom(1.5)),
        ):
            sc = QShortcut(seq, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def _go_today(self) -> None:
        self.view.user_moved = True
        self.view.go_today()

    def _retranslate(self) -> None:
        for b, text, tip in (
            (self.zoom_in_button, "+", _tr("Timeline", "Zoom in (+, mouse wheel, pinch)")),
            (self.zoom_out_button, "−", _tr("Timeline", "Zoom out (−)")),
            (
                self.fit_button,
                _tr("Timeline", "Fit all"),
                _tr("Timeline", "Show every event (Home)"),
            ),
            (self.today_button, _tr("Timeline", "Today"), _tr("Timeline", "Go to today (T)")),
        ):
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
        self.report_button.setText(_tr("Timeline", "Report…"))
        self.report_button.setToolTip(
            _tr("Timeline", "Save the events shown as a chronology report (PDF, not encrypted)")
        )
        self.print_button.setText(_tr("Timeline", "Print…"))
        self.print_button.setToolTip(_tr("Timeline", "Print the events shown as a chronology"))
        for b in (self.report_button, self.print_button):
            b.setAccessibleName(b.toolTip())
            # A report is of one case; across all cases there is no single title block.
            b.setVisible(self._all_cases is False)
        with QSignalBlocker(self.lane_combo):
            self.lane_combo.clear()
            modes = [LaneMode.BY_TYPE, LaneMode.BY_PERSON]
            if self._all_cases:
                modes.insert(0, LaneMode.BY_CASE)
            names = {
                LaneMode.BY_TYPE: _tr("Timeline", "Lanes by type"),
                LaneMode.BY_PERSON: _tr("Timeline", "Lanes by person"),
                LaneMode.BY_CASE: _tr("Timeline", "Lanes by case"),
            }
            for m in modes:
                self.lane_combo.addItem(names[m], m.value)
            self.lane_combo.setCurrentIndex(max(0, self.lane_combo.findData(self._mode.value)))
        self.lane_combo.setAccessibleName(_tr("Timeline", "Lanes"))
        with QSignalBlocker(self.type_combo):
            current = self._filter.event_type
            self.type_combo.clear()
            self.type_combo.addItem(_tr("Timeline", "All types"), "")
            for t in EventType:
                self.type_combo.addItem(event_type_label(t), t.value)
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(current)))
        self.type_combo.setAccessibleName(_tr("Timeline", "Event type"))
        with QSignalBlocker(self.flag_combo):
            current = self._filter.flag
            self.flag_combo.clear()
            for text, value in (
                (_tr("Timeline", "All events"), TimelineFilter.FLAG_ANY),
                (_tr("Timeline", "Key facts"), TimelineFilter.FLAG_KEY),
                (_tr("Timeline", "Disputed"), TimelineFilter.FLAG_DISPUTED),
                (_tr("Timeline", "Deadlines"), TimelineFilter.FLAG_DEADLINE),
            ):
                self.flag_combo.addItem(text, value)
            self.flag_combo.setCurrentIndex(max(0, self.flag_combo.findData(current)))
        self.flag_combo.setAccessibleName(_tr("Timeline", "Flag"))
        self._fill_person_combo()
        self.search_edit.setPlaceholderText(_tr("Timeline", "Filter events…"))
        self.search_edit.setAccessibleName(_tr("Timeline", "Filter events by text"))
        self.view.set_empty_text(_tr("Timeline", "No dated events to show"))
        self.view.setToolTip("")
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _fill_person_combo(self) -> None:
        with QSignalBlocker(self.person_combo):
            current = self._filter.person_id
            self.person_combo.clear()
            self.person_combo.addItem(_tr("Timeline", "All people"), "")
            # Combo box items are plain text: a name from a bundle cannot render as markup.
            for pid, name in sorted(self._names.items(), key=lambda kv: kv[1].casefold()):
                self.person_combo.addItem(name, pid)
            idx = self.person_combo.findData(current)
            self.person_combo.setCurrentIndex(max(0, idx))
            if idx < 0:
                self._filter.person_id = ""
        self.person_combo.setAccessibleName(_tr("Timeline", "Person"))

    def _update_zoom_buttons(self) -> None:
        spp = self.view.seconds_per_pixel()
        self.zoom_in_button.setEnabled(spp > MIN_SPP * 1.001)
        self.zoom_out_button.setEnabled(spp < MAX_SPP * 0.999)

    # -- data -----------------------------------------------------------------------------

    @property
    def case_id(self) -> str | None:
        return self._case_id

    @property
    def vault(self) -> Vault | None:
        """The vault shown (None once cleared by the lock)."""
        return self._vault

    def set_case(self, case_id: str | None) -> None:
        """Show the case `case_id` (the case view's panel contract); None shows nothing."""
        changed = case_id != self._case_id
        self._case_id = case_id
        if changed:
            self.view.clear()
            self._lane_colours.clear()
        if case_id is None:
            self._load_timer.stop()
            self._items = []
            self._names = {}
            self._fill_person_combo()
            self._refresh()
            return
        self.reload()

    def reload(self) -> None:
        """Read the events again from the vault (after an edit, an import, a merge).

        Events are read in chunks of `LOAD_CHUNK` between turns of the event loop: the
        first chunk is drawn at once and the window stays responsive while the rest of a
        large vault arrives (the toolbar counts them in).
        """
        self._load_timer.stop()
        if self._vault is None or getattr(self._vault, "closed", False):
            self.clear()
            return
        self._items = []
        self._source = None
        self._load_offset = 0
        self._load_total = self._count_events()
        # People's names are read when first needed (lanes by person, the person filter):
        # across all cases that is thousands of people the default view never shows.
        self._names = {}
        self._names_loaded = False
        self._case_titles = self._titles() if self._all_cases else {}
        # A first load fits the view once every event is in; a reload after an edit keeps
        # the user's zoom.
        self._fit_when_loaded = not self.view.fitted
        self.view.user_moved = False
        self._fill_person_combo()
        self._load_chunk()

    def _count_events(self) -> int:
        assert self._vault is not None
        if self._all_cases:
            return int(self._vault.events.count())
        if self._case_id is not None:
            return int(self._vault.events.count(case_id=self._case_id))
        return 0

    def _load_chunk(self) -> None:
        if self._vault is None or getattr(self._vault, "closed", False):
            return  # locked meanwhile: nothing more is read
        events: list[Event] = []
        if self._all_cases:
            # Every case: walk the events in id order (keyset paging, linear in the vault)
            # rather than date order with OFFSET, whose every page sorts the whole table.
            # A bonus: the first chunk is a fair sample of the whole time range.
            if self._source is None:
                self._source = self._vault.events.iter_all(batch=1000)
            events = list(itertools.islice(self._source, LOAD_CHUNK))
        elif self._case_id is not None:
            events = self._vault.events.list(
                case_id=self._case_id, limit=LOAD_CHUNK, offset=self._load_offset
            )
        today = self._now().date()
        self._items.extend(items_from_events(events, today))
        self._load_offset += len(events)
        done = len(events) < LOAD_CHUNK
        if done:
            self._source = None
            # The store pages in its own order; keep ours, the dates' honest order, exact.
            self._items.sort(key=lambda it: it.order)
        chunks = self._load_offset // LOAD_CHUNK
        # Re-laying out every lane after every chunk would cost more than the reading;
        # the first chunk, every eighth and the last are enough to watch it fill in.
        if done or chunks <= 1 or chunks % 8 == 0:
            self._refresh()
        if done:
            if (
                self._fit_when_loaded
                and self._load_offset > LOAD_CHUNK
                and not self.view.user_moved
            ):
                self.view.fit_all()
            return
        self._load_timer.start()

    def loading(self) -> bool:
        """Whether events are still being read in."""
        return self._load_timer.isActive()

    def set_events(self, events: Sequence[Event], names: dict[str, str] | None = None) -> None:
        """Show `events` directly, without a vault (benchmarks, a detached timeline)."""
        today = self._now().date()
        self._items = sorted(items_from_events(events, today), key=lambda it: it.order)
        self._names = dict(names or {})
        self._names_loaded = True
        self._fill_person_combo()
        self._refresh()

    def _ensure_names(self) -> None:
        """Read the names of the people in the events, once per reload."""
        if self._names_loaded:
            return
        self._names_loaded = True
        self._names = {}
        if self._vault is None:
            return
        for pid in {pid for it in self._items for pid in it.event.person_ids}:
            person = self._vault.people.find(pid)
            if person is not None:
                self._names[pid] = person.primary_name
        self._fill_person_combo()

    def _on_person_popup(self) -> None:
        if not self._names_loaded:
            self._ensure_names()

    def _titles(self) -> dict[str, str]:
        assert self._vault is not None  # read by reload(), which returns without a vault
        return {c.id: c.title for c in self._vault.cases.list()}

    def clear(self) -> None:
        """Forget every event, name and title (the lock calls this)."""
        self._load_timer.stop()
        self._source = None
        self._vault = None
        self._items = []
        self._names = {}
        self._case_titles = {}
        self._lane_colours.clear()
        self.view.clear()
        self.undated.clear()
        self.search_edit.clear()
        self._fill_person_combo()
        self.count_label.clear()
        self._undated_label.clear()

    def set_vault(self, vault: Vault) -> None:
        """Point at a (re-)unlocked vault and load."""
        self._vault = vault
        self.reload()

    # -- filtering and lanes ----------------------------------------------------------------

    def set_lane_mode(self, mode: LaneMode) -> None:
        self._mode = mode
        with QSignalBlocker(self.lane_combo):
            self.lane_combo.setCurrentIndex(max(0, self.lane_combo.findData(mode.value)))
        self._refresh()

    def lane_mode(self) -> LaneMode:
        return self._mode

    @property
    def filter(self) -> TimelineFilter:
        return self._filter

    def set_filter(
        self,
        *,
        event_type: str | None = None,
        person_id: str | None = None,
        flag: str | None = None,
        text: str | None = None,
    ) -> None:
        """Narrow the timeline (the toolbar does the same); None leaves a criterion alone."""
        if person_id:
            self._ensure_names()
        for combo, value in (
            (self.type_combo, event_type),
            (self.person_combo, person_id),
            (self.flag_combo, flag),
        ):
            if value is not None:
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(max(0, combo.findData(value)))
        if text is not None:
            with QSignalBlocker(self.search_edit):
                self.search_edit.setText(text)
            self._filter.text = text.strip()
        self._on_filters()

    def _on_lane_mode(self, _index: int) -> None:
        data = self.lane_combo.currentData()
        if data:
            self._mode = LaneMode(data)
            self._refresh()

    def _on_filters(self, *_args: object) -> None:
        self._filter.event_type = self.type_combo.currentData() or ""
        self._filter.person_id = self.person_combo.currentData() or ""
        self._filter.flag = self.flag_combo.currentData() or ""
        self._refresh()

    def _apply_text(self) -> None:
        self._filter.text = self.search_edit.text().strip()
        self._refresh()

    def _lane_label(self, key: str) -> str:
        if self._mode is LaneMode.BY_TYPE:
            return event_type_label(EventType(key))
        if self._mode is LaneMode.BY_CASE:
            return self._case_titles.get(key) or _tr("Timeline", "(case)")
        if key == NO_PERSON:
            return _tr("Timeline", "No person")
        return self._names.get(key) or _tr("Timeline", "(unknown person)")

    def _lane_colour(self, lane: Lane) -> QColor:
        if self._mode is LaneMode.BY_TYPE:
            return QColor(TYPE_COLOURS.get(EventType(lane.key), "#546e7a"))
        colour = self._lane_colours.get(lane.key)
        if colour is None:
            colour = QColor(_LANE_PALETTE[len(self._lane_colours) % len(_LANE_PALETTE)])
            self._lane_colours[lane.key] = colour
        return colour

    def visible_items(self) -> list[TimelineItem]:
        """The items that pass the filters, dated and undated, in chronological order."""
        f = self._filter
        return [it for it in self._items if f.matches(it)]

    def _refresh(self) -> None:
        if not hasattr(self, "undated"):
            return  # still building the toolbar
        shown = self.visible_items()
        dated = [it for it in shown if it.dated]
        if self._mode is LaneMode.BY_PERSON:
            self._ensure_names()
        order = [m.value for m in EventType] if self._mode is LaneMode.BY_TYPE else None
        lanes = build_lanes(dated, self._mode, self._lane_label, order)
        self.view.set_lanes(lanes, dated, self._lane_colour)
        undated = [it for it in shown if not it.dated]
        with QSignalBlocker(self.undated):
            self.undated.clear()
            for it in undated:
                item = QListWidgetItem(it.event.title)
                item.setData(Qt.ItemDataRole.UserRole, it.id)
                item.setToolTip(plain_tooltip(summary_text(it)))
                self.undated.addItem(item)
        self._undated_label.setText(
            plural("Timeline", "Undated (to be determined): %n event(s)", "", len(undated))
        )
        self._tray.setVisible(bool(undated))
        total = len(self._items)
        if self._load_offset < self._load_total and self._load_timer is not None:
            self.count_label.setText(
                _tr("Timeline", "Loading… %1 of %2")
                .replace("%1", QLocale().toString(self._load_offset))
                .replace("%2", QLocale().toString(self._load_total))
            )
            self._update_zoom_buttons()
            return
        self.count_label.setText(
            _tr("Timeline", "%1 of %2").replace("%1", str(len(shown))).replace("%2", str(total))
            if len(shown) != total
            else plural("Timeline", "%n event(s)", "", total)
        )
        self._update_zoom_buttons()

    # -- report ---------------------------------------------------------------------------

    def _report_ids(self) -> list[str] | None:
        """The events the report covers: those shown, or None for the whole case."""
        shown = self.visible_items()
        if len(shown) == len(self._items):
            return None
        return [it.id for it in shown]

    def export_report(self) -> None:
        """Save the shown events as a chronology PDF where the user chooses."""
        if self._vault is None or self._case_id is None:
            return
        export_chronology_pdf(self, self._vault, self._case_id, self._report_ids())

    def print_report(self) -> None:
        if self._vault is None or self._case_id is None:
            return
        print_chronology(self, self._vault, self._case_id, self._report_ids())

    # -- selection ------------------------------------------------------------------------

    def select_event(self, event_id: str | None) -> None:
        """Select `event_id` without emitting `event_selected` (used to follow other views)."""
        if event_id is not None and self._tray_select(event_id):
            self.view.select_event(None)
            return
        with QSignalBlocker(self.undated):
            self.undated.clearSelection()
        self.view.select_event(event_id, reveal=True, notify=False)

    def selected_id(self) -> str | None:
        sel = self.undated.selectedItems()
        if sel:
            return str(sel[0].data(Qt.ItemDataRole.UserRole))
        return self.view.selected_id()

    def _tray_select(self, event_id: str) -> bool:
        for row in range(self.undated.count()):
            item = self.undated.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == event_id:
                with QSignalBlocker(self.undated):
                    self.undated.setCurrentItem(item)
                return True
        return False

    def _on_view_selected(self, event_id: str) -> None:
        with QSignalBlocker(self.undated):
            self.undated.clearSelection()
        self.event_selected.emit(event_id)

    def _on_tray_selected(self) -> None:
        sel = self.undated.selectedItems()
        if sel:
            self.view.select_event(None)
            self.event_selected.emit(str(sel[0].data(Qt.ItemDataRole.UserRole)))

    def today(self) -> date:
        return self._now().date()


class AllCasesTimelinePage(TimelineWidget):
    """Every case on one timeline, a lane per case: a page for the main window's navigation.

    Opening an event asks the main window (`open_record("event", id)`) to show it in its
    case's chronology.
    """

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(vault, None, parent, all_cases=True, now=now)
        self.setAccessibleName(_tr("Timeline", "All cases timeline"))
        self.event_activated.connect(lambda event_id: self.open_record.emit("event", event_id))

    def set_case(self, case_id: str | None) -> None:
        """Always every case: the page ignores a case choice."""
        del case_id
