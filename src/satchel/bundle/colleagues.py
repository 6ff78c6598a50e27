"""Trust in colleagues' keys: adding them from cards, verifying, noticing key changes.

The colleagues table belongs to `satchel.core.colleagues` (storage only); this module holds
the rules: a card is parsed strictly, a colleague is *verified* only when the user says the
fingerprints were compared aloud, and a card that comes again with different keys for a
known colleague (same signing key or same name) is never taken silently: the colleague
goes to `key_changed`, the old fingerprint is kept, and verification starts again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from satchel.core.model import Colleague, Verification
from satchel.crypto.identity import CardError, PublicIdentity, parse_card
from satchel.errors import InvalidInput

if TYPE_CHECKING:
    from satchel.core.vault import Vault

__all__ = [
    "AddOutcome",
    "AddResult",
    "add_colleague_from_card",
    "colleague_identity",
    "mark_verified",
    "validate_card_text",
]


class AddOutcome(StrEnum):
    ADDED = "added"
    ALREADY_KNOWN = "already_known"  # same keys: nothing changed
    KEY_CHANGED = "key_changed"  # a known colleague with new keys; verify again


@dataclass(frozen=True, slots=True)
class AddResult:
    colleague: Colleague
    outcome: AddOutcome
    previous_fingerprint: str = ""


def colleague_identity(colleague: Colleague) -> PublicIdentity:
    """The public identity stored for a colleague (its fingerprint, its age recipient)."""
    return PublicIdentity(colleague.name, colleague.age_recipient, colleague.signing_key)


def add_colleague_from_card(vault: Vault, card_text: str, name: str | None = None) -> AddResult:
    """Add the colleague a pasted card describes, or notice that their keys changed."""
    try:
        card = parse_card(card_text)
    except CardError as exc:
        raise InvalidInput.like(exc, "card") from None
    own = vault.identities.get().public()
    if card.fingerprint == own.fingerprint:
        raise InvalidInput(
            "This is this vault's own card, not a colleague's.", "card", code="vault_s_own_card_not"
        )
    display = name.strip() if name and name.strip() else card.name
    with vault.transaction():
        known = vault.colleagues.get_by_signing_key(card.signing_key)
        if known is None:
            known = next(
                (c for c in vault.colleagues.list() if c.name.casefold() == card.name.casefold()),
                None,
            )
        if known is None:
            created = vault.colleagues.create(display, card.age_recipient, card.signing_key)
            return AddResult(created, AddOutcome.ADDED)
        if (known.age_recipient, known.signing_key) == (card.age_recipient, card.signing_key):
            return AddResult(known, AddOutcome.ALREADY_KNOWN)
        old_fp = colleague_identity(known).fingerprint
        changed = vault.colleagues.update(
            known.id,
            age_recipient=card.age_recipient,
            signing_key=card.signing_key,
            verification=Verification.KEY_CHANGED,
            previous_fingerprint=old_fp,
        )
        vault.audit.log(
            "key_changed", "colleague", known.id,
            f"{known.name}: keys changed (was {old_fp[:10]}…, now {card.fingerprint[:10]}…)",
        )  # fmt: skip
        return AddResult(changed, AddOutcome.KEY_CHANGED, old_fp)


def mark_verified(vault: Vault, colleague_id: str) -> Colleague:
    """Record that the user compared this colleague's fingerprint aloud and it matched."""
    colleague = vault.colleagues.get(colleague_id)
    return vault.colleagues.update(colleague.id, verification=Verification.VERIFIED)


def validate_card_text(text: str) -> PublicIdentity:
    """Parse a card for a preview (InvalidInput when it does not parse)."""
    try:
        return parse_card(text)
    except CardError as exc:
        raise InvalidInput.like(exc, "card") from None
