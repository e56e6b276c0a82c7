"""Launchers played by the shipped runtime: where they sit, what a click opens, what they leave behind."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from studio.domain import (
    AutomaticTrigger,
    CenterEntry,
    Checklist,
    ChecklistItem,
    Launcher,
    Modal,
    ResourceCenter,
    Step,
    Target,
    UrlRule,
)
from studio.domain.target import SelectorCandidate

from .runtime_helpers import Player, bundle_of, html

PAGE = html('<h1>Invoices</h1><p>Content</p><button id="export" style="margin:40px 200px">Export</button>')
LAUNCH = "[data-guide-runtime] .gs-launch"
HELP = Modal(id="help", name="Help", steps=[Step(id="m", title="How invoices work")])


def launcher(**fields) -> Launcher:
    step = fields.pop("step", None) or Step(id="s", title="Help")
    fields.setdefault("trigger", AutomaticTrigger())
    fields.setdefault("frequency", "always")
    return Launcher(
        id=fields.pop("id", "l"),
        name=fields.pop("name", "Help launcher"),
        guide_id="help",
        steps=[step],
        **fields,
    )


def boxes(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelector('[data-guide-runtime]').shadowRoot
          .querySelectorAll('.gs-launch, .gs-launcher')].map(b => { const r = b.getBoundingClientRect();
          return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: b.textContent}; })"""
    )


def test_a_corner_launcher_opens_its_guide_and_stays(page, server):
    player = Player(page, bundle_of(launcher(), HELP))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCH).wait_for()
    box = boxes(page)[0]
    size = page.viewport_size
    assert abs(size["width"] - box["right"] - 20) < 1 and abs(size["height"] - box["bottom"] - 20) < 1
    assert Axe().run(page).response["violations"] == []
    page.get_by_role("button", name="Help").click()
    assert player.wait_event("guide_started", 2)["guideId"] == "help"
    page.get_by_role("dialog", name="How invoices work").wait_for()
    assert player.wait_event("step_completed")["guideId"] == "l"
    page.keyboard.press("Escape")
    player.wait_event("guide_dismissed")
    assert page.locator(LAUNCH).count() == 1  # the launcher is still there for next time


def test_an_icon_launcher_sits_beside_its_element_and_is_named_by_its_label(page, server):
    target = Target(candidates=[SelectorCandidate(kind="id", value="#export", score=0.9, unique=True)])
    step = Step(id="s", title="About exporting", target=target, placement="right")
    Player(page, bundle_of(launcher(style="icon", icon="info", step=step), HELP))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCH).wait_for()
    page.wait_for_timeout(100)
    button = page.evaluate("document.getElementById('export').getBoundingClientRect().toJSON()")
    box = boxes(page)[0]
    assert box["text"] == "i" and box["left"] >= button["right"] and box["left"] - button["right"] < 16
    middle = (box["top"] + box["bottom"]) / 2
    assert abs(middle - (button["top"] + button["bottom"]) / 2) < 1
    assert page.get_by_role("button", name="About exporting").count() == 1
    assert page.locator(LAUNCH).get_attribute("title") == "About exporting"  # a sighted user's tip too
    assert Axe().run(page).response["violations"] == []


def test_a_launcher_beside_an_element_scrolled_out_of_the_window_waits_out_of_sight(page, server):
    """Material Dashboard 3.0.9: an icon beside the page's heading stayed pinned to the window's top edge once the
    heading scrolled away, over the app (and over a banner there), pointing at nothing."""
    target = Target(candidates=[SelectorCandidate(kind="id", value="#export", score=0.9, unique=True)])
    step = Step(id="s", title="About exporting", target=target, placement="right")
    Player(page, bundle_of(launcher(style="icon", step=step), HELP))
    page.goto(server.page("/app.html", PAGE.replace("</main>", '<div style="height:3000px"></div></main>')))
    page.locator(LAUNCH).wait_for()
    assert page.get_by_role("button", name="About exporting").is_visible()
    page.mouse.wheel(0, 1500)
    page.wait_for_function(
        "document.getElementById('export').getBoundingClientRect().bottom < 0", timeout=5000
    )
    page.wait_for_timeout(400)  # past a frame and the 300 ms poll
    assert not page.get_by_role("button", name="About exporting").is_visible()  # not pinned to the top edge
    page.mouse.wheel(0, -1500)
    page.wait_for_function("document.getElementById('export').getBoundingClientRect().top >= 0", timeout=5000)
    page.wait_for_timeout(400)
    assert page.get_by_role("button", name="About exporting").is_visible()  # back beside its element


