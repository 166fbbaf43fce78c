"""Sentence spans that keep their offsets, for the tense of a mention and its excerpt."""

from __future__ import annotations

import re

from briefing_app.ingest.dates.patterns import WORD_RE
from briefing_app.ingest.dates.tables import tables

__all__ = ["split_sentences"]

_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof gen lt col sgt capt cmdr adm maj sen rep gov pres st mt no nos vs etc "
        "e.g i.e jr sr inc corp ltd co art arts p pp approx fig jan feb mar apr jun jul aug sep "
        "sept oct nov dec sra sres srs dña hr fr mme mlle vol ed eds dept univ ca cf al"
    ).split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_OPENERS = "\"'“‘«([¿¡—–- "


def _is_month(word: str) -> bool:
    key = word.lower()
    return any(key in t.months for t in tables().values())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text``, keeping offsets.

    Lines are never joined (headlines and captions stand alone); within a
    line a stop followed by a capital ends a sentence unless it closes an
    abbreviation or an initial ("Nov.", "U.S.", "N.C.") or a German day
    ("am 15. Dezember").
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cut = 0
        for m in _SENTENCE_END.finditer(line):
            rest = line[m.end() :].lstrip(_OPENERS)
            if not rest or not rest[0].isupper():
                continue
            word = re.search(r"([^\s(\"“]*)$", line[max(0, m.start() - 40) : m.start()])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", token):
                continue
            next_word = WORD_RE.match(rest)
            if token.isdigit() and len(token) <= 2 and next_word and _is_month(next_word.group()):
                continue
            spans.append((line_start + cut, line_start + m.end()))
            cut = m.end()
        spans.append((line_start + cut, line_start + len(line)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
