"""Candidates: stretches of text that may be dates, each with the date(s) it would give.

Each finder takes one paragraph (``lo``..``hi``) in one language and decides
from the form alone how precise a date is; resolution comes later.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing_app.domain.dates import Precision
from briefing_app.ingest.dates.model import Candidate, Direction, Kind, Piece
from briefing_app.ingest.dates.patterns import (
    DOTTED,
    ISO,
    LINE_DATE,
    NUMERIC,
    POSSESSIVE_AFTER,
    YEAR_LINK,
    YEAR_RANGE,
    YEAR_RE,
    Patterns,
)
from briefing_app.ingest.dates.tables import Lang

__all__ = ["find_candidates"]


def _month_no(t: Lang, word: str) -> int | None:
    key = word.lower().rstrip(".")
    return t.months.get(key) or t.month_abbr.get(key)


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


_LIST_JOIN = re.compile(r"^\s*(?:,|and|et|und|y|e|и)\s*$", re.IGNORECASE)
_CHOICE_JOIN = re.compile(r"^\s*(?:or|ou|oder|o|ou)\s*$", re.IGNORECASE)


def _joins_a_range(join: str, consecutive: bool) -> bool:
    """A dash or "to" joins the ends of one period; "and" only two days (or months) in a
    row ("11 and 12 July"); "or" never."""
    if _CHOICE_JOIN.match(join):
        return False
    if _LIST_JOIN.match(join):
        return consecutive
    return True


def _dm_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    """Day-month(-year) forms, either order, with ranges split into their endpoints."""
    out: list[Candidate] = []
    for pattern, rank in ((p.dmy, 0), (p.mdy, 0)):
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            mon = _month_no(t, m.group("mon"))
            if mon is None:
                continue
            year = int(m.group("y")) if m.group("y") else None
            d1 = int(m.group("d1"))
            d2 = int(m.group("d2")) if m.group("d2") else None
            kind = Kind.ABSOLUTE if year else Kind.DAY_MONTH
            start, end = m.start(), m.end()
            is_range = False
            if d2 is None:
                piece = Piece(start, m.end(), kind, Precision.DAY, year, mon, d1)
                if kind is Kind.DAY_MONTH:
                    piece = _with_modifier(text, t, piece)
                    start, end = piece.start, piece.end
                pieces = [piece]
            elif d2 <= d1:
                continue
            else:
                month_first = m.start("mon") < m.start("d1")
                first_end = m.end("d1")
                second = m.start("wd2") if m.groupdict().get("wd2") else m.start("d2")
                pieces = [
                    Piece(start, first_end, kind, Precision.DAY, year, mon, d1),
                    Piece(second, m.end(), kind, Precision.DAY, year, mon, d2),
                ]
                if not month_first:
                    pieces[0].start = m.start("wd") if m.group("wd") else m.start("d1")
                is_range = _joins_a_range(m.group("join"), d2 - d1 == 1)
            out.append(Candidate(start, end, pieces, t.code, rank, is_range))
    return out


def _with_modifier(text: str, t: Lang, piece: Piece) -> Piece:
    """ "el pasado 31 de marzo", "le 31 mars dernier", "lo scorso 31 marzo": a day and
    month with "last" or "next" beside it, which then belongs to the mention."""
    before = re.search(r"([^\W\d_]+)\s+$", _before(text, piece.start, 20))
    if before:
        direction = t.before_mod.get(before.group(1).lower())
        if direction is Direction.PREV or direction is Direction.NEXT:
            return replace(
                piece, start=before.start(1) + max(0, piece.start - 20), direction=direction
            )
    after = re.match(r"\s+([^\W\d_]+)\b", text[piece.end : piece.end + 20])
    if after:
        direction = t.after_mod.get(after.group(1).lower())
        if direction is Direction.PREV or direction is Direction.NEXT:
            return replace(piece, end=piece.end + after.end(1), direction=direction)
    return piece


def _lower_case_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    """A lower-case month in a language that capitalises it, only with day and year."""
    out: list[Candidate] = []
    for pattern in (p.lower_dmy, p.lower_mdy):
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            mon = t.months.get(m.group("mon"))
            if mon is None:
                continue
            y, d = int(m.group("y")), int(m.group("d1"))
            piece = Piece(m.start(), m.end(), Kind.ABSOLUTE, Precision.DAY, y, mon, d)
            out.append(Candidate(m.start(), m.end(), [piece], t.code, 1))
    return out


def _this_month_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    """ "el día 24 de este mes", "le 3 de ce mois": a day of the month of publication."""
    out: list[Candidate] = []
    for m in p.day_of_this_month.finditer(text, lo, hi):
        piece = Piece(m.start(), m.end(), Kind.DAY_THIS_MONTH, Precision.DAY, day=int(m["d"]))
        out.append(Candidate(m.start(), m.end(), [piece], t.code, 0))
    return out


def _same_day_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    """ "On this very day, in 1949" (said on 4 April): 4 April 1949."""
    out: list[Candidate] = []
    for m in p.same_day_in_year.finditer(text, lo, hi):
        piece = Piece(m.start(), m.end(), Kind.SAME_DAY_IN, Precision.DAY, year=int(m["y"]))
        out.append(Candidate(m.start(), m.end(), [piece], t.code, 0))
    return out


def _named_day_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    """A day known by a name ("9/11"), only where the words around it say it is that day
    ("the 9/11 attacks", "since 9/11"), not a fraction or a score."""
    out: list[Candidate] = []
    for pattern, before, after, iso in p.named_days:
        for m in pattern.finditer(text, lo, hi):
            if not (before.search(_before(text, m.start())) or after.match(text, m.end())):
                continue
            y, mo, d = (int(x) for x in iso.split("-"))
            piece = Piece(m.start(), m.end(), Kind.ABSOLUTE, Precision.DAY, y, mo, d)
            out.append(Candidate(m.start(), m.end(), [piece], t.code, 0))
    return out


def _month_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    out: list[Candidate] = []
    for m in p.month_year.finditer(text, lo, hi):
        mon = _month_no(t, m.group("mon"))
        if mon:
            piece = Piece(
                m.start(), m.end(), Kind.ABSOLUTE, Precision.MONTH, int(m.group("y")), mon
            )
            out.append(Candidate(m.start(), m.end(), [piece], t.code, 1))
    for m in p.month_range.finditer(text, lo, hi):
        m1, m2 = _month_no(t, m.group("mon1")), _month_no(t, m.group("mon"))
        if m1 and m2 and m1 < m2:
            y = int(m.group("y"))
            out.append(
                Candidate(
                    m.start(),
                    m.end(),
                    [
                        Piece(
                            m.start("mon1"), m.end("mon1"), Kind.ABSOLUTE, Precision.MONTH, y, m1
                        ),
                        Piece(m.start("mon"), m.end(), Kind.ABSOLUTE, Precision.MONTH, y, m2),
                    ],
                    t.code,
                    1,
                    _joins_a_range(m.group("join"), m2 - m1 == 1),
                )
            )
    bare: list[tuple[re.Match[str], int, bool]] = []
    for m in p.month.finditer(text, lo, hi):
        mon = _month_no(t, m.group("mon"))
        if mon is None:
            continue
        word = m.group("mon")
        modifier = m.group("mod") or m.group("after")
        context = bool(modifier) or bool(p.month_context.search(_before(text, m.start())))
        context = context or bool(POSSESSIVE_AFTER.match(text[m.end() : m.end() + 3]))
        if not t.capitalised and not word[0].isupper():
            context = True  # Spanish, French... write months in lower case: never a name
        if not modifier and p.recurring.search(_before(text, m.start())):
            continue  # "every March": a habit, not a date
        bare.append((m, mon, context))
    # Months written as a list ("March, May and June") vouch for one another.
    for i, (m, _mon, _ctx) in enumerate(bare):
        for j in (i - 1, i + 1):
            if 0 <= j < len(bare):
                a, b = sorted((m, bare[j][0]), key=lambda x: x.start())
                if _month_link(text[a.end() : b.start()], t):
                    bare[i] = (m, bare[i][1], True)
    for m, mon, context in bare:
        if not context:
            continue
        modifier = (m.group("mod") or m.group("after") or "").lower()
        direction = t.before_mod.get(modifier) or t.after_mod.get(modifier)
        start = m.start() if m.group("mod") else m.start("mon")
        piece = Piece(start, m.end(), Kind.MONTH, Precision.MONTH, month=mon, direction=direction)
        out.append(Candidate(start, m.end(), [piece], t.code, 2))
    return out


def _month_link(gap: str, t: Lang) -> bool:
    return bool(re.fullmatch(t.month_join, gap, re.IGNORECASE)) and len(gap) <= 6


def _weekday_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    out: list[Candidate] = []
    for m in p.weekday.finditer(text, lo, hi):
        if m.group("plural"):
            continue  # "on Thursdays": every week, not a date
        before = _before(text, m.start())
        modifier = (m.group("mod") or m.group("after") or "").lower()
        if not modifier and p.recurring.search(before):
            continue  # "every Thursday", "los jueves": a habit, not a date
        wd = t.weekdays.get(m.group("wd").lower())
        if wd is None:
            continue
        direction = t.before_mod.get(modifier) or t.after_mod.get(modifier)
        start = m.start() if m.group("mod") else m.start("wd")
        piece = Piece(start, m.end(), Kind.WEEKDAY, Precision.DAY, weekday=wd, direction=direction)
        out.append(Candidate(start, m.end(), [piece], t.code, 3))
    return out


_STRETCH_BEFORE = re.compile(r"\b(?:the|over|within|during|throughout)\s+$", re.IGNORECASE)
_ADJACENT = re.compile(r"^[\s,]*$")


def _count(m: re.Match[str], t: Lang) -> tuple[int | None, Precision | None]:
    """How many of which unit "three years ago" or "two weeks from now" counts."""
    n_word = m.group("n").lower()
    n = int(n_word) if n_word.isdigit() else t.numbers.get(n_word)
    unit_word = m.group("unit").lower()
    unit = next((u for prefix, u in t.ago_units.items() if unit_word.startswith(prefix)), None)
    return n, unit


def _relative_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    out: list[Candidate] = []
    first = p.any_relative.search(text, lo, hi)
    if first is None:
        return out  # most paragraphs: one scan instead of one per pattern
    lo = first.start()
    for pattern, unit, offset, recent in p.relative:
        for m in pattern.finditer(text, lo, hi):
            u = unit or Precision(m.group("u").lower())
            if t.code == "en" and _STRETCH_BEFORE.search(_before(text, m.start())):
                continue  # "the last week of", "over the next year": a stretch, not a date
            piece = Piece(
                m.start(),
                m.end(),
                Kind.RELATIVE,
                u,
                query=m.group(0),
                unit=u,
                offset=offset,
                recent=recent,
            )
            out.append(Candidate(m.start(), m.end(), [piece], t.code, 4))
    todays: list[tuple[int, int]] = []
    for pattern, offset in p.deictic:
        for m in pattern.finditer(text, lo, hi):
            if offset == 0 and (
                p.figurative_before.search(_before(text, m.start()))
                or p.figurative_after.match(text[m.end() : m.end() + 20])
            ):
                continue  # "the world of today", "l'Europe d'aujourd'hui": nowadays
            if offset == 0:
                todays.append((m.start(), m.end()))
            day = Precision.DAY
            piece = Piece(m.start(), m.end(), Kind.RELATIVE, day, unit=day, offset=offset)
            out.append(Candidate(m.start(), m.end(), [piece], t.code, 4))
    for m in p.ahead.finditer(text, lo, hi):
        n, unit = _count(m, t)
        if n is None or unit is None:
            continue
        query = m.group(0)
        piece = Piece(m.start(), m.end(), Kind.RELATIVE, unit, query=query, unit=unit, offset=n)
        out.append(Candidate(m.start(), m.end(), [piece], t.code, 4))
    for m in p.ago.finditer(text, lo, hi):
        n, unit = _count(m, t)
        if n is None or unit is None:
            continue
        query = text[m.start() : m.start("n")] + str(n) + text[m.end("n") : m.end()]
        piece = Piece(m.start(), m.end(), Kind.RELATIVE, unit, query=query, unit=unit, offset=-n)
        out.append(Candidate(m.start(), m.end(), [piece], t.code, 4))
        # "Heute vor einem Jahr", "hoy hace 80 años", "ten years ago today": that very day
        for a, b in todays:
            if _ADJACENT.match(text[b : m.start()]) or _ADJACENT.match(text[m.end() : a]):
                lo_, hi_ = min(a, m.start()), max(b, m.end())
                day = Piece(lo_, hi_, Kind.RELATIVE, Precision.DAY, unit=unit, offset=-n)
                out.append(Candidate(lo_, hi_, [day], t.code, 4))
    return out


# "seit dem Ende des Nato-Kampfeinsatzes 2013.": a year closing a clause after a name or
# noun (capitalised), not a figure after "auf" or "bis zu"
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")
_NAMED_BY_YEAR = re.compile(
    r"\b(?:resolution|resolución|résolution|risoluzione|resolução|resolutie|резолюци\w*)\s+"
    r"(?:nr\.?\s*|n[º°o]\.?\s*|no\.\s*|number\s+)?\d{1,5}\s*\(\s*$",
    re.IGNORECASE,
)
"""A resolution's name carries its year: "Resolution 1244 (1999)" is not a date."""
_AFTER_A_NAME = re.compile(r"(?<![^\W\d_])(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]*(?:-[^\W\d_]+)*\s$")


