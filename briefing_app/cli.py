"""The command line: the GUI with no subcommand, tools with one.

python main.py [--db PATH|URL]           open the app (a file, or a team database on a server)
python main.py [--db PATH] check         validate the chronology and sources
python main.py [--db PATH] export --format json|pdf|png|svg|timelinejs|csv|xlsx|ics|docx [-o FILE]
python main.py [--db PATH] reload        re-load resources/ (user data untouched)
python main.py [--db PATH] search QUERY [--format json]   full-text search
python main.py [--db PATH] annotations export -o FILE | import FILE | add EVENT_ID --text TEXT
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.paths import APP_ID, DB_NAME, FROZEN, RESOURCES_DIR, SEEDS_DIR, default_db

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

    from briefing_app.domain.briefing import BriefingSnapshot
    from briefing_app.export.options import ExportOptions
    from briefing_app.export.quote_check import QuoteCheck
    from briefing_app.export.selection import ExportSelection
    from briefing_app.ingest.curated import Chronology
    from briefing_app.services.importer import PreparedImport
    from briefing_app.storage.database import Database

__all__ = ["build_parser", "main"]

EXPORT_FORMATS = ["json", "pdf", "png", "svg", "timelinejs", "csv", "xlsx", "ics", "docx"]
PROG = APP_ID if FROZEN else "main.py"
"""The command as the user types it: the built executable, or main.py in a checkout."""
BINARY_FORMATS = ("xlsx", "ics", "docx")
"""Written whole to a file (-o), never to the terminal."""


def _db_target(value: str) -> Path | str:
    """A file path, or a server URL kept as typed (a Path would fold its ``//``)."""
    from briefing_app.storage.server import is_database_url

    return value.strip() if is_database_url(value) else Path(value)


def _db_name(target: Path | str) -> str:
    """The database as messages name it: a file's name, a server without the password."""
    from briefing_app.storage.server import describe_url, is_database_url

    return describe_url(target) if is_database_url(target) else Path(target).name


def _db_exists(target: Path | str) -> bool:
    """A server database is always there to ask; a file may not be yet."""
    return isinstance(target, str) or Path(target).exists()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A chronology of European defence for briefers: run with no "
        "subcommand to open the app.",
    )
    parser.add_argument(
        "--db",
        type=_db_target,
        metavar="PATH|URL",
        help=f"database file (default: {DB_NAME} beside the project when run from source, "
        "else in your data folder), or a team database on a PostgreSQL server: "
        "postgresql+psycopg://USER@HOST[:PORT]/DATABASE",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", help="open the app (the default)")
    sub.add_parser("check", help="validate the curated chronology and the sources")
    sub.add_parser("reload", help="re-load the curated chronology from resources/")
    load = sub.add_parser(
        "team-load",
        help="many writers editing notes on a team database at once (prints figures)",
        description="WRITERS clients each make EDITS note edits on shared notes of the "
        "--db team database, as the app saves them; then checks that every edit is either "
        "in the note's history or kept beside it as a conflict, prints edits per second and "
        "latency, and removes the notes it made.",
    )
    load.add_argument("--writers", type=int, default=20)
    load.add_argument("--edits", type=int, default=1000, help="edits per writer (1000)")
    load.add_argument("--notes", type=int, default=50, help="shared notes edited (50)")
    find = sub.add_parser(
        "search",
        help="full-text search over events, excerpts and notes (best first)",
        description='Search as the app\'s search box does: "quoted phrases", OR, -word '
        "to exclude, the last word as a prefix. One hit a line: event id, kind, snippet.",
    )
    find.add_argument("query", nargs="+", metavar="QUERY")
    find.add_argument("--format", choices=["text", "json"], default="text")
    find.add_argument("--limit", type=int, default=50, help="at most this many hits (50)")
    bench = sub.add_parser(
        "bench", help="measure speed and memory on synthetic chronologies (prints figures)"
    )
    bench.add_argument(
        "--events", type=int, nargs="+", metavar="N", help="sizes (default: 1000 10000 100000)"
    )
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument(
        "--make-db",
        type=int,
        metavar="N",
        help="only write a synthetic database of N events to -o FILE (for your own measuring)",
    )
    bench.add_argument("-o", "--output", type=Path, help="the database file --make-db writes")
    bench.add_argument("--runs", type=int, default=3, help="cold-start runs per size (median)")
    bench.add_argument(
        "--no-reference", action="store_true", help="skip the bare QGraphicsScene reference"
    )
    imports = sub.add_parser(
        "import",
        help="import articles (text, Markdown, saved web pages, PDF) and propose events",
        description="Import each FILE as a source: its text kept verbatim, page furniture "
        "marked, metadata read from the document, every date found and proposed as an event. "
        "Without --accept-all or --propose the proposals are kept for review (in the app: "
        "Review Proposals; here: the proposals command). "
        "The same file is never imported twice. Exit status 1 if any file failed.",
    )
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imports.add_argument(
        "--published", metavar="DATE", help="publication date YYYY, YYYY-MM or YYYY-MM-DD"
    )
    imports.add_argument("--outlet", metavar="NAME", help="the outlet (newspaper, agency)")
    imports.add_argument("--title", metavar="TITLE", help="the article's title")
    imports.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="with --propose: json prints every file's proposals (dates, lanes, links, "
        "excerpts with their offsets into the stored text) as one JSON document",
    )
    mode = imports.add_mutually_exclusive_group()
    mode.add_argument(
        "--accept-all", action="store_true", help="accept every proposed event as a new event"
    )
    mode.add_argument(
        "--propose", action="store_true", help="only show what would be imported; save nothing"
    )
    mode.add_argument(
        "--replaces",
        metavar="SOURCE",
        help="FILE is a corrected copy of this stored source (its file name): take the new "
        "text and re-anchor every excerpt; doubtful ones are flagged, never moved silently",
    )
    dates = sub.add_parser(
        "extract-dates",
        help="list every date mentioned in an article, resolved and at its precision",
    )
    dates.add_argument("file", type=Path)
    dates.add_argument(
        "--published", help="publication date YYYY-MM-DD, to resolve 'on Thursday', 'last week'"
    )
    dates.add_argument("--language", help="two-letter language code (default: detected)")
    dates.add_argument("--format", choices=["json", "text"], default="text")
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
        "--width", type=int, metavar="PX", help="image width in pixels (png 2000, svg 1600)"
    )
    _add_annotations_parser(sub)
    _add_proposals_parser(sub)
    _add_sources_parser(sub)
    return parser


