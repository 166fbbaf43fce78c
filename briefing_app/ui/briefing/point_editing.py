"""Writing a briefing: a talking point's text over several lines, and a briefing's name.

A talking point is often a sentence or two: it is edited in a box of several
lines that wraps as it is typed. Enter stores it (as a one-line editor
would, so the keyboard habits stay), Shift+Enter starts a new line, Esc
leaves it as it was.

Naming a new briefing says what a briefing is, since the name is the only
thing asked for.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

__all__ = ["BriefingNameDialog", "PointTextDelegate", "PointTextEditor"]

Index = QModelIndex | QPersistentModelIndex

EDITOR_LINES = 4


class PointTextEditor(QPlainTextEdit):
    """The in-place editor of a point: wraps, grows to a few lines, Enter stores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointEditor")
        self.setAccessibleName("Talking point text")
        self.setToolTip("Enter stores the point; Shift+Enter starts a new line; Esc cancels")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * EDITOR_LINES + 12)


class PointTextDelegate(QStyledItemDelegate):
    """Gives each point a several-line editor sized to the row's width."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = PointTextEditor(parent)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, PointTextEditor):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, PointTextEditor):
            model.setData(index, editor.toPlainText().strip("\n"), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        rect.setHeight(max(rect.height(), editor.minimumHeight()))
        editor.setGeometry(rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, PointTextEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                watched.insertPlainText("\n")
                return True
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(watched, event)


class BriefingNameDialog(QDialog):
    """Asks for a briefing's name, saying first what a briefing is for."""

    def __init__(
        self, title: str, explanation: str, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefingNameDialog")
        self.setWindowTitle(title)
        self.explanation = QLabel(explanation)
        self.explanation.setObjectName("briefingExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setObjectName("briefingName")
        self.name.setAccessibleName("Briefing name")
        self.name.setPlaceholderText("e.g. Defence ministers, 14 March")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._name_changed)
        form = QFormLayout()
        label = QLabel("&Name:")
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        box = QVBoxLayout(self)
        box.addWidget(self.explanation)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._name_changed(name)

    def _name_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def chosen_name(self) -> str | None:
        """The name typed, once accepted; None when cancelled or left empty."""
        text = self.name.text().strip()
        return text if self.result() == QDialog.DialogCode.Accepted and text else None
