"""studio replay: the example replays green; broken targets fail with a precise reason; JUnit and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from studio.domain import (
    Advance,
    Announcement,
    AutomaticTrigger,
    Banner,
    CenterEntry,
    Fingerprint,
    Hotspot,
    Launcher,
    Modal,
    ResourceCenter,
    SelectorCandidate,
    Step,
    Target,
    Tooltip,
    UrlRule,
    Walkthrough,
)
from studio.replay import junit_xml, replay

from .conftest import EXAMPLE_BUNDLE, ROOT
from .runtime_helpers import bundle_of, html

EXAMPLE = json.loads(EXAMPLE_BUNDLE.read_text(encoding="utf-8"))


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=ROOT, timeout=180
    )


def test_the_example_replays_green_with_one_or_two_workers(demo_server):
    one = replay(EXAMPLE, demo_server.url + "/")
    two = replay(EXAMPLE, demo_server.url + "/", workers=2)
    summary = [(r.guide_id, [(s.step_id, s.status, s.reason) for s in r.steps]) for r in one]
    assert summary == [(r.guide_id, [(s.step_id, s.status, s.reason) for s in r.steps]) for r in two]
    assert all(r.passed for r in one), summary
    assert (
        sum(len(r.steps) for r in one) == 19
    )  # one each: banner, launcher, resource center; a survey per question
    assert all(s.screenshot and s.screenshot.startswith(b"\x89PNG") for r in one for s in r.steps)


def by_id(testid: str) -> Target:
    return Target(
        candidates=[SelectorCandidate(kind="test_id", value=testid, attribute="data-testid", score=0.95)]
    )


BROKEN = {
    "gone": html("<h1>Gone</h1><p>The button was removed in this release.</p>"),
    "twice": html('<button data-testid="act">Act</button><button data-testid="act">Act</button>'),
    "covered": html(
        '<button data-testid="act">Act</button><div style="position:fixed;inset:0;background:#fff8">'
        "Cookie banner</div>"
    ),
    "hidden": html('<button data-testid="act" style="display:none">Act</button>'),
}


@pytest.fixture
def broken_app(server):
    for name, page in BROKEN.items():
        server.page(f"/{name}.html", page)
    guides = [
        Walkthrough(
            id=name,
            name=f"Tour {name}",
            trigger=AutomaticTrigger(url=UrlRule(match="exact", value=f"/{name}.html")),
            steps=[
                Step(
                    id="act",
                    title="Press act",
                    target=by_id("act"),
                    advance=Advance(mode="click"),
                    on_missing="end",
                    wait_ms=500,
                ),
                Step(id="after", title="Afterwards"),
            ],
        )
        for name in BROKEN
    ]
    return bundle_of(*guides), server.url + "/"


def test_broken_targets_fail_with_their_reason(broken_app):
    bundle, url = broken_app
    results = {r.guide_id: r for r in replay(bundle, url)}
    reasons = {gid: (r.steps[0].status, r.steps[0].reason) for gid, r in results.items()}
    assert reasons == {
        "gone": ("failed", "not_found"),
        "twice": ("failed", "ambiguous"),
        "covered": ("failed", "covered"),
        "hidden": ("failed", "hidden"),
    }
    assert all(r.steps[1].status == "skipped" for r in results.values())
    assert "Cookie banner" in results["covered"].steps[0].detail
    assert "test_id='act'" in results["gone"].steps[0].detail


def test_junit_xml_has_the_common_shape(broken_app):
    bundle, url = broken_app
    root = ET.fromstring(junit_xml(replay(bundle, url, guide_ids=["gone", "covered"])))
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "2"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["Tour gone (gone)", "Tour covered (covered)"]
    for suite in suites:
        assert {"name", "tests", "failures", "errors", "skipped", "time"} <= set(suite.attrib)
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == ["step 1: Press act", "step 2: Afterwards"]
        assert cases[0].find("failure") is not None and cases[1].find("skipped") is not None
        float(cases[0].get("time"))
    assert suites[0].find("testcase/failure").get("message").startswith("not_found: no element matches")


def test_cli_exit_codes(broken_app, demo_server, tmp_path: Path):
    bundle, url = broken_app
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(bundle))
    junit = tmp_path / "junit.xml"
    result = studio(
        "replay",
        str(path),
        "--url",
        url,
        "--guide",
        "gone",
        "--guide",
        "covered",
        "--junit",
        str(junit),
        "--report",
        str(tmp_path / "report"),
    )
    assert result.returncode == 1 and "FAIL Tour gone" in result.stdout and "not_found" in result.stdout
    assert ET.parse(junit).getroot().get("failures") == "2"
    report = (tmp_path / "report" / "index.html").read_text()
    assert "0 of 4 steps passed, 2 failed" in report and "covered at its click point" in report
    assert (tmp_path / "report" / "covered-1.png").read_bytes().startswith(b"\x89PNG")
    ok = studio("replay", str(EXAMPLE_BUNDLE), "--url", demo_server.url + "/", "--guide", "welcome")
    assert ok.returncode == 0 and "1 of 1 steps passed" in ok.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    invalid = studio("replay", str(bad), "--url", url)
    assert invalid.returncode == 2 and invalid.stderr.startswith("error: not a guide bundle")
    unreachable = studio("replay", str(EXAMPLE_BUNDLE), "--url", "http://127.0.0.1:9/", "--guide", "welcome")
    assert unreachable.returncode == 2 and unreachable.stderr.startswith(
        "error: cannot open http://127.0.0.1:9/"
    )
    unknown = studio("replay", str(EXAMPLE_BUNDLE), "--url", url, "--guide", "nope")
    assert unknown.returncode == 2 and "no guide with id nope" in unknown.stderr
    # an announcement alone replays nothing: said in words (it passed as "0 of 0 steps")
    news = studio("replay", str(EXAMPLE_BUNDLE), "--url", url, "--guide", "csv-export-news")
    assert news.returncode == 2 and "0 of 0" not in news.stdout, news.stdout
    assert "csv-export-news: an announcement is not replayed alone" in news.stderr


def test_connect_to_a_remote_playwright_server(tmp_path: Path, demo_server):
    """`--connect` against a local browser server (what `playwright launch-server` runs on a grid node)."""
    import socket

    import playwright

    from studio.browser import launch_options

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = launch_options()
    config = tmp_path / "launch.json"
    config.write_text(
        json.dumps(
            {
                "executablePath": options["executable_path"],
                "args": options["args"],
                "headless": True,
                "port": port,
                "host": "127.0.0.1",
            }
        )
    )
    driver = Path(playwright.__file__).parent / "driver"
    server = subprocess.Popen(
        [
            str(driver / "node"),
            str(driver / "package" / "cli.js"),
            "launch-server",
            "--browser",
            "chromium",
            "--config",
            str(config),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        endpoint = server.stdout.readline().strip()
        assert endpoint.startswith(f"ws://127.0.0.1:{port}/")
        remote = replay(
            EXAMPLE, demo_server.url + "/", guide_ids=["welcome", "settings-tour"], connect=endpoint
        )
        assert [r.passed for r in remote] == [True, True]
        result = studio(
            "replay",
            str(EXAMPLE_BUNDLE),
            "--url",
            demo_server.url + "/",
            "--guide",
            "welcome",
            "--connect",
            endpoint,
        )
        assert result.returncode == 0, result.stderr
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_docs_from_a_replay(tmp_path: Path, demo_server):
    out = tmp_path / "docs"
    result = studio(
        "docs",
        str(EXAMPLE_BUNDLE),
        "--url",
        demo_server.url + "/",
        "-o",
        str(out),
        "--guide",
        "settings-tour",
    )
    assert result.returncode == 0, result.stderr
    markdown = (out / "guides.md").read_text()
    assert "## Set up your company profile" in markdown and "2. **Name your company**" in markdown
    assert "![Name your company](settings-tour-2.png)" in markdown
    assert (out / "settings-tour-2.png").read_bytes().startswith(b"\x89PNG")
    page = (out / "guides.html").read_text()
    assert page.count("data:image/png;base64,") == 5 and "<script" not in page


def test_login_recipe_runs_before_each_guide(tmp_path: Path, server):
    server.page(
        "/login.html",
        html(
            '<label for="u">User</label><input id="u"><button id="go" onclick="'
            "localStorage.setItem('user', document.getElementById('u').value);"
            "location.href='/app.html'\">Sign in</button>"
        ),
    )
    server.page(
        "/app.html",
        html(
            "<script>if (localStorage.getItem('user')) document.write("
            "'<button data-testid=\"act\">Act</button>')</script>"
        ),
    )
    bundle = bundle_of(
        Walkthrough(
            id="private",
            name="Private",
            trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/app.html")),
            steps=[Step(id="s", title="Act", target=by_id("act"), wait_ms=500)],
        )
    )
    recipe = tmp_path / "login.json"
    recipe.write_text(
        json.dumps(
            {
                "steps": [
                    {"goto": "/login.html"},
                    {"fill": "#u", "value": "qa"},
                    {"click": "#go"},
                    {"waitForUrl": "**/app.html"},
                ]
            }
        )
    )
    assert replay(bundle, server.url + "/")[0].steps[0].reason == "not_found"  # logged out: nothing to find
    assert replay(bundle, server.url + "/", login_script=str(recipe))[0].passed
    script = tmp_path / "login.py"
    script.write_text(
        "def login(page, base_url):\n    page.goto(base_url + 'login.html')\n"
        "    page.fill('#u', 'qa')\n    page.click('#go')\n    page.wait_for_url('**/app.html')\n"
    )
    assert replay(bundle, server.url + "/", login_script=str(script))[0].passed


def test_overall_timeout_ends_the_run(demo_server):
    results = replay(EXAMPLE, demo_server.url + "/", timeout=0.001)
    assert all(r.steps[0].reason == "timeout" for r in results)


def test_devtools_recorder_export(tmp_path: Path):
    result = studio(
        "export",
        str(ROOT / "guides" / "example.gstudio"),
        "--format",
        "devtools-recorder",
        "-o",
        str(tmp_path),
        "--base-url",
        "http://127.0.0.1:8765/",
    )
    assert result.returncode == 0, result.stderr
    recording = json.loads((tmp_path / "settings-tour.json").read_text())
    types = [s["type"] for s in recording["steps"]]
    assert (
        types[:2] == ["setViewport", "navigate"]
        and recording["steps"][1]["url"] == "http://127.0.0.1:8765/dashboard.html"
    )
    assert types.count("click") == 2 and types.count("change") == 1
    assert recording["steps"][2]["selectors"][0] == ['[data-testid="nav-settings"]']
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "customers-basics.json",
        "reports-tour.json",
        "settings-tour.json",
    ]


def test_a_launcher_passes_when_its_click_starts_its_guide(server):
    """Replay clicks a launcher as a user would: it fails when the guide it opens cannot start there."""
    server.page("/app.html", html("<h1>App</h1>"))
    here = Modal(id="here", name="Here", steps=[Step(id="m", title="Hello")])
    away = Walkthrough(
        id="away",
        name="Away",
        steps=[Step(id="a", title="Elsewhere", page=UrlRule(match="glob", value="/reports/**"))],
    )
    on_app = AutomaticTrigger(url=UrlRule(match="exact", value="/app.html"))
    launchers = [
        Launcher(id=f"to-{g.id}", name=g.id, guide_id=g.id, trigger=on_app, steps=[Step(id="l", title=g.id)])
        for g in (here, away)
    ]
    played = replay(
        bundle_of(here, away, *launchers), server.url + "/app.html", guide_ids=["to-here", "to-away"]
    )
    results = {r.guide_id: r for r in played}
    assert results["to-here"].passed
    launch = results["to-away"].steps[0]
    assert (launch.status, launch.reason) == ("failed", "ended")
    assert launch.detail == "clicking the launcher did not start guide 'away'"


def test_a_resource_center_passes_when_it_opens_and_finds_its_entries(server):
    """Replay opens the panel from its launcher and searches for its first entry; announcements are not
    replayed alone (the center lists them)."""
    server.page("/app.html", html("<h1>App</h1>"))
    tour = Modal(id="tour", name="Tour", steps=[Step(id="m", title="Hello")])
    entry = CenterEntry(id="e", section="Start", title="Take the tour", guide_id="tour")
    center = ResourceCenter(
        id="app",
        name="Help",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/app.html")),
        entries=[entry],
    )
    news = Announcement(id="n", name="N", date="2026-11-01", steps=[Step(id="s", title="New things")])
    results = replay(bundle_of(tour, news, center), server.url + "/", guide_ids=["app", "n"])
    assert [r.guide_id for r in results] == ["app"]
    assert results[0].passed, results[0].steps[0].detail


def banner(gid: str, *, push: bool) -> Banner:
    return Banner(
        id=gid,
        name=f"Sale {gid}",
        push=push,
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/top.html")),
        steps=[Step(id="bar", title="Winter sale", body="Half price on every plan this week.")],
    )


def test_a_banner_fails_when_it_covers_what_another_guide_points_at(server):
    server.page(
        "/top.html",
        html('<nav style="margin:0;padding:4px"><a href="#" data-testid="plans">Plans</a></nav><p>Body</p>'),
    )
    tour = Walkthrough(
        id="tour",
        name="Plans tour",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/top.html")),
        steps=[Step(id="plans", title="Plans", target=by_id("plans"))],
    )
    elsewhere = Tooltip(  # the same element's test id, but on another page: not this banner's concern
        id="elsewhere",
        name="Elsewhere",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/other.html")),
        steps=[Step(id="s", title="Here", target=by_id("plans"))],
    )
    bundle = bundle_of(banner("over", push=False), banner("pushed", push=True), tour, elsewhere)
    results = {r.guide_id: r for r in replay(bundle, server.url + "/", guide_ids=["over", "pushed"])}
    over = results["over"].steps[0]
    assert (over.status, over.reason) == ("failed", "covered"), over.detail
    assert "walkthrough 'Plans tour'" in over.detail and '"Plans"' in over.detail
    assert "Elsewhere" not in over.detail
    assert results["pushed"].passed, results["pushed"].steps[0].detail


def test_a_launcher_fails_when_it_sits_on_a_fixed_control_of_the_app(server):
    """A corner launcher over a control of the app's own fixed panel hides it for good (the runtime sits above
    a small fixed control and beside a sidebar by itself, not beside a panel over most of the window)."""
    server.page(
        "/app.html",
        html(
            '<h1>App</h1><aside style="position:fixed;right:0;top:0;bottom:0;width:70%;background:#eee">'
            '<button style="position:absolute;right:8px;bottom:8px;width:140px;height:60px">Settings</button>'
            "</aside>"
        ),
    )
    here = Modal(id="here", name="Here", steps=[Step(id="m", title="Hello")])
    on_app = AutomaticTrigger(url=UrlRule(match="exact", value="/app.html"))
    launchers = [
        Launcher(id=c, name=c, guide_id="here", corner=c, trigger=on_app, steps=[Step(id="l", title="Help")])
        for c in ("bottom_right", "bottom_left")
    ]
    entry = CenterEntry(id="e", title="Say hello", guide_id="here")
    center = ResourceCenter(id="center", name="Help", trigger=on_app, entries=[entry])
    played = replay(
        bundle_of(here, center, *launchers),
        server.url + "/app.html",
        guide_ids=["bottom_right", "bottom_left", "center"],
    )
    results = {r.guide_id: r.steps[0] for r in played}
    assert (results["bottom_right"].status, results["bottom_right"].reason) == ("failed", "overlap")
    assert results["bottom_right"].detail == (
        'the launcher covers the app\'s own fixed control: <button> "Settings"'
    )
    assert results["bottom_left"].status == "passed", results["bottom_left"].detail
    assert (results["center"].status, results["center"].reason) == ("failed", "overlap")  # bottom right too


def test_a_tooltip_or_hotspot_below_the_fold_is_scrolled_to_as_a_user_would(server):
    """The runtime scrolls only to a walkthrough's steps; a tip on a field far down a long form (Gentelella's
    editor) waits there, and a user scrolls to it: the replay does too, and the tip passes."""
    server.page(
        "/long.html",
        html(
            '<h1>Form</h1><div style="height:2400px"></div>'
            '<textarea data-testid="editor" aria-label="Message"></textarea>'
            '<button data-testid="send">Send</button><div style="height:600px"></div>'
        ),
    )
    here = AutomaticTrigger(url=UrlRule(match="exact", value="/long.html"))
    tip = Tooltip(
        id="tip",
        name="Tip",
        trigger=here,
        show_on="always",
        steps=[Step(id="t", title="Write here", target=by_id("editor"))],
    )
    hover = Tooltip(
        id="hover",
        name="Hover tip",
        trigger=here,
        steps=[Step(id="t", title="Write", target=by_id("editor"))],
    )
    spot = Hotspot(
        id="spot", name="Spot", trigger=here, steps=[Step(id="h", title="New", target=by_id("send"))]
    )
    results = {r.guide_id: r for r in replay(bundle_of(tip, hover, spot), server.url + "/")}
    assert {gid: r.passed for gid, r in results.items()} == {"tip": True, "hover": True, "spot": True}, {
        gid: r.steps[0].detail for gid, r in results.items()
    }


def test_an_element_the_app_moves_after_the_step_showed_is_judged_once_the_callout_followed(server):
    """Gentelella 1.4 slides its sidebar's current menu open at load, pushing 'Forms' down under the callout
    the runtime had placed below it; the runtime follows on its next poll (300 ms), and the replay judged the
    moment before: 'overlap' or a missed beacon, one run in two on an unchanged build."""
    server.page(
        "/slide.html",
        html(
            '<div id="menu"></div><button data-testid="forms" style="margin:8px">Forms</button><p>Body</p>'
            # the menu opens just after the runtime placed the callout (its first frame), between its polls
            "<script>addEventListener('guide-runtime:step_shown', () => requestAnimationFrame(() =>"
            " requestAnimationFrame(() => { document.getElementById('menu').style.height = '60px'; })));</script>"
        ),
    )
    here = AutomaticTrigger(url=UrlRule(match="exact", value="/slide.html"))
    tour = Walkthrough(
        id="tour",
        name="Tour",
        trigger=here,
        steps=[Step(id="forms", title="Open Forms", target=by_id("forms"), placement="bottom")],
    )
    spot = Hotspot(
        id="spot", name="Spot", trigger=here, steps=[Step(id="h", title="New", target=by_id("forms"))]
    )
    for guide in (tour, spot):
        result = replay(bundle_of(guide), server.url + "/")[0]
        assert result.passed, result.steps[0].detail


def test_a_lost_target_names_what_the_runtime_weighed_and_the_report_words_each_step_once(server, tmp_path):
    """Gentelella 1.4 renamed its gauge's id: QA read 'not_found: target not_found: id=…' and could not tell a
    renamed element from a deleted one; the failure now names the closest element (check-targets' line)."""
    from studio.replay.report import write_report

    server.page(
        "/v2.html", html('<h2>Profile Completion</h2><canvas id="chart_gauge_01" width="150"></canvas>')
    )
    gauge = Target(
        candidates=[SelectorCandidate(kind="id", value="#foo", score=0.85)],
        fingerprint=Fingerprint(tag="canvas", attributes={"width": "150", "id": "foo"}),
    )
    tour = Walkthrough(
        id="tour",
        name="Tour",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/v2.html")),
        steps=[Step(id="g", title="Gauge", target=gauge, wait_ms=300), Step(id="after", title="Afterwards")],
    )
    [result] = replay(bundle_of(tour), server.url + "/")
    lost = result.steps[0]
    assert lost.reason == "not_found" and lost.detail.startswith("no element matches id='#foo'"), lost.detail
    assert lost.weighed and "canvas#chart_gauge_01" in lost.weighed[0]
    assert "; closest: " in lost.detail and "canvas#chart_gauge_01" in lost.detail
    page = write_report([result], tmp_path).read_text()
    assert "<div>not reached: an earlier step failed</div>" in page  # was ": not reached: …"


def test_a_launcher_is_judged_where_the_runtime_settles_it_after_the_app_adds_a_fixed_bar(server):
    """Tabler 0.0.34 shows its fixed bottom bar (with a "More info" button) by script after load: the runtime
    lifts its corner launchers above it on its next poll, so a launcher that sat there for a moment is no overlap."""
    bar = (
        '<div id="bar" style="display:none;position:fixed;left:0;right:0;bottom:0;height:72px;background:#333">'
        '<a href="#more" style="position:absolute;right:60px;bottom:20px;width:90px;height:30px">More info</a>'
        "</div><script>(function wait() { const h = document.querySelector('[data-guide-runtime]');"
        " if (h && h.shadowRoot && h.shadowRoot.querySelector('.gs-launcher, .gs-launch'))"
        " setTimeout(() => document.getElementById('bar').style.display = 'block'); else requestAnimationFrame(wait); })();</script>"
    )
    server.page("/bar.html", html("<h1>App</h1>" + bar))
    here = Modal(id="here", name="Here", steps=[Step(id="m", title="Hello")])
    on_app = AutomaticTrigger(url=UrlRule(match="exact", value="/bar.html"))
    launcher = Launcher(
        id="corner", name="Corner", guide_id="here", trigger=on_app, steps=[Step(id="l", title="Help")]
    )
    center = ResourceCenter(
        id="center",
        name="Help",
        trigger=on_app,
        entries=[CenterEntry(id="e", title="Say hello", guide_id="here")],
    )
    for guide in (launcher, center):
        (played,) = replay(bundle_of(here, guide), server.url + "/bar.html", guide_ids=[guide.id])
        assert played.steps[0].status == "passed", played.steps[0].detail
