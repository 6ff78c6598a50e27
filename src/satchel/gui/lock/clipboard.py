"""Copying sensitive text (phone numbers, passport numbers, addresses) to the clipboard.

Everything the client copies out of the vault goes through `copy_sensitive`: the text is
marked with the `x-kde-passwordManagerHint` MIME type so clipboard managers (Klipper and
the ones that follow its convention) do not keep a history of it, and it is cleared again
after a delay unless the user has copied something else meanwhile.

This module must never log, persist or echo what it copies, and must never clear a
clipboard that holds something the user put there from another application.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

__all__ = [
    "CLEAR_AFTER_MS",
    "PASSWORD_MANAGER_HINT",
    "clear_if_ours",
    "copy_sensitive",
    "set_clear_delay_ms",
]

CLEAR_AFTER_MS = 15_000
"""How long a copied value stays on the clipboard (DESIGN §6: default 15 s)."""

PASSWORD_MANAGER_HINT = "x-kde-passwordManagerHint"  # noqa: S105 - a MIME type, not a secret
"""KDE's convention, also honoured by other clipboard managers: do not record this entry."""


# Windows keeps clipboard history (Win+V) and cloud sync unless the data carries these
# formats (the same ones KeePassXC sets); Qt maps this MIME form to a registered format.
_WINDOWS_MIME = 'application/x-qt-windows-mime;value="{}"'
_WINDOWS_EXCLUDE = _WINDOWS_MIME.format("ExcludeClipboardContentFromMonitorProcessing")
_WINDOWS_NO_HISTORY = _WINDOWS_MIME.format("CanIncludeInClipboardHistory")
_WINDOWS_NO_CLOUD = _WINDOWS_MIME.format("CanUploadToCloudClipboard")
# macOS: the nspasteboard.org convention that clipboard managers honour.
_MACOS_CONCEALED = "application/x-nspasteboard-concealed-type"

_DWORD_ZERO = b"\0\0\0\0"


def _marked_mime(text: str) -> QMimeData:
    """The text plus every platform's "do not keep this" marker."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(PASSWORD_MANAGER_HINT, b"secret")
    mime.setData(_WINDOWS_EXCLUDE, b"")
    mime.setData(_WINDOWS_NO_HISTORY, _DWORD_ZERO)
    mime.setData(_WINDOWS_NO_CLOUD, _DWORD_ZERO)
    mime.setData(_MACOS_CONCEALED, b"secret")
    return mime


_clear_after_ms = CLEAR_AFTER_MS


def set_clear_delay_ms(ms: int) -> None:
    """The user's setting: how long copied values stay (0 or less: until the lock)."""
    global _clear_after_ms
    _clear_after_ms = ms


class _ClipboardGuard(QObject):
    """Remembers what we last copied and clears it when the timer fires."""

    def __init__(self) -> None:
        super().__init__(QGuiApplication.instance())
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str, clear_after_ms: int) -> None:
        QGuiApplication.clipboard().setMimeData(_marked_mime(text), QClipboard.Mode.Clipboard)
        self._copied = text
        if clear_after_ms > 0:
            self._timer.start(clear_after_ms)
        else:
            self._timer.stop()

    def holds_ours(self) -> bool:
        if self._copied is None:
            return False
        mime = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
        # Compare the text too: another program may have copied something without the hint
        # after us, and that must survive.
        return (
            mime is not None
            and mime.hasFormat(PASSWORD_MANAGER_HINT)
            and mime.text() == self._copied
        )

    def clear_if_ours(self) -> bool:
        ours = self.holds_ours()
        if ours:
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        self._copied = None
        self._timer.stop()
        return ours


_guard: _ClipboardGuard | None = None


def _the_guard() -> _ClipboardGuard:
    global _guard
    if _guard is None:
        _guard = _ClipboardGuard()
    return _guard


def copy_sensitive(text: str, clear_after_ms: int | None = None) -> None:
    """Put `text` on the clipboard, hidden from clipboard history, and clear it later."""
    _the_guard().copy(text, _clear_after_ms if clear_after_ms is None else clear_after_ms)


def clear_if_ours() -> bool:
    """Clear the clipboard now if it still holds what we copied (the lock calls this)."""
    return _the_guard().clear_if_ours()
