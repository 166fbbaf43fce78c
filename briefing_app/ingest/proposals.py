"""Candidate events from the dates an article mentions, for the user to review.

Each date mention in the article's body becomes a proposal: the sentence
around it as the excerpt, the date at the precision the text gives, a title
cut from the clause that holds the date, a lane guessed from who the sentence
names, and, where an existing event has a close date and shares key words,
the suggestion to add the excerpt to that event instead of making a new one.
Nothing here is stored; the user decides (see ``ingest.drafts``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.domain.dates import DateFormatError, DateSpan, Precision
from briefing_app.domain.model import Event, Lane
from briefing_app.ingest.dates import DateMention, split_sentences

__all__ = [
    "TITLE_CHARS",
    "LinkSuggestion",
    "Proposal",
    "content_words",
    "link_suggestions",
    "propose_events",
    "suggest_lane",
    "suggest_title",
]

TITLE_CHARS = 80
_MAX_LINKS = 3
_MIN_SHARED = 2
_WINDOW_DAYS = {Precision.DAY: 3, Precision.WEEK: 7, Precision.MONTH: 31, Precision.YEAR: 183}
"""How far apart two dates may be and still be the same event, by the coarser precision."""


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    """An existing event the proposal may be the same as."""

    event_id: str
    title: str
    when: str
    shared: tuple[str, ...]
    gap_days: int


@dataclass(frozen=True, slots=True)
class Proposal:
    """One candidate event: where its date and sentence are, and what is suggested."""

    date_start: int
    date_end: int
    date_text: str
    start: int
    end: int
    sentence: str
    when: DateSpan
    title: str
    lane: Lane
    links: tuple[LinkSuggestion, ...] = ()


# -- title -------------------------------------------------------------------------
_CLAUSE_MARK = re.compile(r"[,;:]\s+|\s+[–—]\s+|\s+-\s+|\s*[()]\s*")
_PREPOSITIONS = frozenset(
    "on in at during since from until by of as early between "
    "en depuis dès au du de entre "
    "el desde del a "
    "am im seit bis zum ab zwischen "
    "il nel dal tra fra "
    "em no na "
    "в во с".split()
)
_DETERMINERS = frozenset("the a an this that its their der das".split())
"""Before a date, these make it part of a name ("the 2030 targets"): it stays in the title."""
_TIME_OF_DAY = re.compile(
    r"^(?:morning|afternoon|evening|night|matin|soir|mañana|tarde|noche|morgen|abend)\b\s*",
    re.IGNORECASE,
)
_LEADING_LINKS = re.compile(
    r"^(?:and|but|yet|so|while|when|then|also|however|meanwhile|back|"
    r"et|mais|y|pero|und|aber|e|ma)\b[\s,]*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:which|who|whom|whose|where|qui|que|quien|donde|welche[rs]?|der|die|das|che)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý .'’/-]{2,40}(?:,[^()\n]{0,30}?)?\s*(?:\([^()\n]{2,30}\))?\s*(?:--|[-–—])\s+"
)


def _clauses(sentence: str, protect: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans of ``sentence``; a mark inside a date ("Nov. 16, 2021") is no break."""
    bounds = [0]
    for match in _CLAUSE_MARK.finditer(sentence):
        if any(a <= match.start() < b for a, b in protect):
            continue
        bounds += [match.start(), match.end()]
    bounds.append(len(sentence))
    return [
        (bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i + 1] > bounds[i]
    ]


def _without_date(clause: str, a: int, b: int) -> str:
    """The clause with the date words (and the preposition before them) taken out."""
    words = clause[:a].rstrip().split(" ")
    if words and words[-1].lower() in _DETERMINERS:
        return clause  # "the 2030 targets": the date is part of what is named
    while words and words[-1].lower().strip(",") in _PREPOSITIONS:
        words.pop()
    after = _TIME_OF_DAY.sub("", clause[b:].lstrip())
    return (" ".join(words) + " " + after).strip()


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", text))
    text = re.sub(r"([,;:])[,;:]+", r"\1", text).strip(" ,;:–—-")
    text = _LEADING_LINKS.sub("", text)
    text = text.rstrip(" .,;:–—-")
    return text[:1].upper() + text[1:] if text else text


