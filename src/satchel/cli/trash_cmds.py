"""`satchel trash list|restore|empty` and the `delete` command of each record group.

`case|event|note|doc|person delete ID` moves the record to the vault's trash (restorable
until emptied, and the deletion travels in the next bundle of its case); `trash restore`
brings it back with what can come back and names what could not; `trash empty` deletes
for good and needs `--yes` (it cannot be undone).
"""

from __future__ import annotations

import argparse
import sys

from satchel.cli.common import (
    CliParser,
    Subcommands,
    add_command,
    emit_json,
    open_vault,
    print_table,
    short_id,
    subcommands,
)
from satchel.core.codec import format_timestamp
from satchel.errors import InvalidInput

__all__ = ["add_delete_command", "register"]

_STORES = {
    "case": "cases",
    "event": "events",
    "note": "notes",
    "document": "documents",
    "person": "people",
}

# Why a part of a restored entry stayed out (RestoreReport.lost codes), in words.
_LOST = {
    "trash_lost_role": "a role whose case or person is gone",
    "trash_lost_document": "a document whose case or person is gone",
    "trash_lost_event_people": "people no longer in the vault, from event",
    "trash_lost_event_documents": "documents no longer in the case, from event",
    "trash_lost_deadline_source": "the event it counted from (now a fixed deadline)",
    "trash_lost_event_links": "events no longer in the vault (links)",
    "trash_lost_dependent": "a deadline changed or deleted since, still fixed:",
    "trash_lost_document_links": "documents no longer in the vault (links)",
}


def add_delete_command(sub: Subcommands, kind: str, what: str) -> CliParser:
    """Add `delete ID` to a record group (`satchel event delete ID`, ...)."""
    d = add_command(sub, "delete", f"move {what} to the trash (restore with `satchel trash`)")
    d.add_argument("record_id", metavar="ID")
    d.set_defaults(func=cmd_delete, kind=kind)
    return d


def cmd_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        store = getattr(vault, _STORES[args.kind])
        record_id = store.resolve(args.record_id)
        store.delete(record_id)
    sys.stdout.write(f"{record_id}\n")
    return 0


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "trash", "deleted records: list, restore, empty")
    sub = subcommands(p)
    ls = add_command(sub, "list", "what is in the trash, most recently deleted first")
    ls.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    ls.set_defaults(func=cmd_trash_list)
    r = add_command(sub, "restore", "bring a deleted record back with what went with it")
    r.add_argument("record_id", metavar="ID")
    r.set_defaults(func=cmd_trash_restore)
    e = add_command(sub, "empty", "delete everything in the trash (or one item) for good")
    e.add_argument("record_id", metavar="ID", nargs="?", help="only this item")
    e.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    e.set_defaults(func=cmd_trash_empty)


def cmd_trash_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        entries = vault.trash.list()
    if args.json:
        emit_json(
            [
                {
                    "id": e.record_id,
                    "kind": e.kind,
                    "case_id": e.case_id,
                    "label": e.label,
                    "deleted_at": format_timestamp(e.deleted_at),
                    "deleted_by": e.deleted_by,
                }
                for e in entries
            ]
        )
        return 0
    print_table(
        ["ID", "KIND", "DELETED", "BY", "WHAT"],
        [
            [
                short_id(e.record_id),
                e.kind,
                f"{e.deleted_at:%Y-%m-%d %H:%M}",
                e.deleted_by or "you",
                e.label,
            ]
            for e in entries
        ],
    )
    return 0


def cmd_trash_restore(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = vault.trash.restore(args.record_id)
    sys.stdout.write(f"Restored {report.kind} {short_id(report.record_id)}: {report.label}\n")
    for code, what in report.lost:
        sys.stdout.write(f"  not restored: {_LOST.get(code, code)} {what}\n")
    return 0


def cmd_trash_empty(args: argparse.Namespace) -> int:
    if not args.yes:
        raise InvalidInput(
            "Emptying the trash cannot be undone; add --yes to confirm",
            "yes",
            code="trash_empty_needs_yes",
        )
    with open_vault(args) as vault:
        removed = vault.trash.empty([args.record_id] if args.record_id else None)
    sys.stdout.write(f"Deleted for good: {removed} item(s)\n")
    return 0
