"""The event form's "Proceeding" field: free text, offering the case's known proceedings.

A case file often holds several proceedings at once (the criminal case at home, the
extradition proceedings abroad, an asylum claim); an event names the one it belongs to, and
the timeline can give each its own lane. The field completes from the proceedings the
case's events already name and from the case's reference numbers ("Court 3/10-1187/2025"),
so one proceeding keeps one spelling and one lane. Everything offered is vault text, shown
as plain text (a completer's list is a plain item view).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from satchel.core import limits
from satchel.core.model import Case, Event

__all__ = ["ProceedingEdit", "proceeding_choices"]


def proceeding_choices(case: Case | None, events: Iterable[Event]) -> list[str]:
    """The proceedings the case's events name, most used first, then its references."""
    counts: dict[str, int] = {}
    for ev in events:
        if ev.proceeding:
            counts[ev.proceeding] = counts.get(ev.proceeding, 0) + 1
    named = sorted(counts, key=lambda p: (-counts[p], p.casefold()))
    refs = [f"{r.label} {r.value}".strip() for r in case.references] if case else []
    return named + [r for r in refs if r and r not in counts]


class ProceedingEdit(QLineEdit):
    """One line of text naming a proceeding, completed from `set_choices`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(limits.MAX_SHORT_TEXT)
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def set_choices(self, choices: list[str]) -> None:
        self._model.setStringList(choices)

    def choices(self) -> list[str]:
        return list(self._model.stringList())

    def clear_choices(self) -> None:
        self._model.setStringList([])
