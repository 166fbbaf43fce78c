"""The chronology as a TimelineJS3 document, for publishing on the web.

TimelineJS3 reads ``{"title": ..., "events": [...]}`` where each event has a
``start_date`` (``year`` required; ``month`` and ``day`` only when known),
optional ``end_date``, ``text`` (``headline`` and ``text``, both rendered as
HTML), ``group`` (its row) and ``media``. A month- or year-dated event gets
no invented day: it spans its whole month or year (an ``end_date`` on the
period's last day, so TimelineJS draws a band rather than a point on the 1st)
while its ``display_date`` still says "Nov 2021" or "2008"; a week spans its
seven days the same way. Every string from the data is HTML-escaped, since
TimelineJS renders it.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, TextIO

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.domain.model import Event, Excerpt
from briefing_app.export.selection import ExportSelection

__all__ = ["timelinejs_date", "timelinejs_document", "write_timelinejs"]


def timelinejs_date(when: PartialDate, *, end: bool = False) -> dict[str, Any]:
    """A TimelineJS date object carrying only the parts the precision gives.

    TimelineJS shows a date without ``day`` (or ``month``) at that
    precision, so no day is invented; a week ending a range gives its Sunday.
    """
    v = when.value
    out: dict[str, Any] = {"year": v.year}
    if when.precision is not Precision.YEAR:
        out["month"] = v.month
    if when.precision in (Precision.DAY, Precision.WEEK):
        out["day"] = (when.last_day if end and when.precision is Precision.WEEK else v).day
    if when.precision is Precision.WEEK:
        out["display_date"] = when.label()
    return out


def _period_end(when: PartialDate) -> dict[str, Any]:
    """The last day of a month, week or year, so the event is drawn over its whole period."""
    last = when.last_day
    return {"year": last.year, "month": last.month, "day": last.day}


def _unverified(x: Excerpt) -> str:
    return f"<p><small>{escape(x.flag_text())}</small></p>" if x.needs_check else ""


def _text(sel: ExportSelection, ev: Event) -> str:
    parts = [f"<p>{escape(ev.summary)}</p>"] if ev.summary else []
    facts = []
    if ev.actors:
        facts.append("Actors: " + escape(", ".join(ev.actors)))
    facts.append(f"Confidence: {escape(ev.confidence.value)}")
    parts.append(f"<p><small>{' · '.join(facts)}</small></p>")
    for x in ev.excerpts[1:]:
        src = sel.sources.get(x.source)
        cite = f" <cite>{escape(src.named_outlet or src.title)}</cite>" if src else ""
        parts.append(f"<blockquote>{escape(x.quote)}{cite}</blockquote>{_unverified(x)}")
    for note in sel.annotations_of(ev.id):
        tags = f" <small>({escape(', '.join(note.tags))})</small>" if note.tags else ""
        parts.append(f"<p><em>Note:</em> {escape(note.body)}{tags}</p>")
    return "".join(parts)


def _media(sel: ExportSelection, ev: Event) -> dict[str, Any] | None:
    """The first quotation as a blockquote media item, credited to its source."""
    if not ev.excerpts:
        return None
    x = ev.excerpts[0]
    src = sel.sources.get(x.source)
    media: dict[str, Any] = {"url": f"<blockquote>{escape(x.quote)}</blockquote>{_unverified(x)}"}
    if src is not None:
        when = src.published.label() if src.published else "undated"
        media["credit"] = escape(", ".join(filter(None, (src.named_outlet, when))))
        media["caption"] = escape(src.title)
        if src.url:
            media["link"] = src.url
    return media


def timelinejs_document(sel: ExportSelection) -> dict[str, Any]:
    events = []
    for ev in sel.events:
        item: dict[str, Any] = {
            "start_date": timelinejs_date(ev.when.start),
            "text": {"headline": escape(ev.title), "text": _text(sel, ev)},
            "group": ev.lane.value,
            "unique_id": ev.id,
        }
        if ev.when.end is not None and ev.when.is_range:
            item["end_date"] = timelinejs_date(ev.when.end, end=True)
        elif ev.when.precision is not Precision.DAY:
            item["end_date"] = _period_end(ev.when.start)
        if ev.when.precision is not Precision.DAY:
            item["display_date"] = ev.when.label()
        media = _media(sel, ev)
        if media is not None:
            item["media"] = media
        events.append(item)
    period = f"{sel.first_day.isoformat()} – {sel.last_day.isoformat()}"
    return {
        "title": {"text": {"headline": escape(sel.options.title), "text": escape(period)}},
        "events": events,
    }


def write_timelinejs(sel: ExportSelection, out: TextIO) -> None:
    json.dump(timelinejs_document(sel), out, ensure_ascii=False, indent=2)
    out.write("\n")