def _add_annotations_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``annotations export|import``: carry notes, own events and briefings to another laptop."""
    notes = sub.add_parser(
        "annotations",
        help="export or import your notes, own events and excerpts, and briefings",
        description="Move your work between laptops: export writes one JSON file; import "
        "merges such a file (nothing is duplicated, conflicting edits are kept side by side).",
    )
    action = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    out = action.add_parser("export", help="write your work to a JSON file")
    out.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    into = action.add_parser("import", help="merge a file written by export")
    into.add_argument("file", type=Path)
    add = action.add_parser(
        "add",
        help="write a note on an event; prints the new note's id",
        description=(
            "Write a note on the event EVENT_ID (the ids are in export --format json). "
            "The note's id is printed alone on a line."
        ),
    )
    add.add_argument("event_id", metavar="EVENT_ID")
    add.add_argument("--text", required=True, help="what the note says (shown as plain text)")
    add.add_argument("--tag", action="extend", nargs="+", metavar="TAG", help="tags")
    add.add_argument("--talking-point", action="store_true", help="flag it as a talking point")


def _add_note(args: argparse.Namespace) -> int:
    """``annotations add``: one note through the annotations service; 1 for an unknown event."""
    from briefing_app.services.annotations import create_annotation
    from briefing_app.services.library import open_library
    from briefing_app.services.lookup import EditRefused

    if not args.text.strip():
        print("annotations: --text is empty; a note needs some text", file=sys.stderr)
        return 2
    db = open_library(args.db)
    try:
        note = create_annotation(
            db,
            event_id=args.event_id,
            body=args.text,
            tags=args.tag or (),
            talking_point=args.talking_point,
        )
    except EditRefused as exc:
        print(
            f"annotations: no note written: {exc} (the ids are in export --format json)",
            file=sys.stderr,
        )
        return 1
    finally:
        db.close()
    print(note.uid)
    return 0


def _terms_problems(chronology: Chronology) -> list[str]:
    """Faults in the event and actor names files, checked against the chronology."""
    from briefing_app.domain.model import Lane
    from briefing_app.ingest.event_terms import TermsError, raw_files, terms_problems

    try:
        event_terms, actor_names = raw_files(RESOURCES_DIR)
    except TermsError as exc:
        return exc.problems
    return terms_problems(
        event_terms,
        actor_names,
        [e.id for e in chronology.events],
        {a for e in chronology.events for a in e.actors},
        [lane.value for lane in Lane if lane is not Lane.OTHER],
    )


def _add_sources_parser(sub: argparse._SubParsersAction) -> None:
    """``sources list|grade|grade-outlet|credibility``: the Admiralty grades of the sources."""
    cmd = sub.add_parser(
        "sources",
        help="list the stored sources with their grades; grade a source, an outlet or a passage",
        description="Grades follow the Admiralty (NATO) system: the source's reliability A "
        "(completely reliable) to F (cannot be judged) and the information's credibility 1 "
        "(confirmed by other sources) to 6 (cannot be judged), written together as in B2. "
        "A source without a grade of its own takes its outlet's.",
    )
    action = cmd.add_subparsers(dest="sources_action", required=True, metavar="ACTION")
    action.add_parser("list", help="every stored source: file name, grade, outlet, title")
    grade = action.add_parser("grade", help="grade one source, e.g. `sources grade FILE B2`")
    grade.add_argument("source", metavar="SOURCE", help="the source's file name")
    grade.add_argument("grade", metavar="GRADE", nargs="?", help="e.g. B2")
    grade.add_argument("--clear", action="store_true", help="take the outlet's grade again")
    outlet = action.add_parser(
        "grade-outlet", help="the grade an outlet's ungraded sources take, e.g. B2"
    )
    outlet.add_argument("outlet", metavar="OUTLET")
    outlet.add_argument("grade", metavar="GRADE", nargs="?")
    outlet.add_argument("--clear", action="store_true", help="no default for the outlet")
    cred = action.add_parser(
        "credibility", help="one passage's own credibility 1-6, over its source's grade"
    )
    cred.add_argument("excerpt", metavar="EXCERPT_UID", help="as in export --format json")
    cred.add_argument("credibility", metavar="N", nargs="?")
    cred.add_argument("--clear", action="store_true", help="take the source's again")


def _cmd_sources(args: argparse.Namespace) -> int:
    """``sources ...``: 2 for a bad grade or an unknown source, outlet or excerpt."""
    from briefing_app.domain.grading import Grade, GradeError
    from briefing_app.services import grades
    from briefing_app.services.library import open_library
    from briefing_app.services.lookup import EditRefused
    from briefing_app.storage.repository import list_sources

    db = open_library(args.db)
    try:
        if args.sources_action == "list":
            for src in list_sources(db):
                g = src.effective_grade
                label = (g.label + ("*" if src.grade_origin == "outlet" else " ")) if g else "--"
                print(f"{label:<4}{src.file}  ·  {src.outlet}  ·  {src.title}")
            print("(* the outlet's grade; -- ungraded)")
            return 0
        value = {"grade": "grade", "grade-outlet": "grade", "credibility": "credibility"}
        given = getattr(args, value[args.sources_action])
        if (given is None) == (not args.clear):
            print("sources: give a grade, or --clear", file=sys.stderr)
            return 2
        try:
            if args.sources_action == "credibility":
                before = grades.set_excerpt_credibility(db, args.excerpt, given)
                print(
                    f"{args.excerpt}: credibility {before or 'of its source'} -> "
                    f"{given or 'of its source'}"
                )
                return 0
            grade = Grade.parse(given) if given else None
            if args.sources_action == "grade":
                old = grades.set_source_grade(db, args.source, grade)
                what = args.source
            else:
                old = grades.set_outlet_grade(db, args.outlet, grade)
                what = f"outlet {args.outlet}"
            print(
                f"{what}: {old.label if old else 'ungraded'} -> "
                f"{grade.describe() if grade else 'ungraded'}"
            )
            return 0
        except (GradeError, EditRefused) as exc:
            print(f"sources: {exc}", file=sys.stderr)
            return 2
    finally:
        db.close()


def _add_proposals_parser(sub: argparse._SubParsersAction) -> None:
    """``proposals list|accept|reject``: decide on the events imports proposed."""
    cmd = sub.add_parser(
        "proposals",
        help="list, accept or reject the events proposed by imports and kept for review",
        description="An import keeps its proposed events until you decide. SOURCE is a stored "
        "source's file name (as `proposals list` shows it); N are the proposal numbers.",
    )
    action = cmd.add_subparsers(dest="proposals_action", required=True, metavar="ACTION")
    listing = action.add_parser("list", help="the proposals waiting, by source")
    listing.add_argument("source", nargs="?", metavar="SOURCE")
    for name, verb in (("accept", "make events of"), ("reject", "drop")):
        decide = action.add_parser(name, help=f"{verb} some or all of a source's proposals")
        decide.add_argument("source", metavar="SOURCE")
        which = decide.add_mutually_exclusive_group(required=True)
        which.add_argument("numbers", nargs="*", type=int, default=[], metavar="N")
        which.add_argument("--all", action="store_true", help="every proposal of SOURCE")


def _cmd_check(args: argparse.Namespace) -> int:
    from briefing_app.ingest.curated import ChronologyError, read_chronology
    from briefing_app.services.checks import database_problems

    try:
        chronology = read_chronology(RESOURCES_DIR, SEEDS_DIR)
    except ChronologyError as exc:
        print(f"check: {len(exc.problems)} problem(s) in the curated chronology:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    terms = _terms_problems(chronology)
    if terms:
        print(f"check: {len(terms)} problem(s) in the names files:", file=sys.stderr)
        for problem in terms:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    excerpts = sum(len(e.excerpts) for e in chronology.events)
    precisions: dict[str, int] = {}
    for e in chronology.events:
        key = e.when.start.precision.value
        precisions[key] = precisions.get(key, 0) + 1
    first = min(e.when.first_day for e in chronology.events)
    last = max(e.when.last_day for e in chronology.events)
    print(
        f"chronology: {len(chronology.sources)} sources, {len(chronology.events)} events, "
        f"{excerpts} excerpts, all quotes verbatim; names in 5 languages for every event"
    )
    print(
        f"  span {first.isoformat()} .. {last.isoformat()}; precision: "
        + ", ".join(f"{n} {p}" for p, n in sorted(precisions.items()))
    )
    if _db_exists(args.db):
        problems = database_problems(args.db)
        if problems:
            print(f"check: {len(problems)} problem(s) in {_db_name(args.db)}:", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        print(f"database {_db_name(args.db)}: every excerpt anchors verbatim in its source")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
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

    db = _open_to_read(args.db)
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

    db = _open_to_read(args.db)
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
    from briefing_app.export.images import write_png, write_svg

    if args.format == "png":
        size = write_png(selection, args.output, args.width or 2000)
    else:
        size = write_svg(selection, args.output, args.width or 1600)
    print(f"wrote {args.output}: {size.width()} x {size.height()} px", file=sys.stderr)


def _cmd_reload(args: argparse.Namespace) -> int:
    from briefing_app.services.library import open_library, reload_curated

    db = open_library(args.db)
    try:
        report = reload_curated(db)
    finally:
        db.close()
    print(
        f"reloaded: {report.events_added} events added, {report.events_updated} updated, "
        f"{report.events_deleted} removed, {report.events_retired} retired (kept for your notes)"
    )
    for note in report.notes:
        print(f"  - {note}")
    return 0


def _cmd_extract_dates(args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from briefing_app.ingest.dates import detect_language, extract_dates
    from briefing_app.ingest.furniture import find_furniture

    try:
        text = args.file.read_bytes().decode("utf-8")
    except FileNotFoundError:
        print(f"error: {args.file} does not exist", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"error: {args.file} is not UTF-8 text", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {args.file} cannot be read: {exc.strerror}", file=sys.stderr)
        return 2
    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError:
            print(f"error: --published {args.published!r} is not YYYY-MM-DD", file=sys.stderr)
            return 2
    # Captions carry real dates; navigation, paywalls and sidebars do not.
    skip = [(f.start, f.end) for f in find_furniture(text) if f.kind != "caption"]
    language = args.language or detect_language(text)
    mentions = extract_dates(text, published=published, language=language, skip_spans=skip)
    if args.format == "json":
        json.dump([m.to_json() for m in mentions], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for m in mentions:
            print(f"{m.date.iso():<10} {m.date.precision.value:<5} {m.start:>6}  {m.text}")
    return 0


def _cmd_annotations(args: argparse.Namespace) -> int:
    if args.notes_command == "add":
        return _add_note(args)
    from briefing_app.services.library import open_library
    from briefing_app.services.sharing import SharingError, import_file, write_export
    from briefing_app.storage.files import not_written

    db = open_library(args.db)
    try:
        if args.notes_command == "export":
            try:
                counts = write_export(db, args.output)
            except OSError as exc:
                print(f"annotations: {not_written(args.output, exc)}", file=sys.stderr)
                return 1
            from briefing_app.domain.wording import counted

            print(
                f"wrote {args.output}: {counted(counts['annotations'], 'note')}, "
                f"{counted(counts['events'], 'event')}, {counted(counts['excerpts'], 'excerpt')}, "
                f"{counted(counts['briefings'], 'briefing')}"
            )
            return 0
        try:
            report = import_file(db, args.file)
        except SharingError as exc:
            print(f"annotations: {args.file} was not imported: {exc}", file=sys.stderr)
            return 1
        print(f"imported {args.file}")
        for line in report.lines():
            print(f"  {line}")
        return 0
    finally:
        db.close()


def _cmd_import(args: argparse.Namespace) -> int:
    """Import each file; report per file; 1 if any failed, 2 for unusable options."""
    from briefing_app.domain.dates import DateFormatError, PartialDate
    from briefing_app.ingest.metadata import ArticleMetadata

    try:
        published = PartialDate.parse(args.published) if args.published else None
    except DateFormatError as exc:
        print(f"import: --published: {exc}", file=sys.stderr)
        return 2
    if args.format == "json" and not args.propose:
        print("import: --format json goes with --propose", file=sys.stderr)
        return 2
    overrides = ArticleMetadata(
        title=args.title or "", outlet=args.outlet or "", published=published, language=""
    )
    if args.replaces:
        if len(args.files) != 1:
            print("import: --replaces takes exactly one FILE", file=sys.stderr)
            return 2
        return _replace_source(args, args.files[0])
    if args.propose:
        return _propose(args, overrides)
    return _import_files(args, overrides)


def _known_events(path: Path | str) -> list:
    """The chronology's events for link suggestions, the database left byte for byte as it was.

    A missing (or not yet upgraded) database is stood in for by the shipped
    chronology, built in a temporary folder.
    """
    import tempfile

    from briefing_app.services.library import open_library
    from briefing_app.storage.database import Database, DatabaseError
    from briefing_app.storage.repository import list_events

    if _db_exists(path):
        try:
            db = Database.open(path, read_only=True)
        except DatabaseError as exc:
            print(
                f"import: {exc} Suggesting links to the shipped chronology only.", file=sys.stderr
            )
        else:
            try:
                return list_events(db)
            finally:
                db.close()
    with tempfile.TemporaryDirectory() as folder:
        db = open_library(Path(folder) / "shipped.sqlite")
        try:
            return list_events(db)
        finally:
            db.close()


def _propose(args: argparse.Namespace, overrides: object) -> int:
    """``import --propose``: what would be imported, printed; nothing saved anywhere."""
    import json

    from briefing_app.ingest.problems import ImportProblem
    from briefing_app.services import importer

    events = _known_events(args.db)
    failed = 0
    records = []
    for path in args.files:
        try:
            prepared = importer.prepare(path, overrides=overrides, events=events)
        except ImportProblem as exc:
            failed += 1
            print(f"import: {path}: {exc}", file=sys.stderr)
            continue
        if args.format == "json":
            records.append(_proposals_json(str(path), prepared))
        else:
            _print_import(str(path), prepared, saved=False)
    if args.format == "json":
        json.dump({"files": records}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0


def _review_hint(file: str, title: str, n: int, *, waiting: bool = False) -> str:
    events = f"{n} event{'s' if n != 1 else ''}"
    said = ("wait" if n != 1 else "waits") if waiting else "proposed"
    return (
        f"  {events} {said} for review: open the app and choose Review Proposals on “{title}”\n"
        f"  (or: {PROG} proposals list {file})"
    )


def _import_files(args: argparse.Namespace, overrides: object) -> int:
    from briefing_app.ingest.problems import ImportProblem
    from briefing_app.services import importer
    from briefing_app.services.library import open_library
    from briefing_app.services.pending import pending_counts
    from briefing_app.storage.repository import list_events

    db = open_library(args.db)
    failed = 0
    try:
        events = list_events(db)  # for link suggestions (titles and summaries), read once
        for path in args.files:
            try:
                prepared = importer.prepare(path, overrides=overrides, events=events)
                known = importer.find_imported(db, prepared.article.content_hash)
                if known is not None:
                    file, title = known
                    waiting = pending_counts(db).get(file, 0)
                    print(f"{path}: already imported as “{title}” ({file})")
                    if waiting and args.accept_all:
                        _decide(db, file, accept=True, numbers=None)
                        events = list_events(db)
                    elif waiting:
                        print(_review_hint(file, title, waiting, waiting=True))
                    else:
                        print("  no proposals wait for review; nothing was added")
                    continue
                if args.accept_all:
                    saved, report = importer.save_and_accept(db, prepared)
                    _print_import(saved.file, prepared, saved=True)
                    print(f"  accepted {len(report.created)} event(s) with their excerpts")
                    events = list_events(db)
                    continue
                saved = importer.save_source(db, prepared)
                _print_import(saved.file, prepared, saved=True)
                if saved.proposals:
                    print(_review_hint(saved.file, saved.title, len(saved.proposals)))
            except ImportProblem as exc:
                failed += 1
                print(f"import: {path}: {exc}", file=sys.stderr)
    finally:
        db.close()
    return 1 if failed else 0


def _cmd_proposals(args: argparse.Namespace) -> int:
    """``proposals list|accept|reject``: 2 for an unknown source or proposal number."""
    from briefing_app.ingest.problems import ImportProblem
    from briefing_app.services.library import open_library

    db = open_library(args.db)
    try:
        if args.proposals_action == "list":
            return _list_pending(db, args.source)
        numbers = None if args.all else list(args.numbers)
        try:
            return _decide(
                db, args.source, accept=args.proposals_action == "accept", numbers=numbers
            )
        except ImportProblem as exc:
            print(f"proposals: {exc}", file=sys.stderr)
            return 1
    finally:
        db.close()


def _list_pending(db: object, source: str | None) -> int:
    from briefing_app.services.pending import load_pending
    from briefing_app.storage.repository import get_source_text

    if source is not None and get_source_text(db, source) is None:
        print(f"proposals: there is no source {source!r}", file=sys.stderr)
        return 2
    review = load_pending(db, [source] if source else None)
    items = review.state.items
    if not items:
        print("No proposals wait for review." if source is None else f"{source}: none pending.")
        return 0
    by_file: dict[str, list] = {}
    for item in items:
        by_file.setdefault(item.spans[0].source_file, []).append(item)
    for file, rows in by_file.items():
        print(f"{file}: “{review.titles.get(file, file)}”, {len(rows)} pending")
        for n, item in enumerate(rows, start=1):
            link = f"  [same as {item.links[0].title}?]" if item.links else ""
            print(f"  {n:>3}. {item.when.label():<20} {item.lane.value:<8} {item.title}{link}")
    return 0


def _decide(db: object, source: str, *, accept: bool, numbers: list[int] | None) -> int:
    """Accept or reject proposals ``numbers`` (1-based; all when None) of ``source``."""
    from briefing_app.services import importer
    from briefing_app.services.pending import keep_pending, load_pending
    from briefing_app.storage.repository import get_source_text

    if get_source_text(db, source) is None:
        print(f"proposals: there is no source {source!r}", file=sys.stderr)
        return 2
    review = load_pending(db, [source])
    items = review.state.items
    chosen = range(1, len(items) + 1) if numbers is None else numbers
    bad = [n for n in chosen if not 1 <= n <= len(items)]
    if bad:
        print(
            f"proposals: {source} has {len(items)} pending; no proposal {bad[0]}", file=sys.stderr
        )
        return 2
    picked = [items[n - 1] for n in dict.fromkeys(chosen)]
    rest = [it for it in items if it not in picked]
    if accept:
        report = importer.accept(
            db, picked, review.urls, pending_files=review.files, remaining=rest
        )
        print(
            f"{source}: accepted {len(picked)} proposal(s): {len(report.created)} new event(s), "
            f"{len(report.linked)} added to existing ones; {len(rest)} still pending"
        )
    else:
        keep_pending(db, review.files, rest)
        print(f"{source}: rejected {len(picked)} proposal(s); {len(rest)} still pending")
    return 0


def _proposals_json(name: str, prepared: PreparedImport) -> dict:
    """One file's proposals in the shape ``import --propose --format json`` promises."""
    published = prepared.metadata.published
    return {
        "file": name,
        "published": published.iso() if published else None,
        "proposals": [
            {
                "title": p.title,
                "start": p.when.start.iso(),
                "end": p.when.end.iso() if p.when.end else None,
                "precision": p.when.precision.value,
                "lane": p.lane.value,
                "same_as": p.same_as,
                "excerpts": [{"start": x.start, "end": x.end, "text": x.text} for x in p.passages],
                "links": [
                    {"event": s.event_id, "title": s.title, "when": s.when, "reason": s.reason}
                    for s in p.links
                ],
            }
            for p in prepared.proposals
        ],
    }


