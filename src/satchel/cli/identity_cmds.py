"""`satchel identity`: this vault's card, fingerprint, display name and (rarely) age key.

The card and fingerprint are public. `export-age-key` prints the one secret this module
ever shows - the X25519 key that opens every bundle sent to this vault - with a warning on
stderr, for the rare case where a bundle must be opened with the standard `age` tool. It
never writes that key to a file itself.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from satchel.cli.common import (
    Subcommands,
    add_command,
    atomic_output,
    field_lines,
    open_vault,
    subcommands,
)
from satchel.crypto.fingerprint import format_fingerprint
from satchel.errors import InvalidInput

__all__ = ["register", "write_qr"]


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "identity", "this vault's identity: card, fingerprint, keys")
    sub = subcommands(p)

    s = add_command(sub, "show", "show the display name, fingerprint and public keys")
    s.set_defaults(func=cmd_show)

    c = add_command(sub, "card", "print the card to give colleagues (optionally as a QR code)")
    c.add_argument("--qr", metavar="FILE", help="also write the card as a QR code (.png or .svg)")
    c.add_argument("--force", action="store_true", help="replace the QR file if it exists")
    c.set_defaults(func=cmd_card)

    r = add_command(sub, "rename", "change the display name on the card (keys stay)")
    r.add_argument("name")
    r.set_defaults(func=cmd_rename)

    e = add_command(
        sub,
        "export-age-key",
        "print the secret age key (AGE-SECRET-KEY-1...) to open bundles with the age tool",
    )
    e.set_defaults(func=cmd_export_age_key)


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        pub = vault.identities.get().public()
        field_lines(
            [
                ("Name", pub.name),
                ("Fingerprint", format_fingerprint(pub.fingerprint, per_line=4)),
                ("age recipient", pub.age_recipient),
                ("Ed25519 key", pub.signing_key),
            ]
        )
    return 0


def write_qr(text: str, dest: Path, *, force: bool) -> None:
    """Write `text` as a QR code, PNG or SVG by the file's suffix, atomically."""
    import segno

    kind = dest.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise InvalidInput("The QR file must end in .png or .svg", "qr")
    qr = segno.make(text, error="m", micro=False)
    with atomic_output(dest, force=force) as out:
        qr.save(out, kind=kind, scale=6, border=4)


def cmd_card(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        card = vault.identities.get().public().card()
    sys.stdout.write(card)
    if args.qr:
        write_qr(card, Path(args.qr), force=args.force)
        sys.stderr.write(f"QR code written to {args.qr}\n")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        pub = vault.identities.rename(args.name).public()
    sys.stdout.write(f"Your card now carries the name {pub.name}; send it to colleagues again.\n")
    return 0


_WARNING = """\
WARNING: this is the SECRET key of this vault's identity.
Anyone who gets it can open every bundle ever sent to you, and nothing can revoke it.
Use it only to open a bundle with the standard age tool (age -d -i KEYFILE), on a machine
you trust; do not e-mail it, do not keep it in a file longer than needed, wipe it after.
"""


def cmd_export_age_key(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        store = vault.identities
        secret = store.get().age_secret_key()
        store.note_key_export()
    sys.stderr.write(_WARNING)
    sys.stdout.write(secret + "\n")
    return 0
