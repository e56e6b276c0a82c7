"""Take the studio's screenshots under docs/studio at 1280×800, on a real (virtual) X screen.

make screenshots      (runs this under xvfb-run; needs the system packages ./dev setup installs)

It opens a copy of the example project with the demo app served locally, runs a real
test of every guide (which also gives hand-made steps their pictures), breaks one target
to show a failure, and photographs the main window, each editor and the results.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.demo_server import DemoServer  # noqa: E402
from studio.store import ProjectStore  # noqa: E402
from studio.ui.main_window import MainWindow  # noqa: E402
from studio.ui.style import apply_theme  # noqa: E402

OUT = ROOT / "docs" / "studio"
SIZE = (1280, 800)


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def wait_job(app: QApplication, window: MainWindow) -> None:
    while not window.jobs.job.done:
        app.processEvents()
        window.jobs.job.thread.join(0.05)
    settle(app)


def wait_for(app: QApplication, done, seconds: float = 60) -> None:
    """Turn the event loop until ``done()`` (bounded)."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.05)


def shot(app: QApplication, widget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / name))
    print(f"wrote docs/studio/{name}")


def browser_shot(session, name: str) -> None:
    """A picture of the studio's browser page as the author sees it (the recorder's UI included)."""
    session.call(lambda page: page.screenshot(path=str(OUT / name))).result(30)
    print(f"wrote docs/studio/{name}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app, dark=False)
    work = Path(tempfile.mkdtemp())
    copy = work / "example.gstudio"
    shutil.copy(ROOT / "guides" / "example.gstudio", copy)
    server = DemoServer(port=0).start()
    with ProjectStore.open(copy) as store:
        settings = store.load().settings
        store.update_project(settings=settings.model_copy(update={"app_url": server.url + "/index.html"}))
    window = MainWindow(
        settings=QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat), headless_recorder=True
    )
    window.resize(*SIZE)
    window.show()
    window.open_project(copy)
    try:
        window.work.run_test(True)  # real replay on the demo app; passing steps get their pictures
        wait_job(app, window)
        window.results_dock.hide()
        window.resize(*SIZE)

        window.select_guide(None)
        shot(app, window, "start-page.png")

        window.select_guide("settings-tour", 1)
        window.editor.tabs.setCurrentIndex(0)
        shot(app, window, "main-window.png")

        window.editor.tabs.setCurrentIndex(1)
        rule = window.editor.guide_form.editor(("trigger", "url"))
        rule.sample.setText("https://ledgerly.example.com/dashboard.html")
        shot(app, window, "editor-guide.png")

        for guide_id, name in (
            ("billing-email-tip", "editor-tooltip.png"),
            ("csv-export-hotspot", "editor-hotspot.png"),
            ("welcome", "editor-modal.png"),
            ("getting-started", "editor-checklist.png"),
            ("customer-pulse", "editor-survey.png"),
            ("profile-tour-launcher", "editor-launcher.png"),
        ):
            window.select_guide(guide_id, 0)
            window.editor.tabs.setCurrentIndex(0)
            shot(app, window, name)

        # the launcher's own settings on its Guide tab: what it opens, how it looks, its corner
        window.editor.tabs.setCurrentIndex(1)
        settle(app)  # laid out first, or there is nothing to scroll yet
        area = window.editor.guide_form.parentWidget().parentWidget()
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        shot(app, window, "editor-launcher-guide.png")

        window.select_guide("help-center", 1)  # an article entry of the resource center
        window.editor.tabs.setCurrentIndex(0)
        shot(app, window, "editor-resource-center.png")
        window.select_guide("csv-export-news", 0)
        shot(app, window, "editor-announcement.png")

        window.actions_["theme"].trigger()
        shot(app, window.theme_dialog, "editor-theme.png")
        window.theme_dialog.close()

        # the app "changes": one element disappears; the test says where, with a picture
        draft = window.session.guides.draft("reports-tour")
        draft.set(
            ("steps", 1, "target"),
            {
                "candidates": [
                    {"kind": "test_id", "value": "gone", "attribute": "data-testid", "score": 0.95}
                ],
                "fingerprint": {"tag": "button", "text": "Removed in this release"},
            },
        )
        window.select_guide("reports-tour", 1)
        window.work.run_test(True)
        wait_job(app, window)
        window.resize(*SIZE)
        window.resizeDocks([window.results_dock], [330], Qt.Orientation.Vertical)
        shot(app, window, "test-results.png")
        window.results_dock.hide()

        # the project check in the studio: a new modal that nothing starts is listed
        window.guide_work.new_guide("modal")
        window.problems_dock.show()
        window.problems_dock.raise_()
        window.resizeDocks([window.problems_dock], [260], Qt.Orientation.Vertical)
        wait_for(app, lambda: window.problems.tree.topLevelItemCount() > 0)
        shot(app, window, "problems.png")
        window.undo()
        window.problems_dock.hide()

        # a recording: the step's picture shows the app, not the recorder's toolbar
        window.browser.start_recording(server.url + "/dashboard.html")
        wait_for(app, lambda: window.recorder_label.text() == "● Recording")
        window.browser.bridge.session.call(lambda page: page.get_by_test_id("nav-customers").click())
        wait_for(app, lambda: window.guide_id is not None and window.guide_id.startswith("recorded-"))
        window.work.stop_browser()
        wait_for(app, lambda: window.recorder_label.text() == "Browser closed")
        window.select_guide(window.guide_id, 0)
        shot(app, window, "recorded-step.png")

        # picking: the outlined element widened to its parent with the toolbar's Parent button
        window.browser.pick("billing-email-tip", ("steps", 0, "target"), base=server.url + "/settings.html")
        wait_for(app, lambda: window.browser.running)
        session = window.browser.bridge.session
        session.call(lambda page: page.wait_for_selector("#billing-email")).result(30)
        session.call(lambda page: page.hover("#billing-email")).result(30)
        session.call(lambda page: page.keyboard.press("ArrowUp")).result(30)
        browser_shot(session, "pick-parent.png")
        session.call(lambda page: page.keyboard.press("ArrowDown")).result(30)
        browser_shot(session, "pick-child.png")
        window.work.stop_browser()
        wait_for(app, lambda: window.recorder_label.text() == "Browser closed")

        # preview signed in, on the page of a later step (the session of the last browser is reused)
        window.browser.start_recording(server.url + "/index.html")
        wait_for(app, lambda: window.recorder_label.text() == "● Recording")
        session = window.browser.bridge.session
        session.call(lambda page: page.get_by_label("Work email").fill("dana@example.com")).result(30)
        session.call(lambda page: page.get_by_label("Password").fill("correct horse")).result(30)
        session.call(lambda page: page.get_by_test_id("sign-in").click()).result(30)
        session.call(lambda page: page.wait_for_url("**/dashboard.html")).result(30)
        window.work.stop_browser()
        wait_for(app, lambda: window.recorder_label.text() == "Browser closed")
        window.select_guide("settings-tour", 2)
        window.browser.preview("settings-tour", 2)
        wait_for(app, lambda: window.browser.running)
        session = window.browser.bridge.session
        shown = (
            "() => !!document.querySelector('[data-guide-runtime]')?.shadowRoot?.querySelector('.gs-callout')"
        )
        session.call(lambda page: page.wait_for_function(shown, timeout=20_000)).result(30)
        browser_shot(session, "preview-deep-page.png")
        window.work.stop_browser()
        wait_for(app, lambda: window.recorder_label.text() == "Browser closed")

        for row in window.session.guides.listing():  # the example's pictures show the example's guides
            if row.id.startswith("recorded-"):
                window.session.guides.delete(row.id)
        window.refresh()

        # a project image in a modal: chosen in the step's form, shown with its width
        window.select_guide("welcome", 0)
        window.editor.tabs.setCurrentIndex(0)
        media = window.editor.step_form.editor(("media",))
        src = window.session.add_image((ROOT / "assets" / "icons" / "app.svg").read_bytes())
        window.editor.edit(
            ("steps", 0, "media"), {"kind": "image", "src": src, "alt": "Ledgerly", "width": 96}
        )
        window.editor.show_forms()
        window.editor.step_form.parentWidget().parentWidget().ensureWidgetVisible(media)
        shot(app, window, "editor-image.png")
        window.undo()

        apply_theme(app, dark=True)
        window.select_guide("settings-tour", 2)
        shot(app, window, "main-window-dark.png")
    finally:
        window.work.stop_browser()
        window.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
