"""Counts in words: "1 note", "2 notes", never "1 notes"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it needs (``plural`` defaults to singular + "s")."""
    noun = singular if n == 1 else (plural if plural is not None else f"{singular}s")
    return f"{n:,} {noun}"
