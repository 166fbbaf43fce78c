"""Undo commands over the editing services: run an edit once, then move between snapshots.

The first ``redo()`` (which ``QUndoStack.push`` calls) performs the edit
through a service and keeps the snapshots from before and after it. Undo
puts the *before* snapshot back, redo the *after* one, so what comes back is
exactly what was there: same ids, same text, same times. An edit that fails
marks itself obsolete, so the stack drops it instead of offering to undo
something that never happened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from briefing_app.storage.database import DatabaseError

__all__ = ["SAVE_ERRORS", "Change", "MergeId", "Outcome", "SnapshotCommand"]

S = TypeVar("S")

SAVE_ERRORS = (ValueError, LookupError, OSError, SQLAlchemyError, DatabaseError)
"""What a save can meet: a refused edit, a vanished row, a locked or full disk."""


@dataclass(frozen=True, slots=True)
class Change(Generic[S]):
    """The state of one thing before and after an edit (None: it did not exist)."""

    before: S | None
    after: S | None


@dataclass(slots=True)
class Outcome:
    """How the first run went, readable after the stack has taken the command."""

    error: str | None = None
    value: Any = None


class MergeId:
    """Ids of commands that merge with the one before when they edit the same thing."""

    NONE = -1
    POINT_TEXT = 2


class SnapshotCommand(QUndoCommand, Generic[S]):
    """One edit of one thing (a note, an event, an excerpt, a briefing).

    ``perform`` does the edit and returns its Change; ``apply(key, state)``
    makes the stored thing equal to ``state`` (removing it for None);
    ``changed(key, change)`` tells the window what to refresh; ``failed``
    reports an undo or redo that could not be carried out. ``guard(key,
    expected)``, when given, runs before each undo or redo with the state the
    step left behind and raises when the stored thing has moved on since (an
    edit by another user is never overwritten by an undo).
    """

    def __init__(
        self,
        text: str,
        key: str,
        perform: Callable[[], Change[S]],
        apply: Callable[[str, S | None], None],
        changed: Callable[[str, Change[S]], None],
        failed: Callable[[str], None],
        *,
        merge_id: int = MergeId.NONE,
        merge_key: str | None = None,
        key_of: Callable[[S], str] | None = None,
        guard: Callable[[str, S | None], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.key = key
        self.outcome = Outcome()
        self._perform = perform
        self._apply = apply
        self._changed = changed
        self._failed = failed
        self._merge_id = merge_id
        self._merge_key = merge_key
        self._key_of = key_of
        self._guard = guard
        self._change: Change[S] | None = None

    @property
    def change(self) -> Change[S] | None:
        return self._change

    @property
    def merge_key(self) -> str:
        """What consecutive edits must share to merge: the thing edited (default: ``key``)."""
        return self._merge_key if self._merge_key is not None else self.key

    def id(self) -> int:
        return self._merge_id

    def redo(self) -> None:
        if self._change is None:
            try:
                self._change = self._perform()
            except SAVE_ERRORS as exc:
                self.outcome.error = _reason(exc)
                self.setObsolete(True)
                return
            after = self._change.after
            if self._key_of is not None and after is not None:
                self.key = self._key_of(after)
            self.outcome.value = after if after is not None else self._change.before
            self._changed(self.key, self._change)
            return
        self._move(self._change.after, self._change.before, "redo")

    def undo(self) -> None:
        if self._change is not None:
            self._move(self._change.before, self._change.after, "undo")

    def _move(self, state: S | None, left: S | None, verb: str) -> None:
        assert self._change is not None
        try:
            if self._guard is not None:
                self._guard(self.key, left)
            self._apply(self.key, state)
        except SAVE_ERRORS as exc:
            self._failed(f"Could not {verb} “{self.text()}”: {_reason(exc)}")
            return
        self._changed(self.key, self._change)

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in one talking point is one step of undo, not one per pause."""
        if (
            not isinstance(other, SnapshotCommand)
            or other.id() != self.id()
            or other.merge_key != self.merge_key
            or other.change is None
            or self._change is None
        ):
            return False
        self._change = Change(self._change.before, other.change.after)
        return True


def _reason(exc: Exception) -> str:
    """A short reason for the user; the database's own wording when there is no better one."""
    text = str(exc).strip() or type(exc).__name__
    orig = getattr(exc, "orig", None)
    if orig is not None:
        text = str(orig).strip() or text
    return text.splitlines()[0][:200]
