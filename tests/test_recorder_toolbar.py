"""The recorder's toolbar keeps out of the way, clicks can pass through, the picker climbs (real Chromium)."""

from __future__ import annotations

import queue

import pytest

from .runtime_helpers import html
from .test_recorder_session import recording  # noqa: F401 - the fixture

BAR = "[data-guide-recorder] .bar"


def box(rec, selector: str) -> dict:
    return rec.do(lambda p: p.locator(selector).bounding_box())


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def label(rec) -> str:
    return rec.do(lambda p: p.locator("[data-guide-recorder] .tag").inner_text())


def toolbar_button(rec, name: str):
    return rec.do(lambda p: p.get_by_role("toolbar").get_by_role("button", name=name).click())


def no_capture(rec, wait: float = 0.6) -> bool:
    """True when no capture arrives within ``wait`` seconds."""
    try:
        while True:
            if rec.events.get(timeout=wait).kind == "capture":
                return False
    except queue.Empty:
        return True


@pytest.fixture
def header_page(server):
    return server.page(
        "/header.html",
        html(
            '<header id="top" style="position:fixed;top:0;right:0;width:640px;height:64px;background:#eef">'
            '<button id="account" style="position:absolute;right:24px;top:16px">Account settings</button>'
            "</header>"
            '<p style="margin-top:200px"><button id="low">Lower button</button></p>'
        ),
    )


def test_the_toolbar_moves_off_the_element_it_would_cover(recording, header_page):  # noqa: F811
    rec = recording(header_page)
    header = box(rec, "#top")
    rec.do(lambda p: p.mouse.move(header["x"] + 10, header["y"] + 10))  # the header is outlined
    moved = box(rec, BAR)
    assert not overlap(moved, header) and moved["y"] > 400
    rec.do(lambda p: p.locator("#account").click())  # Playwright checks nothing covers it
    assert rec.next("capture").capture.name == "Account settings"
    # it stays put while the pointer crosses the page, and it does not jump back and forth
    rec.do(lambda p: p.locator("#low").hover())
    assert box(rec, BAR) == moved


def test_the_toolbar_starts_off_the_apps_own_controls_and_stays_off_them_paused(recording, header_page):  # noqa: F811
    # the default top-right spot would cover the header's button (an app's user menu): a paused author
    # clicks around the app, and nothing is outlined to move the toolbar away
    rec = recording(header_page)
    assert not overlap(box(rec, BAR), box(rec, "#account"))
    toolbar_button(rec, "Pause")
    rec.do(lambda p: p.mouse.move(5, 300))
    assert not overlap(box(rec, BAR), box(rec, "#account"))
    rec.do(lambda p: p.locator("#account").click())  # Playwright checks nothing covers it


def test_the_toolbar_finds_a_free_spot_when_both_right_corners_hold_controls(recording, server):  # noqa: F811
    url = server.page(
        "/corners.html",
        html(
            '<button id="menu" style="position:fixed;top:14px;right:20px">Jane Pearson</button>'
            '<button id="buy" style="position:fixed;bottom:14px;right:20px">Buy now</button>'
        ),
    )
    rec = recording(url)
    bar = box(rec, BAR)
    assert not overlap(bar, box(rec, "#menu")) and not overlap(bar, box(rec, "#buy"))


def test_the_toolbar_can_be_dragged_and_collapsed(recording, header_page):  # noqa: F811
    rec = recording(header_page)
    grip = box(rec, "[data-guide-recorder] .grip")
    start = box(rec, BAR)

    def drag(p) -> None:
        p.mouse.move(grip["x"] + 3, grip["y"] + 3)
        p.mouse.down()
        p.mouse.move(300, 500, steps=5)
        p.mouse.up()

    rec.do(drag)
    dragged = box(rec, BAR)
    assert abs(dragged["x"] - (start["x"] + 300 - grip["x"] - 3)) <= 2
    assert abs(dragged["y"] - (start["y"] + 500 - grip["y"] - 3)) <= 2
    assert no_capture(rec)  # a drag records nothing
    toolbar_button(rec, "Collapse the toolbar")
    collapsed = box(rec, BAR)
    assert collapsed["width"] < dragged["width"] * 0.5 and collapsed["x"] == dragged["x"]
    assert not rec.do(lambda p: p.get_by_role("button", name="Pick").is_visible())
    toolbar_button(rec, "Expand the toolbar")
    assert box(rec, BAR)["width"] == dragged["width"]


