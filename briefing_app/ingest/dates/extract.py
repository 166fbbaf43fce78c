"""The extractor: candidates per paragraph, the longest kept, each piece resolved."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from briefing_app.domain.dates import Precision
from briefing_app.ingest.dates.candidates import find_candidates
from briefing_app.ingest.dates.language import detect_language, paragraph_language
from briefing_app.ingest.dates.model import Candidate, DateMention, RangePart, Tense
from briefing_app.ingest.dates.patterns import patterns
from briefing_app.ingest.dates.resolve import NEEDS_TENSE, resolve
from briefing_app.ingest.dates.sentences import split_sentences
from briefing_app.ingest.dates.tables import tables
from briefing_app.ingest.dates.tense import clause_tense

__all__ = ["extract_dates"]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _longest_first(
    text: str, candidates: list[Candidate], skips: list[tuple[int, int]]
) -> list[Candidate]:
    """Longest match wins; a shorter one inside it is part of the same date. Furniture
    and kept matches are marked character by character, so this stays linear."""
    occupied = bytearray(len(text))
    for s, e in skips:
        s, e = max(s, 0), min(e, len(text))
        if e > s:
            occupied[s:e] = b"\x01" * (e - s)
    candidates.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    kept: list[Candidate] = []
    for c in candidates:
        if occupied.find(1, c.start, c.end) != -1:
            continue
        kept.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)
    return kept


def extract_dates(
    text: str,
    published: date | None = None,
    language: str | None = None,
    skip_spans: Sequence[tuple[int, int]] = (),
) -> list[DateMention]:
    """Every date ``text`` mentions, in order, with the precision the text gives.

    ``published`` resolves relative expressions ("on Thursday", "this month",
    "in March"); without it only absolute dates are returned. ``language`` is
    one of LANGUAGES (guessed when None); a paragraph clearly in another of
    them is read in its own. Mentions overlapping ``skip_spans`` (page
    furniture) are ignored.
    """
    if not text:
        return []
    if isinstance(published, datetime):
        published = published.date()
    all_tables = tables()
    doc_lang = language if language in all_tables else detect_language(text)
    skips = [(int(s), int(e)) for s, e in skip_spans]
    sentences = split_sentences(text)
    sentence_starts = {s for s, _ in sentences}
    sentence_ends = [e for _, e in sentences]

    candidates: list[Candidate] = []
    for lo, hi in _paragraphs(text):
        if skips and any(s <= lo and hi <= e for s, e in skips):
            continue
        lang = paragraph_language(text[lo:hi], doc_lang)
        candidates += find_candidates(
            text, all_tables[lang], patterns(lang), lo, hi, sentence_starts
        )

    mentions: list[DateMention] = []
    for c in _longest_first(text, candidates, skips):
        t, p = all_tables[c.lang], patterns(c.lang)
        i = min(bisect.bisect_left(sentence_ends, c.start + 1), len(sentences) - 1)
        s_start, s_end = sentences[i] if sentences else (0, len(text))
        sentence = text[s_start:s_end]
        tense: Tense | None = None
        tense_read = False  # the clause is read once per candidate, and only when needed
        found: list[DateMention] = []
        for piece in c.pieces:
            needs_tense = piece.kind in NEEDS_TENSE and not piece.direction
            if needs_tense and published is not None and not tense_read:
                tense = clause_tense(sentence, c.start - s_start, c.end - s_start, p)
                tense_read = True
            value = resolve(piece, t, published, tense)
            if value is None:
                continue
            found.append(
                DateMention(text[piece.start : piece.end], piece.start, piece.end, value, sentence)
            )
        if c.is_range and len(found) == 2 and found[0].date.value < found[1].date.value:
            found = _as_range(found[0], found[1])
        mentions += found
    return _link_ranges(text, mentions)


def _as_range(first: DateMention, last: DateMention) -> list[DateMention]:
    return [replace(first, range=RangePart.START), replace(last, range=RangePart.END)]


_RANGE_GAP = re.compile(
    r"^\s*(?:[-–—]|to|until|till|through|au|à|al|a|hasta|bis|до|по)\s*$", re.IGNORECASE
)
_AND_GAP = re.compile(r"^\s*(?:and|et|y|e|und|и)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|entre|zwischen|tra|fra|между)\s+$", re.IGNORECASE)


def _link_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Two separate mentions that are the ends of one period: "from [2004] to [2009]",
    "between [2004] and [2009]", "[jeudi] et [vendredi]" (two days in a row)."""
    out = list(mentions)
    for i in range(len(out) - 1):
        m, n = out[i], out[i + 1]
        if m.range is not None or n.range is not None or n.start < m.end:
            continue
        if not m.date.value < n.date.value:
            continue
        gap = text[m.end : n.start]
        days_in_a_row = (
            m.date.precision is Precision.DAY
            and n.date.precision is Precision.DAY
            and (n.date.value - m.date.value).days == 1
        )
        joined = _RANGE_GAP.match(gap) or (
            _AND_GAP.match(gap)
            and (days_in_a_row or _BETWEEN.search(text[max(0, m.start - 12) : m.start]))
        )
        if joined:
            out[i], out[i + 1] = _as_range(m, n)
    return out
