"""The bounds of every number and text a record may hold, and the check that enforces them.

One place for the limits, so the command line, the forms and the bundle reader refuse the
same things with the same words: a number that only overflowed deep inside `timedelta` or
SQLite used to surface as "internal error (OverflowError)", and a signed but hostile bundle
whose records carried megabytes of text each drove an import past a gigabyte. The numbers
are a lawyer's, not a machine's: no appeal window is ten years long, no reminder comes more
than a year ahead, no chronology entry needs a novel for a title. docs/cli.md and
docs/bundle-format.md list them.

Also refused here: text that is not Unicode (lone surrogates). Python smuggles undecodable
bytes of a command line or a badly decoded file into a `str` that way, and SQLite would only
choke on it at the very end.

This module holds limits and checks only; it never touches the vault.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Final

from satchel.core import model
from satchel.core.dates import DateKind
from satchel.errors import InvalidInput

__all__ = [
    "MAX_DAY_ORDER",
    "MAX_LEAD_DAYS",
    "MAX_LIST_ITEMS",
    "MAX_LIST_LIMIT",
    "MAX_LONG_TEXT",
    "MAX_NOTE_BODY",
    "MAX_OFFSET_DAYS",
    "MAX_OFFSET_MONTHS",
    "MAX_OFFSET_WEEKS",
    "MAX_SHORT_TEXT",
    "MAX_WHOLE_NUMBER",
    "bounded",
    "check_record",
    "check_text",
    "max_offset",
    "text_limit",
]

MAX_OFFSET_DAYS: Final = 3650
"""A computed deadline falls at most ten years before or after the event it counts from."""

MAX_OFFSET_WEEKS: Final = 520
MAX_OFFSET_MONTHS: Final = 120
"""The same ten years, for a deadline counted in weeks or months (working days: as days)."""

_MAX_OFFSET_BY_UNIT: Final = {"weeks": MAX_OFFSET_WEEKS, "months": MAX_OFFSET_MONTHS}


def max_offset(unit: str) -> int:
    """The largest offset (either way) a computed deadline may have in `unit`."""
    return _MAX_OFFSET_BY_UNIT.get(str(unit), MAX_OFFSET_DAYS)


MAX_LEAD_DAYS: Final = 365
"""A reminder comes at most a year before its deadline."""

MAX_DAY_ORDER: Final = 1_000_000
"""Manual order among the events of one day, either way from 0."""

MAX_LIST_LIMIT: Final = 1_000_000
"""The most rows one listing (`--limit`) may ask for."""

MAX_WHOLE_NUMBER: Final = 2**53
"""Any other whole number in a record (a document's size): exact in JSON everywhere, and far
inside SQLite's 64-bit integers."""

MAX_SHORT_TEXT: Final = 1_000
"""Characters of a one-line field: a title, a name, a label, a file name, a reference."""

MAX_LONG_TEXT: Final = 100_000
"""Characters of a free-text field: a summary, a description, a quote, a person's notes."""

MAX_NOTE_BODY: Final = 1_000_000
"""Characters of a note's body (a long memo pasted in: about 300 pages)."""

MAX_LIST_ITEMS: Final = 1_000
"""Entries of any list in a record: names, references, tags, people of an event, ..."""

_LONG_FIELDS: Final = frozenset({"summary", "description", "source_quote", "notes", "note"})
_BOUNDED_NUMBERS: Final = {
    "offset_days": (-MAX_OFFSET_DAYS, MAX_OFFSET_DAYS, "A deadline's offset in days"),
    "lead_days": (0, MAX_LEAD_DAYS, "A reminder lead time in days"),
    "day_order": (-MAX_DAY_ORDER, MAX_DAY_ORDER, "An order among the day's events"),
}


def text_limit(field: str) -> int:
    """The most characters a text field named `field` may hold."""
    if field == "body":
        return MAX_NOTE_BODY
    if field in _LONG_FIELDS:
        return MAX_LONG_TEXT
    return MAX_SHORT_TEXT


def bounded(value: int, field: str, lo: int, hi: int, what: str) -> int:
    """`value` if lo <= value <= hi, else InvalidInput naming the range."""
    if not lo <= value <= hi:
        raise InvalidInput(
            "{what} must be between {lo} and {hi}, not {value}",
            field,
            code="must_between_not",
            what=what,
            lo=lo,
            hi=hi,
            value=_short(value),
        )
    return value


def check_text(text: str, field: str, what: str = "Text") -> str:
    """`text` if it is Unicode text within the field's length, else InvalidInput."""
    limit = text_limit(field)
    if len(text) > limit:
        raise InvalidInput(
            "{what} is too long: at most {limit:,} characters",
            field,
            code="too_long_most_characters",
            what=what,
            limit=limit,
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput(
                "{what} is not valid text (it holds undecodable bytes)",
                field,
                code="not_valid_text_undecodable",
                what=what,
            ) from None
    return text


def check_record(record: object) -> None:
    """Refuse a record (or a value nested in one) holding a number or text out of bounds."""
    for name in _fields(type(record)):
        value = getattr(record, name)
        kind = type(value)
        # _check_value's commonest cases, decided here without the call: a bundle import
        # checks over a million values, most of them short plain text, an enum member, a
        # time, or a number within the general bound.
        if kind is str:
            if len(value) <= MAX_SHORT_TEXT and value.isascii():
                continue
        elif kind in _NOTHING_TO_CHECK or kind in _SHORT_ENUMS:
            continue
        elif kind is int and name not in _BOUNDED_NUMBERS:
            if -MAX_WHOLE_NUMBER <= value <= MAX_WHOLE_NUMBER:
                continue
        elif kind is tuple and not value:
            continue
        elif hasattr(kind, "__dataclass_fields__"):
            check_record(value)  # a date, a deadline's details, a name, a reference
            continue
        _check_value(value, name)
    offset = getattr(record, "offset_days", None)
    unit = getattr(record, "unit", None)
    if isinstance(offset, int) and unit is not None:
        # The offset counts the deadline's unit: ten years are 3650 days but 120 months.
        limit = max_offset(unit)
        bounded(offset, "offset_days", -limit, limit, f"A deadline's offset in {unit}")


_NOTHING_TO_CHECK: Final = frozenset({type(None), bool, datetime, date})
"""Types `_check_value` passes without a test (neither text, number, list nor dataclass)."""

_SHORT_ENUMS: Final = frozenset(
    cls
    for cls in vars(model).values()
    if isinstance(cls, type)
    and issubclass(cls, StrEnum)
    and cls is not StrEnum
    and all(len(m.value) <= MAX_SHORT_TEXT and m.value.isascii() for m in cls)
) | frozenset({DateKind})
"""The model's text enums: every member's value passes `check_text`, as a constant."""


def _check_value(value: Any, field: str) -> None:
    if type(value) is str and len(value) <= MAX_SHORT_TEXT and value.isascii():
        # Within every field's limit and valid text: most values of most records. (A
        # bundle import checks a few million values; the general path is 5x slower.)
        return
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        # Enum members are str too; their values are short and fixed.
        check_text(value, field, _label(field))
    elif isinstance(value, int):
        lo, hi, what = _BOUNDED_NUMBERS.get(
            field, (-MAX_WHOLE_NUMBER, MAX_WHOLE_NUMBER, _label(field))
        )
        bounded(value, field, lo, hi, what)
    elif isinstance(value, tuple):
        if len(value) > MAX_LIST_ITEMS:
            raise InvalidInput(
                "{value} has more than {max_list_items:,} entries",
                field,
                code="more_entries",
                value=_label(field),
                max_list_items=MAX_LIST_ITEMS,
            )
        for item in value:
            _check_value(item, field)
    elif dataclasses.is_dataclass(value):
        check_record(value)  # a name, a reference, a date, a deadline's details


_STORE_SET: Final = frozenset({"id", "created_at", "updated_at", "origin_vault", "versions"})


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    """The fields of a record (or nested value) class that a user or a bundle sets."""
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in _STORE_SET)
        _FIELDS[cls] = names
    return names


@functools.cache
def _label(field: str) -> str:
    # Cached: every checked value asks for its field's label (a bundle import checks
    # millions), though only a refusal shows it. Field names are a small fixed set.
    return field.replace("_", " ").capitalize()


def _short(value: int) -> str:
    # str() of a huge number is slow, and refused beyond 4,300 digits.
    return str(value) if abs(value) < 10**30 else "a far larger number"
