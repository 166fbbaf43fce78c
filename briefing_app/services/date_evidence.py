"""Where an event's date came from: a reference, or the words of a stored article.

A curated event's date rests on its reference (the first, the document it
was dated from). An event of the user's or of an import was dated from an
article: its evidence is the phrase, inside one of its quoted passages,
that the date extractor reads as the event's start at its precision, read
over the whole stored article against its publication date exactly as an
import reads it. When no passage holds such a phrase (the date was typed
by hand, or edited since), the panel says so rather than inventing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.domain.model import Event, Origin
from briefing_app.ingest.dates import extract_dates
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_source_text

__all__ = ["DateEvidence", "date_evidence"]


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """What an event's start date rests on."""

    kind: str
    """"reference" (curated), "article" (a phrase of a stored article) or "none"."""
    text: str = ""
    """The reference, or the phrase as the article writes it."""
    sentence: str = ""
    """The sentence around the phrase."""
    source: str | None = None
    """The article's file name (kind "article")."""
    excerpt_uid: str | None = None
    """The quoted passage holding the phrase: opening it shows the phrase in place."""
    start: int = 0
    end: int = 0


@lru_cache(maxsize=16)
def _mentions(
    text: str, published: PartialDate | None, language: str
) -> tuple[tuple[int, int, str, PartialDate, str], ...]:
    base = published.value if published and published.precision is Precision.DAY else None
    found = extract_dates(text, published=base, language=language)
    return tuple((m.start, m.end, m.text, m.date, m.sentence) for m in found)


def date_evidence(db: Database, event: Event) -> DateEvidence:
    """The evidence of ``event``'s start date (its excerpts must be loaded)."""
    if event.origin is Origin.CURATED and event.references:
        return DateEvidence("reference", event.references[0])
    wanted = event.when.start
    for x in event.excerpts:
        stored = get_source_text(db, x.source)
        if stored is None:
            continue
        src = stored.source
        for start, end, phrase, when, sentence in _mentions(
            stored.text, src.published, src.language
        ):
            if x.start <= start and end <= x.end and when == wanted:
                return DateEvidence("article", phrase, sentence, x.source, x.uid, start, end)
    return DateEvidence("none")
