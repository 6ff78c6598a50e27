"""Text from the vault shows literally in every panel: never rendered as HTML anywhere.

A bundle can bring a person, event, document or note whose text is markup. Each place the
panels show such text — table cells, tooltips, labels, list items, window titles, message
boxes, the note view — must show the characters themselves.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import Qt, QTextDocument  # QtGui's Qt also has mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox

from satchel.core.dates import FuzzyDate
from satchel.core.model import Contact, ContactKind, NoteFormat, RoleKind
from satchel.gui.chronology.event_dialog import EventDialog
from satchel.gui.chronology.table import ChronologyModel, ChronologyPanel
from satchel.gui.documents.panel import DocumentsModel, DocumentsPanel
from satchel.gui.notes.panel import NotesPanel
from satchel.gui.people.dialog import PersonDialog
from satchel.gui.people.page import PeopleModel, PeoplePage

HOSTILE = '<img src=x><b>bold</b><a href="file:///etc/passwd">x</a>'
# A file name keeps only what follows the last "/" (the store takes it as a base name).
HOSTILE_FILE = "<img src=x onerror=alert(1)><b>bold<b>.txt"


def tooltip_reads_literally(tooltip: str, text: str = HOSTILE) -> bool:
    """What a user sees for a tooltip: Qt renders it as rich text when it looks like HTML."""
    if not Qt.mightBeRichText(tooltip):
        return text in tooltip
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return text in doc.toPlainText()


def literal_label(label: QLabel, text: str = HOSTILE) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText and text in label.text()


@pytest.fixture
def world(vault, tmp_path):
    """A case, person, event, document and note, each carrying the hostile text."""
    case = vault.cases.create(title=HOSTILE)
    person = vault.people.create(
        [HOSTILE, "Plain Alias"],
        citizenships=(HOSTILE,),
        contacts=(Contact(ContactKind.OTHER, HOSTILE, HOSTILE),),
        notes=HOSTILE,
    )
    vault.roles.create(case.id, person.id, RoleKind.CLIENT)
    event = vault.events.create(
        case.id,
        HOSTILE,
        date=FuzzyDate.parse("2025-08"),
        person_ids=(person.id,),
        description=HOSTILE,
        source=HOSTILE,
        source_quote=HOSTILE,
    )
    src = tmp_path / "file.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    doc = vault.documents.add(
        src, case_id=case.id, filename=HOSTILE_FILE, source=HOSTILE, event_ids=[event.id]
    )
    vault.notes.create(case.id, HOSTILE, author=HOSTILE, format=NoteFormat.MARKDOWN)
    return {"case": case, "person": person, "event": event, "doc": doc}


@pytest.fixture
def boxes(monkeypatch) -> list[QMessageBox]:
    """Every message box the panels open, answered with Cancel."""
    seen: list[QMessageBox] = []

    def record(self: QMessageBox) -> int:
        seen.append(self)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", record)
    return seen


def test_chronology_shows_hostile_text_literally(qtbot, vault, world, boxes):
    panel = ChronologyPanel(vault)
    qtbot.addWidget(panel)
    panel.set_case(world["case"].id)
    proxy = panel.proxy
    for column in (ChronologyModel.TITLE, ChronologyModel.PEOPLE, ChronologyModel.SOURCE):
        assert proxy.index(0, column).data() == HOSTILE
    for column in (ChronologyModel.TITLE, ChronologyModel.SOURCE):
        assert tooltip_reads_literally(proxy.index(0, column).data(Qt.ItemDataRole.ToolTipRole))

    panel.select_event(world["event"].id)
    with qtbot.waitSignal(panel.undoable) as offer:
        panel.delete_selected()
    assert boxes == []  # no question: the undo offer says it, as plain text
    assert HOSTILE in offer.args[0].done


def test_event_dialog_shows_hostile_text_literally(qtbot, vault, world):
    dialog = EventDialog(vault, world["case"].id, world["event"].id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    assert HOSTILE in dialog.windowTitle()
    assert dialog.title_edit.text() == HOSTILE
    assert dialog.people_list.item(0).text().startswith(HOSTILE)
    assert dialog.documents_list.item(0).text() == HOSTILE_FILE

    other = EventDialog(vault, world["case"].id)
    qtbot.addWidget(other, before_close_func=lambda d: d.clear())
    texts = [
        other.computed_from_combo.itemText(i) for i in range(other.computed_from_combo.count())
    ]
    assert any(t.endswith(HOSTILE) for t in texts)


def test_people_page_shows_hostile_text_literally(qtbot, vault, world, boxes):
    page = PeoplePage(vault)
    qtbot.addWidget(page)
    page.show_person(world["person"].id)
    row = page.model.row_of(world["person"].id)
    assert page.model.index(row, PeopleModel.NAME).data() == HOSTILE
    assert tooltip_reads_literally(
        page.model.index(row, PeopleModel.NAME).data(Qt.ItemDataRole.ToolTipRole)
    )

    view = page.view
    assert literal_label(view.title_label)
    assert literal_label(view.citizenships_value)
    assert literal_label(view.notes_value)
    assert view.names_table.item(0, 0).text() == HOSTILE
    assert tooltip_reads_literally(view.names_table.item(0, 0).toolTip())
    assert view.contacts_table.item(0, 2).text() == HOSTILE
    assert view.cases_table.item(0, 0).text() == HOSTILE

    dialog = PersonDialog(vault, world["person"].id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    assert HOSTILE in dialog.windowTitle()


def test_documents_panel_shows_hostile_text_literally(qtbot, vault, world, boxes):
    panel = DocumentsPanel(vault)
    qtbot.addWidget(panel, before_close_func=lambda w: w.clear())
    panel.set_case(world["case"].id)
    panel.select_document(world["doc"].id)
    name = panel.proxy.index(0, DocumentsModel.NAME)
    assert name.data() == HOSTILE_FILE
    assert tooltip_reads_literally(name.data(Qt.ItemDataRole.ToolTipRole), HOSTILE_FILE)
    assert panel.proxy.index(0, DocumentsModel.SOURCE).data() == HOSTILE
    assert literal_label(panel.provenance_value)
    assert literal_label(panel.events_value)

    panel.export_selected()
    assert len(boxes) == 1
    for box in boxes:
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert HOSTILE_FILE in box.text()

    viewer = panel.view_selected()
    assert viewer is not None
    assert viewer.windowTitle() == HOSTILE_FILE
    with qtbot.waitSignal(viewer.viewer.loaded, timeout=10_000, raising=False):
        pass
    viewer.clear()


def test_notes_panel_shows_hostile_text_literally(qtbot, vault, world):
    panel = NotesPanel(vault)
    qtbot.addWidget(panel)
    panel.set_case(world["case"].id)
    assert panel.list.item(0).text().endswith(HOSTILE)
    assert HOSTILE in panel.list.item(0).text().splitlines()[0]  # the author
    assert literal_label(panel.header_label)
    # A Markdown note: HTML is off, so the markup is text and no link or image exists.
    assert HOSTILE in panel.view.toPlainText()
    doc = panel.view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isAnchor() and not fmt.isImageFormat()
            it += 1
        block = block.next()


def _texts_held(root) -> list[str]:
    """Every string a widget tree holds where a user (or a screen reader) could see it."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        out += [w.toolTip(), w.windowTitle(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            out.append(w.toPlainText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            root_index = QModelIndex()
            try:
                columns = m.columnCount(root_index)
            except TypeError:  # a list widget's private model: one column
                columns = 1
            for r in range(m.rowCount(root_index)):
                for c in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = m.index(r, c).data(role)
                        if isinstance(value, str):
                            out.append(value)
    return out


def test_clear_leaves_no_vault_text_in_any_widget(qtbot, vault, world):
    case_id = world["case"].id
    chronology = ChronologyPanel(vault)
    notes = NotesPanel(vault)
    documents = DocumentsPanel(vault)
    people = PeoplePage(vault)
    for w in (chronology, notes, documents, people):
        qtbot.addWidget(w)
    chronology.set_case(case_id)
    chronology.select_event(world["event"].id)
    notes.set_case(case_id)
    documents.set_case(case_id)
    documents.select_document(world["doc"].id)
    people.show_person(world["person"].id)
    for w in (chronology, notes, documents, people):
        assert any("bold" in t for t in _texts_held(w)), type(w).__name__  # it did show it
        w.clear()
        held = [t for t in _texts_held(w) if "bold" in t]
        assert held == [], type(w).__name__
