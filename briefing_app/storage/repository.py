"""Reading the chronology out of the database as domain values.

Widgets and exports ask here; they never see a session or a row. Each
function opens its own short unit of work.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, select
from sqlalchemy.orm import Session, defer, selectinload

from briefing_app.domain.dates import DateSpan, PartialDate, Precision
from briefing_app.domain.grading import CREDIBILITY, Grade, GradeError
from briefing_app.domain.model import (
    Confidence,
    Event,
    Excerpt,
    Lane,
    Origin,
    Source,
    event_from_fields,
)
from briefing_app.domain.quote_check import text_fingerprint
from briefing_app.storage.database import Database, StoredValueError, damage_error, is_damage
from briefing_app.storage.models import (
    AnnotationRow,
    EventRow,
    ExcerptRow,
    OutletGradeRow,
    PendingProposalRow,
    SourceRow,
)

__all__ = [
    "AnnotationView",
    "SourceText",
    "annotations_on_event",
    "counts",
    "event_support_in",
    "event_when",
    "excerpts_of_source",
    "get_event",
    "get_source_text",
    "list_events",
    "list_sources",
    "outlet_grades",
    "outlet_grades_in",
    "pending_counts",
    "store_event_when",
]


def _partial(value: str | None, precision: str | None) -> PartialDate | None:
    if not value:
        return None
    return PartialDate.parse(value, Precision(precision) if precision else None)


def _grade(text: str | None) -> Grade | None:
    try:
        return Grade.parse(text) if text else None
    except GradeError:
        return None  # written by hand into the table: shown as ungraded, not fatal


def outlet_grades_in(session: Session) -> dict[str, Grade]:
    """The outlets' default grades, by outlet name."""
    rows = session.execute(select(OutletGradeRow.outlet, OutletGradeRow.grade))
    return {outlet: g for outlet, text in rows if (g := _grade(text)) is not None}


def outlet_grades(db: Database) -> dict[str, Grade]:
    with db.session() as s:
        return outlet_grades_in(s)


def source_from_row(row: SourceRow, outlets: Mapping[str, Grade] | None = None) -> Source:
    return Source(
        file=row.file,
        title=row.title,
        outlet=row.outlet,
        published=_partial(row.published, row.published_precision),
        language=row.language,
        author=row.author,
        url=row.url,
        notes=row.notes,
        grade=_grade(row.grade),
        outlet_grade=(outlets or {}).get(row.outlet),
    )


def _excerpt(
    file: str,
    start: int,
    end: int,
    quote: str,
    prefix: str,
    suffix: str,
    uid: str,
    origin: str,
    anchor_status: str,
    credibility: str | None = None,
) -> Excerpt:
    """An excerpt from its stored columns, in the order the tables hold them."""
    return Excerpt(
        source=file,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        uid=uid,
        origin=_ORIGINS[origin],
        needs_check=anchor_status == "flagged",
        credibility=credibility if credibility in CREDIBILITY else None,
    )


def excerpt_from_row(row: ExcerptRow, source_file: str) -> Excerpt:
    return _excerpt(
        source_file,
        row.start,
        row.end,
        row.quote,
        row.prefix,
        row.suffix,
        row.uid,
        row.origin,
        row.anchor_status,
        row.credibility,
    )


def event_when(row: EventRow) -> DateSpan:
    """The event's dates as stored: start and end text at their precisions."""
    start = PartialDate.parse(row.start, Precision(row.start_precision))
    return DateSpan(start, _partial(row.end, row.end_precision))


def store_event_when(row: EventRow, when: DateSpan) -> None:
    """Write ``when`` into the row: the text at its precision and the indexed day numbers."""
    row.start, row.start_precision = when.start.iso(), when.start.precision.value
    row.end = when.end.iso() if when.end else None
    row.end_precision = when.end.precision.value if when.end else None
    row.first_day = when.first_day.toordinal()
    row.last_day = when.last_day.toordinal()


