"""`satchel share` and `satchel exchange`: cases shared as a standing arrangement, and the
exchange folder a sync engine keeps in common with colleagues.

`share add CASE COLLEAGUE` shares a case with a verified colleague; `share send` writes a
bundle of what changed since they last had it (`--full` for everything), `share list`
shows who a case is shared with and when each was last sent and received. `exchange folder`
points the vault at a folder (Syncthing, Nextcloud, a network share, a USB stick);
`exchange sync` makes one pass (send what changed, take in what settled, clean up);
`exchange list|import|dismiss` handle the bundles that wait in Imports. Nothing here opens
a socket or writes plaintext to disk.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from satchel.bundle import exchange
from satchel.bundle.export import default_bundle_name
from satchel.bundle.shares import resend_in_full, send_shared, share_case, shares_of, unshare
from satchel.cli.common import (
    Subcommands,
    add_command,
    emit_json,
    field_lines,
    open_vault,
    plain,
    print_table,
    short_id,
    subcommands,
)
from satchel.core.exchange_files import FileState
from satchel.crypto.fingerprint import format_fingerprint

__all__ = ["register"]


def register(subparsers: Subcommands) -> None:
    p = add_command(
        subparsers,
        "share",
        "cases shared with colleagues: each bundle carries what changed since the last",
    )
    sub = subcommands(p)
    a = add_command(sub, "add", "share a case with a verified colleague")
    a.add_argument("case", metavar="CASE")
    a.add_argument("colleague", metavar="COLLEAGUE", help="a colleague's id or name")
    a.set_defaults(func=cmd_share_add)
    ls = add_command(sub, "list", "who each case is shared with, last sent and received")
    ls.add_argument("case", metavar="CASE", nargs="?")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_share_list)
    r = add_command(sub, "remove", "stop sharing (the colleague keeps what they have)")
    r.add_argument("share_id", metavar="SHARE")
    r.set_defaults(func=cmd_share_remove)
    f = add_command(sub, "resend", "send the whole case again with the next bundle (a lost one)")
    f.add_argument("share_id", metavar="SHARE")
    f.set_defaults(func=cmd_share_resend)
    s = add_command(sub, "send", "write a bundle of what changed since the colleague last had it")
    s.add_argument(
        "--case", action="append", required=True, metavar="ID", help="a shared case (repeat)"
    )
    s.add_argument(
        "--to",
        action="append",
        required=True,
        metavar="COLLEAGUE",
        help="a colleague it is shared with (repeat)",
    )
    s.add_argument("--full", action="store_true", help="everything, not only the changes")
    s.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (default: satchel-DATE-xxx.satchel)"
    )
    s.set_defaults(func=cmd_share_send)

    e = add_command(subparsers, "exchange", "the exchange folder a sync engine keeps in common")
    esub = subcommands(e)
    f = add_command(esub, "folder", "show or set the exchange folder and its options")
    f.add_argument("path", metavar="PATH", nargs="?", help="the folder ('' for none)")
    f.add_argument(
        "--auto-import",
        choices=("on", "off"),
        help="import verified colleagues' bundles without conflicts by themselves",
    )
    f.add_argument(
        "--keep-days",
        type=int,
        metavar="N",
        help="remove this vault's outgoing bundles after N days (default 14)",
    )
    f.set_defaults(func=cmd_exchange_folder)
    y = add_command(esub, "sync", "one pass: send what changed, take in what arrived")
    y.add_argument(
        "--settle",
        type=float,
        default=exchange.SETTLE_SECONDS,
        metavar="SECONDS",
        help="how long a file must stay unchanged before it is read (default 3)",
    )
    y.set_defaults(func=cmd_exchange_sync)
    w = add_command(esub, "list", "bundles waiting in Imports")
    w.add_argument("--json", action="store_true", help="print JSON")
    w.set_defaults(func=cmd_exchange_list)
    i = add_command(esub, "import", "import a waiting bundle")
    i.add_argument("name", metavar="FILE", help="its name in the exchange folder")
    i.add_argument(
        "--trust-unknown",
        action="store_true",
        help="accept a sender who is not a verified colleague (you have checked "
        "the fingerprint shown by list another way)",
    )
    i.set_defaults(func=cmd_exchange_import)
    d = add_command(esub, "dismiss", "remove a waiting bundle without importing it")
    d.add_argument("name", metavar="FILE")
    d.set_defaults(func=cmd_exchange_dismiss)


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at is not None else "never"


# -- share ----------------------------------------------------------------------------------


def cmd_share_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        share, new = share_case(vault, args.case, args.colleague)
        name = vault.colleagues.get(share.colleague_id).name
    if new:
        sys.stdout.write(
            f"Shared case {short_id(share.case_id)} with {plain(name)} (share "
            f"{short_id(share.id)}). The next bundle carries everything; later ones what "
            "changed.\n"
        )
    else:
        sys.stdout.write(f"Case {short_id(share.case_id)} is already shared with {plain(name)}.\n")
    return 0


def cmd_share_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        views = shares_of(vault, args.case)
    if args.json:
        emit_json(
            [
                {
                    "id": v.share.id,
                    "case_id": v.share.case_id,
                    "case_title": v.case_title,
                    "colleague_id": v.colleague.id,
                    "colleague": v.colleague.name,
                    "verification": v.colleague.verification.value,
                    "shared_at": v.share.created_at.isoformat(),
                    "last_sent_at": v.share.last_sent_at.isoformat()
                    if v.share.last_sent_at
                    else None,
                    "last_received_at": v.share.last_received_at.isoformat()
                    if v.share.last_received_at
                    else None,
                }
                for v in views
            ]
        )
        return 0
    if not views:
        sys.stdout.write("Not shared with anyone.\n")
        return 0
    print_table(
        ["SHARE", "CASE", "TITLE", "WITH", "LAST SENT", "LAST RECEIVED"],
        [
            [
                short_id(v.share.id),
                short_id(v.share.case_id),
                plain(v.case_title or "(deleted)"),
                plain(v.colleague.name),
                _when(v.share.last_sent_at),
                _when(v.share.last_received_at),
            ]
            for v in views
        ],
    )
    return 0


def cmd_share_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        unshare(vault, args.share_id)
    sys.stdout.write("No longer shared; the colleague keeps what they have.\n")
    return 0


def cmd_share_resend(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        resend_in_full(vault, args.share_id)
    sys.stdout.write("The next bundle of this share carries the whole case.\n")
    return 0


def cmd_share_send(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        path = Path(args.output) if args.output else Path.cwd() / default_bundle_name()
        result = send_shared(vault, args.case, args.to, path, full=args.full)
    if result is None:
        sys.stdout.write("Nothing changed since the last bundle; nothing was written.\n")
        return 0
    counts = ", ".join(f"{n} {k}" for k, n in result.plan.counts.items() if n)
    sys.stdout.write(f"Wrote {result.path} ({counts or 'nothing new'}).\n")
    return 0


# -- exchange -------------------------------------------------------------------------------


def cmd_exchange_folder(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        with vault.transaction():
            if args.path is not None:
                exchange.set_exchange_folder(vault, args.path or None)
            if args.auto_import is not None:
                exchange.set_auto_import(vault, args.auto_import == "on")
            if args.keep_days is not None:
                exchange.set_keep_days(vault, args.keep_days)
        settings = exchange.exchange_settings(vault)
    field_lines(
        [
            ("Folder", str(settings.folder) if settings.folder else "none"),
            (
                "Automatic import",
                "on (verified colleagues, no conflicts)"
                if settings.auto_import
                else "off (bundles wait in Imports)",
            ),
            ("Outgoing kept", f"{settings.keep_days} day(s)"),
        ]
    )
    return 0


def cmd_exchange_sync(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = exchange.sync_once(vault, max(0.0, args.settle))
        titles = {s.share.id: (s.case_title, s.colleague.name) for s in shares_of(vault)}
    for share, name in report.sent:
        title, who = titles.get(share.id, ("", ""))
        sys.stdout.write(f"Sent {short_id(share.case_id)} {plain(title)} to {plain(who)}: {name}\n")
    for share, why in report.not_sent:
        title, who = titles.get(share.id, ("", ""))
        reason = {
            "colleague_not_verified": "their key is not verified",
            "case_gone": "the case is gone",
        }.get(why, why)
        sys.stderr.write(f"Not sent to {plain(who)} ({short_id(share.case_id)}): {reason}\n")
    for name, result in report.imported:
        sys.stdout.write(
            f"Imported {name}: {result.added} new, {result.updated} changed, {result.deleted} "
            f"moved to the trash, {result.unchanged} unchanged.\n"
        )
    for row in report.waiting:
        sys.stdout.write(
            f"Waiting in Imports: {row.name} from {plain(row.sender_name)} "
            f"({_why(row.state, row.detail)})\n"
        )
    for row in report.rejected:
        sys.stderr.write(f"Rejected {row.name}: {row.detail}\n")
    if report.removed:
        sys.stdout.write(f"Removed {report.removed} outgoing bundle(s) past their days.\n")
    if report.unsettled:
        sys.stdout.write(f"{report.unsettled} file(s) still being written; next pass.\n")
    if not (report.sent or report.imported or report.waiting or report.rejected):
        sys.stdout.write("Nothing to send or take in.\n")
    return 0


def _why(state: FileState, detail: str) -> str:
    if state is FileState.NEEDS_CONSENT:
        return {
            "unverified": "a colleague whose fingerprint you have not verified",
            "key_changed": "a colleague whose key changed",
            "unknown": "an unknown sender",
            "verified": "not signed for you",
        }.get(detail, detail)
    if state is FileState.REJECTED:
        return f"rejected: {detail}"
    if detail == "travel":
        return "it brings a case that is not on this computer (travel mode)"
    return "it holds conflicts" if detail == "conflicts" else "automatic import is off"


def cmd_exchange_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        rows = exchange.waiting(vault)
    if args.json:
        emit_json(
            [
                {
                    "name": r.name,
                    "state": r.state.value,
                    "detail": r.detail,
                    "sender": r.sender_name,
                    "sender_fingerprint": r.sender_fingerprint,
                    "cases": list(r.cases),
                    "size": r.size,
                    "seen_at": r.seen_at.isoformat(),
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        sys.stdout.write("Nothing waits in Imports.\n")
        return 0
    for r in rows:
        field_lines(
            [
                ("File", r.name),
                ("From", plain(r.sender_name) or "?"),
                (
                    "Fingerprint",
                    format_fingerprint(r.sender_fingerprint, per_line=4)
                    if r.sender_fingerprint
                    else "?",
                ),
                ("Cases", ", ".join(short_id(c) for c in r.cases) or "?"),
                ("Waits because", _why(r.state, r.detail)),
            ]
        )
        sys.stdout.write("\n")
    return 0


def cmd_exchange_import(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        result = exchange.import_waiting(vault, args.name, consent=args.trust_unknown)
    sys.stdout.write(
        f"Imported: {result.added} new, {result.updated} changed, {result.deleted} moved to "
        f"the trash, {result.conflicts} conflict(s) kept for review, {result.unchanged} "
        "unchanged.\n"
    )
    return 0


def cmd_exchange_dismiss(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        exchange.dismiss(vault, args.name)
    sys.stdout.write(f"Removed {args.name} without importing it.\n")
    return 0
