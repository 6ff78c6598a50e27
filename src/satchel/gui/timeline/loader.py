"""Reading a timeline's events off the GUI thread: events to items to a finished `Scene`.

`load_timeline` is the whole of a (re)load: case titles, the events in batches, their
timeline items in honest order, people's names when the lanes or the filter need them,
and the scene the plot shows. The widget runs it synchronously for a small case and as a
background job (`gui.common.workers`) otherwise; both paths run this same function, so a
background load shows exactly what a synchronous one would. Between batches it checks for
cancellation (a lock, a new load), and it hands partial scenes through a `Mailbox` so the
first events are drawn while the rest are still read.

It reads the vault only through the core stores, which share one serialised connection
with the GUI thread (core/connection.py), and never touches a widget: results go back as
plain values. Nothing read here is kept once a newer load or the lock supersedes it.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from satchel.core.model import Event
from satchel.core.vault import Vault
from satchel.gui.common.workers import JobContext
from satchel.gui.timeline.layout import LaneMode, TimelineItem, items_from_events
from satchel.gui.timeline.scene import LaneLabels, Scene, TimelineFilter, build_scene

__all__ = [
    "LOAD_CHUNK",
    "LoadRequest",
    "Loaded",
    "Mailbox",
    "SceneRequest",
    "load_timeline",
    "people_names",
    "rebuild_scene",
]

# Events read between checks for cancellation, and the size of the first partial scene.
LOAD_CHUNK = 5000
# A case's events are read a few chunks at a time: paging a case costs a sort per page.
_CASE_PAGE = 4 * LOAD_CHUNK


def _order(it: TimelineItem) -> tuple[int, int, int, int]:
    return it.order


def _merged(runs: list[list[TimelineItem]]) -> list[TimelineItem]:
    """Sorted runs merged into one list in honest order.

    Sorting 200,000 items in one `list.sort` holds the GIL for its whole comparison phase
    (a C loop that never yields), which froze the window for a tenth of a second and more;
    each batch is sorted on its own as it arrives, and `heapq.merge` (Python-level, so the
    GUI thread gets its turns) joins them.
    """
    if len(runs) == 1:
        return list(runs[0])
    return list(heapq.merge(*runs, key=_order))


@dataclass(frozen=True, slots=True)
class SceneRequest:
    """How to turn items into a scene: the filter, the lanes and the bands asked for."""

    flt: TimelineFilter
    mode: LaneMode
    labels: LaneLabels
    band_types: frozenset[str]
    want_names: bool  # lanes by person or a person filter: names are read first

    def key(self) -> tuple[Any, ...]:
        return (self.flt.key(), self.mode, self.band_types)


@dataclass(frozen=True, slots=True)
class LoadRequest:
    """What to read: one case (or every case) as of `today`, and the scene to make of it."""

    generation: int
    case_id: str | None
    all_cases: bool
    today: date
    total: int  # the events counted before reading, for "Loading… n of total"
    scene: SceneRequest


@dataclass(slots=True)
class Loaded:
    """What a load (or a partial load) produced."""

    generation: int
    items: list[TimelineItem]  # every item read, in honest order
    titles: dict[str, str]  # case titles (all cases only)
    names: dict[str, str] | None  # people's names, when they were read
    scene: Scene
    scene_key: tuple[Any, ...]
    complete: bool


class Mailbox:
    """The latest partial load, handed from the worker to the GUI thread.

    The worker puts and then signals progress; the GUI thread takes whatever is newest.
    Older partials are simply replaced: only the latest is worth drawing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: Loaded | None = None

    def put(self, loaded: Loaded) -> None:
        with self._lock:
            self._latest = loaded

    def take(self) -> Loaded | None:
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


def _batches(vault: Vault, req: LoadRequest) -> Iterator[list[Event]]:
    if req.all_cases:
        # Every case: keyset paging in id order, linear in the vault (a date order with
        # OFFSET would sort the whole table for every page); the first batch is also a
        # fair sample of the whole time range, so the first partial scene looks right.
        source = vault.events.iter_all(batch=1000)
        while True:
            batch: list[Event] = []
            for ev in source:
                batch.append(ev)
                if len(batch) >= LOAD_CHUNK:
                    break
            if not batch:
                return
            yield batch
            if len(batch) < LOAD_CHUNK:
                return
    elif req.case_id is not None:
        offset = 0
        while True:
            page = vault.events.list(case_id=req.case_id, limit=_CASE_PAGE, offset=offset)
            if page:
                yield page
            if len(page) < _CASE_PAGE:
                return
            offset += len(page)


def people_names(vault: Vault, items: list[TimelineItem]) -> dict[str, str]:
    """The primary names of the people named in `items`, by id (one query per 500)."""
    ids = sorted({pid for it in items for pid in it.event.person_ids})
    return {pid: p.primary_name for pid, p in vault.people.find_many(ids).items()}


def rebuild_scene(
    vault: Vault | None,
    items: list[TimelineItem],
    req: SceneRequest,
    names: dict[str, str] | None,
    ctx: JobContext | None = None,
) -> tuple[Scene, dict[str, str] | None]:
    """A new scene of the same items (the filter or the lanes changed); reads the names
    first if the request needs them and they are not known yet."""
    labels = req.labels
    if req.want_names and names is None and vault is not None:
        names = people_names(vault, items)
    if names is not None:
        labels = labels.with_people(names)
    if ctx is not None:
        ctx.check_cancelled()
    return build_scene(items, req.flt, req.mode, labels, req.band_types), names


def load_timeline(
    vault: Vault,
    req: LoadRequest,
    ctx: JobContext | None = None,
    mailbox: Mailbox | None = None,
) -> Loaded:
    """Read the events `req` asks for and make their scene (see the module docstring).

    With `ctx`, runs as a background job: checks for cancellation between batches and
    reports progress; with `mailbox`, posts partial scenes as the items grow (after the
    first chunk, then each time they have grown fourfold, so the extra work stays under
    a third of the whole).
    """

    def check() -> None:
        if ctx is not None:
            ctx.check_cancelled()

    check()
    titles = {c.id: c.title for c in vault.cases.list()} if req.all_cases else {}
    sreq = req.scene
    labels = sreq.labels.with_cases(titles) if titles else sreq.labels
    runs: list[list[TimelineItem]] = []
    count = 0
    next_partial = LOAD_CHUNK
    for events in _batches(vault, req):
        check()
        batch = items_from_events(events, req.today)
        # Cases come in the store's honest order already: sorting sorted items is linear.
        batch.sort(key=_order)
        runs.append(batch)
        count += len(batch)
        if mailbox is not None and ctx is not None and next_partial <= count < req.total:
            part = _merged(runs)
            runs = [part]
            scene = build_scene(part, sreq.flt, sreq.mode, labels, sreq.band_types)
            mailbox.put(Loaded(req.generation, part, titles, None, scene, sreq.key(), False))
            next_partial = 4 * count
        if ctx is not None:
            ctx.progress(count, max(req.total, count))
    check()
    items = _merged(runs) if runs else []
    names = people_names(vault, items) if sreq.want_names else None
    check()
    if names is not None:
        labels = labels.with_people(names)
    scene = build_scene(items, sreq.flt, sreq.mode, labels, sreq.band_types)
    return Loaded(req.generation, items, titles, names, scene, sreq.key(), True)
