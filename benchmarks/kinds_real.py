"""The new kinds on real pages nobody here wrote: the example's banner, survey, corner launcher, resource
center and checklist all at once on each page of the real-release corpus, on a desktop and a phone
screen. Counted: the runtime's own pieces lying on each other, and the app's own fixed or sticky
controls under them (a control a user can then never reach).

``python -m benchmarks.kinds_real [--shots DIR]`` (the corpus: ``python -m benchmarks.locators.real.setup``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.baseline import runtime_at  # noqa: E402
from benchmarks.locators.real.corpus import PAIRS, available, url  # noqa: E402
from benchmarks.locators.real.run import settle  # noqa: E402
from benchmarks.locators.real.serve import install  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"banner", "survey", "launcher", "resource_center", "announcement", "checklist"}
SCREENS = {"desktop": (1280, 800), "phone": (390, 844)}
BASELINE = "4a2688f"
"""The runtime before it was tried on these pages (its banner, corner stacks and phone layout): the peer."""

LOOK = r"""() => {
  // Our top-level pieces (launchers, panels, the banner); pairs that overlap; app controls under them.
  const host = document.querySelector("[data-guide-runtime]");
  if (!host || !host.shadowRoot) return {pieces: 0, collisions: [], covered: []};
  const box = e => e.getBoundingClientRect();
  const ours = [...host.shadowRoot.children].filter(e => e.localName !== "style" && box(e).width);
  const name = e => e.className.split(" ")[0];
  const collisions = [];
  ours.forEach((a, i) => ours.slice(i + 1).forEach(b => {
    const p = box(a), q = box(b);
    const on = p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
    if (on) collisions.push(name(a) + " on " + name(b));
  }));
  const fixed = el => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement)
      if (/fixed|sticky/.test(getComputedStyle(n).position)) return true;
    return false;
  };
  const CONTROL = "a[href], button, input, select, textarea, summary, [role=button], [role=link]";
  const covered = new Set();
  for (const el of ours) {
    const r = box(el);
    for (const [fx, fy] of [[.5, .5], [.2, .2], [.8, .2], [.2, .8], [.8, .8]]) {
      const at = document.elementsFromPoint(r.left + r.width * fx, r.top + r.height * fy);
      const app = at.find(n => !n.closest("[data-guide-runtime]"));
      const c = app && app.closest(CONTROL);
      const words = c && (c.innerText || c.getAttribute("aria-label") || "").trim().slice(0, 30);
      if (c && fixed(c)) covered.add(name(el) + " on <" + c.localName + "> " + JSON.stringify(words));
    }
  }
  return {pieces: ours.length, collisions, covered: [...covered]};
}"""


def bundle() -> dict:
    """The example's corner and page-wide kinds, set to show on every page (a launcher in its corner)."""
    data = json.loads((ROOT / "guides" / "example.bundle.json").read_text(encoding="utf-8"))
    data["guides"] = [g for g in data["guides"] if g["kind"] in KINDS]
    for guide in data["guides"]:
        if guide["trigger"]["type"] == "automatic":
            guide["trigger"]["url"] = {"match": "prefix", "value": "/", "withQuery": False}
        if guide["kind"] == "launcher":
            for step in guide["steps"]:
                step["target"] = None
        if guide["kind"] == "survey":
            guide["samplePercent"] = 100
    data.pop("digest", None)
    return data


def pages() -> list[str]:
    """Each distinct page of the corpus (both sides of every pair)."""
    seen: dict[str, None] = {}
    for _product, _size, old, old_page, new, new_page in PAIRS:
        seen[url(old, old_page)] = None
        seen[url(new, new_page)] = None
    return list(seen)


def run(shots: Path | None = None, script: str | None = None) -> dict:
    """Play the kinds on every page and screen with ``script`` (default: the shipped runtime); what each
    showed and what collided."""
    from playwright.sync_api import sync_playwright

    from studio.browser import launch_options
    from studio.browser.scripts import runtime_script

    init = (
        "addEventListener('DOMContentLoaded', () => { if (window.top === window)"
        f" GuideRuntime.init({{bundle: {json.dumps(bundle())}}}); }});"
    )
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(headless=True))
        for address in pages():
            for screen, (width, height) in SCREENS.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                install(context)
                context.add_init_script(script or runtime_script())
                context.add_init_script(init)
                page = context.new_page()
                settle(page, address)
                page.wait_for_timeout(1200)  # the survey's delay, the stacks' next poll
                seen = page.evaluate(LOOK)
                if shots:
                    stem = address.split("//", 1)[-1].split("/", 1)[-1].replace("/", "_").replace("@", "-")
                    page.screenshot(path=str(shots / f"{stem}-{screen}.png"))
                results.append({"page": address, "screen": screen, **seen})
                context.close()
        browser.close()
    return {"runs": results}


def rows() -> list[tuple[str, str]]:
    """Rows for ``make bench``."""
    if not available():
        setup = "not fetched: run `python -m benchmarks.locators.real.setup` (needs npm)"
        return [("new kinds on real pages", setup)]
    out = summary(run()["runs"])
    before = runtime_at(BASELINE)
    if before:
        out += summary(run(script=before)["runs"], f" ({BASELINE}'s runtime)")
    return out


def summary(runs: list[dict], who: str = "") -> list[tuple[str, str]]:
    """One row per screen: pieces shown, and the two counts whose bar is 0."""
    out = []
    for screen in SCREENS:
        mine = [r for r in runs if r["screen"] == screen]
        size = "x".join(map(str, SCREENS[screen]))
        collisions = sum(len(r["collisions"]) for r in mine)
        covered = sum(len(r["covered"]) for r in mine)
        out.append(
            (
                f"new kinds at once on {len(mine)} real pages, {screen} {size}{who}",
                f"{sum(r['pieces'] for r in mine)} pieces shown; ours on ours {collisions}, "
                f"ours on the app's fixed controls {covered} (bar 0 each)",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="write a screenshot of each page and screen here")
    args = parser.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    result = run(args.shots)
    for r in result["runs"]:
        problems = r["collisions"] + r["covered"]
        where = r["page"].split("//", 1)[-1]
        print(f"{r['screen']:<8} {where:<60} {r['pieces']} pieces  {'; '.join(problems) or 'ok'}")
    for what, value in summary(result["runs"]):
        print(f"{what}: {value}")


if __name__ == "__main__":
    main()
