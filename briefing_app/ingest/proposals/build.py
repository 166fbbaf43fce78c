"""Proposals from an article: a draft per date of its body, grouped by happening."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Event, Lane
from briefing_app.ingest.dates import DateMention, split_sentences
from briefing_app.ingest.link_terms import LinkTerms, shipped_link_terms
from briefing_app.ingest.proposals.grouping import Draft, group_drafts, merged_proposal
from briefing_app.ingest.proposals.lanes import lane_scores, main_actor, suggest_lane
from briefing_app.ingest.proposals.links import (
    LinkCandidates,
    content_words,
    link_suggestions,
    same_as,
)
from briefing_app.ingest.proposals.model import Proposal
from briefing_app.ingest.proposals.passages import (
    above,
    context_of,
    sentence_of,
    short_line,
    split_markup,
    title_block,
)
from briefing_app.ingest.proposals.periods import DEADLINE, lasting, paired_spans, year_guessed
from briefing_app.ingest.proposals.places import PlaceNames
from briefing_app.ingest.proposals.subjects import we_as
from briefing_app.ingest.proposals.titles import shorten, title_and_clause

__all__ = ["propose_events"]


_LEDE_WORDS = 8
_LEDE_SENTENCES = 3
_NOT_YET = re.compile(
    r"\b(?:will|would|could|might|shall|going to|wird|würde|werden|soll|sollen|"
    r"sera|serait|va|vont|sarà|sarebbe|será|sería)\b|\w(?:ría|rían|rá|rán|rait|raient|"
    r"rebbe|rebbero|rà|ranno)\b",
    re.IGNORECASE,
)
"""A future or conditional verb: the sentence tells what is to come, not the day's news."""


def _lede_drafts(
    text: str,
    body: tuple[int, int],
    spans: list[tuple[int, int]],
    kept: Sequence[DateMention],
    furniture: Sequence[tuple[int, int]],
    published: date | None,
    main_actor: Lane,
    document: dict[Lane, int],
) -> list[Draft]:
    """The sentences of a news report's first paragraph when it writes no date: they tell
    the news of the day the report was published ("Russia launched a full scale
    invasion in the early hours of the morning"). The caller keeps the first that is a
    known event of that day, and none otherwise."""
    if published is None:
        return []
    lo, hi = body
    found: list[tuple[int, int]] = []
    paragraph_end = hi
    for s, e in spans:
        if e <= lo or s >= hi or (found and s >= paragraph_end):
            if found:
                break
            continue
        s = max([s, *(b for a, b in furniture if a <= s < b)])  # past a dateline it opens with
        while s < e and text[s].isspace():
            s += 1
        if any(a <= s < b for a, b in furniture):
            continue
        sentence = text[s:e]
        if not found:
            if "\n" in sentence.strip() or len(sentence.split()) < _LEDE_WORDS:
                continue  # a headline, a stamp, a heading
            if not re.search(r"[.!?…][\"”’)»]*\s*$", sentence):
                continue
            blank = text.find("\n\n", s)
            paragraph_end = hi if blank == -1 else min(blank, hi)
            if any(s <= m.start < paragraph_end for m in kept):
                return []  # the paragraph dates its news itself
        found.append((s, e))
        if len(found) == _LEDE_SENTENCES:
            break
    drafts: list[Draft] = []
    day = PartialDate(published)
    for s, e in found:
        sentence = text[s:e]
        if _NOT_YET.search(sentence):
            continue  # "Madrid pasaría a la historia ...": a forecast is no news of the day
        mention = DateMention("", s, s, day, sentence)
        title, focus = title_and_clause(sentence, 0, 0)
        lane = suggest_lane(sentence, focus, main_actor, document)
        words = content_words(sentence)
        drafts.append(Draft(mention, DateSpan(day), s, e, title, focus, words, lane))
    return drafts


