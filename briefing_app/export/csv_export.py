"""The chronology as CSV, one row per event, for spreadsheets.

Lists (actors, quotations, notes) are joined with `` | ``. A cell that a
spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) is prefixed with an apostrophe: a note typed
by a user stays text when the file is opened.
"""

from __future__ import annotations

import csv
from typing import TextIO

from briefing_app.services.export_selection import ExportSelection

__all__ = ["CSV_COLUMNS", "safe_cell", "write_csv"]

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

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(sel: ExportSelection, out: TextIO) -> int:
    """Write the header and one row per selected event; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for ev in sel.events:
        notes = sel.annotations_of(ev.id)
        sources = []
        for x in ev.excerpts:
            src = sel.sources.get(x.source)
            label = f"{src.outlet}: {src.title}" if src else x.source
            if label not in sources:
                sources.append(label)
        row = [
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
            " | ".join(
                f"[unverified] {x.quote}" if x.needs_check else x.quote for x in ev.excerpts
            ),
            " | ".join(sources),
            " | ".join(n.body for n in notes),
            " | ".join(sorted({t for n in notes for t in n.tags}, key=str.casefold)),
        ]
        writer.writerow([safe_cell(c) for c in row])
    return len(sel.events)
