"""What a test run or an element check reports, for the studio's results view, in an author's words.

QA reads the technical detail (``studio replay``); the studio says what an author can act on
("The Settings link is not on this page any more") and keeps the detail as a tooltip.
"""

from __future__ import annotations

from ..replay.results import GuideResult, StepResult

__all__ = ["GuideResult", "StepResult", "element_words", "plain_words"]

_PLAIN = {
    "not_found": "{element} is not on this page any more — pick it again, or check the page",
    "missing": "{element} is not on this page any more — pick it again, or check the page",
    "ambiguous": "{element} matches several things on this page — pick the right one again",
    "hidden": "{element} is on the page but hidden, so users would not see the step",
    "covered": "{element} is covered by something else on the page (a header, a dialog)",
    "offscreen": "{element} is outside the window",
    "clipped": "the callout or {element_lower} is cut off by the window or a scrolling area",
    "overlap": "the callout covers {element_lower}",
    "overflow": "the callout's text does not fit in it",
    "timeout": "the step never showed: its page may not have opened, or it waits for something",
    "needs_input": "this field is secret, so no value was recorded: the test needs one to type",
    "login_required": "the app asked to sign in first: add a login recipe to the test",
    "http_error": "the app answered with an error page",
    "unresponsive": "the page stopped answering",
    "ended": "the guide ended before this step",
    "cancelled": "the test was cancelled",
}

_ROLES = {
    "button": "button",
    "link": "link",
    "textbox": "field",
    "combobox": "list",
    "checkbox": "checkbox",
    "tab": "tab",
    "menuitem": "menu item",
    "radio": "option",
    "searchbox": "search field",
}


def element_words(step) -> str:
    """A step's element as an author names it: "The Settings link" (or "The element")."""
    target = getattr(step, "target", None)
    fingerprint = getattr(target, "fingerprint", None)
    name = (getattr(fingerprint, "name", "") or "").strip()
    role = _ROLES.get(getattr(fingerprint, "role", "") or "", "element")
    if not name:
        return f"The {role}"
    return f"The “{name[:60]}” {role}"


def plain_words(result: StepResult, element: str = "The element") -> str:
    """One line an author can act on for a step's outcome (its technical detail is for QA)."""
    if result.status == "passed":
        if result.unsure:
            return f"{element} was found, but not surely — it may have changed; pick it again to be safe"
        return ""
    template = _PLAIN.get(result.reason or "")
    if template is None:
        return result.detail
    return template.format(element=element, element_lower=element[0].lower() + element[1:])
