"""The shipped in-page scripts, read once per process: studio, recorder, QA replay and production
run the same bytes."""

from __future__ import annotations

from functools import cache

from ..paths import RUNTIME_DIR

RUNTIME_PATH = RUNTIME_DIR / "guide-runtime.min.js"
RECORDER_PATH = RUNTIME_DIR / "guide-recorder.js"


@cache
def runtime_script() -> str:
    """The shipped (minified, committed) runtime."""
    return RUNTIME_PATH.read_text(encoding="utf-8")


@cache
def recorder_script() -> str:
    """The in-page recorder (studio only), loaded after the runtime."""
    return RECORDER_PATH.read_text(encoding="utf-8")
