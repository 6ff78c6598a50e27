"""Where Satchel writes: per user, or under Data/ beside a portable copy's marker.

A frozen build is emulated the way PyInstaller makes one: `sys.frozen` set and
`sys.executable` naming the program inside its folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from satchel.core import paths
from satchel.core.paths import PORTABLE_MARKER, Locations


@pytest.fixture
def frozen_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Pretend to be a frozen build whose executable sits in the returned folder."""
    monkeypatch.delenv("APPIMAGE", raising=False)
    monkeypatch.delenv("APPDIR", raising=False)
    monkeypatch.delenv(paths.VAULT_ENV, raising=False)

    def freeze(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(folder / "satchel"))
        return folder

    return freeze


def test_a_marker_beside_the_frozen_program_keeps_everything_under_data(frozen_in, tmp_path):
    program = frozen_in(tmp_path / "stick" / "Satchel")
    (program / PORTABLE_MARKER).write_bytes(b"")
    here = paths.locations()
    assert here.portable and here.portable_root == program
    assert here.data_dir == program / "Data"
    assert here.settings_file == program / "Data" / "settings.ini"
    assert here.cache_dir == program / "Data" / "cache"
    assert paths.default_vault_dir() == program / "Data" / "vault"


def test_without_the_marker_a_frozen_program_uses_the_per_user_folders(frozen_in, tmp_path):
    frozen_in(tmp_path / "opt" / "satchel")
    here = paths.locations()
    assert not here.portable and here.cache_dir is None
    assert here.data_dir.is_relative_to(os.environ["XDG_DATA_HOME"])
    assert here.settings_file.is_relative_to(os.environ["XDG_CONFIG_HOME"])
    assert paths.default_vault_dir() == here.data_dir / "vault"


def test_an_appimage_looks_for_the_marker_beside_the_appimage_file(
    frozen_in, tmp_path, monkeypatch
):
    # The AppImage runtime mounts the program read-only ($APPDIR) and names the file in
    # $APPIMAGE.
    mount = tmp_path / "mnt" / ".mount_SatchXYZ"
    frozen_in(mount / "usr" / "bin")
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("APPDIR", str(mount))
    monkeypatch.setenv("APPIMAGE", str(stick / "Satchel-x86_64.AppImage"))
    assert not paths.locations().portable
    (stick / PORTABLE_MARKER).write_bytes(b"")
    assert paths.locations().portable_root == stick
    assert paths.default_vault_dir() == stick / "Data" / "vault"


def test_appimage_variables_inherited_from_another_appimage_are_not_ours(
    frozen_in, tmp_path, monkeypatch
):
    # An installed Satchel started from a terminal that itself runs as an AppImage.
    program = frozen_in(tmp_path / "opt" / "satchel")
    elsewhere = tmp_path / "apps"
    elsewhere.mkdir()
    (elsewhere / PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setenv("APPDIR", str(tmp_path / "mnt" / ".mount_TermABC"))
    monkeypatch.setenv("APPIMAGE", str(elsewhere / "Terminal.AppImage"))
    assert paths.program_folder() == program
    assert not paths.locations().portable


def test_a_macos_app_looks_for_the_marker_beside_the_app_bundle(frozen_in, tmp_path):
    # Inside the signed bundle the marker would break the signature.
    frozen_in(tmp_path / "stick" / "Satchel.app" / "Contents" / "MacOS")
    (tmp_path / "stick" / PORTABLE_MARKER).write_bytes(b"")
    assert paths.locations().portable_root == tmp_path / "stick"


def test_run_from_python_neither_the_interpreter_folder_nor_appimage_makes_it_portable(
    tmp_path, monkeypatch
):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    (tmp_path / PORTABLE_MARKER).write_bytes(b"")
    # A program started from inside an AppImage inherits $APPIMAGE.
    monkeypatch.setenv("APPIMAGE", str(tmp_path / "Other.AppImage"))
    assert paths.program_folder() is None
    assert not paths.locations().portable


def test_a_folder_named_like_the_marker_is_not_a_marker(frozen_in, tmp_path):
    program = frozen_in(tmp_path / "Satchel")
    (program / PORTABLE_MARKER).mkdir()
    assert not paths.locations().portable


def test_an_explicit_vault_still_wins_in_a_portable_copy(frozen_in, tmp_path, monkeypatch):
    program = frozen_in(tmp_path / "Satchel")
    (program / PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setenv(paths.VAULT_ENV, str(tmp_path / "chosen"))
    assert paths.default_vault_dir() == tmp_path / "chosen"
    assert paths.resolve_vault_path(str(tmp_path / "cli")) == tmp_path / "cli"


def test_for_program_is_the_one_decision(tmp_path):
    assert Locations.for_program(None) == Locations.per_user()
    assert Locations.for_program(tmp_path) == Locations.per_user()
    (tmp_path / PORTABLE_MARKER).write_bytes(b"anything")
    assert Locations.for_program(tmp_path) == Locations.portable_in(tmp_path)
