"""Long work off the GUI thread: a worker thread, progress signals, a cancel flag and a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..app.progress import Cancelled

_RUNNING: set[Job] = set()


def finish_jobs(seconds: float = 3.0) -> None:
    """Cancel the jobs still running and wait for them (bounded) before the application goes:
    a thread emitting into a Qt that is being torn down could crash the process."""
    import time

    for job in list(_RUNNING):
        job.cancel.set()
    end = time.monotonic() + seconds
    for job in list(_RUNNING):
        if job.thread is not None:
            job.thread.join(max(0.0, end - time.monotonic()))


class Job(QObject):
    """Runs ``work(progress, cancel)`` on a thread; its signals arrive on the GUI thread."""

    progress = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, work: Callable[..., Any], parent: QObject | None = None) -> None:
        """``parent`` only names who started it: the job is owned by Python, not by a widget, so
        a window closing while the thread still runs cannot delete what the thread emits on."""
        super().__init__()
        self.owner = parent
        self.work = work
        self.cancel = threading.Event()
        self.thread: threading.Thread | None = None
        self.done = False
        """Set on the GUI thread once the result (or failure) has been handled there."""
        self.ended.connect(self._mark_done)

    def _mark_done(self) -> None:
        self.done = True

    def start(self) -> None:
        """Begin the work; returns at once."""
        self.thread = threading.Thread(target=self._run, name="studio-job", daemon=True)
        _RUNNING.add(self)
        self.thread.start()

    @property
    def running(self) -> bool:
        """Whether the work has not finished yet."""
        return self.thread is not None and self.thread.is_alive()

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is being torn down: nobody is left to tell
            pass

    def _run(self) -> None:
        try:
            result = self.work(
                lambda message, done, total: self._emit(self.progress, message, done, total), self.cancel
            )
        except Cancelled:
            self._emit(self.failed, "Cancelled")
        except Exception as exc:  # noqa: BLE001 - shown to the author in one line, never a traceback
            self._emit(self.failed, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        else:
            self._emit(self.succeeded, result)
        finally:
            _RUNNING.discard(self)
            self._emit(self.ended)


def progress_dialog(job: Job, title: str, parent: QWidget) -> QProgressDialog:
    """A window-modal progress dialog whose Cancel sets the job's cancel flag."""
    from PySide6.QtCore import Qt  # not at import: the window shows first (before_paint.py)

    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def show(message: str, done: int, total: int) -> None:
        dialog.setLabelText(message)
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    job.progress.connect(show)
    dialog.canceled.connect(job.cancel.set)
    dialog.canceled.connect(lambda: dialog.setLabelText("Cancelling…"))
    job.ended.connect(dialog.close)
    job.ended.connect(dialog.deleteLater)
    return dialog
