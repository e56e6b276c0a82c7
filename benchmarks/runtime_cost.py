"""What the runtime costs a page while it waits: idle CPU, added click time, resolve time at 50,000 nodes.

Measured in real headless Chromium, side by side with the runtime of ``BASELINE`` (the one before
incremental waiting) when git can show it, so the figures are read against a peer in the same run.
"""

from __future__ import annotations

import os
import statistics
from typing import Any

from studio.domain import AutomaticTrigger, LauncherTrigger, Project, Step, Tooltip, Walkthrough
from studio.export import build_bundle
from studio.export.runtime import MINIFIED_PATH

from .baseline import runtime_at

NODES = 50_000
WAITING = 10
LAUNCHERS = 100

PAGE = """<!doctype html><html lang="en"><head><title>big</title></head><body><main id="app"></main><script>
const app = document.getElementById('app');
for (let i = 0; i < %d / 10; i++) {
  const row = document.createElement('section');
  row.innerHTML = '<div class="r"><span>Row ' + i + '</span><a href="#' + i + '">Open</a>'
    + '<label>Name <input name="n' + i + '"></label><button data-testid="b' + i + '">Edit ' + i + '</button>'
    + '<em>x</em></div>';
  app.appendChild(row);
}
</script></body></html>"""


def _target(testid: str, name: str) -> dict[str, Any]:
    return {
        "candidates": [
            {"kind": "test_id", "value": testid, "attribute": "data-testid", "score": 0.95},
            {"kind": "role", "value": "button", "name": name, "score": 0.8},
        ],
        "fingerprint": {"tag": "button", "role": "button", "name": name, "text": name},
    }


def _bundle(kind: str) -> dict[str, Any]:
    from studio.domain import Target

    guides: list[Any] = []
    if kind == "waiting":
        for i in range(WAITING):
            target = Target.model_validate(_target(f"absent{i}", f"Absent {i}"))
            guides.append(
                Tooltip(
                    id=f"w{i}",
                    name=f"W{i}",
                    trigger=AutomaticTrigger(element=target),  # waits up to ten minutes
                    steps=[Step(id="s", title="x", target=target)],
                )
            )
    else:
        for i in range(LAUNCHERS):
            target = Target.model_validate(_target(f"absent{i}", f"Absent {i}"))
            guides.append(
                Walkthrough(
                    id=f"l{i}",
                    name=f"L{i}",
                    trigger=LauncherTrigger(element=target),
                    steps=[Step(id="s", title="x")],
                )
            )
    return build_bundle(Project(name="bench", guides=guides))


BASELINE = "7ebe43b"
"""The last commit whose runtime polled for targets (before incremental waiting): the peer of these rows."""


def _runtimes() -> list[tuple[str, str]]:
    if os.environ.get("BENCH_QUICK"):
        return [("this branch", MINIFIED_PATH.read_text(encoding="utf-8"))]
    ours = [("this branch", MINIFIED_PATH.read_text(encoding="utf-8"))]
    before = runtime_at(BASELINE)
    return ours + [(f"{BASELINE} (polling)", before)] if before and before != ours[0][1] else ours


COUNT_QUERIES = """() => { window.__queries = 0;
  for (const P of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    const f = P.querySelectorAll;
    P.querySelectorAll = function (s) { window.__queries++; return f.call(this, s); };
  } }"""
"""Counts document queries (every resolve makes several): work done while the page is idle."""


def _busy(client: Any) -> float:
    """Seconds the page's main thread has spent on tasks so far."""
    metrics = client.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def _settle(page: Any, client: Any, quiet_ms: float = 5.0, limit_s: float = 15.0) -> None:
    """Wait (bounded) until the page's main thread is quiet: under ``quiet_ms`` of work in each of
    four 250 ms windows in a row (one quiet window can fall between two start-up resolves)."""
    import time

    end, quiet = time.monotonic() + limit_s, 0
    last = _busy(client)
    while time.monotonic() < end and quiet < 4:
        page.wait_for_timeout(250)
        now = _busy(client)
        quiet = quiet + 1 if (now - last) * 1000 < quiet_ms else 0
        last = now


def _measure(browser: Any, server: Any, code: str, with_resolve: bool) -> dict[str, Any]:
    url = server.page("/big.html", PAGE % NODES)
    out: dict[str, float] = {}
    for kind in ("waiting", "launchers"):
        page = browser.new_page()
        page.set_default_timeout(120_000)
        page.goto(url)
        page.evaluate(COUNT_QUERIES)
        page.add_script_tag(content=code)
        client = page.context.new_cdp_session(page)
        client.send("Performance.enable")
        if kind == "waiting":
            page.evaluate("b => GuideRuntime.init({bundle: b})", _bundle(kind))
            _settle(page, client)  # the first resolves of every waiter are start-up work, not idle
            start, queries = _busy(client), page.evaluate("window.__queries")
            page.wait_for_timeout(2000)
            out["idle"] = (_busy(client) - start) / 2 * 1000
            out["queries"] = (page.evaluate("window.__queries") - queries) / 2
        else:
            clicks = (
                "n => { const el = document.querySelector('[data-testid=b7]'), t = [];"
                " el.addEventListener('click', e => e.preventDefault());"
                " for (let i = 0; i < n; i++) { const s = performance.now(); el.click();"
                " t.push(performance.now() - s); }"
                " return t; }"
            )
            n = 8 if with_resolve else 2  # the runtime before takes seconds per click
            without = page.evaluate(clicks, n)
            page.evaluate("b => GuideRuntime.init({bundle: b})", _bundle(kind))
            with_rt = page.evaluate(clicks, n)
            out["click"] = max(statistics.median(with_rt) - statistics.median(without), 0.0)
            out["resolve"] = _resolves(page, client) if with_resolve else {}
        page.close()
    return out


