"""The `satchel` command: argument parsing, dispatch, and every error turned into one line.

`satchel` alone opens the desktop client; `satchel COMMAND ...` runs a command over the same
core. Each command group lives in its own module listed in `COMMAND_MODULES`; a module
provides `register(subparsers)` and sets `func` on its parsers (`parser.set_defaults(func=…)`).

Whatever goes wrong, the user sees one line on stderr (`satchel: <what happened>`) and a
documented exit status (see docs/cli.md), never a traceback — unless SATCHEL_DEBUG=1. A
traceback can carry vault data (a title in an exception message, a local variable in a
crash reporter) and tells a lawyer nothing they can act on.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlite

from satchel import __version__
from satchel.cli.common import EX_USAGE, GLOBAL_OPTIONS, CliParser
from satchel.errors import SatchelError

if TYPE_CHECKING:
    from satchel.crypto.kdf import KdfParams

__all__ = ["COMMAND_MODULES", "EX_INTERNAL", "build_parser", "main"]

COMMAND_MODULES: list[str] = [
    "satchel.cli.vault_cmds",
    "satchel.cli.case_cmds",
    "satchel.cli.person_cmds",
    "satchel.cli.doc_cmds",
    "satchel.cli.search_cmds",
    "satchel.cli.report_cmds",
    "satchel.cli.identity_cmds",
    "satchel.cli.colleague_cmds",
    "satchel.cli.bundle_cmds",
    "satchel.cli.lock_cmds",
    "satchel.cli.trash_cmds",
    "satchel.cli.travel_cmds",
    "satchel.cli.share_cmds",
]
"""Modules that add command groups; each has `register(subparsers)`. Append, never reorder:
the order is the order of `satchel --help`."""

EX_INTERNAL = 70  # sysexits.h EX_SOFTWARE: a bug in Satchel, not the user's doing
EX_INTERRUPTED = 130  # what shells report for a process ended by Ctrl+C

_DEBUG_ENV = "SATCHEL_DEBUG"


def build_parser() -> CliParser:
    parser = CliParser(
        prog="satchel",
        description="Satchel: an offline, encrypted case file for lawyers who defend people "
        "at risk. Without a command, opens the desktop client.",
        epilog="Exit status: 0 ok, 1 error, 2 wrong passphrase, 3 vault missing or exists, "
        "4 vault in use, 5 vault or document damaged, 6 vault locked, 7 unknown id, "
        "8 bad input, 9 disk full, 10 file problem, 11 bundle rejected, 12 cancelled, "
        "13 read-only media, "
        "64 bad command line, 70 internal error, 130 interrupted. Details: docs/cli.md.",
        parents=[GLOBAL_OPTIONS],
    )
    parser.add_argument("--version", action="version", version=f"satchel {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=CliParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


OpenClient = Callable[[Path | None, Path | None], int]
"""Opens the desktop client: (vault folder or None, bundle to preview or None) -> status."""


def main(
    argv: Sequence[str] | None = None,
    open_client: OpenClient | None = None,
    *,
    kdf_params: KdfParams | None = None,
) -> int:
    """Run one command; return its exit status (the console script passes it to exit()).

    `kdf_params` are the Argon2id parameters of a vault this run creates (`init`, `demo`);
    None, as the console script leaves it, calibrates them on this machine. No command-line
    option sets them: a user cannot weaken a vault by accident, while a program running
    Satchel in-process (the test suite) passes what it needs. Unlock always reads the
    parameters a vault was created with from its keyslots header.
    """
    debug = os.environ.get(_DEBUG_ENV) == "1"
    try:
        parser = build_parser()
        argv, bundle = _split_bundle(list(sys.argv[1:] if argv is None else argv), parser)
        args = parser.parse_args(argv)
        args.kdf_params = kdf_params
        func = getattr(args, "func", None)
        if func is None:
            return _open_client(args, open_client, bundle)
        return int(func(args) or 0)
    except SatchelError as e:
        if debug:
            raise
        return _fail(_with_see_also(e), e.exit_code)
    except KeyboardInterrupt:
        # The vault context managers have already closed the vault on the way out.
        sys.stderr.write("\nsatchel: interrupted\n")
        return EX_INTERRUPTED
    except BrokenPipeError:
        # `satchel case list | head`: the reader left; that is not an error worth a line.
        _silence_stdout()
        return 0
    except OSError as e:
        if debug:
            raise
        return _os_error(e)
    except sqlite.DatabaseError as e:
        # The core reports the damage it knows as VaultDamaged; a page that only turns out
        # unreadable when a command reaches it surfaces here.
        if debug:
            raise
        return _database_error(e)
    except SystemExit as e:
        # argparse's --help/--version (0) and usage errors (EX_USAGE) end here.
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else EX_USAGE)
        return code
    except Exception as e:
        if debug:
            raise
        return _fail(
            f"internal error ({type(e).__name__}); nothing more is shown because details may "
            f"hold case data (run with {_DEBUG_ENV}=1 for details)",
            EX_INTERNAL,
        )


# A command named something that is not there: the command that lists what is, by the
# kind of thing the error's code names (the stores' shared "No <kind> with id" errors carry
# the kind as their label).
_SEE_ALSO = {
    "case": "satchel case list",
    "colleague": "satchel colleague list",
    "conflict": "satchel conflict list",
    "document": "satchel doc list",
    "event": "satchel event list CASE",
    "note": "satchel case show CASE",
    "person": "satchel person list",
    "share": "satchel share list",
}
_KIND_OF_CODE = {
    "no_case_id": "case",
    "no_colleague": "colleague",
    "no_conflict_id": "conflict",
    "no_document_id": "document",
    "no_event_id": "event",
    "no_event_id_2": "event",
    "no_person_id": "person",
    "no_person_id_2": "person",
    "no_share": "share",
}


def _with_see_also(e: SatchelError) -> str:
    code = e.code or ""
    kind = e.params.get("label") if code in ("no_id", "no_id_2") else _KIND_OF_CODE.get(code)
    see = _SEE_ALSO.get(str(kind))
    return f"{e.message} (see: {see})" if see else e.message


def _fail(message: str, code: int) -> int:
    # One line: a message containing a newline (an odd file name) must not become two.
    text = " ".join(message.split("\n"))
    sys.stderr.write(f"satchel: {text}\n")
    sys.stderr.flush()
    return code


def _os_error(e: OSError) -> int:
    from satchel.errors import DiskFull, FileProblem

    if e.errno == errno.ENOSPC:
        return _fail(DiskFull("The disk is full; the last change was not saved").message, 9)
    what = f"{e.filename}: " if e.filename else ""
    return _fail(f"{what}{e.strerror or e}", FileProblem.exit_code)


def _database_error(e: Exception) -> int:
    from satchel.errors import DiskFull, ReadOnlyMedia, VaultDamaged, VaultInUse

    text = str(e).lower()
    if "full" in text:
        return _fail("The disk is full; the last change was not saved", DiskFull.exit_code)
    if "readonly" in text:
        return _fail(ReadOnlyMedia().message, ReadOnlyMedia.exit_code)
    from satchel.core.sqlcipher import size_limit_error

    limited = size_limit_error(e)
    if limited is not None:
        return _fail(limited.message, limited.exit_code)
    if "locked" in text or "busy" in text:
        return _fail("The vault is busy in another program; try again", VaultInUse.exit_code)
    return _fail(
        "The vault database is damaged and cannot be read "
        f"({text}); restore it from a backup or a colleague's bundle",
        VaultDamaged.exit_code,
    )


def _silence_stdout() -> None:
    # Python would otherwise complain again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _split_bundle(argv: list[str], parser: argparse.ArgumentParser) -> tuple[list[str], str | None]:
    """`satchel [OPTIONS] FILE.satchel` (what a file manager runs for a bundle, through the
    desktop entry's `Exec=satchel %f`): the bundle is taken off the command line and the
    client opens its import preview after unlock. Only without a command: in `satchel
    bundle import FILE.satchel` the file belongs to the command."""
    if not argv or not argv[-1].lower().endswith(".satchel") or argv[-1].startswith("-"):
        return argv, None
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    if any(arg in commands for arg in argv[:-1]):
        return argv, None
    return argv[:-1], argv[-1]


def _open_client(
    args: argparse.Namespace, open_client: OpenClient | None, bundle: str | None = None
) -> int:
    """`satchel` without a command: the desktop client, on the vault named if any, and on
    the import preview of `bundle` once a vault is unlocked.

    The client is handed in by the program's entry point (`satchel.__main__`): the command
    line never imports the GUI, so it runs where Qt's widgets are not installed.
    """
    if open_client is None:
        return _fail("no command given; see satchel --help", EX_USAGE)
    vault = getattr(args, "vault", None)
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        # Qt would abort the whole process with a multi-line fatal message instead.
        return _fail(
            "no display to open the desktop client on; the command line works: satchel --help",
            1,
        )
    from satchel.cli.common import vault_path

    path = vault_path(args) if vault is not None or os.environ.get("SATCHEL_VAULT") else None
    if bundle is not None and not os.path.isfile(bundle):
        from satchel.errors import FileProblem

        return _fail(f"{bundle}: no such bundle file", FileProblem.exit_code)
    try:
        return int(open_client(path, Path(bundle).resolve() if bundle is not None else None) or 0)
    except ImportError as e:
        return _fail(
            f"the desktop client cannot start ({e}); the command line still works: satchel --help",
            1,
        )


if __name__ == "__main__":
    sys.exit(main())
