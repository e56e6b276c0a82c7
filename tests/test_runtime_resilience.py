"""A bad guide or a broken host page never leaves the app unusable; lifecycle races end cleanly."""

from __future__ import annotations

import copy
import json

from studio.domain import Advance, AutomaticTrigger, Modal, Step, Tooltip, Walkthrough

from .runtime_helpers import Player, bundle_of, callout, html
from .samples import make_target

AUTO = AutomaticTrigger()
PAGE = html('<h1>App</h1><button data-testid="save">Save</button>')


def modal(id_: str, title: str, **kw) -> Modal:
    kw.setdefault("trigger", AUTO)
    return Modal(id=id_, name=title, steps=[Step(id="m", title=title)], **kw)


def errors_of(player: Player) -> list[dict]:
    return [d for n, d in player.events if n == "guide_error"]


def test_malformed_guides_only_disable_themselves(page, server):
    bundle = bundle_of(
        modal("ok", "Still shows", frequency="always"),
        modal("no-steps", "No steps", priority=9),
        modal("null-button", "Null button", priority=8),
        modal("bad-url", "Bad URL", priority=7),
        modal("bad-audience", "Bad audience", priority=6),
        Tooltip(
            id="no-target", name="T", steps=[Step(id="t", title="T", target=make_target())], trigger=AUTO
        ),
        Walkthrough(id="bad-regex", name="W", steps=[Step(id="w", title="W")], trigger=AUTO, priority=5),
    )
    guides = {g["id"]: g for g in bundle["guides"]}
    guides["no-steps"]["steps"] = []
    guides["null-button"]["steps"][0]["buttons"] = [None]
    guides["bad-url"]["trigger"]["url"] = {"match": "prefix"}  # no value
    guides["bad-audience"]["audience"] = {"match": "all", "conditions": [{"attribute": 5, "op": "equals"}]}
    guides["no-target"]["steps"][0]["target"] = None
    guides["bad-regex"]["trigger"]["url"] = {"match": "regex", "value": "(?=x)"}
    player = Player(page, bundle)
    page.goto(server.page("/app.html", PAGE))
    page.get_by_role("dialog", name="Still shows").wait_for()
    fields = {d["guideId"]: d["field"] for d in errors_of(player)}
    assert fields == {
        "no-steps": "steps",
        "null-button": "steps.0.buttons",
        "bad-url": "trigger.url",
        "bad-audience": "audience.conditions.0.attribute",
        "no-target": "steps.0.target",
        "bad-regex": "trigger.url",
    }
    assert page.evaluate("document.body.inert") is True  # the good modal's own, undone on close
    page.keyboard.press("Escape")
    assert page.evaluate("document.body.inert") is False


def test_a_guide_that_fails_while_playing_undoes_what_it_did(page, server):
    # The page breaks focus() once: the modal fails half-way through being built.
    breaking = (
        "<script>var f = HTMLElement.prototype.focus; HTMLElement.prototype.focus = function () {"
        " HTMLElement.prototype.focus = f; throw new Error('host focus broken'); };</script>"
    )
    player = Player(page, bundle_of(modal("m", "Hello", priority=90), modal("next", "Next one")))
    page.goto(server.page("/app.html", html("<h1>App</h1>", head=breaking)))
    page.get_by_role("dialog", name="Next one").wait_for()
    assert [d["guideId"] for d in errors_of(player)] == ["m"]
    assert page.locator("[data-guide-runtime] .gs-backdrop").count() == 1  # only the second modal's
    page.keyboard.press("Escape")
    assert page.evaluate("document.body.inert") is False
    assert page.locator("[data-guide-runtime] .gs-backdrop").count() == 0


def test_a_crashed_walkthrough_does_not_block_others_after_a_reload(page, server):
    tour = Walkthrough(
        id="tour", name="Tour", trigger=AUTO, steps=[Step(id="a", title="A"), Step(id="b", title="B")]
    )
    player = Player(page, bundle_of(tour, modal("later", "Later")))
    page.add_init_script(
        "sessionStorage.setItem('guide-runtime:state', JSON.stringify({active: {g: 'gone', s: 1}}))"
    )
    page.goto(server.page("/app.html", PAGE))
    page.locator("[data-guide-runtime] .gs-title", has_text="A").wait_for()
    assert not errors_of(player)


