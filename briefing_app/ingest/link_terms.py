"""Names of the chronology's happenings and actors in several languages, for links.

An article in French names the Strategic Compass « Boussole stratégique » and
NATO « OTAN »; the chronology's own titles are in English. Two reviewable
files in ``resources/`` bridge that: ``event_terms.json`` (the distinctive
names of each happening, per language) and ``actor_names.json`` (each
actor's name per language). Both are optional: without them links fall back
to the English words of titles, summaries and actors.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing_app.paths import RESOURCES_DIR

__all__ = ["LinkTerms", "TermMatch", "fold", "load_link_terms", "shipped_link_terms"]


_SAME_MARK = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the usual typeset apostrophe
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",
        "\u2013": "-",  # en dash ("EU–NATO")
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def fold(text: str) -> str:
    """Lower case without accents, typeset apostrophes and dashes as typed ones, so
    « stratégique » meets "strategique" and "EU–NATO" meets "EU-NATO"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SAME_MARK))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=128)
def _folded_with_offsets(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``fold(text)`` and, for each of its characters, the offset it came from (None
    when the offsets are the text's own). Cached: one passage is asked about every
    event and actor near its date."""
    if text.isascii() and "`" not in text:
        return text.lower(), None
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        f = ch.lower() if ch.isascii() else fold(ch)
        out.append(f)
        where += [i] * len(f)
    folded = "".join(out)
    return folded, (
        None
        if len(folded) == len(text)
        and len(where) == len(text)
        and all(w == i for i, w in enumerate(where))
        else tuple(where)
    )


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A name found in a passage: the name as the user should read it, and as written."""

    name: str
    written: str


def _pattern(names: list[str], inflected: frozenset[str] = frozenset()) -> re.Pattern[str] | None:
    """One pattern for every name, longest first, on word boundaries, accents folded; the
    names in ``inflected`` (German ones) may take other endings."""
    folded = sorted({fold(n).strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not folded:
        return None
    bent = {fold(n).strip() for n in inflected}
    parts = [
        r"\s+".join(
            _word(w, inflected=name in bent and len(name.split()) > 1) for w in name.split()
        )
        for name in folded
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


_ENDING = re.compile(r"(?:en|er|es|em|e|n|s)$")
_INFLECTED_LETTERS = 5


def _word(word: str, inflected: bool) -> str:
    """One word of a name as a pattern. In a name of several words, a long word may take
    another ending ("neuer Nato-Generalsekretär" is "den neuen Nato-Generalsekretär",
    "Strategischer Kompass" "des Strategischen Kompasses"); a name of one word is
    matched as written, so that "Costa" never matches "costs"."""
    if inflected and word.isalpha() and len(word) >= _INFLECTED_LETTERS:
        return re.escape(_ENDING.sub("", word)) + r"\w{0,3}"
    return re.escape(word).replace("\\-", r"(?:-\s*|\s+)")


@dataclass
class LinkTerms:
    """Per event id, its names in every language; per actor, its names in every language."""

    events: dict[str, list[str]] = field(default_factory=dict)
    """Event id -> every name (all languages), the English ones first."""
    actors: dict[str, list[str]] = field(default_factory=dict)
    """Actor (as the chronology writes it) -> every name, the actor itself first."""
    inflected: frozenset[str] = frozenset()
    """The German names, whose words take the endings of their case ("den neuen …")."""
    _event_patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False)
    _actor_patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False)

    @classmethod
    def from_data(cls, event_terms: dict, actor_names: dict) -> LinkTerms:
        """From the two files' contents (``{"id": {"en": [...], "fr": [...]}}``)."""
        events: dict[str, list[str]] = {}
        german: set[str] = set()
        for eid, by_lang in (event_terms or {}).items():
            if not isinstance(by_lang, dict):
                continue
            names: list[str] = list(by_lang.get("en", []))
            for lang, more in by_lang.items():
                if lang != "en" and isinstance(more, list):
                    names += [str(n) for n in more]
            events[str(eid)] = [n for n in dict.fromkeys(names) if n.strip()]
            german.update(str(n) for n in by_lang.get("de", []) if isinstance(n, str))
        actors: dict[str, list[str]] = {}
        for actor, by_lang in (actor_names or {}).items():
            names = [str(actor)]
            if isinstance(by_lang, dict):
                for more in by_lang.values():
                    if isinstance(more, list):
                        names += [str(n) for n in more]
            actors[str(actor)] = [n for n in dict.fromkeys(names) if n.strip()]
        return cls(events, actors, frozenset(german))

    def event_names(self, event_id: str) -> list[str]:
        return self.events.get(event_id, [])

    def _find(
        self, cache: dict[str, re.Pattern[str] | None], key: str, names: list[str], text: str
    ) -> TermMatch | None:
        if key not in cache:
            cache[key] = _pattern(names, self.inflected)
        pattern = cache[key]
        if pattern is None:
            return None
        folded, where = _folded_with_offsets(text)
        match = pattern.search(folded)
        if match is None:
            return None
        if where is None:
            written = text[match.start() : match.end()]
        else:
            written = text[where[match.start()] : where[match.end() - 1] + 1]
        return TermMatch(names[0] if names else key, written)

    def find_event_name(self, event_id: str, text: str, extra: list[str] = ()) -> TermMatch | None:
        """The first of the event's names that ``text`` contains, if any."""
        names = self.events.get(event_id, []) + [n for n in extra if n]
        if not names:
            return None
        key = event_id if not extra else event_id + "\0" + "\0".join(extra)
        return self._find(self._event_patterns, key, names, text)

    def find_actor(self, actor: str, text: str) -> TermMatch | None:
        """``actor`` (or one of its names in another language) as ``text`` writes it."""
        names = self.actors.get(actor) or [actor]
        return self._find(self._actor_patterns, actor, names, text)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_link_terms(resources: Path = RESOURCES_DIR) -> LinkTerms:
    """Both files from ``resources`` (missing or unreadable files give no terms)."""
    return LinkTerms.from_data(
        _read(resources / "event_terms.json"), _read(resources / "actor_names.json")
    )


@lru_cache(maxsize=1)
def shipped_link_terms() -> LinkTerms:
    """The files shipped in ``resources/``, read once per process."""
    return load_link_terms()
