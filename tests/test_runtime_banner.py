"""Banners played by the shipped runtime: where they sit, what they push, what they leave behind."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from studio.domain import AutomaticTrigger, Banner, Button, Modal, Step, UrlRule

from .runtime_helpers import Player, bundle_of, html, runtime_nodes

HEADER = (
    "<style>body{margin:0} header{position:fixed;top:0;left:0;right:0;height:56px;background:#123;color:#fff}"
    " main{padding-top:56px}</style>"
)
PAGE = html('<header>App header</header><h1 id="first">Invoices</h1><p>Content</p>', head=HEADER)
BAR = "[data-guide-runtime] .gs-banner"


def banner(**fields) -> Banner:
    step = fields.pop("step", None) or Step(
        id="s",
        title="New",
        body="<p>Reports now export to CSV.</p>",
        buttons=[Button(label="Got it", action="close", primary=True)],
    )
    fields.setdefault("trigger", AutomaticTrigger())
    fields.setdefault("id", "b")
    fields.setdefault("name", "CSV banner")
    return Banner(steps=[step], **fields)


def geometry(page) -> dict:
    return page.evaluate(
        """() => { const bar = document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('.gs-banner');
        const r = bar.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, height: r.height, pad: getComputedStyle(document.documentElement).paddingTop,
                first: document.getElementById('first').getBoundingClientRect().top}; }"""
    )


def test_a_top_banner_sits_below_the_fixed_header_and_pushes_the_page(page, server):
    player = Player(page, bundle_of(banner()))
    page.goto(server.page("/app.html", PAGE))
    page.locator(BAR).wait_for()
    before = page.evaluate("document.getElementById('first').getBoundingClientRect().top")
    page.wait_for_timeout(100)
    box = geometry(page)
    assert box["top"] == 56  # below the app's header, not over it
    assert box["pad"] == f"{box['height']:g}px" and box["first"] >= before  # content moved aside
    assert page.get_by_role("region", name="New").count() == 1
    assert Axe().run(page).response["violations"] == []
    page.get_by_role("button", name="Got it").click()
    player.wait_event("guide_dismissed")
    assert page.locator(BAR).count() == 0
    assert page.evaluate("document.documentElement.getAttribute('style')") in (None, "")  # left as it was


def test_a_banner_may_cover_the_header_sit_at_the_bottom_or_overlay(page, server):
    url = server.page("/app.html", PAGE)
    Player(page, bundle_of(banner(cover_header=True, push=False)))
    page.goto(url)
    page.locator(BAR).wait_for()
    box = geometry(page)
    assert box["top"] == 0 and box["pad"] == "0px"
    page.evaluate("GuideRuntime.stop()")
    assert (
        runtime_nodes(page) == 0
        and page.evaluate("getComputedStyle(document.documentElement).paddingTop") == "0px"
    )


def test_a_bottom_banner_and_its_buttons(page, server):
    url = server.page("/app.html", PAGE)
    server.page("/reports.html", html("<h1>Reports</h1>"))
    step = Step(
        id="s",
        body="<p>Try the new reports.</p>",
        buttons=[
            Button(label="Show me", action="start_guide", guide_id="tour", primary=True),
            Button(label="Read more", action="url", url="/reports.html"),
        ],
    )
    player = Player(
        page,
        bundle_of(
            banner(edge="bottom", dismissible=False, step=step),
            Modal(id="tour", name="Tour", steps=[Step(id="m", title="Reports tour")]),
        ),
    )
    page.goto(url)
    page.locator(BAR).wait_for()
    info = page.evaluate(
        """() => { const r = document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('.gs-banner')
        .getBoundingClientRect(); return [Math.round(r.bottom), innerHeight,
        getComputedStyle(document.documentElement).paddingBottom]; }"""
    )
    assert info[0] == info[1] and info[2] != "0px"
    assert page.locator(f"{BAR} .gs-x").count() == 0  # not dismissible
    page.get_by_role("button", name="Show me").click()
    assert player.wait_event("guide_started", 2)["guideId"] == "tour"
    assert page.locator(BAR).count() == 0  # a banner that started a guide is done
    assert player.wait_event("guide_completed")["guideId"] == "b"


def test_a_banner_shows_only_on_its_pages(page, server):
    url = server.page("/app.html", PAGE)
    Player(page, bundle_of(banner(trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/other.html")))))
    page.goto(url)
    page.wait_for_timeout(400)
    assert page.locator(BAR).count() == 0


def test_two_banners_on_one_edge_stack_and_the_page_is_restored_after_both(page, server):
    url = server.page("/app.html", PAGE)
    second = Banner(
        id="b2",
        name="Second",
        trigger=AutomaticTrigger(),
        steps=[Step(id="s", title="Second", buttons=[Button(label="Close it", action="close")])],
    )
    Player(page, bundle_of(banner(), second))
    page.goto(url)
    page.locator(BAR).nth(1).wait_for()
    page.wait_for_timeout(400)
    boxes = page.evaluate(
        """() => [...document.querySelector('[data-guide-runtime]').shadowRoot.querySelectorAll('.gs-banner')]
        .map(b => { const r = b.getBoundingClientRect(); return [r.top, r.bottom]; })"""
    )
    assert boxes[0][0] == 56 and boxes[1][0] == boxes[0][1]  # one under the other, below the header
    padding = page.evaluate("parseFloat(getComputedStyle(document.documentElement).paddingTop)")
    assert padding == (boxes[0][1] - boxes[0][0]) + (boxes[1][1] - boxes[1][0])
    page.get_by_role("button", name="Got it").click()
    page.wait_for_timeout(400)
    assert (
        page.evaluate(
            "document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('.gs-banner')"
            ".getBoundingClientRect().top"
        )
        == 56
    )  # the second moved up
    page.get_by_role("button", name="Close it").click()
    assert page.evaluate("document.documentElement.getAttribute('style')") in (None, "")


STYLES = [
    "position:fixed;top:16px;bottom:16px;left:0;width:200px;background:#222;color:#fff",
    "position:fixed;left:0;right:0;height:40px;background:#eee;bottom:0 !important",
    "position:fixed;bottom:300px;right:0;width:40px;height:40px",
]
SIDEBAR_PAGE = html(
    f'<nav id="side" style="{STYLES[0]}"><a href="#">Logo</a></nav>'
    f'<div id="foot" style="{STYLES[1]}">Cookie choices</div><div id="fab" style="{STYLES[2]}">?</div>'
    '<h1 id="first" style="margin-left:220px">Invoices</h1>',
    head="<style>body{margin:0}</style>",
)
INLINE = "[...document.querySelectorAll('#side, #foot, #fab')].map(e => e.style.cssText)"
AS_WRITTEN = "s => s.map(t => { const d = document.createElement('div'); d.setAttribute('style', t); return d.style.cssText; })"


def test_pushing_moves_the_apps_fixed_elements_aside_and_puts_them_back(page, server):
    Player(page, bundle_of(banner(), banner(id="low", name="Low", edge="bottom")))
    page.goto(server.page("/app.html", SIDEBAR_PAGE))
    page.locator(BAR).nth(1).wait_for()
    page.wait_for_timeout(100)
    boxes = page.evaluate(
        """() => { const bars = [...document.querySelector('[data-guide-runtime]').shadowRoot.querySelectorAll('.gs-banner')];
        const box = id => document.getElementById(id).getBoundingClientRect();
        const [top, low] = bars.map(b => b.getBoundingClientRect());
        return {top: top.bottom, low: low.top, side: box('side'), foot: box('foot'), fab: box('fab'), h: innerHeight}; }"""
    )
    # the sidebar starts below the top bar (its 16 px margin kept) and still ends 16 px above the bottom:
    # it shrinks, as it would in a shorter window; the app's own bottom bar sits above the bottom banner
    assert boxes["side"]["top"] == boxes["top"] + 16
    assert boxes["side"]["bottom"] == boxes["h"] - 16 - (boxes["h"] - boxes["low"])
    assert boxes["foot"]["bottom"] == boxes["low"]
    assert boxes["fab"]["bottom"] == boxes["h"] - 300  # far from the bars: not touched
    page.evaluate("GuideRuntime.stop()")
    assert page.evaluate(INLINE) == page.evaluate(AS_WRITTEN, STYLES)  # as they were, priority included


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_the_close_button_never_covers_the_banners_own_button(page, server, direction):
    Player(page, bundle_of(banner()))
    page.goto(server.page("/app.html", html("<h1>Invoices</h1>", dir=direction)))
    page.locator(BAR).wait_for()
    got, close = (page.locator(BAR).get_by_role("button", name=n).bounding_box() for n in ("Got it", "Close"))
    apart = got["x"] + got["width"] <= close["x"] or close["x"] + close["width"] <= got["x"]
    assert apart, (got, close)
    assert (got["x"] < close["x"]) == (direction == "ltr")  # the close button at the reading end


def test_on_a_phone_the_banners_text_wraps_below_its_title_not_into_a_column(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    Player(
        page,
        bundle_of(
            banner(
                step=Step(
                    id="s",
                    title="Planned maintenance",
                    body="<p>" + "Read-only on Sunday. " * 4 + "</p>",
                    buttons=[Button(label="Got it", action="close", primary=True)],
                )
            )
        ),
    )
    page.goto(server.page("/app.html", html("<h1>Invoices</h1>")))
    page.locator(BAR).wait_for()
    body = page.locator(BAR + " .gs-body").bounding_box()
    assert body["width"] >= 200 and page.locator(BAR).bounding_box()["height"] < 200, body
