"""New ids: the one rule for naming a new guide, step or item so it never collides."""

from __future__ import annotations

from collections.abc import Iterable


def next_free_id(prefix: str, taken: Iterable[str], *, bare: bool = False) -> str:
    """``prefix-1``, ``prefix-2`` … the first not in ``taken``; with ``bare``, ``prefix`` itself first."""
    used = set(taken)
    if bare and prefix not in used:
        return prefix
    number = 2 if bare else 1
    while f"{prefix}-{number}" in used:
        number += 1
    return f"{prefix}-{number}"
