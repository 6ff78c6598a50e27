"""Documents: intake by dialog and drop (streamed, cancellable), hashes, viewing from memory."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

import pytest
from file_dialog_driver import answer_file_dialog
from PySide6.QtCore import QMarginsF, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QDialog, QMessageBox

from satchel.gui.documents.panel import DocumentsModel, DocumentsPanel, IntakeDialog
from satchel.gui.documents.viewer import DocumentViewer

MARKER = "SATCHEL-TEST-MARKER-5b1e"


@pytest.fixture
def case_id(vault) -> str:
    return vault.cases.create(title="Deportation of D. Madeup").id


@pytest.fixture
def panel(qtbot, vault, case_id) -> DocumentsPanel:
    widget = DocumentsPanel(vault)
    qtbot.addWidget(widget, before_close_func=lambda w: w.clear())
    widget.resize(1000, 500)
    widget.set_case(case_id)
    return widget


def wait_intake(qtbot, panel: DocumentsPanel, job) -> int:
    with qtbot.waitSignal(panel.intake_finished, timeout=30_000) as blocker:
        pass
    return blocker.args[0]


def add_and_wait(qtbot, panel: DocumentsPanel, paths, **kw) -> int:
    with qtbot.waitSignal(panel.intake_finished, timeout=30_000) as blocker:
        assert panel.add_files(paths, **kw) is not None
    return blocker.args[0]


def make_pdf(path: Path, pages: int = 2) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    for i in range(pages):
        if i:
            writer.newPage()
        painter.fillRect(0, 0, 2000, 2000, QColor(0, 0, 200))
        painter.drawText(QPointF(100, 3000), f"Page {i + 1}")
    painter.end()
    return path


def test_added_file_shows_name_size_hash_and_provenance(qtbot, panel, vault, case_id, tmp_path):
    src = tmp_path / "decision.txt"
    src.write_text("Extradition refused.\n", encoding="utf-8")
    assert add_and_wait(qtbot, panel, [src], source="Court registry, by e-mail") == 1

    (doc,) = vault.documents.list(case_id=case_id)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    assert doc.sha256 == digest
    row = [panel.proxy.index(0, c).data() for c in range(DocumentsModel.COLUMN_COUNT)]
    assert row[DocumentsModel.NAME] == "decision.txt"
    assert row[DocumentsModel.SHA256] == digest
    assert row[DocumentsModel.SOURCE] == "Court registry, by e-mail"
    assert row[DocumentsModel.SIZE] == "21 B"
    # The full hash is in a read-only, selectable field in a fixed-width font.
    assert panel.sha_field.text() == digest
    assert panel.sha_field.isReadOnly()
    assert panel.sha_field.font().fixedPitch() or panel.sha_field.font().styleHint() != 0


def test_dropped_files_are_added_after_asking_their_provenance(
    qtbot, panel, vault, case_id, tmp_path, monkeypatch
):
    a = tmp_path / "a.txt"
    a.write_text("first", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("second", encoding="utf-8")

    def accept_with_source(self: IntakeDialog) -> int:
        self.source_edit.setText("Handed over by the client")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IntakeDialog, "exec", accept_with_source)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(panel.intake_finished, timeout=30_000) as blocker:
        panel.dropEvent(event)
    assert blocker.args == [2]
    docs = vault.documents.list(case_id=case_id)
    assert sorted(d.filename for d in docs) == ["a.txt", "b.txt"]
    assert {d.source for d in docs} == {"Handed over by the client"}


@pytest.mark.slow
def test_cancelled_intake_keeps_nothing_of_that_file(qtbot, panel, vault, case_id, tmp_path):
    big = tmp_path / "scan.bin"
    with big.open("wb") as f:
        for _ in range(24):
            f.write(os.urandom(1024 * 1024))
    with qtbot.waitSignal(panel.intake_finished, timeout=60_000) as blocker:
        job = panel.add_files([big])
        assert job is not None
        panel.cancel_work()  # as the progress dialog's Cancel button does
    assert blocker.args == [-1]
    assert vault.documents.count(case_id=case_id) == 0
    assert "Cancelled" in panel.message_label.text()


def test_image_is_shown_from_memory(qtbot, vault, case_id, tmp_path):
    png = tmp_path / "photo.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 160, 0))
    image.save(str(png), "PNG")
    doc = vault.documents.add(png, case_id=case_id, filename="photo.png")

    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    viewer.resize(600, 400)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show_document(doc.id)
    shown = viewer.current_image()
    assert (shown.width(), shown.height()) == (120, 80)
    assert shown.pixelColor(60, 40) == QColor(0, 160, 0)


def test_pdf_pages_are_rendered_from_memory(qtbot, vault, case_id, tmp_path):
    pdf = make_pdf(tmp_path / "judgment.pdf", pages=3)
    doc = vault.documents.add(pdf, case_id=case_id, filename="judgment.pdf")
    assert doc.media_type == "application/pdf"

    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    viewer.resize(700, 600)
    viewer.show()
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show_document(doc.id)
    assert viewer.page_count() == 3
    page = viewer.current_image()
    assert not page.isNull()
    assert page.height() > page.width()  # A5 portrait
    blue = page.pixelColor(5, 5)
    assert blue.blue() > 150 and blue.red() < 60
    viewer.next_button.click()
    assert viewer.page_spin.value() == 2
    viewer.clear()
    assert viewer.current_image().isNull()
    assert viewer.page_count() == 0


def test_viewing_writes_no_decrypted_temp_file(qtbot, vault, case_id, tmp_path):
    src = tmp_path / "statement.txt"
    src.write_text(f"{MARKER}\n<b>not bold</b>\n", encoding="utf-8")
    doc = vault.documents.add(src, case_id=case_id, filename="statement.txt")
    src.unlink()  # from here on, the only plaintext copy would be one the viewer wrote
    started = time.time() - 1

    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show_document(doc.id)
    assert viewer.text_view.toPlainText() == f"{MARKER}\n<b>not bold</b>\n"

    places = {Path(tempfile.gettempdir()), Path(os.environ["HOME"]), tmp_path}
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        places.add(Path(runtime))
    leaked = []
    for place in places:
        for root, _dirs, names in os.walk(place):
            for name in names:
                p = Path(root, name)
                try:
                    if p.stat().st_mtime < started or p.stat().st_size > 1_000_000:
                        continue
                    if MARKER.encode() in p.read_bytes():
                        leaked.append(p)
                except OSError:
                    continue
    assert leaked == []


def test_export_copy_warns_first_then_writes_where_chosen(
    qtbot, panel, vault, case_id, tmp_path, monkeypatch
):
    src = tmp_path / "letter.pdf"
    make_pdf(src, pages=1)
    add_and_wait(qtbot, panel, [src])
    dest = tmp_path / "out" / "copy.pdf"
    dest.parent.mkdir()

    seen: list[str] = []

    def decline(self: QMessageBox) -> int:
        seen.append(self.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", decline)
    assert panel.export_selected() is None
    assert seen == ["The copy of “letter.pdf” will NOT be encrypted."]
    assert not dest.exists()

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)
    seen = answer_file_dialog(dest)
    with qtbot.waitSignal(panel.export_finished, timeout=30_000) as blocker:
        assert panel.export_selected() is not None
    assert seen.answered and not seen.native
    assert blocker.args == [str(dest)]
    assert dest.read_bytes() == src.read_bytes()


def test_delete_key_moves_to_the_trash_and_undo_brings_the_file_back(
    qtbot, panel, vault, case_id, tmp_path
):
    src = tmp_path / "x.txt"
    src.write_text("x", encoding="utf-8")
    add_and_wait(qtbot, panel, [src])
    panel.show()
    panel.table.setFocus()
    with qtbot.waitSignal(panel.undoable) as offer:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert vault.documents.count(case_id=case_id) == 0
    (item,) = offer.args
    item.undo()
    [doc] = vault.documents.list(case_id=case_id)
    assert vault.documents.read_all(doc.id, 10) == b"x"


def test_documents_of_a_person(qtbot, vault, tmp_path):
    person = vault.people.create(["Эльвира Придуманная"])
    src = tmp_path / "passport.txt"
    src.write_text("scan", encoding="utf-8")
    widget = DocumentsPanel(vault)
    qtbot.addWidget(widget, before_close_func=lambda w: w.clear())
    widget.set_person(person.id)
    with qtbot.waitSignal(widget.intake_finished, timeout=30_000):
        widget.add_files([src])
    (doc,) = vault.documents.list(person_id=person.id)
    assert doc.case_id is None
    assert widget.model.rowCount() == 1


def test_clear_drops_every_document_detail(qtbot, panel, tmp_path):
    src = tmp_path / "secret.txt"
    src.write_text("secret", encoding="utf-8")
    add_and_wait(qtbot, panel, [src], source="Source K.")
    assert panel.provenance_value.text() == "Source K."
    panel.clear()
    assert panel.model.rowCount() == 0
    assert panel.sha_field.text() == ""
    assert panel.provenance_value.text() == ""


def test_add_files_through_the_file_dialog(qtbot, panel, vault, case_id, tmp_path, monkeypatch):
    src = tmp_path / "appeal.txt"
    src.write_text("Appeal lodged.", encoding="utf-8")
    monkeypatch.setattr(IntakeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    seen = answer_file_dialog(src)
    with qtbot.waitSignal(panel.intake_finished, timeout=30_000) as blocker:
        panel.add_button.click()
    assert blocker.args == [1]
    assert seen.title == "Add documents" and not seen.native
    assert [d.filename for d in vault.documents.list(case_id=case_id)] == ["appeal.txt"]


def test_a_kind_of_file_the_viewer_cannot_show_is_explained(qtbot, vault, case_id, tmp_path):
    src = tmp_path / "call.ogg"
    src.write_bytes(b"OggS" + bytes(64))
    doc = vault.documents.add(src, case_id=case_id, filename="call.ogg")
    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    assert viewer.show_document(doc.id) is None  # nothing is even read
    assert "cannot be shown inside Satchel" in viewer.message_label.text()


def test_a_file_too_large_to_view_is_not_loaded(qtbot, vault, case_id, tmp_path, monkeypatch):
    import satchel.gui.documents.viewer as document_viewer

    monkeypatch.setattr(document_viewer, "MAX_VIEW_BYTES", 10)
    src = tmp_path / "long.txt"
    src.write_text("x" * 100, encoding="utf-8")
    doc = vault.documents.add(src, case_id=case_id, filename="long.txt")
    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    assert viewer.show_document(doc.id) is None
    assert "too large" in viewer.message_label.text()
    assert viewer.text_view.toPlainText() == ""


# -- hostile documents (found by fuzzing, proof 12: tools/proof/fuzz.py) ----------------------


def _pdf(pages: list[bytes]) -> bytes:
    """A PDF whose page objects are `pages` (dictionaries, written as given)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(len(pages)))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)))
    objects += pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _view(qtbot, vault, case_id, tmp_path, name: str, data: bytes) -> DocumentViewer:
    src = tmp_path / name
    src.write_bytes(data)
    doc = vault.documents.add(src, case_id=case_id, filename=name)
    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    viewer.resize(700, 600)
    viewer.show()
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show_document(doc.id)
    return viewer


