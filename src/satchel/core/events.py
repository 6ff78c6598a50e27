"""EventStore: the chronology of a case, deadlines included, in honest date order.

An event's uncertain date is stored as its canonical text, as the integers of
`FuzzyDate.sort_key()` and as its `bounds()`, so the database orders and range-queries
events exactly as `dates.py` defines: by where the interval starts, wider first, then the
lawyer's manual order within a day, undated events last. An event of type Deadline is a
deadline, and only it carries a `DeadlineInfo` (the store keeps the two in step). A computed
deadline ("decision + 15 days under the Russian rule") follows its source event: counted and
rolled off weekends and holidays by `deadline_rules.reckon`, recomputed in the same
transaction whenever the source moves; its date cannot be set by hand. The pure functions
`days_left` and `urgency` say how close a deadline is.

Never guesses a day nobody knows: a deadline computed from a month-precision event
counts from the earliest day it may fall on, so it errs on the early side.

Its length (about 840 lines) is one aggregate's store: reading, the deadline queries of
the agenda and the cases list, bulk changes, and the checks that keep type and deadline
details in step, which only make sense together.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlcipher3.dbapi2 as sqlite

from satchel.core.codec import coerce, record_fields
from satchel.core.context import StoreContext
from satchel.core.dates import FuzzyDate
from satchel.core.deadline_rules import Reckoning, reckon, rule_for_jurisdiction, rule_named
from satchel.core.model import (
    DeadlineInfo,
    DeadlineStatus,
    DeadlineUnit,
    Event,
    EventType,
    FactStatus,
    Urgency,
)
from satchel.core.queries import enum_value, fold, page, placeholders
from satchel.core.store import RecordStore, reference, require_text
from satchel.errors import InvalidInput

__all__ = ["SOON_DAYS", "URGENT_DAYS", "EventStore", "days_left", "due_day", "urgency"]

URGENT_DAYS = 3
"""A pending deadline this many days away or fewer is urgent."""
SOON_DAYS = 14
"""A pending deadline this many days away or fewer is coming soon."""

_ORDER = "sort_undated, sort_lo, sort_rank, day_order, created_at, id"
_DATE_CACHE = 50_000  # distinct date texts remembered by _stored_date
_MAX_CHAIN = 1000  # computed deadlines from computed deadlines: a sane bound for a cycle check


# -- how close is it (pure) ---------------------------------------------------------------------


def due_day(event: Event) -> date | None:
    """The day an event falls due: the earliest day it may fall on (None when undated)."""
    return event.date.anchor_day()


def days_left(event: Event, today: date) -> int | None:
    """Days from `today` to the event's due day (negative when past; None when undated)."""
    due = due_day(event)
    return None if due is None else (due - today).days


def urgency(event: Event, today: date) -> Urgency:
    """How close an event is, for colours and the agenda.

    A deadline marked done or missed is DONE; a pending one before today is OVERDUE.
    An ordinary event in the past is DONE (it happened). Undated events are LATER.
    """
    if event.deadline is not None and event.deadline.status is not DeadlineStatus.PENDING:
        return Urgency.DONE
    left = days_left(event, today)
    if left is None:
        return Urgency.LATER
    if left < 0:
        return Urgency.OVERDUE if event.deadline is not None else Urgency.DONE
    if left <= URGENT_DAYS:
        return Urgency.WITHIN_3_DAYS
    if left <= SOON_DAYS:
        return Urgency.WITHIN_14_DAYS
    return Urgency.LATER


def _utc_seconds(moment: datetime | date) -> int:
    if isinstance(moment, datetime):
        if moment.utcoffset() is None:
            raise InvalidInput("A time needs a time zone", "start", code="time_needs_time_zone")
        return int(moment.timestamp())
    return int(datetime.combine(moment, time(), tzinfo=UTC).timestamp())


# -- the store ----------------------------------------------------------------------------------


