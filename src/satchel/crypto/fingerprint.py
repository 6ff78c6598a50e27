"""Fingerprints of identities as 12 groups of 5 digits, for two lawyers to read aloud.

A fingerprint commits to BOTH public keys of an identity (the X25519 age recipient that
bundles are encrypted to and the Ed25519 key that signs them): comparing it aloud verifies
both at once. It never includes the display name, which anyone can choose freely.

Construction (also in docs/bundle-format.md): SHA-256 over a domain label and the two raw
32-byte public keys, read as a big-endian integer, reduced modulo 10**60 and written as 60
decimal digits. 2**256 is about 10**77, so the reduction keeps about 199 bits and its bias is
negligible. Digits survive being read over a bad phone line better than hex or words.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["DIGITS", "GROUPS", "fingerprint", "format_fingerprint", "parse_fingerprint"]

GROUPS = 12
GROUP_LEN = 5
DIGITS = GROUPS * GROUP_LEN
_DOMAIN = b"satchel-fingerprint-v1\x00"
_DIGITS_RE = re.compile(r"^[0-9]{60}$")


def fingerprint(age_public: bytes, signing_public: bytes) -> str:
    """The 60-digit fingerprint of a pair of raw 32-byte public keys (no spaces)."""
    if len(age_public) != 32 or len(signing_public) != 32:
        raise ValueError("fingerprint() needs two raw 32-byte public keys")
    digest = hashlib.sha256(_DOMAIN + age_public + signing_public).digest()
    return f"{int.from_bytes(digest, 'big') % 10**DIGITS:0{DIGITS}d}"


def format_fingerprint(digits: str, per_line: int = GROUPS) -> str:
    """`12345 67890 ...`; with `per_line` groups per line when it is smaller than 12."""
    groups = [digits[i : i + GROUP_LEN] for i in range(0, len(digits), GROUP_LEN)]
    lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)


def parse_fingerprint(text: str) -> str:
    """Digits typed or pasted by a user (spaces and line breaks ignored) → the canonical form.

    Raises ValueError when it is not exactly 60 digits.
    """
    digits = "".join(text.split())
    if not _DIGITS_RE.match(digits):
        raise ValueError("A fingerprint is 60 digits (12 groups of 5).")
    return digits
