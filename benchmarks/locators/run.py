"""Run the locator benchmark: ``python -m benchmarks.locators.run [--seeds N]``.

Pairs of pages (v1 → v2) in five front-end styles go through realistic release mutations;
every locator captures targets on v1 and must find the same element on v2 (or nothing, for
deleted targets). Ground truth lives in the generator's trees, never in the served HTML.
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from studio.browser import launch_options
from studio.browser.scripts import recorder_script
from studio.export.runtime import RUNTIME_PATH
from studio.paths import ROOT

from .mutate import release
from .pages import STYLES, build_app, document, path_to

LOCATORS = {
    "ours": "Guide Studio (capture + resolve)",
    "finder": "@medv/finder",
    "csg": "css-selector-generator",
    "xpath": "absolute XPath",
    "role": "role + name (exactly one)",
}
NODE = ROOT / "node_modules"
ORIGIN = "http://bench.test"


def baseline_scripts() -> list[str]:
    """The npm baselines as classic scripts (finder ships as an ES module)."""
    finder = (NODE / "@medv" / "finder" / "finder.js").read_text(encoding="utf-8")
    finder = (
        "(function(){" + finder.replace("export function", "function") + "\nwindow.__finder = finder;})();"
    )
    csg = (NODE / "css-selector-generator" / "build" / "index.js").read_text(encoding="utf-8")
    return [finder, csg]


def available() -> bool:
    """Whether the npm baselines are installed (``npm ci``)."""
    return (NODE / "@medv" / "finder" / "finder.js").exists() and (NODE / "css-selector-generator").exists()


def run(seeds: int = 12, profiles: tuple[str, ...] = ("realistic", "hard"), first_seed: int = 100) -> dict:
    """Every profile's results: counts per locator and verdict, timings, our confidence curve."""
    pages: dict[str, str] = {}
    results: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        for script in [
            RUNTIME_PATH.read_text(encoding="utf-8"),
            recorder_script(),
            *baseline_scripts(),
            (Path(__file__).with_name("harness.js")).read_text(encoding="utf-8"),
        ]:
            context.add_init_script(script=script)
        context.route(
            f"{ORIGIN}/**",
            lambda route: route.fulfill(
                status=200, content_type="text/html", body=pages[route.request.url.removeprefix(ORIGIN)]
            ),
        )
        page = context.new_page()
        for profile in profiles:
            counts = {name: defaultdict(int) for name in LOCATORS}
            deleted_counts = {name: defaultdict(int) for name in LOCATORS}
            by_style = {style: defaultdict(int) for style in STYLES}
            times: dict[str, list[float]] = defaultdict(list)
            curve: list[tuple[str, str, float]] = []
            for style in STYLES:
                for seed in range(first_seed, first_seed + seeds):
                    v1, targets = build_app(style, seed)
                    v2, deleted, _applied = release(
                        v1, targets, random.Random(seed * 7919 + len(style)), profile
                    )
                    key = f"/{profile}/{style}/{seed}"
                    pages[key + "/v1"], pages[key + "/v2"] = document(v1), document(v2)
                    page.goto(ORIGIN + key + "/v1")
                    captured = [page.evaluate("p => __bench.capture(p)", path_to(v1, t)) for t in targets]
                    page.goto(ORIGIN + key + "/v2")
                    for target, record in zip(targets, captured, strict=True):
                        truth = None if target in deleted else path_to(v2, target)
                        outcome = page.evaluate("([r, t]) => __bench.resolve(r, t)", [record, truth])
                        bucket = deleted_counts if truth is None else counts
                        for name in LOCATORS:
                            verdict, ms = outcome[name]
                            bucket[name][verdict] += 1
                            times[name].append(ms)
                        if truth is not None:
                            by_style[style][outcome["ours"][0]] += 1
                        curve.append(("present" if truth else "deleted", *outcome["loose"]))
            results[profile] = {
                "counts": counts,
                "deleted": deleted_counts,
                "by_style": by_style,
                "ms": {n: statistics.mean(v) for n, v in times.items()},
                "curve": curve,
            }
        browser.close()
    return results


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   -  "


