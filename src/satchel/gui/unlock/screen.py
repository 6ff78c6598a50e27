"""The unlock screen: choose a vault, type the passphrase (or the recovery code), unlock.

Key derivation takes about a second on purpose, so it runs in a worker with a busy
indicator. A wrong passphrase is said in the window itself, and the field keeps the focus
with its text selected so the lawyer can simply type again. This screen shows no vault
data (nothing is readable before unlock) and never stores the passphrase anywhere: the
field keeps it out of Qt's strings (common/secret_field.py), the unlock job gets a copy it
overwrites when done, and the field is emptied on success and whenever the screen is reset.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satchel.core.paths import default_vault_dir, locations
from satchel.core.vault import Vault
from satchel.crypto.secret import SecretText
from satchel.errors import WrongPassphrase
from satchel.gui.common import icons
from satchel.gui.common.file_dialogs import choose_folder
from satchel.gui.common.plaintext import set_plain_text, set_plain_tooltip
from satchel.gui.common.secret_field import SecretField
from satchel.gui.common.typing_hints import TypingHints, remembered_script
from satchel.gui.common.workers import Job, JobContext, run_job

__all__ = ["UnlockWidget", "find_vaults", "is_vault"]


def is_vault(path: Path) -> bool:
    """A folder that holds a Satchel vault (its keyslots file)."""
    return (path / "keyslots").is_file()


def find_vaults(extra: Path | None = None) -> list[Path]:
    """Vaults to offer: `extra` (the one named on the command line), the default vault, and
    every other vault folder directly under the data directory (per user, or `Data/` of a
    portable copy)."""
    found: list[Path] = []

    def add(p: Path) -> None:
        p = p.expanduser()
        if is_vault(p) and p.resolve() not in {q.resolve() for q in found}:
            found.append(p)

    if extra is not None:
        add(extra)
    add(default_vault_dir())
    data_dir = locations().data_dir
    if data_dir.is_dir():
        for child in sorted(data_dir.iterdir()):
            if child.is_dir():
                add(child)
    return found


def _unlock_job(path: Path, secret: SecretText) -> Callable[[JobContext], Vault]:
    """The unlock, as a job for a worker thread (key derivation takes about a second).

    The job owns `secret` and overwrites it when the unlock is over, whatever its outcome.
    """

    def job(ctx: JobContext) -> Vault:
        ctx.progress(0, 0)
        try:
            return Vault.unlock(path, secret)
        finally:
            secret.wipe()

    return job


class UnlockWidget(QWidget):
    """The unlock screen. Emits `unlocked(vault, path)` or `create_requested()`."""

    unlocked = Signal(object, object)
    create_requested = Signal()

    def __init__(self, vaults: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self.setWindowTitle(self.tr("Satchel — locked"))
        self._job: Job | None = None
        self._vaults = list(vaults)
        self._build()
        self._fill_vaults()
        self._set_recovery_mode(False)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame(self)
        card.setObjectName("card")
        card.setMinimumWidth(420)
        card.setMaximumWidth(520)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)

        title = QLabel(self.tr("Satchel"), card)
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        self.subtitle = QLabel(self.tr("Your case file is locked."), card)
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)
        lay.addWidget(self.subtitle)
        lay.addSpacing(6)

        self.vault_label = QLabel(self.tr("&Vault:"), card)
        self.vault_combo = QComboBox(card)
        self.vault_combo.setAccessibleName(self.tr("Vault"))
        self.vault_combo.currentIndexChanged.connect(lambda _i: self._vault_changed())
        self.vault_label.setBuddy(self.vault_combo)
        lay.addWidget(self.vault_label)
        lay.addWidget(self.vault_combo)

        self.secret_label = QLabel(card)
        lay.addWidget(self.secret_label)
        self.secret_edit = SecretField(card)
        self.secret_edit.setMinimumHeight(32)
        self.secret_label.setBuddy(self.secret_edit)
        self.secret_edit.returnPressed.connect(self.try_unlock)
        self.secret_edit.textEdited.connect(self._clear_error)
        lay.addWidget(self.secret_edit)

        self.hints = TypingHints(self.secret_edit, card)
        lay.addWidget(self.hints)

        checks = QHBoxLayout()
        self.show_check = QCheckBox(self.tr("Sho&w passphrase"), card)
        self.show_check.toggled.connect(self.secret_edit.set_revealed)
        self.recovery_check = QCheckBox(self.tr("Use &recovery code instead"), card)
        self.recovery_check.toggled.connect(self._set_recovery_mode)
        checks.addWidget(self.show_check)
        checks.addStretch(1)
        checks.addWidget(self.recovery_check)
        lay.addLayout(checks)

        self.error_label = QLabel(card)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(self.tr("Unlock message"))
        self.error_label.hide()
        lay.addWidget(self.error_label)

        self.busy = QProgressBar(card)
        self.busy.setRange(0, 0)  # indeterminate: key derivation gives no progress
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.busy.hide()
        lay.addWidget(self.busy)

        self.unlock_button = QPushButton(
            icons.icon("key", on_accent=True), self.tr("&Unlock"), card
        )
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(34)
        self.unlock_button.clicked.connect(self.try_unlock)
        lay.addSpacing(4)
        lay.addWidget(self.unlock_button)

        # Less frequent actions, quieter, on their own row so long translations fit.
        others = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create a new vault…"), card)
        self.create_button.setFlat(True)
        self.create_button.clicked.connect(self.create_requested)
        self.open_button = QPushButton(self.tr("Open vault folder…"), card)
        self.open_button.setFlat(True)
        self.open_button.clicked.connect(self._choose_folder)
        others.addWidget(self.create_button)
        others.addStretch(1)
        others.addWidget(self.open_button)
        lay.addSpacing(8)
        lay.addLayout(others)

        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _vault_changed(self) -> None:
        if not self.recovery_check.isChecked():
            self.hints.set_expected_script(remembered_script(self.selected_vault()))

    def _fill_vaults(self) -> None:
        self.vault_combo.clear()
        for p in self._vaults:
            self.vault_combo.addItem(p.name or str(p), str(p))
            self.vault_combo.setItemData(
                self.vault_combo.count() - 1, str(p), Qt.ItemDataRole.ToolTipRole
            )
        several = len(self._vaults) > 1
        self.vault_label.setVisible(several)
        self.vault_combo.setVisible(several)
        if self._vaults:
            set_plain_tooltip(self.subtitle, str(self._vaults[0]))

    def _set_recovery_mode(self, on: bool) -> None:
        if on:
            self.secret_label.setText(self.tr("Recovery &code:"))
            self.secret_edit.setAccessibleName(self.tr("Recovery code"))
            self.secret_edit.setPlaceholderText(self.tr("The code you wrote down at creation"))
            # The code is random, not a secret the user invents; showing it avoids typos.
            self.secret_edit.set_revealed(True)
            self.show_check.hide()
            self.hints.set_expected_script("")
        else:
            self.secret_label.setText(self.tr("&Passphrase:"))
            self.secret_edit.setAccessibleName(self.tr("Passphrase"))
            self.secret_edit.setPlaceholderText("")
            self.show_check.show()
            self.secret_edit.set_revealed(self.show_check.isChecked())
            self.hints.set_expected_script(remembered_script(self.selected_vault()))
        self.secret_edit.clear()
        self._clear_error()
        self.secret_edit.setFocus()

    # -- behaviour --------------------------------------------------------------------------

    def selected_vault(self) -> Path | None:
        if not self._vaults:
            return None
        data = self.vault_combo.currentData()
        return Path(data) if data else self._vaults[0]

    def set_vaults(self, vaults: list[Path]) -> None:
        self._vaults = list(vaults)
        self._fill_vaults()

    def reset(self) -> None:
        """Back to an empty field, ready for typing (after a lock)."""
        self.recovery_check.setChecked(False)
        self.show_check.setChecked(False)
        self.secret_edit.clear()
        self.hints.reset()
        self._clear_error()
        self._set_busy(False)
        self.secret_edit.setFocus()

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    def try_unlock(self) -> None:
        if self._job is not None:
            return
        path = self.selected_vault()
        if path is None:
            self._show_error(self.tr("No vault found. Create one or open a vault folder."))
            return
        if self.secret_edit.is_empty():
            self._show_error(
                self.tr("Type the recovery code.")
                if self.recovery_check.isChecked()
                else self.tr("Type your passphrase.")
            )
            return
        self._clear_error()
        self._set_busy(True)
        self._job = run_job(
            _unlock_job(path, self.secret_edit.secret()),
            on_success=self._on_unlocked,
            on_failure=self._on_failed,
        )

    def _on_unlocked(self, vault: object) -> None:
        self._job = None
        self._set_busy(False)
        path = self.selected_vault()
        self.secret_edit.clear()
        self.unlocked.emit(vault, path)

    def _on_failed(self, message: str, error: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            message = (
                self.tr("Wrong recovery code. Nothing was changed.")
                if self.recovery_check.isChecked()
                else self.tr("Wrong passphrase. Nothing was changed.")
            )
        self._show_error(message)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (
            self.secret_edit,
            self.unlock_button,
            self.show_check,
            self.recovery_check,
            self.vault_combo,
            self.create_button,
            self.open_button,
        ):
            w.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("&Unlock"))

    def _show_error(self, message: str) -> None:
        set_plain_text(self.error_label, message)
        self.error_label.show()
        self.secret_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.secret_edit.selectAll()

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()

    def _choose_folder(self) -> None:
        path = choose_folder(self, self.tr("Open vault folder"))
        if path is None:
            return
        if not is_vault(path):
            self._show_error(self.tr("This folder holds no Satchel vault."))
            return
        if path not in self._vaults:
            self._vaults.insert(0, path)
        self._fill_vaults()
        self.vault_combo.setCurrentIndex(self._vaults.index(path))
        self.vault_label.setVisible(True)
        self.vault_combo.setVisible(True)
        self.secret_edit.setFocus()
