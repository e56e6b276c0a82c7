"""How long work reports progress and is cancelled (shared by the tasks and whoever runs them)."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""``progress(message, done, total)``."""


class Cancelled(Exception):
    """The author cancelled the work."""
