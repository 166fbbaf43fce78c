"""Source grades: set per source, per outlet and per passage; shown in every hand-on format;
kept by a reload of the chronology; carried to another laptop, the newer grade winning."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from briefing_app.domain.grading import Grade
from briefing_app.domain.model import Source
from briefing_app.export.document_formats import document_bytes
from briefing_app.export.json_export import chronology_document
from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.services import briefings
from briefing_app.services.grades import (
    set_excerpt_credibility,
    set_outlet_grade,
    set_source_grade,
)
from briefing_app.services.library import open_library, reload_curated
from briefing_app.services.lookup import EditRefused, NotFound
from briefing_app.services.sharing import export_document, import_text
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event, list_events, list_sources
from tests.export.conftest import body_text, normalised
from tests.test_cli import run_main

EVENT = "helsinki-headline-goal"


def _quoted(db: Database) -> tuple[str, str, str]:
    """(source file, its outlet, the excerpt uid) of the event's first passage."""
    ev = get_event(db, EVENT)
    assert ev is not None
    x = ev.excerpts[0]
    outlet = next(s.outlet for s in list_sources(db) if s.file == x.source)
    return x.source, outlet, x.uid


def _source(db: Database, file: str) -> Source:
    return next(s for s in list_sources(db) if s.file == file)


def test_an_ungraded_source_takes_its_outlets_grade_until_it_has_its_own(
    library: Database,
) -> None:
    file, outlet, _uid = _quoted(library)
    assert _source(library, file).effective_grade is None
    assert set_outlet_grade(library, outlet, Grade("B", "2")).before is None
    src = _source(library, file)
    assert (src.effective_grade, src.grade_origin) == (Grade("B", "2"), "outlet")
    assert set_source_grade(library, file, Grade("C", "3")).before is None
    src = _source(library, file)
    assert (src.effective_grade, src.grade_origin) == (Grade("C", "3"), "source")
    assert set_source_grade(library, file, None).before == Grade("C", "3")
    assert _source(library, file).grade_origin == "outlet"


def test_each_grade_says_which_events_cite_what_it_graded(library: Database) -> None:
    """The window redraws these events and reads nothing else again."""
    file, outlet, uid = _quoted(library)
    events = list_events(library, with_excerpts=True, include_hidden=True)
    of_source = {e.id for e in events if any(x.source == file for x in e.excerpts)}
    outlet_files = {s.file for s in list_sources(library) if s.outlet == outlet}
    of_outlet = {e.id for e in events if any(x.source in outlet_files for x in e.excerpts)}
    assert EVENT in of_source <= of_outlet < {e.id for e in events}
    source = set_source_grade(library, file, Grade("B", "2")).change
    assert (source.changed, source.sources, source.everything) == (of_source, True, False)
    assert set_outlet_grade(library, outlet, Grade("A", "1")).change.changed == of_outlet
    passage = set_excerpt_credibility(library, uid, "4")
    assert passage.change.changed == {EVENT}
    assert set_excerpt_credibility(library, uid, None).before == "4"


def test_a_passage_has_its_own_credibility_and_a_reload_keeps_every_grade(
    library: Database,
) -> None:
    file, outlet, uid = _quoted(library)
    set_source_grade(library, file, Grade("B", "2"))
    set_outlet_grade(library, outlet, Grade("A", "1"))
    set_excerpt_credibility(library, uid, "4")
    reload_curated(library)
    ev = get_event(library, EVENT)
    assert ev is not None
    x = next(x for x in ev.excerpts if x.uid == uid)
    assert x.credibility == "4"
    assert x.grade(_source(library, file)) == Grade("B", "4")
    assert _source(library, file).grade == Grade("B", "2")


def test_unknown_targets_are_refused(library: Database) -> None:
    with pytest.raises(NotFound):
        set_source_grade(library, "no-such-file.txt", Grade("B", "2"))
    with pytest.raises(EditRefused):
        set_outlet_grade(library, "No Such Outlet", Grade("B", "2"))
    with pytest.raises(NotFound):
        set_excerpt_credibility(library, "no-such-uid", "2")


