"""Signing in before each replayed guide: a JSON recipe or a Python ``login(page, base_url)``."""

from __future__ import annotations

import json
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin


class ReplayError(Exception):
    """The replay could not run (unreachable app, browser gone); the message says why in one line."""


def load_login(path: str) -> Callable[[Any, str], None]:
    """A login step run in every guide's fresh browser context before it starts.

    Either a JSON recipe, ``{"steps": [{"goto": "/login"}, {"fill": selector, "value": v},
    {"click": selector}, {"waitForUrl": "**/home"}]}``, or a Python file defining
    ``login(page, base_url)``.
    """
    file = Path(path)
    if not file.is_file():
        raise ReplayError(f"no login script at {path}")
    if file.suffix == ".py":
        namespace = runpy.run_path(str(file))
        if not callable(namespace.get("login")):
            raise ReplayError(f"{file.name} defines no login(page, base_url) function")
        return namespace["login"]
    try:
        steps = json.loads(file.read_text(encoding="utf-8"))["steps"]
    except (ValueError, KeyError, TypeError):
        raise ReplayError(f'{file.name}: a login recipe is JSON with a "steps" list') from None

    def login(page: Any, base_url: str) -> None:
        for step in steps:
            if "goto" in step:
                page.goto(urljoin(base_url, step["goto"]), wait_until="domcontentloaded")
            elif "fill" in step:
                page.fill(step["fill"], str(step.get("value", "")), timeout=10_000)
            elif "click" in step:
                page.click(step["click"], timeout=10_000)
            elif "waitForUrl" in step:
                page.wait_for_url(step["waitForUrl"], timeout=10_000)

    return login
