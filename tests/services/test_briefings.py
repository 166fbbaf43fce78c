"""Briefings: ordered points with numbered citations, restored exactly on undo."""

from __future__ import annotations

import pytest

from briefing_app.services.briefings import (
    add_citation,
    add_point,
    create_briefing,
    delete_briefing,
    delete_point,
    edit_point_text,
    find_briefing_by_name,
    get_briefing,
    list_briefings,
    move_point,
    remove_briefing,
    remove_citation,
    rename_briefing,
    restore_briefing,
)
from briefing_app.services.lookup import EditRefused
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event

LIBRARY_BACKENDS = ("sqlite", "postgresql")

A, B, C = "helsinki-headline-goal", "pesco-established", "pesco-notification"


def test_ten_points_with_citations_in_order(library: Database) -> None:
    brief = create_briefing(library, "Minister, Monday")
    for i in range(10):
        brief = add_point(library, brief.uid, f"Point {i}", [(A if i % 2 else B, None)])
    assert [p.text for p in brief.points] == [f"Point {i}" for i in range(10)]
    assert find_briefing_by_name(library, "minister, monday") == brief
    assert [b.uid for b in list_briefings(library)] == [brief.uid]


def test_reference_numbers_follow_the_order_of_points(library: Database) -> None:
    excerpt = get_event(library, A).excerpts[0].uid  # type: ignore[union-attr]
    brief = create_briefing(library, "B")
    brief = add_point(library, brief.uid, "one", [(A, None), (None, excerpt)])
    brief = add_point(library, brief.uid, "two", [(B, None), (A, None)])
    brief = add_point(library, brief.uid, "bare claim")
    assert brief.reference_numbers() == [[1, 2], [3, 1], []]
    assert [p.supported for p in brief.points] == [True, True, False]
    assert brief.references()[1].source_file and brief.references()[1].quote
    brief = move_point(library, brief.points[1].uid, 0)
    assert [p.text for p in brief.points] == ["two", "one", "bare claim"]
    assert brief.reference_numbers() == [[1, 2], [2, 3], []]


def test_every_change_restores_to_the_exact_snapshot(library: Database) -> None:
    brief = create_briefing(library, "Undo me")
    brief = add_point(library, brief.uid, "first", [(A, None)])
    brief = add_point(library, brief.uid, "second", [(B, None)])
    start = get_briefing(library, brief.uid)
    changes = [
        lambda: edit_point_text(library, brief.points[0].uid, "first, reworded"),
        lambda: move_point(library, brief.points[1].uid, 0),
        lambda: add_citation(library, brief.points[0].uid, event_id=C),
        lambda: remove_citation(library, brief.points[1].uid, 0),
        lambda: delete_point(library, brief.points[0].uid),
        lambda: rename_briefing(library, brief.uid, "Renamed"),
    ]
    for change in changes:
        after = change()
        assert after != start
        restore_briefing(library, start)
        assert get_briefing(library, brief.uid) == start
    gone = delete_briefing(library, brief.uid)
    assert gone == start and get_briefing(library, brief.uid) is None
    restore_briefing(library, gone)
    assert get_briefing(library, brief.uid) == start
    remove_briefing(library, brief.uid)
    assert list_briefings(library) == []


def test_names_are_unique_and_citations_not_repeated(library: Database) -> None:
    brief = create_briefing(library, "Same")
    with pytest.raises(EditRefused, match="already a briefing"):
        create_briefing(library, "same")
    with pytest.raises(EditRefused, match="needs a name"):
        create_briefing(library, "   ")
    brief = add_point(library, brief.uid, "p", [(A, None)])
    with pytest.raises(EditRefused, match="already cites"):
        add_citation(library, brief.points[0].uid, event_id=A)


def test_a_cited_range_shows_both_ends(library: Database) -> None:
    brief = create_briefing(library, "Dates")
    brief = add_point(library, brief.uid, "Helsinki", [("helsinki-headline-goal", None)])
    (citation,) = brief.points[0].citations
    assert citation.when == "10–11 Dec 1999"


def test_names_match_ignoring_case_in_any_script(library: Database) -> None:
    from briefing_app.services.briefings import find_briefing_by_name

    made = create_briefing(library, "Élysée call")
    found = find_briefing_by_name(library, "  élysée   CALL ")
    assert found is not None and found.uid == made.uid
    with pytest.raises(EditRefused, match="already a briefing"):
        create_briefing(library, "Élysée call")
    with pytest.raises(EditRefused, match="already a briefing"):
        create_briefing(library, "ÉLYSÉE CALL")


def test_reading_briefings_costs_a_few_queries_whatever_their_size(library: Database) -> None:
    from sqlalchemy import event as sa_event

    from briefing_app.storage.repository import list_events

    brief = create_briefing(library, "Big")
    for i, ev in enumerate(list_events(library, with_excerpts=True)[:12]):
        cites = [(ev.id, None), *((None, x.uid) for x in ev.excerpts[:2])]
        add_point(library, brief.uid, f"point {i}", cites)
    statements: list[str] = []
    sa_event.listen(library.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    [shown] = list_briefings(library)
    assert len(shown.points) == 12 and sum(len(p.citations) for p in shown.points) > 20
    assert len(statements) <= 8, statements  # not one or three per citation
    assert not any("sources.text" in s for s in statements)  # articles stay on disk
