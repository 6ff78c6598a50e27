"""Where Satchel keeps what it writes: vault folders and the app's settings file, for a
per-user installation or for a portable copy; plus SATCHEL_VAULT and `--vault`.

A portable copy is a program folder (an unpacked release; the folder holding the
`.AppImage` or `Satchel.app`) with a file named `satchel.portable` beside the executable.
Then everything Satchel writes goes under `Data/` beside that marker and nothing into the
user's home: that is how a lawyer carries Satchel and the vault on an encrypted USB stick.
Every location is decided here, from the one question `program_folder()` answers, so the
frozen app, the command line and the tests go through the same code.

Only locations are decided here; nothing is created or read but the marker's presence.
Never put anything under the data directory but vault folders (and a portable copy's
settings and cache), and nothing about a case in the settings file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = [
    "PORTABLE_DATA",
    "PORTABLE_MARKER",
    "VAULT_ENV",
    "Locations",
    "default_vault_dir",
    "locations",
    "program_folder",
    "resolve_vault_path",
]

VAULT_ENV = "SATCHEL_VAULT"
PORTABLE_MARKER = "satchel.portable"
"""The file whose presence beside the executable makes this copy portable (its content is
ignored: an empty file will do)."""
PORTABLE_DATA = "Data"
"""The folder beside the marker that receives everything a portable copy writes."""

_APP = "Satchel"


def program_folder() -> Path | None:
    """The folder the user started Satchel from, where a portable marker would sit.

    An AppImage runs from a read-only mount (`$APPDIR`); the runtime names the `.AppImage`
    file itself in `$APPIMAGE`, so the marker sits beside that file. A frozen (PyInstaller)
    build runs `sys.executable` from its own folder (on macOS, the folder holding
    `Satchel.app`). Satchel run by a Python interpreter (a source checkout, a wheel) has no
    program folder of its own: the interpreter's folder is not Satchel's, so None.
    """
    if not getattr(sys, "frozen", False):
        return None
    executable = Path(sys.executable).resolve()
    appimage, appdir = os.environ.get("APPIMAGE"), os.environ.get("APPDIR")
    # Programs started from inside an AppImage inherit $APPIMAGE and $APPDIR (the mount):
    # they name Satchel's AppImage only when this executable runs from that mount.
    if appimage and appdir and executable.is_relative_to(Path(appdir).resolve()):
        return Path(appimage).resolve().parent
    folder = executable.parent
    bundle = folder.parent.parent
    if folder.name == "MacOS" and folder.parent.name == "Contents" and bundle.suffix == ".app":
        # A macOS app bundle is signed as a whole: a marker inside it would break the
        # signature, so it sits beside `Satchel.app`.
        return bundle.parent
    return folder


@dataclass(frozen=True, slots=True)
class Locations:
    """Where this run keeps vault folders and its settings file."""

    data_dir: Path
    """Vault folders live directly under it: `vault` (the default), `vault-2`, ..."""
    settings_file: Path
    """The app's settings (an INI file): language, window geometry. No case data."""
    portable_root: Path | None = None
    """The folder holding `satchel.portable`, when this copy is portable."""
    cache_dir: Path | None = None
    """Where the libraries under Satchel keep caches (fontconfig, Mesa, Qt), when it is not
    the platform's per-user cache folder: `Data/cache` in a portable copy."""

    @property
    def portable(self) -> bool:
        return self.portable_root is not None

    @classmethod
    def for_program(cls, folder: Path | None) -> Locations:
        """Portable when `folder` holds the marker, else the per-user locations."""
        if folder is not None and (folder / PORTABLE_MARKER).is_file():
            return cls.portable_in(folder)
        return cls.per_user()

    @classmethod
    def portable_in(cls, root: Path) -> Locations:
        """Everything under `root/Data/`, beside the marker."""
        data = root / PORTABLE_DATA
        return cls(
            data_dir=data,
            settings_file=data / "settings.ini",
            portable_root=root,
            cache_dir=data / "cache",
        )

    @classmethod
    def per_user(cls) -> Locations:
        """The platform's per-user folders (platformdirs), read from the environment now.

        On Linux `~/.local/share/Satchel` and `~/.config/Satchel/Satchel.conf`, the file Qt
        itself used before Satchel named it explicitly, so a language chosen earlier stays.
        """
        data = Path(platformdirs.user_data_dir(_APP, appauthor=False))
        config = Path(platformdirs.user_config_dir(_APP, appauthor=False))
        return cls(data_dir=data, settings_file=config / f"{_APP}.conf")


def locations() -> Locations:
    """The locations of this run, decided by the marker beside the program.

    Asked afresh each time (one stat): cheap, and nothing to keep in step with the
    environment.
    """
    return Locations.for_program(program_folder())


def default_vault_dir() -> Path:
    """`SATCHEL_VAULT` if set, else `vault` under the data directory of this run."""
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override).expanduser()
    return locations().data_dir / "vault"


def resolve_vault_path(cli_value: str | None) -> Path:
    """The vault folder to use: `--vault DIR` wins over SATCHEL_VAULT over the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    return default_vault_dir()
