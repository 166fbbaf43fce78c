"""Links from a proposal to the events the chronology already has.

An existing event is suggested when its dates are close and the passage names
it (in any language), its actors and the place its title names, or shares its
words; "same as" only for an event on the proposal's own dates that the
passage plainly is. Each suggestion says why in words a user reads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.domain.dates import DateSpan, Precision
from briefing_app.domain.model import Event
from briefing_app.ingest.link_terms import LinkTerms, TermMatch, fold
from briefing_app.ingest.proposals.lanes import LANE_PATTERNS
from briefing_app.ingest.proposals.model import LinkSuggestion
from briefing_app.ingest.proposals.places import PlaceNames, shipped_place_names

__all__ = [
    "MAX_LINKS",
    "LinkCandidates",
    "content_words",
    "link_suggestions",
    "same_as",
    "single_day",
]

MAX_LINKS = 3
_MIN_SHARED = 2
_WINDOW_DAYS = {Precision.DAY: 3, Precision.WEEK: 7, Precision.MONTH: 31, Precision.YEAR: 183}
"""How far apart two dates may be and still be the same event, by the coarser precision."""
_NAMED_WINDOW_DAYS = 10
"""A passage that names the happening may be a few days off (a decision, then its endorsement)."""


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


def _key(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _surface_words(text: str) -> dict[str, str]:
    """Content word key -> the word as ``text`` first writes it."""
    out: dict[str, str] = {}
    for word in _WORDS.findall(text):
        lower = word.lower()
        if lower in _STOP:
            continue
        out.setdefault(_key(lower), word)
    return out


def content_words(text: str) -> frozenset[str]:
    """Words that say what a sentence is about: four letters or more, no stop words,
    a plural's final s dropped so "troops" meets "troop"."""
    return frozenset(_surface_words(text))


def _gap(when: DateSpan, other: DateSpan) -> int:
    if when.last_day < other.first_day:
        return (other.first_day - when.last_day).days
    if other.last_day < when.first_day:
        return (when.first_day - other.last_day).days
    return 0


# Capitalised runs in a title ("Strategic Compass", "ReArm Europe") and acronyms
# ("PESCO"): the names a title gives its happening when no term list does.
_TITLE_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'/-]*[a-z][\w’'/-]*|[A-Z]{4,}(?:[/-][A-Z]+)?)"
    r"(?:\s+(?:[A-Z][\w’'/-]+|of|the|on|for))*(?<!\bof)(?<!\bthe)(?<!\bon)(?<!\bfor)"
)
_NOT_A_NAME = frozenset(
    "EU NATO US UN Russia Ukraine Council Commission Parliament European Union Trump Putin "
    "Zelensky Macron Biden First Second Third Special Member Migrants Alarm War Kabul".split()
)


def _title_names(event: Event) -> list[str]:
    """Names of a happening read from its own title, the actors left out."""
    actors = {a.casefold() for a in event.actors}
    names: list[str] = []
    for match in _TITLE_NAME.finditer(event.title):
        words = match.group(0).split()
        while words and (words[0] in _NOT_A_NAME or words[0].casefold() in actors):
            words.pop(0)
        name = " ".join(words).strip()
        if not name or name.casefold() in actors or name in _NOT_A_NAME:
            continue
        if len(words) >= 2 or (len(name) >= 4 and name.isupper()) or re.search(r"[a-z][A-Z]", name):
            names.append(name)
    return names


@dataclass(frozen=True, slots=True)
class _Evidence:
    named: TermMatch | None
    actors: tuple[str, ...]
    shared: tuple[str, ...]
    gap: int
    places: tuple[str, ...] = ()
    written: tuple[tuple[str, str], ...] = ()
    """Each actor and place found, with the words the passage writes it in."""


