"""Allow-list sanitising of guide body HTML (through nh3, the Ammonia sanitiser)."""

from __future__ import annotations

from html import escape

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "a",
        "ul",
        "ol",
        "li",
        "code",
        "pre",
        "blockquote",
        "h3",
        "h4",
        "img",
        "span",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "width", "height"},
}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


MAX_PASSES = 8
"""Cleaning again until nothing changes; real HTML settles in one or two passes."""


def sanitize_html(html: str) -> str:
    """Keep formatting, links and images; drop scripts, handlers, styles and unsafe URLs.

    Idempotent: what it returns, it returns unchanged (what export writes, validate accepts).
    One pass is not always enough (the HTML parser drops a newline right after ``<pre>``, so
    cleaned output can clean differently again): clean until a fixed point.
    """
    for _ in range(MAX_PASSES):
        cleaned = _clean_once(html)
        if cleaned == html:
            return cleaned
        html = cleaned
    text = escape(html, quote=False)  # never settled: ship it as escaped text, cleaned the same way
    for _ in range(MAX_PASSES):
        cleaned = _clean_once(text)
        if cleaned == text:
            return cleaned
        text = cleaned
    return ""


def _clean_once(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
