"""Helpers to play bundles with the real runtime in real Chromium."""

from __future__ import annotations

import json
from typing import Any

from studio.domain import Project
from studio.export import build_bundle
from studio.export.runtime import MINIFIED_PATH

RUNTIME_JS = MINIFIED_PATH.read_text(encoding="utf-8")
"""Tests play the minified file, exactly as shipped."""


def bundle_of(*guides: Any, **project: Any) -> dict[str, Any]:
    """A real, sealed bundle of these guides."""
    return build_bundle(Project(name=project.pop("name", "Test"), guides=list(guides), **project))


def html(body: str, head: str = "", lang: str = "en", dir: str = "ltr") -> str:  # noqa: A002
    """A small accessible fixture page."""
    return (
        f'<!doctype html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Fixture</title>{head}</head><body><main>{body}</main></body></html>"
    )


class Player:
    """Injects the runtime into every page of a context and records its events."""

    def __init__(
        self,
        page: Any,
        bundle: dict[str, Any],
        *,
        user: dict | None = None,
        options: dict | None = None,
        autoinit: bool = True,
        runtime: str | None = None,
    ) -> None:
        """``runtime``: the script to play with (default: the shipped file, RUNTIME_JS)."""
        self.page = page
        self.events: list[tuple[str, dict[str, Any]]] = []
        page.expose_function("__gsRecord", lambda name, detail: self.events.append((name, detail)))
        page.add_init_script(script=RUNTIME_JS if runtime is None else runtime)
        if autoinit:
            opts = json.dumps({"bundle": bundle, "user": user or {}, **(options or {})})
            page.add_init_script(
                script=(
                    "document.addEventListener('DOMContentLoaded', function () {"
                    f"  var o = {opts}; o.onEvent = function (n, d) {{ window.__gsRecord(n, JSON.parse(JSON.stringify(d))); }};"
                    "  window.GuideRuntime.init(o);"
                    "});"
                )
            )

    def names(self) -> list[str]:
        """Event names in order."""
        return [name for name, _ in self.events]

    def wait_event(self, name: str, count: int = 1, timeout: float = 5000) -> dict[str, Any]:
        """Wait until ``name`` was emitted ``count`` times; returns the last one."""
        deadline = timeout
        while deadline > 0:
            hits = [detail for n, detail in self.events if n == name]
            if len(hits) >= count:
                return hits[count - 1]
            self.page.wait_for_timeout(50)
            deadline -= 50
        raise AssertionError(f"no {name} #{count}; events so far: {self.names()}")


def callout(page: Any):
    """The visible callout (pierces the runtime's open shadow root)."""
    return page.locator("[data-guide-runtime] .gs-callout")


def runtime_nodes(page: Any) -> int:
    """How many runtime hosts are in the page."""
    return page.locator("[data-guide-runtime]").count()
