"""`satchel bundle` and `satchel conflict`: hand cases to colleagues and take them in.

Export writes an encrypted, signed `.satchel` file atomically (nothing is left behind on
error or Ctrl+C) under a name that carries no case data. Inspect and import verify the whole
bundle before anything is written and show the sender plainly; an unknown or unverified
sender, or a bundle that was not addressed to this vault, needs explicit consent
(--trust-unknown, or typing yes at the prompt). Conflicts kept by an import are listed,
shown side by side and resolved here. Nothing here writes plaintext to disk.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satchel.bundle.export import export_bundle, generate_passphrase
from satchel.bundle.format import agefile
from satchel.bundle.format.reader import Manifest
from satchel.bundle.merge import ImportPreview, apply_import, plan_import, record_stores
from satchel.bundle.shares import find_colleague, note_received
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
from satchel.core.conflicts import Resolution
from satchel.core.model import Verification
from satchel.core.units import format_size
from satchel.crypto.fingerprint import format_fingerprint
from satchel.errors import FileProblem, InvalidInput
from satchel.userfiles import PASSPHRASE_FILE_MAX_BYTES, open_regular, read_text_file

if TYPE_CHECKING:
    pass

__all__ = ["register"]


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "bundle", "encrypted, signed bundles: export, inspect, import")
    sub = subcommands(p)

    e = add_command(sub, "export", "write chosen cases to a .satchel bundle")
    e.add_argument("--case", action="append", required=True, metavar="ID", help="a case (repeat)")
    who = e.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--to", action="append", metavar="COLLEAGUE", help="a colleague's id or name (repeat)"
    )
    who.add_argument(
        "--passphrase",
        action="store_true",
        help="encrypt to a generated one-time passphrase instead (for someone without Satchel)",
    )
    e.add_argument("--no-documents", action="store_true", help="leave documents out")
    e.add_argument("--no-notes", action="store_true", help="leave notes out")
    e.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (default: satchel-DATE-xxx.satchel)"
    )
    e.set_defaults(func=cmd_export)

    for name, help_text, func in (
        ("inspect", "verify a bundle and show its sender, recipients and contents", cmd_inspect),
        ("import", "verify, preview and import a bundle in one transaction", cmd_import),
    ):
        c = add_command(sub, name, help_text)
        c.add_argument("file", metavar="FILE")
        c.add_argument(
            "--bundle-passphrase-file",
            metavar="FILE",
            help="for a passphrase bundle: read its passphrase from FILE instead of asking",
        )
        c.set_defaults(func=func)
        if name == "import":
            c.add_argument("--yes", action="store_true", help="import without asking to confirm")
            c.add_argument(
                "--trust-unknown",
                action="store_true",
                help="accept a sender who is unknown or unverified, or a bundle not addressed "
                "to you (you have checked the fingerprint shown by inspect another way)",
            )

    c = add_command(subparsers, "conflict", "records changed on both sides by an import")
    csub = subcommands(c)
    ls = add_command(csub, "list", "list conflicts waiting for review")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_conflict_list)
    sh = add_command(csub, "show", "show the local and incoming versions side by side")
    sh.add_argument("conflict_id", metavar="ID")
    sh.set_defaults(func=cmd_conflict_show)
    r = add_command(csub, "resolve", "keep the local version, take the incoming one, or merge")
    r.add_argument("conflict_id", metavar="ID")
    how = r.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep-local", action="store_true", help="keep this vault's version")
    how.add_argument("--take-incoming", action="store_true", help="take the incoming version")
    how.add_argument(
        "--take",
        action="append",
        metavar="FIELD",
        help="merge: take FIELD from the incoming version, keep the rest (repeat)",
    )
    r.set_defaults(func=cmd_conflict_resolve)


# -- helpers -----------------------------------------------------------------------------------


def _progress(label: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = min(100, done * 100 // total) if total else 0
        if pct != last[0]:
            last[0] = pct
            sys.stderr.write(f"\r{label} {pct:3d}%")
            if pct == 100:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


def _bundle_passphrase(args: argparse.Namespace) -> str | None:
    """The bundle's passphrase when it is a passphrase bundle, else None."""
    path = Path(args.file)
    try:
        with open_regular(path) as fh:
            kind = agefile.sniff(fh)
    except OSError as exc:
        raise FileProblem(f"Cannot read {path}: {exc.strerror}") from None
    if kind != "scrypt":
        return None
    if args.bundle_passphrase_file:
        text = read_text_file(
            args.bundle_passphrase_file, PASSPHRASE_FILE_MAX_BYTES, "bundle passphrase file"
        )
        return text.split("\n", 1)[0].rstrip("\r")
    if not sys.stdin.isatty():
        raise InvalidInput(
            "This bundle is locked with a passphrase: give it with --bundle-passphrase-file"
        )
    return getpass.getpass("Bundle passphrase: ")


