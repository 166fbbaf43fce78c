"""The user's own events and excerpts: anchored verbatim, deletable, kept by every reload."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane, Origin
from briefing_app.ingest.curated import load_curated, read_chronology
from briefing_app.services.annotations import annotations_of_event, create_annotation
from briefing_app.services.briefings import add_point, create_briefing, get_briefing
from briefing_app.services.library import open_library, reload_curated
from briefing_app.services.lookup import EditRefused
from briefing_app.services.user_events import (
    EventDraft,
    add_user_excerpt,
    create_user_event,
    delete_user_event,
    delete_user_excerpt,
    get_event_snapshot,
    remove_user_excerpt,
    restore_event,
    restore_excerpt,
    set_event_hidden,
    update_user_event,
)
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event, get_source_text, list_events
from briefing_app.storage.search import search
from tests.helpers.mini_chronology import default_events, write_mini

LIBRARY_BACKENDS = ("sqlite", "postgresql")

CURATED = "helsinki-headline-goal"


def _draft(title: str = "Ministers meet") -> EventDraft:
    return EventDraft(title, DateSpan(PartialDate.parse("2025-03-06")), Lane.EU, ("Council",))


def _span(db: Database, file: str, quote: str) -> tuple[int, int]:
    src = get_source_text(db, file)
    assert src is not None
    start = src.text.index(quote)
    return start, start + len(quote)


def test_a_user_event_quotes_its_source_verbatim(library: Database) -> None:
    curated = get_event(library, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    start, end = _span(library, file, curated.excerpts[0].quote)
    source_text = get_source_text(library, file).text  # type: ignore[union-attr]
    assert source_text[start - 1].isspace()  # a mouse selection's stray space is trimmed
    made = create_user_event(library, _draft(), source_file=file, span=(start - 1, end))
    event = get_event(library, made.id)
    assert event is not None and event.origin is Origin.USER
    quote = event.excerpts[0]
    assert source_text[quote.start : quote.end] == quote.quote == curated.excerpts[0].quote
    assert quote.prefix == source_text[max(0, quote.start - 40) : quote.start]
    assert quote.origin is Origin.USER


def test_edit_and_delete_only_what_the_user_made(library: Database) -> None:
    made = create_user_event(library, _draft())
    edited = update_user_event(library, made.id, _draft("Ministers meet again"))
    assert edited.draft.title == "Ministers meet again"
    with pytest.raises(EditRefused, match="only hidden"):
        update_user_event(library, CURATED, _draft())
    with pytest.raises(EditRefused, match="only hidden"):
        delete_user_event(library, CURATED)
    assert set_event_hidden(library, CURATED, True) is False
    assert CURATED not in {e.id for e in list_events(library)}
    set_event_hidden(library, CURATED, False)
    assert CURATED in {e.id for e in list_events(library)}


def test_deleting_an_event_takes_its_notes_and_citations_and_undo_brings_all_back(
    library: Database,
) -> None:
    curated = get_event(library, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    made = create_user_event(
        library, _draft(), source_file=file, span=_span(library, file, curated.excerpts[0].quote)
    )
    excerpt = made.excerpts[0].uid
    create_annotation(library, event_id=made.id, body="on the event")
    create_annotation(library, excerpt_uid=excerpt, body="on the quote")
    brief = create_briefing(library, "B")
    brief = add_point(library, brief.uid, "p", [(made.id, None), (CURATED, None), (None, excerpt)])
    before = get_event_snapshot(library, made.id)
    assert delete_user_event(library, made.id) == before
    assert get_event(library, made.id) is None
    assert [c.event_id for c in get_briefing(library, brief.uid).points[0].citations] == [CURATED]  # type: ignore[union-attr]
    # The full-text index forgot the notes too (on PostgreSQL it lives in the rows).
    assert not [h for h in search(library, "quote") if h.kind == "annotation"]
    if library.engine.dialect.name == "sqlite":
        with library.engine.connect() as conn:
            n = conn.execute(
                text("SELECT count(*) FROM annotations_fts WHERE annotations_fts MATCH 'quote'")
            )
            assert n.scalar() == 0
    restore_event(library, before)
    assert get_event_snapshot(library, made.id) == before
    assert get_briefing(library, brief.uid) == brief


def test_a_user_excerpt_on_a_curated_event_can_be_deleted_and_restored(library: Database) -> None:
    curated = get_event(library, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    made = add_user_excerpt(library, CURATED, file, (10, 60))
    create_annotation(library, excerpt_uid=made.uid, body="mine")
    with pytest.raises(EditRefused, match="curated"):
        delete_user_excerpt(library, curated.excerpts[0].uid)
    gone = delete_user_excerpt(library, made.uid)
    assert len(gone.annotations) == 1
    assert made.uid not in {x.uid for x in get_event(library, CURATED).excerpts}  # type: ignore[union-attr]
    restore_excerpt(library, gone)
    assert get_event_snapshot(library, CURATED).excerpts[0] == gone


@pytest.mark.parametrize("delete", [delete_user_excerpt, remove_user_excerpt])
def test_deleting_an_excerpt_takes_only_its_own_notes_and_citations(
    library: Database, delete: Callable[[Database, str], object]
) -> None:
    curated = get_event(library, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    made = add_user_excerpt(library, CURATED, file, (10, 60))
    kept = add_user_excerpt(library, CURATED, file, (70, 120))
    create_annotation(library, excerpt_uid=made.uid, body="goes")
    others = {
        create_annotation(library, excerpt_uid=kept.uid, body="on another excerpt").uid,
        create_annotation(library, excerpt_uid=curated.excerpts[0].uid, body="on a quote").uid,
        create_annotation(library, event_id=CURATED, body="on the event").uid,
    }
    brief = create_briefing(library, "Talking points")
    add_point(library, brief.uid, "cites both", [(None, made.uid), (None, kept.uid)])

    delete(library, made.uid)

    assert {n.uid for n in annotations_of_event(library, CURATED)} == others
    [point] = get_briefing(library, brief.uid).points  # type: ignore[union-attr]
    assert [c.excerpt_uid for c in point.citations] == [kept.uid]


def _user_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "events": "SELECT * FROM events WHERE origin = 'user' ORDER BY pk",
        "excerpts": "SELECT * FROM excerpts WHERE origin = 'user' ORDER BY pk",
        "annotations": "SELECT * FROM annotations ORDER BY pk",
        "briefings": "SELECT * FROM briefings ORDER BY pk",
        "points": "SELECT * FROM briefing_points ORDER BY pk",
        "citations": "SELECT * FROM point_citations ORDER BY pk",
        "hidden": "SELECT id FROM events WHERE hidden ORDER BY id",
    }
    with db.engine.connect() as conn:
        return {k: [tuple(r) for r in conn.execute(text(q))] for k, q in queries.items()}


def test_reloading_the_curated_chronology_leaves_every_user_row_untouched(
    library: Database,
) -> None:
    curated = get_event(library, CURATED)
    assert curated is not None
    file = curated.excerpts[0].source
    made = create_user_event(library, _draft(), source_file=file, span=(5, 50))
    add_user_excerpt(library, CURATED, file, (60, 90))
    create_annotation(library, event_id=CURATED, body="curated note", tags=["t"])
    create_annotation(library, excerpt_uid=curated.excerpts[0].uid, body="quote note")
    create_annotation(library, event_id=made.id, body="my note", talking_point=True)
    brief = create_briefing(library, "Keep")
    add_point(library, brief.uid, "p", [(made.id, None), ("pesco-established", None)])
    set_event_hidden(library, "pesco-notification", True)
    before = _user_rows(library)
    assert all(before.values())
    reload_curated(library)
    reload_curated(library)
    assert _user_rows(library) == before


def test_a_cited_event_dropped_from_the_chronology_is_retired_not_deleted(tmp_path: Path) -> None:
    resources, seeds = write_mini(tmp_path)
    db = open_library(tmp_path / "db.sqlite", resources, seeds)
    try:
        brief = create_briefing(db, "B")
        brief = add_point(db, brief.uid, "p", [("goal-1999", None)])
        excerpt = get_event(db, "plan-agreed").excerpts[1].uid  # type: ignore[union-attr]
        add_point(db, brief.uid, "q", [(None, excerpt)])
        events = default_events()
        events[1]["excerpts"] = events[1]["excerpts"][:1]
        write_mini(tmp_path, events[1:])
        report = load_curated(db, read_chronology(resources, seeds))
        assert report.events_retired == 1 and report.events_deleted == 0
        after = get_briefing(db, brief.uid)
        assert after is not None
        assert [c.target for p in after.points for c in p.citations] == [
            ("goal-1999", None),
            (None, excerpt),
        ]
    finally:
        db.close()
