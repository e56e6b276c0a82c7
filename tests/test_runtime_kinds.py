"""Tooltips, hotspots, modals and checklists played by the shipped runtime."""

from __future__ import annotations

from studio.domain import (
    AutomaticTrigger,
    Button,
    Checklist,
    ChecklistItem,
    Hotspot,
    Media,
    Modal,
    Step,
    Tooltip,
    UrlRule,
    Walkthrough,
)

from .runtime_helpers import Player, bundle_of, callout, html
from .samples import make_target

PAGE = html(
    '<h1>Billing</h1><label for="email">Billing email</label><input id="email" data-testid="email">'
    '<button data-testid="export">Export CSV</button><a href="#top" data-testid="top">Top</a>'
    '<button data-testid="invoice" onclick="GuideRuntime.track(\'invoice_created\')">Create invoice</button>'
)
AUTO = AutomaticTrigger()


def test_tooltip_on_hover_and_focus(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page,
        bundle_of(
            Tooltip(
                id="tip",
                name="Tip",
                trigger=AUTO,
                steps=[
                    Step(
                        id="t",
                        title="Where invoices come from",
                        body="<p>Replies go here.</p>",
                        target=make_target("email", "Billing email"),
                    )
                ],
            )
        ),
    )
    page.goto(url)
    player.wait_event("guide_started")
    page.wait_for_timeout(200)
    assert callout(page).count() == 0
    page.get_by_label("Billing email").hover()
    callout(page).wait_for()
    assert callout(page).get_attribute("role") == "tooltip"
    described = page.get_by_label("Billing email").get_attribute("aria-describedby")
    assert page.evaluate(f"document.getElementById('{described}').textContent") == (
        "Where invoices come from. Replies go here."
    )
    page.mouse.move(0, 0)
    callout(page).wait_for(state="detached")
    page.get_by_label("Billing email").focus()
    callout(page).wait_for()
    page.keyboard.press("Escape")
    callout(page).wait_for(state="detached")


def test_tooltip_always_shown(page, server):
    url = server.page("/app.html", PAGE)
    Player(
        page,
        bundle_of(
            Tooltip(
                id="tip",
                name="Tip",
                trigger=AUTO,
                show_on="always",
                steps=[Step(id="t", title="Always here", target=make_target("export", "Export CSV"))],
            )
        ),
    )
    page.goto(url)
    callout(page).wait_for()
    assert callout(page).inner_text() == "Always here"


def test_a_tip_whose_element_is_below_the_fold_waits_out_of_sight_until_scrolled_to(page, server):
    """Not pinned to the window's bottom edge over other fields, pointing at nothing (a tip on Gentelella's
    editor, far down its form page, covered the inputs of the panels above it)."""
    url = server.page(
        "/long.html",
        html(
            '<h1>Form</h1><input aria-label="First field"><div style="height:2400px"></div>'
            '<button data-testid="export">Export CSV</button><div style="height:600px"></div>'
        ),
    )
    tip = Tooltip(
        id="tip",
        name="Tip",
        trigger=AUTO,
        show_on="always",
        steps=[Step(id="t", title="Always here", target=make_target("export", "Export CSV"))],
    )
    player = Player(page, bundle_of(tip))
    page.goto(url)
    player.wait_event("step_shown")
    seen = "el => getComputedStyle(el).visibility"
    page.wait_for_timeout(100)
    assert callout(page).evaluate(seen) == "hidden"
    page.evaluate("document.querySelector('[data-testid=export]').scrollIntoView({block: 'center'})")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-guide-runtime]').shadowRoot"
        ".querySelector('.gs-callout')).visibility === 'visible'",
        timeout=3000,
    )
    tip_box, button = callout(page).bounding_box(), page.get_by_test_id("export").bounding_box()
    assert (
        abs(tip_box["y"] + tip_box["height"] - button["y"]) < 40
        or abs(tip_box["y"] - button["y"] - button["height"]) < 40
    )
    page.evaluate("scrollTo(0, 0)")
    page.wait_for_timeout(150)
    assert callout(page).evaluate(seen) == "hidden"


