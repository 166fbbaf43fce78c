"""The mapping between time and horizontal pixels, and the rules of zooming.

Time is a float count of days on the proleptic Gregorian calendar
(``date.toordinal()``), so day ``D`` covers ``[D, D + 1)``. Everything that
draws the chronology (screen, PDF) shares this one mapping so that what a
briefer sees on screen is what lands on paper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

__all__ = [
    "DAYS_PER_YEAR",
    "MIN_SPAN_DAYS",
    "MAX_SPAN_DAYS",
    "ScaleLimits",
    "TimeScale",
    "padded_domain",
]

DAYS_PER_YEAR = 365.2425
MIN_SPAN_DAYS = 2.0
MAX_SPAN_DAYS = 60 * DAYS_PER_YEAR


@dataclass(frozen=True, slots=True)
class ScaleLimits:
    """How far a user may zoom and pan.

    ``domain`` is the extent of the data, padded by ``overscroll`` of the
    window's own span on each side: zoomed in, the window stays inside the
    padded domain; zoomed out beyond it, the padded domain stays inside the
    window. Either way no zoom or drag leaves the user staring at empty
    centuries, and the padding grows with the view so a fit with margins
    is never pushed about.
    """

    min_span: float = MIN_SPAN_DAYS
    max_span: float = MAX_SPAN_DAYS
    domain: tuple[float, float] | None = None
    overscroll: float = 0.4

    def padded(self, span: float) -> tuple[float, float] | None:
        """The padded domain for a window of ``span`` days."""
        if self.domain is None:
            return None
        lo, hi = self.domain
        return lo - self.overscroll * span, hi + self.overscroll * span


def padded_domain(first: float, last: float, fraction: float = 0.04) -> tuple[float, float]:
    """The data's extent widened a little, never less than a month each side.

    For views of the whole chronology at a fixed scale (the overview strip).
    """
    if last < first:
        first, last = last, first
    pad = max((last - first) * fraction, 31.0)
    return (first - pad, last + pad)


@dataclass(frozen=True, slots=True)
class TimeScale:
    """A visible window ``[t0, t1)`` in days drawn over ``width_px`` pixels.

    Transformations return new scales, already clamped to ``limits`` when
    limits are given; a scale without limits (the layout's own working
    scale) is taken as it is.
    """

    t0: float
    t1: float
    width_px: float
    limits: ScaleLimits | None = None

    def __post_init__(self) -> None:
        if not (self.width_px > 0):
            raise ValueError(f"width_px must be positive, not {self.width_px}")
        if not (self.t1 > self.t0):
            raise ValueError(f"empty window: t0={self.t0} t1={self.t1}")

    # -- mapping ---------------------------------------------------------
    @property
    def span(self) -> float:
        return self.t1 - self.t0

    @property
    def days_per_px(self) -> float:
        return (self.t1 - self.t0) / self.width_px

    def to_px(self, t: float) -> float:
        return (t - self.t0) * self.width_px / (self.t1 - self.t0)

    def to_time(self, px: float) -> float:
        return self.t0 + px * (self.t1 - self.t0) / self.width_px

    # -- navigation ------------------------------------------------------
    def zoomed(self, factor: float, anchor_px: float | None = None) -> TimeScale:
        """Zoom in by ``factor`` (> 1 zooms in) keeping the time under ``anchor_px`` put.

        When a span limit stops the zoom the anchor still stays put; only the
        domain clamp may move it, and then only to keep the data on screen.
        """
        if not (factor > 0) or math.isinf(factor):
            raise ValueError(f"zoom factor must be positive and finite, not {factor}")
        anchor = self.width_px / 2 if anchor_px is None else anchor_px
        anchor_time = self.to_time(anchor)
        span = self._clamp_span(self.span / factor)
        t0 = anchor_time - anchor * span / self.width_px
        return self._placed(t0, t0 + span)

    def panned(self, dx_px: float) -> TimeScale:
        """Move the window ``dx_px`` pixels later (negative: earlier)."""
        shift = dx_px * self.days_per_px
        return self._placed(self.t0 + shift, self.t1 + shift)

    def fitted(
        self,
        first_day: float,
        last_day: float,
        margin: float = 24.0,
        right_margin: float | None = None,
    ) -> TimeScale:
        """Show ``[first_day, last_day)`` with ``margin`` pixels to spare each side.

        A separate ``right_margin`` leaves room for the labels that run to the
        right of the latest events.
        """
        right = margin if right_margin is None else right_margin
        usable = max(self.width_px - margin - right, self.width_px * 0.25)
        if last_day < first_day:
            first_day, last_day = last_day, first_day
        span = self._clamp_span((last_day - first_day) * self.width_px / usable)
        centre = (first_day + last_day) / 2
        data_px = (last_day - first_day) * self.width_px / span
        # Place the data between the margins; when the span was clamped up,
        # centre it instead.
        if data_px < usable - 0.5:
            t0 = centre - span / 2
        else:
            t0 = first_day - margin * span / self.width_px
        return self._placed(t0, t0 + span)

    def with_range(self, t0: float, t1: float) -> TimeScale:
        """The window ``[t0, t1)`` at this width, clamped to the limits."""
        if t1 < t0:
            t0, t1 = t1, t0
        span = self._clamp_span(max(t1 - t0, 1e-9))
        if span == t1 - t0:
            return self._placed(t0, t1)  # as given: setting the shown window again keeps it
        centre = (t0 + t1) / 2
        return self._placed(centre - span / 2, centre + span / 2)

    def with_width(self, width_px: float) -> TimeScale:
        """The same window drawn over a new width (a resized widget)."""
        return replace(self, width_px=width_px)

    def with_limits(self, limits: ScaleLimits | None) -> TimeScale:
        """The same window under new limits, clamped to them."""
        scale = replace(self, limits=limits)
        span = scale._clamp_span(scale.span)
        centre = (scale.t0 + scale.t1) / 2
        return scale._placed(centre - span / 2, centre + span / 2)

    # -- clamping --------------------------------------------------------
    def _clamp_span(self, span: float) -> float:
        if self.limits is None:
            return span
        return min(max(span, self.limits.min_span), self.limits.max_span)

    def _placed(self, t0: float, t1: float) -> TimeScale:
        padded = self.limits.padded(t1 - t0) if self.limits is not None else None
        if padded is not None:
            span = t1 - t0
            # Window inside the padded domain, or around it when wider: both
            # say t0 lies between these two bounds.
            a, b = padded[0], padded[1] - span
            inside = min(max(t0, min(a, b)), max(a, b))
            if inside != t0:  # moved only when outside: t0 + span need not give t1 back exactly
                t0, t1 = inside, inside + span
        return TimeScale(t0, t1, self.width_px, self.limits)
