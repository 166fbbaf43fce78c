"""Handing a briefing on keeps what it rested on; "what changed since" lists what differs:
events added in its period, dates, grades, flagged quotations, notes, points. On SQLite and
on the team database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from briefing_app.domain.dates import DateSpan
from briefing_app.domain.delivery import ChangeKind, DeliveredState
from briefing_app.domain.grading import Grade
from briefing_app.domain.model import Lane
from briefing_app.services import briefings
from briefing_app.services.annotations import create_annotation
from briefing_app.services.deliveries import (
    NotDelivered,
    changes_since,
    deliveries_of,
    mark_delivered,
    record_delivery,
)
from briefing_app.services.grades import set_source_grade
from briefing_app.services.library import open_library
from briefing_app.services.lookup import NotFound
from briefing_app.services.user_events import EventDraft, create_user_event
from briefing_app.storage.database import Database
from briefing_app.storage.models import DeliveryRow, EventRow, SourceRow
from briefing_app.storage.repository import get_event
from tests.test_cli import run_main

LIBRARY_BACKENDS = ("sqlite", "postgresql")

ADOPTED = "strategic-compass-adopted"
HELSINKI = "helsinki-headline-goal"


def _briefing(db: Database) -> str:
    """A briefing citing the Compass's adoption and one passage of the Headline Goal."""
    b = briefings.create_briefing(db, "Compass brief")
    helsinki = get_event(db, HELSINKI)
    assert helsinki is not None and helsinki.excerpts
    briefings.add_point(db, b.uid, "The EU adopted its Strategic Compass.", [(ADOPTED, None)])
    briefings.add_point(db, b.uid, "It goes back to Helsinki.", [(None, helsinki.excerpts[0].uid)])
    return b.uid


def _kinds(db: Database) -> list[ChangeKind]:
    return [c.kind for c in changes_since(db, "compass brief").changes]


def test_a_briefing_never_handed_on_has_nothing_to_compare_with(library: Database) -> None:
    _briefing(library)
    with pytest.raises(NotDelivered, match="has not been handed on yet"):
        changes_since(library, "Compass brief")
    with pytest.raises(NotFound, match="briefings: “Compass brief”"):
        changes_since(library, "Another")


def test_right_after_handing_on_nothing_has_changed(library: Database) -> None:
    uid = _briefing(library)
    done = record_delivery(library, uid, "pdf")
    assert (done.points, done.events, done.how) == (2, 2, "pdf")
    since = changes_since(library, "COMPASS BRIEF")
    assert since.changes == ()
    assert since.delivery.describe().startswith("exported as PDF on ")


def test_the_state_kept_reads_back_equal(library: Database) -> None:
    uid = _briefing(library)
    record_delivery(library, uid, "marked")
    with library.session() as s:
        stored = s.scalar(select(DeliveryRow.state))
    assert stored is not None
    state = DeliveredState.from_json(stored)
    assert DeliveredState.from_json(state.to_json()) == state
    assert set(state.events) == {ADOPTED, HELSINKI}
    assert state.events[ADOPTED].when == "21 Mar 2022"
    assert state.period is not None and state.period[0].year == 1999
    assert ADOPTED in state.in_period


def test_an_event_added_in_the_period_is_listed(library: Database) -> None:
    uid = _briefing(library)
    mark_delivered(library, "Compass brief")
    create_user_event(
        library,
        EventDraft("Ministers meet on air defence", DateSpan.parse("2015-06-10"), Lane.EU),
    )
    since = changes_since(library, "Compass brief")
    added = [c for c in since.changes if c.kind is ChangeKind.EVENT_ADDED]
    assert [c.text for c in added] == [
        "added in the briefing's period: “Ministers meet on air defence”"
    ]
    assert uid


def test_a_changed_date_a_grade_a_note_and_the_points_resting_on_them(
    library: Database,
) -> None:
    _briefing(library)
    mark_delivered(library, "Compass brief")
    with library.session() as s:
        s.execute(update(EventRow).where(EventRow.id == ADOPTED).values(start="2022-03-22"))
        s.commit()
    helsinki = get_event(library, HELSINKI)
    assert helsinki is not None
    set_source_grade(library, helsinki.excerpts[0].source, Grade("B", "2"))
    create_annotation(library, event_id=ADOPTED, body="Check the date with the Council.")
    since = changes_since(library, "Compass brief")
    texts = [c.text for c in since.changes]
    assert any("date changed from 21 Mar 2022 to 22 Mar 2022" in t for t in texts), texts
    assert any("support graded ungraded, now B2" in t for t in texts), texts
    assert any(t == "a note was added: “Check the date with the Council.”" for t in texts)
    support = [c for c in since.changes if c.kind is ChangeKind.SUPPORT_CHANGED]
    assert {c.point_uid for c in support} and len(support) == 2
    assert since.changed_events() >= {ADOPTED, HELSINKI}