class LinkCandidates:
    """Events sorted by date, to find those near a date without reading them all.

    An article's proposals each ask; at 100,000 events a full scan per
    proposal (re-reading each event's words) took 0.2 s.
    """

    def __init__(
        self,
        events: Sequence[Event],
        terms: LinkTerms | None = None,
        places: PlaceNames | None = None,
    ) -> None:
        self._events = sorted(events, key=lambda e: e.when.first_day)
        self._starts = [e.when.first_day.toordinal() for e in self._events]
        self._longest = max(((e.when.last_day - e.when.first_day).days for e in events), default=0)
        self._words: dict[str, dict[str, str]] = {}
        self._names: dict[str, list[str]] = {}
        self._proper: dict[str, list[str]] = {}
        self.terms = terms if terms is not None else LinkTerms()
        self.places = places if places is not None else shipped_place_names()
        self.by_id = {e.id: e for e in self._events}

    def near(self, when: DateSpan) -> list[Event]:
        """Every event that could lie within the widest link window of ``when``."""
        reach = max(_WINDOW_DAYS.values())
        lo = bisect.bisect_left(self._starts, when.first_day.toordinal() - reach - self._longest)
        hi = bisect.bisect_right(self._starts, when.last_day.toordinal() + reach)
        return self._events[lo:hi]

    def surface_of(self, event: Event) -> dict[str, str]:
        found = self._words.get(event.id)
        if found is None:
            text = f"{event.title} {event.summary} {' '.join(event.actors)}"
            found = self._words[event.id] = _surface_words(text)
        return found

    def words_of(self, event: Event) -> frozenset[str]:
        return frozenset(self.surface_of(event))

    def title_names(self, event: Event) -> list[str]:
        found = self._names.get(event.id)
        if found is None:
            found = self._names[event.id] = _title_names(event)
        return found

    def evidence(self, event: Event, when: DateSpan, text: str, words: frozenset[str]) -> _Evidence:
        """What ties ``text`` (dated ``when``) to ``event``."""
        extra = [] if self.terms.event_names(event.id) else self.title_names(event)
        named = self.terms.find_event_name(event.id, text, extra)
        written: dict[str, str] = {}
        for actor in event.actors:
            found = self.terms.find_actor(actor, text)
            if found is not None:
                written[actor] = found.written
        for place in self.proper_nouns(event):
            as_written = self.places.written(place, text)
            if as_written is not None:
                written[place] = as_written
        actors = tuple(a for a in event.actors if a in written)
        surface = self.surface_of(event)
        shared = tuple(sorted(surface[w] for w in words & surface.keys()))
        places = tuple(w for w in self.proper_nouns(event) if w in written)
        gap = _gap(when, event.when)
        return _Evidence(named, actors, shared, gap, places, tuple(written.items()))

    def proper_nouns(self, event: Event) -> list[str]:
        """Capitalised words of the title after its first ("Madrid" in "NATO Madrid
        summit adopts ..."), the actors' own words and lane names left out."""
        found = self._proper.get(event.id)
        if found is None:
            actor_words = {w for a in event.actors for w in a.split()}
            found = [
                w
                for w in re.findall(r"(?<!\w)[A-ZÀ-Ý][a-zà-ÿ]{3,}\b", event.title)
                if w not in actor_words
                and not any(p.fullmatch(w) for p in LANE_PATTERNS.values())
                and (self.places.known(w) or not event.title.startswith(w))
            ]  # the first word only when it is a place ("London summit …")
            self._proper[event.id] = found
        return found


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _as_written(names: Sequence[str], ev: _Evidence) -> list[str]:
    """Each name, with the passage's own words when they are another language's
    ("Warsaw (“Varsovie”)", "NATO (“OTAN”)")."""
    written = dict(ev.written)
    out = []
    for name in names:
        words = written.get(name, name)
        plain = fold(words) in fold(name)  # "Council" for "Council of the EU" says it
        out.append(name if plain else f"{name} (“{words}”)")
    return out


def _reason(when: DateSpan, event: Event, ev: _Evidence, named_where: str = "") -> str:
    """Why the proposal may be ``event``, in words: date, name, actors, words in common."""
    if ev.gap == 0:
        same_day = when.precision is Precision.DAY and event.when.precision is Precision.DAY
        if same_day and not when.is_range and not event.when.is_range:
            timing = "same day"
        elif same_day and not when.is_range:
            timing = "during its dates"
        else:
            timing = "same period"
    else:
        timing = f"{ev.gap} day{'s' if ev.gap != 1 else ''} apart"
    parts = [timing]
    if ev.named is not None:
        parts.append(f"{named_where or 'names'} “{ev.named.written}”")
    said = fold(ev.named.written) if ev.named is not None else ""
    also = [n for n in (*ev.actors, *ev.places) if fold(n) not in said]
    if also:  # what the name already says is not said twice ("Strategic" of the Compass)
        parts.append(("also names " if said else "names ") + _and(_as_written(also, ev)))
    shared = [w for w in ev.shared if w not in ev.places and w not in ev.actors]
    if shared and ev.named is None:
        quoted = [f"“{w}”" for w in shared[:4]]
        parts.append("shares the word" + ("s " if len(quoted) > 1 else " ") + _and(quoted))
    return ", ".join(parts)


def _suggests(ev: _Evidence) -> bool:
    return (
        ev.named is not None
        or (bool(ev.actors) and bool(ev.places))
        or (bool(ev.actors) and len(ev.shared) >= 2)
        or len(ev.shared) >= _MIN_SHARED + 1
        or (len(ev.shared) >= _MIN_SHARED and not ev.actors)
    )