def _describe(preview: ImportPreview, me: str) -> None:
    m: Manifest = preview.manifest
    out = sys.stdout
    if m.mode == "passphrase":
        recipients = "anyone with the one-time passphrase"
    else:
        recipients = ", ".join(
            plain(r.name) + (" (you)" if r.fingerprint == me else "") for r in m.recipients
        )
    field_lines(
        [
            ("Sender", f"{plain(m.sender.name)}: {preview.sender.describe()}"),
            ("Fingerprint", format_fingerprint(m.sender.fingerprint, per_line=4)),
            ("Signed for", recipients),
            ("Created", f"{m.created_at:%Y-%m-%d %H:%M} UTC (the sender's clock)"),
            ("Cases", ", ".join(short_id(c) for c in m.cases)),
            ("Contents", ", ".join(f"{n} {k}" for k, n in m.counts.items() if n) or "nothing"),
            (
                "Documents",
                f"{len(m.members) - 1} file(s), {format_size(m.document_bytes)}"
                if m.documents
                else "left out by the sender",
            ),
            ("Notes", "included" if m.notes else "left out by the sender"),
        ]
    )
    out.write("\nIf imported:\n")
    for label, refs in (
        ("new", preview.new),
        ("changed", preview.changed),
        ("deleted", preview.deleted),
        ("conflicts", preview.conflicts),
    ):
        out.write(f"  {len(refs):6d} {label}\n")
        for ref in refs[:20] if label != "new" else ():
            out.write(f"         {ref.kind} {short_id(ref.id)} {plain(ref.label)}\n")
    out.write(f"  {len(preview.unchanged):6d} unchanged (already here, or older than yours)\n")
    for warning in preview.warnings():
        sys.stderr.write(f"WARNING: {plain(warning)}\n")


# -- bundle -----------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    passphrase = generate_passphrase() if args.passphrase else None
    with open_vault(args) as vault:
        to = [find_colleague(vault, key) for key in args.to or ()]
        unverified = [c for c in to if c.verification is not Verification.VERIFIED]
        result = export_bundle(
            vault,
            args.case,
            Path(args.output) if args.output else None,
            to=to,
            passphrase=passphrase,
            documents=not args.no_documents,
            notes=not args.no_notes,
            progress=_progress("Writing"),
        )
    counts = ", ".join(f"{n} {k}" for k, n in result.plan.counts.items() if n)
    sys.stdout.write(f"Wrote {result.path} ({counts}).\n")
    for c in unverified:
        sys.stderr.write(
            f"Note: you have not verified {plain(c.name)}'s fingerprint; if their card was "
            "forged, someone else can read this bundle.\n"
        )
    if passphrase is not None:
        sys.stdout.write(
            f"One-time passphrase: {passphrase}\n"
            "Give it to the recipient by another channel than the file (a call, in person);\n"
            "it is shown only now. They can open the bundle with Satchel or `age -d`.\n"
        )
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    passphrase = _bundle_passphrase(args)
    with open_vault(args) as vault:
        # Inspecting says the bundle is intact, so it checks the document bodies too (an
        # import's preview leaves them to the import, which checks them as it writes).
        preview = plan_import(
            vault, args.file, passphrase=passphrase, progress=_progress("Verifying"), files=True
        )
        own = vault.identities.find()
        me = own.public().fingerprint if own is not None else ""
        sys.stdout.write("The bundle is intact and its signature is valid.\n")
        _describe(preview, me)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    passphrase = _bundle_passphrase(args)
    with open_vault(args) as vault:
        preview = plan_import(
            vault, args.file, passphrase=passphrase, progress=_progress("Verifying")
        )
        own = vault.identities.find()
        me = own.public().fingerprint if own is not None else ""
        _describe(preview, me)
        if preview.is_noop:
            sys.stdout.write("Nothing to import: this vault already has all of it.\n")
            return 0
        consent = args.trust_unknown
        if preview.needs_consent and not consent:
            if args.yes or not sys.stdin.isatty():
                raise InvalidInput(
                    "The sender is not a verified colleague or the bundle was not sent to you; "
                    "check the fingerprint above, then add --trust-unknown. Nothing was changed."
                )
            answer = input("Import from this sender anyway? Type yes to accept: ")
            consent = answer.strip().lower() == "yes"
            if not consent:
                sys.stdout.write("Not imported; nothing was changed.\n")
                return 1
        if not args.yes:
            if not sys.stdin.isatty():
                raise InvalidInput("Confirm the import with --yes. Nothing was changed.")
            if input("Import now? [y/N] ").strip().lower() not in ("y", "yes"):
                sys.stdout.write("Not imported; nothing was changed.\n")
                return 1
        result = apply_import(vault, preview, consent=consent, progress=_progress("Importing"))
        note_received(vault, preview)  # a shared case: the sender has what they sent
    sys.stdout.write(
        f"Imported: {result.added} new, {result.updated} changed, {result.deleted} moved to "
        f"the trash, {result.conflicts} conflict(s) kept for review, {result.unchanged} "
        "unchanged.\n"
    )
    if result.conflicts:
        sys.stdout.write("Review them with: satchel conflict list\n")
    return 0


