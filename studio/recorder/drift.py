"""Drift check: which recorded targets no longer resolve on a build of the app, before users notice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from urllib.parse import urljoin

from ..browser import launch_options
from ..domain import Guide, Project, Step, Target, UrlMatch, UrlRule
from ..export.runtime import runtime_script

LOW_CONFIDENCE = 0.7
"""Found, but with less certainty than this: worth a re-pick before the next release."""

# Polls GuideRuntime.resolve until the element is visible or the deadline passes.
PROBE = """
async ([target, ms]) => {
  const end = Date.now() + ms;
  for (;;) {
    const r = GuideRuntime.resolve(target);
    const visible = !!r.element && GuideRuntime.dom.isVisible(r.element);
    if (visible || Date.now() > end) {
      const D = GuideRuntime.dom;
      return {confidence: r.confidence, ambiguous: r.ambiguous,
              status: visible ? "found" : r.element ? "hidden" : r.ambiguous ? "ambiguous" : "not_found",
              weighed: (r.candidates || []).map(s => `${s.c.toFixed(2)} ` +
                `${D.roleOf(s.el) || s.el.localName} "${D.nameOf(s.el).slice(0, 40)}" (` +
                ((target.candidates || []).filter(c => D.matches(c, document).includes(s.el))
                  .map(c => c.kind).join("+") || "looks similar") + ")")};
    }
    await new Promise(done => setTimeout(done, 100));
  }
}
"""


@dataclass(frozen=True)
class TargetCheck:
    """How one recorded target fares on a build of the app."""

    guide_id: str
    guide_name: str
    step_id: str
    step_number: int
    url: str
    status: str
    """found, low_confidence, ambiguous, hidden or not_found."""
    confidence: float
    weighed: tuple[str, ...] = ()
    """The two or three elements the runtime weighed, best first: confidence, what it is, why."""

    @property
    def ok(self) -> bool:
        """Found with enough confidence."""
        return self.status == "found"


def _path_of(rule: UrlRule | None) -> str | None:
    if rule is None or "*" in rule.value or rule.match is UrlMatch.regex:
        return None
    return rule.value


def step_url(guide: Guide, index: int, base_url: str) -> str:
    """The page step ``index`` of ``guide`` lives on: its page rule, an earlier step's, or the trigger's."""
    page = _path_of(getattr(guide.trigger, "url", None)) or "/"
    steps: list[Step] = getattr(guide, "steps", [])
    for step in steps[: index + 1]:
        page = _path_of(step.page) or page
    return urljoin(base_url, page)


def targets_to_check(
    project: Project, base_url: str
) -> Iterator[tuple[str, str, str, int, str, Target, int]]:
    """Every target with its page: (guide id, name, step id, step number, url, target, wait)."""
    for guide in project.guides:
        for index, step in enumerate(getattr(guide, "steps", [])):
            if step.target is not None:
                yield (
                    guide.id,
                    guide.name,
                    step.id,
                    index + 1,
                    step_url(guide, index, base_url),
                    step.target,
                    step.wait_ms,
                )


def check_targets(
    project: Project, base_url: str, *, browser: str | None = None, timeout_ms: int | None = None
) -> list[TargetCheck]:
    """Open each page of the app headless and resolve every target with the real runtime.

    Runs on a thread of its own, so it works beside a Playwright session of the caller's.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="drift") as pool:
        return pool.submit(_check, project, base_url, browser, timeout_ms).result()


def _check(project: Project, base_url: str, browser: str | None, timeout_ms: int | None) -> list[TargetCheck]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    results: list[TargetCheck] = []
    runtime = runtime_script()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options(headless=True, explicit=browser))
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(script=runtime)
        page = context.new_page()
        current = None
        try:
            for guide_id, name, step_id, number, url, target, wait in targets_to_check(project, base_url):
                if url != current:
                    try:
                        page.goto(url, wait_until="load", timeout=30_000)
                    except PlaywrightError as exc:
                        raise ConnectionError(f"cannot open {url}: {str(exc).splitlines()[0]}") from None
                    current = url
                probe = page.evaluate(
                    PROBE,
                    [
                        target.model_dump(mode="json", by_alias=True),
                        timeout_ms if timeout_ms is not None else wait,
                    ],
                )
                status = probe["status"]
                if status == "found" and probe["confidence"] < LOW_CONFIDENCE:
                    status = "low_confidence"
                results.append(
                    TargetCheck(
                        guide_id,
                        name,
                        step_id,
                        number,
                        url,
                        status,
                        round(float(probe["confidence"] or 0), 3),
                        () if status == "found" else tuple(probe.get("weighed") or ()),
                    )
                )
        finally:
            chromium.close()
    return results


def report_json(checks: list[TargetCheck]) -> str:
    """The checks as JSON, for CI tools."""
    return json.dumps([asdict(check) for check in checks], indent=2)
