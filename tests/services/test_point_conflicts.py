"""Two briefers editing one talking point at once: the later save is kept beside, never over."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from briefing_app.services import briefings
from briefing_app.storage.database import Database

LIBRARY_BACKENDS = ("sqlite", "postgresql")
EVENT = "helsinki-headline-goal"


@pytest.fixture
def bob(library: Database) -> Iterator[Database]:
    """A second client on the same database."""
    other = Database.open(library.location)  # type: ignore[arg-type]
    other.author = "bob"
    library.author = "alice"
    yield other
    other.close()


def _point(library: Database) -> tuple[str, briefings.PointSnapshot]:
    made = briefings.create_briefing(library, "Council")
    made = briefings.add_point(library, made.uid, "Readiness first", [(EVENT, None)])
    made = briefings.add_point(library, made.uid, "Then the budget")
    return made.uid, made.points[0]


def test_each_save_moves_the_version_and_names_who_changed_it(
    library: Database, bob: Database
) -> None:
    _uid, point = _point(library)
    assert (point.created_by, point.updated_by, point.version) == ("alice", "alice", 1)
    after, beside = briefings.save_point_text(bob, point.uid, "Readiness", expected_version=1)
    assert beside is None
    [changed, _] = after.points
    assert (changed.text, changed.updated_by, changed.version) == ("Readiness", "bob", 2)


def test_a_save_over_a_newer_version_is_kept_beside_it(library: Database, bob: Database) -> None:
    uid, point = _point(library)
    briefings.save_point_text(bob, point.uid, "Bob: readiness and reserves", expected_version=1)
    after, beside = briefings.save_point_text(
        library, point.uid, "Alice: readiness by 2030", expected_version=1
    )
    assert beside is not None
    texts = [p.text for p in after.points]
    assert texts == ["Bob: readiness and reserves", "Alice: readiness by 2030", "Then the budget"]
    theirs, mine = after.points[0], after.points[1]
    assert theirs.conflict_of is None and theirs.updated_by == "bob" and theirs.version == 2
    assert (mine.uid, mine.conflict_of, mine.created_by) == (beside, point.uid, "alice")
    assert [c.event_id for c in mine.citations] == [EVENT]
    # The other client reads the same.
    seen = briefings.get_briefing(bob, uid)
    assert seen is not None and [p.text for p in seen.points] == texts


def test_the_same_words_saved_twice_make_no_conflict(library: Database, bob: Database) -> None:
    _uid, point = _point(library)
    briefings.save_point_text(bob, point.uid, "Agreed words", expected_version=1)
    after, beside = briefings.save_point_text(
        library, point.uid, "Agreed words", expected_version=1
    )
    assert beside is None and len(after.points) == 2


@pytest.mark.postgresql_only
def test_two_saves_at_the_same_moment_cannot_both_win(library: Database, bob: Database) -> None:
    """Both read version 1; the row lock lets one in place and keeps the other beside."""
    uid, point = _point(library)
    results: list[str | None] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def save(db: Database, words: str) -> None:
        try:
            start.wait()
            results.append(briefings.save_point_text(db, point.uid, words, expected_version=1)[1])
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=save, args=(library, "Alice's words")),
        threading.Thread(target=save, args=(bob, "Bob's words")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(r is None for r in results) == [False, True]
    stored = briefings.get_briefing(library, uid)
    assert stored is not None
    assert {p.text for p in stored.points} == {"Alice's words", "Bob's words", "Then the budget"}
    assert [p.conflict_of for p in stored.points].count(point.uid) == 1
