"""Keeping a case's timeline and its chronology table on the same selected event."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

from satchel.gui.timeline.widget import TimelineWidget

__all__ = ["link_timeline_and_chronology"]


def link_timeline_and_chronology(timeline: TimelineWidget, chronology: Any) -> None:
    """Keep a timeline and a chronology panel showing the same selected event.

    `chronology` is a `satchel.gui.chronology.table.ChronologyPanel` (duck-typed: it needs
    `event_selected`, `select_event(id)` and, optionally, `events_changed` and
    `edit_selected()`). Each side selects without re-emitting, so there is no echo loop.
    An edit in the table reloads the timeline; opening a mark opens the event form.
    """
    timeline.event_selected.connect(chronology.select_event)
    chronology.event_selected.connect(timeline.select_event)

    changed = getattr(chronology, "events_changed", None)
    if changed is not None:
        # Several edits in one go (a computed deadline moving with its source) reload once.
        timer = QTimer(timeline)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(timeline.reload)
        changed.connect(timer.start)

    edit = getattr(chronology, "edit_selected", None)
    if edit is not None:

        def open_event(event_id: str) -> None:
            if chronology.select_event(event_id) is not False:
                edit()

        timeline.event_activated.connect(open_event)
