"""The studio window driven like an author would (real widgets, offscreen): create, edit, reorder, undo."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from studio.domain import GUIDE_KINDS
from studio.recorder.events import Capture, RecorderEvent
from studio.store import ProjectStore
from studio.ui.guide_panel import GUIDE_ID_ROLE

from .conftest import EXAMPLE_PROJECT
from .samples import make_target


def reopened(path: Path, guide_id: str):
    with ProjectStore.open(path, readonly=True) as store:
        return store.get_guide(guide_id)


def deliver_pick(window, name="Save", testid="save") -> None:
    """The recorder's pick arriving through its real signal (the browser half is in test_ui_flows)."""
    capture = Capture(
        "pick", "http://x/", make_target(testid, name), "button", name, 0.9, thumbnail=b"\x89PNG"
    )
    window.browser.bridge.event.emit(RecorderEvent("capture", capture=capture))


def group_titles(window) -> list[str]:
    return [
        window.guide_panel.tree.topLevelItem(i).text(0)
        for i in range(window.guide_panel.tree.topLevelItemCount())
    ]


def test_opens_the_example_by_kind_with_steps_search_and_filter(make_window, tmp_path: Path):
    copy = tmp_path / "example.gstudio"
    copy.write_bytes(EXAMPLE_PROJECT.read_bytes())
    window = make_window()
    assert window.open_project(copy)
    assert group_titles(window) == [
        "Walkthroughs (3)",
        "Tooltips (1)",
        "Hotspots (1)",
        "Modals (1)",
        "Checklists (1)",
        "Banners (1)",
        "Surveys (1)",
        "Launchers (1)",
        "Resource centers (1)",
        "Announcements (2)",
    ]
    assert window.windowTitle() == "Ledgerly onboarding — Guide Studio"
    walkthroughs = window.guide_panel.tree.topLevelItem(0)
    window.guide_panel.tree.setCurrentItem(walkthroughs.child(0))
    assert walkthroughs.child(0).data(0, GUIDE_ID_ROLE) == "settings-tour"
    steps = [window.editor.parts.list.item(i).text() for i in range(window.editor.parts.list.count())]
    assert steps[:2] == ["1. Open Settings", "2. Name your company"]
    assert window.editor.step_form.editor(("title",)).edit.text() == "Open Settings"
    window.guide_panel.search.setText("reports")
    visible = [
        walkthroughs.child(i).text(0)
        for i in range(walkthroughs.childCount())
        if not walkthroughs.child(i).isHidden()
    ]
    assert visible == ["Tour of Reports"]
    window.guide_panel.kind_filter.setCurrentIndex(window.guide_panel.kind_filter.findData("modal"))
    assert [window.guide_panel.tree.topLevelItem(i).isHidden() for i in range(7)] == [
        True,
        True,
        True,
        False,
        True,
        True,
        True,
    ]


def test_an_unreadable_project_shows_a_message_and_keeps_the_file(make_window, tmp_path: Path, dialogs):
    bogus = tmp_path / "bogus.gstudio"
    bogus.write_text("not a project")
    digest = hashlib.sha256(bogus.read_bytes()).hexdigest()
    window = make_window()
    assert not window.open_project(bogus)
    assert dialogs.messages("warning") == ["bogus.gstudio: not a Guide Studio project (not an SQLite file)"]
    assert hashlib.sha256(bogus.read_bytes()).hexdigest() == digest
    assert window.windowTitle() == "Guide Studio"


def test_every_kind_from_the_start_page_into_a_new_project(make_window, tmp_path: Path, qtbot):
    path = tmp_path / "fresh.gstudio"
    window = make_window()
    assert window.new_project(path)
    assert window.center.currentWidget() is window.start_page
    for kind in GUIDE_KINDS:
        qtbot.mouseClick(window.start_page.kind_buttons[kind], Qt.MouseButton.LeftButton)
        assert window.guide_id == f"{kind}-1"
        if kind in ("tooltip", "hotspot"):  # needs its element first: listed, not saved, says why
            assert f"● New {kind} 1 (not saved)" in [
                window.guide_panel.tree.topLevelItem(i).child(j).text(0)
                for i in range(5)
                for j in range(window.guide_panel.tree.topLevelItem(i).childCount())
            ]
            assert (
                window.statusBar().currentMessage()
                == f"Pick the element for the new {kind} (Pick… or Ctrl+P)"
            )
            target_row = window.editor.step_form.specs.index(window.editor.step_form.editor(("target",)).spec)
            assert (
                window.editor.step_form.messages[target_row].text()
                == f"a {kind} is attached to an element; pick one"
            )
            window.browser.pending_pick = (window.guide_id, ("steps", 0, "target"))
            deliver_pick(window)
    assert group_titles(window) == [f"{info.title}s (1)" for info in GUIDE_KINDS.values()]
    window.close()
    with ProjectStore.open(path, readonly=True) as store:
        assert sorted(s.id for s in store.guide_summaries()) == sorted(f"{k}-1" for k in GUIDE_KINDS)
        assert store.get_guide("tooltip-1").steps[0].target == make_target()
        assert store.step_image("tooltip-1", "step-1") == b"\x89PNG"


