"""A vault's identity (X25519 age key + Ed25519 signing key) and the public card it shares.

`Identity` holds the secret halves and lives only in memory while the vault is unlocked; it
is stored inside the encrypted vault by `satchel.core.identities`, never anywhere else.
`PublicIdentity` is what a colleague learns from a card: a display name and both public
keys. The card is a short text block that survives e-mail and messengers:

    SATCHEL-CARD-1
    name: Anna Fictional
    age: age1...
    ed25519: <base64 of the 32-byte public key>
    check: <first 8 hex digits of SHA-256 over the four lines above, each ending in LF>

This module never writes anything to disk and never logs key material.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from pyrage import x25519

from satchel.crypto.fingerprint import fingerprint, format_fingerprint
from satchel.errors import Coded

__all__ = [
    "CARD_HEADER",
    "MAX_NAME_LEN",
    "CardError",
    "Identity",
    "PublicIdentity",
    "check_display_name",
    "parse_card",
]

CARD_HEADER = "SATCHEL-CARD-1"
MAX_NAME_LEN = 100


class CardError(Coded, ValueError):
    """A card or key that does not parse; the message says what is wrong, and its code and
    parameters let the interface say it in the user's language (see satchel.errors)."""

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(self._set_code(message, code, params))


# -- bech32 (BIP 173), only as far as age's keys need it ------------------------------------
# pyrage does not expose the raw bytes of a recipient, and the fingerprint is defined over
# raw keys, so the age1... string is decoded here.

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= _GEN[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _bech32_decode(text: str, hrp: str) -> bytes:
    if text.lower() != text:
        raise CardError(
            "An age recipient is written in lower case.", code="age_recipient_written_lower_case"
        )
    pos = text.rfind("1")
    if text[:pos] != hrp or pos + 7 > len(text):
        raise CardError("Not an {hrp}1... key.", code="not_1_key", hrp=hrp)
    try:
        data = [_CHARSET.index(c) for c in text[pos + 1 :]]
    except ValueError:
        raise CardError(
            "The key contains a character that bech32 does not use.",
            code="key_contains_character_bech32_does",
        ) from None
    if _polymod(_hrp_expand(hrp) + data) != 1:
        raise CardError(
            "The key's checksum does not match: it was mistyped or cut short.",
            code="key_s_checksum_does_not",
        )
    acc = bits = 0
    out = bytearray()
    for v in data[:-6]:
        acc = (acc << 5) | v
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    if bits >= 5 or (acc << (8 - bits)) & 0xFF:
        raise CardError("The key has stray padding bits.", code="key_stray_padding_bits")
    return bytes(out)


def _age_recipient_bytes(recipient: str) -> bytes:
    raw = _bech32_decode(recipient, "age")
    if len(raw) != 32:
        raise CardError(
            "An age recipient holds a 32-byte X25519 key.", code="age_recipient_holds_32_byte"
        )
    try:
        x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError:
        raise CardError(
            "pyrage does not accept this age recipient.", code="pyrage_does_not_accept_age"
        ) from None
    return raw


def _signing_key_bytes(signing_key: str) -> bytes:
    try:
        raw = base64.b64decode(signing_key, validate=True)
    except ValueError:  # binascii.Error, and any non-ASCII character (found by fuzzing)
        raise CardError(
            "The Ed25519 key is not valid base64.", code="ed25519_key_not_valid_base64"
        ) from None
    # Refuse non-canonical encodings (e.g. non-zero padding bits): one key, one spelling.
    if len(raw) != 32 or base64.b64encode(raw).decode("ascii") != signing_key:
        raise CardError(
            "The Ed25519 key must be the base64 of 32 bytes.", code="ed25519_key_must_base64_32"
        )
    return raw


def check_display_name(name: str) -> str:
    """A display name stripped and checked: 1-100 characters, no control characters."""
    name = name.strip()
    if not name:
        raise CardError("A display name cannot be empty.", code="display_name_cannot_empty")
    if len(name) > MAX_NAME_LEN:
        raise CardError(
            "A display name has at most {max_name_len} characters.",
            code="display_name_most_characters",
            max_name_len=MAX_NAME_LEN,
        )
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise CardError(
            "A display name cannot contain control or invisible format characters.",
            code="display_name_cannot_contain_control",
        )
    return name


# -- public and secret identities ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    """A display name and the two public keys: what a card carries and a bundle names."""

    name: str
    age_recipient: str  # "age1..."
    signing_key: str  # Ed25519 public key, standard base64 of the 32 raw bytes

    @classmethod
    def checked(cls, name: str, age_recipient: str, signing_key: str) -> PublicIdentity:
        """Build one from untrusted text, refusing anything malformed (CardError)."""
        _age_recipient_bytes(age_recipient)
        _signing_key_bytes(signing_key)
        return cls(check_display_name(name), age_recipient, signing_key)

    @property
    def fingerprint(self) -> str:
        """The 60-digit fingerprint over both public keys (no spaces)."""
        return fingerprint(
            _age_recipient_bytes(self.age_recipient), _signing_key_bytes(self.signing_key)
        )

    @property
    def fingerprint_text(self) -> str:
        """The fingerprint as 12 groups of 5 digits, 4 groups per line, for reading aloud."""
        return format_fingerprint(self.fingerprint, per_line=4)

    def recipient(self) -> x25519.Recipient:
        return x25519.Recipient.from_str(self.age_recipient)

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when `signature` is this identity's Ed25519 signature over `data`."""
        key = Ed25519PublicKey.from_public_bytes(_signing_key_bytes(self.signing_key))
        try:
            key.verify(signature, data)
        except InvalidSignature:
            return False
        return True

    def card(self) -> str:
        """The card text (ends with a newline)."""
        body = (
            f"{CARD_HEADER}\n"
            f"name: {self.name}\n"
            f"age: {self.age_recipient}\n"
            f"ed25519: {self.signing_key}\n"
        )
        check = hashlib.sha256(body.encode("utf-8")).hexdigest()[:8]
        return f"{body}check: {check}\n"


def parse_card(text: str) -> PublicIdentity:
    """Read a card pasted from anywhere (CRLF, leading/trailing text and blank lines are fine).

    Raises CardError with a message saying what is wrong.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    try:
        start = lines.index(CARD_HEADER)
    except ValueError:
        raise CardError(
            "No Satchel card found (it starts with the line {card_header}).",
            code="no_satchel_card_found_starts",
            card_header=CARD_HEADER,
        ) from None
    fields: dict[str, str] = {}
    expected = ("name", "age", "ed25519", "check")
    block = lines[start + 1 : start + 1 + len(expected)]
    if len(block) != len(expected):
        raise CardError("The card is cut short.", code="card_cut_short")
    for key, line in zip(expected, block, strict=True):
        label, sep, value = line.partition(":")
        if not sep or label != key:
            raise CardError(
                "Line '{key}: ...' is missing or out of order in the card.",
                code="line_missing_out_order_card",
                key=key,
            )
        fields[key] = value.strip()
    ident = PublicIdentity.checked(fields["name"], fields["age"], fields["ed25519"])
    if ident.card().splitlines()[-1] != f"check: {fields['check']}":
        raise CardError(
            "The card's check line does not match: it was altered or mistyped.",
            code="card_s_check_line_does",
        )
    return ident


class Identity:
    """The secret halves of a vault's identity. Never written anywhere but the vault."""

    __slots__ = ("_age", "_signing", "name")

    def __init__(self, name: str, age_identity: x25519.Identity, signing: Ed25519PrivateKey):
        self.name = check_display_name(name)
        self._age = age_identity
        self._signing = signing

    @classmethod
    def generate(cls, name: str) -> Identity:
        return cls(name, x25519.Identity.generate(), Ed25519PrivateKey.generate())

    @classmethod
    def from_secrets(cls, name: str, age_secret: str, signing_seed: bytes) -> Identity:
        """Rebuild from what the vault stores: AGE-SECRET-KEY-1... and the 32-byte seed."""
        if len(signing_seed) != 32:
            raise CardError("An Ed25519 seed is 32 bytes.", code="ed25519_seed_32_bytes")
        try:
            age_identity = x25519.Identity.from_str(age_secret)
        except pyrage.IdentityError:
            raise CardError(
                "The stored age secret key does not parse.", code="stored_age_secret_key_does"
            ) from None
        return cls(name, age_identity, Ed25519PrivateKey.from_private_bytes(signing_seed))

    def renamed(self, name: str) -> Identity:
        return Identity(name, self._age, self._signing)

    @property
    def age_identity(self) -> x25519.Identity:
        """The pyrage identity, for decrypting bundles sent to this vault."""
        return self._age

    def age_secret_key(self) -> str:
        """AGE-SECRET-KEY-1...: whoever holds this can open every bundle sent to this vault."""
        return str(self._age)

    def signing_seed(self) -> bytes:
        return self._signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    def public(self) -> PublicIdentity:
        raw = self._signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicIdentity(
            self.name, str(self._age.to_public()), base64.b64encode(raw).decode("ascii")
        )

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature over `data`."""
        return self._signing.sign(data)

    def __repr__(self) -> str:  # never show key material, even in a traceback
        return f"Identity(name={self.name!r}, <secret keys hidden>)"
