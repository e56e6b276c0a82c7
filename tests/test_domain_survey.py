"""Surveys in the domain and the bundle: question types, refusals in words, sanitising, pacing, old bundles."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError

from studio.domain import Guide, Pacing, Project, ProjectSettings, Survey, describe_errors
from studio.export import build_bundle
from studio.export.schema import SCHEMA_PATH
from studio.export.validate import BundleError, check_bundle

from .conftest import ROOT

GUIDE = TypeAdapter(Guide)
CHOICES = [{"id": "a", "label": "Alpha"}, {"id": "b", "label": "Beta"}]


def survey(*questions: dict, **fields) -> dict:
    return {"kind": "survey", "id": "s", "name": "Pulse", "questions": list(questions), **fields}


def problems(data: dict) -> list[str]:
    with pytest.raises(ValidationError) as info:
        GUIDE.validate_python(data)
    return describe_errors(info.value, data)


def test_every_question_type_with_its_defaults():
    guide = GUIDE.validate_python(
        survey(
            {"id": "nps", "type": "nps", "followUp": {"detractor": "What went wrong?"}},
            {"id": "csat", "type": "csat", "text": "How did we do?"},
            {"id": "rate", "type": "rating", "text": "Rate the export", "style": "numbers", "scale": 10},
            {"id": "one", "type": "single_choice", "text": "Which?", "options": CHOICES, "allowOther": True},
            {"id": "many", "type": "multiple_choice", "text": "Which ones?", "options": CHOICES},
            {"id": "open", "type": "open_text", "text": "Anything else?", "placeholder": "Type here"},
        )
    )
    assert isinstance(guide, Survey)
    nps, csat, rate, one, many, open_text = guide.questions
    assert nps.text.startswith("How likely are you to recommend") and nps.low_label == "Not likely"
    assert nps.follow_up.detractor == "What went wrong?" and nps.follow_up.promoter == ""
    assert csat.style == "faces" and rate.scale == 10 and one.allow_other and not many.allow_other
    assert open_text.placeholder == "Type here" and all(q.required for q in guide.questions)
    assert guide.thank_you.title == "Thank you!" and guide.position == "bottom_right"
    assert (guide.sample_percent, guide.snooze_days, guide.reask_days) == (100, 7, None)
    wire = guide.model_dump(mode="json", by_alias=True)
    assert wire["questions"][3]["allowOther"] is True and wire["thankYou"] == {
        "title": "Thank you!",
        "body": "",
    }
    assert GUIDE.validate_python(wire) == guide


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            {"id": "q", "type": "nps", "options": CHOICES},
            "an NPS question has no “options” (only choice questions do)",
        ),
        (
            {"id": "q", "type": "csat", "text": "x", "scale": 5},
            "a CSAT question has no “scale” (only rating questions do)",
        ),
        (
            {"id": "q", "type": "open_text", "text": "x", "style": "stars"},
            "an open text question has no “style” (only CSAT and rating questions do)",
        ),
        (
            {"id": "q", "type": "single_choice", "text": "x", "options": CHOICES, "followUp": {}},
            "a choice question has no “follow up” (only NPS questions do)",
        ),
        (
            {"id": "q", "type": "rating", "text": "x", "lowLabel": "Bad"},
            "a rating question has no “low label”",
        ),
    ],
)
def test_a_field_of_another_question_type_is_refused_in_words(question, words):
    (line,) = problems(survey(question))
    assert words in line and line.startswith("survey, question 1")


def test_question_values_are_checked_in_words():
    assert problems(survey({"id": "q", "type": "rating", "text": "x", "scale": 12}))[0].endswith(
        "scale: can be at most 10"
    )
    assert (
        "is not a known type of question" in problems(survey({"id": "q", "type": "yes_no", "text": "x"}))[0]
    )
    assert (
        "at least 2"
        in problems(survey({"id": "q", "type": "single_choice", "text": "x", "options": CHOICES[:1]}))[0]
    )
    twice = [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]
    assert (
        "two options share an id"
        in problems(survey({"id": "q", "type": "single_choice", "text": "x", "options": twice}))[0]
    )
    other = [{"id": "other", "label": "Other"}, {"id": "b", "label": "B"}]
    assert (
        "“Other” answer"
        in problems(
            survey({"id": "q", "type": "single_choice", "text": "x", "options": other, "allowOther": True})
        )[0]
    )
    assert (
        "two questions share an id"
        in problems(survey({"id": "q", "type": "nps"}, {"id": "q", "type": "nps"}))[0]
    )
    assert "cannot be empty" in problems(survey({"id": "q", "type": "csat", "text": " "}))[0]
    assert problems(survey())[0].startswith("survey, questions")
    assert "at most 100" in problems(survey({"id": "q", "type": "nps"}, samplePercent=101))[0]
    assert problems(survey({"id": "q", "type": "nps"}, reaskDays=0))[0].endswith("can be at least 1")


def test_export_sanitises_the_thank_you_text_and_the_schema_takes_surveys_and_pacing():
    guide = Survey.model_validate(
        survey(
            {"id": "q", "type": "nps"},
            thankYou={"title": "Thanks", "body": '<p onclick="x()">Bye <script>alert(1)</script></p>'},
            trigger={"type": "automatic"},
        )
    )
    project = Project(name="P", guides=[guide], settings=ProjectSettings(pacing=Pacing(cooldown_hours=24)))
    data = build_bundle(project)
    assert data["guides"][0]["thankYou"]["body"] == "<p>Bye </p>"
    assert data["pacing"] == {"cooldownHours": 24}
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(data)
    assert check_bundle(data).pacing.cooldown_hours == 24
    # Without a cooldown nothing is written: bundles stay as they were.
    assert "pacing" not in build_bundle(Project(name="P", guides=[guide]))


def test_a_bundle_with_unsafe_thank_you_html_is_refused():
    from studio.export.canonical import content_digest

    data = build_bundle(Project(name="P", guides=[Survey.model_validate(survey({"id": "q", "type": "nps"}))]))
    data["guides"][0]["thankYou"]["body"] = '<img src="x" onerror="alert(1)">'
    data.pop("digest")
    data["digest"] = content_digest(data)
    with pytest.raises(BundleError, match="thank-you screen"):
        check_bundle(data)


def test_an_older_bundle_without_surveys_or_pacing_still_validates():
    """The example bundle as exported before surveys landed."""
    bundle = check_bundle(json.loads((ROOT / "tests" / "vectors" / "bundle-before-surveys.json").read_text()))
    assert bundle.pacing.cooldown_hours == 0 and {g.kind for g in bundle.guides} >= {"banner", "walkthrough"}


def test_lint_says_when_a_survey_asks_nobody():
    from studio.domain.lint import lint

    asked = Survey.model_validate(survey({"id": "q", "type": "nps"}, trigger={"type": "automatic"}))
    nobody = asked.model_copy(update={"sample_percent": 0})
    assert lint([asked]) == []
    (problem,) = lint([nobody])
    assert (problem.rule, problem.field) == (
        "nobody-asked",
        "sample_percent",
    ) and "nobody sees it" in problem.message
