"""Rows for ``make bench``: studio replay against @puppeteer/replay on the same flows, side by side.

Both replays start their own browser (included in the figure) and run the example's
walkthroughs in turn, alternating, ``ROUNDS`` times each; the medians are compared. Then the
whole example bundle (every kind) and the three-viewport matrix.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from studio.browser import find_browser, launch_options
from studio.browser.context import VIEWPORT_PRESETS, Layout
from studio.demo_server import DemoServer
from studio.export.devtools import devtools_recordings
from studio.paths import ROOT
from studio.replay import replay
from studio.store import ProjectStore

EXAMPLE = ROOT / "guides" / "example.gstudio"
BUNDLE = ROOT / "guides" / "example.bundle.json"
SCRIPT = Path(__file__).with_name("puppeteer_replay.mjs")
ROUNDS = 3
WHOLE_BUNDLE_BAR = 3.0


def _ours(bundle: dict, url: str, **options: object) -> tuple[float, list, dict]:
    profile: dict[str, float] = {}
    started = time.perf_counter()
    results = replay(bundle, url, screenshots=False, profile=profile, **options)
    return time.perf_counter() - started, results, profile


def _puppeteer(paths: list[str]) -> dict | str:
    args = json.dumps(launch_options(headless=True)["args"])  # the same browser switches as ours
    done = subprocess.run(
        ["node", str(SCRIPT), str(find_browser()), *paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "REPLAY_ARGS": args},
    )
    if done.returncode != 0:
        return f"failed: {(done.stderr.strip().splitlines() or ['?'])[-1][:120]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def _where_time_goes(results: list, profile: dict) -> str:
    phases = Counter(profile)
    for result in results:
        phases.update(result.timings)
    return ", ".join(f"{name} {seconds:.2f}" for name, seconds in phases.most_common())


def rows() -> list[tuple[str, str]]:
    """Replay speed against the peer, the whole bundle, and the layout matrix."""
    bundle = json.loads(BUNDLE.read_text(encoding="utf-8"))
    walkthroughs = [g["id"] for g in bundle["guides"] if g["kind"] == "walkthrough"]
    out: list[tuple[str, str]] = []
    have_peer = (ROOT / "node_modules" / "@puppeteer" / "replay").exists()
    with DemoServer() as server, tempfile.TemporaryDirectory() as folder:
        url = server.url + "/"
        with ProjectStore.open(EXAMPLE, readonly=True) as store:
            files = devtools_recordings(store.load(), url)
        paths = []
        for name, text in files.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
            paths.append(str(Path(folder) / name))
        ours, theirs, loads, last = [], [], [], None
        for _ in range(ROUNDS):
            seconds, results, profile = _ours(bundle, url, guide_ids=walkthroughs)
            ours.append(seconds)
            last = (results, profile)
            if have_peer:
                figures = _puppeteer(paths)
                if isinstance(figures, str):
                    out.append(("@puppeteer/replay", figures))
                    have_peer = False
                else:
                    theirs.append(figures["seconds"])
                    loads.append(figures.get("load", 0.0))
                    peer = figures
        results, profile = last
        steps = sum(len(r.steps) for r in results)
        passed = sum(s.status == "passed" for r in results for s in r.steps)
        mine = statistics.median(ours)
        out.append(
            (
                f"studio replay, 3 walkthroughs (median of {ROUNDS}, browser start included)",
                f"{steps} guide steps in {mine:.2f} s, {passed} passed, every step checked",
            )
        )
        out.append(("  where the time goes (s, phases overlap)", _where_time_goes(results, profile)))
        if not have_peer and not theirs:
            out.append(("@puppeteer/replay", "not installed: run `npm ci` (needs Node.js)"))
        elif theirs:
            peer_median = statistics.median(theirs)
            out.append(
                (
                    f"@puppeteer/replay, same flows as DevTools recordings (median of {ROUNDS})",
                    f"{peer['steps']} recorder steps in {peer_median:.2f} s "
                    f"({peer['failed']} of {len(files)} recordings failed)",
                )
            )
            ratio = mine / peer_median
            out.append(
                (
                    "studio replay / @puppeteer/replay wall time (bar <= 1.0)",
                    f"{ratio:.2f}x {'ok' if ratio <= 1.0 else 'OVER'}",
                )
            )
            with_load = statistics.median(t + load for t, load in zip(theirs, loads, strict=True))
            out.append(
                (
                    "  the same, their package load counted too (ours counts Playwright's driver start)",
                    f"{mine / with_load:.2f}x (loading puppeteer-core and @puppeteer/replay: "
                    f"median {statistics.median(loads):.2f} s)",
                )
            )
        whole = [_ours(bundle, url) for _ in range(ROUNDS)]
        seconds = statistics.median(w[0] for w in whole)
        all_results = whole[-1][1]
        all_steps = sum(len(r.steps) for r in all_results)
        kinds = len({r.kind for r in all_results})
        out.append(
            (
                f"studio replay, whole example bundle ({kinds} kinds, median of {ROUNDS}; bar <= 3 s)",
                f"{len(all_results)} guides, {all_steps} steps in {seconds:.2f} s "
                f"{'ok' if seconds <= WHOLE_BUNDLE_BAR else 'OVER'}",
            )
        )
        layouts = [Layout(VIEWPORT_PRESETS[name]) for name in ("mobile", "tablet", "desktop")]
        seconds, matrix, _ = _ours(bundle, url, layouts=layouts)
        by_layout = Counter(r.layout for r in matrix if r.passed)
        out.append(
            (
                "studio replay, example x 3 viewports (mobile, tablet, desktop)",
                f"{len(matrix)} guide runs in {seconds:.2f} s; passed per viewport: "
                + ", ".join(
                    f"{layout.label} {by_layout[layout.label]}/{len(all_results)}" for layout in layouts
                ),
            )
        )
        seconds, _, _ = _ours(bundle, url, workers=2)
        out.append(("studio replay, whole example bundle, --workers 2", f"{seconds:.2f} s"))
    return out


if __name__ == "__main__":
    for name, value in rows():
        print(f"{name:<80} {value}")
