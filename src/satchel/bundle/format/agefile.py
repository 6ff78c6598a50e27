"""The outer layer of a bundle: an age v1 file, written and read as a stream.

Two kinds of recipient, one format:

* X25519 recipients (colleagues and the sender): pyrage's `encrypt_io` / `decrypt_io`, which
  stream through the file in 64 KiB age chunks.
* A one-time passphrase (age's scrypt recipient), for someone without Satchel. pyrage 1.x only
  offers `pyrage.passphrase.encrypt(bytes)` / `decrypt(bytes)`, which hold the whole file in
  memory, and its streaming calls take no passphrase. So the scrypt case is written and read
  here, following the age v1 specification (age-encryption.org/v1) exactly: header with one
  scrypt stanza and an HMAC, then ChaCha20-Poly1305 STREAM chunks of 64 KiB. The primitives
  are `cryptography`'s; the tests check this code against pyrage in both directions.

Plaintext only ever exists in memory buffers here: this module never writes plaintext to
disk, and it reports every failure as BundleRejected with a reason a user can act on.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pyrage import x25519

from satchel.bundle.format import spec
from satchel.errors import BundleRejected, Cancelled

__all__ = ["AgeKind", "decrypt_stream", "encrypt_stream", "sniff"]

AgeKind = str  # "x25519" or "scrypt"

_PLAIN_CHUNK = 64 * 1024
_SEALED_CHUNK = _PLAIN_CHUNK + 16
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
_B64_RE = re.compile(rb"^[A-Za-z0-9+/]*$")
_MAX_HEADER = 64 * 1024


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    """age's strict unpadded base64: refuse padding, stray characters, non-canonical bits."""
    if not _B64_RE.match(text) or len(text) % 4 == 1:
        raise BundleRejected(
            "the age header is malformed (bad base64)",
            code="bundle_age_header_malformed_bad_base64",
        )
    try:
        raw = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except binascii.Error:
        raise BundleRejected(
            "the age header is malformed (bad base64)",
            code="bundle_age_header_malformed_bad_base64",
        ) from None
    if _b64(raw) != text:
        raise BundleRejected(
            "the age header is malformed (non-canonical base64)",
            code="bundle_age_header_malformed_non_canonical",
        )
    return raw


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def _scrypt_key(passphrase: str, salt: bytes, log_n: int) -> bytes:
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << log_n, r=8, p=1)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# -- reading the header ----------------------------------------------------------------------


def sniff(source: BinaryIO) -> AgeKind:
    """Which recipient type a bundle file uses, from its header; leaves the position at 0."""
    start = source.tell()
    head = source.read(len(spec.AGE_MAGIC) + 64)
    source.seek(start)
    if not head.startswith(spec.AGE_MAGIC):
        # Satchel writes binary bundles and reads nothing else: the ASCII armor would be a
        # second parser to get right (and to attack) for files no Satchel ever sends.
        if head.lstrip().upper().startswith(b"-----BEGIN AGE"):
            raise BundleRejected(
                "armored (text) age files are not bundles; use the binary file",
                code="bundle_armored_text_age_files_are",
            )
        raise BundleRejected(
            "this is not a Satchel bundle (no age v1 header)",
            code="bundle_not_satchel_bundle_no_age",
        )
    return "scrypt" if head[len(spec.AGE_MAGIC) :].startswith(b"-> scrypt ") else "x25519"


def _read_line(source: BinaryIO, budget: list[int]) -> bytes:
    line = source.readline(budget[0] + 1)
    budget[0] -= len(line)
    if budget[0] < 0 or not line.endswith(b"\n"):
        raise BundleRejected(
            "the age header is truncated or too long", code="bundle_age_header_truncated_too_long"
        )
    return line[:-1]


_VCHAR_RE = re.compile(rb"^[\x21-\x7e]+$")
_COLUMNS = 64


def check_header(source: BinaryIO) -> None:
    """Parse an age header strictly by the specification; leave the position where it was.

    pyrage 1.4 accepted a stanza with no body line and one whose body did not end with a
    short line (CCTV vectors stanza_missing_body, stanza_missing_final_line): it is handed
    only headers that pass this check, as age's own format.Parse would.
    """
    start = source.tell()
    budget = [_MAX_HEADER]
    try:
        if _read_line(source, budget) + b"\n" != spec.AGE_MAGIC:
            raise BundleRejected(
                "this is not a Satchel bundle (no age v1 header)",
                code="bundle_not_satchel_bundle_no_age",
            )
        line = _read_line(source, budget)
        stanzas = 0
        while line.startswith(b"-> "):
            args = line[3:].split(b" ")
            if not all(_VCHAR_RE.match(a) for a in args):
                raise BundleRejected(
                    "the age header is malformed (bad recipient line)",
                    code="bundle_age_header_malformed_bad_recipient",
                )
            stanzas += 1
            while True:  # body lines: full ones of 64 columns, then one shorter (maybe empty)
                body = _read_line(source, budget)
                if len(body) > _COLUMNS or body.startswith((b"-> ", b"--- ")):
                    raise BundleRejected(
                        "the age header is malformed (bad recipient body)",
                        code="bundle_age_header_malformed_bad_recipient_2",
                    )
                _unb64(body)
                if len(body) < _COLUMNS:
                    break
            line = _read_line(source, budget)
        if stanzas == 0 or not line.startswith(b"--- "):
            raise BundleRejected("the age header is malformed", code="bundle_age_header_malformed")
        if len(_unb64(line[4:])) != 32:
            raise BundleRejected(
                "the age header is malformed (bad MAC)", code="bundle_age_header_malformed_bad_mac"
            )
    finally:
        source.seek(start)


