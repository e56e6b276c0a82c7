"""Project files in the window: open, new, recent, unsaved changes, window geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..app import Studio, Workspace
from ..app.lock import ProjectLock
from ..domain import Project
from ..store import ProjectFileError, ProjectStore

MAX_RECENT = 8


class ProjectFiles:
    """Mixed into MainWindow: which project is open, and the files it remembers."""

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def choose_project(self) -> None:
        """File › Open."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", self._last_dir(), "Guide Studio projects (*.gstudio);;All files (*)"
        )
        if path:
            self.open_project(Path(path))

    def create_project(self) -> None:
        """File › New project: choose where, then open it."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            "New project",
            str(Path(self._last_dir()) / "guides.gstudio"),
            "Guide Studio projects (*.gstudio)",
        )
        if path:
            self.new_project(Path(path))

    def new_project(self, path: Path) -> bool:
        """Create an empty project file at ``path`` (refusing to overwrite) and open it."""
        if path.suffix != ".gstudio":
            path = path.with_suffix(".gstudio")
        try:
            if path.exists():
                raise ProjectFileError(f"{path.name} already exists; open it or choose another name")
            ProjectStore.create(
                path, Project(name=path.stem.replace("-", " ").replace("_", " ") or "Guides")
            ).close()
        except (ProjectFileError, OSError) as exc:
            QMessageBox.warning(self, "Cannot create project", str(exc))
            return False
        return self.open_project(path)

    def _last_dir(self) -> str:
        recent = self.settings.value("recent", []) or []
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def open_project(self, path: Path) -> bool:
        """Show the project at ``path``; on failure say why and keep the current one."""
        if self.store is not None and Path(path).resolve() == self.store.path.resolve():
            self.statusBar().showMessage(f"{path.name} is already open", 5000)
            return True
        lock = ProjectLock(Path(path))
        try:
            store = ProjectStore.open(path)
            header = store.header()
            if not lock.acquire():
                store.close()
                raise ProjectFileError(
                    f"{path.name} is open in another Guide Studio window; "
                    "edit it there (or close that one first)"
                )
        except (ProjectFileError, OSError) as exc:
            QMessageBox.warning(self, "Cannot open project", str(exc))
            return False
        self.stop_browser()
        self.recording_guide = None  # a capture still on its way belongs to the old project
        self.pending_pick = None
        self.close_project()
        self.store, self.lock = store, lock
        self.undo_stack.clear()
        self.workspace = Workspace(store, execute=self.push_command)
        self.studio = Studio(self.workspace)
        self.guide_id = None
        self.setWindowTitle(f"{header.name} — Guide Studio")
        self.path_label.setText(str(path))
        self.show_app_url(header.settings.app_url)
        self._remember(path)
        self.refresh()
        self._show_guide(None)
        self.statusBar().showMessage(f"Opened {path.name}: {len(self.studio.rows())} guides", 5000)
        return True

    def _remember(self, path: Path) -> None:
        recent = [p for p in (self.settings.value("recent", []) or []) if p != str(path.resolve())]
        self.settings.setValue("recent", [str(path.resolve()), *recent][:MAX_RECENT])
        self._update_recent()

    def _update_recent(self) -> None:
        recent = [p for p in (self.settings.value("recent", []) or []) if Path(p).exists()]
        self.start_page.set_recent(recent)
        self.start_page.set_enabled_kinds(self.store is not None)
        menu = self.actions_.recent_menu
        menu.clear()
        for path in recent:
            menu.addAction(Path(path).name, lambda p=path: self.open_project(Path(p)))
        menu.setEnabled(bool(recent))

    def close_project(self) -> None:
        """Release the open project file and its lock."""
        if self.store is not None:
            self.store.close()
            self.store = None
        if getattr(self, "lock", None) is not None:
            self.lock.release()
            self.lock = None
