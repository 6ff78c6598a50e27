"""A document shown in the viewer never makes Satchel open another file.

An attack delivered, through a bundle, an SVG whose `<image href>` pointed at a local PNG,
at file:///etc/passwd and at a named pipe: QtSvg followed the first two and hung the window
for good on the third. Whatever the document says it is (image/svg+xml, or image/png with
SVG bytes inside, which Qt's format sniffing would hand to the SVG plugin), the viewer must
finish promptly and open nothing outside the vault. Watched two ways: inotify sees every
open of the secret PNG, and a writer blocked on the named pipe wakes if anyone opens it to
read.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QColor, QImage

from satchel.gui.documents.viewer import DocumentViewer

IN_OPEN = 0x20
IN_NONBLOCK = 0o4000


class OpenWatch:
    """Counts opens of one file with inotify (Linux)."""

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self.fd = libc.inotify_init1(IN_NONBLOCK)
        assert self.fd >= 0
        assert libc.inotify_add_watch(self.fd, str(path).encode(), IN_OPEN) >= 0

    def opens(self) -> int:
        count = 0
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return 0
        while data:
            _wd, mask, _cookie, length = struct.unpack_from("iIII", data)
            count += bool(mask & IN_OPEN)
            data = data[16 + length :]
        return count

    def close(self) -> None:
        os.close(self.fd)


class FifoWatch:
    """A writer blocked on a named pipe: it wakes (and says so) if anyone opens it to read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        os.mkfifo(path)
        self.opened = threading.Event()
        self._thread = threading.Thread(target=self._wait, daemon=True)
        self._thread.start()

    def _wait(self) -> None:
        fd = os.open(self.path, os.O_WRONLY)  # blocks until a reader opens the pipe
        if not self._stopping:
            self.opened.set()
        os.close(fd)

    _stopping = False

    def stop(self) -> None:
        self._stopping = True
        # Open the read end ourselves so the writer's open returns and the thread ends.
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        self._thread.join(5)
        os.close(fd)


def _png(path: Path) -> None:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 0, 0))
    image.save(str(path), "PNG")


def _svg(*hrefs: str) -> bytes:
    images = "".join(
        f'<image x="0" y="0" width="40" height="40" href="{h}" xlink:href="{h}"/>' for h in hrefs
    )
    return (
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" width="80" height="80">'
        f'<rect width="80" height="80" fill="#0a0"/>{images}</svg>'
    ).encode()


@pytest.fixture
def case_id(vault) -> str:
    return vault.cases.create(title="Asylum appeal of V. Inventova").id


@pytest.mark.parametrize(
    ("filename", "media_type"),
    [("plan.svg", "image/svg+xml"), ("photo.png", "image/png"), ("scan.jpg", "image/jpeg")],
)
def test_an_image_referring_to_local_files_opens_none_of_them(
    qtbot, vault, case_id, tmp_path, filename, media_type
) -> None:
    secret = tmp_path / "outside" / "secret.png"
    secret.parent.mkdir()
    _png(secret)
    fifo = tmp_path / "outside" / "pipe.png"
    watch, pipe = OpenWatch(secret), FifoWatch(fifo)
    try:
        data = _svg(secret.as_uri(), str(secret), fifo.as_uri(), "file:///etc/passwd")
        src = tmp_path / filename
        src.write_bytes(data)
        doc = vault.documents.add(src, case_id=case_id, filename=filename, media_type=media_type)
        viewer = DocumentViewer(vault)
        qtbot.addWidget(viewer)
        viewer.resize(400, 300)
        finished: list[str] = []
        viewer.loaded.connect(finished.append)
        viewer.failed.connect(finished.append)
        viewer.show_document(doc.id)
        qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
        qtbot.wait(50)
        assert not pipe.opened.is_set(), "the viewer opened the named pipe"
        assert watch.opens() == 0, "the viewer opened a local file named by the document"
    finally:
        pipe.stop()
        watch.close()


def test_an_svg_document_is_shown_as_its_text_not_rendered(qtbot, vault, case_id, tmp_path):
    src = tmp_path / "plan.svg"
    src.write_bytes(_svg("file:///etc/passwd"))
    doc = vault.documents.add(src, case_id=case_id, filename="plan.svg")
    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show_document(doc.id)
    assert viewer.current_image().isNull()
    assert "file:///etc/passwd" in viewer.text_view.toPlainText()


def test_a_png_still_shows_whatever_its_name(qtbot, vault, case_id, tmp_path):
    buf = QBuffer()
    buf.open(QBuffer.OpenModeFlag.WriteOnly)
    image = QImage(30, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 200))
    image.save(buf, "PNG")
    src = tmp_path / "photo.jpg"  # a PNG misnamed as a JPEG: still a picture
    src.write_bytes(bytes(QByteArray(buf.data())))
    doc = vault.documents.add(src, case_id=case_id, filename="photo.jpg", media_type="image/jpeg")
    viewer = DocumentViewer(vault)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show_document(doc.id)
    assert viewer.current_image().size().toTuple() == (30, 20)
