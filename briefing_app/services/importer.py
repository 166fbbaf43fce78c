"""Importing articles: read, find dates, propose events, save the source, accept events.

The work is split where the user steps in. ``prepare`` reads a file and
proposes events without touching the database (it runs off the GUI thread
and can be abandoned at any point). ``save_source`` stores the source,
its furniture and its proposals (pending, until the user decides) in one
transaction, refusing a file already imported. ``accept`` turns reviewed
proposals into the user's events and excerpts through the user-events
service, taking them off the pending list in the same transaction.
``save_and_accept`` does both at once for ``import --accept-all``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing_app.domain.dates import DateSpan, Precision
from briefing_app.domain.model import UNKNOWN_OUTLET, Confidence, Event, Origin, outlet_named
from briefing_app.ingest.calendar_file import calendar_proposals
from briefing_app.ingest.dates import LANGUAGES, DateMention, extract_dates
from briefing_app.ingest.metadata import ArticleMetadata
from briefing_app.ingest.problems import ImportCancelled, ImportProblem
from briefing_app.ingest.proposals import Proposal, propose_events
from briefing_app.ingest.readers import ReadArticle, read_article
from briefing_app.ingest.review import ReviewItem, ReviewState
from briefing_app.services.lookup import EditRefused
from briefing_app.services.pending import replace_pending_in, store_pending_in
from briefing_app.services.user_events import EventDraft, add_excerpt_in, new_user_event_in
from briefing_app.storage.database import Database
from briefing_app.storage.models import FurnitureRow, SourceRow
from briefing_app.storage.repository import list_events

__all__ = [
    "AcceptReport",
    "AlreadyImported",
    "PreparedImport",
    "SavedSource",
    "accept",
    "find_imported",
    "import_file",
    "prepare",
    "reanalyse",
    "review_items",
    "save_and_accept",
    "save_source",
]


class AlreadyImported(ImportProblem):
    """The same file (same bytes) is already a source."""

    def __init__(self, file: str, title: str) -> None:
        super().__init__(f"This file is already imported as “{title}” ({file}); nothing was added.")
        self.file = file
        self.title = title


@dataclass(frozen=True)
class PreparedImport:
    """A file read and analysed, with the metadata the user will check."""

    article: ReadArticle
    metadata: ArticleMetadata
    mentions: tuple[DateMention, ...]
    proposals: tuple[Proposal, ...]

    @property
    def path(self) -> Path:
        return self.article.path


@dataclass(frozen=True)
class SavedSource:
    """What was stored for one file."""

    file: str
    title: str
    body_chars: int
    furniture_spans: int
    dates_found: int
    proposals: tuple[Proposal, ...]
    notes: tuple[str, ...] = ()


@dataclass
class AcceptReport:
    """What accepting the reviewed proposals made."""

    created: list[str] = field(default_factory=list)
    """Ids of the new events."""
    linked: list[str] = field(default_factory=list)
    """Ids of existing events that received an excerpt."""
    excerpts: list[tuple[str, str]] = field(default_factory=list)
    """(source file, excerpt uid) of every new excerpt."""

    @property
    def event_ids(self) -> list[str]:
        return list(dict.fromkeys(self.created + self.linked))


# -- reading and analysing (no database) -------------------------------------------------
def _skip_spans(article: ReadArticle) -> list[tuple[int, int]]:
    # Captions carry real dates of photos; proposals leave them out later.
    return [(f.start, f.end) for f in article.furniture if f.kind != "caption"]


def reanalyse(
    article: ReadArticle, metadata: ArticleMetadata, events: Sequence[Event] = ()
) -> PreparedImport:
    """Dates and proposals for ``article`` read with ``metadata`` (publication date, language).

    Run again when the user changes the publication date: relative dates
    ("on Thursday") are resolved from it. A calendar's entries carry their own
    dates: each is one proposal, whatever the publication date.
    """
    if article.format == "calendar":
        proposals = calendar_proposals(article.text, article.calendar, events)
        return PreparedImport(article, metadata, (), tuple(proposals))
    known = metadata.published
    # "on Thursday" cannot be placed from a month or a year
    published = known.value if known is not None and known.precision is Precision.DAY else None
    # ... but "il 21 e 22 marzo" can take its year from a known month
    month = known.value if known is not None and known.precision is Precision.MONTH else None
    language = metadata.language if metadata.language in LANGUAGES else None
    mentions = extract_dates(
        article.text,
        published,
        language,
        _skip_spans(article),
        published_month=month,
        past_spans=[(f.start, f.end) for f in article.furniture if f.kind == "caption"],
    )
    proposals = propose_events(
        article.text,
        mentions,
        body=(article.body_start, article.body_end),
        furniture=[(f.start, f.end) for f in article.furniture],
        events=events,
        published=published,
    )
    return PreparedImport(article, metadata, tuple(mentions), tuple(proposals))


def prepare(
    path: str | Path,
    *,
    overrides: ArticleMetadata | None = None,
    events: Sequence[Event] = (),
    cancelled: Callable[[], bool] | None = None,
) -> PreparedImport:
    """Read ``path`` and propose events; the database is not touched.

    ``overrides`` replaces whatever metadata it sets (the command line's
    ``--published``, ``--outlet``, ``--title``). Raises ImportProblem or
    ImportCancelled.
    """
    article = read_article(path, cancelled)
    metadata = article.metadata.merged(overrides) if overrides else article.metadata
    if cancelled is not None and cancelled():
        raise ImportCancelled(str(path))
    return reanalyse(article, metadata, events)


# -- storing ---------------------------------------------------------------------------
def _imported(s: Session, content_hash: str) -> tuple[str, str] | None:
    row = s.execute(
        select(SourceRow.file, SourceRow.title).where(SourceRow.content_hash == content_hash)
    ).first()
    return (row[0], row[1]) if row else None


def find_imported(db: Database, content_hash: str) -> tuple[str, str] | None:
    """(file, title) of the source made from the same bytes, if there is one."""
    with db.session() as s:
        return _imported(s, content_hash)


def _file_id(path: Path, content_hash: str) -> str:
    ascii_stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_stem).strip("-").lower()[:60] or "article"
    suffix = re.sub(r"[^a-z0-9.]", "", path.suffix.lower())[:10]
    return f"{slug}_{content_hash[:12]}{suffix}"


def _notes(prepared: PreparedImport) -> str:
    article = prepared.article
    how = {
        "html": "HTML page; article chosen by trafilatura, the rest of the page kept as furniture",
        "pdf": "PDF text layer, lines joined into paragraphs",
        "markdown": "Markdown file, stored as written",
        "text": "text file, stored as written",
        "calendar": "iCalendar file; each entry's summary and description as written, "
        "then its date lines",
    }[article.format]
    parts = [f"Imported from {article.path.name} ({how}; {article.size:,} bytes"]
    if article.encoding:
        parts[0] += f", {article.encoding}"
    parts[0] += ")."
    parts += [note[:1].upper() + note[1:] + "." for note in article.notes]
    return " ".join(parts)


def _source_in(s: Session, prepared: PreparedImport) -> SavedSource:
    """Within ``s``: the source row and its furniture (refused if the bytes are stored)."""
    article, meta = prepared.article, prepared.metadata
    file = _file_id(article.path, article.content_hash)
    title = " ".join(meta.title.split())[:500] or article.path.stem
    outlet = outlet_named(meta.outlet, title, meta.url)[:200] or UNKNOWN_OUTLET
    existing = _imported(s, article.content_hash)
    if existing is not None:
        raise AlreadyImported(*existing)
    row = SourceRow(
        file=file,
        content_hash=article.content_hash,
        title=title,
        outlet=outlet,
        author=(meta.author or None) and meta.author[:200],
        published=meta.published.iso() if meta.published else None,
        published_precision=meta.published.precision.value if meta.published else None,
        language=(meta.language or "en")[:8],
        url=(meta.url or None) and meta.url[:2000],
        notes=_notes(prepared),
        text=article.text,
        body_start=article.body_start,
        body_end=article.body_end,
        origin=Origin.USER.value,
    )
    row.furniture = [FurnitureRow(start=f.start, end=f.end, kind=f.kind) for f in article.furniture]
    s.add(row)
    s.flush()
    return SavedSource(
        file=file,
        title=title,
        body_chars=article.body_end - article.body_start,
        furniture_spans=len(article.furniture),
        dates_found=len(prepared.mentions),
        proposals=prepared.proposals,
        notes=article.notes,
    )


def review_items(saved: SavedSource) -> list[ReviewItem]:
    """The saved source's proposals as rows of a review."""
    return ReviewState.from_proposals([(saved.file, saved.title, saved.proposals)]).items


