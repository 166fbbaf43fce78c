"""sources: the stored sources and their Admiralty grades."""

from __future__ import annotations

import argparse
import sys


def add_sources_parser(sub: argparse._SubParsersAction) -> None:
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


def cmd_sources(args: argparse.Namespace) -> int:
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
                before = grades.set_excerpt_credibility(db, args.excerpt, given).before
                print(
                    f"{args.excerpt}: credibility {before or 'of its source'} -> "
                    f"{given or 'of its source'}"
                )
                return 0
            grade = Grade.parse(given) if given else None
            if args.sources_action == "grade":
                old = grades.set_source_grade(db, args.source, grade).before
                what = args.source
            else:
                old = grades.set_outlet_grade(db, args.outlet, grade).before
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
