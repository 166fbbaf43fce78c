"""Proposals waiting for the user's decision, stored so that nothing proposed is lost.

An import stores its proposals with the source, in the same transaction
(``store_pending_in``). The review (in the window or on the command line) is
read back from them (``load_pending``) as a ``ReviewState``; whatever is
still undecided when the review ends, with the user's edits, is written back
(``replace_pending_in``), and accepting does that in the transaction that
makes the events (see ``importer.accept``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate
from briefing_app.domain.model import Lane
from briefing_app.ingest.proposals import LinkSuggestion
from briefing_app.ingest.review import ReviewItem, ReviewState, SourceSpan
from briefing_app.storage.database import Database
from briefing_app.storage.models import PendingExcerptRow, PendingProposalRow, SourceRow
from briefing_app.storage.repository import pending_counts

__all__ = [
    "PendingReview",
    "keep_pending",
    "load_pending",
    "pending_counts",
    "replace_pending_in",
    "store_pending_in",
]


@dataclass(frozen=True)
class PendingReview:
    """The stored proposals of some sources, ready to review."""

    state: ReviewState
    files: tuple[str, ...]
    """The sources reviewed: what is left undecided is written back to them."""
    titles: dict[str, str]
    urls: dict[str, str | None]
    dropped: int = 0
    """Proposals whose passage is no longer in their source's text (it was replaced)."""


# -- link suggestions as JSON -----------------------------------------------------------
_LINK_FIELDS = {f.name: f for f in dataclasses.fields(LinkSuggestion)}


def _link_record(link: LinkSuggestion) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(link).items()}


def _link_from(record: dict[str, Any]) -> LinkSuggestion | None:
    """A stored suggestion, or None when it no longer fits (a field was added since)."""
    values = {
        k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k in _LINK_FIELDS
    }
    try:
        return LinkSuggestion(**values)
    except TypeError:
        return None


# -- writing -----------------------------------------------------------------------------
def _source_pks(session: Session, files: Iterable[str]) -> dict[str, int]:
    wanted = set(files)
    if not wanted:
        return {}
    rows = session.execute(select(SourceRow.file, SourceRow.pk).where(SourceRow.file.in_(wanted)))
    return {file: pk for file, pk in rows}


def store_pending_in(session: Session, items: Sequence[ReviewItem]) -> int:
    """Within ``session``: store ``items`` as pending, after those already stored.

    Each is listed under the source of its first passage; returns how many
    were stored.
    """
    pks = _source_pks(session, (s.source_file for it in items for s in it.spans))
    stored = 0
    for item in items:
        spans = [s for s in item.spans if s.source_file in pks and s.end > s.start]
        if not spans:
            continue
        owner = pks[spans[0].source_file]
        last = session.scalar(
            select(func.max(PendingProposalRow.position)).where(
                PendingProposalRow.source_pk == owner
            )
        )
        when = item.when
        row = PendingProposalRow(
            source_pk=owner,
            position=(last or 0) + 1,
            title=item.title,
            start=when.start.iso(),
            start_precision=when.start.precision.value,
            end=when.end.iso() if when.end else None,
            end_precision=when.end.precision.value if when.end else None,
            lane=item.lane.value,
            links=[_link_record(link) for link in item.links],
            link_to=item.link_to,
        )
        row.excerpts = [
            PendingExcerptRow(
                source_pk=pks[s.source_file], start=s.start, end=s.end, quote=s.sentence, position=i
            )
            for i, s in enumerate(spans)
        ]
        session.add(row)
        stored += 1
    session.flush()
    return stored


def replace_pending_in(session: Session, files: Sequence[str], items: Sequence[ReviewItem]) -> None:
    """Within ``session``: the pending proposals of ``files`` become exactly ``items``."""
    pks = list(_source_pks(session, files).values())
    if pks:
        session.execute(delete(PendingProposalRow).where(PendingProposalRow.source_pk.in_(pks)))
    store_pending_in(session, items)


def keep_pending(db: Database, files: Sequence[str], items: Sequence[ReviewItem]) -> None:
    """Write back what is still undecided (with the user's edits) when a review ends."""
    with db.session() as s:
        replace_pending_in(s, files, items)


# -- reading -------------------------------------------------------------------------------
def _where(text: str, start: int, end: int, quote: str) -> tuple[int, int] | None:
    """The passage's offsets in ``text``: as stored, or where its one occurrence now is."""
    if text[start:end] == quote:
        return start, end
    found = text.find(quote)
    if found < 0 or text.find(quote, found + 1) >= 0:
        return None  # gone, or ambiguous: never quote the wrong place
    return found, found + len(quote)


def _item(key: int, row: PendingProposalRow, sources: dict[int, SourceRow]) -> ReviewItem | None:
    spans: list[SourceSpan] = []
    for x in row.excerpts:
        file, text = sources[x.source_pk].file, sources[x.source_pk].text
        where = _where(text, x.start, x.end, x.quote)
        if where is not None:
            spans.append(SourceSpan(file, where[0], where[1], x.quote))
    if not spans:
        return None
    try:
        start = PartialDate.parse(row.start, row.start_precision)
        end = PartialDate.parse(row.end, row.end_precision) if row.end else None
        when = DateSpan(start, end)
        lane = Lane(row.lane)
    except (DateFormatError, ValueError):
        return None
    links = tuple(link for link in map(_link_from, row.links or []) if link is not None)
    link_to = row.link_to if row.link_to in {link.event_id for link in links} else None
    return ReviewItem(
        key=key,
        source_title=sources[row.source_pk].title,
        when=when,
        title=row.title,
        lane=lane,
        spans=tuple(spans),
        links=links,
        link_to=link_to,
    )


def load_pending(db: Database, files: Sequence[str] | None = None) -> PendingReview:
    """The pending proposals of ``files`` (every source with some when None), in order."""
    with db.session() as s:
        query = (
            select(PendingProposalRow)
            .join(SourceRow, PendingProposalRow.source_pk == SourceRow.pk)
            .options(selectinload(PendingProposalRow.excerpts))
            .order_by(SourceRow.published, SourceRow.file, PendingProposalRow.position)
        )
        if files is not None:
            query = query.where(SourceRow.file.in_(list(files)))
        rows = list(s.scalars(query))
        source_pks = {x.source_pk for r in rows for x in r.excerpts} | {r.source_pk for r in rows}
        named = SourceRow.pk.in_(source_pks)
        if files is not None:
            named = named | SourceRow.file.in_(list(files))
        sources = {row.pk: row for row in s.scalars(select(SourceRow).where(named))}
        items: list[ReviewItem] = []
        dropped = 0
        for row in rows:
            item = _item(len(items), row, sources)
            if item is None:
                dropped += 1
            else:
                items.append(item)
        owners = {sources[r.source_pk].file for r in rows}
        reviewed = tuple(files) if files is not None else tuple(sorted(owners))
        titles = {row.file: row.title for row in sources.values()}
        urls = {row.file: row.url for row in sources.values()}
    return PendingReview(ReviewState(items), reviewed, titles, urls, dropped)
