"""Where words occur in a text, as a reader sees them: case and accents do not matter.

Two ways of looking, both giving spans of the original text (Python offsets,
so they can be shown and highlighted exactly):

* ``find_folded``: a literal piece of text, as Find in a text viewer looks
  ("mozamb" finds "Mozambican", "pais" finds "PAÍS");
* ``find_terms``: the words of a search, as the full-text index reads them:
  whole words, a phrase as consecutive words, the last word of a term
  possibly the start of a longer one.

Folding matches the index's (SQLite's unicode61 with diacritics removed, the
server's unaccent): a letter is compared without its accents and case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["SearchTerm", "find_folded", "find_terms", "fold", "fold_map"]

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold_char(char: str) -> str:
    if char.isascii():
        return char.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base.casefold()


def fold(text: str) -> str:
    """``text`` without case or accents ("PAÍS" → "pais")."""
    return "".join(_fold_char(c) for c in text)


def fold_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the offset it came from in ``text``
    (one past the end at the end), so a span found in one is a span of the other."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place ``needle`` occurs in ``text``, ignoring case and accents, in order."""
    wanted = fold(needle)
    if not wanted.strip():
        return []
    folded, origin = fold_map(text)
    spans: list[tuple[int, int]] = []
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        start, stop = origin[at], origin[end]
        if stop <= start:
            stop = start + 1
        spans.append((start, stop))
        at = folded.find(wanted, end)
    return spans


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """Words that must follow each other; the last may be the start of a longer word."""

    words: tuple[str, ...]
    prefix: bool = False


def find_terms(text: str, terms: Iterable[SearchTerm]) -> list[tuple[int, int]]:
    """Every place any of ``terms`` occurs in ``text`` as whole words, in text order."""
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    words = [t[2] for t in tokens]
    spans: set[tuple[int, int]] = set()
    for term in terms:
        wanted = [fold(w) for w in term.words]
        if not wanted:
            continue
        n = len(wanted)
        for i in range(len(words) - n + 1):
            if _matches(words[i : i + n], wanted, term.prefix):
                spans.add((tokens[i][0], tokens[i + n - 1][1]))
    return sorted(spans)


def _matches(found: Sequence[str], wanted: Sequence[str], prefix: bool) -> bool:
    if list(found[:-1]) != list(wanted[:-1]):
        return False
    last, want = found[-1], wanted[-1]
    return last.startswith(want) if prefix else last == want
