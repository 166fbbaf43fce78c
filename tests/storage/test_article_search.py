"""Search in the stored articles' text, and close matches for a search that finds nothing,
on either backend."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.domain.text_match import SearchTerm, find_folded, find_terms, fold
from briefing_app.storage.article_search import search_articles
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_source_text
from briefing_app.storage.search import MARK_END, MARK_START
from briefing_app.storage.search_suggest import close_queries, vocabulary

LIBRARY_BACKENDS = ("sqlite", "postgresql")
EL_PAIS = "002_e07262d9241f5558.txt"


def test_a_word_only_an_article_holds_is_found_where_it_is(library: Database) -> None:
    [hit] = search_articles(library, "Mozambican")
    assert hit.source_file == EL_PAIS
    stored = get_source_text(library, EL_PAIS)
    assert stored is not None
    assert [stored.text[a:b] for a, b in hit.spans] == ["Mozambican"]
    assert f"{MARK_START}Mozambican{MARK_END}" in hit.snippet
    assert "\n" not in hit.snippet


def test_accents_case_prefix_and_phrases(library: Database) -> None:
    stored = get_source_text(library, EL_PAIS)
    assert stored is not None
    [pais] = [h for h in search_articles(library, "pais") if h.source_file == EL_PAIS]
    assert "PAÍS" in {stored.text[a:b] for a, b in pais.spans}
    [prefix] = search_articles(library, "mozamb")
    assert prefix.source_file == EL_PAIS
    phrase = search_articles(library, '"European Council"')
    assert phrase
    for hit in phrase:
        text = get_source_text(library, hit.source_file)
        assert text is not None
        assert all(fold(text.text[a:b]) == "european council" for a, b in hit.spans)


def test_an_excluded_word_leaves_its_article_out(library: Database) -> None:
    with_troops = {h.source_file for h in search_articles(library, "troops")}
    assert EL_PAIS in with_troops or len(with_troops) > 1
    without = {h.source_file for h in search_articles(library, "troops -Mozambican")}
    assert EL_PAIS not in without


def test_a_match_in_page_furniture_does_not_count(library: Database) -> None:
    for hit in search_articles(library, "troops"):
        stored = get_source_text(library, hit.source_file)
        assert stored is not None
        for a, b in hit.spans:
            assert not any(s <= a and b <= e for s, e, _k in stored.furniture)


@pytest.mark.parametrize("text", ['"', "NEAR(", "-", "OR OR", "a:b", "x" * 5000, "*", ""])
def test_odd_input_never_raises(library: Database, text: str) -> None:
    assert isinstance(search_articles(library, text), list)
    assert isinstance(close_queries(library, text), list)


def test_a_typo_gets_the_word_the_index_holds(library: Database) -> None:
    assert close_queries(library, "helicoptres")[0] == "helicopters"
    assert close_queries(library, "Mozambcan")[0] == "mozambican"
    assert close_queries(library, "helicoptres Chad")[0] == "helicopters Chad"
    assert close_queries(library, "PESCO") == []  # every word is there
    assert close_queries(library, "zzqxj") == []  # nothing close


def test_the_vocabulary_holds_article_words(library: Database) -> None:
    words = vocabulary(library)
    assert "mozambican" in words and "helicopters" in words


def test_find_folded_maps_back_to_the_original_text() -> None:
    text = "Straße, EL PAÍS y el país; PAIS."
    spans = find_folded(text, "pais")
    assert [text[a:b] for a, b in spans] == ["PAÍS", "país", "PAIS"]
    assert [text[a:b] for a, b in find_folded(text, "STRASSE")] == ["Straße"]
    assert find_folded(text, "   ") == []


def test_find_terms_takes_whole_words_phrases_and_a_prefix() -> None:
    text = "The Council met; the European Council, then Councillors."
    whole = find_terms(text, [SearchTerm(("council",))])
    assert [text[a:b] for a, b in whole] == ["Council", "Council"]
    prefix = find_terms(text, [SearchTerm(("council",), prefix=True)])
    assert [text[a:b] for a, b in prefix][-1] == "Councillors"
    phrase = find_terms(text, [SearchTerm(("european", "council"))])
    assert [text[a:b] for a, b in phrase] == ["European Council"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40), st.text(max_size=8))
def test_every_folded_match_is_the_needle_folded(text: str, needle: str) -> None:
    for a, b in find_folded(text, needle):
        assert 0 <= a < b <= len(text)
        assert fold(needle) in fold(text[max(0, a - 1) : b + 1])