def _replace_source(args: argparse.Namespace, path: Path) -> int:
    from briefing_app.ingest.problems import ImportProblem
    from briefing_app.ingest.readers import read_article
    from briefing_app.services.library import open_library
    from briefing_app.services.source_revision import SourceNotFound, revise_source

    try:
        article = read_article(path)
    except ImportProblem as exc:
        print(f"import: {path}: {exc}", file=sys.stderr)
        return 1
    db = open_library(args.db)
    try:
        report = revise_source(
            db,
            args.replaces,
            article.text,
            furniture=[(f.start, f.end, f.kind) for f in article.furniture],
            body=(article.body_start, article.body_end),
        )
    except SourceNotFound as exc:
        print(f"import: --replaces: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    print(
        f"{args.replaces}: text replaced from {path}; {report.total} excerpt(s): "
        f"{report.exact} found as they were, {report.fuzzy} re-anchored on a close match, "
        f"{len(report.flagged)} flagged for you to check"
    )
    for event_id, quote, reason in report.flagged:
        print(f"  - event {event_id}: “{quote[:70]}” — {reason}")
    return 0


def _print_import(name: str, prepared: PreparedImport, *, saved: bool) -> None:
    article, meta = prepared.article, prepared.metadata
    when = meta.published.label() if meta.published else "date unknown"
    verb = "imported" if saved else "would import"
    print(f"{verb} {name}: “{meta.title}” ({meta.outlet or 'outlet unknown'}, {when})")
    print(
        f"  {article.format}; body {article.body_end - article.body_start:,} characters; "
        f"{len(article.furniture)} furniture span(s); {len(prepared.mentions)} date(s) found; "
        f"{len(prepared.proposals)} event(s) proposed"
    )
    for note in article.notes:
        print(f"  note: {note}")
    for p in prepared.proposals:
        print(f"  {p.when.label():<20} {p.lane.value:<8} {p.title}")
        for s in p.links[:1]:
            verb = "same as" if s.event_id == p.same_as else "perhaps"
            print(f"  {'':<20} {'':<8} {verb}: “{s.title}” ({s.when}; {s.reason})")


