"""One lane's browser context and its one page, reused guide after guide.

A fresh context costs little; its first page does (a window and a renderer process: about 0.2 s
of CPU each time on this machine, some 60 % of what a short guide costs). So a lane keeps its
context and page, and between two guides clears everything the first could leave for the second,
so that the second meets the app as in a context of its own:

- the guide's init script (the runtime with its one-guide bundle) is removed, the page goes to
  ``about:blank`` (the last guide's page unloads; nothing of it runs any more), and any popup
  it opened is closed;
- cookies of every site; local and session storage, IndexedDB, the Cache API, service workers,
  file systems and the rest of ``Storage.clearDataForOrigin``'s "all" for every origin a frame
  of the page showed; the HTTP cache; the tab's history (``history.length`` is then what a fresh
  page has) and ``window.name``;
- runtime events still on their way from the last guide's page are dropped (each guide's init
  script sends a token of its own).

The layout (viewport, touch, colour scheme, locale, motion) is the context's, so a seat only
serves guides of its own layout. A context made from ``--storage-state`` or signed in by a login
recipe is never reused (clearing would sign it out). A guide that ended in an error (a page that
stopped answering, the overall timeout, a browser error) leaves its seat to be closed, and so
does a reset that fails: the next guide then gets a fresh context.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from ..browser.context import Layout, new_context_async
from .page_link import CALL_SECONDS, PageLink, RunTimeout

EVENT_BINDING = "__replayEvent"
RESET_SECONDS = 5.0
"""The longest one step of clearing a seat between two guides may take (it then is not reused)."""

Call = Callable[..., Awaitable[Any]]


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of an http(s) address, else None (about:blank, data:, blob:)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"


class Seat:
    """A context and its one page that one lane replays guides in, one after the other."""

    def __init__(
        self, browser: Any, layout: Layout, *, storage_state: str | None = None, reusable: bool = True
    ):
        self.browser = browser
        self.layout = layout
        self.storage_state = storage_state
        self.reusable = reusable and not storage_state
        self.context: Any = None
        self.page: Any = None
        self.cdp: Any = None
        self.script: Any = None
        """The current guide's init script (removed before the next guide)."""
        self.origins: set[str] = set()
        """Every origin a frame of the seat's pages showed since the last reset."""
        self.link: PageLink | None = None
        self.token = ""
        self.guides = 0
        """Guides that took this seat so far."""
        self._closing: list[asyncio.Future] = []
        """Contexts given up on by a failed reset, closing."""

    # -- events ------------------------------------------------------------------------------
    def _on_event(self, source: Any, name: str, detail: dict, token: str = "") -> None:
        if self.link is not None and token == self.token:
            self.link.on_event(source, name, detail)

    def _watch(self, page: Any) -> None:
        def navigated(frame: Any) -> None:
            origin = origin_of(frame.url)
            if origin:
                self.origins.add(origin)

        page.on("framenavigated", navigated)

    # -- life --------------------------------------------------------------------------------
    async def _open(self, call: Call, script: str) -> None:
        """A fresh context (its own storage and cookies) with the event binding and the guide's init
        script, then one blank page (made last: it is set up with both at once)."""
        options: dict[str, Any] = {}
        if self.storage_state:
            options["storage_state"] = self.storage_state
        # the browser's work, not the page's: --page-timeout does not shorten it
        self.context = await call(
            new_context_async(self.browser, [], self.layout, **options), CALL_SECONDS, phase="context"
        )
        self.context.on("page", self._watch)
        ready = asyncio.gather(
            self.context.expose_binding(EVENT_BINDING, self._on_event),
            self.context.add_init_script(script=script),
        )
        _, self.script = await call(ready, CALL_SECONDS, phase="context")
        self.page = await call(self.context.new_page(), CALL_SECONDS, phase="context")
        self._watch(self.page)  # (a second handler when the page event came first: origins are a set)

    async def take(self, link: PageLink, script: str, token: str) -> None:
        """Ready the seat for the next guide: open it, or clear what the last guide left; then
        install the guide's init script (``token`` marks its events)."""
        call = link.call
        if self.context is not None and self.guides:
            try:
                self.script = await self._reset(call, script)
            except RunTimeout:
                raise
            except Exception:  # noqa: BLE001 - not reused: this guide gets a fresh context instead
                self._closing.append(asyncio.ensure_future(self._close_context(self.context)))
                self.context = self.page = self.cdp = None
                self.origins = set()
        self.link, self.token = link, token
        if self.context is None:
            await self._open(call, script)
        self.guides += 1

    async def _reset(self, call: Call, script: str) -> Any:
        """Clear everything the last guide could leave behind (see the module's docstring) and
        install the next guide's init script (for the pages to come: the blank one is loaded)."""
        self.link, self.token = None, ""
        last, self.script = self.script, None
        if last is not None:
            await call(last.close(), RESET_SECONDS, phase="reset")
        for page in list(self.context.pages):
            if page is not self.page:
                await call(page.close(), RESET_SECONDS, phase="reset")
        await call(
            self.page.goto("about:blank", timeout=RESET_SECONDS * 1000), RESET_SECONDS + 1, phase="reset"
        )
        if self.cdp is None:
            self.cdp = await call(self.context.new_cdp_session(self.page), RESET_SECONDS, phase="reset")
        origins, self.origins = sorted(self.origins), set()
        clear = [
            self.context.add_init_script(script=script),
            self.context.clear_cookies(),
            self.cdp.send("Network.clearBrowserCache"),
            self.cdp.send("Page.resetNavigationHistory"),
            self.page.evaluate("() => { window.name = ''; }"),
            *(
                self.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
                for origin in origins
            ),
        ]
        return (await call(asyncio.gather(*clear), RESET_SECONDS, phase="reset"))[0]

    @staticmethod
    async def _close_context(context: Any) -> bool:
        try:
            await asyncio.wait_for(context.close(), 5)
            return True
        except Exception:  # noqa: BLE001 - a hung renderer: the browser goes instead
            return False

    async def close(self) -> bool:
        """Close the context; False when even that hangs (the caller then replaces the browser)."""
        self.link = None
        context, self.context = self.context, None
        closed = [await self._close_context(context)] if context is not None else []
        if self._closing:
            closed += await asyncio.gather(*self._closing)
        return all(closed)
