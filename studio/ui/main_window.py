"""The studio's main window: guides by kind, the selected guide's steps, and its properties."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..app import Command, DeleteGuide, PutGuide, SetProject, Studio, Workspace
from ..app.forms import GUIDE_FIELDS, ITEM_FIELDS, STEP_FIELDS
from ..domain import GUIDE_KINDS
from ..store import ProjectFileError, ProjectStore
from .actions import build_actions
from .flows import BrowserFlows
from .form import FormView
from .guide_list import GuideList
from .parts import PartsList
from .projects import ProjectFiles
from .results import ResultsView
from .start import StartPage
from .style import icon
from .work import LongWork


class _UndoAdapter(QUndoCommand):
    """A Qt-free command on the studio's QUndoStack."""

    def __init__(self, command: Command, window: MainWindow, *, applied: bool = False) -> None:
        super().__init__(command.text)
        self.command = command
        self.window = window
        self.applied = applied
        """The edit is already in the file: the stack's first redo only shows it."""

    def id(self) -> int:  # noqa: A003 - Qt's name
        """Typing in one field merges (see Command.merge)."""
        return 1 if self.command.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Fold the next keystroke's edit into this one."""
        return isinstance(other, _UndoAdapter) and self.command.merge(other.command)

    def redo(self) -> None:
        if self.applied:
            self.applied = False
            self.window.show_command(self.command, undo=False)
        else:
            self.window.apply_command(self.command, undo=False)

    def undo(self) -> None:
        self.window.apply_command(self.command, undo=True)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class MainWindow(GuideList, ProjectFiles, BrowserFlows, LongWork, QMainWindow):
    """Shows one project; opening another replaces it."""

    def __init__(self, *, headless_recorder: bool = False, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.store: ProjectStore | None = None
        self.lock = None
        self.workspace: Workspace | None = None
        self.studio: Studio | None = None
        self.guide_id: str | None = None
        self.part = 0
        self.undo_stack = QUndoStack(self)
        self._pushing = False
        self._guide_choices: list[tuple[str, str]] = []
        self.setWindowTitle("Guide Studio")
        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)

        self.search = QLineEdit(placeholderText="Search guides (Ctrl+F)")
        self.search.setAccessibleName("Search guides")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show kinds")
        self.kind_filter.addItem("All kinds", None)
        for kind, (_cls, info) in GUIDE_KINDS.items():
            self.kind_filter.addItem(icon(kind), f"{info.title}s", kind)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._filter(self.search.text()))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Guides")
        self.tree.currentItemChanged.connect(self._tree_selected)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.search)
        column.addWidget(self.kind_filter)
        column.addWidget(self.tree)

        self.parts = PartsList()
        self.parts.selected.connect(self._part_selected)
        self.parts.moved.connect(lambda a, b: QTimer.singleShot(0, lambda: self.move_part(a, b)))
        self.parts.add.connect(self.add_part)
        self.parts.duplicate.connect(self.duplicate_part)
        self.parts.delete.connect(self.delete_part)
        self.step_form = FormView(STEP_FIELDS, "Step")
        self.item_form = FormView(ITEM_FIELDS, "Checklist item")
        self.guide_form = FormView(GUIDE_FIELDS, "Guide")
        self.part_stack = QStackedWidget()
        self.part_stack.addWidget(_scrolled(self.step_form))
        self.part_stack.addWidget(_scrolled(self.item_form))
        for form in (self.step_form, self.item_form):
            form.edited.connect(lambda path, value: self.edit((self.parts_key(), self.part, *path), value))
            form.pick.connect(lambda path: self.start_pick((self.parts_key(), self.part, *path)))
        self.guide_form.edited.connect(lambda path, value: self.edit(path, value))
        self.guide_form.pick.connect(self.start_pick)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Properties")
        self.tabs.addTab(self.part_stack, "Step")
        self.tabs.addTab(_scrolled(self.guide_form), "Guide")
        editor = QSplitter()
        editor.addWidget(self.parts)
        editor.addWidget(self.tabs)
        editor.setSizes([300, 620])
        self.start_page = StartPage()
        self.start_page.new_guide.connect(self.new_guide)
        self.start_page.open_recent.connect(lambda path: self.open_project(Path(path)))
        self.center = QStackedWidget()
        self.center.addWidget(self.start_page)
        self.center.addWidget(editor)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.center)
        splitter.setSizes([300, 980])
        self.setCentralWidget(splitter)

        self.results = ResultsView()
        self.results.repick.connect(self.repick_failed)
        self.results_dock = QDockWidget("Test results", self)
        self.results_dock.setObjectName("results")
        self.results_dock.setWidget(self.results)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.results_dock)
        self.results_dock.hide()

        self.recorder_label = QLabel("Browser closed")
        self.recorder_label.setAccessibleName("Recorder state")
        self.path_label = QLabel()
        self.app_label = QLabel()
        self.app_label.setAccessibleName("App address")
        self.app_label.setToolTip(
            "Where recording, preview and tests open your app (Project › Theme and settings)"
        )
        self.statusBar().addPermanentWidget(self.app_label)
        self.statusBar().addPermanentWidget(self.recorder_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.actions_ = build_actions(self)
        self.init_flows(headless_recorder)
        self._update_recent()
        self._show_guide(None)
        self._restore_geometry()

    # -- the selected guide -----------------------------------------------------------------------

    def draft(self):
        """The selected guide's draft, or None."""
        if self.studio is None or self.guide_id is None:
            return None
        try:
            return self.studio.draft(self.guide_id)
        except ProjectFileError:
            return None

    def parts_key(self) -> str:
        """``steps`` or ``items``."""
        draft = self.draft()
        return draft.parts_key if draft else "steps"

    def _show_guide(self, guide_id: str | None) -> None:
        draft = self.draft() if guide_id else None
        self.actions_.set_guide_actions(draft is not None)
        if draft is None:
            self.guide_id = None
            self.center.setCurrentIndex(0)
            return
        self.center.setCurrentIndex(1)
        noun = "Item" if draft.kind == "checklist" else "Step"
        self.part = min(self.part, len(draft.parts) - 1)
        rows = [
            (
                p["id"],
                p.get("title", ""),
                self.store.step_image(draft.id, p["id"]) if noun == "Step" else None,
            )
            for p in draft.parts
        ]
        self.parts.show_parts(noun, rows, self.part)
        self.parts.set_editable(draft.kind in ("walkthrough", "checklist"))  # the others have one step
        self.tabs.setTabText(0, noun)
        self.part_stack.setCurrentIndex(1 if noun == "Item" else 0)
        self._guide_choices = [(row.id, row.name) for row in self.studio.rows()]
        self._show_picture()
        self._show_forms()

    def _show_forms(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        guides = [(gid, name) for gid, name in self._guide_choices if gid != draft.id]
        scope = (draft.parts_key, self.part)
        form = self.item_form if draft.kind == "checklist" else self.step_form
        form.title.setText(
            f"{'Item' if draft.kind == 'checklist' else 'Step'} {self.part + 1} of {len(draft.parts)}"
        )
        form.show_values(
            draft.kind,
            lambda path: draft.value(scope + path),
            draft.problems(scope, [s.path for s in form.specs]),
            guides,
        )
        info = GUIDE_KINDS[draft.kind][1]
        self.guide_form.title.setText(f"{info.title}: {draft.data.get('name', '')}")
        self.guide_form.show_values(
            draft.kind, draft.value, draft.problems((), [s.path for s in GUIDE_FIELDS]), guides
        )
        problem = draft.first_problem()
        self.statusBar().showMessage(f"Not saved yet — {problem}" if problem else "")

    def _part_selected(self, index: int) -> None:
        self.part = index
        self._show_picture()
        self._show_forms()

    def _show_picture(self) -> None:
        draft = self.draft()
        if draft is not None and draft.kind != "checklist" and 0 <= self.part < len(draft.parts):
            self.parts.show_picture(
                self.store.step_image(draft.id, draft.parts[self.part]["id"], "screenshot")
            )
        else:
            self.parts.show_picture(None)

    # -- editing ------------------------------------------------------------------------------------

    def edit(self, path: tuple, value) -> None:
        """A field changed in a form: validate, save when valid, show messages."""
        draft = self.draft()
        if draft is None:
            return
        was_valid = draft.valid
        draft.set(path, value)
        if draft.valid != was_valid or path == ("name",):
            self._relabel(draft.id, draft.data.get("name", draft.id), draft.first_problem())
        if len(path) == 3 and path[2] == "title":
            item = self.parts.list.item(path[1])
            if item is not None:
                item.setText(f"{path[1] + 1}. {value or '(untitled)'}")
        self._show_forms()

    def apply_command(self, command: Command, *, undo: bool) -> None:
        """Run an edit (or its undo) against the project file and show the result."""
        if self.workspace is None:
            return
        try:
            self.workspace.run(command, undo=undo)
        except ProjectFileError as exc:
            QMessageBox.warning(self, "Cannot save", str(exc))
        self.show_command(command, undo=undo)

    def show_command(self, command: Command, *, undo: bool) -> None:
        """Show an edit that is in the file (or its undo)."""
        if isinstance(command, PutGuide) and command.before is not None:  # an edit: one row at most
            guide = command.before if undo else command.after
            draft = self.studio.drafts.get(guide.id)
            self._relabel(guide.id, guide.name, draft.first_problem() if draft else None, guide.enabled)
        elif isinstance(command, SetProject):
            name, _theme, settings = command.before if undo else command.after
            self.setWindowTitle(f"{name} — Guide Studio")
            self.show_app_url(settings.app_url)
        else:
            self.refresh()
        if self._pushing:
            return  # a live edit: whoever made it shows its result (cheaper than redrawing everything)
        if isinstance(command, DeleteGuide) and command.guide.id == self.guide_id and not undo:
            self.select_guide(None)
        elif self.guide_id is not None:
            self._show_guide(self.guide_id)

    def show_app_url(self, url: str | None) -> None:
        """The app address in the status bar."""
        self.app_label.setText(f"App: {url}" if url else "App: not set yet")

    def push_command(self, command: Command) -> None:
        """Where the workspace sends edits: saved first (a failure reaches the caller and nothing is
        pushed), then onto the undo stack."""
        self.workspace.run(command)
        self._pushing = True
        try:
            self.undo_stack.push(_UndoAdapter(command, self, applied=True))
        finally:
            self._pushing = False

    def _multi_step(self):
        """The selected guide's draft when it may have several steps (walkthrough, checklist); else None."""
        draft = self.draft()
        if draft is not None and draft.kind not in ("walkthrough", "checklist"):
            self.statusBar().showMessage(f"A {draft.kind} has exactly one step", 5000)
            return None
        return draft

    def add_part(self) -> None:
        """Add a step (or item) after the selected one."""
        draft = self._multi_step()
        if draft is not None:
            self.part = draft.add_part(self.part)
            self._show_guide(self.guide_id)

    def duplicate_part(self) -> None:
        """Copy the selected step (with its pictures) or item."""
        if self._multi_step() is not None:
            self.part = self.studio.duplicate_part(self.guide_id, self.part)
            self._show_guide(self.guide_id)

    def delete_part(self) -> None:
        """Delete the selected step or item (not the last one)."""
        draft = self.draft()
        if draft is None:
            return
        if not draft.delete_part(self.part):
            self.statusBar().showMessage("A guide keeps at least one step; delete the guide instead", 5000)
            return
        self.part = max(0, self.part - 1)
        self._show_guide(self.guide_id)

    def move_part(self, index: int, to: int) -> None:
        """Move a step or item (after a drag, or Move up / down)."""
        draft = self.draft()
        if draft is not None:
            draft.move_part(index, to)
            self.part = max(0, min(to, len(draft.parts) - 1))
            self._show_guide(self.guide_id)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Keep the geometry, close the browser and release the project file."""
        for job in (self.job, self.preview_job):
            if job is not None and not job.done:
                job.cancel.set()  # a test run stops within a step; its thread is a daemon
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.stop_browser(wait=True)
        self.close_project()
        super().closeEvent(event)
