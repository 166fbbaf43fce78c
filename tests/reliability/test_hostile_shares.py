"""Hostile notes files: refused whole, before anything is written, in one message.

Each is a notes-and-briefings file of this app with one entry made hostile:
nesting 100,000 deep, half a character, times and numbers no machine keeps,
an event in a year the timeline cannot draw, a file too large to hold.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from briefing_app import cli
from briefing_app.domain.dates import LAST_DRAWABLE_YEAR, DateSpan, PartialDate
from briefing_app.domain.model import Lane
from briefing_app.services import sharing
from briefing_app.services.annotations import create_annotation
from briefing_app.services.lookup import EditRefused
from briefing_app.services.sharing import SharingError, export_document, import_file
from briefing_app.services.user_events import EventDraft, create_user_event
from briefing_app.storage.database import Database

EVENT = "helsinki-headline-goal"


def _doc(db: Database) -> dict[str, Any]:
    create_annotation(db, event_id=EVENT, body="a good note")
    create_user_event(
        db, EventDraft("Ministers meet", DateSpan(PartialDate.parse("2025-03")), Lane.EU)
    )
    doc = export_document(db)
    assert doc["annotations"] and doc["events"]
    return doc


def _note(doc: dict[str, Any], **changes: Any) -> str:
    note = dict(doc["annotations"][0], **changes)
    return json.dumps({**doc, "annotations": [*doc["annotations"], {**note, "uid": "bad"}]})


def _event(doc: dict[str, Any], **changes: Any) -> str:
    event = dict(doc["events"][0], **changes)
    return json.dumps({**doc, "events": [*doc["events"], {**event, "id": "bad-event"}]})


def _briefing_position(doc: dict[str, Any], position: int) -> str:
    briefing = {
        "uid": "b1",
        "name": "B",
        "position": position,
        "created_at": doc["annotations"][0]["created_at"],
        "updated_at": doc["annotations"][0]["created_at"],
        "points": [],
    }
    return json.dumps({**doc, "briefings": [briefing]})


HOSTILE = {
    "deep nesting": (
        lambda d: '{"kind": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "nests lists or objects far deeper",
    ),
    "lone surrogate": (lambda d: _note(d, body="half \ud800 a character"), "note 2: “body”"),
    "surrogate in a tag": (lambda d: _note(d, tags=["\udfff"]), "note 2: “tags” holds half"),
    "time out of range": (
        lambda d: _note(d, created_at="9999-12-31T23:59:59-23:59"),
        "note 2: “created_at” is not a date and time",
    ),
    "position below -2^63": (
        lambda d: _briefing_position(d, -(2**63) - 1),
        "briefing 1: “position”",
    ),
    "5,000-digit format": (
        lambda d: json.dumps(d).replace('"format": 1', '"format": ' + "9" * 5000, 1),
        "cannot read",
    ),
    "undrawable year": (
        lambda d: _event(d, start="9999-12-31", start_precision="day"),
        "event 2: 9999 is later than the timeline can show",
    ),
}


def _rows(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for table in ("annotations", "events", "briefings")
            for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY rowid"))
        ]


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_in_one_message_and_changes_nothing(
    case: str, library: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = HOSTILE[case]
    shared = tmp_path / "shared.json"
    shared.write_text(make(_doc(library)), encoding="utf-8", errors="surrogatepass")
    before = _rows(library)
    with pytest.raises(SharingError) as caught:
        import_file(library, shared)
    assert words in str(caught.value)
    assert _rows(library) == before
    library.close()
    code = cli.main(["--db", str(library.path), "annotations", "import", str(shared)])
    err = capsys.readouterr().err
    assert code == 1 and words in err and "Traceback" not in err
    assert err.count("\n") == 1, err


def test_a_file_too_large_is_refused_before_it_is_read(
    library: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sharing, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(_doc(library)) + " " * 2000, encoding="utf-8")
    with pytest.raises(SharingError, match="it was not read"):
        import_file(library, big)


def test_a_full_disk_while_importing_says_so(
    library: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared.json"
    doc = _doc(library)
    doc["annotations"][0]["uid"] = "new-one"
    shared.write_text(json.dumps(doc), encoding="utf-8")
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]

    def failing(_db: Database, _text: str) -> None:
        raise OperationalError("INSERT", {}, full)

    monkeypatch.setattr(sharing, "import_text", failing)
    with pytest.raises(SharingError, match="the disk is full, so nothing was imported"):
        import_file(library, shared)


def test_the_window_says_why_in_words(
    qtbot: QtBot, library: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.ui.main_window import MainWindow

    shared = tmp_path / "shared.json"
    shared.write_text(
        _note(_doc(library), body="x \ud800"), encoding="utf-8", errors="surrogatepass"
    )
    window = MainWindow(library)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window.work.import_work(str(shared))
    assert len(shown) == 1 and "note 2: “body” holds half a character" in shown[0]
    assert "nothing changed" in shown[0]


def test_no_event_of_ones_own_beyond_the_drawable_years(library: Database) -> None:
    late = PartialDate.day(LAST_DRAWABLE_YEAR + 1, 1, 1)
    with pytest.raises(EditRefused, match="later than the timeline can show"):
        create_user_event(library, EventDraft("Far ahead", DateSpan(late), Lane.EU))
    last = PartialDate.day(LAST_DRAWABLE_YEAR, 12, 31)
    assert create_user_event(library, EventDraft("As far as it goes", DateSpan(last), Lane.EU))
