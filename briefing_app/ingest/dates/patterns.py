"""The regular expressions, compiled once per language from its table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from briefing_app.domain.dates import Precision
from briefing_app.ingest.dates.tables import tables

__all__ = ["Patterns", "patterns"]

DAY = r"(?<![0-9.,:/])(?:0?[1-9]|[12][0-9]|3[01])"
FIRST_DAY = rf"(?<![0-9]-){DAY}"  # not the month of "2023-06 Giugno 28"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
FLAGS = re.IGNORECASE

ISO = re.compile(r"(?<![0-9.\-/])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9]|-[0-9])")
NUMERIC = re.compile(
    r"(?<![0-9.,/])(?P<a>[0-9]{1,2})(?P<sep>[./])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    r"(?![0-9]|[./][0-9])"
)
LINE_DATE = re.compile(
    r"^[ \t]*(?P<d>[0-9]{1,2})(?P<sep>[ ./])(?P<m>[0-9]{1,2})(?P=sep)"
    r"(?P<y>[0-9]{2}|[0-9]{4})[ \t]*$",
    re.MULTILINE,
)
"""A date alone on its line, as a chronology heads its entries: "15 02 99", "15.02.1999"."""
DOTTED = re.compile(r"(?<![0-9.,/:])(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{2})(?![0-9]|\.?[0-9]|:[0-9])")
YEAR_RE = re.compile(
    rf"(?<![0-9.,'’/:])(?P<y>{YEAR})(?![0-9]|[.,][0-9]|\s*%|s\b)"  # not "the 1990s"
)
YEAR_RANGE = re.compile(
    rf"(?<![0-9.,/:])(?P<y>{YEAR})\s*(?:–|—|-)\s*(?P<y2>{YEAR}|[0-9]{{2}})(?![0-9]|[.,][0-9])"
)
YEAR_LINK = re.compile(
    r"^\s*(?:,|and|or|to|until|till|through|y|o|a|hasta|et|ou|und|bis|"
    r"oder|e|и|по|–|—|-)\s*$",
    re.IGNORECASE,
)
POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
WORD_RE = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _named(words: Iterable[str], capitalised: bool) -> str:
    """An alternation that, for English, only takes capitalised names."""
    body = _alternation(w[0].upper() + w[1:] for w in words) if capitalised else _alternation(words)
    return f"(?-i:{body})" if capitalised else f"(?:{body})"


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _word(pattern: str) -> re.Pattern[str]:
    """``pattern`` as whole words only."""
    return re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", FLAGS)


@dataclass(frozen=True)
class Patterns:
    """One language's compiled patterns."""

    dmy: re.Pattern[str]
    mdy: re.Pattern[str] | None
    month_range: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: tuple[tuple[re.Pattern[str], Precision | None, int, bool], ...]
    deictic: tuple[tuple[re.Pattern[str], int], ...]
    any_relative: re.Pattern[str]  # one scan that says whether any of the above can match
    figurative_before: re.Pattern[str]
    figurative_after: re.Pattern[str]
    ago: re.Pattern[str]
    ahead: re.Pattern[str]
    same_day_in_year: re.Pattern[str]
    year_context: re.Pattern[str]
    year_weak: re.Pattern[str]
    year_after: re.Pattern[str]
    year_blockers: re.Pattern[str]
    count_after: re.Pattern[str]
    month_context: re.Pattern[str]
    dot_context: re.Pattern[str]
    recurring: re.Pattern[str]
    past: re.Pattern[str]
    past_shape: re.Pattern[str]
    future: re.Pattern[str]
    past_right_after: re.Pattern[str]
    day_of_this_month: re.Pattern[str]
    target_before: re.Pattern[str]
    target_after: re.Pattern[str]
    target_after_needs: re.Pattern[str]
    figurative_sentence: re.Pattern[str]
    named_days: tuple[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], str], ...]
    # languages that capitalise month names: a lower-case one with its day and year
    # ("9 november 2023", a dateline typed in a hurry) is still a date
    lower_dmy: re.Pattern[str] | None
    lower_mdy: re.Pattern[str] | None


