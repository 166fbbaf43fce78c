"""The loaded chronology alone: a change is applied by reading what it names, and said once."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.filters import EventFilter
from briefing_app.domain.model import Lane
from briefing_app.services.annotations import create_annotation, update_annotation
from briefing_app.services.user_events import EventDraft, create_user_event, set_event_hidden
from briefing_app.storage.database import Database
from briefing_app.ui.common import chronology_model
from briefing_app.ui.common.chronology_model import ChronologyModel
from briefing_app.ui.panels.event_table import EventTableModel
from briefing_app.ui.timeline.timeline_view import TimelineView

EVENT = "helsinki-headline-goal"


@pytest.fixture
def model(library: Database) -> ChronologyModel:
    model = ChronologyModel(library)
    model.reload()
    return model


def _announced(qtbot: QtBot, model: ChronologyModel, change: ChronologyChange) -> ChronologyChange:
    with qtbot.waitSignal(model.changed) as blocker:
        model.apply(change)
    (applied,) = blocker.args
    assert isinstance(applied, ChronologyChange)
    return applied


def test_a_new_note_patches_its_event_alone_in_one_read(
    qtbot: QtBot, model: ChronologyModel, library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {e.id: e for e in model.events}
    reads: list[object] = []
    real = chronology_model.list_events
    monkeypatch.setattr(
        chronology_model, "list_events", lambda *a, **k: reads.append(k.get("ids")) or real(*a, **k)
    )
    create_annotation(library, event_id=EVENT, body="ask about it", tags=("budget",))
    applied = _announced(qtbot, model, ChronologyChange.of_notes([EVENT]))
    assert reads == [frozenset({EVENT})]  # one query for the named event, not the whole list
    assert applied.changed == {EVENT} and applied.notes == {EVENT}
    noted = model.event(EVENT)
    assert noted is not None and noted.annotation_count == 1 and noted.tags == ("budget",)
    assert "budget" in model.tags()
    assert all(e is before[e.id] for e in model.events if e.id != EVENT)  # the rest untouched
    assert [e.id for e in model.events] == list(before)  # still in date order


def test_a_note_edit_that_changes_no_badge_changes_no_event(
    qtbot: QtBot, model: ChronologyModel, library: Database
) -> None:
    note = create_annotation(library, event_id=EVENT, body="first")
    model.apply(ChronologyChange.of_notes([EVENT]))
    update_annotation(library, note.uid, body="first, then more")
    applied = _announced(qtbot, model, ChronologyChange.of_notes([EVENT]))
    assert applied.notes == {EVENT}
    assert not applied.touches_events  # nothing for the timeline to redraw


def test_ids_are_sorted_into_added_and_removed(
    qtbot: QtBot, model: ChronologyModel, library: Database
) -> None:
    n = len(model.events)
    made = create_user_event(
        library, EventDraft("Made elsewhere", DateSpan(PartialDate.day(2024, 5, 1)), Lane.EU)
    )
    set_event_hidden(library, EVENT, True)
    applied = _announced(qtbot, model, ChronologyChange.of_events([made.id, EVENT]))
    assert (applied.added, applied.removed, applied.changed) == ({made.id}, {EVENT}, set())
    assert len(model.events) == n and model.event(EVENT) is None
    assert model.event(made.id) is not None and made.id in model.index
    assert model.counts["events"] == n + 1  # hidden events are still stored


def test_views_that_follow_show_a_change_made_elsewhere(
    qtbot: QtBot, model: ChronologyModel, library: Database
) -> None:
    """What a shared database will need: a change from outside, applied once, seen by all."""
    timeline, table = TimelineView(), EventTableModel()
    qtbot.addWidget(timeline)
    timeline.follow(model)
    table.follow(model)
    made = create_user_event(
        library, EventDraft("From another laptop", DateSpan(PartialDate.day(2024, 6, 1)), Lane.NATO)
    )
    model.apply(ChronologyChange.of_events([made.id]))
    assert made.id in timeline.event_index
    assert table.row_of(made.id) >= 0


def test_a_filter_hides_events_and_is_said_once(qtbot: QtBot, model: ChronologyModel) -> None:
    with qtbot.waitSignal(model.filterChanged):
        model.set_filter(EventFilter(actor="NATO"))
    assert model.hidden_ids and all(not model.is_visible(i) for i in model.hidden_ids)
    assert model.shown.hidden_ids == model.hidden_ids
    assert model.hidden_count == len(model.hidden_ids)


def test_nothing_changed_is_not_announced(qtbot: QtBot, model: ChronologyModel) -> None:
    with qtbot.assertNotEmitted(model.changed):
        model.apply(ChronologyChange())


def test_the_filter_bar_applies_its_filter_and_offers_new_tags(
    qtbot: QtBot, model: ChronologyModel, library: Database
) -> None:
    from briefing_app.ui.panels.filter_bar import FilterBar
    from briefing_app.ui.timeline.palette import LANE_COLORS

    bar = FilterBar(LANE_COLORS)
    qtbot.addWidget(bar)
    bar.follow(model)
    assert "briefing-call" not in bar.tag_choices()
    create_annotation(library, event_id=EVENT, body="", tags=("briefing-call",))
    model.apply(ChronologyChange.of_notes([EVENT]))
    assert "briefing-call" in bar.tag_choices()  # offered as soon as a note carries it
    with qtbot.waitSignal(model.filterChanged):
        bar.set_filter(EventFilter(tags=frozenset({"briefing-call"})))
    assert model.filter.tags == {"briefing-call"}
    assert model.hidden_count == len(model.events) - 1
    assert bar.indicator.text() == f"Filters hide {len(model.events) - 1} events"
