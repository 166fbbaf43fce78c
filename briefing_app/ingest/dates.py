"""Find the dates an article mentions, each with the precision the text gives it.

Running dateparser's ``search_dates`` over a whole article finds few of the
real dates and many false ones (the modal "may", pronouns such as "we" or
"tu", durations, clock times, page furniture) and gives every date a day the
text never wrote. So the work is split the other way round:

* our own patterns, per language, find *candidates* ("Nov. 16, 2021",
  "December 2017", "since 2014", "on Thursday", "last week", "next March"...)
  and decide from the form how precise each one is;
* dateparser, restricted to the document's language, reads each candidate
  (cached), with the publication date as its base and a past/future
  preference taken from the sentence's tense;
* nothing finer than what is written is kept: "in 2008" stays a year.

Without a publication date, mentions that need one (weekdays, "this month",
a month without a year) are dropped and only absolute dates are returned.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from briefing_app.domain.dates import PartialDate, Precision

__all__ = ["DateMention", "LANGUAGES", "detect_language", "extract_dates", "split_sentences"]

LANGUAGES = ("en", "es", "fr", "de", "ru", "it", "pt")


@dataclass(frozen=True)
class DateMention:
    """One date written in a text, where it is, and the sentence around it."""

    text: str
    start: int
    end: int
    date: PartialDate
    sentence: str

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date.iso(),
            "precision": self.date.precision.value,
            "sentence": self.sentence,
        }


# ---------------------------------------------------------------------------
# Language tables. Only what the patterns need: month and weekday names, the
# little words that make a bare number a year, relative expressions, and the
# words that give a sentence's tense.
# ---------------------------------------------------------------------------

_UNITS = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "month": Precision.MONTH,
    "year": Precision.YEAR,
}


@dataclass(frozen=True)
class _Lang:
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
    before_mod: dict[str, str]  # "last"/"next"/"this" before a month or weekday
    after_mod: dict[str, str]  # Spanish "jueves pasado"
    recurring: str  # "every Thursday", "los jueves"
    relative: tuple[tuple[str, str, int], ...]  # (pattern, unit, offset)
    ago: str  # pattern with groups n and unit
    ago_units: dict[str, str]  # unit word prefix -> unit
    numbers: dict[str, int]
    count_nouns: str  # words after a number that make it a count
    past_cues: str
    future_cues: str
    stopwords: frozenset[str]
    past_right_after: str = "(?!)"  # "ministers on Tuesday backed": a past verb next to it
    # English writes a thousand or more with a comma ("2,000 troops"), so there a bare
    # modern four-digit number is a year unless the words around make it a figure.
    bare_modern_years: bool = False


def _names(spec: str) -> dict[str, int]:
    """``"jan:1 january:1 ..."`` or ``"january february ..."`` (numbered from 1)."""
    out: dict[str, int] = {}
    for i, item in enumerate(spec.split(), start=1):
        if ":" in item:
            word, num = item.rsplit(":", 1)
            out[word] = int(num)
        else:
            out[item] = i
    return out


def _seq(spec: str) -> tuple[str, ...]:
    return tuple(spec.split())


def _wordset(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


def _weekdays(spec: str) -> dict[str, int]:
    return {w: n - 1 for w, n in _names(spec).items()}


def _grouped(groups: Sequence[str]) -> dict[str, int]:
    """Each string lists the forms of one month (or weekday), in calendar order."""
    out: dict[str, int] = {}
    for i, forms in enumerate(groups, start=1):
        for form in forms.split():
            out[form] = i
    return out


_EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_EN_COUNTS = (
    r"troops|soldiers|servicemen|personnel|people|persons|men|women|children|refugees|migrants|"
    r"civilians|casualties|deaths|dead|wounded|prisoners|euros?|dollars?|pounds|km|kilometres|"
    r"kilometers|miles|metres|meters|tons|tonnes|tanks|vehicles|aircraft|jets|planes|"
    r"helicopters|missiles|drones|shells|rounds|projects|units|members|staff|employees|jobs|"
    r"words|pages|votes|seats|times|cases|hours|minutes|days|weeks|months|years|points|"
    r"percent|per|million|billion|bn|m|k|strong|metre|meter|feet|ft|mm|cm|kg|mw|gw|hp|"
    r"brigades|battalions|divisions|ships|vessels|sorties|strikes|attacks|signatures|"
    r"gmt|utc|cet|hrs|local\s+time"
)
_ES_COUNTS = (
    r"soldados|efectivos|militares|personas|hombres|mujeres|niños|refugiados|migrantes|civiles|"
    r"muertos|heridos|euros?|dólares|kilómetros|km|millas|metros|toneladas|tanques|vehículos|"
    r"aviones|misiles|drones|proyectiles|proyectos|unidades|miembros|empleos|votos|escaños|"
    r"veces|casos|horas|minutos|días|semanas|meses|años|puntos|por|millones|mil|tropas"
)

_EN = _Lang(
    code="en",
    months=_names(
        "january february march april may june july august september october november december"
    ),
    month_abbr=_names(
        "jan:1 feb:2 mar:3 apr:4 jun:6 jul:7 aug:8 sep:9 sept:9 oct:10 nov:11 dec:12"
    ),
    weekdays=_weekdays("monday tuesday wednesday thursday friday saturday sunday"),
    canon_months=_seq(
        "January February March April May June July August September October November December"
    ),
    canon_weekdays=_seq("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    capitalised=True,
    day_month=r"\s+(?:of\s+)?",
    month_year=r",?\s+(?:of\s+)?",
    ordinal=r"(?:st|nd|rd|th)?",
    year_suffix="",
    day_join=r"\s*(?:–|—|-|to|and|or)\s*",
    month_join=r"\s*(?:–|—|-|,|to|and|or|until|through)\s*",
    month_first=True,
    year_context=(
        r"\b(?:in|since|by|until|till|from|before|after|during|through|throughout|circa|"
        r"around|between|year|early|late|summer|spring|autumn|fall|winter|fiscal|"
        r"end\s+of|start\s+of|beginning\s+of|middle\s+of|back\s+in|as\s+of)\s+$"
        r"|\b(?:mid|early|late|pre|post)-$"
    ),
    year_weak_context=(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|whose)|['’]s)\s+$"),
    year_blockers=(
        r"\b(?:article|resolution|no|nos|number|page|pages|flight|route|code|model|type|"
        r"paragraph|section|chapter|room|item|some|about|almost|nearly|over|under|than|"
        r"up\s+to|at\s+least|at\s+most|around\s+the)\.?\s+$|[$€£#]\s*$"
    ),
    month_context=(
        r"\b(?:in|since|by|until|till|from|before|after|during|through|throughout|of|on|to|"
        r"between|around|early|late|mid|end|beginning|start|middle|the|until|for)\s+$"
        r"|\bmid-$"
    ),
    dot_context=r"\b(?:on|from|until|till|since|by|before|after)\s+$",
    before_mod={"last": "prev", "next": "next", "this": "this", "coming": "next", "past": "prev"},
    after_mod={},
    recurring=r"\b(?:every|each)\s+$",
    relative=(
        (r"this\s+(?P<u>week|month|year)", "", 0),
        (r"last\s+(?P<u>week|month|year)", "", -1),
        (r"next\s+(?P<u>week|month|year)", "", 1),
        (r"yesterday", "day", -1),
        (r"tomorrow", "day", 1),
    ),
    ago=(
        r"(?P<n>[0-9]{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"
    ),
    ago_units={"day": "day", "week": "week", "month": "month", "year": "year"},
    numbers=_EN_NUMBERS,
    count_nouns=_EN_COUNTS,
    past_cues=(
        r"\b(?:said|told|was|were|did|didn't|wasn't|weren't|announced|stated|wrote|reported|"
        r"met|visited|signed|held|took|came|went|began|spoke|added|warned|insisted|explained|"
        r"noted|declared|unveiled|launched|sent|decided|hoped|argued|claimed|confirmed|asked|"
        r"welcomed|attended|arrived|returned|published|admitted|revealed|recalled|tweeted|"
        r"posted|ago|yesterday|earlier|previously|since|back\s+in)\b"
        r"|(?<!\bhas\s)(?<!\bhave\s)(?<!\bhaving\s)\bhad\b"
    ),
    future_cues=(
        r"\b(?:will|won't|shall|going\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|"
        r"slated|poised|to)\b|due\s+to|plans\s+to|planned\s+for|aims?|intends?\s+to|"
        r"hopes?\s+to|upcoming|coming|later|tomorrow|next)\b|['’]ll\b"
    ),
    stopwords=_wordset(
        "the a and of to in is that for on with as was are by it be this have from at an which "
        "has not their they will would its were been said"
    ),
    past_right_after=r"^\s+(?:[^\W\d_]{2,}ed|said|told|met|took|gave|made|sent|held|spoke|"
    r"won|lost|began|became|struck|hit)\b",
    bare_modern_years=True,
)

_ES = _Lang(
    code="es",
    months=_names(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
        "noviembre diciembre setiembre:9"
    ),
    month_abbr=_names(
        "ene:1 feb:2 mar:3 abr:4 may:5 jun:6 jul:7 ago:8 sep:9 sept:9 oct:10 nov:11 dic:12"
    ),
    weekdays=_weekdays("lunes martes miércoles jueves viernes sábado domingo miercoles:3 sabado:6"),
    canon_months=_seq(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    canon_weekdays=_seq("lunes martes miércoles jueves viernes sábado domingo"),
    capitalised=False,
    day_month=r"\s+de\s+",
    month_year=r"\s+(?:de|del)\s+",
    ordinal=r"(?:º|°)?",
    year_suffix="",
    day_join=r"\s*(?:–|—|-|y|al|a|o)\s*",
    month_join=r"\s*(?:–|—|-|,|a|y|o|hasta)\s*",
    month_first=False,
    year_context=(
        r"\b(?:en|desde|hasta|de|del|antes\s+de|después\s+de|durante|entre|año|para|"
        r"a\s+partir\s+de|principios\s+de|finales\s+de|mediados\s+de|fines\s+de)\s+$"
    ),
    year_weak_context=r"\b(?:el|la|los|las|su|sus)\s+$",
    year_blockers=r"\b(?:más\s+de|menos\s+de|unos|unas|casi|artículo|número|resolución)\s+$"
    r"|[$€£#]\s*$",
    month_context=(
        r"\b(?:en|desde|hasta|de|del|antes\s+de|después\s+de|durante|entre|para|a|"
        r"principios\s+de|finales\s+de|mediados\s+de|fines\s+de)\s+$"
    ),
    dot_context=r"\b(?:el|del|al|desde|hasta)\s+$",
    before_mod={"próximo": "next", "proximo": "next", "pasado": "prev", "este": "this"},
    after_mod={"pasado": "prev", "próximo": "next", "proximo": "next", "que viene": "next"},
    recurring=r"\b(?:los|cada|todos\s+los)\s+$",
    relative=(
        (r"esta\s+semana", "week", 0),
        (r"este\s+mes", "month", 0),
        (r"este\s+año", "year", 0),
        (r"la\s+semana\s+pasada|la\s+pasada\s+semana", "week", -1),
        (r"el\s+mes\s+pasado|el\s+pasado\s+mes", "month", -1),
        (r"el\s+año\s+pasado|el\s+pasado\s+año", "year", -1),
        (r"la\s+próxima\s+semana|la\s+semana\s+próxima|la\s+semana\s+que\s+viene", "week", 1),
        (r"el\s+próximo\s+mes|el\s+mes\s+próximo|el\s+mes\s+que\s+viene", "month", 1),
        (r"el\s+próximo\s+año|el\s+año\s+próximo|el\s+año\s+que\s+viene", "year", 1),
        (r"anteayer", "day", -2),
        (r"ayer", "day", -1),
    ),
    ago=(
        r"hace\s+(?P<n>[0-9]{1,2}|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
        r"once|doce)\s+(?P<unit>días?|semanas?|mes(?:es)?|años?)"
    ),
    ago_units={"dí": "day", "se": "week", "me": "month", "añ": "year"},
    numbers=_names(
        "un:1 una:1 uno:1 dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9 diez:10 "
        "once:11 doce:12"
    ),
    count_nouns=_ES_COUNTS,
    past_cues=(
        r"\b(?:dijo|dijeron|fue|fueron|era|eran|había|habían|hubo|ayer|anteayer|hace|"
        r"desde|[^\W\d_]{3,}(?:ó|aron|ieron))\b"
    ),
    future_cues=(
        r"\b(?:[^\W\d_]{2,}(?:rá|rán|remos|réis)|va\s+a|van\s+a|prevé|prevén|previsto|"
        r"próximo|próxima|se\s+espera|espera|esperan|hasta)\b"
    ),
    stopwords=_wordset(
        "el la los las de del que y en un una por con para se es su al lo como más pero sus "
        "le ya o este sí porque esta entre cuando muy sin sobre también"
    ),
)

_FR = _Lang(
    code="fr",
    months=_names(
        "janvier février mars avril mai juin juillet août septembre octobre "
        "novembre décembre fevrier:2 aout:8 decembre:12"
    ),
    month_abbr=_names("janv:1 févr:2 fevr:2 avr:4 juil:7 sept:9 oct:10 nov:11 déc:12 dec:12"),
    weekdays=_weekdays("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    canon_months=_seq(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
    canon_weekdays=_seq("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    capitalised=False,
    day_month=r"\s+",
    month_year=r"\s+",
    ordinal=r"(?:er|e)?",
    year_suffix="",
    day_join=r"\s*(?:–|—|-|et|au|à|ou)\s*",
    month_join=r"\s*(?:–|—|-|,|à|et|ou|jusqu'à)\s*",
    month_first=False,
    year_context=(
        r"(?:\b(?:en|depuis|avant|après|pendant|dès|fin|début|mi|entre|année|an|d'ici|"
        r"jusqu'en|à\s+partir\s+de)\s+$|\bmi-$)"
    ),
    year_weak_context=r"\b(?:le|la|les|l'|son|sa|leur)\s*$",
    year_blockers=r"\b(?:plus\s+de|moins\s+de|environ|article|numéro|résolution)\s+$|[$€£#]\s*$",
    month_context=r"\b(?:en|depuis|avant|après|pendant|dès|fin|début|mi|de|d'|jusqu'en)\s*$",
    dot_context=r"\b(?:le|du|au|depuis)\s+$",
    before_mod={"prochain": "next", "dernier": "prev", "ce": "this"},
    after_mod={"prochain": "next", "dernier": "prev"},
    recurring=r"\b(?:tous\s+les|chaque|les)\s+$",
    relative=(
        (r"cette\s+semaine", "week", 0),
        (r"ce\s+mois(?:-ci)?", "month", 0),
        (r"cette\s+année", "year", 0),
        (r"la\s+semaine\s+(?:dernière|passée)", "week", -1),
        (r"le\s+mois\s+(?:dernier|passé)", "month", -1),
        (r"l['’](?:année\s+(?:dernière|passée)|an\s+dernier)", "year", -1),
        (r"la\s+semaine\s+prochaine", "week", 1),
        (r"le\s+mois\s+prochain", "month", 1),
        (r"l['’](?:année|an)\s+prochaine?", "year", 1),
        (r"avant-hier", "day", -2),
        (r"hier", "day", -1),
        (r"demain", "day", 1),
    ),
    ago=(
        r"il\s+y\s+a\s+(?P<n>[0-9]{1,2}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
        r"onze|douze)\s+(?P<unit>jours?|semaines?|mois|ans|années?)"
    ),
    ago_units={"jo": "day", "se": "week", "mo": "month", "an": "year"},
    numbers=_names(
        "un:1 une:1 deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10 onze:11 "
        "douze:12"
    ),
    count_nouns=r"soldats|militaires|personnes|euros?|dollars|km|kilomètres|chars|missiles|"
    r"projets|membres|fois|heures|jours|mois|ans|millions|milliards|hommes",
    past_cues=(
        r"\b(?:était|étaient|avait|avaient|fut|furent|hier|a\s+(?:dit|déclaré|annoncé|affirmé|"
        r"indiqué|signé)|ont\s+(?:dit|déclaré|annoncé|signé)|depuis|il\s+y\s+a)\b"
    ),
    future_cues=(
        r"\b(?:sera|seront|aura|auront|va|vont|devra|devront|prochain|prochaine|"
        r"[^\W\d_]{2,}(?:ra|ront|rons))\b"
    ),
    stopwords=_wordset(
        "le la les des du de et en un une est que pour dans sur pas vous qui au aux ce cette il "
        "elle ne se ses son par plus avec l d qu"
    ),
)

_DE = _Lang(
    code="de",
    months=_names(
        "januar februar märz april mai juni juli august september oktober "
        "november dezember jänner:1 maerz:3"
    ),
    month_abbr=_names(
        "jan:1 feb:2 mär:3 apr:4 jun:6 jul:7 aug:8 sep:9 sept:9 okt:10 nov:11 dez:12"
    ),
    weekdays=_weekdays("montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend:6"),
    canon_months=_seq(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    ),
    canon_weekdays=_seq("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"),
    capitalised=False,
    day_month=r"\s+",
    month_year=r"\s+",
    ordinal=r"\.?",
    year_suffix="",
    day_join=r"\s*(?:–|—|-|und|bis|oder)\s*",
    month_join=r"\s*(?:–|—|-|,|bis|und|oder)\s*",
    month_first=False,
    year_context=(
        r"\b(?:im\s+jahr|im\s+jahre|seit|bis|vor|nach|ab|zwischen|anfang|ende|mitte|jahr|"
        r"von)\s+$|\bmitte-$"
    ),
    year_weak_context=r"\b(?:der|die|das|dem|den|des)\s+$",
    year_blockers=r"\b(?:mehr\s+als|weniger\s+als|rund|etwa|artikel|nummer|resolution)\s+$"
    r"|[$€£#]\s*$",
    month_context=r"\b(?:im|seit|bis|vor|nach|ab|anfang|ende|mitte|von|zum)\s+$",
    dot_context=r"\b(?:am|vom|bis\s+zum|seit\s+dem|zum)\s+$",
    before_mod={
        "letzten": "prev",
        "vergangenen": "prev",
        "nächsten": "next",
        "kommenden": "next",
        "diesen": "this",
    },
    after_mod={},
    recurring=r"\b(?:jeden|jeder)\s+$",
    relative=(
        (r"diese[rn]?\s+woche", "week", 0),
        (r"diese[nm]\s+monat", "month", 0),
        (r"dieses?\s+jahr|diesem\s+jahr", "year", 0),
        (r"(?:letzte|letzten|vergangene|vergangenen)\s+woche", "week", -1),
        (r"(?:letzten|vergangenen)\s+monat", "month", -1),
        (r"(?:letztes|letzten|vergangenes|vergangenen)\s+jahr", "year", -1),
        (r"(?:nächste|nächsten|kommende|kommenden)\s+woche", "week", 1),
        (r"(?:nächsten|kommenden)\s+monat", "month", 1),
        (r"(?:nächstes|nächsten|kommendes|kommenden)\s+jahr", "year", 1),
        (r"vorgestern", "day", -2),
        (r"gestern", "day", -1),
    ),
    ago=(
        r"vor\s+(?P<n>[0-9]{1,2}|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|"
        r"zehn|elf|zwölf)\s+(?P<unit>tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    ),
    ago_units={"ta": "day", "wo": "week", "mo": "month", "ja": "year"},
    numbers=_names(
        "einem:1 einer:1 zwei:2 drei:3 vier:4 fünf:5 sechs:6 sieben:7 acht:8 neun:9 zehn:10 "
        "elf:11 zwölf:12"
    ),
    count_nouns=r"soldaten|menschen|personen|euro|dollar|km|kilometer|panzer|raketen|projekte|"
    r"mitglieder|mal|stunden|tage|monate|jahre|millionen|milliarden",
    past_cues=r"\b(?:sagte|sagten|war|waren|hatte|hatten|wurde|wurden|gestern|erklärte|"
    r"teilte|kündigte|seit)\b",
    future_cues=(
        r"\b(?:wird|werden|soll|sollen|will|wollen|möchte|möchten|plant|planen|geplant|"
        r"vorgesehen|beabsichtigt|kommende[nrsm]?|nächste[nrsm]?)\b"
    ),
    stopwords=_wordset(
        "der die das und ist nicht mit den von zu ein eine auf für sich dem des im auch es "
        "wird werden sie bei als"
    ),
)

_IT = _Lang(
    code="it",
    months=_names(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
        "ottobre novembre dicembre"
    ),
    month_abbr=_names("gen:1 feb:2 apr:4 mag:5 giu:6 lug:7 ago:8 set:9 ott:10 nov:11 dic:12"),
    weekdays=_weekdays(
        "lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi:1 "
        "martedi:2 mercoledi:3 giovedi:4 venerdi:5"
    ),
    canon_months=_seq(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre"
    ),
    canon_weekdays=_seq("lunedì martedì mercoledì giovedì venerdì sabato domenica"),
    capitalised=False,
    day_month=r"\s+",
    month_year=r"\s+(?:del\s+)?",
    ordinal=r"(?:º|°)?",
    year_suffix="",
    day_join=r"\s*(?:–|—|-|e|al|o)\s*",
    month_join=r"\s*(?:–|—|-|,|a|e|o)\s*",
    month_first=False,
    year_context=(
        r"\b(?:nel|dal|al|del|fino\s+al|entro\s+il|prima\s+del|dopo\s+il|durante\s+il|anno|"
        r"tra\s+il|fra\s+il|a\s+partire\s+dal|inizio|fine|metà)\s+$"
    ),
    year_weak_context=r"\b(?:il|lo|la|i|gli|le)\s+$",
    year_blockers=r"\b(?:più\s+di|meno\s+di|circa|articolo|numero|risoluzione)\s+$"
    r"|[$€£#]\s*$",
    month_context=r"\b(?:a|in|da|dal|fino\s+a|entro|inizio|fine|metà|di)\s+$",
    dot_context=r"\b(?:il|dal|al|entro\s+il)\s+$",
    before_mod={"prossimo": "next", "scorso": "prev", "questo": "this"},
    after_mod={"prossimo": "next", "scorso": "prev"},
    recurring=r"\b(?:ogni|tutti\s+i)\s+$",
    relative=(
        (r"questa\s+settimana", "week", 0),
        (r"questo\s+mese", "month", 0),
        (r"quest['’]anno", "year", 0),
        (r"la\s+settimana\s+scorsa|la\s+scorsa\s+settimana", "week", -1),
        (r"il\s+mese\s+scorso|lo\s+scorso\s+mese", "month", -1),
        (r"l['’]anno\s+scorso|lo\s+scorso\s+anno", "year", -1),
        (r"la\s+prossima\s+settimana|la\s+settimana\s+prossima", "week", 1),
        (r"il\s+prossimo\s+mese|il\s+mese\s+prossimo", "month", 1),
        (r"il\s+prossimo\s+anno|l['’]anno\s+prossimo", "year", 1),
        (r"ieri", "day", -1),
        (r"domani", "day", 1),
    ),
    ago=(
        r"(?P<n>[0-9]{1,2}|un|uno|una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|"
        r"undici|dodici)\s+(?P<unit>giorni|giorno|settimane?|mesi|mese|anni|anno)\s+fa"
    ),
    ago_units={"gi": "day", "se": "week", "me": "month", "an": "year"},
    numbers=_names(
        "un:1 uno:1 una:1 due:2 tre:3 quattro:4 cinque:5 sei:6 sette:7 otto:8 nove:9 dieci:10 "
        "undici:11 dodici:12"
    ),
    count_nouns=r"soldati|militari|persone|euro|dollari|km|chilometri|carri|missili|progetti|"
    r"membri|volte|ore|giorni|mesi|anni|milioni|miliardi",
    past_cues=r"\b(?:disse|detto|era|erano|fu|furono|aveva|avevano|ieri|fa|dal|"
    r"[^\W\d_]{3,}ò)\b",
    future_cues=r"\b(?:[^\W\d_]{2,}(?:rà|ranno)|prossimo|prossima)\b",
    stopwords=_wordset(
        "il lo la gli le di del della che e un una per con non sono è nel nella dei al alla "
        "da anche più l"
    ),
)

_PT = _Lang(
    code="pt",
    months=_names(
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro "
        "novembro dezembro marco:3"
    ),
    month_abbr=_names("jan:1 fev:2 abr:4 mai:5 jun:6 jul:7 ago:8 set:9 out:10 nov:11 dez:12"),
    weekdays=_weekdays(
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira "
        "sábado domingo terca-feira:2 sabado:6"
    ),
    canon_months=_seq(
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
    ),
    canon_weekdays=_seq(
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"
    ),
    capitalised=False,
    day_month=r"\s+de\s+",
    month_year=r"\s+de\s+",
    ordinal=r"(?:º|°)?",
    year_suffix="",
    day_join=r"\s*(?:–|—|-|e|a|ou)\s*",
    month_join=r"\s*(?:–|—|-|,|a|e|ou|até)\s*",
    month_first=False,
    year_context=(
        r"\b(?:em|desde|até|de|do|antes\s+de|depois\s+de|durante|entre|ano|"
        r"a\s+partir\s+de|início\s+de|final\s+de|meados\s+de)\s+$"
    ),
    year_weak_context=r"\b(?:o|a|os|as)\s+$",
    year_blockers=r"\b(?:mais\s+de|menos\s+de|cerca\s+de|artigo|número|resolução)\s+$"
    r"|[$€£#]\s*$",
    month_context=r"\b(?:em|desde|até|de|antes\s+de|depois\s+de|durante|no\s+início\s+de)\s+$",
    dot_context=r"\b(?:em|no\s+dia|até|desde)\s+$",
    before_mod={"próximo": "next", "passado": "prev", "este": "this"},
    after_mod={"passado": "prev", "próximo": "next", "que vem": "next"},
    recurring=r"\b(?:todas\s+as|todos\s+os|às|aos)\s+$",
    relative=(
        (r"esta\s+semana", "week", 0),
        (r"este\s+mês", "month", 0),
        (r"este\s+ano", "year", 0),
        (r"(?:a\s+)?semana\s+passada", "week", -1),
        (r"(?:o\s+)?mês\s+passado", "month", -1),
        (r"(?:o\s+)?ano\s+passado", "year", -1),
        (r"(?:a\s+)?próxima\s+semana|semana\s+que\s+vem", "week", 1),
        (r"(?:o\s+)?próximo\s+mês|mês\s+que\s+vem", "month", 1),
        (r"(?:o\s+)?próximo\s+ano|ano\s+que\s+vem", "year", 1),
        (r"anteontem", "day", -2),
        (r"ontem", "day", -1),
        (r"amanhã", "day", 1),
    ),
    ago=(
        r"há\s+(?P<n>[0-9]{1,2}|um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|"
        r"onze|doze)\s+(?P<unit>dias?|semanas?|m[eê]s(?:es)?|anos?)"
    ),
    ago_units={"di": "day", "se": "week", "me": "month", "mê": "month", "an": "year"},
    numbers=_names(
        "um:1 uma:1 dois:2 duas:2 três:3 quatro:4 cinco:5 seis:6 sete:7 oito:8 nove:9 dez:10 "
        "onze:11 doze:12"
    ),
    count_nouns=r"soldados|militares|pessoas|euros?|dólares|km|quilômetros|tanques|mísseis|"
    r"projetos|membros|vezes|horas|dias|meses|anos|milhões|bilhões",
    past_cues=r"\b(?:disse|disseram|foi|foram|era|eram|tinha|tinham|ontem|há|desde|"
    r"[^\W\d_]{3,}(?:ou|aram|eram|iram))\b",
    future_cues=r"\b(?:[^\W\d_]{2,}(?:rá|rão)|vai|vão|próximo|próxima)\b",
    stopwords=_wordset(
        "o a os as de do da dos das e em um uma para com não que se no na por mais ao foi "
        "é são pelo pela também"
    ),
)

_RU_MONTHS = (
    "январь января январе январю",
    "февраль февраля феврале февралю",
    "март марта марте марту",
    "апрель апреля апреле апрелю",
    "май мая мае маю",
    "июнь июня июне июню",
    "июль июля июле июлю",
    "август августа августе августу",
    "сентябрь сентября сентябре сентябрю",
    "октябрь октября октябре октябрю",
    "ноябрь ноября ноябре ноябрю",
    "декабрь декабря декабре декабрю",
)

_RU = _Lang(
    code="ru",
    months=_grouped(_RU_MONTHS),
    month_abbr=_names("янв:1 фев:2 мар:3 апр:4 авг:8 сент:9 окт:10 нояб:11 дек:12"),
    weekdays=_grouped(
        ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
    ),
    canon_months=_seq(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ),
    canon_weekdays=_seq("понедельник вторник среду четверг пятницу субботу воскресенье"),
    capitalised=False,
    day_month=r"\s+",
    month_year=r"\s+",
    ordinal="",
    year_suffix=r"(?:\s+(?:года|году|год|г\.))?",
    day_join=r"\s*(?:–|—|-|и|по)\s*",
    month_join=r"\s*(?:–|—|-|,|и|по|до)\s*",
    month_first=False,
    year_context=r"\b(?:в|с|до|после|к|по|между|начале|конце|середине|году|года)\s+$",
    year_weak_context=r"(?!)",
    year_blockers=r"\b(?:более|менее|около|статья|номер|резолюция)\s+$|[$€£#]\s*$",
    month_context=r"\b(?:в|с|до|после|к|по|начале|конце|середине)\s+$",
    dot_context=r"\b(?:с|по|до|к)\s+$",
    before_mod={
        "прошлый": "prev",
        "следующий": "next",
        "этот": "this",
        "прошлую": "prev",
        "следующую": "next",
        "эту": "this",
    },
    after_mod={},
    recurring=r"\b(?:каждый|каждую|по)\s+$",
    relative=(
        (r"на\s+этой\s+неделе", "week", 0),
        (r"в\s+этом\s+месяце", "month", 0),
        (r"в\s+этом\s+году", "year", 0),
        (r"на\s+прошлой\s+неделе", "week", -1),
        (r"в\s+прошлом\s+месяце", "month", -1),
        (r"в\s+прошлом\s+году", "year", -1),
        (r"на\s+следующей\s+неделе", "week", 1),
        (r"в\s+следующем\s+месяце", "month", 1),
        (r"в\s+следующем\s+году", "year", 1),
        (r"позавчера", "day", -2),
        (r"вчера", "day", -1),
        (r"завтра", "day", 1),
    ),
    ago=(
        r"(?P<n>[0-9]{1,2}|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|"
        r"десять)\s+(?P<unit>дн(?:я|ей)|день|недел[юьи]|месяц(?:а|ев)?|год(?:а)?|лет)\s+назад"
    ),
    ago_units={"дн": "day", "де": "day", "не": "week", "ме": "month", "го": "year", "ле": "year"},
    numbers=_names(
        "один:1 одну:1 два:2 две:2 три:3 четыре:4 пять:5 шесть:6 семь:7 восемь:8 девять:9 десять:10"
    ),
    count_nouns=r"солдат|военных|человек|евро|долларов|км|километров|танков|ракет|проектов|"
    r"раз|часов|дней|месяцев|лет|млн|млрд|миллионов|миллиардов",
    past_cues=r"(?:\b(?:сказал[аио]?|заявил[аио]?|был[аио]?|вчера|назад|с\s+тех\s+пор)\b|"
    r"[^\W\d_]{3,}(?:ал|ял|ил|ел)[аио]?\b)",
    future_cues=r"\b(?:будет|будут|планирует|планируют|намерен[аы]?|следующ[^\W\d_]*)\b",
    stopwords=_wordset(
        "и в не на что с по это как из к для он она они но от за же так о также уже был было"
    ),
)

_TABLES: dict[str, _Lang] = {t.code: t for t in (_EN, _ES, _FR, _DE, _IT, _PT, _RU)}


# ---------------------------------------------------------------------------
# Compiled patterns, built once per language.
# ---------------------------------------------------------------------------

_DAY = r"(?<![0-9.,:/])(?:0?[1-9]|[12][0-9]|3[01])"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _named(words: Iterable[str], capitalised: bool) -> str:
    """An alternation that, for English, only takes capitalised names."""
    body = _alternation(w[0].upper() + w[1:] for w in words) if capitalised else _alternation(words)
    return f"(?-i:{body})" if capitalised else f"(?:{body})"


@dataclass(frozen=True)
class _Patterns:
    dmy: re.Pattern[str]
    mdy: re.Pattern[str] | None
    month_range: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: tuple[tuple[re.Pattern[str], str, int], ...]
    ago: re.Pattern[str]
    year_context: re.Pattern[str]
    year_weak: re.Pattern[str]
    year_blockers: re.Pattern[str]
    count_after: re.Pattern[str]
    month_context: re.Pattern[str]
    dot_context: re.Pattern[str]
    recurring: re.Pattern[str]
    past: re.Pattern[str]
    future: re.Pattern[str]
    past_right_after: re.Pattern[str]


_FLAGS = re.IGNORECASE


@cache
def _patterns(code: str) -> _Patterns:
    t = _TABLES[code]
    cap = t.capitalised
    full = _named(t.months, cap)
    abbr = _named(t.month_abbr, cap) + r"\.?"
    month = f"(?:{full}|{abbr})(?![^\\W\\d_])"
    wd = _named(t.weekdays, cap) + r"(?![^\W\d_])"
    ordinal = t.ordinal + r"(?![^\W\d_])"
    year = f"(?P<y>{_YEAR})(?![0-9]|[.,][0-9]){t.year_suffix}"
    dmy = (
        f"(?:(?P<wd>{wd})\\s*,?\\s+(?:the\\s+)?)?"
        f"(?P<d1>{_DAY}){ordinal}"
        f"(?:(?P<join>{t.day_join})(?P<d2>{_DAY}){ordinal})?"
        f"{t.day_month}(?P<mon>{month})"
        f"(?:{t.month_year}{year})?"
    )
    mdy = None
    if t.month_first:
        mdy = re.compile(
            f"(?:(?P<wd>{wd})\\s*,?\\s+)?(?P<mon>{month})\\s+"
            f"(?P<d1>{_DAY}){ordinal}(?![0-9]|[.,:][0-9])"
            f"(?:(?P<join>\\s*(?:–|—|-)\\s*)(?P<d2>{_DAY}){ordinal}(?![0-9]|[.,:][0-9]))?"
            f"(?:,?\\s+{year})?",
            _FLAGS,
        )
    month_range = f"(?P<mon1>{full})(?P<join>{t.month_join})(?P<mon>{full}){t.month_year}{year}"
    mods_before = _alternation(t.before_mod)
    mods_after = _alternation(t.after_mod) if t.after_mod else "(?!)"
    single_month = (
        f"(?:(?P<mod>{mods_before})\\s+)?(?P<mon>{full})(?![^\\W\\d_])"
        f"(?:\\s+(?P<after>{mods_after})(?![^\\W\\d_]))?"
    )
    weekday = (
        f"(?:(?P<mod>{mods_before})\\s+)?(?P<wd>{wd})(?P<plural>s)?(?![^\\W\\d_])"
        f"(?:\\s+(?P<after>{mods_after})(?![^\\W\\d_]))?"
    )
    return _Patterns(
        dmy=re.compile(dmy, _FLAGS),
        mdy=mdy,
        month_range=re.compile(month_range, _FLAGS),
        month_year=re.compile(f"(?P<mon>{month}){t.month_year}{year}", _FLAGS),
        month=re.compile(single_month, _FLAGS),
        weekday=re.compile(weekday, _FLAGS),
        relative=tuple(
            (re.compile(rf"(?<![^\W\d_])(?:{p})(?![^\W\d_])", _FLAGS), unit, off)
            for p, unit, off in t.relative
        ),
        ago=re.compile(rf"(?<![^\W\d_]){t.ago}(?![^\W\d_])", _FLAGS),
        year_context=re.compile(f"(?:{t.year_context})", _FLAGS),
        year_weak=re.compile(f"(?:{t.year_weak_context})", _FLAGS),
        year_blockers=re.compile(f"(?:{t.year_blockers})", _FLAGS),
        count_after=re.compile(rf"^\s*-?\s*(?:%|(?:{t.count_nouns})(?![^\W\d_]))", _FLAGS),
        month_context=re.compile(f"(?:{t.month_context})", _FLAGS),
        dot_context=re.compile(f"(?:{t.dot_context})", _FLAGS),
        recurring=re.compile(f"(?:{t.recurring})", _FLAGS),
        past=re.compile(t.past_cues, _FLAGS),
        future=re.compile(t.future_cues, _FLAGS),
        past_right_after=re.compile(t.past_right_after, _FLAGS),
    )


_ISO = re.compile(r"(?<![0-9.\-/])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9]|-[0-9])")
_NUMERIC = re.compile(
    r"(?<![0-9.,/])(?P<a>[0-9]{1,2})(?P<sep>[./])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    r"(?![0-9]|[./][0-9])"
)
_DOTTED = re.compile(r"(?<![0-9.,/:])(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{2})(?![0-9]|\.?[0-9]|:[0-9])")
_YEAR_RE = re.compile(
    rf"(?<![0-9.,'’/:])(?P<y>{_YEAR})(?![0-9]|[.,][0-9]|\s*%|s\b)"  # not "the 1990s"
)
_YEAR_RANGE = re.compile(
    rf"(?<![0-9.,/:])(?P<y>{_YEAR})\s*(?:–|—|-)\s*(?P<y2>{_YEAR}|[0-9]{{2}})(?![0-9]|[.,][0-9])"
)
_YEAR_LINK = re.compile(
    r"^\s*(?:,|and|or|to|until|till|through|y|o|a|hasta|et|ou|und|bis|"
    r"oder|e|и|по|–|—|-)\s*$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Language guess and sentences.
# ---------------------------------------------------------------------------


@cache
def _stopword_weights() -> dict[str, dict[str, float]]:
    """A stop word shared by n languages ("la", "de") counts 1/n for each of them."""
    shared: dict[str, int] = {}
    for t in _TABLES.values():
        for word in t.stopwords:
            shared[word] = shared.get(word, 0) + 1
    return {code: {w: 1 / shared[w] for w in t.stopwords} for code, t in _TABLES.items()}


def _language_scores(text: str) -> tuple[dict[str, float], int, int]:
    words = _WORD_RE.findall(text.lower())
    cyrillic = sum(1 for w in words if _CYRILLIC.match(w))
    weights = _stopword_weights()
    scores = {code: sum(weights[code].get(w, 0.0) for w in words) for code in _TABLES}
    return scores, len(words), cyrillic


def detect_language(text: str) -> str:
    """Guess the language from stop words (and script for Russian); English by default.

    Dates are read with the document's own language only, so that Spanish "tu"
    or "mar" are never read as dates in an English article and vice versa.
    """
    scores, total, cyrillic = _language_scores(text)
    if total and cyrillic * 2 > total:
        return "ru"
    best = max(LANGUAGES, key=lambda code: (scores[code], code == "en"))
    return best if scores[best] > 0 else "en"


def _paragraph_language(text: str, document: str) -> str:
    """A paragraph clearly in another language (a quotation) is read in its own."""
    scores, total, cyrillic = _language_scores(text)
    if total < 8:
        return document
    if cyrillic * 2 > total:
        return "ru"
    best = max(LANGUAGES, key=lambda code: scores[code])
    if best != document and scores[best] >= 3 and scores[best] >= 2 * scores[document] + 1:
        return best
    return document


def _is_month(word: str) -> bool:
    key = word.lower()
    return any(key in t.months for t in _TABLES.values())


_ABBREVIATIONS = _wordset(
    "mr mrs ms dr prof gen lt col sgt capt cmdr adm maj sen rep gov pres st mt no nos vs etc "
    "e.g i.e jr sr inc corp ltd co art arts p pp approx fig jan feb mar apr jun jul aug sep "
    "sept oct nov dec sra sres srs dña hr fr mme mlle vol ed eds dept univ ca cf al"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_OPENERS = "\"'“‘«([¿¡—–- "


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
            next_word = _WORD_RE.match(rest)
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


# ---------------------------------------------------------------------------
# Candidates.
# ---------------------------------------------------------------------------

# How a candidate is resolved. ABSOLUTE needs no publication date; the rest do.
_ABSOLUTE, _DAY_MONTH, _MONTH, _WEEKDAY, _RELATIVE = "abs", "dm", "month", "weekday", "rel"


@dataclass
class _Piece:
    """One date a candidate contributes (a range gives two)."""

    start: int
    end: int
    kind: str
    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None  # prev / next / this, written in the mention itself
    query: str | None = None  # relative phrases: the text dateparser reads
    unit: str | None = None
    offset: int = 0


@dataclass
class _Candidate:
    start: int
    end: int
    pieces: list[_Piece]
    lang: str
    rank: int = 0  # tie-break between equally long matches: lower wins


def _month_no(t: _Lang, word: str) -> int | None:
    key = word.lower().rstrip(".")
    return t.months.get(key) or t.month_abbr.get(key)


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _dm_candidates(text: str, t: _Lang, p: _Patterns, lo: int, hi: int) -> list[_Candidate]:
    """Day-month(-year) forms, either order, with ranges split into their endpoints."""
    out: list[_Candidate] = []
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
            kind = _ABSOLUTE if year else _DAY_MONTH
            start = m.start()
            if d2 is None:
                pieces = [_Piece(start, m.end(), kind, Precision.DAY, year, mon, d1)]
            elif d2 <= d1:
                continue
            else:
                month_first = m.start("mon") < m.start("d1")
                first_end = m.end("d1")
                pieces = [
                    _Piece(start, first_end, kind, Precision.DAY, year, mon, d1),
                    _Piece(m.start("d2"), m.end(), kind, Precision.DAY, year, mon, d2),
                ]
                if not month_first:
                    pieces[0].start = m.start("wd") if m.group("wd") else m.start("d1")
            out.append(_Candidate(start, m.end(), pieces, t.code, rank))
    return out


def _month_candidates(text: str, t: _Lang, p: _Patterns, lo: int, hi: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in p.month_year.finditer(text, lo, hi):
        mon = _month_no(t, m.group("mon"))
        if mon:
            piece = _Piece(m.start(), m.end(), _ABSOLUTE, Precision.MONTH, int(m.group("y")), mon)
            out.append(_Candidate(m.start(), m.end(), [piece], t.code, 1))
    for m in p.month_range.finditer(text, lo, hi):
        m1, m2 = _month_no(t, m.group("mon1")), _month_no(t, m.group("mon"))
        if m1 and m2 and m1 < m2:
            y = int(m.group("y"))
            out.append(
                _Candidate(
                    m.start(),
                    m.end(),
                    [
                        _Piece(m.start("mon1"), m.end("mon1"), _ABSOLUTE, Precision.MONTH, y, m1),
                        _Piece(m.start("mon"), m.end(), _ABSOLUTE, Precision.MONTH, y, m2),
                    ],
                    t.code,
                    1,
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
        context = context or bool(_POSSESSIVE_AFTER.match(text[m.end() : m.end() + 3]))
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
        piece = _Piece(start, m.end(), _MONTH, Precision.MONTH, month=mon, direction=direction)
        out.append(_Candidate(start, m.end(), [piece], t.code, 2))
    return out


def _month_link(gap: str, t: _Lang) -> bool:
    return bool(re.fullmatch(t.month_join, gap, re.IGNORECASE)) and len(gap) <= 6


def _weekday_candidates(text: str, t: _Lang, p: _Patterns, lo: int, hi: int) -> list[_Candidate]:
    out: list[_Candidate] = []
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
        piece = _Piece(start, m.end(), _WEEKDAY, Precision.DAY, weekday=wd, direction=direction)
        out.append(_Candidate(start, m.end(), [piece], t.code, 3))
    return out


def _relative_candidates(text: str, t: _Lang, p: _Patterns, lo: int, hi: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    for pattern, unit, offset in p.relative:
        for m in pattern.finditer(text, lo, hi):
            u = unit or m.group("u").lower()
            if t.code == "en" and re.search(
                r"\b(?:the|over|within|during|throughout)\s+$",
                _before(text, m.start()),
                re.IGNORECASE,
            ):
                continue  # "the last week of", "over the next year": a stretch, not a date
            piece = _Piece(
                m.start(), m.end(), _RELATIVE, _UNITS[u], query=m.group(0), unit=u, offset=offset
            )
            out.append(_Candidate(m.start(), m.end(), [piece], t.code, 4))
    for m in p.ago.finditer(text, lo, hi):
        n_word = m.group("n").lower()
        n = int(n_word) if n_word.isdigit() else t.numbers.get(n_word)
        unit_word = m.group("unit").lower()
        unit = next((u for prefix, u in t.ago_units.items() if unit_word.startswith(prefix)), None)
        if n is None or unit is None:
            continue
        query = text[m.start() : m.start("n")] + str(n) + text[m.end("n") : m.end()]
        piece = _Piece(
            m.start(), m.end(), _RELATIVE, _UNITS[unit], query=query, unit=unit, offset=-n
        )
        out.append(_Candidate(m.start(), m.end(), [piece], t.code, 4))
    return out


def _year_candidates(
    text: str, t: _Lang, p: _Patterns, lo: int, hi: int, sentence_starts: set[int]
) -> list[_Candidate]:
    """Bare years, kept only where the words around make them years, not figures."""
    out: list[_Candidate] = []
    for m in _YEAR_RANGE.finditer(text, lo, hi):
        y1 = int(m.group("y"))
        raw = m.group("y2")
        y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
        if not y1 < y2 <= y1 + 100:
            continue
        if p.count_after.match(text[m.end() : m.end() + 20]):
            continue
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                [
                    _Piece(m.start("y"), m.end("y"), _ABSOLUTE, Precision.YEAR, y1),
                    _Piece(m.start("y2"), m.end("y2"), _ABSOLUTE, Precision.YEAR, y2),
                ],
                t.code,
                5,
            )
        )
    found: list[tuple[re.Match[str], bool]] = []
    for m in _YEAR_RE.finditer(text, lo, hi):
        year = int(m.group("y"))
        before = _before(text, m.start())
        after = text[m.end() : m.end() + 24]
        if p.year_blockers.search(before) or p.count_after.match(after):
            found.append((m, False))
            continue
        ok = bool(p.year_context.search(before))
        modern = 1900 <= year <= 2099
        if not ok and modern:
            ok = bool(p.year_weak.search(before)) or bool(_POSSESSIVE_AFTER.match(after))
            ok = ok or (before.endswith("(") and after.startswith(")"))
            ok = ok or (m.start() in sentence_starts and not after.startswith(","))
            ok = ok or t.bare_modern_years
        found.append((m, ok))
    # "in 2008, 2014 and 2022": a year joined to an accepted one is one too.
    changed = True
    while changed:
        changed = False
        for i in range(1, len(found)):
            (prev, prev_ok), (cur, cur_ok) = found[i - 1], found[i]
            linked = _YEAR_LINK.match(text[prev.end() : cur.start()])
            counted = p.count_after.match(text[cur.end() : cur.end() + 24])
            if prev_ok and not cur_ok and linked and not counted:
                found[i] = (cur, True)
                changed = True
    for m, ok in found:
        if ok:
            piece = _Piece(m.start(), m.end(), _ABSOLUTE, Precision.YEAR, int(m.group("y")))
            out.append(_Candidate(m.start(), m.end(), [piece], t.code, 6))
    return out


def _numeric_candidates(text: str, t: _Lang, p: _Patterns, lo: int, hi: int) -> list[_Candidate]:
    """ISO dates, 21.03.2022 / 21/03/2022, and "on 14.06" where the context says date."""
    out: list[_Candidate] = []
    for m in _ISO.finditer(text, lo, hi):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                [_Piece(m.start(), m.end(), _ABSOLUTE, Precision.DAY, y, mo, d)],
                t.code,
                0,
            )
        )
    for m in _NUMERIC.finditer(text, lo, hi):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if m.group("sep") == "/" and t.code == "en":
            if a <= 12 and b <= 12 and a != b:
                continue  # 03/04/2021: American or European? Not guessed.
            if b > 12:
                a, b = b, a
        d, mo = a, b
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                [_Piece(m.start(), m.end(), _ABSOLUTE, Precision.DAY, y, mo, d)],
                t.code,
                0,
            )
        )
    for m in _DOTTED.finditer(text, lo, hi):
        if not p.dot_context.search(_before(text, m.start())):
            continue
        d, mo = int(m.group("d")), int(m.group("m"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                [_Piece(m.start(), m.end(), _DAY_MONTH, Precision.DAY, None, mo, d)],
                t.code,
                0,
            )
        )
    return out


# ---------------------------------------------------------------------------
# Tense and resolution.
# ---------------------------------------------------------------------------

_STATEMENT_BREAK = re.compile(r";|:(?![0-9])")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”«»]|\s[—–-]\s")
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|to|will|would)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _cues(sentence: str, p: _Patterns) -> list[tuple[int, int, str]]:
    out = []
    for m in p.past.finditer(sentence):
        if _PASSIVE_BEFORE.search(sentence[max(0, m.start() - 20) : m.start()]):
            continue  # "will be held", "to be published": not a past event
        out.append((m.start(), m.end(), "past"))
    out.extend((m.start(), m.end(), "future") for m in p.future.finditer(sentence))
    return out


def _tense(sentence: str, start: int, end: int, p: _Patterns) -> str | None:
    """Past or future, from the nearest tense word: first a past verb right after the
    mention, then the mention's own clause, then the rest of its half of the sentence
    (a semicolon or colon starts a statement with a tense of its own). None when
    nothing gives a hint."""
    if p.past_right_after.match(sentence[end : end + 40]):
        return "past"
    halves = [0, *(m.end() for m in _STATEMENT_BREAK.finditer(sentence)), len(sentence)]
    low = max(b for b in halves if b <= start)
    high = min((b for b in halves if b >= end), default=len(sentence))
    cues = [c for c in _cues(sentence, p) if (c[1] <= start or c[0] >= end) and low <= c[0] < high]
    if not cues:
        return None
    breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    left = max((b for b in breaks if b <= start), default=0)
    right = min((b for b in breaks if b >= end), default=len(sentence))

    def distance(c: tuple[int, int, str]) -> tuple[int, int]:
        gap = start - c[1] if c[1] <= start else c[0] - end
        return (gap, 0 if c[1] <= start else 1)

    in_clause = [c for c in cues if c[0] >= left and c[1] <= right]
    return min(in_clause or cues, key=distance)[2]


_REFERENCE = date(2000, 1, 1)  # base for absolute dates: every part is written anyway


@lru_cache(maxsize=8192)
def _read(query: str, lang: str, base: date, prefer: str, parts: tuple[str, ...]) -> date | None:
    """dateparser on one candidate, cached per (candidate, base)."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if parts:
        settings["REQUIRE_PARTS"] = list(parts)
    import dateparser  # loaded on first use: it costs 80 ms at start-up

    try:
        result = dateparser.parse(query, languages=[lang], settings=settings)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError):
        return None  # a candidate dateparser cannot read is simply not a date
    return result.date() if result is not None else None