def test_hotspot_beacon_opens_its_callout(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page,
        bundle_of(
            Hotspot(
                id="spot",
                name="New",
                trigger=AUTO,
                steps=[
                    Step(
                        id="h",
                        title="New: CSV export",
                        body="<p>Download any report.</p>",
                        target=make_target("export", "Export CSV"),
                    )
                ],
            )
        ),
    )
    page.goto(url)
    beacon = page.locator("[data-guide-runtime] .gs-beacon")
    beacon.wait_for()
    target = page.get_by_test_id("export").bounding_box()
    spot = beacon.bounding_box()
    assert abs(spot["x"] + spot["width"] / 2 - (target["x"] + target["width"])) < 3
    assert beacon.get_attribute("aria-expanded") == "false"
    page.get_by_role("button", name="New: CSV export").click()
    callout(page).wait_for()
    assert beacon.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="Got it").click()
    player.wait_event("guide_completed")
    assert beacon.count() == 0 and callout(page).count() == 0


def test_modal_traps_focus_makes_the_page_inert_and_restores_it(page, server):
    url = server.page("/app.html", PAGE)
    server.page(
        "/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"/>', ctype="image/svg+xml"
    )
    player = Player(
        page,
        bundle_of(
            Modal(
                id="hello",
                name="Hello",
                trigger=AUTO,
                steps=[
                    Step(
                        id="m",
                        title="Welcome",
                        body="<p>Take the tour?</p>",
                        media=Media(src="/logo.svg", alt="Ledgerly logo"),
                        buttons=[
                            Button(
                                label="Take the tour", action="start_guide", guide_id="tour", primary=True
                            ),
                            Button(label="Maybe later", action="close"),
                        ],
                    )
                ],
            ),
            Walkthrough(
                id="tour",
                name="Tour",
                steps=[Step(id="s", title="Tour step", target=make_target("export", "Export CSV"))],
            ),
        ),
    )
    page.goto(url)
    dialog = page.get_by_role("dialog", name="Welcome")
    dialog.wait_for()
    assert dialog.get_attribute("aria-modal") == "true"
    assert page.evaluate("document.body.inert") is True
    assert page.locator("[data-guide-runtime] img.gs-media").get_attribute("alt") == "Ledgerly logo"
    for _ in range(5):
        page.keyboard.press("Tab")
        inside = page.evaluate("document.activeElement.hasAttribute('data-guide-runtime')")
        assert inside, "focus left the modal"
    page.get_by_role("button", name="Take the tour").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Tour step").wait_for()
    assert page.evaluate("document.body.inert") is False
    assert player.names()[:4] == ["guide_started", "step_shown", "guide_completed", "guide_started"]


def test_modal_closes_on_escape_and_backdrop(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page,
        bundle_of(
            Modal(
                id="hello",
                name="Hello",
                trigger=AUTO,
                frequency="always",
                steps=[Step(id="m", title="Welcome")],
            )
        ),
    )
    page.goto(url)
    page.get_by_role("dialog").wait_for()
    page.keyboard.press("Escape")
    player.wait_event("guide_dismissed")
    page.reload()
    page.get_by_role("dialog").wait_for()
    page.mouse.click(5, 5)
    player.wait_event("guide_dismissed", 2)
    assert page.evaluate("document.activeElement.tagName") == "BODY"
    page.get_by_label("Billing email").focus()  # started from the API, focus comes back where it was
    page.evaluate("GuideRuntime.start('hello')")
    page.get_by_role("dialog").wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-guide-runtime')")
    page.keyboard.press("Escape")
    player.wait_event("guide_dismissed", 3)
    assert page.evaluate("document.activeElement.id") == "email"


