"""Accessibility of the runtime's UI: axe-core, RTL, a phone viewport, reduced motion."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from studio.domain import (
    AutomaticTrigger,
    Checklist,
    ChecklistItem,
    Hotspot,
    Modal,
    Step,
    Tooltip,
    Walkthrough,
)

from .runtime_helpers import Player, bundle_of, callout, html
from .samples import make_target

AUTO = AutomaticTrigger()
PAGE = html(
    '<h1>Accessible app</h1><p>Some text.</p><button data-testid="save">Save</button>'
    '<button data-testid="new">New</button><label for="e">Email</label><input id="e" data-testid="email">'
)
TOUR = Walkthrough(
    id="tour",
    name="Tour",
    trigger=AUTO,
    steps=[
        Step(
            id="a",
            title="Save your work",
            body="<p>Click <b>Save</b> often.</p>",
            target=make_target("save", "Save"),
        ),
        Step(id="b", title="Done", body="<p>Bye</p>"),
    ],
)


def violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


@pytest.mark.parametrize(
    "guides",
    [
        [TOUR],
        [
            Modal(
                id="m",
                name="Welcome",
                trigger=AUTO,
                steps=[Step(id="m", title="Welcome", body="<p>Hello</p>")],
            )
        ],
        [
            Tooltip(
                id="t",
                name="Tip",
                trigger=AUTO,
                show_on="always",
                steps=[Step(id="t", title="Your email", target=make_target("email", "Email"))],
            )
        ],
        [
            Hotspot(
                id="h",
                name="New",
                trigger=AUTO,
                steps=[Step(id="h", title="New thing", target=make_target("new", "New"))],
            )
        ],
        [
            Checklist(
                id="c",
                name="C",
                title="Get started",
                trigger=AUTO,
                items=[ChecklistItem(id="i", title="Do it", description="It helps")],
            )
        ],
    ],
    ids=["walkthrough", "modal", "tooltip", "hotspot", "checklist"],
)
def test_no_axe_violations(page, server, guides):
    Player(page, bundle_of(*guides))
    page.goto(server.page("/app.html", PAGE))
    page.locator(
        "[data-guide-runtime] .gs-callout, [data-guide-runtime] .gs-beacon, [data-guide-runtime] .gs-launcher"
    ).first.wait_for()
    for opener in (".gs-beacon", ".gs-launcher"):
        if page.locator(f"[data-guide-runtime] {opener}").count():
            page.locator(f"[data-guide-runtime] {opener}").click()
            callout_or_panel = page.locator(
                "[data-guide-runtime] .gs-callout, [data-guide-runtime] .gs-panel"
            )
            callout_or_panel.first.wait_for()
    page.wait_for_timeout(250)  # entrance animation done: colour contrast is measured at rest
    assert violations(page) == []


def test_dialog_is_labelled_and_described(page, server):
    Player(page, bundle_of(TOUR))
    page.goto(server.page("/app.html", PAGE))
    dialog = page.get_by_role("dialog", name="Save your work")
    dialog.wait_for()
    described = dialog.get_attribute("aria-describedby")
    assert page.locator(f"[data-guide-runtime] #{described}").inner_text() == "Click Save often."


def test_right_to_left(page, server):
    Player(page, bundle_of(TOUR))
    page.goto(
        server.page(
            "/app.html", html('<h1>שלום</h1><button data-testid="save">שמור</button>', dir="rtl", lang="he")
        )
    )
    callout(page).wait_for()
    assert callout(page).evaluate("e => getComputedStyle(e).direction") == "rtl"
    close = page.locator("[data-guide-runtime] .gs-x").bounding_box()
    box = callout(page).bounding_box()
    assert close["x"] < box["x"] + box["width"] / 2, "the close button sits at the inline end (left in RTL)"


def test_phone_viewport_keeps_callouts_on_screen(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        wide = html(
            '<div style="display:flex;justify-content:flex-end"><button data-testid="save">Save</button></div>'
        )
        Player(
            page,
            bundle_of(
                Walkthrough(
                    id="t",
                    name="T",
                    trigger=AUTO,
                    steps=[
                        Step(
                            id="a",
                            title="A long title that wraps on a phone screen",
                            body="<p>" + "words " * 40 + "</p>",
                            target=make_target("save", "Save"),
                            placement="right",
                        )
                    ],
                )
            ),
        )
        page.goto(server.page("/app.html", wide))
        callout(page).wait_for()
        page.wait_for_timeout(300)
        box = callout(page).bounding_box()
        assert box["x"] >= 7 and box["x"] + box["width"] <= 353
        assert box["y"] >= 7 and box["y"] + box["height"] <= 633
        assert callout(page).get_attribute("data-side") in {"bottom", "top"}
    finally:
        context.close()


def test_reduced_motion_is_honoured(browser, server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        Player(
            page,
            bundle_of(
                Hotspot(
                    id="h",
                    name="New",
                    trigger=AUTO,
                    steps=[Step(id="h", title="New", target=make_target("new", "New"))],
                )
            ),
        )
        page.goto(server.page("/app.html", PAGE))
        beacon = page.locator("[data-guide-runtime] .gs-beacon")
        beacon.wait_for()
        assert beacon.evaluate("e => getComputedStyle(e, '::after').animationName") == "none"
    finally:
        context.close()


def test_no_axe_violations_in_the_later_states_of_each_kind(browser, server):
    """#13 item 11: every state of every kind, not only the first one shown."""
    from studio.domain import Banner, Button, Media

    url = server.page("/app.html", PAGE)
    server.page(
        "/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"/>', ctype="image/svg+xml"
    )

    def modal(src: str) -> Modal:
        step = Step(
            id="m",
            title="Hello",
            media=Media(src=src, alt="Our logo"),
            buttons=[Button(label="Close", action="close")],
        )
        return Modal(id="m", name="M", trigger=AUTO, steps=[step])

    def next_step(page):
        callout(page).wait_for()
        page.get_by_role("button", name="Next").click()
        page.get_by_role("dialog", name="Done").wait_for()

    def tick(page):
        page.locator("[data-guide-runtime] .gs-launcher").click()
        page.get_by_role("button", name="Do it").click()
        page.locator("[data-guide-runtime] .gs-done").wait_for()

    spot = Hotspot(
        id="h",
        name="New",
        trigger=AUTO,
        steps=[Step(id="h", title="New thing", target=make_target("new", "New"))],
    )
    checklist = Checklist(
        id="c",
        name="C",
        title="Get started",
        trigger=AUTO,
        items=[
            ChecklistItem(id="i", title="Do it"),
            ChecklistItem(id="j", title="Then this", description="It helps"),
        ],
    )
    bar = Banner(
        id="b",
        name="Notice",
        trigger=AUTO,
        steps=[
            Step(
                id="s",
                title="New",
                body="<p>Reports export to CSV.</p>",
                buttons=[Button(label="Got it", action="close")],
            )
        ],
    )
    states = {
        "walkthrough, last step": (TOUR, next_step),
        "hotspot, closed": (spot, lambda p: p.locator("[data-guide-runtime] .gs-beacon").wait_for()),
        "checklist, one item done": (checklist, tick),
        "modal with an image": (modal("/logo.svg"), lambda p: callout(p).locator("img").wait_for()),
        "modal, image missing": (modal("/gone.png"), lambda p: callout(p).locator(".gs-missing").wait_for()),
        "banner": (bar, lambda p: p.locator("[data-guide-runtime] .gs-banner").wait_for()),
    }
    found = {}
    for state, (guide, reach) in states.items():
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(5000)
        page = context.new_page()
        try:
            Player(page, bundle_of(guide))
            page.goto(url)
            reach(page)
            page.wait_for_timeout(300)  # entrance animation done: colour contrast is measured at rest
            found[state] = violations(page)
        finally:
            context.close()
    assert found == {state: [] for state in states}


