"""The committed example bundle plays on the demo app, every kind of it."""

from __future__ import annotations

import json

from .conftest import EXAMPLE_BUNDLE
from .runtime_helpers import Player, callout

BUNDLE = json.loads(EXAMPLE_BUNDLE.read_text(encoding="utf-8"))


def test_every_kind_plays_on_the_demo_app(page, demo_server):
    player = Player(page, BUNDLE, user={"role": "admin"})
    page.goto(demo_server.url + "/dashboard.html")
    page.get_by_role("dialog", name="Welcome to Ledgerly").wait_for()
    primary = page.get_by_role("button", name="Take the tour")  # the project's theme, through CSS properties
    assert primary.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(79, 70, 229)"
    assert (
        page.locator("[data-guide-runtime] .gs-modal").evaluate("e => getComputedStyle(e).borderRadius")
        == "10px"
    )
    launcher = page.locator("[data-guide-runtime] .gs-launcher", has_text="Get started")
    # the launcher's accessible name is its visible text (WCAG 2.5.3): "Get started with Ledgerly 0 of 3"
    assert " ".join(launcher.inner_text().split()) == "Get started with Ledgerly 0 of 3"
    assert launcher.get_attribute("aria-label") is None
    page.get_by_role("button", name="Take the tour").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Open Settings").wait_for()
    with page.expect_navigation():
        page.get_by_test_id("nav-settings").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Name your company").wait_for()
    page.get_by_label("Company name").fill("Acme Inc")
    page.locator("[data-guide-runtime] .gs-title", has_text="Pick your time zone").wait_for()
    page.get_by_role("button", name="Next").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Save your changes").wait_for()
    page.get_by_test_id("save-settings").click()
    page.get_by_role("button", name="Done").click()
    player.wait_event("checklist_item_completed")
    assert " ".join(launcher.inner_text().split()) == "Get started with Ledgerly 1 of 3"
    page.get_by_label("Billing email").hover()
    page.get_by_role("tooltip").wait_for()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    page.locator("[data-guide-runtime] .gs-beacon").wait_for()
    page.locator("[data-guide-runtime] .gs-title", has_text="Revenue by month").wait_for()  # audience: admins
    player.wait_event("checklist_item_completed", 2)  # "Explore your reports" by URL
    started = {d["guideId"] for n, d in player.events if n == "guide_started"}
    assert {
        "welcome",
        "settings-tour",
        "billing-email-tip",
        "csv-export-hotspot",
        "getting-started",
        "reports-tour",
    } <= started
    assert "target_not_found" not in player.names()
    assert callout(page).count() >= 1


SHELL_CONTROLS = "nav[aria-label=Main] a, #sign-out, #help-button, header input[type=search]"
HIDDEN = """sel => [...document.querySelectorAll(sel)].flatMap(el => {
  const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  const name = el.textContent.trim() || el.getAttribute('aria-label') || el.placeholder;
  if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
    return [name + ': off screen'];
  const hit = document.elementFromPoint(x, y);
  return hit === el || el.contains(hit) ? [] : [name + ': under ' + (hit?.outerHTML || 'nothing').slice(0, 60)];
})"""


def test_the_example_hides_nothing_of_the_demo_apps_shell(page, demo_server):
    """Walk finding: at 1280×800 the resource center's launcher (bottom left) lay over the sidebar's
    "Sign out", and the maintenance banner's push moved it below the window. Every control of the
    app's shell stays on screen and uncovered while the example's lasting widgets show."""
    Player(page, BUNDLE)
    page.set_viewport_size({"width": 1280, "height": 800})
    for path, widgets in (
        ("/settings.html", ("Help", "Get started")),
        ("/customers.html", ("Help", "Get started", "Planned maintenance")),
        ("/reports/overview", ("Help", "Get started")),
    ):
        page.goto(demo_server.url + path)
        for text in widgets:
            page.locator("[data-guide-runtime] *", has_text=text).first.wait_for()
        page.wait_for_timeout(300)  # the banner's push and the corner stacks settle
        assert page.locator(SHELL_CONTROLS).count() >= 7
        assert page.evaluate(HIDDEN, SHELL_CONTROLS) == [], path