def _cmd_bench(args: argparse.Namespace) -> int:
    import json

    if args.make_db is not None:
        return _make_bench_db(args)

    from briefing_app.bench.run import DEFAULT_SIZES, print_report, run_bench

    results = run_bench(
        args.events or DEFAULT_SIZES,
        cold_runs=max(1, args.runs),
        with_reference=not args.no_reference,
        progress=lambda msg: print(msg, file=sys.stderr, flush=True),
    )
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_report(results)
    return 0


def _make_bench_db(args: argparse.Namespace) -> int:
    from briefing_app.bench.synthetic_db import TargetExists, make_database

    if args.output is None or args.make_db < 1:
        print("error: --make-db N needs N ≥ 1 and -o FILE", file=sys.stderr)
        return 2
    n = args.make_db
    try:
        report = make_database(
            args.output,
            n,
            progress=lambda done: print(f"{done:,} of {n:,} events", file=sys.stderr, flush=True),
        )
    except TargetExists as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: could not write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(
        f"{args.output}: {report.events:,} events, {report.excerpts:,} excerpts, "
        f"{report.annotations:,} notes, {report.sources} sources in {report.seconds:.1f} s "
        f"({report.rows_per_second:,.0f} rows/s)"
    )
    return 0


def _cmd_team_load(args: argparse.Namespace) -> int:
    """``team-load``: concurrent note edits on a server, every one accounted for."""
    from briefing_app.bench.team_load import run_team_load
    from briefing_app.storage.server import is_database_url

    if not is_database_url(args.db):
        print(
            "team-load: --db must be a team database URL (a file has one writer)", file=sys.stderr
        )
        return 2
    report = run_team_load(
        args.db,
        writers=max(1, args.writers),
        edits=max(1, args.edits),
        shared_notes=max(1, args.notes),
        progress=lambda msg: print(msg, file=sys.stderr, flush=True),
    )
    for line in report.lines():
        print(line)
    for problem in report.problems[:20]:
        print(f"  - {problem}", file=sys.stderr)
    return 1 if report.problems else 0


