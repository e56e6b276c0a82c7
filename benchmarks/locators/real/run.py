# ruff: noqa: E501  (Markdown table rows read better unwrapped)
"""Score every locator on real releases: ``python -m benchmarks.locators.real.run [--out FILE]``.

Each pair's v1 page is opened as deployed (offline, its own scripts running); every target in
the pair's truth file is captured there, resolved on v1 again (the self-check), then resolved on
v2 and compared with the truth — the same element, or nothing when the release deleted it.
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from studio.browser import launch_options
from studio.browser.scripts import recorder_script
from studio.export.runtime import RUNTIME_PATH

from ..run import LOCATORS, baseline_scripts, pct
from .corpus import PAIRS, available, load_truth, url
from .serve import install

HARNESS = Path(__file__).parents[1] / "harness.js"
BANDS = [(0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6)]


def change_kind(target: dict) -> str:
    """What the release did to the target, read from the truth file's descriptions."""
    if target["v2"] is None:
        return "deleted"
    before, after = (target[k].split(" ¦ ") for k in ("what", "now"))
    if before[2].strip() != after[2].strip():
        return "reworded"
    if before[:4] != after[:4]:
        return "attributes changed"
    return "moved" if target["v1"] != target["v2"] else "unchanged"


def _thread_ms(client) -> float:
    """Milliseconds of CPU the page's main thread has used so far."""
    metrics = client.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "ThreadTime") * 1000


def first_resolve(page, client, rec: dict, key: int) -> float:
    """Our first resolve of a target on this page, in an evaluate of its own (the harness keeps its answer and wall
    time for ``__bench.resolve(rec, path, key)``): the main thread's CPU time around it, less an empty evaluate's (the
    median of seven, taken now). The wall clock in the page moves in 0.1 ms steps and counts the time other jobs
    hold the core."""
    page.evaluate("r => { window.__rec = r; }", rec)
    empty = []
    for _ in range(7):
        start = _thread_ms(client)
        page.evaluate("k => 0", key)
        empty.append(_thread_ms(client) - start)
    start = _thread_ms(client)
    page.evaluate("k => __bench.first(__rec, k)", key)
    return max(_thread_ms(client) - start - statistics.median(empty), 0.0)


def settle(page, address: str) -> None:
    """Open a page and let its own scripts finish building the DOM."""
    page.goto(address, wait_until="load", timeout=30000)
    page.wait_for_timeout(800)


def run() -> dict:
    """Every target's outcome per locator, plus our confidences and timings."""
    rows: list[dict] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        for script in [
            RUNTIME_PATH.read_text(encoding="utf-8"),
            recorder_script(),
            *baseline_scripts(),
            HARNESS.read_text(encoding="utf-8"),
        ]:
            context.add_init_script(script=script)
        install(context)
        page = context.new_page()
        client = context.new_cdp_session(page)
        client.send("Performance.enable")
        for pair in PAIRS:
            product, size, p1, page1, p2, page2 = pair
            targets = load_truth(pair)
            settle(page, url(p1, page1))
            captured, selfcheck = [], []
            for t in targets:
                if page.evaluate("s => document.querySelectorAll(s).length", t["v1"]) != 1:
                    raise SystemExit(f"truth selector not unique on {p1}/{page1}: {t['v1']}")
                rec = page.evaluate("p => __bench.capture(p)", t["v1"])
                captured.append(rec)
                selfcheck.append(page.evaluate("([r, t]) => __bench.resolve(r, t)", [rec, t["v1"]]))
            settle(page, url(p2, page2))
            nodes = page.evaluate("document.getElementsByTagName('*').length")
            for t in targets:
                if t["v2"] and page.evaluate("s => document.querySelectorAll(s).length", t["v2"]) != 1:
                    raise SystemExit(f"truth selector not unique on {p2}/{page2}: {t['v2']}")
            # every target's first resolve by us, timed alone, before the loose resolves and the baselines
            # (whose page-wide scans would otherwise leave their garbage and caches to the next target's)
            cpus = [first_resolve(page, client, rec, i) for i, rec in enumerate(captured)]
            for i, (t, rec, own, cpu) in enumerate(zip(targets, captured, selfcheck, cpus, strict=True)):
                out = page.evaluate("([r, t, k]) => __bench.resolve(r, t, k)", [rec, t["v2"], i])
                rows.append(
                    {
                        "product": product,
                        "page": page2,
                        "nodes": nodes,
                        "size": size,
                        "change": change_kind(t),
                        "present": t["v2"] is not None,
                        "outcome": {n: out[n][0] for n in LOCATORS},
                        "ms": {n: out[n][1] for n in LOCATORS},
                        "cpu": cpu,
                        "self": {n: own[n][0] for n in LOCATORS},
                        "loose": out["loose"],
                        "confidence": out.get("confidence"),
                        "what": t["what"][:60],
                    }
                )
        browser.close()
    return {"rows": rows}


