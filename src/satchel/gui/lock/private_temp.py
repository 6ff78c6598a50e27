"""A private temporary folder (0700) for the rare file that must leave the process.

Satchel shows documents from memory; only "Open in external viewer" writes a decrypted
copy, and it goes here. The folder is wiped — files overwritten, then removed — on lock and
on exit. Nothing else may write decrypted data anywhere on disk.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

__all__ = ["folder", "is_empty", "wipe"]

_folder: Path | None = None


def folder() -> Path:
    """The private folder, created on first use with mode 0700."""
    global _folder
    if _folder is None or not _folder.is_dir():
        base = os.environ.get("XDG_RUNTIME_DIR")  # tmpfs on most Linux desktops: RAM, not disk
        parent = Path(base) if base and Path(base).is_dir() else None
        _folder = Path(tempfile.mkdtemp(prefix="satchel-", dir=parent))
        os.chmod(_folder, stat.S_IRWXU)
    return _folder


def is_empty() -> bool:
    return _folder is None or not _folder.exists() or not any(_folder.iterdir())


def _overwrite(path: Path) -> None:
    try:
        size = path.stat().st_size
        with open(path, "r+b", buffering=0) as f:
            remaining = size
            block = b"\0" * (1 << 20)
            while remaining > 0:
                n = min(remaining, len(block))
                f.write(block[:n])
                remaining -= n
            os.fsync(f.fileno())
    except OSError:
        pass  # removal below still happens; overwriting is best effort on journaling disks


def wipe() -> None:
    """Overwrite and remove every file in the private folder, then the folder itself."""
    global _folder
    if _folder is None or not _folder.exists():
        _folder = None
        return
    for root, _dirs, files in os.walk(_folder):
        for name in files:
            p = Path(root) / name
            if p.is_file() and not p.is_symlink():
                _overwrite(p)
    shutil.rmtree(_folder, ignore_errors=True)
    _folder = None
