"""The window's two bottom docks (problems, test results): hidden at start, so made just after the
first paint, and their views only when they first show.

Nothing here runs before the window is shown: adding a dock needs Qt's namespace of enums, whose
making costs more start-up time than the rest of the window (see ``docs/architecture.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


class LazyDock(QDockWidget):
    """A bottom dock whose view is built the first time it is shown or asked for."""

    def __init__(self, title: str, name: str, build: Callable[[], QWidget], window: MainWindow) -> None:
        super().__init__(title, window)
        self.setObjectName(name)
        self._build = build
        self._view: QWidget | None = None
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        window.restoreDockWidget(self)  # where the author left it (the window's state was restored first)
        self.visibilityChanged.connect(lambda visible: visible and self.view)

    @property
    def built(self) -> bool:
        """Whether the view exists yet."""
        return self._view is not None

    @property
    def view(self) -> QWidget:
        """The dock's view (built now if it was not yet)."""
        if self._view is None:
            self._view = self._build()
            self.setWidget(self._view)
        return self._view


def _problems_view(window: MainWindow) -> QWidget:
    """The problems list: a chosen line selects its guide, the count goes into the dock's title."""
    from .problems import ProblemsView

    view = ProblemsView()
    view.chosen.connect(lambda guide_id: window.select_guide(guide_id))
    view.counted.connect(
        lambda count: window.problems_dock.setWindowTitle(f"Problems ({count})" if count else "Problems")
    )
    return view


def add_docks(window: MainWindow) -> tuple[LazyDock, LazyDock]:
    """Make the problems and results docks, tabbed together, with their View menu entries."""
    problems = LazyDock("Problems", "problems", lambda: _problems_view(window), window)
    results = LazyDock("Test results", "results", window.work.build_results, window)
    window.tabifyDockWidget(problems, results)
    menu = window.actions_.view_menu
    first = menu.actions()[0] if menu.actions() else None
    for dock, text, keys, name in (
        (results, "Test &results", "Ctrl+Shift+T", "view-results"),
        (problems, "&Problems", "Ctrl+Shift+P", "view-problems"),
    ):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"Show or hide the {dock.windowTitle()} panel")
        action.triggered.connect(lambda _checked=False, d=dock: _show_or_hide(d))
        window.actions_.by_name[name] = action  # listed in Help › Keyboard shortcuts
        menu.insertAction(first, action)
    return problems, results


def _show_or_hide(dock) -> None:
    """A View menu entry brings its dock to the front (also from behind the other dock's tab);
    only a dock already in front is hidden by it."""
    if dock.isVisible() and not dock.visibleRegion().isEmpty():
        dock.hide()
        return
    dock.show()
    dock.raise_()
