"""What a passage selected in the reader suggests for a new event: a date and a lane.

The date comes from the article-import date extractor, read against the
source's publication date, so "on Thursday" in a report of 7 March 2025
becomes 6 March 2025 (a day) and "in 2008" stays a year. Only a publication
date known to the day is used as the base: a source dated "2020" would turn
"on Thursday" into a day the text never gave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.domain.model import Lane, Source
from briefing_app.ingest.dates import extract_dates

__all__ = ["Suggestion", "suggest_event"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Pre-filled values for the new-event dialog."""

    date: PartialDate | None
    date_text: str
    """The words the date was read from, to show the user where it came from."""
    lane: Lane


_LANE_WORDS: tuple[tuple[Lane, re.Pattern[str]], ...] = (
    (Lane.NATO, re.compile(r"\b(NATO|OTAN|Alliance|Stoltenberg|Rutte)\b")),
    (Lane.UKRAINE, re.compile(r"\b(Ukrain\w*|Kyiv|Kiev|Zelensk\w*)\b")),
    (Lane.RUSSIA, re.compile(r"\b(Russia\w*|Kremlin|Moscow|Putin)\b")),
    (Lane.US, re.compile(r"\b(United States|U\.S\.|US|Washington|Pentagon|Biden|Trump)\b")),
    (
        Lane.EU,
        re.compile(r"\b(EU|European|Brussels|Commission|Council|PESCO|Union|UE)\b"),
    ),
)


def _lane(text: str, default: Lane) -> Lane:
    """The lane whose actors the passage names most often (the default when none)."""
    counts = [
        (len(pattern.findall(text)), -i, lane) for i, (lane, pattern) in enumerate(_LANE_WORDS)
    ]
    best = max(counts)
    return best[2] if best[0] else default


def suggest_event(text: str, source: Source | None, default_lane: Lane = Lane.OTHER) -> Suggestion:
    """A date (at the precision the words give) and a lane for ``text``."""
    known = source.published if source is not None else None
    published = known.value if known is not None and known.precision is Precision.DAY else None
    language = source.language if source is not None else None
    mentions = extract_dates(text, published=published, language=language)
    first = mentions[0] if mentions else None
    return Suggestion(
        date=first.date if first else None,
        date_text=first.text if first else "",
        lane=_lane(text, default_lane),
    )
