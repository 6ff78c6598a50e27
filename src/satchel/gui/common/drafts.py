"""Drafts of open forms: what a form is editing, its typed values, and putting them back.

A lock closes every form (DESIGN §6); what was typed and not saved must not be lost with it.
A form joins by implementing the small `DraftForm` protocol: `draft_subject()` says what it
edits (a kind, the record id or None for a new one, the ids it was opened with, a few words
for the offer after unlock). Its field values are read and written by `read_fields` /
`write_fields`, which walk the form's input widgets and key each by the form's attribute
name for it (`title_edit`, `date_edit.kind_combo`), so a new field joins without code; a form
whose fields need more (a table with a combo in each row) defines `draft_fields()` and
`restore_draft_fields(values)` itself, or a composite widget `draft_value()` /
`set_draft_value(value)`.

`DraftKeeper` watches every window that appears: it notes a form's values when it is first
shown (so a draft is kept only when something was typed), collects drafts at lock, and fills
a form reopened after unlock with its draft.

Never read here: a password field (echo mode other than Normal) or a read-only field (a
generated one-time passphrase). This module keeps nothing on disk; the session stores the
drafts inside the vault (satchel.core.drafts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

__all__ = [
    "DraftForm",
    "DraftKeeper",
    "DraftSubject",
    "FormDraft",
    "apply_fields",
    "read_fields",
    "write_fields",
]

ID_ROLE = Qt.ItemDataRole.UserRole
# The format of `FormDraft.to_dict`; a draft of another format is offered for discard only.
DRAFT_FORMAT = 1


@dataclass(frozen=True, slots=True)
class DraftSubject:
    """What a form edits: enough to reopen it after unlock, and to name it in the offer."""

    kind: str  # "event", "note", "person", "case", ... (satchel.gui.draft_offer reopens each)
    record_id: str | None = None  # None: a new record
    scope: Mapping[str, str] = field(default_factory=dict)  # ids it was opened with
    label: str = ""  # the record's title as the form shows it (vault text: plain only)
    stamp: str = ""  # the record's `updated_at` as loaded: a later one means it changed

    def same_form(self, other: DraftSubject) -> bool:
        return (
            self.kind == other.kind
            and self.record_id == other.record_id
            and dict(self.scope) == dict(other.scope)
        )


@runtime_checkable
class DraftForm(Protocol):
    """A window that holds typed input worth keeping across a lock."""

    def draft_subject(self) -> DraftSubject:
        """What the form edits (called at lock and when a form is shown)."""


@dataclass(slots=True)
class FormDraft:
    """One form's draft: its subject, field values, and where the cursor was."""

    subject: DraftSubject
    fields: dict[str, Any]
    focus: str | None = None
    cursor: int | None = None
    kept_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        s = self.subject
        return {
            "format": DRAFT_FORMAT,
            "kind": s.kind,
            "record_id": s.record_id,
            "scope": dict(s.scope),
            "label": s.label,
            "stamp": s.stamp,
            "fields": self.fields,
            "focus": self.focus,
            "cursor": self.cursor,
            "kept_at": self.kept_at or datetime.now(UTC).isoformat(timespec="seconds"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FormDraft | None:
        """A draft as stored, or None when it is of another format or damaged."""
        try:
            if data.get("format") != DRAFT_FORMAT:
                return None
            scope = data.get("scope") or {}
            record_id = data.get("record_id")
            fields = data.get("fields")
            if not isinstance(scope, dict) or not isinstance(fields, dict):
                return None
            cursor = data.get("cursor")
            focus = data.get("focus")
            return cls(
                subject=DraftSubject(
                    kind=str(data["kind"]),
                    record_id=None if record_id is None else str(record_id),
                    scope={str(k): str(v) for k, v in scope.items()},
                    label=str(data.get("label", "")),
                    stamp=str(data.get("stamp", "")),
                ),
                fields=fields,
                focus=None if focus is None else str(focus),
                cursor=cursor if isinstance(cursor, int) else None,
                kept_at=str(data.get("kept_at", "")),
            )
        except (KeyError, TypeError, ValueError):
            return None


# -- reading and writing a form's fields ------------------------------------------------------

_INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QCheckBox,
    QRadioButton,
    QListWidget,
    QTableWidget,
)


def _attribute_names(root: QWidget) -> dict[int, str]:
    """id(widget) -> the dotted attribute path by which the form names it."""
    names: dict[int, str] = {}

    def visit(obj: object, prefix: str, depth: int) -> None:
        try:
            attributes = list(vars(obj).items())
        except TypeError:
            return
        for attr, value in attributes:
            if not isinstance(value, QWidget) or id(value) in names or value is root:
                continue
            if not root.isAncestorOf(value):
                continue
            names[id(value)] = prefix + attr
            if depth < 3:
                visit(value, f"{prefix}{attr}.", depth + 1)

    visit(root, "", 0)
    return names


def _segment(widget: QWidget) -> str:
    parent = widget.parentWidget()
    cls = type(widget).__name__
    if parent is None:
        return cls
    same = [
        c
        for c in parent.children()
        if isinstance(c, QWidget) and type(c) is type(widget) and not c.isWindow()
    ]
    return f"{cls}#{same.index(widget)}"


def _key(widget: QWidget, root: QWidget, names: Mapping[int, str]) -> str:
    parts: list[str] = []
    w: QWidget | None = widget
    while w is not None and w is not root:
        named = names.get(id(w))
        if named is not None:
            parts.append(named)
            break
        parts.append(_segment(w))
        w = w.parentWidget()
    return "/".join(reversed(parts))


def _inside_input(widget: QWidget, root: QWidget, taken: set[int]) -> bool:
    w = widget.parentWidget()
    while w is not None and w is not root:
        if id(w) in taken:
            return True
        w = w.parentWidget()
    return False


def _input_widgets(root: QWidget) -> list[tuple[str, QWidget]]:
    """Every input of the form with its key, outermost first, in creation order."""
    names = _attribute_names(root)
    taken: set[int] = set()
    found: list[tuple[str, QWidget]] = []
    for w in root.findChildren(QWidget):
        if w.isWindow() or _inside_input(w, root, taken):
            continue
        custom = callable(getattr(w, "draft_value", None))
        if not custom and not isinstance(w, _INPUTS):
            continue
        taken.add(id(w))
        if not custom and not _holds_typed_input(w):
            continue
        found.append((_key(w, root, names), w))
    return found


def _holds_typed_input(w: QWidget) -> bool:
    if isinstance(w, QLineEdit):
        # A password never leaves its field; a read-only field is not typed input (the
        # export's generated one-time passphrase is one).
        return w.echoMode() == QLineEdit.EchoMode.Normal and not w.isReadOnly()
    if isinstance(w, QPlainTextEdit | QTextEdit):
        return not w.isReadOnly()
    if isinstance(w, QAbstractSpinBox):
        return not w.isReadOnly()
    if isinstance(w, QListWidget):
        return (
            any(w.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable for i in range(w.count()))
            or w.selectionMode() != QListWidget.SelectionMode.NoSelection
        )
    return True


def _item_key(item: Any) -> str:
    data = item.data(ID_ROLE)
    return str(data) if data is not None else str(item.text())


def _json(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else None


def _read(w: QWidget) -> Any:
    custom = getattr(w, "draft_value", None)
    if callable(custom):
        return custom()
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit | QTextEdit):
        return w.toPlainText()  # never rich text: a draft is what was typed
    if isinstance(w, QComboBox):
        if w.isEditable():
            return {"text": w.currentText()}
        return {"index": w.currentIndex(), "data": _json(w.currentData())}
    if isinstance(w, QDateEdit):
        return w.date().toString(Qt.DateFormat.ISODate)
    if isinstance(w, QDateTimeEdit):
        return w.dateTime().toString(Qt.DateFormat.ISODateWithMs)
    if isinstance(w, QSpinBox | QDoubleSpinBox):
        return w.value()
    if isinstance(w, QAbstractButton):
        return w.isChecked()
    if isinstance(w, QListWidget):
        items = [w.item(i) for i in range(w.count())]
        return {
            "checked": [_item_key(it) for it in items if it.checkState() == Qt.CheckState.Checked],
            "selected": [_item_key(it) for it in w.selectedItems()],
        }
    if isinstance(w, QTableWidget):
        rows: list[list[Any]] = []
        for r in range(w.rowCount()):
            rows.append([_read_cell(w, r, c) for c in range(w.columnCount())])
        return {"rows": rows}
    return None


def _write(w: QWidget, value: Any) -> None:
    custom = getattr(w, "set_draft_value", None)
    if callable(custom):
        custom(value)
    elif isinstance(w, QLineEdit) and isinstance(value, str):
        if w.text() != value:
            w.setText(value)
    elif isinstance(w, QPlainTextEdit | QTextEdit) and isinstance(value, str):
        if w.toPlainText() != value:
            w.setPlainText(value)
    elif isinstance(w, QComboBox) and isinstance(value, dict):
        if w.isEditable() and isinstance(value.get("text"), str):
            w.setCurrentText(value["text"])
            return
        index = w.findData(value["data"]) if value.get("data") is not None else -1
        if index < 0 and isinstance(value.get("index"), int) and value["index"] < w.count():
            index = value["index"]
        if index >= 0:
            w.setCurrentIndex(index)
    elif isinstance(w, QDateEdit) and isinstance(value, str):
        day = QDate.fromString(value, Qt.DateFormat.ISODate)
        if day.isValid():
            w.setDate(day)
    elif isinstance(w, QDateTimeEdit) and isinstance(value, str):
        moment = QDateTime.fromString(value, Qt.DateFormat.ISODateWithMs)
        if moment.isValid():
            w.setDateTime(moment)
    elif isinstance(w, QSpinBox) and isinstance(value, int):
        w.setValue(value)
    elif isinstance(w, QDoubleSpinBox) and isinstance(value, int | float):
        w.setValue(float(value))
    elif isinstance(w, QAbstractButton) and isinstance(value, bool):
        w.setChecked(value)
    elif isinstance(w, QListWidget) and isinstance(value, dict):
        checked = set(value.get("checked") or [])
        selected = set(value.get("selected") or [])
        for i in range(w.count()):
            item = w.item(i)
            key = _item_key(item)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                state = Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
            item.setSelected(key in selected)
    elif isinstance(w, QTableWidget) and isinstance(value, dict):
        rows = value.get("rows") or []
        if w.rowCount() != len(rows):
            w.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[: w.columnCount()]):
                _write_cell(w, r, c, cell)


