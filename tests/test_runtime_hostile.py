"""Hostile host pages and hostile bundles: the runtime degrades cleanly and leaks nothing."""

from __future__ import annotations

import json

import pytest

from studio.domain import AutomaticTrigger, Modal, Step, Tooltip, UrlRule

from .runtime_helpers import RUNTIME_JS, Player, bundle_of, callout, html
from .samples import make_target

AUTO = AutomaticTrigger()


def modal(id_: str, title: str, **kw) -> Modal:
    kw.setdefault("trigger", AUTO)
    return Modal(id=id_, name=title, steps=[Step(id="m", title=title, body=kw.pop("body", ""))], **kw)


def test_dom_clobbering_does_not_break_the_api(page, server):
    clobbered = html(
        '<div id="GuideRuntime"></div><form name="createElement"></form><form name="body"></form>'
        '<form name="querySelectorAll"></form><form name="activeElement"></form><button data-testid="save">Save</button>'
    )
    Player(page, bundle_of(modal("m", "Hello")))
    page.goto(server.page("/app.html", clobbered))
    page.get_by_role("dialog", name="Hello").wait_for()
    assert page.evaluate("typeof GuideRuntime.init") == "function"
    real_body = "Document.prototype.__lookupGetter__('body').call(document).inert"
    assert page.evaluate(real_body) is True
    page.keyboard.press("Escape")
    assert page.evaluate(real_body) is False


def test_frozen_history_falls_back_to_watching_the_address(page, server):
    frozen = "<script>Object.freeze(history); Object.freeze(History.prototype);</script>"
    bundle = bundle_of(
        modal("two", "Page two", trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/two")))
    )
    Player(page, bundle)
    page.goto(server.page("/one", html("<h1>One</h1>", head=frozen)))
    page.wait_for_timeout(300)
    assert callout(page).count() == 0
    page.evaluate("history.pushState({}, '', '/two')")
    page.get_by_role("dialog", name="Page two").wait_for()


def test_replaced_built_ins_mean_no_guides_and_one_warning(page, server):
    warnings = []
    page.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
    Player(page, bundle_of(modal("m", "Hello")), autoinit=False)
    page.goto(server.page("/app.html", html("<h1>x</h1>")))
    result = page.evaluate(
        "b => { Array.prototype.map = function () { return 42; }; Object.assign = function () {};"
        " const r = GuideRuntime.init({bundle: b}); GuideRuntime.start('m'); GuideRuntime.stop(); return r; }",
        bundle_of(modal("m", "Hello")),
    )
    page.wait_for_timeout(200)
    assert result is False
    assert callout(page).count() == 0
    assert len([w for w in warnings if "guide-runtime" in w]) == 1


def test_runtime_loaded_after_the_page_broke_prototypes_still_defines_its_api(page, server):
    page.goto(server.page("/app.html", html("<h1>x</h1><script>Array.prototype.forEach = null;</script>")))
    page.add_script_tag(content=RUNTIME_JS)
    assert page.evaluate("typeof GuideRuntime.init") == "function"


def test_max_z_index_overlay_and_hiding_css_do_not_hide_the_ui(page, server):
    hostile = (
        "<style>#cover { position: fixed; inset: 0; z-index: 2147483647; background: rgba(255,0,0,.1); }"
        "[data-guide-runtime], div { opacity: 0 !important; clip-path: inset(50%) !important;"
        " pointer-events: none !important; content-visibility: hidden !important; contain: strict !important;"
        " zoom: 0.1 !important; }</style>"
    )
    Player(page, bundle_of(modal("m", "Hello")))
    page.goto(server.page("/app.html", html('<div id="cover"></div><h1>x</h1>', head=hostile)))
    dialog = page.get_by_role("dialog", name="Hello")
    dialog.wait_for()
    box = dialog.bounding_box()
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).hasAttribute('data-guide-runtime')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit is True
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('[data-guide-runtime]'));"
        " return [s.opacity, s.clipPath, s.pointerEvents, s.contentVisibility, s.contain]; })()"
    )
    assert style == ["1", "none", "auto", "visible", "none"]
    dialog.get_by_role("button", name="Got it").click()  # really clickable through the overlay
    assert page.get_by_role("dialog").count() == 0


@pytest.mark.parametrize("rule", ["transform: translate(40px, 30px) scale(0.9)", "zoom: 1.5"])
def test_callouts_stay_on_their_target_under_a_transformed_or_zoomed_root(page, server, rule):
    tip = Tooltip(
        id="t",
        name="T",
        trigger=AUTO,
        show_on="always",
        steps=[Step(id="s", title="Tip", target=make_target())],
    )
    Player(page, bundle_of(tip))
    head = f"<style>html {{ {rule}; }} button {{ margin: 200px 300px; }}</style>"
    page.goto(server.page("/app.html", html('<button data-testid="save">Save</button>', head=head)))
    box = callout(page)
    box.wait_for()
    page.wait_for_timeout(400)
    target = page.get_by_test_id("save").bounding_box()
    tip_box = box.bounding_box()
    # Placed right below (or above) the target, centred on it, within a few pixels.
    assert abs((tip_box["x"] + tip_box["width"] / 2) - (target["x"] + target["width"] / 2)) < 4
    gap = min(
        abs(tip_box["y"] - (target["y"] + target["height"])),
        abs(target["y"] - (tip_box["y"] + tip_box["height"])),
    )
    assert gap < 20


