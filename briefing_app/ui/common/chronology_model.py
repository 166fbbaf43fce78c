"""The loaded chronology: events, their index, sources, counts and the filter, in one place.

Every view that shows the chronology (timeline, overview, event list, filter
bar, sources) reads it from here and subscribes to ``changed``; the window no
longer decides what each panel refreshes. A change arrives as a
``ChronologyChange`` (an edit, an undo, an import, a restored backup, or an
edit made elsewhere on a shared database) and is applied by reading just the
events it names, in one query, and announced once.

Signals:
    changed(ChronologyChange): the chronology was brought up to date; the value
        says which events were added, changed or removed and whose notes changed.
    filterChanged(EventFilter): another filter is applied (``hidden_ids`` follow it).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from datetime import date

from PySide6.QtCore import QObject, Signal

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.filters import EventFilter
from briefing_app.domain.model import Event, Source
from briefing_app.gc_tuning import long_lived_objects
from briefing_app.geometry.index import EventIndex
from briefing_app.storage.database import Database
from briefing_app.storage.repository import counts, list_events, list_sources

__all__ = ["ChronologyModel"]

READ_SINGLY = 500
"""Up to this many changed events are read by id; more, and everything is read again."""


def _date_order(event: Event) -> tuple[date, date, str]:
    """The order list_events returns: first day, last day, id."""
    return event.when.first_day, event.when.last_day, event.id


def _badge(event: Event) -> tuple[int, bool, tuple[str, ...]]:
    """What notes change in an event as loaded: how many, the talking-point flag, the tags."""
    return event.annotation_count, event.flagged, event.tags


class ChronologyModel(QObject):
    changed = Signal(object)
    filterChanged = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.events: list[Event] = []
        """Every event shown on the timeline (hidden ones left out), in date order."""
        self.index = EventIndex()
        self.shown = self.index
        """``index`` with the events the filter hides left out (lanes aside)."""
        self.sources: dict[str, Source] = {}
        self.counts: dict[str, int] = {"sources": 0, "events": 0, "excerpts": 0, "annotations": 0}
        self.filter = EventFilter()
        self.hidden_ids: frozenset[str] = frozenset()

    # -- reading -----------------------------------------------------------------------------
    def event(self, event_id: str | None) -> Event | None:
        """The loaded event with this id (the index maps ids to events)."""
        found = self.index.get(event_id) if event_id else None
        return None if found is None else found.event

    @property
    def hidden_count(self) -> int:
        """Events the filter hides, lanes included."""
        return len(self.events) - self.shown.shown_count(self.filter.lanes)

    def actors(self) -> set[str]:
        return {a for e in self.events for a in e.actors}

    def tags(self) -> set[str]:
        return {t for e in self.events for t in e.tags}

    def is_visible(self, event_id: str) -> bool:
        event = self.event(event_id)
        return event is not None and self.filter.matches(event)

    # -- changing ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again and say so."""
        self.apply(ChronologyChange.all())

    def apply(self, change: ChronologyChange) -> ChronologyChange:
        """Bring the chronology up to date with ``change`` and announce what it did.

        Returns the change as applied: ids sorted into added, changed and
        removed, and a note change that altered no badge left in ``notes`` only.
        """
        if not change:
            return change
        touched = change.events
        if change.everything or len(touched) > READ_SINGLY:
            with long_lived_objects():
                # Excerpts are read per event when shown: 100,000 events must open fast.
                self.events = list_events(self.db, brief=True)
            applied = ChronologyChange(notes=change.notes, sources=True, everything=True)
        else:
            applied = self._patch(touched, change.notes - touched, change)
        if applied.touches_events:
            with long_lived_objects(collect=False):
                self.index = EventIndex(self.events)
            self._refilter(index_changed=True)
        if applied.touches_events or applied.sources:
            self.sources = {s.file: s for s in list_sources(self.db)}
            self.counts = counts(self.db)
        self.changed.emit(applied)
        return applied

    def _patch(
        self, touched: frozenset[str], noted: frozenset[str], change: ChronologyChange
    ) -> ChronologyChange:
        """Read the named events (one query) and put them in their places."""
        wanted = touched | noted
        fresh = {e.id: e for e in list_events(self.db, brief=True, ids=wanted)} if wanted else {}
        events = self.events
        added: set[str] = set()
        changed: set[str] = set()
        removed: set[str] = set()
        for event_id in sorted(wanted):
            old, new = self.event(event_id), fresh.get(event_id)
            if event_id in noted and (old is None or new is None or _badge(old) == _badge(new)):
                continue  # typing in a note changes no badge: nothing to redraw
            if old is not None:
                at = bisect_left(events, _date_order(old), key=_date_order)
                if at < len(events) and events[at].id == event_id:
                    del events[at]
            if new is not None:
                insort(events, new, key=_date_order)
            if old is None and new is not None:
                added.add(event_id)
            elif old is not None and new is None:
                removed.add(event_id)
            elif old is not None:
                changed.add(event_id)
        return ChronologyChange(
            frozenset(added),
            frozenset(changed),
            frozenset(removed),
            change.notes,
            sources=change.sources or bool(touched),
        )

    def set_filter(self, flt: EventFilter) -> None:
        """Apply ``flt``: which events are hidden, and how many."""
        self.filter = flt
        self._refilter()
        self.filterChanged.emit(flt)

    def _refilter(self, index_changed: bool = False) -> None:
        hidden = frozenset(self.filter.hidden_ids(self.events))
        if index_changed or hidden != self.hidden_ids:
            self.hidden_ids = hidden
            self.shown = self.index.with_hidden(hidden)
