"""The command line, run as a user would: a subprocess of main.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.paths import PROJECT_ROOT


def run_main(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BRIEFING_NO_BOOTSTRAP="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(cwd / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


def test_check_passes_on_the_shipped_chronology(tmp_path: Path) -> None:
    result = run_main("--db", str(tmp_path / "db.sqlite"), "check")
    assert result.returncode == 0, result.stderr
    assert "all quotes verbatim" in result.stdout


def _project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(
        PROJECT_ROOT / "briefing_app",
        copy / "briefing_app",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(PROJECT_ROOT / "seeds", copy / "seeds")
    shutil.copytree(PROJECT_ROOT / "resources", copy / "resources")
    shutil.copy(PROJECT_ROOT / "main.py", copy / "main.py")
    return copy


def test_check_fails_on_a_broken_quote(tmp_path: Path) -> None:
    copy = _project_copy(tmp_path)
    chron_path = copy / "resources" / "chronology.json"
    data = json.loads(chron_path.read_text(encoding="utf-8"))
    victim = data["events"][3]
    victim["excerpts"][0]["quote"] += " (paraphrased)"
    chron_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_main("--db", str(tmp_path / "db.sqlite"), "check", cwd=copy)
    assert result.returncode == 1
    assert victim["id"] in result.stderr
    assert victim["excerpts"][0]["source"] in result.stderr
    assert "(paraphrased)" in result.stderr


def test_an_edited_seed_fails_check_and_reload_naming_the_file(tmp_path: Path) -> None:
    """One letter changed in a seed outside any quote: the pinned SHA-256 catches it."""
    copy = _project_copy(tmp_path)
    db = str(tmp_path / "db.sqlite")
    assert run_main("--db", db, "check", cwd=copy).returncode == 0
    seed = copy / "seeds" / "003_9593e50859e1daf2.txt"
    data = bytearray(seed.read_bytes())
    at = len(data) - 40
    data[at] = ord("q") if data[at] != ord("q") else ord("x")
    seed.write_bytes(bytes(data))
    stored = run_main("--db", db, "export", "--format", "json").stdout
    for command in ("check", "reload"):
        result = run_main("--db", db, command, cwd=copy)
        assert result.returncode != 0, command
        assert "003_9593e50859e1daf2.txt" in result.stderr and "has changed" in result.stderr
        assert "Traceback" not in result.stderr
    assert run_main("--db", db, "export", "--format", "json").stdout == stored  # nothing stored


def test_json_export_shape(tmp_path: Path) -> None:
    out = tmp_path / "chronology.json"
    result = run_main(
        "--db", str(tmp_path / "db.sqlite"), "export", "--format", "json", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) >= {"sources", "events"}
    assert len(doc["sources"]) == 5
    for src in doc["sources"]:
        assert {"file", "title", "outlet", "published", "language"} <= set(src)
    texts = {
        s["file"]: (PROJECT_ROOT / "seeds" / s["file"]).read_text(encoding="utf-8")
        for s in doc["sources"]
    }
    assert len(doc["events"]) >= 35
    for ev in doc["events"]:
        assert {
            "id",
            "title",
            "start",
            "end",
            "precision",
            "category",
            "actors",
            "summary",
            "confidence",
            "excerpts",
            "annotations",
        } <= set(ev)
        assert ev["category"] in {"EU", "NATO", "Russia", "US", "Ukraine", "Other"}
        assert len(ev["start"]) == {"day": 10, "month": 7, "year": 4}[ev["precision"]]
        assert ev["excerpts"], ev["id"]
        for ex in ev["excerpts"]:
            assert texts[ex["source"]][ex["start"] : ex["end"]] == ex["text"]
    starts = [(e["start"]) for e in doc["events"]]
    assert starts[0].startswith("1999")


def test_export_to_stdout_is_json(tmp_path: Path) -> None:
    result = run_main("--db", str(tmp_path / "db.sqlite"), "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["events"]


def test_a_database_that_is_not_one_gets_a_clear_message(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("hello")
    result = run_main("--db", str(bogus), "export")
    assert result.returncode == 2
    assert "not a briefing database" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("flag", ["--help"])
def test_help_lists_subcommands(flag: str) -> None:
    result = run_main(flag)
    assert result.returncode == 0
    for word in ("check", "export", "reload"):
        assert word in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["export", "--format", "nonsense"]])
def test_help_and_argument_errors_load_no_database_gui_or_date_library(args: list[str]) -> None:
    """Parsing is all they need: SQLAlchemy, Qt and dateparser cost a second at start."""
    probe = (
        "import sys; from briefing_app.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'PySide6', 'dateparser') if m in sys.modules),"
        " file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_extract_dates_json_contract() -> None:
    seed = PROJECT_ROOT / "seeds" / "002_e07262d9241f5558.txt"
    result = run_main("extract-dates", str(seed), "--published", "2025-03-05", "--format", "json")
    assert result.returncode == 0, result.stderr
    mentions = json.loads(result.stdout)
    text = seed.read_bytes().decode("utf-8")
    assert mentions
    for m in mentions:
        assert set(m) >= {"text", "start", "end", "date", "precision", "sentence"}
        assert text[m["start"] : m["end"]] == m["text"]
    thursday = [m for m in mentions if m["text"].endswith("Thursday")]
    assert thursday and all(m["date"] == "2025-03-06" for m in thursday)
    # The Spanish paywall notice at the end ("Tu suscripción…") yields no date.
    assert all(m["start"] < text.index("Sign up for our weekly") for m in mentions)


def test_extract_dates_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_main("extract-dates", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_import_replaces_reanchors_excerpts(tmp_path: Path) -> None:
    seed = PROJECT_ROOT / "seeds" / "002_e07262d9241f5558.txt"
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(
        "Corrected copy.\n" + seed.read_text(encoding="utf-8").replace("Zelenskiy", "Zelensky"),
        encoding="utf-8",
    )
    db = str(tmp_path / "db.sqlite")
    result = run_main("--db", db, "import", str(corrected), "--replaces", seed.name)
    assert result.returncode == 0, result.stderr
    assert "0 flagged" in result.stdout
    assert run_main("--db", db, "check").returncode == 0


def test_search_reaches_the_articles_and_offers_close_matches(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    found = run_main("--db", db, "search", "Mozambican", "--format", "json")
    assert found.returncode == 0, found.stderr
    doc = json.loads(found.stdout)
    [article] = doc["articles"]
    assert article["source"] == "002_e07262d9241f5558.txt"
    assert "[Mozambican]" in article["snippet"] and len(article["places"]) == 1
    typo = run_main("--db", db, "search", "helicoptres")
    assert typo.returncode == 0, typo.stderr
    assert typo.stdout == ""
    assert "close: helicopters" in typo.stderr
