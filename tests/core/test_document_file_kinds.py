"""The core's own file intake and export (used by the window's file dialogs) read only regular
files and replace only regular files."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from satchel.core.database import Database
from satchel.errors import FileProblem


@pytest.fixture
def case_id(db: Database) -> str:
    return db.cases.create("Detention review of K. Fictionov").id


def test_adding_a_named_pipe_is_refused_instead_of_waiting(
    db: Database, case_id: str, tmp_path: Path
) -> None:
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def add() -> None:
        try:
            db.documents.add(fifo, case_id=case_id, filename="scan.pdf")
            outcome.append(None)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=add, daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():
        # Unblock the stuck open so the thread can end, then fail.
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail("adding a named pipe blocked")
    assert isinstance(outcome[0], FileProblem)
    assert "named pipe" in str(outcome[0])


def test_export_copy_never_replaces_a_symbolic_link(
    db: Database, case_id: str, tmp_path: Path
) -> None:
    doc = db.documents.add(io.BytesIO(b"%PDF-1.4 decision"), case_id=case_id, filename="d.pdf")
    target = tmp_path / "precious.txt"
    target.write_bytes(b"mine")
    link = tmp_path / "copy.pdf"
    link.symlink_to(target)
    with pytest.raises(FileProblem, match="symbolic link"):
        db.documents.export_copy(doc.id, link)
    assert link.is_symlink() and target.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf", "precious.txt", "vault.db"]
