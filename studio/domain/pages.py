"""The page a guide or a step lives on: the one answer Test, Check elements, re-pick, preview and
the DevTools export share."""

from __future__ import annotations

from urllib.parse import urljoin

from .rules import UrlMatch, UrlRule


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
