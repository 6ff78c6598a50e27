"""Travel mode: leave cases behind for a border crossing, and bring them back after.

`start_travel` writes every case not carried (with its records, and the people who appear
in no carried case) as ONE bundle encrypted to this vault's own identity (and a verified
colleague if chosen), proves it restores by importing it whole into a throw-away vault and
comparing every record, and only then removes those cases from the vault without a trace
(core/purge.py) and rewrites the database into a fresh file under a new master key, so the
old file and its key are crypto-erased (Vault.rewrite_under_new_key, core/rekey.py).

The vault keeps only that a trip is on and since when (setting "travel"); nothing about what
was left. `restore_travel` imports the bundle back, histories (versions, times) included.

This is not deniability: the vault shows that a trip is on, and a bundle carried on the same
laptop opens with the passphrase a border official may demand (docs/threat-model.md).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satchel.bundle.export import export_bundle
from satchel.bundle.merge import (
    ImportResult,
    SenderState,
    apply_import,
    plan_import,
    record_stores,
)
from satchel.core.model import Verification
from satchel.core.purge import Leaving, leaving, purge
from satchel.crypto.kdf import KdfParams
from satchel.crypto.keyslots import TypedSecret
from satchel.errors import BundleRejected, FileProblem, InvalidInput

if TYPE_CHECKING:
    from satchel.core.vault import Vault

__all__ = [
    "TRAVEL_SETTING",
    "TravelResult",
    "restore_travel",
    "rewrite_pending",
    "start_travel",
    "travel_since",
]

TRAVEL_SETTING = "travel"
"""{"since": "YYYY-MM-DD"} while a trip is on; nothing else (not what was left behind)."""

_THROWAWAY_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
"""The throw-away vault's passphrase is random and the vault lives seconds: no Argon2 cost."""


@dataclass(frozen=True)
class TravelResult:
    bundle: Path | None  # None: an interrupted start was finished (the bundle was written then)
    counts: dict[str, int]  # what left, by kind (for the owner's screen, never stored)
    recovery_code: str  # the new one; the old one opens nothing any more


def travel_since(vault: Vault) -> date | None:
    """The day the trip began, or None when no trip is on."""
    value = vault.settings.get(TRAVEL_SETTING)
    if not isinstance(value, dict):
        return None
    try:
        return date.fromisoformat(str(value.get("since")))
    except ValueError:
        return None


def rewrite_pending(vault: Vault) -> bool:
    """Whether a start was interrupted after the purge and before the new key: run it again."""
    value = vault.settings.get(TRAVEL_SETTING)
    return isinstance(value, dict) and value.get("rewrite") == "pending"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def start_travel(
    vault: Vault,
    passphrase: TypedSecret,
    carry: Sequence[str],
    out: str | os.PathLike[str],
    *,
    colleague_id: str | None = None,
    duress_passphrase: TypedSecret | None = None,
    today: date | None = None,
    checkpoint: Callable[[str], None] | None = None,
) -> TravelResult:
    """Leave every case but `carry` behind in the bundle `out` and remove it from the vault."""
    dest = Path(out)
    since = travel_since(vault)
    if since is not None and rewrite_pending(vault):
        # An interruption after the purge, before the new key: the cases are gone and the
        # bundle was proven; only the rewrite under a new key remains to be done.
        code = vault.rewrite_under_new_key(
            passphrase,
            duress_passphrase,
            fresh_settings={TRAVEL_SETTING: {"since": since.isoformat()}},
            checkpoint=checkpoint,
        )
        return TravelResult(None, {}, code)
    if since is not None:
        raise InvalidInput(
            "A trip is already on (since {since}). Restore its bundle first; nothing was changed.",
            code="travel_already_on",
            since=since.isoformat(),
        )
    if _inside(dest, vault.path) or _inside(dest.parent, vault.path):
        raise FileProblem(
            "Write the travel bundle outside the vault folder {folder}: it would be removed "
            "or found with the vault. Nothing was changed.",
            code="travel_bundle_inside_vault",
            folder=vault.path,
        )
    # Asks for the passphrase (and the duress one) before anything is written; a session
    # that cannot reseal the real vault's slots is refused here, not after the purge.
    vault.check_owner_passphrase(passphrase)
    if vault.has_duress(passphrase) and duress_passphrase is None:
        raise InvalidInput(
            "This vault has a duress passphrase: give it too, so that it keeps opening the "
            "decoy. Nothing was changed.",
            field="duress_passphrase",
            code="rewrite_needs_duress_passphrase",
        )
    carried = [vault.cases.resolve(c) for c in carry]
    to = []
    if colleague_id is not None:
        colleague = vault.colleagues.get(vault.colleagues.resolve(colleague_id))
        if colleague.verification is not Verification.VERIFIED:
            raise InvalidInput(
                "{name} is not a verified colleague: compare fingerprints first. Nothing "
                "was changed.",
                code="travel_colleague_not_verified",
                name=colleague.name,
            )
        to.append(colleague)
    with vault.transaction():
        gone = leaving(vault, carried)
    if not gone.cases:
        raise InvalidInput(
            "Every case is carried: nothing would be left behind. Nothing was changed.",
            code="travel_nothing_left_behind",
        )
    exported = export_bundle(vault, gone.cases, dest, to=to, to_self=True)
    step = checkpoint or (lambda _name: None)
    step("bundle")
    try:
        _prove_restores(vault, dest, gone)
    except BaseException:
        # The bundle is not proven: it must not look like a safe copy.
        dest.unlink(missing_ok=True)
        raise
    step("proven")
    counts = {k: n for k, n in exported.plan.counts.items() if n}
    day = (today or date.today()).isoformat()
    # The export's own audit line counts what left: it goes with the rest.
    bundle_audit_id = exported.sealed.manifest_data["members"][0]["sha256"][:16]
    gone = dataclasses.replace(gone, children=(*gone.children, bundle_audit_id))
    with vault.transaction():
        purge(vault, gone)
        # "rewrite" marks the old database only: the fresh one is told the trip alone.
        vault.settings.set(TRAVEL_SETTING, {"since": day, "rewrite": "pending"}, audited=False)
    step("purged")
    code = vault.rewrite_under_new_key(
        passphrase,
        duress_passphrase,
        fresh_settings={TRAVEL_SETTING: {"since": day}},
        checkpoint=checkpoint,
    )
    return TravelResult(dest, counts, code)


