"""Surveys played by the shipped runtime in real Chromium: every question type, keyboard, events, throttling
(sampling, snooze, re-ask, the project's cooldown) under a controlled clock, axe, strict CSP, RTL, stop()."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from axe_playwright_python.sync_playwright import Axe

from studio.domain import AutomaticTrigger, Modal, Pacing, ProjectSettings, Step, Survey

from .runtime_helpers import RUNTIME_JS, Player, bundle_of, html, runtime_nodes

PANEL = "[data-guide-runtime] .gs-survey"
PAGE = html("<h1>Invoices</h1><p>Content</p>")
START = datetime(2026, 1, 5, 9, 0)
CHOICES = [{"id": "csv", "label": "CSV"}, {"id": "pdf", "label": "PDF"}, {"id": "xls", "label": "Excel"}]


def survey(*questions: dict, **fields) -> Survey:
    fields.setdefault("trigger", AutomaticTrigger())
    return Survey.model_validate(
        {"id": "pulse", "name": "Quick survey", "questions": list(questions), **fields}
    )


NPS = {
    "id": "nps",
    "type": "nps",
    "followUp": {
        "detractor": "What went wrong?",
        "passive": "What would make it a 10?",
        "promoter": "What do you love?",
    },
}


def answers(player: Player) -> list[tuple[str, object, object]]:
    return [(d["questionId"], d["value"], d.get("text")) for n, d in player.events if n == "survey_answered"]


def legend(page) -> str:
    return page.locator(f"{PANEL} legend").inner_text()


def axe_clean(page) -> None:
    found = Axe().run(page).response["violations"]
    assert found == [], [(v["id"], [n["html"] for n in v["nodes"]]) for v in found]


def test_nps_by_keyboard_with_its_follow_up_then_csat_then_thanks(page, server):
    player = Player(
        page,
        bundle_of(
            survey(
                NPS,
                {"id": "sat", "type": "csat", "text": "How satisfied are you?"},
                thankYou={"title": "Merci", "body": "<p>See you</p>"},
            )
        ),
    )
    page.goto(server.page("/app.html", PAGE))
    page.locator(PANEL).wait_for()
    # Named by the question on screen, never by the guide's name (the studio's "not shown to users")
    assert page.get_by_role("dialog", name="Quick survey").count() == 0
    assert page.get_by_role(
        "dialog", name="How likely are you to recommend us to a friend or colleague?"
    ).is_visible()
    group = page.get_by_role(
        "radiogroup", name="How likely are you to recommend us to a friend or colleague?"
    )
    assert (
        group.get_by_role("radio").count() == 11
        and page.locator(PANEL).get_by_text("Not likely").is_visible()
    )
    assert page.locator(PANEL).get_by_text("1 of 2").is_visible()
    axe_clean(page)
    assert player.names() == ["guide_started"]  # the first screen does not take the user's focus
    page.get_by_role("radio", name="0", exact=True).focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    assert page.get_by_role("radio", name="8").is_checked()
    page.keyboard.press("Enter")  # Enter answers
    player.wait_event("survey_answered")
    assert legend(page) == "What would make it a 10?"  # the passive's follow-up
    page.keyboard.type("Faster export")  # focus moved into the follow-up's box
    page.get_by_role("button", name="Next").click()
    player.wait_event("survey_answered", 2)
    assert legend(page) == "How satisfied are you?"
    faces = page.get_by_role("radiogroup", name="How satisfied are you?").get_by_role("radio")
    assert faces.count() == 5 and page.get_by_role("radio", name="4 / 5").is_visible()
    axe_clean(page)
    page.get_by_role("radio", name="4 / 5").check()
    page.get_by_role("button", name="Done").click()
    player.wait_event("guide_completed")
    assert answers(player) == [("nps", 8, None), ("nps/follow-up", "Faster export", None), ("sat", 4, None)]
    assert legend(page) == "Merci" and page.locator(PANEL).get_by_text("See you").is_visible()
    axe_clean(page)
    page.get_by_role("button", name="Close", exact=True).last.click()
    page.locator(PANEL).wait_for(state="detached")
    assert "guide_dismissed" not in player.names() and player.names().count("guide_completed") == 1
    page.reload()
    page.wait_for_timeout(400)
    assert page.locator(PANEL).count() == 0  # answered, no re-ask: never again


def test_rating_choices_and_open_text_and_a_required_answer(page, server):
    player = Player(
        page,
        bundle_of(
            survey(
                {"id": "stars", "type": "rating", "text": "Rate the reports"},
                {"id": "nums", "type": "rating", "text": "Rate the export", "style": "numbers", "scale": 7},
                {
                    "id": "one",
                    "type": "single_choice",
                    "text": "Your format?",
                    "options": CHOICES,
                    "allowOther": True,
                },
                {"id": "many", "type": "multiple_choice", "text": "Which formats?", "options": CHOICES},
                {"id": "skip", "type": "open_text", "text": "Optional words", "required": False},
                {"id": "open", "type": "open_text", "text": "Anything else?", "placeholder": "Tell us"},
                snoozeDays=0,
            )
        ),
    )
    page.goto(server.page("/app.html", PAGE))
    page.locator(PANEL).wait_for()
    assert page.get_by_role("button", name="Ask me later").count() == 0  # snoozeDays 0
    stars = page.get_by_role("radiogroup", name="Rate the reports").get_by_role("radio")
    assert stars.count() == 5
    page.get_by_role("button", name="Next").click()  # required: nothing happens but focus on the scale
    page.wait_for_timeout(150)
    assert answers(player) == [] and legend(page) == "Rate the reports"
    question = page.locator(f"{PANEL} fieldset")
    assert question.get_attribute("aria-invalid") == "true"  # marked, so the click is not lost on anyone
    assert (
        question.locator(".gs-scale span").first.evaluate("s => getComputedStyle(s).outlineStyle") == "solid"
    )
    assert (
        page.evaluate("document.querySelector('[data-guide-runtime]').shadowRoot.activeElement.type")
        == "radio"
    )
    page.get_by_role("radio", name="3 / 5").check()
    lit = page.locator(f"{PANEL} .gs-stars span").evaluate_all("s => s.map(e => getComputedStyle(e).color)")
    assert lit[0] == lit[2] != lit[3] == lit[4]  # stars up to the choice are lit
    page.get_by_role("button", name="Next").click()
    assert page.get_by_role("radiogroup", name="Rate the export").get_by_role("radio").count() == 7
    page.get_by_role("radio", name="6").check()
    page.get_by_role("button", name="Next").click()
    assert page.get_by_role("radiogroup", name="Your format?").get_by_role("radio").count() == 4
    page.get_by_role("textbox", name="Other").fill("Markdown")  # typing picks "Other"
    assert page.get_by_role("radio", name="Other").is_checked()
    axe_clean(page)
    page.get_by_role("button", name="Next").click()
    page.get_by_role("checkbox", name="CSV").check()
    page.get_by_role("checkbox", name="Excel").check()
    page.get_by_role("button", name="Next").click()
    assert legend(page) == "Optional words"
    page.get_by_role("button", name="Next").click()  # not required: skipped without an answer
    assert page.get_by_role("textbox", name="Anything else?").get_attribute("placeholder") == "Tell us"
    page.get_by_role("textbox", name="Anything else?").fill("  Great tool  ")
    page.get_by_role("button", name="Done").click()
    player.wait_event("guide_completed")
    assert answers(player) == [
        ("stars", 3, None),
        ("nums", 6, None),
        ("one", "other", "Markdown"),
        ("many", ["csv", "xls"], None),
        ("open", "Great tool", None),
    ]
    assert legend(page) == "Thank you!"


def test_dismissed_it_asks_again_only_after_reask_days(page, server):
    page.clock.set_fixed_time(START)
    player = Player(page, bundle_of(survey(NPS, reaskDays=30)))
    url = server.page("/app.html", PAGE)
    page.goto(url)
    page.locator(PANEL).wait_for()
    page.keyboard.press("Tab")  # keyboard users reach it (after the page's own controls) ...
    active = "document.querySelector('[data-guide-runtime]').shadowRoot.activeElement"
    assert page.evaluate(f"{active}.getAttribute('aria-label')") == "Close"
    page.keyboard.press("Tab")
    assert page.evaluate(f"{active}.value") == "0"  # ... the scale is one stop: the arrows move in it
    page.keyboard.press("Tab")
    assert page.evaluate(f"{active}.textContent") == "Ask me later"
    page.keyboard.press("Escape")  # ... and leave it with Escape
    player.wait_event("guide_dismissed")
    assert page.locator(PANEL).count() == 0
    page.clock.set_fixed_time(START + timedelta(days=29))
    page.reload()
    page.wait_for_timeout(400)
    assert page.locator(PANEL).count() == 0
    page.clock.set_fixed_time(START + timedelta(days=30, minutes=1))
    page.reload()
    page.locator(PANEL).wait_for()
    page.get_by_role("button", name="Close").click()  # the × button dismisses too
    player.wait_event("guide_dismissed", 2)


def test_ask_me_later_snoozes_for_snooze_days(page, server):
    page.clock.set_fixed_time(START)
    player = Player(page, bundle_of(survey(NPS, snoozeDays=7)))
    url = server.page("/app.html", PAGE)
    page.goto(url)
    page.locator(PANEL).wait_for()
    page.get_by_role("button", name="Ask me later").click()
    assert player.wait_event("survey_snoozed") == {"type": "survey_snoozed", "guideId": "pulse"}
    assert page.locator(PANEL).count() == 0 and "guide_dismissed" not in player.names()
    page.clock.set_fixed_time(START + timedelta(days=6, hours=23))
    page.reload()
    page.wait_for_timeout(400)
    assert page.locator(PANEL).count() == 0
    page.clock.set_fixed_time(START + timedelta(days=7, minutes=1))
    page.reload()
    page.locator(PANEL).wait_for()


def test_a_sample_of_users_is_asked_and_each_users_draw_is_kept(page, server):
    url = server.page("/app.html", PAGE)
    page.add_init_script(script="Math.random = function () { return window.__draw; }; window.__draw = 0.3;")
    Player(page, bundle_of(survey(NPS, samplePercent=50)))
    page.goto(url)
    page.locator(PANEL).wait_for()  # drew 30 < 50: asked
    page.add_init_script(script="window.__draw = 0.9;")
    page.get_by_role("button", name="Ask me later").click()
    state = page.evaluate("JSON.parse(localStorage.getItem('guide-runtime:state')).sv.pulse")
    assert round(state["r"]) == 30
    page.evaluate(
        "s => { const v = JSON.parse(localStorage.getItem('guide-runtime:state')); delete v.sv.pulse.z;"
        " localStorage.setItem('guide-runtime:state', JSON.stringify(v)); }",
        None,
    )
    page.reload()
    page.locator(PANEL).wait_for()  # a new draw of 90 would not be asked: the first draw is kept


def test_a_user_outside_the_sample_is_never_asked(page, server):
    Player(page, bundle_of(survey(NPS, samplePercent=0)))
    page.goto(server.page("/app.html", PAGE))
    page.wait_for_timeout(400)
    assert page.locator(PANEL).count() == 0
    assert page.evaluate("JSON.parse(localStorage.getItem('guide-runtime:state')).sv.pulse.r") >= 0


def test_the_projects_cooldown_keeps_a_survey_away_from_another_automatic_guide(page, server):
    page.clock.set_fixed_time(START)
    welcome = Modal(
        id="welcome",
        name="Welcome",
        trigger=AutomaticTrigger(),
        priority=90,
        steps=[Step(id="m", title="Welcome")],
    )
    bundle = bundle_of(welcome, survey(NPS), settings=ProjectSettings(pacing=Pacing(cooldown_hours=2)))
    assert bundle["pacing"] == {"cooldownHours": 2}
    player = Player(page, bundle)
    url = server.page("/app.html", PAGE)
    page.goto(url)
    page.get_by_role("button", name="Got it").click()
    player.wait_event("guide_completed")
    page.wait_for_timeout(400)
    assert page.locator(PANEL).count() == 0  # the modal was shown moments ago
    page.clock.set_fixed_time(START + timedelta(hours=1, minutes=59))
    page.reload()
    page.wait_for_timeout(400)
    assert page.locator(PANEL).count() == 0
    page.evaluate("GuideRuntime.start('pulse')")  # asked for by the app: no cooldown
    page.locator(PANEL).wait_for()
    page.evaluate("GuideRuntime.stop()")
    page.clock.set_fixed_time(START + timedelta(hours=2, minutes=1))
    page.reload()
    page.locator(PANEL).wait_for()


def test_right_to_left_strict_csp_and_stop_leaves_nothing(page, server):
    csp = (
        "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self'; "
        "require-trusted-types-for 'script'; trusted-types guide-runtime"
    )
    server.page("/rt.js", RUNTIME_JS, ctype="text/javascript")
    bundle = bundle_of(
        survey(NPS, {"id": "c", "type": "single_choice", "text": "Format?", "options": CHOICES})
    )
    server.page("/bundle.json", json.dumps(bundle), ctype="application/json")
    body = (
        '<h1>فواتير</h1><script nonce="r4nd0m" src="/rt.js"></script>'
        "<script nonce=\"r4nd0m\">GuideRuntime.init({bundleUrl: '/bundle.json'});</script>"
    )
    url = server.page("/rtl.html", html(body, lang="ar", dir="rtl"), headers={"Content-Security-Policy": csp})
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(url)
    page.locator(PANEL).wait_for()
    x = page.locator(f"{PANEL} .gs-scale label").evaluate_all(
        "ls => ls.map(l => l.getBoundingClientRect().left)"
    )
    assert x == sorted(x, reverse=True)  # 0 on the right, 10 on the left
    # the layout is mirrored, but English text stays English: "colleague?", not "?colleague"
    first, last = page.locator(f"{PANEL} legend").evaluate(
        """l => { const t = l.firstChild, r = document.createRange(), at = i => (r.setStart(t, i), r.setEnd(t, i + 1), r.getBoundingClientRect().left);
                  return [at(t.data.length - 2), at(t.data.length - 1)]; }"""
    )
    assert last > first
    close = page.locator(f"{PANEL} .gs-x").bounding_box()
    panel = page.locator(PANEL).bounding_box()
    assert close["x"] < panel["x"] + panel["width"] / 2  # the close button on the left
    legend = page.locator(f"{PANEL} legend").bounding_box()
    assert close["x"] + close["width"] <= legend["x"]  # beside the question, not on it
    assert page.locator(PANEL).evaluate("e => getComputedStyle(e).position") == "fixed"
    page.get_by_role("radio", name="0", exact=True).focus()
    page.keyboard.press("ArrowLeft")  # towards the higher scores, as they lie
    assert page.get_by_role("radio", name="1", exact=True).is_checked()
    assert violations == []
    page.evaluate("GuideRuntime.stop()")
    assert runtime_nodes(page) == 0


def test_a_survey_sits_where_its_author_put_it(page, server):
    url = server.page("/app.html", PAGE)
    centred = "Math.abs(r.left + r.width / 2 - innerWidth / 2) < 1 && Math.abs(r.top + r.height / 2 - innerHeight / 2) < 1"
    for position, check in (
        ("bottom_left", "r.left === 20 && innerHeight - r.bottom === 76"),
        ("bottom_right", "innerWidth - r.right === 20 && innerHeight - r.bottom === 76"),
        ("center", centred),
    ):
        tab = page.context.new_page()
        Player(tab, bundle_of(survey(NPS, position=position)))
        tab.goto(url)
        box = tab.locator(PANEL)
        box.wait_for()
        assert box.evaluate(f"e => {{ const r = e.getBoundingClientRect(); return {check}; }}"), position
        tab.close()


def test_after_a_page_load_it_goes_on_at_the_question_it_was_on(page, server):
    player = Player(
        page,
        bundle_of(survey(NPS, {"id": "c", "type": "single_choice", "text": "Format?", "options": CHOICES})),
    )
    page.goto(server.page("/app.html", PAGE))
    page.locator(PANEL).wait_for()
    page.get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("button", name="Next").click()
    player.wait_event("survey_answered")
    assert legend(page) == "What went wrong?"  # the detractor's follow-up, skipped by the page load
    page.reload()
    page.locator(PANEL).wait_for()
    assert legend(page) == "Format?" and page.locator(PANEL).get_by_text("2 of 2").is_visible()
    page.get_by_role("radio", name="PDF").check()
    page.get_by_role("button", name="Done").click()
    player.wait_event("guide_completed")
    assert answers(player) == [("nps", 3, None), ("c", "pdf", None)]  # the score once, not asked again
    page.get_by_role("button", name="Close", exact=True).last.click()
    page.locator(PANEL).wait_for(state="detached")
    page.evaluate("GuideRuntime.start('pulse')")  # asked again by the app: from the first question
    page.locator(PANEL).wait_for()
    assert legend(page).startswith("How likely")


def test_next_done_and_close_log_no_runtime_error(page, server):
    """The submit buttons (Next, Done, Close on the thanks) had a click handler of 0: each press logged a TypeError."""
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type in ("warning", "error") else None)
    player = Player(
        page, bundle_of(survey(NPS, {"id": "sat", "type": "csat", "text": "How satisfied are you?"}))
    )
    page.goto(server.page("/app.html", PAGE))
    page.locator(PANEL).wait_for()
    page.get_by_role("radio", name="9").check()
    page.get_by_role("button", name="Next").click()
    player.wait_event("survey_answered")
    page.get_by_role("button", name="Next").click()  # the follow-up left empty
    page.get_by_role("radio", name="5 / 5").check()
    page.get_by_role("button", name="Done").click()
    player.wait_event("guide_completed")
    page.get_by_role("button", name="Close", exact=True).last.click()
    page.locator(PANEL).wait_for(state="detached")
    assert [w for w in warnings if "guide-runtime" in w] == []
