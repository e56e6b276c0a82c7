"""Resource centers and announcements played by the shipped runtime: the panel, search, entries, unread badge."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from studio.domain import (
    Announcement,
    AudienceRule,
    AutomaticTrigger,
    CenterEntry,
    Condition,
    ManualTrigger,
    Modal,
    ResourceCenter,
    Step,
    UrlRule,
)

from .runtime_helpers import Player, bundle_of, html

PAGE = html("<h1>Invoices</h1><p>Content</p>")
LAUNCHER = "[data-guide-runtime] .gs-launcher"
PANEL = "[data-guide-runtime] .gs-panel"
TOUR = Modal(id="tour", name="Tour", steps=[Step(id="m", title="Invoices tour")])


def center(*entries: CenterEntry, **fields) -> ResourceCenter:
    fields.setdefault("trigger", AutomaticTrigger())
    fields.setdefault("frequency", "always")
    return ResourceCenter(id="rc", name="Help center", title="Help", entries=list(entries), **fields)


def news(guide_id: str, date: str, title: str) -> Announcement:
    return Announcement(
        id=guide_id, name=title, date=date, steps=[Step(id="s", title=title, body=f"<p>{title}!</p>")]
    )


ENTRIES = (
    CenterEntry(
        id="t", section="Get started", title="Take the invoices tour", text="Two minutes", guide_id="tour"
    ),
    CenterEntry(
        id="a",
        section="Get started",
        action="article",
        title="Send an invoice",
        body="<p>Press <b>Send</b>.</p>",
    ),
    CenterEntry(id="l", section="More", action="open_url", title="Pricing", url="/pricing.html"),
)


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).all_inner_texts()


def test_the_panel_lists_sections_and_whats_new_and_counts_unread_announcements(page, server):
    bundle = bundle_of(
        center(*ENTRIES),
        TOUR,
        news("old", "2026-10-01", "Dark mode"),
        news("new", "2026-11-20", "CSV export"),
    )
    Player(page, bundle)
    url = server.page("/app.html", PAGE)
    page.goto(url)
    launcher = page.get_by_role("button", name="Help 2 new")
    launcher.wait_for()
    launcher.click()
    panel = page.get_by_role("dialog", name="Help")
    panel.wait_for()
    assert texts(page, f"{PANEL} section h3") == ["GET STARTED", "MORE", "WHAT'S NEW"]
    labels = texts(page, f"{PANEL} .gs-label")
    assert labels == [
        "Take the invoices tour",
        "Send an invoice",
        "Pricing",
        "CSV export",
        "Dark mode",
    ]  # newest first
    assert Axe().run(page).response["violations"] == []
    page.keyboard.press("Escape")
    assert panel.count() == 0
    assert page.evaluate(
        "document.querySelector('[data-guide-runtime]').shadowRoot.activeElement.className"
    ) == ("gs-launcher")
    page.goto(url)  # read stays read
    page.get_by_role("button", name="Help", exact=True).wait_for()


def test_search_filters_entries_and_says_when_nothing_matches(page, server):
    Player(page, bundle_of(center(*ENTRIES), TOUR, news("n", "2026-11-20", "CSV export")))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCHER).click()
    search = page.get_by_role("searchbox", name="Search")
    search.fill("send")  # the article's own text counts too: "Press Send"
    assert texts(page, f"{PANEL} .gs-label") == ["Send an invoice"]
    search.fill("csv")
    assert texts(page, f"{PANEL} .gs-label") == ["CSV export"]
    search.fill("zebra")
    assert page.get_by_role("status").inner_text() == "Nothing found"


def test_entries_start_a_guide_read_an_article_and_follow_a_link(page, server):
    player = Player(page, bundle_of(center(*ENTRIES), TOUR))
    server.page("/pricing.html", html("<h1>Pricing</h1>"))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCHER).click()
    page.get_by_role("button", name="Send an invoice").click()
    assert page.locator(f"{PANEL} .gs-body").inner_text() == "Press Send."
    page.get_by_role("button", name="Back").click()
    page.get_by_role("button", name="Take the invoices tour").click()
    assert player.wait_event("guide_started", 2)["guideId"] == "tour"
    assert page.locator(PANEL).count() == 0  # a guide started from it closes it
    page.get_by_role("dialog", name="Invoices tour").wait_for()
    page.keyboard.press("Escape")
    page.locator(LAUNCHER).click()
    page.get_by_role("button", name="Pricing").click()
    page.wait_for_url("**/pricing.html")


def test_entries_follow_their_audience_and_pages_and_stop_leaves_nothing(page, server):
    admins = AudienceRule(match="all", conditions=[Condition(attribute="role", op="equals", value="admin")])
    only_reports = UrlRule(match="prefix", value="/reports")
    bundle = bundle_of(
        center(
            CenterEntry(id="x", title="Admin settings", action="open_url", url="/admin", audience=admins),
            CenterEntry(id="y", title="Reading reports", action="open_url", url="/r", pages=only_reports),
            CenterEntry(id="z", title="Contact us", action="open_url", url="/contact"),
        )
    )
    Player(page, bundle, user={"role": "viewer"})
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCHER).click()
    assert texts(page, f"{PANEL} .gs-label") == ["Contact us"]
    page.evaluate("GuideRuntime.stop()")
    assert page.locator("[data-guide-runtime]").count() == 0


def test_an_announcement_started_alone_shows_nothing_and_stays_listed(page, server):
    player = Player(page, bundle_of(center(*ENTRIES), TOUR, news("n", "2026-11-20", "CSV export")))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCHER).wait_for()
    assert page.evaluate("GuideRuntime.start('n')") is True
    page.wait_for_timeout(100)
    assert "guide_error" not in player.names()
    page.locator(LAUNCHER).click()
    assert texts(page, f"{PANEL} .gs-label")[-1] == "CSV export"


def test_a_panel_opened_in_a_surveys_corner_hides_the_survey_until_it_closes(page, server):
    """Two panels never share one spot: the survey waits, hidden, under the opened resource center."""
    from .test_runtime_survey import NPS, survey

    Player(page, bundle_of(center(*ENTRIES), TOUR, survey(NPS)))
    page.goto(server.page("/app.html", PAGE))
    asked = page.locator("[data-guide-runtime] .gs-survey")
    asked.wait_for()
    page.locator(LAUNCHER).click()
    panel = page.locator(f"{PANEL}:not(.gs-survey)")
    panel.wait_for()
    assert asked.is_hidden()
    page.keyboard.press("Escape")
    assert panel.count() == 0
    asked.wait_for()
    page.get_by_role("radio", name="9", exact=True).check()  # the survey is whole again and answerable


def test_a_survey_that_starts_while_a_panel_is_open_in_its_corner_waits_hidden_until_it_closes(page, server):
    """Whichever comes first, the two never share one spot: the survey shown later waits under the open panel."""
    from .test_runtime_survey import NPS, survey

    Player(page, bundle_of(center(*ENTRIES), TOUR, survey(NPS, trigger=ManualTrigger())))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCHER).click()
    panel = page.locator(f"{PANEL}:not(.gs-survey)")
    panel.wait_for()
    assert page.evaluate("GuideRuntime.start('pulse')") is True
    asked = page.locator("[data-guide-runtime] .gs-survey")
    asked.wait_for(state="attached")
    assert asked.is_hidden()
    page.keyboard.press("Escape")
    assert panel.count() == 0
    asked.wait_for()
    page.get_by_role("radio", name="9", exact=True).check()


def test_on_a_short_window_the_open_panel_fits_below_the_top_and_scrolls(page, server):
    """A phone on its side (844 x 390) under Tabler's fixed bottom bar, which lifts the launcher: the panel rose
    above the window's top, its title, × and search out of reach."""
    bar = '<div style="position:fixed;left:0;right:0;bottom:0;height:120px;background:#333"></div>'
    page.set_viewport_size({"width": 844, "height": 390})
    items = [news(f"n{i}", f"2026-11-{i + 10}", f"News {i}") for i in range(5)]
    Player(page, bundle_of(center(*ENTRIES), TOUR, *items))
    page.goto(server.page("/app.html", PAGE.replace("</main>", bar + "</main>")))
    page.locator(LAUNCHER).click()
    page.locator(PANEL).wait_for()
    page.wait_for_timeout(100)
    top, bottom, launcher_top = page.evaluate(
        """() => { const s = document.querySelector('[data-guide-runtime]').shadowRoot;
          const p = s.querySelector('.gs-panel').getBoundingClientRect();
          return [p.top, p.bottom, s.querySelector('.gs-launcher').getBoundingClientRect().top]; }"""
    )
    assert top >= 0 and bottom <= launcher_top, (top, bottom, launcher_top)
    page.get_by_role("searchbox").fill("News 4")  # within reach
    page.get_by_role("button", name="Close").click()
    page.locator(PANEL).wait_for(state="detached")


def test_on_a_short_window_the_open_panel_stops_below_a_top_banner(page, server):
    """A phone on its side with a banner at the top: the open panel used to cover the banner's Got it and ×."""
    from .test_runtime_banner import banner

    page.set_viewport_size({"width": 844, "height": 390})
    items = [news(f"n{i}", f"2026-11-{i + 10}", f"News {i}") for i in range(5)]
    Player(page, bundle_of(center(*ENTRIES), TOUR, banner(), *items))
    page.goto(server.page("/app.html", PAGE))
    page.get_by_role("button", name="Got it").wait_for()
    page.locator(LAUNCHER).click()
    page.locator(f"{PANEL}:not(.gs-survey)").wait_for()
    page.wait_for_timeout(100)
    top, banner_bottom = page.evaluate(
        """() => { const s = document.querySelector('[data-guide-runtime]').shadowRoot;
          return [s.querySelector('.gs-panel').getBoundingClientRect().top,
                  s.querySelector('.gs-banner').getBoundingClientRect().bottom]; }"""
    )
    assert top >= banner_bottom, (top, banner_bottom)
    page.get_by_role("button", name="Got it").click()  # still within reach
    page.locator("[data-guide-runtime] .gs-banner").wait_for(state="detached")