def _year_candidates(
    text: str, t: Lang, p: Patterns, lo: int, hi: int, sentence_starts: set[int]
) -> list[Candidate]:
    """Bare years, kept only where the words around make them years, not figures."""
    out: list[Candidate] = []
    for m in YEAR_RANGE.finditer(text, lo, hi):
        y1 = int(m.group("y"))
        raw = m.group("y2")
        y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
        if not y1 < y2 <= y1 + 100:
            continue
        if p.count_after.match(text[m.end() : m.end() + 20]):
            continue
        out.append(
            Candidate(
                m.start(),
                m.end(),
                [
                    Piece(m.start("y"), m.end("y"), Kind.ABSOLUTE, Precision.YEAR, y1),
                    Piece(m.start("y2"), m.end("y2"), Kind.ABSOLUTE, Precision.YEAR, y2),
                ],
                t.code,
                5,
                True,
            )
        )
    found: list[tuple[re.Match[str], bool]] = []
    for m in YEAR_RE.finditer(text, lo, hi):
        year = int(m.group("y"))
        before = _before(text, m.start())
        after = text[m.end() : m.end() + 24]
        named = _NAMED_BY_YEAR.search(before) and after.startswith(")")
        if named or p.year_blockers.search(before) or p.count_after.match(after):
            found.append((m, False))
            continue
        ok = bool(p.year_context.search(before))
        modern = 1900 <= year <= 2099
        if not ok and modern:
            ok = bool(p.year_weak.search(before)) or bool(POSSESSIVE_AFTER.match(after))
            ok = ok or (before.endswith("(") and after.startswith(")"))
            ok = ok or (m.start() in sentence_starts and not after.startswith(","))
            ok = ok or bool(_CLAUSE_END.match(after) and _AFTER_A_NAME.search(before))
            ok = ok or t.bare_modern_years or bool(p.year_after.match(after))
        found.append((m, ok))
    # "in 2008, 2014 and 2022": a year joined to an accepted one is one too.
    changed = True
    while changed:
        changed = False
        for i in range(1, len(found)):
            (prev, prev_ok), (cur, cur_ok) = found[i - 1], found[i]
            linked = YEAR_LINK.match(text[prev.end() : cur.start()])
            counted = p.count_after.match(text[cur.end() : cur.end() + 24])
            if prev_ok and not cur_ok and linked and not counted:
                found[i] = (cur, True)
                changed = True
    for m, ok in found:
        if ok:
            piece = Piece(m.start(), m.end(), Kind.ABSOLUTE, Precision.YEAR, int(m.group("y")))
            out.append(Candidate(m.start(), m.end(), [piece], t.code, 6))
    return out


