"""GuideRuntime.resolve and missing targets: ranked candidates, fingerprints, ambiguity, hard places."""

from __future__ import annotations

import pytest

from studio.domain import AutomaticTrigger, Fingerprint, SelectorCandidate, Step, Target, Walkthrough

from .runtime_helpers import Player, bundle_of, callout, html

ROWS = "".join(
    f'<tr><td>{name}</td><td><button class="btn">View</button></td></tr>'
    for name in ("Globex", "Initech", "Hooli")
)
PAGE = html(
    '<nav aria-label="Main"><a href="#s" data-testid="nav-settings">Settings</a></nav>'
    '<h2>Company profile</h2><label for="company">Company name</label><input id="company" placeholder="Acme">'
    '<button id="save-3f9a2c" class="css-1x2y3z" aria-label="Save changes">Save</button>'
    f"<table>{ROWS}</table>"
    '<button hidden data-testid="ghost">Ghost</button>'
    '<button data-testid="tiny" style="width:0;height:0;padding:0;border:0;overflow:hidden">Tiny</button>'
)


def resolve(page, target: Target) -> dict:
    return page.evaluate(
        "t => { const r = GuideRuntime.resolve(t); return {found: r.element ? r.element.outerHTML : null,"
        " confidence: r.confidence, ambiguous: r.ambiguous}; }",
        target.model_dump(mode="json", by_alias=True),
    )


@pytest.fixture
def app(page, server):
    Player(page, bundle_of(), autoinit=False)
    page.goto(server.page("/app.html", PAGE))
    return page


def cand(kind, value, score=0.8, **kw):
    return SelectorCandidate(kind=kind, value=value, score=score, **kw)


def test_each_candidate_kind_finds_its_element(app):
    cases = [
        (cand("test_id", "nav-settings", attribute="data-testid"), "Settings"),
        (cand("id", "#company"), 'id="company"'),
        (cand("role", "link", name="Settings"), "Settings"),
        (cand("role", "textbox", name="Company name"), 'id="company"'),
        (cand("label", "Company name"), 'id="company"'),
        (cand("placeholder", "Acme"), 'id="company"'),
        (cand("aria_label", "Save changes"), "Save</button>"),
        (cand("text", "Save"), "Save</button>"),
        (cand("css", "nav > a"), "Settings"),
    ]
    for candidate, expected in cases:
        result = resolve(app, Target(candidates=[candidate]))
        assert result["found"] and expected in result["found"], candidate
        assert result["confidence"] >= 0.5 and not result["ambiguous"]


def test_stale_high_rank_selector_falls_back_to_others(app):
    target = Target(
        candidates=[
            cand("id", "#save-0000", 0.9),  # the auto-generated id changed in this release
            cand("role", "button", name="Save changes", score=0.8),
        ],
        fingerprint=Fingerprint(tag="button", role="button", name="Save changes", text="Save"),
    )
    result = resolve(app, target)
    assert result["found"] and "Save</button>" in result["found"]


def test_fingerprint_alone_finds_a_reworded_element(app):
    target = Target(
        candidates=[cand("test_id", "save-btn", 0.95, attribute="data-testid")],
        fingerprint=Fingerprint(
            tag="button",
            role="button",
            name="Save changes",
            text="Save",
            ancestors=["heading Company profile"],
        ),
    )
    result = resolve(app, target)
    assert result["found"] and "Save</button>" in result["found"]
    assert 0.5 <= result["confidence"] < 0.95


def test_look_alikes_are_ambiguous_not_guessed(app):
    result = resolve(app, Target(candidates=[cand("role", "button", name="View")]))
    assert result == {"found": None, "confidence": pytest.approx(result["confidence"]), "ambiguous": True}


def row_of(page, target: Target):
    return page.evaluate(
        "t => { const e = GuideRuntime.resolve(t).element; return e && e.closest('tr').cells[0].textContent; }",
        target.model_dump(mode="json", by_alias=True),
    )


def test_row_context_separates_look_alikes_but_position_alone_does_not(app):
    like = dict(tag="button", role="button", name="View", text="View", classes=["btn"])
    by_row = Target(
        candidates=[cand("role", "button", name="View")],
        fingerprint=Fingerprint(**like, ancestors=["row Initech View", "table"]),
    )
    assert row_of(app, by_row) == "Initech"
    by_index = Target(
        candidates=[cand("role", "button", name="View")], fingerprint=Fingerprint(**like, index=1)
    )
    assert row_of(app, by_index) is None
    assert resolve(app, by_index)["ambiguous"] is True


