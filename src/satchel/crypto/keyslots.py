"""The keyslots file: a vault's database key wrapped LUKS-style in a fixed number of slots.

Layout (all integers big-endian; sizes never change, whatever the slots hold):

    header   96 B   magic "SATCHEL-KEYSLOTS" (16) | format version u16 | slot count u16 |
                    vault id (16) | Argon2id salt (16) | memory KiB u32 | iterations u32 |
                    lanes u32 | SHA-256 of everything before it (32)
    slot × 8 76 B   nonce (12) | AES-256-GCM ciphertext of a 48-byte payload (48) | tag (16)

    payload  48 B   role u8 | kind u8 | passphrase slot u8 | recovery slot u8 |
                    duress slot u8 | zero (3) | key (32) | zero (8)

One Argon2id derivation of the secret gives a key-encryption key; slot i is sealed with
HKDF-SHA256(kek, info="satchel keyslot" ‖ i) and the associated data header ‖ vault id ‖ i,
so a slot cannot be moved to another index or another vault. Unused slots are random
bytes, indistinguishable from sealed ones. Opening tries every slot, always, so the time
does not depend on which slot matched or whether a duress slot exists.

The three slot indexes in a payload are the vault's map of itself (which slot holds the
passphrase, the recovery code, the duress passphrase). It exists only inside sealed
payloads, so the file says nothing in clear about which slots are in use.

The header checksum is not a MAC: it only lets a damaged header be reported as damage
instead of as a wrong passphrase. Tampering with it gains nothing, because every slot is
authenticated over the whole header.

This module parses and builds the format and nothing else: it never touches files and
never keeps a key outside a SecretBytes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from satchel.crypto.kdf import KEY_LENGTH, SALT_LENGTH, KdfParams, derive_key
from satchel.crypto.secret import SecretBytes, SecretText, wipe_buffer, wipe_immutable
from satchel.errors import VaultDamaged

__all__ = [
    "FILE_SIZE",
    "SLOT_COUNT",
    "Header",
    "Keyslots",
    "OpenedSlot",
    "SlotContent",
    "SlotKind",
    "SlotMap",
    "SlotRole",
    "TypedSecret",
    "is_recovery_code",
    "new_recovery_code",
    "secret_input",
]

MAGIC = b"SATCHEL-KEYSLOTS"
FORMAT_VERSION = 1
SLOT_COUNT = 8

_HEADER_BODY = struct.Struct(">16sHH16s16sIII")
_CHECKSUM_LENGTH = 32
HEADER_SIZE = _HEADER_BODY.size + _CHECKSUM_LENGTH

_NONCE_LENGTH = 12
_TAG_LENGTH = 16
PAYLOAD_SIZE = 48
_PAYLOAD_HEAD = struct.Struct(">BBBBB3x")
SLOT_SIZE = _NONCE_LENGTH + PAYLOAD_SIZE + _TAG_LENGTH
FILE_SIZE = HEADER_SIZE + SLOT_COUNT * SLOT_SIZE

_NO_SLOT = 0xFF

TypedSecret = str | SecretText
"""A passphrase or recovery code as typed: a `str` (the CLI) or a SecretText (the client)."""
_HKDF_INFO = b"satchel keyslot"


def _damaged(reason: str) -> VaultDamaged:
    return VaultDamaged(
        "The keyslots file is damaged: {reason}. The vault cannot be opened from this copy; "
        "restore the vault folder from a backup.",
        code="keyslots_file_damaged_vault_cannot",
        reason=reason,
    )


class SlotRole(IntEnum):
    """What opening a slot leads to."""

    NORMAL = 1
    DURESS_DECOY = 2
    """Open the decoy database instead of the real one."""
    DURESS_WIPE = 3
    """Crypto-erase the real vault, then open the decoy."""


class SlotKind(IntEnum):
    """What kind of secret seals a slot."""

    PASSPHRASE = 1
    RECOVERY = 2


@dataclass(frozen=True, slots=True)
class SlotMap:
    """Which slot index holds which secret, as far as the opened slot knows."""

    passphrase: int | None = None
    recovery: int | None = None
    duress: int | None = None

    def used(self) -> set[int]:
        return {i for i in (self.passphrase, self.recovery, self.duress) if i is not None}


@dataclass(slots=True)
class SlotContent:
    """The plaintext of one slot. Owns `key`; the caller wipes it."""

    role: SlotRole
    kind: SlotKind
    key: SecretBytes
    slot_map: SlotMap


@dataclass(slots=True)
class OpenedSlot:
    index: int
    content: SlotContent


@dataclass(frozen=True, slots=True)
class Header:
    vault_id: bytes
    salt: bytes
    params: KdfParams

    def to_bytes(self) -> bytes:
        body = _HEADER_BODY.pack(
            MAGIC,
            FORMAT_VERSION,
            SLOT_COUNT,
            self.vault_id,
            self.salt,
            self.params.memory_kib,
            self.params.iterations,
            self.params.lanes,
        )
        return body + hashlib.sha256(body).digest()

    @classmethod
    def parse(cls, data: bytes) -> Header:
        if len(data) < HEADER_SIZE:
            raise _damaged(f"it is {len(data)} bytes long, too short for a header")
        body, checksum = data[: _HEADER_BODY.size], data[_HEADER_BODY.size : HEADER_SIZE]
        magic, version, count, vault_id, salt, memory, iterations, lanes = _HEADER_BODY.unpack(body)
        if magic != MAGIC:
            raise _damaged("it does not start with the Satchel keyslots signature")
        if not hmac.compare_digest(hashlib.sha256(body).digest(), checksum):
            raise _damaged("its header checksum does not match (the header was altered)")
        if version != FORMAT_VERSION:
            raise _damaged(f"format version {version} is not one this Satchel reads")
        if count != SLOT_COUNT:
            raise _damaged(f"it declares {count} slots instead of {SLOT_COUNT}")
        try:
            params = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
        except ValueError as exc:
            raise _damaged(str(exc)) from None
        return cls(vault_id=vault_id, salt=salt, params=params)


class Keyslots:
    """An immutable keyslots file in memory: a header and SLOT_COUNT opaque slots."""

    __slots__ = ("_header_bytes", "header", "slots")

    def __init__(self, header: Header, slots: tuple[bytes, ...]) -> None:
        if len(slots) != SLOT_COUNT or any(len(s) != SLOT_SIZE for s in slots):
            raise ValueError("a keyslots file has exactly 8 slots of fixed size")
        self.header = header
        self.slots = slots
        self._header_bytes = header.to_bytes()

    # -- building and parsing ---------------------------------------------------------------

    @classmethod
    def fresh(cls, vault_id: bytes, params: KdfParams) -> Keyslots:
        """A new file: random salt, every slot random filler."""
        if len(vault_id) != 16:
            raise ValueError("a vault id is 16 bytes")
        header = Header(vault_id=vault_id, salt=secrets.token_bytes(SALT_LENGTH), params=params)
        return cls(header, tuple(_filler() for _ in range(SLOT_COUNT)))

    @classmethod
    def parse(cls, data: bytes) -> Keyslots:
        """Read a whole file; anything but exactly the format raises VaultDamaged."""
        header = Header.parse(data)
        if len(data) != FILE_SIZE:
            raise _damaged(f"it is {len(data)} bytes long instead of {FILE_SIZE}")
        body = data[HEADER_SIZE:]
        slots = tuple(body[i * SLOT_SIZE : (i + 1) * SLOT_SIZE] for i in range(SLOT_COUNT))
        return cls(header, slots)

    def to_bytes(self) -> bytes:
        return self._header_bytes + b"".join(self.slots)

    @property
    def vault_id(self) -> bytes:
        return self.header.vault_id

    # -- opening ----------------------------------------------------------------------------

    def derive_kek(self, secret: bytes | bytearray | memoryview) -> SecretBytes:
        """The one slow step: Argon2id of a secret with this file's salt and parameters."""
        return derive_key(secret, self.header.salt, self.header.params)

    def open(self, kek: SecretBytes) -> OpenedSlot | None:
        """The slot `kek` opens, or None.

        Every slot is tried even after a match, so the time taken says nothing about which
        slot matched or how many are in use. A slot whose bytes were damaged fails its tag
        exactly like a slot sealed for another secret: damage inside a slot is
        indistinguishable from a wrong passphrase, and is reported as one.
        """
        found: OpenedSlot | None = None
        for index in range(SLOT_COUNT):
            content = self._try_slot(index, kek)
            if content is not None and found is None:
                found = OpenedSlot(index, content)
            elif content is not None:
                # Two slots for one secret cannot be written by this code; keep the first.
                content.key.wipe()
        return found

    def _try_slot(self, index: int, kek: SecretBytes) -> SlotContent | None:
        raw = self.slots[index]
        plain = bytearray(PAYLOAD_SIZE)
        with _slot_key(kek, index) as slot_key:
            try:
                _decrypt_into(
                    AESGCM(slot_key.view()),
                    raw[:_NONCE_LENGTH],
                    raw[_NONCE_LENGTH:],
                    self._associated_data(index),
                    plain,
                )
            except InvalidTag:
                return None
        try:
            return _parse_payload(plain)
        finally:
            wipe_buffer(plain)

    # -- changing ---------------------------------------------------------------------------

    def seal(self, index: int, kek: SecretBytes, content: SlotContent) -> Keyslots:
        """A copy of this file with slot `index` sealed for `kek` holding `content`."""
        _check_index(index)
        plain = _build_payload(content)
        try:
            ciphertext = bytearray(PAYLOAD_SIZE + _TAG_LENGTH)
            nonce = secrets.token_bytes(_NONCE_LENGTH)
            with _slot_key(kek, index) as slot_key:
                _encrypt_into(
                    AESGCM(slot_key.view()), nonce, plain, self._associated_data(index), ciphertext
                )
        finally:
            wipe_buffer(plain)
        slots = list(self.slots)
        slots[index] = nonce + bytes(ciphertext)
        return Keyslots(self.header, tuple(slots))

    def with_filler(self, *indexes: int) -> Keyslots:
        """A copy with the given slots replaced by fresh random filler."""
        slots = list(self.slots)
        for index in indexes:
            _check_index(index)
            slots[index] = _filler()
        return Keyslots(self.header, tuple(slots))

    def only(self, index: int) -> Keyslots:
        """A copy in which every slot but `index` is fresh random filler."""
        return self.with_filler(*(i for i in range(SLOT_COUNT) if i != index))

    def _associated_data(self, index: int) -> bytes:
        return self._header_bytes + self.header.vault_id + struct.pack(">I", index)