KINDS = {
    "test_id": {"kind": "test_id", "value": "b4321", "attribute": "data-testid"},
    "id": {"kind": "id", "value": "#app"},
    "role+name": {"kind": "role", "value": "button", "name": "Edit 4321"},
    "label": {"kind": "label", "value": "Name"},
    "text": {"kind": "text", "value": "Row 4321"},
    "css": {"kind": "css", "value": "section:nth-of-type(4321) button"},
    "aria_label": {"kind": "aria_label", "value": "nothing"},
}


def _targets() -> list[tuple[str, dict]]:
    """One target per candidate kind, one the fingerprint alone must find, and a label target as the recorder
    writes one (with its fingerprint: its 5,000 same-label fields are then each weighed)."""
    found = [(name, {"candidates": [{**candidate, "score": 0.9}]}) for name, candidate in KINDS.items()]
    only = {"candidates": [], "fingerprint": {"tag": "button", "role": "button", "name": "Edit 4321"}}
    fingerprint = {"tag": "input", "role": "textbox", "name": "Name", "attributes": {"name": "n4321"}}
    recorded = {"candidates": [{**KINDS["label"], "score": 0.9}], "fingerprint": fingerprint}
    return [*found, ("fingerprint only", only), ("label as recorded", recorded)]


WARM = 39
"""Resolves of each target after its first: their 95th percentile is read from these (the second worst)."""


def _thread_ms(client: Any) -> float:
    """Milliseconds of CPU the page's main thread has used so far."""
    metrics = client.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "ThreadTime") * 1000


def _p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * len(values))]


def _resolves(page: Any, client: Any) -> dict[str, dict[str, float]]:
    """Per target: its first resolve on the page (the one a page pays: each target is resolved about
    once, and the first runs before the engine has optimised anything), wall clock and main-thread CPU
    (less an empty evaluate's), then the 95th percentile of ``WARM`` more, wall clock and CPU. The CPU
    counts only this thread: on a shared machine the wall clock also counts the time other jobs hold
    the core."""
    empty = []
    for _ in range(8):
        start = _thread_ms(client)
        page.evaluate("t => 0", {})
        empty.append(_thread_ms(client) - start)
    base = statistics.median(empty)
    timed = "t => { const s = performance.now(); GuideRuntime.resolve(t); return performance.now() - s; }"
    found: dict[str, dict[str, float]] = {}
    for name, target in _targets():
        start = _thread_ms(client)
        first = page.evaluate(timed, target)
        first_cpu = max(_thread_ms(client) - start - base, 0.0)
        wall, cpu = [], []
        for _ in range(WARM):
            start = _thread_ms(client)
            wall.append(page.evaluate(timed, target))
            cpu.append(max(_thread_ms(client) - start - base, 0.0))
        found[name] = {"first": first, "first_cpu": first_cpu, "warm": _p95(wall), "warm_cpu": _p95(cpu)}
    return found


def rows() -> list[tuple[str, str]]:
    """Figures for the table: idle CPU of waiting guides, added click time, resolve p95."""
    from playwright.sync_api import sync_playwright

    from studio.browser import launch_options
    from tests.server import TestServer

    server = TestServer()
    results: list[tuple[str, dict[str, Any]]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options(headless=True))
            for n, (label, code) in enumerate(_runtimes()):
                results.append((label, _measure(browser, server, code, with_resolve=n == 0)))
            browser.close()
    finally:
        server.stop()
    out = []
    for label, r in results:
        out.append(
            (
                f"{WAITING} waiting guides, {NODES:,} nodes, idle ({label})",
                f"{r['idle']:.1f} ms CPU per second (bar: 20);"
                f" {r['queries']:.0f} document queries per second",
            )
        )
        out.append((f"click with {LAUNCHERS} launcher guides ({label})", f"+{r['click']:.2f} ms (bar: 5)"))
        if not r["resolve"]:
            continue
        for key, what in (
            ("first", "first resolve"),
            ("first_cpu", "  the same, main-thread CPU"),
            ("warm", f"  p95 of {WARM} resolves after it"),
            ("warm_cpu", "  the same, main-thread CPU"),
        ):
            got = {kind: v[key] for kind, v in r["resolve"].items()}
            detail = ", ".join(f"{k} {v:.1f}" for k, v in got.items())
            head = f"{what} at {NODES:,} nodes ({label})" if key == "first" else f"{what} ({label})"
            out.append((head, f"worst {max(got.values()):.1f} ms (bar: 5): {detail}"))
    return out


if __name__ == "__main__":
    for what, value in rows():
        print(f"{what:<60} {value}")
