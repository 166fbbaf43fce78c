"""Handing a briefing on, and what has changed since it was.

Exporting a briefing (PDF, Word) or marking it delivered stores the state it
rested on (:class:`~briefing_app.domain.delivery.DeliveredState`) in its own
committed row; rows are only ever added. :func:`changes_since` takes the state
again, over the delivered state's period, and lists what differs. Both read
the database in one unit of work each, and never touch the user's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefing_app.domain.delivery import (
    ChangeSince,
    DeliveredState,
    EventState,
    ExcerptState,
    NoteState,
    PointState,
    StateFormatError,
    changes_between,
    delivered_when,
)
from briefing_app.domain.grading import CREDIBILITY, Grade, GradeError
from briefing_app.domain.quote_check import check_quote
from briefing_app.services.briefings import uid_named
from briefing_app.services.lookup import EditRefused, NotFound, new_uid, now
from briefing_app.storage.database import Database
from briefing_app.storage.models import (
    AnnotationRow,
    BriefingPointRow,
    BriefingRow,
    DeliveryRow,
    EventRow,
    ExcerptRow,
    PointCitationRow,
    SourceRow,
)
from briefing_app.storage.repository import event_support_in, event_when, outlet_grades_in

__all__ = [
    "DELIVERY_KINDS",
    "Delivery",
    "NotDelivered",
    "SinceDelivery",
    "briefing_named",
    "capture_state",
    "changes_since",
    "deliveries_of",
    "mark_delivered",
    "record_delivery",
]

DELIVERY_KINDS = {
    "pdf": "exported as PDF",
    "docx": "exported as Word",
    "marked": "marked delivered",
}

FLAGGED_BY_REVIEW = "marked as needing a check"
"""The fault of a passage whose anchor was flagged when its article was revised."""


class NotDelivered(EditRefused):
    """The briefing has never been handed on: there is nothing to compare with."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """One hand-over of a briefing, as lists and messages show it."""

    uid: str
    briefing_uid: str
    briefing_name: str
    delivered_at: datetime
    delivered_by: str | None
    how: str
    points: int
    events: int

    def describe(self) -> str:
        """ "exported as PDF on 6 Dec 2026 21:40 UTC by anna"."""
        words = f"{DELIVERY_KINDS.get(self.how, self.how)} on {delivered_when(self.delivered_at)}"
        return f"{words} by {self.delivered_by}" if self.delivered_by else words

    def counts(self) -> str:
        """ "2 points, 1 event"."""
        points = f"{self.points} point{'' if self.points == 1 else 's'}"
        return f"{points}, {self.events} event{'' if self.events == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class SinceDelivery:
    """What changed since the newest delivery of one briefing."""

    delivery: Delivery
    changes: tuple[ChangeSince, ...]

    def changed_events(self) -> set[str]:
        """The events to outline on the timeline."""
        return {c.event_id for c in self.changes if c.event_id}


def briefing_named(session: Session, name: str) -> BriefingRow:
    """The briefing called ``name`` (ignoring case), or a refusal that lists the others."""
    uid = uid_named(session, name)
    row = session.scalar(select(BriefingRow).where(BriefingRow.uid == uid)) if uid else None
    if row is None:
        names = ", ".join(f"“{n}”" for (n,) in session.execute(select(BriefingRow.name)))
        raise NotFound(f"there is no briefing named {name!r} (briefings: {names or 'none'})")
    return row


def _cited_event_pks(points: Iterable[BriefingPointRow]) -> list[int]:
    pks: dict[int, None] = {}
    for point in points:
        for c in point.citations:
            pk = c.event_pk
            if pk is None and c.excerpt is not None:
                pk = c.excerpt.event_pk
            if pk is not None:
                pks.setdefault(pk, None)
    return list(pks)


def _target(c: PointCitationRow) -> tuple[str | None, str | None]:
    if c.excerpt is not None:
        return (c.excerpt.event.id, c.excerpt.uid)
    return (c.event.id if c.event is not None else None, None)


def _excerpt_fault(x: ExcerptRow, source: SourceRow) -> str | None:
    if x.anchor_status == "flagged":
        return FLAGGED_BY_REVIEW
    fault = check_quote(source.text, source.text_sha256, x.start, x.end, x.quote)
    return fault.value if fault else None


def _in_period(session: Session, period: tuple[date, date] | None) -> frozenset[str]:
    if period is None:
        return frozenset()
    first, last = period[0].toordinal(), period[1].toordinal()
    query = select(EventRow.id).where(
        EventRow.first_day <= last,
        EventRow.last_day >= first,
        EventRow.hidden.is_(False),
        EventRow.retired.is_(False),
    )
    return frozenset(session.scalars(query))


def capture_state(
    session: Session,
    briefing: BriefingRow,
    period: tuple[date, date] | None = None,
    also: Iterable[str] = (),
) -> DeliveredState:
    """What ``briefing`` rests on now; over ``period`` if given, else its cited events' span.

    ``also`` adds events by id (those a delivered state cited), so that an event a point
    no longer cites is still compared rather than reported gone.
    """
    points = list(
        session.scalars(
            select(BriefingPointRow)
            .where(BriefingPointRow.briefing_pk == briefing.pk)
            .order_by(BriefingPointRow.position)
            .options(selectinload(BriefingPointRow.citations))
        )
    )
    point_states = tuple(
        PointState(p.uid, p.text, tuple(_target(c) for c in p.citations)) for p in points
    )
    pks = _cited_event_pks(points)
    wanted = sorted(set(also))
    if wanted:
        more = session.scalars(select(EventRow.pk).where(EventRow.id.in_(wanted)))
        pks += [pk for pk in more if pk not in pks]
    rows = (
        list(
            session.scalars(
                select(EventRow)
                .where(EventRow.pk.in_(pks), EventRow.retired.is_(False))
                .options(selectinload(EventRow.excerpts).selectinload(ExcerptRow.source))
            )
        )
        if pks
        else []
    )
    support = event_support_in(session)
    outlets = outlet_grades_in(session)
    events: dict[str, EventState] = {}
    excerpts: dict[str, ExcerptState] = {}
    excerpt_events: dict[int, str] = {}
    for row in rows:
        grade = support.get(row.pk)
        events[row.id] = EventState(
            row.id,
            row.title,
            event_when(row).label(),
            row.lane,
            row.confidence,
            grade.label if grade else None,
        )
        for x in row.excerpts:
            if x.retired:
                continue
            source_grade = _source_grade(x.source, outlets)
            credibility = x.credibility if x.credibility in CREDIBILITY else None
            xgrade = source_grade.with_credibility(credibility) if source_grade else None
            excerpts[x.uid] = ExcerptState(
                x.uid,
                row.id,
                x.quote,
                _excerpt_fault(x, x.source),
                xgrade.label if xgrade else None,
            )
            excerpt_events[x.pk] = row.id
    notes = _notes(session, {r.pk: r.id for r in rows}, excerpt_events)
    if period is None and rows:  # only when taken for a delivery: ``also`` is empty then
        period = (
            date.fromordinal(min(r.first_day for r in rows)),
            date.fromordinal(max(r.last_day for r in rows)),
        )
    return DeliveredState(
        briefing_uid=briefing.uid,
        name=briefing.name,
        points=point_states,
        events=events,
        excerpts=excerpts,
        notes=notes,
        period=period,
        in_period=_in_period(session, period),
    )


def _source_grade(source: SourceRow, outlets: Mapping[str, Grade]) -> Grade | None:
    """The source's own grade, else its outlet's default (as the window shows it)."""
    if source.grade:
        try:
            return Grade.parse(source.grade)
        except GradeError:
            return None
    return outlets.get(source.outlet)


def _notes(
    session: Session, event_ids: dict[int, str], excerpt_events: dict[int, str]
) -> dict[str, NoteState]:
    if not event_ids:
        return {}
    found: dict[str, NoteState] = {}
    query = select(AnnotationRow).where(
        AnnotationRow.event_pk.in_(list(event_ids))
        | AnnotationRow.excerpt_pk.in_(list(excerpt_events) or [-1])
    )
    for note in session.scalars(query):
        event_id = (
            event_ids.get(note.event_pk) if note.event_pk is not None else None
        ) or excerpt_events.get(note.excerpt_pk or -1)
        if event_id:
            found[note.uid] = NoteState(note.uid, event_id, note.body, note.talking_point)
    return found


def _delivery(row: DeliveryRow, briefing: BriefingRow, state: DeliveredState | None) -> Delivery:
    return Delivery(
        uid=row.uid,
        briefing_uid=briefing.uid,
        briefing_name=briefing.name,
        delivered_at=row.delivered_at,
        delivered_by=row.delivered_by,
        how=row.how,
        points=len(state.points) if state else 0,
        events=len(state.events) if state else 0,
    )


def record_delivery(db: Database, briefing_uid: str, how: str) -> Delivery:
    """Keep what the briefing rests on now, as handed on ``how`` ("pdf", "docx", "marked")."""
    if how not in DELIVERY_KINDS:
        raise ValueError(f"unknown way of handing on: {how!r}")
    with db.session() as s:
        briefing = s.scalar(select(BriefingRow).where(BriefingRow.uid == briefing_uid))
        if briefing is None:
            raise NotFound("the briefing was deleted")
        state = capture_state(s, briefing)
        row = DeliveryRow(
            uid=new_uid(),
            briefing_pk=briefing.pk,
            delivered_at=now(),
            delivered_by=db.author,
            how=how,
            state=state.to_json(),
        )
        s.add(row)
        s.commit()
        return _delivery(row, briefing, state)


def deliveries_of(db: Database, name: str) -> list[Delivery]:
    """Every hand-over of the briefing called ``name``, oldest first."""
    with db.session() as s:
        briefing = briefing_named(s, name)
        rows = s.scalars(
            select(DeliveryRow)
            .where(DeliveryRow.briefing_pk == briefing.pk)
            .order_by(DeliveryRow.delivered_at, DeliveryRow.pk)
        )
        return [_delivery(r, briefing, _state_or_none(r)) for r in rows]


def _state_or_none(row: DeliveryRow) -> DeliveredState | None:
    try:
        return DeliveredState.from_json(row.state)
    except StateFormatError:
        return None


def _titles(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(select(EventRow.id, EventRow.title).where(EventRow.id.in_(wanted)))
    return {str(event_id): str(title) for event_id, title in rows}


def changes_since(db: Database, name: str) -> SinceDelivery:
    """What changed since the briefing called ``name`` was last handed on."""
    with db.session() as s:
        briefing = briefing_named(s, name)
        row = s.scalar(
            select(DeliveryRow)
            .where(DeliveryRow.briefing_pk == briefing.pk)
            .order_by(DeliveryRow.delivered_at.desc(), DeliveryRow.pk.desc())
            .limit(1)
        )
        if row is None:
            raise NotDelivered(
                f"the briefing “{briefing.name}” has not been handed on yet: export it as PDF "
                "or Word, or mark it delivered, and changes are listed from then on"
            )
        try:
            then = DeliveredState.from_json(row.state)
        except StateFormatError as exc:
            raise EditRefused(
                f"what the briefing “{briefing.name}” rested on cannot be read: {exc}"
            ) from exc
        current = capture_state(s, briefing, then.period, also=then.events)
        moved = (current.in_period ^ then.in_period) - set(then.events)
        titles = _titles(s, moved)
        then = _with_titles(then, titles)
        current = _with_titles(current, titles)
        changes = tuple(changes_between(then, current))
        return SinceDelivery(_delivery(row, briefing, then), changes)


def _with_titles(state: DeliveredState, titles: dict[str, str]) -> DeliveredState:
    return replace(state, in_period_titles=titles)


def mark_delivered(db: Database, name: str) -> Delivery:
    """File › Mark Briefing as Delivered and `briefings deliver NAME`."""
    with db.session() as s:
        uid = briefing_named(s, name).uid
    return record_delivery(db, uid, "marked")