def test_a_resolution_sees_the_page_as_it_is_now(app):
    """What one resolution works out (names, label map, lists of elements) is never reused by the next:
    a change made right before it, in the same task or in another one, is seen."""
    found = app.evaluate(
        """() => {
      const R = n => { const e = GuideRuntime.resolve({candidates: [{kind: 'role', value: 'link', name: n, score: 0.9}]}).element;
        return e ? e.textContent : null; };
      const a = document.querySelector('[data-testid=nav-settings]'), out = [R('Settings')];
      a.textContent = 'Options'; out.push(R('Settings'), R('Options'));
      a.firstChild.data = 'Preferences'; out.push(R('Options'), R('Preferences'));
      a.setAttribute('aria-label', 'Account'); out.push(R('Preferences'), R('Account'));
      return out; }"""
    )
    assert found == ["Settings", None, "Options", None, "Preferences", None, "Preferences"]
    save = Target(candidates=[cand("label", "Company name")])
    assert 'id="company"' in resolve(app, save)["found"]
    app.evaluate("() => { document.querySelector('label').textContent = 'Firm'; }")
    assert resolve(app, save)["found"] is None
    app.evaluate("() => { document.querySelector('label').textContent = 'Company name'; }")
    assert 'id="company"' in resolve(app, save)["found"]


def test_elements_added_or_removed_in_the_same_task_are_seen(app):
    """Lists of elements by tag come from the browser's own, kept until the page changes: an element added or
    removed right before a resolution, in the same task, is seen by it."""
    found = app.evaluate(
        """() => {
      const R = () => GuideRuntime.resolve({candidates: [{kind: 'role', value: 'button', name: 'Export', score: 0.9}],
        fingerprint: {tag: 'button', role: 'button', name: 'Export'}}).element;
      const out = [!!R()], b = document.createElement('button');
      b.textContent = 'Export'; document.querySelector('main').appendChild(b); out.push(R() === b);
      b.remove(); out.push(!!R());
      document.querySelector('nav').appendChild(b); out.push(R() === b);
      return out; }"""
    )
    assert found == [False, True, False, True]


def test_nothing_like_it_is_not_found(app):
    target = Target(
        candidates=[cand("test_id", "delete-account", attribute="data-testid")],
        fingerprint=Fingerprint(tag="button", role="button", name="Delete account", text="Delete account"),
    )
    assert resolve(app, target) == {
        "found": None,
        "confidence": pytest.approx(resolve(app, target)["confidence"]),
        "ambiguous": False,
    }
    assert resolve(app, target)["confidence"] < 0.5


SHADOW_AND_FRAMES = html(
    '<div style="height:120px;overflow:auto" id="scroller"><div style="height:900px"></div>'
    '<button data-testid="deep">Deep</button></div>'
    '<header style="position:sticky;top:0"><button data-testid="sticky">Sticky</button></header>'
    '<div id="host"></div><iframe id="frame" src="/frame.html" style="margin-top:300px"></iframe>'
    "<script>document.getElementById('host').attachShadow({mode:'open'}).innerHTML="
    "'<button data-testid=\"in-shadow\">In shadow</button>';</script>"
)


def tour(target: Target, **step) -> Walkthrough:
    return Walkthrough(
        id="t",
        name="T",
        trigger=AutomaticTrigger(),
        steps=[Step(id="s", title="Here", target=target, **step), Step(id="z", title="Next one")],
    )


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (Target(candidates=[cand("test_id", "deep", attribute="data-testid")]), "deep"),
        (
            Target(candidates=[cand("test_id", "in-shadow", attribute="data-testid")], shadow_path=["#host"]),
            "in-shadow",
        ),
        (
            Target(candidates=[cand("test_id", "in-frame", attribute="data-testid")], frame_path=["#frame"]),
            "in-frame",
        ),
        (Target(candidates=[cand("test_id", "sticky", attribute="data-testid")]), "sticky"),
    ],
)
def test_callouts_reach_hard_places(page, server, target, expected):
    server.page("/frame.html", html('<button data-testid="in-frame">In frame</button>'))
    Player(page, bundle_of(tour(target, placement="bottom")))
    page.goto(server.page("/app.html", SHADOW_AND_FRAMES))
    callout(page).wait_for()
    page.wait_for_timeout(500)  # smooth scrolling settles
    frame = page.frame_locator("#frame") if expected == "in-frame" else page
    element = frame.get_by_test_id(expected).bounding_box()
    box = callout(page).bounding_box()
    assert 0 <= element["y"] <= 800, "the target was scrolled into view"
    assert box["y"] >= element["y"] + element["height"] - 1, (box, element)
    assert abs(box["x"] + box["width"] / 2 - (element["x"] + element["width"] / 2)) < box["width"] / 2 + 1


