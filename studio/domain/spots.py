"""Where guides sit on screen: the lint rules for two of them in one place (the runtime stacks them)."""

from __future__ import annotations

from collections.abc import Iterator

from .guide import Checklist, GuideBase, Launcher, LauncherTrigger, ResourceCenter
from .overlap import may_overlap
from .pages import guide_pages as _guide_pages
from .problems import LintProblem, quote_pages
from .target import SelectorKind, Target


def _same_target(a: Target, b: Target) -> bool:
    """Whether two targets surely name the same element (same record, or a shared strong selector)."""
    if a == b:
        return True
    strong = (SelectorKind.test_id, SelectorKind.id)
    keys = {(c.kind, c.value) for c in a.candidates if c.kind in strong and c.unique}
    return any((c.kind, c.value) in keys for c in b.candidates if c.kind in strong and c.unique)


def same_spot(guides: list[GuideBase]) -> Iterator[LintProblem]:
    """Two launcher triggers on one element, or two checklists in one corner on the same pages."""
    launchers = [g for g in guides if isinstance(g.trigger, LauncherTrigger)]
    for later, guide in enumerate(launchers):
        for earlier in launchers[:later]:
            if _same_target(earlier.trigger.element, guide.trigger.element):
                yield LintProblem(
                    "same-spot",
                    guide.id,
                    "trigger.element",
                    f"'{guide.name}' and '{earlier.name}' are both started by a click on "
                    f"{guide.trigger.element.describe()}; one click would start both",
                )
                break
    checklists = [g for g in guides if isinstance(g, Checklist)]
    for later, guide in enumerate(checklists):
        for earlier in checklists[:later]:
            if earlier.position == guide.position and may_overlap(_guide_pages(earlier), _guide_pages(guide)):
                corner = guide.position.replace("_", " ")
                yield LintProblem(
                    "same-spot",
                    guide.id,
                    "position",
                    f"checklists '{guide.name}' and '{earlier.name}' both sit {corner} on "
                    f"{quote_pages(_guide_pages(guide))}; move one to the other corner",
                )
                break


def _corner(guide: GuideBase) -> str | None:
    """The window corner a launcher or checklist sits in (None: beside an element)."""
    if isinstance(guide, (Checklist, ResourceCenter)):
        return guide.position
    if isinstance(guide, Launcher) and guide.steps[0].target is None:
        return guide.corner
    return None


def same_corner(guides: list[GuideBase]) -> Iterator[LintProblem]:
    """Launchers, checklists and resource centers that share a corner (or one side of an element)."""
    placed = [g for g in guides if isinstance(g, (Launcher, Checklist, ResourceCenter))]
    for later, guide in enumerate(placed):
        for earlier in placed[:later]:
            corner = _corner(guide)
            if isinstance(guide, Checklist) and isinstance(earlier, Checklist):
                continue  # said above, with its own words
            if isinstance(guide, Launcher) and isinstance(earlier, Launcher) and corner is None:
                mine, theirs = guide.steps[0], earlier.steps[0]
                beside = (
                    _corner(earlier) is None
                    and _same_target(theirs.target, mine.target)
                    and theirs.placement == mine.placement
                    and may_overlap(_guide_pages(earlier), _guide_pages(guide))
                )
                if beside:
                    yield LintProblem(
                        "same-spot",
                        guide.id,
                        "steps[0].placement",
                        f"launchers '{mine.title}' and '{theirs.title}' sit on the same side of "
                        f"{mine.target.describe()}; put one on another side",
                    )
                    break
                continue
            if (
                corner
                and corner == _corner(earlier)
                and may_overlap(_guide_pages(earlier), _guide_pages(guide))
            ):
                yield LintProblem(
                    "same-spot",
                    guide.id,
                    "corner" if isinstance(guide, Launcher) else "position",
                    f"'{guide.name}' and '{earlier.name}' both sit {corner.replace('_', ' ')} on "
                    f"{quote_pages(_guide_pages(guide))}: the runtime stacks them; move one to another "
                    "corner if they should not",
                )
                break
