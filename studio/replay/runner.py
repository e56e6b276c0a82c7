"""Replay every guide of a bundle headless and check each step as an end user would meet it."""

from __future__ import annotations

import copy
import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urljoin

from ..browser import launch_options
from ..export.runtime import runtime_script
from .checks import CALLOUT_PROBE, TARGET_PROBE
from .login import ReplayError, load_login
from .results import GuideResult, StepResult

EVENT_BINDING = "__replayEvent"
SECRET_FIELD = (  # the fields whose values the recorder never keeps (guide-recorder.js: sensitive)
    "el => el.type === 'password' || "
    "/^(cc-|one-time-code|current-password|new-password)/.test(el.getAttribute('autocomplete') || '')"
)


def _path(rule: dict | None) -> str | None:
    if not rule or "*" in rule["value"] or rule["match"] == "regex":
        return None
    return rule["value"]


def start_url(guide: dict, base_url: str) -> str:
    """Where a guide starts: its trigger's page, else its first step's page, else the base URL."""
    steps = guide.get("steps") or [{}]
    return urljoin(
        base_url, _path((guide.get("trigger") or {}).get("url")) or _path(steps[0].get("page")) or ""
    )


def solo_bundle(bundle: dict, guide: dict) -> dict:
    """The bundle with only this guide, started by hand: other automatic guides stay out of the way."""
    solo = copy.deepcopy(bundle)
    solo["guides"] = [dict(copy.deepcopy(guide), trigger={"type": "manual"})]
    return solo