def test_a_pdf_page_that_cannot_be_loaded_is_explained_and_other_pages_still_show(
    qtbot, vault, case_id, tmp_path
):
    # Page 1 is not a page at all: PDFium opens the file but cannot load that page. The
    # viewer raised PdfiumError out of its render step instead.
    data = _pdf([b"<< /Type /Font >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] >>"])
    viewer = _view(qtbot, vault, case_id, tmp_path, "damaged.pdf", data)
    assert viewer.page_count() == 2
    assert "Page 1 of this PDF could not be shown" in viewer.image_label.text()
    assert viewer.current_image().isNull()
    viewer.next_button.click()
    assert viewer.page_spin.value() == 2
    assert not viewer.current_image().isNull()


def test_a_pdf_page_of_absurd_proportions_renders_within_the_pixel_cap(
    qtbot, vault, case_id, tmp_path
):
    from satchel.gui.documents.viewer import MAX_PAGE_PIXELS

    # 1 point wide, 14,400 tall (PDF's largest): fitted to the width that would be
    # gigabytes of bitmap.
    data = _pdf([b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 14400] >>"])
    viewer = _view(qtbot, vault, case_id, tmp_path, "tall.pdf", data)
    page = viewer.current_image()
    assert not page.isNull()
    assert page.width() * page.height() <= MAX_PAGE_PIXELS


def test_a_tiff_document_is_decoded_without_killing_the_client(tmp_path):
    # decode_image let its buffer die before its reader: Qt's TIFF plugin then closed its
    # libtiff handle over freed memory, and every TIFF document crashed the client with a
    # segmentation fault. In a child process, so a regression fails this test, not the suite.
    import subprocess
    import sys

    script = (
        "from PySide6.QtCore import QBuffer, QIODevice\n"
        "from PySide6.QtGui import QColor, QImage\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from satchel.gui.documents.viewer import decode_image\n"
        "app = QApplication([])\n"
        "image = QImage(24, 16, QImage.Format.Format_ARGB32)\n"
        "image.fill(QColor(30, 90, 160, 200))\n"
        "buffer = QBuffer()\n"
        "buffer.open(QIODevice.OpenModeFlag.WriteOnly)\n"
        "assert image.save(buffer, 'TIFF')\n"
        "data = bytes(buffer.data().data())\n"
        "for _ in range(20):\n"
        "    shown = decode_image(data)\n"
        "    assert (shown.width(), shown.height()) == (24, 16)\n"
        "print('decoded')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "decoded"
