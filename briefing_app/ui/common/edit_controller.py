"""Every edit of the user's work goes through here, as a command on one undo stack.

Widgets ask the controller for an edit; it runs the service inside an undo
command and announces what changed, so the timeline, the event panel and the
briefing panel refresh themselves. Nothing here holds a database session.

Signals:
    chronologyChanged(ChronologyChange): what an edit, undo or redo changed: the
        events it touched (data, excerpts, hidden, deleted) and those whose notes
        changed (their badges and tags may differ).
    briefingChanged(str): this briefing was created, edited or deleted.
    failed(str): an edit, an undo or a redo could not be saved; the text says why.
    conflicted(str): a save met a newer version by someone else; both are kept (the text
        says whose and where).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefing_app.domain.briefing import BriefingSnapshot
from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.grading import Grade
from briefing_app.services import annotations as notes
from briefing_app.services import briefings, grades, user_events
from briefing_app.services.annotations import AnnotationSnapshot
from briefing_app.services.lookup import EditRefused, new_uid
from briefing_app.services.user_events import EventDraft, EventSnapshot, ExcerptSnapshot
from briefing_app.storage.database import Database
from briefing_app.ui.common.undo_commands import Change, MergeId, SnapshotCommand

__all__ = ["EditConflict", "EditController", "EditFailed"]

S = TypeVar("S")


class EditFailed(Exception):
    """An edit was not saved; the message is meant for the user."""


class EditConflict(EditFailed):
    """The note had been changed by someone else: theirs stays, the user's is kept beside it."""

    def __init__(self, message: str, theirs: AnnotationSnapshot, mine: AnnotationSnapshot) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.mine = mine


def _short(text: str, n: int = 24) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


