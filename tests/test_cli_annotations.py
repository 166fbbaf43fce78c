"""``main.py annotations export/import`` and the JSON export's notes, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.services.annotations import create_annotation
from briefing_app.services.briefings import add_point, create_briefing
from briefing_app.services.library import open_library
from briefing_app.services.sharing import export_document
from tests.test_cli import run_main

EVENT = "helsinki-headline-goal"
HOSTILE = 'Say <b>x</b> then <script>alert(1)</script> and <img src="/etc/hostname">'


def _prepare(path: Path) -> None:
    db = open_library(path)
    try:
        create_annotation(db, event_id=EVENT, body=HOSTILE, tags=["nato"], talking_point=True)
        brief = create_briefing(db, "Minister")
        add_point(db, brief.uid, "Headline Goal set in 1999", [(EVENT, None)])
    finally:
        db.close()


def test_export_and_import_on_the_command_line(tmp_path: Path) -> None:
    laptop_a, laptop_b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _prepare(laptop_a)
    out = tmp_path / "work.json"
    result = run_main("--db", str(laptop_a), "annotations", "export", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 note," in result.stdout and result.stdout.rstrip().endswith("1 briefing")
    first = run_main("--db", str(laptop_b), "annotations", "import", str(out))
    assert first.returncode == 0, first.stderr
    assert "added: 0 events, 0 excerpts, 1 annotations, 1 briefings" in first.stdout
    second = run_main("--db", str(laptop_b), "annotations", "import", str(out))
    assert "added: 0 events, 0 excerpts, 0 annotations, 0 briefings" in second.stdout
    a, b = open_library(laptop_a), open_library(laptop_b)
    try:
        assert export_document(a) == export_document(b)
    finally:
        a.close()
        b.close()


def test_a_broken_file_is_refused_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "kind": "briefing-chronology/user-work", "annotations": [{}]}')
    result = run_main("--db", str(tmp_path / "db.sqlite"), "annotations", "import", str(bad))
    assert result.returncode == 1
    assert "was not imported" in result.stderr and "note 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_export_carries_notes_as_plain_text(tmp_path: Path) -> None:
    db_path = tmp_path / "db.sqlite"
    _prepare(db_path)
    out = tmp_path / "chronology.json"
    result = run_main("--db", str(db_path), "export", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    events = {e["id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["events"]}
    notes = events[EVENT]["annotations"]
    assert [n["text"] for n in notes] == [HOSTILE]
    assert notes[0]["tags"] == ["nato"] and notes[0]["talking_point"] is True
    assert all(e["annotations"] == [] for k, e in events.items() if k != EVENT)


def test_pdf_export_carries_a_stored_briefing(tmp_path: Path) -> None:
    from pypdf import PdfReader

    db_path = tmp_path / "db.sqlite"
    _prepare(db_path)
    out = tmp_path / "briefing.pdf"
    result = run_main(
        "--db", str(db_path), "export", "--format", "pdf", "--briefing", "minister", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(p.extract_text() for p in PdfReader(str(out)).pages).replace("\t", " ")
    assert "Briefing: Minister" in text
    assert "1. Headline Goal set in 1999 [1]" in text
    missing = run_main(
        "--db", str(db_path), "export", "--format", "pdf", "--briefing", "nope", "-o", str(out)
    )
    assert missing.returncode == 2 and "“Minister”" in missing.stderr


def test_add_writes_a_note_and_prints_its_id(tmp_path: Path) -> None:
    db_path = tmp_path / "db.sqlite"
    added = run_main(
        "--db", str(db_path), "annotations", "add", EVENT, "--text", "Ask about 2003",
        "--tag", "minister", "nato",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    uid = added.stdout.strip()
    assert len(uid) == 32 and "\n" not in uid
    out = tmp_path / "chronology.json"
    assert run_main("--db", str(db_path), "export", "-o", str(out)).returncode == 0
    events = {e["id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["events"]}
    [note] = events[EVENT]["annotations"]
    assert note["uid"] == uid and note["text"] == "Ask about 2003"
    assert note["tags"] == ["minister", "nato"] and note["talking_point"] is False


def test_add_on_an_unknown_event_says_so_and_writes_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "db.sqlite"
    result = run_main("--db", str(db_path), "annotations", "add", "no-such-event", "--text", "x")
    assert result.returncode == 1
    assert "no-such-event" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    empty = run_main("--db", str(db_path), "annotations", "add", EVENT, "--text", "  ")
    assert empty.returncode == 2 and "empty" in empty.stderr
    db = open_library(db_path)
    try:
        assert export_document(db)["annotations"] == []
    finally:
        db.close()
