"""What could make a right passphrase fail, said under the field: Caps Lock, another layout.

Neither Qt nor the platforms say reliably whether Caps Lock is on or which keyboard layout
is active, so both are read from what is typed (see SecretField): a capital letter without
Shift means Caps Lock; a letter of another alphabet than the one the vault's passphrase was
made in means another layout. Before anything is typed, the input method's language stands
in for the layout where the platform reports one.

The alphabet of a vault's passphrase ('latin', 'cyrillic' or 'mixed') is kept outside the
vault, in the settings file, under a hash of the vault's folder: only which alphabet, never
a character of the passphrase (docs/threat-model.md says what it tells a finder).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from satchel.app_settings import app_settings
from satchel.crypto.secret import SecretText
from satchel.gui.common.secret_field import SecretField, letter_script
from satchel.settings import PASSPHRASE_SCRIPTS

__all__ = ["TypingHints", "passphrase_script", "remember_script", "remembered_script"]


def passphrase_script(secret: SecretText) -> str:
    """'latin', 'cyrillic', 'mixed', or '' when the passphrase has no letter of either."""
    seen = {s for s in map(letter_script, secret.code_points()) if s is not None}
    if len(seen) > 1:
        return "mixed"
    return seen.pop() if seen else ""


def _vault_key(folder: Path) -> str:
    return hashlib.sha256(os.fsencode(Path(folder).resolve())).hexdigest()[:16]


def _load() -> dict[str, str]:
    raw = app_settings().value(PASSPHRASE_SCRIPTS.key, PASSPHRASE_SCRIPTS.default)
    try:
        data = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remember_script(folder: Path, script: str) -> None:
    """Keep `script` (from `passphrase_script`) as the alphabet of the vault in `folder`."""
    scripts = _load()
    if script:
        scripts[_vault_key(folder)] = script
    else:
        scripts.pop(_vault_key(folder), None)
    settings = app_settings()
    settings.setValue(PASSPHRASE_SCRIPTS.key, json.dumps(scripts, sort_keys=True))
    settings.sync()


def remembered_script(folder: Path | None) -> str:
    return _load().get(_vault_key(folder), "") if folder is not None else ""


def _locale_script(locale: QLocale) -> str | None:
    script = locale.script()
    if script == QLocale.Script.CyrillicScript:
        return "cyrillic"
    if script == QLocale.Script.LatinScript:
        return "latin"
    return None


class TypingHints(QLabel):
    """One or two warnings under a passphrase field; hidden when there is nothing to say."""

    def __init__(self, field: SecretField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typingHints")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(self.tr("Typing warning"))
        self._field = field
        self._expected = ""  # the alphabet the passphrase was made in, if known
        self._typed = ""  # the alphabet of the last letter typed
        # The input method's language only once the platform reports a switch: the
        # language it reports at start is often the system's, not the active layout's.
        self._switched_to: str | None = None
        field.caps_lock_changed.connect(lambda _on: self._refresh())
        field.letter_typed.connect(self._on_letter)
        QGuiApplication.inputMethod().localeChanged.connect(self._on_layout_switched)
        self.hide()

    def set_expected_script(self, script: str) -> None:
        self._expected = script
        self._typed = ""
        self._refresh()

    def reset(self) -> None:
        self._typed = ""
        self._field.caps_lock = None
        self._refresh()

    def _on_letter(self, script: str) -> None:
        self._typed = script
        self._refresh()

    def _on_layout_switched(self) -> None:
        self._switched_to = _locale_script(QGuiApplication.inputMethod().locale())
        self._typed = ""
        self._refresh()

    def _active_script(self) -> str | None:
        return self._typed or self._switched_to

    def _refresh(self) -> None:
        lines = []
        if self._field.caps_lock:
            lines.append(self.tr("Caps Lock is on."))
        active = self._active_script()
        if self._expected in ("latin", "cyrillic") and active and active != self._expected:
            lines.append(
                self.tr(
                    "The keyboard types Cyrillic letters; your passphrase was made in Latin ones."
                )
                if self._expected == "latin"
                else self.tr(
                    "The keyboard types Latin letters; your passphrase was made in Cyrillic ones."
                )
            )
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
