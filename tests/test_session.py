"""The project session without a display: drafts, inline problems, parts, undo, project settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.app import ProjectSession
from studio.app.draft import get_at, set_at, tidy
from studio.app.forms import GUIDE_FIELDS
from studio.app.item_forms import ITEM_FIELDS
from studio.app.step_forms import STEP_FIELDS
from studio.domain import GUIDE_KINDS
from studio.recorder.events import Capture
from studio.store import ProjectStore

from .samples import make_target


@pytest.fixture
def studio(project_file: Path):
    store = ProjectStore.open(project_file)
    yield ProjectSession(store)
    store.close()


def on_disk(path: Path, guide_id: str):
    with ProjectStore.open(path, readonly=True) as store:
        return store.get_guide(guide_id)


def capture(kind="pick", name="Save", testid="save") -> Capture:
    return Capture(
        kind, "http://x/settings", make_target(testid, name), "button", name, 0.9, thumbnail=b"png"
    )


def test_a_new_guide_of_each_kind_is_saved_unless_it_needs_an_element(studio, project_file):
    for kind in GUIDE_KINDS:
        draft = studio.guides.new_guide(kind)
        needs_element = kind in ("tooltip", "hotspot")
        assert draft.valid is not needs_element, (kind, draft.errors)
        row = next(r for r in studio.guides.listing() if r.id == draft.id)
        if needs_element:
            assert row.problem == f"step 1, target: a {kind} is attached to an element; pick one"
            assert studio.guides.apply_pick(draft.id, ("steps", 0, "target"), capture())
            assert studio.store.step_image(draft.id, "step-1") == b"png"
        assert on_disk(project_file, draft.id).kind == kind
    ids = [r.id for r in studio.guides.listing()]
    assert "walkthrough-1" in ids and "checklist-1" in ids


def test_an_invalid_change_is_kept_with_its_message_on_the_field_and_nothing_saved(studio, project_file):
    draft = studio.guides.draft("tour")
    assert draft.set(("steps", 1, "advance", "mode"), "element") is False
    placed, general = draft.problems(("steps", 1), [f.path for f in STEP_FIELDS])
    assert placed == {("advance", "mode"): "choose the element whose appearance moves the guide on"}
    assert general == []
    assert on_disk(project_file, "tour").steps[1].advance.mode == "next"
    assert [r for r in studio.guides.unsaved()] == [draft]
    # choosing the element makes it valid, and it is saved
    assert studio.guides.apply_pick("tour", ("steps", 1, "advance", "element"), capture(name="Done"))
    assert on_disk(project_file, "tour").steps[1].advance.mode == "element"
    # switching back drops the element instead of refusing to save
    assert draft.set(("steps", 1, "advance", "mode"), "next")
    assert on_disk(project_file, "tour").steps[1].advance.element is None


def test_messages_are_in_words_and_placed_on_guide_fields(studio):
    draft = studio.guides.draft("tour")
    assert not draft.set(("name",), "  ")
    placed, _ = draft.problems((), [f.path for f in GUIDE_FIELDS])
    assert placed == {("name",): "cannot be empty"}
    draft.set(("name",), "x" * 201)
    assert draft.problems((), [("name",)])[0] == {("name",): "is too long (at most 200 characters)"}
    assert not draft.set(("trigger", "type"), "automatic") or True
    draft.set(("name",), "Tour")
    assert not draft.set(("trigger", "url"), {"match": "prefix", "value": "/a*"})
    placed, _ = draft.problems((), [f.path for f in GUIDE_FIELDS])
    assert "only works in a glob rule" in placed[("trigger", "url")]
    assert draft.first_problem().startswith("trigger, url")


def test_switching_a_trigger_keeps_only_what_applies():
    data = {"trigger": {"type": "automatic", "url": {"value": "/x"}, "delay_ms": 5}, "steps": []}
    assert tidy(set_at(data, ("trigger", "type"), "launcher"))["trigger"] == {"type": "launcher"}
    assert tidy(set_at(data, ("trigger", "type"), "manual"))["trigger"] == {"type": "manual"}
    assert get_at(data, ("trigger", "url", "value")) == "/x"
    assert get_at(data, ("steps", 3, "x"), "none") == "none"


def test_typing_in_one_field_undoes_as_one_edit_and_parts_undo_and_redo(studio, project_file):
    draft = studio.guides.draft("tour")
    for text in ("C", "Cl", "Cli", "Click Save now"):
        assert draft.set(("steps", 0, "title"), text)
    assert on_disk(project_file, "tour").steps[0].title == "Click Save now"
    studio.undo()
    assert on_disk(project_file, "tour").steps[0].title == "Click save"
    assert draft.value(("steps", 0, "title")) == "Click save"  # the open draft follows undo

    copy_index = studio.guides.duplicate_part("tour", 0)
    assert [s.id for s in on_disk(project_file, "tour").steps] == ["a", "step-1", "b"] and copy_index == 1
    draft.move_part(2, 0)
    assert [s.id for s in on_disk(project_file, "tour").steps] == ["b", "a", "step-1"]
    assert draft.delete_part(1)
    assert [s.id for s in on_disk(project_file, "tour").steps] == ["b", "step-1"]
    studio.undo()
    studio.undo()
    assert [s.id for s in on_disk(project_file, "tour").steps] == ["a", "step-1", "b"]
    studio.redo()
    assert [p["id"] for p in draft.parts] == ["b", "a", "step-1"]


def test_the_last_step_cannot_be_deleted_and_checklist_items_are_parts(studio, project_file):
    modal = studio.guides.draft("hello")
    assert not modal.delete_part(0)
    checklist = studio.guides.draft("start")
    index = checklist.add_part()
    assert checklist.set(("items", index, "action"), "open_url") is False
    placed, general = checklist.problems(("items", index), [f.path for f in ITEM_FIELDS])
    assert placed == {} and general == ["give the address this item opens (and only then)"]
    assert checklist.set(("items", index, "url"), "https://example.com/help")
    assert on_disk(project_file, "start").items[1].url == "https://example.com/help"


def test_deleting_a_new_unsaved_guide_drops_it_and_a_saved_one_can_be_undone(studio, project_file):
    tip = studio.guides.new_guide("tooltip")
    studio.guides.delete(tip.id)
    assert tip.id not in [r.id for r in studio.guides.listing()]
    studio.guides.delete("hello")
    assert "hello" not in [r.id for r in studio.guides.listing()]
    studio.undo()
    assert "hello" in [r.id for r in studio.guides.listing()]


def test_recorded_steps_append_through_the_history(studio, project_file):
    studio.guides.add_capture("rec", "Recorded", capture("click", "Save"))
    studio.guides.add_capture("rec", "Recorded", capture("click", "Close", "close"))
    assert [s.title for s in on_disk(project_file, "rec").steps] == ["Click Save", "Click Close"]
    studio.undo()
    assert [s.title for s in on_disk(project_file, "rec").steps] == ["Click Save"]


def test_project_theme_and_settings_are_checked_and_undoable(studio, project_file):
    assert studio.set_project_value(("theme", "primary_color"), "#ff0000") is None
    assert studio.project().theme.primary_color == "#ff0000"
    problem = studio.set_project_value(("theme", "primary_color"), "red")
    assert problem and "primary color" in problem
    assert studio.set_project_value(("settings", "app_url"), "javascript:alert(1)").endswith(
        "(not javascript:)"
    )
    studio.undo()
    assert studio.project_value(("theme", "primary_color")) == "#2563eb"


def test_unfinished_changes_are_kept_in_the_file_until_they_are_valid(project_file):
    with ProjectStore.open(project_file) as store:
        studio = ProjectSession(store)
        tip = studio.guides.new_guide("tooltip")
        studio.guides.draft("tour").set(("steps", 1, "advance", "mode"), "url")
    with ProjectStore.open(project_file) as store:  # as after a crash: a new studio on the file
        studio = ProjectSession(store)
        assert {r.id: r.problem for r in studio.guides.listing() if r.problem} == {
            "tour": "step 2, advance: give the page address that moves the guide on",
            tip.id: "step 1, target: a tooltip is attached to an element; pick one",
        }
        assert studio.guides.draft("tour").set(
            ("steps", 1, "advance", "url"), {"match": "prefix", "value": "/done"}
        )
        assert set(store.drafts()) == {tip.id}
        studio.guides.delete(tip.id)
        assert store.drafts() == {}
    assert on_disk(project_file, "tour").steps[1].advance.url.value == "/done"


def test_a_damaged_kept_change_is_dropped_not_fatal(project_file):
    with ProjectStore.open(project_file) as store:
        store.put_draft("tour", "{not json")
        store.put_draft("ghost", '{"id": "other", "kind": "walkthrough"}')
        studio = ProjectSession(store)
        assert all(r.problem is None for r in studio.guides.listing())
        assert store.drafts() == {}


def test_a_guide_is_copied_with_its_pictures_and_undone_as_one(studio, project_file):
    studio.store.put_step_images("tour", "a", screenshot=b"\x89PNG s", thumbnail=b"\x89PNG t")
    first = studio.guides.duplicate("tour")
    second = studio.guides.duplicate("tour")
    assert (first.id, second.id) == ("tour-copy", "tour-copy-2")
    copied = on_disk(project_file, "tour-copy")
    assert copied.name == "Tour (copy)" and copied.steps == on_disk(project_file, "tour").steps
    assert studio.store.step_image("tour-copy", "a") == b"\x89PNG t"
    studio.undo()
    assert "tour-copy-2" not in [r.id for r in studio.guides.listing()]


def test_a_recorded_or_picked_guide_starts_on_the_page_it_was_made_on(studio, project_file):
    """Not "only when asked": a guide nobody starts would ship unseen."""
    draft, _ = studio.guides.add_capture("rec", "Recorded", capture("click", "Save"))
    assert on_disk(project_file, "rec").trigger.type == "automatic"
    assert on_disk(project_file, "rec").trigger.url.value == "/settings"
    tip = studio.guides.new_guide("tooltip")
    assert tip.value(("steps", 0, "wait_ms")) == 5000  # the model's default, not an empty 0
    assert studio.guides.apply_pick(tip.id, ("steps", 0, "target"), capture())
    saved = on_disk(project_file, tip.id)
    assert (saved.trigger.type, saved.trigger.url.value) == ("automatic", "/settings")
    walk = studio.guides.new_guide("walkthrough")
    assert studio.guides.apply_pick(walk.id, ("steps", 0, "target"), capture())
    assert on_disk(project_file, walk.id).steps[0].page.value == "/settings"  # picking fills the step's page
    modal = studio.guides.new_guide("modal")
    assert on_disk(project_file, modal.id).trigger.type == "manual"  # nothing was picked: the lint warns


def test_a_pick_never_overrides_a_trigger_the_author_chose(studio, project_file):
    draft = studio.guides.draft("spot")
    draft.set(("trigger", "type"), "launcher")
    assert draft.set(("trigger", "element"), make_target("help", "Help"))
    assert studio.guides.apply_pick("spot", ("steps", 0, "target"), capture())
    assert on_disk(project_file, "spot").trigger.type == "launcher"


def test_recording_into_an_existing_walkthrough_inserts_after_the_chosen_step(studio, project_file):
    _, index = studio.guides.add_capture("tour", "Tour", capture("click", "First"), after=0)
    _, index = studio.guides.add_capture("tour", "Tour", capture("click", "Second", "second"), after=index)
    assert [s.title for s in on_disk(project_file, "tour").steps] == [
        "Click save",
        "Click First",
        "Click Second",
        "Done",
    ]
    _, index = studio.guides.add_capture("tour", "Tour", capture("click", "Zero", "zero"), after=-1)
    assert index == 0 and on_disk(project_file, "tour").steps[0].title == "Click Zero"


def test_a_re_pick_on_another_page_moves_the_page_rule_with_the_element(studio, project_file):
    """The bug a new author met: re-picked on /dashboard, the tooltip still only showed on /index."""
    tip = studio.guides.new_guide("tooltip")
    studio.guides.apply_pick(tip.id, ("steps", 0, "target"), capture())
    moved = Capture(
        "pick", "http://x/dashboard", make_target("new", "New invoice"), "button", "New invoice", 0.9
    )
    assert studio.guides.apply_pick(tip.id, ("steps", 0, "target"), moved)
    assert on_disk(project_file, tip.id).trigger.url.value == "/dashboard"
    draft = studio.guides.draft(tip.id)
    assert draft.set(("trigger", "url"), {"match": "prefix", "value": "/"})  # the author's own, wider rule …
    assert studio.guides.apply_pick(tip.id, ("steps", 0, "target"), capture())
    assert on_disk(project_file, tip.id).trigger.url.value == "/"  # … stays while it still matches
