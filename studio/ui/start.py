"""The start page: new guide by kind (with what each is for), recent projects, open and new project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..domain import GUIDE_KINDS
from .style import icon

KIND_BUTTON_MIN = 240
"""The narrowest a kind's button gets (its text is cut there; the tip and screen readers keep it all)."""


class StartPage(QWidget):
    """Shown when no guide is selected; emits what the author chose."""

    new_guide = Signal(str)
    open_recent = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel("Create a guide")
        heading.setObjectName("formTitle")
        layout.addWidget(heading)
        self.intro = QLabel(
            "Pick what you want to build. Every change is saved to the project file as you go, and "
            "Undo (Ctrl+Z) takes back anything."
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.kind_buttons: dict[str, QPushButton] = {}
        for number, (kind, info) in enumerate(GUIDE_KINDS.items()):
            button = QPushButton(icon(kind), f"  {info.title}\n  {info.hint}")
            button.setObjectName("kindButton")
            button.setIconSize(QSize(28, 28))
            button.setMinimumWidth(KIND_BUTTON_MIN)  # a long hint is cut, never widens the window
            button.setToolTip(f"New {info.title.lower()} (Ctrl+{number + 1}): {info.hint}")
            button.setAccessibleName(f"New {info.title.lower()}")
            button.setAccessibleDescription(info.hint)
            button.clicked.connect(lambda _c=False, k=kind: self.new_guide.emit(k))
            grid.addWidget(button, number // 2, number % 2)
            self.kind_buttons[kind] = button
        layout.addLayout(grid)
        self.recent_title = QLabel("Recent projects")
        self.recent_title.setObjectName("paneTitle")
        layout.addSpacing(16)
        layout.addWidget(self.recent_title)
        self.recent_box = QVBoxLayout()
        layout.addLayout(self.recent_box)
        layout.addStretch()

    def set_enabled_kinds(self, enabled: bool) -> None:
        """New guides need an open project."""
        for button in self.kind_buttons.values():
            button.setEnabled(enabled)
        self.intro.setText(
            "Pick what you want to build. Every change is saved to the project file as you go, and "
            "Undo (Ctrl+Z) takes back anything."
            if enabled
            else "Open a project (Ctrl+O) or create one (Ctrl+N) to start."
        )

    def set_recent(self, paths: list[str]) -> None:
        """List recent project files as links."""
        while self.recent_box.count():
            item = self.recent_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for path in paths:
            button = QPushButton(f"{Path(path).name}   —   {Path(path).parent}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 4px")
            button.setAccessibleName(f"Open recent project {Path(path).name}")
            button.clicked.connect(lambda _c=False, p=path: self.open_recent.emit(p))
            self.recent_box.addWidget(button)
        self.recent_title.setVisible(bool(paths))
