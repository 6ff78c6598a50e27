"""The person form: names in several scripts, birth date, citizenships, documents, contacts.

`PersonDialog` creates or edits a person or organisation through `vault.people`. A person
has one primary name and any number of aliases, each marked with its script and where the
spelling comes from (passport, court, press); search finds them by every one. Also here:
the translated labels of scripts, contact kinds and person kinds.

This module must never show vault text as rich text and never drop unsaved edits silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.date_text import read_partial
from satchel.core.dates import PartialDate
from satchel.core.model import (
    Contact,
    ContactKind,
    IdentityDocument,
    Person,
    PersonKind,
    PersonName,
    Script,
)
from satchel.core.names import script_of
from satchel.core.vault import Vault
from satchel.errors import InvalidInput, SatchelError
from satchel.gui.common.confirmations import UnsavedChangesGuard
from satchel.gui.common.dates import PartialDateField
from satchel.gui.common.drafts import DraftSubject, apply_fields
from satchel.gui.common.plaintext import set_plain_text, set_plain_window_title
from satchel.gui.common.workers import user_message
from satchel.labels import contact_kind_label, person_kind_label, script_label

__all__ = ["PersonDialog"]


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text().strip() if item is not None else ""


def _combo(table: QTableWidget, row: int, col: int) -> str:
    widget = table.cellWidget(row, col)
    assert isinstance(widget, QComboBox)
    return widget.currentData()


class _EditableTable(QWidget):
    """A small table with Add and Remove buttons, for names, documents and contacts."""

    changed = Signal()

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, columns, self)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(170)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def add_combo(self, row: int, col: int, items: list[tuple[str, str]], current: str) -> None:
        combo = QComboBox(self.table)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, col, combo)


class PersonDialog(UnsavedChangesGuard):
    """Create or edit a person or organisation; every change goes through `vault.people`."""

    person_saved = Signal(str)

    NAME, SCRIPT, SOURCE, PRIMARY = range(4)
    DOC_KIND, DOC_NUMBER, DOC_ISSUER, DOC_ISSUED, DOC_EXPIRES = range(5)
    CONTACT_KIND, CONTACT_LABEL, CONTACT_VALUE = range(3)

    def __init__(
        self,
        vault: Vault,
        person_id: str | None = None,
        parent: QWidget | None = None,
        *,
        name: str = "",
    ) -> None:
        """Edit `person_id`, or create a person; `name` is a new person's first name as typed
        elsewhere (a search box), filled in with its script found by the core's one rule."""
        super().__init__(parent)
        self._vault = vault
        self._person_id = person_id
        self._saved_state: tuple[object, ...] | None = None
        self._filling = False
        self._draft_label = self._draft_stamp = ""
        self.setModal(True)
        self._build()
        if person_id is not None:
            person: Person = vault.people.get(person_id)
            self._fill(person)
            set_plain_window_title(self, self.tr("Person: %1").replace("%1", person.primary_name))
            self._draft_label = person.primary_name
            self._draft_stamp = person.updated_at.isoformat()
        else:
            self.setWindowTitle(self.tr("New person"))
            self._add_name_row(PersonName(text="", primary=True))
        self._saved_state = self._state()
        if person_id is None and name:
            # Filled in after the snapshot: a name typed elsewhere is an unsaved edit, and
            # the script follows the core's one rule (the cell's change handler applies it).
            item = self.names.table.item(0, self.NAME)
            assert item is not None
            item.setText(name)
        self._pending_name = person_id is None
        self.resize(820, 820)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.kind_combo = QComboBox(body)
        for k in PersonKind:
            self.kind_combo.addItem(person_kind_label(k), k.value)
        self.names = _EditableTable(4, body)
        # The name is what matters and is long; the other columns take what they need.
        names_header = self.names.table.horizontalHeader()
        names_header.setSectionResizeMode(self.SCRIPT, QHeaderView.ResizeMode.Interactive)
        names_header.resizeSection(self.SCRIPT, 120)
        for col in (self.SOURCE, self.PRIMARY):
            names_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.names_error = self._error(body)
        # Typed as spoken ("14.03.1990", "March 1990", "1990"); empty means unknown.
        self.birth_edit = PartialDateField(body)
        self.birth_error = self._error(body)
        self.citizenships_edit = QLineEdit(body)
        self.documents = _EditableTable(5, body)
        self.documents_hint = QLabel(body)
        self.documents_hint.setObjectName("muted")
        self.documents_error = self._error(body)
        self.contacts = _EditableTable(3, body)
        self.contacts_error = self._error(body)
        self.notes_edit = QPlainTextEdit(body)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(110)

        self._labels: dict[str, QLabel] = {}
        for key, widget in (
            ("kind", self.kind_combo),
            ("names", self.names),
            ("names_error", self.names_error),
            ("birth", self.birth_edit),
            ("birth_error", self.birth_error),
            ("citizenships", self.citizenships_edit),
            ("documents", self.documents),
            ("documents_hint", self.documents_hint),
            ("documents_error", self.documents_error),
            ("contacts", self.contacts),
            ("contacts_error", self.contacts_error),
            ("notes", self.notes_edit),
        ):
            if key.endswith(("_error", "_hint")):
                form.addRow("", widget)
                continue
            label = QLabel(body)
            label.setBuddy(widget if not isinstance(widget, _EditableTable) else widget.table)
            self._labels[key] = label
            form.addRow(label, widget)

        self.general_error = self._error(self)
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.accept)

        # A new row is edited at once: the click means "I am about to type it".
        self.names.add_button.clicked.connect(
            lambda: self._edit_new_row(
                self.names, self._add_name_row(PersonName(text="")), self.NAME
            )
        )
        self.documents.add_button.clicked.connect(
            lambda: self._edit_new_row(
                self.documents,
                self._add_document_row(IdentityDocument(kind="", number="")),
                self.DOC_KIND,
            )
        )
        self.contacts.add_button.clicked.connect(
            lambda: self._edit_new_row(
                self.contacts,
                self._add_contact_row(Contact(kind=ContactKind.PHONE, value="")),
                self.CONTACT_VALUE,
            )
        )
        self.names.table.itemChanged.connect(self._on_name_changed)
        self._retranslate()

    @staticmethod
    def _error(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("error")
        label.setWordWrap(True)
        label.hide()
        return label

    def _retranslate(self) -> None:
        texts = {
            "kind": self.tr("&Kind"),
            "names": self.tr("&Names"),
            "birth": self.tr("&Born"),
            "citizenships": self.tr("&Citizenships"),
            "documents": self.tr("&Identity documents"),
            "contacts": self.tr("Con&tacts"),
            "notes": self.tr("N&otes"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.names.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Script"), self.tr("Spelling from"), self.tr("Primary")]
        )
        self.documents.table.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Number"),
                self.tr("Issued by"),
                self.tr("Issued"),
                self.tr("Expires"),
            ]
        )
        self.contacts.table.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("Label"), self.tr("Value")]
        )
        for table, what in (
            (self.names, self.tr("name")),
            (self.documents, self.tr("document")),
            (self.contacts, self.tr("contact")),
        ):
            table.add_button.setText(self.tr("Add %1").replace("%1", what))
            table.remove_button.setText(self.tr("Remove"))
            table.add_button.setAccessibleName(table.add_button.text())
            table.remove_button.setAccessibleName(self.tr("Remove the selected row"))
        self.documents_hint.setText(
            self.tr("Dates as typed: 14.03.2031, March 2031, 2031-03-14 or 2031.")
        )
        self.citizenships_edit.setPlaceholderText(self.tr("Separated by commas"))
        accessible = {
            self.kind_combo: self.tr("Person or organisation"),
            self.names.table: self.tr("Names and aliases"),
            self.citizenships_edit: self.tr("Citizenships"),
            self.documents.table: self.tr("Identity documents"),
            self.contacts.table: self.tr("Contacts"),
            self.notes_edit: self.tr("Notes"),
        }
        for widget, name in accessible.items():
            widget.setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- rows ------------------------------------------------------------------------------

    @staticmethod
    def _edit_new_row(table: _EditableTable, row: int, column: int) -> None:
        table.table.setCurrentCell(row, column)
        item = table.table.item(row, column)
        if item is None:
            return
        table.table.setFocus()
        table.table.editItem(item)
        # The cursor after the text, nothing selected: a key typed must not wipe a name
        # that was filled in. Later, since the view selects the text once the editor is up.
        viewport = table.table.viewport()

        def place_cursor() -> None:
            for editor in viewport.findChildren(QLineEdit):
                editor.deselect()
                editor.end(False)

        QTimer.singleShot(0, viewport, place_cursor)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_name:
            # A new person's form opens with the cursor in the name.
            self._pending_name = False
            self._edit_new_row(self.names, 0, self.NAME)

    def _add_name_row(self, name: PersonName) -> int:
        table = self.names.table
        self._filling = True
        try:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, self.NAME, _item(name.text))
            scripts = [(script_label(s), s.value) for s in Script]
            self.names.add_combo(row, self.SCRIPT, scripts, name.script.value)
            table.setItem(row, self.SOURCE, _item(name.source))
            primary = QTableWidgetItem()
            primary.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            primary.setCheckState(
                Qt.CheckState.Checked if name.primary else Qt.CheckState.Unchecked
            )
            table.setItem(row, self.PRIMARY, primary)
        finally:
            self._filling = False
        self.names.changed.emit()
        return row

    def _on_name_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        table = self.names.table
        if item.column() == self.PRIMARY and item.checkState() == Qt.CheckState.Checked:
            # One primary name: checking one unchecks the others.
            self._filling = True
            try:
                for row in range(table.rowCount()):
                    other = table.item(row, self.PRIMARY)
                    if row != item.row() and other is not None:
                        other.setCheckState(Qt.CheckState.Unchecked)
            finally:
                self._filling = False
        elif item.column() == self.NAME and item.text().strip():
            # Suggest the script from the letters typed; the user can still change it.
            combo = table.cellWidget(item.row(), self.SCRIPT)
            if isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(script_of(item.text()).value))
        self.names_error.hide()

    def _add_document_row(self, doc: IdentityDocument) -> int:
        table = self.documents.table
        row = table.rowCount()
        table.insertRow(row)
        for col, text in (
            (self.DOC_KIND, doc.kind),
            (self.DOC_NUMBER, doc.number),
            (self.DOC_ISSUER, doc.issuer),
            (self.DOC_ISSUED, doc.issued.iso() if doc.issued else ""),
            (self.DOC_EXPIRES, doc.expires.iso() if doc.expires else ""),
        ):
            table.setItem(row, col, _item(text))
        return row

    def _add_contact_row(self, contact: Contact) -> int:
        table = self.contacts.table
        row = table.rowCount()
        table.insertRow(row)
        kinds = [(contact_kind_label(k), k.value) for k in ContactKind]
        self.contacts.add_combo(row, self.CONTACT_KIND, kinds, contact.kind.value)
        table.setItem(row, self.CONTACT_LABEL, _item(contact.label))
        table.setItem(row, self.CONTACT_VALUE, _item(contact.value))
        return row

    def _fill(self, person: Person) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(person.kind.value))
        for name in person.names:
            self._add_name_row(name)
        if person.birth_date is not None:
            self.birth_edit.set_value(person.birth_date)
        self.citizenships_edit.setText(", ".join(person.citizenships))
        for doc in person.documents:
            self._add_document_row(doc)
        for contact in person.contacts:
            self._add_contact_row(contact)
        self.notes_edit.setPlainText(person.notes)

    # -- reading the form ------------------------------------------------------------------

    def _names(self) -> list[PersonName]:
        table = self.names.table
        out = []
        for row in range(table.rowCount()):
            text = _cell(table, row, self.NAME)
            if not text:
                continue
            primary = table.item(row, self.PRIMARY)
            out.append(
                PersonName(
                    text=text,
                    script=Script(_combo(table, row, self.SCRIPT)),
                    source=_cell(table, row, self.SOURCE),
                    primary=primary is not None and primary.checkState() == Qt.CheckState.Checked,
                )
            )
        return out

    def _documents(self) -> list[IdentityDocument]:
        """The identity documents; raises InvalidInput naming the row with a bad date."""
        table = self.documents.table
        out = []
        for row in range(table.rowCount()):
            kind, number = _cell(table, row, self.DOC_KIND), _cell(table, row, self.DOC_NUMBER)
            issuer = _cell(table, row, self.DOC_ISSUER)
            issued_text = _cell(table, row, self.DOC_ISSUED)
            expires_text = _cell(table, row, self.DOC_EXPIRES)
            if not any((kind, number, issuer, issued_text, expires_text)):
                continue
            if not number:
                raise InvalidInput(
                    "Row {row}: a document needs its number.",
                    "documents",
                    code="row_document_needs_number",
                    row=row + 1,
                )
            try:
                issued = read_partial(issued_text) if issued_text else None
                expires = read_partial(expires_text) if expires_text else None
            except InvalidInput:
                raise InvalidInput(
                    "Row {row}: write dates as DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or YYYY.",
                    "documents",
                    code="row_document_date",
                    row=row + 1,
                ) from None
            out.append(
                IdentityDocument(kind or self.tr("document"), number, issuer, issued, expires)
            )
        return out

    def _contacts(self) -> list[Contact]:
        table = self.contacts.table
        out = []
        for row in range(table.rowCount()):
            value = _cell(table, row, self.CONTACT_VALUE)
            label = _cell(table, row, self.CONTACT_LABEL)
            if not value and not label:
                continue
            if not value:
                raise InvalidInput(
                    "Row {row}: a contact needs a value.",
                    "contacts",
                    code="row_contact_needs_value",
                    row=row + 1,
                )
            out.append(Contact(ContactKind(_combo(table, row, self.CONTACT_KIND)), value, label))
        return out

    def _state(self) -> tuple[object, ...]:
        def table_state(table: QTableWidget) -> tuple[tuple[str, ...], ...]:
            rows = []
            for r in range(table.rowCount()):
                cells = []
                for c in range(table.columnCount()):
                    widget = table.cellWidget(r, c)
                    item = table.item(r, c)
                    if isinstance(widget, QComboBox):
                        cells.append(str(widget.currentData()))
                    elif item is not None:
                        cells.append(f"{item.text()}|{item.checkState().value}")
                    else:
                        cells.append("")
                rows.append(tuple(cells))
            return tuple(rows)

        return (
            self.kind_combo.currentData(),
            table_state(self.names.table),
            self.birth_edit.text().strip(),
            self.citizenships_edit.text(),
            table_state(self.documents.table),
            table_state(self.contacts.table),
            self.notes_edit.toPlainText(),
        )

    def is_dirty(self) -> bool:
        try:
            return self._saved_state is not None and self._state() != self._saved_state
        except InvalidInput:
            return True

    # -- validation and saving -------------------------------------------------------------

    def _show_error(self, label: QLabel, text: str) -> None:
        set_plain_text(label, text)
        label.show()

    def _validate(self) -> dict[str, Any] | None:
        for label in (
            self.names_error,
            self.birth_error,
            self.documents_error,
            self.contacts_error,
            self.general_error,
        ):
            label.hide()
        ok = True
        names = self._names()
        if not names:
            self._show_error(self.names_error, self.tr("A person needs at least one name."))
            ok = False
        birth: PartialDate | None = None
        try:
            birth = self.birth_edit.value()
        except InvalidInput as exc:
            self._show_error(self.birth_error, user_message(exc))
            ok = False
        try:
            documents = self._documents()
        except InvalidInput as exc:
            self._show_error(self.documents_error, user_message(exc))
            ok = False
            documents = []
        try:
            contacts = self._contacts()
        except InvalidInput as exc:
            self._show_error(self.contacts_error, user_message(exc))
            ok = False
            contacts = []
        if not ok:
            return None
        citizenships = tuple(
            c.strip() for c in self.citizenships_edit.text().split(",") if c.strip()
        )
        return {
            "names": names,
            "kind": PersonKind(self.kind_combo.currentData()),
            "birth_date": birth,
            "citizenships": citizenships,
            "documents": tuple(documents),
            "contacts": tuple(contacts),
            "notes": self.notes_edit.toPlainText(),
        }

    def _commit_open_editors(self) -> None:
        """Take in what is being typed in a cell: Ctrl+S does not move the focus out of it,
        and the text would otherwise be left behind, unsaved (a name saved half-typed)."""
        for part in (self.names, self.documents, self.contacts):
            table = part.table
            if table.state() == QAbstractItemView.State.EditingState:
                current = table.currentIndex()
                table.setCurrentIndex(QModelIndex())  # leaving a cell commits its editor
                table.setCurrentIndex(current)

    def save(self) -> bool:
        self._commit_open_editors()
        fields = self._validate()
        if fields is None:
            return False
        people = self._vault.people
        try:
            if self._person_id is None:
                names = fields.pop("names")
                person = people.create(names, **fields)
            else:
                fields["names"] = tuple(fields["names"])
                person = people.update(self._person_id, **fields)
        except InvalidInput as exc:
            target = {
                "names": self.names_error,
                "birth_date": self.birth_error,
                "documents": self.documents_error,
                "contacts": self.contacts_error,
            }.get(exc.field or "", self.general_error)
            self._show_error(target, user_message(exc))
            return False
        except SatchelError as exc:
            self._show_error(self.general_error, user_message(exc))
            return False
        self._person_id = person.id
        self._saved_state = self._state()
        self.person_saved.emit(person.id)
        return True

    @property
    def person_id(self) -> str | None:
        return self._person_id

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        names = self._names()
        label = self._draft_label or (names[0].text if names else "")
        return DraftSubject("person", self._person_id, {}, label, self._draft_stamp)

    def restore_draft_fields(self, values: Mapping[str, Any]) -> None:
        """Rows first, made as the form makes them (a combo per row), then every value."""
        for table, key in (
            (self.names.table, "names.table"),
            (self.documents.table, "documents.table"),
            (self.contacts.table, "contacts.table"),
        ):
            value = values.get(key)
            rows = value.get("rows") if isinstance(value, dict) else None
            if not isinstance(rows, list):
                continue
            table.setRowCount(0)
            for _row in rows:
                if table is self.names.table:
                    self._add_name_row(PersonName(text="", primary=False))
                elif table is self.contacts.table:
                    row = table.rowCount()
                    table.insertRow(row)
                    kinds = [(contact_kind_label(k), k.value) for k in ContactKind]
                    self.contacts.add_combo(row, self.CONTACT_KIND, kinds, kinds[0][1])
                else:
                    table.insertRow(table.rowCount())
        apply_fields(self, values)

    def _unsaved_changes_question(self) -> tuple[str, str]:
        return (
            self.tr("Unsaved changes"),
            self.tr("This person has changes that are not saved."),
        )

    def clear(self) -> None:
        """Drop every piece of vault data and close without asking (the lock calls this)."""
        self._saved_state = None
        for table in (self.names.table, self.documents.table, self.contacts.table):
            table.setRowCount(0)
        self.citizenships_edit.clear()
        self.notes_edit.clear()
        for label in (
            self.names_error,
            self.birth_error,
            self.documents_error,
            self.contacts_error,
            self.general_error,
        ):
            label.clear()
        self.setWindowTitle("")
        QDialog.reject(self)
