"""Commands on the vault as a whole: init, passwd, recovery, demo, audit.

The recovery code is printed exactly once, when it is made (init, demo on a new vault,
recovery regenerate); nothing here ever prints or stores a passphrase.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from satchel.cli.common import (
    Subcommands,
    add_command,
    emit_json,
    open_vault,
    passphrases,
    plain,
    print_table,
    short_id,
    subcommands,
    unlock_vault,
    vault_path,
    whole_number,
)
from satchel.core.limits import MAX_LIST_LIMIT
from satchel.errors import InvalidInput

if TYPE_CHECKING:
    from satchel.core.model import AuditEntry
    from satchel.core.vault import Vault

__all__ = ["register"]

_RECOVERY_WARNING = (
    "Write this recovery code down on paper and keep it apart from the laptop. It opens the "
    "vault if the passphrase is forgotten, and it is shown only this once."
)


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "init", "create a new, empty vault")
    p.add_argument("--json", action="store_true", help="print the vault path and code as JSON")
    p.set_defaults(func=cmd_init)

    p = add_command(subparsers, "passwd", "change the vault passphrase")
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE ('-': the next line of standard input)",
    )
    p.set_defaults(func=cmd_passwd)

    p = add_command(subparsers, "recovery", "the recovery code")
    sub = subcommands(p)
    r = add_command(sub, "regenerate", "make a new recovery code; the old one stops working")
    r.add_argument("--json", action="store_true", help="print the code as JSON")
    r.set_defaults(func=cmd_recovery_regenerate)

    p = add_command(
        subparsers,
        "demo",
        "fill a vault (created if absent) with fictional demo cases",
    )
    p.add_argument(
        "--cases",
        type=whole_number(1, 10_000, "--cases"),
        default=12,
        metavar="N",
        help="cases (default 12)",
    )
    p.add_argument("--seed", type=int, default=7, metavar="S", help="random seed (default 7)")
    p.add_argument(
        "--people-per-case",
        type=whole_number(1, 100_000, "--people-per-case"),
        default=None,
        metavar="N",
        help="people per case besides the shared judges and interpreters (default varies)",
    )
    p.add_argument(
        "--events-per-case",
        type=whole_number(1, 100_000, "--events-per-case"),
        default=None,
        metavar="N",
        help="events per case (default varies, 8 to 16)",
    )
    p.set_defaults(func=cmd_demo)

    p = add_command(subparsers, "audit", "show the audit log, newest last")
    p.add_argument(
        "--limit",
        type=whole_number(1, MAX_LIST_LIMIT, "--limit"),
        default=50,
        metavar="N",
        help="last N entries (50)",
    )
    p.add_argument("--record", metavar="ID", help="only entries about this record id")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    p.set_defaults(func=cmd_audit)


def _show_recovery_code(code: str, as_json: bool, extra: dict[str, Any]) -> None:
    if as_json:
        emit_json({**extra, "recovery_code": code})
        return
    out = sys.stdout
    out.write(f"\nRecovery code:\n\n    {code}\n\n")
    out.write(_RECOVERY_WARNING + "\n")


def cmd_init(args: argparse.Namespace) -> int:
    from satchel.core.vault import Vault

    path = vault_path(args)
    secret = passphrases(args).new("Passphrase for the new vault: ", first=True)
    vault, code = Vault.create(path, secret, kdf_params=args.kdf_params)
    vault.close()
    if not args.json:
        sys.stdout.write(f"Created a vault at {path}\n")
    _show_recovery_code(code, args.json, {"vault": str(path)})
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    source = passphrases(args)
    with unlock_vault(args, source, "Current passphrase: ") as (vault, current):
        new = source.new()
        if new == current:
            raise InvalidInput("The new passphrase is the same as the current one")
        vault.change_passphrase(current, new)
    sys.stdout.write("Passphrase changed. The recovery code still works.\n")
    return 0


def cmd_recovery_regenerate(args: argparse.Namespace) -> int:
    source = passphrases(args)
    with unlock_vault(args, source, "Current passphrase: ") as (vault, current):
        code = vault.regenerate_recovery_code(current)
    if not args.json:
        sys.stdout.write("The old recovery code no longer opens the vault.\n")
    _show_recovery_code(code, args.json, {})
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from satchel.core.erase import wipe_vault
    from satchel.core.folder import KEYSLOTS_NAME
    from satchel.core.vault import Vault
    from satchel.sample.demo import fill_demo

    path = vault_path(args)
    progress = _progress_printer() if sys.stderr.isatty() else None
    fill_args: dict[str, Any] = {"cases": args.cases, "seed": args.seed, "progress": progress}
    if args.people_per_case is not None:
        fill_args["people_per_case"] = args.people_per_case
    if args.events_per_case is not None:
        fill_args["events_per_case"] = args.events_per_case

    if (path / KEYSLOTS_NAME).exists():
        with open_vault(args) as vault:
            counts = fill_demo(vault, **fill_args)
        code = None
    else:
        secret = passphrases(args).new("Passphrase for the demo vault: ", first=True)
        vault, code = Vault.create(path, secret, kdf_params=args.kdf_params)
        try:
            counts = fill_demo(vault, **fill_args)
        except BaseException:
            vault.close()
            # Leave no empty vault behind: `make demo` skips creating one that exists.
            wipe_vault(path)
            raise
        vault.close()
    if progress is not None:
        sys.stderr.write("\n")
    made = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    sys.stdout.write(f"Demo vault at {path}: {made}\n")
    if code is not None:
        _show_recovery_code(code, False, {})
    return 0


def _progress_printer() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\rCreating demo cases: {done}/{total}")
        sys.stderr.flush()

    return show


def cmd_audit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        record_id = None
        if args.record:
            record_id = _resolve_any(vault, args.record)
        # The last N lines, printed oldest first like a log file.
        entries = vault.audit.list(limit=args.limit, record_id=record_id)[::-1]
    if args.json:
        emit_json([audit_dict(e) for e in entries])
        return 0
    print_table(
        ["#", "WHEN (UTC)", "WHO", "ACTION", "KIND", "ID", "SUMMARY"],
        [
            [
                str(e.seq),
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                plain(e.actor) or "you",
                e.action,
                e.record_kind,
                short_id(e.record_id),
                plain(e.summary),
            ]
            for e in entries
        ],
    )
    return 0


def audit_dict(entry: AuditEntry) -> dict[str, Any]:
    """The JSON shape of one audit line (docs/cli.md)."""
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "action": entry.action,
        "record_kind": entry.record_kind,
        "record_id": entry.record_id,
        "summary": entry.summary,
        "actor": entry.actor,
        "case_id": entry.case_id,
    }


def _resolve_any(vault: Vault, text: str) -> str:
    """The full id of whatever record `text` names (audit lines are about any kind)."""
    from satchel.errors import NotFound

    found: list[str] = []
    for store in (vault.cases, vault.people, vault.roles, vault.events, vault.notes,
                  vault.documents):  # fmt: skip
        try:
            found.append(store.resolve(text))
        except NotFound:
            continue
    if not found:
        raise NotFound(f"No record with id {text}")
    if len(set(found)) > 1:
        raise InvalidInput(f"The id prefix {text} names more than one record; type more of it")
    return found[0]
