"""Small, readable constructors for synthetic events in geometry and widget tests."""

from __future__ import annotations

from datetime import date, timedelta

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Event, Lane


def on_day(
    event_id: str, day: date, lane: Lane = Lane.EU, title: str | None = None, **extra: object
) -> Event:
    return Event(
        id=event_id,
        title=title or f"Event {event_id}",
        when=DateSpan(PartialDate(day)),
        lane=lane,
        **extra,
    )  # type: ignore[arg-type]


def in_month(
    event_id: str, year: int, month: int, lane: Lane = Lane.EU, title: str | None = None
) -> Event:
    return Event(
        id=event_id,
        title=title or f"Event {event_id}",
        when=DateSpan(PartialDate.month(year, month)),
        lane=lane,
    )


def in_year(event_id: str, year: int, lane: Lane = Lane.EU) -> Event:
    return Event(
        id=event_id, title=f"Event {event_id}", when=DateSpan(PartialDate.year(year)), lane=lane
    )


def between(event_id: str, first: date, last: date, lane: Lane = Lane.EU) -> Event:
    return Event(
        id=event_id,
        title=f"Event {event_id}",
        when=DateSpan(PartialDate(first), PartialDate(last)),
        lane=lane,
    )


def crowded_week(
    monday: date, count: int = 100, lane: Lane = Lane.NATO, prefix: str = "w"
) -> list[Event]:
    """``count`` day events spread over the seven days from ``monday``."""
    return [on_day(f"{prefix}{i:03d}", monday + timedelta(days=i % 7), lane) for i in range(count)]


def ordinal(day: date) -> float:
    return float(day.toordinal())
