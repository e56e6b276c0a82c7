"""One undo history: every kind of change, undone and redone, leaves the project file exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studio.app import MoveGuide, ProjectSession, SaveGuide
from studio.domain import Modal, Step
from studio.recorder.events import Capture

from .samples import make_target


def file_rows(path: Path) -> tuple:
    """Every guide row and every picture row of the file, byte for byte (a second connection)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        guides = conn.execute(
            "SELECT id, kind, name, position, enabled, data FROM guide ORDER BY position"
        ).fetchall()
        pictures = conn.execute(
            "SELECT guide_id, step_id, kind, png FROM step_image ORDER BY 1, 2, 3"
        ).fetchall()
        project = conn.execute("SELECT name, theme, settings FROM project").fetchall()
    return guides, pictures, project


def capture(kind: str = "click", name: str = "Save", png: bytes = b"\x89PNG shot") -> Capture:
    return Capture(
        kind,
        "http://x/settings",
        make_target(name.lower(), name),
        "button",
        name,
        0.9,
        screenshot=png + b" big",
        thumbnail=png + b" small",
    )


@pytest.fixture
def session(project_file: Path):
    opened = ProjectSession.open(project_file)
    opened.store.put_step_images("tour", "a", screenshot=b"\x89PNG a-big", thumbnail=b"\x89PNG a-small")
    opened.store.put_step_images("tip", "t", screenshot=b"\x89PNG t-big", thumbnail=b"\x89PNG t-small")
    yield opened
    opened.close()


CHANGES = {
    "record a step": lambda s: s.guides.add_capture("tour", "Tour", capture()),
    "record a new walkthrough": lambda s: s.guides.add_capture("rec", "Recorded", capture(png=b"\x89PNG r")),
    "pick a step's element": lambda s: s.guides.apply_pick(
        "tip", ("steps", 0, "target"), capture("pick", "Help")
    ),
    "duplicate a step": lambda s: s.guides.duplicate_part("tour", 0),
    "delete a step": lambda s: s.guides.draft("tour").delete_part(0),
    "reorder steps": lambda s: s.guides.draft("tour").move_part(1, 0),
    "duplicate a guide": lambda s: s.guides.duplicate("tour"),
    "delete a guide": lambda s: s.guides.delete("tour"),
    "delete the middle guide": lambda s: s.guides.delete("spot"),
    "move a guide": lambda s: s.history.run(MoveGuide("hello", 3, 0)),
    "new guide": lambda s: s.guides.new_guide("modal"),
    "type a title": lambda s: [
        s.guides.draft("tour").set(("steps", 0, "title"), t) for t in ("C", "Ch", "Chk")
    ],
    "theme": lambda s: s.set_project_value(("theme", "primary_color"), "#112233"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_undo_and_redo_restore_the_file_exactly(session, project_file, change):
    before = file_rows(project_file)
    CHANGES[change](session)
    after = file_rows(project_file)
    assert after != before, "the change must change the file"
    assert session.undo()
    assert file_rows(project_file) == before
    assert session.redo()
    assert file_rows(project_file) == after
    assert session.undo()
    assert file_rows(project_file) == before


def test_pictures_travel_with_recorded_steps_and_deleted_guides(session, project_file):
    draft, index = session.guides.add_capture("tour", "Tour", capture(png=b"\x89PNG new"))
    step_id = draft.parts[index]["id"]
    assert session.store.step_image("tour", step_id, "screenshot") == b"\x89PNG new big"
    session.undo()
    assert session.store.step_image("tour", step_id) is None
    session.redo()  # the step is back with its thumbnail, byte for byte
    assert session.store.step_image("tour", step_id) == b"\x89PNG new small"
    session.guides.delete("tour")
    assert session.store.pictures("tour") == {}
    session.undo()
    assert session.store.step_image("tour", "a") == b"\x89PNG a-small"
    assert [s.id for s in session.store.guide_summaries()][0] == "tour"  # back in its place


def test_saving_a_guide_never_drops_pictures_by_itself(session):
    tour = session.store.get_guide("tour")
    session.store.put_guide(tour.model_copy(update={"steps": tour.steps[1:]}))
    assert session.store.step_image("tour", "a") == b"\x89PNG a-small"


def test_undo_of_a_delete_returns_each_guide_to_its_exact_place(session):
    order = [s.id for s in session.store.guide_summaries()]
    for guide_id in ("spot", "tour", "start"):
        session.guides.delete(guide_id)
    for _ in range(3):
        session.undo()
    assert [s.id for s in session.store.guide_summaries()] == order


def test_a_failed_save_leaves_no_undo_entry(session, monkeypatch):
    def refuse(*_a, **_k):
        from studio.store import ProjectFileError

        raise ProjectFileError("sample.gstudio: database or disk is full")

    monkeypatch.setattr(session.store, "put_guide", refuse)
    count = session.history.undo_count
    draft = session.guides.draft("tour")
    assert draft.set(("name",), "Renamed") is False and draft.first_problem().startswith("not saved")
    assert session.history.undo_count == count


def test_typing_merges_and_a_new_edit_forgets_what_could_be_redone(session):
    seen = []
    session.history.on_change(lambda command, origin: seen.append((command.text, origin)))
    draft = session.guides.draft("tour")
    for text in ("T", "To", "Tou"):
        draft.set(("name",), text)
    assert session.history.undo_count == 1 and session.history.undo_text == "Edit “Tou”"
    session.history.run(SaveGuide(Modal(id="n", name="News", steps=[Step(id="s", title="x")])))
    session.undo()
    assert session.history.redo_text == "Add “News”"
    session.guides.delete("spot")
    assert session.history.redo_text is None
    assert seen[-1] == ("Delete “Spot”", "do") and ("Add “News”", "undo") in seen


def test_a_guide_moves_only_among_its_own_kind(session):
    session.guides.duplicate("tour")  # two walkthroughs: tour, tip, spot, hello, start, tour-copy
    assert not session.guides.move_within_kind("tour", -1)
    assert session.guides.move_within_kind("tour-copy", -1)
    assert [s.id for s in session.store.guide_summaries()][0] == "tour-copy"
    session.undo()
    assert [s.id for s in session.store.guide_summaries()][-1] == "tour-copy"
