"""Drafts that report one happening become one proposal.

Each date mention gives a draft; drafts linked to the same existing event, or
with the same date and the same thing (same lane and words in common, or one
sentence right after the other), are one happening, told in several excerpts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.domain.dates import DateSpan, Precision
from briefing_app.domain.model import Lane
from briefing_app.ingest.dates import DateMention
from briefing_app.ingest.proposals.links import MAX_LINKS, LinkCandidates, single_day
from briefing_app.ingest.proposals.model import LinkSuggestion, Passage, Proposal
from briefing_app.ingest.proposals.titles import headline_problems

__all__ = ["Draft", "group_drafts", "merged_proposal"]


@dataclass
class Draft:
    mention: DateMention
    when: DateSpan
    start: int
    end: int
    title: str
    focus: tuple[int, int]
    words: frozenset[str]
    lane: Lane


_WORDS_ACROSS_LANES = 3


def _one_happening(a: Draft, b: Draft, text: str) -> bool:
    """Two mentions of one date that speak of the same thing: same lane, and two words
    shared or one sentence straight after the other in the same paragraph (or the same
    days of a meeting, which a report does not give to two things)."""
    if a.when != b.when:
        return False
    if a.lane is not b.lane:
        # the lanes of two mentions may differ where one names who acts and the other does
        # not; many words in common still tell one thing ("dispiegate capacità lungo raggio
        # in Germania" and "il dispiegamento … di capacità di fuoco a lungo raggio")
        return len(a.words & b.words) >= _WORDS_ACROSS_LANES
    if a.when.is_range and a.when.precision is Precision.DAY:
        return True  # "30 y 31 de mayo" twice in one report: one meeting
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = text[first.end : second.start]
    adjacent = not between.strip() and not re.search(r"\n[ \t]*\n", between)
    return adjacent or len(a.words & b.words) >= 2


def _two_dates_of_one_sentence(a: Draft, b: Draft) -> bool:
    return a.end == b.end and a.when != b.when


def _merged_when(group: list[Draft]) -> DateSpan:
    """The finest date the group's mentions give; of equal ones, a range over a day."""
    return min(
        (d.when for d in group),
        key=lambda w: (w.precision.rank, not w.is_range),
    )


def _headline(group: list[Draft]) -> Draft:
    """The draft whose title reads most like a headline."""
    return min(group, key=lambda d: (len(headline_problems(d.title)), group.index(d)))


def _days_into_periods(
    groups: list[list[int]],
    drafts: list[Draft],
    plain: list[str | None],
    candidates: LinkCandidates,
) -> list[list[int]]:
    """A day of the article's report of a meeting of several days ("the second day of
    talks on Friday" beside "in Wales 4-5 September") joins the report of that meeting:
    the group is unlinked, of one lane, every draft a single day inside a period that
    another group of the same lane reports and links to an event on those days."""
    periods: dict[int, tuple[DateSpan, Lane]] = {}
    for n, group in enumerate(groups):
        linked = next((plain[i] for i in group if plain[i] is not None), None)
        event = candidates.by_id.get(linked) if linked else None
        spans = [drafts[i].when for i in group if drafts[i].when.is_range]
        if event is not None and spans:
            periods[n] = (spans[0], event.lane)
    if not periods:
        return groups
    merged: dict[int, list[int]] = {n: list(g) for n, g in enumerate(groups)}
    for n, group in enumerate(groups):
        if n in periods or any(plain[i] is not None for i in group):
            continue
        members = [drafts[i] for i in group]
        lanes = {d.lane for d in members}
        if len(lanes) != 1 or not all(single_day(d.when) for d in members):
            continue
        for m, (span, lane) in periods.items():
            inside = all(span.first_day <= d.when.first_day <= span.last_day for d in members)
            if inside and lane in lanes:
                merged[m] += group
                del merged[n]
                break
    return [sorted(g) for g in merged.values()]


def group_drafts(
    drafts: Sequence[Draft],
    plain: Sequence[str | None],
    text: str,
    candidates: LinkCandidates,
) -> list[list[int]]:
    """Indices of ``drafts`` by happening: the same existing event (``plain``, each
    draft's "same as"), or the same date and the same thing when one is unlinked; a
    sentence that gives two dates tells of two things."""
    groups: list[list[int]] = []
    for i, draft in enumerate(drafts):
        home = None
        for group in groups:
            first = group[0]
            if any(_two_dates_of_one_sentence(drafts[j], draft) for j in group):
                continue  # a sentence that gives two dates tells of two things
            if plain[i] is not None and plain[i] == plain[first]:
                home = group
                break
            unlinked = plain[i] is None or plain[first] is None
            if unlinked and any(_one_happening(drafts[j], draft, text) for j in group):
                home = group
                break
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return _days_into_periods(groups, list(drafts), list(plain), candidates)


def merged_proposal(
    text: str,
    members: list[Draft],
    plain: Sequence[str | None],
    links: Sequence[Sequence[LinkSuggestion]],
    candidates: LinkCandidates,
) -> Proposal:
    """One proposal from the drafts of one happening: every excerpt, the finest date,
    the title that reads most like a headline, the linked event's lane (else the lane
    most drafts give) and the links any draft found."""
    lead = members[0]
    when = _merged_when(members)
    link_to = next((p for p in plain if p is not None), None)
    found: dict[str, LinkSuggestion] = {}
    for suggestions in links:
        for suggestion in suggestions:
            found.setdefault(suggestion.event_id, suggestion)
    ordered = sorted(found.values(), key=lambda s: (s.event_id != link_to, s.gap_days))
    lane = lead.lane
    if link_to is not None and link_to in candidates.by_id:
        lane = candidates.by_id[link_to].lane
    elif len(members) > 1:
        votes: dict[Lane, int] = {}
        for d in members:
            votes[d.lane] = votes.get(d.lane, 0) + 1
        named = _headline(members).lane  # a tie goes to the title's subject
        lane = max(votes, key=lambda ln: (votes[ln], ln is named, ln is lead.lane))
    dated = next((d for d in members if d.when == when), lead)
    return Proposal(
        date_start=dated.mention.start,
        date_end=dated.mention.end,
        date_text=text[dated.mention.start : dated.mention.end],
        start=lead.start,
        end=lead.end,
        sentence=text[lead.start : lead.end],
        when=when,
        title=_headline(members).title,
        lane=lane,
        links=tuple(ordered[:MAX_LINKS]),
        excerpts=tuple(
            dict.fromkeys(Passage(d.start, d.end, text[d.start : d.end]) for d in members)
        ),
        same_as=link_to,
    )
