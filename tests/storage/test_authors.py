"""Authors of the user's events and excerpts, read back and carried by the JSON export."""

from __future__ import annotations

import json
from io import StringIO

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane
from briefing_app.export.json_export import write_chronology_json
from briefing_app.services import annotations as notes
from briefing_app.services.user_events import (
    EventDraft,
    add_user_excerpt,
    create_user_event,
    delete_user_event,
    delete_user_excerpt,
    get_event_snapshot,
    restore_event,
    restore_event_fields,
    restore_excerpt,
    update_user_event,
)
from briefing_app.storage.authors import Authorship, event_authors, excerpt_authors
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event

LIBRARY_BACKENDS = ("sqlite", "postgresql")
CURATED = "helsinki-headline-goal"


def _draft(title: str) -> EventDraft:
    return EventDraft(title, DateSpan(PartialDate.parse("2025-03-06")), Lane.EU)


def _two_authors(library: Database) -> tuple[str, str]:
    bob = Database.open(library.location)  # type: ignore[arg-type]
    try:
        library.author, bob.author = "alice", "bob"
        made = create_user_event(library, _draft("Ministers meet"))
        update_user_event(bob, made.id, _draft("Ministers meet again"))
        curated = get_event(library, CURATED)
        assert curated is not None
        quote = add_user_excerpt(bob, CURATED, curated.excerpts[0].source, (10, 60))
        note = notes.create_annotation(library, event_id=made.id, body="ask")
        notes.update_annotation(bob, note.uid, body="ask twice", expected_version=1)
    finally:
        bob.close()
    return made.id, quote.uid


def test_authors_of_events_and_excerpts_are_read_back(library: Database) -> None:
    event_id, excerpt_uid = _two_authors(library)
    assert event_authors(library) == {event_id: Authorship("alice", "bob")}
    assert event_authors(library, CURATED) == {}
    assert excerpt_authors(library, CURATED) == {excerpt_uid: "bob"}
    assert excerpt_authors(library, event_id) == {}
    assert Authorship("alice", "alice").describe() == "made by alice"


def test_the_json_export_carries_authors_under_new_keys(library: Database) -> None:
    event_id, excerpt_uid = _two_authors(library)
    out = StringIO()
    write_chronology_json(library, out)
    events = {e["id"]: e for e in json.loads(out.getvalue())["events"]}
    mine, curated = events[event_id], events[CURATED]
    assert (mine["created_by"], mine["updated_by"]) == ("alice", "bob")
    assert (curated["created_by"], curated["updated_by"]) == (None, None)
    by = {x["uid"]: x["created_by"] for x in curated["excerpts"]}
    assert by[excerpt_uid] == "bob"
    assert {v for k, v in by.items() if k != excerpt_uid} == {None}
    [note] = mine["annotations"]
    assert (note["created_by"], note["updated_by"], note["text"]) == ("alice", "bob", "ask twice")
    # The contract's keys are all still there.
    kept = {"id", "title", "start", "end", "precision", "category", "actors", "summary"}
    assert kept <= set(mine)


def test_undoing_a_deletion_brings_the_authors_back(library: Database) -> None:
    event_id, excerpt_uid = _two_authors(library)
    curated = get_event(library, CURATED)
    assert curated is not None
    mine = add_user_excerpt(library, event_id, curated.excerpts[0].source, (10, 60))
    event_before = delete_user_event(library, event_id)
    excerpt_before = delete_user_excerpt(library, excerpt_uid)
    assert event_authors(library, event_id) == {} and excerpt_authors(library, CURATED) == {}
    restore_event(library, event_before)
    restore_excerpt(library, excerpt_before)
    assert event_authors(library, event_id) == {event_id: Authorship("alice", "bob")}
    assert excerpt_authors(library, event_id) == {mine.uid: "alice"}
    assert excerpt_authors(library, CURATED) == {excerpt_uid: "bob"}


def test_undoing_an_edit_puts_back_who_had_changed_it(library: Database) -> None:
    event_id, _ = _two_authors(library)
    before = get_event_snapshot(library, event_id)
    library.author = "carol"
    update_user_event(library, event_id, _draft("Ministers meet a third time"))
    assert event_authors(library, event_id)[event_id].updated_by == "carol"
    restore_event_fields(library, before)
    assert event_authors(library, event_id) == {event_id: Authorship("alice", "bob")}
