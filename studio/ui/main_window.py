"""The studio's main window: composes the guide list, the editor, the browser, the jobs and the results.

It owns no behaviour of its own beyond wiring: each part is handed what it needs (a session,
prompts, settings) and reports through signals; every edit goes through the session's history.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget

from ..app import ProjectFileError
from .actions import EDITOR_CONTEXT_ACTIONS, build_actions
from .before_paint import ACTIONS_CONTEXT_MENU
from .browser_work import BrowserWork
from .guide_panel import GuidePanel
from .guide_work import GuideWork
from .prompts import Prompts
from .recent import RecentProjects
from .start import StartPage
from .style import icon

if TYPE_CHECKING:  # loaded behind the shown window (the store, the models, the editors' forms)
    from ..app import Command, ProjectSession
    from .browser_control import BrowserController
    from .docks import LazyDock
    from .guide_editor import GuideEditor
    from .job_runner import JobRunner
    from .problems import ProblemsView
    from .results import ResultsView

STATUS_MS = 5000


class MainWindow(QMainWindow):
    """Shows one project session; opening another replaces it only once it opened."""

    def __init__(self, *, headless_recorder: bool = False, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.session: ProjectSession | None = None
        self._unlisten = None
        self.prompts = Prompts(self)
        self.recent = RecentProjects(self.settings)
        self.setWindowTitle("Guide Studio")
        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)

        self.guide_panel = GuidePanel()
        self.guide_panel.selected.connect(self.select_guide)
        self._editor: GuideEditor | None = None
        self.start_page = StartPage()
        self.start_page.new_guide.connect(lambda kind: self.guide_work.new_guide(kind))
        self.start_page.open_recent.connect(lambda path: self.open_project(Path(path)))
        self.center = QStackedWidget()
        self.center.addWidget(self.start_page)
        splitter = QSplitter()
        splitter.addWidget(self.guide_panel)
        splitter.addWidget(self.center)
        splitter.setSizes([300, 980])
        self.setCentralWidget(splitter)

        self.work = BrowserWork(self, headless=headless_recorder)
        self.guide_work = GuideWork(self)
        self._docks: tuple[LazyDock, LazyDock] | None = None

        self.recorder_label = QLabel("Browser closed")
        self.recorder_label.setAccessibleName("Recorder state")
        self.path_label = QLabel()
        self.app_label = QLabel()
        self.app_label.setAccessibleName("App address")
        self.app_label.setToolTip(
            "Where recording, preview and tests open your app (Project › Theme and settings)"
        )
        for label in (self.app_label, self.recorder_label, self.path_label):
            self.statusBar().addPermanentWidget(label)
        self.actions_ = build_actions(self)
        self._update_recent()
        self.select_guide(None)
        self._update_undo()
        self._restore_geometry()
        QTimer.singleShot(0, lambda: self.problems_dock)  # the hidden docks: just after the first paint

    @property
    def editor(self) -> GuideEditor:
        """The guide editor, built the first time a guide is shown (its forms load the models)."""
        if self._editor is None:
            from .guide_editor import GuideEditor

            editor = GuideEditor()
            editor.pick.connect(lambda path: self.work.start_pick(path))
            editor.listing_changed.connect(self._relabel)
            editor.message.connect(lambda text: self.statusBar().showMessage(text))
            editor.set_session(self.session)
            editor.parts.list.setProperty("contextMenuPolicy", ACTIONS_CONTEXT_MENU)
            for name in EDITOR_CONTEXT_ACTIONS:
                editor.parts.list.addAction(self.actions_[name])
            self.center.addWidget(editor)
            self._editor = editor
        return self._editor

    @property
    def problems_dock(self) -> LazyDock:
        """The dock of the problems list."""
        return self._bottom_docks()[0]

    @property
    def results_dock(self) -> LazyDock:
        """The dock of the test results."""
        return self._bottom_docks()[1]

    def _bottom_docks(self) -> tuple[LazyDock, LazyDock]:
        if self._docks is None:
            from .docks import add_docks

            self._docks = add_docks(self)
        return self._docks

    @property
    def problems(self) -> ProblemsView:
        """The problems list (in its dock; built when a project opens or the dock shows)."""
        return self.problems_dock.view

    @property
    def browser(self) -> BrowserController:
        """The studio's browser (built on first use)."""
        return self.work.browser

    @property
    def jobs(self) -> JobRunner:
        """Test, check and export (built on first use)."""
        return self.work.jobs

    @property
    def results(self) -> ResultsView:
        """The test results view (built on first use)."""
        return self.work.results

    # -- the open project ---------------------------------------------------------------------------

    def open_project(self, path: Path) -> bool:
        """Show the project at ``path``; on failure say why and keep the current one untouched."""
        path = Path(path)
        if self.session is not None and path.resolve() == self.session.path.resolve():
            self.statusBar().showMessage(f"{path.name} is already open", STATUS_MS)
            return True
        from ..app import ProjectSession

        try:
            session = ProjectSession.open(path)
        except (ProjectFileError, OSError) as exc:
            self.prompts.warn("Cannot open project", str(exc))
            return False
        self._use(session)
        rows = len(session.guides.listing())
        self.statusBar().showMessage(f"Opened {path.name}: {rows} guides", STATUS_MS)
        return True

    def new_project(self, path: Path) -> bool:
        """Create an empty project file at ``path`` (refusing to overwrite) and open it."""
        if path.suffix != ".gstudio":
            path = path.with_suffix(".gstudio")
        from ..app import ProjectSession

        try:
            session = ProjectSession.create(path)
        except (ProjectFileError, OSError) as exc:
            self.prompts.warn("Cannot create project", str(exc))
            return False
        self._use(session)
        return True

    def _use(self, session: ProjectSession) -> None:
        """Swap in an opened session (remembered as recent); only now is the current one let go."""
        self.close_project()
        self.recent.remember(session.path)
        self.session = session
        self._unlisten = session.history.on_change(self._history_changed)
        if self._editor is not None:
            self._editor.set_session(session)
        self.work.set_session(session)
        header = session.header()
        self.setWindowTitle(f"{header.name} — Guide Studio")
        self.path_label.setText(str(session.path))
        self.show_app_url(header.settings.app_url)
        self.refresh()
        self.select_guide(None)
        self._update_undo()
        self.problems.watch(session.path, lambda: {row.id: row.name for row in session.guides.listing()})
        self._update_recent()

    def close_project(self) -> None:
        """Release the open project file and its lock."""
        if self.session is None:
            return
        self.work.set_session(None)
        if self._editor is not None:
            self._editor.set_session(None)
        if self._unlisten is not None:
            self._unlisten()
        if self._docks is not None and self.problems_dock.built:
            self.problems.watch(None)
        self.session.close()
        self.session = None

    def choose_project(self) -> None:
        """File › Open."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open project",
            self.recent.last_folder(),
            "Guide Studio projects (*.gstudio);;All files (*)",
        )
        if path:
            self.open_project(Path(path))

    def create_project(self) -> None:
        """File › New project: choose where, then open it."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self,
            "New project",
            str(Path(self.recent.last_folder()) / "guides.gstudio"),
            "Guide Studio projects (*.gstudio)",
        )
        if path:
            self.new_project(Path(path))

    def _update_recent(self) -> None:
        recent = self.recent.paths()
        self.start_page.set_recent(recent)
        self.start_page.set_enabled_kinds(self.session is not None)
        menu = self.actions_.recent_menu
        menu.clear()
        for path in recent:
            menu.addAction(Path(path).name, lambda p=path: self.open_project(Path(p)))
        menu.setEnabled(bool(recent))

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    # -- the list and the selected guide -----------------------------------------------------------

    @property
    def guide_id(self) -> str | None:
        """The guide being edited."""
        return self._editor.guide_id if self._editor is not None else None

    def refresh(self) -> None:
        """Rebuild the guide list from the session."""
        if self.session is not None:
            self.guide_panel.show_listing(self.session.guides.listing())

    def select_guide(self, guide_id: str | None, part: int = 0) -> None:
        """Show a guide's steps and properties (None: the start page)."""
        shown = self.editor.show_guide(guide_id, part) if guide_id else False
        if not guide_id and self._editor is not None:
            self._editor.show_guide(None)
        self.actions_.set_guide_actions(shown)
        self.center.setCurrentWidget(self.editor if shown else self.start_page)
        self.guide_panel.select(guide_id if shown else None)

    def _relabel(self, guide_id: str) -> None:
        listing = self.session.guides.listing_of(guide_id)
        if listing is None or not self.guide_panel.relabel(
            guide_id, listing.name, listing.problem, listing.enabled
        ):
            self.refresh()

    def show_changed_guide(self, guide_id: str, part: int) -> None:
        """A capture or a pick changed a guide: list it and show it there."""
        self.refresh()
        self.select_guide(guide_id, part)

    def _history_changed(self, command: Command, origin: str) -> None:
        """Every change to the file: live edits were drawn by their editor; undo and redo redraw."""
        self._update_undo()
        if self._docks is not None and self.problems_dock.built:
            self.problems.changed()
        if not command.guide_ids:
            header = self.session.header()
            self.setWindowTitle(f"{header.name} — Guide Studio")
            self.show_app_url(header.settings.app_url)
            return
        if origin == "do":  # a live edit: its editor drew it; its line in the list may change
            for guide_id in command.guide_ids:
                if guide_id in self.session.guides.drafts:
                    self._relabel(guide_id)
            return
        if command.reshapes_list:
            self.refresh()
        else:
            for guide_id in command.guide_ids:
                self._relabel(guide_id)
        part = self._editor.part if self._editor is not None else 0
        shown = self.guide_id if self.session.guides.listing_of(self.guide_id or "") else None
        self.select_guide(shown, part)

    def show_app_url(self, url: str | None) -> None:
        """The app address in the status bar."""
        self.app_label.setText(f"App: {url}" if url else "App: not set yet")

    # -- undo and redo -------------------------------------------------------------------------------

    def undo(self) -> None:
        """Edit › Undo."""
        self._step_history(lambda s: s.undo())

    def redo(self) -> None:
        """Edit › Redo."""
        self._step_history(lambda s: s.redo())

    def _step_history(self, step) -> None:
        if self.session is None:
            return
        try:
            step(self.session)
        except ProjectFileError as exc:
            self.prompts.warn("Cannot save", str(exc))

    def _update_undo(self) -> None:
        history = self.session.history if self.session else None
        for name, text in (("undo", history and history.undo_text), ("redo", history and history.redo_text)):
            action = self.actions_[name]
            action.setEnabled(bool(text))
            action.setText(f"&{name.title()} {text}" if text else f"&{name.title()}")

    # -- the project and help ------------------------------------------------------------------------

    def edit_theme(self) -> None:
        """Project › Theme and settings."""
        if self.session is None:
            return
        from .theme_dialog import ThemeDialog

        dialog = ThemeDialog(self.session, self)
        stop = self.session.history.on_change(lambda _command, _origin: dialog.refresh())
        dialog.finished.connect(lambda _result: stop())
        dialog.show()
        self.theme_dialog = dialog

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Keep the geometry, close the browser and release the project file (asks once while a job runs)."""
        if self.work.busy and not self.prompts.confirm(
            "Quit", "A test or an export is still running. Cancel it and quit?"
        ):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.work.close()  # a test run stops within a step; its thread is a daemon
        self.close_project()
        super().closeEvent(event)
