"""`satchel travel start|status|restore`: leave cases behind for a border crossing.

`start` writes every case not carried into one bundle to this vault's own identity (and a
verified colleague with --to), proves it restores, then removes those cases from the vault
without a trace and rewrites it under a new master key: it prints the NEW recovery code once
(the old one opens nothing any more). `status` says whether a trip is on and since when, and
nothing else. `restore FILE` brings the cases back and ends the trip.
"""

from __future__ import annotations

import argparse
import sys

from satchel.cli.common import (
    PassphraseSource,
    Subcommands,
    add_command,
    emit_json,
    passphrases,
    subcommands,
    unlock_vault,
)

__all__ = ["register"]

_WHERE_WARNING = (
    "Do not carry this bundle on the same laptop: it opens with this vault's passphrase, the "
    "one a border official may make you give. Send it to a colleague (--to), put it in the "
    "exchange folder, or leave it on a drive that stays behind; then delete it from this "
    "machine."
)

_RECOVERY_WARNING = (
    "The vault was rewritten under a new key: the OLD recovery code no longer opens it. Write "
    "this new code down on paper and keep it apart from the laptop; it is shown only this once."
)


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "travel", "travel mode: leave cases behind for a border crossing")
    sub = subcommands(p)
    s = add_command(
        sub,
        "start",
        "write every case not carried to a bundle, prove it restores, remove them from the vault",
    )
    s.add_argument(
        "--carry",
        nargs="*",
        default=[],
        metavar="CASE_ID",
        help="the cases that stay in the vault (none: leave every case behind)",
    )
    s.add_argument("--out", required=True, metavar="FILE", help="the bundle to write (new file)")
    s.add_argument(
        "--to",
        metavar="COLLEAGUE_ID",
        help="also encrypt the bundle to this verified colleague",
    )
    s.add_argument(
        "--duress-passphrase-file",
        metavar="FILE",
        help="the duress passphrase, if one is set, so that it keeps opening the decoy "
        "('-': the next line of standard input)",
    )
    s.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    s.set_defaults(func=cmd_travel_start)

    st = add_command(sub, "status", "say whether a trip is on and since when")
    st.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    st.set_defaults(func=cmd_travel_status)

    r = add_command(sub, "restore", "bring the cases left behind back from the trip's bundle")
    r.add_argument("file", metavar="FILE", help="the bundle `travel start` wrote")
    r.set_defaults(func=cmd_travel_restore)


def _duress(source: PassphraseSource, args: argparse.Namespace) -> str | None:
    name = getattr(args, "duress_passphrase_file", None)
    if name is None:
        return None
    extra = PassphraseSource(file=name)
    if name == "-" and source.file == "-":
        return source.new("Duress passphrase: ")  # the next line of the same stdin
    return extra.current("Duress passphrase: ")


def cmd_travel_start(args: argparse.Namespace) -> int:
    from satchel.bundle.travel import start_travel

    source = passphrases(args)
    with unlock_vault(args, source) as (vault, current):
        duress = _duress(source, args)
        result = start_travel(
            vault,
            current,
            args.carry,
            args.out,
            colleague_id=args.to,
            duress_passphrase=duress,
        )
    left = ", ".join(f"{n} {kind}" for kind, n in result.counts.items())
    if args.json:
        emit_json(
            {
                "bundle": str(result.bundle),
                "left": result.counts,
                "recovery_code": result.recovery_code,
            }
        )
        return 0
    out = sys.stdout
    if result.bundle is None:
        out.write(
            "The interrupted start of this trip is finished: the vault is rewritten under a "
            "new key. The cases left behind are in the bundle written then.\n"
        )
    else:
        out.write(
            f"Left behind ({left}) in {result.bundle}; it was read back and restores whole.\n"
            "They are gone from this vault, with no trace of them left in it.\n\n"
        )
        out.write(_WHERE_WARNING + "\n")
    out.write(f"\nNew recovery code:\n\n    {result.recovery_code}\n\n")
    out.write(_RECOVERY_WARNING + "\n")
    return 0


def cmd_travel_status(args: argparse.Namespace) -> int:
    from satchel.bundle.travel import rewrite_pending, travel_since

    with unlock_vault(args, passphrases(args)) as (vault, _current):
        since = travel_since(vault)
        pending = rewrite_pending(vault)
    if pending:
        sys.stderr.write(
            "The start of this trip was interrupted before the vault was rewritten under a new "
            "key: run `satchel travel start --out FILE` again to finish it.\n"
        )
    if args.json:
        emit_json({"travelling": since is not None, "since": since.isoformat() if since else None})
    elif since is None:
        sys.stdout.write("No trip is on.\n")
    else:
        sys.stdout.write(
            f"A trip is on since {since.isoformat()}: cases were left behind in a travel "
            "bundle. Bring them back with: satchel travel restore FILE\n"
        )
    return 0


def cmd_travel_restore(args: argparse.Namespace) -> int:
    from satchel.bundle.travel import restore_travel

    with unlock_vault(args, passphrases(args)) as (vault, _current):
        result = restore_travel(vault, args.file)
    sys.stdout.write(
        f"Restored: {result.added} new, {result.updated} changed, {result.conflicts} "
        f"conflicts to review, {result.unchanged} unchanged. The trip is over.\n"
    )
    return 0
