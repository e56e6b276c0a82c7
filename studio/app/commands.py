"""Edits as commands that carry everything they change, pictures included; each apply is one transaction.

A command holds whole before/after values, so Undo and Redo restore the project file exactly:
a guide's steps and settings, its place in the list and the step pictures it adds, replaces or
removes. The store changes pictures only when a command says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import Guide, ProjectSettings, Theme
from ..store import Pictures, ProjectStore


class Command:
    """An edit: ``apply`` and ``revert`` each change the project file in one transaction."""

    text = "Edit"
    merge_key: object = None
    """Consecutive edits with the same key (typing in one field) are undone as one."""

    @property
    def guide_ids(self) -> tuple[str, ...]:
        """The guides the edit touches (empty for project settings)."""
        return ()

    @property
    def reshapes_list(self) -> bool:
        """Whether guides appear, disappear or move in the list (else at most their lines change)."""
        return False

    def merge(self, newer: Command) -> bool:
        """Absorb ``newer`` (already applied) when both edit the same thing; True when merged."""
        return False

    def apply(self, store: ProjectStore) -> None:
        """Make the change."""
        raise NotImplementedError

    def revert(self, store: ProjectStore) -> None:
        """Undo the change."""
        raise NotImplementedError


@dataclass
class SaveGuide(Command):
    """Add, edit or delete one guide together with the step pictures the change touches.

    ``before`` is None for a new guide, ``after`` None for a deletion. ``pictures_after`` are
    written on apply and ``pictures_before`` (the same keys as they were) on revert; ``index``
    is the guide's place in the list whenever it (re)appears, so undoing a delete puts it back
    exactly where it was, in the same transaction.
    """

    after: Guide | None
    before: Guide | None = None
    pictures_after: Pictures = field(default_factory=dict)
    pictures_before: Pictures = field(default_factory=dict)
    index: int | None = None
    merge_key: object = None

    @property
    def guide(self) -> Guide:
        """The guide as it is after the change (or before a deletion)."""
        guide = self.after or self.before
        assert guide is not None
        return guide

    @property
    def guide_ids(self) -> tuple[str, ...]:  # type: ignore[override]
        return (self.guide.id,)

    @property
    def reshapes_list(self) -> bool:  # type: ignore[override]
        return self.after is None or self.before is None

    @property
    def text(self) -> str:  # type: ignore[override]
        verb = "Delete" if self.after is None else "Add" if self.before is None else "Edit"
        return f"{verb} “{self.guide.name}”"

    def merge(self, newer: Command) -> bool:
        same = (
            isinstance(newer, SaveGuide)
            and self.merge_key is not None
            and newer.merge_key == self.merge_key
            and self.after is not None
            and newer.after is not None
        )
        if not same:
            return False
        self.after = newer.after
        for key, png in newer.pictures_after.items():
            self.pictures_before.setdefault(key, newer.pictures_before.get(key))
            self.pictures_after[key] = png
        return True

    def apply(self, store: ProjectStore) -> None:
        self._write(store, self.after, self.before, self.pictures_after)

    def revert(self, store: ProjectStore) -> None:
        self._write(store, self.before, self.after, self.pictures_before)

    def _write(
        self, store: ProjectStore, wanted: Guide | None, other: Guide | None, pictures: Pictures
    ) -> None:
        if wanted is None:
            assert other is not None
            store.delete_guide(other.id)
        else:
            store.put_guide(wanted, pictures=pictures, index=self.index if other is None else None)


@dataclass
class MoveGuide(Command):
    """Move a guide within the list."""

    guide_id: str
    old: int
    new: int
    text = "Reorder guides"
    reshapes_list = True  # type: ignore[assignment]

    @property
    def guide_ids(self) -> tuple[str, ...]:  # type: ignore[override]
        return (self.guide_id,)

    def apply(self, store: ProjectStore) -> None:
        store.move_guide(self.guide_id, self.new)

    def revert(self, store: ProjectStore) -> None:
        store.move_guide(self.guide_id, self.old)


ProjectHeader = tuple[str, Theme, ProjectSettings]


@dataclass
class SetProject(Command):
    """Change the project's name, theme or settings."""

    before: ProjectHeader
    after: ProjectHeader
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
