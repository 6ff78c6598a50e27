"""RecordStore: the base of every record store — one kind, one table, audit and search.

Every change runs in one transaction with its audit line and search-index update. A
store reaches other stores only through `StoreContext.links`; this module never names a
concrete store, and never decides what a valid case or event is (the subclasses do).
"""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any, ClassVar, Generic, TypeVar

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import (
    UUID_RE,
    coerce_record,
    field_hints,
    from_dict,
    new_id,
    now,
    record_fields,
    to_dict,
)
from satchel.core.context import StoreContext
from satchel.core.model import Record
from satchel.core.queries import IN_BATCH, placeholders
from satchel.core.rows import column_decoder, column_encoder, is_plain, is_versions, shared
from satchel.core.search import SearchEntry
from satchel.core.versions import bump_versions, first_versions
from satchel.errors import InvalidInput, NotFound

__all__ = ["MIN_PREFIX", "RecordStore", "full_id", "reference", "require_text"]

R = TypeVar("R", bound=Record)

_PREFIX_RE = re.compile(r"^[0-9a-f-]+$")
MIN_PREFIX = 6
"""The shortest id prefix `resolve` accepts, like git's short hashes."""


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
    # Whether a deletion of this kind leaves a tombstone (the kinds bundles carry); those
    # also go to the trash, except roles, which a person or case takes there with it.
    tombstoned: ClassVar[bool] = False
    _IMMUTABLE: ClassVar[frozenset[str]] = frozenset(
        {"id", "created_at", "updated_at", "origin_vault", "versions"}
    )

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._conn: sqlite.Connection = ctx.connection

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
        """Remove what depends on the record in this store's own tables; returns a note
        for the audit line. Records of other stores are `links.before_delete`'s."""
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
        hints = field_hints(cls.record_cls)
        return tuple(
            (f.name, column_decoder(hints[f.name]))
            for f in record_fields(cls.record_cls)
            if f.name not in cls.link_fields
        )

    def _records(self, rows: Sequence[sqlite.Row]) -> list[R]:
        if not rows:
            return []
        # Look each column up by position, not by name: a Row's name lookup compares
        # names case-insensitively one by one, which dominated reading long lists.
        position = {name: i for i, name in enumerate(rows[0].keys())}
        plain = tuple(
            (name, position[name]) for name, decoder in self._decoders() if is_plain(decoder)
        )
        decoded = tuple(
            (name, position[name], shared(decoder) if is_versions(decoder) else decoder)
            for name, decoder in self._decoders()
            if not is_plain(decoder)
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
        if UUID_RE.match(key):
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
            tuple(f.name for f in record_fields(cls.record_cls) if f.name not in cls.link_fields)
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
        hints = field_hints(cls.record_cls)
        _sql, columns = cls._upsert_sql()
        return tuple(
            (c, None if c in cls.derived_columns else column_encoder(hints[c])) for c in columns
        )

    @classmethod
    @cache
    def _row_plan(
        cls,
    ) -> tuple[Callable[[Any], Any], tuple[tuple[int, Callable[[Any], Any]], ...]]:
        """For `_row`: one getter of every stored field (a tuple, in column order), and
        (position, encoder) of those whose value is not stored as it is."""
        fields = [(c, e) for c, e in cls._encoders() if e is not None]
        names = [c for c, _e in fields]
        # attrgetter of one name returns the value itself, of several a tuple.
        getter: Callable[[Any], tuple[Any, ...]] = (
            operator.attrgetter(*names)
            if len(names) > 1
            else lambda record: tuple(getattr(record, n) for n in names)
        )
        encoded = tuple((i, e) for i, (_c, e) in enumerate(fields) if not is_plain(e))
        return getter, encoded

    def _row(self, record: R) -> list[Any]:
        """The record's column values, in the order of `_upsert_sql` (the stored fields,
        then `derived_columns`). Runs for every record an import writes."""
        derived = self._derived(record)
        getter, encoded = self._row_plan()
        values = list(getter(record))
        for i, encoder in encoded:
            value = values[i]
            if value is not None:
                values[i] = encoder(value)
        values.extend(derived[column] for column in self.derived_columns)
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
            self._ctx.index_record(self.kind, record.id, case_id, title, body, names)

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
                origin_vault=self._ctx.vault_id,
                versions=first_versions(self._ctx.vault_id),
                **fields,
            )
        except TypeError as exc:
            raise InvalidInput(
                "Cannot create a {label}: {detail}",
                code="cannot_create",
                label=self.label,
                detail=exc,
            ) from None
        with self._ctx.transaction():
            record = self._validate(coerce_record(record), None)
            self._write(record, new=True)
            self._ctx.audit.log(
                "create", self.kind, record.id, self._summary(record),
                case_id=self._case_of(record),
            )  # fmt: skip
            self._index(record)
            self._after_write(None, record)
        return record

    def update(self, record_or_id: R | str, **changes: Any) -> R:
        """Apply `changes`; return the new record (or the stored one if nothing changed)."""
        bad = self._IMMUTABLE & set(changes)
        if bad:
            raise TypeError(f"{', '.join(sorted(bad))} cannot be changed")
        known = {f.name for f in record_fields(self.record_cls)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"A {self.label} has no field {sorted(unknown)[0]!r}")
        record_id = record_or_id if isinstance(record_or_id, str) else record_or_id.id
        with self._ctx.transaction():
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
                versions=bump_versions(old.versions, self._ctx.vault_id),
            )
            self._write(new, new=False)
            changed = [
                f.name
                for f in record_fields(self.record_cls)
                if f.name not in self._IMMUTABLE and getattr(old, f.name) != getattr(new, f.name)
            ]
            self._ctx.audit.log(
                "update", self.kind, new.id, "changed " + ", ".join(changed),
                case_id=self._case_of(new),
            )  # fmt: skip
            self._index(new)
            self._after_write(old, new)
        return new

    def revert(self, record_id: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> R:
        """Undo an edit: every field still as the edit left it (`after`) goes back to
        `before`; a field changed since by anyone is left alone. Written as one more edit
        (it travels like any) and audited as "undo"."""
        with self._ctx.transaction():
            current = self.get(record_id)
            back = {k: v for k, v in before.items() if getattr(current, k) == after.get(k)}
            if not back:
                return current
            new = self.update(current.id, **back)
            self._ctx.audit.log(
                "undo", self.kind, new.id, "changed back " + ", ".join(sorted(back)),
                case_id=self._case_of(new),
            )  # fmt: skip
        return new

    def delete(self, record_id: str) -> None:
        """Delete the record (an id or unique prefix).

        Kinds with a trash (cases, people, events, notes, documents) move there with what
        depends on them, restorable until the trash is emptied; every kind a bundle carries
        leaves a tombstone, so the deletion travels. Other kinds are removed for good.
        """
        full = self.resolve(record_id)
        if self.tombstoned:
            self._ctx.links.delete(self.kind, full)
        else:
            self.remove(full)

    def remove(self, record_id: str, *, action: str = "delete") -> R:
        """Remove the record's row for good, with what depends on it in other tables (see
        `links.before_delete`); the trash calls this after keeping a copy."""
        with self._ctx.transaction():
            record = self.get(record_id)
            notes = (
                self._before_delete(record),
                self._ctx.links.before_delete(self.kind, record.id),
            )
            detail = ", ".join(note for note in notes if note)
            self._conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (record.id,))
            summary = self._summary(record) + (f" ({detail})" if detail else "")
            self._ctx.audit.log(
                action, self.kind, record.id, summary, case_id=self._case_of(record)
            )
            if self.indexed:
                self._ctx.unindex_record(self.kind, record.id)
        return record

    def put_raw(self, data: Mapping[str, Any], *, action: str = "import") -> R:
        """Insert or replace a record exactly as given (id, times and versions included).

        For bundle import (and restoring from the trash, `action="restore"`): nothing is
        bumped. The record is validated like any other and the change is audited and
        indexed. A record written is alive again: its tombstone and trash entry go.
        """
        record: R = from_dict(self.kind, data)  # type: ignore[assignment]
        with self._ctx.transaction():
            old = self.find(record.id)
            record = self._validate(record, old)
            self._write(record, new=old is None)
            self._ctx.audit.log(
                action, self.kind, record.id, self._import_summary(old, record),
                case_id=self._case_of(record),
            )  # fmt: skip
            self._index(record)
            self._after_write(old, record)
            if old is None and self.tombstoned:
                self._ctx.links.revived(self.kind, [record.id])
        return record

    def _import_summary(self, old: R | None, new: R) -> str:
        """The audit line of a record written as given: what it is, and what changed."""
        if old is None:
            return self._summary(new)
        changed = [
            f.name
            for f in record_fields(self.record_cls)
            if f.name not in self._IMMUTABLE and getattr(old, f.name) != getattr(new, f.name)
        ]
        # What changed first: a history column cut short still says it.
        return f"changed {', '.join(changed) or 'nothing'}: {self._summary(new)}"

    def _case_of(self, record: R) -> str | None:
        """The case an audit line about the record belongs to, if any."""
        case_id = getattr(record, "case_id", None)
        return case_id if isinstance(case_id, str) else None

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
        with self._ctx.transaction():
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
            self._ctx.audit.log_many(
                ("import", self.kind, record.id, self._import_summary(old, record),
                 self._case_of(record))
                for old, record in written
            )  # fmt: skip
            if self.indexed:
                self._ctx.index_records(
                    [
                        SearchEntry(self.kind, record.id, *entry)
                        for _old, record in written
                        if (entry := self._search_entry(record)) is not None
                    ]
                )
            self._after_write_many(written)
            if self.tombstoned:
                revived = [record.id for old, record in written if old is None]
                if revived:
                    self._ctx.links.revived(self.kind, revived)
        return len(written)

    def find_many(self, ids: Sequence[str]) -> dict[str, R]:
        """The stored records among `ids`, by id; one query per 500 ids, not one per id."""
        found: dict[str, R] = {}
        for start in range(0, len(ids), IN_BATCH):
            part = ids[start : start + IN_BATCH]
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
                self._ctx.unindex_record(self.kind, record_id)
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
    if isinstance(record_id, str) and UUID_RE.match(record_id):
        return record_id
    return reference(store, record_id, field)


def require_text(value: str, field: str, what: str) -> str:
    """The text stripped; InvalidInput when nothing is left."""
    text = value.strip()
    if not text:
        raise InvalidInput("{what} cannot be empty", field, code="cannot_empty", what=what)
    return text
