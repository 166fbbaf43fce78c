"""`main.py import`, run as a user would: a subprocess, per-file report, exit status."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.services.library import open_library
from briefing_app.storage.repository import counts, list_events, list_sources
from tests.helpers.articles import markdown_article, saved_page, text_article, write
from tests.test_cli import run_main


def test_import_reports_each_file_and_accepts_all(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    page = write(tmp_path / "nato.html", saved_page())
    note = write(tmp_path / "fund.md", markdown_article())
    result = run_main("--db", str(db), "import", str(page), str(note), "--accept-all")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "imported nato_" in out and "“NATO invites Finland” (Example News, 30 Jun 2022)" in out
    assert "html; body" in out and "date(s) found" in out and "event(s) proposed" in out
    assert "accepted" in out
    library = open_library(db)
    try:
        assert counts(library)["sources"] == 7
        assert any(s.title == "EU leaders agree on a defence fund" for s in list_sources(library))
    finally:
        library.close()


def test_import_twice_is_one_source_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    path = write(tmp_path / "t.txt", text_article())
    assert run_main("--db", str(db), "import", str(path)).returncode == 0
    again = run_main("--db", str(db), "import", str(path))
    assert again.returncode == 0
    assert "already imported as “Ministers back ammunition plan" in again.stdout
    library = open_library(db)
    try:
        assert counts(library)["sources"] == 6
    finally:
        library.close()


def test_propose_saves_nothing_and_options_override(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    path = write(tmp_path / "t.txt", text_article())
    result = run_main(
        "--db", str(db), "import", str(path), "--propose",
        "--title", "Given title", "--outlet", "Given outlet", "--published", "2024-03-06",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "would import" in result.stdout
    assert "“Given title” (Given outlet, 6 Mar 2024)" in result.stdout
    library = open_library(db)
    try:
        assert counts(library)["sources"] == 5
    finally:
        library.close()


def test_a_failure_is_a_message_and_a_non_zero_exit(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    good = write(tmp_path / "t.txt", text_article())
    empty = write(tmp_path / "empty.txt", b"")
    result = run_main("--db", str(db), "import", str(empty), str(tmp_path / "gone.txt"), str(good))
    assert result.returncode == 1
    assert "empty.txt: The file is empty" in result.stderr
    assert "gone.txt: There is no file at" in result.stderr
    assert "Traceback" not in result.stderr
    assert "imported t_" in result.stdout  # the good file still went in
    bad_date = run_main("--db", str(db), "import", str(good), "--published", "March 2024")
    assert bad_date.returncode == 2 and "--published" in bad_date.stderr


def test_propose_as_json_prints_every_proposal_and_saves_nothing(tmp_path: Path) -> None:
    import json

    db = tmp_path / "db.sqlite"
    text = (
        "Council approves Strategic Compass\n\n"
        "On 21 March 2022 the Council approved the Strategic Compass, a plan of action for "
        "strengthening the EU's security and defence policy by 2030.\n\n"
        "Ministers said on 21 March 2022 that the Strategic Compass gives the Union a plan.\n"
    )
    path = write(tmp_path / "compass.txt", text.encode())
    result = run_main(
        "--db", str(db), "import", str(path), "--propose", "--format", "json",
        "--published", "2022-03-21",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [entry] = data["files"]
    assert entry["file"] == str(path) and entry["published"] == "2022-03-21"
    compass = [p for p in entry["proposals"] if p["start"] == "2022-03-21"]
    assert len(compass) == 1 and len(compass[0]["excerpts"]) == 2
    first = compass[0]
    assert set(first) >= {"title", "start", "end", "precision", "lane", "same_as", "excerpts"}
    assert first["precision"] == "day" and first["end"] is None and first["lane"] == "EU"
    assert first["same_as"] == "strategic-compass-adopted"
    for excerpt in first["excerpts"]:
        assert text[excerpt["start"] : excerpt["end"]] == excerpt["text"]
    library = open_library(db)
    try:
        assert counts(library)["sources"] == 5  # the shipped seeds only
    finally:
        library.close()
    refused = run_main("--db", str(db), "import", str(path), "--format", "json")
    assert refused.returncode == 2 and "--propose" in refused.stderr


def test_a_plain_import_keeps_its_proposals_for_review(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    path = write(tmp_path / "t.txt", text_article())
    first = run_main("--db", str(db), "import", str(path))
    assert first.returncode == 0, first.stderr
    assert (
        "2 events proposed for review: open the app and choose Review Proposals on "
        "“Ministers back ammunition plan after Brussels talks”" in first.stdout
    )
    again = run_main("--db", str(db), "import", str(path))
    assert "already imported as “Ministers back ammunition plan" in again.stdout
    assert "2 events wait for review" in again.stdout and "skipped" not in again.stdout
    listing = run_main("--db", str(db), "proposals", "list")
    assert listing.returncode == 0, listing.stderr
    file = listing.stdout.split(":", 1)[0]
    assert file.startswith("t_") and "2 pending" in listing.stdout
    assert "  1. 5 Mar 2024" in listing.stdout
    accepted = run_main("--db", str(db), "proposals", "accept", file, "1")
    assert accepted.returncode == 0, accepted.stderr
    assert "accepted 1 proposal(s): 1 new event(s)" in accepted.stdout
    assert "1 still pending" in accepted.stdout
    wrong = run_main("--db", str(db), "proposals", "reject", file, "2")
    assert wrong.returncode == 2 and "no proposal 2" in wrong.stderr
    rejected = run_main("--db", str(db), "proposals", "reject", file, "--all")
    assert "rejected 1 proposal(s); 0 still pending" in rejected.stdout
    assert "No proposals wait" in run_main("--db", str(db), "proposals", "list").stdout
    done = run_main("--db", str(db), "import", str(path))
    assert "no proposals wait for review; nothing was added" in done.stdout
    library = open_library(db)
    try:
        assert counts(library)["sources"] == 6
        assert sum(e.origin.value == "user" for e in list_events(library)) == 1
    finally:
        library.close()


def test_accept_all_on_a_file_imported_before_accepts_what_waits(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    path = write(tmp_path / "t.txt", text_article())
    assert run_main("--db", str(db), "import", str(path)).returncode == 0
    result = run_main("--db", str(db), "import", str(path), "--accept-all")
    assert result.returncode == 0, result.stderr
    assert "accepted 2 proposal(s): 2 new event(s)" in result.stdout
    library = open_library(db)
    try:
        assert sum(e.origin.value == "user" for e in list_events(library)) == 2
    finally:
        library.close()


def test_propose_json_is_the_public_shape_and_saves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    open_library(db).close()
    before = db.read_bytes()
    text = text_article()
    path = write(tmp_path / "t.txt", text.encode("cp1252"))  # not UTF-8: offsets in decoded text
    page = write(tmp_path / "nato.html", saved_page())
    result = run_main(
        "--db", str(db), "import", str(path), str(page), "--propose", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert db.read_bytes() == before  # byte for byte
    wal = tmp_path / "db.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # and nothing waiting to be written
    out = json.loads(result.stdout)
    assert [f["file"] for f in out["files"]] == [str(path), str(page)]
    first, second = out["files"]
    assert first["published"] == "2024-03-06"
    keys = {"title", "start", "end", "precision", "lane", "same_as", "excerpts"}
    for record in (*first["proposals"], *second["proposals"]):
        assert keys <= set(record)
        assert record["precision"] in {"day", "week", "month", "year"}
        assert record["lane"] in {"EU", "NATO", "Russia", "US", "Ukraine", "Other"}
        assert record["same_as"] is None or isinstance(record["same_as"], str)
        for x in record["excerpts"]:
            assert set(x) >= {"start", "end", "text"} and x["end"] > x["start"]
    for x in (x for r in first["proposals"] for x in r["excerpts"]):
        assert text[x["start"] : x["end"]] == x["text"]
    assert any(
        link["event"] == "nato-madrid-summit" for r in second["proposals"] for link in r["links"]
    )
    july = next(r for r in first["proposals"] if r["start"] == "2023-07")
    assert july["precision"] == "month" and july["end"] is None
    # A database that does not exist yet is not made by proposing.
    missing = tmp_path / "none.sqlite"
    result = run_main("--db", str(missing), "import", str(page), "--propose", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert not missing.exists() and json.loads(result.stdout)["files"][0]["proposals"]
    assert run_main("--db", str(db), "import", str(page), "--format", "json").returncode == 2
