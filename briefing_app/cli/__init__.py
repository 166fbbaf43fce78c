"""The command line: the GUI with no subcommand, tools with one.

python main.py [--db PATH|URL]           open the app (a file, or a team database on a server)
python main.py [--db PATH] check         validate the chronology and sources
python main.py [--db PATH] export --format json|pdf|png|svg|timelinejs|csv|xlsx|ics|docx [-o FILE]
python main.py [--db PATH] reload        re-load resources/ (user data untouched)
python main.py [--db PATH] search QUERY [--format json]   full-text search
python main.py [--db PATH] annotations export -o FILE | import FILE | add EVENT_ID --text TEXT
python main.py [--db PATH] changes --since-briefing NAME   what changed since it was handed on

Each command group parses and runs in a module of its own (chronology, importing,
proposals, notes, sources, briefings, export, benchmarks); here are the top-level parser, the
dispatch and what every command shares: the window's lock and the damaged-file hint.
No module imports SQLAlchemy, Qt or dateparser at load, so ``--help`` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli import (
    benchmarks,
    briefings,
    chronology,
    export,
    importing,
    notes,
    proposals,
    sources,
)
from briefing_app.cli.shared import PROG, db_target
from briefing_app.paths import DB_NAME, default_db

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

__all__ = ["PROG", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A chronology of European defence for briefers: run with no "
        "subcommand to open the app.",
    )
    parser.add_argument(
        "--db",
        type=db_target,
        metavar="PATH|URL",
        help=f"database file (default: {DB_NAME} beside the project when run from source, "
        "else in your data folder), or a team database on a PostgreSQL server: "
        "postgresql+psycopg://USER@HOST[:PORT]/DATABASE",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chronology.add_gui_parser(sub)
    chronology.add_check_parser(sub)
    chronology.add_reload_parser(sub)
    benchmarks.add_team_load_parser(sub)
    chronology.add_search_parser(sub)
    benchmarks.add_bench_parser(sub)
    importing.add_import_parser(sub)
    chronology.add_extract_dates_parser(sub)
    export.add_export_parser(sub)
    notes.add_annotations_parser(sub)
    proposals.add_proposals_parser(sub)
    sources.add_sources_parser(sub)
    briefings.add_briefings_parser(sub)
    briefings.add_changes_parser(sub)
    return parser


_WRITING = {"reload", "import", "proposals", "annotations", "briefings"}
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
    if args.command == "briefings":
        return args.briefings_action == "deliver"
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


def _damage_found(db: object) -> str | None:
    """What is damaged in the file ``db``, read whole; None when sound (or not a file)."""
    if not isinstance(db, Path) or not db.exists():
        return None
    import sqlite3

    from briefing_app.services.backups import damage_in

    try:
        return damage_in(db)
    except (OSError, sqlite3.Error):
        return None


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
        None: chronology.cmd_gui,
        "gui": chronology.cmd_gui,
        "check": chronology.cmd_check,
        "export": export.cmd_export,
        "reload": chronology.cmd_reload,
        "search": chronology.cmd_search,
        "team-load": benchmarks.cmd_team_load,
        "extract-dates": chronology.cmd_extract_dates,
        "bench": benchmarks.cmd_bench,
        "import": importing.cmd_import,
        "proposals": proposals.cmd_proposals,
        "annotations": notes.cmd_annotations,
        "sources": sources.cmd_sources,
        "briefings": briefings.cmd_briefings,
        "changes": briefings.cmd_changes,
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
    except Exception as exc:
        from briefing_app.storage.errors import StoredValueError, damage_behind, damage_error

        behind = damage_behind(exc)  # damage met where no read expected it is damage still
        if behind is None:
            found = _damage_found(args.db)  # a value that read, but as nonsense
            if found is None:
                raise
            behind = StoredValueError(found)
        name = args.db if isinstance(args.db, Path) else "the team database"
        print(f"error: {damage_error(name, behind)}{_sound_backup_hint(args.db)}", file=sys.stderr)
        return 2
    finally:
        if lock is not None:
            lock.unlock()
