"""SecretBytes: key material kept in one mutable buffer that is overwritten when done.

Python copies immutable `bytes` freely and never clears them, so every key Satchel holds
for longer than one call lives in a `bytearray` wrapped here, and `wipe()` overwrites it
in place. This module must never print, log, pickle or `repr` the content.

What this cannot promise (see docs/threat-model.md): the interpreter or a C library may
have made transient copies (the hex text of a SQLCipher `PRAGMA key`, a passphrase `str`),
and the operating system may swap the page out. Wiping narrows the window; it is not a
guarantee against an attacker who can read the memory of an unlocked process.
"""

from __future__ import annotations

import contextlib
import ctypes
import hmac
import secrets
from types import TracebackType
from typing import Self

__all__ = ["SecretBytes", "wipe_buffer"]


class SecretBytes:
    """A fixed-length secret in a bytearray that `wipe()` overwrites with zeros."""

    __slots__ = ("_buf", "_wiped")

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
        # token_bytes returns immutable bytes; clear our reference right away. The object
        # itself cannot be overwritten, which is why callers that can write straight into
        # the buffer (derive_into, decrypt_into) do so instead.
        chunk = secrets.token_bytes(length)
        secret._buf[:] = chunk
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

    def hex(self) -> str:
        """The secret as hex text. The returned `str` cannot be wiped; use it briefly."""
        self._check()
        return self._buf.hex()

    def equals(self, other: SecretBytes) -> bool:
        """Constant-time comparison (no `__eq__`, so secrets never end up in a set or dict)."""
        self._check()
        return hmac.compare_digest(self._buf, other.view())

    def copy(self) -> SecretBytes:
        self._check()
        twin = SecretBytes(len(self._buf))
        twin._buf[:] = self._buf
        return twin

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

    def __repr__(self) -> str:
        state = "wiped" if self._wiped else "live"
        return f"<SecretBytes {len(self._buf)} bytes, {state}>"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("SecretBytes cannot be pickled")

    def _check(self) -> None:
        if self._wiped:
            raise ValueError("this secret was wiped")


def wipe_buffer(buffer: bytearray) -> None:
    """Overwrite a scratch buffer that held secret bytes, in place (memset, no temporary copy)."""
    if buffer:
        ctypes.memset((ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))
