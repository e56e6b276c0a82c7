"""One step of a guide: what it points at, what it says, and how the user moves on."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from .base import Identifier, Label, Model, SafeUrl, check_plain_text
from .media import local_media
from .rules import UrlRule
from .target import Target

MAX_BODY_LENGTH = 20_000


class Placement(StrEnum):
    """Where the callout sits relative to its target."""

    auto = "auto"
    top = "top"
    bottom = "bottom"
    left = "left"
    right = "right"
    center = "center"


class AdvanceMode(StrEnum):
    """What moves a walkthrough from this step to the next."""

    next = "next"
    """The user presses Next."""
    click = "click"
    """The user clicks the target."""
    input = "input"
    """The user types into the target."""
    element = "element"
    """Another element appears on the page."""
    url = "url"
    """The page address changes to one matching a rule."""


class Advance(Model):
    """The advance mode of a step and what it waits for."""

    mode: AdvanceMode = AdvanceMode.next
    element: Target | None = None
    url: UrlRule | None = None
    sample_input: Annotated[str, StringConstraints(max_length=500)] | None = None
    """A value QA replay types for an ``input`` step (never a real secret)."""

    @model_validator(mode="after")
    def _check_fields(self) -> Advance:
        if self.mode is AdvanceMode.element and self.element is None:
            raise ValueError("choose the element whose appearance moves the guide on")
        if self.mode is AdvanceMode.url and self.url is None:
            raise ValueError("give the page address that moves the guide on")
        if self.mode is not AdvanceMode.element and self.element is not None:
            raise ValueError("an element to wait for only applies when advancing on 'element appears'")
        if self.mode is not AdvanceMode.url and self.url is not None:
            raise ValueError("a page address only applies when advancing on 'URL change'")
        return self


class ButtonAction(StrEnum):
    """What a callout button does."""

    next = "next"
    back = "back"
    close = "close"
    complete = "complete"
    url = "url"
    start_guide = "start_guide"


class Button(Model):
    """A button in a callout; without any, walkthroughs show Back / Next / Close."""

    label: Label
    action: ButtonAction = ButtonAction.next
    url: SafeUrl | None = None
    guide_id: Identifier | None = None
    primary: bool = False

    @model_validator(mode="after")
    def _check_fields(self) -> Button:
        if (self.action is ButtonAction.url) != (self.url is not None):
            raise ValueError("a link button needs an address, and only a link button has one")
        if (self.action is ButtonAction.start_guide) != (self.guide_id is not None):
            raise ValueError("a 'start guide' button needs the guide to start, and only it has one")
        return self


class Media(Model):
    """An image or video shown in a callout or modal."""

    kind: Literal["image", "video"] = "image"
    src: SafeUrl
    alt: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] = ""
    width: Annotated[int, Field(ge=16, le=1200)] | None = None
    """Shown this many CSS pixels wide (never wider than the callout); None: its natural size."""

    @model_validator(mode="after")
    def _check_alt(self) -> Media:
        if self.kind == "image" and not self.alt:
            raise ValueError("describe the image in a few words (alt text) for screen-reader users")
        if self.kind == "video" and local_media(self.src):
            raise ValueError("a picture from the project is an image, not a video")
        return self


class MissingTarget(StrEnum):
    """What happens when a step's element cannot be found on the page."""

    skip = "skip"
    center = "center"
    end = "end"


class Step(Model):
    """One callout of a guide."""

    id: Identifier
    title: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(check_plain_text)
    ] = ""
    body: Annotated[str, StringConstraints(max_length=MAX_BODY_LENGTH)] = ""
    """Rich text as HTML; sanitised with an allow-list on export and again by the runtime."""
    target: Target | None = None
    page: UrlRule | None = None
    """The page this step belongs to; the walkthrough waits for it before showing the step."""
    placement: Placement = Placement.auto
    advance: Advance = Field(default_factory=Advance)
    buttons: Annotated[list[Button], Field(max_length=4)] = Field(default_factory=list)
    media: Media | None = None
    optional: bool = False
    """A missing target skips the step quietly and QA replay reports it as skipped, not failed."""
    on_missing: MissingTarget = MissingTarget.skip
    wait_ms: Annotated[int, Field(ge=0, le=60_000)] = 5_000
    """How long to wait for the target to appear before ``on_missing`` applies."""

    @model_validator(mode="after")
    def _check_step(self) -> Step:
        if not self.title and not self.body.strip() and self.media is None:
            raise ValueError("a step needs a title, some text or an image")
        if self.advance.mode in (AdvanceMode.click, AdvanceMode.input) and self.target is None:
            raise ValueError(
                f"advancing on '{self.advance.mode.value}' needs an element; pick one or advance on Next"
            )
        return self
