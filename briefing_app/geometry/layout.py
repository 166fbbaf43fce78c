"""Lay out one window of the timeline: marks in rows, dense regions as clusters.

The cost follows what can be shown, not how many events exist. Per lane the
window is cut into small pixel buckets and each bucket's events are counted
with ``bisect`` (O(buckets · log n)). Wherever more events start within a
label's width than the lane has rows, the region becomes a cluster without
its events ever being visited. Only the sparse rest is laid out one by one:
greedy interval packing into rows, and anything that still finds no row is
folded into a cluster, so labels never overlap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, zip_longest

from briefing_app.domain.model import Lane
from briefing_app.domain.wording import shown_as_written
from briefing_app.geometry.index import EventIndex, IndexedEvent, MarkKind
from briefing_app.geometry.marks import (
    Cluster,
    LaneBox,
    Mark,
    Rect,
    TimelineLayout,
    count_label,
)
from briefing_app.geometry.timescale import TimeScale

__all__ = ["LayoutStyle", "fit_lane_heights", "layout_timeline", "mark_text"]

Measure = Callable[[str], float]
LabelCache = MutableMapping[str, tuple[str, float]]

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class LayoutStyle:
    """Sizes in pixels that decide how much fits; the painter uses the same."""

    row_height: float = 22.0
    lane_padding: float = 5.0
    marker_px: float = 10.0
    badge_px: float = 7.0
    label_gap_px: float = 4.0
    item_gap_px: float = 8.0
    min_label_px: float = 40.0
    min_bar_px: float = 3.0
    text_height: float = 15.0
    cell_px: float = 4.0
    cluster_max_px: float = 56.0
    cluster_pad_px: float = 6.0
    widen_labels_px: float = 0.0
    """Labels cut at the budget may then grow into the free room after them, up to
    this width (0: never). For paper, where no tooltip shows the rest of a title;
    packing is unchanged, so no page gains a cluster."""

    def rows_for(self, lane_height: float) -> int:
        return max(1, int((lane_height - 2 * self.lane_padding) // self.row_height))


def mark_text(entry: IndexedEvent) -> str:
    """The label of an event: its title, preceded by the date for a band.

    A month- or year-dated event is drawn over its whole period, so its
    label says which period ("Nov 2021 · ...") instead of implying a day.
    """
    title = shown_as_written(entry.event.title)
    if entry.kind == "band":
        return f"{entry.event.when.label()} · {title}"
    return title


class _Item:
    """An event or a cluster while rows are being packed."""

    __slots__ = (
        "badge_x",
        "body_x0",
        "body_x1",
        "count",
        "entry",
        "label",
        "label_w",
        "label_x",
        "left",
        "right",
        "t0",
        "t1",
    )

    def __init__(self) -> None:
        self.entry: IndexedEvent | None = None
        self.badge_x: float | None = None


class _Packer:
    """Places one lane's items; a short-lived helper of ``layout_timeline``."""

    def __init__(
        self,
        scale: TimeScale,
        measure: Measure,
        budget: float,
        style: LayoutStyle,
        cache: LabelCache,
    ) -> None:
        self.t0 = scale.t0
        self.k = scale.width_px / scale.span
        self.measure = measure
        self.budget = budget
        self.style = style
        self.cache = cache

    # -- labels ----------------------------------------------------------
    def fit(self, text: str) -> tuple[str, float]:
        """``text`` cut with an ellipsis to the label budget, and its width."""
        hit = self.cache.get(text)
        if hit is None:
            hit = self.cache[text] = self.elide(text, self.budget)
        return hit

    def elide(self, text: str, budget: float) -> tuple[str, float]:
        """The longest start of ``text`` (with an ellipsis) no wider than ``budget``."""
        width = self.measure(text)
        if width <= budget:
            return text, width
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.measure(text[:mid].rstrip() + ELLIPSIS) <= budget:
                lo = mid
            else:
                hi = mid - 1
        shown = text[:lo].rstrip() + ELLIPSIS
        return shown, self.measure(shown)

    # -- items -----------------------------------------------------------
    def event_item(self, entry: IndexedEvent) -> _Item:
        s, k, t0 = self.style, self.k, self.t0
        item = _Item()
        item.entry = entry
        item.count = 1
        # Should it end up in a cluster, an event that began before the
        # window counts from the window's left edge, where it is seen.
        item.t0 = max(entry.start, t0)
        item.t1 = item.t0 + 1.0
        event = entry.event
        badged = event.annotation_count > 0 or event.flagged
        badge_w = s.badge_px + s.label_gap_px if badged else 0.0
        item.label, item.label_w = self.fit(mark_text(entry))
        if entry.kind == "point":
            cx = (entry.start + 0.5 - t0) * k
            item.body_x0, item.body_x1 = cx - s.marker_px / 2, cx + s.marker_px / 2
            anchor = item.body_x1 + s.label_gap_px
        else:
            x0, x1 = (entry.start - t0) * k, (entry.end - t0) * k
            item.body_x0, item.body_x1 = x0, max(x1, x0 + s.min_bar_px)
            # Inside the bar when it fits (from the left edge if the bar began
            # off screen), otherwise just after it.
            inside = max(x0, 0.0) + s.label_gap_px
            if inside + badge_w + item.label_w + s.label_gap_px <= item.body_x1:
                anchor = inside
            else:
                anchor = item.body_x1 + s.label_gap_px
        if badge_w:
            item.badge_x = anchor
            anchor += badge_w
        item.label_x = anchor
        item.left = item.body_x0
        item.right = max(item.body_x1, anchor + item.label_w)
        return item

    def cluster_item(self, count: int, t0: float, t1: float, floor_left: float) -> _Item:
        """A pill over ``[t0, t1)`` wide enough for its count, never left of ``floor_left``."""
        s = self.style
        item = _Item()
        item.count, item.t0, item.t1 = count, t0, t1
        x0, x1 = (t0 - self.t0) * self.k, (t1 - self.t0) * self.k
        item.label, item.label_w = self.fit(count_label(count))
        min_w = item.label_w + 2 * s.cluster_pad_px
        left = x0 if x1 - x0 >= min_w else (x0 + x1) / 2 - min_w / 2
        item.left = max(left, floor_left)
        item.right = max(item.left + min_w, x1)
        item.body_x0, item.body_x1 = x0, x1
        item.label_x = (item.left + item.right) / 2 - item.label_w / 2
        return item

    def merged(self, kept: _Item, extra: _Item) -> _Item:
        """``kept`` (last in its row) and ``extra`` folded into one cluster."""
        return self.cluster_item(
            kept.count + extra.count,
            min(kept.t0, extra.t0),
            max(kept.t1, extra.t1),
            floor_left=kept.left,
        )

    def pack(self, items: list[_Item], rows: int, alone: str | None = None) -> list[list[_Item]]:
        """Greedy first-fit by left edge; an item with no free row joins a cluster.

        The event ``alone`` (the selection) is never folded: it is given the first
        row before the others are packed, and nothing else may overlap it there.
        """
        gap = self.style.item_gap_px
        placed: list[list[_Item]] = [[] for _ in range(rows)]
        right = [-math.inf] * rows
        reserved = next((it for it in items if it.entry is not None and it.entry.id == alone), None)
        if reserved is not None:
            items.remove(reserved)

        def clashes(r: int, item: _Item) -> bool:
            return (
                r == 0
                and reserved is not None
                and item.left < reserved.right + gap
                and item.right + gap > reserved.left
            )

        items.sort(key=lambda it: it.left)
        for item in items:
            for r in range(rows):
                if right[r] + gap <= item.left and not clashes(r, item):
                    placed[r].append(item)
                    right[r] = item.right
                    break
            else:
                r = self._shorten_a_label(placed, item, clashes)
                if r is not None:
                    placed[r].append(item)
                    right[r] = item.right
                    continue
                # Every row is busy here: fold into the row whose last item is
                # nearest. Being last in its row, the cluster may grow right.
                busy = sorted(
                    (i for i in range(rows) if placed[i]),
                    key=lambda i: placed[i][-1].left,
                    reverse=True,
                )
                for r in busy:
                    folded = self.merged(placed[r][-1], item)
                    if not clashes(r, folded):
                        placed[r][-1] = folded
                        right[r] = folded.right
                        break
                else:
                    # Only the selection's row is left: count the event in a pill
                    # just after the selection rather than draw over it.
                    assert reserved is not None
                    pill = self.cluster_item(
                        item.count, item.t0, item.t1, floor_left=reserved.right + gap
                    )
                    placed[0].append(pill)
                    right[0] = max(right[0], pill.right)
        if reserved is not None:
            placed[0].append(reserved)
            placed[0].sort(key=lambda it: it.left)
        return placed

    def widen(self, placed: list[list[_Item]], right_edge: float) -> None:
        """Let cut labels run on into the room left before the next item (see LayoutStyle)."""
        gap, most = self.style.item_gap_px, self.style.widen_labels_px
        for row in placed:
            for it, after in zip_longest(row, row[1:]):
                if it.entry is None:
                    continue
                full = mark_text(it.entry)
                limit = right_edge if after is None else after.left - gap
                room = min(limit - it.label_x, most)
                if it.label == full or room <= it.label_w:
                    continue
                it.label, it.label_w = self.elide(full, room)
                it.right = max(it.body_x1, it.label_x + it.label_w)

    def _shorten_a_label(
        self, placed: list[list[_Item]], item: _Item, barred: Callable[[int, _Item], bool]
    ) -> int | None:
        """Make room for ``item`` by cutting the label that runs into it, if one may be.

        Picks the row whose last label keeps the most text; returns that row,
        or None when every cut would leave less than the shortest label.
        """
        limit = item.left - self.style.item_gap_px
        best, best_room = None, self.style.min_label_px
        for r, row in enumerate(placed):
            if not row or barred(r, item):
                continue
            last = row[-1]
            if last.entry is None or last.body_x1 > limit or last.label_x < last.body_x1:
                continue
            room = limit - last.label_x
            if room >= best_room:
                best, best_room = r, room
        if best is None:
            return None
        last = placed[best][-1]
        assert last.entry is not None
        last.label, last.label_w = self.elide(mark_text(last.entry), best_room)
        last.right = max(last.body_x1, last.label_x + last.label_w)
        return best


