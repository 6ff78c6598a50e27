"""What every store shares: ids, version vectors, the record <-> dict <-> row codec, and
`RecordStore`, the base of the case, person, role, event, note and colleague stores.

The dict form (`to_dict` / `from_dict`) is the stable JSON shape of a record, used by
bundles and `--json` listings: enums as their values, dates and times as ISO text, a
`FuzzyDate` as its canonical text, nested values as lists and objects, the version vector
as `[[vault_id, edits], ...]`. `from_dict` is strict (it reads what other vaults send):
unknown or missing fields and wrong types raise `InvalidInput` naming the field.

A row of a record table holds the record's fields under the same names; nested values are
stored as the JSON of their dict form. This module never decides what a valid case or
event is; the store modules do.
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import sqlcipher3.dbapi2 as sqlite

from satchel.core.dates import FuzzyDate, PartialDate
from satchel.core.model import (
    Case,
    Colleague,
    Document,
    Event,
    Note,
    Person,
    Record,
    Role,
    Versions,
)
from satchel.core.search import SearchEntry
from satchel.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from satchel.core.database import Database

__all__ = [
    "KINDS",
    "MIN_PREFIX",
    "RecordStore",
    "bump_versions",
    "coerce",
    "coerce_record",
    "decode",
    "encode",
    "enum_value",
    "first_versions",
    "fold",
    "format_timestamp",
    "from_dict",
    "full_id",
    "kind_of",
    "new_id",
    "now",
    "page",
    "parse_timestamp",
    "placeholders",
    "reference",
    "require_text",
    "to_dict",
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

# -- ids, times, versions -------------------------------------------------------------------

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_PREFIX_RE = re.compile(r"^[0-9a-f-]+$")
_IN_BATCH = 500
"""Ids per `IN (...)` lookup: far below SQLite's limit of bound variables."""
MIN_PREFIX = 6
"""The shortest id prefix `resolve` accepts, like git's short hashes."""


def new_id() -> str:
    """A random record id, stable across vaults."""
    return str(uuid.uuid4())


def now() -> datetime:
    return datetime.now(UTC)


def format_timestamp(dt: datetime) -> str:
    """UTC ISO-8601 with microseconds: fixed width, so stored times sort as text."""
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


def first_versions(vault_id: str) -> Versions:
    return ((vault_id, 1),)


def bump_versions(versions: Versions, vault_id: str) -> Versions:
    """One more edit by `vault_id`; the vector stays sorted by vault id."""
    counts = dict(versions)
    counts[vault_id] = counts.get(vault_id, 0) + 1
    return tuple(sorted(counts.items()))


def fold(text: str) -> str:
    """Case-insensitive form for substring filters; SQLite's lower() only knows ASCII."""
    return text.casefold()


# -- the codec --------------------------------------------------------------------------------


def kind_of(record: Record) -> str:
    for kind, cls in KINDS.items():
        if type(record) is cls:
            return kind
    raise TypeError(f"Not a stored record: {type(record).__name__}")


_HINTS: dict[Any, dict[str, Any]] = {}


