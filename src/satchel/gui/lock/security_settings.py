"""The Security settings: locking, clipboard, panic wipe, duress passphrase, passphrase and
recovery code.

Every change that touches the keyslots (passphrase, recovery code, duress) needs the
current passphrase and runs its key derivation off the GUI thread. The lock settings are
returned to the session, which stores them inside the vault. This dialog shows no vault
text; it never keeps a passphrase longer than the operation that needs it, and clears its
fields when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from satchel import i18n
from satchel.core.vault import Vault
from satchel.crypto.secret import SecretText
from satchel.gui.common.secret_field import SecretField
from satchel.gui.common.typing_hints import passphrase_script, remember_script
from satchel.gui.common.drafts import DraftSubject
from satchel.gui.common.workers import JobContext, run_job
from satchel.settings import LockSettings

__all__ = ["SecurityDialog"]

_MIN_PASSPHRASE = 8


def _explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _secret_field(name: str) -> SecretField:
    edit = SecretField()
    edit.setAccessibleName(name)
    return edit


def _owning(work: Callable[[], Any], *secrets: SecretText) -> Callable[[JobContext], Any]:
    """A job that runs `work` and then overwrites the secrets it was handed, however it ends."""

    def job(_ctx: JobContext) -> Any:
        try:
            return work()
        finally:
            for secret in secrets:
                secret.wipe()

    return job


class _Status(QLabel):
    """One line under a form: what happened, or what is wrong."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def ok(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.setText(text)


