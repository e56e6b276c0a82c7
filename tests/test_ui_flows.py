"""The studio's browser and long-work flows end to end: record, pick, preview, test, export, errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.export import read_bundle
from studio.export.runtime import MINIFIED_PATH, gzip_size
from studio.store import ProjectStore

from .conftest import EXAMPLE_PROJECT


def reopened(path: Path, guide_id: str):
    with ProjectStore.open(path, readonly=True) as store:
        return store.get_guide(guide_id)


@pytest.fixture
def example(tmp_path: Path, demo_server) -> Path:
    """A copy of the example project whose app address is the test's demo server."""
    copy = tmp_path / "example.gstudio"
    copy.write_bytes(EXAMPLE_PROJECT.read_bytes())
    with ProjectStore.open(copy) as store:
        settings = store.load().settings
        store.update_project(
            settings=settings.model_copy(update={"app_url": demo_server.url + "/index.html"})
        )
    return copy


def wait_closed(qtbot, window) -> None:
    window.work.stop_browser()
    qtbot.waitUntil(lambda: window.recorder_label.text() == "Browser closed", timeout=20_000)


def test_recording_a_walkthrough_on_the_demo_app(make_window, example: Path, demo_server, qtbot, dialogs):
    window = make_window(headless_recorder=True)
    window.open_project(example)
    dialogs.texts = [demo_server.url + "/dashboard.html"]
    window.actions_["record"].trigger()
    qtbot.waitUntil(lambda: window.recorder_label.text() == "● Recording", timeout=20_000)
    assert not window.actions_["record"].isEnabled() and window.actions_["stop"].isEnabled()
    window.browser.bridge.session.call(lambda page: page.get_by_test_id("nav-customers").click()).result(
        timeout=15
    )
    qtbot.waitUntil(
        lambda: window.guide_panel.tree.topLevelItem(0).text(0) == "Walkthroughs (4)", timeout=15_000
    )
    assert window.guide_id == "recorded-1"  # shown live, with its picture
    assert window.editor.parts.list.item(0).text() == "1. Click Customers"
    assert not window.editor.parts.list.item(0).icon().isNull()
    wait_closed(qtbot, window)
    assert window.actions_["record"].isEnabled()
    assert dialogs.messages("warning") == []
    assert window.session.history.undo_text == "Add “Recorded walkthrough 1”"
    with ProjectStore.open(example, readonly=True) as store:
        assert [s.title for s in store.get_guide("recorded-1").steps] == ["Click Customers"]
        assert store.step_image("recorded-1", "step-1").startswith(b"\x89PNG")
        assert store.load().settings.app_url == demo_server.url + "/dashboard.html"


def test_picking_the_element_of_a_new_tooltip_in_the_browser(make_window, example: Path, qtbot, dialogs):
    window = make_window(headless_recorder=True)
    window.open_project(example)
    window.actions_["new_tooltip"].trigger()
    assert window.guide_id == "tooltip-1"
    window.actions_["pick"].trigger()
    qtbot.waitUntil(lambda: window.recorder_label.text() == "◎ Picking an element", timeout=20_000)
    window.browser.bridge.session.call(lambda page: page.get_by_test_id("sign-in").click()).result(timeout=15)
    qtbot.waitUntil(
        lambda: window.guide_panel.tree.topLevelItem(1).child(1).text(0) == "New tooltip 1", timeout=15_000
    )
    assert window.statusBar().currentMessage() == "Picked Sign in"
    assert window.browser.bridge.session.mode == "pause"
    wait_closed(qtbot, window)
    tip = reopened(example, "tooltip-1")
    assert tip.steps[0].target.fingerprint.name == "Sign in"
    assert dialogs.messages("warning") == []


