"""Hostile text in a note and in an imported article stays text everywhere.

`<img src="/etc/hostname">` in a QTextDocument would load a local file; an
`onerror` or a `file://` link must never act; a 100,000-character line must
not break anything. Checked in the widgets, the PDF and the JSON export.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.filters import EventFilter
from briefing_app.domain.model import Lane
from briefing_app.export.json_export import chronology_document
from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.services.annotations import create_annotation
from briefing_app.services.importer import import_file
from briefing_app.services.user_events import EventDraft, create_user_event
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_source_text
from briefing_app.ui.main_window import MainWindow

HOSTILE = (
    '<img src=x onerror="alert(1)"> <img src="/etc/hostname"> '
    "<a href=file:///etc/passwd>open me</a> <script>alert(2)</script> <b>bold?</b>"
)
LONG_LINE = "z" * 100_000


@pytest.fixture
def hostile(library: Database, tmp_path: Path) -> tuple[Database, str, str]:
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Ministers meet in Brussels\n\n"
        f"The ministers met in Brussels on 5 March 2025 and agreed a plan. {HOSTILE}\n\n"
        f"{LONG_LINE}\n\n"
        "They will meet again next month to review progress on the plan, officials said.\n",
        encoding="utf-8",
    )
    saved = import_file(library, article)
    source = get_source_text(library, saved.file)
    assert source is not None
    start = source.text.index("The ministers")
    end = source.text.index("</b>") + len("</b>")
    snap = create_user_event(
        library,
        EventDraft(
            title=f"Ministers meet {HOSTILE}",
            when=DateSpan(PartialDate(date(2025, 3, 5))),
            lane=Lane.EU,
        ),
        source_file=saved.file,
        span=(start, end),
    )
    create_annotation(library, event_id=snap.id, body=f"{HOSTILE}\n\n{LONG_LINE}", tags=["<x>"])
    return library, snap.id, saved.file


def test_widgets_show_the_characters(qtbot: QtBot, hostile: tuple[Database, str, str]) -> None:
    db, event_id, source_file = hostile
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.select_event(event_id)
    assert HOSTILE in window.event_panel.title.text()
    window.open_first_excerpt(event_id)
    assert window.reader.source_file == source_file
    shown = window.reader.text.toPlainText()
    assert HOSTILE in shown and LONG_LINE in shown
    cards = window.work.notes.cards()
    assert cards, "the note is shown in the event panel"
    rendered = cards[0].view.toPlainText()
    assert '<img src="/etc/hostname">' in rendered and "<script>alert(2)</script>" in rendered
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_text().strip()) > 3:
        assert hostname.read_text().strip() not in rendered


def test_pdf_carries_the_text_and_loads_nothing(
    hostile: tuple[Database, str, str], tmp_path: Path
) -> None:
    db, _event_id, _file = hostile
    out = tmp_path / "hostile.pdf"
    options = ExportOptions(EventFilter(first_day=date(2025, 3, 1), last_day=date(2025, 3, 31)))
    write_pdf(select_for_export(db, options), out)
    reader = PdfReader(out)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    flat = " ".join(text.split())
    assert "/etc/hostname" in flat and "onerror" in flat and "<script>" in flat
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for obj in xobjects.values():
            assert obj.get_object().get("/Subtype") != "/Image"
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            assert not uri.startswith("file:"), "a link from the note became clickable"


def test_json_export_keeps_the_text_exactly(hostile: tuple[Database, str, str]) -> None:
    db, event_id, _file = hostile
    doc = json.loads(json.dumps(chronology_document(db)))
    event = next(e for e in doc["events"] if e["id"] == event_id)
    assert HOSTILE in event["title"]
    assert event["annotations"][0]["text"] == f"{HOSTILE}\n\n{LONG_LINE}"
    assert HOSTILE in event["excerpts"][0]["text"]
