"""Candidate events from the dates an article mentions, for the user to review.

Each date mention in the article's body seeds a draft: the sentence around it
as the excerpt, the date at the precision the text gives, a headline-like
title cut from the clause that holds the date (``titles``), and the lane of
who acts (``lanes``). Drafts that report one happening (the same date and the
same thing, or the same existing event) become one proposal with several
excerpts (``grouping``). Where an existing event is close in date and the
passage names it, its actors or its words, the proposal suggests adding the
excerpts to it, with the reason in words; "same as" is kept for an event on
the proposal's own dates that the passage names (``links``). ``periods`` reads
the span each mention stands for, ``passages`` the sentences around it, and
``build`` puts it together. Nothing here is stored; the user decides
(``ingest.review``).
"""

from __future__ import annotations

from briefing_app.ingest.proposals.build import propose_events
from briefing_app.ingest.proposals.lanes import lane_scores, suggest_lane
from briefing_app.ingest.proposals.links import (
    LinkCandidates,
    content_words,
    link_suggestions,
    same_as,
)
from briefing_app.ingest.proposals.model import LinkSuggestion, Passage, Proposal
from briefing_app.ingest.proposals.titles import TITLE_CHARS, headline_problems, suggest_title

__all__ = [
    "TITLE_CHARS",
    "LinkCandidates",
    "LinkSuggestion",
    "Passage",
    "Proposal",
    "content_words",
    "headline_problems",
    "lane_scores",
    "link_suggestions",
    "propose_events",
    "same_as",
    "suggest_lane",
    "suggest_title",
]