def propose_events(
    text: str,
    mentions: Sequence[DateMention],
    *,
    body: tuple[int, int] | None = None,
    furniture: Sequence[tuple[int, int]] = (),
    events: Sequence[Event] = (),
    terms: LinkTerms | None = None,
    published: date | None = None,
    places: PlaceNames | None = None,
) -> list[Proposal]:
    """One proposal per happening the body reports, in text order.

    Each date (or range) mentioned gives a draft; drafts with the same date
    about the same thing, or naming the same existing event, become one
    proposal with several excerpts. Mentions outside ``body`` or inside
    ``furniture`` spans (captions included: a photo's date is not an event)
    are left out. A news report's first paragraph that writes no date tells the
    news of its publication day: its first sentence that names a known event of
    that day is proposed at that day. ``terms`` gives the existing events' names in several
    languages, ``places`` the names of the places their titles name (the shipped ones
    when None). With ``published``, a day or month
    written without its year that was placed more than half a year from the
    publication date proposes nothing: which year it is was a guess.
    """
    lo, hi = body or (0, len(text))
    spans = split_markup(text, split_sentences(text))
    if not spans:
        return []
    ends = [e for _s, e in spans]
    kept = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if lo <= m.start < hi and not any(a <= m.start < b for a, b in furniture)
    ]
    # A deadline or horizon ("by 2030", "d'ici 2025", "until 2030") is a target, not a
    # happening: it seeds no proposal (as the end of a range it still counts).
    seeds = {id(m) for m in kept if not DEADLINE.search(text, max(0, m.start - 20), m.start)}
    if terms is None:
        terms = shipped_link_terms()
    document = lane_scores(text[lo:hi])
    actor = main_actor(document)
    candidates = LinkCandidates(events, terms, places)
    drafts: list[Draft] = []
    seen: set[tuple[int, str]] = set()
    for mention, when in paired_spans(text, kept):
        if id(mention) not in seeds and not any(
            m.start == mention.start and id(m) in seeds for m in kept
        ):
            continue
        if published is not None and year_guessed(mention, when, published):
            continue
        s, e = title_block(text, *sentence_of(spans, ends, mention.start), (lo, hi))
        key = (s, when.label())
        if key in seen:
            continue
        seen.add(key)
        sentence = text[s:e]
        others = [
            (m.start - s, m.end - s)
            for m in kept
            if s <= m.start < e and not (m.start < mention.end and mention.start < m.end)
        ]
        lead = max((fb - s for fa, fb in furniture if fa <= s < fb or s <= fa < s + 2), default=0)
        lead = min(max(lead, 0), mention.start - s)
        title, focus = title_and_clause(sentence, mention.start - s, mention.end - s, others, lead)
        lane = suggest_lane(sentence, focus, actor, document, mention.start - s)
        title = shorten(we_as(title, lane.value))
        quote_from = s + lead  # the excerpt leaves out a stamp or dateline it opens with
        while quote_from < mention.start and text[quote_from].isspace():
            quote_from += 1
        when = lasting(when, sentence, focus, others)
        words = content_words(sentence)
        drafts.append(Draft(mention, when, quote_from, e, title, focus, words, lane))
    ledes = _lede_drafts(text, (lo, hi), spans, kept, furniture, published, actor, document)
    drafts[:0] = ledes

    # Each draft's links, then groups: same date and same thing, or the same existing event.
    first_line = text[lo:hi].strip().split("\n", 1)[0]
    headline = first_line if short_line(first_line) or len(first_line.split()) <= 25 else ""
    links = [
        link_suggestions(
            d.when,
            d.words,
            candidates,
            # a lede's own sentence must name the happening, not only its neighbours
            d.mention.sentence if i < len(ledes) else context_of(text, spans, ends, d.start, d.end),
            above(text, lo, d.start, headline),
        )
        for i, d in enumerate(drafts)
    ]
    plain = [same_as(d.when, found) for d, found in zip(drafts, links, strict=True)]
    # An undated lede proposes only a known event of the day, from its first sentence that
    # names one.
    keep = next((i for i in range(len(ledes)) if plain[i] is not None), None)
    for i in reversed(range(len(ledes))):
        if i != keep:
            del drafts[i], links[i], plain[i]
    # Two dates of one sentence are two things: only the first keeps a "same as" they
    # share ("invited ... on Wednesday, after Turkey dropped its veto ... on Tuesday").
    claimed: set[tuple[int, str]] = set()
    for i, draft in enumerate(drafts):
        if plain[i] is not None:
            if (draft.end, plain[i]) in claimed:
                plain[i] = None
            else:
                claimed.add((draft.end, plain[i]))  # type: ignore[arg-type]
    groups = group_drafts(drafts, plain, text, candidates)

    return [
        merged_proposal(
            text,
            [drafts[i] for i in group],
            [plain[i] for i in group],
            [links[i] for i in group],
            candidates,
        )
        for group in groups
    ]
