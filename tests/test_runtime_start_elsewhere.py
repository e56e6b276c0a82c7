"""Starting a guide whose first step lives on another page, in real Chromium: the runtime goes
there and starts it on arrival, or says in the callout that it cannot."""

from __future__ import annotations

from studio.domain import (
    AutomaticTrigger,
    Button,
    Checklist,
    ChecklistItem,
    Modal,
    Step,
    UrlRule,
    Walkthrough,
)

from .runtime_helpers import Player, bundle_of, callout, html

HOME = html("<h1>Home</h1>")
SETTINGS = html("<h1>Settings</h1>")


def welcome(guide_id: str) -> Modal:
    return Modal(
        id="hello",
        name="Hello",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/home.html")),
        steps=[
            Step(
                id="m",
                title="Welcome",
                buttons=[
                    Button(label="Take the tour", action="start_guide", guide_id=guide_id, primary=True)
                ],
            )
        ],
    )


def test_a_button_goes_to_the_first_steps_page_and_the_guide_starts_there(page, server):
    home = server.page("/home.html", HOME)
    server.page("/settings.html", SETTINGS)
    tour = Walkthrough(
        id="tour",
        name="Tour",
        steps=[
            Step(id="a", title="On settings", page=UrlRule(match="exact", value="/settings.html")),
            Step(id="b", title="Second"),
        ],
    )
    player = Player(page, bundle_of(welcome("tour"), tour))
    page.goto(home)
    page.get_by_role("button", name="Take the tour").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="On settings").wait_for()
    assert page.url.endswith("/settings.html")
    started = [d["guideId"] for n, d in player.events if n == "guide_started"]
    assert started == ["hello", "tour"]
    assert ("guide_completed", "hello") in [(n, d.get("guideId")) for n, d in player.events]
    # Arrived once: a reload does not start it again from the start, the walkthrough resumes where it is.
    page.get_by_role("button", name="Next").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Second").wait_for()
    page.reload()
    page.locator("[data-guide-runtime] .gs-title", has_text="Second").wait_for()
    assert [d["guideId"] for n, d in player.events if n == "guide_started"] == ["hello", "tour"]


def test_a_checklist_item_goes_to_the_automatic_triggers_page(page, server):
    home = server.page("/home.html", HOME)
    server.page("/settings.html", SETTINGS)
    checklist = Checklist(
        id="start",
        name="Start",
        title="Get started",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/home.html")),
        items=[ChecklistItem(id="t", title="Set up settings", action="start_guide", guide_id="tip")],
    )
    tip = Modal(
        id="tip",
        name="Settings tip",
        trigger=AutomaticTrigger(url=UrlRule(match="prefix", value="/settings.html")),
        frequency="once",
        steps=[Step(id="s", title="Settings live here")],
    )
    player = Player(page, bundle_of(checklist, tip))
    page.goto(home)
    page.locator("[data-guide-runtime] .gs-launcher").click()
    page.locator("[data-guide-runtime] .gs-item", has_text="Set up settings").click()
    page.get_by_role("dialog", name="Settings live here").wait_for()
    assert page.url.endswith("/settings.html")
    assert [d["guideId"] for n, d in player.events if n == "guide_started"].count("tip") == 1


def test_no_concrete_address_says_so_in_the_callout_and_keeps_it_open(page, server):
    home = server.page("/home.html", HOME)
    tour = Walkthrough(
        id="tour",
        name="Tour",
        steps=[Step(id="a", title="Somewhere", page=UrlRule(match="glob", value="/projects/*/board"))],
    )
    player = Player(page, bundle_of(welcome("tour"), tour))
    page.goto(home)
    page.get_by_role("button", name="Take the tour").click()
    error = player.wait_event("guide_error")
    assert error["guideId"] == "tour" and error["field"] == "page"
    status = page.locator("[data-guide-runtime] .gs-callout [role=status]")
    status.wait_for()
    assert status.inner_text() == "This guide cannot start from this page."
    assert page.url.endswith("/home.html")
    assert callout(page).count() == 1  # the welcome stays, not silently closed
    assert "guide_completed" not in player.names()
    page.get_by_role("button", name="Take the tour").click()
    player.wait_event("guide_error", 2)
    assert status.count() == 1  # said once, not stacked
    # From the API too: false, and a warning rather than nothing.
    assert page.evaluate("GuideRuntime.start('tour')") is False


def test_a_checklist_item_that_cannot_start_says_so_beside_the_item(page, server):
    home = server.page("/home.html", HOME)
    checklist = Checklist(
        id="start",
        name="Start",
        title="Get started",
        trigger=AutomaticTrigger(),
        items=[ChecklistItem(id="t", title="Open a board", action="start_guide", guide_id="tour")],
    )
    tour = Walkthrough(
        id="tour",
        name="Tour",
        steps=[Step(id="a", title="Board", page=UrlRule(match="regex", value="^/b/[0-9]+$"))],
    )
    player = Player(page, bundle_of(checklist, tour))
    page.goto(home)
    page.locator("[data-guide-runtime] .gs-launcher").click()
    item = page.locator("[data-guide-runtime] .gs-item", has_text="Open a board")
    item.click()
    player.wait_event("guide_error")
    assert "cannot start from this page" in item.inner_text()
    assert page.locator("[data-guide-runtime] .gs-panel").count() == 1
