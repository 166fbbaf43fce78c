"""Reading the curated chronology from ``resources/`` and loading it.

The chronology is two reviewable JSON files: ``sources.json`` (metadata of
the seed articles in ``seeds/``) and ``chronology.json`` (the events, each
with verbatim quotes). Loading is idempotent and keyed by event id: it
updates curated rows in place, and never deletes a curated row that the
user's work (annotations, user excerpts, briefing citations) depends on;
such rows are retired instead.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing_app.domain.anchoring import AmbiguousQuote, QuoteNotFound, TextQuote, find_quote
from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate
from briefing_app.domain.model import Confidence, Lane
from briefing_app.storage.database import Database
from briefing_app.storage.models import (
    AnnotationRow,
    EventRow,
    ExcerptRow,
    FurnitureRow,
    PointCitationRow,
    SourceRow,
)
from briefing_app.storage.repository import store_event_when

__all__ = [
    "Chronology",
    "ChronologyError",
    "CuratedEvent",
    "CuratedExcerpt",
    "CuratedSource",
    "LoadReport",
    "load_curated",
    "read_chronology",
]


class ChronologyError(Exception):
    """The curated files are wrong; ``problems`` names each fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class CuratedSource:
    file: str
    title: str
    outlet: str
    published: PartialDate | None
    language: str
    author: str | None
    url: str | None
    notes: str | None
    text: str
    content_hash: str


@dataclass(frozen=True)
class CuratedExcerpt:
    event_id: str
    source: str
    anchor: TextQuote

    @property
    def uid(self) -> str:
        digest = hashlib.sha1(
            f"{self.event_id}\0{self.source}\0{self.anchor.exact}\0{self.anchor.start}".encode()
        ).hexdigest()
        return digest[:16]


@dataclass(frozen=True)
class CuratedEvent:
    id: str
    title: str
    when: DateSpan
    lane: Lane
    actors: tuple[str, ...]
    summary: str
    confidence: Confidence
    references: tuple[str, ...]
    excerpts: tuple[CuratedExcerpt, ...]


@dataclass
class Chronology:
    sources: list[CuratedSource]
    events: list[CuratedEvent]


def _read_json(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path.name}: file is missing")
        return {}
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{path.name}: not valid JSON ({exc})")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path.name}: expected an object at the top level")
        return {}
    return data


def _sources(resources: Path, seeds: Path, problems: list[str]) -> list[CuratedSource]:
    data = _read_json(resources / "sources.json", problems)
    out: list[CuratedSource] = []
    for entry in data.get("sources", []):
        name = entry.get("file", "?")
        path = seeds / name
        try:
            raw = path.read_bytes()
        except OSError:
            problems.append(f"source {name}: no such file in {seeds.name}/")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        pinned = entry.get("sha256")
        if not pinned:
            problems.append(f"source {name}: sources.json pins no sha256 for it")
            continue
        if digest != pinned:
            problems.append(
                f"source {name}: {seeds.name}/{name} has changed since it was curated "
                f"(its SHA-256 is {digest}, sources.json pins {pinned}); restore the file, "
                "or re-check every quote from it and pin the new hash"
            )
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"source {name}: not UTF-8 text ({exc.reason} at byte {exc.start})")
            continue
        try:
            published = PartialDate.parse(entry["published"]) if entry.get("published") else None
        except DateFormatError as exc:
            problems.append(f"source {name}: published date {exc}")
            published = None
        for key in ("title", "outlet", "language"):
            if not entry.get(key):
                problems.append(f"source {name}: {key} is missing")
        out.append(
            CuratedSource(
                file=name,
                title=entry.get("title", ""),
                outlet=entry.get("outlet", ""),
                published=published,
                language=entry.get("language", "en"),
                author=entry.get("author"),
                url=entry.get("url"),
                notes=entry.get("notes"),
                text=text,
                content_hash=digest,
            )
        )
    return out