def random_free_slot(taken: set[int]) -> int:
    """A slot index not in `taken`, chosen at random so positions carry no meaning."""
    free = [i for i in range(SLOT_COUNT) if i not in taken]
    if not free:
        raise ValueError("no free keyslot")
    return secrets.choice(free)


# -- secrets that open a slot ---------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_RECOVERY_BITS = 160
_RECOVERY_CHARS = _RECOVERY_BITS // 5
_GROUP = 4


def new_recovery_code() -> str:
    """160 random bits as 8 groups of 4 characters, e.g. `7KQ2-M0ZP-...`."""
    value = secrets.randbits(_RECOVERY_BITS)
    chars = "".join(
        _ALPHABET[(value >> (5 * (_RECOVERY_CHARS - 1 - i))) & 31] for i in range(_RECOVERY_CHARS)
    )
    return "-".join(chars[i : i + _GROUP] for i in range(0, _RECOVERY_CHARS, _GROUP))


def _points(text: TypedSecret) -> Iterator[int]:
    """The characters of a typed secret one at a time, never as a new whole string."""
    if isinstance(text, SecretText):
        return text.code_points()
    return (ord(ch) for ch in text)


def _canonical_recovery_code(text: TypedSecret) -> bytearray | None:
    """The code without separators, upper case, O→0 and I/L→1; None if it is not one.

    Built one character at a time into a buffer the caller wipes: a passphrase that turns
    out not to be a code leaves no transformed copy of itself behind.
    """
    out = bytearray(_RECOVERY_CHARS)
    count = 0
    for point in _points(text):
        ch = chr(point)
        if ch.isspace() or ch in "-_.":
            continue
        canonical = ch.upper().translate(_CONFUSABLE)
        if count == _RECOVERY_CHARS or len(canonical) != 1 or canonical not in _ALPHABET:
            wipe_buffer(out)
            return None
        out[count] = ord(canonical)
        count += 1
    if count != _RECOVERY_CHARS:
        wipe_buffer(out)
        return None
    return out


