"""The guide model: validation with messages an author understands."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from studio.domain import (
    GUIDE_KINDS,
    Advance,
    AudienceRule,
    Button,
    Checklist,
    ChecklistItem,
    Condition,
    Guide,
    Media,
    Modal,
    Project,
    Schedule,
    Step,
    Target,
    Theme,
    Tooltip,
    UrlRule,
    Walkthrough,
    describe_errors,
    first_error,
)

from .samples import make_target, one_of_each_kind

GUIDE = TypeAdapter(Guide)


def error_of(callable_, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as info:
        callable_(*args, **kwargs)
    return first_error(info.value)


def test_every_kind_round_trips_through_json():
    for guide in one_of_each_kind():
        again = GUIDE.validate_json(guide.model_dump_json(by_alias=True))
        assert again == guide
        assert again.kind in GUIDE_KINDS


def test_json_uses_camel_case_and_accepts_snake_case_input():
    step = Step(id="s", title="t", wait_ms=100, on_missing="end")
    data = step.model_dump(by_alias=True)
    assert data["waitMs"] == 100 and data["onMissing"] == "end"
    assert Step.model_validate(data) == step


def test_unknown_fields_are_refused():
    message = error_of(Step.model_validate, {"id": "s", "title": "t", "colour": "red"})
    assert "colour: is not a known setting" in message


def test_step_needs_some_content():
    assert "needs a title, some text or an image" in error_of(Step, id="s")


def test_click_advance_needs_a_target():
    message = error_of(Step, id="s", title="t", advance=Advance(mode="click"))
    assert "needs an element" in message


def test_element_and_url_advance_need_their_subject():
    assert "choose the element" in error_of(Advance, mode="element")
    assert "page address" in error_of(Advance, mode="url")
    assert Advance(mode="url", url=UrlRule(value="/done")).url.value == "/done"


def test_ids_are_slugs():
    message = error_of(Step, id="Bad Id!", title="t")
    assert "lower-case letters" in message


def test_single_step_kinds():
    step = Step(id="s", title="t")
    assert "pick one" in error_of(Tooltip, id="t", name="T", steps=[step])
    assert "exactly one step" in error_of(
        Tooltip, id="t", name="T", steps=[step.model_copy(update={"target": make_target()})] * 2
    )
    assert "no element" in error_of(
        Modal, id="m", name="M", steps=[step.model_copy(update={"target": make_target()})]
    )


def test_duplicate_step_ids_are_named():
    step = Step(id="same", title="t")
    assert "reuses the id 'same'" in error_of(Walkthrough, id="w", name="W", steps=[step, step])


def test_hostile_links_are_refused():
    for url in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.example/x",
        "vbscript:x",
        "https://ok.example/\nx",
    ):
        with pytest.raises(ValidationError):
            Button(label="Go", action="url", url=url)
    assert Button(label="Go", action="url", url="/relative").url == "/relative"
    assert Media(src="https://cdn.example/a.png", alt="A chart").src.startswith("https")


def test_images_need_alt_text():
    assert "alt text" in error_of(Media, src="/a.png")


def test_buttons_and_items_need_their_subject():
    assert "needs an address" in error_of(Button, label="Go", action="url")
    assert "guide to start" in error_of(Button, label="Go", action="start_guide")
    assert "event name" in error_of(ChecklistItem, id="i", title="T", complete_when="event")
    assert "needs the item to start a guide" in error_of(
        ChecklistItem, id="i", title="T", complete_when="guide_completed"
    )


def test_checklist_cannot_start_itself():
    item = ChecklistItem(id="i", title="Me", action="start_guide", guide_id="list")
    assert "starts its own checklist" in error_of(Checklist, id="list", name="L", title="L", items=[item])


def test_target_must_be_findable():
    assert "at least one selector" in error_of(Target)


@pytest.mark.parametrize(
    ("rule", "url", "expected"),
    [
        (UrlRule(match="exact", value="/settings"), "https://app.example/settings/", True),
        (UrlRule(match="exact", value="/settings"), "https://app.example/settings/x", False),
        (UrlRule(match="prefix", value="/reports"), "http://127.0.0.1:8765/reports/revenue?x=1", True),
        (UrlRule(match="glob", value="/reports/*"), "http://h/reports/revenue", True),
        (UrlRule(match="glob", value="/reports/*"), "http://h/reports/a/b", False),
        (UrlRule(match="glob", value="/reports/**"), "http://h/reports/a/b", True),
        (UrlRule(match="regex", value=r"^/customers/\d+$"), "http://h/customers/42", True),
        (UrlRule(match="exact", value="/app?tab=2", with_query=True), "http://h/app?tab=2", True),
        (UrlRule(match="exact", value="/app"), "http://h/app?tab=2", True),
        (UrlRule(match="prefix", value="https://app.example/"), "https://app.example/x", True),
        (UrlRule(match="prefix", value="https://app.example/"), "https://evil.example/x", False),
    ],
)
def test_url_rules(rule, url, expected):
    assert rule.matches(url) is expected


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(?i)settings", "inline flags are not supported"),
        ("(?P<n>x)", "named groups"),
        ("(unclosed", "a group is not closed"),
        (r"(a)\1", "no backreferences"),
        ("[z-a]", "not a valid regular expression"),
        ("a" * 201, "too long"),
    ],
)
def test_regex_guard(pattern, reason):
    assert reason in error_of(UrlRule, match="regex", value=pattern)


def test_star_outside_glob_is_explained():
    assert "only works in a glob" in error_of(UrlRule, match="prefix", value="/a/*")


def test_schedule_and_audience():
    assert "end date must be after" in error_of(
        Schedule, start_at="2026-02-01T00:00:00Z", end_at="2026-01-01T00:00:00+00:00"
    )
    local = Schedule(start_at="2026-01-01T09:00:00+02:00")
    assert local.model_dump(mode="json", by_alias=True)["startAt"] == "2026-01-01T07:00:00Z"
    assert "needs a number" in error_of(Condition, attribute="seats", op="greater_than", value="ten")
    assert "takes no value" in error_of(Condition, attribute="plan", op="exists", value="x")
    assert "list" in error_of(Condition, attribute="plan", op="one_of", value="pro")
    AudienceRule(conditions=[Condition(attribute="plan", value="pro")])


def test_theme_refuses_css_injection():
    assert error_of(Theme, font_family="x; } body { display:none")
    assert error_of(Theme, primary_color="red")


def test_errors_name_the_guide_and_step_in_words():
    data = {
        "name": "P",
        "guides": [
            {
                "kind": "walkthrough",
                "id": "tour",
                "name": "Welcome tour",
                "steps": [{"id": "a", "title": "ok"}, {"id": "b", "title": "x" * 300}],
            }
        ],
    }
    with pytest.raises(ValidationError) as info:
        Project.model_validate(data)
    lines = describe_errors(info.value, data)
    assert lines == [
        "guide 1 “Welcome tour”, step 2 “" + "x" * 39 + "…”, title: is too long (at most 200 characters)"
    ]


def test_project_reports_dangling_references_without_refusing_to_load():
    guides = one_of_each_kind()
    project = Project(name="P", guides=[g for g in guides if g.id != "tour"])
    assert project.problems() == [
        "checklist 'Start': item 'Take the tour' starts guide 'tour', which does not exist",
        "resource center 'Center': entry 'Take the tour' starts guide 'tour', which does not exist",
    ]
    assert Project(name="P", guides=guides).problems() == []


def test_the_kind_registry_and_the_guide_union_agree():
    """Every kind in the union has a registry entry whose model carries that kind, and no entry more."""
    from typing import get_args

    from studio.domain import Guide

    union = get_args(get_args(Guide)[0])
    assert {cls.model_fields["kind"].default for cls in union} == set(GUIDE_KINDS)
    for kind, entry in GUIDE_KINDS.items():
        assert entry.model.model_fields["kind"].default == kind == entry.kind
        assert entry.parts_key in entry.model.model_fields


def test_a_banner_is_one_step_of_text_and_buttons_without_an_element_or_image():
    from studio.domain import Banner, Button, Media

    def banner(**step):
        return Banner(id="b", name="B", steps=[Step(id="s", body="<p>Hi</p>", **step)])

    assert banner().edge == "top" and banner().push and not banner().cover_header
    assert "has no element" in error_of(
        Banner, id="b", name="B", steps=[{"id": "s", "title": "x", "target": make_target().model_dump()}]
    )
    assert "put images in a modal" in error_of(
        Banner,
        id="b",
        name="B",
        steps=[{"id": "s", "title": "x", "media": Media(src="/a.png", alt="A").model_dump()}],
    )
    assert "no next or previous step" in error_of(
        Banner,
        id="b",
        name="B",
        steps=[{"id": "s", "title": "x", "buttons": [Button(label="Next").model_dump()]}],
    )
    assert banner(buttons=[Button(label="Later", action="close")]).steps[0].buttons[0].label == "Later"


def test_a_launcher_holds_only_its_label_and_opens_another_guide():
    from studio.domain import Launcher

    def make(**step):
        return Launcher(id="l", name="L", guide_id="tour", steps=[Step(id="s", **({"title": "Help"} | step))])

    assert make().style == "button" and make().corner == "bottom_right"
    for step, words in (
        ({"title": " ", "body": "<p>More</p>"}, "a launcher needs a label"),
        ({"body": "<p>More</p>"}, "a launcher shows only its label"),
        ({"buttons": [{"label": "Go", "action": "close"}]}, "a launcher shows only its label"),
    ):
        with pytest.raises(ValidationError, match=words):
            make(**step)
    with pytest.raises(ValidationError, match="opens another guide, not itself"):
        Launcher(id="l", name="L", guide_id="l", steps=[Step(id="s", title="Help")])
    with pytest.raises(ValidationError, match="exactly one step"):
        Launcher(id="l", name="L", guide_id="t", steps=[Step(id="a", title="A"), Step(id="b", title="B")])


def test_an_element_without_role_or_name_is_described_by_its_words():
    """Walk finding (Gentelella): a picked <small> inside a heading read "body > div > … > h3 > small"."""
    from studio.domain import Fingerprint, SelectorCandidate, Target

    path = "body > div > div > div:nth-of-type(3) > div > div > div > h3 > small"
    small = Target(
        candidates=[SelectorCandidate(kind="css", value=path, score=0.3)],
        fingerprint=Fingerprint(tag="small", text="Just add class\n   menu_fixed"),
    )
    assert small.describe() == 'small "Just add class menu_fixed"'
    long = small.model_copy(update={"fingerprint": Fingerprint(tag="span", text="word " * 20)})
    assert long.describe() == 'span "' + ("word " * 8).strip() + '…"'
    bare = small.model_copy(update={"fingerprint": Fingerprint(tag="div")})
    assert bare.describe() == path  # nothing better to say