def _english_relative(unit: str, offset: int) -> str:
    if offset == 0:
        return "today" if unit == "day" else f"this {unit}"
    if unit == "day" and abs(offset) == 1:
        return "yesterday" if offset < 0 else "tomorrow"
    if abs(offset) == 1:
        return f"{'last' if offset < 0 else 'next'} {unit}"
    return f"{abs(offset)} {unit}s {'ago' if offset < 0 else 'from now'}"


def _shift(base: date, days: int) -> date:
    try:
        return base + timedelta(days=days)
    except OverflowError:
        return base


def _first_of_month(d: date) -> date:
    return d.replace(day=1)


def _resolve(
    piece: _Piece, t: _Lang, published: date | None, tense: str | None
) -> PartialDate | None:
    lang = t.code
    if piece.kind == _ABSOLUTE:
        return _resolve_absolute(piece, t)
    if published is None:
        return None
    p = published
    if piece.kind == _RELATIVE:
        assert piece.query is not None and piece.unit is not None
        value = _read(piece.query, lang, p, "past", ())
        if value is None:  # dateparser lacks some idioms ("el año que viene"); the pattern
            # already says what it means, so read that in dateparser's English
            value = _read(_english_relative(piece.unit, piece.offset), "en", p, "past", ())
        if value is None:
            return None
        return PartialDate(value, piece.precision)
    if piece.kind == _DAY_MONTH:
        assert piece.month is not None and piece.day is not None
        query = f"{piece.day} {t.canon_months[piece.month - 1]}"
        if tense == "future":
            value = _read(query, lang, _shift(p, -1), "future", ("day", "month"))
        else:
            value = _read(query, lang, _shift(p, 1), "past", ("day", "month"))
        if value is None or (value.month, value.day) != (piece.month, piece.day):
            return None
        return PartialDate(value, Precision.DAY)
    if piece.kind == _MONTH:
        assert piece.month is not None
        query = t.canon_months[piece.month - 1]
        month_before = _shift(_first_of_month(p), -1)
        direction = piece.direction or {"past": "le", "future": "ge"}.get(tense or "", "le")
        base, prefer = {
            "prev": (month_before, "past"),
            "next": (p, "future"),
            "this": (p, "current_period"),
            "le": (p, "past"),
            "ge": (month_before, "future"),
        }[direction]
        value = _read(query, lang, base, prefer, ("month",))
        if value is None or value.month != piece.month:
            return None
        return PartialDate(value, Precision.MONTH)
    if piece.kind == _WEEKDAY:
        assert piece.weekday is not None
        query = t.canon_weekdays[piece.weekday]
        on_or_before = _read(query, lang, _shift(p, 1), "past", ())
        on_or_after = _read(query, lang, _shift(p, -1), "future", ())
        if piece.direction == "prev":
            value = _read(query, lang, p, "past", ())
        elif piece.direction == "next":
            value = _read(query, lang, p, "future", ())
        elif piece.direction == "this" or tense == "future":
            value = on_or_after
        elif tense == "past":
            value = on_or_before
        elif on_or_before is None or on_or_after is None:
            value = on_or_before or on_or_after
        else:  # no hint: the nearest such day, as news reports use them
            value = min((on_or_before, on_or_after), key=lambda d: abs((d - p).days))
        if value is None or value.weekday() != piece.weekday:
            return None
        return PartialDate(value, Precision.DAY)
    return None


