"""The formats built whole in memory (Excel, iCalendar, Word), behind one call.

The command line and File › Export Document… both go through
``document_bytes``, so the same choices give the same file from either.
A Word briefing note embeds a picture of its period's timeline, drawn by Qt:
the caller must have a ``QGuiApplication``.
"""

from __future__ import annotations

from dataclasses import replace

from briefing_app.domain.briefing import BriefingSnapshot
from briefing_app.export.selection import ExportSelection

__all__ = ["DOCUMENT_FORMATS", "document_bytes", "docx_quote_summary"]

DOCUMENT_FORMATS = {"xlsx": "Excel workbook", "ics": "iCalendar", "docx": "Word briefing note"}

_PICTURE_WIDTH = 1800


def _period_selection(sel: ExportSelection, briefing: BriefingSnapshot) -> ExportSelection:
    """The selection narrowed to the days the briefing's cited events cover."""
    from briefing_app.export.docx_export import briefing_period

    period = briefing_period(briefing, sel.events)
    if period is None:
        return sel
    lo, hi = period
    events = [e for e in sel.events if e.when.overlaps(lo, hi)]
    return replace(sel, events=events, first_day=lo, last_day=hi)


def document_bytes(
    fmt: str,
    sel: ExportSelection,
    briefing: object | None = None,
    *,
    chronology: bool = True,
) -> bytes:
    """The file's bytes for ``fmt`` (one of ``DOCUMENT_FORMATS``)."""
    if fmt == "xlsx":
        from briefing_app.export.xlsx_export import xlsx_bytes

        return xlsx_bytes(sel)
    if fmt == "ics":
        from briefing_app.export.ics_export import ics_bytes

        return ics_bytes(sel)
    if fmt == "docx":
        from briefing_app.export.docx_export import DocxContent, docx_bytes
        from briefing_app.export.images import png_bytes

        if not isinstance(briefing, BriefingSnapshot):
            raise ValueError("a Word briefing note needs a briefing")
        period = _period_selection(sel, briefing)
        picture = png_bytes(period, _PICTURE_WIDTH) if period.events else None
        content = DocxContent(chronology=chronology, timeline_png=picture)
        return docx_bytes(period if chronology else sel, briefing, content)
    raise ValueError(f"unknown document format {fmt!r}")


def docx_quote_summary(
    sel: ExportSelection, briefing: BriefingSnapshot, *, chronology: bool = True
) -> str | None:
    """What the Word note says of its quotations, for the window to repeat."""
    from briefing_app.export.docx_export import DocxContent, quote_summary

    period = _period_selection(sel, briefing)
    return quote_summary(period if chronology else sel, briefing, DocxContent(chronology))
