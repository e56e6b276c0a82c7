"""Step-by-step documentation from a replay: Markdown and one standalone HTML page, a picture per step."""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path

from ..export.sanitize import sanitize_html
from .results import GuideResult

STYLE = """
body{font:16px/1.6 system-ui,sans-serif;max-width:920px;margin:32px auto;padding:0 16px;color:#1f2937}
h1{font-size:28px}h2{font-size:22px;margin-top:40px}ol{padding-left:0;list-style:none}li{margin:0 0 28px}
img{max-width:100%;border:1px solid #e4e7ec;border-radius:8px}.n{font-weight:700;color:#4f46e5}
"""


def _plain(html: str) -> str:
    """Guide body HTML as Markdown-safe text (tags dropped, whitespace folded)."""
    text = re.sub(r"<li>", "\n- ", sanitize_html(html))
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]!|~])")


def _md(text: str) -> str:
    """Plain text (a title, a name) made inert in Markdown: no raw HTML, no formatting or links."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def write_docs(results: list[GuideResult], bundle: dict, folder: Path) -> tuple[Path, Path]:
    """Write ``guides.md`` (with PNGs beside it) and a standalone ``guides.html``; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    steps_of = {g["id"]: {s["id"]: s for s in g.get("steps", [])} for g in bundle["guides"]}
    md = [f"# {_md(bundle.get('name', 'Guides'))}\n"]
    name = escape(bundle.get("name", "Guides"))
    html = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name}</title>"
        f"<style>{STYLE}</style></head><body><h1>{name}</h1>"
    ]
    for result in results:
        md.append(f"\n## {_md(result.name)}\n")
        html.append(f"<h2>{escape(result.name)}</h2><ol>")
        for step in result.steps:
            source = steps_of.get(result.guide_id, {}).get(step.step_id, {})
            number = step.index + 1
            title = step.title or source.get("title") or step.step_id
            body = source.get("body", "")
            md.append(f"{number}. **{_md(title)}**" + (f" — {_plain(body)}" if body else ""))
            html.append(
                f"<li><p><span class='n'>{number}.</span> <b>{escape(title)}</b></p>{sanitize_html(body)}"
            )
            if step.status == "failed":
                md.append(f"   > This step could not be shown: {step.reason}.")
                html.append(f"<p><em>This step could not be shown: {escape(step.reason or '')}.</em></p>")
            if step.screenshot:
                name = f"{result.guide_id}-{number}.png"
                (folder / name).write_bytes(step.screenshot)
                md.append(f"\n   ![{_md(title)}]({name})\n")
                data = base64.b64encode(step.screenshot).decode("ascii")
                html.append(f"<img alt='{escape(title)}' src='data:image/png;base64,{data}'>")
            html.append("</li>")
        html.append("</ol>")
    html.append("</body></html>")
    markdown, page = folder / "guides.md", folder / "guides.html"
    markdown.write_text("\n".join(md) + "\n", encoding="utf-8")
    page.write_text("".join(html), encoding="utf-8")
    return markdown, page
