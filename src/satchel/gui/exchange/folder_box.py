"""The exchange folder on the Imports page: where it is, its options, and what waits there.

The folder is chosen with Qt's own dialog (no history kept); automatic import and the days
own outgoing bundles are kept are vault settings (bundle/exchange.py). The waiting bundles
are listed by sender and why they wait; a bundle from someone who is not a verified
colleague shows only what its signed header says until the user accepts it. Every name comes
from outside and is shown as plain text. No SQL here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satchel.bundle import exchange
from satchel.bundle.exchange import SyncReport
from satchel.core.exchange_files import ExchangeFile, FileState
from satchel.core.vault import Vault
from satchel.crypto.fingerprint import format_fingerprint
from satchel.errors import SatchelError
from satchel.gui.common.empty_state import show_when_empty
from satchel.gui.common.file_dialogs import choose_folder
from satchel.gui.common.plaintext import plain_label, plain_message, set_plain_text
from satchel.gui.common.workers import user_message
from satchel.gui.exchange.driver import ExchangeDriver

__all__ = ["ExchangeFolderBox"]

NAME_ROLE = Qt.ItemDataRole.UserRole


class ExchangeFolderBox(QGroupBox):
    """The folder, its options, "Sync now", and the bundles waiting in it."""

    open_waiting = Signal(object)  # the ExchangeFile the user chose to verify and preview
    changed = Signal()  # something was imported or dismissed

    def __init__(
        self, vault: Vault, driver: ExchangeDriver | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Exchange folder"), parent)
        self.vault: Vault | None = vault
        self.driver = driver
        self._rows: list[ExchangeFile] = []
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A folder that Syncthing, Nextcloud, a network share or a USB stick keeps in "
                "common with colleagues. While Satchel is unlocked it writes the changes of "
                "shared cases there and picks up bundles addressed to you."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.path_label = plain_label("", self)
        self.path_label.setWordWrap(True)
        row.addWidget(self.path_label, 1)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        self.none_button = QPushButton(self.tr("Stop using it"), self)
        self.none_button.clicked.connect(lambda: self.set_folder(None))
        row.addWidget(self.none_button)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.sync_button)
        lay.addLayout(row)
        opts = QHBoxLayout()
        self.auto_box = QCheckBox(
            self.tr("Import bundles from verified colleagues by themselves when they hold no "
                    "conflict"),
            self,
        )  # fmt: skip
        self.auto_box.toggled.connect(self._auto_toggled)
        lay.addWidget(self.auto_box)
        opts.addWidget(QLabel(self.tr("Remove my bundles after"), self))
        self.days_box = QSpinBox(self)
        self.days_box.setRange(1, exchange.MAX_KEEP_DAYS)
        self.days_box.setSuffix(self.tr(" days"))
        self.days_box.valueChanged.connect(self._days_changed)
        opts.addWidget(self.days_box)
        opts.addStretch(1)
        lay.addLayout(opts)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.waiting_list = QListWidget(self)
        self.waiting_list.setAccessibleName(self.tr("Bundles waiting in the exchange folder"))
        self.waiting_list.setMaximumHeight(120)
        show_when_empty(self.waiting_list, self.tr("Nothing waits in the exchange folder."))
        self.waiting_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.waiting_list.itemActivated.connect(lambda _i: self.open_current())
        lay.addWidget(self.waiting_list)
        brow = QHBoxLayout()
        brow.addStretch(1)
        self.open_button = QPushButton(self.tr("Verify and preview…"), self)
        self.open_button.clicked.connect(self.open_current)
        brow.addWidget(self.open_button)
        self.dismiss_button = QPushButton(self.tr("Remove without importing"), self)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        brow.addWidget(self.dismiss_button)
        lay.addLayout(brow)
        if driver is not None:
            driver.synced.connect(self._synced)
            driver.failed.connect(self._failed)
            driver.running_changed.connect(lambda _on: self._update_buttons())
        self.refresh()

    # -- settings -------------------------------------------------------------------------

    def refresh(self) -> None:
        vault = self.vault
        if vault is None or vault.closed:
            return
        settings = exchange.exchange_settings(vault)
        set_plain_text(
            self.path_label,
            str(settings.folder) if settings.folder else self.tr("No exchange folder is set."),
        )
        for box, value in ((self.auto_box, settings.auto_import),):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self.days_box.blockSignals(True)
        self.days_box.setValue(settings.keep_days)
        self.days_box.blockSignals(False)
        self._rows = exchange.waiting(vault)
        self.waiting_list.clear()
        for f in self._rows:
            item = QListWidgetItem(self.describe(f))
            item.setData(NAME_ROLE, f.name)
            self.waiting_list.addItem(item)
        self._update_buttons()

    def describe(self, f: ExchangeFile) -> str:
        why = {
            FileState.NEEDS_CONSENT: {
                "unverified": self.tr("a colleague whose fingerprint you have not verified"),
                "key_changed": self.tr("a colleague whose key changed"),
                "unknown": self.tr("an unknown sender"),
                "verified": self.tr("not signed for you"),
            }.get(f.detail, f.detail),
            FileState.PENDING: {
                "conflicts": self.tr("holds conflicts"),
                "travel": self.tr("brings a case that is not on this computer (travel mode)"),
            }.get(f.detail, self.tr("automatic import is off")),
            FileState.REJECTED: self.tr("damaged or altered: it cannot be imported"),
        }.get(f.state, "")
        sender = f.sender_name or self.tr("unknown")
        return self.tr("From {0} — {1}").format(sender, why)

    def choose(self) -> None:
        path = choose_folder(self, self.tr("Choose the exchange folder"))
        if path is not None:
            self.set_folder(str(path))

    def set_folder(self, path: str | None) -> None:
        if self.vault is None:
            return
        try:
            exchange.set_exchange_folder(self.vault, path)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
            return
        set_plain_text(self.status, "")
        self.refresh()
        if path is not None and self.driver is not None:
            self.driver.sync_now()

    def _auto_toggled(self, on: bool) -> None:
        if self.vault is not None:
            exchange.set_auto_import(self.vault, on)

    def _days_changed(self, days: int) -> None:
        if self.vault is not None:
            exchange.set_keep_days(self.vault, days)

    def sync_now(self) -> None:
        if self.driver is not None and self.driver.sync_now() is not None:
            set_plain_text(self.status, self.tr("Looking at the exchange folder…"))
            self._update_buttons()

    # -- passes ---------------------------------------------------------------------------

    def _synced(self, report: SyncReport) -> None:
        if self.vault is None:
            return
        parts = []
        if report.sent:
            parts.append(self.tr("{0} sent").format(len(report.sent)))
        if report.imported:
            parts.append(self.tr("{0} imported").format(len(report.imported)))
        if report.waiting:
            parts.append(self.tr("{0} waiting").format(len(report.waiting)))
        if report.rejected:
            parts.append(self.tr("{0} rejected").format(len(report.rejected)))
        if report.unsettled:
            parts.append(self.tr("{0} still being written").format(report.unsettled))
        set_plain_text(
            self.status,
            self.tr("Last pass: {0}.").format(", ".join(parts))
            if parts
            else self.tr("Last pass: nothing to send or take in."),
        )
        self.refresh()
        if report.imported:
            self.changed.emit()

    def _failed(self, message: str) -> None:
        set_plain_text(self.status, message)

    # -- waiting bundles ------------------------------------------------------------------

    def current(self) -> ExchangeFile | None:
        row = self.waiting_list.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def open_current(self) -> None:
        f = self.current()
        if f is None or f.state is FileState.REJECTED:
            return
        if f.state is FileState.NEEDS_CONSENT:
            # Only the signed header was read; reading on is the user's decision.
            text = self.tr(
                "This bundle is from {0}, who is not a verified colleague.\n\nFingerprint:\n{1}"
                "\n\nCompare the fingerprint with the sender by phone or in person before "
                "opening it. Verify and preview it now? Nothing is imported yet."
            ).format(f.sender_name, format_fingerprint(f.sender_fingerprint))
            box = plain_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Sender not verified"),
                text,
                buttons=QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                default=QMessageBox.StandardButton.Cancel,
            )
            if box.exec() != QMessageBox.StandardButton.Open:
                return
        self.open_waiting.emit(f)

    def dismiss_current(self) -> None:
        f = self.current()
        if f is None or self.vault is None:
            return
        try:
            exchange.dismiss(self.vault, f.name)
        except SatchelError as exc:
            set_plain_text(self.status, user_message(exc))
        self.refresh()
        self.changed.emit()

    def _update_buttons(self) -> None:
        has_folder = self.vault is not None and not self.vault.closed and bool(
            exchange.exchange_settings(self.vault).folder
        )  # fmt: skip
        busy = self.driver is not None and self.driver.running
        self.sync_button.setEnabled(has_folder and self.driver is not None and not busy)
        self.none_button.setEnabled(has_folder)
        f = self.current()
        self.open_button.setEnabled(f is not None and f.state is not FileState.REJECTED)
        self.dismiss_button.setEnabled(f is not None)

    def clear(self) -> None:
        self.vault = None
        self._rows = []
        self.waiting_list.clear()
        set_plain_text(self.path_label, "")
        set_plain_text(self.status, "")
