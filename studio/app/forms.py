"""What the property panel shows, as data (no Qt): the field spec, and a guide's own fields.

Each field is data: where its value lives in the edited object, what kind of editor it
needs, its label and hint in an author's words, and when it applies. The studio builds
its forms from these lists, so a new model field is one line here, not a new widget.
A part's form is beside it: a step's (``step_forms``), a checklist item's (``item_forms``),
a survey question's (``question_forms``), a resource center entry's (``entry_forms``); the
theme's and the settings' are in ``project_forms``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import get_args

from pydantic import BaseModel

from ..domain import (
    GUIDE_KINDS,
    AutomaticTrigger,
    ConditionOp,
    Frequency,
    GuideBase,
    Survey,
    UrlMatch,
)

FieldPath = tuple[str | int, ...]
"""Where a value lives in the edited data: keys and list indexes."""


@dataclass(frozen=True)
class FieldSpec:
    """One editable value: ``kind`` names the editor (line, text, html, int, bool, choice, …)."""

    path: FieldPath
    label: str
    kind: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    minimum: int = 0
    maximum: int = 0
    suffix: str = ""
    when: tuple[FieldPath, tuple[str, ...]] | None = None
    """Shown only while the value at this path is one of these."""
    needs: FieldPath | None = None
    """Shown only while the value at this path is set (a placement needs an element to sit beside)."""
    kinds: tuple[str, ...] = ()
    """Guide kinds the field applies to; empty means all."""
    optional: bool = False
    """The value may be empty (None); the editor offers to clear it."""
    empty_text: str = "none"
    """What an optional number or element shows when it is empty."""

    def applies(self, kind: str, value_at) -> bool:
        """Whether the field belongs on the form for a guide of ``kind`` in its current state."""
        if self.kinds and kind not in self.kinds:
            return False
        if self.needs is not None and value_at(self.needs) is None:
            return False
        if self.when is None:
            return True
        path, values = self.when
        return value_at(path) in values


def limits(model: type[BaseModel], name: str) -> dict[str, int]:
    """A number field's ``minimum``/``maximum`` as the model constrains it (never retyped here)."""
    bounds: dict[str, int] = {}
    for rule in model.model_fields[name].metadata:
        if getattr(rule, "ge", None) is not None:
            bounds["minimum"] = rule.ge
        if getattr(rule, "le", None) is not None:
            bounds["maximum"] = rule.le
    return bounds


