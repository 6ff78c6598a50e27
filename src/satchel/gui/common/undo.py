"""Undo in the client: the changes a page made, each with the core call that reverses it.

A panel that changes the vault (a delete, a form saved, a person linked or unlinked)
emits an `Undoable`: a sentence saying what it did (shown with an Undo button) and a
function that undoes it through the core (restore from the trash, an audited "undo" edit,
a link removed), so the audit log records the undo like any change. The main window keeps
one `UndoStack` and Ctrl+Z undoes the last change made on the page in front. This module
holds no record text of its own and never touches the vault itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from satchel.core.deletion import Trash
    from satchel.core.model import Record
    from satchel.core.store import RecordStore

__all__ = ["UndoStack", "Undoable", "undo_deletion", "undo_edit"]

_DEPTH = 50
"""Changes kept per session: enough for a morning's work, few enough to hold no history
of its own (the audit log is the history)."""


@dataclass(frozen=True, slots=True)
class Undoable:
    """One change a page made: what it was, in words, and how to undo it."""

    done: str  # "Event “Arrest” moved to the trash" (translated by the caller)
    undo: Callable[[], None]  # reverses it through the core; may raise SatchelError


class UndoStack(QObject):
    """The session's undoable changes, each tagged with the page it was made on."""

    pushed = Signal(str, object)  # page key, Undoable
    undone = Signal(str, object)  # page key, Undoable

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, Undoable]] = []

    def push(self, page: str, item: Undoable) -> None:
        self._items.append((page, item))
        del self._items[:-_DEPTH]
        self.pushed.emit(page, item)

    def top(self, page: str) -> Undoable | None:
        """The last change made on `page`, if any."""
        for key, item in reversed(self._items):
            if key == page:
                return item
        return None

    def undo(self, page: str) -> Undoable | None:
        """Undo the last change made on `page`; None when there is none. An error from the
        core propagates and the change stays on the stack (nothing was undone)."""
        for i in range(len(self._items) - 1, -1, -1):
            key, item = self._items[i]
            if key == page:
                item.undo()
                del self._items[i]
                self.undone.emit(page, item)
                return item
        return None

    def discard(self, item: Undoable) -> None:
        """Forget a change (undone another way, e.g. restored from the trash page)."""
        self._items = [(k, i) for k, i in self._items if i is not item]

    def clear(self) -> None:
        """Forget everything (the vault was locked: nothing of it may stay reachable)."""
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def undo_deletion(trash: Trash, record_id: str, done: str, refresh: Callable[[], None]) -> Undoable:
    """Undo of a deletion: restore the record (and what went with it) from the trash."""

    def undo() -> None:
        trash.restore(record_id)
        refresh()

    return Undoable(done, undo)


def undo_edit(
    store: RecordStore[Any],
    before: Record,
    after: Record,
    done: str,
    refresh: Callable[[], None],
) -> Undoable | None:
    """Undo of a form saved: the fields it changed go back, unless changed again since
    (the core's audited `revert`). None when the save changed nothing."""
    names = [
        f.name
        for f in dataclasses.fields(before)
        if f.name not in ("updated_at", "versions")
        and getattr(before, f.name) != getattr(after, f.name)
    ]
    if not names:
        return None
    old = {n: getattr(before, n) for n in names}
    new = {n: getattr(after, n) for n in names}

    def undo() -> None:
        store.revert(before.id, old, new)
        refresh()

    return Undoable(done, undo)
