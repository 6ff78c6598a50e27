"""Secrets in mutable buffers that are overwritten when done: keys and typed passphrases.

Python copies immutable `bytes` and `str` freely and never clears them, so every key Satchel
holds lives in a `bytearray` wrapped in SecretBytes, and every passphrase or recovery code
the client reads from its own field travels as SecretText (UTF-8 in a bytearray); `wipe()`
overwrites either in place. Where a library insists on an immutable object (Unicode
normalisation needs a `str`), `wipe_immutable` overwrites that object's own memory before it
is dropped: a CPython-specific measure, checked against the object's layout before it writes
(on another interpreter it writes nothing and says so). This module must never print, log,
pickle or `repr` the content.

What this cannot promise (see docs/threat-model.md): a library may make copies we never see,
and the operating system may swap a page out. Wiping narrows the window to the operation
that needs the secret; it is not a guarantee against an attacker who can read the memory of
an unlocked process.
"""

from __future__ import annotations

import contextlib
import ctypes
import hmac
import secrets
import sys
from collections.abc import Iterator
from types import TracebackType
from typing import Self

__all__ = [
    "SecretBytes",
    "SecretText",
    "code_points",
    "scrub_freed_heap",
    "wipe_buffer",
    "wipe_immutable",
]


class _Wiped:
    """A secret in a bytearray (`_buf`) that `wipe()` overwrites with zeros, once."""

    __slots__ = ("_buf", "_wiped")
    _buf: bytearray
    _wiped: bool

    def wipe(self) -> None:
        """Overwrite the bytes with zeros. Idempotent."""
        if not self._wiped:
            wipe_buffer(self._buf)
            self._wiped = True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.wipe()

    def __del__(self) -> None:
        # Last resort for a secret that was dropped without wipe(); never raise here.
        buf = getattr(self, "_buf", None)
        if buf is not None:
            # At interpreter shutdown ctypes may already be torn down.
            with contextlib.suppress(Exception):
                wipe_buffer(buf)

    def _check(self) -> None:
        if self._wiped:
            raise ValueError("this secret was wiped")


class SecretBytes(_Wiped):
    """A fixed-length secret in a bytearray that `wipe()` overwrites with zeros."""

    __slots__ = ()

    def __init__(self, length: int) -> None:
        """A zero-filled secret of `length` bytes, to be written through `writable()`."""
        if length <= 0:
            raise ValueError("a secret needs at least one byte")
        self._buf = bytearray(length)
        self._wiped = False

    @classmethod
    def random(cls, length: int) -> SecretBytes:
        """Fresh random key material from the operating system's CSPRNG."""
        secret = cls(length)
        # token_bytes returns immutable bytes, which are overwritten once copied.
        chunk = secrets.token_bytes(length)
        secret._buf[:] = chunk
        wipe_immutable(chunk)
        del chunk
        return secret

    @classmethod
    def adopt(cls, buffer: bytearray) -> SecretBytes:
        """Take a copy of `buffer` and wipe the original, so only one live copy remains."""
        secret = cls(len(buffer))
        secret._buf[:] = buffer
        wipe_buffer(buffer)
        return secret

    def __len__(self) -> int:
        return len(self._buf)

    @property
    def wiped(self) -> bool:
        return self._wiped

    def view(self) -> memoryview:
        """Read-only access to the bytes, for APIs that take a bytes-like object."""
        self._check()
        return memoryview(self._buf).toreadonly()

    def writable(self) -> bytearray:
        """The underlying buffer, for APIs that write into one (`derive_into`)."""
        self._check()
        return self._buf

    def equals(self, other: SecretBytes) -> bool:
        """Constant-time comparison (no `__eq__`, so secrets never end up in a set or dict)."""
        self._check()
        return hmac.compare_digest(self._buf, other.view())

    def copy(self) -> SecretBytes:
        self._check()
        twin = SecretBytes(len(self._buf))
        twin._buf[:] = self._buf
        return twin

    def __repr__(self) -> str:
        state = "wiped" if self._wiped else "live"
        return f"<SecretBytes {len(self._buf)} bytes, {state}>"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("SecretBytes cannot be pickled")


