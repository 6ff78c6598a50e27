"""Commands on a case and its chronology: case, role, event, deadline, note.

Ids may be given as unique prefixes (six characters or more). Dates are read as a
lawyer types them (`core.date_text.read_date`, as the desktop client reads them) and shown
with `FuzzyDate.display()`, so "Aug 2025" stays a month and never becomes a made-up day.
`--json` output shapes are documented in docs/cli.md.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from enum import Enum
from typing import Any

from satchel.cli.common import (
    Subcommands,
    add_command,
    choice_of,
    emit_json,
    field_lines,
    open_vault,
    parse_date,
    parse_day,
    plain,
    print_table,
    read_text_arg,
    short_id,
    subcommands,
    whole_number,
)
from satchel.cli.trash_cmds import add_delete_command
from satchel.core.codec import to_dict
from satchel.core.deadline_rules import RULES, Reckoning, non_working
from satchel.core.events import due_day, urgency
from satchel.core.limits import (
    MAX_DAY_ORDER,
    MAX_LEAD_DAYS,
    MAX_LIST_LIMIT,
    MAX_OFFSET_DAYS,
    MAX_OFFSET_MONTHS,
    MAX_OFFSET_WEEKS,
    bounded,
    max_offset,
)
from satchel.core.model import (
    Case,
    CaseStatus,
    CaseType,
    DeadlineStatus,
    DeadlineUnit,
    Event,
    EventType,
    FactStatus,
    NoteFormat,
    Reference,
    RiskLevel,
    RoleKind,
    Urgency,
)
from satchel.errors import InvalidInput

__all__ = ["register"]


def _values(enum: type[Enum]) -> str:
    return ", ".join(m.value for m in enum)


def register(subparsers: Subcommands) -> None:
    _register_case(subparsers)
    _register_role(subparsers)
    _register_event(subparsers)
    _register_deadline(subparsers)
    _register_note(subparsers)


# -- case ------------------------------------------------------------------------------------


def _case_fields(p: argparse.ArgumentParser, *, editing: bool) -> None:
    p.add_argument("--type", dest="case_type", help=f"one of: {_values(CaseType)}")
    p.add_argument("--status", help=f"one of: {_values(CaseStatus)}")
    p.add_argument("--risk", help=f"one of: {_values(RiskLevel)}")
    p.add_argument("--jurisdiction", help="country or legal system")
    p.add_argument("--authority", help="the court or authority")
    p.add_argument("--summary", help="a short summary")
    p.add_argument(
        "--ref",
        action="append",
        default=[],
        metavar="LABEL:NUMBER",
        help="a labelled reference number, e.g. 'court:3/10-1234/2025' (repeatable)",
    )
    p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    p.add_argument("--opened", metavar="YYYY-MM-DD", help="when the case was opened")
    if editing:
        p.add_argument("--title", help="a new title")
        p.add_argument("--clear-refs", action="store_true", help="remove every reference")
        p.add_argument("--clear-tags", action="store_true", help="remove every tag")


def _register_case(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "case", "cases: add, list, show, edit, close")
    sub = subcommands(p)

    a = add_command(sub, "add", "add a case")
    a.add_argument("title")
    _case_fields(a, editing=False)
    a.add_argument("--json", action="store_true", help="print the new case as JSON")
    a.set_defaults(func=cmd_case_add)

    ls = add_command(sub, "list", "list cases, most recently changed first")
    ls.add_argument("--status", help=f"only this status ({_values(CaseStatus)})")
    ls.add_argument("--type", dest="case_type", help="only this type")
    ls.add_argument("--tag", help="only cases with this tag")
    ls.add_argument("--text", help="only cases whose title or summary contains this")
    ls.add_argument("--limit", type=_LIMIT, default=None, metavar="N")
    ls.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    ls.set_defaults(func=cmd_case_list)

    s = add_command(sub, "show", "show a case with its people and deadlines")
    s.add_argument("case_id", metavar="CASE")
    s.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    s.set_defaults(func=cmd_case_show)

    e = add_command(sub, "edit", "change a case")
    e.add_argument("case_id", metavar="CASE")
    _case_fields(e, editing=True)
    e.set_defaults(func=cmd_case_edit)

    add_delete_command(sub, "case", "a case with its events, notes, documents and roles")
    c = add_command(sub, "close", "mark a case closed (today, or --on DATE)")
    c.add_argument("case_id", metavar="CASE")
    c.add_argument("--on", metavar="YYYY-MM-DD", help="the day it closed (default today)")
    c.set_defaults(func=cmd_case_close)


_LIMIT = whole_number(1, MAX_LIST_LIMIT, "--limit")


def _refs(values: list[str]) -> tuple[Reference, ...]:
    refs = []
    for v in values:
        label, sep, number = v.partition(":")
        if not sep or not label.strip() or not number.strip():
            raise InvalidInput(f"A reference is LABEL:NUMBER, not {v!r}", "ref")
        refs.append(Reference(label.strip(), number.strip()))
    return tuple(refs)


def _case_changes(args: argparse.Namespace, current: Case | None) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.case_type is not None:
        changes["case_type"] = choice_of(CaseType, args.case_type, "case type")
    if args.status is not None:
        changes["status"] = choice_of(CaseStatus, args.status, "status")
    if args.risk is not None:
        changes["risk"] = choice_of(RiskLevel, args.risk, "risk")
    for name in ("jurisdiction", "authority", "summary"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    if args.opened is not None:
        changes["opened"] = parse_day(args.opened)
    keep_refs = () if current is None or getattr(args, "clear_refs", False) else current.references
    if args.ref or (current is not None and getattr(args, "clear_refs", False)):
        changes["references"] = keep_refs + _refs(args.ref)
    keep_tags = () if current is None or getattr(args, "clear_tags", False) else current.tags
    if args.tag or (current is not None and getattr(args, "clear_tags", False)):
        changes["tags"] = tuple(dict.fromkeys(keep_tags + tuple(t.strip() for t in args.tag)))
    return changes


def cmd_case_add(args: argparse.Namespace) -> int:
    fields = _case_changes(args, None)
    fields.setdefault("opened", date.today())
    with open_vault(args) as vault:
        case = vault.cases.create(title=args.title, **fields)
    if args.json:
        emit_json(to_dict(case))
    else:
        sys.stdout.write(f"{case.id}\n")
    return 0


def cmd_case_list(args: argparse.Namespace) -> int:
    filters: dict[str, Any] = {}
    if args.status:
        filters["status"] = choice_of(CaseStatus, args.status, "status")
    if args.case_type:
        filters["case_type"] = choice_of(CaseType, args.case_type, "case type")
    if args.tag:
        filters["tag"] = args.tag
    if args.text:
        filters["text"] = args.text
    with open_vault(args) as vault:
        cases = vault.cases.list(**filters, limit=args.limit)
    if args.json:
        emit_json([to_dict(c) for c in cases])
        return 0
    print_table(
        ["ID", "TYPE", "STATUS", "RISK", "TITLE"],
        [[short_id(c.id), c.case_type.value, c.status.value, c.risk.value, c.title] for c in cases],
    )
    return 0


def cmd_case_show(args: argparse.Namespace) -> int:
    today = date.today()
    with open_vault(args) as vault:
        case = vault.cases.get(args.case_id)
        roles = vault.roles.list(case_id=case.id)
        people = {r.person_id: vault.people.get(r.person_id) for r in roles}
        event_count = vault.events.count(case_id=case.id)
        deadlines = vault.events.deadlines(case_id=case.id, status=DeadlineStatus.PENDING)
        reckonings = {e.id: vault.events.reckoning(e) for e in deadlines}
    if args.json:
        emit_json(
            {
                "case": to_dict(case),
                "people": [
                    {
                        "role_id": r.id,
                        "person_id": r.person_id,
                        "name": people[r.person_id].primary_name,
                        "role": r.kind.value,
                        "note": r.note,
                    }
                    for r in roles
                ],
                "event_count": event_count,
                "pending_deadlines": [
                    _deadline_dict(e, today, reckonings[e.id]) for e in deadlines
                ],
            }
        )
        return 0
    field_lines(
        [
            ("Case", case.title),
            ("Id", case.id),
            ("Type", case.case_type.value),
            ("Status", case.status.value),
            ("Risk", case.risk.value),
            ("Jurisdiction", case.jurisdiction),
            ("Authority", case.authority),
            ("Opened", case.opened.isoformat() if case.opened else ""),
            ("Closed", case.closed.isoformat() if case.closed else ""),
            ("References", "\n".join(f"{r.label}: {r.value}" for r in case.references)),
            ("Tags", ", ".join(case.tags)),
            ("Summary", case.summary),
            ("Events", str(event_count)),
        ]
    )
    if roles:
        sys.stdout.write("\nPeople:\n")
        for r in roles:
            note = f" ({plain(r.note)})" if r.note else ""
            name = plain(people[r.person_id].primary_name)
            sys.stdout.write(f"  {short_id(r.person_id)}  {r.kind.value:<16} {name}{note}\n")
    if deadlines:
        sys.stdout.write("\nPending deadlines:\n")
        for e in deadlines:
            how_soon = urgency(e, today).value.replace("_", " ")
            note = rollover_note(reckonings[e.id])
            sys.stdout.write(
                f"  {short_id(e.id)}  {e.date.display():<14} {how_soon:<15} {plain(e.title)}"
                + (f"  ({note})" if note else "")
                + "\n"
            )
    return 0


def cmd_case_edit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = vault.cases.get(args.case_id)
        changes = _case_changes(args, case)
        if args.title is not None:
            changes["title"] = args.title
        if not changes:
            raise InvalidInput("Nothing to change: give at least one option (see --help)")
        vault.cases.update(case.id, **changes)
    sys.stdout.write(f"Changed case {short_id(case.id)}\n")
    return 0


def cmd_case_close(args: argparse.Namespace) -> int:
    closed = parse_day(args.on) if args.on else date.today()
    with open_vault(args) as vault:
        case = vault.cases.get(args.case_id)
        vault.cases.update(case.id, status=CaseStatus.CLOSED, closed=closed)
    sys.stdout.write(f"Closed case {short_id(case.id)} on {closed.isoformat()}\n")
    return 0


# -- role ------------------------------------------------------------------------------------


def _register_role(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "role", "a person's role in a case")
    sub = subcommands(p)
    a = add_command(sub, "add", "link a person to a case in a role")
    a.add_argument("case_id", metavar="CASE")
    a.add_argument("person_id", metavar="PERSON")
    a.add_argument("kind", metavar="ROLE", help=f"one of: {_values(RoleKind)}")
    a.add_argument("--note", default="", help="e.g. 'mother', 'Moscow City Court'")
    a.set_defaults(func=cmd_role_add)


def cmd_role_add(args: argparse.Namespace) -> int:
    kind = choice_of(RoleKind, args.kind, "role")
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        person_id = vault.people.resolve(args.person_id)
        role = vault.roles.create(case_id, person_id, kind, note=args.note)
    sys.stdout.write(f"{role.id}\n")
    return 0


# -- event -----------------------------------------------------------------------------------


def _register_event(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "event", "the chronology of a case")
    sub = subcommands(p)
    a = add_command(sub, "add", "add an event to a case")
    a.add_argument("case_id", metavar="CASE")
    a.add_argument("title")
    a.add_argument(
        "--date",
        default="unknown",
        help="as spoken, in English or Russian: 14.03.2025, 2025-08-14T10:30+03:00, "
        "'March 2025', ~2019, 'около июля 2025', 'before 3 Mar 2024', 3-10.03.2024, "
        "'с 3 по 10 марта 2024', 2024..2025 (between), unknown (default); see docs/cli.md",
    )
    a.add_argument("--type", dest="event_type", default="other", help=_values(EventType))
    a.add_argument("--description", default="")
    a.add_argument("--key-fact", action="store_true", help="flag it as a key fact")
    a.add_argument("--source", default="", help="where the fact comes from")
    a.add_argument("--quote", default="", help="the words of the source")
    a.add_argument(
        "--proceeding", default="", help="which proceeding of the case (a timeline lane)"
    )
    a.add_argument(
        "--status", default="undisputed", help=f"the fact's status: {_values(FactStatus)}"
    )
    a.add_argument(
        "--person", action="append", default=[], metavar="PERSON", help="involved (repeatable)"
    )
    a.add_argument(
        "--order",
        type=whole_number(-MAX_DAY_ORDER, MAX_DAY_ORDER, "--order"),
        default=0,
        help="order among events of the same day",
    )
    a.add_argument("--json", action="store_true", help="print the new event as JSON")
    a.set_defaults(func=cmd_event_add)

    ls = add_command(sub, "list", "a case's events in date order (undated last)")
    ls.add_argument("case_id", metavar="CASE")
    ls.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    ls.set_defaults(func=cmd_event_list)
    add_delete_command(sub, "event", "an event (a deadline too)")


def cmd_event_add(args: argparse.Namespace) -> int:
    when = parse_date(args.date)
    event_type = choice_of(EventType, args.event_type, "event type")
    status = choice_of(FactStatus, args.status, "status")
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        person_ids = tuple(vault.people.resolve(p) for p in args.person)
        event = vault.events.create(
            case_id,
            args.title,
            event_type,
            date=when,
            day_order=args.order,
            description=args.description,
            person_ids=person_ids,
            key_fact=args.key_fact,
            source=args.source,
            source_quote=args.quote,
            fact_status=status,
            proceeding=args.proceeding,
        )
    if args.json:
        emit_json(to_dict(event))
    else:
        sys.stdout.write(f"{event.id}\n")
    return 0


def cmd_event_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        events = vault.events.list(case_id=case_id)
    if args.json:
        emit_json([to_dict(e) for e in events])
        return 0
    print_table(
        ["ID", "DATE", "TYPE", "FLAGS", "TITLE"],
        [
            [short_id(e.id), e.date.display(), e.event_type.value, _flags(e), e.title]
            for e in events
        ],
    )
    return 0


def _flags(e: Event) -> str:
    flags = []
    if e.key_fact:
        flags.append("key")
    if e.fact_status is not FactStatus.UNDISPUTED:
        flags.append(e.fact_status.value.replace("_", "-"))
    if e.deadline is not None:
        flags.append(e.deadline.status.value)
    return ",".join(flags)


# -- deadline --------------------------------------------------------------------------------


def _register_deadline(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "deadline", "deadlines: add, list (the agenda), done")
    sub = subcommands(p)
    a = add_command(sub, "add", "add a deadline to a case")
    a.add_argument("case_id", metavar="CASE")
    a.add_argument("title")
    when = a.add_mutually_exclusive_group(required=True)
    when.add_argument("--due", metavar="DATE", help="the due date, e.g. 2025-08-24")
    when.add_argument(
        "--from",
        dest="from_event",
        metavar="EVENT",
        help="count from this event's date (with --days); moves when that event moves",
    )
    a.add_argument(
        "--days",
        type=whole_number(-MAX_OFFSET_DAYS, MAX_OFFSET_DAYS, "--days"),
        metavar="N",
        help="how many units after the --from event (e.g. 10); the unit is --count "
        f"(at most {MAX_OFFSET_DAYS} days, {MAX_OFFSET_WEEKS} weeks or {MAX_OFFSET_MONTHS} "
        "months either way)",
    )
    a.add_argument(
        "--count",
        choices=sorted(_COUNTS),
        default="calendar",
        help="what --days counts: calendar days (default), working days, weeks or months",
    )
    a.add_argument(
        "--rule",
        metavar="RULE",
        help="what happens to a last day on a weekend or holiday: "
        f"{', '.join(r.code for r in RULES)} (none: never moved), or a country code for "
        "its public holidays; default: the case's jurisdiction (see docs/deadlines.md)",
    )
    a.add_argument(
        "--lead",
        type=whole_number(0, MAX_LEAD_DAYS, "--lead"),
        metavar="N",
        help=f"remind N days before (0 to {MAX_LEAD_DAYS})",
    )
    a.add_argument("--json", action="store_true", help="print the new deadline as JSON")
    a.set_defaults(func=cmd_deadline_add)

    ls = add_command(sub, "list", "pending deadlines across cases (or one), overdue first")
    ls.add_argument("--case", dest="case_id", metavar="CASE", help="only this case")
    ls.add_argument("--all", action="store_true", help="also done and missed deadlines")
    ls.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    ls.set_defaults(func=cmd_deadline_list)

    d = add_command(sub, "done", "mark a deadline met")
    d.add_argument("event_id", metavar="DEADLINE")
    d.add_argument("--missed", action="store_true", help="mark it missed instead")
    d.add_argument("--pending", action="store_true", help="mark it pending again")
    d.set_defaults(func=cmd_deadline_done)


_COUNTS = {
    "calendar": DeadlineUnit.CALENDAR_DAYS,
    "working": DeadlineUnit.WORKING_DAYS,
    "weeks": DeadlineUnit.WEEKS,
    "months": DeadlineUnit.MONTHS,
}


def _rollover_reason(reckoning: Reckoning | None) -> str | None:
    """'weekend', or the public holidays' names, when the rule moved the last day."""
    if reckoning is None or not reckoning.moved:
        return None
    why = non_working(reckoning.counted, reckoning.rule, "en")
    if why is None:  # cannot happen: a moved day was not a working day
        return None
    return "; ".join(why.holidays) if why.is_holiday else "weekend"


