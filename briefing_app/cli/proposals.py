"""proposals: the events imports proposed, listed, accepted or rejected."""

from __future__ import annotations

import argparse
import sys


def add_proposals_parser(sub: argparse._SubParsersAction) -> None:
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


def cmd_proposals(args: argparse.Namespace) -> int:
    """``proposals list|accept|reject``: 2 for an unknown source or proposal number."""
    from briefing_app.ingest.problems import ImportProblem
    from briefing_app.services.library import open_library

    db = open_library(args.db)
    try:
        if args.proposals_action == "list":
            return _list_pending(db, args.source)
        numbers = None if args.all else list(args.numbers)
        try:
            return decide(
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


def decide(db: object, source: str, *, accept: bool, numbers: list[int] | None) -> int:
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
