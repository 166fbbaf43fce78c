"""Events made by the bulk-read path are the same values as any other."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from briefing_app.domain.dates import DateSpan, PartialDate, Precision
from briefing_app.domain.grading import Grade
from briefing_app.domain.model import Confidence, Event, Lane, Origin, event_from_fields

VALUES = (
    "nato-summit",
    "A summit",
    DateSpan(PartialDate(date(2022, 6, 1), Precision.MONTH)),
    Lane.NATO,
    "In our words.",
    ("NATO",),
    Confidence.MEDIUM,
    ("ref",),
    (),
    Origin.USER,
    3,
    True,
    ("defence",),
    Grade("B", "2"),
)


def test_bulk_made_event_equals_the_constructed_one() -> None:
    made, built = event_from_fields(*VALUES), Event(*VALUES)
    assert type(made) is Event
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert dataclasses.astuple(made) == dataclasses.astuple(built)
    assert dataclasses.replace(made, title="B") == dataclasses.replace(built, title="B")


def test_bulk_made_event_is_frozen() -> None:
    made = event_from_fields(*VALUES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.title = "changed"  # type: ignore[misc]
    assert made.title == "A summit"


def test_bulk_made_event_needs_every_field() -> None:
    with pytest.raises(TypeError):
        event_from_fields(*VALUES[:-1])
    with pytest.raises(TypeError):
        event_from_fields(*VALUES, "extra")
