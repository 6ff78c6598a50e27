"""The Colleagues page: my card (text, QR code, fingerprint) and the colleagues I trust.

A colleague is added by pasting their card or loading it from a file, and becomes verified
only in the fingerprint comparison dialog, where the user confirms that all 60 digits were
read aloud and matched. A key change is shown in the list, never hidden. Every name and
card shown here comes from outside and is displayed as plain text. This module holds no SQL
and writes nothing but a card (public) to a file the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.bundle.colleagues import (
    AddOutcome,
    add_colleague_from_card,
    colleague_identity,
    mark_verified,
    validate_card_text,
)
from satchel.core.model import Colleague, Verification
from satchel.core.names import NameFilter
from satchel.core.vault import Vault
from satchel.crypto.fingerprint import format_fingerprint
from satchel.errors import SatchelError
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.file_dialogs import choose_open_file, choose_save_file
from satchel.gui.common.plaintext import plain_label, plain_message, set_plain_text
from satchel.gui.common.workers import user_message
from satchel.userfiles import atomic_output, read_text_file

__all__ = ["AddColleagueDialog", "ColleaguesPage", "VerifyDialog", "card_pixmap"]

_MAX_CARD_FILE = 64 * 1024


def card_pixmap(card: str, scale: int = 4) -> QPixmap:
    """The card as a QR code, rendered in memory (never via a temp file)."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(card, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


def _mono() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class AddColleagueDialog(QDialog):
    """Paste a card or load it from a file; shows its name and fingerprint before adding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a colleague"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(self.tr("Paste the card your colleague sent you, or load it from a file."))
        )
        self.card_edit = QPlainTextEdit(self)
        self.card_edit.setAccessibleName(self.tr("Card text"))
        self.card_edit.setPlaceholderText("SATCHEL-CARD-1 …")
        self.card_edit.setFont(_mono())
        self.card_edit.textChanged.connect(self._check)
        lay.addWidget(self.card_edit)
        load = QPushButton(self.tr("Load from file…"), self)
        load.clicked.connect(self._load)
        lay.addWidget(load, 0, Qt.AlignmentFlag.AlignLeft)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name for this colleague"))
        self.name_edit.setPlaceholderText(self.tr("Name (from the card unless you change it)"))
        lay.addWidget(self.name_edit)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._check()

    def _load(self) -> None:
        path = choose_open_file(self, self.tr("Open a card"))
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        try:
            # A regular file only: a FIFO picked in the dialog would hang the window.
            self.card_edit.setPlainText(read_text_file(path, _MAX_CARD_FILE, "card"))
        except (OSError, SatchelError):
            set_plain_text(self.status, self.tr("This file does not hold a card."))

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        text = self.card_edit.toPlainText()
        if not text.strip():
            set_plain_text(self.status, "")
            ok.setEnabled(False)
            return
        try:
            card = validate_card_text(text)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
            ok.setEnabled(False)
            return
        if not self.name_edit.text():
            self.name_edit.setPlaceholderText(card.name)
        set_plain_text(
            self.status,
            self.tr("Card of {0}. Fingerprint:\n{1}").format(
                card.name, format_fingerprint(card.fingerprint, per_line=6)
            ),
        )
        ok.setEnabled(True)

    def card_text(self) -> str:
        return self.card_edit.toPlainText()

    def chosen_name(self) -> str | None:
        return self.name_edit.text().strip() or None

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts)."""
        return DraftSubject("colleague-card", None, {}, self.name_edit.text().strip())


