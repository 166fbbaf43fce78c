"""Which mark or cluster lies under a point of a laid-out timeline.

Rows never overlap within a lane, so the point's lane and row come from its
y, and a bisect over that row's left edges finds the one candidate.
"""

from __future__ import annotations

from bisect import bisect_right

from briefing_app.geometry.marks import Cluster, Mark, TimelineLayout

__all__ = ["HitTester"]

Target = Mark | Cluster


class HitTester:
    """Answers hit queries on one layout; build it once per layout."""

    def __init__(self, layout: TimelineLayout) -> None:
        self._layout = layout
        rows: dict[tuple[int, int], list[Target]] = {}
        lane_pos = {box.lane: i for i, box in enumerate(layout.lanes)}
        for target in (*layout.marks, *layout.clusters):
            rows.setdefault((lane_pos[target.lane], target.row), []).append(target)
        self._rows = {key: sorted(items, key=lambda t: t.extent.x) for key, items in rows.items()}
        self._lefts = {key: [t.extent.x for t in items] for key, items in self._rows.items()}

    def at(self, x: float, y: float, slop: float = 3.0) -> Target | None:
        """The mark or cluster whose drawn extent contains ``(x, y)``, within ``slop`` px."""
        for lane_i, box in enumerate(self._layout.lanes):
            if not (box.y0 <= y < box.y1):
                continue
            best: Target | None = None
            best_distance = slop + 1.0
            for row in range(box.rows):
                key = (lane_i, row)
                lefts = self._lefts.get(key)
                if not lefts:
                    continue
                items = self._rows[key]
                i = bisect_right(lefts, x + slop) - 1
                for target in items[max(i - 1, 0) : i + 1]:
                    distance = _distance(target, x, y)
                    if distance <= slop and distance < best_distance:
                        best, best_distance = target, distance
            return best
        return None


def _distance(target: Target, x: float, y: float) -> float:
    rect = target.extent
    dx = max(rect.x - x, 0.0, x - rect.right)
    dy = max(rect.y - y, 0.0, y - rect.bottom)
    return max(dx, dy)
