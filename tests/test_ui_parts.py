"""Each composed part of the studio's window, built and tested alone against a real project session."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from studio.app import ProjectSession
from studio.app.recording import Capture, RecorderEvent
from studio.domain import GUIDE_KINDS
from studio.store import ProjectStore
from studio.ui.browser_control import BrowserController
from studio.ui.guide_editor import GuideEditor
from studio.ui.guide_panel import GuidePanel
from studio.ui.job_runner import JobRunner
from studio.ui.prompts import Prompts

from .samples import make_target


@pytest.fixture
def session(project_file: Path):
    opened = ProjectSession.open(project_file)
    yield opened
    opened.close()


def test_the_guide_panel_lists_filters_and_reports_the_chosen_guide(qtbot, session):
    panel = GuidePanel()
    qtbot.addWidget(panel)
    panel.show_listing(session.guides.listing())
    assert panel.tree.topLevelItem(0).text(0) == "Walkthroughs (1)"
    with qtbot.waitSignal(panel.selected) as chosen:
        panel.tree.setCurrentItem(panel.tree.topLevelItem(1).child(0))
    assert chosen.args == ["tip"]
    assert panel.relabel("tip", "Billing tip", "not saved: disk full")
    assert panel.tree.topLevelItem(1).child(0).text(0) == "● Billing tip (not saved)"
    assert not panel.relabel("ghost", "x", None)
    panel.search.setText("billing")
    assert (
        panel.tree.topLevelItem(0).child(0).isHidden() and not panel.tree.topLevelItem(1).child(0).isHidden()
    )


def test_the_guide_editor_edits_through_its_forms_into_the_file(qtbot, session, project_file):
    editor = GuideEditor()
    qtbot.addWidget(editor)
    editor.set_session(session)
    assert editor.show_guide("tour", 1)
    title = editor.step_form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "All set")
    with ProjectStore.open(project_file, readonly=True) as store:
        assert store.get_guide("tour").steps[1].title == "All set"
    editor.add_part()
    assert editor.parts.list.count() == 3 and editor.part == 2
    with qtbot.waitSignal(editor.pick) as picked:
        editor.step_form.pick.emit(("target",))
    assert picked.args == [("steps", 2, "target")]
    assert not editor.show_guide("ghost")


def test_the_browser_controller_hands_captures_to_the_session(qtbot, session, dialogs):
    parent = QWidget()
    qtbot.addWidget(parent)
    browser = BrowserController(Prompts(parent), headless=True, parent=parent)
    browser.set_session(session)
    browser.recording_guide, browser.recording_name = "recorded-1", "Recorded walkthrough 1"
    shot = Capture(
        "click", "http://x/a", make_target("go", "Go"), "button", "Go", 0.9, screenshot=b"\x89PNG s"
    )
    with qtbot.waitSignal(browser.guide_changed) as changed:
        browser._on_event(RecorderEvent("capture", capture=shot))
    assert changed.args == ["recorded-1", 0]
    assert session.store.get_guide("recorded-1").steps[0].title == "Click Go"
    assert session.store.step_image("recorded-1", "step-1", "screenshot") == b"\x89PNG s"
    browser.recording_guide = None
    browser.pick("tip", ("steps", 0, "target"))  # no app address yet: asked, and cancelled
    assert browser.pending_pick is None and not browser.running


def test_the_job_runner_exports_off_the_gui_thread(qtbot, session, tmp_path, dialogs):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = JobRunner(
        Prompts(parent), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), parent
    )
    runner.session = session
    with qtbot.waitSignal(runner.exported, timeout=30_000) as done:
        runner.export_to(tmp_path / "out.json")
    assert f"Exported {len(GUIDE_KINDS)} guides" in done.args[0] and (tmp_path / "out.json").exists()
    assert dialogs.messages("information") == [done.args[0]]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)  # the job's end arrives just after its result


def _export_with_runtime(qtbot, tmp_path, path):
    """Export the project at ``path`` with its runtime through a job runner; the ``exported`` signal's blocker."""
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = JobRunner(
        Prompts(parent), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), parent
    )
    runner.session = ProjectSession.open(path)
    try:
        with qtbot.waitSignal(runner.exported, timeout=30_000) as done:
            runner.export_to(tmp_path / "out.json", runtime=True)
    finally:
        runner.session.close()
    return done


