"""gui, check, reload, search, extract-dates: opening, checking and reading the chronology."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.shared import db_exists, db_name, open_to_read
from briefing_app.paths import RESOURCES_DIR, SEEDS_DIR

if TYPE_CHECKING:
    from briefing_app.ingest.curated import Chronology


def add_gui_parser(sub: argparse._SubParsersAction) -> None:
    """``gui``: the app, as with no command."""
    sub.add_parser("gui", help="open the app (the default)")


def add_check_parser(sub: argparse._SubParsersAction) -> None:
    """``check``: the curated chronology, the names files and the database."""
    sub.add_parser("check", help="validate the curated chronology and the sources")


def add_reload_parser(sub: argparse._SubParsersAction) -> None:
    """``reload``: the shipped chronology again, the user's work untouched."""
    sub.add_parser("reload", help="re-load the curated chronology from resources/")


def add_search_parser(sub: argparse._SubParsersAction) -> None:
    """``search QUERY``: the search box's hits."""
    find = sub.add_parser(
        "search",
        help="full-text search over events, excerpts, notes and the articles' text (best first)",
        description='Search as the app\'s search box does: "quoted phrases", OR, -word '
        "to exclude, the last word as a prefix. One hit a line: event id, kind, snippet.",
    )
    find.add_argument("query", nargs="+", metavar="QUERY")
    find.add_argument("--format", choices=["text", "json"], default="text")
    find.add_argument("--limit", type=int, default=50, help="at most this many hits (50)")


def add_extract_dates_parser(sub: argparse._SubParsersAction) -> None:
    """``extract-dates FILE``: every date an article mentions."""
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


def cmd_gui(args: argparse.Namespace) -> int:
    from briefing_app.ui.app import run_gui

    return run_gui(args.db)


def cmd_check(args: argparse.Namespace) -> int:
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
    if db_exists(args.db):
        problems = database_problems(args.db)
        if problems:
            print(f"check: {len(problems)} problem(s) in {db_name(args.db)}:", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        print(f"database {db_name(args.db)}: every excerpt anchors verbatim in its source")
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


def cmd_reload(args: argparse.Namespace) -> int:
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


def cmd_search(args: argparse.Namespace) -> int:
    """``search QUERY``: the search box's hits (events, then articles' passages), on a file
    or a team database; with none, the close matches the window would offer."""
    import json

    from briefing_app.storage.article_search import search_articles
    from briefing_app.storage.search import MARK_END, MARK_START, search_outcome
    from briefing_app.storage.search_suggest import close_queries

    query = " ".join(args.query)
    db = open_to_read(args.db)
    try:
        outcome = search_outcome(db, query, limit=max(1, args.limit))
        articles = search_articles(db, query, limit=max(1, args.limit))
        close = [] if outcome.hits or articles else close_queries(db, query)
    finally:
        db.close()

    def plain(snippet: str) -> str:
        return " ".join(snippet.replace(MARK_START, "[").replace(MARK_END, "]").split())

    if args.format == "json":
        hits = [
            {"event": h.event_id, "kind": h.kind, "snippet": plain(h.snippet), "rank": h.rank}
            for h in outcome.hits
        ]
        passages = [
            {
                "source": a.source_file,
                "title": a.title,
                "places": [list(span) for span in a.spans],
                "snippet": plain(a.snippet),
            }
            for a in articles
        ]
        doc = {
            "matches": outcome.matches,
            "ranked": outcome.ranked,
            "hits": hits,
            "articles": passages,
            "close_matches": close,
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for h in outcome.hits:
        print(f"{h.event_id}\t{h.kind}\t{plain(h.snippet)}")
    for a in articles:
        print(f"{a.source_file}\tarticle\t{plain(a.snippet)}")
    if not outcome.ranked:
        print(f"({outcome.matches} matches: too many to rank, newest first)", file=sys.stderr)
    if close:
        print(f"(no match; close: {', '.join(close)})", file=sys.stderr)
    return 0


def cmd_extract_dates(args: argparse.Namespace) -> int:
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
