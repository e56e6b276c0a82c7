"""What the property panel shows for a guide, a step, a checklist item and the theme (no Qt).

Each field is data: where its value lives in the edited object, what kind of editor it
needs, its label and hint in an author's words, and when it applies. The studio builds
its forms from these lists, so a new model field is one line here, not a new widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import get_args

from pydantic import BaseModel

from ..domain import (
    GUIDE_KINDS,
    AdvanceMode,
    AutomaticTrigger,
    ButtonAction,
    ConditionOp,
    Frequency,
    GuideBase,
    ItemAction,
    ItemCompletion,
    MissingTarget,
    Pacing,
    Placement,
    Step,
    Survey,
    Theme,
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


def _choices(enum: type[StrEnum], labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((member.value, labels.get(member.value, member.value.replace("_", " "))) for member in enum)


URL_MATCHES = _choices(
    UrlMatch,
    {
        "exact": "is exactly",
        "prefix": "starts with",
        "glob": "matches the pattern (* and **)",
        "regex": "matches the regular expression",
    },
)
CONDITION_OPS = _choices(ConditionOp, {"not_equals": "does not equal", "one_of": "is one of"})


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
        choices=_choices(
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

STEP_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("title",), "Title", "line", kinds=tuple(kind for kind in GUIDE_KINDS if kind not in LABELLED)),
    FieldSpec(
        ("title",),
        "Label",
        "line",
        "The button's text; for an icon or a beacon, what screen readers say and the mouse-over tip shows.",
        kinds=LABELLED,
    ),
    FieldSpec(("body",), "Text", "html", "Bold, italic, links, lists and images.", kinds=WITH_TEXT),
    FieldSpec(("media",), "Image or video", "media", optional=True, kinds=WITH_MEDIA),
    FieldSpec(
        ("target",),
        "Element",
        "target",
        "What the step points at; none shows it centred.",
        kinds=POINTING,
        optional=True,
        empty_text="None — shown centred",
    ),
    FieldSpec(
        ("target",),
        "Beside",
        "target",
        "The element it sits next to; none: in the corner chosen on the Guide tab.",
        kinds=LABELLED,
        optional=True,
        empty_text="None — in its corner",
    ),
    FieldSpec(
        ("page",),
        "Page",
        "url_rule",
        "The page the step belongs to; the guide waits for it.",
        optional=True,
        kinds=TOURS,
    ),
    FieldSpec(
        ("placement",),
        "Placement",
        "choice",
        choices=_choices(Placement, {"auto": "automatic"}),
        kinds=TARGETED,
        needs=("target",),  # centred, or in a launcher's corner: there is no side to choose
    ),
    FieldSpec(
        ("advance", "mode"),
        "Moves on when",
        "choice",
        choices=_choices(
            AdvanceMode,
            {
                "next": "the user presses Next",
                "click": "the user clicks the element",
                "input": "the user types into the element",
                "element": "another element appears",
                "url": "the page address changes",
            },
        ),
        kinds=TOURS,
    ),
    FieldSpec(
        ("advance", "element"),
        "Element to wait for",
        "target",
        when=(("advance", "mode"), ("element",)),
        kinds=TOURS,
    ),
    FieldSpec(
        ("advance", "url"),
        "Page to wait for",
        "url_rule",
        when=(("advance", "mode"), ("url",)),
        kinds=TOURS,
    ),
    FieldSpec(
        ("advance", "sample_input"),
        "Sample input for tests",
        "line",
        "Typed by the QA replay. It ships in the bundle: use a made-up value.",
        when=(("advance", "mode"), ("input",)),
        kinds=TOURS,
        optional=True,
    ),
    FieldSpec(
        ("buttons",),
        "Buttons",
        "buttons",
        "None: Back / Next in a tour, Got it in a modal or hotspot, none on a tooltip or banner.",
        kinds=WITH_BUTTONS,
    ),
    FieldSpec(
        ("on_missing",),
        "If the element is missing",
        "choice",
        choices=_choices(
            MissingTarget,
            {"skip": "skip the step", "center": "show it centred", "end": "end the guide"},
        ),
        kinds=TOURS,  # a tooltip, hotspot or launcher without its element is simply not shown
    ),
    FieldSpec(
        ("wait_ms",), "Wait for the element", "int", suffix=" ms", kinds=TARGETED, **limits(Step, "wait_ms")
    ),
    FieldSpec(
        ("optional",),
        "Optional step",
        "bool",
        "QA reports a missing element as skipped.",
        kinds=TOURS,
    ),
)

ITEM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("title",), "Task", "line"),
    FieldSpec(("description",), "Details", "text"),
    FieldSpec(
        ("action",),
        "Clicking it",
        "choice",
        choices=_choices(
            ItemAction,
            {"none": "does nothing else", "start_guide": "starts a guide", "open_url": "opens a page"},
        ),
    ),
    FieldSpec(("guide_id",), "Guide", "guide", when=(("action",), ("start_guide",))),
    FieldSpec(("url",), "Address", "line", when=(("action",), ("open_url",))),
    FieldSpec(
        ("complete_when",),
        "Done when",
        "choice",
        choices=_choices(
            ItemCompletion,
            {
                "clicked": "the user clicks it",
                "guide_completed": "the guide is completed",
                "event": "the app reports an event",
                "url": "the user visits a page",
                "element": "an element appears",
            },
        ),
    ),
    FieldSpec(("event",), "Event name", "line", when=(("complete_when",), ("event",))),
    FieldSpec(("complete_url",), "Page", "url_rule", when=(("complete_when",), ("url",))),
    FieldSpec(("element",), "Element", "target", when=(("complete_when",), ("element",))),
)

_NPS = (("type",), ("nps",))
_CHOICE = (("type",), ("single_choice", "multiple_choice"))

QUESTION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        ("type",),
        "Type",
        "choice",
        choices=(
            ("nps", "NPS: how likely to recommend, 0–10"),
            ("csat", "satisfaction, 1–5"),
            ("rating", "rating"),
            ("single_choice", "one answer of several"),
            ("multiple_choice", "any answers of several"),
            ("open_text", "open text"),
        ),
    ),
    FieldSpec(("text",), "Question", "line"),
    FieldSpec((), "Users see", "scale_preview"),
    FieldSpec(("required",), "Needs an answer", "bool", "Off: Next skips it without an answer."),
    FieldSpec(("low_label",), "Words at 0", "line", when=_NPS),
    FieldSpec(("high_label",), "Words at 10", "line", when=_NPS),
    FieldSpec(("follow_up", "detractor"), "Then ask after 0–6", "line", optional=True, when=_NPS),
    FieldSpec(("follow_up", "passive"), "Then ask after 7–8", "line", optional=True, when=_NPS),
    FieldSpec(
        ("follow_up", "promoter"),
        "Then ask after 9–10",
        "line",
        "Empty: no follow-up question for that score.",
        optional=True,
        when=_NPS,
    ),
    FieldSpec(
        ("style",),
        "Look",
        "choice",
        choices=(("faces", "faces"), ("stars", "stars")),
        when=(("type",), ("csat",)),
    ),
    FieldSpec(
        ("style",),
        "Look",
        "choice",
        choices=(("stars", "stars"), ("numbers", "numbers")),
        when=(("type",), ("rating",)),
    ),
    FieldSpec(("scale",), "Out of", "int", when=(("type",), ("rating",)), minimum=3, maximum=10),
    FieldSpec(("options",), "Answers", "options", when=_CHOICE),
    FieldSpec(("allow_other",), "Offers “Other” with a text box", "bool", when=_CHOICE),
    FieldSpec(("placeholder",), "Placeholder", "line", when=(("type",), ("open_text",))),
)

FACES = "😞🙁😐🙂😀"
"""The CSAT faces, 1 to 5 (the runtime shows the same)."""


def scale_preview(question: dict) -> str:
    """What users see of a question's answers, as one line of text (the editor's preview)."""
    kind = question.get("type")
    if kind == "nps":
        numbers = " ".join(str(n) for n in range(11))
        return f"{question.get('low_label', '')}  {numbers}  {question.get('high_label', '')}".strip()
    if kind == "csat":
        return " ".join(FACES) if question.get("style", "faces") == "faces" else "★ " * 4 + "★"
    if kind == "rating":
        top = question.get("scale") or 5
        return (
            "★ " * (top - 1) + "★"
            if question.get("style", "stars") == "stars"
            else " ".join(map(str, range(1, top + 1)))
        )
    if kind in ("single_choice", "multiple_choice"):
        mark = "○" if kind == "single_choice" else "☐"
        labels = [option.get("label", "") for option in question.get("options") or []]
        if question.get("allow_other"):
            labels.append("Other: ____")
        return "   ".join(f"{mark} {label}" for label in labels)
    return "[ a text box ]"


THEME_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("primary_color",), "Accent colour", "color", "Buttons, highlights, beacons."),
    FieldSpec(("text_color",), "Text colour", "color"),
    FieldSpec(("background_color",), "Background", "color"),
    FieldSpec(("font_family",), "Font", "line", "A CSS font list, e.g. Inter, sans-serif."),
    FieldSpec(("border_radius",), "Corner radius", "int", suffix=" px", **limits(Theme, "border_radius")),
    FieldSpec(
        ("backdrop_opacity",),
        "Backdrop",
        "int",
        "How dark the page behind gets.",
        suffix=" %",
        **limits(Theme, "backdrop_opacity"),
    ),
)

SETTINGS_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("app_url",), "App address", "line", "Where recording and tests start.", optional=True),
    FieldSpec(("redact_inputs",), "Blur form fields in pictures", "bool"),
    FieldSpec(
        ("pacing", "cooldown_hours"),
        "Quiet time between guides",
        "int",
        "No survey, walkthrough or modal starts by itself within this many hours of another (0: no pause).",
        suffix=" h",
        **limits(Pacing, "cooldown_hours"),
    ),
)

BUTTON_ACTIONS = _choices(
    ButtonAction,
    {
        "next": "Next step",
        "back": "Back",
        "close": "Close",
        "complete": "Finish",
        "url": "Open a link",
        "start_guide": "Start a guide",
    },
)
