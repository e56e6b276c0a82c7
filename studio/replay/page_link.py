"""Bounded calls into a replayed page and the runtime events it reports: nothing waits for ever."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

CALL_SECONDS = 20.0
"""By default, the longest one call into the page may take before the page counts as unresponsive
(``studio replay --page-timeout``)."""


class PageUnresponsive(Exception):
    """A call into the page did not return in time: its script is stuck or the renderer hung."""


class RunTimeout(Exception):
    """The overall ``--timeout`` ended the run."""


class AppUnreachable(Exception):
    """The app does not answer at all (connection refused, no such host)."""


def unreachable(message: str) -> bool:
    """Whether a navigation error means the app does not answer at all (refused, no such host)."""
    return "net::ERR_" in message and "ERR_ABORTED" not in message and "ERR_HTTP" not in message


class PageLink:
    """The calls into one guide run's page and the events its runtime sends back, each bounded by
    the call limit and by the run's deadline; the seconds spent are kept per phase."""

    def __init__(
        self, deadline: float, seconds: float = CALL_SECONDS, cancelled: Callable[[], bool] = lambda: False
    ) -> None:
        self.deadline = deadline
        self.seconds = seconds
        self.cancelled = cancelled
        self.events: list[tuple[str, dict]] = []
        self.changed = asyncio.Event()
        self.timings: dict[str, float] = {}

    async def call(self, awaitable: Any, seconds: float | None = None, phase: str = "actions") -> Any:
        """Await a call into the browser, bounded by ``seconds`` (default: the call limit) and the run."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RunTimeout
        began = time.monotonic()
        try:
            return await asyncio.wait_for(awaitable, min(self.seconds if seconds is None else seconds, left))
        except TimeoutError:
            if time.monotonic() >= self.deadline - 0.01:
                raise RunTimeout from None
            raise PageUnresponsive from None
        finally:
            self.timings[phase] = self.timings.get(phase, 0.0) + time.monotonic() - began

    def on_event(self, _source: Any, name: str, detail: dict) -> None:
        """The page's binding: one runtime event arrived."""
        self.events.append((name, detail))
        self.changed.set()

    async def wait_event(
        self, accept: Callable[[str, dict], bool], seconds: float
    ) -> tuple[str, dict] | None:
        """The first runtime event (seen so far or arriving within ``seconds``) that ``accept`` takes."""
        end = min(time.monotonic() + seconds, self.deadline)
        began, seen = time.monotonic(), 0
        try:
            while True:
                for name, detail in self.events[seen:]:
                    if accept(name, detail):
                        return name, detail
                seen = len(self.events)
                left = end - time.monotonic()
                if left <= 0 or self.cancelled():
                    if time.monotonic() >= self.deadline:
                        raise RunTimeout
                    return None
                self.changed.clear()
                try:  # woken by the next event; the short slice only lets a cancel through
                    await asyncio.wait_for(self.changed.wait(), min(left, 0.25))
                except TimeoutError:
                    pass
        finally:
            self.timings["waits"] = self.timings.get("waits", 0.0) + time.monotonic() - began