def _strength(ev: _Evidence) -> float:
    return (3.0 if ev.named else 0.0) + len(ev.actors) + 0.5 * len(ev.shared) - 0.05 * ev.gap


_BACKGROUND_DAYS = 31


def _background(when: DateSpan, event: DateSpan) -> bool:
    """``event`` spans more than a month beyond ``when`` and ``when`` holds neither its
    first nor its last day."""
    longer = (event.last_day - event.first_day).days - (when.last_day - when.first_day).days
    if longer <= _BACKGROUND_DAYS:
        return False
    # The launch or the end of a long event is that event.
    ends = (event.first_day, event.last_day)
    return not any(when.first_day <= day <= when.last_day for day in ends)


_MEETING_BODY = re.compile(r"\b(?:Council|Commission|Parliament|Assembly)\b")
"""Bodies that meet on a day: named on the day of their one-day meeting, that is it."""


def single_day(span: DateSpan) -> bool:
    return span.precision is Precision.DAY and not span.is_range


def link_suggestions(
    when: DateSpan,
    words: frozenset[str],
    events: Sequence[Event] | LinkCandidates,
    text: str = "",
    above: str = "",
) -> tuple[LinkSuggestion, ...]:
    """Existing events dated close to ``when`` that ``text`` names, or that share its
    actors and content words (two words at least).

    ``above`` is the article's headline, then (after a line break) the headings
    right over the passage: a happening named there and nowhere in ``text`` is
    suggested only on its own dates; named in the headline alone, only when
    ``text`` names its actors or its lane too.
    """
    candidates = events if isinstance(events, LinkCandidates) else LinkCandidates(events)
    found: list[tuple[float, LinkSuggestion]] = []
    for event in candidates.near(when):
        coarser = max(when.precision, event.when.precision, key=lambda p: p.rank)
        window = _WINDOW_DAYS[coarser]
        gap = _gap(when, event.when)
        if gap > max(window, _NAMED_WINDOW_DAYS):
            continue
        ev = candidates.evidence(event, when, text, words)
        named_above = False
        named_where = ""
        if ev.named is None and above and gap == 0:
            over = candidates.terms.find_event_name(
                event.id,
                above,
                [] if candidates.terms.event_names(event.id) else candidates.title_names(event),
            )
            headings = above.partition("\n")[2]
            in_headings = over is not None and over.written in headings
            if over is not None and (
                in_headings or ev.actors or candidates.terms.find_actor(event.lane.value, text)
            ):
                ev = _Evidence(over, ev.actors, ev.shared, ev.gap, ev.places, ev.written)
                named_above = True
                named_where = "the heading names" if in_headings else "the headline names"
        principal = (
            gap == 0
            and bool(event.actors)
            and event.actors[0] in ev.actors
            and _MEETING_BODY.search(event.actors[0]) is not None
            and single_day(when)
            and single_day(event.when)
        )
        if not (_suggests(ev) or principal) or (gap > window and ev.named is None):
            continue
        suggestion = LinkSuggestion(
            event.id,
            event.title,
            event.when.label(),
            tuple(sorted(_key(w.lower()) for w in ev.shared)),
            ev.gap,
            reason=_reason(when, event, ev, named_where if named_above else ""),
            named=ev.named is not None,
            actors=ev.actors,
            places=ev.places,
            background=_background(when, event.when),
            named_above=named_above,
            principal=principal,
        )
        found.append((_strength(ev), suggestion))
    found.sort(key=lambda item: (-item[0], item[1].gap_days, item[1].event_id))
    return tuple(s for _score, s in found[:MAX_LINKS])


def same_as(when: DateSpan, suggestions: Sequence[LinkSuggestion]) -> str | None:
    """The existing event the proposal IS, when the evidence is plain; else None.

    Only an event dated within the proposal's own date (no gap) can be it,
    and only when the passage names the happening itself (in any language), or
    its actors and the place or party its title names ("NATO" and "Madrid"):
    words in common make a suggestion, never a "same as". The event's first actor
    named on its own single day is it too ("the European Council" on the day of
    the special European Council). A long event around the date (a presidency,
    a mission) is the same only on its first or last day. A month or a year that
    holds two events the passage names alike is neither: which one it is, the date
    does not say ("PESCO … in 2017": its notification or its launch).
    """
    plain = [
        s
        for s in suggestions
        if not s.background
        and s.gap_days == 0
        and (s.named or (s.actors and s.places) or s.principal)
    ]
    if not plain:
        return None
    coarse = when.precision in (Precision.MONTH, Precision.YEAR)
    if coarse and len(plain) > 1 and plain[1].named == plain[0].named:
        return None
    return plain[0].event_id
