"""Dated events as an iCalendar file (.ics), for briefers who plan in a calendar.

Each event becomes an all-day calendar entry over the days its date covers at
its precision: a day-dated event is that day, a range its days, a month- or
year-dated event its whole month or year (the title then says "(month)" or
"(year)", so a calendar's day view never passes a period off as a day). The
``UID`` is the event's id, so importing the file again updates the entries
instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from briefing_app.domain.dates import Precision
from briefing_app.domain.model import Event
from briefing_app.export.selection import ExportSelection

__all__ = ["UID_DOMAIN", "ics_bytes"]

UID_DOMAIN = "briefing-chronology"
"""The right-hand side of every ``UID``: ids are unique within the chronology."""

_PERIOD_WORD = {Precision.WEEK: "week", Precision.MONTH: "month", Precision.YEAR: "year"}


def _summary(ev: Event) -> str:
    word = _PERIOD_WORD.get(ev.when.precision)
    return f"{ev.title} ({ev.when.label()}, {word})" if word else ev.title


def _description(sel: ExportSelection, ev: Event) -> str:
    parts = [ev.summary] if ev.summary else []
    parts.append(f"Date: {ev.when.label()} (known to the {ev.when.precision.value})")
    parts.append(f"Lane: {ev.lane.value}; confidence: {ev.confidence.value}")
    if ev.actors:
        parts.append("Actors: " + ", ".join(ev.actors))
    for x in ev.excerpts:
        src = sel.sources.get(x.source)
        cite = f" ({src.named_outlet or src.title})" if src else ""
        flag = " [not verified against the stored article]" if x.needs_check else ""
        parts.append(f"\u201c{x.quote}\u201d{cite}{flag}")
    for note in sel.annotations_of(ev.id):
        parts.append(f"Note: {note.body}")
    return "\n\n".join(parts)


def ics_bytes(sel: ExportSelection, *, stamp: datetime | None = None) -> bytes:
    """The calendar for the selection, one all-day entry per event."""
    cal = Calendar()
    cal.add("prodid", "-//Briefing Chronology//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", sel.options.title)
    now = stamp or datetime.now(UTC)
    for ev in sel.events:
        entry = CalendarEvent()
        entry.add("uid", f"{ev.id}@{UID_DOMAIN}")
        entry.add("dtstamp", now)
        entry.add("summary", _summary(ev))
        entry.add("dtstart", ev.when.first_day)
        # DTEND of an all-day entry is the day after its last day.
        entry.add("dtend", ev.when.last_day + timedelta(days=1))
        entry.add("description", _description(sel, ev))
        entry.add("categories", [ev.lane.value])
        entry.add("transp", "TRANSPARENT")
        urls = [src.url for x in ev.excerpts if (src := sel.sources.get(x.source)) and src.url]
        if urls:
            entry.add("url", urls[0])
        cal.add_component(entry)
    return cal.to_ical()
