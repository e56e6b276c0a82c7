"""Re-pick: give an existing step a new target chosen in the browser, and keep its pictures."""

from __future__ import annotations

from ..domain import Guide
from ..domain.pages import step_url
from ..store import ProjectStore
from .events import Capture


def repick_url(store: ProjectStore, guide_id: str, step_id: str, base_url: str) -> str:
    """Where to open the browser (in pick mode) to re-pick this step's element."""
    guide = store.get_guide(guide_id)
    steps = getattr(guide, "steps", [])
    index = next((i for i, step in enumerate(steps) if step.id == step_id), None)
    if index is None:
        raise KeyError(step_id)
    return step_url(guide, index, base_url)


def apply_pick(store: ProjectStore, guide_id: str, step_id: str, capture: Capture) -> Guide:
    """Give the step the picked element as its target (one transaction per write) and return the guide."""
    guide = store.get_guide(guide_id)
    steps = [
        step.model_copy(update={"target": capture.target}) if step.id == step_id else step
        for step in getattr(guide, "steps", [])
    ]
    updated = guide.model_validate(guide.model_copy(update={"steps": steps}).model_dump())
    store.put_guide(updated)
    store.put_step_images(guide_id, step_id, screenshot=capture.screenshot, thumbnail=capture.thumbnail)
    return updated
