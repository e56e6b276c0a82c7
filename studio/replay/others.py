"""What the other guides of a bundle point at, for checks that one guide leaves them room (a banner
must not cover a tour's element, a tooltip's or a launcher's)."""

from __future__ import annotations

from typing import Any

from ..domain import Banner
from ..domain.kinds import guide_steps
from ..domain.pages import step_rule


def others_pointed_at(bundle: Any, guide: Any) -> list[list[Any]]:
    """``[label, target, page rule | None]`` of every element other enabled guides point at; only a
    banner needs them (other kinds sit beside their own element)."""
    if not isinstance(guide, Banner):
        return []
    out: list[list[Any]] = []
    for other in bundle.guides:
        if other.id == guide.id or not other.enabled:
            continue
        steps = guide_steps(other)
        for index, step in enumerate(steps):
            if step.target is None:
                continue
            rule = step_rule(other, index)
            label = f"{other.kind} '{other.name}'" + (f" step {index + 1}" if len(steps) > 1 else "")
            out.append(
                [
                    label,
                    step.target.model_dump(mode="json", by_alias=True),
                    rule.model_dump(mode="json", by_alias=True) if rule else None,
                ]
            )
    return out
