"""The record codec: ids, timestamps, and a record <-> its dict form, strictly checked.

The dict form (`to_dict` / `from_dict`) is the stable JSON shape of a record, used by
bundles and `--json` listings: enums as their values, dates and times as ISO text, a
`FuzzyDate` as its canonical text, nested values as lists and objects, the version vector
as `[[vault_id, edits], ...]`. `from_dict` is strict (it reads what other vaults send):
unknown or missing fields and wrong types raise `InvalidInput` naming the field.
This module never touches the database, and never decides what a valid case or event is
(the store modules do).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.core.limits import check_record
from satchel.core.model import (
    Case,
    Colleague,
    Document,
    Event,
    Note,
    Person,
    Record,
    Role,
)
from satchel.errors import InvalidInput

__all__ = [
    "KINDS",
    "UUID_RE",
    "coerce",
    "coerce_record",
    "decode",
    "encode",
    "field_hints",
    "format_timestamp",
    "from_dict",
    "kind_of",
    "new_id",
    "now",
    "parse_timestamp",
    "record_fields",
    "to_dict",
    "without_none",
]

KINDS: dict[str, type[Record]] = {
    "case": Case,
    "person": Person,
    "role": Role,
    "event": Event,
    "document": Document,
    "note": Note,
    "colleague": Colleague,
}
"""The record kinds by the name bundles, the audit log and search use for them."""

R = TypeVar("R", bound=Record)

# -- ids and times -----------------------------------------------------------------------------

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
"""A full record id, as `new_id` makes them."""


def new_id() -> str:
    """A random record id, stable across vaults."""
    return str(uuid.uuid4())


_WRITTEN_AT: ContextVar[datetime | None] = ContextVar("satchel_written_at", default=None)


def now() -> datetime:
    """The time a record or an audit line is written: the clock, or `written_at`'s moment."""
    moment = _WRITTEN_AT.get()
    return moment if moment is not None else datetime.now(UTC)


@contextmanager
def written_at(moment: datetime) -> Iterator[None]:
    """Write records and audit lines as if at `moment` (the duress decoy, and only it).

    The stores never backdate on their own: every record carries the time it was written.
    The decoy is the one place where that time would betray it (a case file whose every
    record was written in the same second), so its generator writes each record at the
    time of the event it tells of. Scoped to this thread or task (a ContextVar), never
    later than the clock, and refused for a naive time.
    """
    if moment.utcoffset() is None:
        raise ValueError("written_at needs a time zone")
    token = _WRITTEN_AT.set(min(moment, datetime.now(UTC)))
    try:
        yield
    finally:
        _WRITTEN_AT.reset(token)


def format_timestamp(dt: datetime) -> str:
    """UTC ISO-8601 with microseconds: fixed width, so stored times sort as text."""
    if dt.tzinfo is UTC:
        return dt.isoformat(timespec="microseconds")  # as parsed and stored: nothing to move
    if dt.utcoffset() is None:
        raise InvalidInput("A time needs a time zone", "time", code="time_needs_time_zone")
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def parse_timestamp(text: str, field: str = "time") -> datetime:
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput("Not a time: {text!r}", field, code="not_time", text=text) from None
    if dt.utcoffset() is None:
        raise InvalidInput(
            "A time needs a time zone: {text!r}", field, code="time_needs_time_zone_2", text=text
        )
    return dt.astimezone(UTC)


# -- the codec --------------------------------------------------------------------------------


def kind_of(record: Record) -> str:
    for kind, cls in KINDS.items():
        if type(record) is cls:
            return kind
    raise TypeError(f"Not a stored record: {type(record).__name__}")


_HINTS: dict[Any, dict[str, Any]] = {}


def field_hints(cls: Any) -> dict[str, Any]:
    """The resolved field types of a dataclass (computed once per class)."""
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def record_fields(cls: Any) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


_ALWAYS: Any = object()  # the "default" of a field that is always written


@cache
def _encoded_fields(cls: Any) -> tuple[tuple[str, Any], ...]:
    """(name, default) per field of a dataclass, in order, for `encode`.

    A field added to the bundle format after v1 carries the metadata
    `{"omit_default": True}`: it is written only when it differs from its default, so a
    reader that predates it still reads every record whose meaning it knows, and rejects
    as unknown only a record it would otherwise misread. Every other field is always
    written (its default here is `_ALWAYS`).
    """
    return tuple(
        (f.name, f.default if f.metadata.get("omit_default") else _ALWAYS)
        for f in record_fields(cls)
    )