class EventStore(RecordStore[Event]):
    kind = "event"
    tombstoned = True
    table = "events"
    record_cls = Event
    indexed = True
    # Stored in their own columns and tables rather than under their field names.
    link_fields = frozenset({"date", "deadline", "person_ids", "document_ids"})
    derived_columns = (
        "date_text", "precision", "sort_undated", "sort_lo", "sort_hi", "sort_rank",
        "deadline_status", "lead_days", "computed_from", "offset_days", "text_fold",
        "deadline_unit", "deadline_rule",
    )  # fmt: skip

    def __init__(self, ctx: StoreContext) -> None:
        super().__init__(ctx)
        self._importing = False
        # (kind, id) of the cases and people found present during one put_raw_many.
        self._present: set[tuple[str, str]] | None = None
        # Many events share a date and FuzzyDate is immutable: parse each text once. Kept
        # on the store, not the module, so it goes when the vault is locked.
        self._dates: dict[str, FuzzyDate] = {}

    def _stored_date(self, text: str) -> FuzzyDate:
        found = self._dates.get(text)
        if found is None:
            if len(self._dates) >= _DATE_CACHE:
                self._dates.clear()
            found = self._dates[text] = FuzzyDate.parse(text)
        return found

    # -- writing ------------------------------------------------------------------------

    def create(
        self,
        case_id: str,
        title: str,
        event_type: EventType | str = EventType.OTHER,
        **fields: Any,
    ) -> Event:
        """A new event; `fields` are any other fields of `Event`.

        A computed deadline (deadline.computed_from set) takes its date from its source;
        giving a date as well is refused.
        """
        deadline = fields.get("deadline")
        if "date" in fields and deadline is not None and deadline.computed_from:
            raise InvalidInput(
                "A computed deadline takes its date from its source event; give no date",
                "date",
                code="computed_deadline_takes_date_from",
            )
        return self._insert(
            {
                "case_id": self._ctx.links.full_id("case", case_id, "case_id"),
                "title": title,
                "event_type": event_type,
                **fields,
            }
        )

    def create_deadline(
        self,
        case_id: str,
        title: str,
        due: FuzzyDate | str | date | None = None,
        *,
        lead_days: int | None = None,
        computed_from: str | None = None,
        offset_days: int | None = None,
        unit: DeadlineUnit | str = DeadlineUnit.CALENDAR_DAYS,
        rule: str | None = None,
        **fields: Any,
    ) -> Event:
        """A new deadline: due on a date, or `offset_days` units after event `computed_from`.

        `rule` (a code of `deadline_rules`) defaults to the rule of the case's jurisdiction,
        and to no rollover when the jurisdiction names none; it is stored with the deadline,
        so a later change of the case's jurisdiction moves nothing by surprise.
        """
        if rule is None:
            case = self._ctx.links.case(case_id)
            rule = rule_for_jurisdiction(case.jurisdiction).code
        info = DeadlineInfo(
            lead_days=lead_days,
            computed_from=reference(self, computed_from, "computed_from")
            if computed_from
            else None,
            offset_days=offset_days,
            unit=DeadlineUnit(enum_value(DeadlineUnit, unit, "unit")),
            rule=rule,
        )
        if due is not None:
            fields["date"] = FuzzyDate.on(due) if isinstance(due, date) else due
        fields.setdefault("event_type", EventType.DEADLINE)
        return self.create(case_id, title, deadline=info, **fields)

    def reckoning(self, event: Event) -> Reckoning | None:
        """How a computed deadline's due day was worked out (the day counting gave, the
        rolled day, the rule); None for a fixed deadline or while the source is undated."""
        info = event.deadline
        if info is None or not info.computed_from or info.offset_days is None:
            return None
        source = self.find(info.computed_from)
        anchor = source.date.anchor_day() if source is not None else None
        if anchor is None:
            return None
        return reckon(anchor, info.offset_days, info.unit, info.rule)

    def update(self, record_or_id: Event | str, **changes: Any) -> Event:
        """Apply `changes`. Moving a computed deadline by hand is refused: move its source,
        or first make it a fixed deadline (deadline with computed_from=None)."""
        if "date" in changes:
            record_id = record_or_id if isinstance(record_or_id, str) else record_or_id.id
            current = self.get(record_id)
            deadline = changes.get("deadline", current.deadline)
            if deadline is not None and deadline.computed_from:
                new_date = coerce(FuzzyDate, changes["date"], "date")
                if new_date != current.date:
                    raise InvalidInput(
                        "This deadline follows another event's date; move that event, or make "
                        "the deadline fixed first",
                        "date",
                        code="deadline_follows_another_event_s",
                    )
        return super().update(record_or_id, **changes)

    def change_many(
        self,
        event_ids: Sequence[str],
        *,
        fact_status: FactStatus | str | None = None,
        event_type: EventType | str | None = None,
        add_people: Sequence[str] = (),
        remove_people: Sequence[str] = (),
        step: Callable[[int, int], None] | None = None,
    ) -> builtins.list[Event]:
        """Apply one change to several events: all are saved or none (one transaction).

        Each event goes through `update`, so it meets the same checks as an edit of one
        event and the audit log gets one entry per event that changed. People are added at
        the end of an event's list (those it names already stay where they are) or removed.
        `step(done, total)` is called before each event (a worker reports progress and
        checks for cancellation there): whatever it raises rolls the whole change back.
        Returns the events as stored afterwards, in the order given.
        """
        changes: dict[str, Any] = {}
        if fact_status is not None:
            changes["fact_status"] = FactStatus(enum_value(FactStatus, fact_status, "status"))
        if event_type is not None:
            changes["event_type"] = EventType(enum_value(EventType, event_type, "event_type"))
        dropped = set(remove_people)
        saved: builtins.list[Event] = []
        ids = builtins.list(dict.fromkeys(event_ids))
        with self._ctx.transaction():
            for done, event_id in enumerate(ids):
                if step is not None:
                    step(done, len(ids))
                event = self.get(event_id)
                mine = dict(changes)
                if add_people or dropped:
                    kept = [p for p in event.person_ids if p not in dropped]
                    kept += [p for p in add_people if p not in kept and p not in dropped]
                    mine["person_ids"] = tuple(kept)
                saved.append(self.update(event, **mine))
        return saved

    def set_deadline_status(self, event_id: str, status: DeadlineStatus | str) -> Event:
        event = self.get(event_id)
        if event.deadline is None:
            raise InvalidInput("This event is not a deadline", "status", code="event_not_deadline")
        status = DeadlineStatus(enum_value(DeadlineStatus, status, "status"))
        return self.update(event, deadline=dataclasses.replace(event.deadline, status=status))

    def move_within_day(self, event_id: str, new_order: int) -> Event:
        """Put an event at position `new_order` (0 = first) among the events of its case
        that share its date exactly; the others keep their relative order."""
        with self._ctx.transaction():
            event = self.get(event_id)
            undated, lo, rank = event.date.sort_key()
            group = self._fetch(
                "case_id = ? AND sort_undated = ? AND sort_lo = ? AND sort_rank = ? "
                f"ORDER BY {_ORDER}",
                (event.case_id, undated, lo, rank),
            )
            others = [e for e in group if e.id != event.id]
            position = max(0, min(new_order, len(others)))
            others.insert(position, event)
            moved = event
            for order, member in enumerate(others):
                if member.day_order != order:
                    updated = RecordStore.update(self, member.id, day_order=order)
                    if member.id == event.id:
                        moved = updated
            return moved

    def remove_case(self, case_id: str) -> int:
        """Delete every event of a case (the case's deletion is audited for them)."""
        return self._remove_where("case_id = ?", (case_id,))

    def dependents(self, event_id: str) -> builtins.list[Event]:
        """The deadlines computed from an event, in id order."""
        return self._fetch("computed_from = ? ORDER BY id", (event_id,))

    def person_links(self, person_id: str) -> builtins.list[tuple[str, int]]:
        """(event id, position) of every event naming the person, for the trash."""
        rows = self._conn.execute(
            "SELECT event_id, position FROM event_people WHERE person_id = ? ORDER BY event_id",
            (person_id,),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def relink_person(self, person_id: str, event_ids: Iterable[str]) -> int:
        """Name a restored person again on the events among `event_ids` that still exist,
        after the people they name now (as unlinking did, this is no edit of the event)."""
        linked = 0
        for event_id in event_ids:
            if not self.exists(event_id):
                continue
            self._conn.execute(
                "INSERT INTO event_people (event_id, position, person_id) SELECT ?, "
                "(SELECT coalesce(max(position), -1) + 1 FROM event_people WHERE event_id = ?), "
                "? WHERE NOT EXISTS (SELECT 1 FROM event_people WHERE event_id = ? "
                "AND person_id = ?)",
                (event_id, event_id, person_id, event_id, person_id),
            )
            linked += 1
        return linked

    def unlink_person(self, person_id: str) -> int:
        """Remove a person from every event; returns how many events named them."""
        events = self._conn.execute(
            "SELECT count(DISTINCT event_id) FROM event_people WHERE person_id = ?", (person_id,)
        ).fetchone()[0]
        self._conn.execute("DELETE FROM event_people WHERE person_id = ?", (person_id,))
        return int(events)

    # -- the event <-> document link (shared with the document store) ---------------------

    def event_ids_for_document(self, document_id: str) -> builtins.list[str]:
        """The events a document supports, in date order."""
        rows = self._conn.execute(
            "SELECT e.id FROM event_documents d JOIN events e ON e.id = d.event_id "
            f"WHERE d.document_id = ? ORDER BY {', '.join('e.' + c for c in _ORDER.split(', '))}",
            (document_id,),
        ).fetchall()
        return [r[0] for r in rows]

    def set_document_events(self, document_id: str, event_ids: Iterable[str]) -> None:
        """Make exactly `event_ids` link to the document (for the document store)."""
        wanted = list(dict.fromkeys(event_ids))
        with self._ctx.transaction():
            for event_id in wanted:
                if not self.exists(event_id):
                    raise InvalidInput(
                        "No event with id {event_id}",
                        "event_ids",
                        code="no_event_id_2",
                        event_id=event_id,
                    )
            self._conn.execute("DELETE FROM event_documents WHERE document_id = ?", (document_id,))
            for event_id in wanted:
                self._conn.execute(
                    "INSERT INTO event_documents (event_id, position, document_id) VALUES "
                    "(?, (SELECT coalesce(max(position), -1) + 1 FROM event_documents "
                    "WHERE event_id = ?), ?)",
                    (event_id, event_id, document_id),
                )

    def unlink_document(self, document_id: str) -> int:
        """Remove a document from every event (when the document is deleted)."""
        cur = self._conn.execute(
            "DELETE FROM event_documents WHERE document_id = ?", (document_id,)
        )
        return cur.rowcount

    def put_raw(self, data: Any, *, action: str = "import") -> Event:
        """As `RecordStore.put_raw`; a computed deadline whose source has not arrived (yet)
        keeps the date it came with, and links to documents not stored yet are kept."""
        self._importing = True
        try:
            return super().put_raw(data, action=action)
        finally:
            self._importing = False

    def put_raw_many(self, items: Iterable[Mapping[str, Any]]) -> int:
        """As `RecordStore.put_raw_many`, with `put_raw`'s import leniency.

        An event whose deadline is computed from another is written on its own, in its
        place in the order: its date depends on whether its source is stored yet, exactly
        as when every event is imported one by one. Runs of other events go in batches.
        """
        written = 0
        run: list[Mapping[str, Any]] = []
        self._importing = True
        self._present = set()
        try:
            with self._ctx.transaction():
                for data in items:
                    deadline = data.get("deadline")
                    if isinstance(deadline, Mapping) and deadline.get("computed_from"):
                        written += super().put_raw_many(run)
                        run = []
                        super().put_raw(data)
                        written += 1
                    else:
                        run.append(data)
                written += super().put_raw_many(run)
        finally:
            self._importing = False
            self._present = None
        return written

    def _after_write_many(self, written: Sequence[tuple[Event | None, Event]]) -> None:
        # Only events that deadlines count from have anything to do after a write: find
        # them with one query rather than one per event.
        ids = [new.id for _old, new in written]
        sources: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = self._query(
                f"SELECT DISTINCT computed_from FROM {self.table} WHERE computed_from IN "
                f"({placeholders(part)})",
                part,
            )
            sources.update(row[0] for row in rows)
        for old, new in written:
            if new.id in sources:
                self._after_write(old, new)

    # -- reading ------------------------------------------------------------------------

    def list(
        self,
        *,
        case_id: str | None = None,
        start: datetime | date | None = None,
        end: datetime | date | None = None,
        types: Sequence[EventType | str] | None = None,
        person_id: str | None = None,
        key_fact: bool | None = None,
        text: str | None = None,
        deadlines_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[Event]:
        """Events in honest date order; `start`/`end` keep those whose interval overlaps
        [start, end) (undated events then drop out)."""
        where, params = self._filters(
            case_id, start, end, types, person_id, key_fact, text, deadlines_only
        )
        clause, page_params = page(limit, offset)
        return self._fetch(f"{where} ORDER BY {_ORDER}{clause}", [*params, *page_params])

    def count(
        self,
        *,
        case_id: str | None = None,
        start: datetime | date | None = None,
        end: datetime | date | None = None,
        types: Sequence[EventType | str] | None = None,
        person_id: str | None = None,
        key_fact: bool | None = None,
        text: str | None = None,
        deadlines_only: bool = False,
    ) -> int:
        where, params = self._filters(
            case_id, start, end, types, person_id, key_fact, text, deadlines_only
        )
        return self._count(where, params)

    def all_ids_for_case(self, case_id: str) -> builtins.list[str]:
        """Ids of a case's events, sources before the deadlines computed from them."""
        return self._ids("case_id = ? ORDER BY computed_from IS NOT NULL, " + _ORDER, (case_id,))

    def deadlines(
        self,
        start_day: date | None = None,
        end_day: date | None = None,
        status: DeadlineStatus | str | None = None,
        case_id: str | None = None,
    ) -> builtins.list[Event]:
        """Deadlines due between `start_day` and `end_day` (both included), by date."""
        end = end_day + timedelta(days=1) if end_day is not None else None
        where, params = self._filters(case_id, start_day, end, None, None, None, None, True)
        if status is not None:
            where += " AND deadline_status = ?"
            params.append(enum_value(DeadlineStatus, status, "status"))
        return self._fetch_deadlines(f"{where} ORDER BY {_ORDER}", params)

    def agenda(self, today: date, weeks: int = 2) -> builtins.list[Event]:
        """What needs attention, across all cases: pending deadlines already overdue
        (oldest first), then deadlines and hearings due from today for `weeks` weeks,
        by due day, then pending deadlines with no date yet."""
        if weeks < 0:
            raise InvalidInput(
                "The agenda needs a non-negative number of weeks",
                "weeks",
                code="agenda_needs_non_negative_number",
            )
        horizon = today + timedelta(weeks=weeks)
        # The SQL ranges are a day wider than the calendar days asked for: an exact time
        # in another zone may fall on the neighbouring UTC day. Python then applies the
        # exact rule (due_day) to the few candidates.
        overdue = self._fetch_deadlines(
            f"deadline_status = 'pending' AND sort_undated = 0 AND sort_lo < ? ORDER BY {_ORDER}",
            (_utc_seconds(today + timedelta(days=1)),),
        )
        overdue = [e for e in overdue if (due := due_day(e)) is not None and due < today]
        window = self._fetch(
            "(deadline_status IS NOT NULL OR event_type = ?) AND sort_undated = 0 "
            f"AND sort_lo >= ? AND sort_lo < ? ORDER BY {_ORDER}",
            (
                EventType.HEARING.value,
                _utc_seconds(today - timedelta(days=1)),
                _utc_seconds(horizon + timedelta(days=1)),
            ),
        )
        window = [e for e in window if (due := due_day(e)) is not None and today <= due < horizon]
        undated = self._fetch_deadlines(
            f"deadline_status = 'pending' AND sort_undated = 1 ORDER BY {_ORDER}"
        )
        overdue.sort(key=lambda e: (due_day(e), e.date.sort_key(), e.day_order))
        window.sort(key=lambda e: (due_day(e), e.date.sort_key(), e.day_order))
        return [*overdue, *window, *undated]

    def next_deadlines(self, case_ids: Sequence[str]) -> dict[str, Event]:
        """The earliest pending, dated deadline of each of these cases (overdue included);
        a case with none is left out."""
        ids = builtins.list(dict.fromkeys(case_ids))
        found: dict[str, Event] = {}
        for start in range(0, len(ids), 500):  # SQLite's bound on parameters, with room
            chunk = ids[start : start + 500]
            for event in self._fetch_deadlines(
                f"deadline_status = 'pending' AND sort_undated = 0 "
                f"AND case_id IN ({placeholders(chunk)}) ORDER BY {_ORDER}",
                chunk,
            ):
                found.setdefault(event.case_id, event)
        return found

    def _fetch_deadlines(self, where: str, params: Sequence[Any] = ()) -> builtins.list[Event]:
        """Like `_fetch`, over deadlines only. Without statistics the planner may walk the
        whole chronology by date; the partial index holds only the deadlines."""
        return self._records(
            self._query(
                f"{self._select_sql()} INDEXED BY events_deadlines "
                f"WHERE deadline_status IS NOT NULL AND {where}",
                params,
            )
        )

    # -- hooks ----------------------------------------------------------------------------

    @classmethod
    @functools.cache
    def _read_columns(cls) -> str:
        """The columns a record is built from: its fields and the deadline's, not the
        search text or the sort keys (reading those for nothing cost a fifth of reading
        a 10,000-event chronology)."""
        fields = [f.name for f in record_fields(Event) if f.name not in cls.link_fields]
        extra = ("date_text", "deadline_status", "lead_days", "computed_from", "offset_days",
                 "deadline_unit", "deadline_rule")  # fmt: skip
        return ", ".join(f'events."{c}"' for c in (*fields, *extra))

    def _select_sql(self) -> str:
        # The ordered link lists come back as space-separated ids (ids hold no spaces).
        return (
            f"SELECT {self._read_columns()}, "
            "(SELECT group_concat(person_id, ' ') FROM (SELECT person_id FROM event_people "
            " WHERE event_id = events.id ORDER BY position)) AS person_list, "
            "(SELECT group_concat(document_id, ' ') FROM (SELECT document_id FROM event_documents "
            " WHERE event_id = events.id ORDER BY position)) AS document_list "
            "FROM events"
        )

    def _load_links(self, rows: Sequence[sqlite.Row]) -> builtins.list[dict[str, Any]]:
        if not rows:
            return []
        # Columns by position: a Row's lookup by name is slow over a 10,000-event case.
        keys = rows[0].keys()
        (
            date_at, status_at, lead_at, source_at, offset_at, unit_at, rule_at, people_at,
            documents_at,
        ) = (
            keys.index(name)
            for name in (
                "date_text", "deadline_status", "lead_days", "computed_from", "offset_days",
                "deadline_unit", "deadline_rule", "person_list", "document_list",
            )
        )  # fmt: skip
        stored_date = self._stored_date
        out = []
        for row in rows:
            status = row[status_at]
            people = row[people_at]
            documents = row[documents_at]
            out.append(
                {
                    "date": stored_date(row[date_at]),
                    "deadline": None
                    if status is None
                    else DeadlineInfo(
                        status=DeadlineStatus(status),
                        lead_days=row[lead_at],
                        computed_from=row[source_at],
                        offset_days=row[offset_at],
                        unit=DeadlineUnit(row[unit_at] or DeadlineUnit.CALENDAR_DAYS),
                        rule=row[rule_at] or "none",
                    ),
                    "person_ids": tuple(people.split()) if people else (),
                    "document_ids": tuple(documents.split()) if documents else (),
                }
            )
        return out

    def _derived(self, record: Event) -> dict[str, Any]:
        undated, lo, rank = record.date.sort_key()
        bounds = record.date.bounds()
        info = record.deadline
        return {
            "date_text": str(record.date),
            "precision": record.date.precision.value if record.date.precision else None,
            "sort_undated": undated,
            "sort_lo": lo,
            "sort_hi": int(bounds[1].timestamp()) if bounds else 0,
            "sort_rank": rank,
            "deadline_status": info.status.value if info else None,
            "lead_days": info.lead_days if info else None,
            "computed_from": info.computed_from if info else None,
            "offset_days": info.offset_days if info else None,
            "deadline_unit": info.unit.value if info else None,
            "deadline_rule": info.rule if info else None,
            "text_fold": fold(
                "\n".join((record.title, record.description, record.source, record.source_quote))
            ),
        }

    def _write_links(self, record: Event, new: bool) -> None:
        if not new:
            self._conn.execute("DELETE FROM event_people WHERE event_id = ?", (record.id,))
            self._conn.execute("DELETE FROM event_documents WHERE event_id = ?", (record.id,))
        for i, pid in enumerate(record.person_ids):
            self._conn.execute(
                "INSERT INTO event_people (event_id, position, person_id) VALUES (?, ?, ?)",
                (record.id, i, pid),
            )
        for i, did in enumerate(record.document_ids):
            self._conn.execute(
                "INSERT INTO event_documents (event_id, position, document_id) VALUES (?, ?, ?)",
                (record.id, i, did),
            )

    def _exists(self, kind: str, record_id: str) -> bool:
        """`links.exists`, remembered through one `put_raw_many` (nothing is deleted
        during one): the events of an import cite the same case a thousand times over."""
        present = self._present
        if present is None:
            return self._ctx.links.exists(kind, record_id)
        if (kind, record_id) in present:
            return True
        if self._ctx.links.exists(kind, record_id):
            present.add((kind, record_id))
            return True
        return False

    def _validate(self, record: Event, old: Event | None) -> Event:
        if not self._exists("case", record.case_id):
            raise InvalidInput(
                "No case with id {case_id}", "case_id", code="no_case_id", case_id=record.case_id
            )
        title = require_text(record.title, "title", "An event title")
        person_ids = tuple(dict.fromkeys(record.person_ids))
        for pid in person_ids:
            if not self._exists("person", pid):
                raise InvalidInput(
                    "No person with id {pid}", "person_ids", code="no_person_id", pid=pid
                )
        document_ids = tuple(dict.fromkeys(record.document_ids))
        for did in document_ids:
            # A bundle brings a document's record after the events citing it (its bytes
            # come last), so an import keeps links to documents not stored yet.
            if not self._importing and not self._ctx.links.exists("document", did):
                raise InvalidInput(
                    "No document with id {did}", "document_ids", code="no_document_id", did=did
                )
        tidy: dict[str, Any] = {
            "title": title,
            "person_ids": person_ids,
            "document_ids": document_ids,
            "source": record.source.strip(),
            # One proceeding, one lane: "Extradition " and "Extradition" are the same.
            "proceeding": " ".join(record.proceeding.split()),
        }
        # Rebuilding a frozen event costs more than checking it: only when something moved.
        if any(getattr(record, name) != value for name, value in tidy.items()):
            record = dataclasses.replace(record, **tidy)
        record = self._one_notion_of_deadline(record, old)
        if record.deadline is not None:
            record = self._validate_deadline(record)
        return record

    def _one_notion_of_deadline(self, record: Event, old: Event | None) -> Event:
        """Keep the type and the deadline details in step: type Deadline is a deadline.

        A Deadline without details becomes a pending one (it must reach the agenda). Details
        on another type are refused, except where they come from an older Satchel (a bundle:
        the event becomes a Deadline, as schema 4 did to stored events) or where the user
        just changed a deadline's type (the details go with the type they belonged to).
        """
        is_deadline_type = record.event_type is EventType.DEADLINE
        if is_deadline_type and record.deadline is None:
            return dataclasses.replace(record, deadline=DeadlineInfo())
        if is_deadline_type or record.deadline is None:
            return record
        if self._importing:
            return dataclasses.replace(record, event_type=EventType.DEADLINE)
        if (
            old is not None
            and old.event_type is EventType.DEADLINE
            and (record.deadline == old.deadline)
        ):
            return dataclasses.replace(record, deadline=None)
        raise InvalidInput(
            "Only an event of type Deadline has a deadline's status and due date; choose the "
            "type Deadline",
            "event_type",
            code="event_type_deadline_deadline_s",
        )

    def _validate_deadline(self, record: Event) -> Event:
        info = record.deadline
        assert info is not None
        if info.lead_days is not None and info.lead_days < 0:
            raise InvalidInput(
                "A reminder lead time cannot be negative",
                "lead_days",
                code="reminder_lead_time_cannot_negative",
            )
        rule = rule_named(info.rule).code  # refuses an unknown rule, stores the canonical code
        if rule != info.rule:
            info = dataclasses.replace(info, rule=rule)
            record = dataclasses.replace(record, deadline=info)
        if not info.computed_from:
            if info.offset_days is not None:
                raise InvalidInput(
                    "An offset in days needs the event it counts from",
                    "offset_days",
                    code="offset_days_needs_event_counts",
                )
            # A fixed deadline is due on the day typed: nothing is counted or rolled.
            return dataclasses.replace(
                record,
                deadline=dataclasses.replace(
                    info, computed_from=None, unit=DeadlineUnit.CALENDAR_DAYS, rule="none"
                ),
            )
        if info.offset_days is None:
            raise InvalidInput(
                "A computed deadline needs an offset in days",
                "offset_days",
                code="computed_deadline_needs_offset_days",
            )
        if info.computed_from == record.id:
            raise InvalidInput(
                "A deadline cannot be computed from itself",
                "computed_from",
                code="deadline_cannot_computed_from_itself",
            )
        source = self.find(info.computed_from)
        if source is None:
            if self._importing:
                return record
            raise InvalidInput(
                "No event with id {computed_from}",
                "computed_from",
                code="no_event_id",
                computed_from=info.computed_from,
            )
        if source.case_id != record.case_id:
            raise InvalidInput(
                "A deadline can only be computed from an event of the same case",
                "computed_from",
                code="deadline_can_computed_from_event",
            )
        self._refuse_cycle(record.id, source)
        anchor = source.date.anchor_day()
        computed = (
            FuzzyDate.undated()
            if anchor is None
            else FuzzyDate.on(reckon(anchor, info.offset_days, info.unit, info.rule).due)
        )
        return dataclasses.replace(record, date=computed)

    def _refuse_cycle(self, record_id: str, source: Event) -> None:
        current: Event | None = source
        for _ in range(_MAX_CHAIN):
            if current is None or current.deadline is None or not current.deadline.computed_from:
                return
            if current.deadline.computed_from == record_id:
                raise InvalidInput(
                    "This would make deadlines computed from each other in a circle",
                    "computed_from",
                    code="would_make_deadlines_computed_from",
                )
            current = self.find(current.deadline.computed_from)
        raise InvalidInput(
            "Too long a chain of computed deadlines",
            "computed_from",
            code="too_long_chain_computed_deadlines",
        )

    def _after_write(self, old: Event | None, new: Event) -> None:
        if old is None and not self._importing:
            return  # a new event has no deadlines counting from it yet
        if old is not None and old.date == new.date:
            return
        # Every deadline counting from this event follows it; updating each runs its own
        # _after_write, so chains of computed deadlines move together.
        for dependent_id in self._ids("computed_from = ? ORDER BY id", (new.id,)):
            RecordStore.update(self, dependent_id)

    def _before_delete(self, record: Event) -> str:
        # Deadlines computed from this event keep their date and become fixed deadlines.
        dependents = self._fetch("computed_from = ? ORDER BY id", (record.id,))
        for dep in dependents:
            assert dep.deadline is not None
            RecordStore.update(
                self,
                dep.id,
                deadline=dataclasses.replace(dep.deadline, computed_from=None, offset_days=None),
            )
        return f"{len(dependents)} deadlines made fixed" if dependents else ""

    def _search_entry(self, record: Event) -> tuple[str | None, str, str, builtins.list[str]]:
        body = "\n".join((record.description, record.source, record.source_quote))
        return record.case_id, record.title, body, []

    def _summary(self, record: Event) -> str:
        return f"{record.title} ({record.date})"

    # -- helpers --------------------------------------------------------------------------

    def _filters(
        self,
        case_id: str | None,
        start: datetime | date | None,
        end: datetime | date | None,
        types: Sequence[EventType | str] | None,
        person_id: str | None,
        key_fact: bool | None,
        text: str | None,
        deadlines_only: bool,
    ) -> tuple[str, builtins.list[Any]]:
        clauses = ["1"]
        params: builtins.list[Any] = []
        if case_id is not None:
            clauses.append("case_id = ?")
            params.append(case_id)
        if start is not None or end is not None:
            clauses.append("sort_undated = 0")
        if end is not None:
            clauses.append("sort_lo < ?")
            params.append(_utc_seconds(end))
        if start is not None:
            # Overlaps [start, ...): ends after start, or is a zero-width edge at or after
            # it ("before X" / "after X" dates are points on the line).
            clauses.append("(sort_hi > ? OR sort_lo >= ?)")
            s = _utc_seconds(start)
            params.extend((s, s))
        if types:
            values = [enum_value(EventType, t, "types") for t in types]
            clauses.append(f"event_type IN ({placeholders(values)})")
            params.extend(values)
        if person_id is not None:
            clauses.append("id IN (SELECT event_id FROM event_people WHERE person_id = ?)")
            params.append(person_id)
        if key_fact is not None:
            clauses.append("key_fact = ?")
            params.append(int(key_fact))
        if text and text.strip():
            clauses.append("instr(text_fold, ?) > 0")
            params.append(fold(text.strip()))
        if deadlines_only:
            clauses.append("deadline_status IS NOT NULL")
        return " AND ".join(clauses), params
