"""Typing becomes one step per committed value (change on leaving, or Enter), in order with the
clicks around it (real Chromium)."""

from __future__ import annotations

import pytest

from .runtime_helpers import html
from .test_recorder_pictures import RING, around, count, image
from .test_recorder_session import recording  # noqa: F401 - the fixture

CHAT = html(
    '<form id="chat" onsubmit="event.preventDefault(); this.q.value = \'\'">'
    '<label for="q">Message</label> <input id="q" name="q" style="width:300px"></form>'
    '<p style="margin-top:120px"><button id="other" type="button">Other</button></p>'
)


@pytest.fixture
def chat_url(server):
    return server.page("/chat.html", CHAT)


def test_enter_commits_once_and_the_same_words_typed_again_are_a_new_step(recording, chat_url):  # noqa: F811
    rec = recording(chat_url, redact_inputs=False)
    rec.do(lambda p: p.locator("#q").click())
    for _ in range(2):  # the app clears the field on Enter; the author sends the same words again
        rec.do(lambda p: p.keyboard.type("hello", delay=20))
        rec.do(lambda p: p.keyboard.press("Enter"))
        sent = rec.next("capture").capture
        assert (sent.kind, sent.name, sent.value) == ("input", "Message", "hello")
    rec.do(lambda p: p.locator("#other").click())
    after = rec.next("capture").capture  # not a second step for the field the author left
    assert (after.kind, after.name) == ("click", "Other")


def test_typing_then_clicking_a_button_arrive_in_order_each_pictured_with_its_own_element(
    recording,  # noqa: F811
    chat_url,
):
    rec = recording(chat_url, redact_inputs=False)
    field = rec.do(lambda p: p.locator("#q").bounding_box())
    button = rec.do(lambda p: p.locator("#other").bounding_box())
    rec.do(lambda p: p.locator("#q").click())
    rec.do(lambda p: p.keyboard.type("hello"))  # no pause: the click comes straight after
    rec.do(lambda p: p.locator("#other").click())
    typed, clicked = rec.next("capture").capture, rec.next("capture").capture
    assert (typed.kind, typed.value, clicked.kind) == ("input", "hello", "click")
    for capture, own, other in ((typed, field, button), (clicked, button, field)):
        picture = image(capture.screenshot)
        assert count(picture, RING, around(own)) > 20 and count(picture, RING, around(other)) == 0
