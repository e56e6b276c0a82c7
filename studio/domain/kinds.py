"""The kind registry: every fact about a kind of guide, owned once (no string branches elsewhere).

Adding a kind is one entry here, one kind in the runtime (``assets/runtime/src/50-kinds.js``)
and its editor parts (``studio/app/forms.py``); see ``docs/architecture.md``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .guide import GuideBase
    from .step import Step


@dataclass(frozen=True)
class GuideKind:
    """What the studio, the recorder and replay need to know about one kind of guide."""

    kind: str
    """The ``kind`` value on the wire (the model's ``kind`` literal; a test checks they agree)."""
    model_name: str
    """The pydantic model's class in ``studio.domain.guide`` (loaded on first use: the studio's window
    shows before the models are built)."""
    title: str
    hint: str
    """One line for the start page: what the kind is for."""
    starter: dict[str, Any] = field(default_factory=dict)
    """The content a new guide of this kind starts with (besides id, name and trigger)."""
    multi_step: bool = False
    """Whether authors add, copy, reorder and delete its steps (or items)."""
    parts_key: str = "steps"
    """The list the guide is made of: ``steps``, or ``items`` for a checklist."""
    element_field: str | None = "target"
    """Where a part's element lives (picked, recorded, re-picked); None: the kind has none."""
    needs_element: bool = False
    """A new guide of this kind is not finished before its element is picked (the studio asks first)."""
    plays_steps: bool = True
    """Replay and drift checks walk its steps (a checklist's items are not steps)."""
    starts_where_made: bool = False
    """Recorded or picked, it starts by itself on the page it was made on (else only when asked)."""
    has_media: bool = True
    """Its steps may show an image or video."""
    has_text: bool = True
    """Its steps show a text and buttons (a launcher shows only its label)."""
    has_buttons: bool = True
    """Its steps have buttons (an announcement, read in the resource center, has none)."""
    tested_alone: bool = True
    """Replay tests it by itself (an announcement is checked in the resource center that lists it)."""
    noun: str = ""
    """What one part is called in the studio when not "Step" or "Item" (a survey's "Question")."""

    @property
    def model(self) -> type[GuideBase]:
        """The kind's pydantic model."""
        return getattr(importlib.import_module(".guide", __package__), self.model_name)

    @property
    def part_noun(self) -> str:
        """What one part is called in the studio: "Step" or "Item"."""
        return self.noun or ("Item" if self.parts_key == "items" else "Step")

    @property
    def part_plural(self) -> str:
        """The parts' list heading: "Steps", "Items", "Questions", "Entries"."""
        noun = self.part_noun
        return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"

    @property
    def part_title(self) -> str:
        """The field a part's line in the studio shows: a step's or item's title, a question's text."""
        return "text" if self.parts_key == "questions" else "title"

    @property
    def starts_at_part(self) -> bool:
        """Whether it can start at one of its parts (a walkthrough's step, a survey's question), so a
        preview starts at the one being edited; a checklist or a resource center opens whole."""
        return self.parts_key in ("steps", "questions")

    @property
    def has_pictures(self) -> bool:
        """Whether its parts are steps with recorder pictures (a checklist's items have none)."""
        return self.parts_key == "steps"


def _step(title: str, body: str) -> dict[str, Any]:
    return {"steps": [{"id": "step-1", "title": title, "body": f"<p>{body}</p>"}]}


_ENTRIES = (
    GuideKind(
        "walkthrough",
        "Walkthrough",
        "Walkthrough",
        "Lead users through a task, one element at a time.",
        _step("Welcome", "Let us show you around."),
        multi_step=True,
        starts_where_made=True,
    ),
    GuideKind(
        "tooltip",
        "Tooltip",
        "Tooltip",
        "Explain one control when users hover over or focus it.",
        _step("Tip", "What this control does."),
        needs_element=True,
        starts_where_made=True,
    ),
    GuideKind(
        "hotspot",
        "Hotspot",
        "Hotspot",
        "Draw attention to something new with a pulsing beacon.",
        _step("New", "Something new is here."),
        needs_element=True,
        starts_where_made=True,
    ),
    GuideKind(
        "modal",
        "Modal",
        "Modal",
        "Welcome users or announce a release in a centred window.",
        _step("Welcome", "A short welcome message."),
        element_field=None,
    ),
    GuideKind(
        "checklist",
        "Checklist",
        "Checklist",
        "Give new users a list of onboarding tasks with progress.",
        {"title": "Get started", "items": [{"id": "item-1", "title": "Take the tour"}]},
        multi_step=True,
        parts_key="items",
        element_field="element",
        plays_steps=False,
    ),
    GuideKind(
        "banner",
        "Banner",
        "Banner",
        "Announce news in a bar at the top or bottom of the page.",
        {
            "trigger": {"type": "automatic"},
            "steps": [
                {
                    "id": "step-1",
                    "title": "",
                    "body": "<p>Something new is here.</p>",
                    "buttons": [{"label": "Got it", "action": "close", "primary": True}],
                }
            ],
        },
        element_field=None,
        has_media=False,
    ),
    GuideKind(
        "survey",
        "Survey",
        "Survey",
        "Ask NPS, satisfaction, choice or open questions.",
        {
            "trigger": {"type": "automatic"},
            "questions": [{"id": "question-1", "type": "nps"}],
        },
        multi_step=True,
        parts_key="questions",
        element_field=None,
        plays_steps=False,
        has_media=False,
        noun="Question",
    ),
    GuideKind(
        "launcher",
        "Launcher",
        "Launcher",
        "A help button, icon or beacon that opens another guide.",
        {
            "trigger": {"type": "automatic"},
            "frequency": "always",
            "guide_id": "",
            "steps": [{"id": "step-1", "title": "Help", "body": "", "placement": "right"}],
        },
        has_media=False,
        has_text=False,
    ),
    GuideKind(
        "resource_center",
        "ResourceCenter",
        "Resource center",
        "A searchable help panel of guides, links and short articles.",
        {
            "trigger": {"type": "automatic"},
            "frequency": "always",
            "title": "Help",
            "entries": [
                {
                    "id": "entry-1",
                    "section": "Get started",
                    "action": "article",
                    "title": "What is new here",
                    "body": "<p>Write a short answer here.</p>",
                }
            ],
        },
        multi_step=True,
        parts_key="entries",
        element_field=None,
        plays_steps=False,
        has_media=False,
        noun="Entry",
    ),
    GuideKind(
        "announcement",
        "Announcement",
        "Announcement",
        "A dated “What's new” note, read in the resource center.",
        {
            "steps": [
                {
                    "id": "step-1",
                    "title": "Something new",
                    "body": "<p>Say what changed and why it helps.</p>",
                }
            ]
        },
        element_field=None,
        has_buttons=False,
        tested_alone=False,
    ),
)

GUIDE_KINDS: dict[str, GuideKind] = {entry.kind: entry for entry in _ENTRIES}
"""Every kind the studio can author and the runtime can play, in the order the studio lists them."""

RECORDED_KIND = "walkthrough"
"""What a recording in the browser becomes."""


def kind_of(kind: str) -> GuideKind:
    """The registry entry of ``kind``; ValueError naming it when there is none."""
    try:
        return GUIDE_KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind of guide: {kind}") from None


def guide_steps(guide: GuideBase) -> list[Step]:
    """A guide's steps (a checklist has items and a survey questions instead, so none)."""
    return list(getattr(guide, "steps", [])) if GUIDE_KINDS[guide.kind].parts_key == "steps" else []