def _cmd_search(args: argparse.Namespace) -> int:
    """``search QUERY``: the search box's hits, on a file or a team database."""
    import json

    from briefing_app.storage.search import MARK_END, MARK_START, search_outcome

    db = _open_to_read(args.db)
    try:
        outcome = search_outcome(db, " ".join(args.query), limit=max(1, args.limit))
    finally:
        db.close()
    if args.format == "json":
        hits = [
            {
                "event": h.event_id,
                "kind": h.kind,
                "snippet": h.snippet.replace(MARK_START, "[").replace(MARK_END, "]"),
                "rank": h.rank,
            }
            for h in outcome.hits
        ]
        doc = {"matches": outcome.matches, "ranked": outcome.ranked, "hits": hits}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for h in outcome.hits:
        snippet = " ".join(h.snippet.replace(MARK_START, "[").replace(MARK_END, "]").split())
        print(f"{h.event_id}\t{h.kind}\t{snippet}")
    if not outcome.ranked:
        print(f"({outcome.matches} matches: too many to rank, newest first)", file=sys.stderr)
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from briefing_app.ui.app import run_gui

    return run_gui(args.db)


def _open_to_read(db_path: Path | str) -> Database:
    """For commands that only read: a file that cannot be written is read, not refused."""
    from briefing_app.services.library import open_library
    from briefing_app.storage.database import Database, ReadOnlyDatabaseError

    try:
        return open_library(db_path)
    except ReadOnlyDatabaseError:
        return Database.open(db_path, read_only=True)