def test_checklist_items_progress_and_persistence(page, server):
    url = server.page("/app.html", PAGE)
    server.page("/reports/overview", html("<h1>Reports</h1>"))
    player = Player(
        page,
        bundle_of(
            Checklist(
                id="start",
                name="Start",
                title="Get started",
                trigger=AUTO,
                items=[
                    ChecklistItem(
                        id="tour",
                        title="Take the tour",
                        action="start_guide",
                        guide_id="tour",
                        complete_when="guide_completed",
                    ),
                    ChecklistItem(
                        id="invoice",
                        title="Create an invoice",
                        complete_when="event",
                        event="invoice_created",
                    ),
                    ChecklistItem(
                        id="reports",
                        title="Open reports",
                        action="open_url",
                        url="/reports/overview",
                        complete_when="url",
                        complete_url=UrlRule(match="prefix", value="/reports/"),
                    ),
                ],
            ),
            Walkthrough(id="tour", name="Tour", steps=[Step(id="s", title="Only step")]),
            Checklist(
                id="side",
                name="Side",
                title="More",
                trigger=AUTO,
                position="bottom_left",
                items=[
                    ChecklistItem(
                        id="banner",
                        title="See the success banner",
                        complete_when="element",
                        element=make_target("success", "Done!"),
                    )
                ],
            ),
        ),
    )
    page.goto(url)
    launcher = page.locator("[data-guide-runtime] .gs-launcher").first
    launcher.wait_for()
    assert launcher.get_attribute("aria-label") is None  # the name is the visible text (WCAG 2.5.3)
    assert page.get_by_role("button", name="Get started 0 of 3", exact=True).count() == 1
    launcher.click()
    page.get_by_role("button", name="Take the tour").click()
    page.get_by_role("button", name="Done").click()
    player.wait_event("checklist_item_completed")
    page.evaluate(
        "() => { const b = document.createElement('p'); b.dataset.testid = 'success';"
        " b.textContent = 'Done!'; document.querySelector('main').appendChild(b); }"
    )
    assert player.wait_event("checklist_item_completed", 2)["itemId"] == "banner"  # an element appeared
    page.get_by_test_id("invoice").click()
    player.wait_event("checklist_item_completed", 3)
    assert page.get_by_role("button", name="Get started 2 of 3", exact=True).count() == 1
    page.reload()  # progress persists across page loads
    launcher.wait_for()
    assert page.get_by_role("button", name="Get started 2 of 3", exact=True).count() == 1
    launcher.click()
    assert page.get_by_role("progressbar").get_attribute("aria-valuenow") == "2"
    with page.expect_navigation():
        page.get_by_role("button", name="Open reports").click()
    player.wait_event("checklist_item_completed", 4)
    page.wait_for_timeout(100)
    assert [d["itemId"] for n, d in player.events if n == "checklist_item_completed"] == [
        "tour",
        "banner",
        "invoice",
        "reports",
    ]
    assert "start" in [d["guideId"] for n, d in player.events if n == "guide_completed"]
    page.goto(url)  # a completed checklist does not come back
    player.wait_event("guide_started", 3)
    page.wait_for_timeout(300)
    assert launcher.count() == 0


def test_checklist_item_done_when_clicked_only_if_its_guide_starts(page, server):
    url = server.page("/app.html", PAGE)
    elsewhere = UrlRule(match="regex", value="^/orders/[0-9]+$")  # no address to go to from here
    player = Player(
        page,
        bundle_of(
            Checklist(
                id="start",
                name="Start",
                title="Get started",
                trigger=AUTO,
                items=[
                    ChecklistItem(id="far", title="Order tour", action="start_guide", guide_id="far"),
                    ChecklistItem(id="near", title="Billing tour", action="start_guide", guide_id="near"),
                ],
            ),
            Walkthrough(id="far", name="Far", steps=[Step(id="s", title="On an order", page=elsewhere)]),
            Walkthrough(id="near", name="Near", steps=[Step(id="s", title="Here")]),
        ),
    )
    page.goto(url)
    page.locator("[data-guide-runtime] .gs-launcher").click()
    page.get_by_role("button", name="Order tour").click()
    assert player.wait_event("guide_error")["guideId"] == "far"
    page.wait_for_timeout(100)
    assert not [d for n, d in player.events if n == "checklist_item_completed"]
    assert page.get_by_role("button", name="Get started 0 of 2", exact=True).count() == 1
    page.get_by_role("button", name="Billing tour").click()
    assert player.wait_event("checklist_item_completed")["itemId"] == "near"
