"""In-vault settings: small JSON values by key, stored inside the encrypted database.

For preferences that may touch case data (the vault's identity, the author name on
notes, report options). Settings that must be readable before unlock live outside the
vault and are not kept here.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlite

from satchel.errors import InvalidInput

if TYPE_CHECKING:
    from satchel.core.context import StoreContext

__all__ = ["Settings"]


class Settings:
    """Key → JSON value."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._conn: sqlite.Connection = ctx.connection

    def get(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any, *, audited: bool = True) -> None:
        """Store `value` (anything JSON can hold) under `key`; the change is audited.

        `audited=False` is for the vault's own bookkeeping (which folding rule made the
        search keys), which records nothing a person did.
        """
        if not key:
            raise InvalidInput("A setting needs a name", "key", code="setting_needs_name")
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise InvalidInput(
                "Setting {key!r} cannot hold this value: {detail}",
                key,
                code="setting_cannot_hold_value",
                key=key,
                detail=exc,
            ) from None
        with self._ctx.transaction():
            self._conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )
            if audited:
                # The key only: a value may be a secret (a private key).
                self._ctx.audit.log("set", "setting", key, "")

    def remove(self, key: str, *, audited: bool = True) -> None:
        with self._ctx.transaction():
            cur = self._conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            if cur.rowcount and audited:
                self._ctx.audit.log("remove", "setting", key, "")

    def transaction(self) -> AbstractContextManager[None]:
        """One SQL transaction around several settings (nestable)."""
        return self._ctx.transaction()

    def keys(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT key FROM settings ORDER BY key")]
