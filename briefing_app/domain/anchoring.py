"""Anchoring quotes in a source's text, and finding them again.

An excerpt is kept as offsets *and* as the exact quote with some text before
and after it (a text-quote selector, as web annotation tools do). Offsets are
fast; the quote and its context let us find the passage again when offsets
have drifted, and tell which of several identical sentences was meant.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CONTEXT_CHARS",
    "AmbiguousQuote",
    "QuoteNotFound",
    "TextQuote",
    "find_quote",
    "relocate",
    "selector_for",
]

CONTEXT_CHARS = 40


class QuoteNotFound(LookupError):
    """The quote does not occur verbatim in the text."""


class AmbiguousQuote(LookupError):
    """The quote occurs more than once and nothing says which is meant."""


@dataclass(frozen=True, slots=True)
class TextQuote:
    """Where a quote sits: offsets plus the quote and its surroundings."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    pos = text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def selector_for(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextQuote:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} characters")
    return TextQuote(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def find_quote(text: str, quote: str, occurrence: int | None = None) -> TextQuote:
    """Anchor ``quote`` in ``text``.

    ``occurrence`` (1-based) picks among repeats; without it a repeated quote
    is an error, because silently picking the first would cite the wrong place.
    """
    if not quote:
        raise QuoteNotFound("the quote is empty")
    hits = _occurrences(text, quote)
    if not hits:
        raise QuoteNotFound("the quote does not occur verbatim in the source")
    if occurrence is None:
        if len(hits) > 1:
            raise AmbiguousQuote(
                f"the quote occurs {len(hits)} times; say which with an occurrence number"
            )
        index = 0
    else:
        if not 1 <= occurrence <= len(hits):
            raise QuoteNotFound(
                f"occurrence {occurrence} asked for, but the quote occurs {len(hits)} time(s)"
            )
        index = occurrence - 1
    start = hits[index]
    return selector_for(text, start, start + len(quote))


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored context agree with the text around a hit."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def relocate(text: str, anchor: TextQuote) -> TextQuote | None:
    """Find ``anchor``'s exact quote again in a text whose offsets may have moved.

    Offsets are trusted when the quote is still there; otherwise the exact
    quote's occurrences are ranked by how much surrounding context matches,
    then by closeness to the old position. Returns None when the quote is
    gone (fuzzy re-anchoring belongs to the caller, which must flag it).
    """
    if text[anchor.start : anchor.end] == anchor.exact:
        return selector_for(text, anchor.start, anchor.end, max(len(anchor.prefix), 1))
    hits = _occurrences(text, anchor.exact)
    if not hits:
        return None
    best = max(
        hits,
        key=lambda h: (
            _context_score(text, h, h + len(anchor.exact), anchor.prefix, anchor.suffix),
            -abs(h - anchor.start),
        ),
    )
    return selector_for(text, best, best + len(anchor.exact))
