"""Drafts of forms kept at lock: what a user had typed and not saved, inside the vault.

A lock closes every open form; the typed values go here, in the vault's encrypted settings
store (one entry per draft, key `draft/<id>`), and the client offers each back after the
next unlock. This module never writes a draft anywhere but the SQLCipher database, and a
draft leaves it by `remove`, which deletes the row under `secure_delete` (the freed pages
are zeroed inside the encryption). A draft is plain JSON the client wrote; this module only
checks that it is a JSON object, so a damaged entry cannot stop an unlock.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from satchel.core.settings import Settings

__all__ = ["DRAFT_PREFIX", "Drafts"]

DRAFT_PREFIX = "draft/"


class Drafts:
    """The drafts of one vault, over its settings store."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def keep(self, drafts: Iterable[Mapping[str, Any]]) -> list[str]:
        """Store every draft in one transaction; returns their new ids.

        Not audited: a draft records no change to a record, and the audit log would
        otherwise note every lock with a form open.
        """
        ids: list[str] = []
        with self._settings.transaction():
            for draft in drafts:
                draft_id = uuid.uuid4().hex
                self._settings.set(DRAFT_PREFIX + draft_id, dict(draft), audited=False)
                ids.append(draft_id)
        return ids

    def all(self) -> list[tuple[str, dict[str, Any]]]:
        """Every kept draft as (id, draft), oldest key first; damaged entries are skipped."""
        found: list[tuple[str, dict[str, Any]]] = []
        for key in self._settings.keys():
            if not key.startswith(DRAFT_PREFIX):
                continue
            value = self._settings.get(key)
            if isinstance(value, dict):
                found.append((key[len(DRAFT_PREFIX) :], value))
        found.sort(key=lambda item: str(item[1].get("kept_at", "")))
        return found

    def remove(self, draft_id: str) -> None:
        """Delete one draft (restored or discarded); the row is overwritten by SQLite."""
        self._settings.remove(DRAFT_PREFIX + draft_id, audited=False)

    def clear(self) -> None:
        for draft_id, _draft in self.all():
            self.remove(draft_id)
