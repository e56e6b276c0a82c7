"""Walkthroughs played by the shipped runtime in real Chromium."""

from __future__ import annotations

from studio.domain import Advance, AutomaticTrigger, SelectorCandidate, Step, Target, UrlRule, Walkthrough

from .runtime_helpers import Player, bundle_of, callout, html
from .samples import make_target

PAGE = html(
    '<h1>Settings</h1><button data-testid="save">Save</button>'
    '<label for="name">Company name</label><input id="name">'
    '<button data-testid="other" onclick="setTimeout(function(){var b=document.createElement(\'p\');'
    "b.id='later';b.textContent='Saved!';document.body.appendChild(b)},100)\">Other</button>"
    '<a href="/next.html" data-testid="go">Next page</a>'
    "<button data-testid=\"spa\" onclick=\"history.pushState({}, '', '/spa/done')\">Route</button>"
)


def name_target():
    return Target(candidates=[SelectorCandidate(kind="label", value="Company name", score=0.8)])


def by_css(selector: str) -> Target:
    return Target(candidates=[SelectorCandidate(kind="css", value=selector, score=0.9)])


def tour(*steps, **kw):
    return Walkthrough(id="tour", name="Tour", trigger=AutomaticTrigger(), steps=list(steps), **kw)


def test_steps_back_next_progress_and_done(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page,
        bundle_of(
            tour(
                Step(
                    id="one",
                    title="First",
                    body="<p>Hello <b>there</b></p>",
                    target=make_target("save", "Save"),
                ),
                Step(id="two", title="Second", target=make_target("other", "Other")),
                Step(id="three", title="All done", body="<p>Centred</p>"),
            )
        ),
    )
    page.goto(url)
    box = callout(page)
    box.wait_for()
    assert box.get_attribute("role") == "dialog"
    assert page.locator("[data-guide-runtime] .gs-title").inner_text() == "First"
    assert page.locator("[data-guide-runtime] .gs-body b").inner_text() == "there"
    assert page.locator("[data-guide-runtime] .gs-progress").inner_text() == "1 of 3"
    assert "Back" not in box.inner_text()
    page.get_by_role("button", name="Next").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Second").wait_for()
    page.get_by_role("button", name="Back").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="First").wait_for()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="All done").wait_for()
    page.locator("[data-guide-runtime] .gs-callout.gs-center").wait_for(timeout=2000)  # placed in a frame
    page.get_by_role("button", name="Done").click()
    player.wait_event("guide_completed")
    assert callout(page).count() == 0
    assert player.names() == [
        "guide_started",
        "step_shown",
        "step_completed",
        "step_shown",
        "step_shown",
        "step_completed",
        "step_shown",
        "step_completed",
        "step_shown",
        "step_completed",
        "guide_completed",
    ]


def test_callout_sits_beside_its_target(page, server):
    url = server.page("/app.html", PAGE)
    Player(
        page,
        bundle_of(
            tour(Step(id="one", title="Save it", target=make_target("save", "Save"), placement="bottom"))
        ),
    )
    page.goto(url)
    callout(page).wait_for()
    page.wait_for_timeout(300)
    target = page.get_by_test_id("save").bounding_box()
    box = callout(page).bounding_box()
    assert box["y"] >= target["y"] + target["height"]
    assert abs((box["x"] + box["width"] / 2) - (target["x"] + target["width"] / 2)) < box["width"] / 2
    highlight = page.locator("[data-guide-runtime] .gs-hl").bounding_box()
    assert highlight["x"] < target["x"] and highlight["y"] < target["y"]


def test_advance_on_click_input_element_and_url(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page,
        bundle_of(
            tour(
                Step(
                    id="click",
                    title="Click save",
                    target=make_target("save", "Save"),
                    advance=Advance(mode="click"),
                ),
                Step(id="type", title="Type a name", target=name_target(), advance=Advance(mode="input")),
                Step(
                    id="appear",
                    title="Press other",
                    target=make_target("other", "Other"),
                    advance=Advance(mode="element", element=by_css("#later")),
                ),
                Step(
                    id="route",
                    title="Change route",
                    target=make_target("spa", "Route"),
                    advance=Advance(mode="url", url=UrlRule(match="exact", value="/spa/done")),
                ),
                Step(id="end", title="The end"),
            )
        ),
    )
    page.goto(url)
    callout(page).wait_for()
    assert page.get_by_role("button", name="Next").count() == 0  # click steps advance by the click itself
    page.get_by_test_id("save").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Type a name").wait_for()
    page.get_by_label("Company name").fill("Acme")
    page.locator("[data-guide-runtime] .gs-title", has_text="Press other").wait_for()
    page.get_by_test_id("other").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Change route").wait_for()
    page.get_by_test_id("spa").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="The end").wait_for()
    completed = [d["stepId"] for n, d in player.events if n == "step_completed"]
    assert completed == ["click", "type", "appear", "route"]


def test_continues_across_a_full_page_load(page, server):
    url = server.page("/app.html", PAGE)
    server.page("/next.html", html('<h1>Next</h1><button data-testid="finish">Finish</button>'))
    player = Player(
        page,
        bundle_of(
            tour(
                Step(
                    id="go",
                    title="Open the next page",
                    target=make_target("go", "Next page"),
                    advance=Advance(mode="click"),
                    page=UrlRule(match="exact", value="/app.html"),
                ),
                Step(
                    id="there",
                    title="Finish here",
                    target=make_target("finish", "Finish"),
                    page=UrlRule(match="exact", value="/next.html"),
                ),
            )
        ),
    )
    page.goto(url)
    callout(page).wait_for()
    with page.expect_navigation():
        page.get_by_test_id("go").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Finish here").wait_for()
    assert page.url.endswith("/next.html")
    page.get_by_role("button", name="Done").click()
    player.wait_event("guide_completed")
    assert player.names().count("guide_started") == 1


def test_waits_for_its_page_in_a_single_page_app(page, server):
    url = server.page("/spa/*", PAGE)
    Player(
        page,
        bundle_of(
            tour(
                Step(id="a", title="On start", target=make_target("spa", "Route")),
                Step(id="b", title="On done page", page=UrlRule(match="exact", value="/spa/done")),
            )
        ),
    )
    page.goto(url + "start")
    callout(page).wait_for()
    page.get_by_role("button", name="Next").click()
    page.wait_for_timeout(300)
    assert callout(page).count() == 0  # step 2 waits for its page
    page.get_by_test_id("spa").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="On done page").wait_for()


def test_keyboard_only(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page,
        bundle_of(
            tour(
                Step(id="one", title="First", target=make_target("save", "Save")),
                Step(id="two", title="Second", target=make_target("other", "Other")),
            )
        ),
    )
    page.goto(url)
    callout(page).wait_for()
    focused = page.evaluate(
        "document.querySelector('[data-guide-runtime]').shadowRoot.activeElement.textContent"
    )
    assert focused == "Next"
    page.keyboard.press("Enter")
    page.locator("[data-guide-runtime] .gs-title", has_text="Second").wait_for()
    page.keyboard.press("ArrowLeft")
    page.locator("[data-guide-runtime] .gs-title", has_text="First").wait_for()
    page.keyboard.press("ArrowRight")
    page.locator("[data-guide-runtime] .gs-title", has_text="Second").wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    player.wait_event("guide_dismissed")
    assert callout(page).count() == 0