def test_the_job_runner_exports_a_runtime_with_the_bundles_kinds_and_says_which(qtbot, tmp_path, dialogs):
    from studio.domain import Modal, Project, Step
    from studio.export.runtime import gzip_size, tailored_runtime

    path = tmp_path / "tours.gstudio"
    welcome = Modal(id="hello", name="Hello", steps=[Step(id="m", title="Welcome")])
    ProjectStore.create(path, Project(name="Tours", guides=[welcome])).close()
    done = _export_with_runtime(qtbot, tmp_path, path)
    code = (tmp_path / "guide-runtime.min.js").read_text()
    assert code == tailored_runtime(["modal"]).code
    assert (
        "the runtime guide-runtime.min.js (only this bundle's kinds: checklist, hotspot, modal, tooltip,"
        f" walkthrough; {gzip_size(code):,} bytes gzipped)" in done.args[0]
    )


def test_the_export_message_keeps_the_runtime_beside_the_bundle_and_the_warnings_apart(
    qtbot, tmp_path, dialogs
):
    """A warning's last line ran on into "Beside it: the runtime …" ("…should tell your users Beside it:"),
    and one guide read "1 guides"."""
    from studio.domain import AutomaticTrigger, Banner, Project, Step

    path = tmp_path / "one.gstudio"
    notice = Banner(
        id="notice",
        name="Notice",
        trigger=AutomaticTrigger(),
        steps=[Step(id="n", title="Scheduled maintenance", body="<p>Something new is here.</p>")],
    )
    ProjectStore.create(path, Project(name="One", guides=[notice])).close()
    done = _export_with_runtime(qtbot, tmp_path, path)
    text = done.args[0]
    head, _, warnings = text.partition("\n\nShipped, but worth a look:\n")
    assert head.startswith(f"Exported 1 guide to {tmp_path / 'out.json'} (") and "guides" not in head
    assert "Beside it: the runtime guide-runtime.min.js (only this bundle's kinds:" in head
    assert warnings.startswith("• 'Notice'") and "Beside it" not in warnings
    assert warnings.rstrip().endswith(("users", "users."))  # the warning's own words end the message


def test_prompts_refuse_an_unsafe_address_in_words(qtbot, dialogs):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs.texts.append("javascript:alert(1)")
    assert Prompts(parent).ask_url("Test", "Address:", "") is None
    assert "javascript" in dialogs.messages("warning")[0]


def test_recent_projects_survive_a_restart_whole_and_once(tmp_path, project_file):
    """An INI file holds a one-entry list as a plain string: read back, it must not become letters."""
    from studio.ui.recent import RecentProjects

    ini = tmp_path / "written-by-another-run.ini"
    ini.write_text(f"[General]\nrecent={project_file}\n")
    recent = RecentProjects(QSettings(str(ini), QSettings.Format.IniFormat))
    assert recent.paths() == [str(project_file)]
    recent.remember(project_file)
    recent.remember(project_file)
    assert recent.paths() == [str(project_file.resolve())]
    assert recent.last_folder() == str(project_file.resolve().parent)


def test_an_address_being_tried_belongs_to_the_guide_it_was_typed_for(qtbot, session):
    editor = GuideEditor()
    qtbot.addWidget(editor)
    editor.set_session(session)
    editor.show_guide("tip")
    editor.edit(("trigger", "type"), "automatic")
    rule = editor.guide_form.editor(("trigger", "url"))
    rule.sample.setText("https://app.example.com/billing")
    editor.show_guide("spot")
    editor.edit(("trigger", "type"), "automatic")
    assert rule.sample.text() == ""  # another guide: its own (empty) address
    editor.show_guide("tip")
    assert rule.sample.text() == "https://app.example.com/billing"


def test_a_failed_open_changes_nothing_of_the_open_project(make_window, project_file, tmp_path, dialogs):
    """Opening is all or nothing: after a refused file the edits still go to the project on screen."""
    import hashlib

    window = make_window()
    assert window.open_project(project_file)
    damaged = tmp_path / "damaged.gstudio"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    assert not window.open_project(damaged)
    assert dialogs.messages("warning") and "damaged.gstudio" in dialogs.messages("warning")[0]
    assert window.session.path == project_file and window.windowTitle().startswith("Sample")
    window.select_guide("tip")
    window.editor.edit(("name",), "Still here")
    with ProjectStore.open(project_file, readonly=True) as store:
        assert store.get_guide("tip").name == "Still here"
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before
    second = make_window()  # the lock was never let go: a second window is refused
    assert not second.open_project(project_file)


