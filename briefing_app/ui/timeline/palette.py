"""The timeline's fixed colours, chosen to stay distinct for colour-blind readers.

Lane colours are the Okabe–Ito palette (Okabe & Ito, 2008), which keeps
the six lanes apart under the common forms of colour blindness; lanes are
also named and placed, so colour is never the only cue. Yellow is left out:
it has no contrast against a light background.
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtGui import QColor

from briefing_app.domain.model import Lane

__all__ = [
    "LANE_COLORS",
    "lane_color",
    "FLAG_COLOR",
    "ANNOTATION_COLOR",
    "CLUSTER_TEXT_COLOR",
]

_LANE_HEX = {
    Lane.EU: "#0072B2",       # blue
    Lane.NATO: "#009E73",     # bluish green
    Lane.RUSSIA: "#D55E00",   # vermillion
    Lane.US: "#CC79A7",       # reddish purple
    Lane.UKRAINE: "#E69F00",  # orange
    Lane.OTHER: "#6F6F6F",    # neutral grey
}

LANE_COLORS = MappingProxyType({lane: QColor(hex_) for lane, hex_ in _LANE_HEX.items()})
"""Lane → colour, read-only: share it, never edit it."""

FLAG_COLOR = QColor("#B0123A")
"""Flag badge: a deep crimson, darker than any lane colour."""

ANNOTATION_COLOR = QColor("#2F3B52")
"""Annotation badge: slate, reads as ink on any lane colour."""

CLUSTER_TEXT_COLOR = QColor("#1A1A1A")


def lane_color(lane: Lane, alpha: int = 255) -> QColor:
    """The lane's colour, optionally translucent (bands, cluster fills)."""
    color = QColor(LANE_COLORS[lane])
    color.setAlpha(alpha)
    return color
