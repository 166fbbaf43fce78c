"""Loading the curated chronology: validation, idempotence, user rows untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from briefing_app.ingest.curated import ChronologyError, load_curated, read_chronology
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow, EventRow, ExcerptRow
from briefing_app.storage.repository import list_events
from tests.helpers.mini_chronology import ARTICLE, default_events, write_mini


def test_quotes_are_anchored_with_context(tmp_path: Path) -> None:
    resources, seeds = write_mini(tmp_path)
    chron = read_chronology(resources, seeds)
    plan = next(e for e in chron.events if e.id == "plan-agreed")
    second = plan.excerpts[1].anchor
    assert second.start == ARTICLE.rindex("The plan follows the 1999 goal")
    assert ARTICLE[second.start : second.end] == second.exact
    assert second.prefix and second.suffix


def test_a_broken_quote_names_event_source_and_quote(tmp_path: Path) -> None:
    events = default_events()
    events[1]["excerpts"][0]["quote"] = "agreed a plan for joint offence projects"
    resources, seeds = write_mini(tmp_path, events)
    with pytest.raises(ChronologyError) as info:
        read_chronology(resources, seeds)
    (problem,) = info.value.problems
    assert "plan-agreed" in problem and "a.txt" in problem and "joint offence" in problem


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "2025-02-30"}, "not a calendar date"),
        ({"start": "2025-03-06", "end": "2025-03-01"}, "before start"),
        ({"precision": "day", "start": "2025-03"}, "does not match"),
        ({"category": "Mars"}, "unknown lane"),
        ({"confidence": "certain"}, "unknown confidence"),
    ],
)
def test_invalid_events_are_reported(tmp_path: Path, change: dict[str, str], message: str) -> None:
    events = default_events()
    events[1].update(change)
    resources, seeds = write_mini(tmp_path, events)
    with pytest.raises(ChronologyError, match=message):
        read_chronology(resources, seeds)


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    events = default_events()
    events.append(dict(events[0]))
    resources, seeds = write_mini(tmp_path, events)
    with pytest.raises(ChronologyError, match="more than once"):
        read_chronology(resources, seeds)


def _counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(EventRow)) or 0,
            s.scalar(select(func.count()).select_from(ExcerptRow)) or 0,
        )


def test_loading_twice_changes_nothing(tmp_path: Path) -> None:
    resources, seeds = write_mini(tmp_path)
    db = Database.open(tmp_path / "db.sqlite")
    chron = read_chronology(resources, seeds)
    first = load_curated(db, chron)
    assert (first.events_added, first.excerpts) == (2, 3)
    before = [(e.id, e.title, e.when, e.excerpts) for e in list_events(db, with_excerpts=True)]
    second = load_curated(db, read_chronology(resources, seeds))
    assert second.events_added == 0 and second.events_updated == 2
    after = [(e.id, e.title, e.when, e.excerpts) for e in list_events(db, with_excerpts=True)]
    assert before == after
    assert _counts(db) == (2, 3)
    db.close()


def test_reload_updates_curated_fields_and_keeps_user_rows(tmp_path: Path) -> None:
    resources, seeds = write_mini(tmp_path)
    db = Database.open(tmp_path / "db.sqlite")
    load_curated(db, read_chronology(resources, seeds))
    with db.session() as s:
        plan = s.scalar(select(EventRow).where(EventRow.id == "plan-agreed"))
        goal = s.scalar(select(EventRow).where(EventRow.id == "goal-1999"))
        assert plan is not None and goal is not None
        user = EventRow(
            id="user-1",
            title="Mine",
            start="2025",
            start_precision="year",
            first_day=1,
            last_day=2,
            lane="Other",
            origin="user",
        )
        s.add(user)
        s.add(AnnotationRow(uid="n1", event_pk=plan.pk, body="my note", tags=["x"]))
        s.add(AnnotationRow(uid="n2", event_pk=goal.pk, body="keep me", tags=[]))
    # The curated file changes: a title is corrected, the 1999 goal event is dropped.
    events = default_events()
    events[1]["title"] = "Council agrees a defence plan"
    resources, seeds = write_mini(tmp_path, [events[1]])
    report = load_curated(db, read_chronology(resources, seeds))
    assert report.events_retired == 1  # goal-1999 has a note: kept, not deleted
    with db.session() as s:
        titles = dict(s.execute(select(EventRow.id, EventRow.title)).all())
        assert titles["plan-agreed"] == "Council agrees a defence plan"
        assert titles["user-1"] == "Mine"
        assert "goal-1999" in titles
        notes = dict(s.execute(select(AnnotationRow.uid, AnnotationRow.body)).all())
        assert notes == {"n1": "my note", "n2": "keep me"}
    assert [e.id for e in list_events(db)] == ["user-1", "plan-agreed"] or {
        e.id for e in list_events(db)
    } == {"user-1", "plan-agreed"}
    db.close()


def test_shipped_chronology_is_valid() -> None:
    from briefing_app.paths import RESOURCES_DIR, SEEDS_DIR

    chron = read_chronology(RESOURCES_DIR, SEEDS_DIR)
    assert len(chron.events) >= 35
    assert all(e.excerpts for e in chron.events)
    assert len(chron.sources) == 5


def test_sources_json_is_reviewable_text() -> None:
    from briefing_app.paths import RESOURCES_DIR

    data = json.loads((RESOURCES_DIR / "sources.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in data["sources"]} == {
        p.name for p in (RESOURCES_DIR.parent / "seeds").glob("*.txt")
    }