def rollover_note(reckoning: Reckoning | None) -> str:
    """'Sat 12 Dec → Mon 14 Dec, weekend' when a rule moved the last day; '' otherwise."""
    reason = _rollover_reason(reckoning)
    if reckoning is None or reason is None:
        return ""

    def day(d: date) -> str:
        return f"{d:%a} {d.day} {d:%b}" + ("" if d.year == reckoning.due.year else f" {d.year}")

    return f"{day(reckoning.counted)} → {day(reckoning.due)}, {reason}"


def _deadline_dict(e: Event, today: date, reckoning: Reckoning | None) -> dict[str, Any]:
    due = due_day(e)
    info = e.deadline
    return {
        **to_dict(e),
        "due": due.isoformat() if due else None,
        "urgency": urgency(e, today).value,
        # The day counting alone gave, before the rule moved it off a non-working day.
        "original_due": reckoning.counted.isoformat() if reckoning else None,
        "rolled": bool(reckoning and reckoning.moved),
        "rollover_reason": _rollover_reason(reckoning),
        "rule": info.rule if info else None,
        "unit": info.unit.value if info else None,
    }


def cmd_deadline_add(args: argparse.Namespace) -> int:
    if args.from_event is not None and args.days is None:
        raise InvalidInput("--from needs --days N (e.g. --days 10 for an appeal window)")
    if args.due is not None and args.days is not None:
        raise InvalidInput("--days goes with --from, not with --due")
    if args.due is not None and (args.rule is not None or args.count != "calendar"):
        raise InvalidInput("--count and --rule go with --from: a --due date is kept as given")
    if args.days is not None:
        unit = _COUNTS[args.count]
        limit = max_offset(unit)
        bounded(args.days, "offset_days", -limit, limit, f"--days (counting {args.count})")
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        if args.from_event is not None:
            # The store takes the date from the source event and keeps it in step with it.
            event = vault.events.create_deadline(
                case_id,
                args.title,
                lead_days=args.lead,
                computed_from=vault.events.resolve(args.from_event),
                offset_days=args.days,
                unit=_COUNTS[args.count],
                rule=args.rule,
            )
        else:
            due = parse_date(args.due)
            if not due.is_dated:
                raise InvalidInput("A deadline needs a due date (or --from EVENT --days N)")
            event = vault.events.create_deadline(case_id, args.title, due, lead_days=args.lead)
        reckoning = vault.events.reckoning(event)
    if args.json:
        emit_json(_deadline_dict(event, date.today(), reckoning))
    else:
        sys.stdout.write(f"{event.id}\n")
    return 0


