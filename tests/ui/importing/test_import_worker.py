"""One file's import work off the GUI thread: its result, its problem or its cancel, by signal."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from briefing_app.ingest.problems import ImportCancelled, ImportProblem
from briefing_app.ui.importing.import_worker import ImportTask


def _start(task: ImportTask) -> None:
    QThreadPool.globalInstance().start(task)


def test_the_result_comes_back_with_the_tasks_index(qtbot: QtBot) -> None:
    threads: list[threading.Thread] = []

    def work(cancelled: Callable[[], bool]) -> object:
        threads.append(threading.current_thread())
        return {"events": 3}

    task = ImportTask(4, work)
    with qtbot.waitSignal(task.signals.done) as blocker:
        _start(task)
    assert blocker.args == [4, {"events": 3}]
    assert threads and threads[0] is not threading.main_thread()


def test_a_problem_is_said_in_the_users_words(qtbot: QtBot) -> None:
    def work(cancelled: Callable[[], bool]) -> object:
        raise ImportProblem("report.pdf has no text layer")

    task = ImportTask(1, work)
    with qtbot.waitSignal(task.signals.failed) as blocker:
        _start(task)
    assert blocker.args == [1, "report.pdf has no text layer"]


def test_a_bug_is_reported_and_says_nothing_was_saved(qtbot: QtBot) -> None:
    def work(cancelled: Callable[[], bool]) -> object:
        raise KeyError("lane")

    task = ImportTask(2, work)
    with qtbot.waitSignal(task.signals.failed) as blocker:
        _start(task)
    assert blocker.args[0] == 2
    assert "KeyError" in blocker.args[1] and "Nothing was saved" in blocker.args[1]


def test_cancelling_between_steps_throws_the_result_away(qtbot: QtBot) -> None:
    started = threading.Event()
    go_on = threading.Event()

    def work(cancelled: Callable[[], bool]) -> object:
        started.set()
        go_on.wait(10)
        if cancelled():
            raise ImportCancelled()
        return "never shown"

    task = ImportTask(3, work)
    done: list[object] = []
    task.signals.done.connect(lambda *args: done.append(args))
    with qtbot.waitSignal(task.signals.cancelled) as blocker:
        _start(task)
        assert started.wait(10)
        task.cancel()
        go_on.set()
    assert blocker.args == [3]
    assert done == []