def _read_cell(table: QTableWidget, row: int, col: int) -> Any:
    widget = table.cellWidget(row, col)
    if isinstance(widget, QComboBox):
        return {"combo": _json(widget.currentData()), "index": widget.currentIndex()}
    item = table.item(row, col)
    if item is None:
        return None
    cell: dict[str, Any] = {"text": item.text()}
    if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
        cell["checked"] = item.checkState() == Qt.CheckState.Checked
    return cell


def _write_cell(table: QTableWidget, row: int, col: int, cell: Any) -> None:
    if not isinstance(cell, dict):
        return
    widget = table.cellWidget(row, col)
    if isinstance(widget, QComboBox):
        _write(widget, {"data": cell.get("combo"), "index": cell.get("index")})
        return
    text = cell.get("text")
    item = table.item(row, col)
    if item is None and isinstance(text, str):
        item = QTableWidgetItem(text)
        table.setItem(row, col, item)
    if item is None:
        return
    if isinstance(text, str) and item.text() != text:
        item.setText(text)
    checked = cell.get("checked")
    if isinstance(checked, bool):
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if item.checkState() != state:
            item.setCheckState(state)


def read_fields(form: QWidget) -> dict[str, Any]:
    """The form's typed values by key (a form's own `draft_fields()` wins)."""
    own = getattr(form, "draft_fields", None)
    if callable(own):
        return dict(own())
    return {key: _read(w) for key, w in _input_widgets(form)}


