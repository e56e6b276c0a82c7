"""The shipped in-page scripts, read once per process: studio, recorder, QA replay and production
run the same bytes."""

from __future__ import annotations

from functools import cache

from ..paths import RUNTIME_DIR

RUNTIME_PATH = RUNTIME_DIR / "guide-runtime.min.js"
RECORDER_DIR = RUNTIME_DIR / "recorder"
"""The recorder's sources, one responsibility a file; injected as one script (``recorder_script``)."""


@cache
def runtime_script() -> str:
    """The shipped (minified, committed) runtime."""
    return RUNTIME_PATH.read_text(encoding="utf-8")


@cache
def recorder_script() -> str:
    """The in-page recorder (studio only), loaded after the runtime: its sources in name order,
    in one function scope, as the runtime's build joins its own."""
    body = "".join(
        part.read_text(encoding="utf-8").rstrip() + "\n" for part in sorted(RECORDER_DIR.glob("*.js"))
    )
    return (
        "/*! Guide Studio in-page recorder | MIT | studio only: never shipped to production."
        " Joined from assets/runtime/recorder/*.js */\n"
        '(function () {\n"use strict";\n' + body + "})();\n"
    )
