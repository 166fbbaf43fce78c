"""export: the chronology, filtered, in every format the app writes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.shared import open_to_read

if TYPE_CHECKING:
    from briefing_app.domain.briefing import BriefingSnapshot
    from briefing_app.export.options import ExportOptions
    from briefing_app.export.quote_check import QuoteCheck
    from briefing_app.export.selection import ExportSelection
    from briefing_app.storage.database import Database

EXPORT_FORMATS = ["json", "pdf", "png", "svg", "timelinejs", "csv", "xlsx", "ics", "docx"]

BINARY_FORMATS = ("xlsx", "ics", "docx")
"""Written whole to a file (-o), never to the terminal."""


def add_export_parser(sub: argparse._SubParsersAction) -> None:
    """``export``: the format, the filters and what goes in."""
    export = sub.add_parser(
        "export",
        help="write the chronology as JSON, PDF, PNG, SVG, TimelineJS, CSV, Excel, iCalendar "
        "or a Word briefing note",
        description="Write the chronology to a file. DATE is YYYY, YYYY-MM or YYYY-MM-DD; "
        "the filters apply to every format but json (always the whole chronology). "
        "docx writes a briefing (--briefing NAME) as a Word briefing note.",
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (required for pdf, png, svg, xlsx, ics and docx; "
        "otherwise stdout by default)",
    )
    export.add_argument("--from", dest="first", metavar="DATE", help="first day of the period")
    export.add_argument("--to", dest="last", metavar="DATE", help="last day of the period")
    export.add_argument(
        "--category",
        action="extend",
        nargs="+",
        metavar="LANE",
        help="only these lanes: EU, NATO, Russia, US, Ukraine, Other (default: all)",
    )
    export.add_argument(
        "--tag",
        action="extend",
        nargs="+",
        metavar="TAG",
        help="only events with an annotation carrying one of these tags",
    )
    export.add_argument("--actor", metavar="NAME", help="only events with this actor (any case)")
    export.add_argument(
        "--confidence",
        action="extend",
        nargs="+",
        metavar="LEVEL",
        help="only events of these confidences: high, medium, low (default: all)",
    )
    export.add_argument(
        "--briefing",
        metavar="NAME",
        help="add this briefing (pdf), or the briefing to write (docx)",
    )
    export.add_argument(
        "--no-bom",
        action="store_true",
        help="csv: no UTF-8 byte-order mark (spreadsheets need it to read accents right)",
    )
    export.add_argument(
        "--no-chronology",
        action="store_true",
        help="docx: the talking points and timeline only, without the period's chronology",
    )
    export.add_argument("--page-size", default="A4", metavar="A4|Letter", help="paper (pdf)")
    export.add_argument("--no-annotations", action="store_true", help="leave your notes out")
    export.add_argument("--no-excerpts", action="store_true", help="leave the quotations out")
    export.add_argument(
        "--draft",
        action="store_true",
        help="with --briefing: a draft, not recorded as handed on (see `changes --since-briefing`)",
    )
    export.add_argument(
        "--width", type=int, metavar="PX", help="image width in pixels (default 2000)"
    )


def cmd_export(args: argparse.Namespace) -> int:
    """Export in the chosen format; 2 for unusable options, 1 when writing fails."""
    from briefing_app.export.options import OptionsError

    chosen = (args.first, args.last, args.category, args.tag, args.actor, args.confidence)
    filtered = any((*chosen, args.no_annotations, args.no_excerpts))
    try:
        if args.format == "json":
            if filtered or args.briefing:
                raise OptionsError(
                    "json always writes the whole chronology; use --format timelinejs or csv "
                    "for a filtered export"
                )
            return _export_json(args)
        if args.briefing and args.format not in ("pdf", "docx"):
            raise OptionsError("--briefing applies to --format pdf and docx only")
        if args.format == "docx" and not args.briefing:
            raise OptionsError("--format docx writes a briefing: give --briefing NAME")
        if args.draft and not args.briefing:
            raise OptionsError("--draft applies to an export with --briefing NAME")
        if args.no_bom and args.format != "csv":
            raise OptionsError("--no-bom applies to --format csv only")
        if args.no_chronology and args.format != "docx":
            raise OptionsError("--no-chronology applies to --format docx only")
        if args.width is not None and args.format not in ("png", "svg"):
            raise OptionsError("--width applies to --format png and svg only")
        if args.format in ("pdf", "png", "svg", *BINARY_FORMATS) and args.output is None:
            raise OptionsError(f"--format {args.format} needs -o FILE")
        options = _export_options(args)
    except OptionsError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    return _export_filtered(args, options)


def _export_json(args: argparse.Namespace) -> int:
    from briefing_app.export.json_export import write_chronology_json
    from briefing_app.storage.files import not_written, open_replacing

    db = open_to_read(args.db)
    try:
        if args.output is None:
            quotes = write_chronology_json(db, sys.stdout)
        else:
            with open_replacing(args.output, "w", encoding="utf-8") as fh:
                quotes = write_chronology_json(db, fh)
            print(f"wrote {args.output}", file=sys.stderr)
        _say_changed(quotes)
    except OSError as exc:
        if args.output is None:
            raise
        print(f"export: {not_written(args.output, exc)}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


def _say_changed(quotes: QuoteCheck | None) -> None:
    """Name, once, each cited article whose stored text no longer matches its SHA-256."""
    if quotes is not None and quotes.changed:
        from briefing_app.storage.fingerprints import changed_message

        print(f"export: warning: {changed_message(quotes.changed)}", file=sys.stderr)


def _export_options(args: argparse.Namespace) -> ExportOptions:
    from briefing_app.domain.filters import EventFilter
    from briefing_app.export.options import (
        ExportOptions,
        PageSize,
        parse_bound,
        parse_confidences,
        parse_lanes,
    )

    return ExportOptions(
        EventFilter(
            first_day=parse_bound(args.first, end=False) if args.first else None,
            last_day=parse_bound(args.last, end=True) if args.last else None,
            lanes=parse_lanes(args.category),
            tags=frozenset(args.tag or ()),
            actor=args.actor,
            confidences=parse_confidences(args.confidence),
        ),
        briefing=args.briefing,
        page_size=PageSize.parse(args.page_size),
        include_annotations=not args.no_annotations,
        include_excerpts=not args.no_excerpts,
    )


def _find_briefing(db: Database, name: str) -> BriefingSnapshot:
    """The briefing called ``name`` (ignoring case), for the document's briefing section."""
    from briefing_app.export.options import OptionsError
    from briefing_app.services.briefings import find_briefing_by_name, list_briefings

    found = find_briefing_by_name(db, name)
    if found is None:
        names = ", ".join(f"“{b.name}”" for b in list_briefings(db)) or "none yet"
        raise OptionsError(f"no briefing named {name!r} (briefings: {names})")
    return found


