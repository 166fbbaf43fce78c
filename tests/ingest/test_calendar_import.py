"""Calendar files (.ics) imported as sources: one proposal per entry, at its precision."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from briefing_app.domain.dates import DateSpan, PartialDate, Precision
from briefing_app.domain.filters import EventFilter
from briefing_app.export.ics_export import ics_bytes
from briefing_app.export.options import ExportOptions
from briefing_app.export.selection import select_for_export
from briefing_app.ingest.problems import ImportProblem
from briefing_app.ingest.readers import read_article
from briefing_app.services.importer import prepare, save_and_accept
from briefing_app.storage.database import Database
from briefing_app.storage.repository import list_events
from tests.test_cli import run_main

CALENDARS = Path(__file__).parents[1] / "data" / "calendars"


def _day(y: int, m: int, d: int) -> PartialDate:
    return PartialDate(date(y, m, d))


def test_a_google_export_gives_each_entry_at_its_day() -> None:
    prepared = prepare(CALENDARS / "google-export.ics")
    got = {p.title: p.when for p in prepared.proposals}
    assert got == {
        "Special European Council on defence": DateSpan(_day(2025, 3, 6)),
        # all-day over two days: DTEND is the day after the last
        "European Council (June)": DateSpan(_day(2025, 6, 26), _day(2025, 6, 27)),
        "Commission presents the White Paper on European Defence": DateSpan(_day(2025, 3, 20)),
        # 23:30 UTC is 00:30 the next day in the calendar's own time zone
        "Call with Kyiv": DateSpan(_day(2025, 3, 25)),
    }
    assert prepared.metadata.title == "EU defence agenda"


def test_summary_and_description_are_stored_as_written_and_quoted() -> None:
    prepared = prepare(CALENDARS / "google-export.ics")
    article = prepared.article
    first = prepared.proposals[0]
    summary, description = first.passages
    assert article.text[summary.start : summary.end] == "Special European Council on defence"
    assert article.text[description.start : description.end] == (
        "Leaders discuss the ReArm Europe plan, defence financing and support for Ukraine.\n"
        "Venue: Europa building, Brussels."
    )  # unfolded and unescaped, as a calendar shows it
    dates = article.text[first.date_start : first.date_end]
    assert dates == "DTSTART;VALUE=DATE:20250306\nDTEND;VALUE=DATE:20250307"
    furniture = [(f.start, f.end) for f in article.furniture]
    assert (first.date_start, first.date_end) in furniture
    assert not any(a <= summary.start < b for a, b in furniture)


def test_an_outlook_export_with_windows_zones_and_an_undated_entry() -> None:
    prepared = prepare(CALENDARS / "outlook-export.ics")
    got = {p.title: p.when for p in prepared.proposals}
    assert got == {
        "NATO summit in The Hague": DateSpan(_day(2025, 6, 24), _day(2025, 6, 25)),
        "Informal meeting of EU defence ministers in Warsaw": DateSpan(
            _day(2025, 4, 10), _day(2025, 4, 11)
        ),
    }
    assert any("1 entry without a date" in n for n in prepared.article.notes)


def test_the_apps_own_calendar_comes_back_at_the_same_dates(
    library: Database, tmp_path: Path
) -> None:
    """A round trip: every exported event is proposed as itself, at its own precision."""
    options = ExportOptions(
        filter=EventFilter(first_day=date(2019, 1, 1), last_day=date(2022, 12, 31))
    )
    selection = select_for_export(library, options)
    precisions = {ev.when.precision for ev in selection.events}
    assert {Precision.DAY, Precision.MONTH} <= precisions
    assert any(ev.when.is_range for ev in selection.events)
    out = tmp_path / "chronology.ics"
    out.write_bytes(ics_bytes(selection, stamp=datetime(2025, 1, 1, tzinfo=UTC)))
    events = list_events(library)
    prepared = prepare(out, events=events)
    assert len(prepared.proposals) == len(selection.events)
    for ev, proposal in zip(selection.events, prepared.proposals, strict=True):
        assert proposal.when == ev.when, ev.id
        assert proposal.same_as == ev.id
        assert proposal.title == ev.title[: len(proposal.title)].rstrip("…")


def test_accepted_entries_become_events_quoting_the_calendar(library: Database) -> None:
    prepared = prepare(CALENDARS / "outlook-export.ics", events=list_events(library))
    _, report = save_and_accept(library, prepared)
    assert len(report.created) + len(report.linked) == 2
    by_id = {e.id: e for e in list_events(library, with_excerpts=True)}
    quotes = {x.quote for eid in report.event_ids for x in by_id[eid].excerpts}
    assert "NATO summit in The Hague" in quotes


def test_a_broken_calendar_is_refused_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ics"
    bad.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="no dated entry"):
        read_article(bad)


def test_import_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    result = run_main(
        "--db", str(db), "import", str(CALENDARS / "google-export.ics"), "--propose",
        "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [file] = json.loads(result.stdout)["files"]
    spans = [(p["start"], p["end"], p["precision"]) for p in file["proposals"]]
    assert spans[:2] == [("2025-03-06", None, "day"), ("2025-06-26", "2025-06-27", "day")]
