"""Start the desktop studio: the Qt application, the main window, the optional demo server.

The window shows first; the project (the store, the models, the editors) opens on the next
turn of the event loop, behind the shown window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .errors import ErrorReporter
from .jobs import finish_jobs
from .main_window import MainWindow
from .style import apply_theme, palette_is_dark, system_is_dark


def start(project: Path | None = None, *, serve_demo: bool = False):
    """Show the studio's window (and serve the demo app); the project opens once the window is up.

    Returns ``(app, window, server)``; ``run`` adds the event loop.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Guide Studio")
    app.setOrganizationName("Guide Studio")
    ErrorReporter().install()
    window = MainWindow()
    # once the widgets exist (styled in one pass, not again as each is made); the desktop's palette
    # says light or dark now, its colour scheme (Qt's enums: after the first paint) confirms it
    dark = apply_theme(app, palette_is_dark())
    window.show()
    QTimer.singleShot(0, lambda: system_is_dark() != dark and apply_theme(app))
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
    app.aboutToQuit.connect(finish_jobs)
    server = None
    if serve_demo:
        from ..app.demo import (
            serve_demo as start_demo,
        )  # after the window: an HTTP server is not needed to show it

        server = start_demo()
    if server is not None:
        window.statusBar().showMessage(f"Demo app at {server.url}/")
    if project is not None:
        QTimer.singleShot(0, lambda: window.open_project(project))
    return app, window, server


def run(project: Path | None = None, *, serve_demo: bool = False) -> int:
    """Run the studio until its window closes; returns the exit code."""
    app, _window, server = start(project, serve_demo=serve_demo)
    try:
        return app.exec()
    finally:
        if server is not None:
            server.stop()