class _GuideRun:
    """One guide in one fresh browser context."""

    def __init__(
        self,
        browser: Any,
        bundle: dict,
        guide: dict,
        base_url: str,
        inputs: dict[str, str],
        storage_state: str | None,
        deadline: float,
        login: Callable[[Any, str], None] | None = None,
        screenshots: bool = True,
        cancel: threading.Event | None = None,
    ) -> None:
        self.guide = guide
        self.cancel = cancel or threading.Event()
        self.login = login
        self.screenshots = screenshots
        self.events: list[tuple[str, dict]] = []
        options = {"viewport": {"width": 1280, "height": 800}}
        if storage_state:
            options["storage_state"] = storage_state
        self.context = browser.new_context(**options)
        self.context.expose_binding(
            EVENT_BINDING, lambda _source, name, detail: self.events.append((name, detail))
        )
        self.context.add_init_script(script=runtime_script())
        self.context.add_init_script(
            script=(
                "document.addEventListener('DOMContentLoaded', function () { GuideRuntime.init({bundle: "
                + json.dumps(solo_bundle(bundle, guide))
                + f", onEvent: function (n, d) {{ window.{EVENT_BINDING}(n, "
                + "JSON.parse(JSON.stringify(d))); } }); });"
            )
        )
        self.base_url = base_url
        self.inputs = inputs
        self.deadline = deadline

    def shot(self) -> bytes | None:
        """A viewport screenshot when the run keeps pictures (reports, docs)."""
        return self.page.screenshot() if self.screenshots else None

    def wait_event(self, accept: Callable[[str, dict], bool], seconds: float) -> tuple[str, dict] | None:
        end = min(time.monotonic() + seconds, self.deadline)
        seen = 0
        while time.monotonic() < end and not self.cancel.is_set():
            for name, detail in self.events[seen:]:
                if accept(name, detail):
                    return name, detail
            seen = len(self.events)
            self.page.wait_for_timeout(25)
        return None

    def run(self) -> GuideResult:
        from playwright.sync_api import Error as PlaywrightError

        guide = self.guide
        result = GuideResult(guide["id"], guide["name"], guide["kind"])
        started = time.monotonic()
        self.page = self.context.new_page()
        url = start_url(guide, self.base_url)
        try:
            if self.login is not None:
                self.login(self.page, self.base_url)
            self.page.goto(url, wait_until="domcontentloaded", timeout=30_000)
        except PlaywrightError as exc:
            raise ReplayError(f"cannot open {url}: {str(exc).splitlines()[0]}") from None
        try:
            self.page.evaluate("id => GuideRuntime.start(id)", guide["id"])
            if guide["kind"] == "checklist":
                result.steps.append(self._check_checklist())
            else:
                self._run_steps(result)
        except PlaywrightError as exc:
            step = next((s for s in result.steps if s.status == "skipped"), None)
            if step is None:
                result.steps.append(
                    StepResult("-", len(result.steps), "browser", "failed", "error", str(exc).splitlines()[0])
                )
        finally:
            result.seconds = time.monotonic() - started
            self.context.close()
        return result

    def _check_checklist(self) -> StepResult:
        step = StepResult("checklist", 0, self.guide.get("title", "checklist"))
        launcher = self.page.locator("[data-guide-runtime] .gs-launcher")
        try:
            launcher.wait_for(timeout=5_000)
            step.screenshot = self.shot()
        except Exception:  # noqa: BLE001 - reported as a failed step
            step.status, step.reason, step.detail = (
                "failed",
                "not_found",
                "the checklist launcher never showed",
            )
        return step

    def _settle(self) -> None:
        """Let the callout's placement settle (two animation frames and a margin) before probing."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.page.wait_for_timeout(40)

    def _run_steps(self, result: GuideResult) -> None:
        steps = self.guide["steps"]
        failed = False
        for index, step in enumerate(steps):
            outcome = StepResult(step["id"], index, step.get("title", ""))
            result.steps.append(outcome)
            if failed:
                outcome.status, outcome.detail = "skipped", "not reached: an earlier step failed"
                continue
            began = time.monotonic()
            self._run_step(index, step, outcome)
            outcome.seconds = time.monotonic() - began
            failed = outcome.status == "failed"

    def _run_step(self, index: int, step: dict, outcome: StepResult) -> None:
        kind = self.guide["kind"]
        if kind == "tooltip" and step.get("target"):
            self._hover_target(step)
        if kind == "hotspot":
            beacon = self.page.locator("[data-guide-runtime] .gs-beacon")
            try:
                beacon.click(timeout=(step.get("waitMs", 5000) + 2000))
            except Exception:  # noqa: BLE001 - the missing-target event below says why
                pass
        wait = step.get("waitMs", 5000) / 1000 + 10
        event = self.wait_event(
            lambda n, d: (
                (n in ("step_shown", "target_not_found") and d.get("stepIndex") == index)
                or n in ("guide_completed", "guide_dismissed")
            ),
            wait,
        )
        if event is None:
            outcome.status, outcome.reason = "failed", "timeout"
            outcome.detail = "the step never showed" + (
                f" (waiting for page {step['page']['value']})" if step.get("page") else ""
            )
            outcome.screenshot = self.page.screenshot()  # failures are always pictured
            return
        name, detail = event
        if name == "target_not_found":
            outcome.confidence = detail.get("confidence")
            if step.get("optional"):
                outcome.status, outcome.detail = "skipped", f"optional step: target {detail.get('reason')}"
                return
            outcome.status, outcome.reason = "failed", detail.get("reason", "not_found")
            outcome.detail = f"target {outcome.reason}: {_describe(step.get('target'))}"
            outcome.screenshot = self.page.screenshot()
            return
        if name != "step_shown":
            outcome.status, outcome.reason, outcome.detail = (
                "failed",
                "ended",
                f"the guide ended early ({name})",
            )
            return
        self._settle()
        if step.get("target"):
            probe = self.page.evaluate(TARGET_PROBE, step["target"])
            outcome.confidence = probe.get("confidence")
            if probe["status"] != "ok":
                outcome.status, outcome.reason = "failed", probe["status"]
                outcome.detail = f"{probe['detail']}; target {_describe(step['target'])}"
                outcome.screenshot = self.page.screenshot()  # failures are always pictured
                return
        callout = self.page.evaluate(CALLOUT_PROBE)
        outcome.screenshot = self.shot()
        if callout["status"] != "ok":
            outcome.status, outcome.reason, outcome.detail = "failed", callout["status"], callout["detail"]
            return
        self._advance(step, outcome)

    def _hover_target(self, step: dict) -> None:
        end = time.monotonic() + step.get("waitMs", 5000) / 1000
        while time.monotonic() < end:
            handle = self.page.evaluate_handle("t => GuideRuntime.resolve(t).element", step["target"])
            element = handle.as_element()
            if element is not None:
                element.hover(timeout=3_000)
                return
            self.page.wait_for_timeout(100)

    def _advance(self, step: dict, outcome: StepResult) -> None:
        kind = self.guide["kind"]
        if kind != "walkthrough":
            return  # tooltips, hotspots and modals pass once their callout is right
        mode = (step.get("advance") or {}).get("mode", "next")
        element = None
        if step.get("target"):
            element = self.page.evaluate_handle(
                "t => GuideRuntime.resolve(t).element", step["target"]
            ).as_element()
        try:
            if mode == "next":
                self.page.locator("[data-guide-runtime] .gs-callout .gs-primary").click(timeout=5_000)
            elif mode == "input" and element is not None:
                value = (
                    self.inputs.get(f"{self.guide['id']}.{step['id']}")
                    or self.inputs.get(step["id"])
                    or (step.get("advance") or {}).get("sampleInput")
                )
                if value is None and element.evaluate(SECRET_FIELD):
                    outcome.status, outcome.reason = "failed", "needs_input"
                    outcome.detail = (
                        "this is a secret field, so the recording kept no value: give "
                        f"--input {self.guide['id']}.{step['id']}=VALUE or a login recipe (--login-script)"
                    )
                    return
                element.fill(value or "test", timeout=5_000)
                element.dispatch_event("change")
            elif element is not None:
                element.click(timeout=5_000)
        except Exception as exc:  # noqa: BLE001 - an action that fails fails the step
            outcome.status, outcome.reason = (
                "failed",
                "covered" if "intercepts pointer" in str(exc) else "error",
            )
            outcome.detail = f"could not {mode} the target: {str(exc).splitlines()[0][:200]}"
            return
        completed = self.wait_event(lambda n, d: n == "step_completed" and d.get("stepId") == step["id"], 10)
        if completed is None:
            outcome.status, outcome.reason = "failed", "timeout"
            outcome.detail = f"the step did not advance on '{mode}'"


def _describe(target: dict | None) -> str:
    if not target:
        return "(none)"
    candidates = ", ".join(
        f"{c['kind']}={c['value']!r}" + (f" name={c['name']!r}" if c.get("name") else "")
        for c in target.get("candidates", [])[:4]
    )
    return candidates or json.dumps(target.get("fingerprint"))[:200]


def replay(
    bundle: dict,
    base_url: str,
    *,
    guide_ids: list[str] | None = None,
    inputs: dict[str, str] | None = None,
    workers: int = 1,
    timeout: float = 600,
    connect: str | None = None,
    cdp: str | None = None,
    storage_state: str | None = None,
    browser: str | None = None,
    login_script: str | None = None,
    screenshots: bool = True,
    on_result: Callable[[GuideResult], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[GuideResult]:
    """Replay the bundle's guides (or those named) and return their results in bundle order.

    Setting ``cancel`` ends the run within a step's wait; guides not run are reported skipped.
    """
    cancel = cancel or threading.Event()
    guides = [g for g in bundle["guides"] if not guide_ids or g["id"] in guide_ids]
    missing = set(guide_ids or []) - {g["id"] for g in guides}
    if missing:
        raise ReplayError(f"no guide with id {', '.join(sorted(missing))} in the bundle")
    deadline = time.monotonic() + timeout
    login = load_login(login_script) if login_script else None
    lock = threading.Lock()
    chunks = [guides[i :: max(1, workers)] for i in range(max(1, workers))]

    def work(chunk: list[dict]) -> dict[str, GuideResult]:
        from playwright.sync_api import sync_playwright

        done: dict[str, GuideResult] = {}
        if not chunk:
            return done
        with sync_playwright() as playwright:
            if connect:
                chromium = playwright.chromium.connect(connect)
            elif cdp:
                chromium = playwright.chromium.connect_over_cdp(cdp)
            else:
                chromium = playwright.chromium.launch(**launch_options(headless=True, explicit=browser))
            try:
                for guide in chunk:
                    if cancel.is_set():
                        result = GuideResult(
                            guide["id"],
                            guide["name"],
                            guide["kind"],
                            [StepResult("-", 0, "cancelled", "skipped", "cancelled", "run cancelled")],
                        )
                    elif time.monotonic() > deadline:
                        result = GuideResult(
                            guide["id"],
                            guide["name"],
                            guide["kind"],
                            [
                                StepResult(
                                    "-",
                                    0,
                                    "timeout",
                                    "failed",
                                    "timeout",
                                    "the overall --timeout ended the run",
                                )
                            ],
                        )
                    else:
                        result = _GuideRun(
                            chromium,
                            bundle,
                            guide,
                            base_url,
                            inputs or {},
                            storage_state,
                            deadline,
                            login,
                            screenshots,
                            cancel,
                        ).run()
                    done[guide["id"]] = result
                    if on_result:
                        with lock:
                            on_result(result)
            finally:
                chromium.close()
        return done

    with ThreadPoolExecutor(max_workers=len(chunks), thread_name_prefix="replay") as pool:
        merged: dict[str, GuideResult] = {}
        for part in pool.map(work, chunks):
            merged.update(part)
    return [merged[g["id"]] for g in guides]