def _score(rows: list[dict], name: str) -> tuple[str, str, str, str]:
    present = [r for r in rows if r["present"]]
    gone = [r for r in rows if not r["present"]]
    c = defaultdict(int)
    for r in present:
        c[r["outcome"][name]] += 1
    false = sum(1 for r in gone if r["outcome"][name] != "none")
    return (
        pct(c["correct"], len(present)),
        pct(c["wrong"], len(present)),
        pct(c["none"], len(present)),
        pct(false, len(gone)),
    )


BIG = (1000, 3000)
"""Page sizes (elements) of the resolve-time row that stands for issue 12's "a 2,000-node page"."""


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def timing(rows: list[dict]) -> list[str]:
    """Our resolve time per target on v2 (first resolve of the page), by page: the wall clock in Chromium
    (0.1 ms steps) and the main thread's CPU time (less an empty evaluate's)."""
    lines = [
        "",
        "Resolve time per target (Guide Studio, ms, each target's first resolve on v2, all of a page's targets before"
        " any other locator runs there; wall clock in the page, and the main thread's CPU time around it less an"
        " empty evaluate's):",
        "",
        "| page (v2) | elements | targets | median | p95 | max | CPU median | CPU p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    pages = sorted({(r["product"], r["page"], r["nodes"]) for r in rows}, key=lambda p: p[2])
    groups = [
        (
            f"{product} {name}",
            [r for r in rows if (r["product"], r["page"], r["nodes"]) == (product, name, n)],
            str(n),
        )
        for product, name, n in pages
    ]
    big = [r for r in rows if BIG[0] <= r["nodes"] <= BIG[1]]
    groups += [(f"**all pages of {BIG[0]:,}–{BIG[1]:,} elements**", big, "—"), ("**all pages**", rows, "—")]
    for label, sub, nodes in groups:
        ms, cpu = [r["ms"]["ours"] for r in sub], [r["cpu"] for r in sub]
        if ms:
            lines.append(
                f"| {label} | {nodes} | {len(ms)} | {statistics.median(ms):.2f} | {_p95(ms):.2f} | {max(ms):.2f}"
                f" | {statistics.median(cpu):.2f} | {_p95(cpu):.2f} |"
            )
    return lines


def table(results: dict) -> list[str]:
    """Markdown tables: per locator overall, by product / upgrade size / change for everyone, calibration."""
    rows = results["rows"]
    present = sum(r["present"] for r in rows)
    lines = [
        f"{len(rows)} targets on {len(PAIRS)} page pairs ({present} present on v2, {len(rows) - present} deleted).",
        "",
        "| locator | correct | wrong element | not found | false found (deleted) | wrong + false (of all) | self-check on v1 | ms / resolve |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, label in LOCATORS.items():
        ok, wrong, none, false = _score(rows, name)
        bad = sum(
            1
            for r in rows
            if r["outcome"][name] == "wrong" or (not r["present"] and r["outcome"][name] != "none")
        )
        own = sum(1 for r in rows if r["self"][name] == "correct")
        ms = statistics.mean(r["ms"][name] for r in rows)
        lines.append(
            f"| {label} | {ok} | {wrong} | {none} | {false} | {pct(bad, len(rows))} | {pct(own, len(rows))} | {ms:.2f} |"
        )
    for title, key in (("product", "product"), ("upgrade size", "size"), ("kind of change", "change")):
        groups = sorted({r[key] for r in rows})
        lines += [
            "",
            f"Correct of present targets (false found, for deleted ones) by {title}:",
            "",
            "| " + title + " | targets | " + " | ".join(LOCATORS.values()) + " |",
            "| --- | ---: |" + " ---: |" * len(LOCATORS),
        ]
        for g in groups:
            sub = [r for r in rows if r[key] == g]
            cells = []
            for name in LOCATORS:
                ok, _w, _n, false = _score(sub, name)
                cells.append(ok.strip() if any(r["present"] for r in sub) else f"false {false.strip()}")
            lines.append(f"| {g} | {len(sub)} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Confidence calibration (Guide Studio, every answer it gave, by its confidence):",
        "",
        "| confidence | answers | right | wrong element | found though deleted |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for lo, hi in BANDS:
        band = [r for r in rows if r["loose"][0] != "none" and lo <= r["loose"][1] < hi]
        right = sum(1 for r in band if r["loose"][0] == "correct")
        wrong = sum(1 for r in band if r["present"] and r["loose"][0] == "wrong")
        false = sum(1 for r in band if not r["present"])
        label = f"{lo:.1f}–{min(hi, 1.0):.1f}"
        lines.append(
            f"| {label} | {len(band)} | {pct(right, len(band))} | {pct(wrong, len(band))} | {pct(false, len(band))} |"
        )
    below = [r for r in rows if r["loose"][0] != "none" and r["loose"][1] < 0.5]
    lines.append(
        f"| below 0.5 (reported not found) | {len(below)} | {pct(sum(r['loose'][0] == 'correct' for r in below), len(below))}"
        f" | {pct(sum(r['present'] and r['loose'][0] == 'wrong' for r in below), len(below))}"
        f" | {pct(sum(not r['present'] for r in below), len(below))} |"
    )
    return lines + timing(rows)


def summary_rows() -> list[tuple[str, str]]:
    """Rows for ``make bench``."""
    if not available():
        return [
            ("real-release corpus", "not fetched: run `python -m benchmarks.locators.real.setup` (needs npm)")
        ]
    rows = run()["rows"]
    out = []
    for name, label in LOCATORS.items():
        ok, wrong, none, false = _score(rows, name)
        own = sum(1 for r in rows if r["self"][name] == "correct")
        out.append(
            (
                label,
                f"correct {ok.strip()}, wrong {wrong.strip()}, not found {none.strip()}, "
                f"false found {false.strip()}, self-check {pct(own, len(rows)).strip()}",
            )
        )
    big = [r for r in rows if BIG[0] <= r["nodes"] <= BIG[1]]
    if big:
        ms, cpu = [r["ms"]["ours"] for r in big], [r["cpu"] for r in big]
        out.append(
            (
                f"resolve time per target (first resolve), real pages of {BIG[0]:,}–{BIG[1]:,} elements",
                f"wall clock median {statistics.median(ms):.2f} ms, p95 {_p95(ms):.2f} ms; main-thread CPU median"
                f" {statistics.median(cpu):.2f} ms, p95 {_p95(cpu):.2f} ms ({len(big)} targets; bar: 1 ms)",
            )
        )
    return out


def failures(results: dict, name: str = "ours") -> list[str]:
    """One line per target the locator got wrong, for working on the resolver."""
    out = []
    for r in results["rows"]:
        good = "correct" if r["present"] else "none"
        if r["outcome"][name] != good or r["self"][name] != "correct":
            out.append(
                f"{r['product']} {r['size']} {r['change']}: {r['outcome'][name]} (self {r['self'][name]},"
                f" conf {r['loose'][1]:.2f} {r['loose'][0]}) {r['what']}"
            )
    return out


def main() -> None:
    """Print the tables; ``--out FILE`` also writes them; ``--failures`` lists our misses."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    if not available():
        raise SystemExit("the packages are not fetched: run `python -m benchmarks.locators.real.setup`")
    results = run()
    text = "\n".join(table(results))
    print(text)
    if args.failures:
        print("\n".join(failures(results)))
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
