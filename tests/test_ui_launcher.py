"""The launcher's step form as a new author sees it: only what a launcher has, in a launcher's words,
and what it says and saves as it is edited."""

from __future__ import annotations

from pathlib import Path

from studio.store import ProjectStore


def reopened(path: Path, guide_id: str):
    with ProjectStore.open(path, readonly=True) as store:
        return store.get_guide(guide_id)


def visible_labels(form) -> list[str]:
    """The labels of the form's rows that are shown, top to bottom."""
    layout = form.layout_
    return [
        layout.itemAt(row, layout.ItemRole.LabelRole).widget().text()
        for row in range(layout.rowCount())
        if layout.isRowVisible(row) and layout.itemAt(row, layout.ItemRole.LabelRole) is not None
    ]


def test_a_launcher_step_asks_for_its_label_and_the_element_it_sits_beside(
    make_window, project_file: Path, qtbot
):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("help", 0)
    form = window.editor.step_form
    labels = visible_labels(form)
    assert labels[:2] == ["Label", "Beside"], labels
    for foreign in ("Title", "Text", "Buttons", "Image or video", "Element", "If the element is missing"):
        assert foreign not in labels, foreign
    beside = form.editor(("target",))
    assert beside.spec.label == "Beside" and beside.label.text() == "None — in its corner"
    label = form.editor(("title",))
    assert label.spec.label == "Label"
    label.edit.selectAll()
    qtbot.keyClicks(label.edit, "Need help?")
    assert reopened(project_file, "help").steps[0].title == "Need help?"

    # on its Guide tab it shows by itself, when asked, or once an element of the app is clicked
    shows = window.editor.guide_form.editor(("trigger", "type"))
    assert shows.spec.label == "Shows"
    assert [shows.combo.itemData(i) for i in range(shows.combo.count())] == [
        "automatic",
        "manual",
        "launcher",
    ]

    # a walkthrough's step keeps its own words
    window.select_guide("tour", 1)
    labels = visible_labels(form)
    assert "Title" in labels and "Element" in labels and "If the element is missing" in labels
    assert "Label" not in labels and "Beside" not in labels
    assert form.editor(("target",)).label.text() == "None — shown centred"

    # a tooltip's missing element is not shown at all: no choice that would not happen
    window.select_guide("tip", 0)
    assert "If the element is missing" not in visible_labels(form)


def test_a_launcher_saved_with_a_click_trigger_says_so(make_window, tmp_path: Path):
    """Walk finding: a launcher shown after a click on the app's element read "by itself on matching pages"."""
    from studio.domain import Launcher, LauncherTrigger, Modal, Project, Step

    from .samples import make_target

    path = tmp_path / "click.gstudio"
    clicked = Launcher(
        id="help",
        name="Help",
        guide_id="hello",
        trigger=LauncherTrigger(element=make_target("menu", "Menu")),
        steps=[Step(id="l", title="Help")],
    )
    project = Project(
        name="P", guides=[Modal(id="hello", name="Hello", steps=[Step(id="m", title="Hi")]), clicked]
    )
    ProjectStore.create(path, project).close()
    window = make_window()
    window.open_project(path)
    window.select_guide("help", 0)
    form = window.editor.guide_form
    shows = form.editor(("trigger", "type"))
    assert shows.combo.currentData() == "launcher"
    assert shows.combo.currentText() == "once the user clicks an element of the app"
    assert "Clicked element" in visible_labels(form) and "On pages" not in visible_labels(form)
    assert reopened(path, "help").trigger.type == "launcher"  # showing it changed nothing


def test_placement_and_the_wait_show_only_with_an_element(make_window, project_file: Path):
    """Walk finding: a launcher fixed in a window corner offered "Placement", which only applies beside an element."""
    window = make_window()
    window.open_project(project_file)
    window.select_guide("help", 0)
    form = window.editor.step_form
    assert "Placement" not in visible_labels(form)  # no element: in its corner
    assert "Wait for the element" not in visible_labels(form)  # nor any element to wait for
    window.editor.edit(("steps", 0, "target"), make_target_data())
    assert "Placement" in visible_labels(form) and "Wait for the element" in visible_labels(form)
    assert reopened(project_file, "help").steps[0].target is not None
    window.select_guide("tip", 0)  # a tooltip always has its element
    assert "Placement" in visible_labels(form)
    window.select_guide("tour", 1)  # a walkthrough step without an element is centred
    assert "Placement" not in visible_labels(form)
    window.select_guide("tour", 0)
    assert "Placement" in visible_labels(form)


def make_target_data() -> dict:
    """A picked element as the form's plain data."""
    from .samples import make_target

    return make_target("beside", "Beside me").model_dump(mode="json", exclude_none=True)