def test_the_problems_list_follows_the_edits(make_window, project_file, qtbot):
    """The project check in the studio: shown as the author edits, a double-click opens the guide."""
    window = make_window()
    window.open_project(project_file)
    view = window.problems
    qtbot.waitUntil(lambda: any(guide == "Tip" for guide, _ in view.lines()), timeout=20_000)
    assert window.problems_dock.windowTitle().startswith("Problems (")
    tip = next(text for guide, text in view.lines() if guide == "Tip")
    assert tip.startswith("nothing starts 'Tip'")
    window.select_guide("tip")
    window.editor.edit(("trigger", "type"), "automatic")  # now it shows by itself: no longer a problem
    qtbot.waitUntil(
        lambda: not any(g == "Tip" and t.startswith("nothing starts") for g, t in view.lines()),
        timeout=20_000,
    )
    view.tree.itemDoubleClicked.emit(view.tree.topLevelItem(0), 0)
    assert window.guide_id == view.tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole)


def test_address_dialogs_are_wide_enough_for_an_address(qtbot):
    """Item 19: the dialog that asks for an address opens at least 480 px wide (or as wide as its text)."""
    from PySide6.QtWidgets import QInputDialog

    from studio.ui.prompts import widen_modal_input

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QInputDialog(parent)
    dialog.setLabelText("Address of the build to test:")
    dialog.setTextValue("http://127.0.0.1:8765/index.html")
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=3000)
    assert dialog.width() < 480  # Qt's own size would not fit a typical address
    widen_modal_input()
    qtbot.waitUntil(lambda: dialog.width() >= 480, timeout=3000)
    long = "https://staging.example.com/" + "a" * 80
    dialog.setTextValue(long)
    widen_modal_input()
    qtbot.waitUntil(lambda: dialog.width() >= dialog.fontMetrics().horizontalAdvance(long), timeout=3000)
    dialog.close()


def test_a_recovered_draft_shows_the_values_it_was_left_with(qtbot, project_file):
    """#11 item 19: an unfinished tooltip reopened after a close shows its text and its default wait."""
    first = ProjectSession.open(project_file)
    draft = first.guides.new_guide("tooltip")
    editor = GuideEditor()
    qtbot.addWidget(editor)
    editor.set_session(first)
    editor.show_guide(draft.id, 0)
    title = editor.step_form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "Where invoices go")
    editor.step_form.editor(("wait_ms",)).spin.setValue(2500)
    assert not first.guides.draft(draft.id).valid  # no element yet: kept as a draft
    first.close()
    again = ProjectSession.open(project_file)
    try:
        reopened = GuideEditor()
        qtbot.addWidget(reopened)
        reopened.set_session(again)
        assert reopened.show_guide(draft.id, 0)
        assert reopened.step_form.editor(("title",)).edit.text() == "Where invoices go"
        assert reopened.step_form.editor(("wait_ms",)).spin.value() == 2500
    finally:
        again.close()


def test_view_menu_brings_a_dock_from_behind_the_other_tab(make_window, project_file, qtbot):
    """Walk finding: View › Problems opened behind the Test results tab and showed nothing."""
    window = make_window()
    window.show()
    window.open_project(project_file)
    qtbot.waitUntil(lambda: getattr(window, "problems_dock", None) is not None, timeout=10_000)
    entries = {a.text(): a for a in window.actions_.view_menu.actions()}
    entries["Test &results"].trigger()
    qtbot.waitUntil(lambda: not window.results_dock.visibleRegion().isEmpty())
    entries["&Problems"].trigger()
    qtbot.waitUntil(lambda: not window.problems_dock.visibleRegion().isEmpty())
    assert window.results_dock.visibleRegion().isEmpty()  # tabbed behind it now
    entries["&Problems"].trigger()  # in front: the entry hides it
    assert not window.problems_dock.isVisible()


def test_a_first_export_never_defaults_onto_the_shipped_example_bundle(tmp_path):
    from studio.ui.browser_work import default_export

    from .conftest import EXAMPLE_BUNDLE, EXAMPLE_PROJECT

    assert default_export(EXAMPLE_PROJECT) == Path.home() / EXAMPLE_BUNDLE.name != EXAMPLE_BUNDLE
    assert default_export(tmp_path / "shop.gstudio") == tmp_path / "shop.bundle.json"


