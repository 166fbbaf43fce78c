"""What changed in the chronology: one small value, said once to everything that shows it.

An edit, an undo, an import, a restored backup, or an edit made on another
machine sharing the database is described by which events it touched and
whether notes or sources changed, so each view decides what to redraw and
nobody reads the database again to find out what an edit touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ChronologyChange"]


@dataclass(frozen=True, slots=True)
class ChronologyChange:
    """Event ids added, changed or removed; notes or sources changed; or everything.

    Whoever makes a change may put every id it touched in ``changed`` (an
    undo cannot always tell a new event from an edited one): the loaded
    chronology sorts them into added, changed and removed when it applies
    the change, and announces the sorted value.
    """

    added: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    """Events whose fields, excerpts, visibility or badges changed (or may have)."""
    removed: frozenset[str] = frozenset()
    notes: frozenset[str] = frozenset()
    """Events whose notes changed: their badge, flag and tags may differ."""
    sources: bool = False
    """Sources were added or changed (an imported article), or their counts."""
    everything: bool = False
    """Anything may have changed (a restored backup, merged notes): read it all again."""

    @classmethod
    def of_events(cls, ids: Iterable[str]) -> ChronologyChange:
        return cls(changed=frozenset(ids))

    @classmethod
    def of_notes(cls, ids: Iterable[str]) -> ChronologyChange:
        return cls(notes=frozenset(ids))

    @classmethod
    def all(cls) -> ChronologyChange:
        return cls(everything=True)

    @property
    def events(self) -> frozenset[str]:
        """Every event id added, changed or removed."""
        return self.added | self.changed | self.removed

    @property
    def touches_events(self) -> bool:
        """Whether what the timeline draws may differ (notes alone do not say so)."""
        return self.everything or bool(self.added or self.changed or self.removed)

    def __bool__(self) -> bool:
        return self.everything or self.sources or bool(self.events or self.notes)

    def __or__(self, other: ChronologyChange) -> ChronologyChange:
        """Both changes at once (edits collected into one announcement)."""
        return ChronologyChange(
            self.added | other.added,
            self.changed | other.changed,
            self.removed | other.removed,
            self.notes | other.notes,
            self.sources or other.sources,
            self.everything or other.everything,
        )