def write_fields(form: QWidget, values: Mapping[str, Any]) -> None:
    """Put `values` back into the form's fields; unknown keys are ignored.

    Written twice: a field's signals may refill another (the event type shows the deadline
    fields, choosing the source event fills its period), and the second pass sets what the
    first pass's later fields changed back.
    """
    own = getattr(form, "restore_draft_fields", None)
    if callable(own):
        own(values)
        return
    apply_fields(form, values)


def apply_fields(form: QWidget, values: Mapping[str, Any]) -> None:
    """`write_fields` without the form's own override (which may call this)."""
    for _ in range(2):
        for key, w in _input_widgets(form):
            if key in values:
                _write(w, values[key])


def typed_input_keys(form: QWidget) -> list[str]:
    """The keys of the fields a user can type or choose in (tests walk every form with it)."""
    return [key for key, _w in _input_widgets(form)]


def _focus_of(form: QWidget, inputs: list[tuple[str, QWidget]]) -> tuple[str | None, int | None]:
    focus = form.focusWidget()
    if focus is None or not form.isAncestorOf(focus):
        return None, None
    for key, w in inputs:
        if w is focus or w.isAncestorOf(focus):
            if isinstance(w, QLineEdit):
                return key, w.cursorPosition()
            if isinstance(w, QPlainTextEdit | QTextEdit):
                return key, w.textCursor().position()
            return key, None
    return None, None


