"""The runtime an export writes holds only the kinds its bundle plays: the later kinds' chunks of the shipped
file are left out (scripts/build_runtime.py builds them, studio.export.runtime.tailored_runtime joins them).
Played in real Chromium: tours-only, a kind missing, each later kind on its own, and every kind."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.build_runtime import KIND_CHUNKS, _leave_out, pieces_are_current
from studio.domain import GUIDE_KINDS, AutomaticTrigger, Modal, Project, Step
from studio.export.runtime import (
    KINDS_PATH,
    MINIFIED_PATH,
    gzip_size,
    module_runtime,
    pieces,
    sri,
    tailored_runtime,
)
from studio.store import ProjectStore

from . import runtime_helpers
from . import test_runtime_banner as banner_tests
from . import test_runtime_center as center_tests
from . import test_runtime_kinds as kinds_tests
from . import test_runtime_launcher as launcher_tests
from . import test_runtime_survey as survey_tests
from . import test_runtime_walkthrough as walkthrough_tests
from .conftest import ROOT
from .runtime_helpers import Player, bundle_of, callout, html
from .samples import make_target

TOURS = ("checklist", "hotspot", "modal", "tooltip", "walkthrough")
"""The first five kinds: what every runtime plays."""
PAGE = html('<h1>Settings</h1><button data-testid="save">Save</button>')
WELCOME = Modal(
    id="hello", name="Hello", trigger=AutomaticTrigger(), steps=[Step(id="m", title="Welcome aboard")]
)


def survey(**fields):
    from studio.domain import Survey

    return Survey.model_validate(
        {
            "id": "pulse",
            "name": "Pulse",
            "trigger": {"type": "automatic"},
            "questions": [{"id": "q", "type": "nps"}],
        }
        | fields
    )


def test_the_chunk_map_is_current_with_the_minified_runtime_and_the_sources():
    assert pieces_are_current(), "guide-runtime.kinds.json is stale: run `make runtime` and commit"
    assert KINDS_PATH.stat().st_size < 2_000  # a map of offsets, never a second copy of the runtime


def test_every_kind_is_the_shipped_file_byte_for_byte_and_fewer_kinds_leave_chunks_out():
    shipped = MINIFIED_PATH.read_text(encoding="utf-8")
    for every in (None, GUIDE_KINDS, ["survey", "banner", "launcher", "announcement"]):
        whole = tailored_runtime(every)
        assert whole.full and whole.code == shipped and whole.kinds == tuple(sorted(GUIDE_KINDS))
    p = pieces()
    for _kinds, ((start, end), *css) in p.chunks:
        assert re.fullmatch(r"\(\(\)=>.*\)\(\)", shipped[start:end], re.S)
        for a, b in css:  # inside the one style sheet, whole rules
            assert shipped[a - 1] == "}" and shipped[b - 1] == "}" and shipped.count(shipped[a:b]) == 1
    assert [bool(css) for _k, (_js, *css) in p.chunks] == [True, False, True, True]  # the launcher has none
    tours = tailored_runtime([])
    assert tours.kinds == TOURS and not tours.full
    assert tours.code.startswith(shipped.split(" */")[0] + f" | kinds: {' '.join(TOURS)} */\n")
    assert gzip_size(tours.code) < gzip_size(shipped) - 2_000
    # An announcement plays in the resource center, whose chunk holds both.
    assert tailored_runtime(["announcement"]).kinds == tuple(
        sorted((*TOURS, "announcement", "resource_center"))
    )
    sizes = {
        c: gzip_size(tailored_runtime([c]).code) for c in ("banner", "launcher", "survey", "resource_center")
    }
    assert all(gzip_size(tours.code) < size < gzip_size(shipped) for size in sizes.values()), sizes
    assert [c["file"] for c in json.loads(KINDS_PATH.read_text())["chunks"]] == list(KIND_CHUNKS)
    assert not any(rule in tours.code for rule in (".gs-banner{", ".gs-scale{", ".gs-search{"))


def test_the_export_leaves_chunks_out_exactly_as_the_build_checked_every_choice_parses():
    chunks = json.loads(KINDS_PATH.read_text())["chunks"]
    shipped = MINIFIED_PATH.read_text(encoding="utf-8")
    for mask in range(2 ** len(chunks)):
        kept = [c for i, c in enumerate(chunks) if mask >> i & 1]
        code = tailored_runtime(k for c in kept for k in c["kinds"]).code
        expected = _leave_out(shipped, [c for c in chunks if c not in kept])
        if len(kept) < len(chunks):  # the first comment says which kinds it holds
            expected = expected.replace(" */", code.split("\n")[0][len(shipped.split(" */")[0]) :], 1)
        assert code == expected


def test_a_tours_only_runtime_plays_a_walkthrough_and_a_modal(page, server):
    from studio.domain import Walkthrough

    bundle = bundle_of(
        WELCOME,
        Walkthrough(
            id="tour",
            name="Tour",
            steps=[Step(id="a", title="Save here", target=make_target()), Step(id="b", title="Done")],
        ),
    )
    runtime = tailored_runtime(g["kind"] for g in bundle["guides"])
    assert runtime.kinds == TOURS
    player = Player(page, bundle, runtime=runtime.code)
    page.goto(server.page("/app.html", PAGE))
    page.get_by_role("dialog", name="Welcome aboard").wait_for()
    page.keyboard.press("Escape")
    player.wait_event("guide_dismissed")
    page.evaluate("GuideRuntime.start('tour')")
    page.locator("[data-guide-runtime] .gs-title", has_text="Save here").wait_for()
    page.get_by_role("button", name="Next").click()
    page.locator("[data-guide-runtime] .gs-title", has_text="Done").wait_for()
    page.get_by_role("button", name="Done").click()
    assert player.wait_event("guide_completed")["guideId"] == "tour"
    assert callout(page).count() == 0
    assert "guide_error" not in player.names()


def test_a_survey_on_a_runtime_without_it_is_skipped_with_a_guide_error_on_kind_as_an_unknown_kind(
    page, server
):
    url = server.page("/app.html", PAGE)
    bundle = bundle_of(survey(), WELCOME)
    player = Player(page, bundle, runtime=tailored_runtime([]).code)
    page.goto(url)
    page.get_by_role("dialog", name="Welcome aboard").wait_for()  # the rest plays
    assert player.wait_event("guide_error") == {"type": "guide_error", "guideId": "pulse", "field": "kind"}
    assert page.locator("[data-guide-runtime] .gs-survey").count() == 0
    assert [d["guideId"] for n, d in player.events if n == "guide_started"] == ["hello"]
    assert "survey_answered" not in player.names()
    # What an unknown kind gets on the full runtime, exactly.
    unknown = json.loads(json.dumps(bundle))
    unknown["guides"][0]["kind"] = "poll"
    other = page.context.new_page()
    try:
        player2 = Player(other, unknown)
        other.goto(url)  # (the welcome was seen on the first page: it plays once)
        assert player2.wait_event("guide_error") == {
            "type": "guide_error",
            "guideId": "pulse",
            "field": "kind",
        }
    finally:
        other.close()


def test_the_same_survey_plays_on_a_runtime_with_its_chunk(page, server):
    player = Player(page, bundle_of(survey()), runtime=tailored_runtime(["survey"]).code)
    page.goto(server.page("/app.html", PAGE))
    page.locator("[data-guide-runtime] .gs-survey").wait_for()
    assert player.wait_event("guide_started")["guideId"] == "pulse"
    assert "guide_error" not in player.names()


@pytest.mark.parametrize(
    ("kinds", "test"),
    [
        ((), kinds_tests.test_checklist_items_progress_and_persistence),
        ((), walkthrough_tests.test_advance_on_click_input_element_and_url),
        (("banner",), banner_tests.test_pushing_moves_the_apps_fixed_elements_aside_and_puts_them_back),
        (("launcher",), launcher_tests.test_a_corner_launcher_sits_beyond_the_apps_own_fixed_control_there),
        (("survey",), survey_tests.test_nps_by_keyboard_with_its_follow_up_then_csat_then_thanks),
        (("resource_center",), center_tests.test_entries_start_a_guide_read_an_article_and_follow_a_link),
        (
            tuple(GUIDE_KINDS),
            launcher_tests.test_launchers_a_checklist_and_a_resource_center_in_one_corner_stack,
        ),
    ],
    ids=["tours-checklist", "tours-walkthrough", "banner", "launcher", "survey", "center", "every-kind"],
)
def test_an_existing_kinds_test_passes_on_a_runtime_tailored_to_its_kinds(
    kinds, test, page, server, monkeypatch
):
    """Each later kind's chunk plays alone (without the other chunks), the core without any."""
    runtime = tailored_runtime(kinds)
    assert runtime.full == (len(kinds) == len(GUIDE_KINDS))
    monkeypatch.setattr(runtime_helpers, "RUNTIME_JS", runtime.code)
    test(page, server)


