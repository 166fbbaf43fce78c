"""The command line: the GUI with no subcommand, tools with one.

python main.py [--db PATH]               open the app
python main.py [--db PATH] check         validate the chronology and sources
python main.py [--db PATH] export --format json [-o FILE]
python main.py [--db PATH] reload        re-load resources/ (user data untouched)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing_app.paths import DEFAULT_DB, RESOURCES_DIR, SEEDS_DIR

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="A chronology of European defence for briefers: run with no "
        "subcommand to open the app.",
    )
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DB, help=f"database file (default: {DEFAULT_DB.name})"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", help="open the app (the default)")
    sub.add_parser("check", help="validate the curated chronology and the sources")
    sub.add_parser("reload", help="re-load the curated chronology from resources/")
    export = sub.add_parser("export", help="write the chronology in another format")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    return parser


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
    excerpts = sum(len(e.excerpts) for e in chronology.events)
    precisions: dict[str, int] = {}
    for e in chronology.events:
        key = e.when.start.precision.value
        precisions[key] = precisions.get(key, 0) + 1
    first = min(e.when.first_day for e in chronology.events)
    last = max(e.when.last_day for e in chronology.events)
    print(
        f"chronology: {len(chronology.sources)} sources, {len(chronology.events)} events, "
        f"{excerpts} excerpts, all quotes verbatim"
    )
    print(
        f"  span {first.isoformat()} .. {last.isoformat()}; precision: "
        + ", ".join(f"{n} {p}" for p, n in sorted(precisions.items()))
    )
    if args.db.exists():
        problems = database_problems(args.db)
        if problems:
            print(f"check: {len(problems)} problem(s) in {args.db}:", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        print(f"database {args.db.name}: every excerpt anchors verbatim in its source")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from briefing_app.export.json_export import write_chronology_json
    from briefing_app.services.library import open_library

    db = open_library(args.db)
    try:
        if args.output is None:
            write_chronology_json(db, sys.stdout)
        else:
            with args.output.open("w", encoding="utf-8") as fh:
                write_chronology_json(db, fh)
            print(f"wrote {args.output}", file=sys.stderr)
    finally:
        db.close()
    return 0


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


def _cmd_gui(args: argparse.Namespace) -> int:
    from briefing_app.ui.app import run_gui

    return run_gui(args.db)


def main(argv: Sequence[str] | None = None) -> int:
    from briefing_app.ingest.curated import ChronologyError
    from briefing_app.storage.database import DatabaseError

    args = build_parser().parse_args(argv)
    handlers = {
        None: _cmd_gui,
        "gui": _cmd_gui,
        "check": _cmd_check,
        "export": _cmd_export,
        "reload": _cmd_reload,
    }
    try:
        return handlers[args.command](args)
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