def test_the_text_of_click_and_typing_steps_reaches_assistive_technology(page, server):
    """#13 item 11: a step the user completes on the page (focus stays there) is read with its element."""
    from studio.domain import Advance

    tour = Walkthrough(
        id="tour",
        name="Tour",
        trigger=AUTO,
        steps=[
            Step(
                id="a",
                title="Your email",
                body="<p>We send receipts here.</p>",
                target=make_target("email", "Email"),
                advance=Advance(mode="input"),
            ),
            Step(
                id="b",
                title="Save it",
                body="<p>Click Save.</p>",
                target=make_target("save", "Save"),
                advance=Advance(mode="click"),
            ),
            Step(id="c", title="Done"),
        ],
    )
    player = Player(page, bundle_of(tour))
    page.goto(server.page("/app.html", PAGE))
    callout(page).wait_for()
    email = page.get_by_test_id("email")
    assert email.evaluate("e => e === document.activeElement")  # typing steps focus their field
    described = email.get_attribute("aria-describedby")
    assert described and page.evaluate(f"document.getElementById('{described}').textContent") == (
        "Your email. We send receipts here."
    )
    email.fill("dana@example.com")
    email.press("Tab")
    player.wait_event("step_shown", 2)
    save = page.get_by_test_id("save")
    assert save.get_attribute("aria-describedby")
    assert email.get_attribute("aria-describedby") is None  # the last step's description went with it
    save.click()
    player.wait_event("step_shown", 3)
    assert save.get_attribute("aria-describedby") is None


def test_focus_stays_inside_a_modal_after_clicking_its_text(page, server):
    """#13 item 11: clicking the modal's text, then Tab, never reaches the page behind it."""
    from studio.domain import Button

    modal = Modal(
        id="m",
        name="Welcome",
        trigger=AUTO,
        steps=[
            Step(
                id="m",
                title="Welcome",
                body="<p>Some words to click on.</p>",
                buttons=[
                    Button(label="Later", action="close"),
                    Button(label="Start", action="complete", primary=True),
                ],
            )
        ],
    )
    Player(page, bundle_of(modal))
    page.goto(server.page("/app.html", PAGE))
    callout(page).wait_for()
    page.locator("[data-guide-runtime] .gs-body p").click()
    inside = "() => { const a = document.activeElement; return !!a && a.hasAttribute('data-guide-runtime'); }"
    for _ in range(5):
        page.keyboard.press("Tab")
        assert page.evaluate(inside), page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(inside)