def _event(
    entry: dict[str, Any], texts: dict[str, str], problems: list[str]
) -> CuratedEvent | None:
    eid = entry.get("id") or "?"
    where = f"event {eid!r}"
    before = len(problems)
    try:
        precision = entry.get("precision")
        start = PartialDate.parse(str(entry.get("start", "")))
        if precision and precision != start.precision.value:
            problems.append(
                f"{where}: precision {precision!r} does not match start {entry.get('start')!r}"
            )
        when = DateSpan(start, PartialDate.parse(entry["end"]) if entry.get("end") else None)
    except DateFormatError as exc:
        problems.append(f"{where}: {exc}")
        when = None
    try:
        lane = Lane.parse(str(entry.get("category", "")))
    except ValueError as exc:
        problems.append(f"{where}: {exc}")
        lane = Lane.OTHER
    try:
        confidence = Confidence.parse(str(entry.get("confidence", "")))
    except ValueError as exc:
        problems.append(f"{where}: {exc}")
        confidence = Confidence.LOW
    if not str(entry.get("title", "")).strip():
        problems.append(f"{where}: title is missing")
    excerpts: list[CuratedExcerpt] = []
    for ex in entry.get("excerpts", []):
        source, quote = ex.get("source", "?"), ex.get("quote", "")
        text = texts.get(source)
        if text is None:
            problems.append(f"{where}: excerpt cites unknown source {source!r}")
            continue
        try:
            anchor = find_quote(text, quote, ex.get("occurrence"))
        except (QuoteNotFound, AmbiguousQuote) as exc:
            problems.append(f"{where}, source {source}: {exc}: {quote!r}")
            continue
        excerpts.append(CuratedExcerpt(eid, source, anchor))
    if not entry.get("excerpts"):
        problems.append(f"{where}: has no excerpt")
    if len(problems) > before or when is None:
        return None
    return CuratedEvent(
        id=eid,
        title=entry["title"].strip(),
        when=when,
        lane=lane,
        actors=tuple(entry.get("actors", [])),
        summary=entry.get("summary", "").strip(),
        confidence=confidence,
        references=tuple(entry.get("references", [])),
        excerpts=tuple(excerpts),
    )


def read_chronology(resources: Path, seeds: Path) -> Chronology:
    """Read and validate both files; raise ChronologyError listing every fault."""
    problems: list[str] = []
    sources = _sources(resources, seeds, problems)
    texts = {s.file: s.text for s in sources}
    data = _read_json(resources / "chronology.json", problems)
    events: list[CuratedEvent] = []
    seen: set[str] = set()
    for entry in data.get("events", []):
        eid = entry.get("id")
        if not eid:
            problems.append(f"an event has no id (title {entry.get('title')!r})")
            continue
        if eid in seen:
            problems.append(f"event {eid!r}: id used more than once")
            continue
        seen.add(eid)
        event = _event(entry, texts, problems)
        if event is not None:
            events.append(event)
    if problems:
        raise ChronologyError(problems)
    return Chronology(sources, events)


@dataclass
class LoadReport:
    sources_added: int = 0
    sources_updated: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_retired: int = 0
    events_deleted: int = 0
    excerpts: int = 0
    notes: list[str] = field(default_factory=list)


def _upsert_source(session: Session, src: CuratedSource, report: LoadReport) -> SourceRow:
    # Imported here: the furniture rules compile about 50 ms of patterns, which opening
    # the window (that imports this module for its errors) does not need.
    from briefing_app.ingest.furniture import body_extent, find_furniture

    row = session.scalar(select(SourceRow).where(SourceRow.file == src.file))
    furniture = find_furniture(src.text)
    body = body_extent(src.text, furniture)
    if row is None:
        row = SourceRow(file=src.file, origin="curated", text=src.text)
        session.add(row)
        report.sources_added += 1
    elif row.content_hash != src.content_hash:
        report.sources_updated += 1
    row.content_hash = src.content_hash
    row.text = src.text
    row.title, row.outlet, row.language = src.title, src.outlet, src.language
    row.author, row.url, row.notes = src.author, src.url, src.notes
    row.published = src.published.iso() if src.published else None
    row.published_precision = src.published.precision.value if src.published else None
    row.body_start, row.body_end = body
    row.furniture = [FurnitureRow(start=f.start, end=f.end, kind=f.kind) for f in furniture]
    return row


