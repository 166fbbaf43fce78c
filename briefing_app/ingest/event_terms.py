"""The chronology's names in five languages, read from ``resources/``.

``event_terms.json`` gives, for every curated event, the names the press
uses for the happening in English, French, German, Spanish and Italian;
``actor_names.json`` gives the names of each actor (and of the lanes EU,
NATO, Russia, US, Ukraine) in the same languages. They let an article in
any of these languages be matched to the chronology offline. The files
are data only: this module reads and validates them, it matches nothing.

Names are written as the press writes them, NFC-normalised, with ASCII
apostrophes and hyphens; matching is left to the caller.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

__all__ = [
    "LANGUAGES",
    "EVENT_TERMS_FILE",
    "ACTOR_NAMES_FILE",
    "Names",
    "TermsError",
    "raw_files",
    "read_actor_names",
    "read_event_terms",
    "terms_problems",
]

LANGUAGES: Final = ("en", "fr", "de", "es", "it")
EVENT_TERMS_FILE: Final = "event_terms.json"
ACTOR_NAMES_FILE: Final = "actor_names.json"


class TermsError(Exception):
    """A names file is wrong; ``problems`` names each fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Names:
    """One event's or actor's names, by language code."""

    by_language: Mapping[str, tuple[str, ...]]

    def get(self, language: str) -> tuple[str, ...]:
        """The names in ``language`` (``()`` for a language the file lacks)."""
        return self.by_language.get(language, ())

    def all(self) -> tuple[str, ...]:
        """Every name in every language, each once, in file order."""
        seen: dict[str, None] = {}
        for language in LANGUAGES:
            for name in self.get(language):
                seen.setdefault(name, None)
        return tuple(seen)


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TermsError([f"{path.name}: file is missing"]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TermsError([f"{path.name}: not valid JSON ({exc})"]) from exc
    if not isinstance(data, dict):
        raise TermsError([f"{path.name}: expected an object at the top level"])
    return data


def _entry_problems(where: str, entry: object, *, need_all: bool) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: expected an object of languages"]
    problems: list[str] = []
    unknown = sorted(set(entry) - set(LANGUAGES))
    if unknown:
        problems.append(f"{where}: unknown language(s) {', '.join(unknown)}")
    for language in LANGUAGES:
        names = entry.get(language)
        if names is None:
            problems.append(f"{where}: no {language!r} list")
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.append(f"{where}, {language}: expected a list of strings")
            continue
        if not names and (need_all or language == "en"):
            problems.append(f"{where}, {language}: the list is empty")
        seen: set[str] = set()
        for name in names:
            if not name.strip() or name != name.strip():
                problems.append(f"{where}, {language}: blank or padded name {name!r}")
            if unicodedata.normalize("NFC", name) != name:
                problems.append(f"{where}, {language}: {name!r} is not NFC")
            if name in seen:
                problems.append(f"{where}, {language}: {name!r} is listed twice")
            seen.add(name)
    return problems


def terms_problems(
    event_terms: Mapping[str, object],
    actor_names: Mapping[str, object],
    event_ids: Iterable[str],
    actors: Iterable[str],
    lanes: Iterable[str],
) -> list[str]:
    """Every fault in the two files, checked against the chronology's ids and actors."""
    ids, known_actors = list(event_ids), set(actors)
    problems: list[str] = []
    for eid in ids:
        if eid not in event_terms:
            problems.append(f"{EVENT_TERMS_FILE}: event {eid!r} has no names")
    for eid, entry in event_terms.items():
        if eid not in ids:
            problems.append(f"{EVENT_TERMS_FILE}: {eid!r} is not an event of the chronology")
        problems += _entry_problems(f"{EVENT_TERMS_FILE}: {eid!r}", entry, need_all=True)
    allowed = known_actors | set(lanes)
    for actor in sorted(known_actors):
        if actor not in actor_names:
            problems.append(f"{ACTOR_NAMES_FILE}: actor {actor!r} has no names")
    for actor, entry in actor_names.items():
        if actor not in allowed:
            problems.append(f"{ACTOR_NAMES_FILE}: {actor!r} is neither an actor nor a lane")
        problems += _entry_problems(f"{ACTOR_NAMES_FILE}: {actor!r}", entry, need_all=True)
    return problems


def _names(data: Mapping[str, Any]) -> dict[str, Names]:
    return {
        key: Names({lang: tuple(entry.get(lang, ())) for lang in LANGUAGES})
        for key, entry in data.items()
    }


def read_event_terms(resources: Path) -> dict[str, Names]:
    """Event id -> its names; raise TermsError when the file cannot be read."""
    return _names(_load(resources / EVENT_TERMS_FILE))


def read_actor_names(resources: Path) -> dict[str, Names]:
    """Actor (as written in the chronology, or a lane) -> its names."""
    return _names(_load(resources / ACTOR_NAMES_FILE))


def raw_files(resources: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Both files as parsed JSON, for validation."""
    return _load(resources / EVENT_TERMS_FILE), _load(resources / ACTOR_NAMES_FILE)