def event_from_row(
    row: EventRow,
    *,
    excerpts: tuple[Excerpt, ...] = (),
    annotation_count: int = 0,
    flagged: bool = False,
    tags: tuple[str, ...] = (),
    support: Grade | None = None,
) -> Event:
    return Event(
        id=row.id,
        title=row.title,
        when=event_when(row),
        lane=Lane.parse(row.lane),
        summary=row.summary,
        actors=tuple(row.actors or ()),
        confidence=Confidence.parse(row.confidence),
        references=tuple(row.references or ()),
        excerpts=excerpts,
        origin=Origin(row.origin),
        annotation_count=annotation_count,
        flagged=flagged,
        tags=tags,
        support=support,
    )


def _support(s: Session, event_pk: int | None = None) -> dict[int, Grade]:
    """Per event pk: the best grade of its live passages, for events with a graded one.

    Sources are few (hundreds) and grades fewer: the graded sources are found
    first, and only their excerpts are read, so an ungraded library costs one
    small query.
    """
    outlets = outlet_grades_in(s)
    graded: dict[int, Grade] = {}
    for pk, own, outlet in s.execute(select(SourceRow.pk, SourceRow.grade, SourceRow.outlet)):
        grade = _grade(own) or outlets.get(outlet)
        if grade is not None:
            graded[pk] = grade
    if not graded:
        return {}
    query = select(ExcerptRow.event_pk, ExcerptRow.source_pk, ExcerptRow.credibility).where(
        ExcerptRow.source_pk.in_(sorted(graded)), ExcerptRow.retired.is_(False)
    )
    if event_pk is not None:
        query = query.where(ExcerptRow.event_pk == event_pk)
    best: dict[int, Grade] = {}
    for ev, source_pk, credibility in s.execute(query):
        grade = graded[source_pk].with_credibility(
            credibility if credibility in CREDIBILITY else None
        )
        held = best.get(ev)
        if held is None or grade.rank < held.rank:
            best[ev] = grade
    return best


def event_support_in(s: Session, event_pk: int | None = None) -> dict[int, Grade]:
    """Per event pk, the best grade of its live passages (only events with a graded one)."""
    return _support(s, event_pk)


@dataclass(frozen=True, slots=True)
class _Stats:
    count: int = 0
    flagged: bool = False
    tags: tuple[str, ...] = ()


def _annotation_stats(s: Session, event_pk: int | None = None) -> dict[int, _Stats]:
    """Per event pk: its annotations (direct or on its excerpts), any talking point, the tags.

    With ``event_pk``, for that event only (showing one event must not read every note).
    """
    direct = select(
        AnnotationRow.event_pk.label("event_pk"),
        AnnotationRow.talking_point,
        AnnotationRow.tags,
    ).where(AnnotationRow.event_pk.is_not(None))
    via_excerpt = select(
        ExcerptRow.event_pk.label("event_pk"), AnnotationRow.talking_point, AnnotationRow.tags
    ).join(ExcerptRow, ExcerptRow.pk == AnnotationRow.excerpt_pk)
    if event_pk is not None:
        direct = direct.where(AnnotationRow.event_pk == event_pk)
        via_excerpt = via_excerpt.where(ExcerptRow.event_pk == event_pk)
    rows = s.execute(direct.union_all(via_excerpt)).all()
    counts_: dict[int, int] = {}
    flags: dict[int, bool] = {}
    tags: dict[int, dict[str, str]] = {}
    for event_pk, flag, row_tags in rows:
        counts_[event_pk] = counts_.get(event_pk, 0) + 1
        flags[event_pk] = flags.get(event_pk, False) or bool(flag)
        seen = tags.setdefault(event_pk, {})
        for tag in row_tags if isinstance(row_tags, list) else []:
            if isinstance(tag, str) and tag.strip():
                seen.setdefault(tag.strip().casefold(), tag.strip())
    return {
        pk: _Stats(n, flags[pk], tuple(sorted(tags[pk].values(), key=str.casefold)))
        for pk, n in counts_.items()
    }


