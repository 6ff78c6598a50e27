"""What a timeline shows of its items: filtered, grouped into lanes, indexed, with its bands.

`build_scene` turns the items of a load, the user's filter and the lane grouping into a
`Scene`: everything the plot needs, computed in one pass and never touched again. It has no
Qt and reads no vault, so `widget.py` can run it on a worker thread for an all-cases
timeline of 200,000 events while the window keeps answering, and hand the finished scene
to the plot in one assignment. Lane names come in a `LaneLabels` made on the GUI thread
(translations included), so nothing here formats text for display.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from satchel.core.model import EventType
from satchel.gui.timeline.layout import (
    NO_PERSON,
    NO_PROCEEDING,
    Lane,
    LaneMode,
    Shape,
    TimelineItem,
    build_lanes,
)

__all__ = ["FIT_LATEST", "LaneLabels", "Scene", "TimelineFilter", "band_items", "build_scene"]

# "Fit all" leaves room for the labels of this many of the events that end last.
FIT_LATEST = 4


class TimelineFilter:
    """What the user narrowed the timeline to; `matches` is applied to every item."""

    FLAG_ANY = ""
    FLAG_KEY = "key"
    FLAG_DISPUTED = "disputed"
    FLAG_DEADLINE = "deadline"

    def __init__(self) -> None:
        self.event_type: str = ""
        self.person_id: str = ""
        self.flag: str = self.FLAG_ANY
        self.text: str = ""

    def copy(self) -> TimelineFilter:
        """A snapshot to hand to a worker thread (the toolbar keeps changing this one)."""
        other = TimelineFilter()
        other.event_type, other.person_id = self.event_type, self.person_id
        other.flag, other.text = self.flag, self.text
        return other

    def key(self) -> tuple[str, str, str, str]:
        return (self.event_type, self.person_id, self.flag, self.text)

    def is_empty(self) -> bool:
        return self.key() == ("", "", self.FLAG_ANY, "")

    def matches(self, item: TimelineItem) -> bool:
        ev = item.event
        if self.event_type and ev.event_type.value != self.event_type:
            return False
        if self.person_id and self.person_id not in ev.person_ids:
            return False
        if self.flag == self.FLAG_KEY and not ev.key_fact:
            return False
        if self.flag == self.FLAG_DISPUTED and not item.disputed:
            return False
        if self.flag == self.FLAG_DEADLINE and ev.deadline is None:
            return False
        if self.text:
            needle = self.text.casefold()
            hay = f"{ev.title}\n{ev.description}\n{ev.source}".casefold()
            if needle not in hay:
                return False
        return True


@dataclass(frozen=True, slots=True)
class LaneLabels:
    """The names of lanes, in the interface language, made on the GUI thread."""

    types: Mapping[str, str] = field(default_factory=dict)
    cases: Mapping[str, str] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    unknown_case: str = "(case)"
    no_person: str = "No person"
    unknown_person: str = "(unknown person)"
    no_proceeding: str = "No proceeding"

    def with_cases(self, cases: Mapping[str, str]) -> LaneLabels:
        return replace(self, cases=cases)

    def with_people(self, people: Mapping[str, str]) -> LaneLabels:
        return replace(self, people=people)

    def label(self, mode: LaneMode, key: str) -> str:
        if mode is LaneMode.BY_TYPE:
            return self.types.get(key, key)
        if mode is LaneMode.BY_CASE:
            return self.cases.get(key) or self.unknown_case
        if mode is LaneMode.BY_PROCEEDING:
            # The proceeding's own words: vault text, painted as plain text.
            return key if key != NO_PROCEEDING else self.no_proceeding
        if key == NO_PERSON:
            return self.no_person
        return self.people.get(key) or self.unknown_person


@dataclass(slots=True)
class Scene:
    """Everything the plot and the tray show for one load, filter and lane grouping."""

    shown: list[TimelineItem]  # passing the filter, dated and undated, in honest order
    dated: list[TimelineItem]
    undated: list[TimelineItem]
    lanes: list[Lane]
    bands: list[TimelineItem]  # periods drawn as bands behind the lanes, by start
    by_id: dict[str, TimelineItem]
    rank: dict[str, int]  # position of each dated item in honest order (keyboard moves)
    total: int  # every item loaded, before the filter
    latest: list[TimelineItem] = field(default_factory=list)  # end last, latest first


def band_items(items: Sequence[TimelineItem], types: Collection[str]) -> list[TimelineItem]:
    """The periods drawn as bands: events of the given types dated as a span ("from … to
    …", `DateKind.SPAN`), in order of their start. `items` are in honest order already."""
    if not types:
        return []
    return [
        it
        for it in items
        if it.shape is Shape.SPAN and it.event.event_type.value in types and it.hi > it.lo
    ]


def build_scene(
    items: Sequence[TimelineItem],
    flt: TimelineFilter,
    mode: LaneMode,
    labels: LaneLabels,
    band_types: Collection[str] = (),
) -> Scene:
    """Filter `items` (in honest order), group the dated ones into lanes, index them."""
    shown = list(items) if flt.is_empty() else [it for it in items if flt.matches(it)]
    dated: list[TimelineItem] = []
    undated: list[TimelineItem] = []
    for it in shown:
        (dated if it.dated else undated).append(it)
    order: list[str] | None = None
    if mode is LaneMode.BY_TYPE:
        order = [m.value for m in EventType]
    elif mode is LaneMode.BY_PROCEEDING:
        # Proceedings in the order the story reached them: by their first event.
        order = list(dict.fromkeys(it.event.proceeding for it in dated if it.event.proceeding))
    lanes = build_lanes(dated, mode, lambda key: labels.label(mode, key), order)
    return Scene(
        shown=shown,
        dated=dated,
        undated=undated,
        lanes=lanes,
        bands=band_items(dated, band_types),
        by_id={it.id: it for it in dated},
        rank={it.id: i for i, it in enumerate(dated)},
        total=len(items),
        latest=heapq.nlargest(FIT_LATEST, dated, key=lambda it: it.hi),
    )