def test_the_json_contract_carries_grades_beside_its_old_keys(library: Database) -> None:
    file, outlet, uid = _quoted(library)
    before = chronology_document(library)
    set_outlet_grade(library, outlet, Grade("B", "2"))
    set_excerpt_credibility(library, uid, "3")
    doc = chronology_document(library)
    src = next(s for s in doc["sources"] if s["file"] == file)
    assert (src["grade"], src["grade_from"]) == ("B2", "outlet")
    x = next(x for e in doc["events"] for x in e["excerpts"] if x["uid"] == uid)
    assert (x["grade"], x["credibility"]) == ("B3", "3")
    old_src = next(s for s in before["sources"] if s["file"] == file)
    assert set(old_src) <= set(src)  # keys added, none renamed
    assert old_src["grade"] is None


def test_every_citation_of_the_pdf_and_the_word_note_carries_its_grade(
    qapp: object, library: Database, tmp_path: Path
) -> None:
    file, _outlet, uid = _quoted(library)
    set_source_grade(library, file, Grade("B", "2"))
    set_excerpt_credibility(library, uid, "4")
    made = briefings.create_briefing(library, "Graded")
    briefings.add_point(library, made.uid, "The goal of 1999.", [(None, uid)])
    snapshot = briefings.get_briefing(library, made.uid)
    assert snapshot is not None
    sel = select_for_export(library, ExportOptions(), events=None)
    number = [s.file for s in sel.cited_sources()].index(file) + 1
    out = tmp_path / "graded.pdf"
    write_pdf(sel, out, briefing=snapshot)
    body = normalised(body_text(out))
    assert f"[S{number} · B4]" in body  # the passage, with its own credibility
    assert "graded B2: source usually reliable, information probably true" in body
    data = document_bytes("docx", sel, snapshot)
    doc = docx.Document(io.BytesIO(data))
    part = next(p for p in doc.part.package.parts if p.partname == "/word/footnotes.xml")
    assert "[B4]" in part.blob.decode("utf-8")


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    db = open_library(tmp_path / "other.sqlite")
    yield db
    db.close()


def test_grades_travel_in_the_notes_file_and_the_newer_one_stays(
    library: Database, other: Database
) -> None:
    file, outlet, uid = _quoted(library)
    set_source_grade(other, file, Grade("D", "4"))  # set first on the other laptop: older
    set_source_grade(library, file, Grade("B", "2"))
    set_outlet_grade(library, outlet, Grade("A", "1"))
    set_excerpt_credibility(library, uid, "3")
    shared = json.dumps(export_document(library))
    report = import_text(other, shared)
    assert report.added["grades"] == 3
    assert _source(other, file).grade == Grade("B", "2")
    assert _source(other, file).outlet_grade == Grade("A", "1")
    ev = get_event(other, EVENT)
    assert ev is not None and next(x for x in ev.excerpts if x.uid == uid).credibility == "3"
    again = import_text(other, shared)
    assert (again.added["grades"], again.skipped["grades"]) == (0, 3)
    # A grade set here after the file was written is kept, and the report says so.
    set_source_grade(other, file, Grade("E", "5"))
    third = import_text(other, shared)
    assert _source(other, file).grade == Grade("E", "5")
    assert any(file in c and "kept this database's grade E5" in c for c in third.conflicts)


def test_the_command_line_grades_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "cli.sqlite"
    db = open_library(path)
    file, outlet, uid = _quoted(db)
    db.close()
    result = run_main("--db", str(path), "sources", "grade", file, "b2")
    assert result.returncode == 0, result.stderr
    assert "B2: source usually reliable, information probably true" in result.stdout
    assert run_main("--db", str(path), "sources", "grade-outlet", outlet, "C3").returncode == 0
    assert run_main("--db", str(path), "sources", "credibility", uid, "5").returncode == 0
    listing = run_main("--db", str(path), "sources", "list").stdout
    assert any(line.startswith("B2") and file in line for line in listing.splitlines())
    bad = run_main("--db", str(path), "sources", "grade", file, "Z9")
    assert bad.returncode == 2 and "as in B2" in bad.stderr
    missing = run_main("--db", str(path), "sources", "grade", "nope.txt", "B2")
    assert missing.returncode == 2 and "no source 'nope.txt'" in missing.stderr
    exported = json.loads(run_main("--db", str(path), "export", "--format", "json").stdout)
    x = next(x for e in exported["events"] for x in e["excerpts"] if x["uid"] == uid)
    assert x["grade"] == "B5"
