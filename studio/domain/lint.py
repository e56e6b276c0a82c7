"""The project check: guides that would ship broken or that nobody would ever see.

Pure: it reads guides (of a project or of a bundle) and returns problems; no Qt, no SQL.
Two grades, one list:

- ``blocks_export`` problems make a broken bundle (a button that starts a guide that is
  missing or turned off, two guides sharing an id); export refuses them
  (``Project.problems()``).
- the others ship a valid bundle with a guide nobody sees (nothing starts it, it waits for
  a page it can never be on, it sits where another one sits); export warns and ``studio
  lint`` fails on them, because an app may start a guide from its own code
  (``GuideRuntime.start(id)``) — a reason the studio cannot see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape

from .guide import (
    Announcement,
    AutomaticTrigger,
    Checklist,
    GuideBase,
    ItemAction,
    Launcher,
    ManualTrigger,
    ResourceCenter,
)
from .kinds import GUIDE_KINDS, guide_steps
from .overlap import may_overlap
from .pages import guide_pages as _guide_pages
from .pages import step_rule as step_page
from .problems import LintProblem, quote_pages
from .rules import UrlRule
from .spots import same_corner, same_spot
from .step import ButtonAction
from .target import Target

RULES = {
    "shared-id": "two guides share an id",
    "missing-guide": "a button, checklist item or launcher starts a guide that does not exist",
    "disabled-guide": "a button, checklist item or launcher starts a guide that is turned off",
    "never-started": "a guide set to start only when asked that nothing starts",
    "start-elsewhere": "a 'start guide' action whose guide's first step waits for another page",
    "same-spot": "two launchers, or two checklists, in the same place (the runtime stacks them)",
    "page-never-matches": "a first step whose page can never be a page the guide starts on",
    "empty-text": "a step with no words (no title, no text)",
    "sign-in-start": "a guide that starts by itself on a sign-in page (password field, sign-in address)",
    "starter-text": "a step that still says what a new guide says ('Tip' / 'What this control does.')",
    "nobody-asked": "a survey that asks 0 % of its users",
}
"""Every rule the check applies, by the name ``studio lint --ignore`` takes."""


@dataclass(frozen=True)
class _Start:
    """A place that starts a guide: a callout button or a checklist item."""

    guide: GuideBase
    field: str
    what: str
    noun: str
    target_id: str
    page: UrlRule | None
    """Where the button or item is; None when it can be on any page."""


def _starts(guides: Iterable[GuideBase]) -> Iterator[_Start]:
    for guide in guides:
        for number, step in enumerate(guide_steps(guide)):
            for b, button in enumerate(step.buttons):
                if button.action is ButtonAction.start_guide and button.guide_id:
                    yield _Start(
                        guide,
                        f"steps[{number}].buttons[{b}]",
                        f"step {number + 1}: button '{button.label}'",
                        "button",
                        button.guide_id,
                        step_page(guide, number),
                    )
        if isinstance(guide, Checklist):
            for i, item in enumerate(guide.items):
                if item.action is ItemAction.start_guide and item.guide_id:
                    yield _Start(
                        guide,
                        f"items[{i}]",
                        f"item '{item.title}'",
                        "checklist",
                        item.guide_id,
                        _guide_pages(guide),
                    )
        if isinstance(guide, ResourceCenter):
            for i, entry in enumerate(guide.entries):
                if entry.guide_id:
                    what = f"entry '{entry.title}'"
                    yield _Start(guide, f"entries[{i}]", what, "resource center", entry.guide_id, entry.pages)
        if isinstance(guide, Launcher):
            label = f"launcher '{guide.steps[0].title}'"
            yield _Start(guide, "guide_id", label, "launcher", guide.guide_id, _guide_pages(guide))


def reference_check(guides: Iterable[GuideBase]) -> list[LintProblem]:
    """What makes a broken bundle: shared ids, and shipped starts of missing or turned-off guides."""
    guides = list(guides)
    problems: list[LintProblem] = []
    by_id: dict[str, GuideBase] = {}
    for guide in guides:
        if guide.id in by_id:
            problems.append(
                LintProblem(
                    "shared-id",
                    guide.id,
                    "id",
                    f"guides '{by_id[guide.id].name}' and '{guide.name}' share the id '{guide.id}'",
                    blocks_export=True,
                )
            )
        by_id.setdefault(guide.id, guide)
    for start in _starts(g for g in guides if g.enabled):  # turned-off guides are not shipped
        target = by_id.get(start.target_id)
        where = (
            f"checklist '{start.guide.name}': {start.what}"
            if isinstance(start.guide, Checklist)
            else f"resource center '{start.guide.name}': {start.what}"
            if isinstance(start.guide, ResourceCenter)
            else start.what
            if isinstance(start.guide, Launcher)
            else f"guide '{start.guide.name}', {start.what}"
        )
        if target is None:
            problems.append(
                LintProblem(
                    "missing-guide",
                    start.guide.id,
                    start.field,
                    f"{where} starts guide '{start.target_id}', which does not exist",
                    blocks_export=True,
                )
            )
        elif not target.enabled:
            problems.append(
                LintProblem(
                    "disabled-guide",
                    start.guide.id,
                    start.field,
                    f"{where} starts guide '{target.name}', which is turned off (so not exported); "
                    "turn it on or start another guide",
                    blocks_export=True,
                )
            )
    return problems


def _never_started(guides: list[GuideBase]) -> Iterator[LintProblem]:
    started = {start.target_id for start in _starts(guides)}
    listed = any(isinstance(g, ResourceCenter) and g.announcements for g in guides)
    for guide in guides:
        if isinstance(guide, Announcement):
            if not listed:
                yield LintProblem(
                    "never-started",
                    guide.id,
                    "kind",
                    f"nobody reads '{guide.name}': announcements show in a resource center's "
                    "“What's new”, and no resource center lists them",
                )
            continue
        if isinstance(guide.trigger, ManualTrigger) and guide.id not in started:
            yield LintProblem(
                "never-started",
                guide.id,
                "trigger",
                f"nothing starts '{guide.name}': it starts only when asked, and no button, checklist "
                "item or launcher asks; start it automatically or on a click, or add a launcher that "
                "opens it (fine if your app calls GuideRuntime.start for it)",
            )


def _start_elsewhere(guides: list[GuideBase]) -> Iterator[LintProblem]:
    by_id = {guide.id: guide for guide in guides}
    for start in _starts(guides):
        target = by_id.get(start.target_id)
        steps = guide_steps(target) if target is not None else None
        if not steps or steps[0].page is None:
            continue
        first = steps[0].page
        if not may_overlap(start.page, first):
            yield LintProblem(
                "start-elsewhere",
                start.guide.id,
                start.field,
                f"{start.what} starts '{target.name}', whose first step waits for {first.value}, "
                f"but the {start.noun} is only on {quote_pages(start.page)}",
            )


def _page_never_matches(guides: list[GuideBase]) -> Iterator[LintProblem]:
    for guide in guides:
        steps = guide_steps(guide)
        pages = _guide_pages(guide)
        if not steps or steps[0].page is None or pages is None:
            continue
        if not may_overlap(pages, steps[0].page):
            yield LintProblem(
                "page-never-matches",
                guide.id,
                "steps[0].page",
                f"'{guide.name}' starts on {pages.value}, but its first step is on "
                f"{steps[0].page.value}, which is never one of those pages; the guide would never show",
            )


def _words(html: str) -> str:
    """The plain words of a step's HTML text, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]*>", " ", html)).split())