def cmd_deadline_list(args: argparse.Namespace) -> int:
    today = date.today()
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id) if args.case_id else None
        status = None if args.all else DeadlineStatus.PENDING
        events = vault.events.deadlines(case_id=case_id, status=status)
        titles = {e.case_id: vault.cases.get(e.case_id).title for e in events}
        reckonings = {e.id: vault.events.reckoning(e) for e in events}
    # Overdue first, then by due day: the agenda a lawyer reads in the morning.
    rank = {
        Urgency.OVERDUE: 0,
        Urgency.WITHIN_3_DAYS: 1,
        Urgency.WITHIN_14_DAYS: 1,
        Urgency.LATER: 1,
        Urgency.DONE: 2,
    }
    events.sort(key=lambda e: (rank[urgency(e, today)], e.date.sort_key()))
    if args.json:
        emit_json(
            [
                {**_deadline_dict(e, today, reckonings[e.id]), "case_title": titles[e.case_id]}
                for e in events
            ]
        )
        return 0
    print_table(
        ["ID", "DUE", "URGENCY", "CASE", "DEADLINE", "ROLLED OVER"],
        [
            [
                short_id(e.id),
                e.date.display(),
                urgency(e, today).value.replace("_", " "),
                _shorten(titles[e.case_id], 32),
                e.title,
                rollover_note(reckonings[e.id]),
            ]
            for e in events
        ],
    )
    return 0


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_deadline_done(args: argparse.Namespace) -> int:
    if args.missed and args.pending:
        raise InvalidInput("Give --missed or --pending, not both")
    status = (
        DeadlineStatus.MISSED
        if args.missed
        else DeadlineStatus.PENDING
        if args.pending
        else DeadlineStatus.DONE
    )
    with open_vault(args) as vault:
        event = vault.events.get(args.event_id)
        vault.events.set_deadline_status(event.id, status)
    sys.stdout.write(f"Deadline {short_id(event.id)}: {status.value}\n")
    return 0


# -- note ------------------------------------------------------------------------------------


def _register_note(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "note", "notes on a case")
    sub = subcommands(p)
    a = add_command(sub, "add", "add a note (text from --text, --file, or standard input)")
    a.add_argument("case_id", metavar="CASE")
    a.add_argument("--text", help="the note itself")
    a.add_argument("--file", metavar="FILE", help="read the note from FILE ('-' for stdin)")
    a.add_argument("--markdown", action="store_true", help="the note is Markdown")
    a.add_argument("--author", default="", help="who wrote it")
    a.set_defaults(func=cmd_note_add)
    add_delete_command(sub, "note", "a note")


def cmd_note_add(args: argparse.Namespace) -> int:
    body = read_text_arg(args, args.text, args.file)
    if not body.strip():
        raise InvalidInput("The note is empty")
    fmt = NoteFormat.MARKDOWN if args.markdown else NoteFormat.PLAIN
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        note = vault.notes.create(case_id, body, author=args.author, format=fmt)
    sys.stdout.write(f"{note.id}\n")
    return 0
