"""A passage that could not be found again after a source was corrected is never
presented as a checked quotation: every export says so beside it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from briefing_app.domain.model import UNVERIFIED_QUOTE
from briefing_app.export.csv_export import write_csv
from briefing_app.export.json_export import write_chronology_json
from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.export.timelinejs import write_timelinejs
from briefing_app.storage.database import Database
from tests.export.conftest import body_text, normalised


@pytest.fixture
def flagged(library: Database) -> str:
    """Flag one excerpt as the re-anchoring does; returns its quote."""
    with library.engine.begin() as conn:
        pk, quote = conn.execute(
            text("SELECT pk, quote FROM excerpts WHERE retired = 0 ORDER BY pk LIMIT 1")
        ).one()
        conn.execute(text("UPDATE excerpts SET anchor_status = 'flagged' WHERE pk = :p"), {"p": pk})
    return str(quote)


def test_the_pdf_prints_the_warning_under_the_passage(
    qapp: object, library: Database, flagged: str, tmp_path: Path
) -> None:
    out = tmp_path / "c.pdf"
    write_pdf(select_for_export(library, ExportOptions()), out)
    body = normalised(body_text(out))
    assert normalised(UNVERIFIED_QUOTE) in body
    assert body.count(normalised(UNVERIFIED_QUOTE)) == 1  # only the flagged one


def test_data_exports_mark_the_passage(library: Database, flagged: str) -> None:
    sel = select_for_export(library, ExportOptions())
    csv_out, tl_out, json_out = io.StringIO(), io.StringIO(), io.StringIO()
    write_csv(sel, csv_out)
    write_timelinejs(sel, tl_out)
    write_chronology_json(library, json_out)
    assert f"[unverified] {flagged}" in csv_out.getvalue()
    assert csv_out.getvalue().count("[unverified]") == 1
    assert json.loads(tl_out.getvalue()).__str__().count(UNVERIFIED_QUOTE) == 1
    excerpts = [x for e in json.loads(json_out.getvalue())["events"] for x in e["excerpts"]]
    assert [x["text"] for x in excerpts if x["needs_check"]] == [flagged]
