"""Split a bundle's guides across CI jobs: ``--shard I/N``, deterministic and balanced by replay cost."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` as ``(2, 4)``; ValueError in words for anything else."""
    found = _SHARD.match(text)
    if not found or not 1 <= int(found[1]) <= int(found[2]):
        raise ValueError(f"--shard takes I/N with 1 <= I <= N (like 2/4), not {text!r}")
    return int(found[1]), int(found[2])


def weight(guide: Any) -> int:
    """About how long a guide takes to replay, in tour steps: its steps and the pages they move to; a
    survey question costs two (it is answered, then sent), a checklist or center one. Shards balance on
    it and a run's lanes take the heaviest guides first."""
    steps = getattr(guide, "steps", None) or []
    pages = len({step.page.value for step in steps if getattr(step, "page", None)})
    return max(1, len(steps) + pages, 2 * len(getattr(guide, "questions", None) or []))


def shard(guides: Sequence[Any], index: int, total: int) -> list[Any]:
    """The guides of shard ``index`` (1-based) of ``total``, in bundle order.

    Heaviest first, each to the lightest shard so far (ties: by id, then the lower shard), so the
    same bundle always splits the same way and every guide lands in exactly one shard.
    """
    loads = [0] * total
    owner: dict[str, int] = {}
    for guide in sorted(guides, key=lambda g: (-weight(g), g.id)):
        chosen = min(range(total), key=lambda i: (loads[i], i))
        loads[chosen] += weight(guide)
        owner[guide.id] = chosen
    return [g for g in guides if owner[g.id] == index - 1]
