"""What is done to guides in a session: drafts, new, copy, move, delete, recorded steps, picks, pictures.

Every change goes through the session's one history as a command that carries the pictures
it touches, so Undo and Redo restore steps and their pictures together (no Qt).
"""

from __future__ import annotations

import copy
import datetime
import json
from dataclasses import dataclass
from typing import Any

from ..domain import GUIDE_KINDS, Guide, UrlRule, guide_steps, kind_of, next_free_id
from ..domain.kinds import RECORDED_KIND
from ..recorder.events import Capture
from ..recorder.steps import capture_page, step_from_capture
from ..store import Pictures, ProjectFileError, ProjectStore
from .commands import Command, MoveGuide, SaveGuide
from .draft import GuideDraft, dump, tidy
from .forms import FieldPath
from .history import History, Origin

PICTURE_KINDS = ("screenshot", "thumbnail")


@dataclass(frozen=True)
class GuideListing:
    """A line of the guide list: saved guides and new ones still waiting for something (an element)."""

    id: str
    name: str
    kind: str
    problem: str | None = None
    """Why the guide's last change cannot be saved yet; None when everything is saved."""
    enabled: bool = True


def capture_pictures(step_id: str, capture: Capture) -> Pictures:
    """A capture's pictures as picture changes of one step."""
    return {(step_id, "screenshot"): capture.screenshot, (step_id, "thumbnail"): capture.thumbnail}


