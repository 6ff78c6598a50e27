"""The first-run wizard: create a vault with a passphrase, then show the recovery code once.

Pages: a short welcome (where the vault will live), the passphrase typed twice with a
strength meter, the creation itself (key-derivation calibration runs in a worker with a busy
indicator; it is the commit point), and the recovery code with a clear warning and an
"I have written it down" box that gates Finish. The recovery code is shown once and never
copied to the clipboard or stored outside the vault's own keyslot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import zxcvbn
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from satchel import i18n
from satchel.crypto.kdf import KdfParams
from satchel.crypto.secret import SecretText, wipe_immutable
from satchel.gui.common import theme
from satchel.gui.common.plaintext import plain_message, set_plain_text
from satchel.gui.common.secret_field import SecretField
from satchel.gui.common.typing_hints import TypingHints, passphrase_script, remember_script
from satchel.gui.common.workers import Job, JobContext, run_job

__all__ = ["MIN_LENGTH", "MIN_SCORE", "CreateVaultWizard", "Strength", "estimate_strength"]

MIN_LENGTH = 10
# zxcvbn's top score: at least 10^10 guesses. Its "safely unguessable" 3 (10^8) lets two
# common words through ("maple river"); against a stolen laptop the attacker has time.
MIN_SCORE = 4

# zxcvbn's dictionaries are English; these add the Russian passwords that top every leak
# (and the keyboard walks of the Russian layout) so they count as words, not randomness.
_RUSSIAN_COMMON = (
    "пароль",
    "йцукен",
    "фыва",
    "ячсмит",
    "привет",
    "любовь",
    "солнышко",
    "наташа",
    "россия",
    "москва",
    "gfhjkm",  # "пароль" typed on a Latin layout
    "satchel",
)


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 (trivial) .. 4 (strong)
    guesses_log10: float
    long_enough: bool

    @property
    def acceptable(self) -> bool:
        return self.long_enough and self.score >= MIN_SCORE


def estimate_strength(passphrase: str) -> Strength:
    """How hard `passphrase` is to guess (zxcvbn's pattern-aware estimate)."""
    if not passphrase:
        return Strength(0, 0.0, False)
    # zxcvbn is slow on very long inputs; its own docs cap at 100 characters.
    result = zxcvbn.zxcvbn(passphrase[:100], user_inputs=list(_RUSSIAN_COMMON))
    return Strength(
        int(result["score"]), float(result["guesses_log10"]), len(passphrase) >= MIN_LENGTH
    )


def estimate_field_strength(field: SecretField) -> Strength:
    """`estimate_strength` of what a passphrase field holds.

    zxcvbn needs a `str`; the one made here is overwritten when the estimate is done, and
    the heap blocks the estimate freed are scrubbed (crypto/secret.py).
    """
    if field.is_empty():
        return Strength(0, 0.0, False)
    with field.secret() as secret:
        text = str(secret.view(), "utf-8")
    try:
        return estimate_strength(text)
    finally:
        wipe_immutable(text)


class _IntroPage(QWizardPage):
    language_chosen = Signal(str)

    def __init__(self, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Satchel"))
        lay = QVBoxLayout(self)
        about_you = QFormLayout()
        self.language_combo = QComboBox(self)
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        current = self.language_combo.findData(i18n.current_language())
        self.language_combo.setCurrentIndex(max(current, 0))
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_combo.currentData())
        )
        about_you.addRow(self.tr("&Language:"), self.language_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("e.g. Anna Petrova, advocate"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        about_you.addRow(self.tr("Your &name:"), self.name_edit)
        name_note = QLabel(
            self.tr(
                "Shown to colleagues on your identity card when you exchange cases. "
                "You can change it later."
            ),
            self,
        )
        name_note.setObjectName("muted")
        name_note.setWordWrap(True)
        about_you.addRow("", name_note)
        lay.addLayout(about_you)
        lay.addSpacing(10)
        text = QLabel(
            self.tr(
                "Satchel keeps your cases encrypted on this computer. Nothing can be read "
                "without your passphrase, and nobody, including the makers of Satchel, can "
                "recover it for you.\n\nThe next steps choose a passphrase and give you a "
                "recovery code."
            ),
            self,
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        where = QLabel(self.tr("The vault will be created in:"), self)
        lay.addSpacing(10)
        lay.addWidget(where)
        path_label = QLabel(self)
        path_label.setObjectName("muted")
        path_label.setWordWrap(True)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_plain_text(path_label, str(target))
        lay.addWidget(path_label)
        lay.addStretch(1)


class _PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(
            self.tr(
                "Several unrelated words are easier to remember and harder to guess than "
                "a short password. At least {0} characters."
            ).format(MIN_LENGTH)
        )
        form = QFormLayout(self)
        self.first = SecretField(self)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = SecretField(self)
        self.second.setAccessibleName(self.tr("Passphrase again"))
        self.show_check = QCheckBox(self.tr("&Show passphrase"), self)
        self.show_check.toggled.connect(self._toggle_echo)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.mismatch = QLabel(self)
        self.mismatch.setObjectName("error")
        self.mismatch.setWordWrap(True)
        self.hints = TypingHints(self.first, self)
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow("", self.hints)
        form.addRow(self.tr("&Again:"), self.second)
        form.addRow("", self.show_check)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow("", self.verdict)
        form.addRow("", self.mismatch)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _toggle_echo(self, show: bool) -> None:
        self.first.set_revealed(show)
        self.second.set_revealed(show)

    def strength(self) -> Strength:
        return estimate_field_strength(self.first)

    def _update(self) -> None:
        s = self.strength()
        text = not self.first.is_empty()
        self.meter.setValue(s.score if text else 0)
        c = theme.colours()
        colour = c.danger if s.score < 2 else c.warning if s.score < MIN_SCORE else c.success
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not text:
            verdict = ""
        elif not s.long_enough:
            verdict = self.tr("Too short: use at least {0} characters.").format(MIN_LENGTH)
        elif s.score < 2:
            verdict = self.tr("Very weak: easy to guess.")
        elif s.score < MIN_SCORE:
            verdict = self.tr("Weak: add another unrelated word.")
        else:
            verdict = self.tr("Strong.")
        self.verdict.setText(verdict)
        if not self.second.is_empty() and not self.second.matches(self.first):
            self.mismatch.setText(self.tr("The two passphrases differ."))
        else:
            self.mismatch.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.strength().acceptable and self.first.matches(self.second)

    def passphrase(self) -> SecretText:
        """A copy of the passphrase for the creation job, which overwrites it."""
        return self.first.secret()

    def forget(self) -> None:
        self.first.clear()
        self.second.clear()


class _CreatePage(QWizardPage):
    """Creates the vault in a worker; the wizard moves on by itself when it is done."""

    def __init__(self, wizard: CreateVaultWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Creating your vault"))
        self.setCommitPage(True)  # no way back once the vault exists
        lay = QVBoxLayout(self)
        self.status = QLabel(
            self.tr(
                "Measuring this computer to make the passphrase slow to guess, then "
                "creating the encrypted vault. This takes a few seconds."
            ),
            self,
        )
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Creating the vault"))
        lay.addWidget(self.busy)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        lay.addWidget(self.error)
        lay.addStretch(1)
        self._done = False
        self._script = ""
        self._job: Job | None = None

    def initializePage(self) -> None:
        self._done = False
        self.error.hide()
        self.busy.show()
        target = self._wizard.target
        passphrase = self._wizard.passphrase_page.passphrase()
        self._script = passphrase_script(passphrase)
        name = self._wizard.intro_page.name_edit.text().strip()
        kdf_params = self._wizard.kdf_params

        def job(ctx: JobContext) -> tuple[object, str]:
            from satchel.core.vault import Vault

            ctx.progress(0, 0)
            try:
                vault, code = Vault.create(target, passphrase, kdf_params=kdf_params)
            finally:
                passphrase.wipe()
            if name:
                # The identity card a colleague receives carries this name.
                vault.identities.rename(name)
            return vault, str(code)

        self._job = run_job(job, on_success=self._on_created, on_failure=self._on_failed)

    def _on_created(self, result: tuple[object, str]) -> None:
        self._job = None
        if self._wizard.discarded:
            # The session ended while the vault was being written: close it, open nothing.
            vault = result[0]
            close = getattr(vault, "close", None)
            if close is not None:
                close()
            return
        self._done = True
        self.busy.hide()
        self._wizard.vault, self._wizard.recovery_code = result
        remember_script(self._wizard.target, self._script)
        self._wizard.passphrase_page.forget()
        self._wizard.vault_opened.emit()
        self.completeChanged.emit()
        self._wizard.next()

    def _on_failed(self, message: str, _error: BaseException) -> None:
        self._job = None
        self.busy.hide()
        set_plain_text(self.error, message)
        self.error.show()
        self.completeChanged.emit()

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    def isComplete(self) -> bool:
        return self._done

    def validatePage(self) -> bool:
        # QWizard.next() asks only this, not isComplete(): nothing moves on before the vault
        # exists (the button is disabled, but a programmatic next() is not).
        return self._done


class _RecoveryPage(QWizardPage):
    def __init__(self, wizard: CreateVaultWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery code"))
        lay = QVBoxLayout(self)
        warning = QLabel(
            self.tr(
                "Write this code on paper now and keep it somewhere safe, away from this "
                "computer. It is shown only this once. If you forget your passphrase, this "
                "code is the only way back into your cases. Anyone who has it can open the "
                "vault."
            ),
            self,
        )
        warning.setObjectName("warningBanner")
        warning.setWordWrap(True)
        lay.addWidget(warning)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        lay.addWidget(self.code_label)
        self.confirm = QCheckBox(self.tr("I have &written it down"), self)
        self.confirm.toggled.connect(self.completeChanged)
        lay.addWidget(self.confirm)
        lay.addStretch(1)

    def initializePage(self) -> None:
        set_plain_text(self.code_label, self._wizard.recovery_code)
        # Not selectable and no "Copy" menu: the code must not land in a clipboard
        # manager's history; it belongs on paper.
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.confirm.setChecked(False)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def forget(self) -> None:
        self.code_label.clear()


class CreateVaultWizard(QWizard):
    """Creates a vault at `target`; emits `vault_created(vault, path)` when Finish is pressed.

    `kdf_params` are the new vault's Argon2id parameters; None, as the app leaves it,
    calibrates them on this machine while the creation page shows its busy bar.
    """

    vault_created = Signal(object, object)
    # The user picked another interface language on the first page (the session rebuilds
    # the wizard in it; nothing has been created yet).
    language_chosen = Signal(str)
    # The vault exists and is open from here on (the recovery page): the lock must hold.
    vault_opened = Signal()

    def __init__(
        self,
        target: Path,
        parent: QWidget | None = None,
        *,
        kdf_params: KdfParams | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.kdf_params = kdf_params
        self.vault: object | None = None
        self.recovery_code = ""
        self.discarded = False
        self.setWindowTitle(self.tr("Create a Satchel vault"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(560, 440)
        self.intro_page = _IntroPage(target, self)
        self.passphrase_page = _PassphrasePage(self)
        self.create_page = _CreatePage(self)
        self.recovery_page = _RecoveryPage(self)
        for page in (self.intro_page, self.passphrase_page, self.create_page, self.recovery_page):
            self.addPage(page)
        self.intro_page.language_chosen.connect(self.language_chosen)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create vault"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Open Satchel"))

    def take_vault(self) -> object | None:
        """Hand over the open vault (the lock closes it) and forget the recovery code."""
        vault, self.vault = self.vault, None
        self.recovery_code = ""
        self.recovery_page.forget()
        return vault

    def discard(self) -> None:
        """The session ends: close the vault made here (or the one still being made, when its
        job finishes) instead of handing it on, and forget the recovery code."""
        self.discarded = True
        vault = self.take_vault()
        close = getattr(vault, "close", None)
        if close is not None:
            close()

    def accept(self) -> None:
        if self.vault is None or not self.recovery_page.isComplete():
            return
        vault, self.vault = self.vault, None
        self.recovery_code = ""
        super().accept()
        self.vault_created.emit(vault, self.target)

    def reject(self) -> None:
        if self.create_page.is_busy:
            return  # the vault is being written; closing now would leave it half made
        if self.vault is not None:
            box = plain_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Recovery code not confirmed"),
                self.tr(
                    "The vault has been created. Without the recovery code you cannot get "
                    "back in if you forget the passphrase. Close anyway?"
                ),
                buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                default=QMessageBox.StandardButton.No,
            )
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
            vault, self.vault = self.vault, None
            self.recovery_code = ""
            super().reject()
            # The vault exists and is unlocked; the user goes on into it rather than being
            # asked for the passphrase they typed seconds ago.
            self.vault_created.emit(vault, self.target)
            return
        super().reject()