def _starter(kind: str) -> tuple[str, str]:
    steps = GUIDE_KINDS[kind].starter.get("steps") or [{}]
    return steps[0].get("title", ""), _words(steps[0].get("body", ""))


def _step_texts(guides: list[GuideBase]) -> Iterator[LintProblem]:
    for guide in guides:
        title, body = _starter(guide.kind)
        for number, step in enumerate(guide_steps(guide)):
            words = _words(step.body)
            where = f"'{guide.name}', step {number + 1}"
            if not step.title.strip() and not words:
                yield LintProblem(
                    "empty-text",
                    guide.id,
                    f"steps[{number}].body",
                    f"{where} has no words, only a picture; give it a title or a sentence",
                )
            elif body and (words == body or (step.title == title and not words)):
                yield LintProblem(
                    "starter-text",
                    guide.id,
                    f"steps[{number}].body",
                    f"{where} still says '{step.title}' / '{words}', the text every new "
                    f"{guide.kind} starts with; write what this step should tell your users",
                )


SIGN_IN = re.compile(r"(^|/)(log-?in|sign-?in|sign_in|auth|session)([/.?#]|$)", re.I)
"""A sign-in address: a path segment that says so (``/login``, ``/users/sign_in``, ``/auth/``)."""


def _secret(target: Target | None) -> bool:
    fingerprint = target.fingerprint if target is not None else None
    return fingerprint is not None and fingerprint.attributes.get("type") == "password"


def _sign_in_start(guides: list[GuideBase]) -> Iterator[LintProblem]:
    for guide in guides:
        if not isinstance(guide.trigger, AutomaticTrigger):
            continue
        steps = guide_steps(guide)
        first = step_page(guide, 0)
        on_first = [s for n, s in enumerate(steps) if step_page(guide, n) == first]
        address = first.value if first is not None else ""
        place = address or "a page with a password field"
        if SIGN_IN.search(address) or any(_secret(s.target) for s in on_first):
            yield LintProblem(
                "sign-in-start",
                guide.id,
                "trigger",
                f"'{guide.name}' starts by itself on the sign-in page ({place}): it would greet "
                "everyone who signs in, there; start it on the page after "
                "signing in, or from a button",
            )


def _nobody_asked(guides: list[GuideBase]) -> Iterator[LintProblem]:
    for guide in guides:
        if getattr(guide, "sample_percent", None) == 0:
            yield LintProblem(
                "nobody-asked",
                guide.id,
                "sample_percent",
                f"'{guide.name}' asks 0 % of its users, so nobody sees it; raise the share (100 %: everyone)",
            )


def lint(guides: Iterable[GuideBase], ignore: Iterable[str] = ()) -> list[LintProblem]:
    """Every problem of these guides (a project's or a bundle's), in guide order; ``ignore`` names rules."""
    guides = list(guides)
    shipped = [guide for guide in guides if guide.enabled]
    found = reference_check(guides)
    rules = (
        _never_started,
        _start_elsewhere,
        same_spot,
        same_corner,
        _page_never_matches,
        _step_texts,
        _sign_in_start,
        _nobody_asked,
    )
    for rule in rules:
        found.extend(rule(shipped))
    order = {guide.id: number for number, guide in enumerate(guides)}
    skip = set(ignore)
    return sorted((p for p in found if p.rule not in skip), key=lambda p: order.get(p.guide_id, 0))
