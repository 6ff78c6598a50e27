"""The single-instance lock: one process at a time holds a vault unlocked.

An exclusive, non-blocking OS lock on `vault.lock` in the vault folder is taken before the
keyslots are read and held until the vault is closed. The OS drops it if the process dies,
so a crash never leaves a vault locked out. The lock file is never written to: holding the
lock changes no byte, so a failed unlock leaves the folder exactly as it was.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Self

from satchel.errors import VaultInUse

__all__ = ["LOCK_NAME", "VaultLock"]

LOCK_NAME = "vault.lock"


class VaultLock:
    """An exclusive lock on one vault folder, released by `release()` or on exit."""

    __slots__ = ("_fd", "path")

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    @classmethod
    def acquire(cls, folder: Path) -> VaultLock:
        """Take the lock or raise VaultInUse at once (never wait: the user should know)."""
        lock = cls(folder)
        while True:
            fd = os.open(lock.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
            try:
                _lock_fd(fd)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
                    raise VaultInUse(
                        "The vault at {folder} is already open in another Satchel window or "
                        "process. Close it there first; nothing was changed.",
                        code="vault_already_open_another_satchel",
                        folder=folder,
                    ) from None
                raise
            if _still_named(fd, lock.path):
                lock._fd = fd
                return lock
            # vault.lock was removed (or replaced) after we opened it: a lock on that
            # file guards nothing, since the next process opens the new one. Start over.
            _unlock_fd(fd)
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Drop the lock. Idempotent."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock_fd(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _still_named(fd: int, path: Path) -> bool:
    """Whether `path` still names the file open as `fd`."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


if sys.platform == "win32":
    import msvcrt

    def _lock_fd(fd: int) -> None:
        # Byte-range lock on the first byte; the file may be empty, Windows allows that.
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        # flock, not fcntl/lockf: flock locks belong to the open file description, so a
        # second open in the *same* process is refused too (a POSIX record lock would
        # silently succeed there, and two Vault objects would share one database).
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
