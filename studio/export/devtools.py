"""Export walkthroughs as Chrome DevTools Recorder recordings (replayable by @puppeteer/replay).

Useful on its own (open a guide's path in DevTools, or run it with puppeteer) and as the
common ground for comparing ``studio replay`` with @puppeteer/replay in ``make bench``.
"""

from __future__ import annotations

import json
from typing import Any

from ..browser.context import DEFAULT_VIEWPORT
from ..domain import AdvanceMode, Project, SelectorKind, Target, Walkthrough
from ..domain.pages import start_url


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def selectors(target: Target) -> list[list[str]]:
    """DevTools selector lists, best first; each list pierces the target's open shadow hosts."""
    out: list[list[str]] = []
    for c in target.candidates:
        if c.kind is SelectorKind.test_id:
            sel = f'[{c.attribute or "data-testid"}="{_quote(c.value)}"]'
        elif c.kind in (SelectorKind.id, SelectorKind.css):
            sel = c.value
        elif c.kind is SelectorKind.role and c.name:
            # Chromium renames some roles in its accessibility tree (img → image), so the
            # name alone follows as a fallback.
            out.append([*target.shadow_path, f'aria/{c.name}[role="{c.value}"]'])
            sel = f"aria/{c.name}"
        elif c.kind in (SelectorKind.label, SelectorKind.aria_label):
            sel = f"aria/{c.value}"
        elif c.kind in (SelectorKind.placeholder, SelectorKind.title, SelectorKind.alt):
            sel = f'[{c.kind.value}="{_quote(c.value)}"]'
        elif c.kind is SelectorKind.text:
            sel = f"text/{c.value}"
        else:
            continue
        out.append([*target.shadow_path, sel])
    return out


def recording(
    guide: Walkthrough, base_url: str, viewport: tuple[int, int] = DEFAULT_VIEWPORT
) -> dict[str, Any]:
    """One walkthrough as a DevTools Recorder recording: navigate, then click/type each step's target."""
    steps: list[dict[str, Any]] = [
        {
            "type": "setViewport",
            "width": viewport[0],
            "height": viewport[1],
            "deviceScaleFactor": 1,
            "isMobile": False,
            "hasTouch": False,
            "isLandscape": True,
        },
        {"type": "navigate", "url": start_url(guide, base_url)},
    ]
    for step in guide.steps:
        if step.target is None or step.target.frame_path:
            continue
        found = selectors(step.target)
        if not found:
            continue
        steps.append({"type": "waitForElement", "selectors": found})
        mode = step.advance.mode
        if mode is AdvanceMode.input:
            steps.append({"type": "change", "selectors": found, "value": step.advance.sample_input or "test"})
        elif mode in (AdvanceMode.click, AdvanceMode.url, AdvanceMode.element):
            steps.append({"type": "click", "selectors": found, "offsetX": 4, "offsetY": 4})
    return {"title": guide.name, "steps": steps}


def devtools_recordings(project: Project, base_url: str) -> dict[str, str]:
    """``{file name: recording JSON}`` for every enabled walkthrough of the project."""
    return {
        f"{guide.id}.json": json.dumps(recording(guide, base_url), indent=2, ensure_ascii=False) + "\n"
        for guide in project.guides
        if isinstance(guide, Walkthrough) and guide.enabled
    }
