"""Calendar files (.ics) as sources: each entry a proposed event at the precision it gives.

A calendar exported from Outlook, Google, Thunderbird or this app is read
with ``icalendar``. The stored text holds, for each ``VEVENT``, its
``SUMMARY`` and ``DESCRIPTION`` exactly as the file says them (unescaped),
then its ``DTSTART`` and ``DTEND`` lines as written, kept as furniture: the
reader shows where each date came from, and quotations are only ever the
summary or description. Dates are taken at the precision the entry gives:

- an all-day entry is its day, or the range of its days (``DTEND`` is the
  day after the last one); an entry this app exported for a month, week or
  year ("… (Nov 2021, month)") is that month, week or year again, never
  thirty dated days;
- a timed entry is the day it starts on where it is held: its ``TZID``, else
  the calendar's ``X-WR-TIMEZONE`` for a UTC time, else the date as written;
  an entry that ends on a later day is the range of its days.

Recurrences are not expanded: a repeating entry proposes its first date.
An entry whose ``UID`` this app wrote (``event-id@briefing-chronology``)
is proposed as the same as that event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar

from briefing_app.domain.dates import DateSpan, PartialDate, Precision
from briefing_app.domain.model import Event
from briefing_app.domain.wording import counted
from briefing_app.ingest.furniture import FurnitureSpan
from briefing_app.ingest.metadata import ArticleMetadata, ExtractedArticle
from briefing_app.ingest.problems import ImportProblem
from briefing_app.ingest.proposals import (
    TITLE_CHARS,
    LinkSuggestion,
    Passage,
    Proposal,
    content_words,
    link_suggestions,
    same_as,
    suggest_lane,
)

__all__ = ["APP_UID_DOMAIN", "CalendarEntry", "calendar_proposals", "read_calendar"]

APP_UID_DOMAIN = "briefing-chronology"
"""What follows the "@" of the UIDs this app's calendar export writes."""

