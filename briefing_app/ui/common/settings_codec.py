"""Saving a filter in QSettings as a small JSON string, and reading it back."""

from __future__ import annotations

import json
from datetime import date

from briefing_app.domain.filters import EventFilter
from briefing_app.domain.grading import Grade
from briefing_app.domain.model import Confidence, Lane

__all__ = ["encode_filter", "decode_filter"]


def encode_filter(flt: EventFilter) -> str:
    return json.dumps(
        {
            "lanes": sorted(lane.value for lane in flt.lanes),
            "actor": flt.actor,
            "confidences": sorted(c.value for c in flt.confidences),
            "first_day": flt.first_day.isoformat() if flt.first_day else None,
            "last_day": flt.last_day.isoformat() if flt.last_day else None,
            "annotated_only": flt.annotated_only,
            "flagged_only": flt.flagged_only,
            "tags": sorted(flt.tags, key=str.casefold),
            "min_grade": flt.min_grade.label if flt.min_grade else None,
        }
    )


def _tags(data: dict[str, object]) -> frozenset[str]:
    """The saved tags; a filter saved before tags were a set kept one, as "tag"."""
    tags = data.get("tags")
    if isinstance(tags, list):
        return frozenset(t for t in tags if isinstance(t, str) and t)
    one = data.get("tag")
    return frozenset({one}) if isinstance(one, str) and one else frozenset()


def decode_filter(value: object) -> EventFilter | None:
    """The saved filter, or None when nothing (or nothing readable) was saved."""
    if not isinstance(value, str):
        return None
    try:
        data = json.loads(value)
        return EventFilter(
            lanes=frozenset(Lane.parse(x) for x in data["lanes"]),
            actor=data.get("actor"),
            confidences=frozenset(Confidence.parse(x) for x in data["confidences"]),
            first_day=date.fromisoformat(data["first_day"]) if data.get("first_day") else None,
            last_day=date.fromisoformat(data["last_day"]) if data.get("last_day") else None,
            annotated_only=bool(data.get("annotated_only")),
            flagged_only=bool(data.get("flagged_only")),
            tags=_tags(data),
            min_grade=Grade.parse(data["min_grade"]) if data.get("min_grade") else None,
        )
    except (ValueError, KeyError, TypeError):
        return None
