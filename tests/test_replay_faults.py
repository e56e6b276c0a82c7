"""Replay under fault: it never passes falsely, always ends in time, always writes a report, and
says why in words a QA engineer can act on."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from studio.domain import (
    Advance,
    AutomaticTrigger,
    Modal,
    SelectorCandidate,
    Step,
    Target,
    UrlRule,
    Walkthrough,
)
from studio.replay import replay
from studio.replay.results import GuideResult, StepResult, junit_xml

from .conftest import ROOT
from .runtime_helpers import bundle_of, html


class App:
    """A tiny app server whose pages can answer any status, redirect, or never answer."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], str]] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                status, headers, body = routes.get(self.path.split("?")[0], (404, {}, "<h1>Not found</h1>"))
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def page(self, path: str, body: str, status: int = 200, **headers: str) -> None:
        self.routes[path] = (status, headers, body)


@pytest.fixture
def app() -> Iterator[App]:
    served = App()
    yield served
    served.httpd.shutdown()


def by_id(testid: str) -> Target:
    return Target(
        candidates=[SelectorCandidate(kind="test_id", value=testid, attribute="data-testid", score=0.95)]
    )


def tour(gid: str, page: str, *steps: Step) -> Walkthrough:
    return Walkthrough(
        id=gid,
        name=f"Tour {gid}",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value=page)),
        steps=list(steps),
    )


def studio(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )


# -- 12: never a false pass -------------------------------------------------------------------------


def test_a_target_removed_once_its_step_shows_fails(app: App):
    app.page(
        "/vanish.html",
        html(
            '<button data-testid="act">Act</button><script>addEventListener("guide-runtime:step_shown",'
            ' () => setTimeout(() => document.querySelector("[data-testid=act]")?.remove(), 0))</script>'
        ),
    )
    app.page("/stays.html", html('<button data-testid="act">Act</button>'))
    step = Step(id="act", title="Press act", target=by_id("act"), wait_ms=500)
    bundle = bundle_of(
        tour("vanish", "/vanish.html", step, Step(id="end", title="End")), tour("stays", "/stays.html", step)
    )
    results = {r.guide_id: r for r in replay(bundle, app.url, screenshots=False)}
    assert results["stays"].passed
    first = results["vanish"].steps[0]
    assert (first.status, first.reason) == ("failed", "not_found") and not results["vanish"].passed
    assert results["vanish"].steps[1].status == "skipped"


def test_an_error_after_a_skipped_optional_step_fails_the_step_it_happened_in(app: App):
    # The page breaks the runtime's resolver as step 2 shows: the error belongs to step 2.
    app.page(
        "/closes.html",
        html(
            '<button data-testid="act">Act</button><script>addEventListener("guide-runtime:step_shown",'
            ' e => { if (e.detail.stepIndex === 1) GuideRuntime.resolve = () => { throw new Error("boom"); }; })'
            "</script>"
        ),
    )
    bundle = bundle_of(
        tour(
            "closes",
            "/closes.html",
            Step(id="maybe", title="Optional", target=by_id("gone"), optional=True, wait_ms=300),
            Step(id="act", title="Press act", target=by_id("act"), wait_ms=500),
            Step(id="end", title="Done"),
        )
    )
    [result] = replay(bundle, app.url, screenshots=False, timeout=60)
    assert [s.status for s in result.steps] == ["skipped", "failed", "skipped"], result.steps
    assert result.steps[1].reason in ("error", "unresponsive") and not result.passed
    assert [s.step_id for s in result.steps] == ["maybe", "act", "end"]  # no invented "browser" step


# -- 13: always ends in time ------------------------------------------------------------------------


def test_a_page_that_loops_for_ever_after_load_ends_within_the_timeout(app: App, tmp_path: Path):
    app.page(
        "/loops.html",
        html(
            '<button data-testid="act">Act</button>'
            # hung as soon as it has loaded: a later start would race a fast replay, which then passes truly
            "<script>addEventListener('load', () => setTimeout(() => { for (;;) {} }, 0))</script>"
        ),
    )
    app.page("/fine.html", html('<button data-testid="act">Act</button>'))
    bundle = bundle_of(
        tour(
            "loops",
            "/loops.html",
            Step(id="act", title="Act", target=by_id("act"), advance=Advance(mode="click"), wait_ms=500),
        ),
        tour("fine", "/fine.html", Step(id="act", title="Act", target=by_id("act"), wait_ms=500)),
    )
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    junit = tmp_path / "junit.xml"
    started = time.monotonic()
    done = studio(
        "replay",
        str(path),
        "--url",
        app.url,
        "--timeout",
        "45",
        "--page-timeout",
        "3",
        "--junit",
        str(junit),
        timeout=120,
    )
    assert time.monotonic() - started < 30, "the hung page was not given up after --page-timeout"
    assert done.returncode == 1, done.stderr
    root = ET.parse(junit).getroot()
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    looping = suites["Tour loops (loops)"]
    assert looping.find("testcase/error") is not None or looping.find("testcase/failure") is not None
    assert (
        suites["Tour fine (fine)"].get("failures") == "0" and suites["Tour fine (fine)"].get("errors") == "0"
    )


