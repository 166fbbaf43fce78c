"""The steps of importing articles in the GUI, from chosen files to events on the timeline.

1. Read and analyse every file on a pool thread, with a progress dialog whose
   Cancel throws everything away (nothing has been saved yet).
2. Show each article's metadata for checking (``MetadataDialog``).
3. Analyse again with the checked metadata (the publication date resolves
   "on Thursday"), again off the GUI thread and cancellable.
4. Save each source with its proposals, pending, in its own transaction.
5. Show the proposed events (``ReviewDialog``); accepted ones are saved and
   the flow reports them. Whatever is not decided when the review closes
   (edits included) stays pending, to be reviewed later.

``review_pending`` opens the same review, later, on the proposals stored
as pending (of some sources, or of all).

Dialogs are opened with ``open()``, never ``exec()``, so the window stays
live and tests can drive every step.

Signals:
    metadataReady(object): the MetadataDialog, now open.
    reviewReady(object): the ReviewDialog, now open.
    problems(list): (file name, message) for each file that was not imported.
    sourcesSaved(list): files (source ids) of the sources just saved.
    eventsAccepted(list, list): ids of events made or extended, and the
        (source file, excerpt uid) of every new excerpt.
    pendingChanged(list): files of the sources whose pending proposals changed.
    finished(): the flow is over (done, cancelled or failed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from sqlalchemy.exc import SQLAlchemyError

from briefing_app.domain.model import Event
from briefing_app.ingest.metadata import ArticleMetadata
from briefing_app.ingest.problems import ImportCancelled, ImportProblem
from briefing_app.ingest.review import ReviewItem, ReviewState
from briefing_app.services import importer, pending
from briefing_app.services.importer import PreparedImport
from briefing_app.storage.database import Database
from briefing_app.storage.repository import pending_counts
from briefing_app.ui.importing.import_dialog import MetadataDialog
from briefing_app.ui.importing.import_worker import ImportTask
from briefing_app.ui.importing.review_dialog import ReviewDialog

__all__ = ["ImportFlow"]


def plain_message(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A message box that shows ``text`` as typed: file names and messages are never markup."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setObjectName("importProblems")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def _reanalyse(
    prepared: PreparedImport,
    metadata: ArticleMetadata,
    events: Sequence[Event],
    cancelled: Callable[[], bool],
) -> PreparedImport:
    if cancelled():
        raise ImportCancelled(str(prepared.path))
    if metadata == prepared.metadata:
        return prepared  # dates were found with this metadata already
    return importer.reanalyse(prepared.article, metadata, events)


class ImportFlow(QObject):
    metadataReady = Signal(object)
    reviewReady = Signal(object)
    problems = Signal(list)
    sourcesSaved = Signal(list)
    eventsAccepted = Signal(list, list)
    pendingChanged = Signal(list)
    finished = Signal()

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._parent = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._tasks: list[ImportTask] = []
        self._results: dict[int, PreparedImport] = {}
        self._problems: list[tuple[str, str]] = []
        self._paths: list[Path] = []
        self._events: list[Event] = []
        self._progress: QProgressDialog | None = None
        self._pending = 0
        self._stage = ""
        self._saved: list[PreparedImport] = []
        self._files: list[str] = []
        self._review_files: list[str] = []
        self._urls: dict[str, str | None] = {}
        self.metadata_dialog: MetadataDialog | None = None
        self.review_dialog: ReviewDialog | None = None
        self.problem_box: QMessageBox | None = None
        self.running = False

    # -- 1. reading -------------------------------------------------------------------------
    def start(self, paths: Sequence[str | Path], events: Sequence[Event] = ()) -> bool:
        """Begin importing ``paths``; False when an import is already under way."""
        if self.running or not paths:
            return False
        self.running = True
        self._paths = [Path(p) for p in paths]
        self._events = list(events)
        self._problems = []
        self._saved = []
        self._files = []
        self._run_stage(
            "Reading",
            [
                (
                    lambda cancelled, p=p: importer.prepare(
                        p, events=self._events, cancelled=cancelled
                    )
                )
                for p in self._paths
            ],
        )
        return True

    def _run_stage(self, stage: str, works: list) -> None:
        self._stage = stage
        self._results = {}
        self._pending = len(works)
        self._tasks = []
        progress = QProgressDialog(
            f"{stage} {len(works)} article{'s' if len(works) != 1 else ''}…",
            "Cancel",
            0,
            len(works),
            self._parent,
        )
        progress.setObjectName("importProgress")
        progress.setWindowTitle("Importing Articles")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        self._progress = progress
        for index, work in enumerate(works):
            task = ImportTask(index, work)
            task.signals.done.connect(self._task_done)
            task.signals.failed.connect(self._task_failed)
            task.signals.cancelled.connect(self._task_cancelled)
            self._tasks.append(task)
            self._pool.start(task)

    def cancel(self) -> None:
        """Stop the stage under way; nothing of this import is saved."""
        if not self._tasks:
            return
        for task in self._tasks:
            task.cancel()
        self._tasks = []
        self._close_progress()
        self._end()

    @property
    def progress(self) -> QProgressDialog | None:
        return self._progress

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _step(self) -> None:
        self._pending -= 1
        if self._progress is not None:
            self._progress.setValue(self._progress.value() + 1)
        if self._pending == 0 and self._tasks:
            self._tasks = []
            self._close_progress()
            if self._stage == "Reading":
                self._read_done()
            else:
                self._analysis_done()

    def _task_done(self, index: int, result: object) -> None:
        if not self._tasks:
            return  # cancelled: the result is thrown away
        assert isinstance(result, PreparedImport)
        known = importer.find_imported(self._db, result.article.content_hash)
        if known is not None:
            message = f"Already imported as “{known[1]}”; nothing was added."
            waiting = pending_counts(self._db).get(known[0], 0)
            if waiting:
                message += (
                    f" {waiting} proposed event{'s' if waiting != 1 else ''} from it "
                    f"wait{'s' if waiting == 1 else ''} for review: File › Review Proposals…"
                )
            self._problems.append((result.path.name, message))
        else:
            self._results[index] = result
        self._step()

    def _task_failed(self, index: int, message: str) -> None:
        if not self._tasks:
            return
        self._problems.append((self._paths[index].name, message))
        self._step()

    def _task_cancelled(self, _index: int) -> None:
        if self._tasks:
            self._step()

    # -- 2. metadata ----------------------------------------------------------------------------
    def _read_done(self) -> None:
        prepared = [self._results[i] for i in sorted(self._results)]
        if not prepared:
            self._end()
            return
        dialog = MetadataDialog(prepared, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._metadata_checked(prepared, dialog.metadata()))
        dialog.rejected.connect(self._end)
        self.metadata_dialog = dialog
        dialog.open()
        self.metadataReady.emit(dialog)

    # -- 3. analysis with the checked metadata ------------------------------------------------
    def _metadata_checked(
        self, prepared: list[PreparedImport], metadata: list[ArticleMetadata]
    ) -> None:
        self.metadata_dialog = None
        self._paths = [p.path for p in prepared]
        works = [
            (lambda cancelled, p=p, m=m: _reanalyse(p, m, self._events, cancelled))
            for p, m in zip(prepared, metadata, strict=True)
        ]
        self._run_stage("Finding dates in", works)

    # -- 4. saving --------------------------------------------------------------------------------
    def _analysis_done(self) -> None:
        for index in sorted(self._results):
            prepared = self._results[index]
            try:
                saved = importer.save_source(self._db, prepared)
            except ImportProblem as exc:
                self._problems.append((prepared.path.name, str(exc)))
                continue
            self._saved.append(prepared)
            self._files.append(saved.file)
        if self._files:
            self.sourcesSaved.emit(list(self._files))
        batches = [
            (file, p.metadata.title, p.proposals)
            for file, p in zip(self._files, self._saved, strict=True)
        ]
        state = ReviewState.from_proposals(batches)
        urls = {file: p.metadata.url for file, p in zip(self._files, self._saved, strict=True)}
        if not len(state):
            self._end()
            return
        self._open_review(state, list(self._files), urls)

    # -- later: the proposals kept pending -------------------------------------------------
    def review_pending(self, files: Sequence[str] | None = None) -> bool:
        """Review the stored pending proposals of ``files`` (of every source when None).

        False when an import or review is already under way, or nothing waits.
        """
        if self.running:
            return False
        try:
            review = pending.load_pending(self._db, list(files) if files is not None else None)
        except SQLAlchemyError:
            return False
        if not len(review.state):
            return False
        self.running = True
        self._problems = []
        self._saved = []
        self._files = []
        self._open_review(review.state, list(review.files), dict(review.urls))
        dialog = self.review_dialog
        if dialog is not None and len(review.files) == 1:
            dialog.setWindowTitle(
                f"Proposed Events — {review.titles.get(review.files[0], review.files[0])}"
            )
        if review.dropped and dialog is not None:
            n = review.dropped
            dialog.show_message(
                f"{len(review.state)} proposed events wait; {n} more could not be shown, "
                f"their sentence{'s are' if n != 1 else ' is'} no longer in the article."
            )
        return True

    def _open_review(
        self, state: ReviewState, files: list[str], urls: dict[str, str | None]
    ) -> None:
        """Show ``state``; every decision and edit is written back to the pending proposals."""
        self._review_files = files
        self._urls = urls
        dialog = ReviewDialog(state, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.acceptRequested.connect(self._accept)
        dialog.rejected.connect(self._review_closed)
        dialog.model.modelReset.connect(self._keep_pending)
        dialog.model.dataChanged.connect(self._keep_pending)
        self.review_dialog = dialog
        dialog.open()
        self.reviewReady.emit(dialog)

    def _keep_pending(self, *_args: object) -> None:
        """What is still undecided, with the user's edits, stays pending in the database."""
        dialog = self.review_dialog
        if dialog is None or not self._review_files:
            return
        try:
            pending.keep_pending(self._db, self._review_files, dialog.model.state.items)
        except SQLAlchemyError as exc:
            dialog.show_message(f"The proposals could not be kept for later ({exc}).")
            return
        self.pendingChanged.emit(list(self._review_files))

    def _review_closed(self) -> None:
        self._keep_pending()
        self._end()

    # -- 5. accepting -----------------------------------------------------------------------------
    def _accept(self, items: list[ReviewItem]) -> None:
        dialog = self.review_dialog
        accepted = {it.key for it in items}
        remaining = (
            [it for it in dialog.model.state.items if it.key not in accepted]
            if dialog is not None
            else []
        )
        try:
            report = importer.accept(
                self._db,
                items,
                self._urls,
                pending_files=self._review_files,
                remaining=remaining,
            )
        except ImportProblem as exc:
            if dialog is not None:
                dialog.show_message(str(exc))
            return
        if dialog is not None:
            dialog.accepted_items([it.key for it in items])
            n = len(report.event_ids)
            dialog.show_message(
                f"{n} event{'s' if n != 1 else ''} saved; they are on the timeline."
            )
        self.eventsAccepted.emit(report.event_ids, report.excerpts)
        self.pendingChanged.emit(list(self._review_files))
        if dialog is not None and not len(dialog.model.state):
            dialog.accept()
            self._end()

    # -- the end ------------------------------------------------------------------------------
    def _end(self) -> None:
        if not self.running:
            return
        self.running = False
        self.review_dialog = None
        self.metadata_dialog = None
        if self._problems:
            self.problems.emit(list(self._problems))
            lines = [f"{name}: {message}" for name, message in self._problems]
            n = len(self._problems)
            box = plain_message(
                self._parent,
                "Import",
                f"{n} file{'s were' if n != 1 else ' was'} not imported:\n\n" + "\n\n".join(lines),
            )
            box.open()
            self.problem_box = box
        self.finished.emit()

    def idle(self) -> bool:
        """No reading task is still running (a cancelled one may still be finishing)."""
        return self._pool.activeThreadCount() == 0

    def wait(self) -> None:
        """Let running tasks finish (on closing the window)."""
        for task in self._tasks:
            task.cancel()
        self._pool.waitForDone()
