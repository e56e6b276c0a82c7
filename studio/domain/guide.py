"""Guides of every kind, their triggers and the kind registry."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import Identifier, Label, Model, SafeUrl
from .center import Entries, check_center
from .rules import AudienceRule, Schedule, UrlRule
from .step import ButtonAction, Step
from .survey import Question, ThankYou
from .target import Target


class AutomaticTrigger(Model):
    """Start by itself on matching pages, once an element is present, after a delay."""

    type: Literal["automatic"] = "automatic"
    url: UrlRule | None = None
    """Pages the guide starts on; none means every page."""
    element: Target | None = None
    """Start only once this element is on the page."""
    delay_ms: Annotated[int, Field(ge=0, le=600_000)] = 0


class ManualTrigger(Model):
    """Start only when asked: from the runtime API, a checklist or the resource center."""

    type: Literal["manual"] = "manual"


class LauncherTrigger(Model):
    """Start when the user clicks an element of the app (a help icon, a "?" button)."""

    type: Literal["launcher"] = "launcher"
    element: Target


Trigger = Annotated[AutomaticTrigger | ManualTrigger | LauncherTrigger, Field(discriminator="type")]


class Frequency(StrEnum):
    """How often an automatic guide may show to the same user."""

    once = "once"
    once_per_session = "once_per_session"
    always = "always"
    until_completed = "until_completed"


class GuideBase(Model):
    """What every kind of guide has: identity, trigger, frequency, schedule, audience, priority."""

    id: Identifier
    name: Label
    description: Annotated[str, StringConstraints(max_length=1000)] = ""
    trigger: Trigger = Field(default_factory=ManualTrigger)
    frequency: Frequency = Frequency.once
    schedule: Schedule | None = None
    audience: AudienceRule | None = None
    priority: Annotated[int, Field(ge=0, le=100)] = 50
    """When several automatic guides qualify, the highest priority shows (one at a time)."""
    enabled: bool = True


Steps = Annotated[list[Step], Field(min_length=1, max_length=100)]


def _unique_step_ids(steps: list[Step]) -> None:
    seen: set[str] = set()
    for number, step in enumerate(steps, 1):
        if step.id in seen:
            raise ValueError(f"step {number} reuses the id '{step.id}'; every step needs its own")
        seen.add(step.id)


def _single_step(kind: str, steps: list[Step], *, needs_target: bool) -> None:
    if len(steps) != 1:
        raise ValueError(f"a {kind} has exactly one step")
    if needs_target and steps[0].target is None:
        raise ValueError(f"a {kind} is attached to an element; pick one")


class Walkthrough(GuideBase):
    """A multi-step tour: a highlighted element and a callout per step."""

    kind: Literal["walkthrough"] = "walkthrough"
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Walkthrough:
        _unique_step_ids(self.steps)
        return self


class Tooltip(GuideBase):
    """A small callout bound to one element, shown on hover/focus or always."""

    kind: Literal["tooltip"] = "tooltip"
    show_on: Literal["hover", "always"] = "hover"
    """``hover`` also shows on keyboard focus."""
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Tooltip:
        _single_step("tooltip", self.steps, needs_target=True)
        return self


class Hotspot(GuideBase):
    """A pulsing beacon on an element that opens a callout when clicked."""

    kind: Literal["hotspot"] = "hotspot"
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Hotspot:
        _single_step("hotspot", self.steps, needs_target=True)
        return self


class Modal(GuideBase):
    """A centred lightbox with a backdrop: welcome messages, announcements."""

    kind: Literal["modal"] = "modal"
    close_on_backdrop: bool = True
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Modal:
        _single_step("modal", self.steps, needs_target=False)
        if self.steps[0].target is not None:
            raise ValueError("a modal is centred on the page and has no element")
        return self


class Banner(GuideBase):
    """A bar across the top or bottom of the page: a short message and its buttons, on matching pages.

    Its one step holds the text (title and body) and buttons; it points at no element and has no
    image. At the top it sits below the app's own fixed header unless ``cover_header``."""

    kind: Literal["banner"] = "banner"
    edge: Literal["top", "bottom"] = "top"
    push: bool = True
    """Move the page's content aside by the banner's height (else the banner overlays it)."""
    cover_header: bool = False
    """At the top, cover the app's own fixed or sticky header instead of sitting below it."""
    dismissible: bool = True
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Banner:
        _single_step("banner", self.steps, needs_target=False)
        step = self.steps[0]
        if step.target is not None:
            raise ValueError("a banner spans the page and has no element")
        if step.media is not None:
            raise ValueError("a banner is one line of text; put images in a modal")
        if any(button.action in (ButtonAction.next, ButtonAction.back) for button in step.buttons):
            raise ValueError(
                "a banner has no next or previous step: its buttons close, link or start a guide"
            )
        return self


class Launcher(GuideBase):
    """A button, icon or beacon of the guide's own that opens another guide (a tour, a checklist, a survey),
    next to an element of the app or fixed in a corner of the window, on the pages its trigger names.

    Its one step holds the label (the button's text, the icon's accessible name) and, optionally, the
    element it sits beside (``placement`` says on which side)."""

    kind: Literal["launcher"] = "launcher"
    style: Literal["button", "icon", "beacon"] = "button"
    icon: Literal["help", "info", "star", "new"] = "help"
    """The glyph of the ``icon`` style."""
    corner: Literal["bottom_right", "bottom_left", "top_right", "top_left"] = "bottom_right"
    """Where it sits when its step has no element."""
    guide_id: Identifier
    """The guide it opens."""
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Launcher:
        _single_step("launcher", self.steps, needs_target=False)
        step = self.steps[0]
        if not step.title.strip():
            raise ValueError("a launcher needs a label: its text, or what a screen reader says of its icon")
        if step.body.strip() or step.buttons or step.media is not None:
            raise ValueError(
                "a launcher shows only its label; put text, buttons and images in the guide it opens"
            )
        if self.guide_id == self.id:
            raise ValueError("a launcher opens another guide, not itself")
        return self


