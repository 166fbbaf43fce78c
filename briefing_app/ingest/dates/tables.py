"""The per-language tables, read once from ``languages/*.toml``.

Only what the patterns need: month and weekday names, the little words that
make a bare number a year, relative expressions, and the words that give a
sentence's tense. Each key of a language file is a field of ``Lang`` below;
the regular expressions are written as TOML literal strings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from briefing_app.domain.dates import Precision
from briefing_app.ingest.dates.model import Direction

__all__ = ["LANGUAGES", "Lang", "tables"]

# The order breaks ties when the language of a text is guessed.
LANGUAGES = ("en", "es", "fr", "de", "ru", "it", "pt")

_UNITS = {p.value: p for p in (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR)}


@dataclass(frozen=True)
class Lang:
    """One language's date words and patterns."""

    code: str
    months: dict[str, int]  # full names and their inflections, lower case
    month_abbr: dict[str, int]  # only accepted next to a day or a year
    weekdays: dict[str, int]  # lower case -> Monday 0 .. Sunday 6
    canon_months: tuple[str, ...]  # 12 names dateparser reads in this language
    canon_weekdays: tuple[str, ...]
    capitalised: bool  # names must be written with a capital (English)
    day_month: str  # between a day and its month: "16 [de ]noviembre"
    month_year: str  # between a month and its year: "diciembre[ de ]2017"
    ordinal: str  # after a day number: 16th, 1er, 16.
    year_suffix: str  # after a year: Russian "года"
    day_join: str  # between two days of a range
    month_join: str  # between two months of a range or list
    month_first: bool  # "November 8, 2021"
    year_context: str  # words before a bare year that make it one
    year_weak_context: str  # determiners: "the 1999 goal" (only modern years)
    year_blockers: str  # words before a number that make it a figure
    month_context: str  # words before a bare month name
    dot_context: str  # words before "14.06" that make it a date
    before_mod: dict[str, Direction]  # "last"/"next"/"this" before a month or weekday
    after_mod: dict[str, Direction]  # Spanish "jueves pasado"
    recurring: str  # "every Thursday", "los jueves"
    # (pattern, unit, offset, recent); a unit of None is read from the pattern's group "u";
    # "recent" ("this past week") means the week now ending, if published Friday to Sunday
    relative: tuple[tuple[str, Precision | None, int, bool], ...]
    ago: str  # pattern with groups n and unit
    ago_units: dict[str, Precision]  # unit word prefix -> unit
    numbers: dict[str, int]
    count_nouns: str  # words after a number that make it a count
    past_cues: str
    future_cues: str
    stopwords: frozenset[str]
    deictic: tuple[tuple[str, int], ...] = ()  # "today", "ce matin": (pattern, days offset)
    figurative_before: str = "(?!)"  # "the world of [today]": nowadays, not a date
    figurative_after: str = "(?!)"  # "[hoy] en día"
    past_morphology: str = "(?!)"  # past verb forms by their shape: "-ed", "a + participle"
    future_more: str = "(?!)"
    past_right_after: str = "(?!)"  # "ministers on Tuesday backed": a past verb next to it
    # "el día 24 de este mes", "le 3 de ce mois": a day of the publication month;
    # "{day}" stands for the day number, in group d
    ahead: str = "(?!)"  # like ago, counted forward: "two weeks from now"
    # "on this very day, in 1949": the day and month of publication in the year of group y
    same_day_in_year: str = "(?!)"
    day_of_this_month: str = "(?!)"
    weekday_part: str = "(?!)"
    # a day something is put off to is a coming one, whatever the tense of the putting off:
    # "postponed to [Tuesday]", "reporté à [mardi]"; German also "auf [Dienstag] vertagt"
    # (target_after, when the words before end as target_after_needs)
    target_before: str = "(?!)"
    target_after: str = "(?!)"
    target_after_needs: str = "(?!)"  # a part of the day written into the weekday: "Dienstagabend"
    # a sentence that sets "today" against the past ("in the past ... today"): nowadays
    figurative_sentence: str = "(?!)"
    # days known by a name of their own, where the words around say so ("9/11" attacks)
    named_days: tuple[tuple[str, str, str, str], ...] = ()  # pattern, before, after, ISO date
    # English writes a thousand or more with a comma ("2,000 troops"), so there a bare
    # modern four-digit number is a year unless the words around make it a figure.
    bare_modern_years: bool = False
    # German capitalises nouns, so a modern four-digit number followed by a lower-case
    # word that is no adjective ("2019 nach Mali", "bereits 2009 mit dem Vertrag") counts
    # nothing: it is a year ("2000 neue Soldaten", "2000 Soldaten" stay figures).
    year_after: str = "(?!)"


