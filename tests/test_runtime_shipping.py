"""Shipping the runtime: the committed builds are current, export writes it with a working embed snippet."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from scripts.build_runtime import _minify_css, build_runtime, minified_is_current
from studio.export.runtime import (
    MINIFIED_PATH,
    RUNTIME_PATH,
    SIZE_RATCHET_GZIP,
    embed_snippet,
    gzip_size,
    sri,
)
from studio.export.signing import integrity

from .conftest import EXAMPLE_PROJECT, ROOT
from .runtime_helpers import callout


def test_committed_runtime_is_built_from_the_sources():
    assert RUNTIME_PATH.read_text(encoding="utf-8") == build_runtime(), "run `make runtime` and commit"


def test_committed_minified_runtime_is_current():
    assert minified_is_current(), "guide-runtime.min.js is stale: run `make runtime` and commit"
    assert MINIFIED_PATH.read_text(encoding="utf-8").count("\n") <= 2


def test_css_minifying_keeps_a_descendant_before_a_pseudo_class():
    """``[aria-invalid] :is(…)`` once became ``[aria-invalid]:is(…)``, which matched nothing."""
    css = "/* x */ .a :is(.b, .c) > d { outline: 2px solid red; }\n.e:hover { color: #fff; }"
    assert _minify_css(css) == ".a :is(.b,.c)>d{outline:2px solid red}.e:hover{color:#fff}"


def test_shipped_runtime_does_not_grow_past_its_ratchet():
    """The runtime may not grow by accident: past SIZE_RATCHET_GZIP only by raising it on purpose. (Issue 13's
    13,000 B bar and issue 16's 16,500 B budget are not met today: the bench prints how far off.)"""
    gz = gzip_size(MINIFIED_PATH.read_text(encoding="utf-8"))
    assert gz <= SIZE_RATCHET_GZIP, f"guide-runtime.min.js is {gz:,} B gzipped, over {SIZE_RATCHET_GZIP:,} B"


def test_runtime_is_a_dependency_free_classic_script():
    for text in (RUNTIME_PATH.read_text(encoding="utf-8"), MINIFIED_PATH.read_text(encoding="utf-8")):
        assert not re.search(
            r"\brequire\(|^\s*import[\s{(]|\bexport\s|\beval\(|new Function\(|\.innerHTML\s*=", text, re.M
        )


def test_sri_matches_the_bytes():
    assert sri("abc") == "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"


def test_export_writes_a_runtime_and_a_snippet_that_plays_the_bundle(tmp_path: Path, page, server):
    out = tmp_path / "site" / "guides.json"
    out.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "studio", "export", str(EXAMPLE_PROJECT), "-o", str(out), "--runtime"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    script = out.with_name("guide-runtime.min.js")
    snippet = out.with_name("guides.embed.html").read_text()
    assert script.read_text() == MINIFIED_PATH.read_text()
    assert f'integrity="{sri(script.read_text())}"' in snippet
    assert snippet == embed_snippet(
        "guide-runtime.min.js",
        "guides.json",
        sri(script.read_text()),
        bundle_integrity=integrity(out.read_bytes()),
    )
    # Paste the snippet into a page of the demo app's kind and serve the two files beside it.
    server.folder("/", out.parent)
    page.goto(
        server.page(
            "/dashboard.html",
            "<!doctype html><html lang='en'><head><title>x</title></head>"
            "<body><main><h1>Dashboard</h1></main>" + snippet + "</body></html>",
        )
    )
    dialog = page.get_by_role("dialog", name="Welcome to Ledgerly")
    dialog.wait_for()
    callout(page).first.wait_for()


def test_tampered_runtime_is_refused_by_sri(tmp_path: Path, page, server):
    code = MINIFIED_PATH.read_text()
    server.page("/rt.js", code.replace("guide-runtime", "guide-hacked", 1), ctype="text/javascript")
    page.goto(
        server.page("/x.html", f'<!doctype html><script src="/rt.js" integrity="{sri(code)}"></script>')
    )
    assert page.evaluate("typeof window.GuideRuntime") == "undefined"
