"""The selected guide's steps (with their pictures) or checklist items: drag to reorder, add, copy, delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .style import icon

THUMB = QSize(120, 75)


class PartsList(QWidget):
    """Steps or items of one guide; ``moved(from, to)`` after a drag, ``selected(index)`` on a click."""

    selected = Signal(int)
    moved = Signal(int, int)
    add = Signal()
    duplicate = Signal()
    delete = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Steps")
        self.title.setObjectName("paneTitle")
        self.list = QListWidget()
        self.list.setAccessibleName("Steps")
        self.list.setIconSize(THUMB)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.currentRowChanged.connect(self._current)
        self.list.model().rowsMoved.connect(self._rows_moved)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for name, tip, signal in (
            ("new", "Add a step after the selected one (Ctrl+Shift+N)", self.add),
            ("duplicate", "Duplicate the selected step (Ctrl+D)", self.duplicate),
            ("delete", "Delete the selected step (Ctrl+Backspace)", self.delete),
        ):
            button = QToolButton(icon=icon(name), toolTip=tip, autoRaise=True)
            button.setAccessibleName(tip.split(" (")[0])
            button.clicked.connect(signal)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 2)
        layout.addLayout(buttons)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName("Picture of the selected step")
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumHeight(120)
        layout.addWidget(self.picture, 1)
        self._full: QPixmap | None = None
        self._loading = False

    def show_parts(self, heading: str, rows: list[tuple[str, str, bytes | None]], current: int) -> None:
        """Show ``(id, title, thumbnail png)`` rows under ``heading`` ("Steps") and select ``current``."""
        self._loading = True
        self.title.setText(heading)
        self.list.setAccessibleName(heading)
        self.list.clear()
        for number, (part_id, title, png) in enumerate(rows, 1):
            item = QListWidgetItem(f"{number}. {title or '(untitled)'}")
            item.setData(Qt.ItemDataRole.UserRole, part_id)
            item.setToolTip(title)
            if png:
                pixmap = QPixmap()
                pixmap.loadFromData(png)
                item.setIcon(QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)))
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(current, 0), len(rows) - 1))
        self._loading = False
        self.buttons["delete"].setEnabled(len(rows) > 1)

    def show_picture(self, png: bytes | None) -> None:
        """The selected step's page as recorded or last tested (nothing when there is none)."""
        self._full = None
        if png:
            self._full = QPixmap()
            self._full.loadFromData(png)
        self.picture.setVisible(self._full is not None)
        self._fit()

    def _fit(self) -> None:
        if self._full is not None and not self._full.isNull():
            size = self.picture.size()
            self.picture.setPixmap(
                self._full.scaled(
                    max(size.width(), 120),
                    max(size.height(), 80),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Keep the picture as large as the pane allows."""
        super().resizeEvent(event)
        self._fit()

    def set_editable(self, editable: bool) -> None:
        """Lists of several steps can grow, shrink and be reordered; a one-step guide only shows its step."""
        for button in self.buttons.values():
            button.setVisible(editable)
        mode = (
            QAbstractItemView.DragDropMode.InternalMove
            if editable
            else QAbstractItemView.DragDropMode.NoDragDrop
        )
        self.list.setDragDropMode(mode)

    def current(self) -> int:
        """The selected row, or -1."""
        return self.list.currentRow()

    def _current(self, row: int) -> None:
        if not self._loading and row >= 0:
            self.selected.emit(row)

    def _rows_moved(self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex, row: int) -> None:
        if self._loading:
            return
        to = row if row < start else row - 1
        if to != start:
            self.moved.emit(start, to)
