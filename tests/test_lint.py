"""The project check (``studio lint``): each rule found and not found, and the command's exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studio.domain import (
    AutomaticTrigger,
    Button,
    Checklist,
    ChecklistItem,
    Launcher,
    LauncherTrigger,
    Modal,
    Project,
    Step,
    UrlRule,
    Walkthrough,
)
from studio.domain.lint import RULES, lint
from studio.domain.overlap import may_overlap
from studio.export import ExportError, build_bundle, write_bundle
from studio.store import ProjectStore

from .conftest import EXAMPLE_BUNDLE, EXAMPLE_PROJECT
from .samples import make_target


def rule(match: str, value: str, with_query: bool = False) -> UrlRule:
    return UrlRule(match=match, value=value, with_query=with_query)


def auto(value: str, match: str = "exact") -> AutomaticTrigger:
    return AutomaticTrigger(url=rule(match, value))


def tour(
    guide_id: str, *, trigger=None, page: UrlRule | None = None, buttons=(), enabled=True
) -> Walkthrough:
    return Walkthrough(
        id=guide_id,
        name=guide_id.title(),
        trigger=trigger or auto("/home"),
        enabled=enabled,
        steps=[Step(id="s1", title="First", page=page, buttons=list(buttons))],
    )


def manual(guide_id: str, page: UrlRule | None = None) -> Walkthrough:
    """A walkthrough that starts only when asked, its first step on ``page``."""
    data = tour(guide_id, page=page).model_dump() | {"trigger": {"type": "manual"}}
    return Walkthrough.model_validate(data)


def starter(target_id: str, page: str = "/home") -> Modal:
    """An automatic modal on ``page`` with a button that starts ``target_id``."""
    return Modal(
        id=f"start-{target_id}",
        name=f"Start {target_id}",
        trigger=auto(page),
        steps=[
            Step(id="m", title="Hi", buttons=[Button(label="Go", action="start_guide", guide_id=target_id)])
        ],
    )


def rules_of(guides) -> list[str]:
    return [problem.rule for problem in lint(guides)]


# --- can two URL rules ever both match -------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (rule("exact", "/a"), rule("exact", "/a/"), True),
        (rule("exact", "/a"), rule("exact", "/b"), False),
        (rule("exact", "/reports/x"), rule("prefix", "/reports/"), True),
        (rule("exact", "/settings.html"), rule("prefix", "/reports/"), False),
        (rule("exact", "/reports/x/y"), rule("glob", "/reports/*"), False),  # * stops at /
        (rule("exact", "/reports/x/y"), rule("glob", "/reports/**"), True),
        (rule("exact", "/items/42"), rule("regex", r"^/items/\d+$"), True),
        (rule("exact", "/items/new"), rule("regex", r"^/items/\d+$"), False),
        (rule("prefix", "/reports/"), rule("prefix", "/reports/revenue"), True),
        (rule("prefix", "/reports/"), rule("prefix", "/settings"), False),
        (rule("prefix", "/reports/"), rule("glob", "/reports/**"), True),
        (rule("prefix", "/settings"), rule("glob", "/reports/**"), False),
        (rule("glob", "/a/*.html"), rule("glob", "/a/**"), True),
        (rule("glob", "/a/*.html"), rule("glob", "/**.json"), False),
        (rule("glob", "/a/**"), rule("glob", "/b/**"), False),
        (rule("regex", "^/a"), rule("regex", "^/b"), True),  # unsure: never claims disjoint
        (rule("prefix", "/a"), rule("regex", "^/b"), True),
        # An address rule (with ://) and a path rule read different parts of the page address.
        (rule("exact", "https://app.example/a"), rule("exact", "/a"), True),
        (rule("exact", "https://app.example/a"), rule("exact", "/b"), False),
        (rule("prefix", "https://app.example/"), rule("prefix", "/b"), True),
        # A path rule does not know the query a with-query rule asks for.
        (rule("exact", "/a"), rule("prefix", "/a?tab=1", with_query=True), True),
        (rule("exact", "/a?tab=1", with_query=True), rule("exact", "/a"), True),
        (rule("exact", "/a?tab=1", with_query=True), rule("exact", "/b"), False),
        (None, rule("exact", "/a"), True),
    ],
)
def test_rules_overlap_only_when_some_address_matches_both(a, b, overlap):
    assert may_overlap(a, b) is overlap
    assert may_overlap(b, a) is overlap


def test_a_claimed_overlap_is_backed_by_an_address_that_matches_both():
    """Where the check says 'disjoint' for fixed rules, a sweep of addresses agrees."""
    rules = [
        rule("exact", "/a"),
        rule("exact", "/a/b"),
        rule("prefix", "/a"),
        rule("prefix", "/a/"),
        rule("glob", "/a/*"),
        rule("glob", "/a/**"),
        rule("glob", "/*/b"),
        rule("regex", "^/a/[0-9]+$"),
    ]
    paths = ["/", "/a", "/a/", "/a/b", "/a/b/c", "/a/1", "/ab", "/x/b", "/b", "/a/b/"]
    for a in rules:
        for b in rules:
            both = any(a.matches(f"http://h{p}") and b.matches(f"http://h{p}") for p in paths)
            if both:
                assert may_overlap(a, b), (a, b)


# --- one rule at a time ----------------------------------------------------------------------


def test_the_example_project_lints_clean():
    with ProjectStore.open(EXAMPLE_PROJECT, readonly=True) as store:
        assert lint(store.load().guides) == []


def test_a_manual_guide_nothing_starts_is_reported():
    lonely = manual("lonely")
    problems = lint([lonely])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [("never-started", "lonely", "trigger")]
    assert "nothing starts 'Lonely'" in problems[0].message
    assert "add a launcher that opens it" in problems[0].message  # the kind made for it is named
    # started by a button, or by a checklist item: fine
    assert rules_of([lonely, starter("lonely")]) == []
    checklist = Checklist(
        id="c",
        name="C",
        title="C",
        trigger=auto("/home"),
        items=[ChecklistItem(id="i", title="Do it", action="start_guide", guide_id="lonely")],
    )
    assert rules_of([lonely, checklist]) == []
    # a button in a turned-off guide starts nothing
    off = starter("lonely").model_copy(update={"enabled": False})
    assert "never-started" in rules_of([lonely, off])
    assert lint([lonely], ignore=["never-started"]) == []


def test_a_start_guide_button_on_a_page_the_guide_cannot_start_on_is_reported():
    target = manual("target", page=rule("exact", "/settings"))
    problems = lint([target, starter("target", page="/home")])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [
        ("start-elsewhere", "start-target", "steps[0].buttons[0]")
    ]
    assert "waits for /settings" in problems[0].message and "only on /home" in problems[0].message
    assert rules_of([target, starter("target", page="/settings")]) == []
    # the page of the button's step, not only the guide's trigger, says where the button is
    anywhere = starter("target").model_copy(update={"trigger": auto("/", "prefix")})
    assert rules_of([target, anywhere]) == []

    def on_page(value: str) -> Modal:
        step = anywhere.steps[0].model_copy(update={"page": rule("prefix", value)})
        return anywhere.model_copy(update={"steps": [step]})

    assert rules_of([target, on_page("/home")]) == ["start-elsewhere"]
    assert rules_of([target, on_page("/settings")]) == []


def test_where_a_later_step_lives_follows_how_earlier_steps_move_on():
    from studio.domain import Advance
    from studio.domain.pages import step_rule as step_page

    def walk(*steps: Step) -> Walkthrough:
        return Walkthrough(id="w", name="W", trigger=auto("/home"), steps=list(steps))

    plain = Step(id="a", title="A")
    on_settings = Step(id="b", title="B", page=rule("exact", "/settings"))
    to_reports = Step(id="c", title="C", advance=Advance(mode="url", url=rule("prefix", "/reports/")))
    clicks = Step(id="d", title="D", target=make_target(), advance=Advance(mode="click"))
    assert step_page(walk(plain, plain.model_copy(update={"id": "x"})), 1).value == "/home"
    assert step_page(walk(on_settings, plain), 1).value == "/settings"
    assert step_page(walk(to_reports, plain), 1).value == "/reports/"
    assert step_page(walk(clicks, plain), 1) is None  # the click may have gone anywhere
    assert step_page(walk(clicks, on_settings), 1).value == "/settings"


def test_a_checklist_item_on_pages_the_guide_cannot_start_on_is_reported():
    target = manual("target", page=rule("exact", "/settings"))
    checklist = Checklist(
        id="c",
        name="C",
        title="C",
        trigger=auto("/reports/", "prefix"),
        items=[ChecklistItem(id="i", title="Set up", action="start_guide", guide_id="target")],
    )
    assert rules_of([target, checklist]) == ["start-elsewhere"]
    everywhere = checklist.model_copy(update={"trigger": auto("/", "prefix")})
    assert rules_of([target, everywhere]) == []


def test_two_launchers_on_one_element_are_reported():
    help_a = tour("help-a", trigger=LauncherTrigger(element=make_target("help", "Help")))
    help_b = tour("help-b", trigger=LauncherTrigger(element=make_target("help", "Help me")))
    other = tour("other", trigger=LauncherTrigger(element=make_target("faq", "FAQ")))
    problems = lint([help_a, help_b, other])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [("same-spot", "help-b", "trigger.element")]
    assert rules_of([help_a, other]) == []


def test_two_checklists_in_one_corner_on_the_same_pages_are_reported():
    def checklist(guide_id: str, page: str, position: str = "bottom_right") -> Checklist:
        return Checklist(
            id=guide_id,
            name=guide_id,
            title="Tasks",
            position=position,
            trigger=auto(page, "prefix"),
            items=[ChecklistItem(id="i", title="Tick")],
        )

    problems = lint([checklist("one", "/"), checklist("two", "/reports/")])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [("same-spot", "two", "position")]
    assert rules_of([checklist("one", "/"), checklist("two", "/", "bottom_left")]) == []
    assert rules_of([checklist("one", "/settings"), checklist("two", "/reports/")]) == []


def launcher(guide_id: str, opens: str = "t", page: str = "/", **fields) -> Launcher:
    step = fields.pop("step", None) or Step(id="s", title="Help")
    return Launcher(
        id=guide_id, name=guide_id, guide_id=opens, trigger=auto(page, "prefix"), steps=[step], **fields
    )


def test_launchers_sharing_a_corner_or_a_side_of_one_element_are_reported():
    checklist = Checklist(
        id="c",
        name="c",
        title="Tasks",
        trigger=auto("/", "prefix"),
        items=[ChecklistItem(id="i", title="Tick")],
    )
    problems = lint([tour("t"), checklist, launcher("a"), launcher("b", corner="bottom_left")])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [("same-spot", "a", "corner")]
    assert "the runtime stacks them" in problems[0].message
    assert rules_of([tour("t"), launcher("a"), launcher("b", page="/x/", corner="bottom_left")]) == []
    beside = Step(id="s", title="About saving", target=make_target(), placement="right")
    problems = lint([tour("t"), launcher("a", step=beside), launcher("b", step=beside)])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [("same-spot", "b", "steps[0].placement")]
    left = beside.model_copy(update={"placement": "left"})
    assert rules_of([tour("t"), launcher("a", step=beside), launcher("b", step=left)]) == []


def test_a_launcher_of_a_missing_or_turned_off_guide_blocks_export():
    problems = lint([launcher("a", opens="ghost")])
    assert [(p.rule, p.field, p.blocks_export) for p in problems] == [("missing-guide", "guide_id", True)]
    assert problems[0].message == "launcher 'Help' starts guide 'ghost', which does not exist"
    with pytest.raises(ExportError, match="launcher 'Help' starts guide 'T', which is turned off"):
        build_bundle(Project(name="P", guides=[tour("t", enabled=False), launcher("a")]))
    assert rules_of([manual("t"), launcher("a")]) == []  # the launcher starts it


def test_a_first_step_on_a_page_the_guide_never_starts_on_is_reported():
    problems = lint([tour("t", trigger=auto("/dashboard"), page=rule("exact", "/settings"))])
    assert [(p.rule, p.field) for p in problems] == [("page-never-matches", "steps[0].page")]
    assert rules_of([tour("t", trigger=auto("/", "prefix"), page=rule("exact", "/settings"))]) == []
    assert rules_of([tour("t", trigger=auto("/settings"), page=rule("exact", "/settings/"))]) == []


def test_starting_a_turned_off_guide_is_reported_and_blocks_export():
    off = tour("later", enabled=False)
    problems = lint([off, starter("later")])
    assert [(p.rule, p.guide_id, p.blocks_export) for p in problems] == [
        ("disabled-guide", "start-later", True)
    ]
    assert "which is turned off" in problems[0].message
    with pytest.raises(ExportError, match="starts guide 'Later', which is turned off"):
        build_bundle(Project(name="P", guides=[off, starter("later")]))
    # a turned-off guide that nothing shipped starts is fine
    assert rules_of([off, tour("home")]) == []


def test_missing_guides_and_shared_ids_block_export():
    problems = lint([starter("ghost"), tour("dup"), tour("dup")])
    assert {p.rule for p in problems} == {"missing-guide", "shared-id"}
    assert all(p.blocks_export for p in problems)


def test_every_rule_is_named():
    assert set(RULES) == {
        "shared-id",
        "missing-guide",
        "disabled-guide",
        "never-started",
        "start-elsewhere",
        "same-spot",
        "page-never-matches",
        "empty-text",
        "starter-text",
        "sign-in-start",
        "nobody-asked",
    }


def test_a_guide_starting_by_itself_on_a_sign_in_page_is_warned():
    from studio.domain import Fingerprint, Target

    password = Target(
        candidates=[{"kind": "label", "value": "Password", "score": 0.8}],
        fingerprint=Fingerprint(tag="input", attributes={"type": "password"}),
    )
    on_login = tour("rec", trigger=auto("/login"))
    secret_first = Walkthrough(
        id="rec2",
        name="Rec2",
        trigger=auto("/start"),
        steps=[
            Step(id="a", title="Type the email"),
            Step(id="b", title="Type the password", target=password, advance={"mode": "input"}),
        ],
    )
    asked = Walkthrough(id="asked", name="Asked", steps=[Step(id="a", title="Sign in", target=password)])
    problems = [(p.rule, p.guide_id) for p in lint([on_login, secret_first, asked, starter("asked")])]
    assert ("sign-in-start", "rec") in problems and ("sign-in-start", "rec2") in problems
    assert not any(guide == "asked" for rule, guide in problems)  # started from a button: fine
    assert "sign-in page (/login)" in lint([on_login])[0].message
    assert rules_of([tour("home", trigger=auto("/users/sign_in"))]) == ["sign-in-start"]
    assert rules_of([tour("home", trigger=auto("/settings/login-history"))]) == []
    assert rules_of([tour("home", trigger=auto("/settings"))]) == []


def test_untouched_starter_text_and_wordless_steps_are_warned_not_blocking():
    from studio.domain import Media, Tooltip

    untouched = Tooltip(
        id="tip",
        name="Tip",
        trigger=auto("/"),
        steps=[
            Step(id="s", title="Tip", body="<p>What this control does.</p>", target=make_target("x", "X"))
        ],
    )
    cleared = Tooltip(
        id="tip2",
        name="Tip 2",
        trigger=auto("/"),
        steps=[Step(id="s", title="Tip", body="<p><br></p>", target=make_target("x", "X"))],
    )
    wordless = Modal(
        id="pic", name="Picture", trigger=auto("/"), steps=[Step(id="s", media=Media(src="/a.png", alt="A"))]
    )
    written = Tooltip(
        id="tip3",
        name="Tip 3",
        trigger=auto("/"),
        steps=[Step(id="s", title="Tip", body="<p>Saves your draft.</p>", target=make_target("x", "X"))],
    )
    problems = lint([untouched, cleared, wordless, written])
    assert [(p.rule, p.guide_id, p.field) for p in problems] == [
        ("starter-text", "tip", "steps[0].body"),
        ("starter-text", "tip2", "steps[0].body"),
        ("empty-text", "pic", "steps[0].body"),
    ]
    assert "What this control does." in problems[0].message
    assert not any(p.blocks_export for p in problems)
    build_bundle(Project(name="P", guides=[untouched, wordless]))  # warned, still exported


# --- the command ---------------------------------------------------------------------------


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def unseen_project(tmp_path: Path) -> Path:
    """A project that exports, but whose second guide nobody would see."""
    project = Project(
        name="P",
        guides=[
            tour("home"),
            tour("never", trigger=auto("/a"), page=rule("exact", "/b")),
        ],
    )
    path = tmp_path / "unseen.gstudio"
    ProjectStore.create(path, project).close()
    return path


def test_lint_command_passes_the_example_project_and_bundle():
    for path in (EXAMPLE_PROJECT, EXAMPLE_BUNDLE):
        result = studio("lint", str(path))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("ok:")


def test_lint_command_fails_with_one_line_per_problem_on_project_and_bundle(unseen_project, tmp_path):
    result = studio("lint", str(unseen_project))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "never steps[0].page: 'Never' starts on /a, but its first step is on /b, which is never one "
        "of those pages; the guide would never show"
    ]
    # export still writes the bundle (the app may know better) but names the problem
    bundle = tmp_path / "unseen.json"
    exported = studio("export", str(unseen_project), "-o", str(bundle))
    assert exported.returncode == 0 and bundle.exists()
    assert "warning: never steps[0].page:" in exported.stderr
    from_bundle = studio("lint", str(bundle))
    assert from_bundle.returncode == 1 and from_bundle.stdout == result.stdout
    assert studio("lint", "--ignore", "page-never-matches", str(bundle)).returncode == 0


def test_lint_command_refuses_bad_input_with_exit_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    tampered = tmp_path / "tampered.json"
    data = json.loads(EXAMPLE_BUNDLE.read_text())
    data["guides"][0]["name"] = "changed"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    fake_project = tmp_path / "fake.gstudio"
    fake_project.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    for path, words in (
        (tmp_path / "missing.gstudio", "cannot read"),
        (broken, "not valid JSON"),
        (tampered, "digest mismatch"),
        (fake_project, ""),
    ):
        result = studio("lint", str(path))
        assert result.returncode == 2, (path, result.stdout, result.stderr)
        assert result.stderr.startswith("error: ") and words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert studio("lint", "--ignore", "nope", str(EXAMPLE_BUNDLE)).returncode == 2


def test_a_bundle_written_by_the_library_lints_like_its_project(tmp_path):
    project = Project(name="P", guides=[tour("home"), manual("lonely")])
    bundle = tmp_path / "b.json"
    write_bundle(project, bundle)
    assert [p.line() for p in lint(project.guides)] == studio("lint", str(bundle)).stdout.splitlines()