def wipe_buffer(buffer: bytearray) -> None:
    """Overwrite a scratch buffer that held secret bytes, in place (memset, no temporary copy)."""
    if buffer:
        ctypes.memset((ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))


class SecretText(_Wiped):
    """A typed secret (passphrase or recovery code) as UTF-8 in a buffer `wipe()` overwrites.

    Made by the client's passphrase field from the keys pressed, handed to the core, and
    wiped by whoever holds it last; nothing here turns it into a `str`.
    """

    __slots__ = ()

    def __init__(self, utf8: bytearray) -> None:
        """Take ownership of `utf8` (not a copy: the caller drops its reference)."""
        self._buf = utf8
        self._wiped = False

    @classmethod
    def from_code_points(cls, points: Iterator[int] | list[int]) -> SecretText:
        """UTF-8 of `points`, encoded here into a buffer sized once (no growth, no copies)."""
        points = list(points)
        size = sum(1 if p < 0x80 else 2 if p < 0x800 else 3 if p < 0x10000 else 4 for p in points)
        buf = bytearray(size)
        i = 0
        for p in points:
            if p < 0x80:
                buf[i] = p
                i += 1
            elif p < 0x800:
                buf[i], buf[i + 1] = 0xC0 | p >> 6, 0x80 | p & 0x3F
                i += 2
            elif p < 0x10000:
                buf[i], buf[i + 1], buf[i + 2] = (
                    0xE0 | p >> 12,
                    0x80 | p >> 6 & 0x3F,
                    0x80 | p & 0x3F,
                )
                i += 3
            else:
                buf[i] = 0xF0 | p >> 18
                buf[i + 1], buf[i + 2], buf[i + 3] = (
                    0x80 | p >> 12 & 0x3F,
                    0x80 | p >> 6 & 0x3F,
                    0x80 | p & 0x3F,
                )
                i += 4
        for k in range(len(points)):
            points[k] = 0
        return cls(buf)

    def __len__(self) -> int:
        """Length in bytes of the UTF-8."""
        return len(self._buf)

    @property
    def wiped(self) -> bool:
        return self._wiped

    def view(self) -> memoryview:
        self._check()
        return memoryview(self._buf).toreadonly()

    def code_points(self) -> Iterator[int]:
        """The characters one at a time, as integers (never a whole `str`)."""
        self._check()
        return code_points(self._buf)

    def char_count(self) -> int:
        self._check()
        return sum(1 for b in self._buf if b & 0xC0 != 0x80)

    def equals(self, other: SecretText) -> bool:
        """Constant-time comparison of the UTF-8."""
        self._check()
        return hmac.compare_digest(self._buf, other.view())

    def copy(self) -> SecretText:
        self._check()
        twin = bytearray(len(self._buf))
        twin[:] = self._buf
        return SecretText(twin)

    def __repr__(self) -> str:
        return f"<SecretText {'wiped' if self._wiped else 'live'}>"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("SecretText cannot be pickled")


def code_points(utf8: bytearray | memoryview) -> Iterator[int]:
    """Decode UTF-8 one character at a time (the input is valid: we encoded it)."""
    i, n = 0, len(utf8)
    while i < n:
        lead = utf8[i]
        width = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        point = lead if width == 1 else lead & (0x7F >> width)
        for k in range(i + 1, min(i + width, n)):
            point = (point << 6) | (utf8[k] & 0x3F)
        yield point
        i += width


# -- overwriting immutable objects (CPython only) -------------------------------------------
#
# A compact `str` keeps its characters right after its header (1, 2 or 4 bytes each), and a
# non-ASCII one may cache its UTF-8 behind a pointer in that header; a `bytes` keeps its data
# at the end of its header. The sizes are measured here rather than written down, and every
# write is preceded by a check that the memory found there holds exactly the object's
# content, so a different layout means no write at all.

