"""Turn captures into guide steps with titles an author would have written."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..domain import Advance, Step, UrlRule
from ..store import ProjectStore
from .events import Capture


def next_step_id(existing: Iterable[str]) -> str:
    """The first free ``step-N`` id."""
    taken = set(existing)
    number = 1
    while f"step-{number}" in taken:
        number += 1
    return f"step-{number}"


def step_from_capture(capture: Capture, step_id: str, *, values_captured: bool = False) -> Step:
    """A step on the captured element: "Click Save", "Type into Company name" …"""
    # Titles are one line of plain text (the domain refuses control characters): fold the name.
    raw = capture.name or capture.target.describe()
    name = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    page = UrlRule(match="exact", value=urlsplit(capture.url).path or "/")
    if capture.kind == "input":
        sample = capture.value if values_captured and not capture.sensitive else None
        title = f"Type into {name}" if name else "Fill in this field"
        advance = Advance(mode="input", sample_input=sample)
    elif capture.kind == "click":
        title = f"Click {name}" if name else "Click here"
        advance = Advance(mode="click")
    else:
        title = name or "This element"
        advance = Advance()
    return Step(id=step_id, title=title[:200], target=capture.target, page=page, advance=advance)


def append_capture(
    store: ProjectStore, guide_id: str, capture: Capture, *, values_captured: bool = False
) -> Step:
    """Add a captured step to the end of a walkthrough, with its pictures; one save each."""
    guide = store.get_guide(guide_id)
    steps = list(getattr(guide, "steps", []))
    step = step_from_capture(capture, next_step_id(s.id for s in steps), values_captured=values_captured)
    store.put_guide(
        guide.model_validate(
            {**guide.model_dump(), "steps": [*[s.model_dump() for s in steps], step.model_dump()]}
        )
    )
    store.put_step_images(guide_id, step.id, screenshot=capture.screenshot, thumbnail=capture.thumbnail)
    return step
