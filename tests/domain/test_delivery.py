"""The comparison of a delivered briefing's state with today's, as plain values."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.domain.delivery import (
    ChangeKind,
    DeliveredState,
    EventState,
    ExcerptState,
    NoteState,
    PointState,
    StateFormatError,
    changes_between,
)

EVENT = EventState("e1", "Council adopts the Strategic Compass", "21 Mar 2022", "EU", "high")
PASSAGE = ExcerptState("x1", "e1", "The Council approved the Strategic Compass", None, "B2")
NOTE = NoteState("n1", "e1", "Ask about the 2030 target.")
POINT = PointState("p1", "The Compass sets goals to 2030.", (("e1", None),))


def _state(**changes: object) -> DeliveredState:
    base: dict[str, object] = {
        "briefing_uid": "b1",
        "name": "Compass",
        "points": (POINT,),
        "events": {"e1": EVENT},
        "excerpts": {"x1": PASSAGE},
        "notes": {"n1": NOTE},
        "period": (date(2022, 3, 21), date(2022, 3, 21)),
        "in_period": frozenset({"e1"}),
    }
    base.update(changes)
    return DeliveredState(**base)  # type: ignore[arg-type]


def test_equal_states_have_no_changes() -> None:
    assert changes_between(_state(), _state()) == []


def test_a_removed_event_is_said_so_and_its_point_rests_on_a_change() -> None:
    changes = changes_between(_state(), _state(events={}, excerpts={}, notes={}))
    kinds = [c.kind for c in changes]
    assert ChangeKind.EVENT_REMOVED in kinds
    assert (
        changes[0].text == "“Council adopts the Strategic Compass” is no longer in the chronology"
    )
    assert kinds[-1] is ChangeKind.SUPPORT_CHANGED
    assert ChangeKind.EXCERPT_REMOVED not in kinds  # the event's removal says it


def test_a_confidence_change_alone_does_not_unsettle_the_points() -> None:
    lower = EventState(EVENT.id, EVENT.title, EVENT.when, EVENT.lane, "medium")
    kinds = [c.kind for c in changes_between(_state(), _state(events={"e1": lower}))]
    assert kinds == [ChangeKind.CONFIDENCE_CHANGED]


def test_long_texts_are_cut_to_one_line_in_the_messages() -> None:
    long = NoteState("n1", "e1", "word " * 40)
    (change,) = changes_between(_state(), _state(notes={"n1": long}))
    assert change.kind is ChangeKind.NOTE_EDITED
    assert change.text.endswith("…”") and len(change.text) < 110
    assert change.after == long.body


def test_a_passage_that_checks_out_again_is_said_so() -> None:
    bad = ExcerptState("x1", "e1", PASSAGE.quote, "the stored article changed", "B2")
    kinds = [c.kind for c in changes_between(_state(excerpts={"x1": bad}), _state())]
    assert kinds == [ChangeKind.EXCERPT_CLEARED, ChangeKind.SUPPORT_CHANGED]


def test_the_stored_form_reads_back_and_refuses_what_it_cannot_read() -> None:
    state = _state()
    assert DeliveredState.from_json(state.to_json()) == state
    with pytest.raises(StateFormatError, match="newer version"):
        DeliveredState.from_json('{"format": 99}')
    with pytest.raises(StateFormatError, match="cannot be read"):
        DeliveredState.from_json('{"format": 1, "name": "x"}')
    with pytest.raises(StateFormatError):
        DeliveredState.from_json("not json")
