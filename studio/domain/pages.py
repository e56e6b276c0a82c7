"""The page a guide or a step lives on, in one place.

Two questions, answered side by side: ``step_url`` — where to open the browser to see a step
(Test, Check elements, re-pick, preview, the DevTools export share it) — and ``step_rule`` —
which pages a step can be on at all (``studio lint`` reasons with it; unknown after a click
that may navigate).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .guide import AutomaticTrigger
from .kinds import guide_steps
from .rules import UrlMatch, UrlRule
from .step import AdvanceMode

if TYPE_CHECKING:
    from .guide import GuideBase


def fixed_path(rule: UrlRule | None) -> str | None:
    """The one address a rule names, or None when it matches many (glob, regex) or is absent."""
    if rule is None or rule.match in (UrlMatch.glob, UrlMatch.regex) or "*" in rule.value:
        return None
    return rule.value


def step_path(guide: object, index: int) -> str:
    """The page step ``index`` lives on, relative to the app's base address.

    The nearest fixed page rule at or before the step wins, then the trigger's page; a guide
    without any page rule lives on the base address itself (``""``).
    """
    steps = getattr(guide, "steps", None) or []
    for step in reversed(steps[: index + 1]):
        path = fixed_path(step.page)
        if path is not None:
            return path
    return fixed_path(getattr(getattr(guide, "trigger", None), "url", None)) or ""


def step_url(guide: object, index: int, base_url: str) -> str:
    """The absolute address of the page step ``index`` of ``guide`` lives on."""
    return urljoin(base_url, step_path(guide, index))


def start_url(guide: object, base_url: str) -> str:
    """Where a guide starts: the page of its first step (checklists: their trigger's page)."""
    return step_url(guide, 0, base_url)


def guide_pages(guide: GuideBase) -> UrlRule | None:
    """The pages a guide starts on by itself; None for any page (or pages the studio cannot know)."""
    trigger = guide.trigger
    return trigger.url if isinstance(trigger, AutomaticTrigger) else None


def step_rule(guide: GuideBase, index: int) -> UrlRule | None:
    """Which pages step ``index`` can be on (for reasoning, as ``studio lint`` does): its own page,
    else the last earlier one, else the guide's pages.

    None (any page) when an earlier step may have left the page without saying where to: a
    click that may navigate. An earlier step that advances on an address change names it.
    """
    steps = guide_steps(guide)
    for number in range(min(index, len(steps) - 1), -1, -1):
        step = steps[number]
        if number < index:
            if step.advance.mode is AdvanceMode.url:
                return step.advance.url
            if step.advance.mode is AdvanceMode.click:
                return None
        if step.page is not None:
            return step.page
    return guide_pages(guide)
