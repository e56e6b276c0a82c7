"""An HTML report of a replay: one section per guide and layout, failures first, and the same
results as ``results.json`` beside it so sharded reports can be joined."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from html import escape
from pathlib import Path

from .results import GuideResult, StepResult

STYLE = """
body{font:14px/1.5 system-ui,sans-serif;margin:24px;color:#1f2937;background:#f6f7fb}
h1{font-size:22px}
section{background:#fff;border:1px solid #e4e7ec;border-radius:10px;padding:16px;margin:0 0 16px}
.step{display:grid;grid-template-columns:90px 1fr 320px;gap:12px;align-items:start;
  border-top:1px solid #eee;padding:10px 0}
.passed{color:#027a48}.failed{color:#b42318;font-weight:700}.skipped{color:#667085}
.fail{background:#fef3f2}img{width:320px;border:1px solid #ddd;border-radius:6px}
"""
RESULTS_NAME = "results.json"


def picture_name(result: GuideResult, step: StepResult, default_layout: str = "1280x800") -> str:
    """The file a step's screenshot is saved as (the layout joins the name beyond the default)."""
    layout = (
        "" if result.layout in ("", default_layout) else "-" + re.sub(r"[^A-Za-z0-9]+", "-", result.layout)
    )
    return f"{result.guide_id}{layout}-{step.index + 1}.png"


def write_report(results: list[GuideResult], folder: Path, pictures: dict[str, str] | None = None) -> Path:
    """Write ``index.html``, the step screenshots and ``results.json`` into ``folder``; returns the page.

    ``pictures`` maps (guide, layout, step) keys to already-saved file names (merged reports).
    """
    folder.mkdir(parents=True, exist_ok=True)
    steps = [s for r in results for s in r.steps]
    passed = sum(s.status == "passed" for s in steps)
    failed = sum(s.status == "failed" for s in steps)
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Guide replay</title>"
        f"<style>{STYLE}</style></head><body><h1>Guide replay: {passed} of {len(steps)} steps passed, "
        f"{failed} failed</h1>"
    ]
    saved: list[dict] = []
    for result in sorted(results, key=lambda r: r.passed):
        layout = f", {escape(result.layout)}" if result.layout else ""
        parts.append(
            f"<section><h2>{escape(result.name)} <small>({escape(result.guide_id)}, {escape(result.kind)}"
            f"{layout})</small></h2>"
        )
        entry = asdict(result)
        for step, record in zip(result.steps, entry["steps"], strict=True):
            image = ""
            name = (pictures or {}).get(f"{result.guide_id}|{result.layout}|{step.index}")
            if step.screenshot:
                name = picture_name(result, step)
                (folder / name).write_bytes(step.screenshot)
            record.pop("screenshot", None)
            record["picture"] = name
            if name:
                image = f"<img src='{escape(name)}' alt='Step {step.index + 1} of {escape(result.name)}'>"
            why = (
                f"<div>{escape(': '.join(part for part in (step.reason, step.detail) if part))}</div>"
                if step.status != "passed"
                else ""
            )
            confidence = f"<div>confidence {step.confidence:.2f}</div>" if step.confidence is not None else ""
            if step.notes:
                confidence += f"<div class='skipped'>{escape(step.notes)}</div>"
            parts.append(
                f"<div class='step {'fail' if step.status == 'failed' else ''}'>"
                f"<div class='{step.status}'>{step.status}</div><div><b>Step {step.index + 1}: "
                f"{escape(step.title or step.step_id)}</b>{why}{confidence}</div><div>{image}</div></div>"
            )
        saved.append(entry)
        parts.append("</section>")
    parts.append("</body></html>")
    page = folder / "index.html"
    page.write_text("".join(parts), encoding="utf-8")
    (folder / RESULTS_NAME).write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")
    return page


def read_results(folder: Path) -> tuple[list[GuideResult], dict[str, str]]:
    """The results a report folder holds, and where each step's picture is saved."""
    raw = json.loads((folder / RESULTS_NAME).read_text(encoding="utf-8"))
    results, pictures = [], {}
    for entry in raw:
        steps = []
        for record in entry.pop("steps"):
            picture = record.pop("picture", None)
            steps.append(StepResult(**record))
            if picture:
                pictures[f"{entry['guide_id']}|{entry.get('layout', '')}|{record['index']}"] = picture
        results.append(GuideResult(steps=steps, **entry))
    return results, pictures