def test_a_quotation_whose_article_changed_is_listed_as_flagged(library: Database) -> None:
    _briefing(library)
    mark_delivered(library, "Compass brief")
    helsinki = get_event(library, HELSINKI)
    assert helsinki is not None
    file = helsinki.excerpts[0].source
    with library.session() as s:
        # Bytes changed behind the application's back: the fingerprint no longer matches.
        s.execute(update(SourceRow).where(SourceRow.file == file).values(text_sha256="0" * 64))
        s.commit()
    flagged = [
        c
        for c in changes_since(library, "Compass brief").changes
        if c.kind is ChangeKind.EXCERPT_FLAGGED
    ]
    adopted = get_event(library, ADOPTED)
    assert adopted is not None
    passages = [x for x in (*helsinki.excerpts, *adopted.excerpts) if x.source == file]
    assert len(flagged) == len(passages) >= 1
    assert all("no longer matches its article" in c.text for c in flagged)


def test_point_edits_and_removals_are_listed(library: Database) -> None:
    uid = _briefing(library)
    mark_delivered(library, "Compass brief")
    snap = briefings.get_briefing(library, uid)
    assert snap is not None
    briefings.edit_point_text(library, snap.points[0].uid, "The Compass was adopted in 2022.")
    briefings.delete_point(library, snap.points[1].uid)
    briefings.add_point(library, uid, "A new point.")
    assert _kinds(library) == [
        ChangeKind.POINT_EDITED,
        ChangeKind.POINT_REMOVED,
        ChangeKind.POINT_ADDED,
    ]


def test_every_hand_over_is_kept_and_the_newest_is_compared(library: Database) -> None:
    _briefing(library)
    mark_delivered(library, "Compass brief")
    create_annotation(library, event_id=ADOPTED, body="First.")
    assert _kinds(library) == [ChangeKind.NOTE_ADDED]
    mark_delivered(library, "Compass brief")
    assert _kinds(library) == []
    assert [d.how for d in deliveries_of(library, "Compass brief")] == ["marked", "marked"]


def test_deleting_the_briefing_deletes_its_hand_overs(library: Database) -> None:
    uid = _briefing(library)
    mark_delivered(library, "Compass brief")
    briefings.delete_briefing(library, uid)
    with library.session() as s:
        assert s.scalar(select(DeliveryRow.pk)) is None


@pytest.mark.sqlite_only
def test_the_command_line_lists_changes_and_records_a_pdf_as_handed_on(
    library: Database, library_path: Path, tmp_path: Path
) -> None:
    _briefing(library)
    library.close()
    db = str(library_path)
    never = run_main("--db", db, "changes", "--since-briefing", "compass brief")
    assert never.returncode == 2 and "has not been handed on yet" in never.stderr
    draft = run_main(
        "--db",
        db,
        "export",
        "--format",
        "pdf",
        "--briefing",
        "Compass brief",
        "--draft",
        "-o",
        str(tmp_path / "draft.pdf"),
    )
    assert draft.returncode == 0, draft.stderr
    assert run_main("--db", db, "changes", "--since-briefing", "compass brief").returncode == 2
    pdf = run_main(
        "--db",
        db,
        "export",
        "--format",
        "pdf",
        "--briefing",
        "Compass brief",
        "-o",
        str(tmp_path / "brief.pdf"),
    )
    assert pdf.returncode == 0, pdf.stderr
    assert "Compass brief: exported as PDF on" in pdf.stderr
    again = open_library(library_path)
    create_annotation(again, event_id=ADOPTED, body="Ask the Council.")
    again.close()
    text = run_main("--db", db, "changes", "--since-briefing", "compass brief")
    assert text.returncode == 0, text.stderr
    assert "1 change since:" in text.stdout
    assert "a note was added: “Ask the Council.”" in text.stdout
    as_json = run_main(
        "--db", db, "changes", "--since-briefing", "compass brief", "--format", "json"
    )
    data = json.loads(as_json.stdout)
    assert data["how"] == "pdf" and data["briefing"] == "Compass brief"
    assert [c["kind"] for c in data["changes"]] == ["note-added"]
    assert data["changes"][0]["event"] == ADOPTED
    listed = run_main("--db", db, "briefings", "list")
    assert "Compass brief  ·  2 points  ·  exported as PDF on" in listed.stdout
    marked = run_main("--db", db, "briefings", "deliver", "compass brief")
    assert marked.returncode == 0 and "marked delivered on" in marked.stdout
    history = run_main("--db", db, "briefings", "history", "Compass brief")
    assert history.stdout.count("\n") == 2
