"""One guide replayed in a lane's context (fresh, or cleared since its last guide: ``seat.py``):
every step waited for on the runtime's own events, judged by the in-page probes, and advanced as
a user would."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..browser.context import Layout
from ..browser.probes import PAGE_STATE, STEP_PROBE
from ..browser.scripts import runtime_script
from ..domain import Checklist, ResourceCenter, Survey
from ..domain.pages import start_url
from .center_play import center_plan, play_center
from .page_link import CALL_SECONDS, AppUnreachable, PageLink, PageUnresponsive, RunTimeout, unreachable
from .results import GuideResult, StepResult, first_line
from .seat import EVENT_BINDING, Seat
from .step_play import StepPlayer
from .survey_play import play_survey, survey_plan

DOCUMENT_STATUS = (
    "() => [(performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0, location.pathname]"
)
LOGIN_PATH = re.compile(r"(log-?in|sign-?in|auth|sso|session/new)", re.I)


def init_script(bundle_json: dict, start: str | None, token: str = "") -> str:
    """Start the runtime on each page with this one-guide bundle and forward its events to Python
    (marked with ``token``: a reused page drops what a guide before sent late).

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
        # scrolls noted for the step probe's settling (it waits longer while one may be going on)
        " var s = window.__replayScrolls = {at: -1e9, going: false}, o = {capture: true, passive: true};"
        " addEventListener('scroll', function () { s.at = performance.now(); s.going = true; }, o);"
        " addEventListener('scrollend', function () { s.at = performance.now(); s.going = false; }, o);"
        " function go() { GuideRuntime.init({bundle: " + json.dumps(bundle_json) + ","
        " onEvent: function (n, d) { var c = JSON.parse(JSON.stringify(d));"
        " (window.__replayLog = window.__replayLog || []).push([n, c]);"
        f" window.{EVENT_BINDING}(n, c, {json.dumps(token)}); }} }});" + autostart + " }"
        " if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go);"
        " else go();"
        " })();"
    )


class GuideRun:
    """One guide (in one layout) in one lane's context of a shared browser."""

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
        self.seat: Seat | None = None
        self.token = secrets.token_hex(8)
        """Marks this guide's runtime events (see ``Seat``)."""
        self.broken = False
        """An error (not a failed check) ended the guide: its seat is not reused."""
        self.timings = self.link.timings
        self.others: list[list[Any]] = []
        """What other guides of the bundle point at (``replay/others.py``), for a banner's check."""
        """Seconds spent per phase (context, navigation, waits, probes, actions, screenshots)."""

    # -- the run -------------------------------------------------------------------------------
    async def _guarded(self, work: Any) -> bool:
        """Run one phase; errors fail the step they happened in. False when the guide cannot go on."""
        started = time.monotonic()
        try:
            return bool(await work)
        except RunTimeout:
            self.broken = True
            self._error(
                "timeout", f"the overall --timeout of {self.timeout:g} s ended the run during this step"
            )
        except PageUnresponsive:
            self.broken = True
            self._error("unresponsive", "the page stopped answering (a script on it may run for ever)")
        except AppUnreachable:
            self.broken = True
            raise
        except Exception as exc:  # noqa: BLE001 - a browser error fails the step it happened in
            self.broken = True
            self._error("error", first_line(exc), error=False)
        finally:
            self.result.seconds += time.monotonic() - started
        return False

    async def prepare(self, seat: Seat) -> bool:
        """Ready the seat (a fresh context, or one cleared since its last guide) and open the
        guide's first page (signed in first when asked)."""
        self.result.steps = self._plan()
        for step in self.result.steps:
            step.status = "pending"
        self.current = self.result.steps[0]
        return await self._guarded(self._prepare(seat))

    async def play(self) -> GuideResult:
        """Start the guide on the prepared page and check every step."""
        await self._guarded(self._play())
        self.current = None
        return self.result

    def _plan(self) -> list[StepResult]:
        if isinstance(self.guide, Checklist):
            return [StepResult("checklist", 0, self.guide.title)]
        if isinstance(self.guide, Survey):
            return survey_plan(self.guide)
        if isinstance(self.guide, ResourceCenter):
            return center_plan(self.guide)
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

    async def _prepare(self, seat: Seat) -> bool:
        self.seat = seat
        script = (
            runtime_script()
            + "\n"
            + init_script(self.bundle_json, None if self.login else self.guide.id, self.token)
        )
        await seat.take(self.link, script, self.token)
        self.context, self.page = seat.context, seat.page
        if self.login is not None:
            outcome = self.login(self.page, self.base_url)
            if asyncio.iscoroutine(outcome):
                await self.call(outcome, 60)
        return await self._open(start_url(self.guide, self.base_url))

    async def _play(self) -> bool:
        if self.login is not None:  # started by hand: the sign-in pages must not start it
            await self.call(self.page.evaluate("id => GuideRuntime.start(id)", self.guide.id))
        player = StepPlayer(self)
        if isinstance(self.guide, Checklist):
            await player.checklist(self.result.steps[0])
        elif isinstance(self.guide, Survey):
            await play_survey(self, player)
        elif isinstance(self.guide, ResourceCenter):
            await play_center(self, player)
        else:
            await player.steps()
        return True

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
            message = first_line(exc) if isinstance(exc, PlaywrightError) else "timeout"
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
