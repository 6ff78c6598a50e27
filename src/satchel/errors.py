"""The one error hierarchy: every failure a user can meet, each with a message they can act on.

Every error carries a stable `code` and the `params` its text needs, beside an English
`message` built from an English template (for the CLI, which stays English, and for logs).
The interface turns the code into words in the user's language (`satchel.error_words`):
the core never chooses a language. `InvalidInput("No such month: {month}",
code="no_such_month", month=13)` has the message "No such month: 13"; a translation
writes its own sentence around `{month}`. A parameter may itself be an error (the reason a
record was refused), which the interface words in turn.

The CLI maps these to exit codes and a single line on stderr; the GUI to a message in the
window. Anything else escaping is a bug.
"""

from __future__ import annotations

from typing import Any, TypeVar

_E = TypeVar("_E", bound="SatchelError")


class Coded:
    """A stable code, an English template and its parameters (shared with `CardError`)."""

    code: str | None = None
    template: str = ""
    params: dict[str, Any]

    def _set_code(self, template: str, code: str | None, params: dict[str, Any]) -> str:
        if code is not None:
            self.code = code
        self.template = template
        self.params = params
        return template.format(**params) if params else template


class SatchelError(Coded, Exception):
    """Base of every error Satchel reports to a user."""

    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        text = self._set_code(message, code, params)
        super().__init__(text)
        self.message = text

    def __str__(self) -> str:
        return self.message

    @classmethod
    def like(cls: type[_E], other: Coded, **extra: Any) -> _E:
        """This kind of error with the code, text and parameters of `other`."""

        return cls(other.template, code=other.code, **other.params, **extra)


class WrongPassphrase(SatchelError):
    """No keyslot opened with what was given; nothing was changed."""

    exit_code = 2
    code = "wrong_passphrase"

    def __init__(
        self,
        message: str = "Wrong passphrase or recovery code. Nothing was changed.",
        *,
        code: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, code=code, **params)


class VaultNotFound(SatchelError):
    exit_code = 3


class VaultExists(SatchelError):
    exit_code = 3


class VaultInUse(SatchelError):
    exit_code = 4


class DecoyNotAvailable(SatchelError):
    """No decoy this session can open (see Vault.decoy_key)."""

    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "There is no decoy to open from this vault. Set a duress passphrase first; a "
            "decoy made by an older version of Satchel cannot be opened from here: set the "
            "duress passphrase again to make a new one. Nothing was changed.",
            code="no_decoy_to_open",
        )


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

    def __init__(
        self, message: str, field: str | None = None, *, code: str | None = None, **params: Any
    ) -> None:
        super().__init__(message, code=code, **params)
        self.field = field

    @classmethod
    def like(cls, other: Coded, field: str | None = None, **extra: Any) -> InvalidInput:
        if field is None:
            field = getattr(other, "field", None)
        return cls(other.template, field, code=other.code, **other.params, **extra)


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
    code = "read_only_media"

    def __init__(
        self,
        message: str = "This vault is on read-only media; nothing can be changed.",
        *,
        code: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, code=code, **params)


class FileProblem(SatchelError):
    """A file the user named cannot be read or written."""

    exit_code = 10


class BundleRejected(SatchelError):
    """A bundle failed a check; nothing was written. The reason is coded; the message adds
    "Bundle rejected: " in front of it."""

    exit_code = 11

    def __init__(self, reason: str, *, code: str | None = None, **params: Any) -> None:
        text = self._set_code(reason, code, params)
        Exception.__init__(self, f"Bundle rejected: {text}")
        self.message = f"Bundle rejected: {text}"
        self.reason = text

    @classmethod
    def like(cls, other: Coded, **extra: Any) -> BundleRejected:
        return cls(other.template, code=other.code, **other.params, **extra)


class Cancelled(SatchelError):
    """Long work stopped by the user or by a lock; nothing half-done was kept."""

    exit_code = 12
    code = "cancelled"

    def __init__(
        self,
        message: str = "Cancelled; nothing was changed.",
        *,
        code: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, code=code, **params)
