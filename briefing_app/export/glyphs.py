"""Text as the exports can print it: every character in a shipped font, or named.

The PDF, PNG and SVG are set in the fonts shipped in ``resources/fonts/``:
DejaVu Sans, with Symbola (emoji, symbols) and Droid Sans Fallback (Chinese,
Japanese) behind it (``typeset.FALLBACK_FAMILIES``). A character none of them
has would print as an empty box, so it is printed as its code point
("[U+D55C]") instead, the way direction controls are shown as "[RLO]": the
reader sees that something is there and what it is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from PySide6.QtGui import QRawFont

from briefing_app.domain.model import Event
from briefing_app.domain.wording import shown_as_written
from briefing_app.paths import FONTS_DIR

__all__ = ["paper_events", "printable"]

_DRAWN = ("L", "M", "N", "P", "S")
"""Categories whose characters leave ink: letters, marks, numbers, punctuation, symbols.
Spaces, joiners and variation selectors draw nothing, so they need no glyph."""


@cache
def _shipped_fonts() -> tuple[QRawFont, ...]:
    """The shipped regular faces (bold and oblique cover the same characters); none when
    the files are missing, since the system's fonts are then used and nothing is named."""
    fonts = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        if "Bold" in path.stem or "Oblique" in path.stem:
            continue
        raw = QRawFont(str(path), 12.0)
        if raw.isValid():
            fonts.append(raw)
    return tuple(fonts)


@lru_cache(maxsize=8192)
def _has_glyph(ch: str) -> bool:
    fonts = _shipped_fonts()
    if not fonts or not unicodedata.category(ch).startswith(_DRAWN):
        return True
    code = ord(ch)  # as a code point: PySide reads a str argument as Latin-1 bytes
    return any(f.supportsCharacter(code) for f in fonts)


def printable(text: str) -> str:
    """``text`` with direction controls named and characters no shipped font has as
    their code point; unchanged when every character can be printed."""
    text = shown_as_written(text)
    if text.isascii():
        return text
    return "".join(ch if _has_glyph(ch) else f"[U+{ord(ch):04X}]" for ch in text)


def paper_events(events: Iterable[Event]) -> list[Event]:
    """The events with titles as ``printable`` makes them, for timelines drawn on paper."""
    out = []
    for ev in events:
        title = printable(ev.title)
        out.append(ev if title == ev.title else replace(ev, title=title))
    return out
