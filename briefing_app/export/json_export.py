"""The chronology as JSON: a public contract other tools rely on.

Keys may be added; none of ``sources[].file/title/outlet/published/language``
or ``events[].id/title/start/end/precision/category/actors/summary/confidence/
excerpts/annotations`` may be renamed. Grades: ``sources[].grade`` ("B2", the
source's own or its outlet's, null when ungraded) with ``sources[].grade_from``
("source", "outlet" or null); ``excerpts[].grade`` (the source's grade with
the passage's own credibility) and ``excerpts[].credibility`` (that own
credibility, "1"–"6", or null).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from briefing_app.domain.model import Event, Source
from briefing_app.export.quote_check import QuoteCheck, check_events
from briefing_app.export.selection import annotations_by_event
from briefing_app.storage.authors import Authorship, event_authors, excerpt_authors
from briefing_app.storage.database import Database
from briefing_app.storage.repository import AnnotationView, list_events, list_sources

__all__ = ["checked_document", "chronology_document", "write_chronology_json"]


def _source(src: Source) -> dict[str, Any]:
    return {
        "file": src.file,
        "title": src.title,
        "outlet": src.outlet,
        "published": src.published.iso() if src.published else None,
        "published_precision": src.published.precision.value if src.published else None,
        "language": src.language,
        "author": src.author,
        "url": src.url,
        "notes": src.notes,
        "grade": src.effective_grade.label if src.effective_grade else None,
        "grade_from": src.grade_origin,
    }


def _event(
    ev: Event,
    annotations: list[AnnotationView],
    sources: dict[str, Source],
    authors: Authorship | None = None,
    excerpt_by: dict[str, str] | None = None,
) -> dict[str, Any]:
    made = authors or Authorship()
    return {
        "id": ev.id,
        "title": ev.title,
        "start": ev.when.start.iso(),
        "end": ev.when.end.iso() if ev.when.end else None,
        "precision": ev.when.start.precision.value,
        "end_precision": ev.when.end.precision.value if ev.when.end else None,
        "category": ev.lane.value,
        "actors": list(ev.actors),
        "summary": ev.summary,
        "confidence": ev.confidence.value,
        "references": list(ev.references),
        "origin": ev.origin.value,
        "created_by": made.created_by,
        "updated_by": made.updated_by,
        "excerpts": [
            {
                "source": x.source,
                "text": x.quote,
                "start": x.start,
                "end": x.end,
                "uid": x.uid,
                "needs_check": x.needs_check,
                "grade": g.label if (g := x.grade(sources.get(x.source))) else None,
                "credibility": x.credibility,
                "created_by": (excerpt_by or {}).get(x.uid),
            }
            for x in ev.excerpts
        ],
        "annotations": [
            {
                "uid": a.uid,
                "target": "event" if a.excerpt_uid is None else "excerpt",
                "excerpt": a.excerpt_uid,
                "text": a.body,
                "tags": list(a.tags),
                "talking_point": a.talking_point,
                "created": a.created_at,
                "updated": a.updated_at,
                "created_by": a.created_by,
                "updated_by": a.updated_by,
            }
            for a in annotations
        ],
    }


def checked_document(db: Database) -> tuple[dict[str, Any], QuoteCheck]:
    """The document, every passage checked against its stored article (failures flagged)."""
    notes = annotations_by_event(db)  # one query, not one per annotated event
    sources = {s.file: s for s in list_sources(db)}
    events, quotes = check_events(db, list_events(db, with_excerpts=True))
    authors, excerpt_by = event_authors(db), excerpt_authors(db)
    document = {
        "sources": [_source(s) for s in sources.values()],
        "events": [
            _event(e, notes.get(e.id, []), sources, authors.get(e.id), excerpt_by) for e in events
        ],
    }
    return document, quotes


def chronology_document(db: Database) -> dict[str, Any]:
    return checked_document(db)[0]


def write_chronology_json(db: Database, out: TextIO) -> QuoteCheck:
    """Write the document; what the check of its passages found comes back."""
    document, quotes = checked_document(db)
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return quotes
