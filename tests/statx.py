"""File birth times through statx(2) (Python's os.stat has none on Linux), for the tests that
look at a vault folder the way an examiner does."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

_AT_FDCWD = -100
_STATX_BASIC_STATS = 0x7FF
_STATX_BTIME = 0x800


class _Timestamp(ctypes.Structure):
    _fields_ = [("sec", ctypes.c_int64), ("nsec", ctypes.c_uint32), ("_pad", ctypes.c_int32)]


class _Statx(ctypes.Structure):
    _fields_ = [
        ("mask", ctypes.c_uint32),
        ("blksize", ctypes.c_uint32),
        ("attributes", ctypes.c_uint64),
        ("nlink", ctypes.c_uint32),
        ("uid", ctypes.c_uint32),
        ("gid", ctypes.c_uint32),
        ("mode", ctypes.c_uint16),
        ("_spare0", ctypes.c_uint16),
        ("ino", ctypes.c_uint64),
        ("size", ctypes.c_uint64),
        ("blocks", ctypes.c_uint64),
        ("attributes_mask", ctypes.c_uint64),
        ("atime", _Timestamp),
        ("btime", _Timestamp),
        ("ctime", _Timestamp),
        ("mtime", _Timestamp),
        ("_rest", ctypes.c_uint64 * 20),
    ]


def birth_ns(path: Path) -> int | None:
    """The file's birth time in ns, or None where the platform or file system keeps none."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "statx"):
        return None
    buf = _Statx()
    if (
        libc.statx(
            _AT_FDCWD, os.fsencode(path), 0, _STATX_BASIC_STATS | _STATX_BTIME, ctypes.byref(buf)
        )
        != 0
    ):
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(path))
    if not buf.mask & _STATX_BTIME:
        return None
    return buf.btime.sec * 1_000_000_000 + buf.btime.nsec
