"""What a proposal is: the candidate event, its passages, and the existing events it may be."""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.domain.dates import DateSpan
from briefing_app.domain.model import Lane

__all__ = ["LinkSuggestion", "Passage", "Proposal"]


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    """An existing event the proposal may be the same as."""

    event_id: str
    title: str
    when: str
    shared: tuple[str, ...]
    gap_days: int
    reason: str = ""
    """Why, in words a user reads: the date, the name or actors the passage shares."""
    named: bool = False
    """The passage names the happening (in any language)."""
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    """Proper nouns of the event's title the passage names ("Madrid")."""
    background: bool = False
    """The event lasts far longer and neither begins nor ends on the proposal's dates
    (a six-month presidency around a summit): related, never the same happening."""
    named_above: bool = False
    """The happening is named only above the passage: in the headings over it or the
    article's headline ("Wales Summit Declaration" over "in Wales 4-5 September")."""
    principal: bool = False
    """The passage names the event's first actor and gives its own single day ("the
    European Council on Thursday" for the special European Council of that Thursday)."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of the article that reports a proposal's happening."""

    start: int
    end: int
    text: str


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
    excerpts: tuple[Passage, ...] = ()
    """Every passage that reports the happening, in text order; the first is ``start:end``."""
    same_as: str | None = None
    """The existing event this plainly is (the user may still choose otherwise)."""

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.excerpts or (Passage(self.start, self.end, self.sentence),)