def test_every_step_field_is_edited_through_its_widget(
    make_window, project_file: Path, qtbot, dialogs, monkeypatch
):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("tour", 1)
    form = window.editor.step_form
    title = form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "All done!")
    body = form.editor(("body",)).edit
    body.text.setPlainText("Read the ")
    body.text.moveCursor(body.text.textCursor().MoveOperation.End)
    body.toolbar.actions()[0].trigger()  # bold on
    qtbot.keyClicks(body.text, "guide")
    media = form.editor(("media",))
    media.kind.setCurrentIndex(media.kind.findData("image"))
    qtbot.keyClicks(media.src, "https://example.com/a.png")
    assert "describe the image" in form.messages[form.specs.index(media.spec)].text()
    qtbot.keyClicks(media.alt, "A chart")
    placement = form.editor(("placement",)).combo
    placement.setCurrentIndex(placement.findData("bottom"))
    page = form.editor(("page",))
    page.match.setCurrentIndex(page.match.findData("glob"))
    qtbot.keyClicks(page.value_edit, "/settings/*")
    qtbot.keyClicks(page.sample, "https://app.example.com/settings/team")
    assert page.verdict.text() == "✓ Matches this address"
    missing = form.editor(("on_missing",)).combo
    missing.setCurrentIndex(missing.findData("end"))
    form.editor(("wait_ms",)).spin.setValue(8000)
    form.editor(("optional",)).check.setChecked(True)
    buttons = form.editor(("buttons",))
    qtbot.mouseClick(buttons.add_button, Qt.MouseButton.LeftButton)
    action = buttons.grid.itemAtPosition(0, 1).widget()
    action.setCurrentIndex(action.findData("url"))
    assert "needs an address" in form.messages[form.specs.index(buttons.spec)].text()
    qtbot.keyClicks(buttons.grid.itemAtPosition(0, 2).widget(), "https://example.com/help")
    label = buttons.grid.itemAtPosition(0, 0).widget()
    label.selectAll()
    qtbot.keyClicks(label, "Help")
    assert buttons.grid.itemAtPosition(0, 0).widget() is label  # not rebuilt under the author's fingers
    mode = form.editor(("advance", "mode")).combo
    mode.setCurrentIndex(mode.findData("element"))
    assert form.messages[form.specs.index(form.editor(("advance", "mode")).spec)].text() == (
        "choose the element whose appearance moves the guide on"
    )
    assert window.guide_panel.tree.topLevelItem(0).child(0).text(0) == "● Tour (not saved)"
    opened = []
    monkeypatch.setattr(window.browser, "_open", lambda url, mode: opened.append((url, mode)) or True)
    dialogs.texts = ["http://127.0.0.1:9/app/"]  # asked once, remembered for the project
    qtbot.mouseClick(form.editor(("advance", "element")).pick_button, Qt.MouseButton.LeftButton)
    # the step has no page of its own, nor has its guide: the app's address itself (domain/pages.py)
    assert opened == [("http://127.0.0.1:9/app/", "pick")]
    assert window.browser.pending_pick == ("tour", ("steps", 1, "advance", "element"))
    deliver_pick(window, "Done", "done")  # the browser half is in test_ui_flows
    assert window.guide_panel.tree.topLevelItem(0).child(0).text(0) == "Tour"
    step = reopened(project_file, "tour").steps[1]
    assert step.title == "All done!"
    assert step.body == "<p>Read the <strong>guide</strong></p>"
    assert (step.media.src, step.media.alt) == ("https://example.com/a.png", "A chart")
    assert (step.placement.value, step.on_missing.value, step.wait_ms, step.optional) == (
        "bottom",
        "end",
        8000,
        True,
    )
    assert (step.page.match.value, step.page.value) == ("glob", "/settings/*")
    assert [(b.label, b.action.value, b.url) for b in step.buttons] == [
        ("Help", "url", "https://example.com/help")
    ]
    assert step.advance.mode.value == "element" and step.advance.element.fingerprint.name == "Done"


