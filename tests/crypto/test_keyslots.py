"""The keyslots format: fixed shape, authenticated slots, strict parsing, recovery codes."""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.kdf import FAST_KDF

from satchel.crypto import keyslots as ks_module
from satchel.crypto.keyslots import (
    FILE_SIZE,
    HEADER_SIZE,
    SLOT_COUNT,
    SLOT_SIZE,
    Keyslots,
    SlotContent,
    SlotKind,
    SlotMap,
    SlotRole,
    is_recovery_code,
    new_recovery_code,
    secret_input,
)
from satchel.crypto.secret import SecretBytes
from satchel.errors import VaultDamaged

VAULT_ID = bytes(range(16))


def _sealed(secret: str, index: int = 3) -> tuple[Keyslots, SecretBytes]:
    keyslots = Keyslots.fresh(VAULT_ID, FAST_KDF)
    key = SecretBytes.random(32)
    with keyslots.derive_kek(secret_input(secret)) as kek:
        content = SlotContent(SlotRole.NORMAL, SlotKind.PASSPHRASE, key, SlotMap(index, 5))
        return keyslots.seal(index, kek, content), key


def _open(keyslots: Keyslots, secret: str):
    with keyslots.derive_kek(secret_input(secret)) as kek:
        return keyslots.open(kek)


def test_file_has_the_same_size_whatever_the_slots_hold() -> None:
    empty = Keyslots.fresh(VAULT_ID, FAST_KDF)
    sealed, _key = _sealed("passphrase one")
    assert len(empty.to_bytes()) == len(sealed.to_bytes()) == FILE_SIZE
    assert FILE_SIZE == HEADER_SIZE + SLOT_COUNT * SLOT_SIZE


def test_right_secret_opens_its_slot_with_role_key_and_map() -> None:
    keyslots, key = _sealed("passphrase one", index=6)
    reparsed = Keyslots.parse(keyslots.to_bytes())
    opened = _open(reparsed, "passphrase one")
    assert opened is not None
    assert opened.index == 6
    assert opened.content.role is SlotRole.NORMAL
    assert opened.content.kind is SlotKind.PASSPHRASE
    assert opened.content.slot_map == SlotMap(6, 5, None)
    assert opened.content.key.equals(key)


def test_wrong_secret_opens_nothing() -> None:
    keyslots, _key = _sealed("passphrase one")
    assert _open(keyslots, "passphrase two") is None


def test_every_slot_is_tried_even_after_a_match(monkeypatch: pytest.MonkeyPatch) -> None:
    keyslots, _key = _sealed("passphrase one", index=0)
    tried: list[int] = []
    original = Keyslots._try_slot

    def counting(self: Keyslots, index: int, kek: SecretBytes):
        tried.append(index)
        return original(self, index, kek)

    monkeypatch.setattr(Keyslots, "_try_slot", counting)
    assert _open(keyslots, "passphrase one") is not None
    assert tried == list(range(SLOT_COUNT))


def test_a_slot_moved_to_another_index_no_longer_opens() -> None:
    keyslots, _key = _sealed("passphrase one", index=2)
    slots = list(keyslots.slots)
    slots[4], slots[2] = slots[2], slots[4]
    assert _open(Keyslots(keyslots.header, tuple(slots)), "passphrase one") is None


def test_a_slot_copied_into_another_vault_does_not_open() -> None:
    keyslots, _key = _sealed("passphrase one", index=2)
    other = Keyslots.fresh(bytes(16), FAST_KDF)
    # Same salt and parameters, so only the vault id in the associated data differs.
    transplanted = Keyslots(
        ks_module.Header(bytes(16), keyslots.header.salt, keyslots.header.params),
        keyslots.slots,
    )
    assert other.vault_id != keyslots.vault_id
    assert _open(transplanted, "passphrase one") is None


def test_a_bit_flip_inside_a_slot_reads_as_a_wrong_secret() -> None:
    keyslots, _key = _sealed("passphrase one", index=1)
    data = bytearray(keyslots.to_bytes())
    data[HEADER_SIZE + SLOT_SIZE + 20] ^= 0x01
    assert _open(Keyslots.parse(bytes(data)), "passphrase one") is None


@pytest.mark.parametrize("offset", [0, 17, 20, 40, 60, HEADER_SIZE - 1])
def test_a_bit_flip_in_the_header_is_reported_as_damage(offset: int) -> None:
    keyslots, _key = _sealed("passphrase one")
    data = bytearray(keyslots.to_bytes())
    data[offset] ^= 0x10
    with pytest.raises(VaultDamaged, match=r"^The keyslots file is damaged: "):
        Keyslots.parse(bytes(data))


@pytest.mark.parametrize("length", [0, 10, HEADER_SIZE - 1, HEADER_SIZE, FILE_SIZE - 1])
def test_a_truncated_file_is_reported_as_damage(length: int) -> None:
    keyslots, _key = _sealed("passphrase one")
    with pytest.raises(VaultDamaged, match="The keyslots file is damaged"):
        Keyslots.parse(keyslots.to_bytes()[:length])