def test_launchers_a_checklist_and_a_resource_center_in_one_corner_stack(page, server):
    checklist = Checklist(
        id="c",
        name="Setup",
        title="Get started",
        trigger=AutomaticTrigger(),
        items=[ChecklistItem(id="i", title="Create an invoice")],
    )
    second = launcher(id="l2", name="Second", step=Step(id="s", title="What's new"), style="beacon")
    center = ResourceCenter(
        id="rc",
        name="Help center",
        title="Support",
        trigger=AutomaticTrigger(),
        entries=[CenterEntry(id="e", title="Open the help", guide_id="help")],
    )
    Player(page, bundle_of(launcher(), second, checklist, center, HELP))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCH).nth(1).wait_for()
    page.locator("[data-guide-runtime] .gs-launcher").nth(1).wait_for()
    page.wait_for_timeout(400)
    placed = boxes(page)
    assert len(placed) == 4
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            apart = (
                a["bottom"] <= b["top"]
                or b["bottom"] <= a["top"]
                or a["right"] <= b["left"]
                or b["right"] <= a["left"]
            )
            assert apart, (a, b)
    assert page.get_by_role("button", name="What's new").count() == 1  # a beacon is named by its label
    page.get_by_role("button", name="Support").click()  # the resource center's launcher
    panel = page.evaluate(
        """() => document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('.gs-panel')
          .getBoundingClientRect().bottom"""
    )
    center_top = next(b["top"] for b in boxes(page) if b["text"].startswith("Support"))
    assert panel <= center_top  # its panel opens above it, wherever the stack put it


def test_a_launcher_follows_its_pages_and_stop_leaves_nothing(page, server):
    only = AutomaticTrigger(url=UrlRule(match="exact", value="/app.html"))
    Player(page, bundle_of(launcher(trigger=only), HELP))
    page.goto(server.page("/app.html", PAGE))
    page.locator(LAUNCH).wait_for()
    page.evaluate("history.pushState({}, '', '/elsewhere.html')")
    page.locator(LAUNCH).wait_for(state="detached", timeout=2000)
    page.evaluate("history.pushState({}, '', '/app.html')")
    page.locator(LAUNCH).wait_for(timeout=2000)
    page.evaluate("GuideRuntime.stop()")
    assert page.locator("[data-guide-runtime]").count() == 0


def test_a_launcher_beside_an_element_goes_to_the_start_side_in_rtl(page, server):
    target = Target(candidates=[SelectorCandidate(kind="id", value="#export", score=0.9, unique=True)])
    Player(page, bundle_of(launcher(step=Step(id="s", title="مساعدة", target=target)), HELP))
    page.goto(
        server.page(
            "/app.html",
            html('<button id="export" style="margin:40px 200px">تصدير</button>', lang="ar", dir="rtl"),
        )
    )
    page.locator(LAUNCH).wait_for()
    page.wait_for_timeout(100)
    button = page.evaluate("document.getElementById('export').getBoundingClientRect().toJSON()")
    assert boxes(page)[0]["right"] <= button["left"]


def test_a_survey_in_a_corner_opens_above_the_launchers_stacked_there(page, server):
    from studio.domain import Survey
    from studio.domain.survey import NpsQuestion

    survey = Survey(id="pulse", name="Pulse", trigger=AutomaticTrigger(), questions=[NpsQuestion(id="nps")])
    Player(
        page,
        bundle_of(
            launcher(), launcher(id="l2", name="Second", step=Step(id="s", title="Tips")), survey, HELP
        ),
    )
    page.goto(server.page("/app.html", PAGE))
    page.locator("[data-guide-runtime] .gs-survey").wait_for()
    page.wait_for_timeout(400)
    survey_bottom = page.evaluate(
        """() => document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('.gs-survey')
          .getBoundingClientRect().bottom"""
    )
    assert survey_bottom <= min(b["top"] for b in boxes(page))  # both launchers stay visible below it


