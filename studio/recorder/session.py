"""The recorder session: Playwright and Chromium on a worker thread, driven through a queue.

The GUI thread never waits on the browser: it calls ``start``/``set_mode``/``stop`` (which
only enqueue) and receives ``RecorderEvent``s through the callback, on this thread; the Qt
layer re-emits them as signals. Tests drive the same class headless.
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from pydantic import ValidationError

from ..browser import BrowserNotFound, find_browser, launch_options
from ..browser.context import DEFAULT_VIEWPORT, Layout, new_context
from ..browser.scripts import recorder_script, runtime_script
from ..domain import Target
from .events import Capture, RecorderEvent

MODES = ("record", "pick", "pause")
REDACT_CSS = "input, textarea, select, [contenteditable] { filter: blur(6px) !important; }"
HIDE_RECORDER_CSS = "[data-guide-recorder] { display: none !important; }"
"""Pictures show the app: the toolbar, hover outline and labels are hidden in every frame."""
SHOW_RING_CSS = "[data-guide-recorder-shot] { display: block !important; }"
"""The ring around the step's element is drawn in its picture only, never for the author."""
KEPT_PHOTOS = 4
"""Pictures taken while the author types, kept until the typing step that names one arrives."""
BINDING = "__studioRecorder"


def _bootstrap(capture_values: bool) -> str:
    """Connect each page's recorder to the studio and ask the studio for the current mode."""
    values = "true" if capture_values else "false"
    return (
        f"(function(){{ if (!window.GuideRecorder || !window.{BINDING}) return;"
        f" GuideRecorder.connect(function (e) {{ return window.{BINDING}(JSON.stringify(e)); }},"
        f" {{captureValues: {values}}});"
        f" window.{BINDING}(JSON.stringify({{type: 'hello'}}))"
        ".then(function (m) { GuideRecorder.setMode(m); }); })();"
    )


END_PREVIEW = (
    "() => { try { if (window.__guideStudioPreview) {"
    " sessionStorage.setItem('guide-studio-preview-off', '1');"
    " GuideRuntime.stop(); } } catch (e) {} }"
)
"""Ends the studio's preview in a page (and on its next pages) before picking or recording there."""


