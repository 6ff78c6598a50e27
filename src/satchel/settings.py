"""Every setting the client keeps, with its key and default: the one registry.

Two places hold settings, and this module names what goes in each:

- Outside the vault (an INI file that `satchel.app_settings` opens where `core.paths` says,
  readable before unlock): only the interface language, the main window's geometry, and per
  vault the alphabet its passphrase was typed in (a hint for the unlock screen). Never case
  data, never a secret: this file is in the clear.
- Inside the vault (`vault.settings`, encrypted): the lock settings (`LockSettings`), under
  the key `lock`.

No Qt here: the command line reads the same keys and defaults (for example to show the lock
settings of a vault) without starting the client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "LANGUAGE",
    "LOCK",
    "MAIN_WINDOW_GEOMETRY",
    "OUTSIDE_THE_VAULT",
    "PASSPHRASE_SCRIPTS",
    "LockSettings",
    "Setting",
]


@dataclass(frozen=True, slots=True)
class Setting:
    """A key, its default, and what it holds."""

    key: str
    default: Any
    holds: str


LANGUAGE = Setting("ui/language", "", "the interface language: 'en', 'ru', or '' for the system's")
MAIN_WINDOW_GEOMETRY = Setting(
    "ui/main_window_geometry", None, "the main window's size and place (QWidget.saveGeometry)"
)
PASSPHRASE_SCRIPTS = Setting(
    "unlock/passphrase_scripts",
    "",
    "JSON: for each vault (a hash of its folder, not the path) the alphabet of its "
    "passphrase's letters, 'latin', 'cyrillic' or 'mixed' (docs/threat-model.md says what "
    "this tells a finder)",
)
OUTSIDE_THE_VAULT = (LANGUAGE, MAIN_WINDOW_GEOMETRY, PASSPHRASE_SCRIPTS)
"""Everything Satchel writes to its settings file. A test checks that nothing else appears
there."""

LOCK = Setting("lock", None, "locking, clipboard and panic-wipe choices (`LockSettings`)")


@dataclass(frozen=True, slots=True)
class LockSettings:
    """The user's lock settings (stored inside the vault, key `lock`), with their defaults."""

    idle_minutes: float = 5.0  # 0 = never
    on_screen_lock: bool = True
    on_suspend: bool = True
    on_minimise: bool = False
    clipboard_clear_seconds: int = 15
    panic_shortcut: bool = False
    panic_without_confirmation: bool = False
    # A form open at lock time keeps its typed values encrypted in the vault and offers
    # them back after unlock; False drops them at lock (the user's choice, DESIGN §6).
    keep_drafts: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> LockSettings:
        """Read settings saved by an older or newer Satchel: unknown keys are ignored."""
        if not isinstance(data, dict):
            return cls()
        known = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in known}
        defaults = cls()
        clean: dict[str, Any] = {}
        for key, value in values.items():
            default = getattr(defaults, key)
            if isinstance(default, bool):
                clean[key] = bool(value)
            elif isinstance(default, int | float) and isinstance(value, int | float):
                clean[key] = type(default)(max(0, value))
        return cls(**clean)

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}