_CPYTHON = sys.implementation.name == "cpython"
_ASCII_HEADER = sys.getsizeof("ab") - 3
_COMPACT_HEADER = sys.getsizeof("\u0100\u0101") - 6
_BYTES_HEADER = bytes.__basicsize__ - 1
_UTF8_FIELDS = _ASCII_HEADER  # utf8_length, then the utf8 pointer, follow the ASCII header


def wipe_immutable(obj: str | bytes) -> bool:
    """Overwrite the memory of a `str` or `bytes` only the caller holds, before dropping it.

    Returns whether it wrote. Never call it on an object anyone else may still use (a
    literal, an interned name, a dictionary key): its content changes under them.
    """
    if not _CPYTHON or len(obj) < 2:
        return False  # one-character objects are shared singletons, and not a secret
    if type(obj) is bytes:
        address = id(obj) + _BYTES_HEADER
        data = (ctypes.c_ubyte * len(obj)).from_address(address)
        if any(data[i] != obj[i] for i in range(len(obj))):
            return False
        ctypes.memset(address, 0, len(obj))
        return True
    if type(obj) is not str:
        return False
    widest = max(ord(ch) for ch in obj)
    kind = 1 if widest < 0x100 else 2 if widest < 0x10000 else 4
    address = id(obj) + (_ASCII_HEADER if widest < 0x80 else _COMPACT_HEADER)
    unit: type[ctypes._SimpleCData[int]] = {
        1: ctypes.c_uint8,
        2: ctypes.c_uint16,
        4: ctypes.c_uint32,
    }[kind]
    units = (unit * len(obj)).from_address(address)
    if any(units[i] != ord(ch) for i, ch in enumerate(obj)):
        return False
    if widest >= 0x80:
        # A cached UTF-8 form (made by any C code that asked for one) is a second copy.
        length = ctypes.c_ssize_t.from_address(id(obj) + _UTF8_FIELDS).value
        pointer = ctypes.c_void_p.from_address(id(obj) + _UTF8_FIELDS + 8).value
        expected = sum(
            1 if ord(c) < 0x80 else 2 if ord(c) < 0x800 else 3 if ord(c) < 0x10000 else 4
            for c in obj
        )
        if pointer and pointer != address and length == expected:
            ctypes.memset(pointer, 0, length)
    ctypes.memset(address, 0, len(obj) * kind)
    return True


# -- what a library freed without zeroing (glibc only) ----------------------------------------
#
# The Argon2id of `cryptography` (OpenSSL's) copies the password into a small heap block of
# its own and frees it without zeroing: measured with tools/proof/memscan.py, one whole copy
# of "passphrase:<the passphrase>" stayed in the heap after every derivation. glibc hands a
# thread's most recently freed small blocks back first (its per-thread cache, then the fast
# bins), so taking a few blocks of every small size, zeroing them and freeing them again
# overwrites what the derivation just left. Run it on the thread that derived.

_SCRUB_SIZES = range(24, 1040, 16)
_SCRUB_PER_SIZE = 2


def _glibc() -> ctypes.CDLL | None:
    import platform

    if sys.platform != "linux" or platform.libc_ver()[0] != "glibc":
        return None
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.restype = None
    libc.free.argtypes = [ctypes.c_void_p]
    return libc


_LIBC = _glibc()


def scrub_freed_heap() -> bool:
    """Overwrite the small heap blocks this thread freed last (glibc); whether it ran."""
    if _LIBC is None:
        return False
    blocks = []
    for size in _SCRUB_SIZES:
        for _ in range(_SCRUB_PER_SIZE):
            block = _LIBC.malloc(size)
            if block:
                ctypes.memset(block, 0, size)
                blocks.append(block)
    for block in blocks:
        _LIBC.free(block)
    return True
