"""Two briefers on one database: who wrote what, and no save ever lands over a newer one."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from briefing_app.services import annotations as notes
from briefing_app.storage.database import Database

LIBRARY_BACKENDS = ("sqlite", "postgresql")
EVENT = "helsinki-headline-goal"


@pytest.fixture
def bob(library: Database) -> Iterator[Database]:
    """A second client on the same database (a second window, or another laptop)."""
    other = Database.open(library.location)  # type: ignore[arg-type]
    other.author = "bob"
    library.author = "alice"
    yield other
    other.close()


def test_each_note_says_who_wrote_and_who_changed_it(library: Database, bob: Database) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="first")
    assert (made.created_by, made.updated_by, made.version) == ("alice", "alice", 1)
    changed = notes.update_annotation(bob, made.uid, body="second", expected_version=1)
    assert (changed.created_by, changed.updated_by, changed.version) == ("alice", "bob", 2)
    seen = notes.get_annotation(library, made.uid)
    assert seen is not None and seen.updated_by == "bob" and seen.body == "second"


def test_an_unchanged_save_keeps_the_version(library: Database) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="same")
    again = notes.update_annotation(library, made.uid, body="same", expected_version=1)
    assert again.version == 1


def test_a_save_over_a_newer_version_is_refused_and_changes_nothing(
    library: Database, bob: Database
) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="draft")
    notes.update_annotation(bob, made.uid, body="bob's words", expected_version=made.version)
    with pytest.raises(notes.StaleEdit) as info:
        notes.update_annotation(library, made.uid, body="alice's words", expected_version=1)
    assert info.value.current.body == "bob's words"
    assert "bob" in str(info.value)
    stored = notes.get_annotation(library, made.uid)
    assert stored is not None and stored.body == "bob's words" and stored.version == 2


def test_the_losing_version_is_kept_beside_as_a_conflict(library: Database, bob: Database) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="draft", tags=["nato"])
    theirs = notes.update_annotation(bob, made.uid, body="bob's words", expected_version=1)
    mine = notes.keep_beside(
        library, theirs, body="alice's words", tags=["nato"], talking_point=True
    )
    assert mine.uid != theirs.uid and mine.conflict_of == theirs.uid
    assert (mine.event_id, mine.body, mine.talking_point) == (EVENT, "alice's words", True)
    bodies = {n.body for n in notes.annotations_of_event(bob, EVENT)}
    assert {"bob's words", "alice's words"} <= bodies


def test_undo_is_refused_over_another_users_later_edit(library: Database, bob: Database) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="alice v1")
    after = notes.update_annotation(library, made.uid, body="alice v2", expected_version=1)
    notes.check_unchanged(library, made.uid, after)  # nobody else touched it: undo may go
    notes.update_annotation(bob, made.uid, body="bob v3", expected_version=after.version)
    with pytest.raises(notes.EditRefused, match="bob changed this note"):
        notes.check_unchanged(library, made.uid, after)


@pytest.mark.postgresql_only
def test_two_saves_at_the_same_moment_cannot_both_win(library: Database, bob: Database) -> None:
    """The row is locked while its version is compared: one save wins, the other is told."""
    made = notes.create_annotation(library, event_id=EVENT, body="start")
    start = threading.Barrier(8)
    outcomes: list[str] = []
    clients = [library, bob] * 4

    def save(client: Database, n: int) -> None:
        start.wait()
        try:
            notes.update_annotation(client, made.uid, body=f"save {n}", expected_version=1)
            outcomes.append("won")
        except notes.StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=save, args=(c, n)) for n, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["stale"] * 7 + ["won"]
    stored = notes.get_annotation(library, made.uid)
    assert stored is not None and stored.version == 2
