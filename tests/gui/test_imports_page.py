"""The Imports page over two real vaults: verify, preview, consent, import, conflicts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from shell_helpers import HOSTILE_TITLE, PASSPHRASE
from tests.kdf import FAST_KDF

from satchel.bundle.colleagues import add_colleague_from_card, mark_verified
from satchel.bundle.export import export_bundle
from satchel.core.conflicts import Resolution
from satchel.core.vault import Vault
from satchel.gui.exchange.imports import ImportsPage


@pytest.fixture
def anna(tmp_path: Path):
    v, _code = Vault.create(tmp_path / "anna", PASSPHRASE, kdf_params=FAST_KDF)
    v.identities.get("Anna Fictional")
    yield v
    v.close()


@pytest.fixture
def page(qtbot, vault: Vault) -> ImportsPage:
    vault.identities.get("Boris Fictional")
    widget = ImportsPage(vault)
    qtbot.addWidget(widget)
    return widget


def _bundle(anna: Vault, boris: Vault, path: Path, title: str = "Deportation of Oleg Fictional"):
    card = boris.identities.get().public().card()
    colleague = add_colleague_from_card(anna, card).colleague
    case = anna.cases.list()[0] if anna.cases.count() else anna.cases.create(title)
    if not anna.events.count():
        anna.events.create(case.id, "Decision of the migration service", "decision")
        anna.documents.add(io.BytesIO(b"%PDF-1.4 decision"), case_id=case.id, filename="d.pdf")
    return export_bundle(anna, [case.id], path, to=[colleague]).path, case


def _wait_idle(qtbot, page: ImportsPage) -> None:
    qtbot.waitUntil(lambda: page._job is None, timeout=20000)


def test_unknown_sender_needs_consent_then_imports(qtbot, page, anna, vault, tmp_path) -> None:
    path, case = _bundle(anna, vault, tmp_path / "a.satchel")
    page.inspect(path)
    _wait_idle(qtbot, page)
    assert page.preview is not None
    assert "UNKNOWN sender" in page.sender_label.text()
    assert "(you)" in page.details_label.text()
    assert page.consent_box.isVisible() or page.consent_box.isVisibleTo(page)
    assert not page.import_button.isEnabled()
    assert vault.cases.count() == 0  # nothing written by inspecting

    page.consent_box.setChecked(True)
    assert page.import_button.isEnabled()
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.start_import()
    assert vault.cases.get(case.id).title == case.title
    assert "Imported: 3 new" in page.status.text()


def test_verified_colleague_needs_no_consent(qtbot, page, anna, vault, tmp_path) -> None:
    colleague = add_colleague_from_card(vault, anna.identities.get().public().card())
    mark_verified(vault, colleague.colleague.id)
    path, _case = _bundle(anna, vault, tmp_path / "a.satchel")
    page.inspect(path)
    _wait_idle(qtbot, page)
    assert "verified colleague" in page.sender_label.text()
    assert page.import_button.isEnabled()


def test_tampered_bundle_shows_one_message_and_writes_nothing(
    qtbot, page, anna, vault, tmp_path
) -> None:
    path, _case = _bundle(anna, vault, tmp_path / "a.satchel")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    page.inspect(path)
    _wait_idle(qtbot, page)
    assert page.preview is None
    assert "Bundle rejected" in page.status.text()
    assert vault.cases.count() == 0


def test_conflict_is_reviewed_side_by_side_and_resolved(qtbot, page, anna, vault, tmp_path) -> None:
    path, case = _bundle(anna, vault, tmp_path / "1.satchel")
    page.inspect(path)
    _wait_idle(qtbot, page)
    page.consent_box.setChecked(True)
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.start_import()
    anna.cases.update(case.id, title=HOSTILE_TITLE)
    vault.cases.update(case.id, title="Boris's title")
    path2, _ = _bundle(anna, vault, tmp_path / "2.satchel")
    page.inspect(path2)
    _wait_idle(qtbot, page)
    page.consent_box.setChecked(True)
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.start_import()
    assert page.conflict_list.count() == 1
    page.conflict_list.setCurrentRow(0)
    cells = {
        page.side_by_side.item(r, 1).text(): (
            page.side_by_side.item(r, 2).text(),
            page.side_by_side.item(r, 3).text(),
        )
        for r in range(page.side_by_side.rowCount())
    }
    assert cells["title"] == ("Boris's title", HOSTILE_TITLE)
    for r in range(page.side_by_side.rowCount()):
        if page.side_by_side.item(r, 1).text() == "title":
            page.side_by_side.item(r, 0).setCheckState(Qt.CheckState.Checked)
    assert page.ticked_fields() == ["title"]
    page.resolve(Resolution.MERGED)
    assert vault.conflicts.count() == 0
    assert vault.cases.get(case.id).title == HOSTILE_TITLE


def test_clear_drops_the_preview_and_conflicts(qtbot, page, anna, vault, tmp_path) -> None:
    path, _case = _bundle(anna, vault, tmp_path / "a.satchel")
    page.inspect(path)
    _wait_idle(qtbot, page)
    page.clear()
    assert page.preview is None and page.preview_list.count() == 0
    assert page.sender_label.text() == "" and page.file_label.text() == ""


def test_lock_during_import_leaves_all_or_nothing(qtbot, page, anna, vault, tmp_path) -> None:
    case = anna.cases.create("Extradition of Pavel Fictional")
    anna.documents.add(io.BytesIO(bytes(24 * 1024 * 1024)), case_id=case.id, filename="big.pdf")
    path, _case = _bundle(anna, vault, tmp_path / "big.satchel")
    page.inspect(path)
    _wait_idle(qtbot, page)
    page.consent_box.setChecked(True)
    page.start_import()
    page.clear()  # what locking does: cancel, wait for the worker, drop what is shown
    assert page._job is None and page.preview is None
    imported = vault.cases.count()
    assert imported in (0, 1)
    assert vault.documents.count() == imported
    qtbot.wait(50)  # let the worker's queued signals arrive; nothing may be shown again
    assert page.preview_list.count() == 0 and page.status.text() == ""


def test_a_case_imported_from_the_main_window_is_in_the_cases_list_at_once(
    qtbot, anna, vault, tmp_path
) -> None:
    from satchel.gui.main_window import MainWindow

    vault.identities.get("Boris Fictional")
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.page("people")  # built: it must follow the import too
    path, _case = _bundle(anna, vault, tmp_path / "a.satchel", title="Asylum of Vera Fictional")
    imports = window.page("imports")
    assert isinstance(imports, ImportsPage)
    imports.inspect(path)
    _wait_idle(qtbot, imports)
    imports.consent_box.setChecked(True)
    with qtbot.waitSignal(imports.imported, timeout=20000):
        imports.start_import()
    window.show_page("cases")
    model = window.cases_page.model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Asylum of Vera Fictional" in titles
    window.close_without_lock()
