"""Signing in before the replayed guides: a JSON recipe or a Python ``login(page, base_url)``."""

from __future__ import annotations

import json
import runpy
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..browser import launch_options
from ..browser.context import new_context


class ReplayError(Exception):
    """The replay could not run (unreachable app, browser gone); the message says why in one line.

    ``results`` holds what was replayed before it stopped (unfinished guides as errors), so a
    report can still be written.
    """

    def __init__(self, message: str, results: list | None = None) -> None:
        super().__init__(message)
        self.results = results or []


def _recipe(file: Path) -> list[dict]:
    try:
        steps = json.loads(file.read_text(encoding="utf-8"))["steps"]
    except (ValueError, KeyError, TypeError, OSError):
        raise ReplayError(f'{file.name}: a login recipe is JSON with a "steps" list') from None
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise ReplayError(f'{file.name}: a login recipe is JSON with a "steps" list')
    return steps


def recipe_login(steps: list[dict]) -> Callable[[Any, str], Any]:
    """A JSON recipe as an async ``login(page, base_url)`` run in each guide's fresh context."""

    async def login(page: Any, base_url: str) -> None:
        for step in steps:
            if "goto" in step:
                await page.goto(
                    urljoin(base_url, step["goto"]), wait_until="domcontentloaded", timeout=15_000
                )
            elif "fill" in step:
                await page.fill(step["fill"], str(step.get("value", "")), timeout=10_000)
            elif "click" in step:
                await page.click(step["click"], timeout=10_000)
            elif "waitForUrl" in step:
                await page.wait_for_url(step["waitForUrl"], timeout=10_000)

    return login


def load_login(path: str) -> Callable[[Any, str], Any]:
    """A login step for every guide's fresh browser context.

    Either a JSON recipe, ``{"steps": [{"goto": "/login"}, {"fill": selector, "value": v},
    {"click": selector}, {"waitForUrl": "**/home"}]}``, or a Python file defining
    ``login(page, base_url)`` (sync Playwright API) or ``async def login(page, base_url)``.
    """
    file = Path(path)
    if not file.is_file():
        raise ReplayError(f"no login script at {path}")
    if file.suffix != ".py":
        return recipe_login(_recipe(file))
    namespace = runpy.run_path(str(file))
    if not callable(namespace.get("login")):
        raise ReplayError(f"{file.name} defines no login(page, base_url) function")
    return namespace["login"]


def signed_in_state(login: Callable[[Any, str], Any], base_url: str, browser: str | None) -> dict:
    """Run a sync ``login(page, base_url)`` once in its own browser; its cookies and storage.

    Every guide's fresh context then starts from that state (sync scripts cannot drive the
    replay's async pages).
    """

    def run() -> dict:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(**launch_options(headless=True, explicit=browser))
            try:
                context = new_context(chromium)
                page = context.new_page()
                page.set_default_timeout(15_000)
                login(page, base_url)
                return context.storage_state()
            finally:
                chromium.close()

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="replay-login") as pool:
        try:
            return pool.submit(run).result(timeout=120)
        except ReplayError:
            raise
        except Exception as exc:  # noqa: BLE001 - the script's own error, in one line
            line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise ReplayError(f"the login script failed: {line[:200]}") from None
