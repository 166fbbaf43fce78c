"""The timeline's fixed colours as QColors, for the widgets.

The values live in ``briefing_app.geometry.palette`` (plain RGB, shared with
the exports): the Okabe–Ito palette (Okabe & Ito, 2008), which keeps the six
lanes apart under the common forms of colour blindness. Lanes are also named
and placed, so colour is never the only cue.
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtGui import QColor

from briefing_app.domain.model import Lane
from briefing_app.geometry.palette import ANNOTATION_RGB, CLUSTER_TEXT_RGB, FLAG_RGB, LANE_RGB

__all__ = [
    "LANE_COLORS",
    "lane_color",
    "FLAG_COLOR",
    "ANNOTATION_COLOR",
    "CLUSTER_TEXT_COLOR",
]

LANE_COLORS = MappingProxyType({lane: QColor(*rgb) for lane, rgb in LANE_RGB.items()})
"""Lane → colour, read-only: share it, never edit it."""

FLAG_COLOR = QColor(*FLAG_RGB)
ANNOTATION_COLOR = QColor(*ANNOTATION_RGB)
CLUSTER_TEXT_COLOR = QColor(*CLUSTER_TEXT_RGB)


def lane_color(lane: Lane, alpha: int = 255) -> QColor:
    """The lane's colour, optionally translucent (bands, cluster fills)."""
    color = QColor(LANE_COLORS[lane])
    color.setAlpha(alpha)
    return color
