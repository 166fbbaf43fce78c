"""The words the PDF sets around events and sources: citations, tags, facts, headers.

Kept apart from the page builder so the builder holds only the order of the
document; everything here is a pure function of the data it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.grading import Grade
from briefing_app.domain.model import Excerpt, Source
from briefing_app.export.typeset import Fonts, Para

__all__ = [
    "GREY",
    "NOTE_BOX",
    "NOTE_INK",
    "WARNING",
    "cite_tag",
    "day",
    "plain",
    "quote_para",
    "rect_tuple",
    "running_head",
    "source_facts",
]

GREY = QColor(95, 95, 100)
WARNING = QColor(160, 64, 0)
NOTE_BOX = QColor(255, 243, 205)
NOTE_INK = QColor(122, 78, 0)

_SEP = " \u00b7 "


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


def day(d: date) -> str:
    return PartialDate(d).label()


def plain(text: str) -> str:
    """User text as lines QTextLayout breaks: newlines become line separators."""
    return text.replace("\r\n", "\n").strip().replace("\n", "\u2028")


def source_facts(src: Source) -> list[str]:
    """Date, grade, author and address of a listed source: what a reader needs to find it.

    The name the app stores the text under is no help to a reader and is never printed.
    """
    facts = [src.published.label() if src.published else "undated"]
    grade = src.effective_grade
    if grade is not None:
        default = " (the outlet's usual grade)" if src.grade_origin == "outlet" else ""
        facts.append(f"graded {grade.describe()}{default}")
    if src.author:
        facts.append(src.author)
    if src.url:
        facts.append(src.url)
    return facts


def running_head(parts: Sequence[str], fallback: str) -> str:
    """The header of a page holding ``parts``: "Chronology · 2017–2018" for two years.

    Parts sharing a section ("Chronology · 2017", "Chronology · 2018") are
    named by their first and last; a page without any takes ``fallback``.
    """
    if not parts:
        return fallback
    if len(parts) == 1:
        return parts[0]
    heads = {p.partition(_SEP)[0] for p in parts}
    if len(heads) == 1 and all(_SEP in p for p in parts):
        first, last = parts[0].partition(_SEP)[2], parts[-1].partition(_SEP)[2]
        return f"{heads.pop()}{_SEP}{first}\u2013{last}"
    return " / ".join(parts)
