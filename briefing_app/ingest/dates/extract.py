"""The extractor: candidates per paragraph, the longest kept, each piece resolved."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from briefing_app.domain.dates import Precision
from briefing_app.ingest.dates.candidates import find_candidates
from briefing_app.ingest.dates.language import detect_language, paragraph_language
from briefing_app.ingest.dates.model import (
    Candidate,
    DateMention,
    Direction,
    Kind,
    Piece,
    RangePart,
    Tense,
)
from briefing_app.ingest.dates.patterns import Patterns, patterns
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
    published_month: date | None = None,
    past_spans: Sequence[tuple[int, int]] = (),
) -> list[DateMention]:
    """Every date ``text`` mentions, in order, with the precision the text gives.

    ``published`` resolves relative expressions ("on Thursday", "this month",
    "in March"); without it only absolute dates are returned. ``language`` is
    one of LANGUAGES (guessed when None); a paragraph clearly in another of
    them is read in its own. Mentions overlapping ``skip_spans`` (page
    furniture) are ignored. ``published_month`` (any day of it) is for a text
    known to be published in a month but not on which day: a day and month
    without a year ("il 21 e 22 marzo") take the year that puts them nearest
    that month, a month alone likewise; weekdays and "today" stay unresolved.
    ``past_spans`` are regions that tell of the past whatever their verbs (photo
    captions: "US troops deploy ... on Feb. 3"), read as past where no tense shows.
    """
    if not text:
        return []
    if isinstance(published, datetime):
        published = published.date()
    mid_month = published_month.replace(day=15) if published_month and not published else None
    all_tables = tables()
    doc_lang = language if language in all_tables else detect_language(text)
    skips = [(int(s), int(e)) for s, e in skip_spans]
    pasts = [(int(s), int(e)) for s, e in past_spans]
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
    pieces: list[Piece] = []  # the piece each mention was read from, in step
    for c in _share_year(text, _longest_first(text, candidates, skips)):
        t, p = all_tables[c.lang], patterns(c.lang)
        i = min(bisect.bisect_left(sentence_ends, c.start + 1), len(sentences) - 1)
        s_start, s_end = sentences[i] if sentences else (0, len(text))
        sentence = text[s_start:s_end]
        tense: Tense | None = None
        tense_read = False  # the clause is read once per candidate, and only when needed
        found: list[DateMention] = []
        used: list[Piece] = []
        for piece in c.pieces:
            if _not_a_day(text, piece, t.capitalised, sentence, p.figurative_sentence):
                continue
            base = published
            if piece.kind is Kind.DAY_MONTH and published is None:
                piece = _with_year_of(piece, mentions, s_start)
            coarse = piece.kind is Kind.RELATIVE and piece.precision in _MONTH_OR_YEAR
            if mid_month and coarse and piece.unit in _MONTH_OR_YEAR:
                base = mid_month  # "vor 25 Jahren", "im vergangenen Monat": the month will do
            if mid_month and piece.kind in (Kind.DAY_MONTH, Kind.MONTH):
                base = mid_month
                if piece.month == mid_month.month:  # "il 18 ottobre" in an October text
                    piece = replace(piece, kind=Kind.ABSOLUTE, year=mid_month.year)
            # "este miércoles volvió a hacer": a weekday of this week is past or to come
            this_weekday = piece.kind is Kind.WEEKDAY and piece.direction is Direction.THIS
            needs_tense = piece.kind in NEEDS_TENSE and (not piece.direction or this_weekday)
            if needs_tense and base is not None and not tense_read:
                tense = clause_tense(sentence, c.start - s_start, c.end - s_start, p)
                if _put_off_to(text, c.start, c.end, p):
                    tense = Tense.FUTURE
                elif tense is None and any(a <= c.start < b for a, b in pasts):
                    tense = Tense.PAST
                tense_read = True
            value = resolve(piece, t, base, tense)
            if value is None:
                continue
            found.append(
                DateMention(text[piece.start : piece.end], piece.start, piece.end, value, sentence)
            )
            used.append(piece)
        if c.is_range and len(found) == 2 and found[0].date.value < found[1].date.value:
            found = _as_range(found[0], found[1])
        mentions += found
        pieces += used
    return _link_ranges(text, _join_apposed(text, mentions, pieces))


_MONTH_OR_YEAR = (Precision.MONTH, Precision.YEAR)


def _share_year(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "vom [24. März] bis zum [10. Juni 1999]": the start of a period written without
    its year takes the end's (the year before, if its month comes later)."""
    for c, n in itertools.pairwise(candidates):
        if len(c.pieces) != 1 or not n.pieces:
            continue
        first, end = c.pieces[0], n.pieces[0]
        if first.kind is not Kind.DAY_MONTH or end.kind is not Kind.ABSOLUTE:
            continue
        if end.year is None or end.month is None or first.month is None:
            continue
        if not _RANGE_GAP.match(text[c.end : n.start]):
            continue
        year = end.year if first.month <= end.month else end.year - 1
        c.pieces[0] = replace(first, kind=Kind.ABSOLUTE, year=year)
    return candidates


