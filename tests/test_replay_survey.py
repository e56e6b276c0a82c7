"""Replay answers a survey with sample answers and checks what the runtime reports."""

from __future__ import annotations

from studio.domain import AutomaticTrigger, Survey
from studio.replay import replay
from studio.replay.survey_play import SAMPLE_TEXT, sample_answer

from .runtime_helpers import bundle_of, html

QUESTIONS = [
    {"id": "nps", "type": "nps", "followUp": {"promoter": "What do you like?"}},
    {"id": "sat", "type": "csat", "text": "Satisfied?"},
    {"id": "rate", "type": "rating", "text": "Rate it", "style": "numbers", "scale": 7},
    {
        "id": "one",
        "type": "single_choice",
        "text": "Which?",
        "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    },
    {
        "id": "many",
        "type": "multiple_choice",
        "text": "Which ones?",
        "options": [{"id": "c", "label": "C"}, {"id": "d", "label": "D"}],
    },
    {"id": "open", "type": "open_text", "text": "Anything else?"},
]


def survey_bundle():
    guide = Survey.model_validate(
        {"id": "pulse", "name": "Pulse", "trigger": AutomaticTrigger().model_dump(), "questions": QUESTIONS}
    )
    return guide, bundle_of(guide)


def test_every_question_type_is_answered_and_checked(server):
    guide, bundle = survey_bundle()
    assert [sample_answer(q) for q in guide.questions] == [9, 4, 7, "a", ["c"], SAMPLE_TEXT]
    url = server.page("/app.html", html("<h1>App</h1>"))
    (result,) = replay(bundle, url, a11y=True)
    assert [(s.step_id, s.status) for s in result.steps] == [(q["id"], "passed") for q in QUESTIONS], [
        (s.step_id, s.status, s.reason, s.detail) for s in result.steps
    ]


def test_a_page_that_swallows_the_answer_fails_the_question(server):
    _guide, bundle = survey_bundle()
    swallow = (
        "<script>addEventListener('click', function (e) { if (e.composedPath()[0].type === 'submit')"
        " { e.stopImmediatePropagation(); e.preventDefault(); } }, true);</script>"
    )
    url = server.page("/app.html", html("<h1>App</h1>" + swallow))
    (result,) = replay(bundle, url)
    first = result.steps[0]
    assert (first.status, first.reason) == ("failed", "wrong_answer") and "no answer" in first.detail
    assert [s.status for s in result.steps[1:]] == ["skipped"] * 5