def encode(value: Any) -> Any:
    """A value of the model as plain JSON-able data."""
    kind: Any = type(value)
    if kind is str or value is None or kind is int or kind is bool:
        return value  # most values: checked first, since exporting encodes every field
    if isinstance(value, bool | int | str):
        # Enums are str subclasses (StrEnum): store the bare value.
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, FuzzyDate | PartialDate):
        return str(value)
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name, default in _encoded_fields(kind):
            field_value = getattr(value, name)
            if default is not _ALWAYS and field_value == default:
                continue
            out[name] = encode(field_value)
        return out
    raise TypeError(f"Cannot encode {type(value).__name__}")


def _wrong(field: str, want: str, value: Any) -> InvalidInput:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return InvalidInput(
        "Field {name!r} must be {want}, not {shown}",
        field,
        code="field_must_not",
        name=field,
        want=want,
        shown=shown,
    )


def decode(hint: Any, value: Any, field: str) -> Any:
    """The inverse of `encode` for a value of type `hint`; strict about types."""
    return _decoder(hint)(value, field)


_Decoder = Callable[[Any, str], Any]


@cache
def _decoder(hint: Any) -> _Decoder:
    """A function decoding values of type `hint`: the type is taken apart once, not for
    every value (importing 50,000 records spent a third of its time in typing calls)."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = typing.get_args(hint)
        nullable = type(None) in args
        others = [a for a in args if a is not type(None)]
        if len(others) != 1:
            return _cannot(hint)
        inner = _decoder(others[0])

        def optional(value: Any, field: str) -> Any:
            if value is None:
                if nullable:
                    return None
                raise _wrong(field, "set", value)
            return inner(value, field)

        return optional
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            # Lists of ids and version vectors, in every record of an import: items of the
            # plain shape are taken as they are, any other goes through `item` (which
            # returns it decoded or raises its own error).
            plain = _plain_item(args[0])

            def sequence(value: Any, field: str) -> Any:
                if value is None:
                    raise _wrong(field, "set", value)
                if not isinstance(value, list | tuple):
                    raise _wrong(field, "a list", value)
                if plain is None:
                    return tuple(item(v, field) for v in value)
                return tuple(plain(v) or item(v, field) for v in value)

            return sequence
        items = tuple(_decoder(a) for a in args)

        def fixed(value: Any, field: str) -> Any:
            if value is None:
                raise _wrong(field, "set", value)
            if not isinstance(value, list | tuple):
                raise _wrong(field, "a list", value)
            if len(value) != len(items):
                raise _wrong(field, f"a list of {len(items)}", value)
            return tuple(d(v, field) for d, v in zip(items, value, strict=True))

        return fixed
    if hint is bool:

        def boolean(value: Any, field: str) -> Any:
            if not isinstance(value, bool):
                raise _wrong(field, "set" if value is None else "true or false", value)
            return value

        return boolean
    if hint is int:

        def whole(value: Any, field: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, int):
                raise _wrong(field, "set" if value is None else "a whole number", value)
            return value

        return whole
    if hint is str:

        def text(value: Any, field: str) -> Any:
            if not isinstance(value, str):
                raise _wrong(field, "set" if value is None else "text", value)
            return value

        return text
    if not isinstance(hint, type):
        return _cannot(hint)
    convert = _converter(hint)

    def other(value: Any, field: str) -> Any:
        if value is None:
            raise _wrong(field, "set", value)
        return convert(value, field)

    return other


def _plain_item(hint: Any) -> Callable[[Any], Any] | None:
    """For list items of text or of (text, whole number) pairs: a function returning an
    item of exactly that shape decoded (never empty or false for one), else None."""
    if hint is str:
        return lambda v: v if type(v) is str and v else None
    if typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, int):
        return lambda v: (
            (v[0], v[1])
            if type(v) is list and len(v) == 2 and type(v[0]) is str and type(v[1]) is int
            else None
        )
    return None


def _converter(hint: type) -> _Decoder:
    """Decoding of a non-None value of an enum, date or dataclass type."""
    if issubclass(hint, Enum):
        enum = hint

        def member(value: Any, field: str) -> Any:
            try:
                return enum(value)
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

        return member
    if hint in (datetime, date, FuzzyDate, PartialDate):
        if hint is datetime:
            parse: _Decoder = parse_timestamp
        elif hint is date:
            parse = _parse_date
        elif hint is FuzzyDate:
            parse = _strict_fuzzy_date
        else:
            parse = _strict(PartialDate.parse)

        def dated(value: Any, field: str) -> Any:
            if not isinstance(value, str):
                raise _wrong(field, "text", value)
            return parse(value, field)

        return dated
    if dataclasses.is_dataclass(hint):
        cls = hint

        def nested(value: Any, field: str) -> Any:
            if not isinstance(value, Mapping):
                raise _wrong(field, "an object", value)
            return _build(cls, value, prefix=f"{field}.")

        return nested
    return _cannot(hint)


def _cannot(hint: Any) -> _Decoder:
    """For a type no record field should have: fails when a value of it is decoded."""

    def fail(value: Any, field: str) -> Any:
        raise TypeError(f"Cannot decode {hint!r}")

    return fail


def _parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _wrong(field, "a date (YYYY-MM-DD)", value) from None


def _strict(parse: Callable[[str], Any]) -> _Decoder:
    return lambda value, field: _parse_strict(parse, value, field)


_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _strict_fuzzy_date(text: str, field: str) -> FuzzyDate:
    """`_strict(FuzzyDate.parse)`, with the commonest stored form, a plain day
    ("2025-08-14"), built straight from its digits: that shape is canonical by itself
    (the year is four digits within MIN_YEAR..MAX_YEAR, month and day two), so parsing it
    and printing it back to compare only repeated it, for every event of an import."""
    if len(text) == 10 and _DAY_RE.fullmatch(text):
        try:
            day = PartialDate(int(text[:4]), int(text[5:7]), int(text[8:]))
        except InvalidInput as exc:
            raise InvalidInput.like(exc, field) from None
        return FuzzyDate(DateKind.ON, day)
    return _parse_strict(FuzzyDate.parse, text, field)


def _parse_strict(parse: Callable[[str], Any], text: str, field: str) -> Any:
    try:
        parsed = parse(text)
    except InvalidInput as exc:
        raise InvalidInput.like(exc, field) from None
    # Only the canonical form round-trips; anything else was not written by Satchel.
    if str(parsed) != text:
        raise _wrong(field, "a date in canonical form", text)
    return parsed


@cache
def _plan(cls: type) -> tuple[frozenset[str], tuple[tuple[str, _Decoder, bool], ...]]:
    """A dataclass's field names, and (name, decoder, required) for each field."""
    hints = field_hints(cls)
    fields = record_fields(cls)
    return frozenset(f.name for f in fields), tuple(
        (
            f.name,
            _decoder(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in fields
    )


def _build(cls: type, data: Mapping[str, Any], prefix: str = "") -> Any:
    names, plan = _plan(cls)
    if not names.issuperset(data):
        name = sorted(set(data) - names)[0]
        raise InvalidInput(
            "Unknown field {prefix}{name!r}",
            prefix + name,
            code="unknown_field",
            prefix=prefix,
            name=name,
        )
    kwargs: dict[str, Any] = {}
    for name, decoder, required in plan:
        if name in data:
            kwargs[name] = decoder(data[name], prefix + name)
        elif required:
            raise InvalidInput(
                "Missing field {prefix}{name!r}",
                prefix + name,
                code="missing_field",
                prefix=prefix,
                name=name,
            )
    try:
        return cls(**kwargs)
    except InvalidInput:
        raise
    except (TypeError, ValueError) as exc:
        raise InvalidInput(
            "Malformed {record_class}: {detail}",
            prefix.rstrip("."),
            code="malformed",
            record_class=cls.__name__,
            detail=exc,
        ) from None


def to_dict(record: Record) -> dict[str, Any]:
    """The stable JSON-able form of a record; `from_dict(kind_of(r), to_dict(r)) == r`."""
    out: dict[str, Any] = encode(record)
    return out


def from_dict(kind: str, data: Mapping[str, Any]) -> Record:
    """Build a record of `kind` ("case", "event", ...) from its dict form, strictly."""
    cls = KINDS.get(kind)
    if cls is None:
        raise InvalidInput(
            "Unknown record kind {kind!r}", "kind", code="unknown_record_kind", kind=kind
        )
    if not isinstance(data, Mapping):
        raise InvalidInput("A {kind} must be an object", "kind", code="must_object", kind=kind)
    record: Record = _build(cls, data)
    if not UUID_RE.match(record.id):
        raise InvalidInput("Not a record id: {id!r}", "id", code="not_record_id", id=record.id)
    vaults = [vault for vault, _edits in record.versions]
    if not vaults or len(set(vaults)) != len(vaults) or any(n < 1 for _v, n in record.versions):
        # Merging compares these counts: one vault twice, or zero edits, means tampering.
        raise InvalidInput(
            "A version vector needs one positive count per vault",
            "versions",
            code="version_vector_needs_one_positive",
        )
    if list(record.versions) != sorted(record.versions):
        record = dataclasses.replace(record, versions=tuple(sorted(record.versions)))
    check_record(record)
    return record


def coerce(hint: Any, value: Any, field: str) -> Any:
    """A value given through the API as the type the model wants.

    Lenient where a caller naturally has another form (an enum's value, a list for a
    tuple, a date as text); strict about everything else, so a store never writes a
    value of the wrong type.
    """
    exact, optional = _exact_type(hint)
    if type(value) is exact or (value is None and optional):
        return value  # already what the model wants (the common case, kept cheap)
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return decode(hint, None, field)
        return coerce(without_none(hint), value, field)
    if value is None:
        raise _wrong(field, "set", value)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise _wrong(field, "a list", value)
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            items = tuple(coerce(args[0], v, field) for v in value)
            unchanged = type(value) is tuple and all(
                a is b for a, b in zip(items, value, strict=True)
            )
            return value if unchanged else items
        return decode(hint, value, field)
    if isinstance(hint, type) and issubclass(hint, Enum) and not isinstance(value, hint):
        return decode(hint, value, field)
    if hint in (FuzzyDate, PartialDate) and isinstance(value, str):
        try:
            return hint.parse(value)
        except InvalidInput as exc:
            raise InvalidInput.like(exc, field) from None
    if hint is date and isinstance(value, str):
        return decode(date, value, field)
    if hint is date and isinstance(value, datetime):
        raise _wrong(field, "a date without a time", value)
    if hint is datetime and isinstance(value, datetime):
        if value.utcoffset() is None:
            raise InvalidInput("A time needs a time zone", field, code="time_needs_time_zone")
        return value
    if hint in (FuzzyDate, PartialDate) and isinstance(value, hint):
        return value  # validated when it was built
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, hint):
        hints = field_hints(hint)
        changes = {
            f.name: coerce(hints[f.name], getattr(value, f.name), f"{field}.{f.name}")
            for f in record_fields(hint)
        }
        return dataclasses.replace(value, **changes)
    if (
        isinstance(hint, type)
        and isinstance(value, hint)
        and not (hint is int and isinstance(value, bool))
    ):
        return value
    return decode(hint, value, field)


@cache
def without_none(hint: Any) -> Any:
    """X for `X | None`; the hint itself otherwise."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return inner
    return hint


@cache
def _exact_type(hint: Any) -> tuple[type | None, bool]:
    """(T, optional) when a value of exactly type T is valid as it stands, else (None, ...)."""
    base = without_none(hint)
    optional = base is not hint
    atomic = (str, int, bool, date, FuzzyDate, PartialDate)
    if base in atomic or (isinstance(base, type) and issubclass(base, Enum)):
        return base, optional
    return None, optional


_STORE_SET = frozenset({"id", "created_at", "updated_at", "origin_vault", "versions"})


def coerce_record(record: R) -> R:
    """`coerce` every field of a record built from API input.

    The identity fields the store itself sets are left alone, and the record is rebuilt
    only when a value changed type: a bulk load creates hundreds of thousands of them.
    """
    hints = field_hints(type(record))
    changes = {}
    for f in record_fields(type(record)):
        if f.name in _STORE_SET:
            continue
        value = getattr(record, f.name)
        coerced = coerce(hints[f.name], value, f.name)
        if coerced is not value:
            changes[f.name] = coerced
    record = dataclasses.replace(record, **changes) if changes else record
    check_record(record)
    return record
