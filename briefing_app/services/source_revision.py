"""A corrected version of a source: new text, and every excerpt re-anchored.

A source is a snapshot keyed by its content hash. When a better copy of the
same article arrives (typos fixed, encoding repaired, a fuller page), the
source takes the new text and hash in one transaction, and each excerpt on it
is found again with ``domain.reanchor``: exact quote first, then a fuzzy match
scored on the quote, its context and its position. An excerpt below the
confidence threshold keeps its best guess but is marked ``flagged`` for the
user; none is moved silently.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import select

from briefing_app.domain.anchoring import TextQuote
from briefing_app.domain.reanchor import AnchorStatus, reanchor
from briefing_app.ingest.furniture import FurnitureSpan, body_extent, find_furniture
from briefing_app.storage.database import Database
from briefing_app.storage.models import EventRow, ExcerptRow, FurnitureRow, SourceRow

__all__ = ["RevisionReport", "revise_source"]


@dataclass
class RevisionReport:
    """How each excerpt fared; ``flagged`` lists (event id, quote, reason)."""

    source: str
    exact: int = 0
    fuzzy: int = 0
    flagged: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.exact + self.fuzzy + len(self.flagged)


class SourceNotFound(LookupError):
    pass


def revise_source(
    db: Database,
    file: str,
    new_text: str,
    *,
    furniture: list[tuple[int, int, str]] | None = None,
    body: tuple[int, int] | None = None,
) -> RevisionReport:
    """Give source ``file`` the text ``new_text`` and re-anchor its excerpts.

    Furniture and body extent come from the general text rules unless given
    (an HTML import passes its own).
    """
    report = RevisionReport(file)
    spans = (
        furniture
        if furniture is not None
        else [(f.start, f.end, f.kind) for f in find_furniture(new_text)]
    )
    with db.session() as s:
        source = s.scalar(select(SourceRow).where(SourceRow.file == file))
        if source is None:
            raise SourceNotFound(f"there is no source {file!r}")
        old_length = len(source.text)
        rows = s.execute(
            select(ExcerptRow, EventRow.id)
            .join(EventRow, EventRow.pk == ExcerptRow.event_pk)
            .where(ExcerptRow.source_pk == source.pk)
        ).all()
        for excerpt, event_id in rows:
            old = TextQuote(
                excerpt.start, excerpt.end, excerpt.quote, excerpt.prefix, excerpt.suffix
            )
            found = reanchor(new_text, old, old_length=old_length)
            if found.status is AnchorStatus.FLAGGED:
                excerpt.anchor_status = AnchorStatus.FLAGGED.value
                report.flagged.append((event_id, excerpt.quote, found.reason))
                if found.anchor is None:
                    continue  # nothing close: keep the old quote and context for the user
            elif found.status is AnchorStatus.EXACT:
                excerpt.anchor_status = AnchorStatus.EXACT.value
                report.exact += 1
            else:
                excerpt.anchor_status = AnchorStatus.FUZZY.value
                report.fuzzy += 1
            assert found.anchor is not None
            excerpt.start, excerpt.end = found.anchor.start, found.anchor.end
            excerpt.quote = found.anchor.exact
            excerpt.prefix, excerpt.suffix = found.anchor.prefix, found.anchor.suffix
        source.text = new_text
        source.content_hash = hashlib.sha256(new_text.encode("utf-8")).hexdigest()
        source.body_start, source.body_end = body or body_extent(
            new_text, [FurnitureSpan(a, b, k) for a, b, k in spans]
        )
        source.furniture = [FurnitureRow(start=a, end=b, kind=k) for a, b, k in spans]
    return report
