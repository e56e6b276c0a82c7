"""The one undo history of a project session: every edit is applied, saved and remembered here (no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ..store import ProjectStore
from .commands import Command

Origin = Literal["do", "undo", "redo"]
Listener = Callable[[Command, Origin], None]


class History:
    """Applies commands to the store and keeps them for Undo and Redo.

    A command is applied first; only when the file took it is it remembered, so a failed save
    never leaves an undo entry for something that is not in the file. Listeners hear every
    change with its origin: ``do`` (a live edit, drawn by whoever made it) or ``undo``/``redo``.
    """

    def __init__(self, store: ProjectStore, *, limit: int = 500) -> None:
        """Remember at most ``limit`` edits."""
        self.store = store
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self._listeners: list[Listener] = []

    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(command, origin)`` after every change; returns a function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, command: Command, origin: Origin) -> None:
        for listener in list(self._listeners):
            listener(command, origin)

    def run(self, command: Command) -> None:
        """Apply and remember an edit (merged into the last one when both edit the same field)."""
        command.apply(self.store)
        if not (self._done and not self._undone and self._done[-1].merge(command)):
            self._done.append(command)
        del self._done[: -self._limit]
        self._undone.clear()
        self._notify(command, "do")

    def undo(self) -> Command | None:
        """Revert the last edit, if any (it stays undoable when the file refuses)."""
        if not self._done:
            return None
        command = self._done[-1]
        command.revert(self.store)
        self._undone.append(self._done.pop())
        self._notify(command, "undo")
        return command

    def redo(self) -> Command | None:
        """Re-apply the last undone edit, if any."""
        if not self._undone:
            return None
        command = self._undone[-1]
        command.apply(self.store)
        self._done.append(self._undone.pop())
        self._notify(command, "redo")
        return command

    def clear(self) -> None:
        """Forget every edit (nothing in the file changes)."""
        self._done.clear()
        self._undone.clear()

    def texts(self) -> list[str]:
        """What each edit Undo can take back did, oldest first."""
        return [command.text for command in self._done]

    @property
    def undo_count(self) -> int:
        """How many edits Undo can take back."""
        return len(self._done)

    @property
    def undo_text(self) -> str | None:
        """What Undo would revert, for the Edit menu."""
        return self._done[-1].text if self._done else None

    @property
    def redo_text(self) -> str | None:
        """What Redo would re-apply."""
        return self._undone[-1].text if self._undone else None
