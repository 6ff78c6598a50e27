"""Shared test set-up: no network, no real user directories, Qt offscreen.

The environment is fixed at import time, before any test module imports platformdirs or
Qt, so nothing can reach the developer's real data, config or cache directories.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="satchel-tests-home-"))
for var, sub in (
    ("HOME", "home"),
    ("XDG_DATA_HOME", "home/.local/share"),
    ("XDG_CONFIG_HOME", "home/.config"),
    ("XDG_CACHE_HOME", "home/.cache"),
    ("XDG_STATE_HOME", "home/.local/state"),
    ("XDG_RUNTIME_DIR", "runtime"),
):
    p = _SANDBOX / sub
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ[var] = str(p)
os.environ.pop("SATCHEL_VAULT", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def sandbox_home() -> Path:
    """The fake home directory every test runs under."""
    return _SANDBOX / "home"


@pytest.fixture(autouse=True)
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test's own XDG_RUNTIME_DIR (control sockets, the private temp folder), as short
    as /run/user/N is: a socket's path must fit in 108 bytes, and tests on parallel workers
    must never reach each other's clients."""
    folder = Path(tempfile.mkdtemp(prefix="run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
