"""Tell an article's body from the page furniture saved with it.

Articles saved from the web arrive with login links, view counters, video
promos, photo captions, paywall notices in another language and lists of
unrelated headlines. The raw text is kept verbatim; this module only marks
which spans are furniture so the reader can dim them and the date extractor
can skip them. The rules are general (line shapes, vocabulary, language), not
a list of line numbers for known files.
"""

from __future__ import annotations

from briefing_app.ingest.furniture.language import guess_language
from briefing_app.ingest.furniture.page import body_extent, find_furniture
from briefing_app.ingest.furniture.spans import FurnitureSpan, Line, split_lines

__all__ = [
    "FurnitureSpan",
    "Line",
    "body_extent",
    "find_furniture",
    "guess_language",
    "split_lines",
]
