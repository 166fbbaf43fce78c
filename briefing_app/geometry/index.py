"""Events sorted for window queries in logarithmic time.

Built once per data set. Each lane keeps its events sorted by start (to
count and slice a window with ``bisect``) and by end (for the last end of
the shown events). Long ranges are kept apart so that a query for the
events crossing a point looks back only as far as the longest event of each
kind. Filters never rebuild the arrays: the hidden ids become prefix sums
over the start order, so counts stay O(log n).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import accumulate, pairwise
from operator import attrgetter
from typing import Literal, NamedTuple

from briefing_app.domain.dates import Precision
from briefing_app.domain.model import Event, Lane

__all__ = ["EventIndex", "IndexedEvent", "MarkKind", "LONG_EVENT_DAYS"]

MarkKind = Literal["point", "range", "band"]

LONG_EVENT_DAYS = 32.0
"""Events longer than this live in a lane's separate list of long ranges."""


class IndexedEvent(NamedTuple):
    """An event with the times and drawing kind the geometry works with.

    ``start``/``end`` are days, end exclusive: a day-precise point on day D
    spans ``[D, D + 1)``; a month band covers its whole month.
    """

    event: Event
    start: float
    end: float
    kind: MarkKind
    rank: int
    """Position in the index's global time order."""

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def lane(self) -> Lane:
        return self.event.lane


def _indexed(event: Event) -> tuple[float, float, MarkKind]:
    first, last = event.when.start, event.when.end
    start = float(first.value.toordinal())
    if last is None or last == first:
        if first.precision is Precision.DAY:
            return start, start + 1.0, "point"
        return start, float(first.last_day.toordinal() + 1), "band"
    return start, float(last.last_day.toordinal() + 1), "range"


def _index_rows(events: Iterable[Event]) -> list[tuple[float, float, str, MarkKind, Event]]:
    """(start, end, id, kind, event) per event, sorted: the index's time order.

    Events read from storage share one date span object per day, so the
    times are worked out once per span rather than once per event.
    """
    times: dict[int, tuple[float, float, MarkKind]] = {}
    rows = []
    for event in events:
        key = id(event.when)
        found = times.get(key)
        if found is None:
            found = times[key] = _indexed(event)
        rows.append((found[0], found[1], event.id, found[2], event))
    # Storage hands events over in this order already, which the sort checks in
    # linear time; ids are unique, so comparisons stop before the event.
    rows.sort()
    return rows


_END = attrgetter("end")


class _LaneArrays:
    """One lane's events in start order, end order, and its long ranges."""

    __slots__ = (
        "by_end",
        "by_start",
        "long",
        "long_max",
        "long_starts",
        "short_max",
        "starts",
    )

    def __init__(self, items: list[IndexedEvent]) -> None:
        """``items`` in rank order."""
        self.by_start = items
        self.starts = [e.start for e in items]
        # A stable sort on the end keeps rank order among equal ends.
        self.by_end = sorted(items, key=_END)
        lengths = [e.end - e.start for e in items]
        self.long = [e for e, n in zip(items, lengths, strict=True) if n > LONG_EVENT_DAYS]
        self.long_starts = [e.start for e in self.long]
        self.short_max = max((n for n in lengths if n <= LONG_EVENT_DAYS), default=0.0)
        self.long_max = max((e.end - e.start for e in self.long), default=0.0)


class _Core:
    """The immutable sorted arrays shared by every filtered view."""

    __slots__ = ("by_id", "lanes", "order", "order_starts")

    def __init__(self, events: Iterable[Event]) -> None:
        order: list[IndexedEvent] = []
        by_id: dict[str, IndexedEvent] = {}
        per_lane: dict[Lane, list[IndexedEvent]] = {lane: [] for lane in Lane}
        in_lane = {lane: items.append for lane, items in per_lane.items()}
        # One pass fills every map: at 100,000 events each extra pass costs ~10 ms.
        for rank, (start, end, event_id, kind, event) in enumerate(_index_rows(events)):
            entry = IndexedEvent(event, start, end, kind, rank)
            order.append(entry)
            by_id[event_id] = entry
            in_lane[event.lane](entry)
        if len(by_id) != len(order):
            raise ValueError("event ids must be unique")
        self.order = order
        self.order_starts = [e.start for e in order]
        self.by_id = by_id
        self.lanes = {lane: _LaneArrays(items) for lane, items in per_lane.items()}


