"""Files the user names on this computer: read only regular files, in bounded amounts; replace
only regular files.

Every command and window that reads a file the user chose (a document, a card, a note, a
passphrase file, a bundle) or writes one (a document's copy, a report, a bundle, a card) goes
through here, because each way of getting it wrong was met: `colleague add /dev/zero` read
gigabytes, `doc add` of a named pipe waited forever, and `doc get -o X --force` replaced a
device file or a symbolic link by renaming over it.

- A path is opened with O_NONBLOCK (so a FIFO cannot block the open) and then checked with
  fstat on the open descriptor (so nothing can be swapped in between the check and the read):
  anything but a regular file is refused.
- Text is read up to a cap and decoded strictly as UTF-8; bytes that are not text are
  refused, never carried into the vault as lone surrogates.
- A destination that exists may be replaced only when it is a regular file (lstat: a link is
  refused, not followed), and only when the user said so.

This module never writes anywhere but the destination's own folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from satchel.errors import DiskFull, FileProblem, InvalidInput

__all__ = [
    "CARD_MAX_BYTES",
    "PASSPHRASE_FILE_MAX_BYTES",
    "TEXT_FILE_MAX_BYTES",
    "atomic_output",
    "check_destination",
    "decode_text",
    "open_regular",
    "read_capped",
    "read_text_file",
]

CARD_MAX_BYTES = 16 * 1024
"""A colleague's card is a few hundred bytes; 16 KiB leaves room for a long name and notes."""

PASSPHRASE_FILE_MAX_BYTES = 64 * 1024
"""Only the first line is a passphrase; a file larger than this is not a passphrase file."""

TEXT_FILE_MAX_BYTES = 4 * 1024 * 1024
"""A note's body: core.limits.MAX_NOTE_BODY characters of up to four UTF-8 bytes each."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """`path` opened for reading, refused with FileProblem unless it is a regular file."""
    name = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise FileProblem("File not found: {name}", code="file_not_found_2", name=name) from None
    except IsADirectoryError:
        raise FileProblem(
            "{name} is a folder, not a file", code="folder_not_file_2", name=name
        ) from None
    except OSError as exc:
        raise FileProblem(
            "Cannot read {name}: {value}",
            code="cannot_read_3",
            name=name,
            value=exc.strerror or exc,
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileProblem(
                "{name} is {value}, not a regular file; it was not read",
                code="not_regular_file_not_read",
                name=name,
                value=_kind(mode),
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(stream: IO[bytes], limit: int, what: str) -> bytes:
    """At most `limit` bytes of `stream`; InvalidInput if it holds more (read stops there)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InvalidInput(
            "The {what} is too large (more than {value}); it was not read",
            code="too_large_more_not_read",
            what=what,
            value=_size(limit),
        )
    return data


def decode_text(data: bytes, what: str) -> str:
    """`data` as UTF-8 text (a leading byte-order mark dropped); InvalidInput otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            "The {what} is not UTF-8 text; nothing was changed",
            code="not_utf_8_text_nothing",
            what=what,
        ) from None


def read_text_file(path: str | os.PathLike[str], limit: int, what: str) -> str:
    """A regular file's text, capped at `limit` bytes and strictly UTF-8."""
    with open_regular(path) as f:
        return decode_text(read_capped(f, limit, what), what)


def check_destination(dest: Path, *, force: bool) -> None:
    """Refuse to write `dest` if something is there that may not be replaced.

    Without `force` nothing is replaced; with it, only a regular file. A symbolic link is
    refused rather than followed or replaced, a device, pipe, socket or folder likewise.
    """
    try:
        st = os.lstat(dest)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileProblem(
            "Cannot write {dest}: {value}",
            code="cannot_write",
            dest=dest,
            value=exc.strerror or exc,
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise FileProblem(
            "{dest} is a folder; choose a file name", code="folder_choose_file_name", dest=dest
        )
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(
            "{dest} is {value}; only a regular file may be replaced",
            code="regular_file_may_replaced",
            dest=dest,
            value=_kind(st.st_mode),
        )
    if not force:
        raise FileProblem(
            "{dest} already exists (use --force to replace it)",
            code="already_exists_force_replace",
            dest=dest,
        )


@contextlib.contextmanager
def atomic_output(dest: Path, *, force: bool) -> Iterator[IO[bytes]]:
    """A binary file that appears at `dest` whole, or not at all.

    The data goes to a hidden temporary file in the destination's own folder (never the
    system temp folder: the contents may be a decrypted document) and is renamed into place
    only after it was written completely and flushed to disk. Without `force` an existing
    file is never replaced, even one that appears while we write; with it, only a regular
    file is (checked again just before the rename).
    """
    dest = dest.expanduser()
    folder = dest.parent if str(dest.parent) else Path(".")
    check_destination(dest, force=force)
    if not folder.is_dir():
        raise FileProblem("No such folder: {folder}", code="no_such_folder", folder=folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".satchel-", suffix=".part", dir=folder)
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(
                "The disk is full; {dest} was not written",
                code="disk_full_not_written_2",
                dest=dest,
            ) from None
        raise FileProblem(
            "Cannot write in {folder}: {value}",
            code="cannot_write_2",
            folder=folder,
            value=e.strerror or e,
        ) from None
    tmp = Path(tmp_name)
    done = False
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if force:
            check_destination(dest, force=True)
            os.replace(tmp, dest)
        else:
            # link() fails if dest appeared meanwhile, where rename() would silently replace.
            try:
                os.link(tmp, dest)
            except FileExistsError:
                raise FileProblem(
                    "{dest} already exists (use --force to replace it)",
                    code="already_exists_force_replace",
                    dest=dest,
                ) from None
            tmp.unlink()
        done = True
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(
                "The disk is full; {dest} was not written",
                code="disk_full_not_written_2",
                dest=dest,
            ) from None
        raise FileProblem(
            "Cannot write {dest}: {value}", code="cannot_write", dest=dest, value=e.strerror or e
        ) from None
    finally:
        if not done:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"