def test_a_corner_launcher_sits_beyond_the_apps_own_fixed_control_there(page, server):
    fixed = (
        '<button id="gear" style="position:fixed;right:8px;bottom:8px;width:140px;height:60px">Settings</button>'
        '<nav style="position:fixed;left:0;top:0;bottom:0;width:120px;background:#eee">Menu</nav>'
    )
    Player(page, bundle_of(launcher(), launcher(id="left", corner="bottom_left"), HELP))
    page.goto(server.page("/app.html", html("<h1>Invoices</h1>" + fixed)))
    page.locator(LAUNCH).nth(1).wait_for()
    page.wait_for_timeout(100)
    right, left = boxes(page)
    gear = page.locator("#gear").bounding_box()
    height = page.evaluate("innerHeight")
    assert right["bottom"] == gear["y"] - 12  # above the app's settings button, not on it
    assert (
        left["bottom"] == height - 20 and left["left"] == 120 + 20
    )  # beside the fixed sidebar, in the content's corner


def test_a_corner_launcher_sits_above_a_round_fixed_button_of_the_app(page, server):
    """Material Dashboard 3.0.9's settings button is a pill in the corner: the one point looked at, 40 px in from
    the corner, fell outside its rounded end, and the Help launcher sat on it."""
    pill = (
        '<a href="#settings" style="position:fixed;right:30px;bottom:30px;width:112px;height:52px;'
        'border-radius:50%;background:#fff;box-shadow:0 2px 6px #0003">Settings</a>'
    )
    Player(page, bundle_of(launcher(), HELP))
    page.goto(server.page("/app.html", html("<h1>Invoices</h1>" + pill)))
    page.locator(LAUNCH).wait_for()
    page.wait_for_timeout(100)
    (help_button,) = boxes(page)
    button = page.locator("a[href='#settings']").bounding_box()
    assert help_button["bottom"] == button["y"] - 12, (help_button, button)  # above it, not on it


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def test_on_a_phone_the_two_bottom_corners_are_one_stack(page, server):
    wide = launcher(id="wide", name="Wide", step=Step(id="s", title="Get started with the whole product"))
    Player(page, bundle_of(wide, launcher(id="left", corner="bottom_left"), HELP))
    url = server.page("/app.html", html("<h1>Invoices</h1>"))
    page.goto(url)
    page.locator(LAUNCH).nth(1).wait_for()
    right, left = boxes(page)
    assert right["bottom"] == left["bottom"]  # a wide window: each corner its own stack
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(400)  # the stacks follow a resize on the next frame
    right, left = boxes(page)
    assert not overlaps(right, left), (right, left)
    assert left["bottom"] <= right["top"] - 12


def test_a_survey_above_a_corner_launcher_moves_with_it_when_the_app_lifts_the_stack(page, server):
    """A fixed bar the app adds after load (Tabler's bottom bar) lifts the launcher: the survey goes up too, not over it."""
    from studio.domain import Survey
    from studio.domain.survey import NpsQuestion

    survey = Survey(id="pulse", name="Pulse", trigger=AutomaticTrigger(), questions=[NpsQuestion(id="nps")])
    Player(page, bundle_of(launcher(), survey, HELP))
    page.goto(server.page("/app.html", PAGE))
    page.locator("[data-guide-runtime] .gs-survey").wait_for()
    page.evaluate(
        """() => { const bar = document.createElement('div');
          bar.style.cssText = 'position:fixed;left:0;right:0;bottom:0;height:150px;background:#333';
          document.body.appendChild(bar); }"""
    )
    page.wait_for_timeout(800)  # the stack polls every 300 ms
    (help_button,) = boxes(page)
    assert help_button["bottom"] <= page.evaluate("innerHeight") - 150  # lifted above the app's bar
    top, bottom = page.evaluate(
        """() => { const r = document.querySelector('[data-guide-runtime]').shadowRoot.querySelector('.gs-survey')
          .getBoundingClientRect(); return [r.top, r.bottom]; }"""
    )
    assert top >= 0 and bottom <= help_button["top"], (
        top,
        bottom,
        help_button,
    )  # on screen, the launcher reachable
