"""Grading sources: a source's own grade, an outlet's default, an excerpt's credibility.

Each setter runs in its own transaction and returns a ``GradeChange``: what
was there before, so the window can undo it and the command line can say
what changed, and which events cite the passages whose grade moved, so the
window redraws those and reads nothing else again. A
grade is the user's work: a reload of the curated chronology leaves it
alone, and the notes file carries it to another laptop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.grading import Grade, parse_credibility
from briefing_app.services.lookup import EditRefused, NotFound, excerpt_row, now
from briefing_app.storage.database import Database
from briefing_app.storage.models import EventRow, ExcerptRow, OutletGradeRow, SourceRow

__all__ = ["GradeChange", "set_excerpt_credibility", "set_outlet_grade", "set_source_grade"]

B = TypeVar("B")


@dataclass(frozen=True, slots=True)
class GradeChange(Generic[B]):
    """What a grade setter did: the value before, and what the chronology shows differently.

    ``change`` names the events citing a passage whose grade may have moved
    (their support), and says the sources changed (the list shows grades).
    """

    before: B | None
    change: ChronologyChange


def _citing(session: Session, where: ColumnElement[bool]) -> ChronologyChange:
    """The events with a passage matching ``where`` (on excerpts and their sources)."""
    ids = session.scalars(
        select(EventRow.id)
        .join(ExcerptRow, ExcerptRow.event_pk == EventRow.pk)
        .join(SourceRow, SourceRow.pk == ExcerptRow.source_pk)
        .where(where)
        .distinct()
    )
    return ChronologyChange(changed=frozenset(ids), sources=True)


def _source(session: Session, file: str) -> SourceRow:
    row = session.scalar(select(SourceRow).where(SourceRow.file == file))
    if row is None:
        raise NotFound(f"there is no source {file!r} (the file names are in `sources list`)")
    return row


def set_source_grade(db: Database, file: str, grade: Grade | None) -> GradeChange[Grade]:
    """Grade the source ``file`` (None: back to its outlet's default); the old grade with it."""
    with db.session() as s:
        row = _source(s, file)
        before = Grade.parse(row.grade) if row.grade else None
        row.grade = grade.label if grade else None
        row.graded_at = now()
        s.commit()
        return GradeChange(before, _citing(s, SourceRow.file == file))


def set_outlet_grade(db: Database, outlet: str, grade: Grade | None) -> GradeChange[Grade]:
    """The default grade of ``outlet``'s sources (None: no default); the old one with it."""
    with db.session() as s:
        known = s.scalar(select(SourceRow.outlet).where(SourceRow.outlet == outlet).limit(1))
        row = s.scalar(select(OutletGradeRow).where(OutletGradeRow.outlet == outlet))
        if known is None and row is None:
            raise EditRefused(f"no stored source is from the outlet {outlet!r}")
        before = Grade.parse(row.grade) if row is not None else None
        if grade is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(OutletGradeRow(outlet=outlet, grade=grade.label, graded_at=now()))
        else:
            row.grade, row.graded_at = grade.label, now()
        s.commit()
        return GradeChange(before, _citing(s, SourceRow.outlet == outlet))


def set_excerpt_credibility(db: Database, uid: str, credibility: str | None) -> GradeChange[str]:
    """The credibility (1–6) of one passage, over its source's; the old one with it."""
    value = parse_credibility(credibility) if credibility else None
    with db.session() as s:
        row = excerpt_row(s, uid)
        before = row.credibility
        row.credibility = value
        row.graded_at = now()
        s.commit()
        return GradeChange(before, _citing(s, ExcerptRow.uid == uid))
