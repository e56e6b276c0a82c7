"""View › Problems: the project check (``studio lint``) kept up to date while the author edits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from .jobs import Job

RECHECK_MS = 800
"""Quiet time after the last edit before the check runs again (it reads the whole project)."""


class ProblemsView(QWidget):
    """Lists every problem with its guide; ``chosen(guide_id)`` when the author opens one."""

    chosen = Signal(str)
    counted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("No project open.")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Guide", "Problem"])
        self.tree.setAccessibleName("Problems")
        self.tree.setColumnWidth(0, 220)
        self.tree.setRootIsDecorated(False)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._path: Path | None = None
        self._names: Callable[[], dict[str, str]] = dict
        self._job: Job | None = None
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=RECHECK_MS)
        self._timer.timeout.connect(self.check_now)

    def watch(self, path: Path | None, names: Callable[[], dict[str, str]] = dict) -> None:
        """Check the project at ``path`` (None: nothing open) now; ``names()`` gives guide names by id."""
        self._path, self._names = path, names
        self.tree.clear()
        self.summary.setText("Checking…" if path else "No project open.")
        if path is not None:
            self.check_now()

    def changed(self) -> None:
        """The project changed: check again once the author pauses."""
        if self._path is not None:
            self._timer.start()

    def check_now(self) -> None:
        """Run the check off the GUI thread (once more afterwards if it is already running)."""
        if self._path is None:
            return
        if self._job is not None and not self._job.done:
            self._again = True
            return
        from ..app.tasks import check_project_file

        path = self._path
        self._job = Job(lambda progress, cancel: check_project_file(path, progress, cancel), self)
        self._job.succeeded.connect(self._show)
        self._job.failed.connect(lambda text: self.summary.setText(f"The check could not run: {text}"))
        self._job.ended.connect(self._ended)
        self._job.start()

    def _ended(self) -> None:
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.check_now)

    def _show(self, problems: list) -> None:
        self.tree.clear()
        names = self._names() if problems else {}
        for problem in problems:
            item = QTreeWidgetItem(
                self.tree, [names.get(problem.guide_id, problem.guide_id), problem.message]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, problem.guide_id)
            item.setToolTip(1, f"{problem.field}: {problem.message}" if problem.field else problem.message)
        self.summary.setText(
            "No problems: every guide can be seen and starts where it should."
            if not problems
            else f"{len(problems)} problem{'s' * (len(problems) > 1)}: guides that would ship broken or "
            "that nobody would see. Double-click one to open its guide."
        )
        self.counted.emit(len(problems))

    def lines(self) -> list[tuple[str, str]]:
        """(guide, problem) as shown, for tests and screenshots."""
        return [
            (self.tree.topLevelItem(i).text(0), self.tree.topLevelItem(i).text(1))
            for i in range(self.tree.topLevelItemCount())
        ]

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        guide_id = item.data(0, Qt.ItemDataRole.UserRole)
        if guide_id:
            self.chosen.emit(guide_id)
