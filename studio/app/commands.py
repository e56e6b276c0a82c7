"""Edits as commands that know how to undo themselves; each apply is one saved transaction.

The Qt layer wraps them in QUndoCommand for its QUndoStack; tests and scripts use
``Workspace`` directly. Commands hold whole before/after values, so undo restores exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Guide, ProjectSettings, Theme
from ..store import ProjectStore


class Command:
    """An edit: ``apply`` and ``revert`` each change the project file once."""

    text = "Edit"
    merge_key: object = None
    """Consecutive edits with the same key (typing in one field) are undone as one."""

    def merge(self, newer: Command) -> bool:
        """Absorb ``newer`` (already applied) when both edit the same thing; True when merged."""
        return False

    def apply(self, store: ProjectStore) -> None:
        """Make the change (saved before returning)."""
        raise NotImplementedError

    def revert(self, store: ProjectStore) -> None:
        """Undo the change (saved before returning)."""
        raise NotImplementedError


@dataclass
class PutGuide(Command):
    """Add a guide, or replace it with an edited version."""

    after: Guide
    before: Guide | None = None
    merge_key: object = None

    @property
    def text(self) -> str:  # type: ignore[override]
        return f"Edit “{self.after.name}”" if self.before else f"Add “{self.after.name}”"

    def merge(self, newer: Command) -> bool:
        if isinstance(newer, PutGuide) and self.merge_key is not None and newer.merge_key == self.merge_key:
            self.after = newer.after
            return True
        return False

    def apply(self, store: ProjectStore) -> None:
        store.put_guide(self.after)

    def revert(self, store: ProjectStore) -> None:
        if self.before is None:
            store.delete_guide(self.after.id)
        else:
            store.put_guide(self.before)


@dataclass
class DeleteGuide(Command):
    """Remove a guide; undo puts it back where it was."""

    guide: Guide
    position: int

    @property
    def text(self) -> str:  # type: ignore[override]
        return f"Delete “{self.guide.name}”"

    def apply(self, store: ProjectStore) -> None:
        store.delete_guide(self.guide.id)

    def revert(self, store: ProjectStore) -> None:
        store.put_guide(self.guide)
        store.move_guide(self.guide.id, self.position)


@dataclass
class MoveGuide(Command):
    """Move a guide within the list."""

    guide_id: str
    old: int
    new: int
    text = "Reorder guides"

    def apply(self, store: ProjectStore) -> None:
        store.move_guide(self.guide_id, self.new)

    def revert(self, store: ProjectStore) -> None:
        store.move_guide(self.guide_id, self.old)


@dataclass
class SetProject(Command):
    """Change the project's name, theme or settings."""

    before: tuple[str, Theme, ProjectSettings]
    after: tuple[str, Theme, ProjectSettings]
    merge_key: object = None
    text = "Edit project"

    def merge(self, newer: Command) -> bool:
        if isinstance(newer, SetProject) and self.merge_key is not None and newer.merge_key == self.merge_key:
            self.after = newer.after
            return True
        return False

    def apply(self, store: ProjectStore) -> None:
        name, theme, settings = self.after
        store.update_project(name=name, theme=theme, settings=settings)

    def revert(self, store: ProjectStore) -> None:
        name, theme, settings = self.before
        store.update_project(name=name, theme=theme, settings=settings)