def _json_list(value: str | None) -> tuple[str, ...]:
    if not value or value == "[]":
        return ()
    return tuple(json.loads(value))


_LANES = {lane.value: lane for lane in Lane}
_CONFIDENCES = {c.value: c for c in Confidence}
_ORIGINS = {o.value: o for o in Origin}
_PRECISIONS = {p.value: p for p in Precision}
_DAYS = date.max.toordinal() + 1


def _sort_by_date(rows: list[Any]) -> None:
    """Order the fast query's rows by first day, last day, id: what ``list_events`` promises.

    Two stable sorts on plain keys (id, then one integer for both days) take a
    third of the time of one sort on a tuple of the three.
    """
    rows.sort(key=itemgetter(1))
    rows.sort(key=lambda row: row[3] * _DAYS + row[4])


def _events_fast(
    db: Database,
    include_hidden: bool,
    stats: dict[int, _Stats],
    brief: bool,
    ids: Collection[str] | None = None,
    excerpts: dict[int, tuple[Excerpt, ...]] | None = None,
    support: dict[int, Grade] | None = None,
) -> list[Event]:
    """Events without excerpts, read as plain columns.

    Opening 100,000 events must take a fraction of a second, so this skips ORM
    objects and JSON type processing, and builds dates from the stored day
    numbers instead of parsing text.
    """
    e = EventRow.__table__.c
    columns = [
        e.pk,
        e.id,
        e.title,
        e.first_day,
        e.last_day,
        e.start_precision,
        e.end,
        e.end_precision,
        e.lane,
        cast(e.actors, String),
        e.confidence,
        e.origin,
    ]
    if not brief:
        columns += [e.summary, cast(e.references, String)]
    # Unordered: SQLite sorting 100,000 wide rows takes twice as long as the scan;
    # Python sorts the fetched tuples on three columns in a fraction of that.
    query = select(*columns)
    if not include_hidden:
        query = query.where(e.hidden.is_(False), e.retired.is_(False))
    if ids is not None:
        query = query.where(e.id.in_(sorted(ids)))
    sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
    with db.engine.connect() as conn:
        # The driver's own cursor: no per-row result processing for 100,000 rows.
        try:
            cursor = conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]
            rows = cursor.fetchall()
        except sqlite3.DatabaseError as exc:  # SQLAlchemy's hook does not see this cursor
            if is_damage(exc):
                raise damage_error(db.path, exc) from exc
            raise
    _sort_by_date(rows)
    # Many events share their dates, and many their actors: one date span per
    # distinct (days, precisions) and one tuple per distinct actor list, built
    # once and shared, instead of 100,000 of each.
    whens: dict[tuple[int | str, ...], DateSpan] = {}
    lists: dict[str, tuple[str, ...]] = {}

    dates: dict[tuple[int, str], PartialDate] = {}

    def partial(day: int, precision: str) -> PartialDate:
        found = dates.get((day, precision))
        if found is None:
            found = dates[(day, precision)] = PartialDate(
                date.fromordinal(day), _PRECISIONS[precision]
            )
        return found

    def when_of(first: int, sp: str, end: str | None, last: int, ep: str | None) -> DateSpan:
        start = partial(first, sp)
        return DateSpan(start, partial(last, ep or sp)) if end else DateSpan(start)

    no_notes = _Stats()
    events: list[Event] = []
    append = events.append
    try:
        for row in rows:
            pk, eid, title, first, last, sp, end, ep, lane, actors, conf, origin = row[:12]
            key = (first, sp, last, ep) if end else (first, sp)
            when = whens.get(key)
            if when is None:
                when = whens[key] = when_of(first, sp, end, last, ep)
            actor_list = lists.get(actors or "")
            if actor_list is None:
                actor_list = lists[actors or ""] = _json_list(actors)
            st = stats.get(pk, no_notes)
            append(
                event_from_fields(  # Event's fields in order; see event_from_fields for why
                    eid,
                    title,
                    when,
                    _LANES.get(lane) or Lane.parse(lane),
                    "" if brief else row[12],
                    actor_list,
                    _CONFIDENCES[conf],
                    () if brief else _json_list(row[13]),
                    excerpts.get(pk, ()) if excerpts else (),
                    _ORIGINS[origin],
                    st.count,
                    st.flagged,
                    st.tags,
                    support.get(pk) if support else None,
                )
            )
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        # A value a column cannot hold (a lane no one knows, a day past the calendar).
        reason = StoredValueError(f"a stored event cannot be read: {type(exc).__name__}")
        raise damage_error(db.path, reason) from exc
    return events


