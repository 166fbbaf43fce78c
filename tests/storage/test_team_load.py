"""Concurrent writers on the server: every edit is found afterwards, in a note or beside it."""

from __future__ import annotations

from sqlalchemy import func, select

from briefing_app.bench.team_load import run_team_load
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow


def test_every_concurrent_edit_is_accounted_for(pg_url: str) -> None:
    report = run_team_load(pg_url, writers=6, edits=40, shared_notes=3)
    assert report.problems == []
    assert report.saved + report.conflicts == 6 * 40
    assert report.conflicts > 0  # three notes, six writers: some saves must have met others
    assert len(report.latencies_ms) == 240
    db = Database.open(pg_url)
    try:  # the load's notes are taken out again
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(AnnotationRow)) == 0
    finally:
        db.close()
