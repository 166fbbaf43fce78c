"""Bookmarks and internal links, added to the finished PDF with pypdf.

Qt's ``QPdfWriter`` writes real text and vector drawing but has no API for
an outline or for links to a place in the same document. The builder
therefore records where sections, years and events landed (page index and
height from the page's top, in points) and this module adds the outline and
the link annotations afterwards, in one pass over the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from pypdf.generic import Fit


__all__ = ["Anchor", "LinkSpot", "OutlineEntry", "PdfMarks", "apply_marks"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in the document: page index and distance from the page's top."""

    page: int
    top: float


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    title: str
    at: Anchor
    parent: int | None = None
    """Index of the parent entry in ``PdfMarks.outline``; None for a top-level entry."""


@dataclass(frozen=True, slots=True)
class LinkSpot:
    """A clickable rectangle (x, y from the top-left, w, h in points) and where it leads."""

    page: int
    rect: tuple[float, float, float, float]
    target: Anchor


@dataclass
class PdfMarks:
    """Everything to add after the pages are written; small records only."""

    outline: list[OutlineEntry] = field(default_factory=list)
    links: list[LinkSpot] = field(default_factory=list)
    page_heights: list[float] = field(default_factory=list)

    def add_outline(self, title: str, at: Anchor, parent: int | None = None) -> int:
        self.outline.append(OutlineEntry(title, at, parent))
        return len(self.outline) - 1

    def add_link(self, page: int, rect: tuple[float, float, float, float], target: Anchor) -> None:
        self.links.append(LinkSpot(page, rect, target))


def _fit(marks: PdfMarks, at: Anchor) -> Fit:
    from pypdf.generic import Fit

    height = marks.page_heights[at.page] if at.page < len(marks.page_heights) else 842.0
    return Fit.xyz(left=0, top=max(height - at.top + 6.0, 0.0), zoom=None)


def apply_marks(path: Path, marks: PdfMarks, out: BinaryIO) -> None:
    """Write the PDF at ``path``, with the outline and links of ``marks`` added, to ``out``."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link

    reader = PdfReader(path)
    writer = PdfWriter(clone_from=reader)
    pages = len(writer.pages)
    made = []
    for entry in marks.outline:
        if entry.at.page >= pages:
            made.append(None)
            continue
        parent = made[entry.parent] if entry.parent is not None else None
        made.append(
            writer.add_outline_item(
                title=entry.title,
                page_number=entry.at.page,
                parent=parent,
                fit=_fit(marks, entry.at),
                is_open=entry.parent is None,
            )
        )
    for spot in marks.links:
        if spot.page >= pages or spot.target.page >= pages:
            continue
        height = marks.page_heights[spot.page]
        x, y, w, h = spot.rect
        writer.add_annotation(
            spot.page,
            Link(
                rect=(x, height - y - h, x + w, height - y),
                target_page_index=spot.target.page,
                fit=_fit(marks, spot.target),
                border=[0, 0, 0],
            ),
        )
    writer.page_mode = "/UseOutlines"
    writer.write(out)
