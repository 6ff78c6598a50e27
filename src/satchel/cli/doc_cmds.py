"""Commands on documents stored encrypted in the vault: doc add, get, list.

A document streams in and out in chunks, so a large scan never sits whole in memory.
`doc get` writes a decrypted copy only where the user asked (-o FILE), atomically, and never
over an existing file without --force; it never uses the system temp folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO

from satchel.cli.common import (
    Subcommands,
    add_command,
    atomic_output,
    check_stdin_free,
    emit_json,
    open_vault,
    parse_day,
    print_table,
    short_id,
    subcommands,
)
from satchel.cli.trash_cmds import add_delete_command
from satchel.core.codec import to_dict
from satchel.core.units import format_size
from satchel.errors import InvalidInput
from satchel.userfiles import open_regular

__all__ = ["register"]

_CHUNK = 1 << 20


def register(subparsers: Subcommands) -> None:
    p = add_command(subparsers, "doc", "documents: add, get, list")
    sub = subcommands(p)

    a = add_command(sub, "add", "store a file, encrypted, in a case")
    a.add_argument("case_id", metavar="CASE")
    a.add_argument("file", metavar="FILE", help="the file to add ('-' for standard input)")
    a.add_argument("--filename", help="the name to keep (needed with '-')")
    a.add_argument("--source", default="", help="provenance: who gave it, how it arrived")
    a.add_argument("--received", metavar="YYYY-MM-DD", help="when it was received")
    a.add_argument(
        "--event", action="append", default=[], metavar="EVENT", help="an event it supports"
    )
    a.add_argument("--json", action="store_true", help="print the new document as JSON")
    a.set_defaults(func=cmd_doc_add)

    g = add_command(sub, "get", "write a decrypted copy of a document to a file")
    g.add_argument("doc_id", metavar="DOC")
    g.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    g.add_argument("--force", action="store_true", help="replace FILE if it exists")
    g.set_defaults(func=cmd_doc_get)

    ls = add_command(sub, "list", "list documents (of one case, or all)")
    ls.add_argument("case_id", metavar="CASE", nargs="?")
    ls.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    ls.set_defaults(func=cmd_doc_list)
    add_delete_command(sub, "document", "a document (its encrypted bytes stay until emptied)")


def _open_input(name: str) -> tuple[IO[bytes], str]:
    if name == "-":
        return sys.stdin.buffer, ""
    # A named pipe or a device would block or never end: only a regular file is read.
    return open_regular(name), Path(name).name


def cmd_doc_add(args: argparse.Namespace) -> int:
    if args.file == "-":
        check_stdin_free(args, "document")
        if not args.filename:
            raise InvalidInput("A document from standard input needs --filename NAME")
    received = parse_day(args.received) if args.received else None
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id)
        event_ids = tuple(vault.events.resolve(e) for e in args.event)
        # Only now open the file: a wrong passphrase should not be preceded by reading it.
        stream, own_name = _open_input(args.file)
        filename = args.filename or own_name
        try:
            doc = vault.documents.add(
                stream,
                case_id=case_id,
                filename=filename,
                source=args.source,
                received=received,
                event_ids=event_ids,
            )
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    if args.json:
        emit_json(to_dict(doc))
    else:
        sys.stdout.write(f"{doc.id}\n")
    return 0


def cmd_doc_get(args: argparse.Namespace) -> int:
    dest = Path(args.output)
    with open_vault(args) as vault:
        doc = vault.documents.get(args.doc_id)
        # Check before decrypting anything, then again (atomically) when the file lands.
        with atomic_output(dest, force=args.force) as out, vault.documents.open(doc.id) as src:
            while chunk := src.read(_CHUNK):
                out.write(chunk)
    sys.stdout.write(f"Wrote {doc.filename} ({doc.size} bytes) to {dest}\n")
    return 0


def cmd_doc_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case_id = vault.cases.resolve(args.case_id) if args.case_id else None
        docs = vault.documents.list(case_id=case_id)
    if args.json:
        emit_json([to_dict(d) for d in docs])
        return 0
    print_table(
        ["ID", "SIZE", "TYPE", "SHA-256", "NAME"],
        [
            [short_id(d.id), format_size(d.size), d.media_type, d.sha256[:12], d.filename]
            for d in docs
        ],
    )
    return 0
