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

    # on its Guide tab it shows by itself or when asked; "when the user clicks an element" is for other kinds
    shows = window.editor.guide_form.editor(("trigger", "type"))
    assert shows.spec.label == "Shows"
    assert [shows.combo.itemData(i) for i in range(shows.combo.count())] == ["automatic", "manual"]

    # a walkthrough's step keeps its own words
    window.select_guide("tour", 1)
    labels = visible_labels(form)
    assert "Title" in labels and "Element" in labels and "If the element is missing" in labels
    assert "Label" not in labels and "Beside" not in labels
    assert form.editor(("target",)).label.text() == "None — shown centred"

    # a tooltip's missing element is not shown at all: no choice that would not happen
    window.select_guide("tip", 0)
    assert "If the element is missing" not in visible_labels(form)
