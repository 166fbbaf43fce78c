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


def test_a_split_keeps_notes_on_the_act_that_keeps_the_id(tmp_path: Path) -> None:
    resources, seeds = write_mini(tmp_path)
    db = Database.open(tmp_path / "db.sqlite")
    load_curated(db, read_chronology(resources, seeds))
    with db.session() as s:
        plan = s.scalar(select(EventRow).where(EventRow.id == "plan-agreed"))
        assert plan is not None
        excerpt_pk = plan.excerpts[0].pk
        s.add(AnnotationRow(uid="n1", event_pk=plan.pk, body="on the event", tags=[]))
        s.add(AnnotationRow(uid="n2", excerpt_pk=excerpt_pk, body="on the quote", tags=[]))
    # The second act of "plan-agreed" (its review) becomes an event of its own.
    events = default_events()
    events[1]["title"] = "Council agrees a plan for joint projects"
    reviewed = dict(events[1], id="plan-reviewed", title="Plan to be reviewed", start="2025-03")
    reviewed.update(precision="month", excerpts=[{"source": "a.txt", "quote": "reviewed in March"}])
    resources, seeds = write_mini(tmp_path, [events[0], events[1], reviewed])
    report = load_curated(db, read_chronology(resources, seeds))
    assert (report.events_added, report.events_updated, report.events_retired) == (1, 2, 0)
    with db.session() as s:
        plan = s.scalar(select(EventRow).where(EventRow.id == "plan-agreed"))
        assert plan is not None and not plan.retired
        assert plan.title == "Council agrees a plan for joint projects"
        kept = s.get(ExcerptRow, excerpt_pk)
        assert kept is not None and not kept.retired and kept.event_pk == plan.pk
        where = dict(s.execute(select(AnnotationRow.uid, AnnotationRow.event_pk)).all())
        assert where["n1"] == plan.pk
        on_quote = s.scalar(select(AnnotationRow).where(AnnotationRow.uid == "n2"))
        assert on_quote is not None and on_quote.excerpt_pk == excerpt_pk
    db.close()


# Every id the chronology has ever shipped: users' notes point at them, so none may go.
SHIPPED_IDS = """
helsinki-headline-goal eufor-tchad-rca operation-atalanta-launch crimea-annexation
war-in-eastern-ukraine eu-sectoral-sanctions-2014 nato-wales-summit putin-xi-beijing-2016
eu-nato-warsaw-declaration nato-warsaw-summit-efp trump-inauguration-2017 pesco-notification
pesco-established pesco-first-projects eu-nato-brussels-declaration macron-real-european-army
pesco-third-wave chizhov-pesco-offer afghanistan-withdrawal russian-buildup-near-ukraine
belarus-border-migrants strategic-compass-first-draft kuznica-border-clashes
us-forces-europe-100000 french-council-presidency-2022 us-troops-fort-bragg
russia-full-scale-invasion strategic-compass-adopted finland-sweden-apply-nato
nato-madrid-summit eu-nato-joint-declaration-2023 finland-joins-nato denmark-joins-pesco
macron-western-troops sweden-joins-nato rutte-nato-secretary-general trump-elected-2024
costa-kallas-take-office trump-zelensky-macron-paris rutte-brussels-meeting
european-council-december-2024 putin-year-end-press-conference trump-second-inauguration
us-questionnaire-to-allies orban-veto-threat london-summit-coalition-of-the-willing
us-pauses-aid-and-intelligence rearm-europe-plan special-european-council-march-2025
eu-briefs-non-eu-partners strategic-compass-endorsed us-pauses-intelligence-sharing
trump-zelensky-oval-office us-russia-riyadh-talks russia-eufor-participation-agreement
russian-helicopters-chad
""".split()


def test_no_shipped_id_is_ever_dropped() -> None:
    from briefing_app.paths import RESOURCES_DIR, SEEDS_DIR

    ids = {e.id for e in read_chronology(RESOURCES_DIR, SEEDS_DIR).events}
    assert sorted(set(SHIPPED_IDS) - ids) == []


@pytest.mark.parametrize(
    ("eid", "start", "end"),
    [
        ("strategic-compass-adopted", "2022-03-21", None),
        ("strategic-compass-endorsed", "2022-03-24", "2022-03-25"),
        ("us-pauses-aid-and-intelligence", "2025-03-03", "2025-03-11"),
        ("us-pauses-intelligence-sharing", "2025-03-05", "2025-03-11"),
        ("trump-zelensky-oval-office", "2025-02-28", None),
        ("london-summit-coalition-of-the-willing", "2025-03-02", None),
        ("strategic-compass-first-draft", "2021-11-15", None),
        ("russia-eufor-participation-agreement", "2008-11-05", None),
        ("russian-helicopters-chad", "2008-11", "2008-12"),
    ],
)
def test_each_act_has_its_own_date(eid: str, start: str, end: str | None) -> None:
    from briefing_app.paths import RESOURCES_DIR, SEEDS_DIR

    event = next(e for e in read_chronology(RESOURCES_DIR, SEEDS_DIR).events if e.id == eid)
    assert event.when.start.iso() == start
    assert (event.when.end.iso() if event.when.end else None) == end