class VerifyDialog(QDialog):
    """Compare a colleague's fingerprint aloud; OK only after the user confirms the match."""

    def __init__(self, colleague: Colleague, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a colleague"))
        lay = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "Call {0} or meet them, and ask them to read their fingerprint from their "
                "Satchel (Colleagues page, My card). Compare all 12 groups below. Do not use "
                "the channel the card came through."
            ).format(colleague.name),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        digits = plain_label(
            format_fingerprint(colleague_identity(colleague).fingerprint, per_line=4), self
        )
        font = _mono()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        digits.setFont(font)
        digits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        digits.setAccessibleName(self.tr("Fingerprint"))
        lay.addWidget(digits, 0, Qt.AlignmentFlag.AlignHCenter)
        self.confirm = QCheckBox(self.tr("All 60 digits match what my colleague read to me"), self)
        lay.addWidget(self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark verified"))
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class ColleaguesPage(QWidget):
    """My card and the list of colleagues; the panel contract: clear(), open_record."""

    open_record = Signal(str, str)
    colleagues_changed = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._colleagues: list[Colleague] = []
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Colleagues"), self)
        title.setObjectName("pageTitle")
        lay.addWidget(title)

        mine = QGroupBox(self.tr("My card"), self)
        mine_lay = QHBoxLayout(mine)
        left = QVBoxLayout()
        self.my_name = plain_label("", mine)
        self.my_name.setObjectName("heading")
        left.addWidget(self.my_name)
        left.addWidget(QLabel(self.tr("Fingerprint (read it aloud to colleagues):"), mine))
        self.my_fingerprint = plain_label("", mine)
        self.my_fingerprint.setFont(_mono())
        self.my_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.my_fingerprint.setAccessibleName(self.tr("My fingerprint"))
        left.addWidget(self.my_fingerprint)
        self.card_view = QPlainTextEdit(mine)
        self.card_view.setReadOnly(True)
        self.card_view.setFont(_mono())
        self.card_view.setAccessibleName(self.tr("My card"))
        self.card_view.setMaximumHeight(110)
        left.addWidget(self.card_view)
        row = QHBoxLayout()
        self.copy_card_button = QPushButton(self.tr("Copy card"), mine)
        self.copy_card_button.clicked.connect(self.copy_card)
        self.save_card_button = QPushButton(self.tr("Save card…"), mine)
        self.save_card_button.clicked.connect(self._save_card)
        self.rename_me_button = QPushButton(self.tr("Change my name…"), mine)
        self.rename_me_button.clicked.connect(self._rename_me)
        for b in (self.copy_card_button, self.save_card_button, self.rename_me_button):
            row.addWidget(b)
        row.addStretch(1)
        left.addLayout(row)
        mine_lay.addLayout(left, 1)
        self.qr_label = QLabel(mine)
        self.qr_label.setAccessibleName(self.tr("My card as a QR code"))
        mine_lay.addWidget(self.qr_label)
        lay.addWidget(mine)

        theirs = QGroupBox(self.tr("Colleagues"), self)
        theirs_lay = QVBoxLayout(theirs)
        self.filter_edit = QLineEdit(theirs)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, in any spelling"))
        self.filter_edit.setAccessibleName(self.tr("Filter colleagues"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.refresh)
        theirs_lay.addWidget(self.filter_edit)
        self.table = QTableWidget(0, 3, theirs)
        self.empty_state = show_when_empty(
            self.table,
            self.tr(
                "No colleagues yet. Add one from the card they send you (Add from card…), "
                "then check the fingerprint with them by voice before you send them a case."
            ),
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("State"), self.tr("Fingerprint")]
        )
        self.table.setAccessibleName(self.tr("Colleagues"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        theirs_lay.addWidget(self.table)
        self.detail = plain_label("", theirs)
        self.detail.setWordWrap(True)
        theirs_lay.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add from card…"), theirs)
        self.add_button.clicked.connect(self.add_colleague)
        self.verify_button = QPushButton(self.tr("Verify…"), theirs)
        self.verify_button.clicked.connect(self._verify)
        self.rename_button = QPushButton(self.tr("Rename…"), theirs)
        self.rename_button.clicked.connect(self._rename)
        self.remove_button = QPushButton(self.tr("Remove…"), theirs)
        self.remove_button.clicked.connect(self._remove)
        self.send_button = QPushButton(self.tr("Send cases…"), theirs)
        self.send_button.setToolTip(self.tr("Write an encrypted bundle of cases for colleagues"))
        self.send_button.clicked.connect(self._send)
        for b in (
            self.add_button,
            self.verify_button,
            self.rename_button,
            self.remove_button,
            self.send_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        theirs_lay.addLayout(buttons)
        lay.addWidget(theirs, 1)
        self.refresh()

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload my card and the colleagues from the vault."""
        if self.vault is None or getattr(self.vault, "closed", False):
            return
        pub = self.vault.identities.get().public()
        set_plain_text(self.my_name, pub.name)
        set_plain_text(self.my_fingerprint, format_fingerprint(pub.fingerprint, per_line=6))
        self.card_view.setPlainText(pub.card())
        self.qr_label.setPixmap(card_pixmap(pub.card()))
        # The same name matching as every other list: `Yemelyanova` finds `Емельянова`.
        wanted = NameFilter(self.filter_edit.text())
        self._colleagues = [c for c in self.vault.colleagues.list() if wanted.matches(c.name)]
        self.table.setRowCount(len(self._colleagues))
        for row, c in enumerate(self._colleagues):
            fp = format_fingerprint(colleague_identity(c).fingerprint)
            cells = (c.name, self._state_text(c.verification), fp)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)  # table items are plain text
                if col == 1 and c.verification is not Verification.VERIFIED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
        self._update_buttons()

    def _state_text(self, state: Verification) -> str:
        return {
            Verification.VERIFIED: self.tr("verified"),
            Verification.UNVERIFIED: self.tr("not verified"),
            Verification.KEY_CHANGED: self.tr("KEY CHANGED"),
        }[state]

    def clear(self) -> None:
        """Drop everything shown from the vault (on lock)."""
        self._colleagues = []
        self.table.setRowCount(0)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.card_view.clear()
        self.qr_label.clear()
        for label in (self.my_name, self.my_fingerprint, self.detail):
            set_plain_text(label, "")

    def selected(self) -> Colleague | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self._colleagues[rows[0].row()]

    def select(self, colleague_id: str) -> None:
        if self.filter_edit.text() and all(c.id != colleague_id for c in self._colleagues):
            self.filter_edit.clear()  # shows every colleague again (refresh)
        for row, c in enumerate(self._colleagues):
            if c.id == colleague_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        c = self.selected()
        for b in (self.verify_button, self.rename_button, self.remove_button):
            b.setEnabled(c is not None)
        if c is None:
            set_plain_text(self.detail, "")
            return
        text = self.tr("{0}: {1}").format(c.name, self._state_text(c.verification))
        if c.verification is Verification.KEY_CHANGED and c.previous_fingerprint:
            text += "\n" + self.tr(
                "Their keys changed. Previous fingerprint:\n{0}\nVerify the new one before "
                "trusting bundles from them."
            ).format(format_fingerprint(c.previous_fingerprint))
        set_plain_text(self.detail, text)

    # -- actions ----------------------------------------------------------------------------

    def copy_card(self) -> None:
        QGuiApplication.clipboard().setText(self.card_view.toPlainText())

    def _save_card(self) -> None:
        path = choose_save_file(
            self,
            self.tr("Save my card"),
            Path.home() / "satchel-card.txt",
            self.tr("Text files (*.txt)"),
        )
        if path is not None:
            try:
                # The dialog asked before replacing a file; never replace a link or a device.
                with atomic_output(path, force=True) as out:
                    out.write(self.card_view.toPlainText().encode("utf-8"))
            except SatchelError as exc:
                self._error(user_message(exc))

    def _rename_me(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("My name"), self.tr("Name on my card:"), text=self.my_name.text()
        )
        if ok:
            self._run(lambda: self.vault.identities.rename(name))

    def add_card(self, text: str, name: str | None = None) -> None:
        """Add the colleague of a card (what the Add dialog does once accepted)."""
        try:
            result = add_colleague_from_card(self.vault, text, name)
        except SatchelError as exc:
            self._error(user_message(exc))
            return
        self.refresh()
        self.select(result.colleague.id)
        self.colleagues_changed.emit()
        if result.outcome is AddOutcome.KEY_CHANGED:
            plain_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Keys changed"),
                self.tr(
                    "The card of {0} carries DIFFERENT keys from the ones you had. Until you "
                    "verify the new fingerprint, bundles from them are not trusted."
                ).format(result.colleague.name),
            ).open()

    def add_colleague(self) -> None:
        dialog = AddColleagueDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_card(dialog.card_text(), dialog.chosen_name())

    def _verify(self) -> None:
        c = self.selected()
        if c is None:
            return
        if VerifyDialog(c, self).exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: mark_verified(self.vault, c.id))

    def _rename(self) -> None:
        c = self.selected()
        if c is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename colleague"), self.tr("Name:"), text=c.name
        )
        if ok:
            self._run(lambda: self.vault.colleagues.update(c.id, name=name))

    def _remove(self) -> None:
        c = self.selected()
        if c is None:
            return
        box = plain_message(
            self,
            QMessageBox.Icon.Question,
            self.tr("Remove colleague"),
            self.tr("Remove {0}? Bundles from them will then show as from an unknown sender.")
            .format(c.name),
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
        )  # fmt: skip
        if box.exec() == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.vault.colleagues.delete(c.id))

    def _send(self) -> None:
        from satchel.gui.exchange.export_dialog import ExportDialog

        c = self.selected()
        ExportDialog(self.vault, colleague_ids=[c.id] if c else [], parent=self).open()

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except SatchelError as exc:
            self._error(user_message(exc))
        self.refresh()
        self.colleagues_changed.emit()

    def _error(self, text: str) -> None:
        plain_message(self, QMessageBox.Icon.Warning, self.tr("Colleagues"), text).open()