def _numeric_candidates(text: str, t: Lang, p: Patterns, lo: int, hi: int) -> list[Candidate]:
    """ISO dates, 21.03.2022 / 21/03/2022, and "on 14.06" where the context says date."""
    out: list[Candidate] = []
    for m in ISO.finditer(text, lo, hi):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        out.append(
            Candidate(
                m.start(),
                m.end(),
                [Piece(m.start(), m.end(), Kind.ABSOLUTE, Precision.DAY, y, mo, d)],
                t.code,
                0,
            )
        )
    for m in NUMERIC.finditer(text, lo, hi):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if m.group("sep") == "/" and t.code == "en":
            if a <= 12 and b <= 12 and a != b:
                continue  # 03/04/2021: American or European? Not guessed.
            if b > 12:
                a, b = b, a
        d, mo = a, b
        out.append(
            Candidate(
                m.start(),
                m.end(),
                [Piece(m.start(), m.end(), Kind.ABSOLUTE, Precision.DAY, y, mo, d)],
                t.code,
                0,
            )
        )
    for m in LINE_DATE.finditer(text, lo, hi):
        if m.group("sep") != " ":
            continue  # "15.02.1999" is read above; two digits of year only alone on a line
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if len(m.group("y")) == 2:
            y += 1900 if y >= 50 else 2000
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        a, b = m.start("d"), m.end("y")
        piece = Piece(a, b, Kind.ABSOLUTE, Precision.DAY, y, mo, d)
        out.append(Candidate(a, b, [piece], t.code, 0))
    for m in DOTTED.finditer(text, lo, hi):
        if not p.dot_context.search(_before(text, m.start())):
            continue
        d, mo = int(m.group("d")), int(m.group("m"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        out.append(
            Candidate(
                m.start(),
                m.end(),
                [Piece(m.start(), m.end(), Kind.DAY_MONTH, Precision.DAY, None, mo, d)],
                t.code,
                0,
            )
        )
    return out


def find_candidates(
    text: str, t: Lang, p: Patterns, lo: int, hi: int, sentence_starts: set[int]
) -> list[Candidate]:
    """Every candidate in ``text[lo:hi]``, overlapping ones included."""
    return [
        *_numeric_candidates(text, t, p, lo, hi),
        *_named_day_candidates(text, t, p, lo, hi),
        *_same_day_candidates(text, t, p, lo, hi),
        *_this_month_candidates(text, t, p, lo, hi),
        *_lower_case_candidates(text, t, p, lo, hi),
        *_dm_candidates(text, t, p, lo, hi),
        *_month_candidates(text, t, p, lo, hi),
        *_weekday_candidates(text, t, p, lo, hi),
        *_relative_candidates(text, t, p, lo, hi),
        *_year_candidates(text, t, p, lo, hi, sentence_starts),
    ]
