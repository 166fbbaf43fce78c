"""The command line on a team database: the same commands, and the laptop round trip."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.services.annotations import annotations_of_event
from briefing_app.services.library import open_library
from tests.test_cli import run_main

EVENT = "helsinki-headline-goal"


def test_check_search_and_notes_work_on_a_server(pg_url: str) -> None:
    added = run_main("--db", pg_url, "annotations", "add", EVENT, "--text", "Élan for the goal")
    assert added.returncode == 0, added.stderr
    checked = run_main("--db", pg_url, "check")
    assert checked.returncode == 0, checked.stderr
    assert "every excerpt anchors verbatim" in checked.stdout
    found = run_main("--db", pg_url, "search", "elan", "--format", "json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert {"event": EVENT, "kind": "annotation"} in [
        {"event": h["event"], "kind": h["kind"]} for h in hits
    ]
    assert "[Élan]" in hits[0]["snippet"]


def test_an_unreachable_server_is_an_error_message_not_a_traceback() -> None:
    result = run_main("--db", "postgresql://alice:s3cret@127.0.0.1:1/team", "search", "x")
    assert result.returncode == 2
    assert "alice@127.0.0.1:1/team" in result.stderr
    assert "s3cret" not in result.stderr and "Traceback" not in result.stderr


def test_a_laptop_takes_the_work_offline_and_merges_it_back(pg_url: str, tmp_path: Path) -> None:
    """Team → notes file → laptop (SQLite), a note written on the plane, and back."""
    run_main("--db", pg_url, "annotations", "add", EVENT, "--text", "From the team")
    team_file, laptop, plane_file = (
        tmp_path / "team.json",
        tmp_path / "laptop.sqlite",
        tmp_path / "p.json",
    )
    assert run_main("--db", pg_url, "annotations", "export", "-o", str(team_file)).returncode == 0
    taken = run_main("--db", str(laptop), "annotations", "import", str(team_file))
    assert taken.returncode == 0, taken.stderr
    on_plane = run_main("--db", str(laptop), "annotations", "add", EVENT, "--text", "On the plane")
    assert on_plane.returncode == 0, on_plane.stderr
    assert (
        run_main("--db", str(laptop), "annotations", "export", "-o", str(plane_file)).returncode
        == 0
    )
    merged = run_main("--db", pg_url, "annotations", "import", str(plane_file))
    assert merged.returncode == 0, merged.stderr
    assert "1 annotations" in merged.stdout  # only the new one: the team's note is not doubled
    db = open_library(pg_url)
    try:
        bodies = sorted(n.body for n in annotations_of_event(db, EVENT))
    finally:
        db.close()
    assert bodies == ["From the team", "On the plane"]