_WRITING = {"reload", "import", "proposals", "annotations"}
"""Commands that write to the database (``import --propose`` and ``annotations export`` do not)."""


def _writes(args: argparse.Namespace) -> bool:
    if args.command not in _WRITING:
        return False
    if args.command == "import":
        return not args.propose
    if args.command == "proposals":
        return args.proposals_action != "list"
    if args.command == "annotations":
        return args.notes_command != "export"
    return True


def _window_lock(args: argparse.Namespace) -> QLockFile | None:
    """The window's lock on the file, held for a writing command (None: nothing to lock).

    A window of the app holding the file is said in words, before anything is written.
    """
    if not _writes(args) or not isinstance(args.db, Path) or not args.db.exists():
        return None
    from briefing_app.storage.database import DatabaseError
    from briefing_app.ui.app import lock_for

    lock = lock_for(args.db)
    if not lock.tryLock(0):
        raise DatabaseError(
            f"{args.db} is open in a window of the app, so nothing was written. "
            "Close the window and run the command again."
        )
    return lock


def _sound_backup_hint(db: object) -> str:
    """Where the newest backup that reads back whole is, for a damaged file's message."""
    if not isinstance(db, Path):
        return ""
    from briefing_app.services.backups import newest_sound_backup

    try:
        backup = newest_sound_backup(db)
    except OSError:
        return ""
    if backup is None:
        return " There is no sound backup of it."
    return f" The newest sound backup is from {backup.label}: {backup.path}"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Imported after parsing: --help and argument errors need neither SQLAlchemy nor the models.
    from briefing_app.ingest.curated import ChronologyError
    from briefing_app.storage.database import DamagedDatabaseError, DatabaseError

    if args.db is None:
        args.db = default_db()
        args.db.parent.mkdir(parents=True, exist_ok=True)  # the data folder, on first start
    handlers = {
        None: _cmd_gui,
        "gui": _cmd_gui,
        "check": _cmd_check,
        "export": _cmd_export,
        "reload": _cmd_reload,
        "search": _cmd_search,
        "team-load": _cmd_team_load,
        "extract-dates": _cmd_extract_dates,
        "bench": _cmd_bench,
        "import": _cmd_import,
        "proposals": _cmd_proposals,
        "annotations": _cmd_annotations,
        "sources": _cmd_sources,
    }
    lock = None
    try:
        lock = _window_lock(args)
        return handlers[args.command](args)
    except DamagedDatabaseError as exc:
        print(f"error: {exc}{_sound_backup_hint(args.db)}", file=sys.stderr)
        return 2
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ChronologyError as exc:
        print("error: the curated chronology has problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        if lock is not None:
            lock.unlock()