def _resolve_absolute(piece: _Piece, t: _Lang) -> PartialDate | None:
    assert piece.year is not None
    y, mo, d = piece.year, piece.month, piece.day
    if piece.precision is Precision.YEAR:
        value = _read(str(y), t.code, _REFERENCE, "past", ("year",))
        ok = value is not None and value.year == y
        return PartialDate.year(y) if ok else None
    assert mo is not None
    if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
        return None
    if piece.precision is Precision.MONTH:
        value = _read(
            f"{t.canon_months[mo - 1]} {y}", t.code, _REFERENCE, "past", ("month", "year")
        )
        ok = value is not None and (value.year, value.month) == (y, mo)
        return PartialDate.month(y, mo) if ok else None
    assert d is not None
    value = _read(
        f"{d} {t.canon_months[mo - 1]} {y}", t.code, _REFERENCE, "past", ("day", "month", "year")
    )
    if value is None or (value.year, value.month, value.day) != (y, mo, d):
        return None
    return PartialDate.day(y, mo, d)


# ---------------------------------------------------------------------------
# The extractor.
# ---------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


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
    doc_lang = language if language in _TABLES else detect_language(text)
    skips = [(int(s), int(e)) for s, e in skip_spans]
    sentences = split_sentences(text)
    sentence_starts = {s for s, _ in sentences}
    sentence_ends = [e for _, e in sentences]

    candidates: list[_Candidate] = []
    for lo, hi in _paragraphs(text):
        if skips and any(s <= lo and hi <= e for s, e in skips):
            continue
        lang = _paragraph_language(text[lo:hi], doc_lang)
        t, p = _TABLES[lang], _patterns(lang)
        candidates += _numeric_candidates(text, t, p, lo, hi)
        candidates += _dm_candidates(text, t, p, lo, hi)
        candidates += _month_candidates(text, t, p, lo, hi)
        candidates += _weekday_candidates(text, t, p, lo, hi)
        candidates += _relative_candidates(text, t, p, lo, hi)
        candidates += _year_candidates(text, t, p, lo, hi, sentence_starts)

    # Longest match wins; a shorter one inside it is part of the same date. Furniture
    # and kept matches are marked character by character, so this stays linear.
    occupied = bytearray(len(text))
    for s, e in skips:
        s, e = max(s, 0), min(e, len(text))
        if e > s:
            occupied[s:e] = b"\x01" * (e - s)
    candidates.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    kept: list[_Candidate] = []
    for c in candidates:
        if occupied.find(1, c.start, c.end) != -1:
            continue
        kept.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)

    mentions: list[DateMention] = []
    for c in kept:
        t, p = _TABLES[c.lang], _patterns(c.lang)
        i = min(bisect.bisect_left(sentence_ends, c.start + 1), len(sentences) - 1)
        s_start, s_end = sentences[i] if sentences else (0, len(text))
        sentence = text[s_start:s_end]
        tense: str | None = None
        for piece in c.pieces:
            needs_tense = piece.kind in (_DAY_MONTH, _MONTH, _WEEKDAY) and not piece.direction
            if needs_tense and published is not None and tense is None:
                tense = _tense(sentence, c.start - s_start, c.end - s_start, p) or "none"
            value = _resolve(piece, t, published, None if tense == "none" else tense)
            if value is None:
                continue
            mentions.append(
                DateMention(text[piece.start : piece.end], piece.start, piece.end, value, sentence)
            )
    return mentions
