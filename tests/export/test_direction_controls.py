"""A title carrying a right-to-left override prints as written, in the PDF and the SVG."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from briefing_app.domain.wording import shown_as_written
from briefing_app.export.images import write_svg
from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.storage.database import Database
from briefing_app.storage.models import EventRow

HOSTILE = "Budget\u202etsil ecnefed"
"""Stored in this order; an applied override would print "Budgetdefence list"."""


def _retitle(db: Database, event_id: str, title: str) -> None:
    with db.session() as s:
        s.execute(update(EventRow).where(EventRow.id == event_id).values(title=title))
        s.commit()


def test_direction_controls_are_named_and_the_rest_of_the_text_left_alone() -> None:
    assert shown_as_written(HOSTILE) == "Budget[RLO]tsil ecnefed"
    assert shown_as_written("\u2067שלום\u2069 NATO") == "[RLI]שלום[PDI] NATO"
    assert shown_as_written("Ceasefire in Gaza — وقف إطلاق النار") == (
        "Ceasefire in Gaza — وقف إطلاق النار"
    )


def test_the_pdf_and_the_svg_show_the_override_instead_of_applying_it(
    qtbot: QtBot, library: Database, tmp_path: Path
) -> None:
    _retitle(library, "helsinki-headline-goal", HOSTILE)
    selection = select_for_export(library, ExportOptions())
    pdf = tmp_path / "c.pdf"
    write_pdf(selection, pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Budget[RLO]tsil ecnefed" in text
    assert "\u202e" not in text
    svg = tmp_path / "t.svg"
    write_svg(selection, svg)
    body = svg.read_text(encoding="utf-8")
    assert "\u202e" not in body and "[RLO]" in body
