"""The timeline as the user meets it: toolbar, filters, the plot and the tray of undated events.

`TimelineWidget(vault, case_id)` shows one case (lanes by type, person or proceeding) or,
with `all_cases=True`, every case (a lane per case by default). It reads events through
the core stores only (`loader.load_timeline`), turns them into `layout.TimelineItem`s
once per reload, and regroups them in memory (`scene.build_scene`) as the user filters.
A large timeline is read and regrouped by background jobs, so the window never waits
for it; the lock cancels them (`clear`).

Long (about 900 lines) on purpose: the toolbar, loading at once or in the background
(cancelled, superseded, partial), regrouping and the tray share one set of state and its
generation counters; the Qt-free reading and grouping are apart in `loader` and `scene`.

Vault text is shown only as plain text (list model items, QPainter, `plain_tooltip`).
`clear()` drops every record it holds; the lock calls it. This module never writes to
the vault.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Event, EventType
from satchel.core.vault import Vault
from satchel.errors import Cancelled
from satchel.gui.common.plaintext import plain_tooltip
from satchel.gui.common.report_actions import export_chronology_pdf, print_chronology
from satchel.gui.common.two_part_bar import TwoPartBar
from satchel.gui.common.workers import Job, JobContext, run_job
from satchel.gui.timeline.layout import (
    MAX_SPP,
    MIN_SPP,
    Lane,
    LaneMode,
    TimelineItem,
    items_from_events,
)
from satchel.gui.timeline.loader import (
    Loaded,
    LoadRequest,
    Mailbox,
    SceneRequest,
    load_timeline,
    people_names,
    rebuild_scene,
)
from satchel.gui.timeline.scene import LaneLabels, Scene, TimelineFilter, build_scene
from satchel.gui.timeline.view import TYPE_COLOURS, TimelineView, plural, summary_text
from satchel.labels import event_type_label

__all__ = ["SYNC_LIMIT", "AllCasesTimelinePage", "TimelineFilter", "TimelineWidget"]

_tr = QCoreApplication.translate

# Up to this many events are read and grouped on the GUI thread, at once: well inside a
# frame's budget (a 2,000-event case opens in about 30 ms). More go to background jobs.
SYNC_LIMIT = 2000

# Periods drawn as bands unless the user chooses otherwise: time in detention.
DEFAULT_BAND_TYPES = frozenset({EventType.DETENTION.value})

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


# What a regrouping job returns: (its token, the scene, names if it read them, scene key).
_Regrouped = tuple[tuple[int, int], Scene, dict[str, str] | None, Any]


class _UndatedModel(QAbstractListModel):
    """The tray of undated events as a list model: filling it costs nothing per row (a
    tray of hundreds across all cases would otherwise be built item by item), and each
    row's tooltip is made only when it is asked for. Titles are plain text."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._items: list[TimelineItem] = []

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        it = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return it.event.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(summary_text(it))
        if role == Qt.ItemDataRole.UserRole:
            return it.id
        return None

    def row_of(self, event_id: str) -> int:
        return next((i for i, it in enumerate(self._items) if it.id == event_id), -1)


