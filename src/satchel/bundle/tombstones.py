"""Deletions in a bundle (format v2): how each incoming tombstone meets the local vault.

A tombstone deletes a local record only when its version vector has seen every local edit
of it (and, for a case or person, of everything that would go with it); a stale one
changes nothing; a concurrent one becomes a conflict to review. An incoming record whose
id this vault deleted is weighed against the deletion the same way. The same decisions
serve the preview and the import, so the preview never promises what the import refuses.
It reads the vault and never writes: merge.py applies what it decides.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from satchel.bundle.records import (
    check_local,
    check_origin,
    record_label,
    record_stores,
    refuse_other_kinds,
)
from satchel.core.codec import to_dict
from satchel.core.model import Versions
from satchel.core.trash import Tombstone
from satchel.core.versions import Order, compare_versions, versions_from_json
from satchel.errors import BundleRejected

if TYPE_CHECKING:
    from satchel.core.vault import Vault

__all__ = [
    "Deletion",
    "check_against_tombstone",
    "check_tombstone_claims",
    "decide_deletions",
    "deletion_order",
    "tombstone_conflict",
    "versus_deletion",
]


def check_tombstone_claims(cases: frozenset[str], tomb: Mapping[str, Any]) -> None:
    """A tombstone may only name cases the signed manifest lists (the writer names no
    other), so a bundle about one case cannot delete anything of another."""
    if not set(tomb["cases"]) <= cases:
        raise BundleRejected(
            "a deletion of a {kind} ({id}) names a case the bundle does not list",
            code="bundle_tombstone_case_not_listed",
            kind=tomb["record_kind"],
            id=tomb["id"],
        )


def deletion_order(deleted: Versions, local: Versions, own_vault: str) -> Order:
    """How a deletion's vector compares with a record's (either side may be the deletion).

    A deletion always counts an edit, so an equal vector is not "the same edit": it is
    kept as a conflict. So is a vector claiming more of this vault's edits than it made.
    """
    order = compare_versions(deleted, local)
    if order is Order.EQUAL:
        return Order.CONCURRENT
    if order is Order.NEWER and dict(deleted).get(own_vault, 0) > dict(local).get(own_vault, 0):
        return Order.CONCURRENT
    return order


def check_against_tombstone(
    cases: frozenset[str], kind: str, record: Mapping[str, Any], tomb: Tombstone
) -> None:
    """An incoming record whose id this vault deleted: same rules as against a record."""
    if tomb.kind != kind:
        raise BundleRejected(
            "a {kind} record ({value}) reuses the id of a {other} record of yours",
            code="bundle_record_reuses_id_record_yours",
            kind=kind,
            value=record["id"],
            other=tomb.kind,
        )
    check_origin(kind, record, tomb.origin_vault)
    if kind not in ("case", "person") and not set(tomb.cases) & cases:
        raise BundleRejected(
            "a {kind} record ({id}) would replace one of yours in a case the bundle does not carry",
            code="bundle_record_would_replace_one_yours",
            kind=kind,
            id=record["id"],
        )


def versus_deletion(
    vault: Vault, record: Mapping[str, Any], tomb: Tombstone, case_alive: Callable[[str], bool]
) -> Order:
    """An incoming record this vault deleted: NEWER (it comes back: the sender restored
    or edited it after seeing the deletion), OLDER (a stale copy: it stays deleted) or
    CONCURRENT (edited without knowing of the deletion: a conflict to review)."""
    order = deletion_order(versions_from_json(record["versions"]), tomb.versions, vault.vault_id)
    if order is Order.EQUAL:
        order = Order.OLDER
    case_id = record.get("case_id")
    if order is Order.NEWER and case_id and not case_alive(case_id):
        # Its case is deleted here: it cannot come back on its own; the user decides.
        return Order.CONCURRENT
    return order


@dataclass
class Deletion:
    """What importing one tombstone does."""

    tomb: dict[str, Any]
    action: str  # "delete", "conflict", "known", "keep" (a tombstone only), "unchanged"
    label: str = ""
    child_versions: dict[str, Versions] = field(default_factory=dict)


def decide_deletions(
    vault: Vault, cases: frozenset[str], tombs: Sequence[dict[str, Any]]
) -> list[Deletion]:
    """Decide every tombstone of a bundle, cases first, then people, then the rest.

    A case (or person) is deleted only when every record that would go with it is
    deleted by the same bundle at a version that has seen the local one: anything the
    sender did not know of (an event added here since) makes it a conflict instead, so
    no local edit ever lands in the trash unseen.
    """
    stores = record_stores(vault)
    own = vault.vault_id
    by_id = {t["id"]: t for t in tombs}
    for t in tombs:
        check_tombstone_claims(cases, t)
    covered: set[str] = set()
    out: list[Deletion] = []
    rank = {"case": 0, "person": 1}
    for t in sorted(tombs, key=lambda t: rank.get(t["record_kind"], 2)):
        kind, rid = t["record_kind"], t["id"]
        if rid in covered:
            continue
        deleted = versions_from_json(t["versions"])
        local = stores[kind].find(rid)
        if local is None:
            refuse_other_kinds(stores, kind, [rid])
            known = vault.trash.tombstone(rid)
            if known is not None and compare_versions(deleted, known.versions) in (
                Order.EQUAL,
                Order.OLDER,
            ):
                out.append(Deletion(t, "unchanged"))
            else:
                out.append(Deletion(t, "keep"))
            continue
        check_local(cases, kind, t, local)
        label = record_label(kind, to_dict(local))
        order = deletion_order(deleted, local.versions, own)
        if order is Order.OLDER:
            out.append(Deletion(t, "unchanged", label))
            continue
        children: dict[str, Versions] = {}
        if order is Order.NEWER:
            with_it = _going_with(vault, kind, local, cases)
            for child in with_it:
                ct = by_id.get(child.id) if child is not None else None
                if (
                    child is None
                    or ct is None
                    or deletion_order(versions_from_json(ct["versions"]), child.versions, own)
                    is not Order.NEWER
                ):
                    order = Order.CONCURRENT
                    break
                children[child.id] = versions_from_json(ct["versions"])
        if order is Order.NEWER:
            covered.update(children)
            out.append(Deletion(t, "delete", label, children))
        elif vault.conflicts.has(rid, deleted):
            out.append(Deletion(t, "known", label))
        else:
            out.append(Deletion(t, "conflict", label))
    return out


def _going_with(vault: Vault, kind: str, local: Any, cases: frozenset[str]) -> list[Any]:
    """What deleting `local` would take with it here; None stands for something no
    bundle of `cases` can have deleted (so the deletion must wait for the user)."""
    if kind == "case":
        return [
            *vault.roles.list(case_id=local.id),
            *vault.events.list(case_id=local.id),
            *vault.notes.list(case_id=local.id),
            *vault.documents.list(case_id=local.id),
        ]
    if kind == "person":
        out: list[Any] = list(vault.roles.list(person_id=local.id))
        if any(r.case_id not in cases for r in out):
            out.append(None)
        if any(e.case_id not in cases for e in vault.events.list(person_id=local.id)):
            out.append(None)
        if vault.documents.ids_of_person(local.id, with_case=False):
            out.append(None)  # kept for the person alone: never in any bundle
        return out
    return []


def tombstone_conflict(tomb: Mapping[str, Any]) -> dict[str, Any]:
    """A deletion kept as a conflict, in the form ConflictStore keeps incoming versions."""
    return {**tomb, "deleted": True}
