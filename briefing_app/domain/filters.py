"""What the user has chosen to see: lanes, actor, confidence, period, annotations, tags.

One vocabulary for the window's filter bar and every export: an export made
from the window takes the same value, so it shows what the user filtered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from briefing_app.domain.grading import Grade
from briefing_app.domain.model import LANES, Confidence, Event, Lane

__all__ = ["ANY_GRADE", "EventFilter", "grade_floor_label"]

ANY_GRADE = Grade("F", "6")
"""As a floor: every graded passage meets it, an ungraded one does not."""


def grade_floor_label(floor: Grade) -> str:
    """ "graded" for any grade, "graded B2 or better" for a stricter floor."""
    return "graded" if floor == ANY_GRADE else f"graded {floor.label} or better"


@dataclass(frozen=True)
class EventFilter:
    """A predicate over events; the default shows everything."""

    lanes: frozenset[Lane] = field(default_factory=lambda: frozenset(LANES))
    actor: str | None = None
    confidences: frozenset[Confidence] = field(default_factory=lambda: frozenset(Confidence))
    first_day: date | None = None
    last_day: date | None = None
    annotated_only: bool = False
    flagged_only: bool = False
    tags: frozenset[str] = frozenset()
    """Only events whose annotations carry one of these tags (compared without case)."""
    min_grade: Grade | None = None
    """Only events with a passage graded this well or better, in both parts (F6: any grade)."""

    @cached_property
    def _folded_tags(self) -> frozenset[str]:
        return frozenset(t.casefold() for t in self.tags)

    @property
    def is_default(self) -> bool:
        return self == EventFilter()

    def matches(self, ev: Event) -> bool:
        if ev.lane not in self.lanes or ev.confidence not in self.confidences:
            return False
        if self.actor and not any(self.actor.casefold() == a.casefold() for a in ev.actors):
            return False
        if self.first_day and ev.when.last_day < self.first_day:
            return False
        if self.last_day and ev.when.first_day > self.last_day:
            return False
        if self.annotated_only and ev.annotation_count == 0:
            return False
        if self.tags and not any(t.casefold() in self._folded_tags for t in ev.tags):
            return False
        if self.min_grade is not None and not (
            ev.support is not None and ev.support.at_least(self.min_grade)
        ):
            return False
        return not (self.flagged_only and not ev.flagged)

    def hidden_ids(self, events: Iterable[Event]) -> set[str]:
        """Ids of events this filter hides (lanes aside: the view hides lanes itself)."""
        keep_lanes = replace(self, lanes=frozenset(LANES))
        if keep_lanes.is_default:
            return set()  # nothing but lanes chosen: no need to look at 100,000 events
        return {ev.id for ev in events if not keep_lanes.matches(ev)}

    def with_lane(self, lane: Lane, visible: bool) -> EventFilter:
        lanes = set(self.lanes)
        (lanes.add if visible else lanes.discard)(lane)
        return replace(self, lanes=frozenset(lanes))

    def describe(self) -> str:
        """A short line for the status bar, e.g. 'lanes: EU, NATO · actor: France'."""
        parts: list[str] = []
        if self.lanes != frozenset(LANES):
            parts.append("lanes: " + ", ".join(x.value for x in LANES if x in self.lanes))
        if self.actor:
            parts.append(f"actor: {self.actor}")
        if self.confidences != frozenset(Confidence):
            parts.append(
                "confidence: " + ", ".join(c.value for c in Confidence if c in self.confidences)
            )
        if self.first_day or self.last_day:
            a = self.first_day.isoformat() if self.first_day else "…"
            b = self.last_day.isoformat() if self.last_day else "…"
            parts.append(f"period: {a} – {b}")
        if self.annotated_only:
            parts.append("annotated only")
        if self.flagged_only:
            parts.append("talking points only")
        if self.min_grade is not None:
            parts.append(grade_floor_label(self.min_grade))
        if self.tags:
            names = sorted(self.tags, key=str.casefold)
            parts.append(("tag: " if len(names) == 1 else "tags: ") + ", ".join(names))
        return " · ".join(parts)
