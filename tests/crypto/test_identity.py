"""Identities, cards and fingerprints: what two lawyers exchange and read aloud."""

from __future__ import annotations

import base64

import pytest

from satchel.crypto.fingerprint import fingerprint, format_fingerprint, parse_fingerprint
from satchel.crypto.identity import CardError, Identity, PublicIdentity, parse_card


@pytest.fixture(scope="module")
def anna() -> Identity:
    return Identity.generate("Anna Fictional")


def test_card_round_trips_through_pasted_text(anna: Identity) -> None:
    card = anna.public().card()
    pasted = "Hi, here is my card:\r\n\r\n" + card.replace("\n", "\r\n") + "\r\n-- \r\nAnna"
    assert parse_card(pasted) == anna.public()


def test_card_with_cyrillic_name_round_trips() -> None:
    ident = Identity.generate("Анна Вымышленная")
    assert parse_card(ident.public().card()).name == "Анна Вымышленная"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda c: c.replace("name: Anna", "name: Anne"), "check line"),
        (lambda c: c.replace("SATCHEL-CARD-1", "SATCHEL-CARD-2"), "No Satchel card"),
        (lambda c: "\n".join(c.splitlines()[:3]), "cut short"),
        (lambda c: c.replace("age: age1", "age: age2"), "age1"),
    ],
)
def test_altered_or_truncated_card_is_refused_with_a_reason(
    anna: Identity, edit: object, message: str
) -> None:
    with pytest.raises(CardError, match=message):
        parse_card(edit(anna.public().card()))  # type: ignore[operator]


def test_mistyped_age_key_fails_its_checksum(anna: Identity) -> None:
    pub = anna.public()
    last = pub.age_recipient[-1]
    typo = pub.age_recipient[:-1] + ("q" if last != "q" else "p")
    with pytest.raises(CardError, match="checksum"):
        PublicIdentity.checked(pub.name, typo, pub.signing_key)


def test_signing_key_must_be_canonical_base64_of_32_bytes(anna: Identity) -> None:
    pub = anna.public()
    with pytest.raises(CardError):
        PublicIdentity.checked(pub.name, pub.age_recipient, base64.b64encode(b"x" * 31).decode())


@pytest.mark.parametrize("bad", ["\u00a8", "\udca8", "Ж"])
def test_signing_key_with_a_non_ascii_character_is_a_card_error(anna: Identity, bad: str) -> None:
    # Found by fuzzing (proof 12): base64 raised a bare ValueError on a non-ASCII character,
    # which reached the colleagues page and `colleague add` as an internal error.
    card = anna.public().card()
    key = anna.public().signing_key
    with pytest.raises(CardError, match="base64"):
        parse_card(card.replace(key, key[:20] + bad + key[21:]))


def test_names_with_control_characters_are_refused() -> None:
    with pytest.raises(CardError):
        Identity.generate("Anna\u202eFictional")
    with pytest.raises(CardError):
        Identity.generate("   ")


def test_fingerprint_is_twelve_groups_of_five_digits(anna: Identity) -> None:
    digits = anna.public().fingerprint
    assert len(digits) == 60 and digits.isdigit()
    groups = format_fingerprint(digits).split(" ")
    assert len(groups) == 12 and all(len(g) == 5 for g in groups)
    assert parse_fingerprint(anna.public().fingerprint_text) == digits


def test_fingerprint_changes_with_either_key_but_not_with_the_name(anna: Identity) -> None:
    other = Identity.generate("Anna Fictional")
    pub = anna.public()
    assert pub.fingerprint != other.public().fingerprint
    renamed = anna.renamed("Anna F.").public()
    assert renamed.fingerprint == pub.fingerprint
    a_raw, s_raw = bytes(32), bytes(range(32))
    assert fingerprint(a_raw, s_raw) != fingerprint(s_raw, a_raw)


def test_identity_survives_storage_as_secrets(anna: Identity) -> None:
    again = Identity.from_secrets(anna.name, anna.age_secret_key(), anna.signing_seed())
    assert again.public() == anna.public()
    assert anna.public().verify(again.sign(b"manifest"), b"manifest")
    assert not anna.public().verify(again.sign(b"manifest"), b"manifest!")


def test_repr_never_shows_secret_keys(anna: Identity) -> None:
    assert "AGE-SECRET-KEY" not in repr(anna)