def is_recovery_code(text: TypedSecret) -> bool:
    code = _canonical_recovery_code(text)
    if code is None:
        return False
    wipe_buffer(code)
    return True


def secret_input(text: TypedSecret) -> bytearray:
    """The bytes Argon2id sees for a passphrase or a recovery code typed by the user.

    Unlock takes one text and does one derivation, so the text decides its own reading:
    anything shaped like a recovery code (32 Crockford characters, with any spacing, dashes
    or case) is read as one; everything else is a passphrase, NFC-normalised so the same
    words typed on another keyboard layout or OS give the same bytes. Passphrases go through
    the same function when they are set, so the rule is consistent by construction.

    The result is a buffer the caller wipes. Every intermediate object made here is
    overwritten before it is dropped; a `str` handed in stays the caller's to look after
    (the client hands a SecretText, which never becomes one whole `str` outside this call).
    """
    code = _canonical_recovery_code(text)
    if code is not None:
        try:
            return _prefixed(b"recovery:", code)
        finally:
            wipe_buffer(code)
    if isinstance(text, SecretText):
        utf8 = text.view()
        if all(b < 0x80 for b in utf8):
            return _prefixed(b"passphrase:", utf8)  # ASCII is its own NFC form
        plain = str(utf8, "utf-8")
        try:
            return _normalised(plain)
        finally:
            wipe_immutable(plain)
    return _normalised(text)


