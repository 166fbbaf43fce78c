"""Choosing what an export contains: the events, annotations and sources the options select.

Every exporter (PDF, images, TimelineJS, CSV) asks here, so a period, lane
or tag chosen once is honoured by every section of every format. The work
is a handful of queries whatever the number of events: annotations come in
one query, not one per event.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select

from briefing_app.domain.model import Event, Source
from briefing_app.export.options import ExportOptions
from briefing_app.export.quote_check import QuoteCheck, check_events
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow, EventRow, ExcerptRow
from briefing_app.storage.repository import (
    AnnotationView,
    annotation_view,
    list_events,
    list_sources,
)

__all__ = ["ExportSelection", "annotations_by_event", "select_for_export"]


@dataclass(frozen=True)
class ExportSelection:
    """The events an export shows, in date order, with what they need."""

    options: ExportOptions
    events: list[Event]
    annotations: dict[str, list[AnnotationView]] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    first_day: date = date(1999, 1, 1)
    last_day: date = date(2025, 12, 31)
    """The period shown: the options' bounds, else the selected events' extent."""
    quotes: QuoteCheck | None = None
    """The check of every excerpt against the stored articles (None: no excerpts shown)."""

    def cited_sources(self) -> list[Source]:
        """Sources quoted by the selected events, by outlet then date."""
        files = {x.source for ev in self.events for x in ev.excerpts}
        cited = [self.sources[f] for f in files if f in self.sources]
        return sorted(
            cited,
            key=lambda s: (
                s.outlet.casefold(),
                s.published.sort_key() if s.published else (0, 0),
                s.title.casefold(),
            ),
        )

    def annotations_of(self, event_id: str) -> list[AnnotationView]:
        return self.annotations.get(event_id, [])


def annotations_by_event(db: Database) -> dict[str, list[AnnotationView]]:
    """Every annotation, on an event or on one of its excerpts, grouped by event id."""
    with db.session() as s:
        direct = (
            select(AnnotationRow, EventRow.id, ExcerptRow.uid)
            .join(EventRow, EventRow.pk == AnnotationRow.event_pk)
            .outerjoin(ExcerptRow, ExcerptRow.pk == AnnotationRow.excerpt_pk)
        )
        via_excerpt = (
            select(AnnotationRow, EventRow.id, ExcerptRow.uid)
            .join(ExcerptRow, ExcerptRow.pk == AnnotationRow.excerpt_pk)
            .join(EventRow, EventRow.pk == ExcerptRow.event_pk)
            .where(AnnotationRow.event_pk.is_(None))
        )
        keyed: dict[str, list[tuple[datetime, int, AnnotationView]]] = defaultdict(list)
        for query in (direct, via_excerpt):
            for a, event_id, excerpt_uid in s.execute(query):
                view = annotation_view(a, event_id, excerpt_uid)
                keyed[event_id].append((a.created_at, a.pk, view))
    # Oldest first, in the order written (the shown times stop at the second).
    return {eid: [v for *_, v in sorted(rows, key=lambda r: r[:2])] for eid, rows in keyed.items()}


def select_for_export(
    db: Database, options: ExportOptions, *, events: list[Event] | None = None
) -> ExportSelection:
    """The events, annotations and sources that ``options`` select from ``db``.

    ``events`` may be given to skip reading them (tests, synthetic data);
    they are filtered all the same.
    """
    annotations = annotations_by_event(db) if options.include_annotations else {}
    if events is None:
        events = list_events(db, with_excerpts=options.include_excerpts)
    chosen: list[Event] = []
    for ev in events:
        if not options.filter.matches(ev):
            continue
        if not options.include_excerpts and ev.excerpts:
            ev = replace(ev, excerpts=())
        chosen.append(ev)
    chosen.sort(key=lambda e: (e.when.sort_key(), e.lane.order, e.id))
    quotes = None
    if options.include_excerpts:
        chosen, quotes = check_events(db, chosen)
    if options.include_annotations:
        kept = {ev.id for ev in chosen}
        annotations = {k: v for k, v in annotations.items() if k in kept}
    else:
        annotations = {}
    first = options.filter.first_day or min((e.when.first_day for e in chosen), default=None)
    last = options.filter.last_day or max((e.when.last_day for e in chosen), default=None)
    if first is None or last is None:
        first, last = first or last or date(1999, 1, 1), last or first or date(1999, 12, 31)
    sources = {s.file: s for s in list_sources(db)}
    return ExportSelection(options, chosen, annotations, sources, first, last, quotes)