# -- conflicts --------------------------------------------------------------------------------


def cmd_conflict_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        conflicts = vault.conflicts.list()
    if args.json:
        emit_json(
            [
                {
                    "id": c.id,
                    "kind": c.kind,
                    "record_id": c.record_id,
                    "sender": c.sender_name,
                    "sender_fingerprint": c.sender_fingerprint,
                    "received_at": c.received_at.isoformat(),
                    "incoming": c.incoming,
                }
                for c in conflicts
            ]
        )
        return 0
    if not conflicts:
        sys.stdout.write("No conflicts.\n")
        return 0
    print_table(
        ["ID", "KIND", "RECORD", "FROM", "RECEIVED"],
        [
            [short_id(c.id), c.kind, short_id(c.record_id), c.sender_name,
             f"{c.received_at:%Y-%m-%d %H:%M}"]
            for c in conflicts
        ],
    )  # fmt: skip
    return 0


_SKIP = {"id", "created_at", "updated_at", "origin_vault", "versions"}


def cmd_conflict_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        store = vault.conflicts
        conflict = store.get(args.conflict_id)
        local = record_stores(vault)[conflict.kind].get_raw(conflict.record_id) or {}
    incoming = conflict.incoming
    sys.stdout.write(
        f"{conflict.kind} {conflict.record_id}: yours vs. {plain(conflict.sender_name)}'s\n"
    )
    rows = []
    for key in sorted((set(local) | set(incoming)) - _SKIP):
        a, b = local.get(key), incoming.get(key)
        mark = "*" if a != b else " "
        rows.append([mark, key, _cell(a), _cell(b)])
    print_table(["", "FIELD", "YOURS", "INCOMING"], rows)
    sys.stdout.write(
        "\nResolve with --keep-local, --take-incoming, or --take FIELD (repeat) to merge.\n"
    )
    return 0


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(str(text).split())
    return text[:60] + ("…" if len(text) > 60 else "")


def cmd_conflict_resolve(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        store = vault.conflicts
        conflict = store.get(args.conflict_id)
        if args.keep_local:
            store.resolve(conflict.id, Resolution.KEEP_LOCAL)
        elif args.take_incoming:
            store.resolve(conflict.id, Resolution.TAKE_INCOMING)
        else:
            local = record_stores(vault)[conflict.kind].get_raw(conflict.record_id)
            if local is None:
                raise InvalidInput("The local record is gone; use --take-incoming or --keep-local")
            unknown = [f for f in args.take if f not in conflict.incoming or f in _SKIP]
            if unknown:
                raise InvalidInput(f"No field {unknown[0]!r} to take", "take")
            merged = {**local, **{f: conflict.incoming[f] for f in args.take}}
            store.resolve(conflict.id, Resolution.MERGED, merged)
    sys.stdout.write("Resolved.\n")
    return 0
