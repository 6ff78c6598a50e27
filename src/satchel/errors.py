"""The one error hierarchy: every failure a user can meet, each with a message they can act on.

The CLI maps these to exit codes and a single line on stderr; the GUI to a message in the
window. Anything else escaping is a bug.
"""

from __future__ import annotations


class SatchelError(Exception):
    """Base of every error Satchel reports to a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(SatchelError):
    """No keyslot opened with what was given; nothing was changed."""

    exit_code = 2

    def __init__(
        self, message: str = "Wrong passphrase or recovery code. Nothing was changed."
    ) -> None:
        super().__init__(message)


class VaultNotFound(SatchelError):
    exit_code = 3


class VaultExists(SatchelError):
    exit_code = 3


class VaultInUse(SatchelError):
    exit_code = 4


class VaultDamaged(SatchelError):
    """A vault file is truncated, corrupted or not a Satchel file."""

    exit_code = 5


class VaultLocked(SatchelError):
    """An operation needed an unlocked vault."""

    exit_code = 6


class NotFound(SatchelError):
    """An id that names no record."""

    exit_code = 7


class InvalidInput(SatchelError):
    """Bad user input: a date that does not parse, an empty title, an unknown type."""

    exit_code = 8

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DocumentDamaged(SatchelError):
    """A stored document no longer matches the SHA-256 recorded at intake."""

    exit_code = 5


class DiskFull(SatchelError):
    exit_code = 9


class FileSizeLimit(DiskFull):
    """A limit on file size set for this session (`ulimit -f`) stopped a write."""


class ReadOnlyMedia(SatchelError):
    """The vault is on a medium nothing can write to (a write-protected stick, a read-only
    mount): it opens for reading, and every change is refused with this."""

    exit_code = 13

    def __init__(
        self, message: str = "This vault is on read-only media; nothing can be changed."
    ) -> None:
        super().__init__(message)


class FileProblem(SatchelError):
    """A file the user named cannot be read or written."""

    exit_code = 10


class BundleRejected(SatchelError):
    """A bundle failed a check; nothing was written."""

    exit_code = 11

    def __init__(self, reason: str) -> None:
        super().__init__(f"Bundle rejected: {reason}")
        self.reason = reason


class Cancelled(SatchelError):
    """Long work stopped by the user or by a lock; nothing half-done was kept."""

    exit_code = 12

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)
