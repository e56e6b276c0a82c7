"""A project being edited: the store, an undo history and change notifications (no Qt)."""

from __future__ import annotations

from collections.abc import Callable

from ..domain import Guide, ProjectSettings, Theme
from ..store import ProjectFileError, ProjectStore
from .commands import Command, DeleteGuide, MoveGuide, PutGuide, SetProject


class Workspace:
    """Every edit goes through ``execute`` so it is saved at once and can be undone."""

    def __init__(
        self, store: ProjectStore, *, limit: int = 500, execute: Callable[[Command], None] | None = None
    ) -> None:
        """``execute`` hands commands to another history (the studio's QUndoStack) instead of this one."""
        self.store = store
        self._route = execute
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self._listeners: list[Callable[[Command], None]] = []

    def on_change(self, listener: Callable[[Command], None]) -> None:
        """Call ``listener(command)`` after every execute, undo and redo."""
        self._listeners.append(listener)

    def _notify(self, command: Command) -> None:
        for listener in list(self._listeners):
            listener(command)

    def execute(self, command: Command) -> None:
        """Apply and remember a command; a new edit clears the redo history."""
        if self._route is not None:
            self._route(command)
            return
        command.apply(self.store)
        if not (self._done and not self._undone and self._done[-1].merge(command)):
            self._done.append(command)
        del self._done[: -self._limit]
        self._undone.clear()
        self._notify(command)

    def run(self, command: Command, *, undo: bool = False) -> None:
        """Apply (or revert) a command for another history, and tell the listeners."""
        (command.revert if undo else command.apply)(self.store)
        self._notify(command)

    def undo(self) -> Command | None:
        """Revert the last edit, if any."""
        if not self._done:
            return None
        command = self._done.pop()
        command.revert(self.store)
        self._undone.append(command)
        self._notify(command)
        return command

    def redo(self) -> Command | None:
        """Re-apply the last undone edit, if any."""
        if not self._undone:
            return None
        command = self._undone.pop()
        command.apply(self.store)
        self._done.append(command)
        self._notify(command)
        return command

    @property
    def undo_text(self) -> str | None:
        """What Undo would revert, for the Edit menu."""
        return self._done[-1].text if self._done else None

    @property
    def redo_text(self) -> str | None:
        """What Redo would re-apply."""
        return self._undone[-1].text if self._undone else None

    # -- the edits the studio offers ---------------------------------------------------------

    def save_guide(self, guide: Guide, *, merge_key: object = None) -> None:
        """Add a new guide or save an edited one (edits with one ``merge_key`` in a row undo as one)."""
        try:
            before = self.store.get_guide(guide.id)
        except ProjectFileError:  # no such guide yet
            before = None
        if before != guide:
            self.execute(PutGuide(after=guide, before=before, merge_key=merge_key))

    def delete_guide(self, guide_id: str) -> None:
        """Delete a guide (undo restores it in place)."""
        position = next(s.position for s in self.store.guide_summaries() if s.id == guide_id)
        self.execute(DeleteGuide(self.store.get_guide(guide_id), position))

    def move_guide(self, guide_id: str, index: int) -> None:
        """Move a guide to ``index`` in the list."""
        ids = [s.id for s in self.store.guide_summaries()]
        old = ids.index(guide_id)
        new = max(0, min(index, len(ids) - 1))
        if new != old:
            self.execute(MoveGuide(guide_id, old, new))

    def set_project(
        self,
        *,
        name: str | None = None,
        theme: Theme | None = None,
        settings: ProjectSettings | None = None,
        merge_key: object = None,
    ) -> None:
        """Change the project's name, theme or settings (one ``merge_key`` in a row undoes as one)."""
        project = self.store.header()
        before = (project.name, project.theme, project.settings)
        after = (name or project.name, theme or project.theme, settings or project.settings)
        if after != before:
            self.execute(SetProject(before, after, merge_key))