# An event's live excerpts need only their source's file name, not its text.
_WITH_EXCERPTS = (
    selectinload(EventRow.excerpts)
    .selectinload(ExcerptRow.source)
    .load_only(SourceRow.pk, SourceRow.file, raiseload=True)
)


def _event_with_excerpts(row: EventRow, st: _Stats, support: Grade | None = None) -> Event:
    excerpts = tuple(excerpt_from_row(x, x.source.file) for x in row.excerpts if not x.retired)
    return event_from_row(
        row,
        excerpts=excerpts,
        annotation_count=st.count,
        flagged=st.flagged,
        tags=st.tags,
        support=support,
    )


def list_events(
    db: Database,
    *,
    with_excerpts: bool = False,
    include_hidden: bool = False,
    brief: bool = False,
    ids: Collection[str] | None = None,
) -> list[Event]:
    """Every event in date order (hidden and retired ones only on request).

    ``brief`` leaves summaries and references empty: for the timeline, which
    shows them only for the selected event (read with ``get_event``). ``ids``
    (brief lists only) reads just those events, e.g. the ones an edit changed.
    """
    with db.session() as s:
        stats = _annotation_stats(s)
        support = _support(s)
    if with_excerpts and ids is not None:
        raise ValueError("ids are for brief lists")
    excerpts = _live_excerpts_by_event(db) if with_excerpts else None
    return _events_fast(db, include_hidden, stats, brief, ids, excerpts, support)


def _live_excerpts_by_event(db: Database) -> dict[int, tuple[Excerpt, ...]]:
    """Every live excerpt, grouped by event pk in the event's own order, in one query."""
    x, src = ExcerptRow.__table__.c, SourceRow.__table__.c
    query = (
        select(
            x.event_pk,
            src.file,
            x.start,
            x.end,
            x.quote,
            x.prefix,
            x.suffix,
            x.uid,
            x.origin,
            x.anchor_status,
            x.credibility,
        )
        .join_from(ExcerptRow.__table__, SourceRow.__table__, src.pk == x.source_pk)
        .where(x.retired.is_(False))
        .order_by(x.event_pk, x.position, x.pk)
    )
    grouped: dict[int, list[Excerpt]] = {}
    with db.engine.connect() as conn:
        for event_pk, *columns in conn.execute(query):
            grouped.setdefault(event_pk, []).append(_excerpt(*columns))
    return {pk: tuple(found) for pk, found in grouped.items()}


def get_event(db: Database, event_id: str) -> Event | None:
    with db.session() as s:
        row = s.scalar(select(EventRow).where(EventRow.id == event_id).options(_WITH_EXCERPTS))
        if row is None:
            return None
        stats = _annotation_stats(s, row.pk).get(row.pk, _Stats())
        return _event_with_excerpts(row, stats, _support(s, row.pk).get(row.pk))


def list_sources(db: Database) -> list[Source]:
    with db.session() as s:
        rows = s.scalars(
            select(SourceRow)
            .options(defer(SourceRow.text, raiseload=True))  # the metadata, not the articles
            .order_by(SourceRow.published, SourceRow.file)
        )
        outlets = outlet_grades_in(s)
        return [source_from_row(r, outlets) for r in rows]


