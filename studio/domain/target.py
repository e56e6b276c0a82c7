"""How a guide remembers an element: ranked selector candidates plus a fingerprint.

The recorder fills these in and the runtime resolves them; the studio only stores them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import Model

Text = Annotated[str, StringConstraints(max_length=1000)]


class SelectorKind(StrEnum):
    """The strategy a candidate uses, from usually most to least stable."""

    test_id = "test_id"
    id = "id"
    role = "role"
    label = "label"
    placeholder = "placeholder"
    aria_label = "aria_label"
    title = "title"
    alt = "alt"
    text = "text"
    css = "css"


class SelectorCandidate(Model):
    """One way to find the element, e.g. ``[data-testid="save"]`` or role button named Save."""

    kind: SelectorKind
    value: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    name: Text | None = None
    """Accessible name, for ``role`` candidates."""
    attribute: Annotated[str, StringConstraints(max_length=64)] | None = None
    """Which attribute carried the value, for ``test_id`` candidates (data-testid, data-cy …)."""
    score: Annotated[float, Field(ge=0, le=1)] = 0.5
    """How much this kind of candidate is trusted to survive a release (0..1)."""
    unique: bool = True
    """Whether it matched exactly one element when it was captured."""


class Box(Model):
    """An element's bounding box in CSS pixels, relative to the viewport at capture."""

    x: int
    y: int
    width: Annotated[int, Field(ge=0)]
    height: Annotated[int, Field(ge=0)]


class Fingerprint(Model):
    """What the element looked like, for similarity matching when every selector fails."""

    tag: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,63}$")]
    role: Text | None = None
    name: Text | None = None
    text: Text | None = None
    attributes: dict[str, Text] = Field(default_factory=dict)
    classes: list[Text] = Field(default_factory=list)
    ancestors: list[Text] = Field(default_factory=list)
    """Context from enclosing landmarks and headings, nearest first."""
    siblings: list[Text] = Field(default_factory=list)
    index: Annotated[int, Field(ge=0)] | None = None
    """Position among elements that look the same (same tag, role and name)."""
    nth: Annotated[int, Field(ge=0)] | None = None
    """Place among look-alikes nothing else tells apart, set when the capture verified itself."""
    positional: bool | None = None
    """Only the element's position identifies it: the runtime caps its confidence."""
    box: Box | None = None


class Target(Model):
    """An element of the app under guidance, as recorded."""

    candidates: Annotated[list[SelectorCandidate], Field(max_length=20)] = Field(default_factory=list)
    fingerprint: Fingerprint | None = None
    frame_path: list[Text] = Field(default_factory=list)
    """Selectors of the same-origin iframes that contain the element, outermost first."""
    shadow_path: list[Text] = Field(default_factory=list)
    """Selectors of the open shadow hosts that contain the element, outermost first."""
    partner: Target | None = None
    """For a recorded ``<label>``: the form control it labels."""

    @model_validator(mode="after")
    def _check_findable(self) -> Target:
        if not self.candidates and self.fingerprint is None:
            raise ValueError("an element needs at least one selector or a fingerprint; pick it again")
        return self

    def describe(self) -> str:
        """A short human label such as ``button "Save"`` for lists and reports."""
        fp = self.fingerprint
        if fp and (fp.role or fp.name):
            return f'{fp.role or fp.tag} "{fp.name}"' if fp.name else (fp.role or fp.tag)
        if fp and fp.text and fp.text.strip():  # a <small> or <span> with words: its words, not a CSS path
            words = " ".join(fp.text.split())
            return f'{fp.tag} "{words[:40].rstrip()}{"…" if len(words) > 40 else ""}"'
        first = self.candidates[0] if self.candidates else None
        if first and first.kind is SelectorKind.role:
            return f'{first.value} "{first.name}"' if first.name else first.value
        return first.value if first else (fp.tag if fp else "element")
