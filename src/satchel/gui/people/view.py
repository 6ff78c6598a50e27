"""The detail of one person or organisation: names, documents, contacts, cases and roles.

`PersonView` shows everything the vault holds about a person: every spelling of the name
with its script and source, date of birth, citizenships, identity documents, contact
channels (each with a Copy button; Ctrl+C copies the selected one), the cases the person
appears in and in which role, and the files attached to them.

Every value is shown as plain text. Copying goes only through `clipboard.copy_sensitive`,
which hides the value from clipboard history and clears it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Case, Person, RoleKind
from satchel.core.vault import Vault
from satchel.gui.common.icons import icon
from satchel.gui.common.plaintext import plain_tooltip, set_plain_text
from satchel.gui.documents.panel import DocumentsPanel
from satchel.gui.lock.clipboard import copy_sensitive
from satchel.i18n import format_partial
from satchel.labels import contact_kind_label, person_kind_label, role_label, script_label

__all__ = ["PersonView"]

ID_ROLE = Qt.ItemDataRole.UserRole


def _read_only_table(columns: int, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    return table


def _fit_height(table: QTableWidget, max_rows: int = 8) -> None:
    """Size a short table to its rows so the page scrolls as one, not table by table."""
    rows = min(table.rowCount(), max_rows)
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows)) if rows else 28
    table.setFixedHeight(height)


def _plain_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if text:
        item.setToolTip(plain_tooltip(text))
    return item


class _ContactsTable(QTableWidget):
    """Contacts; Ctrl+C copies the selected contact's value through `copy_sensitive`."""

    copy_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            if self.currentRow() >= 0:
                self.copy_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class PersonView(QWidget):
    """Everything about one person; `show_person(id)` fills it, `clear()` empties it."""

    open_record = Signal(str, str)
    edit_requested = Signal(str)
    copied = Signal(str)  # the kind of value copied (never the value itself)

    VALUE_COLUMN = 2

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._person: Person | None = None
        self._contact_values: list[str] = []
        self.setObjectName("PersonView")

        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("muted")
        self.edit_button = QPushButton(icon("edit"), "", self)
        self.edit_button.clicked.connect(self._on_edit)

        body = QWidget(self)
        self.names_heading = QLabel(body)
        self.names_table = _read_only_table(3, body)
        self.born_label = QLabel(body)
        self.born_value = QLabel(body)
        self.citizenships_label = QLabel(body)
        self.citizenships_value = QLabel(body)
        self.citizenships_value.setWordWrap(True)
        facts = QFormLayout()
        facts.addRow(self.born_label, self.born_value)
        facts.addRow(self.citizenships_label, self.citizenships_value)
        self.documents_heading = QLabel(body)
        self.documents_table = _read_only_table(5, body)
        self.contacts_heading = QLabel(body)
        self.contacts_table = _ContactsTable(0, 4, body)
        self.contacts_table.verticalHeader().hide()
        self.contacts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.contacts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.VALUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.contacts_table.copy_requested.connect(self.copy_contact)
        self.cases_heading = QLabel(body)
        self.cases_table = _read_only_table(3, body)
        self.cases_table.doubleClicked.connect(lambda _i: self.open_selected_case())
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.cases_table,
            self.open_selected_case,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.notes_heading = QLabel(body)
        self.notes_value = QLabel(body)
        self.notes_value.setWordWrap(True)
        self.notes_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files_heading = QLabel(body)
        self.files = DocumentsPanel(vault, body, compact=True)
        self.files.setMinimumHeight(260)
        self.files.open_record.connect(self.open_record)

        self._headings = (
            self.names_heading,
            self.documents_heading,
            self.contacts_heading,
            self.cases_heading,
            self.notes_heading,
            self.files_heading,
        )
        for h in self._headings:
            h.setStyleSheet("font-weight: 600; margin-top: 10px;")

        col = QVBoxLayout(body)
        col.addWidget(self.names_heading)
        col.addWidget(self.names_table)
        col.addLayout(facts)
        col.addWidget(self.documents_heading)
        col.addWidget(self.documents_table)
        col.addWidget(self.contacts_heading)
        col.addWidget(self.contacts_table)
        col.addWidget(self.cases_heading)
        col.addWidget(self.cases_table)
        col.addWidget(self.notes_heading)
        col.addWidget(self.notes_value)
        col.addWidget(self.files_heading)
        col.addWidget(self.files)
        col.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.kind_label)
        head.addLayout(titles, 1)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty_label)
        self._scroll = scroll
        self._retranslate()
        self._show_empty()

    def _retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit person"))
        self.names_heading.setText(self.tr("Names and spellings"))
        self.names_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Script"), self.tr("Spelling from")]
        )
        self.names_table.setAccessibleName(self.tr("Names and spellings"))
        self.born_label.setText(self.tr("Born"))
        self.citizenships_label.setText(self.tr("Citizenships"))
        self.documents_heading.setText(self.tr("Identity documents"))
        self.documents_table.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Number"),
                self.tr("Issued by"),
                self.tr("Issued"),
                self.tr("Expires"),
            ]
        )
        self.documents_table.setAccessibleName(self.tr("Identity documents"))
        self.contacts_heading.setText(self.tr("Contacts"))
        self.contacts_table.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("Label"), self.tr("Value"), ""]
        )
        self.contacts_table.setAccessibleName(
            self.tr("Contacts (Ctrl+C copies the selected value)")
        )
        self.cases_heading.setText(self.tr("Cases and roles"))
        self.cases_table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Role"), self.tr("Status")]
        )
        self.cases_table.setAccessibleName(self.tr("Cases and roles (Enter opens the case)"))
        self.notes_heading.setText(self.tr("Notes"))
        self.files_heading.setText(self.tr("Files"))
        for row in range(self.contacts_table.rowCount()):
            button = self.contacts_table.cellWidget(row, 3)
            if isinstance(button, QToolButton):
                button.setText(self.tr("Copy"))
                button.setAccessibleName(self.tr("Copy contact %1").replace("%1", str(row + 1)))
        self._show_empty_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Birth and document dates are written in the interface language; a window
            # whose vault is already closed only drops what it shows.
            if self._person is not None and not getattr(self._vault, "closed", False):
                self.show_person(self._person.id)
            elif self._person is not None:
                self.clear()
        super().changeEvent(event)

    # -- showing ---------------------------------------------------------------------------

    @property
    def person_id(self) -> str | None:
        return self._person.id if self._person else None

    def show_person(self, person_id: str) -> None:
        person: Person = self._vault.people.get(person_id)
        self._person = person
        set_plain_text(self.title_label, person.primary_name)
        set_plain_text(self.kind_label, person_kind_label(person.kind))

        names = self.names_table
        names.setRowCount(0)
        ordered = sorted(person.names, key=lambda n: not n.primary)
        for n in ordered:
            row = names.rowCount()
            names.insertRow(row)
            names.setItem(row, 0, _plain_item(n.text))
            names.setItem(row, 1, _plain_item(script_label(n.script)))
            names.setItem(row, 2, _plain_item(n.source))
        _fit_height(names)

        set_plain_text(self.born_value, format_partial(person.birth_date) or "—")
        set_plain_text(self.citizenships_value, ", ".join(person.citizenships) or "—")

        docs = self.documents_table
        docs.setRowCount(0)
        for d in person.documents:
            row = docs.rowCount()
            docs.insertRow(row)
            for col, text in enumerate(
                (d.kind, d.number, d.issuer, format_partial(d.issued), format_partial(d.expires))
            ):
                docs.setItem(row, col, _plain_item(text))
        _fit_height(docs)

        contacts = self.contacts_table
        contacts.setRowCount(0)
        self._contact_values = []
        for c in person.contacts:
            row = contacts.rowCount()
            contacts.insertRow(row)
            contacts.setItem(row, 0, _plain_item(contact_kind_label(c.kind)))
            contacts.setItem(row, 1, _plain_item(c.label))
            contacts.setItem(row, 2, _plain_item(c.value))
            button = QToolButton(contacts)
            button.setIcon(icon("copy"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _c=False, r=row: self.copy_contact(r))
            contacts.setCellWidget(row, 3, button)
            self._contact_values.append(c.value)
        _fit_height(contacts)

        cases = self.cases_table
        cases.setRowCount(0)
        pairs: list[tuple[Case, RoleKind]] = self._vault.people.cases_of(person.id)
        for case, role in pairs:
            row = cases.rowCount()
            cases.insertRow(row)
            title = _plain_item(case.title)
            title.setData(ID_ROLE, case.id)
            cases.setItem(row, 0, title)
            cases.setItem(row, 1, _plain_item(role_label(role)))
            cases.setItem(row, 2, _plain_item(self._case_status(case)))
        _fit_height(cases, 10)

        set_plain_text(self.notes_value, person.notes or "—")
        self.files.set_person(person.id)
        self._retranslate()
        self._scroll.show()
        self.edit_button.show()
        self.empty_label.hide()

    def _case_status(self, case: Case) -> str:
        labels = {
            "open": self.tr("Open"),
            "on_hold": self.tr("On hold"),
            "closed": self.tr("Closed"),
        }
        return labels.get(case.status.value, case.status.value)

    def _show_empty_text(self) -> None:
        self.empty_label.setText(self.tr("Choose a person on the left, or add one."))

    def _show_empty(self) -> None:
        self._scroll.hide()
        self.edit_button.hide()
        self.empty_label.show()

    # -- actions ---------------------------------------------------------------------------

    def copy_contact(self, row: int) -> None:
        """Copy contact `row`'s value, hidden from clipboard history and cleared later."""
        if not 0 <= row < len(self._contact_values) or self._person is None:
            return
        copy_sensitive(self._contact_values[row])
        self.copied.emit(self._person.contacts[row].kind.value)

    def open_selected_case(self) -> None:
        item = self.cases_table.item(self.cases_table.currentRow(), 0)
        if item is not None:
            self.open_record.emit("case", item.data(ID_ROLE))

    def _on_edit(self) -> None:
        if self._person is not None:
            self.edit_requested.emit(self._person.id)

    def clear(self) -> None:
        """Drop every piece of vault data (the lock calls this)."""
        self._person = None
        self._contact_values = []
        self.title_label.clear()
        self.kind_label.clear()
        for table in (
            self.names_table,
            self.documents_table,
            self.contacts_table,
            self.cases_table,
        ):
            table.setRowCount(0)
        for label in (self.born_value, self.citizenships_value, self.notes_value):
            label.clear()
        self.files.clear()
        self._show_empty()
