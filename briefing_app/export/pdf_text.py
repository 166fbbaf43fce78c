"""How the PDF words the pieces of an entry: citation tags, quotations, source facts.

Kept apart from the page-by-page builder (pdf_document.py) so that what a
reader sees written, a flagged passage above all, is read in one place.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.grading import Grade
from briefing_app.domain.model import Excerpt, Source
from briefing_app.export.typeset import Fonts, Para

__all__ = ["WARNING", "cite_tag", "day_label", "plain", "quote_para", "rect_tuple", "source_facts"]

WARNING = QColor(160, 64, 0)
"""The ink of a flagged passage and of warnings."""


def cite_tag(number: int | None, grade: Grade | None) -> str:
    """ "[S2 · B2]": the source's number in the list of sources, and the passage's grade."""
    parts = [f"S{number}"] if number is not None else []
    if grade is not None:
        parts.append(grade.label)
    return f"[{' · '.join(parts)}]" if parts else ""


def quote_para(x: Excerpt, f: Fonts, bar: QColor) -> Para:
    """A checked quotation in quotation marks; a flagged passage marked as such, without them."""
    if x.needs_check:
        return Para(
            f"[Flagged passage] {plain(x.quote)}",
            f.quote,
            color=WARNING,
            indent=14,
            bar=WARNING,
            space_before=5,
        )
    return Para(f"\u201c{plain(x.quote)}\u201d", f.quote, indent=14, bar=bar, space_before=5)


def rect_tuple(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def day_label(d: date) -> str:
    return PartialDate(d).label()


def plain(text: str) -> str:
    """User text as lines QTextLayout breaks: newlines become line separators."""
    return text.replace("\r\n", "\n").strip().replace("\n", "\u2028")


def source_facts(src: Source) -> list[str]:
    facts = [src.published.label() if src.published else "undated"]
    grade = src.effective_grade
    if grade is not None:
        default = " (the outlet's usual grade)" if src.grade_origin == "outlet" else ""
        facts.append(f"graded {grade.describe()}{default}")
    if src.author:
        facts.append(src.author)
    facts.append(src.url or f"stored as {src.file}")
    return facts