class RecorderSession:
    """One browser the author records in; ``start`` returns at once, events arrive via ``on_event``."""

    def __init__(
        self,
        on_event: Callable[[RecorderEvent], None],
        *,
        headless: bool = False,
        browser: str | None = None,
        redact_inputs: bool = True,
        capture_values: bool = True,
        viewport: tuple[int, int] = DEFAULT_VIEWPORT,
    ) -> None:
        self._on_event = on_event
        self._headless = headless
        self._browser = browser
        self._redact = redact_inputs
        self._capture_values = capture_values
        self._viewport = viewport
        self._mode = "pause"
        self._commands: queue.Queue[tuple[str, Any, Future | None]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._ended = threading.Event()
        self._storage_state: dict[str, Any] | None = None
        self._photos: OrderedDict[str, tuple[bytes | None, bytes | None]] = OrderedDict()
        self.signed_in: dict[str, Any] | None = None
        """Cookies and local storage of the last browser, kept when it closed: the next one (a preview
        after a recording) opens signed in as the author was."""

    @property
    def mode(self) -> str:
        """The mode pages start in and are switched to: record, pick or pause."""
        return self._mode

    @property
    def running(self) -> bool:
        """Whether the browser is open."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, url: str, mode: str = "record", *, storage_state: dict[str, Any] | None = None) -> None:
        """Open the browser on ``url`` (with cookies and storage from ``storage_state``, e.g. the last
        browser's ``signed_in``); BrowserNotFound at once when there is no browser."""
        if self.running:
            raise RuntimeError("the recorder is already running")
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        find_browser(self._browser)  # fail fast, on the caller's thread, with the clear message
        self._mode = mode
        self._storage_state = storage_state
        self._photos.clear()
        self._ended.clear()
        self._thread = threading.Thread(target=self._run, args=(url,), name="recorder", daemon=True)
        self._thread.start()

    def set_mode(self, mode: str) -> None:
        """Switch every page to record, pick or pause."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self._mode = mode
        self._commands.put(("mode", mode, None))

    def call(self, fn: Callable[[Any], Any]) -> Future:
        """Run ``fn(page)`` on the recorder thread with the current page (tests, preview)."""
        future: Future = Future()
        self._commands.put(("call", fn, future))
        return future

    def request_stop(self) -> None:
        """Ask the browser to close and return at once (the "ended" event follows)."""
        self._commands.put(("stop", None, None))

    def stop(self, timeout: float = 15) -> None:
        """Close the browser and wait for the session to end."""
        self.request_stop()
        self._ended.wait(timeout)

    def wait_ended(self, timeout: float | None = None) -> bool:
        """Wait until the browser is closed (by ``stop`` or by the author)."""
        return self._ended.wait(timeout)

    # -- the worker thread ---------------------------------------------------------------

    def _emit(self, event: RecorderEvent) -> None:
        try:
            self._on_event(event)
        except Exception:  # noqa: BLE001 - a listener's bug must not kill the browser session
            pass

    def _run(self, url: str) -> None:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    **launch_options(headless=self._headless, explicit=self._browser)
                )
                try:
                    self._drive(browser, url, PlaywrightError)
                finally:
                    with contextlib.suppress(PlaywrightError):
                        browser.close()
        except BrowserNotFound as exc:
            self._emit(RecorderEvent("error", message=str(exc)))
        except Exception as exc:  # noqa: BLE001 - reported to the author, never a traceback
            self._emit(RecorderEvent("error", message=f"the browser stopped: {str(exc).splitlines()[0]}"))
        finally:
            self._ended.set()
            self._emit(RecorderEvent("ended"))

    def _drive(self, browser: Any, url: str, playwright_error: type[Exception]) -> None:
        context = new_context(
            browser,
            [runtime_script(), recorder_script(), _bootstrap(self._capture_values)],
            Layout(viewport=self._viewport),
            storage_state=self._storage_state,
        )
        try:
            self._drive_context(context, url, playwright_error)
        finally:
            with contextlib.suppress(Exception):
                self.signed_in = context.storage_state()

    def _drive_context(self, context: Any, url: str, playwright_error: type[Exception]) -> None:
        context.expose_binding(BINDING, self._on_binding)
        page = context.new_page()
        context.on("page", lambda tab: self._emit(RecorderEvent("page", url=tab.url)))  # new tabs, popups
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=30_000)
        except playwright_error as exc:
            self._emit(RecorderEvent("error", message=f"cannot open {url}: {str(exc).splitlines()[0]}"))
            return
        self._emit(RecorderEvent("started", url=page.url, mode=self._mode))
        while True:
            pages = [p for p in context.pages if not p.is_closed()]
            if not pages:
                return  # the author closed the browser window
            try:
                command, argument, future = self._commands.get_nowait()
            except queue.Empty:
                try:
                    pages[-1].wait_for_timeout(40)  # lets Playwright deliver bindings and events
                except playwright_error:
                    pass
                continue
            if command == "stop":
                return
            if command == "mode":
                self._apply_mode(pages, argument, playwright_error)
                self._emit(RecorderEvent("mode", mode=argument))
            elif command == "call" and future is not None:
                try:
                    future.set_result(argument(pages[-1]))
                except Exception as exc:  # noqa: BLE001 - handed back to the caller
                    future.set_exception(exc)

    def _apply_mode(self, pages: list[Any], mode: str, playwright_error: type[Exception]) -> None:
        for page in pages:
            if mode in ("pick", "record"):  # a preview's callout must not be picked or photographed
                try:
                    page.evaluate(END_PREVIEW)
                except playwright_error:
                    pass
            for frame in page.frames:
                try:
                    frame.evaluate("m => window.GuideRecorder && GuideRecorder.setMode(m)", mode)
                except playwright_error:
                    pass  # a frame that is navigating picks the mode up from its hello

    def _on_binding(self, source: dict[str, Any], payload: str) -> str | None:
        event = json.loads(payload)
        kind = event.get("type")
        if kind == "hello":
            return self._mode
        if kind == "mode":
            self._mode = event.get("mode", self._mode)
            self._emit(RecorderEvent("mode", mode=self._mode))
        elif kind == "end":
            self._mode = "pause"
            self._emit(RecorderEvent("mode", mode="pause", message="ended from the page"))
        elif kind == "photo":
            self._keep_photo(str(event.get("key")), self._pictures(source.get("page"), event.get("rect")))
        elif kind in ("click", "input", "pick"):
            if kind == "pick":
                self._mode = "pause"
            self._capture(source.get("page"), event)
        return None

    def _capture(self, page: Any, event: dict[str, Any]) -> None:
        try:
            target = Target.model_validate(event["target"])
        except (ValidationError, KeyError, TypeError) as exc:
            self._emit(
                RecorderEvent("error", message=f"could not record that element ({exc.__class__.__name__})")
            )
            return
        # A typing step names the picture taken while the author typed into its field; any other
        # step (or one whose picture is gone) is photographed now.
        kept = self._photos.pop(event["photo"], None) if isinstance(event.get("photo"), str) else None
        screenshot, thumbnail = kept or self._pictures(page, event.get("rect"))
        self._emit(
            RecorderEvent(
                "capture",
                capture=Capture(
                    kind=event["type"],
                    url=event.get("url", ""),
                    target=target,
                    role=event.get("role"),
                    name=event.get("name") or None,
                    confidence=float(event.get("confidence") or 0),
                    value=None if event.get("sensitive") or not self._capture_values else event.get("value"),
                    sensitive=bool(event.get("sensitive")),
                    screenshot=screenshot,
                    thumbnail=thumbnail,
                ),
            )
        )

    def _keep_photo(self, key: str, pictures: tuple[bytes | None, bytes | None]) -> None:
        if pictures[0] is None:
            return  # the page moved on: the step is photographed when it arrives
        self._photos[key] = pictures
        while len(self._photos) > KEPT_PHOTOS:
            self._photos.popitem(last=False)

    def _pictures(self, page: Any, rect: dict[str, float] | None) -> tuple[bytes | None, bytes | None]:
        """The page and a crop around the step's element, outlined, without any recorder UI."""
        if page is None:
            return None, None
        style = HIDE_RECORDER_CSS + SHOW_RING_CSS + (REDACT_CSS if self._redact else "")
        with contextlib.suppress(Exception):  # a page that navigates away gets no outline
            page.evaluate("r => window.GuideRecorder && GuideRecorder.photo(r)", rect)
        try:
            return self._shoot(page, rect, style)
        finally:
            with contextlib.suppress(Exception):
                page.evaluate("() => window.GuideRecorder && GuideRecorder.photo(null)")

    def _shoot(
        self, page: Any, rect: dict[str, float] | None, style: str
    ) -> tuple[bytes | None, bytes | None]:
        try:
            screenshot = page.screenshot(style=style, timeout=5_000, animations="disabled")
        except Exception:  # noqa: BLE001 - the page navigated away: no picture, still a step
            return None, None
        thumbnail = None
        if rect and rect.get("width", 0) >= 1 and rect.get("height", 0) >= 1:
            width, height = self._viewport
            pad = 24
            x = max(0, rect["x"] - pad)
            y = max(0, rect["y"] - pad)
            clip = {
                "x": x,
                "y": y,
                "width": min(width - x, rect["width"] + 2 * pad),
                "height": min(height - y, rect["height"] + 2 * pad),
            }
            if clip["width"] >= 1 and clip["height"] >= 1:
                try:
                    thumbnail = page.screenshot(clip=clip, style=style, timeout=5_000, animations="disabled")
                except Exception:  # noqa: BLE001
                    thumbnail = None
        return screenshot, thumbnail
