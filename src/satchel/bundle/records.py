"""Incoming records against local ones: labels, the store of each kind, and the placement
rules every import checks (a record stays in the cases its bundle lists; ids are unique
across kinds). Shared by the import (merge.py) and its deletions (tombstones.py); it
reads the vault and never writes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from satchel.errors import BundleRejected

if TYPE_CHECKING:
    from satchel.core.vault import Vault

__all__ = ["check_local", "check_origin", "record_label", "record_stores", "refuse_other_kinds"]


def record_label(kind: str, record: Mapping[str, Any]) -> str:
    """A short plain-text label for previews: a title, a name, a file name."""
    if kind == "person":
        names = record.get("names") or []
        primary = [n for n in names if isinstance(n, dict) and n.get("primary")]
        chosen = (primary or names or [{}])[0]
        text = chosen.get("text", "") if isinstance(chosen, dict) else ""
    elif kind == "document":
        text = str(record.get("filename", ""))
    elif kind == "note":
        text = str(record.get("body", ""))
    elif kind == "role":
        text = str(record.get("kind", ""))
    else:
        text = str(record.get("title", ""))
    text = " ".join(str(text).split())
    return text[:80] + ("…" if len(text) > 80 else "")


def record_stores(vault: Vault) -> dict[str, Any]:
    """The store of each record kind a bundle carries."""
    return {
        "case": vault.cases,
        "person": vault.people,
        "role": vault.roles,
        "event": vault.events,
        "document": vault.documents,
        "note": vault.notes,
    }


def check_origin(kind: str, record: Mapping[str, Any], origin_vault: str) -> None:
    """An incoming record must name the vault that created the local one (a record or its
    tombstone): no edit ever changes where a record was created."""
    if record.get("origin_vault") != origin_vault:
        raise BundleRejected(
            "a {kind} record ({id}) says it was created in another vault than the one that "
            "created it",
            code="bundle_record_says_created_another_vault",
            kind=kind,
            id=record["id"],
        )


def check_local(cases: frozenset[str], kind: str, record: Mapping[str, Any], local: Any) -> None:
    """The stored record an incoming one would replace must sit in a case the bundle
    carries: a bundle about one case must not move or rewrite a record of another. Nor
    may it say the record was created elsewhere: no edit ever changes that."""
    check_origin(kind, record, local.origin_vault)
    # A document kept for a person alone (no case) is outside every bundle, too.
    if kind not in ("case", "person") and local.case_id not in cases:
        raise BundleRejected(
            "a {kind} record ({id}) would replace one of yours in a case the bundle does not carry",
            code="bundle_record_would_replace_one_yours",
            kind=kind,
            id=record["id"],
        )


def refuse_other_kinds(stores: Mapping[str, Any], kind: str, new_ids: Sequence[str]) -> None:
    """A new record must not take an id a record of another kind has here: ids are
    unique across kinds (short ids, links and kept conflicts go by id alone)."""
    if not new_ids:
        return
    for other, store in stores.items():
        if other == kind or store is None:
            continue
        taken = store.find_many(list(new_ids))
        if taken:
            raise BundleRejected(
                "a {kind} record ({value}) reuses the id of a {other} record of yours",
                code="bundle_record_reuses_id_record_yours",
                kind=kind,
                value=next(iter(taken)),
                other=other,
            )
