"""A note of one very long line is set whole, piece by piece, in time proportional to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont

from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.export.typeset import FOLD, Para, _folded
from briefing_app.services.annotations import create_annotation
from briefing_app.storage.database import Database
from tests.export.conftest import body_text


def test_a_long_paragraph_folds_into_pieces_that_join_back() -> None:
    placed: list[int] = []
    words = ("word " * 3000).strip()
    for text in ("z" * (FOLD * 3 + 17), words):
        para = Para(text, QFont(), space_before=6.0, space_after=4.0, on_place=placed.append)
        pieces = _folded(para)
        assert "".join(p.text for p in pieces) == text
        assert len(pieces) > 1 and all(len(p.text) <= FOLD for p in pieces)
        assert pieces[0].on_place is not None and all(p.on_place is None for p in pieces[1:])
        assert [p.space_before for p in pieces][:2] == [6.0, 0.0]
        assert pieces[-1].space_after == 4.0 and pieces[0].space_after == 0.0
    assert all(p.text.endswith(" ") for p in _folded(Para(words, QFont()))[:-1])  # at spaces
    assert _folded(Para("short", QFont())) == [Para("short", QFont())]


def test_a_note_of_one_long_line_is_printed_whole(
    library: Database, tmp_path: Path, qapp: Any
) -> None:
    line = "".join(chr(ord("a") + i % 26) for i in range(60_000))
    create_annotation(library, event_id="helsinki-headline-goal", body=line)
    out = tmp_path / "long.pdf"
    write_pdf(select_for_export(library, ExportOptions()), out)
    assert line in body_text(out).replace(" ", "")  # running heads and folios taken out
