"""A briefing as a value: named, ordered talking points, each citing events or excerpts.

Plain values (no Qt, no SQL) so that the services that store briefings, the
exports that print them and the window that shows them share one type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["BriefingSnapshot", "Citation", "PointSnapshot", "Target"]

Target = tuple[str | None, str | None]
"""(event id, excerpt uid): what a citation points at; exactly one is set."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A talking point's reference to an event, or to one excerpt of an event."""

    event_id: str
    """The cited event (for an excerpt, the event it belongs to)."""
    excerpt_uid: str | None = None
    source_file: str | None = field(default=None, compare=False)
    title: str = field(default="", compare=False)
    when: str = field(default="", compare=False)
    quote: str = field(default="", compare=False)

    @property
    def target(self) -> Target:
        return (None, self.excerpt_uid) if self.excerpt_uid else (self.event_id, None)

    def label(self) -> str:
        """How the reference list shows it: date, title, and the quote for an excerpt."""
        head = f"{self.when} · {self.title}" if self.when else self.title or self.event_id
        if self.excerpt_uid:
            quote = self.quote if len(self.quote) <= 90 else self.quote[:89].rstrip() + "…"
            return f"“{quote}” ({head})"
        return head


@dataclass(frozen=True, slots=True)
class PointSnapshot:
    uid: str
    text: str
    citations: tuple[Citation, ...]
    created_at: datetime
    updated_at: datetime
    created_by: str | None = field(default=None, compare=False)
    """Who wrote the point and who changed it last (None: older than authors)."""
    updated_by: str | None = field(default=None, compare=False)
    version: int = field(default=1, compare=False)
    """The stored version the point was read at: a save against an older one is kept beside."""
    conflict_of: str | None = None
    """Uid of the point this one was saved against while someone else changed that one:
    both are kept, side by side."""

    def authors_text(self) -> str:
        """``Written by alice · last changed by bob``, or "" when nobody is recorded."""
        if self.created_by is None and self.updated_by is None:
            return ""
        made = f"Written by {self.created_by or 'an unknown author'}"
        if self.updated_by and self.updated_by != self.created_by:
            return f"{made} · last changed by {self.updated_by}"
        return made

    @property
    def supported(self) -> bool:
        """A point that cites nothing is the briefer's claim alone."""
        return bool(self.citations)


@dataclass(frozen=True, slots=True)
class BriefingSnapshot:
    uid: str
    name: str
    position: int
    created_at: datetime
    updated_at: datetime
    points: tuple[PointSnapshot, ...] = ()

    def references(self) -> list[Citation]:
        """Every cited thing once, numbered [1], [2]... in order of first appearance."""
        seen: dict[Target, Citation] = {}
        for point in self.points:
            for c in point.citations:
                seen.setdefault(c.target, c)
        return list(seen.values())

    def reference_numbers(self) -> list[list[int]]:
        """For each point, the numbers of its citations in the reference list."""
        numbers = {c.target: n for n, c in enumerate(self.references(), 1)}
        return [[numbers[c.target] for c in p.citations] for p in self.points]

    def point_index(self, point_uid: str) -> int:
        for i, p in enumerate(self.points):
            if p.uid == point_uid:
                return i
        return -1

    def content(self) -> tuple[object, ...]:
        """Name and points (text and citations): equal content means the same briefing."""
        return (
            self.name,
            tuple((p.uid, p.text, tuple(c.target for c in p.citations)) for p in self.points),
        )
