"""Atomic file writes: replace a file whole or not at all; overwrite bytes before removal.

A replaced file is written to a temp file in the same folder, synced, renamed over the
old one, and the folder synced, so a crash leaves the old or the new version, never half
of one. A full disk is reported as DiskFull. This module knows nothing of what the files
hold, and never writes outside the folder of the file it is given.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from satchel.errors import DiskFull

__all__ = [
    "TEMP_PREFIX",
    "copy_atomically",
    "disk_errors",
    "fsync_dir",
    "overwrite_and_unlink",
    "overwrite_even_read_only",
    "remove_quietly",
    "replace_erasing_old",
    "replace_then_erase_old",
    "write_atomically",
    "write_random_file",
]

TEMP_PREFIX = ".satchel-tmp-"
"""Temp files start so; one left behind by a crash is erased at the next unlock."""
_HEADER_OVERWRITE = 64 * 1024


@contextlib.contextmanager
def disk_errors() -> Iterator[None]:
    """Report a full disk as DiskFull; other OS errors pass through unchanged."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise DiskFull(
                "The disk is full; the vault was not changed. Free some space and try again.",
                code="disk_full_vault_not_changed",
            ) from exc
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: temp file, fsync, rename, fsync the folder."""
    temp = path.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise
    fsync_dir(path.parent)


def copy_atomically(source: Path, target: Path) -> None:
    """Copy a file (streamed: a vault with documents can be gigabytes) and make it durable."""
    temp = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with open(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    fsync_dir(target.parent)


def write_random_file(path: Path, size: int) -> None:
    write_atomically(path, secrets.token_bytes(size))


def replace_erasing_old(path: Path, data: bytes) -> None:
    """As `write_atomically`, but the old file's bytes are overwritten in place first."""
    temp = path.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        write_atomically(temp, data)
        if path.exists():
            overwrite_even_read_only(path, whole=True)
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise
    fsync_dir(path.parent)


def replace_then_erase_old(path: Path, data: bytes) -> None:
    """As `write_atomically`, then overwrite the replaced file's bytes where they lie.

    A rename alone leaves the old keyslots in free disk blocks, where the old passphrase
    (changed because it leaked) or the old recovery code would still unwrap the master key,
    and a later panic wipe would not reach them. The old bytes are overwritten only once
    the new file is durable, so a crash at any point leaves a keyslots file that opens; and
    only if no other name links to them (a hard-linked backup copy is the user's to keep).
    """
    old_fd: int | None = None
    if os.name != "nt":  # Windows refuses to rename over a file that is open
        flags = os.O_RDWR | getattr(os, "O_CLOEXEC", 0)
        with contextlib.suppress(FileNotFoundError):
            try:
                old_fd = os.open(path, flags)
            except PermissionError:
                # Read-only, as restored from a backup: still erase it. A file we cannot
                # make writable (not ours) is replaced all the same, just not erased.
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
                    old_fd = os.open(path, flags)
    try:
        write_atomically(path, data)
        if old_fd is not None and os.fstat(old_fd).st_nlink == 0:
            size = os.fstat(old_fd).st_size
            view = memoryview(secrets.token_bytes(size))
            offset = 0
            while offset < size:
                offset += os.pwrite(old_fd, view[offset:], offset)
            os.fsync(old_fd)
    finally:
        if old_fd is not None:
            os.close(old_fd)


def _overwrite(path: Path, *, whole: bool = False) -> None:
    """Overwrite a file's head (or all of it) with random bytes and sync, in place."""
    size = path.stat().st_size
    length = size if whole else min(size, _HEADER_OVERWRITE)
    with open(path, "r+b", buffering=0) as fh:
        fh.write(secrets.token_bytes(length))
        os.fsync(fh.fileno())


def overwrite_even_read_only(path: Path, *, whole: bool = False) -> None:
    """`_overwrite`, making a read-only file writable first.

    A file restored read-only from a backup can still be removed or renamed over, which
    would leave its bytes on the disk; it must be overwritten all the same.
    """
    try:
        _overwrite(path, whole=whole)
    except PermissionError:
        os.chmod(path, 0o600)
        _overwrite(path, whole=whole)


def overwrite_and_unlink(path: Path, *, whole: bool = False) -> None:
    try:
        overwrite_even_read_only(path, whole=whole)
    except FileNotFoundError:
        return
    except PermissionError:
        pass  # e.g. a file Windows keeps open; removing it still matters
    path.unlink(missing_ok=True)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows cannot open a folder for fsync, and needs not."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