def _put_off_to(text: str, start: int, end: int, p: Patterns) -> bool:
    """ "The meeting was adjourned to [Tuesday]": the day is the target of the putting
    off, a coming one, though the putting off is past."""
    before = text[max(0, start - 40) : start]
    if p.target_before.search(before):
        return True
    return bool(p.target_after_needs.search(before) and p.target_after.match(text, end))


def _not_a_day(
    text: str, piece: Piece, capitalised: bool, sentence: str, figurative: re.Pattern[str]
) -> bool:
    """ "Today" in a sentence that sets it against the past ("it has never worked in the
    past ... and will not work today") means nowadays; "This Morning in Europe", every
    word capitalised in a language that does not capitalise such words, is a title."""
    if piece.kind is not Kind.RELATIVE or piece.unit is not Precision.DAY:
        return False
    if piece.offset == 0 and figurative.search(sentence):
        return True
    words = text[piece.start : piece.end].split()
    return capitalised and len(words) > 1 and all(w[0].isupper() for w in words)


def _with_year_of(piece: Piece, earlier: list[DateMention], sentence_start: int) -> Piece:
    """With no publication date, a day and month take the year of a full date written
    just before them in the same sentence: "el 12 de septiembre de 2001, ... tras los
    ataques del 11 de septiembre"."""
    for m in reversed(earlier):
        if m.start < sentence_start:
            break
        if m.date.precision in (Precision.DAY, Precision.MONTH):
            return replace(piece, kind=Kind.ABSOLUTE, year=m.date.value.year)
    return piece


_IN_BRACKETS = re.compile(r"\s*\(\s*$")
_CLOSING = re.compile(r"\s*\)")
_COMMA = re.compile(r"^\s*,\s*$")


def _join_apposed(text: str, mentions: list[DateMention], pieces: list[Piece]) -> list[DateMention]:
    """A weekday or "today" with its written date beside it is one mention, dated by the
    written date: "Wednesday (25 June 2025)", "today (4 April 2023)", "Oggi, 15 ottobre
    2025". The weekday must be the date's own; "today" must be the publication day."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            n, a, b = mentions[i + 1], pieces[i], pieces[i + 1]
            gap = text[m.end : n.start]
            close = _CLOSING.match(text, n.end)
            written = b.kind in (Kind.ABSOLUTE, Kind.DAY_MONTH) and b.precision is Precision.DAY
            weekday = a.kind is Kind.WEEKDAY and n.date.value.weekday() == a.weekday
            today = a.kind is Kind.RELATIVE and a.offset == 0 and a.unit is Precision.DAY
            same_day = today and n.date.value == m.date.value
            end = None
            if written and m.range is None and n.range is None:
                if _IN_BRACKETS.fullmatch(gap) and close and (weekday or same_day):
                    end = close.end()
                elif _COMMA.fullmatch(gap) and same_day:
                    end = n.end
            if end is not None:
                out.append(replace(n, text=text[m.start : end], start=m.start, end=end))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _as_range(first: DateMention, last: DateMention) -> list[DateMention]:
    return [replace(first, range=RangePart.START), replace(last, range=RangePart.END)]


_RANGE_GAP = re.compile(
    r"^\s*(?:[-–—]|to|until|till|through|au|à|al|a|hasta(?:\s+el)?|bis(?:\s+zum)?|"
    r"fino\s+al|jusqu['’]au|до|по)\s*$",
    re.IGNORECASE,
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
