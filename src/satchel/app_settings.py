"""The file of the app's own settings outside the vault (`satchel.settings` names what goes
in it: the language and the window geometry, nothing else).

Always an INI file at the place `core.paths.locations()` names (`Data/settings.ini` in a
portable copy), never the platform's native store: on Windows that would be the registry and
on macOS a plist in the user's Library, both outside a portable folder. Nothing about a case
may ever be written here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from satchel.core.paths import locations

__all__ = ["app_settings"]


def app_settings() -> QSettings:
    """The settings file of this run (per user, or beside a portable copy)."""
    return QSettings(str(locations().settings_file), QSettings.Format.IniFormat)
