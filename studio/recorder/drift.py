"""Drift check: which recorded targets no longer resolve on a build of the app, before users notice.

Results are the replay's own types (a GuideResult per guide, a StepResult per targeted step),
so "Test" and "Check elements" read the same way.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..browser import launch_options
from ..browser.context import new_context_async
from ..browser.probes import WAIT_FOR_TARGET
from ..browser.scripts import runtime_script
from ..domain import AdvanceMode, Project, Target
from ..domain.pages import step_url
from ..replay.page_link import unreachable
from ..replay.results import LOW_CONFIDENCE, GuideResult, StepResult


class DriftError(ConnectionError):
    """The check could not run (the app unreachable); the message says why in one line."""


def status_of(step: StepResult) -> str:
    """found, low_confidence, ambiguous, hidden, not_found (or why the check could not end)."""
    if step.status == "passed":
        return "low_confidence" if step.unsure else "found"
    return step.reason or "error"


def needs_attention(step: StepResult) -> bool:
    """Not found, hidden, ambiguous, found only with low confidence, or not checked."""
    return status_of(step) != "found"


def targets_to_check(project: Project, base_url: str) -> Iterator[tuple[Any, int, str, Target]]:
    """Every targeted step with its page: (guide, step index, url, target)."""
    for guide in project.guides:
        for index, step in enumerate(getattr(guide, "steps", [])):
            if step.target is not None:
                yield guide, index, step_url(guide, index, base_url), step.target


def revealed_by(guide: Any, index: int, base_url: str) -> int | None:
    """The earlier step on the same page whose click or typing may reveal this step's element (a
    menu it opens, a panel it expands), nearest first; None when no earlier step acts on the page.

    The check loads each page afresh without playing the steps before, so an element such a step
    reveals is hidden there: that is the tour's design, not drift (the replay plays them in turn)."""
    url = step_url(guide, index, base_url)
    for earlier in range(index - 1, -1, -1):
        if step_url(guide, earlier, base_url) != url:
            return None
        if guide.steps[earlier].advance.mode in (AdvanceMode.click, AdvanceMode.input):
            return earlier
    return None


