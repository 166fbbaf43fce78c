"""One note, edited in place and saved as you type: text, tags and the talking-point flag.

There is no Save button. Typing starts a short timer; when the typing stops
for ``AUTOSAVE_MS`` the note is stored (through the undo stack) and the
status line says "Saved 14:02". A failed save keeps the text in the editor,
says why and offers Retry. Leaving the editor, closing the window or asking
for Undo saves at once, so nothing typed is ever left behind.

The note is shown rendered from light Markdown with raw HTML off: what the
user typed is always shown as text.

Signals:
    saved(object): the AnnotationSnapshot just stored.
    discarded(): a note that was never stored was removed by the user.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.services.annotations import AnnotationSnapshot, hashtags, note_tags
from briefing_app.ui.common.edit_controller import EditConflict, EditController, EditFailed
from briefing_app.ui.common.plain_text import plain_label
from briefing_app.ui.common.safe_markdown import SafeDocument

__all__ = ["AUTOSAVE_MS", "AnnotationEditor"]

AUTOSAVE_MS = 700
EDITOR_LINES = 5


def _local(stamp: datetime) -> datetime:
    return stamp.replace(tzinfo=UTC).astimezone()


class _NoteText(QPlainTextEdit):
    """The note's source text; hands Undo/Redo to the app's stack after saving."""

    focusLeft = Signal(object)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLeft.emit(event.reason())


class AnnotationEditor(QFrame):
    saved = Signal(object)
    discarded = Signal()

    def __init__(
        self,
        controller: EditController,
        *,
        snapshot: AnnotationSnapshot | None = None,
        event_id: str | None = None,
        excerpt_uid: str | None = None,
        target_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.controller = controller
        self._saved = snapshot
        self._event_id = snapshot.event_id if snapshot else event_id
        self._excerpt_uid = snapshot.excerpt_uid if snapshot else excerpt_uid

        self._target_label = target_label
        self.target = plain_label(target_label)
        self.target.setObjectName("noteTarget")
        self.target.setStyleSheet("color: #555;")
        self.flag = QCheckBox("Talking point")
        self.flag.setObjectName("noteFlag")
        self.flag.setToolTip("Flag this note as a talking point (shown in red on the timeline)")
        self.remove = QToolButton()
        self.remove.setText("Delete")
        self.remove.setToolTip("Delete this note (Ctrl+Z brings it back)")
        self.remove.setAutoRaise(True)

        self.view = QTextEdit()
        self.view.setObjectName("noteView")
        self.view.setReadOnly(True)
        self.document = SafeDocument(self.view)
        self.view.setDocument(self.document)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setToolTip("Click to edit")
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.document().documentLayout().documentSizeChanged.connect(self._fit_view)
        self.editor = _NoteText()
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText("Write a note… (Markdown: *emphasis*, **bold**, - lists)")
        self.editor.setUndoRedoEnabled(False)  # undo belongs to the app's stack, see eventFilter
        self.editor.setTabChangesFocus(True)
        # Four lines in sight at least, whatever the font (a paragraph, not a line).
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * EDITOR_LINES + 12)

        self.tags = QLineEdit()
        self.tags.setObjectName("noteTags")
        self.tags.setPlaceholderText("tags, separated by commas (or #tag in the note)")
        self.status = plain_label()
        self.status.setObjectName("noteStatus")
        self.retry = QPushButton("Retry")
        self.retry.setObjectName("noteRetry")
        self.retry.hide()
        self.times = plain_label()
        self.times.setWordWrap(False)
        self.times.setStyleSheet("color: #777;")

        head = QHBoxLayout()
        head.addWidget(self.target, 1)
        head.addWidget(self.flag)
        head.addWidget(self.remove)
        tags_row = QHBoxLayout()
        tags_row.addWidget(plain_label("Tags"))
        tags_row.addWidget(self.tags, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.retry)
        foot.addWidget(self.times)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(3)
        box.addLayout(head)
        box.addWidget(self.view)
        box.addWidget(self.editor)
        box.addLayout(tags_row)
        box.addLayout(foot)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self._show(snapshot)
        for watched in (self.view.viewport(), self.editor, self.tags):
            watched.installEventFilter(self)
        self.editor.textChanged.connect(self._edited)
        self.tags.textEdited.connect(self._edited)
        self.flag.toggled.connect(self._flag_toggled)
        self.editor.focusLeft.connect(self._editor_left)
        self.remove.clicked.connect(self._remove)
        self.retry.clicked.connect(self.save_now)
        self._set_editing(snapshot is None or not snapshot.body)

    # -- state ----------------------------------------------------------------------
    @property
    def uid(self) -> str | None:
        return self._saved.uid if self._saved else None

    @property
    def snapshot(self) -> AnnotationSnapshot | None:
        return self._saved

    @property
    def excerpt_uid(self) -> str | None:
        return self._excerpt_uid

    @property
    def editing(self) -> bool:
        return not self.editor.isHidden()

    def is_dirty(self) -> bool:
        """Whether the widgets show something not yet stored."""
        body, tags, flag = self._values()
        if self._saved is None:
            return bool(body or tags or flag)
        return (body, tags, flag) != (
            self._saved.body,
            self._saved.tags,
            self._saved.talking_point,
        )

    def _values(self) -> tuple[str, tuple[str, ...], bool]:
        body = self.editor.toPlainText()
        return body, note_tags(body, self.tags.text()), self.flag.isChecked()

    @staticmethod
    def _typed_tags(snap: AnnotationSnapshot | None) -> tuple[str, ...]:
        """The tags the field shows: the note's, less the ``#tags`` its text carries (those
        go when the text loses them)."""
        if snap is None:
            return ()
        inline = {t.casefold() for t in hashtags(snap.body)}
        return tuple(t for t in snap.tags if t.casefold() not in inline)

    def _show(self, snap: AnnotationSnapshot | None) -> None:
        """Put a stored state in the widgets without starting a save."""
        body = snap.body if snap else ""
        for widget in (self.editor, self.tags, self.flag):
            widget.blockSignals(True)
        if self.editor.toPlainText() != body:
            self.editor.setPlainText(body)
        typed = self._typed_tags(snap)
        if note_tags(body, self.tags.text()) != (snap.tags if snap else ()):
            self.tags.setText(", ".join(typed))
        self.flag.setChecked(bool(snap and snap.talking_point))
        for widget in (self.editor, self.tags, self.flag):
            widget.blockSignals(False)
        self.document.set_note(body)
        if snap is not None:
            created = _local(snap.created_at)
            edited = _local(snap.updated_at)
            text = f"created {created:%d %b %Y %H:%M}"
            if snap.created_by:
                text += f" by {snap.created_by}"
            if snap.updated_at != snap.created_at:
                text += f" · edited {edited:%d %b %Y %H:%M}"
                if snap.updated_by and snap.updated_by != snap.created_by:
                    text += f" by {snap.updated_by}"
            self.times.setText(text)
            mark = " · a conflicting version, kept beside the other" if snap.conflict_of else ""
            self.target.setText(self._target_label + mark)

    def apply_snapshot(self, snap: AnnotationSnapshot) -> None:
        """The stored note changed elsewhere (undo, redo, import): show it as stored now.

        The echo of this card's own save is not a change: typing that went on
        since then stays in the editor, on its way to the next save.
        """
        if self._saved == snap:
            self._saved = snap  # the same note, perhaps at a newer version number
            return
        if self.is_dirty():
            # Changed elsewhere while this card has typing not yet saved: the typing
            # stays, and its save, made against the older version, is kept beside.
            return
        self._timer.stop()
        self._saved = snap
        self._show(snap)
        self.retry.hide()
        if not snap.body and not self.editing:
            self._set_editing(True)

    # -- saving ---------------------------------------------------------------------------
    def _edited(self, *_args: object) -> None:
        if self.is_dirty():
            self.status.setText("Saving…")
            self._timer.start()

    def _flag_toggled(self, _on: bool) -> None:
        self.save_now()

    def flush(self) -> None:
        """Save now if anything is pending (window closing, Undo asked for, editor left)."""
        if self._timer.isActive() or self.is_dirty():
            self.save_now()

    def save_now(self) -> None:
        self._timer.stop()
        if not self.is_dirty():
            return
        body, tags, flag = self._values()
        self.status.setText("Saving…")
        try:
            if self._saved is None:
                snap = self.controller.add_annotation(
                    event_id=None if self._excerpt_uid else self._event_id,
                    excerpt_uid=self._excerpt_uid,
                    body=body,
                    tags=tags,
                    talking_point=flag,
                )
            else:
                before = self._saved
                snap = self.controller.save_annotation(
                    before,
                    body=body if body != before.body else None,
                    tags=tags if tags != before.tags else None,
                    talking_point=flag if flag != before.talking_point else None,
                )
        except EditConflict as exc:
            # Theirs is what this card now shows; the list shows ours as a card of its own.
            self._saved = exc.theirs
            self._show(exc.theirs)
            self.retry.hide()
            self.status.setText("Changed by someone else: your version is kept beside it")
            self.status.setToolTip(str(exc))
            return
        except EditFailed as exc:
            self.status.setText(f"Not saved: {exc} —")
            self.status.setToolTip(str(exc))
            self.retry.show()
            return
        self._saved = snap
        self.retry.hide()
        self.status.setToolTip("")
        self.status.setText(f"Saved {datetime.now():%H:%M}")
        self._show(snap)
        self.saved.emit(snap)

    # -- view and edit -----------------------------------------------------------------------
    def begin_editing(self) -> None:
        self._set_editing(True)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def _editor_left(self, reason: Qt.FocusReason) -> None:
        self.flush()
        leaving = reason not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.MenuBarFocusReason,
        )
        if leaving and self.editor.toPlainText().strip():
            self._set_editing(False)

    def _set_editing(self, editing: bool) -> None:
        """Show the source text to edit, or the rendered note (one at a time)."""
        self.editor.setVisible(editing)
        self.view.setVisible(not editing)

    def _fit_view(self) -> None:
        height = int(self.view.document().size().height()) + 6
        self.view.setFixedHeight(max(28, min(height, 320)))

    def _remove(self) -> None:
        self._timer.stop()
        if self._saved is None:
            self.discarded.emit()
            return
        self.controller.delete_annotation(self._saved.uid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.view.viewport() and kind == QEvent.Type.MouseButtonRelease:
            if not self.view.textCursor().hasSelection():
                self.begin_editing()
        elif (
            watched in (self.editor, self.tags)
            and kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            # Save what was typed, then let the window's Undo/Redo act on the stack.
            self.flush()
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and (
            not self.editing
        ):
            self.begin_editing()
            return
        super().keyPressEvent(event)
