"""What the timeline and the overview strip share: following the loaded chronology.

Both show the model's index, hide what its filter hides and drop the lanes the
filter leaves out; they differ only in how they draw it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.domain.model import Lane

if TYPE_CHECKING:
    from briefing_app.domain.changes import ChronologyChange
    from briefing_app.domain.filters import EventFilter
    from briefing_app.geometry.index import EventIndex
    from briefing_app.ui.common.chronology_model import ChronologyModel

__all__ = ["ChronologyFollower"]


class ChronologyFollower:
    """Mixin for a view of the chronology: ``follow(model)`` keeps it in step.

    The view provides ``set_index``, ``set_lane_visible`` and ``set_hidden_ids``."""

    _chronology: ChronologyModel | None = None

    def set_index(self, index: EventIndex, shown: EventIndex | None = None) -> None:
        raise NotImplementedError

    def set_lane_visible(self, lane: Lane, visible: bool) -> None:
        raise NotImplementedError

    def set_hidden_ids(
        self, ids: set[str] | frozenset[str], shown: EventIndex | None = None
    ) -> None:
        raise NotImplementedError

    def follow(self, chronology: ChronologyModel) -> None:
        """Show ``chronology`` and keep showing it as it changes and as it is filtered."""
        self._chronology = chronology
        chronology.changed.connect(self._chronology_changed)
        chronology.filterChanged.connect(self._filter_changed)
        self.set_index(chronology.index, chronology.shown)

    def _chronology_changed(self, change: ChronologyChange) -> None:
        if change.touches_events and self._chronology is not None:
            self.set_index(self._chronology.index, self._chronology.shown)

    def _filter_changed(self, flt: EventFilter) -> None:
        for lane in Lane:
            self.set_lane_visible(lane, lane in flt.lanes)
        if self._chronology is not None:
            self.set_hidden_ids(self._chronology.hidden_ids, self._chronology.shown)