def test_extra_bytes_after_the_slots_are_reported_as_damage() -> None:
    keyslots, _key = _sealed("passphrase one")
    with pytest.raises(VaultDamaged, match="instead of"):
        Keyslots.parse(keyslots.to_bytes() + b"\0")


def test_a_header_with_hostile_parameters_is_refused_before_any_derivation() -> None:
    keyslots, _key = _sealed("passphrase one")
    body = bytearray(keyslots.to_bytes()[: HEADER_SIZE - 32])
    struct.pack_into(">I", body, 52, 0xFFFFFFFF)  # memory KiB
    forged = bytes(body) + hashlib.sha256(body).digest() + keyslots.to_bytes()[HEADER_SIZE:]
    with pytest.raises(VaultDamaged, match="memory out of range"):
        Keyslots.parse(forged)


def test_recovery_code_is_eight_groups_of_four_unambiguous_characters() -> None:
    code = new_recovery_code()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}", code)
    assert new_recovery_code() != code


def test_recovery_code_typed_messily_gives_the_same_secret() -> None:
    code = "7KQ2-M0ZP-1ABC-DEFG-HJKM-NPQR-STVW-XYZ0"
    messy = "  7kq2 m0zp-iabc defg hjkm\tnpqr-stvw xyzo "  # lower case, I for 1, o for 0
    assert is_recovery_code(messy)
    assert secret_input(messy) == secret_input(code)


def test_passphrase_is_read_the_same_in_either_unicode_normal_form() -> None:
    composed = "Журавлёва café"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert secret_input(composed) == secret_input(decomposed)


def test_passphrase_and_recovery_code_never_share_an_input() -> None:
    assert not is_recovery_code("correct horse battery staple")
    assert secret_input("correct horse battery staple").startswith(b"passphrase:")
    assert secret_input(new_recovery_code()).startswith(b"recovery:")


def test_secret_bytes_are_zero_after_wipe_and_never_shown() -> None:
    secret = SecretBytes.random(32)
    buffer = secret.writable()
    assert any(buffer)
    assert buffer.hex() not in repr(secret)
    secret.wipe()
    assert secret.wiped
    assert buffer == bytearray(32)
    with pytest.raises(ValueError):
        secret.view()


# -- fuzzing: the parser accepts exactly the format and fails only with VaultDamaged ------

_VALID, _VALID_KEY = _sealed("passphrase one", index=4)
_VALID_BYTES = _VALID.to_bytes()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=FILE_SIZE + 64))
def test_arbitrary_bytes_parse_or_fail_as_damage(data: bytes) -> None:
    try:
        Keyslots.parse(data)
    except VaultDamaged as exc:
        assert str(exc).startswith("The keyslots file is damaged: ")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, FILE_SIZE - 1), st.integers(0, 7))
def test_any_single_bit_flip_is_damage_or_a_closed_slot(offset: int, bit: int) -> None:
    data = bytearray(_VALID_BYTES)
    data[offset] ^= 1 << bit
    try:
        keyslots = Keyslots.parse(bytes(data))
    except VaultDamaged:
        assert offset < HEADER_SIZE
        return
    assert offset >= HEADER_SIZE
    opened = _open(keyslots, "passphrase one")
    in_sealed_slot = HEADER_SIZE + 4 * SLOT_SIZE <= offset < HEADER_SIZE + 5 * SLOT_SIZE
    if in_sealed_slot:
        assert opened is None
    else:
        # A flip in a filler slot changes nothing that matters.
        assert opened is not None
        assert opened.content.key.equals(_VALID_KEY)


def test_slots_seal_and_open_on_cryptography_without_the_into_methods(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    class OldAESGCM:
        """AESGCM as older cryptography releases had it: no encrypt_into/decrypt_into."""

        def __init__(self, key: memoryview) -> None:
            self._inner = AESGCM(bytes(key))

        def encrypt(self, nonce: bytes, data: bytes, associated: bytes) -> bytes:
            return self._inner.encrypt(nonce, data, associated)

        def decrypt(self, nonce: bytes, data: bytes, associated: bytes) -> bytes:
            return self._inner.decrypt(nonce, data, associated)

    keyslots, key = _sealed("passphrase one", index=2)
    monkeypatch.setattr(ks_module, "AESGCM", OldAESGCM)
    opened = _open(keyslots, "passphrase one")
    assert opened is not None and opened.content.key.equals(key)
    resealed = keyslots.with_filler(2)
    with keyslots.derive_kek(secret_input("passphrase one")) as kek:
        resealed = resealed.seal(2, kek, opened.content)
    monkeypatch.undo()
    reopened = _open(resealed, "passphrase one")
    assert reopened is not None and reopened.content.key.equals(key)