def test_every_guide_field_is_edited_through_its_widget(make_window, project_file: Path, qtbot):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("tip")
    form = window.editor.guide_form
    name = form.editor(("name",)).edit
    name.selectAll()
    qtbot.keyClicks(name, "Billing help")
    assert window.guide_panel.tree.topLevelItem(1).child(0).text(0) == "Billing help"
    qtbot.keyClicks(form.editor(("description",)).edit, "For admins")
    form.editor(("enabled",)).check.setChecked(False)
    assert window.guide_panel.tree.topLevelItem(1).child(0).font(0).italic()  # disabled guides look it
    enabled_row = window.guide_panel.tree.topLevelItem(0).child(
        0
    )  # no fixed colour: readable after a light/dark switch
    assert enabled_row.data(0, Qt.ItemDataRole.ForegroundRole) is None
    starts = form.editor(("trigger", "type")).combo
    starts.setCurrentIndex(starts.findData("automatic"))
    rule = form.editor(("trigger", "url"))
    qtbot.keyClicks(rule.value_edit, "/billing")
    form.editor(("trigger", "delay_ms")).spin.setValue(1500)
    frequency = form.editor(("frequency",)).combo
    frequency.setCurrentIndex(frequency.findData("always"))
    form.editor(("priority",)).spin.setValue(90)
    form.editor(("schedule", "start_at")).enabled.setChecked(True)
    audience = form.editor(("audience",))
    qtbot.mouseClick(audience.add_button, Qt.MouseButton.LeftButton)
    op = audience.grid.itemAtPosition(0, 1).widget()
    op.setCurrentIndex(op.findData("one_of"))
    qtbot.keyClicks(audience.grid.itemAtPosition(0, 2).widget(), "pro, team")
    show_on = form.editor(("show_on",)).combo
    show_on.setCurrentIndex(show_on.findData("always"))
    tip = reopened(project_file, "tip")
    assert (tip.name, tip.description, tip.enabled, tip.priority, tip.show_on) == (
        "Billing help",
        "For admins",
        False,
        90,
        "always",
    )
    assert (tip.trigger.type, tip.trigger.url.value, tip.trigger.delay_ms) == ("automatic", "/billing", 1500)
    assert tip.frequency.value == "always" and tip.schedule.start_at is not None
    assert tip.audience.conditions[0].model_dump() == {
        "attribute": "plan",
        "op": "one_of",
        "value": ["pro", "team"],
    }
    # a launcher needs its element: the message sits on the field until one is picked
    starts.setCurrentIndex(starts.findData("launcher"))
    launcher_row = [i for i, s in enumerate(form.specs) if s.label == "Clicked element"][0]
    assert form.messages[launcher_row].text() == "is required"
    window.browser.pending_pick = ("tip", ("trigger", "element"))
    deliver_pick(window, "Help", "help")
    assert reopened(project_file, "tip").trigger.type == "launcher"

    window.select_guide("hello")
    window.actions_["add_step"].trigger()  # a modal has one step: refused in words, nothing changes
    assert window.statusBar().currentMessage() == "A modal has exactly one step"
    assert window.editor.parts.list.count() == 1 and not window.editor.parts.buttons["new"].isVisibleTo(
        window
    )
    form.editor(("close_on_backdrop",)).check.setChecked(False)
    assert reopened(project_file, "hello").close_on_backdrop is False
    assert not form.layout_.isRowVisible(form.specs.index(form.editor(("show_on",)).spec))