def _project(tmp_path: Path, *guides) -> Path:
    path = tmp_path / "app.gstudio"
    ProjectStore.create(path, Project(name="App", guides=list(guides))).close()
    return path


def _export(project: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio", "export", str(project), "-o", str(out), "--runtime", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_cli_export_writes_the_bundles_kinds_says_so_and_the_snippet_pins_that_file(
    tmp_path: Path, page, server
):
    project = _project(tmp_path, WELCOME)
    out = tmp_path / "site" / "guides.json"
    out.parent.mkdir()
    done = _export(project, out)
    assert done.returncode == 0, done.stderr
    script = out.with_name("guide-runtime.min.js").read_text()
    assert script == tailored_runtime(["modal"]).code
    line = next(x for x in done.stdout.splitlines() if x.startswith("wrote guide-runtime.min.js"))
    assert line.startswith(
        f"wrote guide-runtime.min.js (only {', '.join(TOURS)}: --runtime-kinds all for every kind;"
        f" {gzip_size(script):,} bytes gzipped), guides.embed.html and guides.embed-csp.html"
    )
    snippet = out.with_name("guides.embed.html").read_text()
    assert f'integrity="{sri(script)}"' in snippet
    assert f"<!-- This runtime plays {', '.join(TOURS)}: a guide of another kind" in snippet
    assert f'integrity="{sri(script)}"' in out.with_name("guides.embed-csp.html").read_text()
    assert out.with_name("guide-runtime.mjs").read_text() == module_runtime(script)
    # Chromium loads it through the snippet's SRI and plays the bundle.
    server.folder("/", out.parent)
    page.goto(
        server.page("/home.html", "<!doctype html><html lang='en'><title>x</title><main>App</main>" + snippet)
    )
    page.get_by_role("dialog", name="Welcome aboard").wait_for()

    done = _export(project, out, "--runtime-kinds", "all")
    assert done.returncode == 0, done.stderr
    assert out.with_name("guide-runtime.min.js").read_text() == MINIFIED_PATH.read_text()
    assert "wrote guide-runtime.min.js (every kind; " in done.stdout
    snippet = out.with_name("guides.embed.html").read_text()
    assert f'integrity="{sri(MINIFIED_PATH.read_text())}"' in snippet and "This runtime plays" not in snippet

    done = _export(project, out, "--runtime-kinds", "survey, banner")
    assert done.returncode == 0, done.stderr
    assert tailored_runtime(["banner", "survey"]).code == out.with_name("guide-runtime.min.js").read_text()
    assert "(only banner, checklist, hotspot, modal, survey, tooltip, walkthrough:" in done.stdout

    done = _export(project, out, "--runtime-kinds", "poll")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "unknown kind 'poll'" in done.stderr


