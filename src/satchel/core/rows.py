"""Rows: how a record's fields are stored in the columns of its table, and read back.

A row of a record table holds the record's fields under the same names; nested values are
stored as the JSON of their dict form (see codec.py), the version vector as JSON, enums as
their values. This module only converts values: it never runs SQL.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from satchel.core.codec import decode, encode, format_timestamp, without_none
from satchel.core.dates import FuzzyDate, PartialDate
from satchel.core.model import Versions

__all__ = ["column_decoder", "column_encoder", "is_plain", "is_versions", "shared"]


@cache
def _is_nested(hint: Any) -> bool:
    """Whether a field is stored as JSON text rather than a plain column value."""
    base = without_none(hint)
    return typing.get_origin(base) is tuple or (
        dataclasses.is_dataclass(base) and base not in (FuzzyDate, PartialDate)
    )


_COMPACT_JSON = json.JSONEncoder(separators=(",", ":")).encode


def _to_json(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


@cache
def column_encoder(hint: Any) -> Callable[[Any], Any]:
    """The function that turns a value of `hint` into what SQLite stores (None stays NULL)."""
    base = without_none(hint)
    if hint == Versions:
        # One encoder for every row: json.dumps with separators builds a new one per call.
        return lambda v: _COMPACT_JSON([[vault, n] for vault, n in v])
    if _is_nested(hint):
        return _to_json
    if base is bool:
        return int
    if base in (str, int):
        return _same
    if isinstance(base, type) and issubclass(base, Enum):
        return lambda v: v.value
    if base is datetime:
        return format_timestamp  # what `encode` comes to for a time, without its type tests
    return encode


def _same(stored: Any) -> Any:
    """The decoder of a column SQLite already returns as the field's value (text, integer)."""
    return stored


def _parse_stored_time(text: str) -> datetime:
    # Written by format_timestamp, so already canonical UTC.
    return datetime.fromisoformat(text)


def _stored_versions(stored: str) -> Versions:
    return tuple((vault, n) for vault, n in json.loads(stored))


def shared(decoder: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`decoder` parsing each distinct stored text once, for one read only.

    Most records of a vault share a handful of version vectors, and a decoded Versions is
    an immutable tuple, so one copy can serve every row storing the same text. The memo
    lives for one read and never at module level, so nothing decoded outlives the lock.
    """
    memo: dict[Any, Any] = {}

    def decode_once(stored: Any) -> Any:
        found = memo.get(stored)
        if found is None:
            found = memo[stored] = decoder(stored)
        return found

    return decode_once


@cache
def column_decoder(hint: Any) -> Callable[[Any], Any]:
    """The function that reads a non-NULL stored value of `hint` back (the inverse of
    `column_encoder`). Trusts the database's own canonical forms: STRICT tables keep
    the types, and every value went in through the encoders."""
    base = without_none(hint)
    if hint == Versions:
        return _stored_versions
    if _is_nested(hint):

        def nested(stored: str) -> Any:
            return () if stored == "[]" else decode(hint, json.loads(stored), "")

        return nested
    if base is bool:
        return bool
    if base in (str, int):
        return _same
    if isinstance(base, type) and issubclass(base, Enum):
        members = {m.value: m for m in base}
        return members.__getitem__
    if base is datetime:
        return _parse_stored_time
    if base is date:
        return date.fromisoformat
    if base is FuzzyDate:
        return FuzzyDate.parse
    if base is PartialDate:
        return PartialDate.parse
    raise TypeError(f"Cannot read a column of type {hint!r}")


def is_plain(decoder: Callable[[Any], Any]) -> bool:
    """Whether `decoder` (or an encoder) returns the value as it is (text, integer columns)."""
    return decoder is _same


def is_versions(decoder: Callable[[Any], Any]) -> bool:
    """Whether `decoder` reads a version vector (worth `shared`: most rows repeat one)."""
    return decoder is _stored_versions
