"""IdentityStore: this vault's own identity (X25519 age key + Ed25519 key), kept in the vault.

Every vault gets one identity, created the first time something needs it (older vaults and
vaults created before bundles existed get theirs then). The secret keys are read from and
written to the encrypted database only: this module never writes them anywhere else, never
logs them, and audits changes without their values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import format_timestamp, now
from satchel.crypto.identity import CardError, Identity, check_display_name
from satchel.errors import InvalidInput, VaultDamaged

if TYPE_CHECKING:
    from satchel.core.context import StoreContext

__all__ = ["DEFAULT_NAME", "IdentityStore"]

DEFAULT_NAME = "Satchel user"
"""The display name of a new identity until its owner renames it."""


class IdentityStore:
    """Read, create and rename the vault's identity."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._conn: sqlite.Connection = ctx.connection

    def find(self) -> Identity | None:
        """The identity, or None when this vault has none yet."""
        row = self._conn.execute(
            "SELECT name, age_secret, signing_seed FROM identity WHERE slot = 1"
        ).fetchone()
        if row is None:
            return None
        try:
            return Identity.from_secrets(row[0], row[1], bytes(row[2]))
        except CardError as exc:
            raise VaultDamaged(
                "This vault's identity keys are damaged: {detail}",
                code="vault_s_identity_keys_are",
                detail=exc,
            ) from None

    def get(self, name: str | None = None) -> Identity:
        """The identity, created now (named `name` or DEFAULT_NAME) if there is none."""
        found = self.find()
        if found is not None:
            return found
        try:
            identity = Identity.generate(name or DEFAULT_NAME)
        except CardError as exc:
            raise InvalidInput.like(exc, "name") from None
        with self._ctx.transaction():
            # Another call inside this transaction may have created it meanwhile.
            found = self.find()
            if found is not None:
                return found
            self._conn.execute(
                "INSERT INTO identity (slot, name, age_secret, signing_seed, created_at) "
                "VALUES (1, ?, ?, ?, ?)",
                (
                    identity.name,
                    identity.age_secret_key(),
                    identity.signing_seed(),
                    format_timestamp(now()),
                ),
            )
            self._ctx.audit.log(
                "create", "identity", "", f"new identity, fingerprint {_short(identity)}"
            )
        return identity

    def rename(self, name: str) -> Identity:
        """Change the display name on the card; the keys (and fingerprint) stay."""
        try:
            clean = check_display_name(name)
        except CardError as exc:
            raise InvalidInput.like(exc, "name") from None
        with self._ctx.transaction():
            identity = self.get(clean)
            if identity.name != clean:
                self._conn.execute("UPDATE identity SET name = ? WHERE slot = 1", (clean,))
                self._ctx.audit.log("update", "identity", "", "display name changed")
                identity = identity.renamed(clean)
        return identity

    def note_key_export(self) -> None:
        """Audit that the age secret key was shown (export-age-key)."""
        self._ctx.audit.log("export", "identity", "", "age secret key shown")


def _short(identity: Identity) -> str:
    return identity.public().fingerprint[:10]
