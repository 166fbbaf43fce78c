"""The database tables as SQLAlchemy 2 typed mappings.

Curated rows (loaded from ``resources/``) and the user's rows live in the same
tables, told apart by ``origin``: reloading the chronology touches only
``origin == 'curated'`` and never deletes a row the user's work hangs on.
Event dates are stored as text at their precision plus two indexed day
numbers (``first_day``/``last_day``, proleptic ordinals) for range queries.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates
from sqlalchemy.types import TypeDecorator

from briefing_app.domain.quote_check import text_fingerprint
from briefing_app.storage.errors import StoredValueError

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class StoredJSON(TypeDecorator[Any]):
    """JSON whose stored text, damaged so that it no longer parses, is said to be damage.

    The same column as ``JSON`` (no migration); only reading differs: a value
    that is not JSON raises ``StoredValueError`` instead of a bare decoding error.
    """

    impl = JSON
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        inner = super().result_processor(dialect, coltype)
        if inner is None:
            return None

        def process(value: Any) -> Any:
            try:
                return inner(value)
            except (ValueError, TypeError) as exc:
                raise StoredValueError(
                    f"a stored list cannot be read: {type(exc).__name__}"
                ) from None

        return process


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: StoredJSON,
        list[str]: StoredJSON,
    }


class SourceRow(Base):
    __tablename__ = "sources"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    file: Mapped[str] = mapped_column(String(255), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(500))
    outlet: Mapped[str] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[str | None] = mapped_column(String(10))
    published_precision: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8))
    url: Mapped[str | None] = mapped_column(String(2000))
    notes: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str | None] = mapped_column(String(64))
    """SHA-256 of ``text``, taken whenever the application stores it: exports check
    their quotations against the text and the text against this fingerprint."""
    body_start: Mapped[int] = mapped_column(Integer)
    body_end: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(16), default="curated")
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    grade: Mapped[str | None] = mapped_column(String(2))
    """The user's Admiralty grade of the source ("B2"); None takes the outlet's default."""
    graded_at: Mapped[datetime | None] = mapped_column(DateTime)

    furniture: Mapped[list[FurnitureRow]] = relationship(
        back_populates="source", cascade="all, delete-orphan", order_by="FurnitureRow.start"
    )

    @validates("text")
    def _fingerprint(self, _key: str, value: str) -> str:
        """Every text the application stores gets its fingerprint in the same write."""
        self.text_sha256 = text_fingerprint(value)
        return value


class FurnitureRow(Base):
    """A span of a source's text that is page furniture, not article."""

    __tablename__ = "source_furniture"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_pk: Mapped[int] = mapped_column(ForeignKey("sources.pk", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))

    source: Mapped[SourceRow] = relationship(back_populates="furniture")


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="end_not_before_start"),
        Index("ix_events_lane_first_day", "lane", "first_day"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    start: Mapped[str] = mapped_column(String(10))
    start_precision: Mapped[str] = mapped_column(String(8))
    end: Mapped[str | None] = mapped_column(String(10))
    end_precision: Mapped[str | None] = mapped_column(String(8))
    first_day: Mapped[int] = mapped_column(Integer, index=True)
    last_day: Mapped[int] = mapped_column(Integer, index=True)
    lane: Mapped[str] = mapped_column(String(16))
    actors: Mapped[list[str]] = mapped_column(default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(String(8), default="high")
    references: Mapped[list[str]] = mapped_column(default=list)
    origin: Mapped[str] = mapped_column(String(16), default="curated", index=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(120))
    """Who made a user event (None for curated events and for work older than authors)."""
    updated_by: Mapped[str | None] = mapped_column(String(120))

    excerpts: Mapped[list[ExcerptRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="ExcerptRow.position"
    )


class ExcerptRow(Base):
    """A verbatim span of a source, anchored by offsets and by quote + context."""

    __tablename__ = "excerpts"
    __table_args__ = (CheckConstraint('"end" > start', name="non_empty"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete="CASCADE"), index=True)
    source_pk: Mapped[int] = mapped_column(
        ForeignKey("sources.pk", ondelete="RESTRICT"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    origin: Mapped[str] = mapped_column(String(16), default="curated")
    anchor_status: Mapped[str] = mapped_column(String(16), default="exact")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(120))
    credibility: Mapped[str | None] = mapped_column(String(1))
    """The user's credibility of this passage (1–6), over its source's."""
    graded_at: Mapped[datetime | None] = mapped_column(DateTime)

    event: Mapped[EventRow] = relationship(back_populates="excerpts")
    source: Mapped[SourceRow] = relationship()


class OutletGradeRow(Base):
    """The grade an outlet's sources take until the user grades one of them."""

    __tablename__ = "outlet_grades"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet: Mapped[str] = mapped_column(String(200), unique=True)
    grade: Mapped[str] = mapped_column(String(2))
    graded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AnnotationRow(Base):
    """The user's note on an event or an excerpt: never touched by curated reloads."""

    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint("event_pk IS NOT NULL OR excerpt_pk IS NOT NULL", name="has_target"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    event_pk: Mapped[int | None] = mapped_column(
        ForeignKey("events.pk", ondelete="CASCADE"), index=True
    )
    excerpt_pk: Mapped[int | None] = mapped_column(
        ForeignKey("excerpts.pk", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    talking_point: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    conflict_of: Mapped[str | None] = mapped_column(String(80))
    """Uid of the annotation this one disagreed with (imported, or saved over a newer one)."""
    created_by: Mapped[str | None] = mapped_column(String(120))
    updated_by: Mapped[str | None] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Goes up by one with every stored change: a save made against an older one is kept
    beside it, never over it."""


class BriefingRow(Base):
    """A named, ordered list of talking points the user is preparing."""

    __tablename__ = "briefings"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    points: Mapped[list[BriefingPointRow]] = relationship(
        back_populates="briefing",
        cascade="all, delete-orphan",
        order_by="BriefingPointRow.position",
        passive_deletes=True,
    )


class BriefingPointRow(Base):
    """One talking point: the user's own words, supported by citations."""

    __tablename__ = "briefing_points"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    briefing_pk: Mapped[int] = mapped_column(
        ForeignKey("briefings.pk", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(120))
    updated_by: Mapped[str | None] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    conflict_of: Mapped[str | None] = mapped_column(String(80))
    """Uid of the point this one was saved against while someone else changed it."""

    briefing: Mapped[BriefingRow] = relationship(back_populates="points")
    citations: Mapped[list[PointCitationRow]] = relationship(
        back_populates="point",
        cascade="all, delete-orphan",
        order_by="PointCitationRow.position",
        passive_deletes=True,
    )


class PointCitationRow(Base):
    """A talking point citing an event or one excerpt of it."""

    __tablename__ = "point_citations"
    __table_args__ = (
        CheckConstraint("event_pk IS NOT NULL OR excerpt_pk IS NOT NULL", name="has_target"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    point_pk: Mapped[int] = mapped_column(
        ForeignKey("briefing_points.pk", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    event_pk: Mapped[int | None] = mapped_column(
        ForeignKey("events.pk", ondelete="CASCADE"), index=True
    )
    excerpt_pk: Mapped[int | None] = mapped_column(
        ForeignKey("excerpts.pk", ondelete="CASCADE"), index=True
    )

    point: Mapped[BriefingPointRow] = relationship(back_populates="citations")
    event: Mapped[EventRow | None] = relationship()
    excerpt: Mapped[ExcerptRow | None] = relationship()


class DeliveryRow(Base):
    """A briefing handed on: when, by whom, how, and the state it rested on (JSON).

    Rows are only ever added: "what changed since" compares the newest one with
    the chronology as it is now, and older ones stay as the record of what was
    handed on.
    """

    __tablename__ = "briefing_deliveries"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    briefing_pk: Mapped[int] = mapped_column(
        ForeignKey("briefings.pk", ondelete="CASCADE"), index=True
    )
    delivered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    delivered_by: Mapped[str | None] = mapped_column(String(120))
    how: Mapped[str] = mapped_column(String(16))
    """"pdf", "docx" or "marked" (File › Mark Briefing as Delivered, `briefings deliver`)."""
    state: Mapped[str] = mapped_column(Text)


class PendingProposalRow(Base):
    """An event proposed by an import, kept until the user accepts or rejects it.

    Stored with the source in the import's own transaction, so closing the
    review (or the app) never throws a proposal away. Edits made in the review
    (title, date, lane, merges) are kept here too.
    """

    __tablename__ = "pending_proposals"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_pk: Mapped[int] = mapped_column(ForeignKey("sources.pk", ondelete="CASCADE"), index=True)
    """The source the proposal is listed under (that of its first excerpt)."""
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    start: Mapped[str] = mapped_column(String(10))
    start_precision: Mapped[str] = mapped_column(String(8))
    end: Mapped[str | None] = mapped_column(String(10))
    end_precision: Mapped[str | None] = mapped_column(String(8))
    lane: Mapped[str] = mapped_column(String(16))
    links: Mapped[list[dict[str, Any]]] = mapped_column(StoredJSON, default=list)
    """Suggested existing events (id, title, when, shared, gap_days), best first."""
    link_to: Mapped[str | None] = mapped_column(String(120))
    """The suggestion the user chose: the excerpts go to that event instead."""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    excerpts: Mapped[list[PendingExcerptRow]] = relationship(
        back_populates="proposal",
        cascade="all, delete-orphan",
        order_by="PendingExcerptRow.position",
        passive_deletes=True,
    )


class PendingExcerptRow(Base):
    """A passage a pending proposal would quote: offsets and the exact text."""

    __tablename__ = "pending_excerpts"
    __table_args__ = (CheckConstraint('"end" > start', name="non_empty"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_pk: Mapped[int] = mapped_column(
        ForeignKey("pending_proposals.pk", ondelete="CASCADE"), index=True
    )
    source_pk: Mapped[int] = mapped_column(ForeignKey("sources.pk", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    """The passage as it was proposed: found again if the source's text is replaced."""
    position: Mapped[int] = mapped_column(Integer, default=0)

    proposal: Mapped[PendingProposalRow] = relationship(back_populates="excerpts")
    source: Mapped[SourceRow] = relationship()