class _PopupCombo(QComboBox):
    """A combo box that says when its list is about to open (to fill it lazily)."""

    about_to_popup = Signal()

    def showPopup(self) -> None:
        self.about_to_popup.emit()
        super().showPopup()


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
        self._scene: Scene | None = None
        self._scene_key: Any = None
        self._names: dict[str, str] = {}
        self._names_loaded = True
        self._names_wanted = False
        self._case_titles: dict[str, str] = {}
        self._filter = TimelineFilter()
        self._mode = LaneMode.BY_CASE if all_cases else LaneMode.BY_TYPE
        # A band shades every lane: right for one case's story, misleading across cases
        # (one client's detention over another's lane), so off there until asked for.
        self._band_types: set[str] = set() if all_cases else set(DEFAULT_BAND_TYPES)
        self._lane_colours: dict[str, QColor] = {}
        # Background work: a load (read + items + scene) and a regrouping (scene only).
        # Each result carries the generation it was started for; a newer load, a case
        # change or the lock bumps it, and anything older that arrives is dropped.
        self._generation = 0
        self._scene_generation = 0
        self._load_job: Job | None = None
        self._scene_job: Job | None = None
        self._mailbox: Mailbox | None = None
        self._load_total = 0
        self._load_done = 0
        self._load_error = ""
        self._fit_when_loaded = True

        self.view = TimelineView(self, now=self._now)
        self.view.event_selected.connect(self._on_view_selected)
        self.view.event_activated.connect(self.event_activated)
        self.view.range_changed.connect(lambda *_: self._update_zoom_buttons())

        self._build_toolbar()
        self.undated = QListView(self)
        self._undated_model = _UndatedModel(self.undated)
        self.undated.setModel(self._undated_model)
        self.undated.setUniformItemSizes(True)
        self.undated.setAccessibleName(_tr("Timeline", "Undated events"))
        self.undated.selectionModel().selectionChanged.connect(self._on_tray_selected)
        self.undated.activated.connect(
            lambda index: self.event_activated.emit(index.data(Qt.ItemDataRole.UserRole))
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
        layout.addWidget(self.toolbar)
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
        # How the plot is shown, then what it shows: the filters go under the view's
        # controls when a narrow window (Russian at 1366 pixels) has no room for both.
        self.toolbar = TwoPartBar(self)
        self.toolbar.setContentsMargins(4, 4, 4, 4)
        self._bar = self.toolbar.first
        self.zoom_in_button = self._button(lambda: self.view.user_zoom(1 / 1.5))
        self.zoom_out_button = self._button(lambda: self.view.user_zoom(1.5))
        self.fit_button = self._button(self.view.fit_all)
        self.today_button = self._button(self._go_today)
        self._bar.addSpacing(12)
        self.lane_combo = QComboBox(self)
        self.lane_combo.currentIndexChanged.connect(self._on_lane_mode)
        self._bar.addWidget(self.lane_combo)
        # Which periods ("from … to …") are drawn as bands across the lanes: a menu of
        # event types, detention checked by default.
        self.bands_button = QToolButton(self)
        self.bands_button.setAutoRaise(True)
        self.bands_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._bands_menu = QMenu(self.bands_button)
        self._bands_menu.aboutToShow.connect(self._fill_bands_menu)
        self._bands_menu.triggered.connect(self._on_band_toggled)
        self.bands_button.setMenu(self._bands_menu)
        self._bar.addWidget(self.bands_button)
        self._bar = self.toolbar.second
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
        # The lane mode is four fixed phrases and says how the whole plot is read: shown
        # whole ("Дорожки по производству" was cut to "Дорожки по пр").
        self.lane_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
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

    def _fill_bands_menu(self) -> None:
        self._bands_menu.clear()
        for t in EventType:
            action = self._bands_menu.addAction(event_type_label(t))
            action.setCheckable(True)
            action.setChecked(t.value in self._band_types)
            action.setData(t.value)

    def _on_band_toggled(self, action: QAction) -> None:
        value = str(action.data())
        if action.isChecked():
            self._band_types.add(value)
        else:
            self._band_types.discard(value)
        self._refresh()

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
            modes = [LaneMode.BY_TYPE, LaneMode.BY_PERSON, LaneMode.BY_PROCEEDING]
            if self._all_cases:
                modes.insert(0, LaneMode.BY_CASE)
            names = {
                LaneMode.BY_TYPE: _tr("Timeline", "Lanes by type"),
                LaneMode.BY_PERSON: _tr("Timeline", "Lanes by person"),
                LaneMode.BY_PROCEEDING: _tr("Timeline", "Lanes by proceeding"),
                LaneMode.BY_CASE: _tr("Timeline", "Lanes by case"),
            }
            for m in modes:
                self.lane_combo.addItem(names[m], m.value)
            self.lane_combo.setCurrentIndex(max(0, self.lane_combo.findData(self._mode.value)))
        self.lane_combo.setAccessibleName(_tr("Timeline", "Lanes"))
        self.bands_button.setText(_tr("Timeline", "Bands"))
        self.bands_button.setToolTip(
            _tr("Timeline", "Periods drawn as bands across the lanes (events dated from … to …)")
        )
        self.bands_button.setAccessibleName(self.bands_button.toolTip())
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
            self._cancel_jobs()
            self.view.clear()
            self._lane_colours.clear()
        if case_id is None:
            self._cancel_jobs()
            self._generation += 1
            self._items = []
            self._names = {}
            self._names_loaded = True
            self._load_total = self._load_done = 0
            self._fill_person_combo()
            self._show_scene(build_scene([], self._filter, self._mode, LaneLabels()), None)
            return
        self.reload()

    def reload(self) -> None:
        """Read the events again from the vault (after an edit, an import, a merge).

        Up to `SYNC_LIMIT` events are read at once, as fast as a frame. More are read by a
        background job (the window keeps answering): its first chunk is drawn as soon as it
        is in, the rest when every event is read, and the count under the plot counts them
        in. Until then the previous events stay on screen, so a reload after an edit does
        not flicker. The same function (`loader.load_timeline`) does both.
        """
        self._cancel_jobs()
        if self._vault is None or getattr(self._vault, "closed", False):
            self.clear()
            return
        self._generation += 1
        self._load_error = ""
        self._load_total = self._count_events()
        self._load_done = 0
        # People's names are read when first needed (lanes by person, the person filter):
        # across all cases that is thousands of people the default view never shows.
        self._names = {}
        self._names_loaded = False
        self._names_wanted = False
        # A first load fits the view once every event is in; a reload after an edit keeps
        # the user's zoom.
        self._fit_when_loaded = not self.view.fitted
        self.view.user_moved = False
        request = LoadRequest(
            generation=self._generation,
            case_id=self._case_id,
            all_cases=self._all_cases,
            today=self._now().date(),
            total=self._load_total,
            scene=self._scene_request(),
        )
        if self._load_total <= SYNC_LIMIT:
            self._apply_loaded(load_timeline(self._vault, request))
            return
        vault, mailbox = self._vault, Mailbox()
        self._mailbox = mailbox
        self._load_job = run_job(
            lambda ctx: load_timeline(vault, request, ctx, mailbox),
            self._on_loaded,
            self._on_load_failed,
            self._on_load_progress,
        )
        self._update_count()

    def _count_events(self) -> int:
        assert self._vault is not None
        if self._all_cases:
            return int(self._vault.events.count())
        if self._case_id is not None:
            return int(self._vault.events.count(case_id=self._case_id))
        return 0

    def _cancel_jobs(self) -> None:
        """Stop any background read or regrouping; what they would deliver is dropped."""
        for job in (self._load_job, self._scene_job):
            if job is not None:
                job.cancel()
        self._load_job = self._scene_job = None
        self._mailbox = None

    def _on_load_progress(self, done: int, total: int) -> None:
        if self.sender() is not self._load_job or self._mailbox is None:
            return  # a load cancelled or superseded meanwhile
        self._load_done, self._load_total = done, total
        partial = self._mailbox.take()
        if partial is not None and partial.generation == self._generation:
            self._apply_loaded(partial)
        else:
            self._update_count()

    def _on_loaded(self, loaded: Loaded) -> None:
        if loaded.generation != self._generation:
            return
        self._load_job = None
        self._mailbox = None
        self._apply_loaded(loaded)

    def _on_load_failed(self, message: str, error: BaseException) -> None:
        if self.sender() is not self._load_job:
            return
        self._load_job = None
        self._mailbox = None
        if isinstance(error, Cancelled):
            return
        # The events could not be read (a damaged vault): say so where the count stands.
        self._load_error = message
        self._update_count()

    def _apply_loaded(self, loaded: Loaded) -> None:
        self._items = loaded.items
        self._case_titles = loaded.titles
        if loaded.names is not None:
            self._names = loaded.names
            self._names_loaded = True
            self._fill_person_combo()
        if loaded.complete:
            self._load_done = self._load_total = len(loaded.items)
        self._show_scene(loaded.scene, loaded.scene_key)
        if not loaded.complete:
            return
        if loaded.scene_key != self._scene_request().key() or (
            self._names_wanted and not self._names_loaded
        ):
            # The filter or the lanes changed while the events were read, or the person
            # list asked for names meanwhile: regroup (reading the names) now.
            self._refresh()
        if self._fit_when_loaded and not self.view.user_moved:
            self._fit_when_loaded = False
            self.view.fit_all()

    def loading(self) -> bool:
        """Whether events are still being read in or regrouped in the background."""
        return self._load_job is not None or self._scene_job is not None

    def set_events(self, events: Sequence[Event], names: dict[str, str] | None = None) -> None:
        """Show `events` directly, without a vault (benchmarks, a detached timeline)."""
        self._cancel_jobs()
        self._generation += 1
        today = self._now().date()
        self._items = sorted(items_from_events(events, today), key=lambda it: it.order)
        self._load_total = self._load_done = len(self._items)
        self._names = dict(names or {})
        self._names_loaded = True
        self._fill_person_combo()
        self._refresh()

    def _ensure_names(self) -> None:
        """Read the names of the people in the events, once per reload (in the background
        when the events are many; the person list fills in when they arrive)."""
        if self._names_loaded or self._names_wanted:
            return
        self._names_wanted = True
        if self._vault is None:
            return
        if len(self._items) <= SYNC_LIMIT and self._load_job is None:
            self._names = people_names(self._vault, self._items)
            self._names_loaded = True
            self._fill_person_combo()
            return
        self._refresh()  # the regrouping job reads them first

    def _on_person_popup(self) -> None:
        if not self._names_loaded:
            self._ensure_names()

    def clear(self) -> None:
        """Forget every event, name and title (the lock calls this).

        A background read still running is cancelled, and whatever it delivers later is
        dropped: the lock then waits for it to stop before the vault closes.
        """
        self._cancel_jobs()
        self._generation += 1
        self._vault = None
        self._items = []
        self._scene = None
        self._names = {}
        self._case_titles = {}
        self._load_total = self._load_done = 0
        self._load_error = ""
        self._lane_colours.clear()
        self.view.clear()
        self._undated_model.set_items([])
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

    def band_types(self) -> frozenset[str]:
        """The event types whose periods (dated "from … to …") are drawn as bands."""
        return frozenset(self._band_types)

    def set_band_types(self, types: Sequence[EventType | str]) -> None:
        self._band_types = {EventType(t).value for t in types}
        self._refresh()

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
        if person_id and self.person_combo.currentData() != person_id:
            # Names still on their way: filter by the id now; the list catches up.
            self._filter.person_id = person_id
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
        person = self.person_combo.currentData() or ""
        if person or self._names_loaded:
            self._filter.person_id = person
        self._filter.flag = self.flag_combo.currentData() or ""
        self._refresh()

    def _apply_text(self) -> None:
        self._filter.text = self.search_edit.text().strip()
        self._refresh()

    def _lane_labels(self) -> LaneLabels:
        return LaneLabels(
            types={t.value: event_type_label(t) for t in EventType},
            cases=self._case_titles,
            people=self._names if self._names_loaded else {},
            unknown_case=_tr("Timeline", "(case)"),
            no_person=_tr("Timeline", "No person"),
            unknown_person=_tr("Timeline", "(unknown person)"),
            no_proceeding=_tr("Timeline", "No proceeding"),
        )

    def _scene_request(self) -> SceneRequest:
        want = self._mode is LaneMode.BY_PERSON or bool(self._filter.person_id)
        return SceneRequest(
            flt=self._filter.copy(),
            mode=self._mode,
            labels=self._lane_labels(),
            band_types=frozenset(self._band_types),
            want_names=(want or self._names_wanted) and not self._names_loaded,
        )

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
        return list(self._scene.shown) if self._scene is not None else []

    def _refresh(self) -> None:
        """Regroup the loaded items after a change of filter, lanes or bands.

        At once for a small timeline; for a large one on a worker thread, the plot keeping
        the previous grouping until the new one is ready. While events are still being
        read this waits: the load's own scene is checked against the toolbar when it lands.
        """
        if not hasattr(self, "undated"):
            return  # still building the toolbar
        if self._load_job is not None:
            return
        request = self._scene_request()
        if self._scene_job is not None:
            self._scene_job.cancel()
            self._scene_job = None
        if len(self._items) <= SYNC_LIMIT:
            scene, names = rebuild_scene(self._vault, self._items, request, self._names_or_none())
            self._take_names(names)
            self._show_scene(scene, request.key())
            return
        self._scene_generation += 1
        token = (self._generation, self._scene_generation)
        vault, items, names = self._vault, self._items, self._names_or_none()

        def regroup(ctx: JobContext) -> _Regrouped:
            scene, found = rebuild_scene(vault, items, request, names, ctx)
            return token, scene, found, request.key()

        self._scene_job = run_job(regroup, self._on_regrouped, self._on_regroup_failed)
        self._update_count()

    def _names_or_none(self) -> dict[str, str] | None:
        return self._names if self._names_loaded else None

    def _take_names(self, names: dict[str, str] | None) -> None:
        if names is not None and not self._names_loaded:
            self._names = names
            self._names_loaded = True
            self._fill_person_combo()

    def _on_regrouped(self, result: _Regrouped) -> None:
        token, scene, names, key = result
        if token != (self._generation, self._scene_generation):
            return
        self._scene_job = None
        self._take_names(names)
        self._show_scene(scene, key)
        if key != self._scene_request().key():
            self._refresh()

    def _on_regroup_failed(self, message: str, error: BaseException) -> None:
        if self.sender() is not self._scene_job:
            return
        self._scene_job = None
        if not isinstance(error, Cancelled):
            self._load_error = message
            self._update_count()

    def _show_scene(self, scene: Scene, key: Any) -> None:
        self._scene = scene
        self._scene_key = key
        self.view.set_scene(scene, self._lane_colour)
        self._undated_model.set_items(scene.undated)
        self._undated_label.setText(
            plural("Timeline", "Undated (to be determined): %n event(s)", "", len(scene.undated))
        )
        self._tray.setVisible(bool(scene.undated))
        self._update_count()

    def _update_count(self) -> None:
        if self._load_error:
            self.count_label.setText(self._load_error)
        elif self._load_job is not None:
            self.count_label.setText(
                _tr("Timeline", "Loading… %1 of %2")
                .replace("%1", QLocale().toString(self._load_done))
                .replace("%2", QLocale().toString(self._load_total))
            )
        else:
            shown = len(self._scene.shown) if self._scene is not None else 0
            total = len(self._items)
            self.count_label.setText(
                _tr("Timeline", "%1 of %2")
                .replace("%1", QLocale().toString(shown))
                .replace("%2", QLocale().toString(total))
                if shown != total
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
        with QSignalBlocker(self.undated.selectionModel()):
            self.undated.clearSelection()
        self.view.select_event(event_id, reveal=True, notify=False)

    def selected_id(self) -> str | None:
        rows = self.undated.selectionModel().selectedRows()
        if rows:
            return str(rows[0].data(Qt.ItemDataRole.UserRole))
        return self.view.selected_id()

    def _tray_select(self, event_id: str) -> bool:
        row = self._undated_model.row_of(event_id)
        if row < 0:
            return False
        with QSignalBlocker(self.undated.selectionModel()):
            self.undated.setCurrentIndex(self._undated_model.index(row, 0))
        return True

    def _on_view_selected(self, event_id: str) -> None:
        with QSignalBlocker(self.undated.selectionModel()):
            self.undated.clearSelection()
        self.event_selected.emit(event_id)

    def _on_tray_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.undated.selectionModel().selectedRows()
        if rows:
            self.view.select_event(None)
            self.event_selected.emit(str(rows[0].data(Qt.ItemDataRole.UserRole)))

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
