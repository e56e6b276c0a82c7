"""The layout checks on the demo app's layout variants: a failing and a passing case each, and the
layout matrix as JUnit cases."""

from __future__ import annotations

import pytest

from studio.browser.context import VIEWPORT_PRESETS, Layout, new_context, parse_viewports
from studio.domain import AutomaticTrigger, SelectorCandidate, Step, Target, Tooltip, UrlRule, Walkthrough
from studio.replay import junit_xml, replay

from .runtime_helpers import bundle_of
from .test_replay import EXAMPLE


def target(testid: str, *, frame: str | None = None, shadow: str | None = None) -> Target:
    return Target(
        candidates=[SelectorCandidate(kind="test_id", value=testid, attribute="data-testid", score=0.95)],
        frame_path=[frame] if frame else [],
        shadow_path=[shadow] if shadow else [],
    )


def tip(gid: str, page: str, where: Target, body: str = "Look here.", title: str = "Here") -> Tooltip:
    return Tooltip(
        id=gid,
        name=gid,
        show_on="always",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value=page)),
        steps=[Step(id="s", title=title, body=body, target=where, wait_ms=1500)],
    )


CASES = {
    # guide id: (page, target, expected reason or None for a pass, words the detail must hold)
    "sticky-covered": ("/layouts/sticky.html", target("under-header"), "covered", "sticky element"),
    "sticky-ok": ("/layouts/sticky.html", target("in-content"), None, ""),
    "scroll-cut-off": ("/layouts/scroller.html", target("cut-off"), "clipped", "scroll container"),
    "scroll-in-view": ("/layouts/scroller.html", target("first-in-list"), None, ""),
    # A tooltip never scrolls the page: one on an element its list hides is not seen (a tour step
    # scrolls the list to it: test_a_tour_step_scrolls_a_nested_list_to_its_target).
    "scroll-not-reached": (
        "/layouts/scroller.html",
        target("deep-in-list"),
        "clipped",
        "was not scrolled to it",
    ),
    "frame-covered": ("/layouts/iframe.html", target("framed", frame="#pay-covered"), "covered", "Loading"),
    "frame-ok": ("/layouts/iframe.html", target("framed", frame="#pay"), None, ""),
    "shadow-covered": (
        "/layouts/shadow.html",
        target("shadow-pay", shadow="#busy-widget"),
        "covered",
        "Working",
    ),
    "shadow-ok": ("/layouts/shadow.html", target("shadow-pay", shadow="#open-widget"), None, ""),
    "dialog-covered": ("/layouts/dialog.html#modal", target("behind-dialog"), "covered", "modal <dialog>"),
    "dialog-ok": ("/layouts/dialog.html", target("behind-dialog"), None, ""),
    "overlap": ("/layouts/narrow.html", target("hero"), "overlap", "covers its own target"),
    "narrow-edge-ok": ("/layouts/narrow.html", target("edge"), None, ""),
}


@pytest.fixture(scope="module")
def outcomes(demo_server):
    bundle = bundle_of(*(tip(gid, page, where) for gid, (page, where, _, _) in CASES.items()))
    results = replay(bundle, demo_server.url + "/", screenshots=False, layouts=[Layout((390, 844))])
    return {r.guide_id: r.steps[0] for r in results}


@pytest.mark.parametrize("gid", list(CASES))
def test_layout_check(outcomes, gid):
    _, _, reason, words = CASES[gid]
    step = outcomes[gid]
    if reason is None:
        assert step.status == "passed", (step.reason, step.detail)
        return
    else:
        assert (step.status, step.reason) == ("failed", reason), step.detail
        assert words in step.detail


def test_a_tour_step_scrolls_a_nested_list_to_its_target(demo_server):
    tour = Walkthrough(
        id="deep",
        name="Deep",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/layouts/scroller.html")),
        steps=[Step(id="s", title="Archive", target=target("deep-in-list"), wait_ms=1500)],
    )
    for layout in (Layout(), Layout((390, 844))):
        (result,) = replay(bundle_of(tour), demo_server.url + "/", screenshots=False, layouts=[layout])
        assert result.steps[0].status == "passed", (layout.label, result.steps[0].detail)


def test_text_overflowing_the_callout_fails(demo_server):
    word = "Supercalifragilisticexpialidocious" * 3
    code = "<pre>" + "x" * 200 + "</pre>"  # a preformatted line cannot wrap
    bundle = bundle_of(
        tip("long-title", "/layouts/narrow.html", target("menu"), title=word),  # wraps anywhere
        tip("long-line", "/layouts/narrow.html", target("menu"), body=code),
        tip("short-words", "/layouts/narrow.html", target("menu"), title="Open the menu to find more"),
    )
    results = {r.guide_id: r.steps[0] for r in replay(bundle, demo_server.url + "/", screenshots=False)}
    assert results["short-words"].status == "passed", results["short-words"].detail
    assert results["long-title"].status == "passed", results["long-title"].detail
    assert (results["long-line"].status, results["long-line"].reason) == ("failed", "overflow")


def test_each_layout_of_the_matrix_is_its_own_junit_case(demo_server):
    tour = Walkthrough(
        id="t",
        name="Tour",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/layouts/sticky.html")),
        steps=[Step(id="s", title="New", target=target("in-content"), wait_ms=1000)],
    )
    layouts = [Layout(size, "dark", "de-DE", True) for size in parse_viewports("mobile,768x1024,desktop")]
    results = replay(bundle_of(tour), demo_server.url + "/", screenshots=False, layouts=layouts)
    assert [r.layout for r in results] == [
        "390x844 dark de-DE reduced-motion",
        "768x1024 dark de-DE reduced-motion",
        "1280x800 dark de-DE reduced-motion",
    ]
    assert all(r.passed for r in results), [(r.layout, r.steps[0].detail) for r in results]
    xml = junit_xml(results)
    assert xml.count("<testsuite ") == 3 and "Tour (t) @ 390x844 dark de-DE reduced-motion" in xml


def test_viewport_names_and_sizes_are_checked():
    assert parse_viewports("mobile, tablet ,desktop,390x844") == [(390, 844), (768, 1024), (1280, 800)]
    with pytest.raises(ValueError, match="not WIDTHxHEIGHT"):
        parse_viewports("phone")


def test_the_shipped_example_replays_green_on_every_screen_of_the_matrix(demo_server):
    """What a QA user running the matrix on the example sees: every guide passes on a phone too
    (the demo app has a phone layout: navigation above the page, forms in one column, table rows
    as cards, nothing wider than the screen)."""
    layouts = [Layout(VIEWPORT_PRESETS[name]) for name in ("mobile", "tablet", "desktop")]
    results = replay(EXAMPLE, demo_server.url + "/", screenshots=False, layouts=layouts)
    failed = [
        (r.layout, r.guide_id, s.step_id, s.detail) for r in results for s in r.steps if s.status != "passed"
    ]
    played = [g for g in EXAMPLE["guides"] if g["kind"] != "announcement"]  # read in the resource center
    assert len(results) == 3 * len(played) and not failed


PAGES = ("dashboard.html", "customers.html", "settings.html", "reports/overview", "index.html")


def test_no_demo_app_page_is_wider_than_a_phone(demo_server, browser):
    context = new_context(browser, layout=Layout(VIEWPORT_PRESETS["mobile"]))
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(f"{demo_server.url}/{path}")
            width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
            assert width == [390, 390], path
    finally:
        context.close()