@dataclass(frozen=True)
class SourceText:
    """A source's raw text with its body extent and furniture spans."""

    source: Source
    text: str
    body_start: int
    body_end: int
    furniture: tuple[tuple[int, int, str], ...]
    changed: bool = False
    """The text no longer matches the SHA-256 recorded when it was stored."""


def get_source_text(db: Database, file: str) -> SourceText | None:
    with db.session() as s:
        row = s.scalar(
            select(SourceRow)
            .where(SourceRow.file == file)
            .options(selectinload(SourceRow.furniture))
        )
        if row is None:
            return None
        digest = row.text_sha256
        return SourceText(
            source=source_from_row(row, outlet_grades_in(s)),
            text=row.text,
            body_start=row.body_start,
            body_end=row.body_end,
            furniture=tuple((f.start, f.end, f.kind) for f in row.furniture),
            changed=digest is not None and text_fingerprint(row.text) != digest,
        )


def excerpts_of_source(db: Database, file: str) -> list[tuple[Excerpt, str, str]]:
    """Every live excerpt of a source with its event id and title, by position."""
    with db.session() as s:
        rows = s.execute(
            select(ExcerptRow, EventRow.id, EventRow.title)
            .join(EventRow, EventRow.pk == ExcerptRow.event_pk)
            .join(SourceRow, SourceRow.pk == ExcerptRow.source_pk)
            .where(SourceRow.file == file, ExcerptRow.retired.is_(False))
            .order_by(ExcerptRow.start)
        ).all()
        return [(excerpt_from_row(x, file), eid, title) for x, eid, title in rows]


@dataclass(frozen=True)
class AnnotationView:
    uid: str
    event_id: str | None
    excerpt_uid: str | None
    body: str
    tags: tuple[str, ...]
    talking_point: bool
    created_at: str
    updated_at: str
    created_by: str | None = None
    updated_by: str | None = None


def annotation_view(row: AnnotationRow, event_id: str, excerpt_uid: str | None) -> AnnotationView:
    """A note as the exports show it; ``event_id`` is kept only for a note on the event."""
    return AnnotationView(
        uid=row.uid,
        event_id=event_id if row.event_pk is not None else None,
        excerpt_uid=excerpt_uid,
        body=row.body,
        tags=tuple(row.tags or ()),
        talking_point=row.talking_point,
        created_at=row.created_at.isoformat(timespec="seconds"),
        updated_at=row.updated_at.isoformat(timespec="seconds"),
        created_by=row.created_by,
        updated_by=row.updated_by,
    )


def annotations_on_event(event_pk: int) -> ColumnElement[bool]:
    """Notes on the event or on one of its excerpts.

    Written on the annotation's own columns, so each half is read through its
    index; a test on the joined excerpt would read every note.
    """
    return (AnnotationRow.event_pk == event_pk) | AnnotationRow.excerpt_pk.in_(
        select(ExcerptRow.pk).where(ExcerptRow.event_pk == event_pk)
    )


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {
            "sources": s.scalar(select(func.count()).select_from(SourceRow)) or 0,
            "events": s.scalar(
                select(func.count()).select_from(EventRow).where(EventRow.retired.is_(False))
            )
            or 0,
            "excerpts": s.scalar(select(func.count()).select_from(ExcerptRow)) or 0,
            "annotations": s.scalar(select(func.count()).select_from(AnnotationRow)) or 0,
        }


def pending_counts(db: Database) -> dict[str, int]:
    """How many proposals wait for a decision, by source file (sources with none left out).

    Here rather than with the review code so the window can show the counts at
    start without loading the import machinery.
    """
    with db.session() as s:
        rows = s.execute(
            select(SourceRow.file, func.count(PendingProposalRow.pk))
            .join(PendingProposalRow, PendingProposalRow.source_pk == SourceRow.pk)
            .group_by(SourceRow.file)
        )
        return {file: n for file, n in rows}
