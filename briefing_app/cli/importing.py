"""import: articles read, their dates proposed as events, saved for review or accepted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.proposals import decide
from briefing_app.cli.shared import PROG, db_exists

if TYPE_CHECKING:
    from briefing_app.services.importer import PreparedImport


def add_import_parser(sub: argparse._SubParsersAction) -> None:
    """``import FILE...``: the files and what to do with their proposals."""
    imports = sub.add_parser(
        "import",
        help="import articles (text, Markdown, saved web pages, PDF) or calendars (.ics) "
        "and propose events",
        description="Import each FILE as a source: its text kept verbatim, page furniture "
        "marked, metadata read from the document, every date found and proposed as an event "
        "(a calendar: each entry at its own dates). "
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


def cmd_import(args: argparse.Namespace) -> int:
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

    if db_exists(path):
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
                        decide(db, file, accept=True, numbers=None)
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
    from briefing_app.domain.model import outlet_named

    article, meta = prepared.article, prepared.metadata
    when = meta.published.label() if meta.published else "date unknown"
    verb = "imported" if saved else "would import"
    outlet = outlet_named(meta.outlet, meta.title, meta.url) or "outlet unknown"
    print(f"{verb} {name}: “{meta.title}” ({outlet}, {when})")
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