def test_preview_plays_the_unsaved_bundle_from_the_selected_step(make_window, example: Path, qtbot):
    window = make_window(headless_recorder=True)
    window.open_project(example)
    window.select_guide("settings-tour", 1)
    title = window.editor.step_form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "Your company name")  # edited in the studio, not exported anywhere
    window.actions_["preview"].trigger()
    session = window.browser.bridge.session

    def shown_title() -> str:
        if not session.running:
            return ""
        try:
            return session.call(
                lambda page: page.locator("[data-guide-runtime] .gs-title").first.text_content(timeout=500)
            ).result(timeout=10)
        except Exception:  # noqa: BLE001 - not there yet
            return ""

    qtbot.waitUntil(lambda: shown_title() == "Your company name", timeout=30_000)
    assert session.call(lambda page: page.url).result(timeout=10).endswith("/settings.html")
    wait_closed(qtbot, window)


def test_preview_of_a_survey_starts_at_the_selected_question(make_window, example: Path, qtbot):
    """Walk finding: Preview on question 2 of the survey asked question 1 (the studio sent step 0 for
    every kind without recorded pictures, and the runtime's survey ignored the step)."""
    window = make_window(headless_recorder=True)
    window.open_project(example)
    window.select_guide("customer-pulse", 1)
    window.actions_["preview"].trigger()
    session = window.browser.bridge.session
    legend = "[data-guide-runtime] .gs-survey legend"

    def shown() -> str:
        if not session.running:
            return ""
        try:
            return session.call(lambda page: page.locator(legend).first.text_content(timeout=500)).result(
                timeout=10
            )
        except Exception:  # noqa: BLE001 - not there yet
            return ""

    qtbot.waitUntil(lambda: shown() == "How do you share your reports?", timeout=30_000)
    wait_closed(qtbot, window)


def test_test_on_an_announcement_says_it_is_tested_in_its_resource_center(
    make_window, example: Path, qtbot, dialogs
):
    """Walk finding: Test on an announcement passed silently (replay skips announcements: their resource
    center lists them); the studio now says so and names what to test instead."""
    window = make_window(headless_recorder=True)
    window.open_project(example)
    window.select_guide("csv-export-news")
    window.actions_["test"].trigger()
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
    warnings = dialogs.messages("warning")
    assert len(warnings) == 1, dialogs.shown
    assert "“CSV export announcement” is not tested alone" in warnings[0]
    assert "Test “Help center” instead" in warnings[0]
    assert window.results_dock.isHidden()  # no empty "0 of 0 passed"


def test_test_run_shows_per_step_results_and_offers_repick(make_window, example: Path, qtbot, monkeypatch):
    window = make_window(headless_recorder=True)
    window.open_project(example)
    window.select_guide("billing-email-tip")
    window.actions_["test"].trigger()
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
    assert window.results_dock.isVisible() or not window.isVisible()
    assert window.results.summary.text().startswith("1 of 1 guide(s) passed, 0 step(s) failed")
    step_item = window.results.tree.topLevelItem(0).child(0)
    assert step_item.text(1) == "Found"

    # the app changes: the tooltip's element is gone — the run says so, with a picture, and offers re-pick
    draft = window.session.guides.draft("billing-email-tip")
    target = draft.value(("steps", 0, "target"))
    gone = {
        "candidates": [
            {"kind": "test_id", "value": "no-such-thing", "attribute": "data-testid", "score": 0.95}
        ],
        "fingerprint": {"tag": "aside", "text": "Nothing like this exists"},
    }
    assert draft.set(("steps", 0, "target"), gone)
    window.work.run_test(False)
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
    assert window.results.summary.text().startswith("0 of 1 guide(s) passed, 1 step(s) failed")
    failed = window.results.tree.currentItem()
    assert failed.text(1) == "Missing"
    assert failed.text(2).startswith("The element is not on this page any more")  # words, not selectors
    assert "no-such-thing" in failed.toolTip(2)  # QA's detail stays one hover away
    assert window.results.picture.pixmap() is not None and not window.results.picture.pixmap().isNull()
    assert window.results.repick_button.isEnabled()
    picks = []
    monkeypatch.setattr(
        window.browser, "pick", lambda guide_id, path, base=None: picks.append((guide_id, path, base))
    )
    window.results.repick_button.click()
    assert picks == [("billing-email-tip", ("steps", 0, "target"), window.jobs.tested_base)]
    assert target  # the original is one Undo away
    window.undo()
    assert (
        reopened(example, "billing-email-tip").steps[0].target.model_dump(mode="json", exclude_none=True)
        == target
    )


