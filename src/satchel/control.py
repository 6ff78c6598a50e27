"""The local control channel: how `satchel lock` reaches a running Satchel.

A Unix-domain socket (a named pipe on Windows, through QLocalServer) in the user's private
runtime directory, accessible to this user only. It understands one line, `lock`, and
answers `ok`. No network, no case data: a command goes in, a word comes back.
This module has no Qt so the CLI can use it without starting a GUI.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import sys
import tempfile
from pathlib import Path

__all__ = ["LOCK_COMMAND", "control_socket_path", "send_command"]

LOCK_COMMAND = b"lock"
REPLY_OK = b"ok"


def control_socket_path() -> Path:
    """Where the running client listens: in the per-user runtime directory (0700)."""
    if sys.platform == "win32":
        # QLocalServer takes a pipe name on Windows; keep it per user.
        user = os.environ.get("USERNAME", "user")
        return Path(f"satchel-control-{hashlib.sha256(user.encode()).hexdigest()[:16]}")
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        base = Path(runtime)
    else:
        # No per-user runtime directory (a bare X session, a container): a private folder
        # in the temp directory, which must be ours and closed to others — in a shared
        # /tmp another user could have created it first to catch the lock command.
        uid = os.getuid() if hasattr(os, "getuid") else 0
        base = Path(tempfile.gettempdir()) / f"satchel-{uid}"
        base.mkdir(mode=0o700, exist_ok=True)
        info = base.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o077:
            raise PermissionError(f"{base} is not a private folder of this user")
    return base / f"satchel-{os.getuid() if hasattr(os, 'getuid') else 0}.control"


def send_command(command: bytes, path: Path | None = None, timeout_s: float = 3.0) -> bool:
    """Send one command to the running client; True when it answered `ok`.

    Returns False when no client is listening.
    """
    try:
        target = path or control_socket_path()
    except OSError:  # no private place for the socket: no client can be listening there
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        pipe = rf"\\.\pipe\{target}"
        try:
            with open(pipe, "r+b", buffering=0) as f:
                f.write(command + b"\n")
                return f.readline().strip() == REPLY_OK
        except OSError:
            return False
    if not target.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout_s)
        try:
            s.connect(str(target))
            s.sendall(command + b"\n")
            reply = b""
            while not reply.endswith(b"\n") and len(reply) < 64:
                chunk = s.recv(64)
                if not chunk:
                    break
                reply += chunk
        except OSError:
            return False
    return reply.strip() == REPLY_OK
