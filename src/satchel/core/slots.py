"""The keyslots file as the vault uses it: reading it, secret -> KEK, new-passphrase checks.

The format itself is satchel.crypto.keyslots. Key material lives in SecretBytes that
are wiped when their block ends; this module never writes a secret anywhere.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from satchel.core.folder import AUX_NAME, DB_NAME, KEYSLOTS_NAME
from satchel.crypto.keyslots import Keyslots, TypedSecret, is_recovery_code, secret_input
from satchel.crypto.secret import SecretBytes, SecretText, wipe_buffer
from satchel.errors import InvalidInput, VaultExists, VaultNotFound

__all__ = [
    "check_new_passphrase",
    "kek_for",
    "read_keyslots",
    "refuse_existing_vault",
    "refuse_if_opens_other_slot",
]


@contextlib.contextmanager
def kek_for(keyslots: Keyslots, text: TypedSecret) -> Iterator[SecretBytes]:
    """The key-encryption key for a typed secret, wiped when the block ends."""
    material = secret_input(text)
    try:
        kek = keyslots.derive_kek(material)
    finally:
        wipe_buffer(material)
    with kek:
        yield kek


def refuse_if_opens_other_slot(keyslots: Keyslots, kek: SecretBytes, target: int) -> None:
    """A new secret must not already open another slot (unlock would pick either one)."""
    other = keyslots.open(kek)
    if other is None:
        return
    other.content.key.wipe()
    if other.index != target:
        raise InvalidInput(
            "Choose a different passphrase: this one is already in use for this vault.",
            field="passphrase",
            code="choose_different_passphrase_one_already",
        )


def refuse_existing_vault(folder: Path) -> None:
    if any((folder / name).exists() for name in (KEYSLOTS_NAME, DB_NAME, AUX_NAME)):
        raise VaultExists(
            "There is already a vault at {folder}. Choose another folder; nothing was changed.",
            code="there_already_vault_choose_another",
            folder=folder,
        )


def check_new_passphrase(passphrase: TypedSecret) -> None:
    points = (
        passphrase.code_points() if isinstance(passphrase, SecretText) else map(ord, passphrase)
    )
    if all(chr(p).isspace() for p in points):
        raise InvalidInput(
            "The passphrase cannot be empty.", field="passphrase", code="passphrase_cannot_empty"
        )
    if is_recovery_code(passphrase):
        # Unlock reads such text as a recovery code, so it could never be a passphrase.
        raise InvalidInput(
            "Choose a passphrase that does not look like a recovery code.",
            field="passphrase",
            code="choose_passphrase_does_not_look",
        )


def read_keyslots(folder: Path) -> Keyslots:
    path = folder / KEYSLOTS_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VaultNotFound(
            "No vault at {folder}: its keyslots file does not exist.",
            code="no_vault_keyslots_file_does",
            folder=folder,
        ) from None
    return Keyslots.parse(data)