def _shorten(text: str, limit: int = TITLE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:–—-") + "…"


def suggest_title(sentence: str, date_start: int, date_end: int) -> str:
    """The clause holding the date, without the date, cut to about 80 characters."""
    return _title_and_clause(sentence, date_start, date_end)[0]


def _title_and_clause(
    sentence: str,
    date_start: int,
    date_end: int,
    other_dates: Sequence[tuple[int, int]] = (),
) -> tuple[str, tuple[int, int]]:
    """The title, and the span of ``sentence`` it was cut from.

    The clause holding the date, without the date, cut to about 80 characters.

    ``date_start``/``date_end`` are offsets of the date words within
    ``sentence``. A clause too short to say anything ("adopted on 21 March")
    takes its neighbours, the one before first (it usually holds the subject);
    a clause that opens with "which" or "who" takes the one it belongs to. A
    dateline ("MADRID, June 30 (Reuters) -") is never part of a title.
    """
    dateline = _DATELINE.match(sentence)
    skip = dateline.end() if dateline else 0
    if date_start < skip:
        date_start = date_end = skip  # the report's own date: the title is the news
    protect = [(date_start, date_end), *other_dates]  # no date is cut at its own comma
    clauses = [(a, b) for a, b in _clauses(sentence, protect) if b > skip]
    clauses = [(max(a, skip), b) for a, b in clauses] or [(skip, len(sentence))]
    index = next((i for i, (a, b) in enumerate(clauses) if a <= date_start < b), len(clauses) - 1)
    first = last = index
    if _RELATIVE.match(sentence[clauses[first][0] :]) and first > 0:
        first -= 1

    def words() -> int:
        a, b = clauses[first][0], clauses[last][1]
        return len(re.findall(r"\w+", _without_date(sentence[a:b], date_start - a, date_end - a)))

    while words() < 4 and (first > 0 or last + 1 < len(clauses)):
        if first > 0:
            first -= 1
        else:
            last += 1
    a, b = clauses[first][0], clauses[last][1]
    title = _tidy(_without_date(sentence[a:b], max(date_start - a, 0), max(date_end - a, 0)))
    if len(title.split()) < 2:
        title = _tidy(sentence[skip:])
    return _shorten(title), (a, b)


# -- lane --------------------------------------------------------------------------
def _lane_patterns(spec: dict[Lane, str]) -> dict[Lane, re.Pattern[str]]:
    return {
        lane: re.compile(r"(?<![\w.])(?:" + "|".join(words.split("|")) + r")(?!\w)")
        for lane, words in spec.items()
    }


_LANES = _lane_patterns(
    {
        Lane.EU: r"EU|E\.U\.|UE|European Union|European Commission|Commission|European Council|"
        r"European Parliament|Council of the EU|PESCO|CSDP|ESDP|Strategic Compass|"
        r"European Defence Fund|European Peace Facility|EDA|[Vv]on der Leyen|Borrell|Kallas|"
        r"Costa|Juncker|Solana|member states|the bloc|Brussels|Bruxelles|Bruselas|Brüssel|"
        r"Union européenne|Unión Europea|Europäische Union|Commission européenne|"
        r"Comisión Europea|EU-Kommission|Lisbon Treaty|Eurocorps|battlegroups?",
        Lane.NATO: r"NATO|Nato|OTAN|[Aa]lliance|[Aa]llies|Stoltenberg|Rutte|Article 5|SHAPE|"
        r"Atlantic Alliance|Bündnis",
        Lane.RUSSIA: r"Russia|Russian|Russians|Moscow|Kremlin|Putin|Lavrov|Shoigu|Medvedev|"
        r"Russie|russe|Rusia|ruso|rusa|Russland|russische[nrs]?|Moscou|Moscú|Moskau|Wagner|"
        r"Россия|России|Москва|Путин",
        Lane.US: r"U\.S\.|US|USA|United States|Washington|Biden|Trump|Obama|Bush|Pentagon|"
        r"White House|American|America|Blinken|Hegseth|Rubio|Vance|Estados Unidos|"
        r"États-Unis|Etats-Unis|Vereinigte[n]? Staaten|amerikanische[nrs]?",
        Lane.UKRAINE: r"Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev|Zelensky|Zelenskyy|Zelenskiy|"
        r"Ucrania|ucraniano|ukrainien(?:ne)?|Kiew|Kharkiv|Donbas|Donbass|Украина|Киев",
    }
)
_SUBJECT_BONUS = 1.5


def suggest_lane(sentence: str, focus: tuple[int, int] | None = None) -> Lane:
    """Who acted, by keyword score: names in the ``focus`` clause count double and
    the first one named there (most often the subject) gets a bonus."""
    a, b = focus or (0, len(sentence))
    scores: dict[Lane, float] = {}
    first: tuple[int, Lane] | None = None
    for lane, pattern in _LANES.items():
        for match in pattern.finditer(sentence):
            inside = a <= match.start() < b
            scores[lane] = scores.get(lane, 0.0) + (2.0 if inside else 1.0)
            if inside and (first is None or match.start() < first[0]):
                first = (match.start(), lane)
    if first is not None:
        scores[first[1]] += _SUBJECT_BONUS
    if not scores:
        return Lane.OTHER
    return max(scores, key=lambda lane: (scores[lane], -lane.order))


# -- links to existing events --------------------------------------------------------
_STOP = frozenset(
    "about after again against also among another because been before being between both "
    "could during each first from further have having here into itself last made make many "
    "more most much must next only other over said same says should since some such than "
    "that their them then there these they this those through under until very were what "
    "when where which while will with would year years month months week weeks today told "
    "days within least europe european defence defense military leader leaders minister "
    "ministers state states country countries government officials official "
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "januar februar märz april juni juli august oktober dezember "
    "dans pour avec sont mais leur selon cette entre aussi para como pero sobre desde "
    "entre también über nach wird sind eine einer einem".split()
)
_WORDS = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def content_words(text: str) -> frozenset[str]:
    """Words that say what a sentence is about: four letters or more, no stop words,
    a plural's final s dropped so "troops" meets "troop"."""
    words = set()
    for word in _WORDS.findall(text.lower()):
        if word in _STOP:
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return frozenset(words)


def _gap(when: DateSpan, other: DateSpan) -> int:
    if when.last_day < other.first_day:
        return (other.first_day - when.last_day).days
    if other.last_day < when.first_day:
        return (when.first_day - other.last_day).days
    return 0


class LinkCandidates:
    """Events sorted by date, to find those near a date without reading them all.

    An article's proposals each ask; at 100,000 events a full scan per
    proposal (re-reading each event's words) took 0.2 s.
    """

    def __init__(self, events: Sequence[Event]) -> None:
        self._events = sorted(events, key=lambda e: e.when.first_day)
        self._starts = [e.when.first_day.toordinal() for e in self._events]
        self._longest = max(((e.when.last_day - e.when.first_day).days for e in events), default=0)
        self._words: dict[str, frozenset[str]] = {}

    def near(self, when: DateSpan) -> list[Event]:
        """Every event that could lie within the widest link window of ``when``."""
        reach = max(_WINDOW_DAYS.values())
        lo = bisect.bisect_left(self._starts, when.first_day.toordinal() - reach - self._longest)
        hi = bisect.bisect_right(self._starts, when.last_day.toordinal() + reach)
        return self._events[lo:hi]

    def words_of(self, event: Event) -> frozenset[str]:
        found = self._words.get(event.id)
        if found is None:
            text = f"{event.title} {event.summary} {' '.join(event.actors)}"
            found = self._words[event.id] = content_words(text)
        return found


def link_suggestions(
    when: DateSpan, words: frozenset[str], events: Sequence[Event] | LinkCandidates
) -> tuple[LinkSuggestion, ...]:
    """Existing events dated close to ``when`` that share at least two content words."""
    candidates = events if isinstance(events, LinkCandidates) else LinkCandidates(events)
    found: list[LinkSuggestion] = []
    for event in candidates.near(when):
        coarser = max(when.precision, event.when.precision, key=lambda p: p.rank)
        gap = _gap(when, event.when)
        if gap > _WINDOW_DAYS[coarser]:
            continue
        shared = sorted(words & candidates.words_of(event))
        if len(shared) >= _MIN_SHARED:
            found.append(
                LinkSuggestion(event.id, event.title, event.when.label(), tuple(shared), gap)
            )
    found.sort(key=lambda s: (-len(s.shared), s.gap_days, s.event_id))
    return tuple(found[:_MAX_LINKS])


# -- proposals -----------------------------------------------------------------------
# Words that join the two ends of one period ("10–11 March", "from May to June").
_RANGE_LINK = re.compile(
    r"^\s*(?:[-–—]|to|until|till|through|au|à|al|a|hasta|bis|по|до)\s*$", re.IGNORECASE
)
# "And" joins a list ("in 2004 and 2009", "March, May and June") unless the
# first date follows "between" ("between 2004 and 2007").
_AND_LINK = re.compile(r"^\s*(?:and|et|y|e|und|и)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|entre|zwischen|tra|fra|между)\s+$", re.IGNORECASE)


def _sentence_of(spans: list[tuple[int, int]], ends: list[int], pos: int) -> tuple[int, int]:
    i = min(bisect.bisect_right(ends, pos), len(spans) - 1)
    return spans[i]


def _paired(text: str, mentions: list[DateMention]) -> list[tuple[DateMention, DateSpan]]:
    """Each mention with its date span; a range's two ends ("10–11 March") become one."""
    out: list[tuple[DateMention, DateSpan]] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        span = DateSpan(m.date)
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            gap = text[m.end : n.start]
            joined = _RANGE_LINK.match(gap) or (
                _AND_LINK.match(gap) and _BETWEEN.search(text[max(0, m.start - 12) : m.start])
            )
            if joined and n.date.first_day >= m.date.first_day:
                try:
                    span = DateSpan(m.date, n.date)
                    m = DateMention(text[m.start : n.end], m.start, n.end, m.date, m.sentence)
                    i += 1
                except DateFormatError:
                    pass
        out.append((m, span))
        i += 1
    return out


def propose_events(
    text: str,
    mentions: Sequence[DateMention],
    *,
    body: tuple[int, int] | None = None,
    furniture: Sequence[tuple[int, int]] = (),
    events: Sequence[Event] = (),
) -> list[Proposal]:
    """One proposal per date (or range) mentioned in the body, in text order.

    Mentions outside ``body`` or inside ``furniture`` spans (captions
    included: a photo's date is not an event) are left out, as is a repeat
    of the same date in the same sentence.
    """
    lo, hi = body or (0, len(text))
    spans = split_sentences(text)
    if not spans:
        return []
    ends = [e for _s, e in spans]
    kept = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if lo <= m.start < hi and not any(a <= m.start < b for a, b in furniture)
    ]
    proposals: list[Proposal] = []
    candidates = LinkCandidates(events)
    seen: set[tuple[int, str]] = set()
    for mention, when in _paired(text, kept):
        s, e = _sentence_of(spans, ends, mention.start)
        key = (s, when.label())
        if key in seen:
            continue
        seen.add(key)
        sentence = text[s:e]
        others = [(m.start - s, m.end - s) for m in kept if s <= m.start < e and m is not mention]
        title, focus = _title_and_clause(sentence, mention.start - s, mention.end - s, others)
        proposals.append(
            Proposal(
                date_start=mention.start,
                date_end=mention.end,
                date_text=text[mention.start : mention.end],
                start=s,
                end=e,
                sentence=sentence,
                when=when,
                title=title,
                lane=suggest_lane(sentence, focus),
                links=link_suggestions(when, content_words(sentence), candidates),
            )
        )
    return proposals
