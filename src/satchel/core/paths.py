"""Where the vault lives: the per-user default folder, SATCHEL_VAULT, and `--vault`.

Only locations are decided here; nothing is created or read. Never put anything but a
vault folder under the data directory: app settings outside the vault hold no case data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["VAULT_ENV", "default_vault_dir", "resolve_vault_path"]

VAULT_ENV = "SATCHEL_VAULT"


def default_vault_dir() -> Path:
    """`SATCHEL_VAULT` if set, else `<user data dir>/Satchel/vault` (platformdirs)."""
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("Satchel", appauthor=False)) / "vault"


def resolve_vault_path(cli_value: str | None) -> Path:
    """The vault folder to use: `--vault DIR` wins over SATCHEL_VAULT over the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    return default_vault_dir()
