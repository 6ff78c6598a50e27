"""One case, in tabs: Overview, Timeline, Chronology, People, Documents, Notes.

The Overview and People tabs live here; the others are panels from their own modules
(`ChronologyPanel`, `DocumentsPanel`, `NotesPanel` and `TimelineWidget`), which the case
view builds itself and links (timeline and chronology share the selected event; the
chronology gets the Report menu). Every panel follows one contract:
`(vault, parent)`, `set_case(case_id | None)`, `clear()`, and `open_record(kind, id)`.
Every text from the vault is shown as plain text. No SQL here.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from satchel.core.codec import to_dict
from satchel.core.model import Case, CaseStatus, DeadlineStatus
from satchel.core.vault import Vault
from satchel.errors import NotFound, SatchelError
from satchel.gui.cases.add_people import AddPeopleDialog, PeopleAdder
from satchel.gui.cases.dialog import CaseDialog, CloseCaseDialog
from satchel.gui.chronology.detail import PersonInCase
from satchel.gui.chronology.report_menu import report_button
from satchel.gui.chronology.table import ChronologyPanel
from satchel.gui.common import icons
from satchel.gui.common.plaintext import (
    plain_label,
    plain_message,
    plain_tooltip,
    set_plain_text,
    set_plain_tooltip,
)
from satchel.gui.common.undo import Undoable, undo_edit
from satchel.gui.common.workers import user_message
from satchel.gui.documents.panel import DocumentsPanel
from satchel.gui.exchange.case_shares import CaseSharesBox
from satchel.gui.history.dialog import HistoryDialog
from satchel.gui.notes.panel import NotesPanel
from satchel.gui.timeline.link import link_timeline_and_chronology
from satchel.gui.timeline.widget import TimelineWidget
from satchel.i18n import format_date, format_fuzzy, format_partial
from satchel.labels import case_status_label, case_type_label, risk_label, role_label

__all__ = ["CasePeopleTab", "CaseView", "OverviewTab", "PlaceholderPanel"]

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole
ROLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PlaceholderPanel(QWidget):
    """A tab whose content arrives in a later release: one calm, translated sentence."""

    open_record = Signal(str, str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setObjectName("muted")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        lay.addWidget(self.label)

    def set_case(self, case_id: str | None) -> None:
        """Nothing to show."""

    def clear(self) -> None:
        """Holds no vault data."""


class OverviewTab(QWidget):
    """Reference numbers, summary, people and their roles, and the next deadline."""

    open_record = Signal(str, str)
    edit_requested = Signal()
    close_requested = Signal()
    add_people_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._case: Case | None = None
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(12)

        self.facts = QLabel(body)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.facts.setObjectName("muted")
        lay.addWidget(self.facts)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        self.deadline_title = self._section(self.tr("Next deadline"))
        self.deadline_label = plain_label("", body)
        self.deadline_label.setWordWrap(True)
        self.refs_title = self._section(self.tr("Reference numbers"))
        self.refs_box = QFormLayout()
        self.people_title = self._section(self.tr("People"))
        self.people_list = QListWidget(body)
        self.people_list.setAccessibleName(self.tr("People in this case"))
        self.people_list.setMaximumHeight(170)
        self.people_list.setSpacing(2)
        self.people_list.itemActivated.connect(self._open_person)
        self.people_list.itemDoubleClicked.connect(self._open_person)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.deadline_title)
        left.addWidget(self.deadline_label)
        left.addSpacing(10)
        left.addWidget(self.refs_title)
        left.addLayout(self.refs_box)
        left.addSpacing(10)
        # Who the case is shared with, last sent and received (gui/exchange/case_shares.py).
        self.shares = CaseSharesBox(vault, body)
        left.addWidget(self.shares)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(6)
        people_head = QHBoxLayout()
        people_head.addWidget(self.people_title)
        people_head.addStretch(1)
        # People are added where they are listed, without going to the People tab first.
        self.add_people_button = QPushButton(icons.icon("add"), self.tr("Add people…"), body)
        self.add_people_button.clicked.connect(self.add_people_requested)
        people_head.addWidget(self.add_people_button)
        right.addLayout(people_head)
        right.addWidget(self.people_list)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)

        lay.addWidget(self._section(self.tr("Summary")))
        self.summary = plain_label("", body)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.summary)
        lay.addStretch(1)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def set_case(self, case: Case | None) -> None:
        self._case = case
        self.shares.set_case(case.id if case is not None else None)
        while self.refs_box.rowCount():
            self.refs_box.removeRow(0)
        self.people_list.clear()
        if case is None:
            self.facts.clear()
            self.summary.clear()
            self.deadline_label.clear()
            return
        assert self._vault is not None  # a cleared tab is shown no case
        parts = [
            case_type_label(case.case_type),
            case_status_label(case.status),
            self.tr("Risk: {0}").format(risk_label(case.risk)),
        ]
        if case.jurisdiction:
            parts.append(case.jurisdiction)
        if case.authority:
            parts.append(case.authority)
        if case.opened:
            parts.append(self.tr("Opened {0}").format(format_date(case.opened)))
        if case.closed:
            parts.append(self.tr("Closed {0}").format(format_date(case.closed)))
        if case.tags:
            parts.append(self.tr("Tags: {0}").format(", ".join(case.tags)))
        set_plain_text(self.facts, " · ".join(parts))

        if case.references:
            for ref in case.references:
                name = plain_label(ref.label or self.tr("Number"), self)
                name.setObjectName("muted")
                value = plain_label(ref.value, self)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.refs_box.addRow(name, value)
        else:
            none = QLabel(self.tr("None recorded."), self)
            none.setObjectName("muted")
            self.refs_box.addRow(none)

        for role in self._vault.roles.list(case_id=case.id):
            try:
                person = self._vault.people.get(role.person_id)
            except NotFound:
                continue
            # "Name — role · b. 1974": two people of one name are told apart.
            text = PersonInCase(
                person.id, person.primary_name, (role.kind,), person.birth_date
            ).describe()
            item = QListWidgetItem(text)
            item.setData(PERSON_ID_ROLE, person.id)
            item.setToolTip(plain_tooltip(text))
            self.people_list.addItem(item)
        if self.people_list.count() == 0:
            item = QListWidgetItem(self.tr("Nobody yet: add people in the People tab."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people_list.addItem(item)

        set_plain_text(self.deadline_label, self._deadline_text(case))
        set_plain_text(self.summary, case.summary or self.tr("No summary yet."))

    def _deadline_text(self, case: Case) -> str:
        assert self._vault is not None  # read for a case shown, never after clear()
        today = date.today()
        pending = DeadlineStatus.PENDING
        overdue = [
            e
            for e in self._vault.events.deadlines(end_day=today, status=pending, case_id=case.id)
            if (day := e.date.anchor_day()) is not None and day < today
        ]
        if overdue:
            e = overdue[0]
            return self.tr("Overdue: {0} ({1})").format(e.title, format_fuzzy(e.date))
        upcoming = self._vault.events.deadlines(start_day=today, status=pending, case_id=case.id)
        if upcoming:
            e = upcoming[0]
            return f"{format_fuzzy(e.date)} — {e.title}"
        return self.tr("No pending deadline.")

    def _open_person(self, item: QListWidgetItem) -> None:
        person_id = item.data(PERSON_ID_ROLE)
        if person_id:
            self.open_record.emit("person", person_id)

    def clear(self) -> None:
        self.set_case(None)
        self.shares.clear()
        self._vault = None


class CasePeopleTab(QWidget):
    """The people in a case and their roles; add or remove a role."""

    open_record = Signal(str, str)
    changed = Signal()
    undoable = Signal(object)  # an Undoable: a role added or removed, for Ctrl+Z

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._case_id: str | None = None
        self.add_dialog: AddPeopleDialog | None = None
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(icons.icon("add"), self.tr("&Add people…"), self)
        self.add_button.clicked.connect(self.add_role)
        self.remove_button = QPushButton(icons.icon("delete"), self.tr("&Remove role"), self)
        self.remove_button.clicked.connect(self.remove_role)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("People and roles"))
        # The date of birth tells apart two people who share a name (a father and son).
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Born"), self.tr("Note")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(self._open_person)
        self.table.itemSelectionChanged.connect(self._update_actions)
        lay.addWidget(self.table)
        self._update_actions()

    def set_case(self, case_id: str | None) -> None:
        self._case_id = case_id
        self.table.setRowCount(0)
        if case_id is None or self._vault is None:
            self._update_actions()
            return
        for role in self._vault.roles.list(case_id=case_id):
            try:
                person = self._vault.people.get(role.person_id)
            except NotFound:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(person.primary_name)
            name.setData(PERSON_ID_ROLE, person.id)
            name.setData(ROLE_ID_ROLE, role.id)
            aliases = [n.text for n in person.names if not n.primary]
            if aliases:
                name.setToolTip(plain_tooltip(" · ".join(aliases)))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(role_label(role.kind)))
            self.table.setItem(row, 2, QTableWidgetItem(format_partial(person.birth_date)))
            note = QTableWidgetItem(role.note)
            if role.note:
                note.setToolTip(plain_tooltip(role.note))
            self.table.setItem(row, 3, note)
        self._update_actions()

    def _update_actions(self) -> None:
        self.add_button.setEnabled(self._case_id is not None)
        self.remove_button.setEnabled(bool(self.table.selectedItems()))

    def _open_person(self, item: QTableWidgetItem) -> None:
        name = self.table.item(item.row(), 0)
        if name is not None:
            self.open_record.emit("person", name.data(PERSON_ID_ROLE))

    def add_role(self) -> None:
        if self._case_id is None:
            return
        assert self._vault is not None  # a cleared tab has no case
        dialog = AddPeopleDialog(self._vault, self._case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.person_added.connect(self._person_added)
        dialog.finished.connect(self._add_dialog_closed)
        dialog.open()
        self.add_dialog = dialog

    def _add_dialog_closed(self) -> None:
        self.add_dialog = None

    def _undo_remove(self, data: dict[str, Any]) -> None:
        assert self._vault is not None
        self._vault.trash.undelete_role(data)
        self.set_case(self._case_id)
        self.changed.emit()

    def _person_added(self, _person_id: str) -> None:
        self.set_case(self._case_id)
        self.changed.emit()

    def remove_role(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        name = self.table.item(rows[0].row(), 0)
        role = self.table.item(rows[0].row(), 1)
        if name is None or role is None:
            return
        # No question: the removal is undone with Ctrl+Z (the role comes back as it was).
        assert self._vault is not None
        role_id = name.data(ROLE_ID_ROLE)
        try:
            data = to_dict(self._vault.roles.get(role_id))
            self._vault.roles.delete(role_id)
        except SatchelError as e:
            plain_message(
                self, QMessageBox.Icon.Warning, self.tr("Remove role"), user_message(e)
            ).exec()
            return
        self.set_case(self._case_id)
        self.changed.emit()
        done = (
            self.tr("%1 removed as %2 from this case")
            .replace("%1", name.text())
            .replace("%2", role.text())
        )
        self.undoable.emit(Undoable(done, partial(self._undo_remove, data)))

    def clear(self) -> None:
        if self.add_dialog is not None:
            self.add_dialog.clear()
            self.add_dialog = None
        self.table.setRowCount(0)
        self._case_id = None
        self._vault = None


class CaseView(QWidget):
    """A case in tabs. `set_case(id)` shows it; `clear()` forgets it (lock)."""

    open_record = Signal(str, str)
    back_requested = Signal()
    case_changed = Signal(str)
    undoable = Signal(object)  # an Undoable from any tab, for the window's Ctrl+Z
    history_requested = Signal(str)  # case id: the audit log of this case

    OVERVIEW, TIMELINE, CHRONOLOGY, PEOPLE, DOCUMENTS, NOTES = range(6)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._case: Case | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 8)

        head = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← All cases"), self)
        self.back_button.setAccessibleName(self.tr("Back to all cases"))
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.back_requested)
        head.addWidget(self.back_button)
        head.addStretch(1)
        self.edit_button = QPushButton(icons.icon("edit"), self.tr("&Edit case"), self)
        self.edit_button.clicked.connect(self.edit_case)
        self.close_button = QPushButton(icons.icon("archive"), self.tr("C&lose case"), self)
        self.close_button.clicked.connect(self.close_case)
        self.history_button = QPushButton(self.tr("&History"), self)
        self.history_button.setToolTip(self.tr("Every change to this case, by whom and when"))
        self.history_button.clicked.connect(
            lambda: self.history_requested.emit(self.case_id) if self.case_id else None
        )
        head.addWidget(self.edit_button)
        head.addWidget(self.close_button)
        head.addWidget(self.history_button)
        lay.addLayout(head)

        self.title_label = plain_label("", self)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.tr("Case title"))
        lay.addWidget(self.title_label)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab(vault, self)
        self.chronology = ChronologyPanel(vault, self)
        self.timeline = TimelineWidget(vault, None, self)
        # The timeline and the chronology table keep one selected event between them.
        link_timeline_and_chronology(self.timeline, self.chronology)
        self.chronology.add_toolbar_widget(report_button(self.chronology, lambda: self._vault))
        self.event_history_button = QPushButton(self.tr("History…"), self.chronology)
        self.event_history_button.setToolTip(self.tr("Who changed the selected event, and when"))
        self.event_history_button.clicked.connect(self.show_event_history)
        self.chronology.add_toolbar_widget(self.event_history_button)
        self.chronology.people_adder = PeopleAdder(vault)
        self.people = CasePeopleTab(vault, self)
        self.documents = DocumentsPanel(vault, self)
        self.notes = NotesPanel(vault, self)
        self.tabs.addTab(self.overview, icons.icon("cases"), self.tr("Overview"))
        self.tabs.addTab(self.timeline, icons.icon("timeline"), self.tr("Timeline"))
        self.tabs.addTab(self.chronology, icons.icon("event"), self.tr("Chronology"))
        self.tabs.addTab(self.people, icons.icon("person"), self.tr("People"))
        self.tabs.addTab(self.documents, icons.icon("document"), self.tr("Documents"))
        self.tabs.addTab(self.notes, icons.icon("note"), self.tr("Notes"))
        lay.addWidget(self.tabs, 1)

        for panel in self.panels():
            signal = getattr(panel, "open_record", None)
            if signal is not None:
                signal.connect(self.open_record)
        self.people.changed.connect(self._reload_overview)
        # A new or moved deadline changes the Overview's "next deadline".
        self.chronology.events_changed.connect(self._reload_overview)
        self.overview.open_record.connect(self.open_record)
        self.overview.add_people_requested.connect(self.people.add_role)
        for tab in (self.chronology, self.people, self.documents, self.notes):
            tab.undoable.connect(self.undoable)

    def show_event_history(self) -> None:
        """The selected event's history from the audit log, in a window of its own."""
        event_id = self.chronology.selected_event_id()
        if event_id is None or self._vault is None:
            return
        event = self._vault.events.get(event_id)
        HistoryDialog(self._vault, event_id, event.title, self).open()

    def _retarget_timeline(self, case_id: str | None) -> None:
        self.timeline.set_case(case_id)

    def panels(
        self,
    ) -> list[TimelineWidget | ChronologyPanel | CasePeopleTab | DocumentsPanel | NotesPanel]:
        """Every tab's widget (each holds vault data and is cleared on lock)."""
        return [self.timeline, self.chronology, self.people, self.documents, self.notes]

    @property
    def case_id(self) -> str | None:
        return self._case.id if self._case else None

    def set_case(self, case_id: str | None) -> None:
        """Show the case `case_id` (None shows nothing)."""
        if case_id:
            assert self._vault is not None  # a cleared view is shown no case
            self._case = self._vault.cases.get(case_id)
        else:
            self._case = None
        self._show_case()
        self._retarget_timeline(case_id)
        for panel in self.panels():
            if panel is not self.timeline:
                panel.set_case(case_id)

    def _show_case(self) -> None:
        case = self._case
        set_plain_text(self.title_label, case.title if case else "")
        set_plain_tooltip(self.title_label, case.title if case else "")
        self.overview.set_case(case)
        self.edit_button.setEnabled(case is not None)
        self.close_button.setEnabled(case is not None and case.status != CaseStatus.CLOSED)

    def reload_from_vault(self) -> None:
        """Read the open case again: a colleague's bundle, imported by hand or by a pass of
        the exchange folder, may have changed it under the lawyer's eyes.

        Every tab keeps its selection (each `reload` does). A case the bundle deleted (now in
        the trash) is no longer shown. A chronology whose cell is being edited is left as it
        is, so what is being typed is never thrown away; it shows the change at its next
        reload (the edit being saved reloads it).
        """
        if self._case is None or self._vault is None:
            return
        if not self._vault.cases.exists(self._case.id):
            self.set_case(None)
            return
        self._reload_overview()
        for panel in self.panels():
            if panel is self.chronology and self.chronology.is_editing():
                continue
            reload = getattr(panel, "reload", None)
            if reload is not None:
                reload()
            else:
                panel.set_case(self._case.id)

    def _reload_overview(self) -> None:
        if self._case is not None:
            assert self._vault is not None  # clear() drops the case with the vault
            self._case = self._vault.cases.get(self._case.id)
            self._show_case()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def edit_case(self) -> None:
        if self._case is None:
            return
        assert self._vault is not None  # clear() drops the case with the vault
        before = self._vault.cases.get(self._case.id)
        dialog = CaseDialog(self._vault, before, self)
        if dialog.exec() and dialog.saved is not None:
            self._case = dialog.saved
            self._show_case()
            self.case_changed.emit(self._case.id)
            done = self.tr("Case “%1” changed").replace("%1", self._case.title)
            item = undo_edit(self._vault.cases, before, self._case, done, self._after_undo)
            if item is not None:
                self.undoable.emit(item)

    def _after_undo(self) -> None:
        if self._case is not None and self._vault is not None:
            self.set_case(self._case.id)
            self.case_changed.emit(self._case.id)

    def close_case(self) -> None:
        if self._case is None:
            return
        assert self._vault is not None  # clear() drops the case with the vault
        dialog = CloseCaseDialog(self._vault, self._vault.cases.get(self._case.id), self)
        if dialog.exec() and dialog.saved is not None:
            self._case = dialog.saved
            self._show_case()
            self.case_changed.emit(self._case.id)

    def clear(self) -> None:
        """Drop every piece of vault data held, in this view and every tab (lock)."""
        self._case = None
        set_plain_text(self.title_label, "")
        self.title_label.setToolTip("")
        self.overview.clear()
        for panel in self.panels():
            panel.clear()
        self._vault = None
