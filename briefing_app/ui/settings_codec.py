"""Saving a filter in QSettings as a small JSON string, and reading it back."""

from __future__ import annotations

import json
from datetime import date

from briefing_app.domain.filters import EventFilter
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
            "tag": flt.tag,
        }
    )


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
            tag=data["tag"] if isinstance(data.get("tag"), str) and data["tag"] else None,
        )
    except (ValueError, KeyError, TypeError):
        return None
