"""Reading one event's notes goes through the indexes, never over every note."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event as sa_event

from briefing_app.services.annotations import annotations_of_event, create_annotation
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event

LIBRARY_BACKENDS = ("sqlite", "postgresql")

EVENT = "helsinki-headline-goal"


def _plans(db: Database, call: Callable[[], object]) -> list[str]:
    """The query plan of every statement ``call`` runs on the annotations table."""
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, params, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if "annotations" in statement:
            statements.append((statement, params))

    sa_event.listen(db.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", record)
    assert statements
    raw = db.engine.raw_connection()
    try:
        return [
            row[-1]
            for statement, params in statements
            for row in raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
        ]
    finally:
        raw.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("read", [annotations_of_event])
def test_one_events_notes_are_read_through_the_indexes(
    library: Database, read: Callable[[Database, str], list[object]]
) -> None:
    event = get_event(library, EVENT)
    assert event is not None
    on_event = create_annotation(library, event_id=EVENT, body="on the event")
    on_excerpt = create_annotation(library, excerpt_uid=event.excerpts[0].uid, body="on a quote")
    create_annotation(library, event_id="eufor-tchad-rca", body="elsewhere")

    found = read(library, EVENT)

    assert [n.uid for n in found] == [on_event.uid, on_excerpt.uid]  # type: ignore[attr-defined]
    plan = _plans(library, lambda: read(library, EVENT))
    scans = [step for step in plan if step.startswith("SCAN")]
    assert scans == [], plan


def test_exported_notes_keep_the_order_they_were_written_in(library: Database) -> None:
    from briefing_app.export.selection import annotations_by_event

    made = [create_annotation(library, event_id=EVENT, body=f"note {i}") for i in range(6)]
    # All within one second: the times shown cannot order them, the writing order must.
    assert [n.uid for n in annotations_by_event(library)[EVENT]] == [n.uid for n in made]
