"""A lane replays guide after guide in one context and page (studio/replay/seat.py): nothing a guide
leaves in the browser may reach the next one, which must meet the app as in a fresh context."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from studio.domain import AutomaticTrigger, SelectorCandidate, Step, Target, UrlRule, Walkthrough
from studio.replay import replay, runner, seat

from .runtime_helpers import bundle_of, html

# The page looks for anything a guide before could have left, shows #clean only when it finds
# nothing (else #dirty, naming what it found), then leaves a bit of everything behind, also as it
# unloads. A step targets #clean: a leak fails it as not_found.
PAGE = html(
    '<p id="state">checking</p><iframe src="/frame.html" title="frame"></iframe>'
    + """<script>
addEventListener("pagehide", () => { localStorage.setItem("unloaded", "1"); });
(async () => {
  const found = [];
  if (localStorage.length) found.push("localStorage " + Object.keys(localStorage));
  if (sessionStorage.length) found.push("sessionStorage " + Object.keys(sessionStorage));
  if (document.cookie) found.push("cookie " + document.cookie);
  if (window.name) found.push("window.name " + window.name);
  if (history.length > 2) found.push("history " + history.length);
  if ((await indexedDB.databases()).length) found.push("IndexedDB");
  if ((await caches.keys()).length) found.push("Cache API");
  if ((await navigator.serviceWorker.getRegistrations()).length) found.push("service worker");
  const frame = await new Promise(done => {  // asked until the frame has loaded and answers
    addEventListener("message", e => { clearInterval(ask); done(e.data); }, {once: true});
    const ask = setInterval(() => document.querySelector("iframe").contentWindow.postMessage("look", "*"), 50);
  });
  if (frame) found.push("frame " + frame);
  const p = document.getElementById("state");
  p.id = found.length ? "dirty" : "clean";
  p.dataset.testid = p.id;
  p.textContent = found.length ? found.join("; ") : "nothing left";
  localStorage.setItem("k", "v");
  sessionStorage.setItem("k", "v");
  document.cookie = "c=1; max-age=9999; path=/";
  window.name = "left";
  history.pushState({}, "", "#left");
  await new Promise(done => { const r = indexedDB.open("db", 1);
    r.onupgradeneeded = () => r.result.createObjectStore("s"); r.onsuccess = () => { r.result.close(); done(); }; });
  await (await caches.open("c")).put("/x", new Response("y"));
  await navigator.serviceWorker.register("/sw.js");
  document.querySelector("iframe").contentWindow.postMessage("write", "*");
})();
</script>"""
)
# The same-origin frame on another port (another origin) with storage of its own.
FRAME = """<!doctype html><script>
addEventListener("message", e => {
  if (e.data === "look") e.source.postMessage(localStorage.length ? "localStorage" : "", "*");
  else localStorage.setItem("frame", "1");
});
</script>"""


class _Site:
    """The app on one port and its frame on another (so the frame is an origin of its own)."""

    def __init__(self) -> None:
        self.servers = [self._serve(), self._serve()]
        self.url = f"http://127.0.0.1:{self.servers[0].server_address[1]}/"
        self.frame_url = f"http://127.0.0.1:{self.servers[1].server_address[1]}/frame.html"

    def _serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                path = self.path.split("?")[0]
                if path == "/sw.js":
                    kind, body = "text/javascript", "self.addEventListener('fetch', () => {});"
                elif path == "/frame.html":
                    kind, body = "text/html", FRAME
                else:
                    kind, body = "text/html", PAGE.replace("/frame.html", site.frame_url)
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", kind + "; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        return httpd


@pytest.fixture
def site() -> Iterator[_Site]:
    served = _Site()
    yield served
    for httpd in served.servers:
        httpd.shutdown()


def _tours(count: int) -> dict:
    clean = Target(candidates=[SelectorCandidate(kind="test_id", value="clean", attribute="data-testid")])
    return bundle_of(
        *(
            Walkthrough(
                id=f"tour-{n}",
                name=f"Tour {n}",
                trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/")),
                steps=[Step(id="clean", title="Nothing left", target=clean, wait_ms=3000)],
            )
            for n in range(count)
        )
    )


def _one_lane(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "GUIDES_PER_BROWSER", 1)  # every guide after the first reuses the seat


def test_no_guide_leaves_anything_for_the_next_in_a_reused_page(site: _Site, monkeypatch):
    _one_lane(monkeypatch)
    results = replay(_tours(3), site.url, screenshots=False)
    assert [r.steps[0].status for r in results] == ["passed"] * 3, [r.steps[0].detail for r in results]
    assert "reset" not in results[0].timings
    assert all("reset" in r.timings for r in results[1:])  # the page was reused, and cleared


def test_the_page_does_see_what_an_uncleared_seat_leaves(site: _Site, monkeypatch):
    """The check above can fail: with only the navigation to about:blank between guides (no
    clearing), the second guide meets the first one's state (its own start mark in session
    storage among it: the guide never starts) and fails."""
    _one_lane(monkeypatch)

    async def blank_only(self, call, script):
        self.link, self.token = None, ""
        last, self.script = self.script, None
        await call(last.close(), 5, phase="reset")
        await call(self.page.goto("about:blank"), 5, phase="reset")
        return await call(self.context.add_init_script(script=script), 5, phase="reset")

    monkeypatch.setattr(seat.Seat, "_reset", blank_only)
    first, second = replay(_tours(2), site.url, screenshots=False)
    assert first.passed
    assert second.steps[0].status == "failed" and second.steps[0].reason in ("not_found", "timeout")


def test_a_guide_that_errs_gives_its_lane_a_fresh_context(site: _Site, monkeypatch):
    _one_lane(monkeypatch)
    opened = []
    real_open = seat.Seat._open

    async def counting_open(self, call, script):
        opened.append(self)
        await real_open(self, call, script)

    monkeypatch.setattr(seat.Seat, "_open", counting_open)
    calls = {"n": 0}
    real_open_page = runner.GuideRun._open

    async def failing_first(self, url):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the browser said no")
        return await real_open_page(self, url)

    monkeypatch.setattr(runner.GuideRun, "_open", failing_first)
    first, second = replay(_tours(2), site.url, screenshots=False)
    assert (first.steps[0].status, first.steps[0].reason, first.steps[0].detail) == (
        "failed",
        "error",
        "the browser said no",
    )
    assert second.passed and "reset" not in second.timings, [
        (s.status, s.reason, s.detail) for s in second.steps
    ]
    assert len(opened) == 2


def test_the_page_sees_state_it_did_not_make(site: _Site, tmp_path):
    """The page's own look finds what is there: a context started from stored state (a cookie and
    local storage of the app) fails the step, as a leak would."""
    state = tmp_path / "state.json"
    origin = site.url.rstrip("/")
    state.write_text(
        '{"cookies": [{"name": "c", "value": "1", "domain": "127.0.0.1", "path": "/", "expires": -1,'
        ' "httpOnly": false, "secure": false, "sameSite": "Lax"}],'
        ' "origins": [{"origin": "' + origin + '", "localStorage": [{"name": "k", "value": "v"}]}]}',
        encoding="utf-8",
    )
    (result,) = replay(_tours(1), site.url, screenshots=False, storage_state=str(state))
    assert (result.steps[0].status, result.steps[0].reason) == ("failed", "not_found")
