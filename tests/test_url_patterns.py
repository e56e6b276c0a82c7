"""URL globs and regexes match in linear time, refuse the same patterns, in the studio and the runtime."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from studio.domain import UrlRule

from .runtime_helpers import Player, bundle_of, html

VECTORS = Path(__file__).parent / "vectors"
MATCHES = json.loads((VECTORS / "url_rules.json").read_text())
REFUSED = json.loads((VECTORS / "url_patterns_refused.json").read_text())
SLOW_BEFORE = [case for case in MATCHES if len(case["url"]) > 40 or len(case["rule"]["value"]) > 40]


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c["why"])
def test_the_studio_refuses_patterns_outside_the_subset(case):
    with pytest.raises(ValueError):
        UrlRule.model_validate({"match": case["match"], "value": case["value"]})


def test_catastrophic_patterns_match_quickly_in_python():
    start = time.perf_counter()
    for case in SLOW_BEFORE:
        assert UrlRule.model_validate(case["rule"]).matches(case["url"]) is case["expected"]
    assert time.perf_counter() - start < 5.0


def test_the_runtime_refuses_the_same_patterns_and_never_freezes(page, server):
    Player(page, bundle_of(), autoinit=False)
    page.goto(server.page("/app.html", html("<h1>x</h1>")))
    # A refused rule matches nothing, even an address it would otherwise match.
    refused = page.evaluate(
        "vs => vs.map(v => GuideRuntime.matchUrl({match: v.match, value: v.value}, location.origin + '/'))",
        REFUSED,
    )
    assert refused == [False] * len(REFUSED)
    took = page.evaluate(
        "vs => { const t = performance.now(); const r = vs.map(v => GuideRuntime.matchUrl(v.rule, v.url));"
        " return [r, performance.now() - t]; }",
        SLOW_BEFORE,
    )
    assert took[0] == [case["expected"] for case in SLOW_BEFORE]
    assert took[1] < 3000, f"{took[1]:.0f} ms for {len(SLOW_BEFORE)} adversarial rules"


TRICKY_LINKS = [
    "\x01javascript:alert(1)",
    " \x1fjavascript:alert(1)",
    "java\tscript:alert(1)",
    "/\\evil.example/x",
    "\\\\evil.example/x",
]


@pytest.mark.parametrize("link", TRICKY_LINKS, ids=repr)
def test_links_are_checked_the_way_browsers_parse_them(link):
    from studio.domain.base import check_safe_url

    with pytest.raises(ValueError):
        check_safe_url(link)


def test_the_browser_agrees_those_links_are_dangerous(page, server):
    page.goto(server.page("/app.html", html("<h1>x</h1>")))
    parsed = page.evaluate(
        "vs => vs.map(v => { const u = new URL(v, location.href); return [u.protocol, u.host]; })",
        TRICKY_LINKS,
    )
    own = server.url.split("//", 1)[1]
    assert all(proto not in ("http:", "https:") or host != own for proto, host in parsed), parsed
