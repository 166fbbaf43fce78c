"""How long the timeline layout takes on synthetic chronologies of 1k to 100k events.

``geometry_benchmark(n)`` prints layout times for the whole 1999–2025 view,
one year and one week, over 1400 px and six lanes: the budget is 10 ms.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import LANES, Event
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.layout import layout_timeline
from briefing_app.geometry.timescale import TimeScale

__all__ = [
    "BENCH_ZOOMS",
    "FIRST",
    "LAST",
    "approximate_measure",
    "geometry_benchmark",
    "synthetic_events",
]

FIRST = date(1999, 1, 1)
LAST = date(2025, 12, 31)

_WORDS = (
    "summit",
    "council",
    "defence",
    "fund",
    "strategic",
    "compass",
    "accession",
    "sanctions",
    "package",
    "exercise",
    "deployment",
    "brigade",
    "treaty",
    "review",
    "air",
    "policing",
    "mission",
    "procurement",
    "ammunition",
    "initiative",
    "pledge",
)

BENCH_ZOOMS: dict[str, tuple[date, date]] = {
    "1999-2025": (FIRST, LAST + timedelta(days=1)),
    "one year": (date(2022, 1, 1), date(2023, 1, 1)),
    "one week": (date(2022, 3, 7), date(2022, 3, 14)),
}


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    """``n`` plausible events over 1999–2025: mostly days, some months, years and ranges."""
    rng = random.Random(seed)
    days = (LAST - FIRST).days
    events: list[Event] = []
    for i in range(n):
        day = FIRST + timedelta(days=rng.randrange(days))
        roll = rng.random()
        if roll < 0.80:
            when = DateSpan(PartialDate.day(day.year, day.month, day.day))
        elif roll < 0.90:
            when = DateSpan(PartialDate.month(day.year, day.month))
        elif roll < 0.93:
            when = DateSpan(PartialDate.year(day.year))
        else:
            end = min(day + timedelta(days=rng.randrange(2, 400)), LAST)
            when = DateSpan(PartialDate(day), PartialDate(end))
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(2, 9))).capitalize()
        events.append(
            Event(
                id=f"ev{i:06d}",
                title=title,
                when=when,
                lane=rng.choice(LANES),
                annotation_count=1 if rng.random() < 0.05 else 0,
                flagged=rng.random() < 0.02,
            )
        )
    return events


def approximate_measure(text: str) -> float:
    """A stand-in for font metrics: about 6.5 px a character."""
    return 6.5 * len(text)


def _time_layout(
    index: EventIndex, scale: TimeScale, measure: Callable[[str], float], repeats: int
) -> tuple[float, float]:
    """Cold time (empty label cache) and median warm time, in milliseconds."""
    cache: dict[str, tuple[str, float]] = {}
    began = time.perf_counter()
    layout_timeline(index, scale, LANES, measure, label_cache=cache, lane_height=80)
    cold = (time.perf_counter() - began) * 1000
    warm = []
    for _ in range(repeats):
        began = time.perf_counter()
        layout_timeline(index, scale, LANES, measure, label_cache=cache, lane_height=80)
        warm.append((time.perf_counter() - began) * 1000)
    return cold, statistics.median(warm)


def geometry_benchmark(
    n: int | Sequence[int] = (1_000, 10_000, 100_000),
    *,
    width_px: float = 1400.0,
    repeats: int = 15,
) -> dict[tuple[int, str], tuple[float, float]]:
    """Print and return layout times (cold, warm ms) per size and zoom level."""
    sizes = [n] if isinstance(n, int) else list(n)
    results: dict[tuple[int, str], tuple[float, float]] = {}
    print(f"timeline layout, {width_px:.0f} px, {len(LANES)} lanes (cold / warm median)")
    for size in sizes:
        began = time.perf_counter()
        index = EventIndex(synthetic_events(size))
        built = (time.perf_counter() - began) * 1000
        print(f"  {size:>7,} events (generated and indexed in {built:.0f} ms)")
        for name, (first, last) in BENCH_ZOOMS.items():
            scale = TimeScale(float(first.toordinal()), float(last.toordinal()), width_px)
            cold, warm = _time_layout(index, scale, approximate_measure, repeats)
            results[(size, name)] = (cold, warm)
            print(f"    {name:<10} {cold:6.2f} ms / {warm:6.2f} ms")
    return results
