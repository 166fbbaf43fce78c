"""PNG and SVG pictures, TimelineJS JSON and CSV, from the command line."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.filters import EventFilter
from briefing_app.export.csv_export import CSV_COLUMNS, safe_cell
from briefing_app.export.timelinejs import timelinejs_date
from briefing_app.storage.database import Database
from briefing_app.storage.repository import list_events
from tests.export.conftest import run_export


@pytest.mark.parametrize("width", [640, 1800])
def test_png_has_the_requested_width(
    annotated_db_path: Path, tmp_path: Path, qapp: Any, width: int
) -> None:
    out = tmp_path / "timeline.png"
    result = run_export(
        annotated_db_path,
        "--format",
        "png",
        "-o",
        str(out),
        "--from",
        "2021",
        "--to",
        "2025",
        "--width",
        str(width),
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() == width
    assert 0.3 * width < image.height() < 0.8 * width
    # Something was drawn: not a blank sheet.
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def test_svg_opens_with_its_size_and_text(
    annotated_db_path: Path, tmp_path: Path, qapp: Any
) -> None:
    out = tmp_path / "timeline.svg"
    result = run_export(
        annotated_db_path, "--format", "svg", "-o", str(out), "--width", "1200", "--category", "EU"
    )
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.get("width") == "1200"
    assert root.get("viewBox", "").startswith("0 0 1200 ")
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Helsinki European Council" in texts
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == 1200


def test_image_width_out_of_range_is_refused(annotated_db_path: Path, tmp_path: Path) -> None:
    result = run_export(
        annotated_db_path, "--format", "png", "-o", str(tmp_path / "x.png"), "--width", "10"
    )
    assert result.returncode == 1
    assert "between 64 and" in result.stderr


def _check_date(value: Any) -> None:
    assert isinstance(value, dict)
    assert set(value) <= {
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "millisecond",
        "display_date",
    }
    assert isinstance(value["year"], int)
    if "month" in value:
        assert 1 <= value["month"] <= 12
    else:
        assert "day" not in value
    if "day" in value:
        date(value["year"], value["month"], value["day"])


def validate_timelinejs(doc: Any) -> None:
    """The documented TimelineJS3 JSON shape: title slide and events."""
    assert isinstance(doc, dict) and set(doc) <= {"title", "events", "eras", "scale"}
    assert isinstance(doc["events"], list)
    for slide in [doc.get("title"), *doc["events"]]:
        if slide is None:
            continue
        assert set(slide) <= {
            "start_date",
            "end_date",
            "text",
            "media",
            "group",
            "display_date",
            "background",
            "autolink",
            "unique_id",
        }
        if "text" in slide:
            assert set(slide["text"]) <= {"headline", "text"}
            assert all(isinstance(v, str) for v in slide["text"].values())
        if "media" in slide:
            assert isinstance(slide["media"]["url"], str) and slide["media"]["url"]
    for event in doc["events"]:
        _check_date(event["start_date"])
        if "end_date" in event:
            _check_date(event["end_date"])
        assert isinstance(event.get("group", ""), str)


def test_timelinejs_validates_and_honours_precision(
    annotated_db_path: Path, tmp_path: Path, annotated_db: Database
) -> None:
    out = tmp_path / "timeline.json"
    result = run_export(annotated_db_path, "--format", "timelinejs", "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    validate_timelinejs(doc)
    by_id = {e["unique_id"]: e for e in doc["events"]}
    events = list_events(annotated_db)
    assert set(by_id) == {e.id for e in events}
    precisions = set()
    for ev in events:
        start = by_id[ev.id]["start_date"]
        precisions.add(ev.when.precision.value)
        assert ("day" in start) == (ev.when.precision.value == "day")
        assert ("month" in start) == (ev.when.precision.value != "year")
    assert precisions == {"day", "month", "year"}
    wales = by_id["nato-wales-summit"]["text"]["text"]
    assert "&lt;img src=&quot;/etc/hostname&quot;&gt;" in wales
    assert "<img" not in wales


def test_timelinejs_dates_carry_only_known_parts() -> None:
    assert timelinejs_date(PartialDate.parse("2008")) == {"year": 2008}
    assert timelinejs_date(PartialDate.parse("2021-11")) == {"year": 2021, "month": 11}
    assert timelinejs_date(PartialDate.parse("2017-12-11")) == {
        "year": 2017,
        "month": 12,
        "day": 11,
    }


def test_csv_rows_follow_the_filters(
    annotated_db_path: Path, tmp_path: Path, annotated_db: Database
) -> None:
    out = tmp_path / "events.csv"
    result = run_export(
        annotated_db_path, "--format", "csv", "-o", str(out), "--from", "2014", "--to", "2014"
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = [
        e.id
        for e in list_events(annotated_db)
        if e.when.first_day.year <= 2014 <= e.when.last_day.year
    ]
    assert [r["id"] for r in rows] == expected
    assert tuple(rows[0]) == CSV_COLUMNS
    sanctions = next(r for r in rows if r["id"] == "eu-sectoral-sanctions-2014")
    assert sanctions["tags"] == "renewal"
    assert "renewal is due" in sanctions["annotations"]


def test_the_command_line_filters_as_the_window_does(
    annotated_db_path: Path, tmp_path: Path, annotated_db: Database
) -> None:
    """Actor and confidence, as the filter bar offers them, for every export."""
    out = tmp_path / "nato.csv"
    result = run_export(annotated_db_path, "--format", "csv", "-o", str(out), "--actor", "nato")
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    flt = EventFilter(actor="NATO")
    expected = [e.id for e in list_events(annotated_db) if flt.matches(e)]
    assert 0 < len(expected) < len(list_events(annotated_db))
    assert [r["id"] for r in rows] == expected
    bad = run_export(annotated_db_path, "--format", "csv", "--confidence", "certain")
    assert bad.returncode == 2 and "unknown confidence" in bad.stderr


def test_csv_cells_never_become_formulas() -> None:
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("+1") == "'+1"
    assert safe_cell("EU") == "EU"
