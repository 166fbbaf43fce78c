"""`main.py import`, run as a user would: a subprocess, per-file report, exit status."""

from __future__ import annotations

from pathlib import Path

from briefing_app.services.library import open_library
from briefing_app.storage.repository import counts, list_sources
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