def _hidden_prefix(arrays: _LaneArrays, hidden: Collection[str]) -> list[int]:
    """How many hidden events come before each position of a lane's start order."""
    return [0, *accumulate(e.event.id in hidden for e in arrays.by_start)]


class EventIndex:
    """Per-lane sorted events answering window queries for the layout.

    Positions (``lo``, ``hi``) refer to a lane's start order; ``positions``
    turns times into them. Every query skips the hidden ids given to
    ``with_hidden``.
    """

    __slots__ = ("_core", "_hidden", "_hidden_counts")

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self._core = _Core(events)
        self._hidden: frozenset[str] = frozenset()
        self._hidden_counts: dict[Lane, list[int]] | None = None

    def with_hidden(self, hidden_ids: Collection[str]) -> EventIndex:
        """The same events with ``hidden_ids`` filtered out: O(n), no sorting."""
        view = EventIndex.__new__(EventIndex)
        view._core = self._core
        view._hidden = frozenset(hidden_ids) & self._core.by_id.keys()
        view._hidden_counts = (
            {lane: _hidden_prefix(a, view._hidden) for lane, a in self._core.lanes.items()}
            if view._hidden
            else None
        )
        return view

    # -- whole-index facts ----------------------------------------------
    def __len__(self) -> int:
        return len(self._core.order)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._core.by_id

    @property
    def hidden_ids(self) -> frozenset[str]:
        return self._hidden

    def get(self, event_id: str) -> IndexedEvent | None:
        return self._core.by_id.get(event_id)

    def is_shown(self, event_id: str) -> bool:
        return event_id in self._core.by_id and event_id not in self._hidden

    def domain(self) -> tuple[float, float] | None:
        """First start and last end over all events, hidden or not."""
        order = self._core.order
        if not order:
            return None
        return order[0].start, max(a.by_end[-1].end for a in self._core.lanes.values() if a.by_end)

    def shown_span(self, lanes: Collection[Lane] | None = None) -> tuple[float, float] | None:
        """First start and last end over the shown events of ``lanes``."""
        hidden = self._hidden
        first: float | None = None
        last: float | None = None
        for lane, a in self._core.lanes.items():
            if lanes is not None and lane not in lanes:
                continue
            head = next((e.start for e in a.by_start if e.event.id not in hidden), None)
            tail = next((e.end for e in reversed(a.by_end) if e.event.id not in hidden), None)
            if head is None or tail is None:
                continue
            first = head if first is None else min(first, head)
            last = tail if last is None else max(last, tail)
        return None if first is None or last is None else (first, last)

    # -- window queries -------------------------------------------------
    def positions(self, lane: Lane, edges: Sequence[float]) -> list[int]:
        """For ascending times, the first start-order position at or after each."""
        starts = self._core.lanes[lane].starts
        out: list[int] = []
        lo = 0
        for t in edges:
            lo = bisect_left(starts, t, lo)
            out.append(lo)
        return out

    def shown_between(self, lane: Lane, lo: int, hi: int) -> int:
        """Shown events among start-order positions ``[lo, hi)``."""
        if self._hidden_counts is None:
            return hi - lo
        prefix = self._hidden_counts[lane]
        return (hi - lo) - (prefix[hi] - prefix[lo])

    def shown_count(self, lanes: Collection[Lane]) -> int:
        """How many events of ``lanes`` are shown: O(1) per lane."""
        return sum(
            self.shown_between(lane, 0, len(self._core.lanes[lane].starts)) for lane in lanes
        )

    def shown_counts(self, lane: Lane, positions: Sequence[int]) -> list[int]:
        """Shown events between each pair of neighbouring ``positions`` (one per bucket)."""
        if self._hidden_counts is None:
            return [hi - lo for lo, hi in pairwise(positions)]
        prefix = self._hidden_counts[lane]
        return [(hi - lo) - (prefix[hi] - prefix[lo]) for lo, hi in pairwise(positions)]

    def entries(self, lane: Lane, lo: int, hi: int) -> Iterator[IndexedEvent]:
        """Shown events among start-order positions ``[lo, hi)``, in order."""
        items = self._core.lanes[lane].by_start
        hidden = self._hidden
        for i in range(lo, hi):
            e = items[i]
            if e.event.id not in hidden:
                yield e

    def shown_extent(self, lane: Lane, lo: int, hi: int) -> tuple[float, float] | None:
        """First and last start among shown events at positions ``[lo, hi)``."""
        items = self._core.lanes[lane].by_start
        hidden = self._hidden
        first = next((i for i in range(lo, hi) if items[i].event.id not in hidden), None)
        if first is None:
            return None
        last = next(i for i in range(hi - 1, first - 1, -1) if items[i].event.id not in hidden)
        return items[first].start, items[last].start

    def crossing(self, lane: Lane, t: float) -> list[IndexedEvent]:
        """Shown events that began before ``t`` and are still running at ``t``."""
        a = self._core.lanes[lane]
        hidden = self._hidden
        found: list[IndexedEvent] = []
        lo = bisect_left(a.starts, t - a.short_max)
        hi = bisect_left(a.starts, t)
        for e in a.by_start[lo:hi]:
            if e.end > t and e.end - e.start <= LONG_EVENT_DAYS and e.event.id not in hidden:
                found.append(e)
        lo = bisect_left(a.long_starts, t - a.long_max)
        hi = bisect_left(a.long_starts, t)
        found.extend(e for e in a.long[lo:hi] if e.end > t and e.event.id not in hidden)
        found.sort(key=lambda e: e.rank)
        return found

    def visible(self, lane: Lane, t0: float, t1: float) -> list[IndexedEvent]:
        """Shown events of ``lane`` overlapping ``[t0, t1)``, by start."""
        lo, hi = self.positions(lane, (t0, t1))
        return [*self.crossing(lane, t0), *self.entries(lane, lo, hi)]

    # -- stepping through time ------------------------------------------
    def step_from(
        self,
        event_id: str,
        step: int,
        lanes: Collection[Lane] | None = None,
    ) -> IndexedEvent | None:
        """The next (``step`` = 1) or previous (-1) shown event in time order."""
        current = self._core.by_id.get(event_id)
        if current is None:
            return None
        return self._walk(current.rank + step, step, lanes)

    def nearest_in_lane(self, lane: Lane, t: float) -> IndexedEvent | None:
        """The shown event of ``lane`` whose start is closest to ``t`` (earlier on a tie).

        What moving up or down a lane with the keyboard lands on: the event beside
        the one that was selected, not the lane's first."""
        a = self._core.lanes[lane]
        items, hidden = a.by_start, self._hidden
        i = bisect_left(a.starts, t)
        after = next((items[j] for j in range(i, len(items)) if items[j].id not in hidden), None)
        before = next((items[j] for j in range(i - 1, -1, -1) if items[j].id not in hidden), None)
        if before is None or after is None:
            return before or after
        return after if after.start - t < t - before.start else before

    def first_from(self, t: float, lanes: Collection[Lane] | None = None) -> IndexedEvent | None:
        """The earliest shown event starting at or after ``t``."""
        return self._walk(bisect_left(self._core.order_starts, t), 1, lanes)

    def last_before(self, t: float, lanes: Collection[Lane] | None = None) -> IndexedEvent | None:
        """The latest shown event starting before ``t``."""
        return self._walk(bisect_left(self._core.order_starts, t) - 1, -1, lanes)

    def _walk(self, i: int, step: int, lanes: Collection[Lane] | None) -> IndexedEvent | None:
        order = self._core.order
        hidden = self._hidden
        while 0 <= i < len(order):
            e = order[i]
            if (lanes is None or e.event.lane in lanes) and e.event.id not in hidden:
                return e
            i += step
        return None