def save_source(db: Database, prepared: PreparedImport) -> SavedSource:
    """Store the source, its furniture and its proposals (pending) in one transaction.

    The proposals wait in the database until the user accepts or rejects
    them, so closing the review loses none. Raises AlreadyImported when a
    source with the same bytes exists (checked again inside the transaction,
    so two imports of one file never both land).
    """
    with db.session() as s:
        saved = _source_in(s, prepared)
        store_pending_in(s, review_items(saved))
    return saved


def save_and_accept(db: Database, prepared: PreparedImport) -> tuple[SavedSource, AcceptReport]:
    """Store the source and make every proposal an event, all in one transaction.

    A kill at any moment leaves either all of it or none of it (then the
    file is simply imported again).
    """
    report = AcceptReport()
    try:
        with db.session() as s:
            saved = _source_in(s, prepared)
            items = [replace(it, included=True) for it in review_items(saved)]
            _accept_in(s, items, {saved.file: prepared.metadata.url}, report)
    except (EditRefused, ValueError) as exc:
        raise ImportProblem(f"The events could not be saved ({exc}); nothing was added.") from exc
    return saved, report


def import_file(
    db: Database,
    path: str | Path,
    *,
    overrides: ArticleMetadata | None = None,
    events: Sequence[Event] | None = None,
) -> SavedSource:
    """Read, analyse and store one file (the command line's import)."""
    file = Path(path)
    prepared = prepare(
        file, overrides=overrides, events=list_events(db) if events is None else events
    )
    return save_source(db, prepared)