class GuideOperations:
    """The drafts of one project and every operation on its guides, through one history."""

    def __init__(self, store: ProjectStore, history: History) -> None:
        """Restore unfinished changes kept in the file; follow undo and redo into open drafts."""
        self.store = store
        self.history = history
        self.drafts: dict[str, GuideDraft] = {}
        self._kept: set[str] = set()
        history.on_change(self._changed)
        self._restore()

    # -- drafts ------------------------------------------------------------------------------------

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

    def _new_draft(self, data: dict[str, Any], saved: Guide | None) -> GuideDraft:
        return GuideDraft(self._save, data, saved, self._keep)

    def _start(self, data: dict[str, Any], pictures: Pictures | None = None) -> GuideDraft:
        """A draft for a guide that is not in the file yet; saved at once when valid."""
        draft = self.drafts[data["id"]] = self._new_draft(data, None)
        draft.replace(data, pictures=pictures)
        return draft

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

    def _saved(self, guide_id: str) -> Guide | None:
        try:
            return self.store.get_guide(guide_id)
        except ProjectFileError:
            return None

    def _save(self, guide: Guide, merge_key: object, pictures: Pictures) -> None:
        """Save a valid guide as one undoable edit carrying every picture it adds, replaces or drops."""
        before = self._saved(guide.id)
        if before == guide and not pictures:
            return
        kept = {step.id for step in guide_steps(guide)}
        dropped = {step.id for step in guide_steps(before)} - kept if before is not None else set()
        after_pictures: Pictures = {(step, kind): None for step in dropped for kind in PICTURE_KINDS}
        after_pictures.update({key: png for key, png in pictures.items() if key[0] in kept})
        touched = {step for step, _kind in after_pictures}
        current = self.store.pictures(guide.id, touched) if before is not None else {}
        before_pictures = {key: current.get(key) for key in after_pictures}
        self.history.run(SaveGuide(guide, before, after_pictures, before_pictures, merge_key=merge_key))

    def draft(self, guide_id: str) -> GuideDraft:
        """The guide's draft (loaded from the project file the first time)."""
        draft = self.drafts.get(guide_id)
        if draft is None:
            guide = self.store.get_guide(guide_id)
            draft = self.drafts[guide_id] = self._new_draft(dump(guide), guide)
        return draft

    def listing(self) -> list[GuideListing]:
        """Every guide in list order, then the new ones not saved yet."""
        rows = []
        for summary in self.store.guide_summaries():
            draft = self.drafts.get(summary.id)
            problem = draft.first_problem() if draft is not None else None
            rows.append(GuideListing(summary.id, summary.name, summary.kind, problem, summary.enabled))
        saved = {row.id for row in rows}
        for draft in self.drafts.values():
            if draft.id not in saved:
                rows.append(
                    GuideListing(
                        draft.id, draft.data.get("name", draft.id), draft.kind, draft.first_problem()
                    )
                )
        return rows

    def listing_of(self, guide_id: str) -> GuideListing | None:
        """One guide's line in the list (cheap: its draft when open), or None when there is no such guide."""
        draft = self.drafts.get(guide_id)
        if draft is not None:
            name = draft.data.get("name", draft.id)
            return GuideListing(
                draft.id, name, draft.kind, draft.first_problem(), draft.data.get("enabled", True)
            )
        return next((row for row in self.listing() if row.id == guide_id), None)

    def new_id(self, prefix: str, *, bare: bool = False) -> str:
        """A guide id nobody uses yet (saved guides and new ones alike)."""
        return next_free_id(prefix, (row.id for row in self.listing()), bare=bare)

    def unsaved(self) -> list[GuideDraft]:
        """Drafts with changes that are not on disk because they are not valid yet."""
        return [draft for draft in self.drafts.values() if not draft.valid]

    def _changed(self, command: Command, origin: Origin) -> None:
        """Undo and redo change guides under open drafts: show the file's version in them."""
        if origin == "do":
            return
        for guide_id in command.guide_ids:
            draft = self.drafts.get(guide_id)
            if draft is None:
                continue
            guide = self._saved(guide_id)
            if guide is None:  # undo of an add, or a delete
                self._forget(guide_id)
            elif guide != draft.saved or not draft.valid:
                draft.data, draft.saved, draft.errors = dump(guide), guide, []
                draft.pictures.clear()
                self._keep(draft)

    # -- whole guides --------------------------------------------------------------------------------

    def new_guide(self, kind: str, name: str | None = None) -> GuideDraft:
        """A new guide of ``kind`` with its starter content; saved at once unless it needs an element."""
        entry = kind_of(kind)
        guide_id = self.new_id(kind)
        number = guide_id.rsplit("-", 1)[-1]
        data = {
            "kind": kind,
            "id": guide_id,
            "name": name or f"New {entry.title.lower()} {number}",
            "trigger": {"type": "manual"},
            **copy.deepcopy(entry.starter),
        }
        if "date" in entry.model.model_fields and "date" not in data:  # an announcement is dated today
            data["date"] = datetime.date.today().isoformat()
        if data.get("guide_id") == "":  # a launcher opens the first guide it can (the author changes it)
            opens = next((s.id for s in self.store.guide_summaries() if s.kind != kind), None)
            data["guide_id"] = opens or ""
        return self._start(data)

    def delete(self, guide_id: str) -> None:
        """Delete a guide with its pictures (undo puts both back in place), or drop a never-saved one."""
        self._forget(guide_id)
        guide = self._saved(guide_id)
        if guide is None:
            return
        index = self.store.guide_index(guide_id)
        pictures = self.store.pictures(guide_id)
        self.history.run(SaveGuide(None, guide, {}, dict(pictures), index=index))

    def move_within_kind(self, guide_id: str, delta: int) -> bool:
        """Move a guide up (-1) or down (+1) among the guides of its kind; False when it cannot go."""
        summaries = self.store.guide_summaries()
        mine = next((s for s in summaries if s.id == guide_id), None)
        if mine is None:
            return False
        same_kind = [s for s in summaries if s.kind == mine.kind]
        index = same_kind.index(mine) + delta
        if delta == 0 or not 0 <= index < len(same_kind):
            return False
        old = summaries.index(mine)
        new = summaries.index(same_kind[index])
        self.history.run(MoveGuide(guide_id, old, new))
        return True

    def duplicate(self, guide_id: str) -> GuideDraft:
        """A copy of a guide (as it is now, unfinished change included) under a new id, with its pictures."""
        source = self.draft(guide_id)
        new_id = self.new_id(f"{guide_id[:58]}-copy", bare=True)
        data = copy.deepcopy(source.data)
        data.update(id=new_id, name=f"{source.data.get('name', guide_id)[:190]} (copy)")
        pictures = {**self.store.pictures(guide_id), **source.pictures}
        return self._start(data, pictures if source.info.has_pictures else None)

    # -- steps, recordings, picks ------------------------------------------------------------------------

    def picture(self, guide_id: str, step_id: str, kind: str = "thumbnail") -> bytes | None:
        """A step's ``screenshot`` or ``thumbnail`` as the author sees it now (waiting changes first)."""
        draft = self.drafts.get(guide_id)
        if draft is not None and (step_id, kind) in draft.pictures:
            return draft.pictures[(step_id, kind)]
        return self.store.step_image(guide_id, step_id, kind)

    def duplicate_part(self, guide_id: str, index: int) -> int:
        """Copy a step with its pictures (or a checklist item); returns the copy's index."""
        draft = self.draft(guide_id)
        source = draft.parts[index]["id"]
        pictures = None
        if draft.info.has_pictures:
            pictures = {(source, kind): self.picture(guide_id, source, kind) for kind in PICTURE_KINDS}
        return draft.duplicate_part(index, pictures)

    def add_capture(
        self, guide_id: str, name: str, capture: Capture, *, after: int | None = None
    ) -> tuple[GuideDraft, int]:
        """A recorded click or typing as a step with its pictures (after step ``after``, default last),
        creating the walkthrough when there is none; returns the draft and the step's index."""
        try:
            draft = self.draft(guide_id)
        except ProjectFileError:
            step = step_from_capture(capture, "step-1")
            data = {
                "kind": RECORDED_KIND,
                "id": guide_id,
                "name": name,
                "trigger": _starts_on(capture),  # where the author began recording
                "steps": [_dump_step(step)],
            }
            return self._start(data, capture_pictures(step.id, capture)), 0
        step = step_from_capture(capture, draft.new_part_id())
        index = draft.add_part(after, _dump_step(step), capture_pictures(step.id, capture))
        return draft, index

    def apply_pick(self, guide_id: str, path: FieldPath, capture: Capture) -> bool:
        """Use a picked element at ``path`` (a step's target, a trigger's element …); True when saved.

        A step's own element brings the pick's pictures with it, in the same undoable edit.
        """
        draft = self.draft(guide_id)
        target = capture.target.model_dump(mode="json", exclude_none=True)
        if not (len(path) == 3 and path[0] == "steps" and path[2] == "target"):
            return draft.set(path, target, merge=False)
        index = path[1]
        data = copy.deepcopy(draft.data)
        step = data["steps"][index]
        first = index == 0 and step.get("target") is None
        step["target"] = target
        here = capture_page(capture).model_dump(mode="json", exclude_none=True)
        # a page rule the author wrote stays while it still matches where the element is; one that
        # cannot match the element's page any more would make the guide (or step) never show
        if draft.info.multi_step and not _still_matches(step.get("page"), capture.url):
            step["page"] = here
        trigger = data.get("trigger") or {"type": "manual"}
        if first and draft.info.starts_where_made and trigger.get("type") == "manual":
            data["trigger"] = _starts_on(capture)  # picked on a page: shown there, not "only when asked"
        elif (
            index == 0
            and not draft.info.multi_step
            and trigger.get("type") == "automatic"
            and trigger.get("url")
            and not _still_matches(trigger["url"], capture.url)
        ):
            data["trigger"] = {**trigger, "url": here}  # re-picked on another page: the guide follows it
        return draft.replace(tidy(data), pictures=capture_pictures(step["id"], capture))

    def keep_test_pictures(self, results: list, thumbnail) -> int:
        """Give steps made by hand the page a passing test saw (never replacing a picture); how many.

        Not an undoable edit: the pictures only illustrate steps and the next test makes them again.
        ``thumbnail(png)`` makes the small picture (the UI owns image scaling).
        """
        added = 0
        for result in results:
            for step in result.steps:
                if step.status != "passed" or not step.screenshot:
                    continue
                if self.store.step_image(result.guide_id, step.step_id) is not None:
                    continue
                self.store.put_step_images(
                    result.guide_id,
                    step.step_id,
                    screenshot=step.screenshot,
                    thumbnail=thumbnail(step.screenshot),
                )
                added += 1
        return added


def _still_matches(rule: dict[str, Any] | None, url: str) -> bool:
    """Whether a page rule (as draft data) accepts ``url``; False for none or a rule that is not valid."""
    if not rule:
        return False
    try:
        return UrlRule.model_validate(rule).matches(url)
    except ValueError:
        return False


def _starts_on(capture: Capture) -> dict[str, Any]:
    """An automatic trigger on the page a capture was made on."""
    return {"type": "automatic", "url": capture_page(capture).model_dump(mode="json", exclude_none=True)}


def _dump_step(step) -> dict[str, Any]:
    """A step as draft data."""
    return step.model_dump(mode="json", exclude_none=True)
