"""Notes on events and excerpts: stored at once, restored exactly, found by search and tag."""

from __future__ import annotations

import pytest

from briefing_app.domain.filters import EventFilter
from briefing_app.services.annotations import (
    all_tags,
    annotations_of_event,
    annotations_of_excerpt,
    create_annotation,
    delete_annotation,
    get_annotation,
    parse_tags,
    restore_annotation,
    update_annotation,
)
from briefing_app.services.lookup import EditRefused, NotFound
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event, list_events
from briefing_app.storage.search import search

LIBRARY_BACKENDS = ("sqlite", "postgresql")

EVENT = "helsinki-headline-goal"


def test_a_note_is_stored_with_its_tags_and_flag(library: Database) -> None:
    note = create_annotation(
        library, event_id=EVENT, body="Ask about *readiness*", tags=["NATO", "nato", " budget "]
    )
    assert note.tags == ("NATO", "budget")
    assert note.created_at == note.updated_at
    assert get_annotation(library, note.uid) == note
    event = get_event(library, EVENT)
    assert event is not None
    assert (event.annotation_count, event.flagged, event.tags) == (1, False, ("budget", "NATO"))
    flagged = update_annotation(library, note.uid, talking_point=True)
    assert flagged.talking_point and flagged.updated_at > note.updated_at
    assert get_event(library, EVENT).flagged  # type: ignore[union-attr]


def test_several_notes_per_event_and_per_excerpt(library: Database) -> None:
    event = get_event(library, EVENT)
    assert event is not None
    excerpt = event.excerpts[0].uid
    a = create_annotation(library, event_id=EVENT, body="first")
    b = create_annotation(library, excerpt_uid=excerpt, body="on the quote")
    c = create_annotation(library, event_id=EVENT, body="second")
    assert [n.uid for n in annotations_of_event(library, EVENT)] == [a.uid, b.uid, c.uid]
    assert [n.uid for n in annotations_of_excerpt(library, excerpt)] == [b.uid]
    assert b.event_id == EVENT and b.on_excerpt
    assert get_event(library, EVENT).annotation_count == 3  # type: ignore[union-attr]


def test_an_unchanged_save_keeps_the_update_time(library: Database) -> None:
    note = create_annotation(library, event_id=EVENT, body="same")
    again = update_annotation(library, note.uid, body="same", tags=[], talking_point=False)
    assert again == note


def test_delete_then_restore_gives_back_the_same_note(library: Database) -> None:
    note = create_annotation(library, event_id=EVENT, body="precious", tags=["x"])
    edited = update_annotation(library, note.uid, body="precious, edited")
    gone = delete_annotation(library, note.uid)
    assert gone == edited
    assert get_annotation(library, note.uid) is None
    restore_annotation(library, gone)
    assert get_annotation(library, note.uid) == edited
    restore_annotation(library, note)  # undoing the edit puts the old text and time back
    assert get_annotation(library, note.uid) == note


def test_search_covers_note_text_and_tags(library: Database) -> None:
    create_annotation(
        library, event_id=EVENT, body="Ask about the zanzibar clause", tags=["quokka"]
    )
    for word in ("zanzibar", "quokka"):
        hits = [h for h in search(library, word) if h.kind == "annotation"]
        assert [h.event_id for h in hits] == [EVENT]


def test_tag_filter_shows_only_tagged_events(library: Database) -> None:
    create_annotation(library, event_id=EVENT, body="", tags=["Minister"])
    assert all_tags(library) == ["Minister"]
    shown = [
        e.id for e in list_events(library) if EventFilter(tags=frozenset({"minister"})).matches(e)
    ]
    assert shown == [EVENT]


def test_tags_typed_with_commas_and_semicolons() -> None:
    assert parse_tags(" nato, budget;; #Baltic ,nato ") == ("nato", "budget", "Baltic")
    assert parse_tags("") == ()


def test_refusals_name_the_problem(library: Database) -> None:
    with pytest.raises(NotFound, match="no event"):
        create_annotation(library, event_id="no-such-event", body="x")
    with pytest.raises(EditRefused, match="exactly one"):
        create_annotation(library, body="x")
    with pytest.raises(NotFound):
        update_annotation(library, "missing", body="x")
