"""What every command group shares: options, passphrases, opening the vault, ids, output.

Command modules build their parsers with `add_command` / `subcommands` so that the global
options (`--vault`, `--passphrase-file`) are accepted before or after the command name, and
open the vault only through `open_vault`, which reads the passphrase without echo and closes
the vault (dropping its key) whatever happens.

This module must never take a passphrase from the command line itself (it would end up in
the shell history and in `ps`), never print a passphrase, and never write vault data
anywhere but standard output or a file the user named.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias, TypeVar

from satchel.core.date_text import read_date, read_partial
from satchel.core.dates import FuzzyDate, PartialDate
from satchel.core.limits import bounded, check_text
from satchel.errors import FileProblem, InvalidInput
from satchel.userfiles import (
    PASSPHRASE_FILE_MAX_BYTES,
    TEXT_FILE_MAX_BYTES,
    atomic_output,
    decode_text,
    read_capped,
    read_text_file,
)

if TYPE_CHECKING:
    from satchel.core.vault import Vault

E = TypeVar("E", bound=Enum)

__all__ = [
    "EX_USAGE",
    "GLOBAL_OPTIONS",
    "CliParser",
    "PassphraseSource",
    "add_command",
    "atomic_output",
    "check_stdin_free",
    "choice_of",
    "emit_json",
    "field_lines",
    "open_vault",
    "parse_date",
    "parse_day",
    "parse_partial",
    "passphrases",
    "plain",
    "print_table",
    "read_text_arg",
    "short_id",
    "subcommands",
    "unlock_vault",
    "vault_path",
    "whole_number",
]

EX_USAGE = 64
"""Exit status for a command line that does not parse (sysexits.h EX_USAGE).