def _put_focus(form: QWidget, key: str | None, cursor: int | None) -> None:
    if key is None:
        return
    for k, w in _input_widgets(form):
        if k != key:
            continue
        w.setFocus(Qt.FocusReason.OtherFocusReason)
        if cursor is None:
            return
        if isinstance(w, QLineEdit):
            w.setCursorPosition(min(cursor, len(w.text())))
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            text_cursor = w.textCursor()
            text_cursor.setPosition(min(cursor, len(w.toPlainText())))
            text_cursor.clearSelection()
            w.setTextCursor(text_cursor)
            w.moveCursor(QTextCursor.MoveOperation.NoMove)
        return


# -- the keeper -------------------------------------------------------------------------------

_BASELINE = "_draft_baseline"


@dataclass(slots=True)
class _Expected:
    subject: DraftSubject
    draft: FormDraft
    restored: Callable[[QWidget], None]


class DraftKeeper(QObject):
    """Notes each form's values when it first shows; collects drafts; refills reopened forms.

    Installed on the application by the session, so it sees every window, whoever opens it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._expected: list[_Expected] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._expected.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and isinstance(watched, DraftForm)
        ):
            self._shown(watched)
        return False

    def _shown(self, form: QWidget) -> None:
        if getattr(form, _BASELINE, None) is None:
            setattr(form, _BASELINE, read_fields(form))
        if not self._expected:
            return
        try:
            subject = form.draft_subject()  # type: ignore[attr-defined]
        except Exception:  # a form that cannot say what it edits takes no draft
            return
        for expected in self._expected:
            if expected.subject.same_form(subject):
                self._expected.remove(expected)
                # After the show has run its course: the form's own showEvent may set
                # focus or sizes, and a modal exec() loop must be running.
                QTimer.singleShot(0, form, lambda e=expected: self._fill(form, e))
                return

    def _fill(self, form: QWidget, expected: _Expected) -> None:
        write_fields(form, expected.draft.fields)
        _put_focus(form, expected.draft.focus, expected.draft.cursor)
        expected.restored(form)

    def expect(
        self, subject: DraftSubject, draft: FormDraft, restored: Callable[[QWidget], None]
    ) -> object:
        """Fill the next form shown for `subject` with `draft`, then call `restored(form)`.

        Returns a handle for `is_pending` / `forget`."""
        expected = _Expected(subject, draft, restored)
        self._expected.append(expected)
        return expected

    def is_pending(self, handle: object) -> bool:
        """True while no form for the handle's subject has been shown."""
        return any(e is handle for e in self._expected)

    def forget(self, handle: object) -> None:
        self._expected = [e for e in self._expected if e is not handle]

    def forget_expected(self) -> None:
        self._expected.clear()

    def collect(self, windows: Iterable[QWidget]) -> list[FormDraft]:
        """The drafts of every form among `windows` whose values changed since it showed.

        Runs in the lock sequence right after the windows are hidden: it reads widgets
        only, nothing touches the vault here (the session stores the drafts once background
        work has stopped).
        """
        drafts: list[FormDraft] = []
        self._expected.clear()
        for w in windows:
            if not isinstance(w, DraftForm):
                continue
            # One walk of the form's widgets for its values and its focus: this runs in the
            # lock, before the database closes.
            inputs = _input_widgets(w)
            own = getattr(w, "draft_fields", None)
            fields = dict(own()) if callable(own) else {k: _read(i) for k, i in inputs}
            baseline = getattr(w, _BASELINE, None)
            dirty = getattr(w, "is_dirty", None)
            changed = fields != baseline or (callable(dirty) and bool(dirty()))
            if not changed:
                continue
            focus, cursor = _focus_of(w, inputs)
            drafts.append(FormDraft(w.draft_subject(), fields, focus, cursor))
        return drafts
