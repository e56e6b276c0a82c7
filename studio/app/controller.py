"""The studio's behaviour without widgets: drafts, new guides, recording, picking, project settings.

The window only forwards what the author does and shows what this reports, so every flow
here is tested without a display.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..domain import GUIDE_KINDS, Project, ProjectSettings, Theme
from ..domain.errors import first_error
from ..recorder.events import Capture
from ..recorder.steps import step_from_capture
from ..store import ProjectFileError
from .commands import Command, DeleteGuide, PutGuide
from .draft import GuideDraft, dump, get_at, set_at
from .forms import Path
from .workspace import Workspace

_STARTERS: dict[str, dict[str, Any]] = {
    "walkthrough": {
        "steps": [{"id": "step-1", "title": "Welcome", "body": "<p>Let us show you around.</p>"}]
    },
    "tooltip": {"steps": [{"id": "step-1", "title": "Tip", "body": "<p>What this control does.</p>"}]},
    "hotspot": {"steps": [{"id": "step-1", "title": "New", "body": "<p>Something new is here.</p>"}]},
    "modal": {"steps": [{"id": "step-1", "title": "Welcome", "body": "<p>A short welcome message.</p>"}]},
    "checklist": {"title": "Get started", "items": [{"id": "item-1", "title": "Take the tour"}]},
}


@dataclass(frozen=True)
class GuideRow:
    """A line of the guide list: saved guides and new ones still waiting for something (an element)."""

    id: str
    name: str
    kind: str
    problem: str | None = None
    """Why the guide's last change cannot be saved yet; None when everything is saved."""
    enabled: bool = True


