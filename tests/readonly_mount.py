"""A folder made read-only the way a write-protected USB stick is: a read-only bind mount.

chmod is no test here: the suite may run as root, and root writes through permissions.
A read-only mount refuses every writer (EROFS), root included. Mounting needs the right
to mount (root in this sandbox and in CI's container); without it the tests skip and say so.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only_view(folder: Path, mountpoint: Path) -> Iterator[Path]:
    """`folder` seen read-only at `mountpoint` for the duration."""
    mount = shutil.which("mount")
    umount = shutil.which("umount")
    if mount is None or umount is None:
        pytest.skip("no mount command: cannot make a read-only medium")
    mountpoint.mkdir()
    steps = [[mount, "--bind", str(folder), str(mountpoint)]]
    steps.append([mount, "-o", "remount,bind,ro", str(mountpoint)])
    for i, step in enumerate(steps):
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            if i:
                subprocess.run([umount, str(mountpoint)], capture_output=True, check=False)
            pytest.skip(f"cannot mount read-only here: {done.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run([umount, str(mountpoint)], capture_output=True, check=True)
