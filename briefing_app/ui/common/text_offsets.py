"""Converting between Python string offsets and QTextDocument positions.

Excerpts are stored as offsets into the source's Python string. A
QTextDocument counts UTF-16 code units (an emoji is two) and turns "\\r\\n"
into one paragraph break, so offsets must be mapped, or a highlight would
drift onto the wrong words after the first such character.
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["OffsetMap"]


class OffsetMap:
    """Maps Python offsets in ``text`` to document positions and back."""

    def __init__(self, text: str) -> None:
        self._identity = text.isascii() or (
            all(ord(c) <= 0xFFFF for c in text) and "\r\n" not in text
        )
        self._py_points: list[int] = []
        self._qt_points: list[int] = []
        if self._identity:
            return
        qt = 0
        for i, ch in enumerate(text):
            self._py_points.append(i)
            self._qt_points.append(qt)
            if ch == "\r" and text[i + 1 : i + 2] == "\n":
                continue
            qt += 2 if ord(ch) > 0xFFFF else 1
        self._py_points.append(len(text))
        self._qt_points.append(qt)

    def to_qt(self, pos: int) -> int:
        if self._identity:
            return pos
        pos = max(0, min(pos, len(self._py_points) - 1))
        return self._qt_points[pos]

    def to_py(self, qt_pos: int) -> int:
        if self._identity:
            return qt_pos
        i = bisect_right(self._qt_points, qt_pos) - 1
        return self._py_points[max(i, 0)]
