"""Adaptive, calendar-aware ticks for the time axis.

The level (decades down to days) follows from how many days a pixel spans
and how wide the labels really are in the font that will draw them, so the
screen (QFontMetrics) and the PDF (its own metrics) each get an axis whose
labels fit. Steps follow the calendar: months have their real lengths and
leap days exist. Two rows come back: the ticks themselves and a coarser
context row ("Mar 2025" above days, "2022" above months).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from briefing_app.domain.dates import MONTH_ABBR

__all__ = ["TickLevel", "Tick", "AxisTicks", "choose_level", "axis_ticks", "LABEL_PAD_PX"]

Measure = Callable[[str], float]

LABEL_PAD_PX = 4.0
"""Labels start this far right of their tick line."""

MIN_LABEL_GAP_PX = 10.0
"""Space kept between two labels of a row."""

_MIN_ORDINAL = 1
_MAX_ORDINAL = date.max.toordinal()


class TickLevel(Enum):
    """Axis levels, finest first. Value: (name, shortest period in days)."""

    DAY = ("day", 1)
    WEEK = ("week", 7)
    MONTH = ("month", 28)
    QUARTER = ("quarter", 90)
    YEAR = ("year", 365)
    FIVE_YEARS = ("5 years", 5 * 365 + 1)
    DECADE = ("decade", 10 * 365 + 2)

    @property
    def min_days(self) -> int:
        return self.value[1]


@dataclass(frozen=True, slots=True)
class Tick:
    """A tick line at ``x`` with its label drawn from ``label_x``.

    ``label`` is empty when the label was dropped for lack of room; the line
    stays so the grid keeps its rhythm. A context row's first tick may sit
    left of the axis (negative ``x``): its label is pinned to the left edge.
    """

    time: float
    x: float
    label: str
    label_x: float
    label_width: float


@dataclass(frozen=True, slots=True)
class AxisTicks:
    """The chosen level's ticks, the context row above them, and unlabelled
    finer divisions (``sub``, x positions: years between 5-year ticks, say)."""

    level: TickLevel
    minor: tuple[Tick, ...]
    context: tuple[Tick, ...]
    sub: tuple[float, ...] = ()


def _day(t: float) -> date:
    return date.fromordinal(min(max(math.floor(t), _MIN_ORDINAL), _MAX_ORDINAL))


def _month_starts(t0: float, t1: float, step: int) -> Iterator[date]:
    first = _day(t0)
    year, month = first.year, ((first.month - 1) // step) * step + 1
    while True:
        d = date(year, month, 1)
        if d.toordinal() > t1:
            return
        yield d
        month += step
        if month > 12:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        if year > date.max.year:
            return


def _year_starts(t0: float, t1: float, step: int) -> Iterator[date]:
    year = max((_day(t0).year // step) * step, 1)
    while year <= date.max.year:
        d = date(year, 1, 1)
        if d.toordinal() > t1:
            return
        yield d
        year += step


def _boundaries(level: TickLevel, t0: float, t1: float) -> Iterator[date]:
    """Period starts from the one containing ``t0`` up to ``t1``."""
    if level is TickLevel.DAY:
        for n in range(math.floor(t0), math.floor(t1) + 1):
            if _MIN_ORDINAL <= n <= _MAX_ORDINAL:
                yield date.fromordinal(n)
    elif level is TickLevel.WEEK:
        monday = math.floor(t0)
        monday -= _day(monday).weekday()
        for n in range(monday, math.floor(t1) + 1, 7):
            if _MIN_ORDINAL <= n <= _MAX_ORDINAL:
                yield date.fromordinal(n)
    elif level is TickLevel.MONTH:
        yield from _month_starts(t0, t1, 1)
    elif level is TickLevel.QUARTER:
        yield from _month_starts(t0, t1, 3)
    elif level is TickLevel.YEAR:
        yield from _year_starts(t0, t1, 1)
    elif level is TickLevel.FIVE_YEARS:
        yield from _year_starts(t0, t1, 5)
    else:
        yield from _year_starts(t0, t1, 10)


def _minor_label(level: TickLevel, d: date) -> str:
    if level in (TickLevel.DAY, TickLevel.WEEK):
        return f"{d.day} {MONTH_ABBR[d.month]}"
    if level is TickLevel.MONTH:
        return MONTH_ABBR[d.month]
    if level is TickLevel.QUARTER:
        return f"Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


_CONTEXT_OF = {
    TickLevel.DAY: TickLevel.MONTH,
    TickLevel.WEEK: TickLevel.MONTH,
    TickLevel.MONTH: TickLevel.YEAR,
    TickLevel.QUARTER: TickLevel.YEAR,
}


_SUBDIVISION_OF = {
    TickLevel.DECADE: TickLevel.YEAR,
    TickLevel.FIVE_YEARS: TickLevel.YEAR,
    TickLevel.YEAR: TickLevel.QUARTER,
    TickLevel.QUARTER: TickLevel.MONTH,
    TickLevel.WEEK: TickLevel.DAY,
}

MIN_SUBDIVISION_PX = 6.0


def _subdivisions(
    level: TickLevel,
    t0: float,
    t1: float,
    width_px: float,
    majors: set[float],
) -> tuple[float, ...]:
    """x of the next finer level's boundaries that are not ticks already."""
    finer = _SUBDIVISION_OF.get(level)
    px_per_day = width_px / (t1 - t0)
    if finer is None or finer.min_days * px_per_day < MIN_SUBDIVISION_PX:
        return ()
    times = (float(d.toordinal()) for d in _boundaries(finer, t0, t1))
    xs = ((t - t0) * px_per_day for t in times if t not in majors)
    return tuple(x for x in xs if 0 <= x <= width_px)


