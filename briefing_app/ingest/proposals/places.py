"""The places the chronology's titles name, in the languages the press writes them.

"NATO Warsaw summit …" is « sommet de l'Otan à Varsovie » in French and
"Gipfel in Warschau" in German: a link that looks for "Warsaw" alone misses
both. ``resources/place_names.json`` holds each place's names (English is the
key); a place missing from it is looked for as the title writes it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from briefing_app.ingest.link_terms import LinkTerms
from briefing_app.paths import RESOURCES_DIR

__all__ = ["PLACES_FILE", "PlaceNames", "load_place_names", "shipped_place_names"]

PLACES_FILE = "place_names.json"


class PlaceNames:
    """Each place's names in every language, matched as link terms are (accents and case
    folded, on word boundaries)."""

    def __init__(self, names: dict[str, list[str]] | None = None) -> None:
        self.names = {place: [place, *more] for place, more in (names or {}).items()}
        self._terms = LinkTerms(actors=self.names)

    @classmethod
    def from_data(cls, data: dict) -> PlaceNames:
        names: dict[str, list[str]] = {}
        for place, by_language in data.items():
            if place.startswith("_") or not isinstance(by_language, dict):
                continue
            found = [
                str(n) for more in by_language.values() if isinstance(more, list) for n in more
            ]
            names[str(place)] = [n for n in dict.fromkeys(found) if n.strip() and n != place]
        return cls(names)

    def known(self, word: str) -> bool:
        return word in self.names

    def written(self, place: str, text: str) -> str | None:
        """``place`` as ``text`` writes it (in any language), or None."""
        found = self._terms.find_actor(place, text)
        return found.written if found is not None else None


def load_place_names(resources: Path = RESOURCES_DIR) -> PlaceNames:
    """The table in ``resources`` (none when the file is missing or unreadable)."""
    try:
        data = json.loads((resources / PLACES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return PlaceNames.from_data(data if isinstance(data, dict) else {})


@lru_cache(maxsize=1)
def shipped_place_names() -> PlaceNames:
    """The shipped table, read once per process."""
    return load_place_names()