def _hints(cls: Any) -> dict[str, Any]:
    """The resolved field types of a dataclass (computed once per class)."""
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def _fields(cls: Any) -> tuple[dataclasses.Field[Any], ...]:
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
        (f.name, f.default if f.metadata.get("omit_default") else _ALWAYS) for f in _fields(cls)
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

            def sequence(value: Any, field: str) -> Any:
                if value is None:
                    raise _wrong(field, "set", value)
                if not isinstance(value, list | tuple):
                    raise _wrong(field, "a list", value)
                return tuple(item(v, field) for v in value)

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
            parse = _strict(FuzzyDate.parse)
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
    hints = _hints(cls)
    fields = _fields(cls)
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
    if not _UUID_RE.match(record.id):
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
        return coerce(_without_none(hint), value, field)
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
        hints = _hints(hint)
        changes = {
            f.name: coerce(hints[f.name], getattr(value, f.name), f"{field}.{f.name}")
            for f in _fields(hint)
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
def _without_none(hint: Any) -> Any:
    """X for `X | None`; the hint itself otherwise."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return inner
    return hint


@cache
def _exact_type(hint: Any) -> tuple[type | None, bool]:
    """(T, optional) when a value of exactly type T is valid as it stands, else (None, ...)."""
    base = _without_none(hint)
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
    hints = _hints(type(record))
    changes = {}
    for f in _fields(type(record)):
        if f.name in _STORE_SET:
            continue
        value = getattr(record, f.name)
        coerced = coerce(hints[f.name], value, f.name)
        if coerced is not value:
            changes[f.name] = coerced
    return dataclasses.replace(record, **changes) if changes else record


# -- rows -------------------------------------------------------------------------------------


@cache
def _is_nested(hint: Any) -> bool:
    """Whether a field is stored as JSON text rather than a plain column value."""
    base = _without_none(hint)
    return typing.get_origin(base) is tuple or (
        dataclasses.is_dataclass(base) and base not in (FuzzyDate, PartialDate)
    )


def _to_json(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


@cache
def _column_encoder(hint: Any) -> Callable[[Any], Any]:
    """The function that turns a value of `hint` into what SQLite stores (None stays NULL)."""
    base = _without_none(hint)
    if hint == Versions:
        return lambda v: json.dumps([[vault, n] for vault, n in v], separators=(",", ":"))
    if _is_nested(hint):
        return _to_json
    if base is bool:
        return int
    if base in (str, int):
        return lambda v: v
    if isinstance(base, type) and issubclass(base, Enum):
        return lambda v: v.value
    return encode


def _same(stored: Any) -> Any:
    """The decoder of a column SQLite already returns as the field's value (text, integer)."""
    return stored


def _parse_stored_time(text: str) -> datetime:
    # Written by format_timestamp, so already canonical UTC.
    return datetime.fromisoformat(text)


def _stored_versions(stored: str) -> Versions:
    return tuple((vault, n) for vault, n in json.loads(stored))


def _shared(decoder: Callable[[Any], Any]) -> Callable[[Any], Any]:
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
def _column_decoder(hint: Any) -> Callable[[Any], Any]:
    """The function that reads a non-NULL stored value of `hint` back (the inverse of
    `_column_encoder`). Trusts the database's own canonical forms: STRICT tables keep
    the types, and every value went in through the encoders."""
    base = _without_none(hint)
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


# -- the base store ---------------------------------------------------------------------------


class RecordStore(Generic[R]):
    """Storage of one record kind in one table: the shape every store shares.

    Subclasses name the kind and table, validate records, and say what search indexes;
    fields listed in `link_fields` live in other tables and are read and written by the
    subclass (`_load_links`, `_write_links`). Every change runs in one transaction with
    its audit line and search-index update.
    """

    kind: ClassVar[str]
    table: ClassVar[str]
    record_cls: ClassVar[type[Record]]
    link_fields: ClassVar[frozenset[str]] = frozenset()
    derived_columns: ClassVar[tuple[str, ...]] = ()
    indexed: ClassVar[bool] = False  # whether records of this kind are in the search index
    _IMMUTABLE: ClassVar[frozenset[str]] = frozenset(
        {"id", "created_at", "updated_at", "origin_vault", "versions"}
    )

    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: sqlite.Connection = db.connection

    # -- subclass hooks -------------------------------------------------------------------

    def _validate(self, record: R, old: R | None) -> R:
        """Refuse an invalid record with InvalidInput; may return it normalised."""
        return record

    def _derived(self, record: R) -> dict[str, Any]:
        """Values of `derived_columns` for a record (fold columns, sort keys, ...)."""
        return {}

    def _search_entry(self, record: R) -> tuple[str | None, str, str, list[str]] | None:
        """(case_id, title, body, names) for the search index, or None if not indexed."""
        return None

    def _summary(self, record: R) -> str:
        """A short line for the audit log."""
        return ""

    def _load_links(self, rows: Sequence[sqlite.Row]) -> list[dict[str, Any]]:
        return [{} for _ in rows]

    def _write_links(self, record: R, new: bool) -> None:
        return None

    def _before_delete(self, record: R) -> str:
        """Remove what depends on the record; returns a note for the audit line."""
        return ""

    def _after_write(self, old: R | None, new: R) -> None:
        return None

    # -- reading ------------------------------------------------------------------------

    @property
    def label(self) -> str:
        return self.kind

    def _query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        cur = self._conn.cursor()
        cur.row_factory = sqlite.Row
        try:
            return cur.execute(sql, params).fetchall()
        finally:
            cur.close()

    def _select_sql(self) -> str:
        return f"SELECT * FROM {self.table}"

    @classmethod
    @cache
    def _decoders(cls) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        """(field, decoder) for every field stored in a column of its own name."""
        hints = _hints(cls.record_cls)
        return tuple(
            (f.name, _column_decoder(hints[f.name]))
            for f in _fields(cls.record_cls)
            if f.name not in cls.link_fields
        )

    def _records(self, rows: Sequence[sqlite.Row]) -> list[R]:
        if not rows:
            return []
        # Look each column up by position, not by name: a Row's name lookup compares
        # names case-insensitively one by one, which dominated reading long lists.
        position = {name: i for i, name in enumerate(rows[0].keys())}
        plain = tuple(
            (name, position[name]) for name, decoder in self._decoders() if decoder is _same
        )
        decoded = tuple(
            (name, position[name], _shared(decoder) if decoder is _stored_versions else decoder)
            for name, decoder in self._decoders()
            if decoder is not _same
        )
        links = self._load_links(rows)
        make = self.record_cls
        out: list[R] = []
        for row, extra in zip(rows, links, strict=True):
            kwargs: dict[str, Any] = dict(extra)
            for name, i in plain:
                kwargs[name] = row[i]
            for name, i, decoder in decoded:
                stored = row[i]
                kwargs[name] = None if stored is None else decoder(stored)
            out.append(make(**kwargs))  # type: ignore[arg-type]
        return out

    def _fetch(self, where: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[R]:
        return self._records(self._query(f"{self._select_sql()} WHERE {where}", params))

    def resolve(self, id_or_prefix: str) -> str:
        """The full id for an id or a unique prefix of at least six characters."""
        key = id_or_prefix.strip().lower()
        if _UUID_RE.match(key):
            if self._query(f"SELECT 1 FROM {self.table} WHERE id = ?", (key,)):
                return key
            raise NotFound(
                "No {label} with id {id_or_prefix}",
                code="no_id",
                label=self.label,
                id_or_prefix=id_or_prefix,
            )
        if len(key) < MIN_PREFIX or not _PREFIX_RE.match(key):
            raise NotFound(
                "No {label} with id {id_or_prefix}",
                code="no_id",
                label=self.label,
                id_or_prefix=id_or_prefix,
            )
        # Every id character sorts below "~", so this range is exactly the prefix's ids.
        rows = self._query(
            f"SELECT id FROM {self.table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (key, key + "~"),
        )
        if not rows:
            raise NotFound(
                "No {label} with id {id_or_prefix}",
                code="no_id",
                label=self.label,
                id_or_prefix=id_or_prefix,
            )
        if len(rows) > 1:
            raise InvalidInput(
                "The id prefix {id_or_prefix} names more than one {label}; type more of it",
                "id",
                code="id_prefix_names_more_one_2",
                id_or_prefix=id_or_prefix,
                label=self.label,
            )
        return str(rows[0]["id"])

    def get(self, record_id: str) -> R:
        """The record with this id (or unique id prefix); NotFound otherwise."""
        found = self._fetch("id = ?", (self.resolve(record_id),))
        if not found:
            raise NotFound(
                "No {label} with id {record_id}",
                code="no_id_2",
                label=self.label,
                record_id=record_id,
            )
        return found[0]

    def find(self, record_id: str) -> R | None:
        """The record with exactly this id, or None."""
        found = self._fetch("id = ?", (record_id,))
        return found[0] if found else None

    def exists(self, record_id: str) -> bool:
        return bool(self._query(f"SELECT 1 FROM {self.table} WHERE id = ?", (record_id,)))

    def get_raw(self, record_id: str) -> dict[str, Any] | None:
        """The dict form of the record with exactly this id, or None (for bundles)."""
        record = self.find(record_id)
        return to_dict(record) if record is not None else None

    def iter_all(self, batch: int = 1000) -> Iterator[R]:
        """Every record of this kind, in id order, fetched a batch at a time."""
        last = ""
        while True:
            rows = self._query(
                f"{self._select_sql()} WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            )
            if not rows:
                return
            yield from self._records(rows)
            last = rows[-1]["id"]

    # -- writing ------------------------------------------------------------------------

    @classmethod
    @cache
    def _upsert_sql(cls) -> tuple[str, tuple[str, ...]]:
        columns = (
            tuple(f.name for f in _fields(cls.record_cls) if f.name not in cls.link_fields)
            + cls.derived_columns
        )
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
        sql = (
            f"INSERT INTO {cls.table} ({quoted}) VALUES ({marks}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        return sql, columns

    @classmethod
    @cache
    def _encoders(cls) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
        """(column, encoder) in column order; None for a derived column."""
        hints = _hints(cls.record_cls)
        _sql, columns = cls._upsert_sql()
        return tuple(
            (c, None if c in cls.derived_columns else _column_encoder(hints[c])) for c in columns
        )

    def _row(self, record: R) -> list[Any]:
        """The record's column values, in the order of `_upsert_sql`."""
        derived = self._derived(record)
        values = []
        for column, encoder in self._encoders():
            if encoder is None:
                values.append(derived[column])
            else:
                value = getattr(record, column)
                values.append(None if value is None else encoder(value))
        return values

    def _write(self, record: R, new: bool) -> None:
        """Insert or replace the record's row and its links (`new`: nothing to replace)."""
        sql, _columns = self._upsert_sql()
        self._conn.execute(sql, self._row(record))
        self._write_links(record, new)

    def _index(self, record: R) -> None:
        if not self.indexed:
            return
        entry = self._search_entry(record)
        if entry is not None:
            case_id, title, body, names = entry
            self._db.index_record(self.kind, record.id, case_id, title, body, names)

    def _insert(self, fields: dict[str, Any]) -> R:
        """Create a new record from user fields: new id, first version, audit, search."""
        bad = self._IMMUTABLE & set(fields)
        if bad:
            raise TypeError(f"{', '.join(sorted(bad))} cannot be set on create")
        stamp = now()
        try:
            record: R = self.record_cls(  # type: ignore[assignment]
                id=new_id(),
                created_at=stamp,
                updated_at=stamp,
                origin_vault=self._db.vault_id,
                versions=first_versions(self._db.vault_id),
                **fields,
            )
        except TypeError as exc:
            raise InvalidInput(
                "Cannot create a {label}: {detail}",
                code="cannot_create",
                label=self.label,
                detail=exc,
            ) from None
        with self._db.transaction():
            record = self._validate(coerce_record(record), None)
            self._write(record, new=True)
            self._db.audit.log("create", self.kind, record.id, self._summary(record))
            self._index(record)
            self._after_write(None, record)
        return record

    def update(self, record_or_id: R | str, **changes: Any) -> R:
        """Apply `changes`; return the new record (or the stored one if nothing changed)."""
        bad = self._IMMUTABLE & set(changes)
        if bad:
            raise TypeError(f"{', '.join(sorted(bad))} cannot be changed")
        known = {f.name for f in _fields(self.record_cls)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"A {self.label} has no field {sorted(unknown)[0]!r}")
        record_id = record_or_id if isinstance(record_or_id, str) else record_or_id.id
        with self._db.transaction():
            # Always start from the stored record: a caller's copy may be stale.
            old = self.get(record_id)
            try:
                candidate = dataclasses.replace(old, **changes)
            except TypeError as exc:
                raise InvalidInput(
                    "Cannot change this {label}: {detail}",
                    code="cannot_change",
                    label=self.label,
                    detail=exc,
                ) from None
            candidate = self._validate(coerce_record(candidate), old)
            if candidate == old:
                return old
            new = dataclasses.replace(
                candidate,
                updated_at=now(),
                versions=bump_versions(old.versions, self._db.vault_id),
            )
            self._write(new, new=False)
            changed = [
                f.name
                for f in _fields(self.record_cls)
                if f.name not in self._IMMUTABLE and getattr(old, f.name) != getattr(new, f.name)
            ]
            self._db.audit.log("update", self.kind, new.id, "changed " + ", ".join(changed))
            self._index(new)
            self._after_write(old, new)
        return new

    def delete(self, record_id: str) -> None:
        with self._db.transaction():
            record = self.get(record_id)
            detail = self._before_delete(record)
            self._conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (record.id,))
            summary = self._summary(record) + (f" ({detail})" if detail else "")
            self._db.audit.log("delete", self.kind, record.id, summary)
            if self.indexed:
                self._db.unindex_record(self.kind, record.id)

    def put_raw(self, data: Mapping[str, Any]) -> R:
        """Insert or replace a record exactly as given (id, times and versions included).

        For bundle import: nothing is bumped. The record is validated like any other and
        the change is audited ("import") and indexed.
        """
        record: R = from_dict(self.kind, data)  # type: ignore[assignment]
        with self._db.transaction():
            old = self.find(record.id)
            record = self._validate(record, old)
            self._write(record, new=old is None)
            self._db.audit.log("import", self.kind, record.id, self._summary(record))
            self._index(record)
            self._after_write(old, record)
        return record

    def put_raw_many(self, items: Iterable[Mapping[str, Any]]) -> int:
        """`put_raw` for many records at once (bundle import); returns how many were written.

        The same checks, audit lines and search entries as one `put_raw` per record, in the
        order given, but one savepoint, one query for the stored versions and one statement
        each for the rows and the audit lines: a per-record savepoint, lookup and audit
        INSERT made importing 50,000 events several times slower. All or nothing: an
        invalid record raises InvalidInput naming it, and none of `items` is kept.
        """
        records: list[R] = [from_dict(self.kind, data) for data in items]  # type: ignore[misc]
        if not records:
            return 0
        ids = [record.id for record in records]
        if len(set(ids)) != len(ids):
            # Links of a record written twice in one statement would collide; a bundle
            # never holds an id twice (the reader refuses it), so neither does a batch.
            raise InvalidInput(
                "The same {label} appears twice in one import",
                "id",
                code="same_appears_twice_one_import",
                label=self.label,
            )
        with self._db.transaction():
            olds = self.find_many(ids)
            written: list[tuple[R | None, R]] = []
            for record in records:
                old = olds.get(record.id)
                try:
                    written.append((old, self._validate(record, old)))
                except InvalidInput as exc:
                    raise InvalidInput(
                        "{label} {id}: {detail}",
                        exc.field,
                        code="import_record_invalid",
                        label=self.label,
                        id=record.id,
                        detail=exc,
                    ) from None
            sql, _columns = self._upsert_sql()
            self._conn.executemany(sql, [self._row(record) for _old, record in written])
            for old, record in written:
                self._write_links(record, old is None)
            self._db.audit.log_many(
                ("import", self.kind, record.id, self._summary(record)) for _old, record in written
            )
            if self.indexed:
                self._db.index_records(
                    [
                        SearchEntry(self.kind, record.id, *entry)
                        for _old, record in written
                        if (entry := self._search_entry(record)) is not None
                    ]
                )
            self._after_write_many(written)
        return len(written)

    def find_many(self, ids: Sequence[str]) -> dict[str, R]:
        """The stored records among `ids`, by id; one query per 500 ids, not one per id."""
        found: dict[str, R] = {}
        for start in range(0, len(ids), _IN_BATCH):
            part = ids[start : start + _IN_BATCH]
            for record in self._fetch(f"id IN ({placeholders(part)})", part):
                found[record.id] = record
        return found

    def _after_write_many(self, written: Sequence[tuple[R | None, R]]) -> None:
        """`_after_write` for each (old, new) pair of a `put_raw_many`, in order."""
        for old, new in written:
            self._after_write(old, new)

    # -- helpers for subclasses ---------------------------------------------------------

    def _remove_where(self, where: str, params: Sequence[Any]) -> int:
        """Delete rows without auditing each: for children of a record being deleted,
        whose own deletion line says how many went. Keeps the search index in step."""
        ids = self._ids(where, params)
        self._conn.execute(f"DELETE FROM {self.table} WHERE {where}", params)
        if self.indexed:
            for record_id in ids:
                self._db.unindex_record(self.kind, record_id)
        return len(ids)

    def _count(self, where: str, params: Sequence[Any]) -> int:
        return int(self._query(f"SELECT count(*) FROM {self.table} WHERE {where}", params)[0][0])

    def _ids(self, where: str, params: Sequence[Any]) -> list[str]:
        return [r[0] for r in self._query(f"SELECT id FROM {self.table} WHERE {where}", params)]


def reference(store: RecordStore[Any], record_id: str, field: str) -> str:
    """The full id of a record another record points to; InvalidInput if there is none.

    A dangling reference is the caller's input error (a mistyped id), not a lookup of
    the record itself, hence InvalidInput naming the field rather than NotFound.
    """
    try:
        return store.resolve(record_id)
    except NotFound:
        raise InvalidInput(
            "No {label} with id {record_id}",
            field,
            code="no_id_2",
            label=store.label,
            record_id=record_id,
        ) from None


def full_id(store: RecordStore[Any], record_id: str, field: str) -> str:
    """Expand a short id prefix given through the API; a full id is checked later, by
    the store's validation, so the common case costs no extra query."""
    if isinstance(record_id, str) and _UUID_RE.match(record_id):
        return record_id
    return reference(store, record_id, field)


def require_text(value: str, field: str, what: str) -> str:
    """The text stripped; InvalidInput when nothing is left."""
    text = value.strip()
    if not text:
        raise InvalidInput("{what} cannot be empty", field, code="cannot_empty", what=what)
    return text


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