def test_checklist_items_and_settings(make_window, project_file: Path, qtbot):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("start")
    guide_form = window.editor.guide_form
    title = guide_form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "First steps")
    position = guide_form.editor(("position",)).combo
    position.setCurrentIndex(position.findData("bottom_left"))
    guide_form.editor(("dismissible",)).check.setChecked(False)
    assert window.editor.tabs.tabText(0) == "Item"
    window.actions_["add_step"].trigger()
    form = window.editor.item_form
    assert form.title.text() == "Item 2 of 2"
    task = form.editor(("title",)).edit
    task.selectAll()
    qtbot.keyClicks(task, "Invite a colleague")
    action = form.editor(("action",)).combo
    action.setCurrentIndex(action.findData("start_guide"))
    guide = form.editor(("guide_id",)).combo
    guide.setCurrentIndex(guide.findData("hello"))
    done = form.editor(("complete_when",)).combo
    done.setCurrentIndex(done.findData("event"))
    qtbot.keyClicks(form.editor(("event",)).edit, "invited")
    checklist = reopened(project_file, "start")
    assert (checklist.title, checklist.position, checklist.dismissible) == (
        "First steps",
        "bottom_left",
        False,
    )
    item = checklist.items[1]
    assert (item.title, item.action.value, item.guide_id, item.complete_when.value, item.event) == (
        "Invite a colleague",
        "start_guide",
        "hello",
        "event",
        "invited",
    )


def test_reorder_duplicate_delete_with_undo_and_redo(make_window, project_file: Path):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("tour")
    window.actions_["duplicate_step"].trigger()  # a copy of step 1 right after it, selected
    assert window.editor.part == 1
    assert [s.id for s in reopened(project_file, "tour").steps] == ["a", "step-1", "b"]
    model = window.editor.parts.list.model()
    assert model.moveRow(
        model.index(0, 0).parent(), 2, model.index(0, 0).parent(), 0
    )  # a drag of "b" to the top
    QApplication.processEvents()  # the move is applied after the drop, on the next turn of the event loop
    assert [s.id for s in reopened(project_file, "tour").steps] == ["b", "a", "step-1"]
    window.actions_[
        "step_down"
    ].trigger()  # "a" (selected after the drag... of b? no: the moved row) goes down
    moved = [s.id for s in reopened(project_file, "tour").steps]
    window.actions_["delete_step"].trigger()
    after_delete = [s.id for s in reopened(project_file, "tour").steps]
    assert len(after_delete) == 2 and set(after_delete) < set(moved)
    window.guide_panel.tree.setFocus()
    window.actions_["delete_guide"].trigger()
    assert "tour" not in [s.id for s in ProjectStore.open(project_file, readonly=True).guide_summaries()]
    assert window.center.currentWidget() is window.start_page
    history = window.session.history.texts()
    assert history[-1] == "Delete “Tour”" and len(history) == 5
    window.undo()
    assert [s.id for s in reopened(project_file, "tour").steps] == after_delete
    while window.session.history.undo_count > 0:
        window.undo()
    assert [s.id for s in reopened(project_file, "tour").steps] == ["a", "b"]
    window.select_guide("tour")
    assert window.editor.parts.list.count() == 2
    while window.session.history.redo_text is not None:
        window.redo()
    assert "tour" not in [s.id for s in ProjectStore.open(project_file, readonly=True).guide_summaries()]


def test_typing_a_title_is_one_undo_step(make_window, project_file: Path, qtbot):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("hello")
    title = window.editor.step_form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "Welcome aboard")
    assert window.session.history.undo_count == 1
    assert reopened(project_file, "hello").steps[0].title == "Welcome aboard"
    window.actions_["undo"].trigger()
    assert reopened(project_file, "hello").steps[0].title == "Welcome"
    assert title.text() == "Welcome"


def test_theme_and_settings_with_preview_and_undo(make_window, project_file: Path, qtbot):
    window = make_window()
    window.open_project(project_file)
    window.actions_["theme"].trigger()
    dialog = window.theme_dialog
    theme_form = dialog.forms[1]
    color = theme_form.editor(("primary_color",)).edit
    color.selectAll()
    qtbot.keyClicks(color, "#ff00")
    assert theme_form.messages[0].text() == "use a colour code like #2563eb"
    qtbot.keyClicks(color, "88")
    assert dialog.preview.theme["primary_color"] == "#ff0088"
    theme_form.editor(("border_radius",)).spin.setValue(16)
    settings_form = dialog.forms[2]
    qtbot.keyClicks(settings_form.editor(("app_url",)).edit, "https://app.example.com/")
    with ProjectStore.open(project_file, readonly=True) as store:
        project = store.load()
    assert (project.theme.primary_color, project.theme.border_radius) == ("#ff0088", 16)
    assert project.settings.app_url == "https://app.example.com/"
    assert window.session.history.undo_text == "Edit project"
    window.undo()  # the address, typed in one go
    assert settings_form.editor(("app_url",)).edit.text() == ""
    window.undo()
    assert theme_form.editor(("border_radius",)).spin.value() == 8