def test_theme_values_that_would_fetch_are_ignored(page, server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    bundle = bundle_of(modal("m", "Hello", frequency="always"))
    evil = [
        "url(/leak1)",
        "image-set('/leak2' 1x)",
        "linear-gradient(red, red), url(/leak3)",
        "var(--nope, url(/leak4))",
        "u\\rl(/leak5)",
        "#fff;background:url(/leak6)",
    ]
    bundle["theme"].update(
        primaryColor=evil[0], textColor=evil[1], backgroundColor=evil[2], fontFamily=evil[3]
    )
    Player(page, bundle)
    page.goto(server.page("/app.html", html("<h1>x</h1>")))
    page.get_by_role("dialog").wait_for()
    for value in evil[4:]:
        page.evaluate(
            "([b, v]) => { b.theme.primaryColor = v; GuideRuntime.init({bundle: b}); }", [bundle, value]
        )
        page.get_by_role("dialog").wait_for()
    page.wait_for_timeout(300)
    assert not [u for u in requests if "leak" in u]
    # The computed value: the host's inline `all: initial` reads back as "initial" for every property.
    primary = (
        "getComputedStyle(document.querySelector('[data-guide-runtime]')).getPropertyValue('--gs-primary')"
    )
    assert page.evaluate(primary) == ""


def test_selectors_cannot_probe_the_page_and_media_load_only_from_listed_origins(page, server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    probing = make_target().model_dump(mode="json", by_alias=True)
    secret = html('<input type="hidden" name="csrf" value="s3cret"><button data-testid="save">Save</button>')
    page.goto(server.page("/app.html", secret))
    page.add_script_tag(content=RUNTIME_JS)
    for css in ("input[value^='s']", "main:has(input[value^='s']) button", "[value='s3cret']"):
        probe = {"candidates": [{"kind": "css", "value": css, "score": 0.9}]}
        assert page.evaluate("t => GuideRuntime.resolve(t).element", probe) is None, css
    assert page.evaluate("t => !!GuideRuntime.resolve(t).element", probing)
    other = "http://localhost:" + server.url.rsplit(":", 1)[1]
    body = f'<p>Hi <img src="{other}/remote.png" alt="r"> <img src="/local.png" alt="l"></p>'
    bundle = bundle_of(modal("m", "Hello", body=body, frequency="always"))
    bundle["guides"][0]["steps"][0]["media"] = {"kind": "image", "src": other + "/media.png", "alt": "m"}
    page.evaluate("b => GuideRuntime.init({bundle: b})", bundle)
    page.get_by_role("dialog").wait_for()
    page.wait_for_timeout(300)
    assert not [u for u in requests if "remote.png" in u or "media.png" in u]
    assert [u for u in requests if "local.png" in u]
    local = page.locator("[data-guide-runtime] .gs-body img[alt=l]")
    assert local.get_attribute("referrerpolicy") == "no-referrer"
    # An origin the project lists may serve media.
    page.evaluate("b => GuideRuntime.init({bundle: b, mediaOrigins: [b.o]})", {**bundle, "o": other})
    page.get_by_role("dialog").wait_for()
    page.wait_for_timeout(300)
    assert [u for u in requests if "media.png" in u]


def test_trusted_types_without_our_policy_show_clean_text_and_one_warning(page, server):
    csp = "require-trusted-types-for 'script'; trusted-types other"
    server.page("/rt.js", RUNTIME_JS, ctype="text/javascript")
    bundle = bundle_of(modal("m", "Hello", body="<p>Rich &amp; <b>bold</b></p>", frequency="always"))
    server.page("/b.json", json.dumps(bundle), ctype="application/json")
    url = server.page(
        "/tt.html",
        html(
            "<h1>x</h1><script src='/rt.js'></script><script>GuideRuntime.init({bundleUrl: '/b.json'})</script>"
        ),
        headers={"Content-Security-Policy": csp},
    )
    messages = []
    page.on("console", lambda m: messages.append((m.type, m.text)))
    page.goto(url)
    page.get_by_role("dialog").wait_for()
    page.evaluate("GuideRuntime.stop(); GuideRuntime.init({bundleUrl: '/b.json'})")
    page.get_by_role("dialog").wait_for()
    body = page.locator("[data-guide-runtime] .gs-body")
    assert body.inner_text() == "Rich & bold"
    assert len([t for k, t in messages if "Trusted Types" in t and k == "warning"]) == 1
    assert not [t for k, t in messages if "TrustedHTML" in t]


def test_a_wrong_nonce_does_not_leave_the_ui_unstyled(page, server):
    csp = "default-src 'self'; script-src 'nonce-right'; style-src 'nonce-right'"
    server.page("/rt.js", RUNTIME_JS, ctype="text/javascript")
    server.page("/b.json", json.dumps(bundle_of(modal("m", "Hello"))), ctype="application/json")
    url = server.page(
        "/n.html",
        html(
            "<h1>x</h1><script nonce='right' src='/rt.js'></script>"
            "<script nonce='right'>GuideRuntime.init({bundleUrl: '/b.json', nonce: 'wrong'})</script>"
        ),
        headers={"Content-Security-Policy": csp},
    )
    page.goto(url)
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    assert dialog.evaluate("e => getComputedStyle(e).position") == "fixed"


def test_a_runtime_in_an_about_blank_frame_starts_without_an_error(page, server):
    # a page's blank helper frames (resize detectors, editors) run the runtime too when it is injected into every
    # frame; a relative media base there has no hierarchical address to resolve against
    page.goto(server.page("/app.html", html("<iframe></iframe>")))
    page.frames[1].evaluate(RUNTIME_JS)
    warnings = page.frames[1].evaluate(
        """(b) => { const seen = []; const warn = console.warn; console.warn = (...a) => seen.push(a.join(' '));
        const ok = GuideRuntime.init({bundle: b}); console.warn = warn; return [ok, seen, location.href]; }""",
        bundle_of(modal("m", "Hello")),
    )
    assert warnings[2] == "about:blank" and warnings[:2] == [True, []], warnings
