"""`satchel lock`, `satchel duress set|clear|status`, `satchel wipe`: for moments of risk.

`lock` reaches every running client over its user-only control socket (`satchel.control`)
and needs no passphrase: locking must be possible from any terminal in one word. It says
what each client answered and never reports a lock it did not hear confirmed. `duress` and
`wipe` act on the vault files and need the real passphrase (or, for `wipe`, an explicit
confirmation), because both destroy or hide data.
"""

from __future__ import annotations

import argparse
import sys

from satchel.cli.common import (
    Subcommands,
    add_command,
    passphrases,
    subcommands,
    unlock_vault,
    vault_path,
)
from satchel.control import lock_all
from satchel.errors import InvalidInput, SatchelError, VaultNotFound

__all__ = ["register"]

_WIPE_WARNING = (
    "This destroys the vault at {path} for good: neither the passphrase nor the recovery code\n"
    "will open it again, and nobody can recover it. Destroying data can be treated as\n"
    "destruction of evidence; keep an encrypted bundle of important cases with a colleague.\n"
)


class NoRunningClient(SatchelError):
    exit_code = 1


class LockNotConfirmed(SatchelError):
    """A running client did not confirm the lock: it may still show the vault."""

    exit_code = 1


_SAID = {
    "locked": "locked",
    "already-locked": "already locked",
    "failed": "the lock FAILED; it may still be unlocked",
    "no-answer": "did NOT answer; it may still be unlocked",
}


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "lock", "lock every running Satchel window now")
    p.set_defaults(func=cmd_lock)

    p = add_command(subparsers, "duress", "a duress passphrase that opens a decoy vault")
    sub = subcommands(p)
    s = add_command(
        sub,
        "set",
        "set or replace the duress passphrase (asks for the real passphrase first)",
    )
    s.add_argument(
        "--mode",
        choices=("decoy", "wipe"),
        default="decoy",
        help="decoy: open a harmless decoy vault; wipe: destroy this vault, then open the decoy",
    )
    s.add_argument(
        "--decoy-language",
        choices=("en", "ru"),
        default="en",
        help="the language the decoy's matters are written in (default: en)",
    )
    s.add_argument(
        "--decoy-country",
        choices=("RU", "KZ", "KG", "UZ", "GE", "AM", "TR", "EU"),
        help="the country of practice the decoy's clients and offices come from "
        "(default: where most of this vault's cases are)",
    )
    s.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the duress passphrase from FILE ('-': the next line of standard input)",
    )
    s.set_defaults(func=cmd_duress_set)
    c = add_command(sub, "clear", "remove the duress passphrase and the decoy vault")
    c.set_defaults(func=cmd_duress_clear)
    st = add_command(sub, "status", "say whether a duress passphrase is set")
    st.set_defaults(func=cmd_duress_status)

    p = add_command(subparsers, "wipe", "crypto-erase the vault (panic wipe): cannot be undone")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_wipe)


def cmd_lock(args: argparse.Namespace) -> int:
    answers = lock_all()
    if not answers:
        raise NoRunningClient("No running Satchel window to lock (nothing is unlocked here)")
    for a in answers:
        sys.stdout.write(f"Satchel (process {a.process}): {_SAID[a.status]}.\n")
    unsure = [a for a in answers if a.status not in ("locked", "already-locked")]
    if unsure:
        names = ", ".join(a.process for a in unsure)
        raise LockNotConfirmed(
            f"Not confirmed locked: Satchel process {names}; lock it by hand or end it"
        )
    if all(a.status == "already-locked" for a in answers):
        sys.stdout.write("Nothing was unlocked.\n")
    else:
        sys.stdout.write("Locked.\n")
    return 0


def cmd_duress_set(args: argparse.Namespace) -> int:
    from satchel.core.duress import DuressMode
    from satchel.sample.decoy import DecoyProfile, set_duress

    source = passphrases(args)
    source.new_file = getattr(args, "new_passphrase_file", None)
    with unlock_vault(args, source, "Real passphrase: ") as (vault, current):
        duress = source.new("Duress passphrase: ")
        if duress == current:
            raise InvalidInput("The duress passphrase must differ from the real one")
        profile = DecoyProfile.guess(args.decoy_language, vault)
        if args.decoy_country:
            profile = DecoyProfile(args.decoy_language, args.decoy_country)
        set_duress(vault, current, duress, DuressMode(args.mode), profile)
    if args.mode == "wipe":
        sys.stdout.write(
            "Duress passphrase set. Entering it DESTROYS this vault and opens a decoy.\n"
        )
    else:
        sys.stdout.write("Duress passphrase set. Entering it opens a harmless decoy vault.\n")
    return 0


def cmd_duress_clear(args: argparse.Namespace) -> int:
    source = passphrases(args)
    with unlock_vault(args, source, "Real passphrase: ") as (vault, current):
        vault.clear_duress(current)
    sys.stdout.write("Duress passphrase removed.\n")
    return 0


def cmd_duress_status(args: argparse.Namespace) -> int:
    source = passphrases(args)
    with unlock_vault(args, source, "Real passphrase: ") as (vault, current):
        present = vault.has_duress(current)
    sys.stdout.write("A duress passphrase is set.\n" if present else "No duress passphrase.\n")
    return 0


def cmd_wipe(args: argparse.Namespace) -> int:
    from satchel.core.erase import wipe_vault
    from satchel.core.folder import KEYSLOTS_NAME

    path = vault_path(args)
    if not (path / KEYSLOTS_NAME).exists():
        raise VaultNotFound(f"No vault at {path}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise InvalidInput("Refusing to wipe without confirmation; add --yes in scripts")
        sys.stderr.write(_WIPE_WARNING.format(path=path))
        sys.stderr.write("Type WIPE to destroy it: ")
        sys.stderr.flush()
        if sys.stdin.readline().strip() != "WIPE":
            sys.stdout.write("Nothing was changed.\n")
            return 1
    # A client that has this vault open holds its key in memory: lock it first.
    lock_all()
    wipe_vault(path)
    sys.stdout.write("The vault was crypto-erased.\n")
    return 0