@pytest.mark.parametrize(
    ("on_missing", "expected_titles", "reason_target"),
    [
        ("skip", ["Next one"], "missing"),
        ("center", ["Here", "Next one"], "missing"),
        ("end", [], "missing"),
        ("skip", ["Next one"], "hidden"),
        ("skip", ["Next one"], "ambiguous"),
    ],
)
def test_missing_targets_follow_the_fallback(page, server, on_missing, expected_titles, reason_target):
    targets = {
        "missing": Target(candidates=[cand("test_id", "nope", attribute="data-testid")]),
        "hidden": Target(candidates=[cand("test_id", "ghost", attribute="data-testid")]),
        "ambiguous": Target(candidates=[cand("role", "button", name="View")]),
    }
    player = Player(page, bundle_of(tour(targets[reason_target], wait_ms=300, on_missing=on_missing)))
    page.goto(server.page("/app.html", PAGE))
    event = player.wait_event("target_not_found")
    assert event["reason"] == {"missing": "not_found"}.get(reason_target, reason_target)
    assert event["stepId"] == "s"
    titles = []
    for title in expected_titles:
        page.locator("[data-guide-runtime] .gs-title", has_text=title).wait_for()
        # placed in the animation frame after it is added (before it is painted): wait for that frame
        page.locator("[data-guide-runtime] .gs-callout.gs-center").wait_for(timeout=2000)
        titles.append(title)
        if title == "Here":
            page.get_by_role("button", name="Next").click()
    if on_missing == "end":
        player.wait_event("guide_dismissed")
        assert callout(page).count() == 0


def test_late_target_is_waited_for(page, server):
    late = html(
        '<script>setTimeout(function(){var b=document.createElement("button");'
        'b.dataset.testid="late";b.textContent="Late";document.querySelector("main").appendChild(b)},700)'
        "</script>"
    )
    player = Player(
        page,
        bundle_of(tour(Target(candidates=[cand("test_id", "late", attribute="data-testid")]), wait_ms=3000)),
    )
    page.goto(server.page("/app.html", late))
    callout(page).wait_for()
    assert "target_not_found" not in player.names()
    assert "gs-center" not in callout(page).get_attribute("class")


def test_an_unsure_answer_names_the_candidates_it_weighed(app):
    """Look-alikes: the result carries the elements it weighed, best first, with their confidence."""
    result = app.evaluate(
        "t => GuideRuntime.resolve(t).candidates.map(c => [c.el.closest('tr').cells[0].textContent, c.c])",
        Target(candidates=[cand("role", "button", name="View")]).model_dump(mode="json", by_alias=True),
    )
    assert sorted(row for row, _c in result) == ["Globex", "Hooli", "Initech"]
    assert all(0 < c <= 1 for _r, c in result)


def test_check_targets_shows_the_weighed_candidates_of_a_lost_target(tmp_path):
    from studio.demo_server import DemoServer
    from studio.recorder.drift import check_targets
    from studio.store import ProjectStore

    from .conftest import EXAMPLE_PROJECT
    from .test_recorder_drift import changed_release

    with (
        DemoServer(root=changed_release(tmp_path)) as server,
        ProjectStore.open(EXAMPLE_PROJECT, readonly=True) as store,
    ):
        results = check_targets(store.load(), server.url + "/", timeout_ms=300)
    steps = [step for result in results for step in result.steps]
    lost = next(s for s in steps if s.reason == "not_found")
    assert 1 <= len(lost.weighed) <= 3 and all(line[:4].replace(".", "").isdigit() for line in lost.weighed)
    assert all(line.endswith(")") and " (" in line for line in lost.weighed)  # what it is, then why
    assert all(s.weighed == () for s in steps if s.status == "passed" and (s.confidence or 0) >= 0.7)


def test_the_weighed_candidates_say_which_element_each_is_when_it_has_no_name(page, server):
    """Gentelella's icon links (a tooltip plugin moved their title to data-original-title) and a gauge whose
    id a release renamed read 'a ""' and 'canvas ""': each now names its tip, its id or classes, its heading."""
    from studio.browser.probes import WAIT_FOR_TARGET

    Player(page, bundle_of(), autoinit=False)
    page.goto(
        server.page(
            "/icons.html",
            html(
                '<div class="footer"><a data-toggle="tooltip" data-original-title="Settings"><i class="fa"></i></a>'
                '<a data-toggle="tooltip" data-original-title="Logout"><i class="fa"></i></a></div>'
                '<section><h4>Profile Completion</h4><canvas id="chart_gauge_01" width="150" height="80"></canvas>'
                '<canvas class="flot-base" width="150" height="80"></canvas></section>'
            ),
        )
    )

    def weighed(target: Target) -> list[str]:
        return page.evaluate(WAIT_FOR_TARGET, [target.model_dump(mode="json", by_alias=True), 0])["weighed"]

    links = weighed(
        Target(candidates=[cand("css", ".footer a", unique=False)], fingerprint=Fingerprint(tag="a"))
    )
    assert sorted(line.split(" (")[0][5:] for line in links) == ['a "Logout"', 'a "Settings"']
    gauges = weighed(
        Target(candidates=[cand("css", "canvas", unique=False)], fingerprint=Fingerprint(tag="canvas"))
    )
    assert {line.split(" (")[0][5:] for line in gauges} == {
        'canvas#chart_gauge_01 under "Profile Completion"',
        'canvas.flot-base under "Profile Completion"',
    }