def _context_label(level: TickLevel, d: date) -> str:
    if level is TickLevel.MONTH:
        return f"{MONTH_ABBR[d.month]} {d.year}"
    return str(d.year)


def _widest_label(level: TickLevel, measure: Measure) -> float:
    """The widest label this level can produce, in the caller's font."""
    if level in (TickLevel.DAY, TickLevel.WEEK):
        samples = [f"28 {m}" for m in MONTH_ABBR[1:]]
    elif level is TickLevel.MONTH:
        samples = list(MONTH_ABBR[1:])
    elif level is TickLevel.QUARTER:
        samples = ["Q1", "Q2", "Q3", "Q4"]
    else:
        samples = ["2000", "2008", "1999"]
    return max(measure(s) for s in samples)


def choose_level(days_per_px: float, measure: Measure) -> TickLevel:
    """The finest level whose shortest period still holds its widest label."""
    for level in TickLevel:
        needed = _widest_label(level, measure) + LABEL_PAD_PX + MIN_LABEL_GAP_PX
        if level.min_days / days_per_px >= needed:
            return level
    return TickLevel.DECADE


def _row(
    days: Iterator[date],
    label_of: Callable[[date], str],
    t0: float,
    t1: float,
    width_px: float,
    measure: Measure,
    *,
    pin_first: bool,
) -> tuple[Tick, ...]:
    """Ticks for the given period starts, with colliding labels dropped.

    Labels are kept left to right; one that would run into the previous
    label or past the right edge loses its text. With ``pin_first`` the
    period already under way at the left edge keeps a label pinned there.
    """
    px_per_day = width_px / (t1 - t0)
    ticks: list[Tick] = []
    last_right = -math.inf
    for d in days:
        t = float(d.toordinal())
        x = (t - t0) * px_per_day
        if x < 0 and not pin_first:
            continue
        text = label_of(d)
        w = measure(text)
        label_x = LABEL_PAD_PX if x < 0 else x + LABEL_PAD_PX
        fits = label_x + w <= width_px
        collides = label_x < last_right + MIN_LABEL_GAP_PX
        if fits and collides and len(ticks) == 1 and ticks[0].x < 0:
            # The pinned label gives way to the first real boundary.
            pinned = ticks[0]
            ticks[0] = Tick(pinned.time, pinned.x, "", pinned.label_x, 0.0)
            collides = False
        if fits and not collides:
            ticks.append(Tick(t, x, text, label_x, w))
            last_right = label_x + w
        else:
            ticks.append(Tick(t, x, "", label_x, 0.0))
    return tuple(ticks)


def axis_ticks(
    t0: float,
    t1: float,
    width_px: float,
    measure: Measure,
    context_measure: Measure | None = None,
) -> AxisTicks:
    """Ticks and context row for the window ``[t0, t1)`` drawn over ``width_px``.

    ``context_measure`` measures the context row when it uses another font
    (bold, say) than the ticks.
    """
    level = choose_level((t1 - t0) / width_px, measure)
    minor = _row(
        _boundaries(level, t0, t1),
        lambda d: _minor_label(level, d),
        t0,
        t1,
        width_px,
        measure,
        pin_first=level is TickLevel.DAY,
    )
    context_level = _CONTEXT_OF.get(level)
    context: tuple[Tick, ...] = ()
    if context_level is not None:
        context = _row(
            _boundaries(context_level, t0, t1),
            lambda d: _context_label(context_level, d),
            t0,
            t1,
            width_px,
            context_measure or measure,
            pin_first=True,
        )
    sub = _subdivisions(level, t0, t1, width_px, {t.time for t in minor})
    return AxisTicks(level, minor, context, sub)
