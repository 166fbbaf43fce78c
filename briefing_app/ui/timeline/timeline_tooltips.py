"""What the timeline says about the thing under the pointer.

Dates appear at the precision they are known ("Nov 2021", "2008"), never
as an invented day.
"""

from __future__ import annotations

import html
from datetime import date
from itertools import islice

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Event, Origin
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.marks import Cluster

__all__ = ["event_tooltip", "cluster_tooltip", "day_span_label"]

CLUSTER_TITLES_SHOWN = 8


def _day_label(t: float) -> str:
    return PartialDate(date.fromordinal(max(int(t), 1))).label()


def day_span_label(t0: float, t1: float) -> str:
    """The days ``[t0, t1)`` as one day or "first – last"."""
    first, last = _day_label(t0), _day_label(t1 - 1)
    return first if first == last else f"{first} – {last}"


def event_tooltip(event: Event) -> str:
    """Date at its precision, title, lane, then annotations, flag and provenance."""
    lines = [
        f"<b>{html.escape(event.when.label())}</b>",
        html.escape(event.title),
        f"<span style='color:#555'>{html.escape(event.lane.value)}</span>",
    ]
    if event.annotation_count:
        noun = "note" if event.annotation_count == 1 else "notes"
        dot = "red dot: a talking point" if event.flagged else "the dot on its mark"
        lines.append(f"{event.annotation_count} {noun} of yours ({dot})")
    elif event.flagged:
        lines.append("Flagged")
    if event.origin is Origin.USER:
        lines.append("Added by you")
    return "<br>".join(lines)


def cluster_tooltip(cluster: Cluster, index: EventIndex) -> str:
    """How many events, over which days, the first few titles, and what a click does."""
    period = day_span_label(cluster.t0, cluster.t1)
    lines = [
        f"<b>{cluster.count} events</b>, {html.escape(period)}",
        f"<span style='color:#555'>{html.escape(cluster.lane.value)}</span>",
    ]
    lo, hi = index.positions(cluster.lane, (cluster.t0, cluster.t1))
    entries = islice(index.entries(cluster.lane, lo, hi), CLUSTER_TITLES_SHOWN)
    lines += [f"• {html.escape(e.event.title)}" for e in entries]
    if cluster.count > CLUSTER_TITLES_SHOWN:
        lines.append("…")
    lines.append("<i>Click to zoom in</i>")
    return "<br>".join(lines)
