"""annotations: the user's work carried between laptops, and a note written from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_annotations_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    from briefing_app.services.annotations import create_annotation, hashtags, normalise_tags
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
            tags=normalise_tags((*(args.tag or ()), *hashtags(args.text))),
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


def cmd_annotations(args: argparse.Namespace) -> int:
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
