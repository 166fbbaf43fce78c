"""A cheap guess of a line's language, to tell a foreign notice from the article."""

from __future__ import annotations

import re

from briefing_app.ingest.furniture.patterns import words_of

# Stop words per language; a word several languages share ("la", "de", "en")
# counts 1/n for each, so French is not read as Spanish for its "de" and "la".
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for on with as was are by it be this have from at an "
        "which has not their they will would its were been said after but had",
        "es": "el la los las de del que y en un una por con para se es tu su al lo como más "
        "pero sus si puedes quieres este otro según fue han muy también",
        "fr": "le la les des du de et en un une est que pour dans sur pas vous au aux il ce qui "
        "ne se sont avec par plus a été selon cette ont son leur",
        "de": "der die das und ist nicht mit den von zu ein eine auf für sich dem im des wird "
        "hat sind auch nach bei wie",
        "it": "il lo la gli le di del che e un una per con non sono visita della delle è nel "
        "alla ha dei anche",
    }.items()
}


_SHARED = {
    word: sum(word in stop for stop in _STOPWORDS.values())
    for stop in _STOPWORDS.values()
    for word in stop
}


def language_scores(text: str) -> tuple[dict[str, float], int]:
    """Weighted stop-word hits per language, and the number of words."""
    words = words_of(text)
    cyrillic = sum(1 for w in words if re.match(r"[а-яё]", w))
    if words and cyrillic * 2 > len(words):
        return {"ru": float(cyrillic)}, len(words)
    scores = {
        lang: sum(1 / _SHARED[w] for w in words if w in stop) for lang, stop in _STOPWORDS.items()
    }
    return scores, len(words)


def ranked(scores: dict[str, float]) -> tuple[str | None, float, float]:
    """The best language, its score and the runner-up's score."""
    ordered = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ordered or ordered[0][1] == 0:
        return None, 0.0, 0.0
    second = ordered[1][1] if len(ordered) > 1 else 0.0
    return ordered[0][0], ordered[0][1], second


def guess_language(text: str) -> str | None:
    """A cheap guess from stop words and script; None when there is too little text."""
    best, score, second = ranked(language_scores(text)[0])
    if best is None or score == second:
        return None
    return best


def clearly_in(text: str, other_than: str) -> str | None:
    """The language ``text`` is plainly written in, if it is not ``other_than``.

    Plainly: at least three stop words' worth, and twice the evidence for
    ``other_than``; a sentence with a few borrowed words stays in the document's
    language.
    """
    scores, _n = language_scores(text)
    best, score, _second = ranked(scores)
    if best is None or best == other_than:
        return None
    if score >= 3 and score >= 2 * scores.get(other_than, 0.0) + 1:
        return best
    return None
