"""The last line of defence: an unexpected error becomes a one-line message and a log entry, not a crash."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication


def log_path() -> Path:
    """Where the studio writes the details of unexpected errors."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or Path.home() / ".guide-studio") / "studio.log"


class ErrorReporter:
    """Installed as ``sys.excepthook``: logs the traceback, tells the author in one line, keeps running."""

    def __init__(self, log: Path | None = None) -> None:
        """``log`` defaults to ``log_path()``."""
        self.log = log or log_path()
        self._showing = False

    def install(self) -> None:
        """Catch exceptions that reach Qt's event loop (slots, callbacks)."""
        sys.excepthook = self

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """Log and show one unexpected error."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        import traceback  # loaded when something first goes wrong, not before the window shows
        from datetime import UTC, datetime

        try:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            with self.log.open("a", encoding="utf-8") as out:
                out.write(f"--- {datetime.now(UTC).isoformat()}\n")
                out.write("".join(traceback.format_exception(kind, error, tb)))
            where = f" Details are in {self.log}."
        except OSError:
            where = ""
        line = (str(error).splitlines() or [kind.__name__])[0]
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        from PySide6.QtWidgets import QMessageBox  # loaded when something first goes wrong

        try:
            QMessageBox.warning(
                QApplication.activeWindow(),
                "Something went wrong",
                f"{line} ({kind.__name__}). Your work is saved; you can carry on.{where}",
            )
        finally:
            self._showing = False
