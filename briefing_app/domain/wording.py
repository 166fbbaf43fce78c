"""Counts in words: "1 note", "2 notes", never "1 notes"."""

from __future__ import annotations

__all__ = ["BIDI_CONTROLS", "counted", "shown_as_written"]


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it needs (``plural`` defaults to singular + "s")."""
    noun = singular if n == 1 else (plural if plural is not None else f"{singular}s")
    return f"{n:,} {noun}"


BIDI_CONTROLS = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}
"""Invisible characters that reorder the text around them, and their Unicode short names."""

_BIDI_TABLE = {ord(c): f"[{name}]" for c, name in BIDI_CONTROLS.items()}


def shown_as_written(text: str) -> str:
    """``text`` with each direction control shown as its name ("[RLO]"), not applied.

    A title such as "Report\\u202egpj.exe" would otherwise print reversed after the
    control: on paper a reader must see the characters in the order they were
    stored. Right-to-left scripts themselves are untouched and still read right to
    left."""
    return text.translate(_BIDI_TABLE)
