"""The lane colours stay apart for the common colour-vision deficiencies.

Each lane colour is passed through the simulation of Machado, Oliveira and
Fernandes (2009, full severity, applied in linear RGB) for protanopia,
deuteranopia and tritanopia, and every pair of lanes must stay at least
``MIN_DELTA_E`` apart in CIELAB (ΔE*76; about 2.3 is a just-noticeable
difference, above 10 two colours read as different at a glance).
"""

from __future__ import annotations

import itertools
import math

import pytest

from briefing_app.geometry.palette import LANE_RGB, RGB

MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
MIN_DELTA_E = 12.0


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(linear_rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(max(v, 0.0), 1.0) for v in linear_rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(rgb: RGB, deficiency: str) -> tuple[float, float, float]:
    linear = [_linear(v) for v in rgb]
    matrix = MACHADO[deficiency]
    return _lab([sum(row[j] * linear[j] for j in range(3)) for row in matrix])


def closest_pair(colours: dict[str, RGB], deficiency: str) -> tuple[float, str, str]:
    seen = {name: _seen(rgb, deficiency) for name, rgb in colours.items()}
    return min((math.dist(seen[a], seen[b]), a, b) for a, b in itertools.combinations(colours, 2))


@pytest.mark.parametrize("deficiency", sorted(MACHADO))
def test_every_pair_of_lanes_stays_apart(deficiency: str) -> None:
    colours = {lane.value: rgb for lane, rgb in LANE_RGB.items()}
    distance, a, b = closest_pair(colours, deficiency)
    assert distance >= MIN_DELTA_E, f"{a} and {b}: ΔE {distance:.1f} under {deficiency}"


def test_the_check_catches_a_red_green_pair() -> None:
    """A pure red and a green of the same lightness collapse for a deuteranope."""
    distance, _, _ = closest_pair(
        {"red": (0xD0, 0x40, 0x30), "green": (0x70, 0x80, 0x20)}, "deuteranopia"
    )
    assert distance < MIN_DELTA_E