argparse's own default is 2, but 2 is taken by a wrong passphrase: a script must be able
to tell "you typed the command wrong" from "the passphrase is wrong".
"""


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr and exit status 64.

    Abbreviated options are refused: otherwise `--passphrase SECRET` would be taken for
    `--passphrase-file SECRET`, and the secret would be echoed back in "file not found".
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        prefix = "unrecognized arguments: "
        if message.startswith(prefix):
            # Name the unknown options only: a stray value may be a secret someone typed.
            options = [w for w in message[len(prefix) :].split() if w.startswith("-")]
            message = prefix + (" ".join(options) if options else "(values not shown)")
        message = re.sub(r"invalid choice: '[^']*'", "invalid choice", message)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"satchel: {message}\n")
        raise SystemExit(EX_USAGE)


def _global_options() -> CliParser:
    # SUPPRESS as the default: a subcommand that does not see the option must not overwrite
    # the value the main parser already parsed (`satchel --vault X case list`). A CliParser
    # although it never parses: add_parser's parents are typed as the subparsers' class.
    p = CliParser(add_help=False)
    p.add_argument(
        "--vault",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the vault folder (default: $SATCHEL_VAULT, else the per-user data folder)",
    )
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the passphrase from the first line of FILE ('-' for standard input) "
        "instead of asking for it",
    )
    return p


GLOBAL_OPTIONS = _global_options()

Subcommands: TypeAlias = "argparse._SubParsersAction[CliParser]"
"""What `subcommands` returns and `add_command` and every `register(subparsers)` take."""


def subcommands(parser: argparse.ArgumentParser, title: str = "commands") -> Subcommands:
    """The subparsers action of `parser`; a command must be chosen."""
    sub = parser.add_subparsers(title=title, metavar="COMMAND", parser_class=CliParser)
    sub.required = True
    return sub


def add_command(subparsers: Subcommands, name: str, help: str, **kwargs: Any) -> CliParser:
    """Add a (sub)command that also accepts the global options after its name."""
    parser: CliParser = subparsers.add_parser(
        name, help=help, description=help, parents=[GLOBAL_OPTIONS], **kwargs
    )
    return parser


# -- the vault ---------------------------------------------------------------------------


def vault_path(args: argparse.Namespace) -> Path:
    """The vault folder named by --vault, else $SATCHEL_VAULT, else the default."""
    from satchel.core.paths import resolve_vault_path

    return Path(resolve_vault_path(getattr(args, "vault", None)))


class PassphraseSource:
    """Where passphrases come from: a file, standard input, or an echo-free prompt.

    With `--passphrase-file -`, successive passphrases (current, then new) are successive
    lines of standard input, so `passwd` can be scripted as `printf 'old\\nnew\\n' | ...`.
    """

    def __init__(self, file: str | None, new_file: str | None = None) -> None:
        self.file = file
        self.new_file = new_file
        self._stdin_lines: list[str] = []
        self._stdin_read = False

    def _stdin_line(self, what: str) -> str:
        if not self._stdin_read:
            data = read_capped(sys.stdin.buffer, PASSPHRASE_FILE_MAX_BYTES, "standard input")
            text = decode_text(data, "passphrase on standard input")
            self._stdin_lines = [line.rstrip("\r") for line in text.split("\n")]
            if self._stdin_lines and self._stdin_lines[-1] == "":
                self._stdin_lines.pop()  # the line break that ends the last line
            self._stdin_read = True
        if not self._stdin_lines:
            raise InvalidInput(f"Standard input ended before the {what} was given")
        return self._stdin_lines.pop(0)

    def _from(self, name: str, what: str) -> str:
        if name == "-":
            return self._stdin_line(what)
        if not os.path.lexists(name):
            raise FileProblem(f"Passphrase file not found: {name}")
        text = read_text_file(name, PASSPHRASE_FILE_MAX_BYTES, "passphrase file")
        return text.split("\n", 1)[0].rstrip("\r")

    def current(self, prompt: str = "Passphrase: ") -> str:
        """The passphrase (or recovery code) that unlocks the vault."""
        if self.file is not None:
            secret = self._from(self.file, "passphrase")
        else:
            secret = _prompt(prompt)
        if not secret:
            raise InvalidInput("The passphrase is empty")
        return secret

    def new(self, prompt: str = "New passphrase: ", *, first: bool = False) -> str:
        """A passphrase being set: asked twice at a terminal so a typo does not lock one out.

        `first` is for a new vault, whose only passphrase comes from --passphrase-file; when
        changing one, the new passphrase comes from --new-passphrase-file or, with
        `--passphrase-file -`, from the next line of standard input.
        """
        if first and self.file is not None:
            secret = self._from(self.file, "passphrase")
        elif self.new_file is not None:
            secret = self._from(self.new_file, "new passphrase")
        elif self.file == "-":
            secret = self._stdin_line("new passphrase")
        else:
            secret = _prompt(prompt)
            if _prompt("Repeat it: ") != secret:
                raise InvalidInput("The two passphrases differ; nothing was changed")
        if not secret:
            raise InvalidInput("The passphrase is empty")
        if len(secret) < 8:
            raise InvalidInput("A passphrase needs at least 8 characters; several words are best")
        return secret


def passphrases(args: argparse.Namespace) -> PassphraseSource:
    return PassphraseSource(
        file=getattr(args, "passphrase_file", None),
        new_file=getattr(args, "new_passphrase_file", None),
    )


def _prompt(prompt: str) -> str:
    if not sys.stdin.isatty():
        # getpass would fall back to reading stdin *with echo* and a warning; refuse instead.
        raise InvalidInput(
            "No terminal to ask for the passphrase: use --passphrase-file FILE (or '-' for stdin)"
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:  # Ctrl+D at the prompt
        raise InvalidInput("No passphrase given; nothing was changed") from None


@contextlib.contextmanager
def open_vault(args: argparse.Namespace) -> Iterator[Vault]:
    """Unlock the vault for one command and close it (wiping the key) afterwards."""
    with unlock_vault(args, passphrases(args)) as (vault, _secret):
        yield vault


@contextlib.contextmanager
def unlock_vault(
    args: argparse.Namespace, source: PassphraseSource, prompt: str = "Passphrase: "
) -> Iterator[tuple[Vault, str]]:
    """Unlock the vault and also hand back the secret that opened it.

    Changing the passphrase or the recovery code needs the current passphrase again (the
    vault checks it), and asking the user twice would be absurd.
    """
    from satchel.core.vault import Vault
    from satchel.errors import VaultNotFound

    path = vault_path(args)
    # Say "no vault here" before asking for a passphrase that could not help.
    if not path.exists():
        raise VaultNotFound(f"No vault at {path} (create one with: satchel --vault {path} init)")
    secret = source.current(prompt)
    vault = Vault.unlock(path, secret)
    try:
        yield vault, secret
    finally:
        vault.close()


# -- ids -----------------------------------------------------------------------------------


def short_id(record_id: str) -> str:
    """The first 8 characters of an id: enough to name it again in a command."""
    return record_id[:8]


# -- parsing values ------------------------------------------------------------------------


def parse_date(text: str) -> FuzzyDate:
    """An uncertain date as a lawyer writes it (`core.date_text`: the client reads the same)."""
    return read_date(text)


def parse_partial(text: str) -> PartialDate:
    """One date without a kind: `1990`, `03.1990`, `14 марта 1990`, `1990-03-14`."""
    return read_partial(text)


def parse_day(text: str) -> date:
    """A plain calendar day (`2025-03-14`, `14.03.2025`, `14 March 2025`), or `today`."""
    if text.strip().lower() == "today":
        return date.today()
    p = read_partial(text)
    if p.day is None or p.hour is not None:
        raise InvalidInput(
            "Not a day: {text!r} (use YYYY-MM-DD or DD.MM.YYYY)",
            "date",
            code="not_a_day",
            text=text,
        )
    return p.first_day()


def whole_number(lo: int, hi: int, what: str) -> Callable[[str], int]:
    """An argparse `type` for a whole number within [lo, hi], the bounds in core.limits.

    Out of range is bad input (exit 8) named in words, not a usage error: the command was
    typed right, the number is not one a lawyer means (`--days 3000000`). It is refused
    before the vault is opened, and before it could overflow a date or SQLite.
    """

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise InvalidInput(f"{what} must be a whole number, not {text[:40]!r}") from None
        return bounded(value, what, lo, hi, what)

    parse.__name__ = "whole number"  # argparse names the type in its messages
    return parse


def choice_of(enum: type[E], text: str, what: str) -> E:
    """The member of a StrEnum named by `text` ('criminal-defence' or 'criminal_defence')."""
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum)
        raise InvalidInput(f"Unknown {what} {text!r}; one of: {allowed}", what) from None


def check_stdin_free(args: argparse.Namespace, what: str) -> None:
    """Refuse to read `what` from stdin when the passphrase comes from there too."""
    if getattr(args, "passphrase_file", None) == "-":
        raise InvalidInput(
            f"Standard input cannot carry both the passphrase and the {what}; "
            "put the passphrase in a file"
        )


def read_text_arg(
    args: argparse.Namespace,
    text: str | None,
    file: str | None,
    *,
    limit: int = TEXT_FILE_MAX_BYTES,
    what: str = "text",
) -> str:
    """A body given as --text, as --file (a path, or '-' for stdin), or on stdin.

    A file must be a regular file; what is read stops at `limit` bytes, and must be UTF-8.
    """
    if text is not None and file is not None:
        raise InvalidInput("Give the text with --text or --file, not both")
    if text is not None:
        return check_text(text, "text", "The text")
    if file is None or file == "-":
        check_stdin_free(args, "text")
        if file is None and sys.stdin.isatty():
            raise InvalidInput("No text: give --text, --file FILE, or pipe it on stdin")
        # Bytes, decoded here: sys.stdin would decode them with the locale's rules, which in
        # the C locale smuggle undecodable bytes in as surrogates that fail much later.
        return decode_text(read_capped(sys.stdin.buffer, limit, what), what)
    return read_text_file(file, limit, what)


# -- writing files -------------------------------------------------------------------------


# -- output ----------------------------------------------------------------------------------


def emit_json(value: Any) -> None:
    """Print `value` as JSON: UTF-8 as is (Cyrillic stays readable), keys in stable order."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A plain aligned table; the last column is not padded (it is usually the long one)."""
    rows = [[_one_line(c) for c in r] for r in rows]
    if not rows:
        return
    widths = [len(h) for h in headers]
    for r in rows:
        for i, c in enumerate(r[:-1]):
            widths[i] = max(widths[i], len(c))
    out = sys.stdout

    def line(cells: Sequence[str]) -> str:
        padded = [c.ljust(widths[i]) for i, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    out.write(line(headers) + "\n")
    for r in rows:
        out.write(line(r) + "\n")


def _one_line(text: str) -> str:
    # A title with a newline (or a terminal escape) must not break or repaint the table.
    return "".join(c if c.isprintable() else " " for c in text)


def plain(text: str) -> str:
    """Text from the vault made safe to print on a terminal: no escape sequences."""
    return "".join(c if c.isprintable() or c in "\n\t" else "\ufffd" for c in text)


def field_lines(pairs: Iterable[tuple[str, str]]) -> None:
    """Print `label: value` lines, skipping empty values, labels aligned."""
    shown = [(k, v) for k, v in pairs if v]
    if not shown:
        return
    width = max(len(k) for k, _ in shown)
    for k, v in shown:
        first, *rest = plain(v).split("\n")
        sys.stdout.write(f"{k + ':':<{width + 1}} {first}\n")
        for more in rest:
            sys.stdout.write(f"{'':<{width + 1}} {more}\n")