# -- accepting ----------------------------------------------------------------------------
def _draft(item: ReviewItem, url: str | None) -> EventDraft:
    return EventDraft(
        title=item.title,
        when=DateSpan(item.when.start, item.when.end),
        lane=item.lane,
        confidence=Confidence.MEDIUM,
        references=(url,) if url else (),
    )


def _accept_in(
    s: Session, items: Sequence[ReviewItem], urls: dict[str, str | None], report: AcceptReport
) -> None:
    for item in items:
        spans = list(item.spans)
        if item.link_to is not None:
            event_id = item.link_to
            report.linked.append(event_id)
        else:
            first = spans.pop(0)
            row, excerpt = new_user_event_in(
                s,
                _draft(item, urls.get(first.source_file)),
                source_file=first.source_file,
                span=(first.start, first.end),
            )
            event_id = row.id
            report.created.append(event_id)
            if excerpt is not None:
                report.excerpts.append((first.source_file, excerpt.uid))
        for span in spans:
            x = add_excerpt_in(s, event_id, span.source_file, (span.start, span.end))
            report.excerpts.append((span.source_file, x.uid))


def accept(
    db: Database,
    items: Sequence[ReviewItem],
    urls: dict[str, str | None] | None = None,
    *,
    pending_files: Sequence[str] = (),
    remaining: Sequence[ReviewItem] = (),
) -> AcceptReport:
    """Make the accepted items the user's events (or excerpts of the events they link to).

    One transaction: if any item fails, nothing is added. ``urls`` (source
    file → address) fills the new events' references. In the same
    transaction the pending proposals of ``pending_files`` become
    ``remaining`` (what the user has not decided yet), so an accepted
    proposal never stays pending and an undecided one is never lost.
    """
    report = AcceptReport()
    try:
        with db.session() as s:
            _accept_in(s, items, urls or {}, report)
            if pending_files:
                replace_pending_in(s, pending_files, remaining)
    except (EditRefused, ImportProblem, ValueError) as exc:
        raise ImportProblem(f"The events could not be saved ({exc}); nothing was added.") from exc
    return report
