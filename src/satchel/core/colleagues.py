"""ColleagueStore: trusted lawyers' public identities and whether they were verified.

Storage only: comparing fingerprints, noticing a changed key and trusting a bundle's
sender belong to the identity and bundle code, which call this store.
"""

from __future__ import annotations

import builtins
import dataclasses

from satchel.core.model import Colleague, Verification
from satchel.core.queries import enum_value, page
from satchel.core.store import RecordStore, require_text
from satchel.errors import InvalidInput

__all__ = ["ColleagueStore"]


class ColleagueStore(RecordStore[Colleague]):
    kind = "colleague"
    table = "colleagues"
    record_cls = Colleague

    def create(
        self,
        name: str,
        age_recipient: str,
        signing_key: str,
        verification: Verification | str = Verification.UNVERIFIED,
        previous_fingerprint: str = "",
    ) -> Colleague:
        return self._insert(
            {
                "name": name,
                "age_recipient": age_recipient,
                "signing_key": signing_key,
                "verification": verification,
                "previous_fingerprint": previous_fingerprint,
            }
        )

    def get_by_signing_key(self, signing_key: str) -> Colleague | None:
        found = self._fetch("signing_key = ?", (signing_key.strip(),))
        return found[0] if found else None

    def list(
        self,
        *,
        verification: Verification | str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[Colleague]:
        """Colleagues by name."""
        where, params = _filters(verification)
        clause, page_params = page(limit, offset)
        rows = self._query(
            f"SELECT * FROM colleagues WHERE {where} ORDER BY name COLLATE NOCASE, id{clause}",
            [*params, *page_params],
        )
        return self._records(rows)

    def count(self, *, verification: Verification | str | None = None) -> int:
        where, params = _filters(verification)
        return self._count(where, params)

    def _validate(self, record: Colleague, old: Colleague | None) -> Colleague:
        name = require_text(record.name, "name", "A colleague's name")
        recipient = record.age_recipient.strip()
        if not recipient.startswith("age1"):
            raise InvalidInput(
                "Not an age recipient (it starts with age1)",
                "age_recipient",
                code="not_age_recipient_starts_age1",
            )
        key = require_text(record.signing_key, "signing_key", "A signing key")
        other = self.get_by_signing_key(key)
        if other is not None and other.id != record.id:
            raise InvalidInput(
                "This signing key already belongs to the colleague {name}",
                "signing_key",
                code="signing_key_already_belongs_colleague",
                name=other.name,
            )
        return dataclasses.replace(record, name=name, age_recipient=recipient, signing_key=key)

    def _summary(self, record: Colleague) -> str:
        return f"{record.name} ({record.verification.value})"


def _filters(verification: Verification | str | None) -> tuple[str, builtins.list[object]]:
    if verification is None:
        return "1", []
    return "verification = ?", [enum_value(Verification, verification, "verification")]