def test_shift_click_and_pass_one_click_reach_the_app_unrecorded(recording, server):  # noqa: F811
    url = server.page(
        "/count.html",
        html(
            '<output id="n">0</output>'
            + "".join(
                f'<button id="{b}" onclick="n.textContent = +n.textContent + 1">{b}</button>'
                for b in ("shifted", "passed", "recorded")
            )
        ),
    )
    rec = recording(url)
    rec.do(lambda p: p.locator("#shifted").click(modifiers=["Shift"]))
    toolbar_button(rec, "Pass one click")
    assert rec.do(lambda p: p.locator("[data-guide-recorder] .state").inner_text()) == "Next click passes"
    rec.do(lambda p: p.locator("#passed").click())
    rec.do(lambda p: p.locator("#recorded").click())
    first = rec.next("capture").capture  # the only click recorded is the last one
    assert first.name == "recorded"
    assert (
        rec.do(lambda p: p.wait_for_function("n.textContent === '3'") and p.locator("#n").inner_text()) == "3"
    )
    assert no_capture(rec)


def test_a_shift_clicked_link_opens_here_as_a_plain_click(recording, server):  # noqa: F811
    url = server.page("/links.html", html('<a id="next" href="#details">Details</a>'))
    rec = recording(url)
    rec.do(lambda p: p.locator("#next").click(modifiers=["Shift"]))
    assert rec.do(lambda p: p.wait_for_url("**#details") or p.url).endswith("#details")
    assert rec.do(lambda p: len(p.context.pages)) == 1  # not a new window
    assert no_capture(rec)


@pytest.fixture
def card_page(server):
    return server.page(
        "/plans.html",
        html(
            '<section data-testid="plan-card" aria-label="Pro plan" style="padding:24px;width:300px">'
            '<h2>Pro</h2><p>For growing teams</p><button data-testid="buy">Buy Pro</button></section>'
        ),
    )


def test_the_picker_selects_the_parent_and_child_by_keyboard(recording, card_page):  # noqa: F811
    rec = recording(card_page, mode="pick")
    rec.do(lambda p: p.get_by_test_id("buy").hover())
    assert label(rec).startswith('button "Buy Pro"')
    rec.do(lambda p: p.keyboard.press("ArrowUp"))
    assert "Pro plan" in label(rec)
    outline, card = box(rec, "[data-guide-recorder] .box"), box(rec, "section")
    assert abs(outline["width"] - card["width"] - 4) <= 1
    rec.do(lambda p: p.keyboard.press("]"))  # back down the way it came
    assert label(rec).startswith('button "Buy Pro"')
    rec.do(lambda p: p.keyboard.press("["))
    rec.do(lambda p: p.get_by_test_id("buy").click())  # a click on where it started picks the parent
    picked = rec.next("capture").capture
    assert picked.kind == "pick" and picked.target.candidates[0].value == "plan-card"
    assert rec.session.mode == "pause"


def test_the_picker_toolbar_offers_parent_child_and_use(recording, card_page):  # noqa: F811
    rec = recording(card_page, mode="pick")
    rec.do(lambda p: (p.get_by_test_id("buy").hover(), p.wait_for_timeout(400)))
    toolbar_button(rec, "Parent ↑")  # the pointer crossed the page on its way; the buy button is kept
    assert "Pro plan" in label(rec)
    toolbar_button(rec, "Child ↓")
    assert label(rec).startswith('button "Buy Pro"')
    toolbar_button(rec, "Parent ↑")
    toolbar_button(rec, "Use ↵")
    picked = rec.next("capture").capture
    assert picked.kind == "pick" and picked.target.candidates[0].value == "plan-card"