def table(results: dict) -> list[str]:
    """Markdown tables: per locator, our per-style figures, and the confidence trade-off."""
    lines = []
    for profile, data in results.items():
        lines += [
            f"### {profile} profile",
            "",
            "| locator | correct | wrong element | not found | false found (deleted) | ms / resolve |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, label in LOCATORS.items():
            c, d = data["counts"][name], data["deleted"][name]
            total, gone = sum(c.values()), sum(d.values())
            lines.append(
                f"| {label} | {pct(c['correct'], total)} | {pct(c['wrong'], total)} | {pct(c['none'], total)}"
                f" | {pct(d['correct'] + d['wrong'], gone)} | {data['ms'][name]:.2f} |"
            )
        total = sum(data["counts"]["ours"].values())
        gone = sum(data["deleted"]["ours"].values())
        lines += ["", f"{total} present targets, {gone} deleted. Ours by style (correct / wrong):", ""]
        lines.append(
            " · ".join(
                f"{style}: {pct(v['correct'], sum(v.values())).strip()}"
                f" / {pct(v['wrong'], sum(v.values())).strip()}"
                for style, v in data["by_style"].items()
            )
        )
        lines += [
            "",
            "Trade-off (accepting our best match at or above a confidence):",
            "",
            "| threshold | correct | wrong | false found on deleted |",
            "| ---: | ---: | ---: | ---: |",
        ]
        present = [(v, c) for kind, v, c in data["curve"] if kind == "present"]
        removed = [(v, c) for kind, v, c in data["curve"] if kind == "deleted" and v != "none"]
        deleted_total = gone
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            ok = sum(1 for v, c in present if v == "correct" and c >= threshold)
            bad = sum(1 for v, c in present if v == "wrong" and c >= threshold)
            false = sum(1 for _v, c in removed if c >= threshold)
            lines.append(
                f"| {threshold:.1f} | {pct(ok, total)} | {pct(bad, total)} | {pct(false, deleted_total)} |"
            )
        lines.append("")
    return lines


METHOD = """\
Each scenario is a small SaaS screen (navigation, toolbar, a two-part form, a table with row
actions) rendered in one of five front-end styles — semantic ids and labels, CSS-module
hashes, utility-class soup, Angular view encapsulation with framework-counter ids, and a
legacy table of identical rows. Version 2 applies a release to version 1: in the
*realistic* profile a rebuild (hashes and auto ids regenerated) 80% of the time plus one to
three of: inserted siblings, wrappers, reordering, reworded text, removed attributes, tag
swaps, look-alike decoys, new identical table rows, moved fields; and a deleted target 30% of
the time. The *hard* profile applies four to six. Every locator captures ten targets on v1
and must find the same element on v2 — or nothing, when the target was deleted. Ground truth
lives in the generator's trees and never in the served HTML. Baselines: @medv/finder and
css-selector-generator (npm), an absolute XPath, and a role + accessible-name locator that
needs exactly one match. Thresholds were tuned on seeds 0–3; the tables use seeds 100+.
"""


def main() -> None:
    """Run and print the tables; ``--out FILE`` also writes them as Markdown."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=12)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results = run(seeds=args.seeds)
    text = "\n".join(table(results))
    print(text)
    if args.out:
        from benchmarks import machine

        args.out.write_text(
            f"# Locator benchmark\n\n{METHOD}\nMachine: {machine.describe()}. Command: "
            f"`python -m benchmarks.locators.run --seeds {args.seeds} --out {args.out}`.\n\n{text}\n",
            encoding="utf-8",
        )


def summary_rows(seeds: int = 12) -> list[tuple[str, str]]:
    """The realistic profile as rows for ``make bench``."""
    if not available():
        return [("locator baselines", "not installed: run `npm ci` (needs Node.js)")]
    data = run(seeds=seeds, profiles=("realistic",))["realistic"]
    rows = []
    for name, label in LOCATORS.items():
        c = data["counts"][name]
        total = sum(c.values())
        rows.append(
            (
                label,
                f"correct {pct(c['correct'], total).strip()}, wrong {pct(c['wrong'], total).strip()}, "
                f"not found {pct(c['none'], total).strip()}, {data['ms'][name]:.2f} ms/resolve",
            )
        )
    return rows


if __name__ == "__main__":
    main()