ARROW_PAGE = html(
    '<button data-testid="mid" style="position:fixed;left:600px;top:380px;width:80px;height:30px">Mid</button>'
)


@pytest.mark.parametrize("side", ["bottom", "top", "right", "left"])
def test_the_arrow_sits_on_the_edge_facing_the_target(page, server, side):
    Player(
        page,
        bundle_of(tour(Target(candidates=[cand("test_id", "mid", attribute="data-testid")]), placement=side)),
    )
    page.goto(server.page("/app.html", ARROW_PAGE))
    callout(page).wait_for()
    page.wait_for_timeout(300)
    box, arrow = (
        page.locator(f"[data-guide-runtime] {s}").bounding_box() for s in (".gs-callout", ".gs-arrow")
    )
    target = page.get_by_test_id("mid").bounding_box()
    assert callout(page).get_attribute("data-side") == side
    cx, cy = arrow["x"] + arrow["width"] / 2, arrow["y"] + arrow["height"] / 2
    edge = {
        "bottom": box["y"],
        "top": box["y"] + box["height"],
        "right": box["x"],
        "left": box["x"] + box["width"],
    }
    # its centre on that edge (half of it outside), in line with the target's centre
    assert abs((cy if side in ("bottom", "top") else cx) - edge[side]) < 1.5, (side, box, arrow)
    along = (
        (cx, target["x"] + target["width"] / 2)
        if side in ("bottom", "top")
        else (cy, target["y"] + target["height"] / 2)
    )
    assert abs(along[0] - along[1]) < 0.5, (side, box, arrow, target)


def test_text_is_found_in_the_element_that_holds_just_it(page, server):
    """The text search reads text nodes: a word split over several of them (a framework's text parts, a comment
    between) is still found, in the innermost element that reads exactly the text, images by their description."""
    Player(page, bundle_of(), autoinit=False)
    page.goto(
        server.page(
            "/texts.html",
            html(
                '<div id="box"><p>Intro with Invoice 42 in it</p><span id="split"></span></div>'
                '<button id="icon"><img alt="Invoice"> 42</button>'
                '<a id="hidden" href="#">Invoice 42<span aria-hidden="true">x</span></a>'
                '<section><div><span id="deep">Invoice <b>42</b></span></div></section>'
            ),
        )
    )
    found = page.evaluate(
        """() => {
      const s = document.getElementById('split');
      for (const part of ['Inv', 'oice', ' ', '4']) s.appendChild(document.createTextNode(part));
      s.appendChild(document.createComment('-')); s.appendChild(document.createTextNode('2'));
      return GuideRuntime.dom.matches({kind: 'text', value: ' Invoice  42 '}, document).map(e => e.id); }"""
    )
    assert found == ["split", "icon", "hidden", "deep"]


def test_one_of_thousands_of_same_text_labels_is_told_apart_by_its_context(page, server):
    """2,000 fields all labelled "Name": the label reaches every one of them, alone it is ambiguous, and with the
    recorded heading above it the right control is found."""
    rows = "".join(
        f'<section><h3>Row {i}</h3><label>Name <input name="n{i}"></label></section>' for i in range(2000)
    )
    Player(page, bundle_of(), autoinit=False)
    page.goto(server.page("/labels.html", html(rows)))
    found = page.evaluate(
        """() => {
      const label = {kind: 'label', value: 'Name', score: 0.8}, all = GuideRuntime.dom.matches(label, document);
      const alone = GuideRuntime.resolve({candidates: [label]});
      const fingerprint = {tag: 'input', role: 'textbox', name: 'Name', ancestors: ['heading Row 1234']};
      const told = GuideRuntime.resolve({candidates: [label], fingerprint});
      return [all.length, all[1234].name, alone.ambiguous, told.element && told.element.name, told.ambiguous]; }"""
    )
    assert found == [2000, "n1234", True, "n1234", False]
