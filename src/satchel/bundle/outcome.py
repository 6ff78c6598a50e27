"""What an import says: who sent the bundle (`sender_status`) and what it would change
(`ImportPreview`) or changed (`ImportResult`). The preview and the import themselves are in
`satchel.bundle.merge`; these are their answers, shared by the CLI and the client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from satchel.bundle.format.reader import Manifest
from satchel.core.model import Colleague, Verification

if TYPE_CHECKING:
    from satchel.core.vault import Vault

__all__ = [
    "ImportPreview",
    "ImportResult",
    "RecordRef",
    "SenderState",
    "SenderStatus",
    "sender_status",
]


class SenderState(StrEnum):
    SELF = "self"  # this vault sent it
    VERIFIED = "verified"  # a colleague whose fingerprint was compared aloud
    UNVERIFIED = "unverified"  # a known colleague, fingerprint never compared
    KEY_CHANGED = "key_changed"  # a colleague whose key changed since it was verified
    UNKNOWN = "unknown"  # a key this vault has never seen


@dataclass(frozen=True, slots=True)
class SenderStatus:
    state: SenderState
    name: str  # as the bundle states it
    fingerprint: str
    colleague: Colleague | None  # the colleague it matched, by signing key
    same_name_colleague: Colleague | None = None  # a colleague with this name but another key

    @property
    def trusted(self) -> bool:
        return self.state in (SenderState.SELF, SenderState.VERIFIED)

    def describe(self) -> str:
        """One plain sentence for the CLI and the GUI."""
        fp = self.fingerprint
        if self.state is SenderState.SELF:
            return "sent by this vault"
        if self.state is SenderState.VERIFIED:
            return f"from your verified colleague {self.colleague.name if self.colleague else ''}"
        if self.state is SenderState.UNVERIFIED:
            name = self.colleague.name if self.colleague else self.name
            return f"from your colleague {name}, whose fingerprint you have NOT verified ({fp})"
        if self.state is SenderState.KEY_CHANGED:
            name = self.colleague.name if self.colleague else self.name
            return f"from {name}, whose key CHANGED since you verified it ({fp})"
        if self.same_name_colleague is not None:
            return (
                f"from an UNKNOWN key calling itself {self.name!r} - NOT the key you have for "
                f"your colleague {self.same_name_colleague.name} ({fp})"
            )
        return f"from an UNKNOWN sender calling itself {self.name!r} ({fp})"


@dataclass(frozen=True, slots=True)
class RecordRef:
    kind: str
    id: str
    label: str


@dataclass(frozen=True)
class ImportPreview:
    """What importing a bundle would do; nothing has been written."""

    path: Path
    manifest: Manifest
    sender: SenderStatus
    addressed_to_me: bool
    new: tuple[RecordRef, ...]
    changed: tuple[RecordRef, ...]
    unchanged: tuple[RecordRef, ...]
    conflicts: tuple[RecordRef, ...]  # both sides edited; the incoming one will be kept aside
    known_conflicts: int  # conflicts already kept from an earlier import of the same versions
    passphrase: str | None = field(default=None, repr=False)
    # Records the sender deleted that will go to this vault's trash (bundle format v2).
    deleted: tuple[RecordRef, ...] = ()
    # Deletions of records this vault does not hold, kept so no stale bundle brings them in.
    tombstones_kept: int = 0

    @property
    def needs_consent(self) -> bool:
        """Unknown or unverified sender, or a bundle not addressed to this vault."""
        return not self.sender.trusted or not self.addressed_to_me

    @property
    def is_noop(self) -> bool:
        return not (
            self.new or self.changed or self.conflicts or self.deleted or self.tombstones_kept
        )

    def warnings(self) -> list[str]:
        out = []
        if not self.sender.trusted:
            out.append(f"This bundle is {self.sender.describe()}.")
        if not self.addressed_to_me:
            names = ", ".join(r.name for r in self.manifest.recipients)
            out.append(
                f"{self.manifest.sender.name} signed this bundle for [{names}]: you are NOT "
                "among them. Someone forwarded it to you."
            )
        return out


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    conflicts: int
    unchanged: int
    documents_stored: int
    deleted: int = 0  # records the sender deleted, moved to this vault's trash


def sender_status(vault: Vault, manifest: Manifest) -> SenderStatus:
    pub = manifest.sender
    fp = pub.fingerprint
    own = vault.identities.find()
    if own is not None and own.public().fingerprint == fp:
        return SenderStatus(SenderState.SELF, pub.name, fp, None)
    colleague = vault.colleagues.get_by_signing_key(pub.signing_key)
    if colleague is not None and colleague.age_recipient == pub.age_recipient:
        state = {
            Verification.VERIFIED: SenderState.VERIFIED,
            Verification.UNVERIFIED: SenderState.UNVERIFIED,
            Verification.KEY_CHANGED: SenderState.KEY_CHANGED,
        }[colleague.verification]
        return SenderStatus(state, pub.name, fp, colleague)
    if colleague is not None:
        # Same signing key, different encryption key: the card we hold is not this one.
        return SenderStatus(SenderState.KEY_CHANGED, pub.name, fp, colleague)
    same_name = next(
        (c for c in vault.colleagues.list() if c.name.casefold() == pub.name.casefold()), None
    )
    return SenderStatus(SenderState.UNKNOWN, pub.name, fp, None, same_name)
