"""Version vectors: how many edits each vault made to a record, and how two vectors relate.

A record's `versions` says, for each vault that edited it, how many edits it made. Two
vectors are compared without any clock (laptop clocks drift): equal, one dominates (it has
seen every edit the other has, and more), or concurrent (each has edits the other lacks).
This module is pure arithmetic on vectors: it never reads or writes a store.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from satchel.core.model import Versions

__all__ = [
    "Order",
    "bump_versions",
    "compare_versions",
    "first_versions",
    "join_versions",
    "versions_from_json",
]


class Order(StrEnum):
    """How an incoming version vector relates to the local one."""

    EQUAL = "equal"
    NEWER = "newer"  # incoming dominates: it has every local edit and more
    OLDER = "older"  # local dominates: a stale or replayed version
    CONCURRENT = "concurrent"  # both sides have edits the other lacks


def first_versions(vault_id: str) -> Versions:
    """The vector of a record `vault_id` has just created."""
    return ((vault_id, 1),)


def bump_versions(versions: Versions, vault_id: str) -> Versions:
    """One more edit by `vault_id`; the vector stays sorted by vault id."""
    counts = dict(versions)
    counts[vault_id] = counts.get(vault_id, 0) + 1
    return tuple(sorted(counts.items()))


def versions_from_json(value: Iterable[Any]) -> Versions:
    """The sorted tuple form of `[[vault_id, edits], ...]`."""
    return tuple(sorted((str(v), int(n)) for v, n in value))


def compare_versions(incoming: Versions, local: Versions) -> Order:
    a, b = dict(incoming), dict(local)
    keys = a.keys() | b.keys()
    ahead = any(a.get(k, 0) > b.get(k, 0) for k in keys)
    behind = any(a.get(k, 0) < b.get(k, 0) for k in keys)
    if ahead and behind:
        return Order.CONCURRENT
    if ahead:
        return Order.NEWER
    if behind:
        return Order.OLDER
    return Order.EQUAL


def join_versions(*vectors: Versions) -> Versions:
    """The smallest vector that has seen every edit of each of `vectors`."""
    out: dict[str, int] = {}
    for vec in vectors:
        for vault, edits in vec:
            out[vault] = max(out.get(vault, 0), edits)
    return tuple(sorted(out.items()))