def _dense_runs(counts: Sequence[int], window: int, capacity: int) -> list[tuple[int, int]]:
    """Bucket ranges ``[a, b)`` inside some window holding more than ``capacity``.

    Runs are trimmed to buckets that hold events. Written as whole-list steps
    (prefix sums, then a sliding "any dense window covers me"): this runs for
    every dense lane on every frame.
    """
    n = len(counts)
    prefix = [0, *accumulate(counts)]
    # Window i covers buckets [i, min(i + window, n)); is it over capacity?
    dense = [
        prefix[min(i + window, n)] - prefix[i] > capacity for i in range(max(n - window, 0) + 1)
    ]
    seen = [0, *accumulate(dense)]
    m = len(dense)
    # Bucket k lies in window i exactly when k - window < i <= k.
    covered = [seen[min(k + 1, m)] > seen[max(k - window + 1, 0)] for k in range(n)]
    runs: list[tuple[int, int]] = []
    start, last_full = -1, -1
    for i in range(n):
        if covered[i]:
            if counts[i]:
                if start < 0:
                    start = i
                last_full = i
        elif start >= 0:
            runs.append((start, last_full + 1))
            start = -1
    if start >= 0:
        runs.append((start, last_full + 1))
    return runs


def _split_at_grid(
    runs: Iterable[tuple[int, int]], first_bucket: int, chunk: int
) -> list[tuple[int, int]]:
    """Cut runs longer than ``chunk`` at absolute chunk boundaries (stable when panning)."""
    pieces: list[tuple[int, int]] = []
    for a, b in runs:
        if b - a <= chunk:
            pieces.append((a, b))
            continue
        cut = a
        while cut < b:
            boundary = ((first_bucket + cut) // chunk + 1) * chunk - first_bucket
            end = min(boundary, b)
            pieces.append((cut, end))
            cut = end
    return pieces


def _lane_items(
    index: EventIndex,
    lane: Lane,
    scale: TimeScale,
    packer: _Packer,
    rows: int,
    lead_px: float,
    alone: str | None = None,
) -> list[_Item]:
    """Cluster seeds for dense buckets and items for sparse events of one lane.

    A dense run holding one event, or the event ``alone``, gives that event its
    own item: a cluster that says "1" hides a title for nothing."""
    s = packer.style
    bucket_days = s.cell_px * scale.days_per_px
    first_bucket = math.floor((scale.t0 - lead_px * scale.days_per_px) / bucket_days)
    last_bucket = math.ceil(scale.t1 / bucket_days)
    t_lo, t_hi = first_bucket * bucket_days, last_bucket * bucket_days
    items = [packer.event_item(e) for e in index.crossing(lane, t_lo)]
    lo, hi = index.positions(lane, (t_lo, t_hi))
    if index.shown_between(lane, lo, hi) <= rows:
        items.extend(packer.event_item(e) for e in index.entries(lane, lo, hi))
        return items
    edges = [b * bucket_days for b in range(first_bucket, last_bucket + 1)]
    pos = index.positions(lane, edges)
    counts = index.shown_counts(lane, pos)
    window = max(1, round((s.marker_px + s.label_gap_px + s.min_label_px) / s.cell_px))
    chunk = max(1, round(s.cluster_max_px / s.cell_px))
    runs = _split_at_grid(_dense_runs(counts, window, rows), first_bucket, chunk)
    kept = index.get(alone) if alone is not None else None
    if kept is not None and (kept.lane is not lane or not index.is_shown(kept.id)):
        kept = None
    sparse_from = 0
    for a, b in runs:
        items.extend(packer.event_item(e) for e in index.entries(lane, pos[sparse_from], pos[a]))
        sparse_from = b
        extent = index.shown_extent(lane, pos[a], pos[b])
        if extent is None:
            continue
        count = index.shown_between(lane, pos[a], pos[b])
        if count == 1:
            items.extend(packer.event_item(e) for e in index.entries(lane, pos[a], pos[b]))
            continue
        if kept is not None and edges[a] <= kept.start < edges[b]:
            items.append(packer.event_item(kept))
            count -= 1
            if count == 1:
                items.extend(
                    packer.event_item(e)
                    for e in index.entries(lane, pos[a], pos[b])
                    if e.id != kept.id
                )
                continue
        items.append(packer.cluster_item(count, extent[0], extent[1] + 1.0, -math.inf))
    items.extend(packer.event_item(e) for e in index.entries(lane, pos[sparse_from], pos[-1]))
    return items


def _finish_lane(
    box: LaneBox,
    placed: list[list[_Item]],
    style: LayoutStyle,
    marks: list[Mark],
    clusters: list[Cluster],
) -> None:
    """Turn packed items into marks and clusters with their rectangles."""
    rh, th = style.row_height, style.text_height
    for row, row_items in enumerate(placed):
        top = box.row_top(row)
        mid = top + rh / 2
        for it in row_items:
            if it.entry is None:
                clusters.append(
                    Cluster(
                        box.lane,
                        it.body_x0,
                        it.body_x1,
                        it.count,
                        it.t0,
                        it.t1,
                        row,
                        it.label,
                        Rect(it.left, top + 2, it.right - it.left, rh - 4),
                    )
                )
                continue
            kind: MarkKind = it.entry.kind
            if kind == "point":
                m = style.marker_px
                body = Rect(it.body_x0, mid - m / 2, m, m)
                x0 = x1 = (it.body_x0 + it.body_x1) / 2
            else:
                body = Rect(it.body_x0, top + 2, it.body_x1 - it.body_x0, rh - 4)
                x0, x1 = it.body_x0, it.body_x1
            badge = None
            if it.badge_x is not None:
                b = style.badge_px
                badge = Rect(it.badge_x, mid - b / 2, b, b)
            marks.append(
                Mark(
                    it.entry.id,
                    box.lane,
                    row,
                    x0,
                    x1,
                    kind,
                    it.label,
                    Rect(it.label_x, mid - th / 2, it.label_w, th),
                    body,
                    badge,
                )
            )


def fit_lane_heights(
    index: EventIndex,
    scale: TimeScale,
    lanes: Sequence[Lane],
    total: float,
    style: LayoutStyle,
) -> tuple[float, ...]:
    """Each lane's share of ``total``: a lane with nothing shown in ``scale`` takes one row,
    so the lanes that have events get the room; all alike when none or all are empty."""
    least = style.row_height + 2 * style.lane_padding
    busy = []
    for lane in lanes:
        lo, hi = index.positions(lane, (scale.t0, scale.t1))
        busy.append(bool(index.crossing(lane, scale.t0)) or index.shown_between(lane, lo, hi) > 0)
    n = sum(busy)
    even = tuple(total / max(len(lanes), 1) for _ in lanes)
    if n in (0, len(lanes)):
        return even
    share = (total - least * (len(lanes) - n)) / n
    if share <= least:
        return even
    return tuple(share if b else least for b in busy)


def layout_timeline(
    index: EventIndex,
    scale: TimeScale,
    lanes: Sequence[Lane],
    measure: Measure,
    *,
    label_px_budget: float = 180.0,
    top: float = 0.0,
    lane_height: float = 72.0,
    style: LayoutStyle | None = None,
    label_cache: LabelCache | None = None,
    alone: str | None = None,
    lane_heights: Sequence[float] | None = None,
) -> TimelineLayout:
    """Lay out the events of ``lanes`` visible in ``scale``, lane after lane from ``top``.

    Every lane is ``lane_height`` high, or each its own of ``lane_heights``
    (``fit_lane_heights``: an empty lane a row, the rest shared by the others).

    ``measure`` gives a label's width in the target font; ``label_cache``
    (keyed by text, valid for one measure and budget) saves re-measuring
    when the caller lays out again. The event ``alone`` (the selection) is
    always drawn on its own, never inside a cluster.
    """
    style = style or LayoutStyle()
    cache: LabelCache = {} if label_cache is None else label_cache
    packer = _Packer(scale, measure, label_px_budget, style, cache)
    lead_px = style.marker_px + style.badge_px + 2 * style.label_gap_px + label_px_budget
    boxes: list[LaneBox] = []
    marks: list[Mark] = []
    clusters: list[Cluster] = []
    heights = list(lane_heights) if lane_heights is not None else [lane_height] * len(lanes)
    y0 = top
    for lane, height in zip(lanes, heights, strict=True):
        rows = style.rows_for(height)
        used = rows * style.row_height
        box = LaneBox(lane, y0, y0 + height, rows, y0 + (height - used) / 2, style.row_height)
        y0 += height
        boxes.append(box)
        items = _lane_items(index, lane, scale, packer, rows, lead_px, alone)
        placed = packer.pack(items, rows, alone)
        if style.widen_labels_px > label_px_budget:
            packer.widen(placed, scale.width_px)
        _finish_lane(box, placed, style, marks, clusters)
    return TimelineLayout(scale, tuple(boxes), tuple(marks), tuple(clusters))