class EditController(QObject):
    chronologyChanged = Signal(object)
    briefingChanged = Signal(str)
    failed = Signal(str)
    conflicted = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")

    @property
    def read_only(self) -> bool:
        """A database opened read-only (another window has it, or the file is locked)."""
        return bool(getattr(self.db, "read_only", False))

    # -- plumbing ----------------------------------------------------------------------
    def _push(self, command: SnapshotCommand[Any]) -> Any:
        """Run ``command`` through the stack; raise EditFailed when the edit did not happen."""
        if self.read_only:
            raise EditFailed("this database is open read-only")
        outcome = command.outcome
        self.stack.push(command)
        if outcome.error is not None:
            raise EditFailed(outcome.error)
        return outcome.value

    def _try(self, command: SnapshotCommand[Any]) -> Any:
        """``_push`` for edits whose failure the window reports (returns None then)."""
        try:
            return self._push(command)
        except EditFailed as exc:
            self.failed.emit(f"{command.text()}: {exc}")
            return None

    def _report(self, message: str) -> None:
        self.failed.emit(message)

    def show_remote_changes(
        self, *, notes_of: list[str], events: list[str], briefings: list[str]
    ) -> None:
        """Another client changed these: announce them as this client's own edits are,
        so every view refreshes just them (nothing goes on the undo stack)."""
        if notes_of or events:
            self.chronologyChanged.emit(
                ChronologyChange(changed=frozenset(events), notes=frozenset(notes_of))
            )
        for uid in briefings:
            self.briefingChanged.emit(uid)

    # -- notes -----------------------------------------------------------------------------
    def _note_apply(self, uid: str, snap: AnnotationSnapshot | None) -> None:
        if snap is None:
            notes.remove_annotation(self.db, uid)
        else:
            notes.restore_annotation(self.db, snap)

    def _note_changed(self, _uid: str, change: Change[AnnotationSnapshot]) -> None:
        events = {s.event_id for s in (change.before, change.after) if s is not None}
        self.chronologyChanged.emit(ChronologyChange.of_notes(events))

    def _note_command(
        self,
        text: str,
        uid: str,
        perform: Callable[[], Change[AnnotationSnapshot]],
        merge_id: int = MergeId.NONE,
    ) -> SnapshotCommand[AnnotationSnapshot]:
        return SnapshotCommand(
            text,
            uid,
            perform,
            self._note_apply,
            self._note_changed,
            self._report,
            merge_id=merge_id,
            key_of=lambda s: s.uid,
            guard=lambda uid, left: notes.check_unchanged(self.db, uid, left),
        )

    def add_annotation(
        self,
        *,
        event_id: str | None = None,
        excerpt_uid: str | None = None,
        body: str = "",
        tags: Iterable[str] = (),
        talking_point: bool = False,
    ) -> AnnotationSnapshot:
        """A new note: its own undo step, apart from what is then typed into it."""

        def perform() -> Change[AnnotationSnapshot]:
            made = notes.create_annotation(
                self.db,
                event_id=event_id,
                excerpt_uid=excerpt_uid,
                body=body,
                tags=tuple(tags),
                talking_point=talking_point,
            )
            return Change(None, made)

        text = "Add note" if excerpt_uid is None else "Add note on excerpt"
        return self._push(self._note_command(text, "", perform))

    def save_annotation(
        self,
        before: AnnotationSnapshot,
        *,
        body: str | None = None,
        tags: Iterable[str] | None = None,
        talking_point: bool | None = None,
    ) -> AnnotationSnapshot:
        """Store what the editor shows; raises EditFailed with the reason when it cannot.

        The editor saves after each pause in typing, so each save is one undo step:
        Undo takes back the last burst of typing, as in a text editor, not the whole note.
        """
        new_tags = notes.normalise_tags(tags) if tags is not None else None
        body_only = new_tags in (None, before.tags) and talking_point in (
            None,
            before.talking_point,
        )
        if body_only:
            text, merge = "Edit note", MergeId.NONE
        elif talking_point is not None and talking_point != before.talking_point:
            text = "Mark as talking point" if talking_point else "Unmark talking point"
            merge = MergeId.NONE
        else:
            text, merge = "Edit tags", MergeId.NONE

        stale: list[notes.StaleEdit] = []

        def perform() -> Change[AnnotationSnapshot]:
            try:
                after = notes.update_annotation(
                    self.db,
                    before.uid,
                    body=body,
                    tags=new_tags,
                    talking_point=talking_point,
                    expected_version=before.version,
                )
            except notes.StaleEdit as exc:
                # Someone else saved this note meanwhile: theirs stays as it is, this
                # version becomes a note of its own beside it (undo removes only that).
                stale.append(exc)
                mine = notes.keep_beside(
                    self.db,
                    exc.current,
                    body=before.body if body is None else body,
                    tags=before.tags if new_tags is None else new_tags,
                    talking_point=before.talking_point if talking_point is None else talking_point,
                )
                return Change(None, mine)
            return Change(before, after)

        saved = self._push(self._note_command(text, before.uid, perform, merge))
        if stale:
            theirs = stale[0].current
            who = theirs.updated_by or "someone else"
            message = (
                f"{who} changed this note while you were editing it. Both versions are "
                "kept, side by side: theirs as it is, yours as a note of its own marked "
                "as a conflicting version. Delete the one you do not want."
            )
            self.conflicted.emit(message)
            raise EditConflict(message, theirs, saved)
        return saved

    def delete_annotation(self, uid: str) -> bool:
        def perform() -> Change[AnnotationSnapshot]:
            return Change(notes.delete_annotation(self.db, uid), None)

        return self._try(self._note_command("Delete note", uid, perform)) is not None

    # -- events and excerpts -----------------------------------------------------------------
    def _event_changed(self, key: str, change: Change[Any]) -> None:
        self.chronologyChanged.emit(ChronologyChange.of_events([key]))
        # Deleting or restoring a cited event or excerpt changes the briefings citing it.
        points = {
            record.point_uid
            for snap in (change.before, change.after)
            for record in getattr(snap, "citations", ()) or ()
        }
        for uid in sorted(briefings.briefings_of_points(self.db, points)):
            self.briefingChanged.emit(uid)

    def create_event(
        self, draft: EventDraft, source_file: str | None = None, span: tuple[int, int] | None = None
    ) -> EventSnapshot | None:
        def perform() -> Change[EventSnapshot]:
            made = user_events.create_user_event(self.db, draft, source_file=source_file, span=span)
            return Change(None, made)

        def apply(event_id: str, snap: EventSnapshot | None) -> None:
            if snap is None:
                user_events.remove_user_event(self.db, event_id)
            else:
                user_events.restore_event(self.db, snap)

        return self._try(
            SnapshotCommand(
                f"New event “{_short(draft.title)}”",
                "",
                perform,
                apply,
                self._event_changed,
                self._report,
                key_of=lambda s: s.id,
            )
        )

    def edit_event(self, event_id: str, draft: EventDraft) -> EventSnapshot | None:
        def perform() -> Change[EventSnapshot]:
            before = user_events.get_event_snapshot(self.db, event_id)
            return Change(before, user_events.update_user_event(self.db, event_id, draft))

        def apply(_event_id: str, snap: EventSnapshot | None) -> None:
            assert snap is not None
            user_events.restore_event_fields(self.db, snap)

        return self._try(
            SnapshotCommand(
                f"Edit event “{_short(draft.title)}”",
                event_id,
                perform,
                apply,
                self._event_changed,
                self._report,
            )
        )

    def delete_event(self, event_id: str) -> bool:
        def perform() -> Change[EventSnapshot]:
            return Change(user_events.delete_user_event(self.db, event_id), None)

        def apply(key: str, snap: EventSnapshot | None) -> None:
            if snap is None:
                user_events.remove_user_event(self.db, key)
            else:
                user_events.restore_event(self.db, snap)

        command = SnapshotCommand(
            "Delete event", event_id, perform, apply, self._event_changed, self._report
        )
        return self._try(command) is not None

    def set_hidden(self, event_id: str, hidden: bool) -> bool:
        def perform() -> Change[bool]:
            return Change(user_events.set_event_hidden(self.db, event_id, hidden), hidden)

        def apply(key: str, state: bool | None) -> None:
            user_events.set_event_hidden(self.db, key, bool(state))

        text = "Hide event" if hidden else "Show hidden event"
        command = SnapshotCommand(text, event_id, perform, apply, self._event_changed, self._report)
        return self._try(command) is not None

    def _excerpt_command(
        self, text: str, key: str, perform: Callable[[], Change[ExcerptSnapshot]]
    ) -> SnapshotCommand[ExcerptSnapshot]:
        def apply(uid: str, snap: ExcerptSnapshot | None) -> None:
            if snap is None:
                user_events.remove_user_excerpt(self.db, uid)
            else:
                user_events.restore_excerpt(self.db, snap)

        def changed(_uid: str, change: Change[ExcerptSnapshot]) -> None:
            snap = change.after or change.before
            assert snap is not None
            self._event_changed(snap.event_id, change)

        return SnapshotCommand(
            text, key, perform, apply, changed, self._report, key_of=lambda s: s.uid
        )

    def link_excerpt(
        self, event_id: str, source_file: str, span: tuple[int, int]
    ) -> ExcerptSnapshot | None:
        """Quote a span of a source as a new excerpt of an existing event."""

        def perform() -> Change[ExcerptSnapshot]:
            return Change(None, user_events.add_user_excerpt(self.db, event_id, source_file, span))

        return self._try(self._excerpt_command("Link excerpt", "", perform))

    def delete_excerpt(self, uid: str) -> bool:
        def perform() -> Change[ExcerptSnapshot]:
            return Change(user_events.delete_user_excerpt(self.db, uid), None)

        return self._try(self._excerpt_command("Delete excerpt", uid, perform)) is not None

    # -- grades ----------------------------------------------------------------------------
    def _grade_setter(self, kind: str) -> Callable[[str, str], tuple[str, ChronologyChange]]:
        """Set a grade by kind ("source", "outlet", "excerpt"); "" clears it; returns the old
        one and the events citing what was graded."""

        def grade(value: str) -> Grade | None:
            return Grade.parse(value) if value else None

        def said(done: grades.GradeChange[Grade]) -> tuple[str, ChronologyChange]:
            return (done.before.label if done.before else ""), done.change

        if kind == "source":
            return lambda key, v: said(grades.set_source_grade(self.db, key, grade(v)))
        if kind == "outlet":
            return lambda key, v: said(grades.set_outlet_grade(self.db, key, grade(v)))

        def credibility(key: str, v: str) -> tuple[str, ChronologyChange]:
            done = grades.set_excerpt_credibility(self.db, key, v or None)
            return done.before or "", done.change

        return credibility

    def set_grade(self, kind: str, key: str, value: str) -> bool:
        """Grade a source or an outlet ("B2"), or give a passage a credibility ("4").

        ``value`` "" takes the grade away. One step of undo.
        """
        setter = self._grade_setter(kind)
        reach = ChronologyChange()

        def perform() -> Change[str]:
            nonlocal reach
            before, reach = setter(key, value)
            return Change(before, value)

        def apply(k: str, state: str | None) -> None:
            nonlocal reach
            _before, moved = setter(k, state or "")
            reach = reach | moved

        def changed(_key: str, _change: Change[str]) -> None:
            # The events citing what was graded show another support; the sources their grade.
            self.chronologyChanged.emit(reach)

        names = {"source": "Grade source", "outlet": "Grade outlet", "excerpt": "Set credibility"}
        command = SnapshotCommand(names[kind], key, perform, apply, changed, self._report)
        try:
            self._push(command)
        except EditFailed as exc:
            self.failed.emit(f"{command.text()}: {exc}")
            return False
        return True

    # -- briefings --------------------------------------------------------------------------
    def _briefing(
        self,
        text: str,
        uid: str,
        op: Callable[[], BriefingSnapshot | None],
        *,
        before: BriefingSnapshot | None = None,
        creating: bool = False,
        merge_id: int = MergeId.NONE,
        merge_key: str | None = None,
    ) -> BriefingSnapshot | None:
        def perform() -> Change[BriefingSnapshot]:
            start = None if creating else (before or briefings.get_briefing(self.db, uid))
            if not creating and start is None:
                raise EditRefused("this briefing no longer exists")
            return Change(start, op())

        def apply(key: str, snap: BriefingSnapshot | None) -> None:
            if snap is None:
                briefings.remove_briefing(self.db, key)
            else:
                briefings.restore_briefing(self.db, snap)

        def guard(key: str, left: BriefingSnapshot | None) -> None:
            """Undo and redo put a briefing back only over the state they left it in."""
            current = briefings.get_briefing(self.db, key)
            if (current is None) != (left is None) or (
                current is not None and left is not None and current.content() != left.content()
            ):
                raise EditRefused("someone else changed this briefing since; their edit is kept")

        command = SnapshotCommand(
            text,
            uid,
            perform,
            apply,
            lambda key, _change: self.briefingChanged.emit(key),
            self._report,
            merge_id=merge_id,
            merge_key=merge_key,
            guard=guard,
        )
        return self._try(command)

    def create_briefing(self, name: str) -> BriefingSnapshot | None:
        uid = new_uid()
        return self._briefing(
            f"New briefing “{_short(name)}”",
            uid,
            lambda: briefings.create_briefing(self.db, name, uid=uid),
            creating=True,
        )

    def rename_briefing(self, uid: str, name: str) -> BriefingSnapshot | None:
        return self._briefing(
            "Rename briefing", uid, lambda: briefings.rename_briefing(self.db, uid, name)
        )

    def delete_briefing(self, uid: str) -> bool:
        def op() -> None:
            briefings.delete_briefing(self.db, uid)

        found = self._briefing("Delete briefing", uid, op)
        return found is not None

    def add_point(
        self,
        briefing_uid: str,
        text: str = "",
        citations: Iterable[tuple[str | None, str | None]] = (),
        index: int | None = None,
    ) -> tuple[BriefingSnapshot, str] | None:
        """A new talking point; returns the briefing and the new point's uid."""
        point_uid = new_uid()
        cites = list(citations)
        after = self._briefing(
            "Add talking point",
            briefing_uid,
            lambda: briefings.add_point(
                self.db, briefing_uid, text, cites, index=index, uid=point_uid
            ),
        )
        return (after, point_uid) if after is not None else None

    def edit_point_text(
        self, briefing_uid: str, point_uid: str, text: str, expected_version: int | None = None
    ) -> None:
        """Save a point's words; over a version someone else saved, keep them beside it."""
        stale = expected_version is not None and (
            briefings.point_version(self.db, point_uid) not in (None, expected_version)
        )
        kept: list[str] = []

        def op() -> BriefingSnapshot:
            after, beside = briefings.save_point_text(
                self.db, point_uid, text, expected_version=expected_version
            )
            if beside is not None:
                kept.append(beside)
            return after

        after = self._briefing(
            "Edit talking point",
            briefing_uid,
            op,
            # A save kept beside is its own step: undo takes back only that copy.
            merge_id=MergeId.NONE if stale else MergeId.POINT_TEXT,
            merge_key=point_uid,
        )
        if kept and after is not None:
            theirs = next((p for p in after.points if p.uid == point_uid), None)
            who = (theirs.updated_by if theirs else None) or "someone else"
            self.conflicted.emit(
                f"{who} changed this talking point while you were editing it. Both "
                "versions are kept, side by side: theirs as it is, yours as the point "
                "right after it, marked as a conflicting version. Delete the one you "
                "do not want."
            )

    def move_point(self, briefing_uid: str, point_uid: str, index: int) -> None:
        self._briefing(
            "Move talking point",
            briefing_uid,
            lambda: briefings.move_point(self.db, point_uid, index),
        )

    def delete_point(self, briefing_uid: str, point_uid: str) -> None:
        self._briefing(
            "Delete talking point",
            briefing_uid,
            lambda: briefings.delete_point(self.db, point_uid),
        )

    def add_citation(
        self,
        briefing_uid: str,
        point_uid: str,
        event_id: str | None = None,
        excerpt_uid: str | None = None,
    ) -> None:
        self._briefing(
            "Cite in talking point",
            briefing_uid,
            lambda: briefings.add_citation(self.db, point_uid, event_id, excerpt_uid),
        )

    def remove_citation(self, briefing_uid: str, point_uid: str, index: int) -> None:
        self._briefing(
            "Remove citation",
            briefing_uid,
            lambda: briefings.remove_citation(self.db, point_uid, index),
        )
