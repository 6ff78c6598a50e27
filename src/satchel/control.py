"""The local control channel: how `satchel lock` reaches every running Satchel.

Each running client listens on its own Unix-domain socket (a named pipe on Windows, through
QLocalServer) in a folder of the user's private runtime directory, accessible to this user
only: one socket per instance, so a second Satchel started later never takes the channel
from the first. `satchel lock` connects to every socket in the folder, sends one line,
`lock`, and reads what each instance did: `locked`, `already-locked` (it was at its unlock
screen) or `failed`. A socket nobody listens on is left by a crashed client and removed; an
instance that does not answer in time is reported as such, never counted as locked.
No network, no case data: a command goes in, a word comes back.
This module has no Qt so the CLI can use it without starting a GUI.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import socket
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LOCK_COMMAND",
    "InstanceAnswer",
    "control_dir",
    "control_socket_path",
    "lock_all",
    "send_command",
]

LOCK_COMMAND = b"lock"
REPLY_OK = b"ok"  # an instance of an older Satchel: it locked (it could not say more)
REPLY_LOCKED = b"locked"
REPLY_ALREADY_LOCKED = b"already-locked"
REPLY_FAILED = b"failed"
_PIPE_PREFIX = "satchel-control-"


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def _private_folder(path: Path) -> Path:
    """`path` as a folder of this user that nobody else can enter (made if missing)."""
    path.mkdir(mode=0o700, exist_ok=True)
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != _uid() or info.st_mode & 0o077:
        # In a shared /tmp another user could have made it first to catch the lock command.
        raise PermissionError(f"{path} is not a private folder of this user")
    return path


def control_dir() -> Path:
    """The folder of control sockets, one per running client, in the per-user runtime dir."""
    if sys.platform == "win32":  # pragma: no cover - pipes have no folder; see below
        return Path(_PIPE_PREFIX + _user_hash())
    leaf = f"satchel-{_uid()}.control"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir() and _room_for_sockets(Path(runtime) / leaf):
        base = Path(runtime)
    else:
        # No per-user runtime directory (a bare X session, a container), or one so deep
        # that a socket's name would not fit (a client would listen nowhere, and `satchel
        # lock` could not reach it): a private folder in the temp directory, or in /tmp.
        temp = Path(tempfile.gettempdir())
        if not _room_for_sockets(temp / f"satchel-{_uid()}" / leaf):
            # _private_folder refuses a folder that another user made there first.
            temp = Path("/tmp")  # noqa: S108
        base = _private_folder(temp / f"satchel-{_uid()}")
    return _private_folder(base / leaf)


# A socket's whole path fits in sockaddr_un.sun_path with its final NUL: 108 bytes on
# Linux, 104 on macOS and the BSDs. A socket's name is a process id and 8 hex digits.
_SOCKET_PATH_MAX = 107 if sys.platform.startswith("linux") else 103
_SOCKET_NAME_MAX = len(str(2**22)) + 1 + 8  # control_socket_path's name


def _room_for_sockets(folder: Path) -> bool:
    return len(os.fsencode(folder)) + 1 + _SOCKET_NAME_MAX <= _SOCKET_PATH_MAX


def _user_hash() -> str:
    user = os.environ.get("USERNAME", "user")
    return hashlib.sha256(user.encode()).hexdigest()[:16]


def control_socket_path() -> Path:
    """A new socket for this client: named by its process id, unique within the process."""
    name = f"{os.getpid()}-{secrets.token_hex(4)}"
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        # QLocalServer takes a pipe name on Windows; keep it per user and per instance.
        return Path(f"{_PIPE_PREFIX}{_user_hash()}-{name}")
    return control_dir() / name


@dataclass(frozen=True, slots=True)
class InstanceAnswer:
    """What one running client said to `lock`."""

    process: str  # the client's process id as written in its socket's name
    status: str  # "locked", "already-locked", "failed" or "no-answer"


def lock_all(folder: Path | None = None, timeout_s: float = 3.0) -> list[InstanceAnswer]:
    """Ask every running client of this user to lock; one answer per client reached.

    A socket left by a crashed client (nobody listening) is removed and not reported.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        prefix = _PIPE_PREFIX + _user_hash() + "-"
        try:
            names = [n for n in os.listdir("\\\\.\\pipe\\") if n.startswith(prefix)]
        except OSError:
            return []
        return [
            InstanceAnswer(n[len(prefix) :].split("-")[0], _ask_pipe(n, LOCK_COMMAND))
            for n in sorted(names)
        ]
    try:
        where = folder or control_dir()
        entries = sorted(where.iterdir())
    except OSError:  # no private place for sockets: no client can be listening there
        return []
    answers = []
    for entry in entries:
        try:
            if not stat.S_ISSOCK(entry.lstat().st_mode):
                continue
        except OSError:
            continue
        status = _ask(entry, LOCK_COMMAND, timeout_s)
        if status is None:
            try:
                entry.unlink()  # stale: its client is gone
            except OSError:
                pass
            continue
        answers.append(InstanceAnswer(entry.name.split("-")[0], status))
    return answers


def _status(reply: bytes) -> str:
    reply = reply.strip()
    if reply in (REPLY_LOCKED, REPLY_OK):
        return "locked"
    if reply == REPLY_ALREADY_LOCKED:
        return "already-locked"
    if reply == REPLY_FAILED:
        return "failed"
    return "no-answer"


def _ask(target: Path, command: bytes, timeout_s: float) -> str | None:
    """The instance's status, or None when nobody listens on `target` (a stale socket)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout_s)
        try:
            s.connect(str(target))
        except OSError as exc:
            if exc.errno in (errno.ECONNREFUSED, errno.ENOENT):
                return None
            return "no-answer"
        reply = b""
        try:
            s.sendall(command + b"\n")
            while not reply.endswith(b"\n") and len(reply) < 64:
                chunk = s.recv(64)
                if not chunk:
                    break
                reply += chunk
        except OSError:  # a client too busy to answer in time may still be unlocked
            return "no-answer"
    return _status(reply)


def _ask_pipe(name: str, command: bytes) -> str:  # pragma: no cover - Windows only
    try:
        with open(rf"\\.\pipe\{name}", "r+b", buffering=0) as f:
            f.write(command + b"\n")
            return _status(f.readline())
    except OSError:
        return "no-answer"


def send_command(command: bytes, path: Path, timeout_s: float = 3.0) -> bool:
    """Send one command to the client listening on `path`; True when it locked or was locked."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _ask_pipe(str(path), command) in ("locked", "already-locked")
    return _ask(path, command, timeout_s) in ("locked", "already-locked")
