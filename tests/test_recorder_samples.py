"""Recorded typing becomes a test's sample input; a secret field makes the test ask for a value."""

from __future__ import annotations

from studio.domain import Advance, AutomaticTrigger, SelectorCandidate, Step, Target, UrlRule, Walkthrough
from studio.recorder import step_from_capture
from studio.recorder.events import Capture
from studio.replay import replay

from .runtime_helpers import bundle_of, html


def field(element_id: str) -> Target:
    return Target(candidates=[SelectorCandidate(kind="id", value=f"#{element_id}", score=0.85)])


def capture(value: str | None, *, sensitive: bool) -> Capture:
    return Capture(
        kind="input",
        url="http://127.0.0.1/signin.html",
        target=field("pw" if sensitive else "email"),
        role="textbox",
        name="Password" if sensitive else "Work email",
        confidence=0.9,
        value=value,
        sensitive=sensitive,
    )


def test_typed_values_are_sample_input_and_secrets_never_are():
    assert step_from_capture(capture("dana@example.com", sensitive=False), "s").advance.sample_input == (
        "dana@example.com"
    )
    assert step_from_capture(capture("hunter2", sensitive=True), "s").advance.sample_input is None
    assert step_from_capture(capture("", sensitive=False), "s").advance.sample_input is None
    assert len(step_from_capture(capture("x" * 900, sensitive=False), "s").advance.sample_input) == 500


def test_a_recorded_secret_field_asks_for_input_while_other_fields_replay_their_sample(server):
    server.page(
        "/signin.html",
        html(
            '<label for="email">Work email</label><input id="email">'
            '<label for="pw">Password</label><input id="pw" type="password">'
        ),
    )
    steps = [
        step_from_capture(capture("dana@example.com", sensitive=False), "email"),
        step_from_capture(capture(None, sensitive=True), "password"),
    ]
    steps = [s.model_copy(update={"page": None}) for s in steps] + [Step(id="done", title="Done")]
    guide = Walkthrough(
        id="sign-in",
        name="Sign in",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/signin.html")),
        steps=steps,
    )
    assert steps[0].advance == Advance(mode="input", sample_input="dana@example.com")
    bundle, url = bundle_of(guide), server.url + "/"
    (result,) = replay(bundle, url, screenshots=False)
    email, password, done = result.steps
    assert email.status == "passed"
    assert (password.status, password.reason) == ("failed", "needs_input")
    assert "--input sign-in.password=VALUE" in password.detail and "login recipe" in password.detail
    assert done.status == "skipped"
    (given,) = replay(bundle, url, inputs={"sign-in.password": "hunter2"}, screenshots=False)
    assert given.passed, [(s.step_id, s.status, s.detail) for s in given.steps]
