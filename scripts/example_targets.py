"""The example's addresses and elements, written as the recorder would capture them on the demo app."""

from __future__ import annotations

from studio.domain import Fingerprint, SelectorCandidate, UrlRule
from studio.domain.target import Target


def target(
    tag: str,
    role: str,
    name: str,
    *,
    testid: str | None = None,
    id: str | None = None,  # noqa: A002 - mirrors the HTML attribute
    label: str | None = None,
    ancestors: tuple[str, ...] = (),
) -> Target:
    """A target as the recorder would capture it for a demo-app element."""
    candidates = []
    if testid:
        candidates.append(
            SelectorCandidate(kind="test_id", value=testid, attribute="data-testid", score=0.95)
        )
    if id:
        candidates.append(SelectorCandidate(kind="id", value=f"#{id}", score=0.85))
    candidates.append(SelectorCandidate(kind="role", value=role, name=name, score=0.8))
    if label:
        candidates.append(SelectorCandidate(kind="label", value=label, score=0.75))
    return Target(
        candidates=candidates,
        fingerprint=Fingerprint(
            tag=tag,
            role=role,
            name=name,
            text=name if tag in ("a", "button") else None,
            attributes={k: v for k, v in (("id", id), ("data-testid", testid)) if v},
            ancestors=list(ancestors),
        ),
    )


def page(value: str, match: str = "exact") -> UrlRule:
    """A page rule (exact unless told)."""
    return UrlRule(match=match, value=value)
