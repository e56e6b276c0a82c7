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
