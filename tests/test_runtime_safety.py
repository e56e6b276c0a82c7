"""The runtime is harmless to its host: hostile content, strict CSP, errors both ways, clean teardown."""

from __future__ import annotations

import json

from studio.domain import (
    AutomaticTrigger,
    Checklist,
    ChecklistItem,
    Hotspot,
    LauncherTrigger,
    Step,
    Tooltip,
    Walkthrough,
)

from .runtime_helpers import RUNTIME_JS, Player, bundle_of, callout, html
from .samples import make_target

PAGE = html(
    '<h1>App</h1><button data-testid="save">Save</button><button data-testid="tip">Tip</button>'
    '<button data-testid="new">New</button><button data-testid="help">Help</button>'
)
AUTO = AutomaticTrigger()


def every_kind_bundle() -> dict:
    return bundle_of(
        Walkthrough(
            id="tour",
            name="Tour",
            trigger=AUTO,
            steps=[
                Step(id="a", title="Save", target=make_target("save", "Save")),
                Step(id="b", title="Done"),
            ],
        ),
        Tooltip(
            id="tip",
            name="Tip",
            trigger=AUTO,
            show_on="always",
            steps=[Step(id="t", title="Tip", target=make_target("tip", "Tip"))],
        ),
        Hotspot(
            id="spot",
            name="Spot",
            trigger=AUTO,
            steps=[Step(id="h", title="New", target=make_target("new", "New"))],
        ),
        Tooltip(
            id="waiting",
            name="Waiting",
            trigger=AUTO,  # its target never comes: an observer stays on
            steps=[Step(id="w", title="Later", target=make_target("never", "Never"), wait_ms=60_000)],
        ),
        Checklist(
            id="list",
            name="List",
            title="Get started",
            trigger=AUTO,
            items=[
                ChecklistItem(
                    id="i",
                    title="Tour",
                    action="start_guide",
                    guide_id="tour",
                    complete_when="guide_completed",
                )
            ],
        ),
        Walkthrough(
            id="launched",
            name="Launched",
            trigger=LauncherTrigger(element=make_target("help", "Help")),
            steps=[Step(id="l", title="Launched")],
        ),
    )


HOSTILE_BUNDLE = {
    "format": "guide-bundle",
    "schemaVersion": 1,
    "name": "evil",
    "theme": {"primaryColor": "red;} * {display:none"},
    "guides": [
        {
            "id": "evil",
            "kind": "walkthrough",
            "name": "<img src=x onerror=window.__pwned=1>",
            "trigger": {"type": "automatic"},
            "frequency": "always",
            "steps": [
                {
                    "id": "s",
                    "title": "<script>window.__pwned=2</script>Title",
                    "body": (
                        '<p onclick="window.__pwned=3">Hi</p><script>window.__pwned=4</script>'
                        '<img src="javascript:window.__pwned=5" onerror="window.__pwned=6" alt="x">'
                        '<a href="javascript:window.__pwned=7" id="bad">bad link</a>'
                        '<a href="https://example.com/" target="_top">good link</a>'
                        '<iframe src="javascript:window.__pwned=8"></iframe><style>*{display:none}</style>'
                        '<svg><script>window.__pwned=9</script></svg><template><img src=x onerror="window.__pwned=10"></template>'
                    ),
                    "media": {"kind": "image", "src": "javascript:window.__pwned=11", "alt": "x"},
                    "buttons": [
                        {
                            "label": "<b>Go</b>",
                            "action": "url",
                            "url": "javascript:window.__pwned=12",
                            "primary": True,
                        }
                    ],
                }
            ],
        }
    ],
}


