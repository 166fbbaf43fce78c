"""Which language a text (or one paragraph of it) is written in, from its stop words."""

from __future__ import annotations

from functools import cache

from briefing_app.ingest.dates.patterns import CYRILLIC, WORD_RE
from briefing_app.ingest.dates.tables import LANGUAGES, tables

__all__ = ["detect_language", "paragraph_language"]


@cache
def _stopword_weights() -> dict[str, dict[str, float]]:
    """A stop word shared by n languages ("la", "de") counts 1/n for each of them."""
    shared: dict[str, int] = {}
    for t in tables().values():
        for word in t.stopwords:
            shared[word] = shared.get(word, 0) + 1
    return {code: {w: 1 / shared[w] for w in t.stopwords} for code, t in tables().items()}


def _language_scores(text: str) -> tuple[dict[str, float], int, int]:
    words = WORD_RE.findall(text.lower())
    cyrillic = sum(1 for w in words if CYRILLIC.match(w))
    weights = _stopword_weights()
    scores = {code: sum(weights[code].get(w, 0.0) for w in words) for code in LANGUAGES}
    return scores, len(words), cyrillic


def detect_language(text: str) -> str:
    """Guess the language from stop words (and script for Russian); English by default.

    Dates are read with the document's own language only, so that Spanish "tu"
    or "mar" are never read as dates in an English article and vice versa.
    """
    scores, total, cyrillic = _language_scores(text)
    if total and cyrillic * 2 > total:
        return "ru"
    best = max(LANGUAGES, key=lambda code: (scores[code], code == "en"))
    return best if scores[best] > 0 else "en"


def paragraph_language(text: str, document: str) -> str:
    """A paragraph clearly in another language (a quotation) is read in its own."""
    scores, total, cyrillic = _language_scores(text)
    if total < 8:
        return document
    if cyrillic * 2 > total:
        return "ru"
    best = max(LANGUAGES, key=lambda code: scores[code])
    if best != document and scores[best] >= 3 and scores[best] >= 2 * scores[document] + 1:
        return best
    return document