_OWN_SUFFIX = re.compile(r"\s*\([^()]*, (week|month|year)\)\s*$")
"""The "(Nov 2021, month)" this app's export adds to a period's title."""


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One ``VEVENT`` as stored: where its words and its date lines are in the text."""

    uid: str
    when: DateSpan
    summary: tuple[int, int]
    description: tuple[int, int] | None
    dates: tuple[int, int]
    """The ``DTSTART`` (and ``DTEND``) lines."""


def _zone(name: object) -> tzinfo | None:
    try:
        return ZoneInfo(str(name)) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _whole_periods(first: date, last: date, unit: Precision) -> DateSpan | None:
    """``first``..``last`` as whole ``unit``s (weeks from Monday, months, years), if it is."""
    after = last + timedelta(days=1)
    if unit is Precision.WEEK:
        whole = first.weekday() == 0 and (after - first).days % 7 == 0
    elif unit is Precision.MONTH:
        whole = first.day == 1 and after.day == 1
    else:
        whole = (first.month, first.day, after.month, after.day) == (1, 1, 1, 1)
    if not whole:
        return None
    start, end = PartialDate(first, unit), PartialDate(last, unit)
    return DateSpan(start, None if end == start else end)


def _span(start: date, last: date, unit: Precision | None) -> DateSpan:
    """The days ``start``..``last``, or the weeks, months or years ``unit`` names.

    A calendar's days are days; only an entry that says it stands for a period
    ("(Nov 2021, month)", as this app exports months) is taken at that precision.
    """
    if unit is not None:
        period = _whole_periods(start, max(start, last), unit)
        if period is not None:
            return period
    if last <= start:
        return DateSpan(PartialDate(start))
    return DateSpan(PartialDate(start), PartialDate(last))


def _local_day(value: datetime, calendar_zone: tzinfo | None) -> date:
    """The day a timed entry falls on where it is held (see the module docstring)."""
    if value.tzinfo is None:
        return value.date()
    offset = value.utcoffset()
    if calendar_zone is not None and offset is not None and offset == timedelta(0):
        zone_name = getattr(value.tzinfo, "key", None) or str(value.tzinfo)
        if zone_name in ("UTC", "Etc/UTC", "utc", "Z") or value.tzinfo.tzname(value) == "UTC":
            return value.astimezone(calendar_zone).date()
    return value.date()


def _when(entry: Any, calendar_zone: tzinfo | None, unit: Precision | None) -> DateSpan:
    start = entry.get("DTSTART")
    if start is None:
        raise ValueError("no DTSTART")
    first: date | datetime = start.dt
    end_prop = entry.get("DTEND")
    duration = entry.get("DURATION")
    if isinstance(first, datetime):
        day = _local_day(first, calendar_zone)
        stop: datetime | None = None
        if end_prop is not None and isinstance(end_prop.dt, datetime):
            stop = end_prop.dt
        elif duration is not None:
            stop = first + duration.dt
        if stop is None or stop <= first:
            return DateSpan(PartialDate(day))
        # An entry ending at midnight ends on the day before.
        last = _local_day(stop - timedelta(microseconds=1), calendar_zone)
        return _span(day, last, unit)
    after: date | None = None
    if end_prop is not None and not isinstance(end_prop.dt, datetime):
        after = end_prop.dt
    elif duration is not None:
        after = first + duration.dt
    last = (after - timedelta(days=1)) if after is not None else first
    return _span(first, last, unit)


def _line(entry: Any, name: str) -> str:
    return str(entry.content_line(name, entry[name])) if name in entry else ""


def read_calendar(raw: bytes) -> tuple[ExtractedArticle, tuple[CalendarEntry, ...]]:
    """The calendar's text (see the module docstring) and its entries; ImportProblem when
    the file is not a calendar or holds no dated entry."""
    try:
        cal = Calendar.from_ical(raw.decode("utf-8-sig", errors="replace"))
    except (ValueError, IndexError, KeyError) as exc:
        raise ImportProblem(
            f"The calendar file cannot be read ({exc}). Export the calendar again as an "
            ".ics file and import that."
        ) from exc
    calendar_zone = _zone(cal.get("X-WR-TIMEZONE"))
    parts: list[str] = []
    furniture: list[FurnitureSpan] = []
    entries: list[CalendarEntry] = []
    at = 0
    skipped = 0

    def put(text: str) -> tuple[int, int]:
        nonlocal at
        start = at
        parts.append(text + "\n")
        at += len(text) + 1
        return start, start + len(text)

    for entry in cal.walk("VEVENT"):
        summary = str(entry.get("SUMMARY") or "").strip()
        description = str(entry.get("DESCRIPTION") or "").strip()
        try:
            own = _OWN_SUFFIX.search(summary)
            when = _when(entry, calendar_zone, Precision(own.group(1)) if own else None)
        except (ValueError, TypeError, AttributeError):
            skipped += 1
            continue
        if not summary and not description:
            skipped += 1
            continue
        if entries:
            put("")
        said = put(summary or description)
        told = put(description) if summary and description else None
        date_lines = "\n".join(x for x in (_line(entry, "DTSTART"), _line(entry, "DTEND")) if x)
        dates = put(date_lines)
        furniture.append(FurnitureSpan(dates[0], dates[1], "metadata"))
        entries.append(CalendarEntry(str(entry.get("UID") or ""), when, said, told, dates))
    if not entries:
        raise ImportProblem(
            "The calendar has no dated entry with a title or description: there is "
            "nothing to import."
        )
    text = "".join(parts)
    name = str(cal.get("X-WR-CALNAME") or "").strip()
    notes = [
        f"{counted(len(entries), 'calendar entry', 'calendar entries')}, each proposed"
        " at the precision it gives"
    ]
    if skipped:
        notes.append(f"{counted(skipped, 'entry', 'entries')} without a date or any text left out")
    metadata = ArticleMetadata(title=name, outlet="", language="en")
    return ExtractedArticle(text, 0, len(text), furniture, metadata, notes), tuple(entries)


def _title(summary: str) -> str:
    title = _OWN_SUFFIX.sub("", " ".join(summary.split()))
    if len(title) <= TITLE_CHARS:
        return title
    cut = title.rfind(" ", 0, TITLE_CHARS - 1)
    return title[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS - 1].rstrip(" ,;:") + "…"


def _own_event(uid: str, events: Sequence[Event], when: DateSpan) -> LinkSuggestion | None:
    """The event this app exported as ``uid``, if it is in the chronology."""
    local, at, domain = uid.rpartition("@")
    if not at or domain != APP_UID_DOMAIN:
        return None
    event = next((e for e in events if e.id == local), None)
    if event is None:
        return None
    return LinkSuggestion(
        event.id,
        event.title,
        event.when.label(),
        (),
        0,
        reason="the calendar entry was exported from this event (same UID)",
        named=True,
    )


def calendar_proposals(
    text: str, entries: Sequence[CalendarEntry], events: Sequence[Event] = ()
) -> list[Proposal]:
    """One proposal per entry, its summary (and description) the passages quoted."""
    proposals = []
    for entry in entries:
        a, b = entry.summary
        summary = text[a:b]
        passages = [Passage(a, b, summary)]
        if entry.description is not None:
            c, d = entry.description
            passages.append(Passage(c, d, text[c:d]))
        words_of = " ".join(p.text for p in passages)
        links = link_suggestions(entry.when, content_words(words_of), events, words_of)
        own = _own_event(entry.uid, events, entry.when)
        if own is not None:
            links = (own, *(x for x in links if x.event_id != own.event_id))
        s, e = entry.dates
        proposals.append(
            Proposal(
                date_start=s,
                date_end=e,
                date_text=text[s:e],
                start=a,
                end=b,
                sentence=summary,
                when=entry.when,
                title=_title(summary),
                lane=suggest_lane(words_of),
                links=tuple(links),
                excerpts=tuple(passages),
                same_as=own.event_id if own is not None else same_as(entry.when, links),
            )
        )
    return proposals