def test_a_corner_launcher_is_shown_not_found(make_window, example: Path, qtbot):
    """Nothing is looked for when a launcher sits in its corner (the example's resource center's): the
    result says it was shown; a launcher beside an element says it was found."""
    window = make_window(headless_recorder=True)
    window.open_project(example)
    for guide_id, said in (("help-center", "Shown"), ("profile-tour-launcher", "Found")):
        window.select_guide(guide_id)
        window.actions_["test"].trigger()
        qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
        assert window.results.summary.text().startswith("1 of 1 guide(s) passed")
        assert window.results.tree.topLevelItem(0).child(0).text(1) == said


def test_a_test_run_elsewhere_can_be_cancelled(make_window, example: Path, qtbot, dialogs, demo_server):
    window = make_window(headless_recorder=True)
    window.open_project(example)
    window.session.set_project_value(("settings", "app_url"), "http://127.0.0.1:9/")  # nothing listens there
    dialogs.texts = [demo_server.url + "/index.html"]  # Test all against another address, for this run
    window.actions_["test_elsewhere"].trigger()
    # Cancel (what the progress dialog's button does) once the first guide is done
    window.jobs.job.progress.connect(
        lambda message, *_: message.startswith("Tested") and window.jobs.job.cancel.set()
    )
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
    assert window.results.summary.text().endswith("Cancelled before the end.")
    guides = [window.results.tree.topLevelItem(i) for i in range(window.results.tree.topLevelItemCount())]
    # the guide tested first passed: it ran against the demo app, not the project's address (lanes play the
    # longest guides first, so that need not be the first guide listed)
    assert any(g.text(1) == "Passed" for g in guides), [g.text(1) for g in guides]
    assert guides[-1].child(0).text(1) == "Cancelled" and guides[-1].text(1) == "Cancelled"
    assert all(g.text(1) != "Failed" for g in guides)  # cancelled is never reported as a failure
    assert window.session.header().settings.app_url == "http://127.0.0.1:9/"
    # re-pick after a test elsewhere opens that build, not the project's address
    opened = []
    window.browser._open = lambda url, mode: opened.append((url, mode)) or True
    window.work.repick_failed("settings-tour", "time-zone")
    assert opened == [(demo_server.url + "/settings.html", "pick")]


def test_export_with_progress_and_a_remembered_location(
    make_window, example: Path, tmp_path: Path, qtbot, dialogs
):
    window = make_window()
    window.open_project(example)
    out = tmp_path / "shipped" / "guides.json"
    out.parent.mkdir()
    dialogs.save_as = [str(out)]
    window.actions_["export_runtime"].trigger()
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=30_000)
    qtbot.waitUntil(lambda: bool(dialogs.messages("information")), timeout=5_000)
    assert dialogs.messages("information")[0].startswith(f"Exported 13 guides to {out} (")
    assert len(read_bundle(out)["guides"]) == 13  # fully checked: schema, models, digest
    # The example plays every kind: its runtime is the shipped file, and the message says so.
    assert (out.parent / "guide-runtime.min.js").read_text() == MINIFIED_PATH.read_text()
    assert (
        f"(every kind; {gzip_size(MINIFIED_PATH.read_text()):,} bytes gzipped)"
        in dialogs.messages("information")[0]
    )
    assert window.settings.value(f"export/{example.resolve()}") == str(out)


def test_export_to_a_read_only_place_says_so_and_loses_nothing(
    make_window, example, tmp_path, qtbot, dialogs
):
    before = len(example.read_bytes())
    window = make_window()
    window.open_project(example)
    locked = tmp_path / "locked"
    if os.geteuid() == 0:  # root writes into read-only folders: a file where the folder should be stops it
        locked.write_text("a file, not a folder")
    else:
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    job = window.jobs.export_to(locked / "guides.json")
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert dialogs.messages("warning")[0].startswith("Nothing was exported: ")
    assert not window.statusBar().currentMessage().startswith("Exported")  # no success claimed
    window.close()
    with ProjectStore.open(example, readonly=True) as store:
        assert len(store.guide_summaries()) == 13
        assert store.get_guide("settings-tour").name == "Set up your company profile"
    assert len(example.read_bytes()) >= before


