"""What a laid-out timeline is made of: marks, clusters, lane boxes.

Plain values in pixel coordinates of the layout's scale (x) and of the
drawing surface (y), so the screen and the PDF can both paint them and the
hit-tester can answer "what is under the pointer" without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.domain.model import Lane
from briefing_app.geometry.index import MarkKind
from briefing_app.geometry.timescale import TimeScale

__all__ = ["Rect", "Mark", "Cluster", "LaneBox", "TimelineLayout", "count_label"]


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def united(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


@dataclass(frozen=True, slots=True)
class Mark:
    """One event drawn on its own.

    ``x0``/``x1`` are where its time begins and ends (equal for a point:
    the middle of its day). ``body`` is the marker, bar or band;
    ``badge`` is where the annotation/flag badge goes, if any.
    """

    event_id: str
    lane: Lane
    row: int
    x0: float
    x1: float
    kind: MarkKind
    label: str
    label_rect: Rect
    body: Rect
    badge: Rect | None = None
    extent: Rect = field(init=False, repr=False, compare=False)
    """Everything the mark occupies: body, badge and label (worked out once, read per frame)."""

    def __post_init__(self) -> None:
        rect = self.body.united(self.label_rect)
        if self.badge is not None:
            rect = rect.united(self.badge)
        object.__setattr__(self, "extent", rect)


@dataclass(frozen=True, slots=True)
class Cluster:
    """Events too dense to label here, drawn as one pill with their count.

    ``t0``/``t1`` are the days its events start within (end exclusive): the
    window to zoom to so that they separate.
    """

    lane: Lane
    x0: float
    x1: float
    count: int
    t0: float
    t1: float
    row: int
    label: str
    rect: Rect

    @property
    def extent(self) -> Rect:
        return self.rect


@dataclass(frozen=True, slots=True)
class LaneBox:
    """A lane's vertical extent and its rows."""

    lane: Lane
    y0: float
    y1: float
    rows: int
    first_row_y: float
    row_height: float

    def row_top(self, row: int) -> float:
        return self.first_row_y + row * self.row_height


@dataclass(frozen=True)
class TimelineLayout:
    """The result of laying out one window: what to draw and where."""

    scale: TimeScale
    lanes: tuple[LaneBox, ...]
    marks: tuple[Mark, ...]
    clusters: tuple[Cluster, ...]
    _by_id: dict[str, Mark] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {m.event_id: m for m in self.marks})

    def mark_for(self, event_id: str) -> Mark | None:
        return self._by_id.get(event_id)

    def lane_box(self, lane: Lane) -> LaneBox | None:
        return next((box for box in self.lanes if box.lane is lane), None)


def count_label(count: int) -> str:
    """A cluster's count, short enough for a small pill: 7, 812, 4.5k, 23k."""
    if count < 1000:
        return str(count)
    if count < 10_000:
        return f"{count / 1000:.1f}k"
    return f"{count // 1000}k"
