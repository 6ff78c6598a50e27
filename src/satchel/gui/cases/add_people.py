"""Adding people to a case without leaving it: find (in any spelling) or create, give a role.

`AddPeopleDialog` stays open while the lawyer adds one person after another: the search
box finds people by any name or spelling (the core's cross-script matching,
`vault.people.list(text=...)`, the same folding as every other filter); Enter adds the person
found with the role chosen beside the list, or, on "Create new person", opens the person
form with the typed name filled in and the cursor in it, and saving that form adds the new
person in the same role. The role list keeps its choice from one person to the next and
does not take the focus when clicked, so the typing goes on in the search box.

The event form reaches this dialog through `PeopleAdder`, which the case view hands down
(the chronology sits below the people feature and does not import it). Vault text is shown
as plain text only; every change goes through `vault.people` and `vault.roles`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.model import Role, RoleKind
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.common import icons
from satchel.gui.common.plaintext import plain_tooltip, set_plain_text
from satchel.gui.common.workers import user_message
from satchel.gui.people.dialog import PersonDialog
from satchel.labels import role_label

__all__ = ["AddPeopleDialog", "PeopleAdder", "name_as_typed"]

PERSON_ID = Qt.ItemDataRole.UserRole
_CREATE = "\x00create"  # the data of the "Create new person" row (no record id looks so)


def name_as_typed(text: str) -> str:
    """The name for a new person from what was typed into a search box.

    Spaces are tidied; a name typed all in lower case (as one types into a search box) gets
    capitals at the start of each word ("иван петров" → "Иван Петров"), anything else is
    kept as typed ("van der Berg", "McLeod").
    """
    words = text.split()
    if words and all(w == w.lower() for w in words):
        words = [w[:1].upper() + w[1:] for w in words]
    return " ".join(words)


class AddPeopleDialog(QDialog):
    """Find or create people and add each to the case in a role; stays open for the next."""

    person_added = Signal(str)  # the person's id, once their role is stored

    def __init__(
        self,
        vault: Vault,
        case_id: str,
        parent: QWidget | None = None,
        *,
        role: RoleKind = RoleKind.CLIENT,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case_id = case_id
        self.added: list[Role] = []
        self.person_form: PersonDialog | None = None
        self.setObjectName("AddPeopleDialog")
        self.setWindowTitle(self.tr("Add people to the case"))
        self.setMinimumSize(560, 440)

        self.find_label = QLabel(self.tr("&Find or create a person:"), self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Any name or spelling: Ivanov, Иванов…"))
        self.filter_edit.setAccessibleName(self.tr("Find or create a person"))
        self.filter_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.filter_edit)
        self.people = QListWidget(self)
        self.people.setAccessibleName(self.tr("People found"))
        self.role_label = QLabel(self.tr("&Role in the case:"), self)
        self.roles = QListWidget(self)
        self.roles.setAccessibleName(self.tr("Role in the case"))
        # A click picks the role and leaves the focus in the search box, where typing goes on.
        self.roles.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.role_label.setBuddy(self.roles)
        for kind in RoleKind:
            item = QListWidgetItem(role_label(kind), self.roles)
            item.setData(PERSON_ID, kind.value)
        self.set_role(role)
        self.note_label = QLabel(self.tr("&Note on the role:"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName(self.tr("Role note"))
        self.note_label.setBuddy(self.note_edit)
        self.added_label = QLabel(self)
        self.added_label.setObjectName("muted")
        self.added_label.setWordWrap(True)
        self.added_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        grid = QGridLayout()
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.role_label, 0, 1)
        grid.addWidget(self.filter_edit, 1, 0)
        grid.addWidget(self.people, 2, 0)
        grid.addWidget(self.roles, 1, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(2, 1)
        note_row = QGridLayout()
        note_row.addWidget(self.note_label, 0, 0)
        note_row.addWidget(self.note_edit, 0, 1)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("&Add"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        # Enter belongs to the search box (add or create), not to a default button.
        for button in (self.add_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        lay = QVBoxLayout(self)
        lay.addLayout(grid, 1)
        lay.addLayout(note_row)
        lay.addWidget(self.added_label)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        QWidget.setTabOrder(self.filter_edit, self.people)
        QWidget.setTabOrder(self.people, self.roles)
        QWidget.setTabOrder(self.roles, self.note_edit)

        self.filter_edit.textChanged.connect(self._fill)
        self.filter_edit.installEventFilter(self)
        self.people.itemActivated.connect(lambda _item: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        buttons.rejected.connect(self.reject)
        self._fill()
        self.filter_edit.setFocus()

    # -- what is shown ---------------------------------------------------------------------

    def role(self) -> RoleKind:
        item = self.roles.currentItem()
        return RoleKind(item.data(PERSON_ID)) if item is not None else RoleKind.OTHER

    def set_role(self, kind: RoleKind) -> None:
        self.roles.setCurrentRow(list(RoleKind).index(kind))

    def _fill(self) -> None:
        self.people.clear()
        self.error.hide()
        text = self.filter_edit.text().strip()
        in_case: dict[str, list[str]] = {}
        for role in self._vault.roles.list(case_id=self._case_id):
            in_case.setdefault(role.person_id, []).append(role_label(role.kind))
        for person in self._vault.people.list(text=text or None, limit=200):
            shown = person.primary_name
            if person.id in in_case:
                # Said, so that nobody is added twice by mistake (another role is fine).
                shown += "  " + self.tr("(in this case: %1)").replace(
                    "%1", ", ".join(in_case[person.id])
                )
            item = QListWidgetItem(shown, self.people)
            aliases = [n.text for n in person.names if not n.primary]
            if aliases:
                item.setToolTip(plain_tooltip(" · ".join(aliases)))
            item.setData(PERSON_ID, person.id)
        if text:
            create = QListWidgetItem(
                self.tr("Create new person “%1”…").replace("%1", name_as_typed(text)),
                self.people,
            )
            create.setData(PERSON_ID, _CREATE)
            create.setIcon(icons.icon("add"))
        # Enter in an empty box must not add whoever happens to be listed first.
        if text and self.people.count():
            self.people.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the search box walk the list below it, as in every search field.
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Taken here: passed on, the dialog would press the default button of
                # the person form it has just opened (a child of this dialog).
                self.add_current()
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.people.count():
                row = min(max(self.people.currentRow() + step, 0), self.people.count() - 1)
                self.people.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    # -- adding ----------------------------------------------------------------------------

    def add_current(self) -> None:
        """Add the person chosen in the list, or open the form for a new one."""
        item = self.people.currentItem()
        if item is None:
            self._show_error(self.tr("Type a name to find or create a person."))
            return
        person_id = item.data(PERSON_ID)
        if person_id == _CREATE:
            self.create_person(self.filter_edit.text())
        else:
            self._add(person_id)

    def create_person(self, typed: str) -> PersonDialog:
        """Open the person form with the typed name; saving it adds the person here."""
        form = PersonDialog(self._vault, None, self, name=name_as_typed(typed))
        form.person_saved.connect(self._add)
        form.finished.connect(lambda _result: self._form_closed(form))
        self.person_form = form
        form.open()
        return form

    def _form_closed(self, form: PersonDialog) -> None:
        if self.person_form is form:
            self.person_form = None
        self.filter_edit.setFocus()

    def _add(self, person_id: str) -> None:
        try:
            role = self._vault.roles.create(
                self._case_id, person_id, self.role(), note=self.note_edit.text().strip()
            )
            person = self._vault.people.get(person_id)
        except SatchelError as exc:
            self._show_error(user_message(exc))
            return
        self.added.append(role)
        lines = [
            self.tr("Added: %1 — %2")
            .replace("%1", person.primary_name)
            .replace("%2", role_label(role.kind))
        ]
        if len(self.added) > 1:
            lines.append(self.tr("%1 people added so far.").replace("%1", str(len(self.added))))
        set_plain_text(self.added_label, " ".join(lines))
        self.note_edit.clear()
        self.filter_edit.clear()
        self.filter_edit.setFocus()
        self.person_added.emit(person_id)

    def _show_error(self, text: str) -> None:
        set_plain_text(self.error, text)
        self.error.show()

    def clear(self) -> None:
        """Drop the vault text shown and close without asking (the lock calls this)."""
        if self.person_form is not None:
            self.person_form.clear()
        self.people.clear()
        self.filter_edit.clear()
        self.added_label.clear()
        QDialog.reject(self)


class PeopleAdder:
    """Opens `AddPeopleDialog` over a given window; handed to the event form.

    `adder(parent, case_id, on_added)` shows the dialog (window-modal, not blocking) and
    calls `on_added(person_id)` for each person added to the case.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def __call__(
        self, parent: QWidget, case_id: str, on_added: Callable[[str], None]
    ) -> AddPeopleDialog:
        dialog = AddPeopleDialog(self._vault, case_id, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.person_added.connect(on_added)
        dialog.open()
        return dialog