def _normalised(text: str) -> bytearray:
    normal = unicodedata.normalize("NFC", text)
    encoded = normal.encode("utf-8")
    try:
        return _prefixed(b"passphrase:", encoded)
    finally:
        wipe_immutable(encoded)
        if normal is not text:
            wipe_immutable(normal)


def _prefixed(prefix: bytes, body: bytes | bytearray | memoryview) -> bytearray:
    out = bytearray(len(prefix) + len(body))
    out[: len(prefix)] = prefix
    out[len(prefix) :] = body
    return out


# -- payload --------------------------------------------------------------------------------


def _filler() -> bytes:
    return secrets.token_bytes(SLOT_SIZE)


def _check_index(index: int) -> None:
    if not 0 <= index < SLOT_COUNT:
        raise ValueError(f"slot index out of range: {index}")


def _slot_key(kek: SecretBytes, index: int) -> SecretBytes:
    out = SecretBytes(KEY_LENGTH)
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_LENGTH,
        salt=None,
        info=_HKDF_INFO + bytes([index]),
    )
    derive_into = getattr(hkdf, "derive_into", None)
    if derive_into is not None:
        derive_into(kek.view(), out.writable())
    else:
        out.writable()[:] = hkdf.derive(kek.view())
    return out


# The `*_into` methods (recent cryptography releases) write plaintext and keys straight
# into our wipeable buffers. Older releases only return immutable bytes; the fallbacks copy
# those in, and the transient copy is the documented limit of crypto/secret.py.


def _decrypt_into(
    aead: AESGCM, nonce: bytes, data: bytes, associated: bytes, out: bytearray
) -> None:
    decrypt_into = getattr(aead, "decrypt_into", None)
    if decrypt_into is not None:
        decrypt_into(nonce, data, associated, out)
    else:
        out[:] = aead.decrypt(nonce, data, associated)


def _encrypt_into(
    aead: AESGCM, nonce: bytes, plain: bytearray, associated: bytes, out: bytearray
) -> None:
    encrypt_into = getattr(aead, "encrypt_into", None)
    if encrypt_into is not None:
        encrypt_into(nonce, plain, associated, out)
    else:
        out[:] = aead.encrypt(nonce, bytes(plain), associated)


def _encode_index(index: int | None) -> int:
    return _NO_SLOT if index is None else index


def _decode_index(value: int) -> int | None:
    if value == _NO_SLOT:
        return None
    if value >= SLOT_COUNT:
        raise ValueError("slot index out of range")
    return value


def _build_payload(content: SlotContent) -> bytearray:
    plain = bytearray(PAYLOAD_SIZE)
    _PAYLOAD_HEAD.pack_into(
        plain,
        0,
        int(content.role),
        int(content.kind),
        _encode_index(content.slot_map.passphrase),
        _encode_index(content.slot_map.recovery),
        _encode_index(content.slot_map.duress),
    )
    start = _PAYLOAD_HEAD.size
    plain[start : start + KEY_LENGTH] = content.key.view()
    return plain


def _parse_payload(plain: bytearray) -> SlotContent | None:
    """The content of an authenticated payload; None if its fields make no sense.

    The tag already proved the payload was written with this key, so a nonsensical field
    means a newer format or a bug, never damage; treat the slot as not matching.
    """
    role, kind, passphrase, recovery, duress = _PAYLOAD_HEAD.unpack_from(plain, 0)
    start = _PAYLOAD_HEAD.size
    view = memoryview(plain)
    if any(view[start + KEY_LENGTH :]):
        return None
    try:
        slot_map = SlotMap(
            _decode_index(passphrase), _decode_index(recovery), _decode_index(duress)
        )
        content_role, content_kind = SlotRole(role), SlotKind(kind)
    except ValueError:
        return None
    key = SecretBytes(KEY_LENGTH)
    key.writable()[:] = view[start : start + KEY_LENGTH]
    return SlotContent(role=content_role, kind=content_kind, key=key, slot_map=slot_map)