def test_a_previewed_top_banner_does_not_hide_the_toolbar(recording, demo_server):  # noqa: F811
    """Walk finding (Gentelella, Tabler): previewing a top banner laid it over the recorder's toolbar
    (the runtime shows in the top layer), so Pause and End could not be reached until it was closed;
    the toolbar is above it now, and out of the way of the banner's own buttons."""
    from studio.app.recording import preview_in_browser
    from studio.app.tasks import Preview, preview_script
    from studio.domain import Banner, Button, ManualTrigger, Project, Step

    banner = Banner(
        id="b",
        name="Notice",
        trigger=ManualTrigger(),
        steps=[
            Step(
                id="s", body="<p>Something new is here.</p>", buttons=[Button(label="Got it", action="close")]
            )
        ],
    )
    project = Project(name="P", guides=[banner])
    rec = recording(demo_server.url + "/index.html", "pause")
    url = demo_server.url + "/settings.html"
    rec.do(lambda p: preview_in_browser(p, Preview(preview_script(project, "b"), url, {})))
    rec.do(lambda p: p.locator("[data-guide-runtime] .gs-banner").wait_for(timeout=10_000))
    got_it = rec.do(lambda p: p.locator("[data-guide-runtime] .gs-banner button", has_text="Got it"))
    rec.do(lambda p: p.wait_for_timeout(800))  # the toolbar moves off the banner's controls
    assert not overlap(box(rec, BAR), rec.do(lambda p: got_it.bounding_box()))
    end = box(rec, "[data-guide-recorder] .bar button:text('End (Esc)')")
    top = rec.do(
        lambda p: p.evaluate(
            "([x, y]) => !!document.elementFromPoint(x, y)?.closest('[data-guide-recorder]')",
            [end["x"] + end["width"] / 2, end["y"] + end["height"] / 2],
        )
    )
    assert top, "the banner lies over the recorder's toolbar"
    toolbar_button(rec, "End (Esc)")  # Playwright checks nothing covers it
    assert rec.next("mode").message == "ended from the page"
    rec.do(lambda p: got_it.click(timeout=5000))  # and nothing covers the banner's own button
    rec.do(lambda p: p.locator("[data-guide-runtime] .gs-banner").wait_for(state="detached", timeout=5000))


@pytest.fixture
def dashboard_page(server):
    """Gentelella's index: a user menu at the top right, panel links at the bottom right, a page that scrolls."""
    return server.page(
        "/dash.html",
        html(
            '<nav style="height:56px;text-align:right"><a href="#inbox" id="inbox">Inbox</a> '
            '<a href="#me" id="me" style="margin-right:20px">John Doe</a></nav>'
            '<div style="height:660px"></div>'
            '<ul style="text-align:right;margin:0;padding-right:40px;list-style:none">'
            '<li><a href="#renew" id="renew">Auto Renewal</a></li><li><a href="#ach">Achievements</a></li>'
            '<li><a href="#x1">Settings</a></li><li><a href="#x2">Subscription</a></li></ul>'
            '<div style="height:900px"></div>'
        ),
    )


def test_on_a_dashboard_the_toolbar_leaves_the_top_bar_free(recording, dashboard_page):  # noqa: F811
    """Both spots covered the app's controls, so it stayed on the user menu, and even on the element the
    author outlined: the outlined element comes first, then the top bar (what is below scrolls away)."""
    rec = recording(dashboard_page)
    rec.do(lambda p: p.mouse.move(5, 300))
    assert not overlap(box(rec, BAR), box(rec, "#me")) and not overlap(box(rec, BAR), box(rec, "#inbox"))
    rec.do(lambda p: p.locator("#renew").hover(force=True))  # the author goes for a link under the toolbar
    assert not overlap(box(rec, BAR), box(rec, "#renew"))
