"""A case's shares, on its Overview: who it is shared with, last sent and last received, and
"Share this case with…" (a verified colleague only) and "Stop sharing".

Sharing writes nothing to disk by itself: the exchange folder's next pass, or the CLI's
`share send`, carries the changes. Colleagues' names come from outside and are shown as
plain text. No SQL here (bundle/shares.py and core/shares.py hold the rules and the rows).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satchel.bundle.shares import ShareView, resend_in_full, share_case, shares_of, unshare
from satchel.core.model import Colleague, Verification
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.common.plaintext import plain_label, plain_tooltip, set_plain_text
from satchel.gui.common.workers import user_message
from satchel.i18n import format_datetime

__all__ = ["CaseSharesBox", "ShareDialog"]

ID_ROLE = Qt.ItemDataRole.UserRole


class ShareDialog(QDialog):
    """Choose the verified colleague to share a case with."""

    def __init__(
        self, colleagues: list[Colleague], shared: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share this case with…"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The colleague gets the whole case once, then what changes, through the "
                "exchange folder (or `satchel share send`). Only colleagues whose fingerprint "
                "you compared can be chosen."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Colleagues"))
        for c in colleagues:
            if c.verification is Verification.VERIFIED and c.id not in shared:
                text = c.name
            elif c.id in shared:
                text = self.tr("{0} (already shared)").format(c.name)
            else:
                text = self.tr("{0} (fingerprint not verified)").format(c.name)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, c.id)
            if c.verification is not Verification.VERIFIED or c.id in shared:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.list.itemActivated.connect(lambda _i: self.accept() if self.chosen() else None)
        lay.addWidget(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Share"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._update()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return str(item.data(ID_ROLE))

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen() is not None)


class CaseSharesBox(QWidget):
    """Shared with: one line per colleague, with last sent and last received."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._case_id: str | None = None
        self._views: list[ShareView] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        head = QHBoxLayout()
        title = QLabel(self.tr("Shared with"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        head.addWidget(title)
        head.addStretch(1)
        self.share_button = QPushButton(self.tr("Share this case with…"), self)
        self.share_button.clicked.connect(self.share)
        head.addWidget(self.share_button)
        lay.addLayout(head)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Colleagues this case is shared with"))
        self.list.setMaximumHeight(90)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        lay.addWidget(self.list)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.resend_button = QPushButton(self.tr("Send everything again"), self)
        self.resend_button.setToolTip(
            self.tr("The next bundle to this colleague carries the whole case (a lost one).")
        )
        self.resend_button.clicked.connect(self.resend_current)
        actions.addWidget(self.resend_button)
        self.stop_button = QPushButton(self.tr("Stop sharing"), self)
        self.stop_button.clicked.connect(self.stop_current)
        actions.addWidget(self.stop_button)
        lay.addLayout(actions)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        self.status.setObjectName("muted")
        lay.addWidget(self.status)
        self._update()

    def describe(self, view: ShareView) -> str:
        never = self.tr("never")
        sent = view.share.last_sent_at
        received = view.share.last_received_at
        return self.tr("{0} — last sent {1}, last received {2}").format(
            view.colleague.name,
            format_datetime(sent) if sent else never,
            format_datetime(received) if received else never,
        )

    def set_case(self, case_id: str | None) -> None:
        self._case_id = case_id
        self.list.clear()
        set_plain_text(self.status, "")
        self._views = []
        if case_id is None or self._vault is None:
            self._update()
            return
        self._views = shares_of(self._vault, case_id)
        for view in self._views:
            text = self.describe(view)
            item = QListWidgetItem(text)
            item.setToolTip(plain_tooltip(text))
            self.list.addItem(item)
        if not self._views:
            item = QListWidgetItem(self.tr("Not shared with anyone."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self._update()

    def share(self) -> None:
        vault, case_id = self._vault, self._case_id
        if vault is None or case_id is None:
            return
        dialog = ShareDialog(vault.colleagues.list(), {v.colleague.id for v in self._views}, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None or self._vault is None:
            return
        try:
            share_case(self._vault, case_id, chosen)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
            return
        self.set_case(case_id)

    def stop_current(self) -> None:
        row = self.list.currentRow()
        if self._vault is None or not 0 <= row < len(self._views):
            return
        try:
            unshare(self._vault, self._views[row].share.id)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
            return
        self.set_case(self._case_id)

    def resend_current(self) -> None:
        row = self.list.currentRow()
        if self._vault is None or not 0 <= row < len(self._views):
            return
        try:
            resend_in_full(self._vault, self._views[row].share.id)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
            return
        set_plain_text(
            self.status,
            self.tr("The next bundle to {0} carries the whole case.").format(
                self._views[row].colleague.name
            ),
        )

    def _update(self) -> None:
        self.share_button.setEnabled(self._case_id is not None)
        chosen = 0 <= self.list.currentRow() < len(self._views)
        self.stop_button.setEnabled(chosen)
        self.resend_button.setEnabled(chosen)

    def clear(self) -> None:
        self.set_case(None)
        self._vault = None