def check_targets(
    project: Project,
    base_url: str,
    *,
    browser: str | None = None,
    timeout_ms: int | None = None,
    timeout: float = 600,
) -> list[GuideResult]:
    """Open each page of the app headless and resolve every target with the real runtime.

    ``timeout`` bounds the whole check, page loads included. Runs on a thread of its own, so it
    works beside a Playwright session of the caller's. DriftError when the app is unreachable.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="drift") as pool:
        return pool.submit(asyncio.run, _check(project, base_url, browser, timeout_ms, timeout)).result()


async def _bounded(awaitable: Any, seconds: float, deadline: float) -> Any:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return await asyncio.wait_for(awaitable, min(seconds, left))


async def _check(
    project: Project, base_url: str, browser: str | None, timeout_ms: int | None, timeout: float
) -> list[GuideResult]:
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    deadline = time.monotonic() + timeout
    results: dict[str, GuideResult] = {}
    planned = list(targets_to_check(project, base_url))
    for guide, index, url, _target in planned:
        result = results.setdefault(guide.id, GuideResult(guide.id, guide.name, guide.kind))
        result.steps.append(
            StepResult(
                guide.steps[index].id,
                index,
                guide.steps[index].title,
                "skipped",
                None,
                "not checked",
                url=url,
            )
        )
    steps = {(r.guide_id, s.index): s for r in results.values() for s in r.steps}
    manager = async_playwright()
    playwright = await manager.start()
    chromium = None
    try:
        chromium = await playwright.chromium.launch(**launch_options(headless=True, explicit=browser))
        context = await new_context_async(chromium, [runtime_script()])
        page = await context.new_page()
        current = None
        for guide, index, url, target in planned:
            outcome = steps[(guide.id, index)]
            began = time.monotonic()
            try:
                if url != current:
                    current = url
                    await _bounded(page.goto(url, wait_until="load", timeout=30_000), 32, deadline)
                wait = timeout_ms if timeout_ms is not None else guide.steps[index].wait_ms
                probe = await _bounded(
                    page.evaluate(
                        WAIT_FOR_TARGET, [target.model_dump(mode="json", by_alias=True), wait, LOW_CONFIDENCE]
                    ),
                    wait / 1000 + 15,
                    deadline,
                )
            except PlaywrightError as exc:
                line = (str(exc).splitlines() or ["error"])[0]
                if unreachable(line):
                    raise DriftError(f"cannot open {url}: {line}") from None
                outcome.status, outcome.reason, outcome.detail = "failed", "error", line[:240]
                continue
            except TimeoutError:
                late = time.monotonic() >= deadline - 0.05
                outcome.status, outcome.reason, outcome.error = "failed", "timeout", True
                outcome.detail = (
                    f"the overall --timeout of {timeout:g} s ended the check"
                    if late
                    else f"the page {url} stopped answering"
                )
                if late:
                    break
                current = None  # a hung page: load it again for the next target
                page = await _replace_page(context, page)
                continue
            opener = revealed_by(guide, index, base_url) if probe["status"] == "hidden" else None
            if opener is not None:  # click what the earlier step clicks, as the tour would, and look again
                current = None  # the page was changed: load it afresh for the next target
                try:
                    again = await _bounded(
                        _after_click(page, guide.steps[opener].target, target, wait), 20, deadline
                    )
                except (PlaywrightError, TimeoutError):
                    again = None
                if again is not None and again["status"] == "found":
                    probe = again
                    outcome.notes = f"hidden until step {opener + 1} is done"
                else:
                    outcome.notes = f"still hidden after step {opener + 1}'s click"
            outcome.confidence = round(float(probe["confidence"] or 0), 3)
            outcome.seconds = time.monotonic() - began
            outcome.weighed = tuple(probe.get("weighed") or ())
            if probe["status"] == "found":
                outcome.status, outcome.detail = "passed", f"on {url}"
            else:
                outcome.status, outcome.reason, outcome.detail = "failed", probe["status"], f"on {url}"
    finally:
        if chromium is not None:
            try:
                await asyncio.wait_for(chromium.close(), 5)
            except Exception:  # noqa: BLE001 - the driver kills what it launched when it stops
                pass
        try:
            await asyncio.wait_for(manager.__aexit__(None, None, None), 10)
        except Exception:  # noqa: BLE001
            pass
    return list(results.values())


CLICK_TARGET = "t => { const e = GuideRuntime.resolve(t).element; if (e) e.click(); return !!e; }"


async def _after_click(page: Any, opener: Target | None, target: Target, wait: int) -> dict | None:
    """Click the opener's element in the page, then wait (bounded) for the target again."""
    if opener is None or not await page.evaluate(CLICK_TARGET, opener.model_dump(mode="json", by_alias=True)):
        return None
    return await page.evaluate(WAIT_FOR_TARGET, [target.model_dump(mode="json", by_alias=True), wait])


async def _replace_page(context: Any, page: Any) -> Any:
    try:
        await asyncio.wait_for(page.close(), 5)
    except Exception:  # noqa: BLE001 - a hung renderer; the context's next page is a new process
        pass
    return await asyncio.wait_for(context.new_page(), 15)


def report_json(results: list[GuideResult]) -> str:
    """The checks as JSON, for CI tools: one entry per targeted step."""
    return json.dumps(
        [
            {
                "guide_id": result.guide_id,
                "guide_name": result.name,
                "step_id": step.step_id,
                "step_number": step.index + 1,
                "url": step.url,
                "status": status_of(step),
                "confidence": step.confidence or 0.0,
                "weighed": list(step.weighed),
                "note": step.notes,
            }
            for result in results
            for step in result.steps
        ],
        indent=2,
    )