class Studio:
    """One open project: the workspace (saved, undoable edits) and the drafts being edited."""

    def __init__(self, workspace: Workspace) -> None:
        """Listen to the workspace so undo and redo show up in open drafts."""
        self.workspace = workspace
        self.drafts: dict[str, GuideDraft] = {}
        self._kept: set[str] = set()
        workspace.on_change(self._changed)
        self._restore()

    def _restore(self) -> None:
        """Bring back unfinished changes kept in the file (after a crash, or a close that kept them)."""
        for guide_id, text in self.store.drafts().items():
            try:
                data = json.loads(text)
                saved = self.store.get_guide(guide_id)
            except ProjectFileError:
                saved = None
            except ValueError:
                self.store.delete_draft(guide_id)
                continue
            foreign = not isinstance(data, dict) or data.get("id") != guide_id
            if foreign or data.get("kind") not in GUIDE_KINDS:
                self.store.delete_draft(guide_id)
                continue
            self._kept.add(guide_id)
            self.drafts[guide_id] = self._new_draft(data, saved)

    def _new_draft(self, data: dict[str, Any], saved) -> GuideDraft:
        return GuideDraft(self._save, data, saved, self._keep)

    def _keep(self, draft: GuideDraft) -> None:
        """Unfinished changes live in the project file too, so a crash or kill loses nothing."""
        try:
            if not draft.valid:
                self.store.put_draft(draft.id, json.dumps(draft.data))
                self._kept.add(draft.id)
            elif draft.id in self._kept:
                self.store.delete_draft(draft.id)
                self._kept.discard(draft.id)
        except ProjectFileError:
            pass  # the file cannot take it right now: the change stays in memory, marked unsaved

    def _forget(self, guide_id: str) -> None:
        self.drafts.pop(guide_id, None)
        if guide_id in self._kept:
            self.store.delete_draft(guide_id)
            self._kept.discard(guide_id)

    @property
    def store(self):
        """The project file."""
        return self.workspace.store

    def _save(self, guide, merge_key: object) -> None:
        self.workspace.save_guide(guide, merge_key=merge_key)

    def draft(self, guide_id: str) -> GuideDraft:
        """The guide's draft (loaded from the project file the first time)."""
        draft = self.drafts.get(guide_id)
        if draft is None:
            guide = self.store.get_guide(guide_id)
            draft = self.drafts[guide_id] = self._new_draft(dump(guide), guide)
        return draft

    def rows(self) -> list[GuideRow]:
        """Every guide in list order, then the new ones not saved yet."""
        rows = []
        for summary in self.store.guide_summaries():
            draft = self.drafts.get(summary.id)
            problem = draft.first_problem() if draft is not None else None
            rows.append(GuideRow(summary.id, summary.name, summary.kind, problem, summary.enabled))
        saved = {row.id for row in rows}
        for draft in self.drafts.values():
            if draft.id not in saved:
                rows.append(
                    GuideRow(draft.id, draft.data.get("name", draft.id), draft.kind, draft.first_problem())
                )
        return rows

    def unsaved(self) -> list[GuideDraft]:
        """Drafts with changes that are not on disk because they are not valid yet."""
        return [draft for draft in self.drafts.values() if not draft.valid]

    def new_guide(self, kind: str, name: str | None = None) -> GuideDraft:
        """A new guide of ``kind`` with a starter step; saved at once unless it needs an element first."""
        if kind not in GUIDE_KINDS:
            raise ValueError(f"unknown kind of guide: {kind}")
        title = GUIDE_KINDS[kind][1].title
        taken = {row.id for row in self.rows()}
        number = 1
        while f"{kind}-{number}" in taken:
            number += 1
        data = {
            "kind": kind,
            "id": f"{kind}-{number}",
            "name": name or f"New {title.lower()} {number}",
            "trigger": {"type": "manual"},
            **_STARTERS[kind],
        }
        draft = self.drafts[data["id"]] = self._new_draft(data, None)
        draft.replace(data)
        return draft

    def delete(self, guide_id: str) -> None:
        """Delete a guide (undoable), or drop a new one that was never saved."""
        draft = self.drafts.get(guide_id)
        self._forget(guide_id)
        if draft is not None and draft.saved is None:
            return
        self.workspace.delete_guide(guide_id)

    def _changed(self, command: Command) -> None:
        touched = (
            command.after.id
            if isinstance(command, PutGuide)
            else command.guide.id
            if isinstance(command, DeleteGuide)
            else None
        )
        draft = self.drafts.get(touched) if touched else None
        if draft is None:
            return
        try:
            guide = self.store.get_guide(touched)
        except ProjectFileError:  # undo of an add, or a delete
            self._forget(touched)
            return
        if guide != draft.saved:  # changed by undo or redo, not by the draft itself
            draft.data, draft.saved, draft.errors = dump(guide), guide, []
            self._keep(draft)

    # -- recording and picking -----------------------------------------------------------------

    def add_capture(self, guide_id: str, name: str, capture: Capture) -> GuideDraft:
        """Append a recorded click or typing as a step (creating the walkthrough), with its pictures."""
        try:
            draft = self.draft(guide_id)
        except ProjectFileError:
            step = step_from_capture(capture, "step-1")
            data = {"kind": "walkthrough", "id": guide_id, "name": name, "steps": [dump_step(step)]}
            draft = self.drafts[guide_id] = self._new_draft(data, None)
            draft.replace(data)
        else:
            step = step_from_capture(capture, draft.new_part_id())
            draft.add_part(part=dump_step(step))
        self.store.put_step_images(
            guide_id, step.id, screenshot=capture.screenshot, thumbnail=capture.thumbnail
        )
        return draft

    def apply_pick(self, guide_id: str, path: Path, capture: Capture) -> bool:
        """Use a picked element at ``path`` (a step's target, a trigger's element …); True when saved."""
        draft = self.draft(guide_id)
        saved = draft.set(path, capture.target.model_dump(mode="json", exclude_none=True))
        if len(path) == 3 and path[0] == "steps" and path[2] == "target":
            step_id = draft.parts[path[1]]["id"]
            self.store.put_step_images(
                guide_id, step_id, screenshot=capture.screenshot, thumbnail=capture.thumbnail
            )
        return saved

    def _copy_pictures(self, source: tuple[str, str], target: tuple[str, str]) -> None:
        self.store.put_step_images(
            *target,
            screenshot=self.store.step_image(*source, "screenshot"),
            thumbnail=self.store.step_image(*source, "thumbnail"),
        )

    def duplicate_part(self, guide_id: str, index: int) -> int:
        """Copy a step with its pictures."""
        draft = self.draft(guide_id)
        source = draft.parts[index]["id"]
        copy_index = draft.duplicate_part(index)
        if draft.kind != "checklist":
            self._copy_pictures((guide_id, source), (guide_id, draft.parts[copy_index]["id"]))
        return copy_index

    def duplicate_guide(self, guide_id: str) -> GuideDraft:
        """A copy of a guide (as it is now, unfinished change included) under a new id, with its pictures."""
        source = self.draft(guide_id)
        taken = {row.id for row in self.rows()}
        base = f"{guide_id[:58]}-copy"
        new_id, number = base, 2
        while new_id in taken:
            new_id, number = f"{base}-{number}", number + 1
        data = json.loads(json.dumps(source.data))
        data.update(id=new_id, name=f"{source.data.get('name', guide_id)[:190]} (copy)")
        draft = self.drafts[new_id] = self._new_draft(data, None)
        draft.replace(data)
        for part in draft.parts if draft.kind != "checklist" else []:
            self._copy_pictures((guide_id, part["id"]), (new_id, part["id"]))
        return draft

    # -- the project's own settings ------------------------------------------------------------

    def project(self) -> Project:
        """The whole project as saved (every guide: for export, test and preview)."""
        return self.store.load()

    def header(self) -> Project:
        """The project's name, theme and settings, without loading its guides."""
        return self.store.header()

    def set_project_value(self, path: Path, value: Any) -> str | None:
        """Change the name, a theme value or a setting ; returns the problem or None."""
        project = self.header()
        data = {
            "name": project.name,
            "theme": project.theme.model_dump(mode="json"),
            "settings": project.settings.model_dump(mode="json", exclude_none=True),
        }
        data = set_at(data, path, value)
        try:
            theme = Theme.model_validate(data["theme"])
            settings = ProjectSettings.model_validate(data["settings"])
            name = Project(name=data["name"]).name
        except ValidationError as exc:
            return first_error(exc, data)
        self.workspace.set_project(name=name, theme=theme, settings=settings, merge_key=("project", path))
        return None

    def project_value(self, path: Path) -> Any:
        """The current value of the name, a theme value or a setting."""
        project = self.header()
        data = {
            "name": project.name,
            "theme": project.theme.model_dump(mode="json"),
            "settings": project.settings.model_dump(mode="json"),
        }
        return get_at(data, path)


def dump_step(step) -> dict[str, Any]:
    """A step as draft data."""
    return step.model_dump(mode="json", exclude_none=True)
