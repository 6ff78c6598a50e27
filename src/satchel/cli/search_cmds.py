"""The search command: one query over cases, people, events, notes and document names.

Names match across scripts and transliterations (docs/search.md): `Yemelyanova`,
`Emelianova` and `Емельянова` find the same person. A word typed is also a prefix, so a
few letters are enough.
"""

from __future__ import annotations

import argparse
import sys

from satchel.cli.common import (
    Subcommands,
    add_command,
    emit_json,
    open_vault,
    plain,
    short_id,
    whole_number,
)
from satchel.core.limits import MAX_LIST_LIMIT
from satchel.errors import InvalidInput

__all__ = ["register"]


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "search", "search the whole vault (any script, any spelling)")
    p.add_argument("query", nargs="+", help="words to find; each may be the start of a word")
    p.add_argument(
        "--limit",
        type=whole_number(1, MAX_LIST_LIMIT, "--limit"),
        default=20,
        metavar="N",
        help="at most N hits (20)",
    )
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    if not query:
        raise InvalidInput("Nothing to search for")
    with open_vault(args) as vault:
        hits = vault.search.search(query, limit=args.limit)
    if args.json:
        emit_json(
            [
                {
                    "kind": h.kind,
                    "record_id": h.record_id,
                    "case_id": h.case_id,
                    "title": h.title,
                    "snippet": h.snippet,
                    "rank": h.rank,
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        sys.stderr.write("No matches.\n")
        return 0
    for h in hits:
        sys.stdout.write(f"{h.kind:<9} {short_id(h.record_id)}  {plain(h.title)}\n")
        if h.snippet and h.snippet != h.title:
            snippet = " ".join(plain(h.snippet).split())
            sys.stdout.write(f"{'':<19}{snippet}\n")
    return 0
