"""Replay the guides of a bundle headless and check each step as an end user would meet it.

One asyncio loop on a thread of its own drives ``workers`` browsers; each browser replays three
guides at once, the longest first, each lane in a context and page of its own that is cleared
between its guides (``seat.py``) so each guide meets the app as in a fresh isolated context.
``timeout`` bounds the whole run, page loads included: a hung page is abandoned (its context
closed, else its browser replaced) and every guide not finished is reported as an error naming
the cause.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..browser import BrowserNotFound, driver_compile_cache
from ..browser.context import Layout
from ..browser.launch import BrowserDidNotStart, LocalBrowser
from ..domain import GUIDE_KINDS
from ..export.bundle import Bundle
from .a11y import axe_script
from .center_play import solo_guides
from .guide_run import GuideRun
from .login import ReplayError, load_login, signed_in_state
from .others import others_pointed_at
from .page_link import CALL_SECONDS, AppUnreachable
from .results import GuideResult, unfinished
from .seat import Seat
from .shard import shard as pick_shard
from .shard import weight

GUIDES_PER_BROWSER = 3
"""Guides one browser plays at once, each in its own context: page loads and waits of one
overlap the work of the others (a browser's renderers are separate processes)."""


LAUNCH_SECONDS = 30.0
"""The longest a browser may take to start (or a remote one to answer) before the run stops."""


def typed_bundle(bundle: Bundle | dict) -> Bundle:
    """The typed bundle (validation's own result); plain data from ``build_bundle`` is read once."""
    return bundle if isinstance(bundle, Bundle) else Bundle.model_validate(bundle)


def solo_bundle(bundle: dict, guide: dict) -> dict:
    """The bundle with only this guide, started by hand: other automatic guides stay out of the way
    (a launcher keeps the guide it opens, a resource center the guides and announcements it lists)."""
    solo = dict(bundle)
    opens = guide.get("guideId") if guide.get("kind") == "launcher" else None
    opens = [g for g in bundle["guides"] if g["id"] == opens]
    if guide.get("kind") == "resource_center":
        opens = solo_guides(guide, bundle)
    solo["guides"] = [dict(g, trigger={"type": "manual"}) for g in [guide, *opens]]
    return solo


class _Replay:
    """The state of one run: the jobs, the deadline, the browsers."""

    def __init__(self, bundle: Bundle, jobs: list[tuple[Any, Layout]], base_url: str, **options: Any) -> None:
        self.bundle = bundle
        self.jobs = jobs
        self.base_url = base_url
        self.options = options
        self.timeout = options["timeout"]
        self.deadline = time.monotonic() + self.timeout
        self.results: dict[int, GuideResult] = {}
        self.pending: list[tuple[int, tuple[Any, Layout]]] = sorted(
            enumerate(jobs), key=lambda job: (-weight(job[1][0]), job[0])
        )
        """Jobs no lane has taken yet, the longest first (so no long guide starts last and ends
        the run alone; results keep bundle order); a lane takes one of its seat's layout first."""
        self.unreachable: str | None = None
        self.stopped: str | None = None
        """Why the run stopped early (no browser), named on every guide it left undone."""
        self.profile: dict[str, float] = options.get("profile") if options.get("profile") is not None else {}
        self.own: list[LocalBrowser] = []
        """The browsers this run started itself, one per worker (none for --connect / --cdp)."""
        self.starts: list[asyncio.Future | None] = []
        """Each worker's browser start (its DevTools address), or None when it connects."""
        self.cancel: threading.Event = options["cancel"]
        bundle_json = bundle.model_dump(mode="json", by_alias=True)
        self.solo = {g["id"]: solo_bundle(bundle_json, g) for g in bundle_json["guides"]}

    def _record(self, number: int, result: GuideResult) -> None:
        self.results[number] = result
        if self.options["on_result"]:
            self.options["on_result"](result)

    async def _browser(self, playwright: Any, local: asyncio.Future | None) -> Any:
        if self.options["connect"]:
            return await playwright.chromium.connect(self.options["connect"], timeout=LAUNCH_SECONDS * 1000)
        if self.options["cdp"]:
            return await playwright.chromium.connect_over_cdp(
                self.options["cdp"], timeout=LAUNCH_SECONDS * 1000
            )
        assert local is not None  # started by us while the driver started (browser/launch.py)
        try:
            endpoint = await asyncio.wait_for(asyncio.shield(local), LAUNCH_SECONDS)
        except TimeoutError:
            raise BrowserDidNotStart(f"it did not listen for DevTools within {LAUNCH_SECONDS:g} s") from None
        return await playwright.chromium.connect_over_cdp(endpoint, timeout=LAUNCH_SECONDS * 1000)

    def _skip(self, number: int, guide: Any, layout: Layout) -> bool:
        """Record a job that will not run (cancelled, app unreachable, out of time); True if so."""
        if self.cancel.is_set():
            self._record(number, unfinished(guide, layout, "cancelled", "run cancelled", error=False))
        elif self.unreachable:
            self._record(number, unfinished(guide, layout, "unreachable", f"not run: {self.unreachable}"))
        elif time.monotonic() >= self.deadline:
            detail = f"not run: the overall --timeout of {self.timeout:g} s ended the run"
            self._record(number, unfinished(guide, layout, "timeout", detail))
        else:
            return False
        return True

    def _run_of(self, guide: Any, layout: Layout) -> GuideRun:
        run = GuideRun(
            guide,
            self.solo[guide.id],
            self.base_url,
            layout=layout,
            deadline=self.deadline,
            timeout=self.timeout,
            inputs=self.options["inputs"],
            storage_state=self.options["storage_state"],
            login=self.options["login"],
            screenshots=self.options["screenshots"],
            cancelled=self.cancel.is_set,
            a11y=self.options["a11y"],
            call_seconds=self.options["page_timeout"],
        )
        run.others = others_pointed_at(self.bundle, guide)
        return run

    async def _worker(self, playwright: Any, local: asyncio.Future | None) -> None:
        """One browser playing up to GUIDES_PER_BROWSER guides at once, each lane in a context and
        page of its own that is cleared between its guides (``Seat``)."""
        if not self.pending:
            return
        try:
            began = time.monotonic()
            browser = await asyncio.wait_for(
                self._browser(playwright, local), max(0.1, self.deadline - time.monotonic())
            )
            self.profile["browser start"] = self.profile.get("browser start", 0.0) + time.monotonic() - began
        except TimeoutError:
            self.stopped = f"the overall --timeout of {self.timeout:g} s ended the run as the browser started"
            return
        except BrowserNotFound:
            raise
        except BrowserDidNotStart as exc:
            self.stopped = f"the browser did not start: {str(exc)[:200]}"
            return
        except Exception as exc:  # noqa: BLE001 - reported on every guide it stops
            line = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
            self.stopped = f"the browser did not start: {line}"
            return
        closing: list[asyncio.Future] = []
        reusable = self.options["login"] is None and not self.options["storage_state"]

        def take(layout: Layout | None) -> tuple[int, Any, Layout] | None:
            """The next job to play, one of the lane's layout first (its seat then serves it)."""
            while self.pending:
                at = next((i for i, (_, (_, lay)) in enumerate(self.pending) if lay == layout), 0)
                number, (guide, lay) = self.pending.pop(at)
                if not self._skip(number, guide, lay):
                    return number, guide, lay
            return None

        def drop(seat: Seat) -> None:
            closing.append(asyncio.ensure_future(seat.close()))

        async def lane() -> None:
            seat: Seat | None = None
            try:
                while (job := take(seat.layout if seat else None)) is not None:
                    number, guide, layout = job
                    if seat is not None and seat.layout != layout:
                        drop(seat)
                        seat = None
                    if seat is None:
                        seat = Seat(
                            browser,
                            layout,
                            storage_state=self.options["storage_state"],
                            reusable=reusable,
                        )
                    run = self._run_of(guide, layout)
                    try:
                        if await run.prepare(seat):
                            await run.play()
                        result = run.result
                    except AppUnreachable as exc:
                        self.unreachable = str(exc)
                        result = unfinished(guide, layout, "unreachable", str(exc))
                    result.timings = run.timings
                    if run.broken or not seat.reusable:  # a fresh context for the next guide
                        drop(seat)
                        seat = None
                    self._record(number, result)
            finally:
                if seat is not None:
                    drop(seat)

        try:
            await asyncio.gather(*(lane() for _ in range(self.lanes)))
        finally:
            began = time.monotonic()
            if local is not None:  # our own browser goes at once: closing its contexts first is moot
                await self._drop(browser, local)
            if closing:
                await asyncio.wait(closing, timeout=10)
            if local is None:
                await self._drop(browser, local)
            self.profile["browser close"] = self.profile.get("browser close", 0.0) + time.monotonic() - began

    async def _stop_driver(self, manager: Any) -> None:
        began = time.monotonic()
        try:
            await asyncio.wait_for(manager.__aexit__(None, None, None), 10)
        except Exception:  # noqa: BLE001 - the driver process ends with this one anyway
            pass
        self.profile["driver stop"] = time.monotonic() - began

    async def _end_local(self) -> None:
        """Kill the browsers started here (any still starting too) and remove their profiles."""
        for start in self.starts:
            if start is not None and not start.done():
                start.cancel()
        for start in self.starts:
            if start is not None and start.done() and not start.cancelled():
                start.exception()  # retrieved: a failed start was reported on the guides it stopped
        if self.own:
            await asyncio.gather(*(b.close() for b in self.own))

    async def _drop(self, browser: Any, local: asyncio.Future | None) -> None:
        if local is not None:  # our own: killed (its contexts are closed), Playwright sees it go
            await self.own[self.starts.index(local)].kill()
            return
        try:
            await asyncio.wait_for(browser.close(), 5)
        except Exception:  # noqa: BLE001 - the driver kills what it launched when it stops
            pass

    @property
    def lanes(self) -> int:
        """Guides each browser plays at once."""
        return self.options.get("lanes") or GUIDES_PER_BROWSER

    async def _drive(self, began: float) -> BaseException | None:
        """Start Playwright's driver, run the workers, stop the driver; the first worker failure."""
        from playwright.async_api import async_playwright

        manager = async_playwright()
        failure: BaseException | None = None
        try:
            with driver_compile_cache():  # the driver copies the environment as it starts
                playwright = await asyncio.wait_for(
                    manager.start(), max(0.01, self.deadline - time.monotonic())
                )
        except TimeoutError:
            self.stopped = (
                f"not run: the overall --timeout of {self.timeout:g} s ended the run as Playwright started"
            )
            playwright = None
        self.profile["driver"] = time.monotonic() - began
        if playwright is not None:
            try:
                tasks = [asyncio.ensure_future(self._worker(playwright, start)) for start in self.starts]
                await asyncio.wait(tasks, timeout=max(0.0, self.deadline - time.monotonic()) + 8)
                failure = next((t.exception() for t in tasks if t.done() and t.exception()), None)
                for task in tasks:
                    task.cancel()
            finally:
                await asyncio.gather(self._stop_driver(manager), self._end_local())
        return failure

    async def run(self) -> list[GuideResult]:
        began = time.monotonic()
        workers = min(self.options["workers"], len(self.jobs)) or 1
        # Local browsers start now, while the driver starts; each worker attaches to one.
        remote = self.options["connect"] or self.options["cdp"]
        self.own = [] if remote else [LocalBrowser(self.options["browser"]) for _ in range(workers)]
        self.starts = [asyncio.ensure_future(b.start()) for b in self.own] or [None] * workers
        try:
            failure = await self._drive(began)
        finally:  # whatever stopped the run, no browser of ours outlives it
            await self._end_local()
        if isinstance(failure, BrowserNotFound):
            raise failure
        if failure is not None:
            line = (str(failure).strip().splitlines() or [type(failure).__name__])[0][:200]
            self.stopped = f"the replay stopped: {line}"
        for number, (guide, layout) in enumerate(self.jobs):
            if number not in self.results:
                why = (
                    self.stopped or f"not finished: the overall --timeout of {self.timeout:g} s ended the run"
                )
                reason = "timeout" if "--timeout" in why else "error"
                self.results[number] = unfinished(guide, layout, reason, why)
        return [self.results[n] for n in range(len(self.jobs))]


def replay(
    bundle: Bundle | dict,
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
    layouts: Sequence[Layout] | None = None,
    shard: tuple[int, int] | None = None,
    profile: dict[str, float] | None = None,
    a11y: bool = False,
    page_timeout: float = CALL_SECONDS,
) -> list[GuideResult]:
    """Replay the bundle's guides (or those named, or one shard) in each layout; results in bundle order.

    Setting ``cancel`` ends the run within a step's wait; guides not run are reported skipped.
    An unreachable app raises ReplayError carrying the results so far. ``profile``, when given,
    receives the seconds the run spent starting the driver and the browsers. ``page_timeout``:
    seconds one call into a page may take before the page counts as unresponsive (a script on it
    looping for ever).
    """
    typed = typed_bundle(bundle)
    guides = [g for g in typed.guides if not guide_ids or g.id in guide_ids]
    missing = set(guide_ids or []) - {g.id for g in guides}
    if missing:
        raise ReplayError(f"no guide with id {', '.join(sorted(missing))} in the bundle")
    alone = [g for g in guides if GUIDE_KINDS[g.kind].tested_alone]  # announcements: in a resource center
    if guide_ids and guides and not alone:
        names = ", ".join(g.id for g in guides)
        raise ReplayError(
            f"{names}: an announcement is not replayed alone; replay the resource center that lists it"
        )
    guides = alone
    if shard is not None:
        guides = pick_shard(guides, *shard)
    started = time.monotonic()
    if a11y:
        axe_script()  # A11yUnavailable before any browser starts
    login = load_login(login_script) if login_script else None
    if login is not None and not inspect.iscoroutinefunction(login):
        storage_state = signed_in_state(login, base_url, browser)  # type: ignore[assignment]
        login = None
    jobs = [(g, layout) for g in guides for layout in (layouts or [Layout()])]
    if not jobs:
        return []
    run = _Replay(
        typed,
        jobs,
        base_url,
        inputs=inputs or {},
        workers=max(1, workers),
        timeout=max(0.0, timeout - (time.monotonic() - started)),
        connect=connect,
        cdp=cdp,
        storage_state=storage_state,
        browser=browser,
        login=login,
        screenshots=screenshots,
        on_result=on_result,
        cancel=cancel or threading.Event(),
        profile=profile,
        a11y=a11y,
        page_timeout=page_timeout,
    )
    run.timeout = timeout
    # A loop of its own on a thread of its own: works beside the caller's (sync) Playwright.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="replay") as pool:
        results = pool.submit(asyncio.run, run.run()).result()
    if run.unreachable:
        raise ReplayError(run.unreachable, results)
    return results
