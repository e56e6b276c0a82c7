"""Replay of a survey: each question answered with a sample answer through real input, and the answer the
runtime reports checked against it; then the thank-you screen and ``guide_completed``."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..domain import Survey
from .results import StepResult

if TYPE_CHECKING:
    from .guide_run import GuideRun

PANEL = "[data-guide-runtime] .gs-survey"
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
        legend = await run.call(page.locator(f"{PANEL} legend").inner_text(timeout=2_000))
        if legend.strip() != question.text:
            await run._judge(
                outcome, "wrong_screen", f"the survey asks “{legend.strip()}”, not “{question.text}”"
            )
            return
        if run.a11y and not await player._accessible(outcome):
            return
        value = sample_answer(question)
        if question.type == "open_text":
            await run.call(page.locator(f"{PANEL} textarea").fill(value, timeout=2_000))
        else:
            picked = value[0] if isinstance(value, list) else value
            await run.call(page.locator(f'{PANEL} input[value="{picked}"]').check(timeout=2_000))
        shot = await run._shot()  # the question with its sample answer, as the docs show it
        await run.call(page.locator(f"{PANEL} button[type=submit]").click(timeout=2_000))
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
            await run.call(page.locator(f"{PANEL} textarea").fill(SAMPLE_TEXT, timeout=2_000))
            await run.call(page.locator(f"{PANEL} button[type=submit]").click(timeout=2_000))
        outcome.status = "passed"
        outcome.screenshot = shot
        outcome.seconds = time.monotonic() - began
    done = await run.link.wait_event(lambda name, detail: name == "guide_completed", 2 + run.link.seconds / 4)
    last = run.result.steps[-1]
    if done is None:
        await run._judge(last, "not_completed", "the survey did not complete after its last answer")
    elif guide.thank_you.title and not await run.call(
        page.get_by_text(guide.thank_you.title).first.is_visible()
    ):
        await run._judge(last, "not_found", "the thank-you screen did not show")
    run.current = None
