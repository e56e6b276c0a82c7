"""Triggers, frequency, schedule, audience, priority and storage, in the shipped runtime."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studio.domain import (
    AudienceRule,
    AutomaticTrigger,
    Condition,
    LauncherTrigger,
    Modal,
    Schedule,
    Step,
    UrlRule,
)

from .runtime_helpers import Player, bundle_of, callout, html
from .samples import make_target

VECTORS = json.loads((Path(__file__).parent / "vectors" / "url_rules.json").read_text())
PAGE = html('<h1>App</h1><button data-testid="help">Help</button>')


def modal(id_: str, title: str, **kw) -> Modal:
    kw.setdefault("trigger", AutomaticTrigger())
    return Modal(id=id_, name=title, steps=[Step(id="m", title=title)], **kw)


@pytest.mark.parametrize(
    "case", VECTORS, ids=lambda c: f"{c['rule']['match']}:{c['rule']['value']}:{c['url']}"
)
def test_url_rules_in_python(case):
    assert UrlRule.model_validate(case["rule"]).matches(case["url"]) is case["expected"]


def test_url_rules_in_the_runtime_agree(page, server):
    Player(page, bundle_of(), autoinit=False)
    page.goto(server.page("/app.html", PAGE))
    results = page.evaluate("vs => vs.map(v => GuideRuntime.matchUrl(v.rule, v.url))", VECTORS)
    assert results == [case["expected"] for case in VECTORS]


def test_frequency_once_and_always(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(
        page, bundle_of(modal("once", "Once"), modal("every", "Every", frequency="always", priority=10))
    )
    page.goto(url)
    page.get_by_role("dialog", name="Once").wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("dialog", name="Every").wait_for()
    page.keyboard.press("Escape")
    page.reload()
    page.get_by_role("dialog", name="Every").wait_for()
    page.wait_for_timeout(200)
    assert [d["guideId"] for n, d in player.events if n == "guide_started"] == ["once", "every", "every"]


def test_once_per_session(page, server, browser):
    url = server.page("/app.html", PAGE)
    player = Player(page, bundle_of(modal("sess", "Session", frequency="once_per_session")))
    page.goto(url)
    page.get_by_role("dialog").wait_for()
    page.keyboard.press("Escape")
    page.reload()
    page.wait_for_timeout(400)
    assert player.names().count("guide_started") == 1
    other = page.context.new_page()  # a new tab is a new session (sessionStorage is per tab)
    second = Player(other, bundle_of(modal("sess", "Session", frequency="once_per_session")))
    other.goto(url)
    other.get_by_role("dialog").wait_for()
    assert second.names()[0] == "guide_started"


def test_priority_shows_one_automatic_guide_at_a_time(page, server):
    url = server.page("/app.html", PAGE)
    player = Player(page, bundle_of(modal("low", "Low", priority=10), modal("high", "High", priority=90)))
    page.goto(url)
    page.get_by_role("dialog", name="High").wait_for()
    page.wait_for_timeout(300)
    assert callout(page).count() == 1
    page.keyboard.press("Escape")
    page.get_by_role("dialog", name="Low").wait_for()
    assert [d["guideId"] for n, d in player.events if n == "guide_started"] == ["high", "low"]


def test_audience_schedule_and_delay(page, server):
    url = server.page("/app.html", PAGE)
    now = datetime.now(UTC)
    guides = [
        modal(
            "pro",
            "Pro only",
            audience=AudienceRule(conditions=[Condition(attribute="plan", value="pro")]),
            priority=5,
        ),
        modal(
            "admins",
            "Admins",
            audience=AudienceRule(conditions=[Condition(attribute="roles", op="contains", value="admin")]),
            priority=6,
        ),
        modal("future", "Future", schedule=Schedule(start_at=now + timedelta(days=1)), priority=7),
        modal("past", "Past", schedule=Schedule(end_at=now - timedelta(days=1)), priority=8),
        modal("later", "Later", trigger=AutomaticTrigger(delay_ms=600), priority=1),
    ]
    player = Player(page, bundle_of(*guides), user={"plan": "free", "roles": ["admin", "billing"]})
    page.goto(url)
    page.get_by_role("dialog", name="Admins").wait_for()
    page.keyboard.press("Escape")
    started_at = page.evaluate("performance.now()")
    page.get_by_role("dialog", name="Later").wait_for()
    assert page.evaluate("performance.now()") - started_at >= 500
    assert [d["guideId"] for n, d in player.events if n == "guide_started"] == ["admins", "later"]


def test_element_present_and_launcher_triggers(page, server):
    late = html('<button data-testid="help">Help</button>')
    url = server.page("/app.html", late)
    player = Player(
        page,
        bundle_of(
            modal("when-beta", "Beta arrived", trigger=AutomaticTrigger(element=make_target("beta", "Beta"))),
            modal("help", "Help guide", trigger=LauncherTrigger(element=make_target("help", "Help"))),
        ),
    )
    page.goto(url)
    page.wait_for_timeout(200)
    assert callout(page).count() == 0
    page.evaluate(
        "() => { const b = document.createElement('button'); b.dataset.testid = 'beta'; b.textContent = 'Beta';"
        " document.body.appendChild(b); }"
    )
    page.get_by_role("dialog", name="Beta arrived").wait_for()
    page.keyboard.press("Escape")
    page.get_by_test_id("help").click()
    page.get_by_role("dialog", name="Help guide").wait_for()
    assert [d["guideId"] for n, d in player.events if n == "guide_started"] == ["when-beta", "help"]


def test_state_lives_under_one_key_and_survives_blocked_storage(page, server):
    url = server.page("/app.html", PAGE)
    Player(page, bundle_of(modal("once", "Once")))
    page.goto(url)
    page.get_by_role("dialog").wait_for()
    page.keyboard.press("Escape")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["guide-runtime:state"]
    assert json.loads(page.evaluate("localStorage.getItem('guide-runtime:state')"))["seen"] == {"once": 1}

    blocked = page.context.new_page()
    blocked.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new Error('blocked'); }});"
        "Object.defineProperty(window, 'sessionStorage', {get() { throw new Error('blocked'); }});"
    )
    player = Player(blocked, bundle_of(modal("once", "Once")))
    blocked.goto(url)
    blocked.get_by_role("dialog").wait_for()
    blocked.keyboard.press("Escape")
    player.wait_event("guide_dismissed")
    blocked.evaluate("b => GuideRuntime.init({bundle: b})", bundle_of(modal("once", "Once")))
    blocked.wait_for_timeout(300)
    assert callout(blocked).count() == 1  # memory-only state starts fresh, but the runtime works