def _has_user_work(session: Session, event: EventRow) -> bool:
    """Whether any note, user excerpt or briefing citation hangs on the event."""
    excerpt_pks = [x.pk for x in event.excerpts]
    if any(x.origin != "curated" for x in event.excerpts):
        return True
    for table in (AnnotationRow, PointCitationRow):
        query = select(table.pk).where(
            (table.event_pk == event.pk)
            | (table.excerpt_pk.in_(excerpt_pks) if excerpt_pks else False)
        )
        if session.scalar(query.limit(1)) is not None:
            return True
    return False


def _excerpt_in_use(session: Session, excerpt_pk: int) -> bool:
    """Whether a note, a briefing citation or the user's credibility hangs on the excerpt."""
    graded = session.scalar(select(ExcerptRow.credibility).where(ExcerptRow.pk == excerpt_pk))
    return graded is not None or any(
        session.scalar(select(table.pk).where(table.excerpt_pk == excerpt_pk).limit(1)) is not None
        for table in (AnnotationRow, PointCitationRow)
    )


def _apply_event(row: EventRow, ev: CuratedEvent) -> None:
    row.title = ev.title
    store_event_when(row, ev.when)
    row.lane = ev.lane.value
    row.actors = list(ev.actors)
    row.summary = ev.summary
    row.confidence = ev.confidence.value
    row.references = list(ev.references)
    row.retired = False


def _sync_excerpts(
    session: Session, row: EventRow, ev: CuratedEvent, sources: dict[str, SourceRow]
) -> int:
    existing = {x.uid: x for x in row.excerpts if x.origin == "curated"}
    wanted = {x.uid for x in ev.excerpts}
    for position, ex in enumerate(ev.excerpts):
        ex_row = existing.get(ex.uid)
        if ex_row is None:
            ex_row = ExcerptRow(uid=ex.uid, origin="curated")
            row.excerpts.append(ex_row)
        ex_row.source = sources[ex.source]
        ex_row.start, ex_row.end = ex.anchor.start, ex.anchor.end
        ex_row.quote, ex_row.prefix, ex_row.suffix = (
            ex.anchor.exact,
            ex.anchor.prefix,
            ex.anchor.suffix,
        )
        ex_row.position = position
        ex_row.anchor_status = "exact"
        ex_row.retired = False
    for uid, ex_row in existing.items():
        if uid in wanted:
            continue
        if not _excerpt_in_use(session, ex_row.pk):
            row.excerpts.remove(ex_row)
        else:
            ex_row.retired = True
    return len(ev.excerpts)


def load_curated(db: Database, chronology: Chronology) -> LoadReport:
    """Bring the database's curated rows in line with ``chronology`` in one transaction."""
    report = LoadReport()
    with db.session() as session:
        # Two clients loading at once (both found a new team database empty): the
        # second waits, then finds every row there and only brings it up to date.
        db.one_writer_at_a_time(session)
        sources = {s.file: _upsert_source(session, s, report) for s in chronology.sources}
        session.flush()
        rows = {
            r.id: r for r in session.scalars(select(EventRow).where(EventRow.origin == "curated"))
        }
        for ev in chronology.events:
            row = rows.pop(ev.id, None)
            if row is None:
                row = EventRow(id=ev.id, origin="curated", hidden=False)
                session.add(row)
                report.events_added += 1
            else:
                report.events_updated += 1
            _apply_event(row, ev)
            report.excerpts += _sync_excerpts(session, row, ev, sources)
        for gone in rows.values():
            if _has_user_work(session, gone):
                gone.retired = True
                report.events_retired += 1
                report.notes.append(
                    f"event {gone.id!r} is no longer curated; kept (retired) for your notes"
                )
            else:
                session.delete(gone)
                report.events_deleted += 1
    return report
