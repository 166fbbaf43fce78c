"""Finding an excerpt again after its source's text has changed.

When a source is corrected (a re-import with fixed typos, a cleaned encoding),
every excerpt must follow its passage. The order of attempts:

1. the exact quote at its old offsets;
2. the exact quote elsewhere, ranked by how much surrounding context agrees
   and by closeness to where it was;
3. a fuzzy match: short "seed" substrings of the quote vote for where the
   quote now starts, the best-voted places are aligned against the quote,
   and each is scored on the quote, its context and its position.

Anything below the confidence threshold, or too close to a rival place (a
sentence repeated in the page), is *flagged* for the user with the best
guess attached; it is never moved silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from briefing_app.domain.anchoring import TextQuote, selector_for

__all__ = ["AnchorStatus", "Reanchored", "reanchor", "CONFIDENCE_THRESHOLD"]

CONFIDENCE_THRESHOLD = 0.80
AMBIGUITY_MARGIN = 0.04
_SEED = 8
_BUCKET = 4


class AnchorStatus(StrEnum):
    EXACT = "exact"  # the same characters, found with certainty
    FUZZY = "fuzzy"  # re-anchored on a close match above the threshold
    FLAGGED = "flagged"  # needs the user's eye: low confidence or ambiguous


@dataclass(frozen=True, slots=True)
class Reanchored:
    """Where an excerpt now sits (or would sit), and how sure we are."""

    status: AnchorStatus
    anchor: TextQuote | None  # the new anchor; for FLAGGED, the best guess (may be None)
    confidence: float
    reason: str = ""


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context(text: str, start: int, end: int, old: TextQuote) -> float:
    before = text[max(0, start - len(old.prefix)) : start]
    after = text[end : end + len(old.suffix)]
    return (_similarity(before, old.prefix) + _similarity(after, old.suffix)) / 2


def _position_score(start: int, expected: int, length: int) -> float:
    distance = abs(start - expected)
    return 1.0 / (1.0 + distance / max(length, 1))


def _exact_hits(text: str, old: TextQuote) -> list[int]:
    hits: list[int] = []
    pos = text.find(old.exact)
    while pos != -1:
        hits.append(pos)
        pos = text.find(old.exact, pos + 1)
    return hits


def _candidate_starts(text: str, quote: str) -> list[int]:
    """Implied start positions voted by every surviving seed of the quote."""
    votes: Counter[int] = Counter()
    step = max(1, _SEED // 2)
    for offset in range(0, max(len(quote) - _SEED, 0) + 1, step):
        seed = quote[offset : offset + _SEED]
        if len(seed) < _SEED and len(quote) >= _SEED:
            continue
        pos = text.find(seed)
        found = 0
        while pos != -1 and found < 50:
            votes[(pos - offset) // _BUCKET] += 1
            found += 1
            pos = text.find(seed, pos + 1)
    if not votes:
        return []
    top = votes.most_common(12)
    floor = max(2, top[0][1] // 4)
    return [bucket * _BUCKET for bucket, n in top if n >= floor]


def _align(text: str, quote: str, approx_start: int) -> tuple[int, int, float]:
    """The span of ``text`` near ``approx_start`` that best matches ``quote``."""
    slack = max(12, len(quote) // 5)
    lo = max(0, approx_start - slack)
    hi = min(len(text), approx_start + len(quote) + slack)
    window = text[lo:hi]
    matcher = SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 4]
    if not blocks:
        blocks = [b for b in matcher.get_matching_blocks() if b.size > 0]
    if not blocks:
        return approx_start, approx_start, 0.0
    first, last = blocks[0], blocks[-1]
    start = lo + first.b - first.a  # extend back over a changed first character
    end = lo + last.b + last.size + (len(quote) - (last.a + last.size))
    start = max(lo, min(start, lo + first.b))
    end = min(hi, max(end, lo + last.b + last.size))
    start, end = _refine(text, quote, start, end, slack)
    return start, end, _similarity(quote, text[start:end])


def _refine(text: str, quote: str, start: int, end: int, slack: int) -> tuple[int, int]:
    """Move each boundary to where the quote's first/last characters match best.

    The aligner can latch on to a repeated word just before the passage
    ("threat threat alliance…"); comparing the quote's edges settles it.
    """
    edge = min(24, len(quote))
    head, tail = quote[:edge], quote[-edge:]

    def head_score(s: int) -> tuple[float, int]:
        return (_similarity(text[s : s + edge], head), -abs(s - start))

    def tail_score(e: int) -> tuple[float, int]:
        return (_similarity(text[e - edge : e], tail), -abs(e - end))

    lo = max(0, start - 4)
    hi = max(lo, min(end - edge, start + slack))
    best_start = max(range(lo, hi + 1), key=head_score)
    lo_e = max(best_start + 1, end - slack)
    hi_e = min(len(text), end + 4)
    if lo_e > hi_e:
        return best_start, end
    best_end = max(range(lo_e, hi_e + 1), key=tail_score)
    return best_start, best_end


def _score(quote_sim: float, context: float, position: float) -> float:
    return 0.6 * quote_sim + 0.3 * context + 0.1 * position


def reanchor(text: str, old: TextQuote, old_length: int | None = None) -> Reanchored:
    """Find ``old`` in the changed ``text``; see the module docstring for the rules."""
    if text[old.start : old.end] == old.exact:
        anchor = selector_for(text, old.start, old.end, max(len(old.prefix), 1))
        return Reanchored(AnchorStatus.EXACT, anchor, 1.0)
    scale = len(text) / old_length if old_length else 1.0
    expected = int(old.start * scale)
    reach = len(text) // 20 + 1
    # (score, start, end, quote similarity, context): exact copies and fuzzy matches compete,
    # so an untouched repeat elsewhere cannot win over the edited passage itself.
    candidates: list[tuple[float, int, int, float, float]] = []
    seen: set[tuple[int, int]] = set()
    for hit in _exact_hits(text, old):
        end = hit + len(old.exact)
        seen.add((hit, end))
        context = _context(text, hit, end, old)
        position = _position_score(hit, expected, reach)
        candidates.append((_score(1.0, context, position), hit, end, 1.0, context))
    for approx in _candidate_starts(text, old.exact):
        start, end, quote_sim = _align(text, old.exact, approx)
        if end <= start or (start, end) in seen:
            continue
        seen.add((start, end))
        context = _context(text, start, end, old)
        score = _score(quote_sim, context, _position_score(start, expected, reach))
        candidates.append((score, start, end, quote_sim, context))
    if not candidates:
        return Reanchored(AnchorStatus.FLAGGED, None, 0.0, "the passage was not found")
    candidates.sort(reverse=True)
    score, start, end, quote_sim, context = candidates[0]
    anchor = selector_for(text, start, end, max(len(old.prefix), 1))
    rivals = [c for c in candidates[1:] if abs(c[1] - start) > len(old.exact) // 2]
    # Two places that read the same are told apart by position only when one is
    # where the passage should be and the other is far away; otherwise, ask.
    content = _score(quote_sim, context, 0.0)
    tied = [r for r in rivals if content - _score(r[3], r[4], 0.0) < AMBIGUITY_MARGIN]
    here = _position_score(start, expected, reach)
    decisive = here >= 0.8 and all(_position_score(r[1], expected, reach) <= 0.3 for r in tied)
    if tied and not decisive:
        return Reanchored(AnchorStatus.FLAGGED, anchor, score, "the passage matches several places")
    if quote_sim < CONFIDENCE_THRESHOLD or score < CONFIDENCE_THRESHOLD:
        return Reanchored(
            AnchorStatus.FLAGGED, anchor, score, "the passage changed too much to be sure"
        )
    status = AnchorStatus.EXACT if quote_sim == 1.0 else AnchorStatus.FUZZY
    return Reanchored(status, anchor, score)
