"""One snapshot command on an undo stack: done once, then moved between before and after."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from briefing_app.ui.common.undo_commands import Change, MergeId, SnapshotCommand


class Store:
    """A stand-in for the database: one text per key, with what was said about it."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {"p1": "old"}
        self.told: list[tuple[str, str | None, str | None]] = []
        self.failures: list[str] = []

    def edit(self, key: str, text: str) -> Change[str]:
        before = self.texts.get(key)
        self.texts[key] = text
        return Change(before, text)

    def apply(self, key: str, state: str | None) -> None:
        if state is None:
            self.texts.pop(key, None)
        else:
            self.texts[key] = state

    def changed(self, key: str, change: Change[str]) -> None:
        self.told.append((key, change.before, change.after))

    def command(self, key: str, text: str, **more: object) -> SnapshotCommand[str]:
        return SnapshotCommand(
            "Edit point",
            key,
            lambda: self.edit(key, text),
            self.apply,
            self.changed,
            self.failures.append,
            **more,  # type: ignore[arg-type]
        )


def test_undo_puts_back_exactly_what_was_there(qtbot: QtBot) -> None:
    store, stack = Store(), QUndoStack()
    command = store.command("p1", "new")
    stack.push(command)
    assert store.texts == {"p1": "new"} and command.outcome.value == "new"
    stack.undo()
    assert store.texts == {"p1": "old"}
    stack.redo()
    assert store.texts == {"p1": "new"}
    assert store.told == [("p1", "old", "new")] * 3


def test_a_failed_edit_leaves_nothing_to_undo(qtbot: QtBot) -> None:
    store, stack = Store(), QUndoStack()

    def refused() -> Change[str]:
        raise ValueError("the point is empty")

    command = SnapshotCommand("Edit point", "p1", refused, store.apply, store.changed, print)
    stack.push(command)
    assert command.outcome.error == "the point is empty"
    assert stack.count() == 0 and not stack.canUndo()
    assert store.told == []


def test_typing_in_one_point_is_one_step_of_undo(qtbot: QtBot) -> None:
    store, stack = Store(), QUndoStack()
    for text in ("n", "ne", "new"):
        stack.push(store.command("p1", text, merge_id=MergeId.POINT_TEXT))
    assert stack.count() == 1
    stack.undo()
    assert store.texts == {"p1": "old"}
    stack.push(store.command("p1", "x", merge_id=MergeId.POINT_TEXT))
    stack.push(store.command("p2", "y", merge_id=MergeId.POINT_TEXT))
    assert stack.count() == 2  # another point is another step


def test_an_undo_that_meets_someone_elses_edit_is_refused(qtbot: QtBot) -> None:
    store, stack = Store(), QUndoStack()

    def guard(key: str, expected: str | None) -> None:
        if store.texts.get(key) != expected:
            raise LookupError("changed by someone else since")

    stack.push(store.command("p1", "mine", guard=guard))
    store.texts["p1"] = "theirs"
    stack.undo()
    assert store.texts == {"p1": "theirs"}  # never overwritten by an undo
    assert store.failures == ["Could not undo “Edit point”: changed by someone else since"]