def choices_of(enum: type[StrEnum], labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """An enum's members as ``(value, words)`` choices; members without words read as their value."""
    return tuple((member.value, labels.get(member.value, member.value.replace("_", " "))) for member in enum)


URL_MATCHES = choices_of(
    UrlMatch,
    {
        "exact": "is exactly",
        "prefix": "starts with",
        "glob": "matches the pattern (* and **)",
        "regex": "matches the regular expression",
    },
)
CONDITION_OPS = choices_of(ConditionOp, {"not_equals": "does not equal", "one_of": "is one of"})


def having(name: str) -> tuple[str, ...]:
    """The kinds whose model has the guide field ``name`` (the model owns which kind has what)."""
    return tuple(kind for kind, entry in GUIDE_KINDS.items() if name in entry.model.model_fields)


def lacking(name: str) -> tuple[str, ...]:
    """The kinds whose model has no guide field ``name``."""
    return tuple(kind for kind in GUIDE_KINDS if kind not in having(name))


def _positions(kinds: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The places a kind's ``position`` allows, in words (read from the first kind's model)."""
    places = get_args(GUIDE_KINDS[kinds[0]].model.model_fields["position"].annotation)
    return tuple((place, place.replace("_", " ")) for place in places)


_CENTRED = tuple(kind for kind in having("position") if "center" in _positions((kind,))[-1])
"""Kinds that may also sit in the middle of the window (a survey)."""


TARGETED = tuple(kind for kind, entry in GUIDE_KINDS.items() if entry.element_field == "target")
"""Kinds whose steps point at an element."""
TOURS = tuple(kind for kind, entry in GUIDE_KINDS.items() if entry.multi_step and entry.parts_key == "steps")
"""Kinds of several steps, each on its page, moving on by themselves."""
WITH_MEDIA = tuple(kind for kind, entry in GUIDE_KINDS.items() if entry.has_media)
"""Kinds whose steps may show an image or video."""
WITH_TEXT = tuple(kind for kind, entry in GUIDE_KINDS.items() if entry.has_text)
"""Kinds whose steps show a text and buttons."""
WITH_BUTTONS = tuple(kind for kind in WITH_TEXT if GUIDE_KINDS[kind].has_buttons)
"""Kinds whose steps have buttons (an announcement is read in the resource center: it has none)."""
LABELLED = tuple(
    kind for kind, entry in GUIDE_KINDS.items() if entry.parts_key == "steps" and not entry.has_text
)
"""Kinds whose one step is only a label, beside an element or in a corner (a launcher)."""
POINTING = tuple(kind for kind in TARGETED if kind not in LABELLED)
"""Kinds whose steps point at an element, or are shown centred without one."""
AUTOMATIC = (("trigger", "type"), ("automatic",))
LAUNCHER = (("trigger", "type"), ("launcher",))

GUIDE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("name",), "Name", "line", "Shown in the studio and in analytics, not to users."),
    FieldSpec(
        ("title",),
        "Heading",
        "line",
        "The heading users see (a resource center's launcher says it too).",
        kinds=having("title"),
    ),
    FieldSpec(("date",), "Date", "line", "YYYY-MM-DD: shown beside it, newest first.", kinds=having("date")),
    FieldSpec(("description",), "Notes", "text", "For your team: what the guide is for."),
    FieldSpec(("enabled",), "Enabled", "bool", "Disabled guides are exported but never shown."),
    FieldSpec(
        ("trigger", "type"),
        "Starts",
        "choice",
        "How the guide begins.",
        choices=(
            ("automatic", "by itself on matching pages"),
            ("manual", "only when asked (checklist, button, API)"),
            ("launcher", "when the user clicks an element"),
        ),
        kinds=tuple(kind for kind in GUIDE_KINDS if kind not in LABELLED),
    ),
    FieldSpec(  # a launcher is itself what users click: it shows by itself, when asked, or after a click
        ("trigger", "type"),
        "Shows",
        "choice",
        "When the launcher appears; a click on it opens its guide.",
        choices=(
            ("automatic", "by itself on matching pages"),
            ("manual", "only when the app asks (API)"),
            ("launcher", "once the user clicks an element of the app"),
        ),
        kinds=LABELLED,
    ),
    FieldSpec(
        ("trigger", "url"),
        "On pages",
        "url_rule",
        "Leave empty to show on every page.",
        when=AUTOMATIC,
        optional=True,
    ),
    FieldSpec(
        ("trigger", "element"),
        "Once this is present",
        "target",
        "Wait for an element before showing.",
        when=AUTOMATIC,
        optional=True,
    ),
    FieldSpec(
        ("trigger", "delay_ms"),
        "Delay",
        "int",
        suffix=" ms",
        when=AUTOMATIC,
        **limits(AutomaticTrigger, "delay_ms"),
    ),
    FieldSpec(
        ("trigger", "element"),
        "Clicked element",
        "target",
        "The element of your app users click.",
        when=LAUNCHER,
    ),
    FieldSpec(
        ("frequency",),
        "How often",
        "choice",
        "For automatic guides, per user.",
        kinds=lacking("sample_percent"),
        choices=choices_of(
            Frequency,
            {
                "once": "once",
                "once_per_session": "once per session",
                "always": "every time",
                "until_completed": "until completed",
            },
        ),
    ),
    FieldSpec(
        ("priority",),
        "Priority",
        "int",
        "The highest wins when several qualify.",
        **limits(GuideBase, "priority"),
    ),
    FieldSpec(("schedule", "start_at"), "Show from", "datetime", optional=True),
    FieldSpec(("schedule", "end_at"), "Show until", "datetime", optional=True),
    FieldSpec(("audience",), "Audience", "audience", "Who sees it; empty means everyone.", optional=True),
    FieldSpec(
        ("show_on",),
        "Show",
        "choice",
        choices=(("hover", "on hover or keyboard focus"), ("always", "always")),
        kinds=having("show_on"),
    ),
    FieldSpec(("close_on_backdrop",), "Close on backdrop click", "bool", kinds=having("close_on_backdrop")),
    FieldSpec(
        ("position",),
        "Position",
        "choice",
        choices=(("bottom_right", "bottom right"), ("bottom_left", "bottom left")),
        kinds=tuple(kind for kind in having("position") if kind not in _CENTRED),
    ),
    FieldSpec(("position",), "Position", "choice", choices=_positions(_CENTRED), kinds=_CENTRED),
    FieldSpec(
        ("sample_percent",),
        "Ask a share of users",
        "int",
        "Each user is picked (or not) once and stays so.",
        suffix=" %",
        kinds=having("sample_percent"),
        **limits(Survey, "sample_percent"),
    ),
    FieldSpec(
        ("snooze_days",),
        "“Ask me later” waits",
        "int",
        "0: no “Ask me later” button.",
        suffix=" days",
        kinds=having("snooze_days"),
        **limits(Survey, "snooze_days"),
    ),
    FieldSpec(
        ("reask_days",),
        "Ask again after",
        "int",
        "After an answer or a close; “never”: once is enough.",
        suffix=" days",
        kinds=having("reask_days"),
        optional=True,
        empty_text="never",
        minimum=1,
        maximum=3650,
    ),
    FieldSpec(("thank_you", "title"), "Thank-you title", "line", kinds=having("thank_you")),
    FieldSpec(("thank_you", "body"), "Thank-you text", "html", optional=True, kinds=having("thank_you")),
    FieldSpec(
        ("edge",),
        "Where",
        "choice",
        choices=(("top", "across the top of the page"), ("bottom", "across the bottom of the page")),
        kinds=having("edge"),
    ),
    FieldSpec(
        ("push",),
        "Moves the page aside",
        "bool",
        "Off: the banner lies over the page's content.",
        kinds=having("push"),
    ),
    FieldSpec(
        ("cover_header",),
        "Covers the app's own header",
        "bool",
        "Off: a top banner sits just below the app's fixed header.",
        kinds=having("cover_header"),
        when=(("edge",), ("top",)),
    ),
    FieldSpec(("dismissible",), "Users can dismiss it", "bool", kinds=having("dismissible")),
    FieldSpec(
        ("search",),
        "Search box",
        "bool",
        "Searches the entries' titles, summaries and articles.",
        kinds=having("search"),
    ),
    FieldSpec(
        ("announcements",),
        "What's new section",
        "bool",
        "Lists the project's announcements, newest first; the launcher counts unread ones.",
        kinds=having("announcements"),
    ),
    FieldSpec(("guide_id",), "Opens", "guide", "The guide a click starts.", kinds=having("guide_id")),
    FieldSpec(
        ("style",),
        "Looks like",
        "choice",
        choices=(
            ("button", "a button with its label"),
            ("icon", "a round icon"),
            ("beacon", "a pulsing dot"),
        ),
        kinds=having("style"),
    ),
    FieldSpec(
        ("icon",),
        "Icon",
        "choice",
        choices=(("help", "? help"), ("info", "i information"), ("star", "★ star"), ("new", "! new")),
        kinds=having("icon"),
        when=(("style",), ("icon",)),
    ),
    FieldSpec(
        ("corner",),
        "Corner",
        "choice",
        "Where it sits when no element is picked beside it (Step tab).",
        choices=(
            ("bottom_right", "bottom right"),
            ("bottom_left", "bottom left"),
            ("top_right", "top right"),
            ("top_left", "top left"),
        ),
        kinds=having("corner"),
    ),
)