def _by_form(groups: dict[str, list[str]]) -> dict[str, int]:
    """``{"1": ["january", "jänner"]}`` -> ``{"january": 1, "jänner": 1}``."""
    return {form: int(number) for number, forms in groups.items() for form in forms}


def _parse(data: dict) -> Lang:
    return Lang(
        code=data["code"],
        months=_by_form(data["months"]),
        month_abbr=_by_form(data["month_abbr"]),
        weekdays=_by_form(data["weekdays"]),
        canon_months=tuple(data["canon_months"]),
        canon_weekdays=tuple(data["canon_weekdays"]),
        capitalised=data["capitalised"],
        day_month=data["day_month"],
        month_year=data["month_year"],
        ordinal=data["ordinal"],
        year_suffix=data["year_suffix"],
        day_join=data["day_join"],
        month_join=data["month_join"],
        month_first=data["month_first"],
        year_context=data["year_context"],
        year_weak_context=data["year_weak_context"],
        year_blockers=data["year_blockers"],
        month_context=data["month_context"],
        dot_context=data["dot_context"],
        before_mod={w: Direction(d) for w, d in data["before_mod"].items()},
        after_mod={w: Direction(d) for w, d in data["after_mod"].items()},
        recurring=data["recurring"],
        relative=tuple(
            (
                r["pattern"],
                _UNITS[r["unit"]] if r["unit"] else None,
                r["offset"],
                r.get("recent", False),
            )
            for r in data["relative"]
        ),
        deictic=tuple((d["pattern"], d["offset"]) for d in data.get("deictic", ())),
        figurative_before=data.get("figurative_before", "(?!)"),
        figurative_after=data.get("figurative_after", "(?!)"),
        past_morphology=data.get("past_morphology", "(?!)"),
        future_more=data.get("future_more", "(?!)"),
        ago=data["ago"],
        ahead=data.get("ahead", "(?!)"),
        same_day_in_year=data.get("same_day_in_year", "(?!)"),
        ago_units={prefix: _UNITS[u] for prefix, u in data["ago_units"].items()},
        numbers=dict(data["numbers"]),
        count_nouns=data["count_nouns"],
        past_cues=data["past_cues"],
        future_cues=data["future_cues"],
        stopwords=frozenset(data["stopwords"].split()),
        past_right_after=data.get("past_right_after", "(?!)"),
        bare_modern_years=data.get("bare_modern_years", False),
        year_after=data.get("year_after", "(?!)"),
        day_of_this_month=data.get("day_of_this_month", "(?!)"),
        weekday_part=data.get("weekday_part", "(?!)"),
        target_before=data.get("target_before", "(?!)"),
        target_after=data.get("target_after", "(?!)"),
        target_after_needs=data.get("target_after_needs", "(?!)"),
        figurative_sentence=data.get("figurative_sentence", "(?!)"),
        named_days=tuple(
            (d["pattern"], d.get("before", "(?!)"), d.get("after", "(?!)"), d["date"])
            for d in data.get("named_days", ())
        ),
    )


@cache
def tables() -> dict[str, Lang]:
    """Every language table by code, read from the package data once."""
    folder = resources.files("briefing_app.ingest.dates") / "languages"
    out: dict[str, Lang] = {}
    for code in LANGUAGES:
        data = tomllib.loads((folder / f"{code}.toml").read_text(encoding="utf-8"))
        out[code] = _parse(data)
    return out
