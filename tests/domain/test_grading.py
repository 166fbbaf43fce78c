"""Admiralty grades: read as briefers write them, compared part by part."""

from __future__ import annotations

import pytest

from briefing_app.domain.grading import (
    Grade,
    GradeError,
    best_grade,
    excerpt_grade,
    parse_credibility,
)


@pytest.mark.parametrize("text", ["B2", "b2", " B 2 "])
def test_a_grade_is_read_however_it_is_typed(text: str) -> None:
    assert Grade.parse(text) == Grade("B", "2")
    assert Grade.parse(text).label == "B2"


@pytest.mark.parametrize("text", ["", "B", "2", "G2", "B7", "B22", "2B"])
def test_anything_else_is_refused_with_what_a_grade_looks_like(text: str) -> None:
    with pytest.raises(GradeError, match="as in B2"):
        Grade.parse(text)


def test_a_grade_says_what_it_means() -> None:
    assert Grade("B", "2").describe() == "B2: source usually reliable, information probably true"
    assert Grade("F", "6").describe() == (
        "F6: source reliability cannot be judged, information truth cannot be judged"
    )


def test_an_excerpt_takes_its_sources_grade_with_its_own_credibility() -> None:
    assert excerpt_grade(Grade("B", "2"), "4") == Grade("B", "4")
    assert excerpt_grade(Grade("B", "2"), None) == Grade("B", "2")
    assert excerpt_grade(None, "1") is None  # a credibility alone is not a grade


def test_the_best_grade_and_floors_compare_both_parts() -> None:
    assert best_grade([None, Grade("C", "3"), Grade("B", "4")]) == Grade("B", "4")
    assert best_grade([None]) is None
    assert Grade("B", "2").at_least(Grade("C", "3"))
    assert not Grade("A", "4").at_least(Grade("C", "3"))
    assert parse_credibility(" 3 ") == "3"
    with pytest.raises(GradeError):
        parse_credibility("7")


def test_the_grade_filter_needs_a_passage_graded_at_least_as_well() -> None:
    from briefing_app.domain.dates import DateSpan, PartialDate
    from briefing_app.domain.filters import ANY_GRADE, EventFilter
    from briefing_app.domain.model import Event, Lane
    from briefing_app.ui.common.settings_codec import decode_filter, encode_filter

    def event(support: Grade | None) -> Event:
        return Event("e", "E", DateSpan(PartialDate.parse("2020")), Lane.EU, support=support)

    floor = EventFilter(min_grade=Grade("B", "2"))
    assert floor.matches(event(Grade("A", "2")))
    assert not floor.matches(event(Grade("A", "3")))  # both parts must hold
    assert not floor.matches(event(None))
    assert EventFilter(min_grade=ANY_GRADE).matches(event(Grade("F", "6")))
    assert not EventFilter(min_grade=ANY_GRADE).matches(event(None))
    assert floor.describe() == "graded B2 or better"
    assert decode_filter(encode_filter(floor)) == floor
