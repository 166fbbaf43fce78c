"""Excel, iCalendar and Word exports, read back with independent libraries."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest

from briefing_app.domain.dates import Precision
from briefing_app.export.csv_export import BOM
from briefing_app.export.xlsx_export import DATE_FORMATS
from briefing_app.export.xml_text import xml_text
from briefing_app.services import briefings
from briefing_app.storage.database import Database
from briefing_app.storage.repository import list_events
from tests.export.conftest import add_note, run_export

BRIEFING = "Rearmament, March 2025"
FORMULA_NOTE = '=HYPERLINK("http://example.invalid","x")\x0b and a control character'


@pytest.fixture(scope="module")
def briefed_db_path(annotated_db_path: Path) -> Path:
    """The annotated library plus a briefing of three points and a formula-like note."""
    db = Database.open(annotated_db_path)
    try:
        events = {e.id: e for e in list_events(db, with_excerpts=True)}
        made = briefings.create_briefing(db, BRIEFING)
        quote = events["rearm-europe-plan"].excerpts[0]
        briefings.add_point(
            db, made.uid, "ReArm Europe mobilises defence spending.", [(None, quote.uid)]
        )
        briefings.add_point(
            db,
            made.uid,
            "Leaders met in London, then in Brussels.",
            [
                ("london-summit-coalition-of-the-willing", None),
                ("special-european-council-march-2025", None),
            ],
        )
        briefings.add_point(db, made.uid, "A claim of our own.")
        add_note(db, "rearm-europe-plan", FORMULA_NOTE, ["check"])
    finally:
        db.close()
    return annotated_db_path


def test_xlsx_has_typed_dates_at_their_precision_and_no_formulas(
    briefed_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "chronology.xlsx"
    result = run_export(briefed_db_path, "--format", "xlsx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2)}
    db = Database.open(briefed_db_path)
    try:
        events = list_events(db)
    finally:
        db.close()
    assert set(rows) == {e.id for e in events}
    seen = set()
    for ev in events:
        start = rows[ev.id]["start"]
        assert isinstance(start.value, datetime)
        assert start.value.date() == ev.when.first_day
        assert start.number_format == DATE_FORMATS[ev.when.precision]
        seen.add(ev.when.precision)
    assert {Precision.DAY, Precision.MONTH, Precision.YEAR} <= seen
    note = rows["rearm-europe-plan"]["annotations"]
    assert note.data_type == "s"
    assert note.value.startswith("=HYPERLINK") and "\ufffd" in note.value


def test_ics_entries_cover_the_days_of_their_precision(
    briefed_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "chronology.ics"
    result = run_export(briefed_db_path, "--format", "ics", "-o", str(out), "--from", "2008")
    assert result.returncode == 0, result.stderr
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    entries = {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    db = Database.open(briefed_db_path)
    try:
        events = [e for e in list_events(db) if e.when.last_day >= date(2008, 1, 1)]
    finally:
        db.close()
    assert set(entries) == {e.id for e in events}
    for ev in events:
        entry = entries[ev.id]
        start, end = entry.decoded("dtstart"), entry.decoded("dtend")
        assert type(start) is date and type(end) is date  # all-day, not a made-up time
        assert start == ev.when.first_day
        assert end == ev.when.last_day + timedelta(days=1)
        if ev.when.precision is Precision.MONTH:
            assert "month" in str(entry["summary"])


def test_docx_briefing_has_structure_footnotes_and_a_described_picture(
    briefed_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "brief.docx"
    result = run_export(
        briefed_db_path, "--format", "docx", "--briefing", BRIEFING.upper(), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    doc = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styles[0] == ("Title", BRIEFING)
    points = [t for s, t in styles if s == "List Number"]
    assert len(points) == 3
    assert points[2].endswith("(unsupported: cites no event or source)")
    headings = [t for s, t in styles if s.startswith("Heading")]
    assert headings[:3] == ["Talking points", "Timeline", "Chronology"]
    assert "2025" in headings
    quotes = [t for s, t in styles if s == "Quote"]
    assert quotes, "quotations are set as quotations"
    body = doc.element.body.xml
    refs = body.count("<w:footnoteReference")
    assert refs == 3 + len(quotes)  # one per citation, one per quotation
    part = next(p for p in doc.part.package.parts if p.partname == "/word/footnotes.xml")
    notes = part.blob.decode("utf-8")
    assert notes.count("<w:footnoteRef/>") == refs
    assert "Von der Leyen unveils the ReArm Europe plan (4 Mar 2025)" in notes
    assert 'descr="Timeline of ' in body
    assert doc.core_properties.language == "en-GB"
    assert not any("thumbnail" in str(p.partname) for p in doc.part.package.parts)


def test_docx_needs_a_briefing_and_names_the_known_ones(
    briefed_db_path: Path, tmp_path: Path
) -> None:
    result = run_export(briefed_db_path, "--format", "docx", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "--briefing NAME" in result.stderr
    result = run_export(
        briefed_db_path, "--format", "docx", "--briefing", "nope", "-o", str(tmp_path / "x.docx")
    )
    assert result.returncode == 2
    assert BRIEFING in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_csv_starts_with_a_bom_unless_asked_not_to(briefed_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert run_export(briefed_db_path, "--format", "csv", "-o", str(out)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[0] == "id"
    plain = tmp_path / "b.csv"
    assert (
        run_export(briefed_db_path, "--format", "csv", "--no-bom", "-o", str(plain)).returncode == 0
    )
    assert plain.read_bytes() == raw[len(BOM.encode("utf-8")) :]


def test_timelinejs_gives_month_and_year_events_their_span(
    briefed_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "t.json"
    assert run_export(briefed_db_path, "--format", "timelinejs", "-o", str(out)).returncode == 0
    slides = {e["unique_id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["events"]}
    db = Database.open(briefed_db_path)
    try:
        events = list_events(db)
    finally:
        db.close()
    checked = 0
    for ev in events:
        if ev.when.precision is Precision.DAY or ev.when.is_range:
            continue
        end = slides[ev.id]["end_date"]
        assert date(end["year"], end["month"], end["day"]) == ev.when.last_day
        assert slides[ev.id]["display_date"] == ev.when.label()
        checked += 1
    assert checked >= 3


def test_xml_text_replaces_what_xml_cannot_hold() -> None:
    assert xml_text("a\x00b\x0bc\ud800d\te\n") == "a\ufffdb\ufffdc\ufffdd\te\n"
