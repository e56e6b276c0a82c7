"""Replay of a resource center: its launcher shows uncovered, opens the panel, and the search finds an
entry by its title (announcements are checked here, listed in "What's new")."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..domain import ResourceCenter
from .own_ui import LABELS, ControlError, part, type_into
from .results import StepResult

if TYPE_CHECKING:
    from .guide_run import GuideRun


def center_plan(guide: ResourceCenter) -> list[StepResult]:
    """One result: the center as a whole."""
    return [StepResult("center", 0, guide.title)]


def solo_guides(center: dict, bundle: dict) -> list[dict]:
    """What a resource center needs beside it: the guides its entries start and the announcements it lists."""
    starts = {entry.get("guideId") for entry in center.get("entries", [])}
    news = center.get("announcements", True)
    return [g for g in bundle["guides"] if g["id"] in starts or (news and g["kind"] == "announcement")]


async def play_center(run: GuideRun, player: Any) -> None:
    """Open the panel from its launcher as a user would, then search for the first entry."""
    guide: ResourceCenter = run.guide
    page = run.page
    outcome = run.result.steps[0]
    run.current = outcome
    began = time.monotonic()
    what = {"selector": ".gs-launcher", "ms": run._event_ms(5_000), "what": "resource center launcher"}
    probe = await run._probe(None, {"waitFor": what, "callout": True}, 5 + run.link.seconds)
    if probe["status"] != "ok":
        reason = "not_found" if probe["status"] == "missing" else probe["status"]
        await run._judge(outcome, reason, probe["detail"])
        return
    if not await player.leaves_app(outcome, ".gs-launcher", "resource center launcher", probe):
        return
    await run.call(page.mouse.click(*probe["callout"]))
    try:
        await part(run, ".gs-panel", 2_000)  # opened by the click (bounded wait on frames)
    except ControlError:
        await run._judge(outcome, "not_found", "clicking the launcher did not open the resource center")
        return
    if run.a11y and not await player._accessible(outcome):
        return
    shown = [e for e in guide.entries if e.audience is None and e.pages is None]
    if guide.search and shown:
        try:
            await type_into(run, ".gs-panel .gs-search", shown[0].title)
        except ControlError as exc:
            await run._judge(
                outcome, "error", f"could not search the resource center: the search box is {exc}"
            )
            return
        found = await run.call(page.evaluate(LABELS, ".gs-panel .gs-label"))
        if shown[0].title not in found:
            await run._judge(outcome, "not_found", f"searching for “{shown[0].title}” did not find it")
            return
    outcome.status = "passed"
    outcome.screenshot = await run._shot()
    outcome.seconds = time.monotonic() - began
    run.current = None
