"""Cases shared with colleagues as a standing arrangement: each bundle carries what changed.

"Share this case with..." makes a share (core/shares.py). Every later bundle to that
colleague carries only the records and tombstones whose version vectors moved since the
colleague last had them - sent by this vault, or received from them - and a full resend
stays possible. Only a verified colleague can be shared with: a share sends again and again,
often unattended through an exchange folder, so the key it encrypts to must be the one
compared aloud. Nothing here writes plaintext to disk (the bundle is export.py's).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from satchel.bundle.export import ExportResult, export_changes
from satchel.bundle.merge import ImportPreview, SenderState, record_stores
from satchel.core.model import Colleague, Verification, Versions
from satchel.core.shares import Share
from satchel.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from satchel.bundle.format.writer import Progress
    from satchel.core.vault import Vault

__all__ = [
    "ShareView",
    "find_colleague",
    "note_received",
    "resend_in_full",
    "send_changes",
    "send_shared",
    "share_case",
    "shares_of",
    "unshare",
]


@dataclass(frozen=True, slots=True)
class ShareView:
    """A share with the names a person reads: the case's title and the colleague's name."""

    share: Share
    case_title: str  # "" when the case is in the trash or gone
    colleague: Colleague


def find_colleague(vault: Vault, key: str) -> Colleague:
    """A colleague by id, unique id prefix or exact name (case-insensitive)."""
    try:
        return vault.colleagues.get(key)
    except (NotFound, InvalidInput):
        pass
    matches = [c for c in vault.colleagues.list() if c.name.casefold() == key.casefold()]
    if len(matches) == 1:
        return matches[0]
    raise NotFound("No colleague {name}", code="no_colleague", name=key)


def share_case(vault: Vault, case_key: str, colleague_key: str) -> tuple[Share, bool]:
    """Share a case with a verified colleague; (the share, whether it is new)."""
    case_id = vault.cases.resolve(case_key)
    colleague = find_colleague(vault, colleague_key)
    if colleague.verification is not Verification.VERIFIED:
        raise InvalidInput(
            "Compare {name}'s fingerprint with them and mark it verified before sharing a "
            "case with them: a share sends again and again, without asking each time.",
            "colleague",
            code="share_needs_verified_colleague",
            name=colleague.name,
        )
    return vault.shares.add(case_id, colleague.id)


def _case_id(vault: Vault, key: str) -> str:
    """A case's full id; a deleted case's too (its deletion still travels to the share)."""
    try:
        return vault.cases.resolve(key)
    except NotFound:
        tomb = vault.trash.tombstone(key.strip().lower())
        if tomb is None or tomb.kind != "case":
            raise
        return tomb.record_id


def unshare(vault: Vault, share_id: str) -> None:
    vault.shares.remove(_share_id(vault, share_id))


def resend_in_full(vault: Vault, share_id: str) -> Share:
    """Forget what the colleague is known to have: the next bundle (the exchange folder's
    next pass) carries the whole case again, for a colleague who lost a bundle."""
    share = vault.shares.get(_share_id(vault, share_id))
    with vault.transaction():
        vault.shares.forget_known(share.id)
        vault.audit.log("resend", "case", share.case_id, "next bundle in full",
                        case_id=share.case_id)  # fmt: skip
    return share


def _share_id(vault: Vault, key: str) -> str:
    key = key.strip().lower()
    found = [s.id for s in vault.shares.list() if s.id.startswith(key)]
    if len(key) >= 6 and len(found) == 1:
        return found[0]
    if key in found:
        return key
    raise NotFound("No share {id}", code="no_share", id=key)


def shares_of(vault: Vault, case_key: str | None = None) -> list[ShareView]:
    """The shares of one case (or of every case), with names to show."""
    case_id = vault.cases.resolve(case_key) if case_key is not None else None
    out = []
    for share in vault.shares.list(case_id=case_id):
        case = vault.cases.find(share.case_id)
        out.append(
            ShareView(share, case.title if case else "", vault.colleagues.get(share.colleague_id))
        )
    return out


def send_changes(
    vault: Vault,
    share: Share,
    path: str | os.PathLike[str],
    *,
    full: bool = False,
    temp_name: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult | None:
    """Write a bundle of what changed in the share's case since the colleague last had it
    (everything with `full`) to `path`. None, and nothing written, when nothing changed."""
    return send_shared(
        vault,
        [share.case_id],
        [share.colleague_id],
        path,
        full=full,
        temp_name=temp_name,
        progress=progress,
        cancel=cancel,
    )


def send_shared(
    vault: Vault,
    case_keys: Sequence[str],
    colleague_keys: Sequence[str],
    path: str | os.PathLike[str],
    *,
    full: bool = False,
    temp_name: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult | None:
    """One bundle of these shared cases to these colleagues, carrying what any of them
    lacks (a record goes when its version differs from what even one of them has); every
    case must be shared with every colleague. None, and nothing written, when nothing
    changed for anyone. Each share then knows the colleague has what the bundle carried."""
    colleagues = [find_colleague(vault, key) for key in colleague_keys]
    case_ids = [_case_id(vault, key) for key in case_keys]
    shares: list[Share] = []
    for colleague in colleagues:
        if colleague.verification is not Verification.VERIFIED:
            raise InvalidInput(
                "{name}'s key changed or was never verified: compare fingerprints again "
                "before anything more is sent to them.",
                "colleague",
                code="share_colleague_not_verified",
                name=colleague.name,
            )
        for case_id in case_ids:
            share = vault.shares.find(case_id, colleague.id)
            if share is None:
                raise InvalidInput(
                    "Case {case} is not shared with {name} (satchel share add)",
                    "case",
                    code="case_not_shared_with",
                    case=case_id[:8],
                    name=colleague.name,
                )
            shares.append(share)
    known: dict[str, Versions] = {}
    if not full:
        # What every receiver has: a record whose versions differ for any of them goes.
        maps = [vault.shares.known(s.id) for s in shares]
        if maps:
            known = {
                rid: vec for rid, vec in maps[0].items() if all(m.get(rid) == vec for m in maps)
            }
    result = export_changes(
        vault,
        case_ids,
        path,
        to=colleagues,
        known=known,
        temp_name=temp_name,
        progress=progress,
        cancel=cancel,
    )
    if result is None:
        return None
    with vault.transaction():
        for share in shares:
            vault.shares.remember(share.id, result.carried)
            vault.shares.mark_sent(share.id)
    return result


def note_received(vault: Vault, preview: ImportPreview, *, share_back: bool = False) -> list[Share]:
    """After `preview` was imported: the sender now has the versions it brought, and each
    case it carried that is shared with the sender was received now. With `share_back`
    (a bundle that came through the exchange folder from a verified colleague), a case not
    yet shared with the sender becomes shared, so the edits made here go back to them."""
    sender = preview.sender
    colleague = sender.colleague
    if colleague is None or sender.state is SenderState.SELF:
        return []
    stores = record_stores(vault)
    versions: dict[str, Versions] = {}
    for ref in (*preview.new, *preview.changed):
        store = stores.get(ref.kind)
        record = store.find(ref.id) if store is not None else None
        if record is not None:
            versions[ref.id] = record.versions
    for ref in preview.deleted:
        tomb = vault.trash.tombstone(ref.id)
        if tomb is not None:
            versions[ref.id] = tomb.versions
    touched = []
    with vault.transaction():
        for case_id in preview.manifest.cases:
            share = vault.shares.find(case_id, colleague.id)
            if share is None and share_back and sender.state is SenderState.VERIFIED:
                if not vault.cases.exists(case_id):
                    continue
                share, _new = vault.shares.add(case_id, colleague.id)
            if share is None:
                continue
            vault.shares.remember(share.id, versions)
            vault.shares.mark_received(share.id)
            touched.append(share)
    return touched
