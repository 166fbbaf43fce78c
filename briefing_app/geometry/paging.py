"""Cutting a period into timeline pages, each as long as its labels allow.

Paper cannot zoom, so a period is split into consecutive windows: the
longest calendar-aligned span (ten years down to one month) whose layout
still fits is taken, then the next page starts where it ended. Whether a
window "fits" is the caller's judgement (typically: the layout needed no
cluster), so this stays free of fonts and painting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

__all__ = ["PAGE_SPANS_MONTHS", "add_months", "split_period"]

PAGE_SPANS_MONTHS: tuple[int, ...] = (120, 60, 36, 24, 12, 6, 3, 1)
"""Candidate page lengths, longest first; the last is taken even if crowded."""


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _aligned_stop(cursor: date, months: int) -> date:
    """``months`` after the start of the year (or month) containing ``cursor``.

    Page edges after the first then fall on calendar boundaries: years for
    spans of a year or more, months below.
    """
    base = date(cursor.year, 1, 1) if months % 12 == 0 else date(cursor.year, cursor.month, 1)
    stop = add_months(base, months)
    while stop <= cursor:  # pragma: no cover - only for spans shorter than the alignment
        stop = add_months(stop, months)
    return stop


def split_period(
    first: date,
    last: date,
    fits: Callable[[date, date], bool],
    spans: Sequence[int] = PAGE_SPANS_MONTHS,
    limit: int | None = None,
) -> list[tuple[date, date]]:
    """Consecutive windows ``[start, stop)`` covering ``first``..``last`` (inclusive).

    ``fits(start, stop)`` is asked for candidate windows longest first; the
    shortest candidate is used without asking when none fits. ``limit`` stops
    after that many windows (a preview needs only the first pages).
    """
    if last < first:
        first, last = last, first
    end = last + timedelta(days=1)
    pages: list[tuple[date, date]] = []
    cursor = first
    while cursor < end and (limit is None or len(pages) < limit):
        tried: set[date] = set()
        chosen: date | None = None
        for i, months in enumerate(spans):
            stop = min(_aligned_stop(cursor, months), end)
            if stop in tried:
                continue
            tried.add(stop)
            if i == len(spans) - 1 or fits(cursor, stop):
                chosen = stop
                break
        if chosen is None:  # every candidate clipped to the same stop and refused
            chosen = min(_aligned_stop(cursor, spans[-1]), end)
        pages.append((cursor, chosen))
        cursor = chosen
    return pages
