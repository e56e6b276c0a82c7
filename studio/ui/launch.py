"""Start the desktop studio: the Qt application, the main window, the optional demo server."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ..app.demo import serve_demo as start_demo
from .errors import ErrorReporter
from .main_window import MainWindow
from .style import apply_theme


def run(project: Path | None = None, *, serve_demo: bool = False) -> int:
    """Run the studio until its window closes; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Guide Studio")
    app.setOrganizationName("Guide Studio")
    apply_theme(app)
    ErrorReporter().install()
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
    window = MainWindow()
    server = start_demo() if serve_demo else None
    if server is not None:
        window.statusBar().showMessage(f"Demo app at {server.url}/")
    window.show()
    if project is not None:  # the window first; the project (store, models, editors) loads behind it
        QTimer.singleShot(0, lambda: window.open_project(project))
    try:
        return app.exec()
    finally:
        if server is not None:
            server.stop()