def _read_scrypt_header(source: BinaryIO, passphrase: str) -> bytes:
    """Parse a header with exactly one scrypt stanza, check its MAC, return the file key."""
    budget = [_MAX_HEADER]
    if _read_line(source, budget) + b"\n" != spec.AGE_MAGIC:
        raise BundleRejected(
            "this is not a Satchel bundle (no age v1 header)",
            code="bundle_not_satchel_bundle_no_age",
        )
    args = _read_line(source, budget).split(b" ")
    if len(args) != 4 or args[:2] != [b"->", b"scrypt"]:
        raise BundleRejected(
            "a passphrase bundle must have exactly one scrypt recipient",
            code="bundle_passphrase_bundle_must_have_exactly",
        )
    salt = _unb64(args[2])
    if len(salt) != 16 or not re.fullmatch(rb"[1-9][0-9]?", args[3]):
        raise BundleRejected(
            "the age scrypt recipient is malformed", code="bundle_age_scrypt_recipient_malformed"
        )
    log_n = int(args[3])
    if log_n > spec.SCRYPT_LOG_N_MAX:
        raise BundleRejected(
            "the passphrase work factor (2^{log_n}) is above what Satchel accepts "
            "(2^{scrypt_log_n_max})",
            code="bundle_passphrase_work_factor_2_above",
            log_n=log_n,
            scrypt_log_n_max=spec.SCRYPT_LOG_N_MAX,
        )
    body = _unb64(_read_line(source, budget))
    if len(body) != 32:
        raise BundleRejected(
            "the age scrypt recipient is malformed", code="bundle_age_scrypt_recipient_malformed"
        )
    footer = _read_line(source, budget)
    if footer.startswith(b"-> "):
        raise BundleRejected(
            "a passphrase bundle must have exactly one scrypt recipient",
            code="bundle_passphrase_bundle_must_have_exactly",
        )
    if not footer.startswith(b"--- "):
        raise BundleRejected("the age header is malformed", code="bundle_age_header_malformed")
    mac = _unb64(footer[4:])
    if len(mac) != 32:
        raise BundleRejected("the age header is malformed", code="bundle_age_header_malformed")
    try:
        file_key = ChaCha20Poly1305(_scrypt_key(passphrase, salt, log_n)).decrypt(
            b"\0" * 12, body, None
        )
    except InvalidTag:
        raise BundleRejected(
            "wrong passphrase (nothing was changed)", code="bundle_wrong_passphrase_nothing_changed"
        ) from None
    if len(file_key) != 16:
        raise BundleRejected(
            "the age scrypt recipient is malformed", code="bundle_age_scrypt_recipient_malformed"
        )
    header = spec.AGE_MAGIC + b" ".join(args) + b"\n" + _b64(body) + b"\n---"
    expect = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    if not hmac.compare_digest(expect, mac):
        raise BundleRejected(
            "the age header was altered (MAC mismatch)",
            code="bundle_age_header_altered_mac_mismatch",
        )
    return file_key


# -- writing ---------------------------------------------------------------------------------


