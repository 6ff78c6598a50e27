"""The main window: navigation, pages, the global search, the lock button, the status bar.

Pages are registered with `add_page(key, title, widget)` (Cases, People, Agenda,
Colleagues, Imports; later issues add or replace theirs) and records are opened with
`open_record(kind, id)` from anywhere. `lock()` is the single way out: it hides the window,
clears every page, closes the vault and emits `locked`. Window geometry and the interface
language are the only things stored outside the vault (QSettings); nothing here writes
vault data anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel import i18n
from satchel.app_settings import app_settings
from satchel.bundle.exchange import SyncReport
from satchel.core.vault import Vault
from satchel.errors import NotFound, SatchelError
from satchel.gui.cases.page import CasesPage
from satchel.gui.cases.view import CaseView
from satchel.gui.chronology.agenda import AgendaPage, show_badge
from satchel.gui.common import icons
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.plaintext import plain_message, set_plain_window_title
from satchel.gui.common.undo import Undoable, UndoStack
from satchel.gui.common.workers import user_message
from satchel.gui.exchange.colleagues import ColleaguesPage
from satchel.gui.exchange.driver import ExchangeDriver
from satchel.gui.exchange.imports import ImportsPage
from satchel.gui.history.audit_page import AuditPage
from satchel.gui.lock.controller import LOCK_SHORTCUT
from satchel.gui.people.page import PeoplePage
from satchel.gui.search.popup import SearchPopup
from satchel.gui.trash.page import TrashPage
from satchel.gui.travel.dialog import TravelRestore, travel_notice
from satchel.settings import MAIN_WINDOW_GEOMETRY

__all__ = ["MainWindow", "SettingsDialog"]

KEY_ROLE = Qt.ItemDataRole.UserRole
_UNDO_OFFER_MS = 15_000
"""How long the status bar offers to undo a change (Ctrl+Z works after, too)."""


@dataclass(slots=True)
class _Page:
    key: str
    title: str
    widget: QWidget  # a bare placeholder until `factory` has run
    item: QListWidgetItem | None
    factory: Callable[[], QWidget] | None = None


class SettingsDialog(QDialog):
    """Settings kept outside the vault: the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(380)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.current_language()))
        )
        form.addRow(self.tr("&Language:"), self.language_combo)
        lay.addLayout(form)
        note = QLabel(
            self.tr(
                "Only the language and the window size are stored outside the encrypted "
                "vault. Dates and numbers follow the language."
            ),
            self,
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        return DraftSubject("settings")


class MainWindow(QMainWindow):
    """The window of an unlocked vault."""

    locked = Signal()
    security_requested = Signal()
    travel_requested = Signal()  # the session opens the travel dialog (it locks after it)
    panic_requested = Signal()
    closed = Signal()  # the user closed the window: the vault is closed, the app quits
    language_changed = Signal(str)

    def __init__(self, vault: Vault, vault_path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault: Vault | None = vault
        self.vault_path = vault_path
        self._pages: dict[str, _Page] = {}
        self._locking = False
        # Set by the session: the full lock sequence (satchel.gui.lock.controller.LockController).
        self.lock_handler: Callable[[], None] | None = None
        self.last_place: dict[str, Any] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Satchel"))
        # Small enough for a 1366×768 laptop at 200 % scaling (683×384 logical pixels).
        self.setMinimumSize(QSize(640, 380))
        # Changes the pages made, for Ctrl+Z; each entry undoes through the core.
        self.undo_stack = UndoStack(self)
        # The exchange folder's passes while unlocked (stopped by the lock, with the pages).
        self.exchange = ExchangeDriver(vault, self)
        self.exchange.synced.connect(self._after_exchange_pass)
        self._build_toolbar()
        self._build_body()
        self._build_undo_offer()
        self._build_pages()
        self._build_shortcuts()
        self._update_status()
        self._restore_geometry()

    # -- structure --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)

        self.search_edit = QLineEdit(bar)
        self.search_edit.setObjectName("globalSearch")
        self.search_edit.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.setMaximumWidth(480)
        bar.addWidget(self.search_edit)

        spacer2 = QWidget(bar)
        spacer2.setFixedWidth(12)
        bar.addWidget(spacer2)

        self.settings_action = QAction(icons.icon("settings"), self.tr("Settings"), self)
        self.settings_action.setToolTip(self.tr("Settings"))
        # General settings, security settings and the panic wipe live behind one button;
        # the session (which owns the lock machinery) answers the last two.
        general = QAction(self.tr("General…"), self)
        general.triggered.connect(self.open_settings)
        self.security_action = QAction(icons.icon("shield"), self.tr("Security…"), self)
        self.security_action.setObjectName("securityAction")
        self.security_action.triggered.connect(self.security_requested)
        self.panic_action = QAction(icons.icon("warning"), self.tr("Panic wipe…"), self)
        self.panic_action.setObjectName("panicAction")
        self.panic_action.triggered.connect(self.panic_requested)
        # Travel mode leaves cases behind for a border crossing (gui/travel).
        self.travel_action = QAction(icons.icon("archive"), self.tr("Travel mode…"), self)
        self.travel_action.setObjectName("travelAction")
        self.travel_action.triggered.connect(self.travel_requested)
        self.travel_restore_action = QAction(self.tr("Restore from travel…"), self)
        self.travel_restore_action.setObjectName("travelRestoreAction")
        self.travel_restore_action.triggered.connect(lambda: self.restore_from_travel())
        settings_menu = QMenu(self)
        settings_menu.addAction(general)
        settings_menu.addAction(self.security_action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.travel_action)
        settings_menu.addAction(self.travel_restore_action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.panic_action)
        self.settings_action.setMenu(settings_menu)
        bar.addAction(self.settings_action)
        settings_button = bar.widgetForAction(self.settings_action)
        if isinstance(settings_button, QToolButton):
            settings_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.lock_action = QAction(icons.icon("lock"), self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(LOCK_SHORTCUT)
        # Window-wide: the application-wide lock shortcut belongs to the lock machinery.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.setToolTip(self.tr("Lock the vault now (Ctrl+Shift+L)"))
        self.lock_action.triggered.connect(self.lock)
        bar.addAction(self.lock_action)
        lock_button = bar.widgetForAction(self.lock_action)
        if lock_button is not None:
            lock_button.setObjectName("lockButton")
            lock_button.setAccessibleName(self.tr("Lock"))

    def _build_body(self) -> None:
        central = QWidget(self)
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setFixedWidth(200)
        # Entries may carry a badge ("Agenda (2 overdue · 1 near)"): wrap, never scroll.
        self.navigation.setWordWrap(True)
        # Never "Сроки и заседания…": an entry the width does not fit wraps, losing nothing.
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.currentItemChanged.connect(self._on_nav)
        self.stack = QStackedWidget(central)
        lay.addWidget(self.navigation)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.search_popup = SearchPopup(self._open_vault(), self.search_edit, central)
        self.search_popup.open_record.connect(self.open_record)

    def _build_pages(self) -> None:
        self.cases_page = CasesPage(self._open_vault(), self)
        self.add_page("cases", self.tr("Cases"), self.cases_page, "cases")
        # The other pages are built when first shown: the window must paint at once on a
        # vault of thousands of cases, and a page nobody opens costs nothing.
        self.add_lazy_page(
            "people", self.tr("People"), lambda: PeoplePage(self._open_vault(), self), "person"
        )
        self.add_lazy_page(
            "agenda", self.tr("Agenda"), lambda: AgendaPage(self._open_vault(), self), "agenda"
        )
        self.add_lazy_page(
            "colleagues",
            self.tr("Colleagues"),
            lambda: ColleaguesPage(self._open_vault(), self),
            "colleagues",
        )
        self.add_lazy_page(
            "imports",
            self.tr("Imports"),
            self._make_imports_page,
            "imports",
        )
        self.add_lazy_page("trash", self.tr("Trash"), self._make_trash_page, "delete")
        self.add_lazy_page(
            "audit", self.tr("Audit log"), lambda: AuditPage(self._open_vault(), self), "history"
        )
        # The case view is a page without a navigation entry: it is reached from a list,
        # the search or a link, and "Cases" stays highlighted while it is shown.
        self.add_lazy_page("case", self.tr("Case"), self._make_case_view, None)
        self.cases_page.case_saved.connect(lambda _id: self._update_status())
        self.show_page("cases")
        # The Agenda badge queries the vault: after the list has painted once,
        # so the window appears first. A window never shown runs them only when asked
        # (`run_page_hooks`).
        self._hooks_pending = True
        self.cases_page.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._hooks_pending
            and event.type() == QEvent.Type.Paint
            and watched is self.cases_page.table.viewport()
        ):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.run_page_hooks)
        return super().eventFilter(watched, event)

    def run_page_hooks(self) -> None:
        """Show the Agenda's overdue and near counts as a badge in the navigation (once;
        normally after the first paint, since counting queries the vault)."""
        if not self._hooks_pending or self.vault is None:
            return  # already run, or locked before the first paint
        self._hooks_pending = False
        agenda = self.page("agenda")
        if not isinstance(agenda, AgendaPage):
            return
        navigation = self.navigation
        agenda.counts_changed.connect(
            lambda overdue, near: show_badge(navigation, "agenda", overdue, near)
        )
        agenda.refresh()

    def _open_vault(self) -> Vault:
        """The vault pages are built on and records opened from. A locked or closing window
        has none, and builds or opens nothing: it is hidden and about to be deleted."""
        assert self.vault is not None, "the window is locked"
        return self.vault

    def _make_case_view(self) -> QWidget:
        view = CaseView(self._open_vault(), self)
        view.back_requested.connect(lambda: self.show_page("cases"))
        view.case_changed.connect(self._on_case_changed)
        view.history_requested.connect(self.show_case_history)
        return view

    def _make_trash_page(self) -> QWidget:
        page = TrashPage(self._open_vault(), self)
        page.restored.connect(lambda _kind, _id: self._after_trash_change())
        return page

    def _after_trash_change(self) -> None:
        self.cases_page.refresh()
        self._update_status()

    def _make_imports_page(self) -> QWidget:
        page = ImportsPage(self._open_vault(), self, self.exchange)
        page.imported.connect(self._after_import)
        return page

    def _after_import(self) -> None:
        """A colleague's bundle changed the vault: the lists already built show it now (a
        case received is in the Cases list without a restart)."""
        if self.vault is None:
            return
        self.cases_page.refresh()
        for key in ("people", "agenda"):
            if self.is_built(key):
                refresh = getattr(self.page(key), "refresh", None)
                if refresh is not None:
                    refresh()
        if self.is_built("case"):
            self.case_view.reload_from_vault()  # the case open on screen shows the change too
        self._update_status()

    def show_case_history(self, case_id: str) -> None:
        """The audit log of one case (a case view's History button)."""
        page = self.page("audit")
        assert isinstance(page, AuditPage)
        page.set_case(case_id)
        self.show_page("audit")

    # -- undo -------------------------------------------------------------------------------

    def _build_undo_offer(self) -> None:
        # After a change, the status bar says what was done with an Undo button, for a
        # while: deleting asks nothing, because it can be undone.
        self.undo_label = QLabel(self)
        self.undo_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_last)
        # While a trip is on, discreetly: "Travel mode since 3 Dec 2026".
        self.travel_label = QLabel(self)
        self.travel_label.setObjectName("travelNotice")
        self.travel_label.setTextFormat(Qt.TextFormat.PlainText)
        self.travel_label.hide()
        self.statusBar().addPermanentWidget(self.travel_label)
        self.statusBar().addPermanentWidget(self.undo_label)
        self.statusBar().addPermanentWidget(self.undo_button)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(_UNDO_OFFER_MS)
        self._undo_timer.timeout.connect(self._hide_undo_offer)
        self.undo_stack.pushed.connect(self._offer_undo)
        self._hide_undo_offer()

    def _offer_undo(self, page: str, item: Undoable) -> None:
        if page != self.current_page_key():
            return
        self.undo_label.setText(item.done)
        self.undo_button.setText(self.tr("Undo (Ctrl+Z)"))
        self.undo_label.show()
        self.undo_button.show()
        self._undo_timer.start()

    def _hide_undo_offer(self) -> None:
        self.undo_label.clear()
        self.undo_label.hide()
        self.undo_button.hide()

    def undo_last(self) -> bool:
        """Undo the last change made on the page in front (Ctrl+Z); False if none."""
        page = self.current_page_key()
        self._hide_undo_offer()
        try:
            item = self.undo_stack.undo(page)
        except SatchelError as e:
            plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Cannot undo"), user_message(e)
            ).exec()
            return False
        if item is None:
            self.statusBar().showMessage(self.tr("Nothing to undo on this page."), 4000)
            return False
        self.statusBar().showMessage(self.tr("Undone: %1").replace("%1", item.done), 6000)
        self._update_status_later()
        return True

    def _update_status_later(self) -> None:
        QTimer.singleShot(6000, lambda: self._update_status() if self.vault else None)

    @property
    def case_view(self) -> CaseView:
        view = self.page("case")
        assert isinstance(view, CaseView)
        return view

    def _after_exchange_pass(self, report: SyncReport) -> None:
        """Show what a pass of the exchange folder brought in (the lists and the open case
        follow a bundle applied by itself) and say it in the status bar for a while."""
        if report.imported:
            self._after_import()
        if report.imported or report.waiting:
            self.statusBar().showMessage(
                self.tr("Exchange folder: {0} imported, {1} waiting in Imports").format(
                    len(report.imported), len(report.waiting)
                ),
                15_000,
            )

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.focus_search)
        # A text field being edited keeps Ctrl+Z for its own text (it takes the key first).
        QShortcut(QKeySequence.StandardKey.Undo, self).activated.connect(self.undo_last)
        for i, key in enumerate(("cases", "people", "agenda", "colleagues", "imports"), start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i}"), self)
            shortcut.activated.connect(lambda k=key: self.show_page(k))

    # -- pages ------------------------------------------------------------------------------

    def add_page(
        self, key: str, title: str, widget: QWidget, icon_name: str | None = None
    ) -> QWidget:
        """Register (or replace) the page `key`; with an icon it gets a navigation entry."""
        self._register(key, title, widget, None, icon_name)
        self._connect_page(widget, key)
        return widget

    def add_lazy_page(
        self,
        key: str,
        title: str,
        factory: Callable[[], QWidget],
        icon_name: str | None = None,
    ) -> None:
        """Register the page `key`, built by `factory()` the first time it is needed."""
        self._register(key, title, QWidget(self), factory, icon_name)

    def _register(
        self,
        key: str,
        title: str,
        widget: QWidget,
        factory: Callable[[], QWidget] | None,
        icon_name: str | None,
    ) -> None:
        old = self._pages.get(key)
        item = old.item if old else None
        was_current = old is not None and self.stack.currentWidget() is old.widget
        if old is not None:
            self.stack.removeWidget(old.widget)
            old.widget.deleteLater()
        if icon_name is not None and item is None:
            item = QListWidgetItem(icons.icon(icon_name), title)
            item.setData(KEY_ROLE, key)
            self.navigation.addItem(item)
        elif item is not None:
            item.setText(title)
        self.stack.addWidget(widget)
        self._pages[key] = _Page(key, title, widget, item, factory)
        if was_current:
            self.show_page(key)

    def _connect_page(self, widget: QWidget, key: str = "") -> None:
        undoable = getattr(widget, "undoable", None)
        if undoable is not None and key:
            undoable.connect(lambda item, k=key: self.undo_stack.push(k, item))
        signal = getattr(widget, "open_record", None)
        if signal is not None:
            signal.connect(self.open_record)
        open_event = getattr(widget, "open_event_requested", None)  # (case id, event id)
        if open_event is not None:
            open_event.connect(lambda _case_id, event_id: self.open_record("event", event_id))

    def page(self, key: str) -> QWidget:
        """The page `key`, built now if it was registered lazily and not built yet."""
        page = self._pages[key]
        if page.factory is not None:
            factory, page.factory = page.factory, None
            placeholder = page.widget
            index = self.stack.indexOf(placeholder)
            was_current = self.stack.currentWidget() is placeholder
            page.widget = factory()
            self.stack.insertWidget(index, page.widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._connect_page(page.widget, key)
            if was_current:
                self.stack.setCurrentWidget(page.widget)
        return page.widget

    def is_built(self, key: str) -> bool:
        return self._pages[key].factory is None

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        for key, page in self._pages.items():
            if page.widget is current:
                return key
        return "cases"

    def show_page(self, key: str) -> None:
        self._hide_undo_offer()
        widget = self.page(key)
        refresh = getattr(widget, "reload", None) if key in ("trash", "audit") else None
        if refresh is None and key == "trash":
            refresh = getattr(widget, "refresh", None)
        if refresh is not None:
            refresh()  # what they list changes on every other page
        self.stack.setCurrentWidget(widget)
        nav_key = "cases" if key == "case" else key
        nav_item = self._pages[nav_key].item if nav_key in self._pages else None
        if nav_item is not None and self.navigation.currentItem() is not nav_item:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentItem(nav_item)
            self.navigation.blockSignals(False)
        self.search_popup.dismiss()

    def _on_nav(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_page(str(item.data(KEY_ROLE)))

    # -- records ----------------------------------------------------------------------------

    def open_record(self, kind: str, record_id: str) -> None:
        """Show the record `record_id` of `kind` (case, person, event, note, document)."""
        try:
            self._open(kind, record_id)
        except NotFound:
            self.statusBar().showMessage(self.tr("That record no longer exists."), 6000)
        except SatchelError as e:
            plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Cannot open"), user_message(e)
            ).exec()

    def _open(self, kind: str, record_id: str) -> None:
        if kind == "case":
            self._open_case(record_id, CaseView.OVERVIEW)
        elif kind == "event":
            event = self._open_vault().events.get(record_id)
            self._open_case(event.case_id, CaseView.CHRONOLOGY)
            select = getattr(self.case_view.chronology, "select_event", None)
            if select is not None:
                select(record_id)
        elif kind == "note":
            note = self._open_vault().notes.get(record_id)
            self._open_case(note.case_id, CaseView.NOTES)
            self._call(self.case_view.notes, "select_note", record_id)
        elif kind == "document":
            doc = self._open_vault().documents.get(record_id)
            if doc.case_id:
                self._open_case(doc.case_id, CaseView.DOCUMENTS)
                self._call(self.case_view.documents, "select_document", record_id)
            elif doc.person_id:
                self._open("person", doc.person_id)
        elif kind == "person":
            self._open_vault().people.get(record_id)  # NotFound early, before switching pages
            self.show_page("people")
            self._call(self.page("people"), "show_person", record_id)
        elif kind == "colleague":
            self.show_page("colleagues")
            self._call(self.page("colleagues"), "show_colleague", record_id)

    @staticmethod
    def _call(widget: QWidget, method: str, record_id: str) -> None:
        fn = getattr(widget, method, None)
        if fn is not None:
            fn(record_id)

    def _open_case(self, case_id: str, tab: int) -> None:
        if self.case_view.case_id != case_id:
            self.case_view.set_case(case_id)
        self.case_view.show_tab(tab)
        self.show_page("case")
        self.cases_page.select_case(case_id)

    def _on_case_changed(self, _case_id: str) -> None:
        self.cases_page.refresh()
        self._update_status()

    def new_case(self) -> None:
        self.show_page("cases")
        self.cases_page.new_case()

    # -- search, filter, settings -----------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+N and Ctrl+F also belong to panels (new event, new note, filter the
        # chronology) while the keyboard is in them; as window shortcuts they would be
        # ambiguous there and fire nowhere. Keys no panel took arrive here instead.
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            if event.key() == Qt.Key.Key_N:
                self.new_case()
                return
            if event.key() == Qt.Key.Key_F:
                self._focus_filter()
                return
        super().keyPressEvent(event)

    def _focus_filter(self) -> None:
        widget = self.stack.currentWidget()
        focus = getattr(widget, "focus_filter", None)
        if focus is not None:
            focus()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self)
        if dialog.exec() and dialog.language() != i18n.current_language():
            i18n.save_language(dialog.language())
            self.language_changed.emit(dialog.language())

    def _update_status(self) -> None:
        if self.vault is None:
            self.statusBar().clearMessage()
            return
        self.update_travel_notice()
        name = self.vault_path.name if self.vault_path else ""
        count = self.vault.cases.count()
        text = self.tr("Vault “{0}” · cases: {1}").format(name, i18n.format_number(count))
        if self.vault.read_only:
            text += " · " + self.tr("On read-only media: it can be read, nothing can be changed")
        self.statusBar().showMessage(text)

    def update_travel_notice(self) -> None:
        """The travel notice, and which of the travel actions apply (a trip on or not)."""
        vault = self.vault
        notice = travel_notice(vault) if vault is not None else ""
        self.travel_label.setText(notice)
        self.travel_label.setVisible(bool(notice))
        writable = vault is not None and not vault.read_only
        self.travel_action.setEnabled(writable)
        self.travel_restore_action.setEnabled(writable)

    def restore_from_travel(self, bundle: Path | None = None) -> TravelRestore | None:
        """Bring the cases of a trip back from its bundle (`bundle`, or one the user picks)
        with the core's restore (gui/travel)."""
        if self.vault is None:
            return None
        restore = TravelRestore(self.vault, self)
        restore.restored.connect(lambda _result: self._after_travel_restore())
        if bundle is None:
            restore.choose_and_restore()
        else:
            restore.restore(bundle)
        return restore

    def _after_travel_restore(self) -> None:
        self.cases_page.refresh()
        self._update_status()

    # -- where the user is (ids only, for re-opening after a language switch or unlock) -----

    def current_place(self) -> dict[str, Any]:
        built = self.is_built("case")
        return {
            "page": self.current_page_key(),
            "case_id": self.case_view.case_id if built else None,
            "tab": self.case_view.tabs.currentIndex() if built else 0,
        }

    def restore_place(self, place: dict[str, Any]) -> None:
        case_id = place.get("case_id")
        page = place.get("page", "cases")
        try:
            if page == "case" and case_id:
                self._open_case(case_id, int(place.get("tab", 0)))
            elif page in self._pages:
                self.show_page(page)
        except SatchelError:
            self.show_page("cases")

    # -- geometry (outside the vault, holds no case data) -----------------------------------

    def _restore_geometry(self) -> None:
        settings = app_settings()
        geometry = settings.value(MAIN_WINDOW_GEOMETRY.key)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)

    def save_geometry(self) -> None:
        app_settings().setValue(MAIN_WINDOW_GEOMETRY.key, self.saveGeometry())

    # -- lock -------------------------------------------------------------------------------

    def data_widgets(self) -> list[QWidget]:
        """Every page and panel that holds vault data."""
        return [p.widget for p in self._pages.values() if p.factory is None]

    def clear_vault_data(self) -> None:
        """Every page, the search and the window title drop what they hold of the vault."""
        self.exchange.clear()
        self.search_popup.clear()
        self.search_edit.clear()
        for page in self._pages.values():
            clear = getattr(page.widget, "clear", None)
            if clear is not None:
                clear()
        self.statusBar().clearMessage()
        self.travel_label.clear()
        # Undo entries hold ids and record text: nothing of them outlives the unlock.
        self.undo_stack.clear()
        self._hide_undo_offer()
        set_plain_window_title(self, self.tr("Satchel"))

    def lock(self) -> None:
        """Hide, clear, close the vault, and emit `locked` (the app shows the unlock screen)."""
        if self.lock_handler is not None:
            # The session's lock machinery takes it from here: it hides this window
            # before anything else, then clears, cancels work and closes the vault.
            # Geometry is saved after: writing settings must not delay the hiding.
            self.lock_handler()
            self.save_geometry()
            return
        if self._locking:
            return
        self._locking = True
        self.hide()  # first: nothing of the case stays on screen while the rest happens
        self.last_place = self.current_place()  # ids only, to come back after unlocking
        self.save_geometry()
        self.clear_vault_data()
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()
        self.locked.emit()

    def close_without_lock(self) -> None:
        """Close the window but leave the vault open (the app rebuilds it, e.g. language)."""
        self._locking = True
        self.save_geometry()
        self.clear_vault_data()
        self.vault = None
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window quits, but the vault is closed and its key wiped first,
        # exactly as a lock does.
        if not self._locking:
            self._locking = True
            self.save_geometry()
            self.hide()
            self.clear_vault_data()
            vault, self.vault = self.vault, None
            if vault is not None:
                vault.close()
            self.closed.emit()
        event.accept()
