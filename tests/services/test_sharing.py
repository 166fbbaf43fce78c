"""Sharing between laptops: export, merge without duplicates, keep both sides of a conflict."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane, Origin
from briefing_app.services.annotations import (
    annotations_of_event,
    create_annotation,
    update_annotation,
)
from briefing_app.services.briefings import (
    add_point,
    create_briefing,
    edit_point_text,
    list_briefings,
)
from briefing_app.services.library import open_library
from briefing_app.services.sharing import (
    SharingError,
    export_document,
    import_file,
    import_text,
    write_export,
)
from briefing_app.services.user_events import (
    EventDraft,
    add_user_excerpt,
    create_user_event,
    update_user_event,
)
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event, get_source_text, list_events

LIBRARY_BACKENDS = ("sqlite", "postgresql")

CURATED = "helsinki-headline-goal"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    """A second laptop: a fresh database built from the same chronology."""
    db = open_library(tmp_path / "other.sqlite")
    yield db
    db.close()


def _fill(db: Database) -> None:
    curated = get_event(db, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    mine = create_user_event(
        db,
        EventDraft("Ministers meet", DateSpan(PartialDate.parse("2025-03")), Lane.EU, ("Council",)),
        source_file=file,
        span=(curated.excerpts[0].start, curated.excerpts[0].end),
    )
    extra = add_user_excerpt(db, CURATED, file, (0, 40))
    create_annotation(db, event_id=CURATED, body="Text <b>x</b> <script>", tags=["nato"])
    create_annotation(db, excerpt_uid=curated.excerpts[0].uid, body="on a curated quote")
    create_annotation(db, excerpt_uid=extra.uid, body="on my own quote", talking_point=True)
    create_annotation(db, event_id=mine.id, body="on my event")
    brief = create_briefing(db, "Minister")
    for i in range(10):
        cites = [(CURATED, None)] if i % 3 else [(mine.id, None), (None, extra.uid)]
        brief = add_point(db, brief.uid, f"Point {i}", cites if i != 9 else [])


def _user_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "events": "SELECT * FROM events WHERE origin = 'user'",
        "excerpts": "SELECT * FROM excerpts WHERE origin = 'user'",
        "annotations": "SELECT * FROM annotations",
        "briefings": "SELECT * FROM briefings",
        "points": "SELECT * FROM briefing_points",
        "citations": "SELECT * FROM point_citations",
    }
    with db.engine.connect() as conn:
        return {k: sorted(tuple(r) for r in conn.execute(text(q))) for k, q in queries.items()}


def test_export_then_import_reproduces_everything(
    library: Database, other: Database, tmp_path: Path
) -> None:
    _fill(library)
    path = tmp_path / "work.json"
    counts = write_export(library, path)
    assert counts == {"events": 1, "excerpts": 2, "annotations": 4, "briefings": 1}
    report = import_file(other, path)
    assert dict(report.added) == counts and not report.conflicts
    assert export_document(other) == export_document(library)
    assert annotations_of_event(other, CURATED) == annotations_of_event(library, CURATED)
    assert list_briefings(other) == list_briefings(library)


def test_a_second_import_adds_nothing(library: Database, other: Database) -> None:
    _fill(library)
    doc = json.dumps(export_document(library))
    import_text(other, doc)
    before = _user_rows(other)
    report = import_text(other, doc)
    assert sum(report.added.values()) == 0 and not report.conflicts
    assert sum(report.skipped.values()) == 8
    assert _user_rows(other) == before


def test_a_conflicting_edit_keeps_both_versions(library: Database, other: Database) -> None:
    note = create_annotation(library, event_id=CURATED, body="first draft")
    brief = create_briefing(library, "Minister")
    brief = add_point(library, brief.uid, "Original point", [(CURATED, None)])
    import_text(other, json.dumps(export_document(library)))
    update_annotation(library, note.uid, body="edited on laptop A")
    edit_point_text(library, brief.points[0].uid, "Point as A wrote it")
    update_annotation(other, note.uid, body="edited on laptop B")
    edit_point_text(other, brief.points[0].uid, "Point as B wrote it")
    doc = json.dumps(export_document(library))
    report = import_text(other, doc)
    assert len(report.conflicts) == 2
    assert any("edited on laptop B" in c for c in report.conflicts)
    notes = {n.body: n for n in annotations_of_event(other, CURATED)}
    assert set(notes) == {"edited on laptop A", "edited on laptop B"}
    assert notes["edited on laptop B"].uid == note.uid
    assert notes["edited on laptop A"].conflict_of == note.uid
    names = {b.name: b.points[0].text for b in list_briefings(other)}
    assert names == {
        "Minister": "Point as B wrote it",
        "Minister (other version)": "Point as A wrote it",
    }
    again = import_text(other, doc)
    assert sum(again.added.values()) == 0 and not again.conflicts


def test_a_user_event_and_excerpt_changed_on_both_sides_are_kept_twice(
    library: Database, other: Database
) -> None:
    curated = get_event(library, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    mine = create_user_event(
        library, EventDraft("Ministers meet", DateSpan(PartialDate.parse("2025-03")), Lane.EU)
    )
    extra = add_user_excerpt(library, CURATED, file, (0, 40))
    import_text(other, json.dumps(export_document(library)))
    when = DateSpan(PartialDate.parse("2025-03"))
    update_user_event(library, mine.id, EventDraft("Ministers met (A)", when, Lane.EU))
    update_user_event(other, mine.id, EventDraft("Ministers met (B)", when, Lane.EU))
    doc = export_document(library)
    [moved] = [x for x in doc["excerpts"] if x["uid"] == extra.uid]
    source = get_source_text(library, file)
    assert source is not None
    moved["start"], moved["end"] = 50, 90
    moved["quote"] = source.text[50:90]

    report = import_text(other, json.dumps(doc))

    assert (report.added["events"], report.added["excerpts"]) == (1, 1)
    assert len(report.conflicts) == 2
    titles = {e.title for e in list_events(other) if e.origin is Origin.USER}
    assert titles == {"Ministers met (A)", "Ministers met (B)"}
    quotes = [x.quote for x in get_event(other, CURATED).excerpts]  # type: ignore[union-attr]
    assert source.text[0:40].strip() in quotes and source.text[50:90].strip() in quotes
    again = import_text(other, json.dumps(doc))
    assert sum(again.added.values()) == 0 and not again.conflicts
    assert (again.skipped["events"], again.skipped["excerpts"]) == (1, 1)


def _doc(library: Database) -> dict[str, Any]:
    create_annotation(library, event_id=CURATED, body="a good note")
    return export_document(library)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: "{ not json", "not valid JSON"),
        (lambda d: json.dumps([1, 2]), "expected an object"),
        (lambda d: json.dumps({**d, "kind": "something else"}), "not an export"),
        (lambda d: json.dumps({**d, "format": 2}), "newer version"),
        (lambda d: json.dumps({**d, "format": "1"}), "whole number"),
        (lambda d: json.dumps({**d, "annotations": {"a": 1}}), "should be a list"),
        (
            lambda d: json.dumps(
                {
                    **d,
                    "annotations": [
                        *d["annotations"],
                        {**d["annotations"][0], "uid": "n2", "tags": "nato"},
                    ],
                }
            ),
            "note 2: “tags” should be a list of texts",
        ),
        (
            lambda d: json.dumps(
                {
                    **d,
                    "annotations": [
                        *d["annotations"],
                        {**d["annotations"][0], "uid": "n3", "event": "no-such-event"},
                    ],
                }
            ),
            "no event 'no-such-event'",
        ),
        (
            lambda d: json.dumps(
                {
                    **d,
                    "briefings": [
                        {
                            "uid": "b",
                            "name": "B",
                            "position": 0,
                            "created_at": "2025-01-01T00:00:00Z",
                            "updated_at": "2025-01-01T00:00:00Z",
                            "points": [
                                {
                                    "uid": "p",
                                    "text": "t",
                                    "created_at": "2025-01-01T00:00:00Z",
                                    "updated_at": "2025-01-01T00:00:00Z",
                                    "citations": [{"excerpt": "nope"}],
                                }
                            ],
                        }
                    ],
                }
            ),
            "no excerpt 'nope'",
        ),
    ],
)
def test_a_bad_file_is_refused_and_changes_nothing(
    library: Database, other: Database, change: Any, message: str
) -> None:
    bad = change(_doc(library))
    before = _user_rows(other)
    with pytest.raises(SharingError, match=message):
        import_text(other, bad)
    assert _user_rows(other) == before
