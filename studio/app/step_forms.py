"""The form of one step (its words, element, page, placement, how it moves on) and a button's actions."""

from __future__ import annotations

from dataclasses import replace

from ..domain import GUIDE_KINDS, AdvanceMode, ButtonAction, MissingTarget, Placement, Step
from .forms import (
    LABELLED,
    POINTING,
    TARGETED,
    TOURS,
    WITH_BUTTONS,
    WITH_MEDIA,
    WITH_TEXT,
    FieldSpec,
    choices_of,
    limits,
)


def _beside_element(spec: FieldSpec) -> tuple[FieldSpec, FieldSpec]:
    """A field about the step's element: always there for kinds that need one (a tooltip, even before
    its element is picked), and only once one is picked for the others (a walkthrough step without one
    is centred, a launcher without one sits in its corner: no side to choose, nothing to wait for)."""
    always = tuple(kind for kind in TARGETED if GUIDE_KINDS[kind].needs_element)
    sometimes = tuple(kind for kind in TARGETED if kind not in always)
    return replace(spec, kinds=always), replace(spec, kinds=sometimes, needs=("target",))


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
    *_beside_element(
        FieldSpec(("placement",), "Placement", "choice", choices=choices_of(Placement, {"auto": "automatic"}))
    ),
    FieldSpec(
        ("advance", "mode"),
        "Moves on when",
        "choice",
        choices=choices_of(
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
        choices=choices_of(
            MissingTarget,
            {"skip": "skip the step", "center": "show it centred", "end": "end the guide"},
        ),
        kinds=TOURS,  # a tooltip, hotspot or launcher without its element is simply not shown
    ),
    *_beside_element(
        FieldSpec(("wait_ms",), "Wait for the element", "int", suffix=" ms", **limits(Step, "wait_ms"))
    ),
    FieldSpec(
        ("optional",),
        "Optional step",
        "bool",
        "QA reports a missing element as skipped.",
        kinds=TOURS,
    ),
)
"""Every field of a step, in the order the form shows them (each kind shows its own)."""

BUTTON_ACTIONS = choices_of(
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
