"""The form of one survey question: its fields by question type, and the line of what users see."""

from __future__ import annotations

from .forms import FieldSpec

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
"""Every field of a question, in the order the form shows them (by question type through ``when``)."""

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
