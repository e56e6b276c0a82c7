"""The questions of a survey (NPS, CSAT, rating, choice, open text) and its thank-you screen.

Each question type is its own model, told apart by ``type``; a field that belongs to another type
(``options`` on an NPS question) is refused in words, not as an unknown setting.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from .base import Identifier, Label, Model, check_plain_text

QuestionText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(check_plain_text),
]
"""A question as users read it: one line of plain text, at most 300 characters."""

Prompt = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=300), AfterValidator(check_plain_text)
]
"""Plain text that may be empty (an empty follow-up question is not asked)."""

NPS_WORDING = "How likely are you to recommend us to a friend or colleague?"
"""The standard Net Promoter Score question (authors may reword it)."""

OTHER = "other"
"""The value a choice question's "Other" answer reports (so no option may use it as its id)."""


class _Question(Model):
    """What every question has: its id, its text and whether an answer is needed to go on."""

    _noun: ClassVar[str] = "question"
    id: Identifier
    text: QuestionText
    required: bool = True
    """Without an answer the user cannot go on (else Next skips it)."""

    @model_validator(mode="before")
    @classmethod
    def _foreign_fields(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        own = set(cls.model_fields) | {f.alias for f in cls.model_fields.values() if f.alias}
        for key in data:
            owners = [q._noun for q in QUESTION_MODELS if q is not cls and key in _field_names(q)]
            if key not in own and owners:
                raise ValueError(
                    f"{_article(cls._noun)} {cls._noun} question has no {_words(key)} "
                    f"(only {' and '.join(dict.fromkeys(owners))} questions do)"
                )
        return data


class NpsFollowUp(Model):
    """The open question asked after an NPS score, per group (empty: none for that group)."""

    detractor: Prompt = ""
    """Asked after 0–6."""
    passive: Prompt = ""
    """Asked after 7–8."""
    promoter: Prompt = ""
    """Asked after 9–10."""


class NpsQuestion(_Question):
    """Net Promoter Score: 0–10, with words at both ends and an optional follow-up per score group."""

    _noun: ClassVar[str] = "NPS"
    type: Literal["nps"] = "nps"
    text: QuestionText = NPS_WORDING
    low_label: Label = "Not likely"
    high_label: Label = "Very likely"
    follow_up: NpsFollowUp | None = None


class CsatQuestion(_Question):
    """Customer satisfaction: 1–5 as faces or stars."""

    _noun: ClassVar[str] = "CSAT"
    type: Literal["csat"] = "csat"
    style: Literal["faces", "stars"] = "faces"


class RatingQuestion(_Question):
    """A rating of 1 to ``scale`` (3–10) as stars or numbers."""

    _noun: ClassVar[str] = "rating"
    type: Literal["rating"] = "rating"
    style: Literal["stars", "numbers"] = "stars"
    scale: Annotated[int, Field(ge=3, le=10)] = 5


class ChoiceOption(Model):
    """One answer of a choice question."""

    id: Identifier
    label: Label


class ChoiceQuestion(_Question):
    """Single or multiple choice among 2–12 options, optionally with "Other" and a text box."""

    _noun: ClassVar[str] = "choice"
    type: Literal["single_choice", "multiple_choice"] = "single_choice"
    options: Annotated[list[ChoiceOption], Field(min_length=2, max_length=12)]
    allow_other: bool = False
    """Adds "Other" with a text box; its answer's value is ``other`` and its text what was typed."""

    @model_validator(mode="after")
    def _check(self) -> ChoiceQuestion:
        ids = [option.id for option in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("two options share an id; every option needs its own")
        if self.allow_other and OTHER in ids:
            raise ValueError(f"the id '{OTHER}' is the “Other” answer's; give the option another id")
        return self


class OpenTextQuestion(_Question):
    """A free-text answer."""

    _noun: ClassVar[str] = "open text"
    type: Literal["open_text"] = "open_text"
    placeholder: Annotated[str, StringConstraints(max_length=100), AfterValidator(check_plain_text)] = ""


QUESTION_MODELS: tuple[type[_Question], ...] = (
    NpsQuestion,
    CsatQuestion,
    RatingQuestion,
    ChoiceQuestion,
    OpenTextQuestion,
)

QUESTION_MODEL: dict[str, type[_Question]] = {
    tag: model for model in QUESTION_MODELS for tag in get_args(model.model_fields["type"].annotation)
}
"""The model of each question type on the wire."""
QUESTION_TYPES = tuple(QUESTION_MODEL)
"""Every question type on the wire (the union's tags)."""

Question = Annotated[
    NpsQuestion | CsatQuestion | RatingQuestion | ChoiceQuestion | OpenTextQuestion,
    Field(discriminator="type"),
]
"""Any survey question."""


class ThankYou(Model):
    """The screen after the last answer."""

    title: Label = "Thank you!"
    body: Annotated[str, StringConstraints(max_length=1000)] = ""
    """Rich text (the same sanitised HTML as a step's body)."""


def _field_names(model: type[Model]) -> set[str]:
    return set(model.model_fields) | {f.alias for f in model.model_fields.values() if f.alias}


def _words(key: str) -> str:
    return "“" + re.sub(r"(?<!^)(?=[A-Z])", " ", key).replace("_", " ").lower() + "”"


def _article(noun: str) -> str:
    return "an" if noun[0] in "AEFHILMNORSX" or noun[0] in "aeiou" else "a"
