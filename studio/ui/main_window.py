"""The studio's main window: the guide list grouped by kind and a details pane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import Command, Workspace
from ..browser import BrowserNotFound
from ..domain import GUIDE_KINDS
from ..recorder import RecorderEvent, record_into
from ..store import ProjectFileError, ProjectStore
from .guide_summary import summary_html
from .recording import RecorderBridge, describe

GUIDE_ID_ROLE = Qt.ItemDataRole.UserRole


class _UndoAdapter(QUndoCommand):
    """A Qt-free command on the studio's QUndoStack."""

    def __init__(self, command: Command, window: MainWindow) -> None:
        super().__init__(command.text)
        self.command = command
        self.window = window

    def redo(self) -> None:
        self.window.apply_command(self.command, undo=False)

    def undo(self) -> None:
        self.window.apply_command(self.command, undo=True)


class MainWindow(QMainWindow):
    """Shows one project; opening another replaces it."""

    def __init__(self, *, headless_recorder: bool = False) -> None:
        super().__init__()
        self.store: ProjectStore | None = None
        self.recorder = RecorderBridge(headless=headless_recorder, parent=self)
        self.recorder.event.connect(self._on_recorder_event)
        self.recording_guide: str | None = None
        self.recording_name = ""
        self.undo_stack = QUndoStack(self)
        self.workspace: Workspace | None = None
        self.setWindowTitle("Guide Studio")
        self.resize(1280, 800)

        self.search = QLineEdit(placeholderText="Search guides…")
        self.search.setAccessibleName("Search guides")
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Guides")
        self.tree.currentItemChanged.connect(self._show_selected)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.search)
        column.addWidget(self.tree)

        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName("Guide details")
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setSizes([360, 920])
        self.setCentralWidget(splitter)

        self.path_label = QLabel()
        self.statusBar().addPermanentWidget(self.path_label)
        self._build_menu()
        self._show_start()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open project…", self, shortcut=QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_project)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(open_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.delete_action = QAction("&Delete guide", self, shortcut=QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        for action in (undo, redo, self.delete_action):
            edit_menu.addAction(action)
        record_menu = self.menuBar().addMenu("&Record")
        self.record_action = QAction("&Record walkthrough…", self, shortcut=QKeySequence("Ctrl+R"))
        self.record_action.setToolTip("Open your app in a browser and turn each click into a step")
        self.record_action.triggered.connect(self._ask_and_record)
        self.stop_action = QAction(
            "&Stop recording", self, shortcut=QKeySequence("Ctrl+Shift+R"), enabled=False
        )
        self.stop_action.triggered.connect(self.recorder.stop)
        record_menu.addAction(self.record_action)
        record_menu.addAction(self.stop_action)

    def _show_start(self) -> None:
        hints = "".join(f"<li><b>{info.title}</b> — {info.hint}</li>" for _cls, info in GUIDE_KINDS.values())
        self.details.setHtml(
            "<h2>Guide Studio</h2><p>Open a project (File › Open) to see its guides.</p>"
            f"<h3>What each kind of guide is for</h3><ul>{hints}</ul>"
        )

    def _choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", "", "Guide Studio projects (*.gstudio);;All files (*)"
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> bool:
        """Show the project at ``path``; on failure say why and keep the current one."""
        try:
            store = ProjectStore.open(path)
            summaries = store.guide_summaries()
            name = store.load().name
        except ProjectFileError as exc:
            QMessageBox.warning(self, "Cannot open project", str(exc))
            return False
        if self.store is not None:
            self.store.close()
        self.store = store
        self.undo_stack.clear()
        self.workspace = Workspace(
            store, execute=lambda command: self.undo_stack.push(_UndoAdapter(command, self))
        )
        self.setWindowTitle(f"{name} — Guide Studio")
        self.path_label.setText(str(path))
        self._populate(summaries)
        self.statusBar().showMessage(f"Opened {path.name}: {len(summaries)} guides", 5000)
        return True

    def refresh(self) -> None:
        """Rebuild the guide list from the open project (after the recorder added steps)."""
        if self.store is not None:
            self._populate(self.store.guide_summaries())

    def _populate(self, summaries) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for kind, (_cls, info) in GUIDE_KINDS.items():
            groups[kind] = QTreeWidgetItem(self.tree, [info.title])
            groups[kind].setFlags(Qt.ItemFlag.ItemIsEnabled)
        for summary in summaries:
            parent = groups.get(summary.kind)
            if parent is None:
                continue
            item = QTreeWidgetItem(parent, [summary.name])
            item.setData(0, GUIDE_ID_ROLE, summary.id)
        for kind, group in groups.items():
            group.setText(0, f"{GUIDE_KINDS[kind][1].title}s ({group.childCount()})")
        self.tree.expandAll()

    def _show_selected(self, item: QTreeWidgetItem | None) -> None:
        guide_id = item.data(0, GUIDE_ID_ROLE) if item else None
        if not guide_id or self.store is None:
            return
        try:
            self.details.setHtml(summary_html(self.store.get_guide(guide_id)))
        except ProjectFileError as exc:
            self.details.setPlainText(str(exc))

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                child.setHidden(bool(needle) and needle not in child.text(0).lower())

    # -- editing ---------------------------------------------------------------------------

    def apply_command(self, command: Command, *, undo: bool) -> None:
        """Run an edit (or its undo) against the project file and show the result."""
        if self.store is None:
            return
        try:
            (command.revert if undo else command.apply)(self.store)
        except ProjectFileError as exc:
            QMessageBox.warning(self, "Cannot save", str(exc))
        self.refresh()

    def selected_guide(self) -> str | None:
        """The id of the guide selected in the list."""
        item = self.tree.currentItem()
        return item.data(0, GUIDE_ID_ROLE) if item else None

    def delete_selected(self) -> None:
        """Delete the selected guide (Undo brings it back in place)."""
        guide_id = self.selected_guide()
        if guide_id and self.workspace is not None:
            self.workspace.delete_guide(guide_id)
            self.statusBar().showMessage("Guide deleted — Undo (Ctrl+Z) brings it back", 5000)

    # -- recording ------------------------------------------------------------------------

    def _ask_and_record(self) -> None:
        if self.store is None:
            QMessageBox.information(self, "Record walkthrough", "Open or create a project first.")
            return
        remembered = self.store.load().settings.app_url or "http://127.0.0.1:8765/index.html"
        url, ok = QInputDialog.getText(
            self, "Record walkthrough", "Start address of your app:", text=remembered
        )
        if ok and url.strip():
            self.start_recording(url.strip())

    def start_recording(self, url: str) -> bool:
        """Open the browser on ``url``; each capture becomes a step of a new walkthrough."""
        if self.store is None or self.recorder.session.running:
            return False
        existing = {s.id for s in self.store.guide_summaries()}
        number = 1
        while f"recorded-{number}" in existing:
            number += 1
        self.recording_guide = f"recorded-{number}"
        self.recording_name = f"Recorded walkthrough {number}"
        try:
            self.recorder.start(url)
        except BrowserNotFound as exc:
            QMessageBox.warning(self, "Cannot record", str(exc))
            return False
        settings = self.store.load().settings
        if settings.app_url != url:
            self.store.update_project(settings=settings.model_copy(update={"app_url": url}))
        self.record_action.setEnabled(False)
        self.stop_action.setEnabled(True)
        self.statusBar().showMessage(f"Starting the browser on {url}…")
        return True

    def _on_recorder_event(self, event: RecorderEvent) -> None:
        message = describe(event)
        if message:
            self.statusBar().showMessage(message)
        if event.kind == "capture" and event.capture is not None and self.store and self.recording_guide:
            if event.capture.kind == "pick":
                return
            try:
                record_into(
                    self.store,
                    self.recording_guide,
                    self.recording_name,
                    event.capture,
                )
            except (ProjectFileError, ValueError) as exc:
                self.statusBar().showMessage(f"Could not add that step: {exc}")
                return
            self.refresh()
        elif event.kind == "ended":
            self.record_action.setEnabled(True)
            self.stop_action.setEnabled(False)
        elif event.kind == "error":
            QMessageBox.warning(self, "Recorder", event.message)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Close the recorder's browser and release the project file when the window closes."""
        self.recorder.stop()
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)