def _export_filtered(args: argparse.Namespace, options: ExportOptions) -> int:
    from briefing_app.export.options import OptionsError
    from briefing_app.export.selection import select_for_export
    from briefing_app.storage.files import not_written

    db = open_to_read(args.db)
    try:
        briefing = _find_briefing(db, options.briefing) if options.briefing else None
        selection = select_for_export(db, options)
        if args.format in ("timelinejs", "csv"):
            _write_text(args, selection)
        elif args.format in BINARY_FORMATS:
            _write_document(args, selection, briefing)
        else:
            _write_drawn(args, selection, briefing)
        _say_changed(selection.quotes)
        if briefing is not None and not args.draft:
            from briefing_app.cli.briefings import record_handover

            record_handover(args, briefing.uid, args.format)
    except OptionsError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if args.output is None:
            raise
        print(f"export: {not_written(args.output, exc)}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"export: could not write {args.output}: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


def _write_text(args: argparse.Namespace, selection: ExportSelection) -> None:
    from briefing_app.export.csv_export import write_csv
    from briefing_app.export.timelinejs import write_timelinejs

    if args.output is None:
        if args.format == "timelinejs":
            write_timelinejs(selection, sys.stdout)
        else:
            write_csv(selection, sys.stdout)
        return
    from briefing_app.storage.files import open_replacing

    with open_replacing(args.output, "w", encoding="utf-8", newline="") as fh:
        if args.format == "timelinejs":
            write_timelinejs(selection, fh)
        else:
            write_csv(selection, fh, bom=not args.no_bom)
    print(f"wrote {args.output}: {len(selection.events)} events", file=sys.stderr)


def _write_document(args: argparse.Namespace, selection: ExportSelection, briefing: object) -> None:
    """xlsx, ics or docx: built in memory, then written beside the target and renamed."""
    from briefing_app.export.document_formats import document_bytes
    from briefing_app.storage.files import write_bytes

    app = _gui_application() if args.format == "docx" else None  # the timeline picture
    data = document_bytes(args.format, selection, briefing, chronology=not args.no_chronology)
    write_bytes(args.output, data)
    print(f"wrote {args.output}: {len(selection.events)} events", file=sys.stderr)
    del app


def _gui_application() -> object:
    """Qt's application object, offscreen: fonts and painting need one."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])


def _write_drawn(args: argparse.Namespace, selection: ExportSelection, briefing: object) -> None:
    """PDF, PNG or SVG: Qt draws them, offscreen, without a window."""
    # Held until the function returns: fonts and painting need the application object.
    app = _gui_application()
    assert app is not None
    if args.format == "pdf":
        from briefing_app.export.pdf_document import write_pdf

        pages = write_pdf(selection, args.output, briefing=briefing)  # type: ignore[arg-type]
        print(
            f"wrote {args.output}: {pages} pages, {len(selection.events)} events", file=sys.stderr
        )
        return
    from briefing_app.export.images import DEFAULT_WIDTH, write_png, write_svg

    write = write_png if args.format == "png" else write_svg
    size = write(selection, args.output, args.width or DEFAULT_WIDTH)
    print(f"wrote {args.output}: {size.width()} x {size.height()} px", file=sys.stderr)