class Survey(GuideBase):
    """Questions, one per screen (NPS, CSAT, rating, choice, open text), then a thank-you screen.

    Throttled like the tools users know: a share of users is asked (picked once per user), "Ask me
    later" snoozes it, and once answered it asks again only after ``reask_days`` (never when None).
    These replace ``frequency`` for a survey."""

    kind: Literal["survey"] = "survey"
    questions: Annotated[list[Question], Field(min_length=1, max_length=10)]
    thank_you: ThankYou = Field(default_factory=ThankYou)
    position: Literal["bottom_right", "bottom_left", "center"] = "bottom_right"
    sample_percent: Annotated[int, Field(ge=0, le=100)] = 100
    """The share of eligible users asked, picked once per user and kept."""
    snooze_days: Annotated[int, Field(ge=0, le=365)] = 7
    """How long "Ask me later" waits; 0: no such button."""
    reask_days: Annotated[int, Field(ge=1, le=3650)] | None = None
    """Ask again this many days after an answer (or a close); None: never again."""

    @model_validator(mode="after")
    def _check(self) -> Survey:
        ids = [question.id for question in self.questions]
        if len(set(ids)) != len(ids):
            raise ValueError("two questions share an id; every question needs its own")
        return self


class ResourceCenter(GuideBase):
    """A help panel opened from its own launcher in a corner: guides to start, links and short articles
    in sections, a search box over them, and a "What's new" section of the bundle's announcements."""

    kind: Literal["resource_center"] = "resource_center"
    title: Label = "Help"
    """The panel's heading and its launcher's label."""
    position: Literal["bottom_right", "bottom_left"] = "bottom_right"
    search: bool = True
    announcements: bool = True
    """List the bundle's announcements (newest first, unread ones counted on the launcher)."""
    entries: Entries

    @model_validator(mode="after")
    def _check(self) -> ResourceCenter:
        check_center(self.id, self.entries)
        return self


class Announcement(GuideBase):
    """A dated "What's new" entry: listed in resource centers, newest first, unread until opened."""

    kind: Literal["announcement"] = "announcement"
    date: datetime.date
    steps: Steps

    @model_validator(mode="after")
    def _check(self) -> Announcement:
        _single_step("announcement", self.steps, needs_target=False)
        step = self.steps[0]
        if step.target is not None or step.buttons:
            raise ValueError(
                "an announcement is read in the resource center: it has no element and no buttons"
            )
        if not step.title.strip():
            raise ValueError("give the announcement a title: it is its line in the resource center")
        return self


class ItemAction(StrEnum):
    """What clicking a checklist item does."""

    none = "none"
    start_guide = "start_guide"
    open_url = "open_url"


class ItemCompletion(StrEnum):
    """What marks a checklist item done."""

    clicked = "clicked"
    guide_completed = "guide_completed"
    event = "event"
    url = "url"
    element = "element"


class ChecklistItem(Model):
    """One task of an onboarding checklist."""

    id: Identifier
    title: Label
    description: Annotated[str, StringConstraints(max_length=500)] = ""
    action: ItemAction = ItemAction.none
    guide_id: Identifier | None = None
    url: SafeUrl | None = None
    complete_when: ItemCompletion = ItemCompletion.clicked
    event: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")] | None = None
    """A runtime event name (``GuideRuntime.track(name)``) that completes the item."""
    complete_url: UrlRule | None = None
    element: Target | None = None

    @model_validator(mode="after")
    def _check(self) -> ChecklistItem:
        if (self.action is ItemAction.start_guide) != (self.guide_id is not None):
            raise ValueError("choose the guide this item starts (and only then)")
        if (self.action is ItemAction.open_url) != (self.url is not None):
            raise ValueError("give the address this item opens (and only then)")
        when = self.complete_when
        if when is ItemCompletion.guide_completed and self.action is not ItemAction.start_guide:
            raise ValueError("'done when the guide is completed' needs the item to start a guide")
        for needed, value, what in (
            (ItemCompletion.event, self.event, "the event name"),
            (ItemCompletion.url, self.complete_url, "the page address"),
            (ItemCompletion.element, self.element, "the element"),
        ):
            if (when is needed) != (value is not None):
                raise ValueError(f"give {what} that marks this item done (and only then)")
        return self


class Checklist(GuideBase):
    """An onboarding task list with progress; each item starts a guide, opens a URL or ticks itself."""

    kind: Literal["checklist"] = "checklist"
    title: Label
    items: Annotated[list[ChecklistItem], Field(min_length=1, max_length=30)]
    position: Literal["bottom_right", "bottom_left"] = "bottom_right"
    dismissible: bool = True

    @model_validator(mode="after")
    def _check(self) -> Checklist:
        ids = [item.id for item in self.items]
        if len(set(ids)) != len(ids):
            raise ValueError("two checklist items share an id; every item needs its own")
        for item in self.items:
            if item.guide_id == self.id:
                raise ValueError(f"item '{item.title}' starts its own checklist")
        return self


Guide = Annotated[
    Walkthrough
    | Tooltip
    | Hotspot
    | Modal
    | Checklist
    | Banner
    | Survey
    | Launcher
    | ResourceCenter
    | Announcement,
    Field(discriminator="kind"),
]
"""Any guide."""
