"""The form of one checklist item: its task, what clicking it does and when it is done."""

from __future__ import annotations

from ..domain import ItemAction, ItemCompletion
from .forms import FieldSpec, choices_of

ITEM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("title",), "Task", "line"),
    FieldSpec(("description",), "Details", "text"),
    FieldSpec(
        ("action",),
        "Clicking it",
        "choice",
        choices=choices_of(
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
        choices=choices_of(
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
"""Every field of a checklist item, in the order the form shows them."""
