"""Small SQL fragments and filter values the stores share: paging, placeholders, folding.

Only text of SQL and its parameters; this module never runs a statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from satchel.errors import InvalidInput

__all__ = ["IN_BATCH", "enum_value", "fold", "page", "placeholders"]

IN_BATCH = 500
"""Ids per `IN (...)` lookup: far below SQLite's limit of bound variables."""


def fold(text: str) -> str:
    """Case-insensitive form for substring filters; SQLite's lower() only knows ASCII."""
    return text.casefold()


def page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    """A LIMIT/OFFSET clause and its parameters."""
    if offset < 0 or (limit is not None and limit < 0):
        raise InvalidInput(
            "A page needs a non-negative limit and offset",
            "limit",
            code="page_needs_non_negative_limit",
        )
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


def enum_value(enum: type[Enum], value: Any, field: str) -> str:
    """The stored value of an enum member given as a member or its value (for filters)."""
    try:
        return str(enum(value).value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum)
        raise InvalidInput(
            "Unknown {name} {value!r} (one of: {allowed})",
            field,
            code="unknown_one",
            name=field,
            value=value,
            allowed=allowed,
        ) from None


def placeholders(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)
