"""Drift check: targets that stopped resolving on a changed build of the demo app are reported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from studio.demo_server import DemoServer
from studio.paths import DEMO_DIR
from studio.recorder.drift import check_targets, needs_attention, status_of
from studio.store import ProjectStore

from .conftest import EXAMPLE_PROJECT, ROOT
from .runtime_helpers import html


def changed_release(tmp_path: Path) -> Path:
    """A copy of the demo app whose next release dropped the Save button and hid the billing email."""
    app = tmp_path / "app"
    shutil.copytree(DEMO_DIR, app)
    settings = app / "settings.html"
    text = settings.read_text()
    text = text.replace(
        '<button class="primary" type="submit" data-testid="save-settings">Save changes</button>', ""
    )
    text = text.replace('<input id="billing-email"', '<input hidden id="billing-email"')
    settings.write_text(text)
    return app


def test_the_example_is_clean_on_the_demo_app(demo_server):
    with ProjectStore.open(EXAMPLE_PROJECT, readonly=True) as store:
        results = check_targets(store.load(), demo_server.url + "/")
    steps = [s for r in results for s in r.steps]
    assert len(steps) == 12 and not any(needs_attention(s) for s in steps), [  # the launcher's heading too
        s for s in steps if needs_attention(s)
    ]


def test_drift_is_reported_per_step_with_exit_code_1(tmp_path: Path):
    with DemoServer(root=changed_release(tmp_path)) as server:
        with ProjectStore.open(EXAMPLE_PROJECT, readonly=True) as store:
            results = check_targets(store.load(), server.url + "/", timeout_ms=300)
        bad = {
            (r.guide_id, s.index + 1): status_of(s) for r in results for s in r.steps if needs_attention(s)
        }
        assert bad == {("settings-tour", 4): "not_found", ("billing-email-tip", 1): "hidden"}
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "studio",
                "check-targets",
                str(EXAMPLE_PROJECT),
                "--url",
                server.url + "/",
                "--timeout-ms",
                "300",
                "--json",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    assert result.returncode == 1
    statuses = {(c["guide_id"], c["step_number"]): c["status"] for c in json.loads(result.stdout)}
    assert statuses[("settings-tour", 4)] == "not_found" and statuses[("settings-tour", 1)] == "found"


def test_check_targets_ends_within_its_timeout_on_an_app_that_never_answers():
    import socket
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    started = time.monotonic()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "studio",
                "check-targets",
                str(EXAMPLE_PROJECT),
                "--url",
                f"http://127.0.0.1:{silent.getsockname()[1]}/",
                "--timeout",
                "5",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        silent.close()
    assert time.monotonic() - started < 30
    assert result.returncode == 1 and "timeout" in result.stdout, result.stdout + result.stderr


MENU = (
    '<nav><a id="forms" onclick="this.nextElementSibling.hidden = !this.nextElementSibling.hidden">Forms</a>'
    '<ul hidden><li><a id="general" href="#general">General Form</a></li></ul></nav>'
    '<p><a id="gone" href="#gone" hidden>Archived</a></p>'
)


def menu_tour(url: str):
    from studio.domain import (
        Advance,
        AutomaticTrigger,
        Fingerprint,
        Project,
        SelectorCandidate,
        Step,
        Target,
        UrlRule,
        Walkthrough,
    )

    def target(ident: str, name: str) -> Target:
        return Target(
            candidates=[SelectorCandidate(kind="id", value=f"#{ident}", score=0.9)],
            fingerprint=Fingerprint(tag="a", role="link", name=name, text=name),
        )

    page = UrlRule(match="exact", value="/menu.html")
    steps = [
        Step(
            id="open",
            title="Open Forms",
            target=target("forms", "Forms"),
            page=page,
            advance=Advance(mode="click"),
        ),
        Step(id="pick", title="General Form", target=target("general", "General Form"), page=page),
        Step(id="gone", title="Archived", target=target("gone", "Archived"), page=page),
    ]
    tour = Walkthrough(id="menu", name="Menu", trigger=AutomaticTrigger(url=page), steps=steps)
    alone = Walkthrough(id="alone", name="Alone", trigger=AutomaticTrigger(url=page), steps=[steps[1]])
    return Project(name="Menu", guides=[tour, alone])


def test_an_element_an_earlier_click_of_the_tour_reveals_is_not_drift(server):
    """A submenu link the tour's previous step opens is hidden on a freshly loaded page: by design."""
    url = server.page("/menu.html", html(MENU))
    results = check_targets(menu_tour(url), url.rsplit("/", 1)[0] + "/", timeout_ms=300)
    by = {(r.guide_id, s.index + 1): s for r in results for s in r.steps}
    assert status_of(by[("menu", 2)]) == "found" and by[("menu", 2)].notes == "hidden until step 1 is done"
    assert by[("menu", 2)].weighed == ()  # the look after the click is the one reported
    # the check clicked what step 1 clicks to see it: an element that click does not reveal is still drift
    assert (
        status_of(by[("menu", 3)]) == "hidden"
        and by[("menu", 3)].notes == "still hidden after step 1's click"
    )
    assert status_of(by[("alone", 1)]) == "hidden"  # nothing before it acts on the page
