"""Whole guides, for the window's selected one: new, move within its kind, duplicate, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain import GUIDE_KINDS

if TYPE_CHECKING:
    from .main_window import MainWindow

STATUS_MS = 5000


class GuideWork:
    """Creates, moves, copies and deletes guides of the window's session, then shows the result."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def new_guide(self, kind: str) -> None:
        """Create a guide of ``kind`` and select it; a kind that needs an element goes straight to picking."""
        window = self.window
        if window.session is None:
            window.prompts.inform("New guide", "Open or create a project first (Ctrl+O / Ctrl+N).")
            return
        draft = window.session.guides.new_guide(kind)
        window.refresh()
        window.select_guide(draft.id)
        if GUIDE_KINDS[kind].needs_element:
            window.statusBar().showMessage(f"Pick the element for the new {kind} (Pick… or Ctrl+P)")
            window.work.start_pick(("steps", 0, GUIDE_KINDS[kind].element_field))

    def move_selected(self, delta: int) -> None:
        """Move the selected guide up (-1) or down (+1) among the guides of its kind."""
        window = self.window
        moved = window.guide_id and window.session is not None
        if moved and window.session.guides.move_within_kind(window.guide_id, delta):
            window.refresh()

    def duplicate_selected(self) -> None:
        """Copy the selected guide (its steps, settings and pictures) and select the copy."""
        window = self.window
        if window.guide_id and window.session is not None:
            copy = window.session.guides.duplicate(window.guide_id)
            window.refresh()
            window.select_guide(copy.id)
            window.statusBar().showMessage(f"Copied as “{copy.data['name']}”", STATUS_MS)

    def delete_selected(self) -> None:
        """Delete the selected guide (Undo brings it back in place, pictures included)."""
        window = self.window
        if window.guide_id and window.session is not None:
            window.session.guides.delete(window.guide_id)
            window.select_guide(None)
            window.refresh()
            window.statusBar().showMessage("Guide deleted — Undo (Ctrl+Z) brings it back", STATUS_MS)
