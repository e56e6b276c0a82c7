"""Recorder pictures show the app and the step's own element, never the recorder's UI (real Chromium)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from .runtime_helpers import html
from .test_recorder_session import recording  # noqa: F401 - the fixture

TOOLBAR = QColor("#1e1b4b")  # the recorder's toolbar and hover labels
OUTLINE = QColor("#7c3aed")  # the recorder's hover outline
RING = QColor("#f59e0b")  # the step's own element in its picture

FORM = html(
    '<h1 style="margin:0 0 40px">Sign up</h1>'
    '<p><label for="email">Work email</label><br><input id="email" style="width:300px"></p>'
    '<p style="margin-top:120px"><label for="company">Company</label><br>'
    '<input id="company" style="width:300px"></p>'
    '<p style="margin-top:120px"><button id="go" type="button">Continue</button></p>',
)


def image(png: bytes) -> QImage:
    picture = QImage.fromData(png, "PNG")
    assert not picture.isNull()
    return picture.convertToFormat(QImage.Format.Format_RGB32)


def count(
    picture: QImage, colour: QColor, box: tuple[int, int, int, int] | None = None, tol: int = 12
) -> int:
    """Pixels within ``tol`` of ``colour`` (in ``box`` = x, y, w, h, or everywhere)."""
    x0, y0, w, h = box or (0, 0, picture.width(), picture.height())
    found = 0
    for y in range(max(0, y0), min(picture.height(), y0 + h), 2):
        for x in range(max(0, x0), min(picture.width(), x0 + w), 2):
            c = picture.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) <= tol
                and abs(c.green() - colour.green()) <= tol
                and abs(c.blue() - colour.blue()) <= tol
            ):
                found += 1
    return found


def around(rect: dict, pad: int = 12) -> tuple[int, int, int, int]:
    return (
        int(rect["x"]) - pad,
        int(rect["y"]) - pad,
        int(rect["width"]) + 2 * pad,
        int(rect["height"]) + 2 * pad,
    )


@pytest.fixture
def form_url(server):
    return server.page("/signup.html", FORM)


def test_the_recorder_ui_is_on_screen_but_not_in_the_pictures(recording, form_url):  # noqa: F811
    rec = recording(form_url, redact_inputs=False)
    rec.do(lambda p: p.locator("#go").hover())
    live = image(rec.do(lambda p: p.screenshot()))
    # the toolbar, the hover outline and its label are really there for the author …
    assert count(live, TOOLBAR) > 200 and count(live, OUTLINE) > 20
    rec.do(lambda p: p.locator("#go").click())
    capture = rec.next("capture").capture
    picture, thumb = image(capture.screenshot), image(capture.thumbnail)
    # … and absent from the step's pictures, which outline the clicked button instead
    assert count(picture, TOOLBAR) == 0 and count(picture, OUTLINE) == 0
    assert count(thumb, TOOLBAR) == 0 and count(thumb, OUTLINE) == 0
    box = rec.do(lambda p: p.locator("#go").bounding_box())
    rect = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}
    assert count(picture, RING, around(rect)) > 20 and count(thumb, RING) > 20
    assert count(picture, RING) == count(picture, RING, around(rect))  # nowhere else
    # the outline was only there for the picture
    assert rec.do(lambda p: p.locator("[data-guide-recorder-shot]").count()) == 0


def test_a_typing_step_is_pictured_with_its_own_field(recording, form_url):  # noqa: F811
    rec = recording(form_url, redact_inputs=False)
    rec.do(lambda p: p.locator("#email").click())
    rec.do(lambda p: p.keyboard.type("dana@example.com"))
    # The author moves on: the pointer (and the recorder's hover outline) are on the next field
    # when the browser reports the typing (on leaving the field).
    rec.do(lambda p: p.locator("#company").click())
    capture = rec.next("capture").capture
    assert capture.kind == "input" and capture.name == "Work email"
    email = rec.do(lambda p: p.locator("#email").bounding_box())
    company = rec.do(lambda p: p.locator("#company").bounding_box())
    picture = image(capture.screenshot)
    assert count(picture, RING, around(email)) > 20
    assert count(picture, RING, around(company)) == 0
    assert count(picture, OUTLINE) == 0 and count(picture, TOOLBAR) == 0
    thumb = image(capture.thumbnail)
    assert count(thumb, RING) > 20  # the crop is around the email field, its own ring inside


FOCUS = QColor("#00aa50")  # the sign-in page's own focus outline: which field the author is in
SIGN_IN = html(
    '<form action="/welcome.html"><h1 style="margin:0 0 40px">Sign in</h1>'
    '<p><label for="email">Work email</label><br><input id="email" name="email" style="width:300px"></p>'
    '<p style="margin-top:120px"><label for="pw">Password</label><br>'
    '<input id="pw" type="password" style="width:300px"></p>'
    '<p style="margin-top:120px"><button id="go">Sign in</button></p></form>',
    head="<style>input:focus { outline: 4px solid #00aa50; outline-offset: 2px; }</style>",
)


@pytest.fixture
def sign_in_url(server):
    server.page("/welcome.html", html('<h1 style="background:#00aa50;height:400px">Welcome</h1>'))
    return server.page("/sign-in.html", SIGN_IN)


def typed_into_email(rec, leave):
    """Type into Work email as an author does, leave it with ``leave(page)``: the typing step."""
    rec.do(lambda p: p.locator("#email").click())
    rec.do(lambda p: p.keyboard.type("dana@example.com", delay=30))
    rec.do(lambda p: p.wait_for_timeout(300))  # the author looks up before moving on
    rec.do(leave)
    capture = rec.next("capture").capture
    assert capture.kind == "input" and capture.name == "Work email"
    return capture


def boxes(rec) -> tuple[dict, dict]:
    return (
        rec.do(lambda p: p.locator("#email").bounding_box()),
        rec.do(lambda p: p.locator("#pw").bounding_box()),
    )


@pytest.mark.parametrize(
    "leave",
    [
        pytest.param(lambda p: p.locator("#pw").click(), id="click-the-next-field"),
        pytest.param(lambda p: p.keyboard.press("Tab"), id="tab-to-the-next-field"),
    ],
)
def test_a_typing_step_is_pictured_while_its_field_is_the_one_typed_into(recording, sign_in_url, leave):  # noqa: F811
    """The browser reports typing when the author has already moved on (focus in the next field);
    the step's picture is the field being typed into: its ring and its focus, not the next field's."""
    rec = recording(sign_in_url, redact_inputs=False)
    email, password = boxes(rec)
    capture = typed_into_email(rec, leave)
    picture = image(capture.screenshot)
    assert count(picture, RING, around(email)) > 20 and count(picture, RING, around(password)) == 0
    assert count(picture, FOCUS, around(email)) > 20, "the email field is the one focused in its picture"
    assert count(picture, FOCUS, around(password)) == 0, "the password field is not focused yet"
    assert count(image(capture.thumbnail), FOCUS) > 20


def test_a_typing_step_committed_by_enter_is_pictured_on_its_own_page(recording, sign_in_url):  # noqa: F811
    """Enter submits the form: the typing step's picture is the sign-in form, not the next page."""
    rec = recording(sign_in_url, redact_inputs=False)
    email, _ = boxes(rec)
    capture = typed_into_email(rec, lambda p: p.keyboard.press("Enter"))
    rec.do(lambda p: p.wait_for_url("**/welcome.html*"))
    picture = image(capture.screenshot)
    assert count(picture, RING, around(email)) > 20 and count(picture, FOCUS, around(email)) > 20
    assert count(picture, FOCUS) < 2000, "not the welcome page"


def test_the_ring_is_drawn_for_the_picture_only(recording, form_url):  # noqa: F811
    """The author never sees the ring (a typing step is photographed while the author types)."""
    rec = recording(form_url, redact_inputs=False)
    box = rec.do(lambda p: p.locator("#email").bounding_box())
    assert rec.do(lambda p: p.evaluate("r => GuideRecorder.photo(r)", box)) is True
    try:
        assert count(image(rec.do(lambda p: p.screenshot())), RING) == 0
    finally:
        rec.do(lambda p: p.evaluate("() => GuideRecorder.photo(null)"))
