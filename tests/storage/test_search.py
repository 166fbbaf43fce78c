"""Full-text search: finds what it should, and no typed string can break it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.storage.database import Database
from briefing_app.storage.search import MARK_END, MARK_START, best_per_event, search, to_fts_query

LIBRARY_BACKENDS = ("sqlite", "postgresql")


def test_pesco_finds_its_events(library: Database) -> None:
    ids = {h.event_id for h in search(library, "PESCO")}
    assert {"pesco-established", "pesco-notification", "pesco-first-projects"} <= ids


def test_matched_words_are_marked(library: Database) -> None:
    hits = search(library, "Atalanta")
    assert hits
    assert any(f"{MARK_START}Atalanta{MARK_END}" in h.snippet for h in hits)


def test_phrase_and_prefix(library: Database) -> None:
    phrase = {h.event_id for h in search(library, '"Strategic Compass"')}
    assert "strategic-compass-adopted" in phrase
    prefix = {h.event_id for h in search(library, "Stolten")}
    assert "eu-nato-joint-declaration-2023" in prefix


def test_excerpt_text_is_searched(library: Database) -> None:
    # Words of the Helsinki goal's quote that its title and summary do not use.
    hits = search(library, '"ready to deploy at any given moment"')
    assert ("helsinki-headline-goal", "excerpt") in {(h.event_id, h.kind) for h in hits}


def test_one_result_per_event(library: Database) -> None:
    hits = best_per_event(search(library, "NATO"))
    ids = [h.event_id for h in hits]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "AND",
        "NATO AND",
        "(",
        ")",
        "*",
        "NEAR(",
        "-",
        '""',
        "x" * 10_000,
        "OR OR",
        "^",
        "a:b",
        "{col}",
        "\x00",
        "'; DROP TABLE events; --",
    ],
)
def test_odd_input_never_raises(library: Database, text: str) -> None:
    search(library, text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_string_becomes_a_valid_query(library: Database, text: str) -> None:
    """The translation itself must be valid FTS5 or tsquery: the plain fallback hides mistakes."""
    from briefing_app.storage.search import _run, backend_query

    query = backend_query(library, text)
    if query:
        _run(library, query, 5)  # raises on a syntax error


@pytest.mark.parametrize(
    ("typed", "also"),
    [("Belarus-Poland bord", "Belarus Poland border"), ("NATO AND", "NATO")],
)
def test_hyphens_and_operator_words_find_what_the_plain_words_find(
    library: Database, typed: str, also: str
) -> None:
    found = {h.event_id for h in search(library, typed)}
    assert found & {h.event_id for h in search(library, also)}


@given(st.text(max_size=300))
def test_query_translation_balances_quotes(text: str) -> None:
    query = to_fts_query(text)
    assert query.count('"') % 2 == 0


def test_too_many_matches_come_unranked_and_say_so(
    library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.storage import search as search_module

    ranked = search_module.search_outcome(library, "NATO")
    assert ranked.ranked and ranked.matches > 5
    monkeypatch.setattr(search_module, "RANK_LIMIT", 5)
    unranked = search_module.search_outcome(library, "NATO")
    assert not unranked.ranked
    assert unranked.matches == ranked.matches
    assert {h.event_id for h in unranked.hits} == {h.event_id for h in ranked.hits}


def test_unranked_results_keep_every_kind_of_hit_within_the_limit(
    library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.storage import search as search_module

    kinds = {h.kind for h in search_module.search_outcome(library, "NATO").hits}
    assert {"event", "excerpt"} <= kinds
    monkeypatch.setattr(search_module, "RANK_LIMIT", 5)
    few = search_module.search_outcome(library, "NATO", limit=6)
    assert not few.ranked and len(few.hits) == 6
    assert {"event", "excerpt"} <= {h.kind for h in few.hits}  # not six events and no quote