def test_geometry_and_recent_projects_are_remembered(make_window, project_file: Path, tmp_path: Path):
    first = make_window()
    first.open_project(project_file)
    first.resize(760, 560)  # within the offscreen screen (800×600), which restoreGeometry clamps to
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (760, 560)
    assert [a.text() for a in second.actions_.recent_menu.actions()] == ["sample.gstudio"]
    settings = QSettings(str(tmp_path / "studio-settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("recent") == [str(project_file.resolve())]


def test_an_unfinished_guide_survives_closing_and_comes_back(make_window, project_file: Path, dialogs):
    window = make_window()
    window.open_project(project_file)
    window.guide_work.new_guide("hotspot")  # not valid until its element is picked: not a guide yet
    window.select_guide("tour", 1)
    window.editor.step_form.editor(("advance", "mode")).combo.setCurrentIndex(
        window.editor.step_form.editor(("advance", "mode")).combo.findData("element")
    )
    assert window.close()  # nothing to ask: the unfinished changes are in the file too
    assert dialogs.messages() == []
    again = make_window()
    again.open_project(project_file)
    labels = [
        again.guide_panel.tree.topLevelItem(i).child(j).text(0)
        for i in range(5)
        for j in range(again.guide_panel.tree.topLevelItem(i).childCount())
    ]
    assert "● New hotspot 1 (not saved)" in labels and "● Tour (not saved)" in labels
    again.select_guide("tour", 1)
    assert again.editor.step_form.editor(("advance", "mode")).combo.currentData() == "element"
    again.select_guide("hotspot-1")
    again.guide_work.delete_selected()  # dropping it forgets the kept change as well
    again.close()
    with ProjectStore.open(project_file) as store:
        assert set(store.drafts()) == {"tour"}


def _dumped(guide) -> dict:
    return guide.model_dump(mode="json", exclude_none=True)


def _holds(stored, value) -> bool:
    """``stored`` has ``value`` (plus any defaults the model filled in)."""
    if isinstance(value, dict):
        return isinstance(stored, dict) and all(_holds(stored.get(k), v) for k, v in value.items())
    if isinstance(value, list):
        return isinstance(stored, list) and len(stored) == len(value) and all(map(_holds, stored, value))
    return stored == value


def test_every_field_of_every_form_reaches_the_file(make_window, project_file: Path):
    """Each field spec's editor, through the form's signal, ends up in the project file."""
    from studio.app.draft import get_at
    from studio.app.entry_forms import ENTRY_FIELDS
    from studio.app.forms import GUIDE_FIELDS
    from studio.app.item_forms import ITEM_FIELDS
    from studio.app.step_forms import STEP_FIELDS

    target = make_target("go", "Go").model_dump(mode="json", exclude_none=True)
    rule = {"match": "prefix", "value": "/done"}
    window = make_window()
    window.open_project(project_file)
    window.select_guide("tour", 1)
    step_values = [
        (("title",), "Step title"),
        (("body",), "<p>Body</p>"),
        (("media",), {"kind": "video", "src": "https://example.com/v.mp4", "alt": "A demo"}),
        (("target",), target),
        (("page",), {"match": "exact", "value": "/page"}),
        (("placement",), "top"),
        (("advance", "mode"), "url"),
        (("advance", "url"), rule),
        (("advance", "mode"), "element"),
        (("advance", "element"), target),
        (("advance", "mode"), "input"),
        (("advance", "sample_input"), "Acme"),
        (("buttons",), [{"label": "Go", "action": "start_guide", "guide_id": "hello", "primary": True}]),
        (("on_missing",), "center"),
        (("wait_ms",), 1500),
        (("optional",), True),
    ]
    for path, value in step_values:
        window.editor.step_form.editor(path).edited.emit(value)
    step = _dumped(reopened(project_file, "tour").steps[1])
    assert {f.path for f in STEP_FIELDS} == {p for p, _ in step_values}
    for path, value in step_values:
        if path not in (("advance", "mode"), ("advance", "url"), ("advance", "element")):
            assert _holds(get_at(step, path), value), path
    assert step["advance"] == {"mode": "input", "sample_input": "Acme"}

    guide_values = [
        (("name",), "Tour 2"),
        (("description",), "Notes"),
        (("enabled",), False),
        (("trigger", "type"), "automatic"),
        (("trigger", "url"), rule),
        (("trigger", "element"), target),
        (("trigger", "delay_ms"), 250),
        (("frequency",), "once_per_session"),
        (("priority",), 70),
        (("schedule", "start_at"), "2026-12-01T09:00:00Z"),
        (("schedule", "end_at"), "2027-01-01T09:00:00Z"),
        (
            ("audience",),
            {"match": "any", "conditions": [{"attribute": "seats", "op": "greater_than", "value": 5.0}]},
        ),
    ]
    for path, value in guide_values:
        window.editor.guide_form.editor(path).edited.emit(value)
    tour = _dumped(reopened(project_file, "tour"))
    for path, value in guide_values:
        assert _holds(get_at(tour, path), value), path
    window.select_guide("tip")
    window.editor.guide_form.editor(("show_on",)).edited.emit("always")
    window.select_guide("hello")
    window.editor.guide_form.editor(("close_on_backdrop",)).edited.emit(False)
    window.select_guide("start")
    for path, value in ((("title",), "Begin"), (("position",), "bottom_left"), (("dismissible",), False)):
        window.editor.guide_form.editor(path).edited.emit(value)
    assert reopened(project_file, "tip").show_on == "always"
    assert reopened(project_file, "hello").close_on_backdrop is False
    start = reopened(project_file, "start")
    assert (start.title, start.position, start.dismissible) == ("Begin", "bottom_left", False)
    covered = {p for p, _ in guide_values} | {
        ("show_on",),
        ("close_on_backdrop",),
        ("title",),
        ("position",),
        ("dismissible",),
        ("edge",),
        ("cover_header",),
        ("push",),
        ("sample_percent",),
        ("snooze_days",),
        ("reask_days",),
        ("thank_you", "title"),
        ("thank_you", "body"),
        ("guide_id",),
        ("style",),
        ("icon",),
        ("corner",),
        ("date",),
        ("search",),
        ("announcements",),
    }
    assert {f.path for f in GUIDE_FIELDS} == covered

    item_values = [
        (("title",), "Task"),
        (("description",), "Details"),
        (("action",), "open_url"),
        (("url",), "https://example.com/start"),
        (("complete_when",), "url"),
        (("complete_url",), rule),
        (("complete_when",), "element"),
        (("element",), target),
        (("complete_when",), "event"),
        (("event",), "started"),
        (("action",), "start_guide"),
        (("guide_id",), "hello"),
    ]
    for path, value in item_values:
        window.editor.item_form.editor(path).edited.emit(value)
    item = _dumped(reopened(project_file, "start").items[0])
    assert {f.path for f in ITEM_FIELDS} == {p for p, _ in item_values}
    assert {k: item[k] for k in ("title", "description", "action", "guide_id", "complete_when", "event")} == {
        "title": "Task",
        "description": "Details",
        "action": "start_guide",
        "guide_id": "hello",
        "complete_when": "event",
        "event": "started",
    }

    window.select_guide("notice")
    for path, value in ((("edge",), "top"), (("cover_header",), True), (("push",), False)):
        window.editor.guide_form.editor(path).edited.emit(value)
    window.editor.guide_form.editor(("edge",)).edited.emit("bottom")
    notice = reopened(project_file, "notice")
    assert (notice.edge, notice.cover_header, notice.push) == ("bottom", True, False)

    window.select_guide("pulse")
    survey_values = [
        (("position",), "center"),
        (("sample_percent",), 25),
        (("snooze_days",), 3),
        (("reask_days",), 60),
        (("thank_you", "title"), "Merci"),
        (("thank_you", "body"), "<p>See you</p>"),
    ]
    for path, value in survey_values:
        window.editor.guide_form.editor(path).edited.emit(value)
    pulse = reopened(project_file, "pulse")
    assert (pulse.position, pulse.sample_percent, pulse.snooze_days, pulse.reask_days) == (
        "center",
        25,
        3,
        60,
    )
    assert (pulse.thank_you.title, pulse.thank_you.body) == ("Merci", "<p>See you</p>")
    window.editor.guide_form.editor(("reask_days",)).edited.emit(None)
    assert reopened(project_file, "pulse").reask_days is None
    window.select_guide("help")
    launcher_values = (
        (("guide_id",), "tour"),
        (("style",), "icon"),
        (("icon",), "star"),
        (("corner",), "top_left"),
    )
    for path, value in launcher_values:
        window.editor.guide_form.editor(path).edited.emit(value)
    help_launcher = reopened(project_file, "help")
    assert (help_launcher.guide_id, help_launcher.style, help_launcher.icon, help_launcher.corner) == (
        "tour",
        "icon",
        "star",
        "top_left",
    )

    window.select_guide("center")
    assert window.editor.parts.title.text() == "Entries"  # not "Entrys"
    for path, value in ((("title",), "Support"), (("search",), False), (("announcements",), False)):
        window.editor.guide_form.editor(path).edited.emit(value)
    entry_values = [
        (("section",), "Basics"),
        (("title",), "Read me"),
        (("text",), "A short read"),
        (("action",), "open_url"),
        (("url",), "https://example.com/help"),
        (
            ("audience",),
            {"match": "all", "conditions": [{"attribute": "plan", "op": "equals", "value": "pro"}]},
        ),
        (("pages",), rule),
        (("action",), "article"),
        (("body",), "<p>Hello</p>"),
        (("action",), "start_guide"),
        (("guide_id",), "hello"),
    ]
    for path, value in entry_values:
        window.editor.entry_form.editor(path).edited.emit(value)
    assert {f.path for f in ENTRY_FIELDS} == {p for p, _ in entry_values}
    support = reopened(project_file, "center")
    entry = _dumped(support.entries[0])
    assert (support.title, support.search, support.announcements) == ("Support", False, False)
    assert {k: entry[k] for k in ("section", "title", "text", "action", "guide_id")} == {
        "section": "Basics",
        "title": "Read me",
        "text": "A short read",
        "action": "start_guide",
        "guide_id": "hello",
    }
    assert _holds(entry["pages"], rule) and entry["audience"]["conditions"][0]["value"] == "pro"
    window.select_guide("whats-new")
    shown = [
        spec.path
        for spec in window.editor.step_form.specs
        if window.editor.step_form.editor(spec.path).isVisibleTo(window)
    ]
    assert ("buttons",) not in shown and ("body",) in shown  # an announcement has a text, no buttons
    window.editor.guide_form.editor(("date",)).edited.emit("2027-01-15")
    assert str(reopened(project_file, "whats-new").date) == "2027-01-15"


def test_every_theme_and_setting_field_reaches_the_file(make_window, project_file: Path):
    from studio.app.project_forms import SETTINGS_FIELDS, THEME_FIELDS

    window = make_window()
    window.open_project(project_file)
    window.actions_["theme"].trigger()
    dialog = window.theme_dialog
    theme = {
        "primary_color": "#112233",
        "text_color": "#445566",
        "background_color": "#fafafa",
        "font_family": "Inter, sans-serif",
        "border_radius": 4,
        "backdrop_opacity": 30,
    }
    settings = {
        "app_url": "https://app.example.com/",
        "redact_inputs": False,
        "pacing": {"cooldown_hours": 12},
    }
    assert {f.path[0] for f in THEME_FIELDS} == set(theme) and {f.path[0] for f in SETTINGS_FIELDS} == set(
        settings
    )
    dialog.forms[0].editor(("name",)).edited.emit("Renamed project")
    for key, value in theme.items():
        dialog.forms[1].editor((key,)).edited.emit(value)
    for key, value in settings.items():
        if isinstance(value, dict):
            for inner, number in value.items():
                dialog.forms[2].editor((key, inner)).edited.emit(number)
        else:
            dialog.forms[2].editor((key,)).edited.emit(value)
    with ProjectStore.open(project_file, readonly=True) as store:
        project = store.header()
    assert project.name == "Renamed project"
    assert window.windowTitle() == "Renamed project — Guide Studio"
    assert project.theme.model_dump(include=set(theme)) == theme
    assert project.settings.model_dump() == settings
    assert window.app_label.text() == "App: https://app.example.com/"
    assert dialog.preview.theme["primary_color"] == "#112233"


def test_one_project_file_is_edited_in_one_window_at_a_time(make_window, project_file: Path, dialogs):
    first = make_window()
    assert first.open_project(project_file)
    assert first.open_project(project_file)  # re-opening the same file is a no-op, not a conflict
    second = make_window()
    assert not second.open_project(project_file)
    assert dialogs.messages("warning") == [
        "sample.gstudio is open in another Guide Studio window; edit it there (or close that one first)"
    ]
    first.close()
    assert second.open_project(project_file)
    second.close()
    assert not project_file.with_name("sample.gstudio.lock").exists()


def test_a_save_the_file_refuses_is_kept_and_said_not_lost(
    make_window, project_file: Path, qtbot, monkeypatch
):
    from studio.store import ProjectFileError

    window = make_window()
    window.open_project(project_file)
    window.select_guide("hello")

    def refuse(*_args, **_kwargs):
        raise ProjectFileError("sample.gstudio: the disk is full")

    original = window.session.store.put_guide
    monkeypatch.setattr(window.session.store, "put_guide", refuse)
    title = window.editor.step_form.editor(("title",)).edit
    title.selectAll()
    qtbot.keyClicks(title, "Hi")
    assert window.session.history.undo_count == 0  # nothing claims to be saved
    assert window.editor.step_form.general.text() == "" and "not saved: sample.gstudio: the disk is full" in (
        window.editor.guide_form.general.text()
    )
    assert window.guide_panel.tree.topLevelItem(3).child(0).text(0) == "● Hello (not saved)"
    monkeypatch.setattr(
        window.session.store, "put_guide", original
    )  # room again: the next keystroke saves it all
    qtbot.keyClicks(title, "!")
    assert reopened(project_file, "hello").steps[0].title == "Hi!"
    assert window.guide_panel.tree.topLevelItem(3).child(0).text(0) == "Hello"


def test_every_action_has_a_shortcut_and_a_tooltip(make_window):
    window = make_window()
    without_keys = {"about"}  # Help › About needs none
    for name, action in window.actions_.by_name.items():
        assert action.toolTip(), name
        if name not in without_keys:
            assert not action.shortcut().isEmpty(), name


def test_every_control_has_an_accessible_name(make_window, project_file: Path):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QTreeWidget,
    )

    window = make_window()
    window.open_project(project_file)
    unnamed = []
    for guide_id in ("tour", "tip", "spot", "hello", "start", "notice"):
        window.select_guide(guide_id)
        for kind in (
            QLineEdit,
            QComboBox,
            QAbstractSpinBox,
            QPlainTextEdit,
            QTextEdit,
            QTreeWidget,
            QAbstractButton,
        ):
            for widget in window.findChildren(kind):
                if not widget.isVisibleTo(window) or widget.parent().inherits("QAbstractSpinBox"):
                    continue
                text = widget.text() if isinstance(widget, QAbstractButton) else ""
                if not (widget.accessibleName() or text.strip()):
                    unnamed.append(f"{guide_id}: {type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_duplicate_guide_from_the_list(make_window, project_file: Path):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("spot")
    window.actions_["duplicate_guide"].trigger()
    assert window.guide_id == "spot-copy"
    assert window.guide_panel.tree.topLevelItem(2).text(0) == "Hotspots (2)"
    assert reopened(project_file, "spot-copy").name == "Spot (copy)"


def test_an_unexpected_error_is_a_message_and_a_log_entry(qapp, tmp_path: Path, dialogs):
    from studio.ui.errors import ErrorReporter

    reporter = ErrorReporter(tmp_path / "logs" / "studio.log")
    try:
        raise RuntimeError("the widget fell over\nsecond line")
    except RuntimeError as exc:
        reporter(type(exc), exc, exc.__traceback__)
    log = (tmp_path / "logs" / "studio.log").read_text()
    assert "Traceback" in log and "the widget fell over" in log
    assert dialogs.messages("warning") == [
        "the widget fell over (RuntimeError). Your work is saved; you can carry on. "
        f"Details are in {tmp_path / 'logs' / 'studio.log'}."
    ]


def test_guides_move_within_their_kind_with_undo(make_window, project_file: Path):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("spot")
    window.guide_work.new_guide("walkthrough")  # a second walkthrough, saved at the end of the list
    window.actions_["guide_up"].trigger()  # above "tour", the other walkthrough
    with ProjectStore.open(project_file, readonly=True) as store:
        assert [s.id for s in store.guide_summaries()][:2] == ["walkthrough-1", "tour"]
    walkthroughs = window.guide_panel.tree.topLevelItem(0)
    assert [walkthroughs.child(i).text(0) for i in range(2)] == ["New walkthrough 1", "Tour"]
    assert window.guide_id == "walkthrough-1"
    window.actions_["guide_up"].trigger()  # already first of its kind: nothing happens
    window.undo()
    with ProjectStore.open(project_file, readonly=True) as store:
        assert [s.id for s in store.guide_summaries()][0] == "tour"
