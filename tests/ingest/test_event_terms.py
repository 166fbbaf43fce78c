"""The names files: every event and actor covered, each name clean, loader typed."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path

import pytest

from briefing_app.domain.model import Lane
from briefing_app.ingest.curated import read_chronology
from briefing_app.ingest.event_terms import (
    LANGUAGES,
    Names,
    TermsError,
    raw_files,
    read_actor_names,
    read_event_terms,
    terms_problems,
)
from briefing_app.paths import RESOURCES_DIR, SEEDS_DIR

LANES = [lane.value for lane in Lane if lane is not Lane.OTHER]


def _shipped() -> tuple[dict, dict, list[str], set[str]]:
    chron = read_chronology(RESOURCES_DIR, SEEDS_DIR)
    terms, actors = raw_files(RESOURCES_DIR)
    return (
        terms,
        actors,
        [e.id for e in chron.events],
        {a for e in chron.events for a in e.actors},
    )


def test_shipped_files_cover_every_event_and_actor() -> None:
    terms, actors, ids, actor_set = _shipped()
    assert terms_problems(terms, actors, ids, actor_set, LANES) == []
    assert set(terms) == set(ids)
    assert actor_set <= set(actors)


def test_shipped_names_are_nfc_without_duplicates_or_typographic_marks() -> None:
    terms, actors, _, _ = _shipped()
    for data in (terms, actors):
        for entry in data.values():
            for language in LANGUAGES:
                names = entry[language]
                assert names, entry
                assert len(names) == len(set(names)), names
                for name in names:
                    assert unicodedata.normalize("NFC", name) == name
                    assert not set(name) & set("\u2019\u2018\u2013\u2014\u201c\u201d"), name


def test_the_compass_is_named_in_each_language() -> None:
    terms = read_event_terms(RESOURCES_DIR)
    compass = terms["strategic-compass-adopted"]
    assert "boussole stratégique" in compass.get("fr")
    assert "Strategischer Kompass" in compass.get("de")
    assert "Brújula Estratégica" in compass.get("es")
    assert "Bussola strategica" in compass.get("it")
    assert compass.all()[0] == compass.get("en")[0]
    assert len(compass.all()) == len(set(compass.all()))


def test_actor_names_carry_the_lanes_and_the_people() -> None:
    names = read_actor_names(RESOURCES_DIR)
    assert "OTAN" in names["NATO"].get("fr")
    assert "UE" in names["EU"].get("es")
    assert "Conseil européen" in names["European Council"].get("fr")
    assert "Wolodymyr Selenskyj" in names["Volodymyr Zelensky"].get("de")
    assert "Poutine" in names["Vladimir Putin"].get("fr")
    assert isinstance(names["Russia"], Names)
    assert names["Russia"].get("xx") == ()


def _entry(en: list[str]) -> dict[str, list[str]]:
    return {"en": en, "fr": ["a"], "de": ["b"], "es": ["c"], "it": ["d"]}


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda t, a: t.pop("e1"), "'e1' has no names"),
        (lambda t, a: t.__setitem__("ghost", _entry(["x"])), "'ghost' is not an event"),
        (lambda t, a: t["e1"].__setitem__("en", []), "en: the list is empty"),
        (lambda t, a: t["e1"].__setitem__("en", ["x", "x"]), "'x' is listed twice"),
        (lambda t, a: t["e1"].__setitem__("en", ["Bru\u0301jula"]), "is not NFC"),
        (lambda t, a: t["e1"].__setitem__("en", [" x"]), "blank or padded"),
        (lambda t, a: t["e1"].pop("it"), "no 'it' list"),
        (lambda t, a: t["e1"].__setitem__("pt", ["x"]), "unknown language(s) pt"),
        (lambda t, a: a.pop("Alice"), "actor 'Alice' has no names"),
        (lambda t, a: a.__setitem__("Bob", _entry(["Bob"])), "'Bob' is neither an actor"),
    ],
)
def test_each_fault_is_named(mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    terms = {"e1": _entry(["one"]), "e2": _entry(["two"])}
    actors = {"Alice": _entry(["Alice"]), "NATO": _entry(["NATO"])}
    assert terms_problems(terms, actors, ["e1", "e2"], {"Alice"}, LANES) == []
    bad_terms, bad_actors = copy.deepcopy(terms), copy.deepcopy(actors)
    mutate(bad_terms, bad_actors)
    problems = terms_problems(bad_terms, bad_actors, ["e1", "e2"], {"Alice"}, LANES)
    assert any(expected in p for p in problems), problems


def test_unreadable_files_raise(tmp_path: Path) -> None:
    with pytest.raises(TermsError, match="file is missing"):
        read_event_terms(tmp_path)
    (tmp_path / "actor_names.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(TermsError, match="top level"):
        read_actor_names(tmp_path)
    (tmp_path / "event_terms.json").write_text(json.dumps({"e": _entry(["x"])}), "utf-8")
    assert read_event_terms(tmp_path)["e"].get("fr") == ("a",)