def test_a_signed_export_ships_every_kind_unless_kinds_are_named(tmp_path: Path):
    """A signed export's snippet plays later signed bundles without a new snippet, so its runtime must play a
    survey added later: every kind by default; kinds named on the command line still tailor it."""
    project = _project(tmp_path, WELCOME)
    key = tmp_path / "key.pem"
    made = subprocess.run(
        [sys.executable, "-m", "studio", "keygen", str(key)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    out = tmp_path / "site" / "guides.json"
    out.parent.mkdir()
    done = _export(project, out, "--sign", str(key))
    assert done.returncode == 0, done.stderr
    assert out.with_name("guide-runtime.min.js").read_text() == MINIFIED_PATH.read_text()
    assert "wrote guide-runtime.min.js (every kind; " in done.stdout
    assert "This runtime plays" not in out.with_name("guides.embed.html").read_text()

    done = _export(project, out, "--sign", str(key), "--runtime-kinds", "survey")
    assert done.returncode == 0, done.stderr
    assert out.with_name("guide-runtime.min.js").read_text() == tailored_runtime(["modal", "survey"]).code


def test_runtime_kinds_without_runtime_is_refused_not_ignored(tmp_path: Path):
    """`--runtime-kinds all` alone wrote the bundle and no runtime, exit 0: the author believed they had one."""
    project = _project(tmp_path, WELCOME)
    out = tmp_path / "site" / "guides.json"
    out.parent.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "studio", "export", str(project), "-o", str(out), "--runtime-kinds", "all"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 2 and "--runtime-kinds needs --runtime" in done.stderr, done.stderr
    assert not out.exists()  # refused before anything is written
