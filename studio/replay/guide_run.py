"""One guide replayed in one fresh browser context: every step waited for on the runtime's own
events, judged by the in-page probes, and advanced as a user would."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..browser.context import Layout, new_context_async
from ..browser.probes import PAGE_STATE, STEP_PROBE, WAIT_FOR_TARGET
from ..browser.scripts import runtime_script
from ..domain import AdvanceMode, Checklist, Hotspot, Modal, Step, Target, Tooltip, Walkthrough
from ..domain.pages import start_url
from .a11y import AXE_RUN, axe_script
from .page_link import CALL_SECONDS, AppUnreachable, PageLink, PageUnresponsive, RunTimeout, unreachable
from .results import GuideResult, StepResult

EVENT_BINDING = "__replayEvent"
EVENT_SLICE_MS = 2_000
"""The longest the page waits for a step's event before Python looks at cancel and the deadline."""
DOCUMENT_STATUS = (
    "() => [(performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0, location.pathname]"
)
LOGIN_PATH = re.compile(r"(log-?in|sign-?in|auth|sso|session/new)", re.I)

SECRET_FIELD = (  # the fields whose values the recorder never keeps (guide-recorder.js: sensitive)
    "el => el.type === 'password' || "
    "/^(cc-|one-time-code|current-password|new-password)/.test(el.getAttribute('autocomplete') || '')"
)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:240]


def describe_target(target: Target | None) -> str:
    """A target as a QA engineer reads it: its best selectors."""
    if target is None:
        return "(none)"
    candidates = ", ".join(
        f"{c.kind.value}={c.value!r}" + (f" name={c.name!r}" if c.name else "") for c in target.candidates[:4]
    )
    return candidates or json.dumps(target.fingerprint.model_dump(mode="json"))[:200]


def init_script(bundle_json: dict, start: str | None) -> str:
    """Start the runtime on each page with this one-guide bundle and forward its events to Python.

    With ``start`` (a guide id) the first page starts that guide by itself, saving a round trip;
    later pages resume it as the runtime does for users.
    """
    guide = bundle_json["guides"][0]["id"]
    autostart = (
        " if (!sessionStorage.getItem('__replay_started')) {"
        " sessionStorage.setItem('__replay_started', '1');"
        f" GuideRuntime.start({json.dumps(guide)}); }}"
        if start
        else ""
    )
    return (
        "(function () { if (window.top !== window) return;"
        " function go() { GuideRuntime.init({bundle: " + json.dumps(bundle_json) + ","
        " onEvent: function (n, d) { var c = JSON.parse(JSON.stringify(d));"
        " (window.__replayLog = window.__replayLog || []).push([n, c]);"
        f" window.{EVENT_BINDING}(n, c); }} }});" + autostart + " }"
        " if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go);"
        " else go();"
        " })();"
    )


