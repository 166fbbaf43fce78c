"""briefings and changes: hand-overs of a briefing, and what changed since the last one."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from briefing_app.cli.shared import open_to_read, window_holds

if TYPE_CHECKING:
    from briefing_app.storage.database import Database


def add_briefings_parser(sub: argparse._SubParsersAction) -> None:
    """``briefings list|deliver|history``."""
    cmd = sub.add_parser(
        "briefings",
        help="list the briefings; mark one as delivered; when each was handed on",
        description="A briefing is handed on when it is exported as PDF or Word with "
        "--briefing, or marked delivered here or with File › Mark Briefing as Delivered. "
        "Each hand-over keeps what the briefing rested on, so that `changes "
        "--since-briefing NAME` can say what changed since.",
    )
    action = cmd.add_subparsers(dest="briefings_action", required=True, metavar="ACTION")
    action.add_parser("list", help="every briefing: name, points, when last handed on")
    deliver = action.add_parser("deliver", help="mark a briefing as delivered now")
    deliver.add_argument("name", metavar="NAME", help="the briefing's name (any case)")
    history = action.add_parser("history", help="every hand-over of one briefing")
    history.add_argument("name", metavar="NAME")


def add_changes_parser(sub: argparse._SubParsersAction) -> None:
    """``changes --since-briefing NAME``."""
    cmd = sub.add_parser(
        "changes",
        help="what changed since a briefing was last handed on",
        description="Lists, for the briefing's period and the events it cites, events "
        "added, dates and grades changed, quotations that no longer match their "
        "article, notes edited and points whose support changed.",
    )
    cmd.add_argument(
        "--since-briefing", required=True, metavar="NAME", help="the briefing's name (any case)"
    )
    cmd.add_argument("--format", choices=("text", "json"), default="text")


def _last_handed(db: Database) -> dict[str, str]:
    from briefing_app.services.briefings import list_briefings
    from briefing_app.services.deliveries import deliveries_of

    last: dict[str, str] = {}
    for b in list_briefings(db):
        done = deliveries_of(db, b.name)
        last[b.uid] = done[-1].describe() if done else "never handed on"
    return last


def cmd_briefings(args: argparse.Namespace) -> int:
    """``briefings ...``: 2 for an unknown briefing."""
    from briefing_app.services.briefings import list_briefings
    from briefing_app.services.deliveries import deliveries_of, mark_delivered
    from briefing_app.services.library import open_library
    from briefing_app.services.lookup import EditRefused

    db = open_to_read(args.db) if args.briefings_action != "deliver" else open_library(args.db)
    try:
        if args.briefings_action == "list":
            last = _last_handed(db)
            found = list_briefings(db)
            for b in found:
                n = len(b.points)
                print(f"{b.name}  ·  {n} point{'' if n == 1 else 's'}  ·  {last[b.uid]}")
            if not found:
                print("no briefings yet (the Briefing panel, Ctrl+5, makes one)")
            return 0
        if args.briefings_action == "deliver":
            done = mark_delivered(db, args.name)
            print(f"{done.briefing_name}: {done.describe()} ({done.counts()} kept as handed on)")
            return 0
        for d in deliveries_of(db, args.name):
            print(f"{d.describe()}  ·  {d.counts()}")
        return 0
    except EditRefused as exc:
        print(f"briefings: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()


def cmd_changes(args: argparse.Namespace) -> int:
    """``changes --since-briefing NAME``: 2 for an unknown or never handed-on briefing."""
    from briefing_app.services.deliveries import changes_since
    from briefing_app.services.lookup import EditRefused

    db = open_to_read(args.db)
    try:
        since = changes_since(db, args.since_briefing)
    except EditRefused as exc:
        print(f"changes: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    d = since.delivery
    if args.format == "json":
        json.dump(
            {
                "briefing": d.briefing_name,
                "delivered_at": d.delivered_at.isoformat(timespec="seconds") + "Z",
                "delivered_by": d.delivered_by,
                "how": d.how,
                "changes": [c.to_json() for c in since.changes],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    print(f"{d.briefing_name}: {d.describe()}")
    if not since.changes:
        print("nothing has changed since")
        return 0
    count = len(since.changes)
    print(f"{count} change{'s' if count != 1 else ''} since:")
    for c in since.changes:
        print(f"  - {c.text}")
    return 0


def record_handover(args: argparse.Namespace, briefing_uid: str, how: str) -> None:
    """After ``export --briefing``: keep what the document rested on, or say why not."""
    from briefing_app.services.deliveries import record_delivery
    from briefing_app.services.library import open_library
    from briefing_app.storage.database import DatabaseError, ReadOnlyDatabaseError

    if window_holds(args.db):
        print(
            "export: not recorded as handed on: the database is open in a window of the app "
            "(use File › Mark Briefing as Delivered there)",
            file=sys.stderr,
        )
        return
    try:
        db = open_library(args.db)
    except ReadOnlyDatabaseError:
        print("export: not recorded as handed on: the database is read-only", file=sys.stderr)
        return
    except DatabaseError as exc:
        print(f"export: not recorded as handed on: {exc}", file=sys.stderr)
        return
    try:
        done = record_delivery(db, briefing_uid, how)
        print(f"{done.briefing_name}: {done.describe()}", file=sys.stderr)
    finally:
        db.close()