def test_hostile_content_never_executes(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    Player(page, HOSTILE_BUNDLE)
    page.goto(server.page("/app.html", PAGE))
    callout(page).wait_for()
    assert (
        page.locator("[data-guide-runtime] .gs-title").inner_text()
        == "<script>window.__pwned=2</script>Title"
    )
    body = page.locator("[data-guide-runtime] .gs-body")
    inner = body.inner_html()
    for bad in ("script", "onclick", "onerror", "javascript:", "iframe", "style", "svg", "template"):
        assert bad not in inner.lower(), bad
    assert body.locator("a").nth(0).get_attribute("href") is None
    assert body.locator("a").nth(1).get_attribute("rel") == "noopener noreferrer"
    assert body.locator("a").nth(1).get_attribute("target") == "_blank"
    assert page.locator("[data-guide-runtime] img.gs-media").count() == 0
    body.locator("p").click()
    page.get_by_role("button", name="<b>Go</b>").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.get_by_role("heading", name="App").is_visible()


def test_strict_csp_page(page, server):
    csp = (
        "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self'; "
        "require-trusted-types-for 'script'; trusted-types guide-runtime"
    )
    server.page("/rt.js", RUNTIME_JS, ctype="text/javascript")
    server.page("/bundle.json", json.dumps(every_kind_bundle()), ctype="application/json")
    url = server.page(
        "/csp.html",
        html(
            '<button data-testid="save">Save</button><button data-testid="tip">Tip</button><button data-testid="new">New</button>'
            '<button data-testid="help">Help</button><script nonce="r4nd0m" src="/rt.js"></script>'
            "<script nonce=\"r4nd0m\">GuideRuntime.init({bundleUrl: '/bundle.json'});</script>"
        ),
        headers={"Content-Security-Policy": csp},
    )
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(url)
    box = callout(page).first
    box.wait_for()
    assert page.locator("[data-guide-runtime] .gs-title").first.inner_text() == "Save"
    styles = box.evaluate("e => [getComputedStyle(e).position, getComputedStyle(e).borderRadius]")
    assert styles == ["fixed", "8px"]
    assert page.locator("[data-guide-runtime] .gs-launcher").is_visible()
    assert violations == []


def test_host_errors_do_not_stop_the_runtime_and_runtime_errors_stay_inside(page, server):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    throwing = html(
        '<script>throw new Error("host boom at load")</script><button data-testid="save">Save</button>'
        '<script>document.addEventListener("click", function () { throw new Error("host click boom"); });'
        'window.addEventListener("guide-runtime:step_shown", function () { throw new Error("host listener boom"); });'
        "</script>"
    )
    player = Player(
        page,
        bundle_of(
            Walkthrough(
                id="t",
                name="T",
                trigger=AUTO,
                steps=[
                    Step(id="a", title="One", target=make_target("save", "Save")),
                    Step(id="b", title="Two"),
                ],
            )
        ),
    )
    page.goto(server.page("/app.html", throwing))
    callout(page).wait_for()
    page.evaluate("GuideRuntime.on('step_shown', function () { throw new Error('analytics bug'); })")
    page.get_by_role("button", name="Next").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Two").wait_for()
    assert player.names().count("step_shown") == 2
    assert not any("analytics bug" in e for e in errors)
    assert any("host boom at load" in e for e in errors)  # the host's own errors are still the host's
    broken = {
        "format": "guide-bundle",
        "schemaVersion": 1,
        "guides": [
            {"id": "x", "kind": "walkthrough", "steps": None, "trigger": {"type": "automatic"}},
            None,
            42,
        ],
    }
    count = len(errors)
    result = page.evaluate("b => GuideRuntime.init({bundle: b})", broken)
    page.wait_for_timeout(300)
    assert len(errors) == count and result is True
    assert page.evaluate("GuideRuntime.init({bundle: {format: 'nope'}})") is False


TRACKING = """
(() => {
  const live = new Set(); window.__observers = live;
  const MO = window.MutationObserver;
  window.MutationObserver = class extends MO {
    observe(...a) { live.add(this); return super.observe(...a); }
    disconnect() { live.delete(this); return super.disconnect(); }
  };
  const intervals = new Set(); window.__intervals = intervals;
  const si = window.setInterval, ci = window.clearInterval;
  window.setInterval = function (...a) { const id = si.apply(this, a); intervals.add(id); return id; };
  window.clearInterval = function (id) { intervals.delete(id); return ci.call(this, id); };
  window.__pushState = history.pushState;
})();
"""


def listener_count(page, client) -> int:
    total = 0
    for expr in ("window", "document", "document.querySelectorAll('button')"):
        handle = client.send("Runtime.evaluate", {"expression": expr})["result"]
        if handle.get("subtype") == "nodelist":
            props = client.send(
                "Runtime.getProperties", {"objectId": handle["objectId"], "ownProperties": True}
            )
            ids = [p["value"]["objectId"] for p in props["result"] if p["name"].isdigit()]
        else:
            ids = [handle["objectId"]]
        for object_id in ids:
            total += len(client.send("DOMDebugger.getEventListeners", {"objectId": object_id})["listeners"])
    return total


def snapshot(page, client) -> dict:
    return {
        "nodes": page.evaluate("document.querySelectorAll('*').length"),
        "html": page.evaluate("document.body.outerHTML"),
        "inert": page.evaluate("document.body.inert"),
        "listeners": listener_count(page, client),
        "observers": page.evaluate("window.__observers.size"),
        "intervals": page.evaluate("window.__intervals.size"),
        "history": page.evaluate("history.pushState === window.__pushState"),
    }


def test_stop_leaves_the_page_as_it_was_found(page, server):
    page.add_init_script(TRACKING)
    Player(page, every_kind_bundle(), autoinit=False)
    page.goto(server.page("/app.html", PAGE))
    client = page.context.new_cdp_session(page)
    before = snapshot(page, client)
    page.evaluate("b => GuideRuntime.init({bundle: b})", every_kind_bundle())
    callout(page).first.wait_for()
    page.locator("[data-guide-runtime] .gs-beacon").wait_for()
    page.locator("[data-guide-runtime] .gs-launcher").click()
    page.get_by_test_id("save").hover()
    during = snapshot(page, client)
    assert during["observers"] > 0 and during["listeners"] > before["listeners"] and not during["history"]
    page.evaluate("GuideRuntime.stop()")
    page.wait_for_timeout(100)
    assert snapshot(page, client) == before


def test_one_global_and_host_css_cannot_break_it(page, server):
    hostile_css = (
        "<style>div { display: none !important; } * { font-size: 40px !important; color: red !important; }"
        "button { background: lime; }</style>"
    )
    url = server.page("/app.html", html('<button data-testid="save">Save</button>', head=hostile_css))
    page.goto(url)
    host_button = page.get_by_test_id("save").evaluate("e => getComputedStyle(e).backgroundColor")
    added = page.evaluate(
        "src => { const before = new Set(Object.getOwnPropertyNames(window));"
        " const s = document.createElement('script'); s.textContent = src; document.head.appendChild(s);"
        " return Object.getOwnPropertyNames(window).filter(k => !before.has(k)); }",
        RUNTIME_JS,
    )
    assert added == ["GuideRuntime"]
    page.evaluate(
        "b => GuideRuntime.init({bundle: b})",
        bundle_of(
            Walkthrough(
                id="t",
                name="T",
                trigger=AUTO,
                steps=[Step(id="a", title="Still fine", target=make_target("save", "Save"))],
            )
        ),
    )
    box = callout(page)
    box.wait_for()
    assert box.evaluate("e => getComputedStyle(e).fontSize") == "14px"
    assert box.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    assert page.get_by_test_id("save").evaluate("e => getComputedStyle(e).backgroundColor") == host_button
