"""bench, team-load: figures of speed and memory, and of many writers on a team database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_bench_parser(sub: argparse._SubParsersAction) -> None:
    """``bench``: the sizes, the runs and the output."""
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


def add_team_load_parser(sub: argparse._SubParsersAction) -> None:
    """``team-load``: how many writers, edits and notes."""
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


def cmd_bench(args: argparse.Namespace) -> int:
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


def cmd_team_load(args: argparse.Namespace) -> int:
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
