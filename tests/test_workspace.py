"""The Qt-free application layer: every edit saved at once, undo and redo across all of them."""

from __future__ import annotations

from pathlib import Path

from studio.app import Workspace
from studio.domain import Modal, Step, Theme
from studio.store import ProjectStore


def ids(store: ProjectStore) -> list[str]:
    return [s.id for s in store.guide_summaries()]


def reopened(path: Path) -> ProjectStore:
    return ProjectStore.open(path, readonly=True)


def test_edits_undo_and_redo_and_every_state_is_on_disk(project_file: Path):
    store = ProjectStore.open(project_file)
    work = Workspace(store)
    seen = []
    work.on_change(lambda command: seen.append(command.text))
    start = ids(store)

    work.save_guide(Modal(id="news", name="News", steps=[Step(id="n", title="What's new")]))
    tip = store.get_guide("tip")
    work.save_guide(tip.model_copy(update={"name": "Better tip"}))
    work.move_guide("news", 0)
    work.delete_guide("spot")
    work.set_project(name="Renamed", theme=Theme(primary_color="#123456"))
    with reopened(project_file) as other:  # nothing waits for a "save"
        assert ids(other) == ["news", "tour", "tip", "hello", "start"]
        assert other.load().name == "Renamed" and other.get_guide("tip").name == "Better tip"
    assert seen == ["Add “News”", "Edit “Better tip”", "Reorder guides", "Delete “Spot”", "Edit project"]
    assert work.undo_text == "Edit project"

    for _ in range(5):
        work.undo()
    assert work.undo() is None and work.redo_text == "Add “News”"
    with reopened(project_file) as other:
        assert ids(other) == start and other.get_guide("tip").name == "Tip" and other.load().name == "Sample"
        assert other.get_guide("spot").steps[0].title == "New"

    work.redo()
    work.redo()
    assert ids(store) == [*start, "news"] and store.get_guide("tip").name == "Better tip"
    work.delete_guide("tour")  # a new edit forgets what could be redone
    assert work.redo() is None and work.redo_text is None
    work.undo()
    assert ids(store) == [*start, "news"]
    store.close()


def test_saving_an_unchanged_guide_records_nothing(project_file: Path):
    with ProjectStore.open(project_file) as store:
        work = Workspace(store)
        work.save_guide(store.get_guide("tour"))
        work.move_guide("tour", 0)
        assert work.undo_text is None
