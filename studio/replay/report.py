"""An HTML report of a replay: one section per guide, a screenshot per step, failures first in red."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .results import GuideResult

STYLE = """
body{font:14px/1.5 system-ui,sans-serif;margin:24px;color:#1f2937;background:#f6f7fb}
h1{font-size:22px}
section{background:#fff;border:1px solid #e4e7ec;border-radius:10px;padding:16px;margin:0 0 16px}
.step{display:grid;grid-template-columns:90px 1fr 320px;gap:12px;align-items:start;
  border-top:1px solid #eee;padding:10px 0}
.passed{color:#027a48}.failed{color:#b42318;font-weight:700}.skipped{color:#667085}
.fail{background:#fef3f2}img{width:320px;border:1px solid #ddd;border-radius:6px}
"""


def write_report(results: list[GuideResult], folder: Path) -> Path:
    """Write ``index.html`` and the step screenshots into ``folder``; returns the page."""
    folder.mkdir(parents=True, exist_ok=True)
    steps = [s for r in results for s in r.steps]
    passed = sum(s.status == "passed" for s in steps)
    failed = sum(s.status == "failed" for s in steps)
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Guide replay</title>"
        f"<style>{STYLE}</style></head><body><h1>Guide replay: {passed} of {len(steps)} steps passed, "
        f"{failed} failed</h1>"
    ]
    for result in sorted(results, key=lambda r: r.passed):
        parts.append(
            f"<section><h2>{escape(result.name)} <small>({escape(result.guide_id)}, {escape(result.kind)})"
            "</small></h2>"
        )
        for step in result.steps:
            image = ""
            if step.screenshot:
                name = f"{result.guide_id}-{step.index + 1}.png"
                (folder / name).write_bytes(step.screenshot)
                image = f"<img src='{escape(name)}' alt='Step {step.index + 1} of {escape(result.name)}'>"
            why = (
                f"<div>{escape(step.reason or '')}: {escape(step.detail)}</div>"
                if step.status != "passed"
                else ""
            )
            confidence = f"<div>confidence {step.confidence:.2f}</div>" if step.confidence is not None else ""
            parts.append(
                f"<div class='step {'fail' if step.status == 'failed' else ''}'>"
                f"<div class='{step.status}'>{step.status}</div><div><b>Step {step.index + 1}: "
                f"{escape(step.title or step.step_id)}</b>{why}{confidence}</div><div>{image}</div></div>"
            )
        parts.append("</section>")
    parts.append("</body></html>")
    page = folder / "index.html"
    page.write_text("".join(parts), encoding="utf-8")
    return page