class GuideRun:
    """One guide (in one layout) in one fresh context of a shared browser."""

    def __init__(
        self,
        guide: Any,
        bundle_json: dict,
        base_url: str,
        *,
        layout: Layout,
        deadline: float,
        timeout: float,
        inputs: dict[str, str],
        storage_state: str | None,
        login: Callable[[Any, str], Any] | None,
        screenshots: bool,
        cancelled: Callable[[], bool],
        a11y: bool = False,
        call_seconds: float = CALL_SECONDS,
    ) -> None:
        self.guide = guide
        self.bundle_json = bundle_json
        self.base_url = base_url
        self.layout = layout
        self.deadline = deadline
        self.timeout = timeout
        self.inputs = inputs
        self.storage_state = storage_state
        self.login = login
        self.screenshots = screenshots
        self.cancelled = cancelled
        self.a11y = a11y
        self.link = PageLink(deadline, call_seconds, cancelled)
        self.call, self.wait_event = self.link.call, self.link.wait_event
        self.events = self.link.events
        self.document: tuple[int, str] | None = None
        self.result = GuideResult(guide.id, guide.name, guide.kind, layout=layout.label)
        self.current: StepResult | None = None
        self.context: Any = None
        self.page: Any = None
        self.timings = self.link.timings
        """Seconds spent per phase (context, navigation, waits, probes, actions, screenshots)."""

    # -- the run -------------------------------------------------------------------------------
    async def _guarded(self, work: Any) -> bool:
        """Run one phase; errors fail the step they happened in. False when the guide cannot go on."""
        started = time.monotonic()
        try:
            return bool(await work)
        except RunTimeout:
            self._error(
                "timeout", f"the overall --timeout of {self.timeout:g} s ended the run during this step"
            )
        except PageUnresponsive:
            self._error("unresponsive", "the page stopped answering (a script on it may run for ever)")
        except AppUnreachable:
            raise
        except Exception as exc:  # noqa: BLE001 - a browser error fails the step it happened in
            self._error("error", _first_line(exc), error=False)
        finally:
            self.result.seconds += time.monotonic() - started
        return False

    async def prepare(self, browser: Any) -> bool:
        """Open a fresh context and the guide's first page (signed in first when asked)."""
        self.result.steps = self._plan()
        for step in self.result.steps:
            step.status = "pending"
        self.current = self.result.steps[0]
        return await self._guarded(self._prepare(browser))

    async def play(self) -> GuideResult:
        """Start the guide on the prepared page and check every step."""
        await self._guarded(self._play())
        self.current = None
        return self.result

    async def run(self, browser: Any) -> GuideResult:
        """Prepare and play in one go."""
        if await self.prepare(browser):
            await self.play()
        return self.result

    def _plan(self) -> list[StepResult]:
        if isinstance(self.guide, Checklist):
            return [StepResult("checklist", 0, self.guide.title)]
        return [StepResult(step.id, i, step.title) for i, step in enumerate(self.guide.steps)]

    def _error(self, reason: str, detail: str, *, error: bool = True) -> None:
        """Fail the running step (or the first not yet judged) and mark the rest not reached."""
        if not self.result.steps:
            self.result.steps = self._plan()
        step = self.current or next((s for s in self.result.steps if s.status == "pending"), None)
        if step is None:
            step = self.result.steps[-1]
        if step.status in ("pending", "passed"):
            step.status, step.reason, step.detail, step.error = "failed", reason, detail, error
        for later in self.result.steps:
            if later.status == "pending":
                later.status, later.detail = "skipped", "not reached: an earlier step failed"

    async def _prepare(self, browser: Any) -> bool:
        options: dict[str, Any] = {}
        if self.storage_state:
            options["storage_state"] = self.storage_state
        self.context = await self.call(
            new_context_async(
                browser,
                [
                    runtime_script()
                    + "\n"
                    + init_script(self.bundle_json, None if self.login else self.guide.id)
                ],
                self.layout,
                **options,
            ),
            phase="context",
        )
        await self.call(self.context.expose_binding(EVENT_BINDING, self.link.on_event), phase="context")
        self.page = await self.call(self.context.new_page(), phase="context")
        if self.login is not None:
            outcome = self.login(self.page, self.base_url)
            if asyncio.iscoroutine(outcome):
                await self.call(outcome, 60)
        return await self._open(start_url(self.guide, self.base_url))

    async def _play(self) -> bool:
        if self.login is not None:  # started by hand: the sign-in pages must not start it
            await self.call(self.page.evaluate("id => GuideRuntime.start(id)", self.guide.id))
        if isinstance(self.guide, Checklist):
            await self._check_checklist(self.result.steps[0])
        else:
            await self._run_steps()
        return True

    async def close(self) -> bool:
        """Close the context; False when even that hangs (the caller then replaces the browser)."""
        if self.context is None:
            return True
        try:
            await asyncio.wait_for(self.context.close(), 5)
            return True
        except Exception:  # noqa: BLE001 - a hung renderer: the browser goes instead
            return False

    async def _open(self, url: str) -> bool:
        """Open the guide's first page; False (with the step failed in words) when the app says no."""
        from playwright.async_api import Error as PlaywrightError

        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RunTimeout
        limit = min(30.0, left)
        path = urlsplit(url).path or "/"
        began = time.monotonic()
        try:
            response = await asyncio.wait_for(
                self.page.goto(url, wait_until="domcontentloaded", timeout=limit * 1000), limit + 2
            )
        except (TimeoutError, PlaywrightError) as exc:
            message = _first_line(exc) if isinstance(exc, PlaywrightError) else "timeout"
            if unreachable(message):
                raise AppUnreachable(f"cannot open {url}: {message}") from None
            if time.monotonic() >= self.deadline - 0.05:
                raise RunTimeout from None
            self._fail(self.current, "timeout", f"the app did not answer on {path} within {limit:g} s")
            return False
        finally:
            self.timings["navigation"] = self.timings.get("navigation", 0.0) + time.monotonic() - began
        if response is not None and response.status >= 400:
            self._fail(self.current, "http_error", f"the app answered {response.status} on {path}")
            return False
        landed = urlsplit(self.page.url).path or "/"
        if landed.rstrip("/") != path.rstrip("/"):
            state = await self.call(self.page.evaluate(PAGE_STATE))
            if state["password"] or LOGIN_PATH.search(landed):
                self._fail(
                    self.current,
                    "login_required",
                    f"the app redirected {path} to {landed} (a sign-in page): sign in first with "
                    "--login-script or --storage-state",
                )
                return False
        return True

    def _fail(self, outcome: StepResult | None, reason: str, detail: str) -> None:
        if outcome is None:
            return
        outcome.status, outcome.reason, outcome.detail = "failed", reason, detail
        for later in self.result.steps:
            if later.status == "pending":
                later.status, later.detail = "skipped", "not reached: an earlier step failed"

    async def _shot(self, failed: bool = False) -> bytes | None:
        """A viewport picture when the run keeps pictures, and always for a failure (bounded)."""
        if not (self.screenshots or failed):
            return None
        try:
            return await self.call(self.page.screenshot(timeout=5_000), 6, phase="screenshots")
        except (PageUnresponsive, RunTimeout):
            raise
        except Exception:  # noqa: BLE001 - a picture is a nicety; the verdict stands without it
            return None

    def _http_problem(self) -> str | None:
        if self.document and self.document[0] >= 400:
            status, path = self.document
            return f"the app answered {status} on {path}"
        return None

    def _saw(self, probe: dict) -> dict:
        """Remember the status of the document a probe ran in (error pages fail the step)."""
        if probe.get("httpStatus"):
            self.document = (probe["httpStatus"], probe.get("path") or "/")
        return probe

    async def _judge(self, outcome: StepResult, reason: str, detail: str) -> None:
        """Fail a step, naming an error page when the app served one.

        Once the run is cancelled no step fails: its waits were cut short, so it is reported
        cancelled (the author stopped it), never as a failure of the guide.
        """
        if self.cancelled():
            outcome.status, outcome.reason, outcome.detail = "skipped", "cancelled", "run cancelled"
            return
        try:
            if self.page is not None:
                status, path = await self.call(self.page.evaluate(DOCUMENT_STATUS), 5)
                self.document = (status, path) if status else self.document
        except (RunTimeout, PageUnresponsive):
            raise
        except Exception:  # noqa: BLE001 - mid-navigation: the step's own reason stands
            pass
        problem = self._http_problem()
        if problem:
            reason, detail = "http_error", problem
        self._fail(outcome, reason, detail)
        outcome.screenshot = await self._shot(failed=True)

    # -- kinds -------------------------------------------------------------------------------
    async def _probe(self, target: dict | None, opts: dict, seconds: float | None = None) -> dict:
        """Run the step probe; when the page navigates under it, run it again on the new page."""
        from playwright.async_api import Error as PlaywrightError

        for _attempt in range(6):
            try:
                return self._saw(
                    await self.call(self.page.evaluate(STEP_PROBE, [target, opts]), seconds, phase="probes")
                )
            except PlaywrightError as exc:
                if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                    raise
                await self.call(
                    self.page.wait_for_load_state("domcontentloaded"), seconds, phase="navigation"
                )
        raise PageUnresponsive

    def _event_ms(self, ms: float) -> int:
        return int(max(0.0, min(ms, (self.deadline - time.monotonic()) * 1000)))

    async def _check_checklist(self, outcome: StepResult) -> None:
        self.current = outcome
        began = time.monotonic()
        probe = await self._probe(
            None,
            {
                "waitFor": {
                    "selector": ".gs-launcher",
                    "ms": self._event_ms(5_000),
                    "what": "checklist launcher",
                },
                "callout": True,
            },
            5 + self.link.seconds,
        )
        if probe["status"] != "ok":
            await self._judge(
                outcome, "not_found" if probe["status"] == "missing" else probe["status"], probe["detail"]
            )
            return
        outcome.status = "passed"
        outcome.screenshot = await self._shot()
        outcome.seconds = time.monotonic() - began

    async def _run_steps(self) -> None:
        for index, step in enumerate(self.guide.steps):
            outcome = self.result.steps[index]
            if outcome.status != "pending":
                continue
            if self.cancelled():
                outcome.status, outcome.reason, outcome.detail = "skipped", "cancelled", "run cancelled"
                continue
            self.current = outcome
            began = time.monotonic()
            await self._run_step(index, step, outcome)
            outcome.seconds = time.monotonic() - began
        self.current = None

    async def _accessible(self, outcome: StepResult) -> bool:
        """axe-core with the step shown: False (the step failed) when the guide's own UI breaks a rule."""
        if not await self.call(self.page.evaluate("() => typeof axe === 'object'")):
            await self.call(self.page.evaluate(axe_script()))
        found = await self.call(self.page.evaluate(AXE_RUN), 30, phase="a11y")
        if found["app"]:
            outcome.notes = "the app's own accessibility problems (not failed): " + ", ".join(found["app"])
        if found["ours"]:
            await self._judge(
                outcome, "a11y", "the guide breaks accessibility rules: " + "; ".join(found["ours"])
            )
            return False
        return True

    async def _hover(self, target: Target, wait_ms: int) -> None:
        """Wait (bounded) for the target and move the mouse onto it, as a user about to read its tip."""
        found = await self.call(
            self.page.evaluate(
                WAIT_FOR_TARGET, [target.model_dump(mode="json", by_alias=True), self._event_ms(wait_ms)]
            ),
            wait_ms / 1000 + self.link.seconds,
            phase="waits",
        )
        if found.get("point"):
            await self.call(self.page.mouse.move(*found["point"]))

    async def _run_step(self, index: int, step: Step, outcome: StepResult) -> None:
        guide = self.guide
        target = step.target.model_dump(mode="json", by_alias=True) if step.target else None
        suffix = f"; target {describe_target(step.target)}" if step.target else ""
        if isinstance(guide, Tooltip) and step.target is not None:
            await self._hover(step.target, step.wait_ms)
        if isinstance(guide, Hotspot):
            wait = {"selector": ".gs-beacon", "ms": self._event_ms(step.wait_ms + 2000), "what": "beacon"}
            beacon = await self._probe(
                target,
                {"waitFor": wait, "callout": True, "beacon": True},
                step.wait_ms / 1000 + 2 + self.link.seconds,
            )
            if beacon["status"] == "ok":
                await self.call(self.page.mouse.click(*beacon["callout"]))
            elif beacon["status"] != "missing":  # a missing beacon: the runtime's event below says why
                await self._judge(outcome, beacon["status"], beacon["detail"] + suffix)
                return
        give_up = time.monotonic() + (step.wait_ms + 10_000) / 1000
        while True:  # in slices, so a cancel or the deadline gets through while the page waits
            slice_ms = self._event_ms(min(EVENT_SLICE_MS, (give_up - time.monotonic()) * 1000))
            probe = await self._probe(
                target,
                {"event": {"index": index, "ms": slice_ms}, "callout": True},
                slice_ms / 1000 + self.link.seconds,
            )
            if probe.get("event") is not None or time.monotonic() >= min(give_up, self.deadline):
                break
            if self.cancelled():
                break
        if probe.get("event") is None:
            if time.monotonic() >= self.deadline:
                raise RunTimeout
            if self.cancelled():
                outcome.status, outcome.reason, outcome.detail = "skipped", "cancelled", "run cancelled"
                return
            waiting = f" (waiting for page {step.page.value})" if step.page else ""
            await self._judge(outcome, "timeout", "the step never showed" + waiting)
            return
        name, detail = probe["event"]
        if name == "target_not_found":
            outcome.confidence = detail.get("confidence")
            if step.optional:
                outcome.status, outcome.detail = "skipped", f"optional step: target {detail.get('reason')}"
                return
            reason = detail.get("reason") or "not_found"
            await self._judge(outcome, reason, f"target {reason}: {describe_target(step.target)}")
            return
        if name != "step_shown":
            await self._judge(outcome, "ended", f"the guide ended early ({name})")
            return
        outcome.confidence = probe.get("confidence")
        if probe["status"] != "ok":
            await self._judge(outcome, probe["status"], probe["detail"] + suffix)
            return
        problem = self._http_problem()
        if problem:
            await self._judge(outcome, "http_error", problem)
            return
        if self.a11y and not await self._accessible(outcome):
            return
        outcome.screenshot = await self._shot()
        if isinstance(guide, Walkthrough):
            await self._advance(index, step, outcome, probe)
            return
        if isinstance(guide, (Tooltip, Hotspot, Modal)):
            outcome.status = "passed"

    async def _advance(self, index: int, step: Step, outcome: StepResult, probe: dict) -> None:
        from playwright.async_api import Error as PlaywrightError

        mode = step.advance.mode
        try:
            if mode is AdvanceMode.next:
                if not probe.get("primary"):
                    await self._judge(outcome, "missing", "the callout has no Next button")
                    return
                await self.call(self.page.mouse.click(*probe["primary"]))
            elif mode is AdvanceMode.input and step.target is not None:
                value = (
                    self.inputs.get(f"{self.guide.id}.{step.id}")
                    or self.inputs.get(step.id)
                    or step.advance.sample_input
                )
                handle = await self.call(
                    self.page.evaluate_handle(
                        "t => GuideRuntime.resolve(t).element",
                        step.target.model_dump(mode="json", by_alias=True),
                    )
                )
                element = handle.as_element()
                if element is None:
                    await self._judge(
                        outcome,
                        "not_found",
                        f"the target was gone when typing into it: {describe_target(step.target)}",
                    )
                    return
                if value is None and await self.call(element.evaluate(SECRET_FIELD)):
                    self._fail(
                        outcome,
                        "needs_input",
                        "this is a secret field, so the recording kept no value: give "
                        f"--input {self.guide.id}.{step.id}=VALUE or a login recipe (--login-script)",
                    )
                    return
                await self.call(element.fill(value or "test", timeout=5_000), 6)
                await self.call(element.dispatch_event("change"))
            elif probe.get("point"):
                await self.call(self.page.mouse.click(*probe["point"]))
        except PlaywrightError as exc:
            await self._judge(outcome, "error", f"could not {mode.value} the target: {_first_line(exc)}")
            return
        completed = await self.wait_event(
            lambda n, d: (
                (n == "step_completed" and d.get("stepId") == step.id)
                or (n in ("step_shown", "target_not_found") and (d.get("stepIndex") or 0) > index)
            ),
            10,
        )
        if completed is None:
            await self._judge(
                outcome,
                "timeout",
                f"the step did not advance on '{mode.value}' (was the target still there?)",
            )
            return
        outcome.status = "passed"
