"""The tense of the clause around a mention: whether "on Thursday" is past or to come."""

from __future__ import annotations

import re

from briefing_app.ingest.dates.model import Tense
from briefing_app.ingest.dates.patterns import Patterns

__all__ = ["clause_tense"]

_STATEMENT_BREAK = re.compile(r";|:(?![0-9])")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”«»]|\s[—–-]\s")
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|to|will|would)\s+(?:\w+\s+)?$", re.IGNORECASE)

_SHAPE_REACH = 60  # characters
_Cue = tuple[int, int, Tense, bool]  # start, end, tense, read from a verb's shape


def _cues(sentence: str, p: Patterns, start: int) -> list[_Cue]:
    out = []
    for m in p.past.finditer(sentence):
        if _PASSIVE_BEFORE.search(sentence[max(0, m.start() - 20) : m.start()]):
            continue  # "will be held", "to be published": not a past event
        out.append((m.start(), m.end(), Tense.PAST, False))
    for m in p.past_shape.finditer(sentence):
        if _PASSIVE_BEFORE.search(sentence[max(0, m.start() - 20) : m.start()]):
            continue
        if sentence[m.start() - 1 : m.start()] == "-":
            continue  # "like-minded": an adjective
        if m.end() <= start and not sentence[m.end() : start].strip():
            continue  # "the Council convened Thursday": a participle naming a plan, or a past?
        out.append((m.start(), m.end(), Tense.PAST, True))
    out.extend((m.start(), m.end(), Tense.FUTURE, False) for m in p.future.finditer(sentence))
    return out


def clause_tense(sentence: str, start: int, end: int, p: Patterns) -> Tense | None:
    """Past or future, from the nearest tense word: first a past verb right after the
    mention, then the mention's own clause, then the rest of its half of the sentence
    (a semicolon or colon starts a statement with a tense of its own). None when
    nothing gives a hint."""
    if p.past_right_after.match(sentence[end : end + 40]):
        return Tense.PAST
    halves = [0, *(m.end() for m in _STATEMENT_BREAK.finditer(sentence)), len(sentence)]
    low = max(b for b in halves if b <= start)
    high = min((b for b in halves if b >= end), default=len(sentence))
    cues = [
        c
        for c in _cues(sentence, p, start)
        if (c[1] <= start or c[0] >= end) and low <= c[0] < high
    ]
    if not cues:
        return None
    breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    left = max((b for b in breaks if b <= start), default=0)
    right = min((b for b in breaks if b >= end), default=len(sentence))

    def distance(c: _Cue) -> tuple[int, int]:
        gap = start - c[1] if c[1] <= start else c[0] - end
        return (gap, 0 if c[1] <= start else 1)

    in_clause = [c for c in cues if c[0] >= left and c[1] <= right]
    # A verb's shape alone ("handed", "a remis") speaks only near the mention: further off,
    # in another clause, such forms are as often adjectives ("already involved").
    if not in_clause:
        cues = [c for c in cues if not c[3] or distance(c)[0] <= _SHAPE_REACH]
    if not in_clause and not cues:
        return None
    return min(in_clause or cues, key=distance)[2]
