"""Replay of a survey: each question answered with a sample answer through real input, and the answer the
runtime reports checked against it; then the thank-you screen and ``guide_completed``."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..domain import Survey
from .own_ui import CHECKED, LABELS, ControlError, click, part, type_into
from .results import StepResult

if TYPE_CHECKING:
    from .guide_run import GuideRun

SAMPLE_TEXT = "Sample answer from replay"


def sample_answer(question: Any) -> Any:
    """The answer replay gives: a promoter's 9, a 4 of 5, the top of a rating, the first option, some text."""
    kind = question.type
    if kind == "nps":
        return 9
    if kind == "csat":
        return 4
    if kind == "rating":
        return question.scale
    if kind == "single_choice":
        return question.options[0].id
    if kind == "multiple_choice":
        return [question.options[0].id]
    return SAMPLE_TEXT


def survey_plan(guide: Survey) -> list[StepResult]:
    """One result per question."""
    return [StepResult(question.id, i, question.text) for i, question in enumerate(guide.questions)]


async def play_survey(run: GuideRun, player: Any) -> None:
    """Answer every question in turn; a wrong screen or answer fails that question (the rest: not reached)."""
    guide: Survey = run.guide
    page = run.page
    for index, question in enumerate(guide.questions):
        outcome = run.result.steps[index]
        run.current = outcome
        began = time.monotonic()
        probe = await run._probe(
            None,
            {
                "waitFor": {"selector": ".gs-survey", "ms": run._event_ms(5_000), "what": "survey"},
                "callout": True,
            },
            5 + run.link.seconds,
        )
        if probe["status"] != "ok":
            await run._judge(
                outcome, "not_found" if probe["status"] == "missing" else probe["status"], probe["detail"]
            )
            return
        legends = await run.call(page.evaluate(LABELS, ".gs-survey legend"))
        legend = legends[0] if legends else ""
        if legend != question.text:
            await run._judge(outcome, "wrong_screen", f"the survey asks “{legend}”, not “{question.text}”")
            return
        if run.a11y and not await player._accessible(outcome):
            return
        value = sample_answer(question)
        try:
            if question.type == "open_text":
                await type_into(run, ".gs-survey textarea", value)
            else:
                picked = value[0] if isinstance(value, list) else value
                answer = f'.gs-survey input[value="{picked}"]'
                await click(run, answer)
                if not await run.call(page.evaluate(CHECKED, answer)):
                    raise ControlError(f"not picked by a click on its label ({picked!r})")
            shot = await run._shot()  # the question with its sample answer, as the docs show it
            await click(run, ".gs-survey button[type=submit]")
        except ControlError as exc:
            await run._judge(outcome, "error", f"could not answer the question: the control is {exc}")
            return
        answer = await run.link.wait_event(
            lambda name, detail, q=question.id: name == "survey_answered" and detail.get("questionId") == q,
            2 + run.link.seconds / 4,
        )
        if answer is None or answer[1].get("value") != value:
            got = "no answer" if answer is None else f"the answer {answer[1].get('value')!r}"
            await run._judge(outcome, "wrong_answer", f"answered {value!r}, the runtime reported {got}")
            return
        follow = question.type == "nps" and question.follow_up and question.follow_up.promoter
        if follow:
            try:
                await type_into(run, ".gs-survey textarea", SAMPLE_TEXT)
                await click(run, ".gs-survey button[type=submit]")
            except ControlError as exc:
                await run._judge(outcome, "error", f"could not answer the follow-up: the control is {exc}")
                return
        outcome.status = "passed"
        outcome.screenshot = shot
        outcome.seconds = time.monotonic() - began
    done = await run.link.wait_event(lambda name, detail: name == "guide_completed", 2 + run.link.seconds / 4)
    last = run.result.steps[-1]
    if done is None:
        await run._judge(last, "not_completed", "the survey did not complete after its last answer")
    elif guide.thank_you.title and not await _shows(run, guide.thank_you.title):
        await run._judge(last, "not_found", "the thank-you screen did not show")
    run.current = None


async def _shows(run: GuideRun, text: str) -> bool:
    """Whether the survey shows ``text`` (its thank-you title) on screen."""
    try:
        await part(run, ".gs-survey legend", 1_000, text)
    except ControlError:
        return False
    return True
