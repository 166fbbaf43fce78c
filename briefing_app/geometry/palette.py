"""Lane and badge colours as plain RGB, shared by the screen and every export.

The values are the Okabe–Ito palette the screen uses (see
``ui/timeline/palette.py``), kept here without Qt so that the PDF, PNG and
SVG exports, which may not import the UI, draw the same lanes in the same
colours. Yellow is left out: it has no contrast on white paper.
"""

from __future__ import annotations

from types import MappingProxyType

from briefing_app.domain.model import Lane

__all__ = ["ANNOTATION_RGB", "CLUSTER_TEXT_RGB", "FLAG_RGB", "LANE_RGB", "RGB", "hex_of"]

RGB = tuple[int, int, int]

LANE_RGB: MappingProxyType[Lane, RGB] = MappingProxyType(
    {
        Lane.EU: (0x00, 0x72, 0xB2),  # blue
        Lane.NATO: (0x00, 0x9E, 0x73),  # bluish green
        Lane.RUSSIA: (0xD5, 0x5E, 0x00),  # vermillion
        Lane.US: (0xCC, 0x79, 0xA7),  # reddish purple
        Lane.UKRAINE: (0xE6, 0x9F, 0x00),  # orange
        Lane.OTHER: (0x6F, 0x6F, 0x6F),  # neutral grey
    }
)
"""Lane → colour; read-only."""

FLAG_RGB: RGB = (0xB0, 0x12, 0x3A)
"""Talking-point badge: a deep crimson, darker than any lane colour."""

ANNOTATION_RGB: RGB = (0x2F, 0x3B, 0x52)
"""Annotation badge: slate, reads as ink on any lane colour."""

CLUSTER_TEXT_RGB: RGB = (0x1A, 0x1A, 0x1A)


def hex_of(rgb: RGB) -> str:
    """``#rrggbb`` for SVG, HTML or QColor."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)