class _ChunkReader(io.RawIOBase):
    """A readable stream over an iterator of byte chunks, for pyrage's `encrypt_io`.

    pyrage calls read() from Rust and turns any exception into a generic EncryptError, so
    the original (Cancelled, DiskFull, DocumentDamaged, ...) is kept here and re-raised.
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._buf = memoryview(b"")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            while not self._buf:
                nxt = next(self._chunks, None)
                if nxt is None:
                    return 0
                self._buf = memoryview(nxt)
            n = min(len(b), len(self._buf))
            b[:n] = self._buf[:n]
            self._buf = self._buf[n:]
            return n
        except BaseException as exc:
            self.error = exc
            raise


class _SinkWriter(io.RawIOBase):
    """A writable stream that passes every write to a callback, keeping its exception."""

    def __init__(self, sink: Callable[[bytes], Any]) -> None:
        super().__init__()
        self._sink = sink
        self.error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, b: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            self._sink(bytes(b))
        except BaseException as exc:
            self.error = exc
            raise
        return len(b)


def encrypt_stream(
    chunks: Iterator[bytes],
    dest: BinaryIO,
    *,
    recipients: list[x25519.Recipient] | None = None,
    passphrase: str | None = None,
) -> None:
    """Encrypt the plaintext `chunks` into `dest`, to recipients XOR a passphrase."""
    if (recipients is None) == (passphrase is None):
        raise ValueError("encrypt_stream() takes recipients or a passphrase, not both")
    if passphrase is not None:
        _encrypt_scrypt(chunks, dest, passphrase)
        return
    assert recipients
    reader = _ChunkReader(chunks)
    # pyrage reports a failed write (a full disk) as a generic error too: keep the original.
    writer = _SinkWriter(dest.write)
    try:
        pyrage.encrypt_io(reader, writer, recipients)
    except (pyrage.EncryptError, OSError, ValueError) as exc:
        for original in (reader.error, writer.error):
            if original is not None:
                raise original from None
        raise OSError(f"age encryption failed: {exc}") from exc


def _encrypt_scrypt(chunks: Iterator[bytes], dest: BinaryIO, passphrase: str) -> None:
    file_key = os.urandom(16)
    salt = os.urandom(16)
    log_n = spec.SCRYPT_LOG_N_WRITE
    body = ChaCha20Poly1305(_scrypt_key(passphrase, salt, log_n)).encrypt(
        b"\0" * 12, file_key, None
    )
    header = (
        spec.AGE_MAGIC
        + b"-> scrypt "
        + _b64(salt)
        + b" "
        + str(log_n).encode()
        + b"\n"
        + _b64(body)
        + b"\n---"
    )
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    nonce = os.urandom(16)
    dest.write(header + b" " + _b64(mac) + b"\n" + nonce)
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    pending = bytearray()
    counter = 0
    for chunk in chunks:
        pending += chunk
        # Keep at least one byte back: the last chunk is sealed with the "last" flag, and
        # only the end of the iterator says which chunk is last.
        while len(pending) > _PLAIN_CHUNK:
            dest.write(aead.encrypt(_nonce(counter, False), bytes(pending[:_PLAIN_CHUNK]), None))
            del pending[:_PLAIN_CHUNK]
            counter += 1
    dest.write(aead.encrypt(_nonce(counter, True), bytes(pending), None))


# -- reading ---------------------------------------------------------------------------------


def decrypt_stream(
    source: BinaryIO,
    sink: Callable[[bytes], None],
    *,
    identities: list[x25519.Identity] | None = None,
    passphrase: str | None = None,
) -> None:
    """Decrypt `source` and hand the plaintext to `sink` piece by piece.

    Every piece handed over has passed age's per-chunk authentication, but the stream as a
    whole is only known to be complete when this returns: the caller must treat what it was
    given as tentative until then. Exceptions raised by `sink` propagate unchanged.
    """
    kind = sniff(source)
    if kind == "scrypt":
        if passphrase is None:
            raise BundleRejected(
                "this bundle is locked with a passphrase; give the passphrase to open it",
                code="bundle_locked_passphrase_give_passphrase",
            )
        _decrypt_scrypt(source, sink, passphrase)
        return
    if identities is None:
        raise BundleRejected(
            "this bundle is encrypted to keys, not to a passphrase",
            code="bundle_encrypted_keys_not_passphrase",
        )
    check_header(source)
    writer = _SinkWriter(sink)
    try:
        pyrage.decrypt_io(source, writer, identities)
    except pyrage.DecryptError as exc:
        if writer.error is not None:
            raise writer.error from None
        if "No matching keys" in str(exc) or "no matching" in str(exc).lower():
            raise BundleRejected(
                "this bundle is not encrypted to this vault: you are not among its recipients",
                code="bundle_not_encrypted_vault_you",
            ) from None
        raise BundleRejected(
            "the bundle is damaged or was altered ({detail})",
            code="bundle_damaged_altered",
            detail=exc,
        ) from None
    except (OSError, ValueError) as exc:
        if writer.error is not None:
            raise writer.error from None
        raise BundleRejected(
            "the bundle is damaged, truncated or was altered (age decryption failed)",
            code="bundle_damaged_truncated_altered_age",
        ) from exc


def _decrypt_scrypt(source: BinaryIO, sink: Callable[[bytes], None], passphrase: str) -> None:
    file_key = _read_scrypt_header(source, passphrase)
    nonce = source.read(16)
    if len(nonce) != 16:
        raise BundleRejected(
            "the bundle is truncated (age payload missing)",
            code="bundle_truncated_age_payload_missing",
        )
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    counter = 0
    current = source.read(_SEALED_CHUNK)
    while True:
        if len(current) < 16:
            raise BundleRejected(
                "the bundle is truncated (age payload cut short)",
                code="bundle_truncated_age_payload_cut",
            )
        following = source.read(_SEALED_CHUNK) if len(current) == _SEALED_CHUNK else b""
        last = not following
        try:
            plain = aead.decrypt(_nonce(counter, last), current, None)
        except InvalidTag:
            raise BundleRejected(
                "the bundle is damaged, truncated or was altered (age decryption failed)",
                code="bundle_damaged_truncated_altered_age",
            ) from None
        # age: only the very first chunk of an empty file may be an empty last chunk.
        if last and not plain and counter > 0:
            raise BundleRejected(
                "the bundle is malformed (empty final age chunk)",
                code="bundle_malformed_empty_final_age",
            )
        sink(plain)
        if last:
            return
        counter += 1
        current = following


def check_cancel(cancel: Callable[[], bool] | None) -> None:
    """Raise Cancelled when the caller asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled()
