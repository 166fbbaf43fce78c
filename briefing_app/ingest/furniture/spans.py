"""The spans furniture marking gives and the lines it reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FurnitureSpan:
    """A region of the raw text that is not part of the article."""

    start: int
    end: int
    kind: str  # navigation, promo, caption, subscription, sidebar, footer


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the raw text, with its offsets."""

    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets (any line end)."""
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines
