"""The single-instance lock stays exclusive when its file is removed or replaced mid-way."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF

from satchel.core import lockfile
from satchel.core.lockfile import LOCK_NAME, VaultLock
from satchel.core.vault import Vault
from satchel.errors import DiskFull, VaultInUse

PASSPHRASE = "harbour gull 1871 rope"


def test_lock_taken_while_a_failed_create_cleans_up_stays_exclusive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A create that fails (here: disk full) removes the vault.lock it made. Removing it
    # after letting go of the lock let a process that took the lock in between hold a file
    # nobody else could see: the next process made a new vault.lock and got a lock too.
    folder = tmp_path / "vault"
    others: list[VaultLock] = []
    real_release = VaultLock.release

    def release_then_another_process_locks(self: VaultLock) -> None:
        real_release(self)
        if not others:
            folder.mkdir(exist_ok=True)
            others.append(VaultLock.acquire(folder))

    def no_space(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(VaultLock, "release", release_then_another_process_locks)
    monkeypatch.setattr(os, "write", no_space)
    with pytest.raises(DiskFull):
        Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    monkeypatch.undo()
    try:
        folder.mkdir(exist_ok=True)  # a third process creating a vault here
        with pytest.raises(VaultInUse):
            VaultLock.acquire(folder)
    finally:
        for other in others:
            other.release()


def test_lock_file_replaced_while_locking_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Between opening vault.lock and locking it, the file can be removed and made anew by
    # another process, which then locks the new one. A lock on the removed file guards
    # nothing, so it must not count as holding the vault.
    real_lock_fd = lockfile._lock_fd
    others: list[VaultLock] = []
    replaced: list[bool] = []

    def file_replaced_first(fd: int) -> None:
        if not replaced:
            replaced.append(True)
            (tmp_path / LOCK_NAME).unlink()
            others.append(VaultLock.acquire(tmp_path))
        real_lock_fd(fd)

    (tmp_path / LOCK_NAME).touch()
    monkeypatch.setattr(lockfile, "_lock_fd", file_replaced_first)
    try:
        with pytest.raises(VaultInUse):
            VaultLock.acquire(tmp_path)
    finally:
        for other in others:
            other.release()
