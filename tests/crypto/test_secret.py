"""Typed secrets in wipeable buffers, and the same bytes for Argon2id whichever way they came."""

from __future__ import annotations

import unicodedata

import pytest

from satchel.crypto.keyslots import is_recovery_code, new_recovery_code, secret_input
from satchel.crypto.secret import SecretText, code_points, wipe_immutable


def _secret(text: str) -> SecretText:
    return SecretText.from_code_points([ord(ch) for ch in text])


@pytest.mark.parametrize(
    "text",
    [
        "violet tractor lantern ocean 42",
        "тёмная тропа у реки 1977",
        # Decomposed "й" and "ё" (as some keyboards and macOS send them): NFC makes them one.
        unicodedata.normalize("NFD", "йод и ёж на тропе"),
        "emoji 🙂 and Ω",
    ],
)
def test_a_secret_text_gives_argon2id_the_same_bytes_as_the_same_str(text: str) -> None:
    # Vaults made from the CLI (a str) must open from the client (a SecretText) and back.
    with _secret(text) as secret:
        assert secret_input(secret) == secret_input(text)
        assert secret.char_count() == len(text)
        assert [chr(p) for p in secret.code_points()] == list(text)


def test_a_recovery_code_is_recognised_in_any_spelling_either_way() -> None:
    code = new_recovery_code()
    sloppy = " " + code.lower().replace("-", " ") + " "
    with _secret(sloppy) as secret:
        assert is_recovery_code(secret)
        assert secret_input(secret) == secret_input(code)
    assert not is_recovery_code(_secret(code + "A"))


def test_wipe_overwrites_the_buffer() -> None:
    secret = _secret("words to forget")
    secret.wipe()
    assert secret.wiped
    assert not any(secret._buf)
    with pytest.raises(ValueError):
        secret.view()


def test_wipe_immutable_overwrites_strings_and_bytes_of_every_width() -> None:
    for text in ("ascii only text", "кириллица", "mixed ё and 🙂"):
        made = str(bytearray(text.encode("utf-8")), "utf-8")  # a fresh object, ours alone
        assert wipe_immutable(made)
        assert all(ch == "\0" for ch in made)
    data = bytes(bytearray(b"raw secret bytes"))
    assert wipe_immutable(data)
    assert data == bytes(len(data))


def test_code_points_decode_every_utf8_width() -> None:
    text = "aé€🙂"
    assert [chr(p) for p in code_points(bytearray(text.encode("utf-8")))] == list(text)
