"""The Colleagues page over real vaults: my card and QR, adding, verifying, key changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from satchel.core.model import Verification
from satchel.core.vault import Vault
from satchel.crypto.identity import Identity
from satchel.gui.exchange.colleagues import AddColleagueDialog, ColleaguesPage, VerifyDialog


@pytest.fixture
def page(qtbot, vault: Vault) -> ColleaguesPage:
    vault.identities.get("Anna Fictional")
    widget = ColleaguesPage(vault)
    qtbot.addWidget(widget)
    return widget


def test_my_card_fingerprint_and_qr_are_shown(page: ColleaguesPage, vault: Vault) -> None:
    pub = vault.identities.get().public()
    assert page.card_view.toPlainText() == pub.card()
    assert page.my_fingerprint.text().replace(" ", "").replace("\n", "") == pub.fingerprint
    assert not page.qr_label.pixmap().isNull()


def test_adding_a_card_shows_an_unverified_colleague(page: ColleaguesPage) -> None:
    boris = Identity.generate("Boris Fictional").public()
    page.add_card(boris.card())
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Boris Fictional"
    assert page.table.item(0, 1).text() == "not verified"


def test_verify_dialog_needs_the_match_confirmed(qtbot, page: ColleaguesPage, vault) -> None:
    page.add_card(Identity.generate("Boris Fictional").public().card())
    colleague = vault.colleagues.list()[0]
    dialog = VerifyDialog(colleague, page)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.ok_button.isEnabled()


def test_a_new_key_for_a_known_colleague_is_flagged(page: ColleaguesPage, vault, qtbot) -> None:
    page.add_card(Identity.generate("Boris Fictional").public().card())
    page.add_card(Identity.generate("Boris Fictional").public().card())
    (boris,) = vault.colleagues.list()
    assert boris.verification is Verification.KEY_CHANGED
    page.select(boris.id)
    assert "Previous fingerprint" in page.detail.text()
    assert page.table.item(0, 1).text() == "KEY CHANGED"


def test_add_dialog_refuses_a_damaged_card(qtbot, tmp_path: Path) -> None:
    dialog = AddColleagueDialog()
    qtbot.addWidget(dialog)
    card = Identity.generate("Boris Fictional").public().card()
    dialog.card_edit.setPlainText(card.replace("Boris", "Borys"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "check line" in dialog.status.text()
    path = tmp_path / "card.txt"
    path.write_text(card)
    dialog.load_file(path)
    assert ok.isEnabled()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_rich_text_in_a_colleague_name_is_shown_literally(page: ColleaguesPage, vault) -> None:
    page.add_card(Identity.generate("<b>Boris</b> <img src=x>").public().card())
    page.select(vault.colleagues.list()[0].id)
    assert page.table.item(0, 0).text() == "<b>Boris</b> <img src=x>"
    assert page.detail.textFormat().name == "PlainText"


def test_clear_drops_everything(page: ColleaguesPage) -> None:
    page.add_card(Identity.generate("Boris Fictional").public().card())
    page.clear()
    assert page.table.rowCount() == 0
    assert page.card_view.toPlainText() == "" and page.my_fingerprint.text() == ""


def test_send_dialog_reviews_and_writes_a_bundle(qtbot, page, vault, tmp_path) -> None:
    from satchel.gui.exchange.export_dialog import ExportDialog

    page.add_card(Identity.generate("Boris Fictional").public().card())
    case = vault.cases.create("Asylum of Lena Fictional")
    vault.documents.add(io.BytesIO(b"scan"), case_id=case.id, filename="interview.jpg")
    boris = vault.colleagues.list()[0]
    dialog = ExportDialog(vault, case_ids=[case.id], colleague_ids=[boris.id])
    qtbot.addWidget(dialog)
    review = dialog.review_text.toPlainText()
    assert "1 case(s)" in review and "interview.jpg" in review
    assert "(not verified)" in dialog.colleague_list.item(0).text()
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    dialog.file_edit.setText(str(outbox / "out.satchel"))
    dialog.write()
    qtbot.waitUntil(lambda: dialog.exported is not None or "rejected" in dialog.status.text(),
                    timeout=20000)  # fmt: skip
    assert [p.name for p in outbox.iterdir()] == ["out.satchel"]


def test_send_dialog_passphrase_mode_shows_a_strong_passphrase(qtbot, page, vault) -> None:
    from satchel.gui.exchange.export_dialog import ExportDialog

    vault.cases.create("Asylum of Lena Fictional")
    dialog = ExportDialog(vault)
    qtbot.addWidget(dialog)
    assert not dialog.write_button.isEnabled()  # no case chosen yet
    dialog.case_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.to_passphrase.setChecked(True)
    assert dialog.write_button.isEnabled()
    assert len(dialog.passphrase_edit.text()) >= 30


def test_page_speaks_russian(qtbot, vault: Vault, russian: None) -> None:
    widget = ColleaguesPage(vault)
    qtbot.addWidget(widget)
    assert widget.add_button.text() == "Добавить по карточке…"


def test_copied_one_time_passphrase_is_kept_out_of_clipboard_history(qtbot, vault) -> None:
    from PySide6.QtGui import QGuiApplication

    from satchel.gui.exchange.export_dialog import ExportDialog
    from satchel.gui.lock.clipboard import PASSWORD_MANAGER_HINT, clear_if_ours

    vault.cases.create("Asylum of Lena Fictional")
    dialog = ExportDialog(vault)
    qtbot.addWidget(dialog)
    dialog.to_passphrase.setChecked(True)
    dialog.copy_passphrase_button.click()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == dialog.passphrase_edit.text()
    assert mime.hasFormat(PASSWORD_MANAGER_HINT)
    assert clear_if_ours()  # and the lock (or the timer) takes it away again
    assert QGuiApplication.clipboard().text() == ""