def test_a_new_test_run_never_shows_the_last_runs_picture(qtbot):
    """Walk finding: after a re-run passed, the pane still showed the old failure's picture."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from studio.replay.results import GuideResult, StepResult
    from studio.ui.results import ResultsView

    def png(color: str) -> bytes:
        image = QImage(80, 50, QImage.Format.Format_RGB32)
        image.fill(QColor(color))
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data())

    view = ResultsView()
    qtbot.addWidget(view)
    failed = StepResult("s", 0, "Type", status="failed", reason="needs_input", screenshot=png("#ff0000"))
    view.show_results([GuideResult("g", "G", "walkthrough", steps=[failed])])
    assert view.repick_button.text() == "Give a test value…"
    view.show_results(
        [GuideResult("g", "G", "walkthrough", steps=[StepResult("s", 0, "Type", screenshot=png("#0000ff"))])]
    )
    shown = view.picture.pixmap().toImage()
    assert QColor(shown.pixel(shown.width() // 2, shown.height() // 2)).name() == "#0000ff"
    assert view.repick_button.text() == "Re-pick element…" and not view.repick_button.isEnabled()


def test_a_results_tooltip_names_the_elements_the_runtime_weighed(qtbot):
    """Check elements (F7) on Gentelella 1.4 said only 'on http://…' for its renamed gauge: which canvas it
    weighed was in the CLI's lines, never in the studio."""
    from studio.replay.results import GuideResult, StepResult
    from studio.ui.results import ResultsView

    view = ResultsView()
    qtbot.addWidget(view)
    lost = StepResult(
        "gauge",
        2,
        "Profile completion",
        status="failed",
        reason="not_found",
        detail="on http://app/index.html",
        weighed=('0.47 canvas#chart_gauge_01 under "Profile Completion" (css)',),
    )
    shown = StepResult(
        "pick", 1, "General Form", detail="on http://app/index.html", notes="hidden until step 1 is done"
    )
    view.show_results([GuideResult("tour", "Tour", "walkthrough", steps=[shown, lost])])
    items = view.tree.topLevelItem(0)
    tips = [items.child(i).toolTip(2) for i in range(2)]
    assert tips[0].endswith("hidden until step 1 is done")
    assert (
        tips[1]
        == 'on http://app/index.html\ncandidate 0.47 canvas#chart_gauge_01 under "Profile Completion" (css)'
    )
    # a step found "not surely" is told to pick it again: the button lets it (it was greyed out)
    unsure = StepResult("submit", 3, "Click Submit", confidence=0.69, weighed=("0.83 button",))
    view.show_results([GuideResult("tour", "Tour", "walkthrough", steps=[shown, unsure])])
    # and the summary counts it, as check-targets does (it said "1 of 1 guide(s) passed" alone)
    assert (
        view.summary.text() == "1 of 1 guide(s) passed, 0 step(s) failed, 1 found only with low confidence."
    )
    view.tree.setCurrentItem(view.tree.topLevelItem(0).child(1))
    assert view.repick_button.isEnabled() and view.repick_button.text() == "Re-pick element…"
    with qtbot.waitSignal(view.repick) as picked:
        view.repick_button.click()
    assert picked.args == ["tour", "submit"]
    view.tree.setCurrentItem(view.tree.topLevelItem(0).child(0))
    assert not view.repick_button.isEnabled()


def test_a_pick_brings_the_studio_back_to_the_front(qtbot, session, dialogs):
    """Walk finding: after picking, the browser stayed in front of the studio."""
    parent = QWidget()
    qtbot.addWidget(parent)
    browser = BrowserController(Prompts(parent), headless=True, parent=parent)
    browser.set_session(session)
    browser.pending_pick = ("tip", ("steps", 0, "target"))
    pick = Capture("pick", "http://x/a", make_target("tip", "Tip"), "button", "Tip", 0.9)
    with qtbot.waitSignal(browser.picked):
        browser._on_event(RecorderEvent("capture", capture=pick))
    assert browser.pending_pick is None


def test_the_start_page_fits_a_1280_window_with_every_hint_whole(make_window, project_file: Path, qtbot):
    """The kinds' hints once made the whole window 1,386 px at the least (the docs' 1280 shots grew)."""
    window = make_window()
    window.open_project(project_file)
    window.select_guide(None)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() == 1280
    for kind, button in window.start_page.kind_buttons.items():
        assert button.width() >= button.sizeHint().width(), kind  # its hint is not cut


def test_a_choice_never_shows_another_value_than_the_one_saved(qtbot):
    """Walk finding (the launcher's "Shows"): a value the list does not offer showed as its first choice
    ("by itself on matching pages"); it shows as itself, and choosing another drops it."""
    from studio.app.forms import FieldSpec
    from studio.ui.fields import ChoiceField

    field = ChoiceField(
        FieldSpec(("edge",), "Where", "choice", choices=(("top", "top"), ("bottom", "bottom")))
    )
    qtbot.addWidget(field)
    edits = []
    field.edited.connect(edits.append)
    field.set_value("left_side")
    assert field.combo.currentData() == "left_side"
    assert field.combo.currentText() == "left side (not one of these choices)"
    assert edits == []  # showing it saved nothing
    field.combo.setCurrentIndex(field.combo.findData("bottom"))
    assert edits == ["bottom"]
    field.set_value("top")
    assert field.combo.findData("left_side") == -1 and field.combo.count() == 2