def _digest(raw: dict[str, Any] | None) -> str:
    text = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fingerprints(vault: Vault, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """id -> (kind, content hash) of every record of `ids` this vault holds."""
    out: dict[str, tuple[str, str]] = {}
    for kind, store in record_stores(vault).items():
        for rid in ids:
            raw = store.get_raw(rid)
            if raw is not None:
                out[rid] = (kind, _digest(raw))
    return out


def _prove_restores(vault: Vault, bundle: Path, gone: Leaving) -> None:
    """Read the bundle back with this vault's identity, import it whole into a throw-away
    vault in a private temp folder, and compare every record with the source."""
    from satchel.core.vault import Vault as VaultClass

    source = _fingerprints(vault, gone.all_ids)
    own = vault.connection.execute(
        "SELECT name, age_secret, signing_seed FROM identity WHERE slot = 1"
    ).fetchone()
    work = Path(tempfile.mkdtemp(prefix="satchel-travel-"))  # 0700
    try:
        probe, _code = VaultClass.create(
            work / "probe", "throw-away probe " + secrets.token_hex(16), kdf_params=_THROWAWAY_KDF
        )
        try:
            # The probe reads the bundle as this vault would: with its identity.
            probe.connection.execute(
                "UPDATE identity SET name = ?, age_secret = ?, signing_seed = ? WHERE slot = 1",
                tuple(own),
            )
            preview = plan_import(probe, bundle)
            if preview.sender.state is not SenderState.SELF:
                raise BundleRejected(
                    "the travel bundle is not signed by this vault", code="travel_not_own_bundle"
                )
            apply_import(probe, preview)
            copied = _fingerprints(probe, gone.all_ids)
        finally:
            probe.wipe()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if copied != source:
        missing = len(set(source) - set(copied))
        differ = sum(1 for k in source if k in copied and copied[k] != source[k])
        raise BundleRejected(
            "the travel bundle did not restore identically ({missing} missing, {differ} "
            "different); nothing was removed",
            code="travel_bundle_not_identical",
            missing=missing,
            differ=differ,
        )


def restore_travel(vault: Vault, path: str | os.PathLike[str]) -> ImportResult:
    """Import the trip's bundle back (signed by this vault's own identity) and end the trip."""
    preview = plan_import(vault, Path(path))
    if preview.sender.state is not SenderState.SELF or not preview.addressed_to_me:
        raise BundleRejected(
            "this is not a travel bundle of this vault (it was signed by {name})",
            code="travel_not_own_bundle_named",
            name=preview.manifest.sender.name,
        )
    result = apply_import(vault, preview)
    if vault.settings.get(TRAVEL_SETTING) is not None:
        vault.settings.remove(TRAVEL_SETTING)
    return result
