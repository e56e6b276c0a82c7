"""The ES module build and the type declarations: the same runtime, and types true to it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.build_runtime import SOURCE_DIR, TYPES_DIR, types_are_current
from studio.domain import Modal, Step
from studio.export.runtime import MINIFIED_PATH, MODULE_EXPORTS, TYPE_FILES, module_runtime, write_runtime
from studio.paths import RUNTIME_DIR

from .runtime_helpers import bundle_of, html

API_TYPES = (TYPES_DIR / "api.d.ts").read_text(encoding="utf-8")
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SOURCE_DIR.glob("*.js")))


def _members(interface: str) -> set[str]:
    """Names declared in one interface of api.d.ts (methods and properties)."""
    body = re.search(r"interface " + interface + r"\b[^{]*\{(.*?)\n\}", API_TYPES, re.S)
    assert body, interface
    return set(re.findall(r"^  (?:readonly )?([A-Za-z_*]+)[?(<:]", body.group(1), re.M))


def _welcome() -> dict:
    return bundle_of(Modal(id="hello", name="Hello", steps=[Step(id="m", title="Welcome aboard")]))


def test_the_module_plays_a_bundle_and_shares_the_one_runtime(page, server):
    server.page("/guide-runtime.mjs", module_runtime(), ctype="text/javascript")
    server.page("/guide-runtime.min.js", MINIFIED_PATH.read_text(encoding="utf-8"), ctype="text/javascript")
    script = (
        "<script type='module'>"
        "import GR, {init, on, version, create} from '/guide-runtime.mjs';"
        "import * as again from '/guide-runtime.mjs?second';"
        "window.seen = {same: GR === window.GuideRuntime, viaScript: window.classic === GR,"
        " bound: init === GR.init, twice: again.default === GR, version, create: typeof create};"
        "on('guide_started', d => { window.seen.started = d.guideId; });"
        f"init({{bundle: {json.dumps(_welcome())}}}); GR.start('hello');"
        "</script>"
    )
    for classic_first in (False, True):
        head = "<script src='/guide-runtime.min.js'></script><script>window.classic = GuideRuntime</script>"
        page.goto(server.page("/app.html", html("<h1>App</h1>", head=head if classic_first else "") + script))
        page.get_by_role("dialog", name="Welcome aboard").wait_for()
        seen = page.evaluate("window.seen")
        assert seen["same"] and seen["bound"] and seen["twice"] and seen["create"] == "function"
        assert seen["viaScript"] is classic_first
        assert seen["started"] == "hello" and re.fullmatch(r"\d+\.\d+\.\d+", seen["version"])
        assert page.evaluate("document.querySelectorAll('[data-guide-runtime]').length") == 1


def test_importing_the_module_outside_a_page_does_nothing(page, server):
    """A worker has no document (like server-side rendering): the import succeeds, exports are undefined."""
    server.page("/guide-runtime.mjs", module_runtime(), ctype="text/javascript")
    server.page(
        "/worker.mjs",
        "import GR, {init} from '/guide-runtime.mjs'; postMessage([typeof GR, typeof init]);",
        ctype="text/javascript",
    )
    page.goto(server.page("/w.html", html("<h1>Worker</h1>")))
    got = page.evaluate(
        "new Promise((ok, no) => { const w = new Worker('/worker.mjs', {type: 'module'});"
        " w.onmessage = e => ok(e.data); w.onerror = e => no(e.message || 'worker failed');"
        " setTimeout(() => no('timeout'), 5000); })"
    )
    assert got == ["undefined", "undefined"]


def test_the_declarations_name_exactly_what_the_runtime_has(page, server):
    assert types_are_current(), "the type declarations are stale: run `make runtime` and commit"
    page.goto(
        server.page("/t.html", html("<h1>T</h1>", head=f"<script>{MINIFIED_PATH.read_text()}</script>"))
    )
    api = set(page.evaluate("Object.keys(window.GuideRuntime)"))
    instance = set(page.evaluate("Object.keys(Object.getPrototypeOf(GuideRuntime.create()))"))
    declared_instance = _members("GuideRuntimeInstance")
    assert _members("GuideRuntimeApi") | declared_instance == api
    assert declared_instance <= instance
    emitted = set(re.findall(r'(?:_emit|stepEvent)\((?:rt, )?"(\w+)"', SOURCES)) - {"track"}
    assert _members("GuideEventMap") == emitted  # track() is the app's own, not an event of ours
    assert _members("GuideRuntimeOptions") == set(
        re.findall(r"(?:\._options|(?<![.\w])options)\??\.(\w+)", SOURCES)
    )
    labels = re.search(r"var LABELS = \{(.*?)\};", SOURCES, re.S)
    assert labels
    assert _members("GuideLabels") == set(re.findall(r"(\w+): \"", labels.group(1)))
    module = (TYPES_DIR / "module.d.mts").read_text(encoding="utf-8")
    assert set(re.findall(r"export declare const (\w+)", module)) == set(MODULE_EXPORTS)


def test_export_writes_the_module_and_its_types_beside_the_bundle(tmp_path: Path):
    out = tmp_path / "guides.json"
    out.write_text(json.dumps(_welcome()))
    shipped = write_runtime(out)
    # The module wraps the runtime written beside it (tailored to the bundle's kinds), never another one.
    assert shipped.module.read_text() == module_runtime(shipped.script.read_text())
    assert not shipped.full and "| kinds: " in shipped.module.read_text()
    for name in TYPE_FILES:
        assert (tmp_path / name).read_text() == (RUNTIME_DIR / name).read_text()


def test_the_module_an_export_writes_plays_its_bundle_with_the_bundles_kinds(tmp_path: Path, page, server):
    out = tmp_path / "guides.json"
    out.write_text(json.dumps(_welcome()))
    shipped = write_runtime(out)
    assert "survey" not in shipped.kinds
    server.page("/guide-runtime.mjs", shipped.module.read_text(), ctype="text/javascript")
    poll = {"id": "pulse", "kind": "survey", "name": "Pulse", "questions": [{"id": "q", "type": "nps"}]}
    bundle = dict(_welcome(), guides=[*_welcome()["guides"], poll])
    script = (
        "<script type='module'>"
        "import {init, on, start} from '/guide-runtime.mjs'; window.errors = [];"
        "on('guide_error', d => { window.errors.push([d.guideId, d.field]); });"
        f"init({{bundle: {json.dumps(bundle)}}}); start('hello');"
        "</script>"
    )
    page.goto(server.page("/app.html", html("<h1>App</h1>") + script))
    page.get_by_role("dialog", name="Welcome aboard").wait_for()
    assert page.evaluate("window.errors") == [["pulse", "kind"]]
