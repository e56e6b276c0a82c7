"""One open project: its file, its lock, its one undo history and its guides (no Qt).

The window holds one ``ProjectSession`` and talks to nothing below it: opening is all or
nothing (a project that cannot be opened leaves the current one untouched), every edit goes
through ``history``, and the guide operations live in ``guides``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..domain import Project, ProjectSettings, Theme, guide_steps
from ..domain.errors import first_error
from ..domain.media import local_media, media_name, media_src
from ..domain.pages import step_url
from ..store import ProjectFileError, ProjectStore
from .commands import SetProject
from .draft import get_at, set_at
from .forms import FieldPath
from .guides import GuideOperations
from .history import History


class ProjectSession:
    """The store (which holds the file's writer lock), the history and the guide operations of one file."""

    def __init__(self, store: ProjectStore) -> None:
        """Use an open, writable store; see ``open`` and ``create``."""
        self.store = store
        self.history = History(store)
        self.guides = GuideOperations(store, self.history)

    @classmethod
    def open(cls, path: str | Path) -> ProjectSession:
        """Open a project for editing, or raise ProjectFileError having changed and holding nothing.

        The store takes the file's writer lock (one writer per file, whatever path or link leads
        to it); the header and the kept drafts are read before anything is handed back.
        """
        store = ProjectStore.open(Path(path))
        try:
            store.header()  # a file without its project record is refused here, not later
            return cls(store)
        except BaseException:
            store.close()
            raise

    @classmethod
    def create(cls, path: str | Path, name: str | None = None) -> ProjectSession:
        """Create an empty project file (never overwriting one) and open it."""
        path = Path(path)
        if path.exists():
            raise ProjectFileError(f"{path.name} already exists; open it or choose another name")
        title = name or path.stem.replace("-", " ").replace("_", " ") or "Guides"
        ProjectStore.create(path, Project(name=title)).close()
        return cls.open(path)

    @property
    def path(self) -> Path:
        """The project file."""
        return self.store.path

    def close(self) -> None:
        """Release the file and its lock (unfinished changes stay in the file)."""
        self.store.close()

    # -- the project as a whole ---------------------------------------------------------------

    def project(self) -> Project:
        """The whole project as saved (every guide)."""
        return self.store.load()

    def header(self) -> Project:
        """The project's name, theme and settings, without loading its guides."""
        return self.store.header()

    @property
    def app_url(self) -> str | None:
        """Where recording, preview and tests open the app (None until the author says)."""
        return self.header().settings.app_url

    def _header_data(self, *, exclude_none: bool) -> dict[str, Any]:
        project = self.header()
        return {
            "name": project.name,
            "theme": project.theme.model_dump(mode="json"),
            "settings": project.settings.model_dump(mode="json", exclude_none=exclude_none),
        }

    def set_project_value(self, path: FieldPath, value: Any) -> str | None:
        """Change the name, a theme value or a setting (undoable); returns the problem or None."""
        data = set_at(self._header_data(exclude_none=True), path, value)
        try:
            theme = Theme.model_validate(data["theme"])
            settings = ProjectSettings.model_validate(data["settings"])
            name = Project(name=data["name"]).name
        except ValidationError as exc:
            return first_error(exc, data)
        project = self.header()
        before = (project.name, project.theme, project.settings)
        after = (name, theme, settings)
        if after != before:
            self.history.run(SetProject(before, after, ("project", path)))
        return None

    def project_value(self, path: FieldPath) -> Any:
        """The current value of the name, a theme value or a setting."""
        return get_at(self._header_data(exclude_none=False), path)

    # -- where things are -------------------------------------------------------------------------

    def step_page(self, guide_id: str, step_id: str, base_url: str) -> str:
        """The address of the page a saved step lives on (to re-pick its element there)."""
        guide = self.store.get_guide(guide_id)
        index = next((i for i, step in enumerate(guide_steps(guide)) if step.id == step_id), None)
        if index is None:
            raise KeyError(step_id)
        return step_url(guide, index, base_url)

    # -- project images ----------------------------------------------------------------------------

    def add_image(self, data: bytes) -> str:
        """Keep an image in the project file; returns the address a step uses for it.

        ValueError says in words why the bytes are refused (not an image, too big)."""
        name = media_name(data)
        self.store.put_media(name, data)
        return media_src(name)

    def image(self, src: str | None) -> bytes | None:
        """The bytes of a project image a step shows (None for a remote address or a missing one)."""
        name = local_media(src)
        return self.store.media([name]).get(name) if name else None

    # -- undo and redo ---------------------------------------------------------------------------

    def undo(self) -> bool:
        """Take back the last edit; False when there is none."""
        return self.history.undo() is not None

    def redo(self) -> bool:
        """Re-apply the last undone edit; False when there is none."""
        return self.history.redo() is not None
