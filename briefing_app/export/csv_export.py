"""The chronology as CSV, one row per event, for spreadsheets.

Lists (actors, quotations, notes) are joined with `` | ``. A cell that a
spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) is prefixed with an apostrophe: a note typed
by a user stays text when the file is opened.

A file starts with a UTF-8 byte-order mark unless asked not to: without one,
Excel and LibreOffice's default import take the bytes for a legacy code page
and show "10â€“11 Dec 1999".
"""

from __future__ import annotations

import csv
from typing import TextIO

from briefing_app.domain.model import Event
from briefing_app.export.selection import ExportSelection

__all__ = ["BOM", "CSV_COLUMNS", "FORMULA_START", "event_row", "safe_cell", "write_csv"]

CSV_COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "date",
    "lane",
    "title",
    "actors",
    "confidence",
    "summary",
    "origin",
    "excerpts",
    "sources",
    "annotations",
    "tags",
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet would take for the start of a formula."""


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


BOM = "\ufeff"


def event_row(sel: ExportSelection, ev: Event) -> list[str]:
    """One event's cells in ``CSV_COLUMNS`` order, as text (not yet formula-safe)."""
    notes = sel.annotations_of(ev.id)
    sources = []
    for x in ev.excerpts:
        src = sel.sources.get(x.source)
        label = ": ".join(filter(None, (src.named_outlet, src.title))) if src else x.source
        if label not in sources:
            sources.append(label)
    return [
        ev.id,
        ev.when.start.iso(),
        ev.when.end.iso() if ev.when.end else "",
        ev.when.precision.value,
        ev.when.label(),
        ev.lane.value,
        ev.title,
        " | ".join(ev.actors),
        ev.confidence.value,
        ev.summary,
        ev.origin.value,
        " | ".join(f"[unverified] {x.quote}" if x.needs_check else x.quote for x in ev.excerpts),
        " | ".join(sources),
        " | ".join(n.body for n in notes),
        " | ".join(sorted({t for n in notes for t in n.tags}, key=str.casefold)),
    ]


def write_csv(sel: ExportSelection, out: TextIO, *, bom: bool = False) -> int:
    """Write the header and one row per selected event; returns the number of rows.

    ``bom`` starts the text with a byte-order mark (for files opened by spreadsheets).
    """
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for ev in sel.events:
        writer.writerow([safe_cell(c) for c in event_row(sel, ev)])
    return len(sel.events)
