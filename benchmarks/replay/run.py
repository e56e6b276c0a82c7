"""Rows for ``make bench``: the example's walkthroughs by studio replay and by @puppeteer/replay."""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from studio.browser import find_browser
from studio.demo_server import DemoServer
from studio.export.devtools import devtools_recordings
from studio.paths import ROOT
from studio.replay import replay
from studio.store import ProjectStore

EXAMPLE = ROOT / "guides" / "example.gstudio"
BUNDLE = ROOT / "guides" / "example.bundle.json"


def rows() -> list[tuple[str, str]]:
    """Both replays of the same three walkthroughs, end to end (browser start included)."""
    bundle = json.loads(BUNDLE.read_text(encoding="utf-8"))
    walkthroughs = [g["id"] for g in bundle["guides"] if g["kind"] == "walkthrough"]
    out: list[tuple[str, str]] = []
    with DemoServer() as server:
        started = time.perf_counter()
        results = replay(bundle, server.url + "/", guide_ids=walkthroughs, screenshots=False)
        ours = time.perf_counter() - started
        steps = sum(len(r.steps) for r in results)
        passed = sum(s.status == "passed" for r in results for s in r.steps)
        out.append(
            (
                "studio replay (3 walkthroughs, every step checked)",
                f"{steps} guide steps in {ours:.1f} s = {steps / ours:.1f} steps/s ({passed} passed)",
            )
        )
        for workers in (1, 2):
            started = time.perf_counter()
            all_results = replay(bundle, server.url + "/", workers=workers, screenshots=False)
            elapsed = time.perf_counter() - started
            all_steps = sum(len(r.steps) for r in all_results)
            out.append(
                (
                    f"studio replay, whole example bundle, --workers {workers}",
                    f"{all_steps} steps in {elapsed:.1f} s = {all_steps / elapsed:.1f} steps/s",
                )
            )
        script = Path(__file__).with_name("puppeteer_replay.mjs")
        if not (ROOT / "node_modules" / "@puppeteer" / "replay").exists():
            out.append(("@puppeteer/replay", "not installed: run `npm ci` (needs Node.js)"))
            return out
        with ProjectStore.open(EXAMPLE, readonly=True) as store:
            files = devtools_recordings(store.load(), server.url + "/")
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for name, text in files.items():
                (Path(folder) / name).write_text(text, encoding="utf-8")
                paths.append(str(Path(folder) / name))
            done = subprocess.run(
                ["node", str(script), str(find_browser()), *paths],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=300,
            )
        if done.returncode != 0:
            out.append(("@puppeteer/replay", f"failed: {done.stderr.strip().splitlines()[-1][:120]}"))
            return out
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        out.append(
            (
                "@puppeteer/replay (same flows, exported recordings)",
                f"{figures['steps']} recorder steps in {figures['seconds']:.1f} s = "
                f"{figures['steps'] / figures['seconds']:.1f} steps/s "
                f"({figures['failed']} of {len(files)} recordings failed)",
            )
        )
    return out