def test_an_app_that_never_answers_ends_at_the_timeout_with_a_report(tmp_path: Path):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
    try:
        bundle = bundle_of(tour("t", "/x.html", Step(id="s", title="S", target=by_id("x"))))
        path = tmp_path / "bundle.json"
        path.write_text(json.dumps(bundle))
        junit = tmp_path / "junit.xml"
        started = time.monotonic()
        done = studio("replay", str(path), "--url", url, "--timeout", "6", "--junit", str(junit), timeout=60)
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert elapsed < 20, f"took {elapsed:.1f} s with --timeout 6"
    assert done.returncode == 1
    error = ET.parse(junit).getroot().find("testsuite/testcase/error")
    assert error is not None and "timeout" in error.get("message")


# -- 14: always a report ----------------------------------------------------------------------------


def test_an_unreachable_app_exits_2_and_still_writes_junit(tmp_path: Path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    bundle = bundle_of(
        tour("a", "/a.html", Step(id="s", title="S", target=by_id("x"))),
        tour("b", "/b.html", Step(id="s", title="S", target=by_id("x"))),
    )
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    junit = tmp_path / "junit.xml"
    done = studio("replay", str(path), "--url", f"http://127.0.0.1:{port}/", "--junit", str(junit))
    assert done.returncode == 2 and done.stderr.startswith("error: cannot open")
    root = ET.parse(junit).getroot()
    assert root.get("errors") == "2" and len(root.findall("testsuite")) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    refused = studio("replay", str(bad), "--url", "http://127.0.0.1:1/", "--junit", str(junit))
    assert refused.returncode == 2
    assert "not a guide bundle" in ET.parse(junit).getroot().find("testsuite/testcase/error").get("message")


def test_control_characters_never_make_the_junit_invalid():
    step = StepResult("s", 0, "ti\x00tle\x1b", "failed", "error", "bad \x07 bytes \ud800 here", error=True)
    xml = junit_xml([GuideResult("g\x01", "Name \x0b", "walkthrough", [step])])
    root = ET.fromstring(xml)
    assert root.get("errors") == "1" and "bad" in root.find("testsuite/testcase/error").text


# -- 15: reasons to act on --------------------------------------------------------------------------


def test_an_error_page_is_named_with_its_status_and_a_modal_does_not_pass_on_it(app: App):
    app.page("/dashboard.html", html("<h1>Internal Server Error</h1>"), status=500)
    bundle = bundle_of(
        tour("t", "/dashboard.html", Step(id="s", title="S", target=by_id("x"), wait_ms=300)),
        Modal(
            id="hello",
            name="Hello",
            trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/dashboard.html")),
            steps=[Step(id="m", title="Welcome")],
        ),
    )
    results = replay(bundle, app.url, screenshots=False)
    for result in results:
        first = result.steps[0]
        assert (first.status, first.reason) == ("failed", "http_error"), first
        assert first.detail == "the app answered 500 on /dashboard.html"


def test_a_login_wall_says_where_it_went_and_what_to_do(app: App):
    app.page("/dashboard.html", "", status=302, Location="/login.html?next=/dashboard.html")
    app.page(
        "/login.html",
        html('<form><input name="u"><input type="password" name="p"><button>Sign in</button></form>'),
    )
    bundle = bundle_of(tour("t", "/dashboard.html", Step(id="s", title="S", target=by_id("x"), wait_ms=300)))
    [result] = replay(bundle, app.url, screenshots=False)
    first = result.steps[0]
    assert first.reason == "login_required"
    assert "/dashboard.html to /login.html" in first.detail and "--login-script" in first.detail
    assert "--storage-state" in first.detail