def test_a_missing_browser_is_a_message_not_a_crash(make_window, example: Path, dialogs, monkeypatch, qtbot):
    monkeypatch.setenv("STUDIO_BROWSER", "/nonexistent/chrome")
    window = make_window(headless_recorder=True)
    window.open_project(example)
    assert not window.browser.start_recording("http://127.0.0.1:9/")
    assert dialogs.messages("warning")[0].startswith(
        "the browser set to '/nonexistent/chrome' does not exist"
    )
    assert window.actions_["record"].isEnabled() and window.browser.recording_guide is None
    window.select_guide("settings-tour")
    window.work.preview()
    qtbot.waitUntil(lambda: len(dialogs.messages("warning")) == 2, timeout=10_000)
    assert "does not exist" in dialogs.messages("warning")[1]


def test_check_elements_finds_what_moved_without_playing(make_window, example: Path, qtbot):
    window = make_window()
    window.open_project(example)
    draft = window.session.guides.draft("reports-tour")
    assert draft.set(
        ("steps", 1, "target"),
        {
            "candidates": [{"kind": "test_id", "value": "gone", "attribute": "data-testid", "score": 0.95}],
            "fingerprint": {"tag": "button", "text": "Removed in this release"},
        },
    )
    window.actions_["check"].trigger()
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
    rows = {}
    for i in range(window.results.tree.topLevelItemCount()):
        guide = window.results.tree.topLevelItem(i)
        for j in range(guide.childCount()):
            rows[(guide.text(0), guide.child(j).text(0))] = guide.child(j).text(1)
    assert rows[("Tour of Reports", "2. Retention cohorts")] == "Missing"
    assert rows[("Tour of Reports", "1. Revenue by month")] == "Found"
    assert rows[("Billing email help", "1. Where invoices come from")] == "Found"
    assert window.results.repick_button.isEnabled()  # the missing one is selected, ready to re-pick


def test_a_secret_field_gets_a_test_value_from_the_author(make_window, tmp_path, qtbot, dialogs, server):
    """A recorded sign-in with a password: the test asks for a value in the window, never saved."""
    from studio.domain import (
        Advance,
        AutomaticTrigger,
        Project,
        SelectorCandidate,
        Step,
        Target,
        UrlRule,
        Walkthrough,
    )
    from studio.store import ProjectStore

    from .runtime_helpers import html

    server.page(
        "/signin.html",
        html('<label for="pw">Password</label><input id="pw" type="password"><p>after</p>'),
    )
    field = Target(candidates=[SelectorCandidate(kind="id", value="#pw", score=0.85)])
    guide = Walkthrough(
        id="sign-in",
        name="Sign in",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/signin.html")),
        steps=[
            Step(id="password", title="Type your password", target=field, advance=Advance(mode="input")),
            Step(id="done", title="Done"),
        ],
    )
    path = tmp_path / "secret.gstudio"
    ProjectStore.create(path, Project(name="Secret", guides=[guide])).close()
    window = make_window(headless_recorder=True)
    window.open_project(path)
    window.session.set_project_value(("settings", "app_url"), server.url + "/")
    window.select_guide("sign-in")
    window.work.run_test(False)
    qtbot.waitUntil(lambda: window.jobs.job.done, timeout=60_000)
    assert window.results.tree.currentItem().data(0, Qt.ItemDataRole.UserRole)[1].reason == "needs_input"
    assert window.results.repick_button.text() == "Give a test value…"
    dialogs.texts = ["hunter2"]
    window.results.repick_button.click()
    qtbot.waitUntil(
        lambda: window.jobs.job.done and window.results.summary.text().startswith("1 of 1"), timeout=60_000
    )
    with ProjectStore.open(path, readonly=True) as store:
        assert "hunter2" not in store.get_guide("sign-in").model_dump_json()  # never in the project