@cache
def patterns(code: str) -> Patterns:
    """The compiled patterns of language ``code`` (built on first use)."""
    t = tables()[code]
    cap = t.capitalised
    full = _named(t.months, cap)
    abbr = _named(t.month_abbr, cap) + r"\.?"
    month = f"(?:{full}|{abbr})(?![^\\W\\d_])"
    wd = _named(t.weekdays, cap) + r"(?![^\W\d_])"
    ordinal = t.ordinal + r"(?![^\W\d_])"
    year = f"(?P<y>{YEAR})(?![0-9]|[.,][0-9]){t.year_suffix}"
    dmy = (
        f"(?:(?P<wd>{wd})\\s*,?\\s+(?:the\\s+)?)?"
        f"(?P<d1>{FIRST_DAY}){ordinal}"
        f"(?:(?P<join>{t.day_join})(?:(?P<wd2>{wd})\\s*,?\\s+)?(?P<d2>{DAY}){ordinal})?"
        f"{t.day_month}(?P<mon>{month})"
        f"(?:{t.month_year}{year})?"
    )
    mdy = None
    if t.month_first:
        mdy = re.compile(
            f"(?:(?P<wd>{wd})\\s*,?\\s+)?(?P<mon>{month})\\s+"
            f"(?P<d1>{DAY}){ordinal}(?![0-9]|[.,:][0-9])"
            f"(?:(?P<join>\\s*(?:–|—|-)\\s*)(?P<d2>{DAY}){ordinal}(?![0-9]|[.,:][0-9]))?"
            f"(?:,?\\s+{year})?",
            FLAGS,
        )
    lower_dmy = lower_mdy = None
    if cap:
        low = f"(?-i:{_alternation(t.months)})(?![^\\W\\d_])"
        lower_dmy = re.compile(
            f"(?P<d1>{FIRST_DAY}){ordinal}{t.day_month}(?P<mon>{low}){t.month_year}{year}"
        )
        if t.month_first:
            lower_mdy = re.compile(
                f"(?P<mon>{low})\\s+(?P<d1>{DAY}){ordinal}(?![0-9]|[.,:][0-9]),?\\s+{year}"
            )
    month_range = f"(?P<mon1>{full})(?P<join>{t.month_join})(?P<mon>{full}){t.month_year}{year}"
    mods_before = _alternation(t.before_mod)
    mods_after = _alternation(t.after_mod) if t.after_mod else "(?!)"
    single_month = (
        f"(?:(?P<mod>{mods_before})\\s+)?(?P<mon>{full})(?![^\\W\\d_])"
        f"(?:\\s+(?P<after>{mods_after})(?![^\\W\\d_]))?"
    )
    weekday = (
        f"(?:(?P<mod>{mods_before})\\s+)?(?P<wd>{_named(t.weekdays, cap)})"
        f"(?:{t.weekday_part})?(?![^\\W\\d_])(?P<plural>s)?(?![^\\W\\d_])"
        f"(?:\\s+(?P<after>{mods_after})(?![^\\W\\d_]))?"
    )
    return Patterns(
        dmy=re.compile(dmy, FLAGS),
        mdy=mdy,
        month_range=re.compile(month_range, FLAGS),
        month_year=re.compile(f"(?P<mon>{month}){t.month_year}{year}", FLAGS),
        month=re.compile(single_month, FLAGS),
        weekday=re.compile(weekday, FLAGS),
        relative=tuple((_word(p), unit, off, recent) for p, unit, off, recent in t.relative),
        deictic=tuple((_word(p), off) for p, off in t.deictic),
        any_relative=re.compile(
            "|".join(
                f"(?:{_NAMED_GROUP.sub('(?:', x)})"
                for x in (*(r[0] for r in t.relative), *(d[0] for d in t.deictic), t.ago, t.ahead)
            ),
            FLAGS,
        ),
        figurative_before=re.compile(f"(?:{t.figurative_before})", FLAGS),
        figurative_after=re.compile(f"(?:{t.figurative_after})", FLAGS),
        ago=re.compile(rf"(?<![^\W\d_]){t.ago}(?![^\W\d_])", FLAGS),
        ahead=re.compile(rf"(?<![^\W\d_]){t.ahead}(?![^\W\d_])", FLAGS),
        same_day_in_year=_word(t.same_day_in_year.replace("{year}", f"(?P<y>{YEAR})")),
        year_context=re.compile(f"(?:{t.year_context})", FLAGS),
        year_weak=re.compile(f"(?:{t.year_weak_context})", FLAGS),
        year_after=re.compile(t.year_after),
        year_blockers=re.compile(f"(?:{t.year_blockers})", FLAGS),
        count_after=re.compile(rf"^\s*-?\s*(?:%|(?:{t.count_nouns})(?![^\W\d_]))", FLAGS),
        month_context=re.compile(f"(?:{t.month_context})", FLAGS),
        dot_context=re.compile(f"(?:{t.dot_context})", FLAGS),
        recurring=re.compile(f"(?:{t.recurring})", FLAGS),
        past=re.compile(t.past_cues, FLAGS),
        past_shape=re.compile(t.past_morphology, FLAGS),
        future=re.compile(f"(?:{t.future_cues})|(?:{t.future_more})", FLAGS),
        past_right_after=re.compile(t.past_right_after, FLAGS),
        day_of_this_month=_word(t.day_of_this_month.replace("{day}", DAY)),
        target_before=re.compile(f"(?:{t.target_before})", FLAGS),
        target_after=re.compile(f"(?:{t.target_after})", FLAGS),
        target_after_needs=re.compile(f"(?:{t.target_after_needs})", FLAGS),
        figurative_sentence=re.compile(f"(?:{t.figurative_sentence})", FLAGS),
        named_days=tuple(
            (_word(pat), re.compile(f"(?:{before})", FLAGS), re.compile(f"(?:{after})", FLAGS), iso)
            for pat, before, after, iso in t.named_days
        ),
        lower_dmy=lower_dmy,
        lower_mdy=lower_mdy,
    )
