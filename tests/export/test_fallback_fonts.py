"""Characters DejaVu Sans lacks are printed from a shipped fallback font, never as boxes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtGui import QRawFont

from briefing_app.domain.filters import EventFilter
from briefing_app.export.glyphs import printable
from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.paths import FONTS_DIR
from briefing_app.storage.database import Database

ROCKET, DEFENCE = "\U0001f680", "\u9632\u885b"  # an emoji; "defence" in Chinese characters
HANGUL = "\ud55c"  # in none of the shipped fonts


def _fonts(pdf: Path) -> dict[str, bytes]:
    """Each embedded font's name and program (the subset Qt wrote)."""
    found = {}
    for page in PdfReader(pdf).pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = descriptor["/FontFile2"].get_object().get_data()
    return found


def _inked_glyphs(program: bytes) -> int:
    """How many glyphs of an embedded subset have an outline (not an empty box or blank)."""
    raw = QRawFont(program, 12.0)
    assert raw.isValid()
    count = 0
    for glyph in range(1, 64):
        if not raw.pathForGlyph(glyph).isEmpty():
            count += 1
    return count


def test_emoji_and_cjk_come_from_embedded_fallback_fonts(
    annotated_db: Database, tmp_path: Path, qapp: Any
) -> None:
    dejavu = QRawFont(str(FONTS_DIR / "DejaVuSans.ttf"), 12.0)
    assert not dejavu.supportsCharacter(ord(ROCKET)) and not dejavu.supportsCharacter(0x9632)
    title = f"Défense {ROCKET} {DEFENCE} européenne"
    options = ExportOptions(title=title, filter=EventFilter(first_day=date(2025, 1, 1)))
    out = tmp_path / "emoji.pdf"
    write_pdf(select_for_export(annotated_db, options), out)
    fonts = _fonts(out)
    symbola = next(v for k, v in fonts.items() if "Symbola" in k)
    droid = next(v for k, v in fonts.items() if "DroidSansFallback" in k)
    assert _inked_glyphs(symbola) >= 1 and _inked_glyphs(droid) >= 2  # the rocket; two ideographs
    first = PdfReader(out).pages[0].extract_text()
    assert DEFENCE in first.replace("\n", "") and "[U+" not in first
    assert QRawFont(str(FONTS_DIR / "Symbola.ttf"), 12.0).supportsCharacter(ord(ROCKET))


def test_a_character_no_shipped_font_has_is_named(qapp: Any) -> None:
    assert printable(f"Seoul {HANGUL}") == "Seoul [U+D55C]"
    assert (
        printable(f"café {ROCKET}\u200d\ufe0f") == f"café {ROCKET}\u200d\ufe0f"
    )  # joiners draw nothing
    assert printable("a\u202eb") == "a[RLO]b"
