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
