"""The chronology as an Excel workbook (.xlsx), with real date cells.

The columns are the CSV's. ``start`` and ``end`` are date cells, so a
spreadsheet sorts and filters them as dates, shown at the event's precision
by their number format: a month-dated event reads "Nov 2021" and a year-dated
one "2008" (the cell holds the period's first day; no day is printed that the
sources do not give). Every other cell is a text cell: a value starting with
``=`` or ``+`` is stored as a string with Excel's quote prefix, never as a
formula, so a note typed by a user cannot run as one.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.export.csv_export import CSV_COLUMNS, FORMULA_START, event_row
from briefing_app.export.selection import ExportSelection
from briefing_app.export.xml_text import xml_text

__all__ = ["DATE_FORMATS", "xlsx_bytes"]

DATE_FORMATS: dict[Precision, str] = {
    Precision.DAY: "d mmm yyyy",
    Precision.WEEK: '"week of" d mmm yyyy',
    Precision.MONTH: "mmm yyyy",
    Precision.YEAR: "yyyy",
}
"""Excel number formats that show a date cell at the precision it is known to."""

_DATE_COLUMNS = {"start": 1, "end": 2}
_WIDTHS = {"id": 28, "title": 48, "summary": 60, "excerpts": 60, "annotations": 40}


def _set_date(cell: Cell, when: PartialDate | None) -> None:
    if when is None:
        return
    cell.value = when.first_day
    cell.number_format = DATE_FORMATS[when.precision]


def _set_text(cell: Cell, text: str) -> None:
    text = xml_text(text)
    cell.value = text
    # openpyxl takes any string starting with "=" for a formula: force a text cell.
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True


def xlsx_bytes(sel: ExportSelection) -> bytes:
    """The workbook for the selection: one sheet, a header row, one row per event."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Chronology"
    book.properties.title = xml_text(sel.options.title)
    book.properties.creator = "Briefing Chronology"
    bold = Font(bold=True)
    for col, name in enumerate(CSV_COLUMNS, 1):
        cell = sheet.cell(row=1, column=col, value=name)
        cell.font = bold
        sheet.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(name, 14)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, ev in enumerate(sel.events, 2):
        values = event_row(sel, ev)
        for col, name in enumerate(CSV_COLUMNS, 1):
            cell = sheet.cell(row=row, column=col)
            if name in _DATE_COLUMNS:
                _set_date(cell, ev.when.start if name == "start" else ev.when.end)
            else:
                _set_text(cell, values[col - 1])
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(CSV_COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(sel.events) + 1)}"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
