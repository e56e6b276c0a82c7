"""The survey editor driven like an author would, checked through the project file: questions added,
retyped, reworded, reordered and removed; answers edited; the scale's preview follows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from studio.domain import ChoiceQuestion, NpsQuestion, OpenTextQuestion, RatingQuestion
from studio.store import ProjectStore


def reopened(path: Path):
    with ProjectStore.open(path, readonly=True) as store:
        return store.get_guide("pulse")


def rows(window) -> list[str]:
    return [window.editor.parts.list.item(i).text() for i in range(window.editor.parts.list.count())]


def shown(form, path) -> bool:
    return form.layout_.isRowVisible(form.specs.index(form.editor(path).spec))


def test_a_survey_is_edited_question_by_question(make_window, project_file: Path, qtbot):
    window = make_window()
    window.open_project(project_file)
    window.select_guide("pulse")
    editor = window.editor
    form = editor.question_form
    assert editor.tabs.tabText(0) == "Question" and editor.part_stack.currentIndex() == 2
    assert rows(window) == ["1. How likely are you to recommend us to a friend or colleague?"]
    preview = form.editor(())
    assert preview.label.text() == "Not likely  0 1 2 3 4 5 6 7 8 9 10  Very likely"
    assert shown(form, ("follow_up", "detractor")) and not shown(form, ("options",))

    text = form.editor(("text",)).edit
    text.selectAll()
    qtbot.keyClicks(text, "Would you recommend Ledgerly?")
    qtbot.keyClicks(form.editor(("follow_up", "detractor")).edit, "What went wrong?")
    high = form.editor(("high_label",)).edit
    high.selectAll()
    qtbot.keyClicks(high, "For sure")
    assert preview.label.text().endswith("9 10  For sure")
    nps = reopened(project_file).questions[0]
    assert isinstance(nps, NpsQuestion) and nps.text == "Would you recommend Ledgerly?"
    assert nps.follow_up.detractor == "What went wrong?" and nps.high_label == "For sure"
    assert rows(window) == ["1. Would you recommend Ledgerly?"]

    editor.add_part()  # after the selected question: an open question
    assert editor.part == 1 and rows(window)[1] == "2. New question"
    assert isinstance(reopened(project_file).questions[1], OpenTextQuestion)
    # walk finding: a fresh open question started ticked "Needs an answer"; free text is optional
    assert not form.editor(("required",)).check.isChecked()
    assert reopened(project_file).questions[1].required is False
    assert not any(label.text() for label in form.messages) and not form.general.text()
    form.editor(("type",)).combo.setCurrentIndex(form.editor(("type",)).combo.findData("single_choice"))
    assert shown(form, ("options",)) and shown(form, ("allow_other",)) and not shown(form, ("low_label",))
    assert preview.label.text() == "○ Option 1   ○ Option 2"
    answers = form.editor(("options",))
    qtbot.mouseClick(answers.add_button, Qt.MouseButton.LeftButton)
    first = next(e for e in answers.findChildren(QLineEdit) if e.accessibleName() == "Answer 1")
    first.selectAll()
    qtbot.keyClicks(first, "PDF")
    form.editor(("allow_other",)).check.setChecked(True)
    choice = reopened(project_file).questions[1]
    assert isinstance(choice, ChoiceQuestion) and choice.allow_other
    assert [(o.id, o.label) for o in choice.options] == [
        ("option-1", "PDF"),
        ("option-2", "Option 2"),
        ("option-3", "Option 3"),
    ]
    assert preview.label.text() == "○ PDF   ○ Option 2   ○ Option 3   ○ Other: ____"

    type_box = form.editor(("type",)).combo
    type_box.setCurrentIndex(type_box.findData("rating"))
    assert shown(form, ("scale",)) and not shown(form, ("options",))
    form.editor(("scale",)).spin.setValue(7)
    rating_style = next(
        e for e in form.editors if e.spec.path == ("style",) and "numbers" in dict(e.spec.choices)
    )
    rating_style.combo.setCurrentIndex(rating_style.combo.findData("numbers"))
    assert preview.label.text() == "1 2 3 4 5 6 7"
    rating = reopened(project_file).questions[1]
    assert isinstance(rating, RatingQuestion) and (rating.scale, rating.style) == (7, "numbers")
    assert not hasattr(rating, "options")  # what belonged to the choice went with it

    editor.move_part(1, 0)
    assert [q.id for q in reopened(project_file).questions] == ["question-1", "nps"]
    assert rows(window)[0] == "1. New question" and editor.part == 0
    editor.delete_part()
    assert [q.id for q in reopened(project_file).questions] == ["nps"]
    editor.delete_part()  # the last question stays
    assert len(reopened(project_file).questions) == 1
    assert "at least one question" in window.statusBar().currentMessage()
