"""The date span each mention stands for: the two ends of a period joined, a meeting
said to last some days widened to them, deadlines and guessed years set apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate, Precision
from briefing_app.ingest.dates import DateMention, RangePart
from briefing_app.ingest.proposals.links import single_day

__all__ = ["DEADLINE", "lasting", "paired_spans", "year_guessed"]


# Words that join the two ends of one period ("10–11 March", "from May to June").
_RANGE_LINK = re.compile(
    r"^\s*(?:[-–—]|to|until|till|through|au|à|al|a|hasta|bis|по|до)\s*$", re.IGNORECASE
)
# "And" joins a list ("in 2004 and 2009", "March, May and June") unless the
# first date follows "between" ("between 2004 and 2007").
_AND_LINK = re.compile(
    r"^\s*(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?(?:and|et|y|e|und|и)\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|"
    r"mercoledì|giovedì|venerdì|sabato|domenica)?,?\s*(?:the\s+)?$",
    re.IGNORECASE,
)


DEADLINE = re.compile(
    r"\b(?:by|no later than|d[’']ici(?: à| a)?|au plus tard en|(?:à )?l[’']horizon(?: de)?|"
    r"horizonte(?: de)?|orizzonte(?: del)?|bis(?: spätestens)?|until|jusqu[’'](?:en|à|au)|"
    r"hasta(?: el)?|fino al|de aquí a|de aqui a|"
    r"spätestens|entro(?: il)?|a más tardar en)\s+(?:the\s+end\s+of\s+|(?:la\s+)?fin\s+)?$",
    re.IGNORECASE,
)


_GUESS_DAYS = 183


def year_guessed(mention: DateMention, when: DateSpan, published: date) -> bool:
    """A day, week or month with no year written, placed far from the publication date."""
    if when.precision is Precision.YEAR or re.search(r"\d{4}", mention.text):
        return False
    if re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}\b", mention.text):
        return False  # "24.06.25": the year is written, in two digits
    gap = min(abs((when.first_day - published).days), abs((when.last_day - published).days))
    return gap > _GUESS_DAYS


def _next_day(a: PartialDate, b: PartialDate) -> bool:
    """Two consecutive days or years ("11 and 12 July", "in 2014 and 2015"): one
    happening over both, not a list."""
    if a.precision is not b.precision:
        return False
    if a.precision is Precision.DAY:
        return (b.value - a.value).days == 1
    if a.precision is Precision.YEAR:
        return b.value.year - a.value.year == 1
    return False


_BETWEEN = re.compile(r"(?:between|entre|zwischen|tra|fra|между)\s+$", re.IGNORECASE)


def paired_spans(text: str, mentions: list[DateMention]) -> list[tuple[DateMention, DateSpan]]:
    """Each mention with its date span; a range's two ends ("10–11 March") become one.

    The extractor marks the ends of the periods it reads; two mentions joined by
    "to" or a dash, or consecutive days joined by "and", are one period too.
    """
    out: list[tuple[DateMention, DateSpan]] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        span = DateSpan(m.date)
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            gap = text[m.end : n.start]
            marked = m.range is RangePart.START and n.range is RangePart.END
            joined = (
                marked
                or _RANGE_LINK.match(gap)
                or (
                    _AND_LINK.match(gap)
                    and (
                        _BETWEEN.search(text[max(0, m.start - 12) : m.start])
                        or _next_day(m.date, n.date)
                    )
                )
            )
            if joined and n.date.first_day >= m.date.first_day:
                try:
                    span = DateSpan(m.date, n.date)
                    m = DateMention(
                        text[m.start : n.end], m.start, n.end, m.date, m.sentence, m.range
                    )
                    i += 1
                except DateFormatError:
                    pass
        out.append((m, span))
        i += 1
    return out


_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "deux": 2, "trois": 3, "quatre": 4, "dos": 2, "tres": 3,
    "cuatro": 4, "zwei": 2, "drei": 3, "vier": 4, "due": 2, "tre": 3, "quattro": 4,
    "2": 2, "3": 3, "4": 4,
}  # fmt: skip
_N = r"(two|three|four|deux|trois|quatre|dos|tres|cuatro|due|tre|quattro|[234])"
_LASTING = re.compile(
    rf"\b(?:{_N}[- ]day\b|for {_N} days\b|{_N} days of\b|pour {_N} jours\b|"
    rf"{_N} jours de\b|de {_N} jours\b|{_N} días de\b|durante {_N} días\b|de {_N} días\b|"
    rf"{_N} giorni di\b|per {_N} giorni\b|di {_N} giorni\b|(zwei|drei|vier)tägige\w*|"
    rf"für (zwei|drei|vier) Tage\b)",
    re.IGNORECASE,
)
"""A meeting said to last some days: "two days of talks", "pour trois jours", "zweitägig"."""
_ENDING = re.compile(
    r"\b(?:end(?:s|ed)?|clos(?:es|ed)|conclud(?:es|ed)|wrap(?:s|ped) up|final day|last day|"
    r"s'achève|s’achève|termin\w*|clôtur\w*|concluy\w*|clausur\w*|chiu\w*|conclu\w*|"
    r"ende\w*|abgeschlossen|letzte[nr]? Tag)\b",
    re.IGNORECASE,
)


def lasting(
    when: DateSpan, sentence: str, focus: tuple[int, int], others: Sequence[tuple[int, int]]
) -> DateSpan:
    """A single day whose clause says the meeting lasts N days ("s'ouvre pour trois jours",
    "began two days of talks") is the period from that day; a clause about its end, or
    one that gives another date, keeps the day."""
    if not single_day(when) or any(focus[0] <= a < focus[1] for a, _b in others):
        return when
    clause = sentence[focus[0] : focus[1]]
    found = _LASTING.search(clause)
    if found is None or _ENDING.search(clause):
        return when
    word = next(g for g in found.groups() if g).lower()
    days = _NUMBERS.get(word, _NUMBERS.get(word.rstrip("s"), 0))
    if days < 2:
        return when
    first = when.start
    last = PartialDate(first.value + timedelta(days=days - 1), Precision.DAY)
    return DateSpan(first, last)
