"""Export reads documents ahead in a helper thread; it never outlives the export."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from lawyers import befriend, new_lawyer, sample_case

from satchel.bundle.export import export_bundle
from satchel.bundle.merge import apply_import, plan_import
from satchel.errors import Cancelled


def _readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "satchel-export-read"]


@pytest.fixture
def anna_and_boris(tmp_path: Path):
    anna = new_lawyer(tmp_path, "Anna Fictional")
    boris = new_lawyer(tmp_path, "Boris Fictional")
    befriend(anna, boris)
    yield anna, boris
    anna.vault.close()
    boris.vault.close()


def test_a_document_of_many_chunks_arrives_whole_and_no_reader_is_left(
    anna_and_boris, tmp_path
) -> None:
    anna, boris = anna_and_boris
    content = os.urandom(5 * 1024 * 1024 + 123)
    case, _p, _e, doc = sample_case(anna, document=content)
    bundle = tmp_path / "x.satchel"
    export_bundle(anna.vault, [case.id], bundle, to=anna.vault.colleagues.list())
    assert _readers() == []
    apply_import(boris.vault, plan_import(boris.vault, bundle), consent=True)
    with boris.vault.documents.open(doc.id) as fh:
        assert fh.read() == content


def test_a_cancelled_export_stops_its_reader_before_returning(anna_and_boris, tmp_path) -> None:
    anna, _ = anna_and_boris
    case, *_ = sample_case(anna, document=os.urandom(6 * 1024 * 1024))
    calls: list[int] = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        export_bundle(anna.vault, [case.id], tmp_path / "x.satchel",
                      to=anna.vault.colleagues.list(), cancel=cancel_midway)  # fmt: skip
    assert _readers() == []
    # The vault is usable at once: no thread is still reading from its connection.
    anna.vault.cases.update(case.id, summary="Still writable after the cancel")
