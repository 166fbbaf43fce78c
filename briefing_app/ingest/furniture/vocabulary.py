"""The words of page furniture in each language, read once from ``words.toml``.

The rules that use them are the same in every language; only the words differ, so a
language is added by adding its table, not by touching the rules."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

__all__ = ["alternation", "words"]


@cache
def _tables() -> dict[str, dict[str, list[str]]]:
    text = (resources.files("briefing_app.ingest.furniture") / "words.toml").read_text("utf-8")
    return tomllib.loads(text)


def words(key: str) -> list[str]:
    """Every language's entries for ``key``, each once, longest first (so an
    alternation tries "last updated" before "updated")."""
    seen: set[str] = set()
    for table in _tables().values():
        seen.update(w.lower() for w in table.get(key, ()))
    return sorted(seen, key=lambda w: (-len(w), w))


def _pattern(entry: str) -> str:
    """One entry as a regular expression: blanks as any run of blanks, an apostrophe
    as either apostrophe."""
    parts = [re.escape(piece) for piece in entry.split()]
    return re.sub("['’]", "['’]", r"\s+".join(parts))


def alternation(key: str) -> str:
    """A non-capturing group matching any entry for ``key`` (match it case-blind)."""
    return "(?:" + "|".join(_pattern(w) for w in words(key)) + ")"
