"""Notes of a case: dated, with author, plain or Markdown — and Markdown that reads no file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox

from satchel.core.model import NoteFormat
from satchel.gui.notes.panel import NoteDialog, NotesPanel, SafeNoteView


@pytest.fixture
def case_id(vault) -> str:
    return vault.cases.create(title="Detention review of C. Invented").id


@pytest.fixture
def panel(qtbot, vault) -> NotesPanel:
    widget = NotesPanel(vault)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    return widget


def red_png(path: Path) -> Path:
    """A real image on disk: if any code path loaded it, red pixels would show."""
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 0))
    assert image.save(str(path), "PNG")
    return path


def image_formats(doc: QTextDocument) -> list[str]:
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def has_red(image: QImage) -> bool:
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if c.red() > 200 and c.green() < 60 and c.blue() < 60:
                return True
    return False


def test_markdown_note_never_loads_a_local_file_it_names(qtbot, tmp_path):
    scan = red_png(tmp_path / "scan.png")
    url = QUrl.fromLocalFile(str(scan)).toString()
    body = (
        "# Visit\n\n"
        f"![]({url})\n\n"
        f"![scan]({url})\n\n"
        f"![scan]({scan})\n\n"
        f'<img src="{url}">\n\n'
        "[passwords](file:///etc/passwd)\n"
    )
    view = SafeNoteView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_note(body, NoteFormat.MARKDOWN)
    view.show()
    shot = view.grab().toImage()

    doc = view.document()
    assert image_formats(doc) == []  # every image became text; none can be laid out
    text = doc.toPlainText()
    assert f"[image: {url}]" in text
    assert f"[image: {scan}]" in text
    assert "<img" in text  # raw HTML is shown as the characters it is, not rendered
    assert not has_red(shot)

    # Asking the document for the resource goes through loadResource, which gives nothing
    # of the file: a blank 1x1 placeholder.
    for name in (url, str(scan)):
        res = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert res is None or (isinstance(res, QImage) and res.size().width() <= 1)
    assert view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None


def test_links_in_a_note_are_never_followed(qtbot):
    view = SafeNoteView()
    qtbot.addWidget(view)
    view.show_note("[click](file:///etc/passwd)", NoteFormat.MARKDOWN)
    assert not view.openLinks()
    assert not view.openExternalLinks()
    view.setSource(QUrl("file:///etc/passwd"))
    assert view.source().isEmpty()
    assert view.toPlainText() == "click"


def test_plain_note_shows_markdown_and_html_characters_literally(qtbot):
    view = SafeNoteView()
    qtbot.addWidget(view)
    body = "**not bold** <b>not bold</b>"
    view.show_note(body, NoteFormat.PLAIN)
    assert view.toPlainText() == body


def test_markdown_note_is_rendered(qtbot):
    view = SafeNoteView()
    qtbot.addWidget(view)
    view.show_note("# Heading\n\n- one\n- **two**", NoteFormat.MARKDOWN)
    assert view.toPlainText().splitlines()[0] == "Heading"
    assert "two" in view.toPlainText()
    assert "**" not in view.toPlainText()


def test_notes_are_listed_newest_first_with_author(panel, vault, case_id):
    vault.notes.create(
        case_id, "Older note", author="I. Lawyer", written=datetime(2025, 3, 1, 9, tzinfo=UTC)
    )
    vault.notes.create(
        case_id, "# Newer note\nbody", author="", written=datetime(2025, 4, 1, 9, tzinfo=UTC)
    )
    panel.set_case(case_id)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[0].endswith("\nNewer note")
    assert texts[1].endswith("· I. Lawyer\nOlder note")
    assert panel.view.toPlainText() == "# Newer note\nbody"  # a plain note stays plain


def test_writing_a_markdown_note_through_the_dialog(qtbot, vault, case_id):
    dialog = NoteDialog(vault, case_id, default_author="I. Lawyer")
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(NoteFormat.MARKDOWN.value))
    dialog.body_edit.setPlainText("Client says **no** contact since March.")
    dialog.tabs.setCurrentWidget(dialog.preview)
    assert dialog.preview.toPlainText() == "Client says no contact since March."
    assert dialog.save()
    (note,) = vault.notes.list(case_id=case_id)
    assert note.format is NoteFormat.MARKDOWN
    assert note.author == "I. Lawyer"
    assert note.body == "Client says **no** contact since March."


def test_empty_note_is_refused_next_to_the_text(qtbot, vault, case_id):
    dialog = NoteDialog(vault, case_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.show()
    dialog.body_edit.setPlainText("   \n")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.body_error.text() == "A note needs some text."
    assert vault.notes.count(case_id=case_id) == 0


def test_unsaved_note_asks_before_closing(qtbot, vault, case_id, monkeypatch):
    dialog = NoteDialog(vault, case_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.show()
    dialog.body_edit.setPlainText("Half a thought")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    assert vault.notes.count(case_id=case_id) == 0


def test_delete_moves_to_the_trash_and_offers_undo(qtbot, panel, vault, case_id):
    note = vault.notes.create(case_id, "To be deleted")
    panel.set_case(case_id)
    with qtbot.waitSignal(panel.undoable) as offer:
        panel.delete_selected()
    assert not vault.notes.exists(note.id)
    assert panel.list.count() == 0
    (item,) = offer.args
    assert "To be deleted" in item.done
    item.undo()
    assert vault.notes.exists(note.id)
    assert panel.list.count() == 1


def test_clear_leaves_no_note_text(panel, vault, case_id):
    vault.notes.create(case_id, "Confidential: the client's new address", author="I. Lawyer")
    panel.set_case(case_id)
    panel.clear()
    assert panel.list.count() == 0
    assert panel.view.toPlainText() == ""
    assert panel.header_label.text() == ""


def test_language_switch_after_the_vault_closed_touches_nothing(qtbot, panel, vault, case_id):
    from satchel import i18n

    vault.notes.create(case_id, "Confidential")
    panel.set_case(case_id)
    panel.show()
    vault.close()
    i18n.install_translations("ru")
    try:
        qtbot.waitUntil(lambda: panel.add_button.text() == "Новая заметка…", timeout=5_000)
        assert panel.list.count() == 0
    finally:
        i18n.install_translations("en")


def test_when_a_note_was_written_is_shown_with_the_month_in_words(qtbot, vault, case_id, russian):
    """Never the locale's numeric short form ("3/3/26"): the month in words, in Russian in
    the genitive ("3 марта 2026")."""
    import re

    from PySide6.QtCore import QDate, QDateTime, QTime

    dialog = NoteDialog(vault, case_id)
    qtbot.addWidget(dialog)
    dialog.written_edit.setDateTime(QDateTime(QDate(2026, 3, 3), QTime(10, 30)))
    shown = dialog.written_edit.text()
    assert shown == "3 марта 2026, 10:30"
    assert not re.search(r"\d+/\d+/\d+", shown)