def test_removed_host_comes_back_and_a_page_that_keeps_removing_it_gets_its_page_back(page, server):
    warnings = []
    page.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
    Player(page, bundle_of(modal("m", "Hello")))
    page.goto(server.page("/app.html", PAGE))
    page.get_by_role("dialog", name="Hello").wait_for()
    page.evaluate("document.querySelector('[data-guide-runtime]').remove()")
    page.get_by_role("dialog", name="Hello").wait_for()
    page.keyboard.press("Escape")  # Esc still works with focus lost to the body
    assert page.evaluate("document.body.inert") is False

    cleaner = (
        "<script>new MutationObserver(() => document.querySelectorAll('html > [data-guide-runtime]')"
        ".forEach(n => n.remove())).observe(document.documentElement, {childList: true});</script>"
    )
    again = page.context.new_page()
    again.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
    Player(again, bundle_of(modal("m2", "Again")))
    again.goto(server.page("/clean.html", html("<h1>App</h1>", head=cleaner)))
    again.wait_for_timeout(500)
    assert [w for w in warnings if "keeps removing" in w] != []
    assert again.evaluate("document.body.inert") is False
    assert again.evaluate("document.querySelectorAll('[data-guide-runtime]').length") == 0


def test_stop_during_a_bundle_fetch_wins_and_a_stale_fetch_never_overrides(page, server):
    server.page("/a.json", json.dumps(bundle_of(modal("a", "From A"))), ctype="application/json")
    Player(page, bundle_of(), autoinit=False)
    page.goto(server.page("/app.html", PAGE))
    page.evaluate("GuideRuntime.init({bundleUrl: '/a.json'}); GuideRuntime.stop();")
    page.wait_for_timeout(500)
    assert callout(page).count() == 0
    page.evaluate(
        "b => { GuideRuntime.init({bundleUrl: '/a.json'}); GuideRuntime.init({bundle: b}); }",
        bundle_of(modal("b", "From B")),
    )
    page.get_by_role("dialog", name="From B").wait_for()
    page.wait_for_timeout(500)
    assert page.get_by_role("dialog", name="From A").count() == 0


def test_instances_stopped_in_any_order_restore_history_and_descriptions(page, server):
    tip = Tooltip(
        id="tip",
        name="Tip",
        trigger=AUTO,
        show_on="always",
        steps=[Step(id="t", title="Tip", target=make_target())],
    )
    bundle = bundle_of(tip)
    Player(page, bundle, autoinit=False)
    page.goto(
        server.page("/app.html", html('<button data-testid="save" aria-describedby="own">Save</button>'))
    )
    for order in ([0, 1], [1, 0]):
        result = page.evaluate(
            """([b, order]) => new Promise(done => {
                const push = history.pushState, rs = [GuideRuntime.create(), GuideRuntime.create()];
                rs.forEach((r, i) => r.init({bundle: b, storageKey: 'k' + i + order}));
                setTimeout(() => {
                  const during = document.querySelector('[data-testid=save]').getAttribute('aria-describedby');
                  order.forEach(i => rs[i].stop());
                  done([during.split(' ').length, history.pushState === push,
                        history.replaceState === History.prototype.replaceState,
                        document.querySelector('[data-testid=save]').getAttribute('aria-describedby')]);
                }, 300);
            })""",
            [bundle, order],
        )
        assert result == [3, True, True, "own"], order


def test_click_steps_and_launchers_work_when_the_page_stops_click_propagation(page, server):
    stopper = "<script>window.addEventListener('click', e => e.stopPropagation(), true);</script>"
    tour = Walkthrough(
        id="tour",
        name="Tour",
        trigger=AUTO,
        steps=[
            Step(id="a", title="Click save", target=make_target(), advance=Advance(mode="click")),
            Step(id="b", title="Saved"),
        ],
    )
    Player(page, bundle_of(tour))
    page.goto(server.page("/app.html", html('<button data-testid="save">Save</button>', head=stopper)))
    callout(page).wait_for()
    page.get_by_test_id("save").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Saved").wait_for()


def test_the_hostile_bundle_copy_is_not_mutated(page, server):
    bundle = bundle_of(modal("m", "Hello"))
    before = copy.deepcopy(bundle)
    Player(page, bundle, autoinit=False)
    page.goto(server.page("/app.html", PAGE))
    assert page.evaluate("b => { GuideRuntime.init({bundle: b}); return b; }", bundle) == before
