"""`satchel colleague`: add colleagues from their cards, verify fingerprints, rename, remove.

A colleague becomes *verified* only after the user confirms that the fingerprint shown here
was compared with the colleague's own (read aloud, in person or on a call). A card that
brings new keys for a known colleague is reported loudly and resets verification.
"""

from __future__ import annotations

import argparse
import sys

from satchel.bundle.colleagues import AddOutcome, add_colleague_from_card, colleague_identity
from satchel.bundle.colleagues import mark_verified as verify_colleague
from satchel.cli.common import (
    Subcommands,
    add_command,
    emit_json,
    open_vault,
    plain,
    print_table,
    read_text_arg,
    short_id,
    subcommands,
)
from satchel.crypto.fingerprint import format_fingerprint
from satchel.errors import InvalidInput
from satchel.userfiles import CARD_MAX_BYTES

__all__ = ["register"]


def register(subparsers: Subcommands) -> None:
    p = add_command(
        subparsers, "colleague", "trusted colleagues: add, list, verify, rename, remove"
    )
    sub = subcommands(p)

    a = add_command(sub, "add", "add a colleague from their card (file, '-' for stdin, or --text)")
    a.add_argument("file", metavar="FILE", nargs="?", help="a file holding the card, or '-'")
    a.add_argument("--text", help="the card text itself")
    a.add_argument("--name", help="your own name for this colleague (default: the card's)")
    a.set_defaults(func=cmd_add)

    ls = add_command(sub, "list", "list colleagues with their verification state")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_list)

    v = add_command(sub, "verify", "mark a colleague verified after comparing fingerprints")
    v.add_argument("colleague_id", metavar="ID")
    v.add_argument(
        "--yes",
        action="store_true",
        help="confirm without asking that you compared the fingerprint with the colleague",
    )
    v.set_defaults(func=cmd_verify)

    r = add_command(sub, "rename", "change the name you know a colleague by")
    r.add_argument("colleague_id", metavar="ID")
    r.add_argument("name")
    r.set_defaults(func=cmd_rename)

    rm = add_command(sub, "remove", "forget a colleague (bundles from them become 'unknown')")
    rm.add_argument("colleague_id", metavar="ID")
    rm.set_defaults(func=cmd_remove)


def cmd_add(args: argparse.Namespace) -> int:
    card = read_text_arg(args, args.text, args.file, limit=CARD_MAX_BYTES, what="card")
    with open_vault(args) as vault:
        result = add_colleague_from_card(vault, card, args.name)
        c = result.colleague
        fp = format_fingerprint(colleague_identity(c).fingerprint, per_line=4)
    out = sys.stdout
    if result.outcome is AddOutcome.ADDED:
        out.write(f"Added {plain(c.name)} ({short_id(c.id)}), not yet verified.\n")
    elif result.outcome is AddOutcome.ALREADY_KNOWN:
        out.write(f"{plain(c.name)} ({short_id(c.id)}) is already known with these keys.\n")
    else:
        sys.stderr.write(
            f"WARNING: the keys of {plain(c.name)} CHANGED. Bundles signed with the old keys\n"
            "and bundles from the new ones are different senders until you verify again.\n"
            f"Old fingerprint: {format_fingerprint(result.previous_fingerprint)}\n"
        )
        out.write(f"{plain(c.name)} ({short_id(c.id)}) now has new keys: verify again.\n")
    out.write(f"Fingerprint:\n{fp}\n")
    if result.outcome is not AddOutcome.ALREADY_KNOWN:
        out.write(
            "Compare it with your colleague (read aloud, in person or on a call), then run:\n"
            f"  satchel colleague verify {short_id(c.id)}\n"
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        colleagues = vault.colleagues.list()
    if args.json:
        emit_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "verification": c.verification.value,
                    "fingerprint": colleague_identity(c).fingerprint,
                    "age_recipient": c.age_recipient,
                    "signing_key": c.signing_key,
                    "previous_fingerprint": c.previous_fingerprint,
                }
                for c in colleagues
            ]
        )
        return 0
    if not colleagues:
        sys.stdout.write("No colleagues yet. Add one with: satchel colleague add CARDFILE\n")
        return 0
    print_table(
        ["ID", "STATE", "FINGERPRINT", "NAME"],
        [
            [
                short_id(c.id),
                c.verification.value,
                format_fingerprint(colleague_identity(c).fingerprint)[:23] + "…",
                c.name,
            ]
            for c in colleagues
        ],
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        c = vault.colleagues.get(args.colleague_id)
        fp = format_fingerprint(colleague_identity(c).fingerprint, per_line=4)
        sys.stdout.write(f"Fingerprint of {plain(c.name)}:\n{fp}\n")
        if not args.yes:
            if not sys.stdin.isatty():
                raise InvalidInput(
                    "Confirm with --yes that you compared the fingerprint with the colleague"
                )
            answer = input(
                f"Did {plain(c.name)} read you these same 60 digits (in person or on a call)? "
                "Type yes to mark them verified: "
            )
            if answer.strip().lower() != "yes":
                sys.stdout.write("Not verified; nothing was changed.\n")
                return 1
        verify_colleague(vault, c.id)
    sys.stdout.write(f"{plain(c.name)} is now verified.\n")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        c = vault.colleagues.update(vault.colleagues.resolve(args.colleague_id), name=args.name)
    sys.stdout.write(f"Renamed to {plain(c.name)}.\n")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        c = vault.colleagues.get(args.colleague_id)
        vault.colleagues.delete(c.id)
    sys.stdout.write(f"Removed {plain(c.name)}.\n")
    return 0