class SecurityDialog(QDialog):
    """Settings → Security."""

    recovery_code_shown = Signal()
    decoy_requested = Signal()
    """The owner asked to look at and edit the decoy (the session locks, then opens it)."""

    def __init__(self, vault: Vault, settings: LockSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Security settings"))
        self.setObjectName("securityDialog")
        self._vault = vault
        self._busy = False
        tabs = QTabWidget()
        tabs.addTab(self._locking_tab(settings), self.tr("Locking"))
        tabs.addTab(self._panic_tab(settings), self.tr("Panic wipe"))
        tabs.addTab(self._passphrase_tab(), self.tr("Passphrase"))
        tabs.addTab(self._duress_tab(), self.tr("Duress passphrase"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        # Wide enough for the four tab titles in Russian without scroll arrows.
        self.resize(780, 540)

    # -- tabs -------------------------------------------------------------------------------

    def _locking_tab(self, s: LockSettings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 24 * 60)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setValue(round(s.idle_minutes))
        self.idle_minutes.setAccessibleName(self.tr("Lock after idle minutes"))
        form.addRow(self.tr("Lock after no input for:"), self.idle_minutes)
        self.on_screen_lock = QCheckBox(self.tr("Lock when the screen locks"))
        self.on_screen_lock.setChecked(s.on_screen_lock)
        self.on_suspend = QCheckBox(self.tr("Lock before the computer sleeps"))
        self.on_suspend.setChecked(s.on_suspend)
        self.on_minimise = QCheckBox(self.tr("Lock when the window is minimised"))
        self.on_minimise.setChecked(s.on_minimise)
        self.keep_drafts = QCheckBox(
            self.tr("Keep what I typed in open forms, encrypted, when locking")
        )
        self.keep_drafts.setChecked(s.keep_drafts)
        self.keep_drafts.setToolTip(
            self.tr(
                "Satchel offers it back after the next unlock. Off: the typed text of an "
                "open form is thrown away at lock."
            )
        )
        for box in (self.on_screen_lock, self.on_suspend, self.on_minimise, self.keep_drafts):
            form.addRow(box)
        self.clipboard_seconds = QSpinBox()
        self.clipboard_seconds.setRange(0, 600)
        self.clipboard_seconds.setSuffix(self.tr(" s"))
        self.clipboard_seconds.setSpecialValueText(self.tr("Only when locking"))
        self.clipboard_seconds.setValue(s.clipboard_clear_seconds)
        self.clipboard_seconds.setAccessibleName(self.tr("Clear copied fields after seconds"))
        form.addRow(self.tr("Clear copied fields after:"), self.clipboard_seconds)
        form.addRow(
            _explanation(
                self.tr(
                    "Idle time counts while the computer sleeps, so Satchel is never found "
                    "open the morning after. Copied phone numbers and document numbers are "
                    "hidden from clipboard history and removed after the delay, unless you "
                    "copied something else meanwhile."
                )
            )
        )
        return page

    def _panic_tab(self, s: LockSettings) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            _explanation(
                self.tr(
                    "A panic wipe destroys this vault for good: the key file is overwritten "
                    "and removed, then the database. Neither the passphrase nor the recovery "
                    "code will open it again, and nobody can recover it.\n\n"
                    "Destroying data can be treated as destruction of evidence. Decide in "
                    "advance, knowing the law where you travel. Keep an encrypted bundle of "
                    "your important cases with a trusted colleague so that a wipe loses "
                    "nothing that matters."
                )
            )
        )
        self.panic_shortcut = QCheckBox(self.tr("Enable the panic wipe shortcut Ctrl+Shift+Delete"))
        self.panic_shortcut.setChecked(s.panic_shortcut)
        self.panic_no_confirm = QCheckBox(self.tr("Wipe without asking for confirmation"))
        self.panic_no_confirm.setChecked(s.panic_without_confirmation)
        layout.addWidget(self.panic_shortcut)
        layout.addWidget(self.panic_no_confirm)
        layout.addStretch(1)
        return page

    def _passphrase_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = QGroupBox(self.tr("Change the passphrase"))
        form = QFormLayout(box)
        self.current_for_change = _secret_field(self.tr("Current passphrase"))
        self.new_passphrase = _secret_field(self.tr("New passphrase"))
        self.new_passphrase_again = _secret_field(self.tr("Repeat the new passphrase"))
        form.addRow(self.tr("Current passphrase:"), self.current_for_change)
        form.addRow(self.tr("New passphrase:"), self.new_passphrase)
        form.addRow(self.tr("Repeat it:"), self.new_passphrase_again)
        self.change_button = QPushButton(self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.change_passphrase)
        form.addRow(self.change_button)
        self.change_status = _Status()
        form.addRow(self.change_status)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Recovery code"))
        form = QFormLayout(box)
        form.addRow(
            _explanation(
                self.tr(
                    "A new recovery code replaces the old one, which stops working. It is "
                    "shown once: write it down and keep it apart from the laptop."
                )
            )
        )
        self.current_for_recovery = _secret_field(self.tr("Current passphrase"))
        form.addRow(self.tr("Current passphrase:"), self.current_for_recovery)
        self.recovery_button = QPushButton(self.tr("Make a new recovery code"))
        self.recovery_button.clicked.connect(self.regenerate_recovery_code)
        form.addRow(self.recovery_button)
        self.recovery_code = QLabel()
        self.recovery_code.setTextFormat(Qt.TextFormat.PlainText)
        self.recovery_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        self.recovery_code.setFont(mono)
        self.recovery_code.setAccessibleName(self.tr("New recovery code"))
        form.addRow(self.recovery_code)
        self.recovery_status = _Status()
        form.addRow(self.recovery_status)
        layout.addWidget(box)
        layout.addStretch(1)
        return page

    def _duress_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            _explanation(
                self.tr(
                    "A duress passphrase, set in advance, opens a harmless decoy vault "
                    "instead of this one — or first destroys this vault and then opens the "
                    "decoy. Nobody can tell from the files or from the time unlocking takes "
                    "whether a duress passphrase exists. Misleading officials can carry "
                    "legal risk; read the threat model before you use it."
                )
            )
        )
        form = QFormLayout()
        self.current_for_duress = _secret_field(self.tr("Current passphrase"))
        self.duress_passphrase = _secret_field(self.tr("Duress passphrase"))
        self.duress_again = _secret_field(self.tr("Repeat the duress passphrase"))
        form.addRow(self.tr("Current passphrase:"), self.current_for_duress)
        form.addRow(self.tr("Duress passphrase:"), self.duress_passphrase)
        form.addRow(self.tr("Repeat it:"), self.duress_again)
        self.duress_decoy = QRadioButton(self.tr("Open the decoy vault"))
        self.duress_wipe = QRadioButton(self.tr("Destroy this vault, then open the decoy"))
        self.duress_decoy.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.duress_decoy)
        group.addButton(self.duress_wipe)
        form.addRow(self.tr("When it is entered:"), self.duress_decoy)
        form.addRow("", self.duress_wipe)
        layout.addLayout(form)
        self.set_duress_button = QPushButton(self.tr("Set duress passphrase"))
        self.set_duress_button.clicked.connect(self.set_duress)
        self.clear_duress_button = QPushButton(self.tr("Remove duress passphrase"))
        self.clear_duress_button.clicked.connect(self.clear_duress)
        layout.addWidget(self.set_duress_button)
        layout.addWidget(self.clear_duress_button)
        self.duress_status = _Status()
        layout.addWidget(self.duress_status)
        layout.addWidget(
            _explanation(
                self.tr(
                    "The decoy is drawn for this vault: ordinary matters in your language "
                    "and country, kept current as the weeks pass. Look at it and change it "
                    "as you like; Satchel locks this vault first, and locking the decoy "
                    "brings you back to the unlock screen."
                )
            )
        )
        self.open_decoy_button = QPushButton(self.tr("Look at and edit the decoy…"))
        self.open_decoy_button.clicked.connect(self._ask_for_decoy)
        self._update_decoy_button()
        layout.addWidget(self.open_decoy_button)
        layout.addStretch(1)
        return page

    def _update_decoy_button(self) -> None:
        editable = self._vault.has_editable_decoy()
        self.open_decoy_button.setEnabled(editable)
        self.open_decoy_button.setToolTip(
            ""
            if editable
            else self.tr(
                "Set a duress passphrase first (a decoy set by an older version: set it again)."
            )
        )

    def _ask_for_decoy(self) -> None:
        self.decoy_requested.emit()
        self.accept()

    # -- what the user set ------------------------------------------------------------------

    def draft_subject(self) -> DraftSubject:
        """What this form edits, for its draft at lock (satchel.gui.common.drafts); the
        passphrase fields are password fields, which a draft never reads."""
        return DraftSubject("security")

    def lock_settings(self) -> LockSettings:
        return LockSettings(
            idle_minutes=float(self.idle_minutes.value()),
            on_screen_lock=self.on_screen_lock.isChecked(),
            on_suspend=self.on_suspend.isChecked(),
            on_minimise=self.on_minimise.isChecked(),
            clipboard_clear_seconds=self.clipboard_seconds.value(),
            panic_shortcut=self.panic_shortcut.isChecked(),
            panic_without_confirmation=self.panic_no_confirm.isChecked(),
            keep_drafts=self.keep_drafts.isChecked(),
        )

    # -- key operations (off the GUI thread) ------------------------------------------------

    def _run(
        self,
        work: Callable[[JobContext], Any],
        status: _Status,
        done: Callable[[Any], None],
        clear: tuple[SecretField, ...],
    ) -> None:
        if self._busy:
            return
        self._busy = True
        self.setEnabled(False)
        status.ok(self.tr("Working…"))

        def succeeded(result: Any) -> None:
            self._finish(clear)
            done(result)

        def failed(message: str, _exc: BaseException) -> None:
            self._finish(clear[:1])
            status.error(message)
            if clear:
                clear[0].setFocus()

        run_job(work, on_success=succeeded, on_failure=failed)

    def _finish(self, clear: tuple[SecretField, ...]) -> None:
        self._busy = False
        self.setEnabled(True)
        for field in clear:
            field.clear()

    def _new_secret_problem(self, first: SecretField, second: SecretField) -> str | None:
        if first.char_count() < _MIN_PASSPHRASE:
            return self.tr("Use at least 8 characters; several words are best.")
        if not first.matches(second):
            return self.tr("The two passphrases differ.")
        return None

    def change_passphrase(self) -> None:
        problem = self._new_secret_problem(self.new_passphrase, self.new_passphrase_again)
        if problem:
            self.change_status.error(problem)
            return
        current, new = self.current_for_change.secret(), self.new_passphrase.secret()
        script = passphrase_script(new)
        vault = self._vault

        def changed(_result: object) -> None:
            # The unlock screen's layout hint follows the new passphrase's alphabet.
            remember_script(vault.path, script)
            self.change_status.ok(self.tr("Passphrase changed. The recovery code still works."))

        self._run(
            _owning(lambda: vault.change_passphrase(current, new), current, new),
            self.change_status,
            changed,
            (self.current_for_change, self.new_passphrase, self.new_passphrase_again),
        )

    def regenerate_recovery_code(self) -> None:
        current = self.current_for_recovery.secret()
        vault = self._vault

        def show(code: str) -> None:
            self.recovery_code.setText(code)
            self.recovery_status.ok(
                self.tr(
                    "The old code no longer works. Write this one down now: it is not shown again."
                )
            )
            self.recovery_code_shown.emit()

        self._run(
            _owning(lambda: vault.regenerate_recovery_code(current), current),
            self.recovery_status,
            show,
            (self.current_for_recovery,),
        )

    def set_duress(self) -> None:
        from satchel.core.duress import DuressMode
        from satchel.sample.decoy import DecoyProfile, set_duress

        problem = self._new_secret_problem(self.duress_passphrase, self.duress_again)
        if problem:
            self.duress_status.error(problem)
            return
        if self.duress_passphrase.matches(self.current_for_duress):
            self.duress_status.error(
                self.tr("The duress passphrase must differ from the real one.")
            )
            return
        mode = DuressMode.WIPE if self.duress_wipe.isChecked() else DuressMode.DECOY
        if mode is DuressMode.WIPE:
            answer = QMessageBox.warning(
                self,
                self.tr("Duress passphrase that destroys"),
                self.tr(
                    "Entering this duress passphrase will destroy this vault for good. Set it?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        current, duress = self.current_for_duress.secret(), self.duress_passphrase.secret()
        vault = self._vault
        language = i18n.current_language()
        self._run(
            _owning(
                lambda: set_duress(
                    vault, current, duress, mode, DecoyProfile.guess(language, vault)
                ),
                current,
                duress,
            ),
            self.duress_status,
            lambda _r: self._duress_changed(self.tr("Duress passphrase set.")),
            (self.current_for_duress, self.duress_passphrase, self.duress_again),
        )

    def _duress_changed(self, message: str) -> None:
        self.duress_status.ok(message)
        self._update_decoy_button()

    def clear_duress(self) -> None:
        current = self.current_for_duress.secret()
        vault = self._vault
        self._run(
            _owning(lambda: vault.clear_duress(current), current),
            self.duress_status,
            lambda _r: self._duress_changed(self.tr("Duress passphrase removed.")),
            (self.current_for_duress, self.duress_passphrase, self.duress_again),
        )

    def done(self, result: int) -> None:
        # Passphrases and the recovery code leave the widgets when the dialog closes.
        for field in self.findChildren(SecretField):
            field.clear()
        self.recovery_code.clear()
        super().done(result)
