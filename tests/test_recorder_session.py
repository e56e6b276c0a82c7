"""The recorder session, headless against the demo app and fixture pages."""

from __future__ import annotations

import queue

import pytest

from studio.browser import BrowserNotFound
from studio.domain import next_free_id
from studio.recorder import RecorderEvent, RecorderSession, step_from_capture

from .runtime_helpers import html

PNG = b"\x89PNG\r\n\x1a\n"


class Recording:
    """A headless session whose events land in a queue."""

    def __init__(self, **options) -> None:
        self.events: queue.Queue[RecorderEvent] = queue.Queue()
        self.session = RecorderSession(self.events.put, headless=True, **options)

    def next(self, kind: str, timeout: float = 30) -> RecorderEvent:
        while True:
            event = self.events.get(timeout=timeout)
            if event.kind == "error":
                raise AssertionError(event.message)
            if event.kind == kind:
                return event

    def do(self, fn):
        return self.session.call(fn).result(timeout=15)


@pytest.fixture
def recording():
    made: list[Recording] = []

    def start(url: str, mode: str = "record", **options) -> Recording:
        rec = Recording(**options)
        made.append(rec)
        rec.session.start(url, mode)
        rec.next("started", timeout=45)  # a loaded CI machine can take a while to start Chromium
        return rec

    yield start
    for rec in made:
        rec.session.stop()


def test_a_click_through_of_the_demo_app(recording, demo_server):
    rec = recording(demo_server.url + "/index.html")
    rec.do(lambda p: p.get_by_label("Work email").fill("dana@example.com"))
    rec.do(lambda p: p.get_by_label("Work email").press("Tab"))
    email = rec.next("capture").capture
    rec.do(lambda p: p.get_by_label("Password").fill("hunter2"))
    rec.do(lambda p: p.get_by_label("Password").press("Tab"))
    password = rec.next("capture").capture
    rec.do(lambda p: p.get_by_test_id("sign-in").click())
    sign_in = rec.next("capture").capture
    rec.do(lambda p: p.wait_for_url("**/dashboard.html"))
    rec.do(lambda p: p.get_by_test_id("nav-settings").click())
    settings = rec.next("capture").capture

    assert (email.kind, email.name, email.value, email.sensitive) == (
        "input",
        "Work email",
        "dana@example.com",
        False,
    )
    assert (password.kind, password.value, password.sensitive) == ("input", None, True)
    assert sign_in.kind == "click" and sign_in.name == "Sign in" and sign_in.url.endswith("/index.html")
    assert settings.url.endswith("/dashboard.html") and settings.target.candidates[0].value == "nav-settings"
    for cap in (email, sign_in, settings):
        assert cap.screenshot.startswith(PNG) and cap.thumbnail.startswith(PNG)
        assert len(cap.thumbnail) < len(cap.screenshot)
        assert cap.confidence >= 0.8
    steps = []
    for cap in (email, password, sign_in, settings):
        steps.append(step_from_capture(cap, next_free_id("step", (s.id for s in steps))))
    assert [s.title for s in steps] == [
        "Type into Work email",
        "Type into Password",
        "Click Sign in",
        "Click Settings",
    ]
    assert [s.id for s in steps] == ["step-1", "step-2", "step-3", "step-4"]
    assert [s.advance.mode.value for s in steps] == ["input", "input", "click", "click"]
    assert steps[3].page.value == "/dashboard.html"
    # what was typed into the email field is the test's sample input; the password never is
    assert [s.advance.sample_input for s in steps] == ["dana@example.com", None, None, None]


def test_captures_become_saved_steps_with_pictures(recording, demo_server, tmp_path):
    """The path the studio runs: a capture handed to the session becomes an undoable step with pictures."""
    from studio.app import ProjectSession
    from studio.domain import Project, Step, Walkthrough
    from studio.store import ProjectStore

    path = tmp_path / "rec.gstudio"
    with ProjectStore.create(
        path,
        Project(
            name="Rec",
            guides=[Walkthrough(id="tour", name="Tour", steps=[Step(id="step-1", title="Welcome")])],
        ),
    ):
        pass
    session = ProjectSession.open(path)
    try:
        rec = recording(demo_server.url + "/dashboard.html")
        rec.do(lambda p: p.get_by_test_id("nav-customers").click())
        draft, index = session.guides.add_capture("tour", "Tour", rec.next("capture").capture)
        step = draft.saved.steps[index]
    finally:
        session.close()
    with ProjectStore.open(path, readonly=True) as store:
        saved = store.get_guide("tour").steps
        assert [s.id for s in saved] == ["step-1", "step-2"] and saved[1].title == "Click Customers"
        assert saved[1].page.value == "/dashboard.html" and step == saved[1]
        assert store.step_image("tour", "step-2", "screenshot").startswith(PNG)
        assert store.step_image("tour", "step-2", "thumbnail").startswith(PNG)


def test_typed_values_become_sample_input_but_never_secrets(recording, server):
    url = server.page(
        "/form.html",
        html(
            '<label for="n">Name</label><input id="n">'
            '<label for="c">Card</label><input id="c" autocomplete="cc-number">'
        ),
    )
    rec = recording(url)
    rec.do(lambda p: (p.get_by_label("Name").fill("Acme"), p.get_by_label("Name").press("Tab")))
    name = rec.next("capture").capture
    rec.do(lambda p: (p.get_by_label("Card").fill("4111111111111111"), p.get_by_label("Card").press("Tab")))
    card = rec.next("capture").capture
    assert name.value == "Acme" and step_from_capture(name, "s").advance.sample_input == "Acme"
    assert card.value is None and card.sensitive is True
    assert step_from_capture(card, "s").advance.sample_input is None


def test_values_can_be_left_out(recording, server):
    url = server.page("/name.html", html('<label for="n">Name</label><input id="n">'))
    rec = recording(url, capture_values=False)
    rec.do(lambda p: (p.get_by_label("Name").fill("Acme"), p.get_by_label("Name").press("Tab")))
    name = rec.next("capture").capture
    assert name.value is None and step_from_capture(name, "s").advance.sample_input is None


def test_pick_mode_swallows_the_click(recording, demo_server):
    rec = recording(demo_server.url + "/dashboard.html", mode="pick")
    rec.do(lambda p: p.get_by_test_id("create-invoice").click())
    picked = rec.next("capture").capture
    assert picked.kind == "pick" and picked.name == "+ Create invoice"
    assert rec.do(lambda p: p.get_by_role("status").count()) == 0  # the app never saw the click
    assert rec.session.mode == "pause"
    rec.do(lambda p: p.get_by_test_id("create-invoice").click())  # paused: the app works normally
    assert rec.do(lambda p: p.get_by_role("status").inner_text()) == "Draft invoice #1043 created"
    assert rec.events.empty() or all(e.kind != "capture" for e in list(rec.events.queue))


def test_mode_switches_reach_the_page_and_new_pages(recording, demo_server):
    rec = recording(demo_server.url + "/dashboard.html", mode="pause")
    rec.session.set_mode("record")
    rec.next("mode")
    assert rec.do(lambda p: p.evaluate("GuideRecorder.mode()")) == "record"
    assert rec.do(lambda p: p.get_by_role("toolbar", name="Guide Studio recorder").is_visible())
    rec.do(lambda p: p.get_by_test_id("nav-settings").hover())
    label = rec.do(lambda p: p.locator("[data-guide-recorder] .tag").inner_text())
    assert (
        label.startswith('link "Settings"')
        and label.endswith("% findable")
        and int(label.split()[-2][:-1]) >= 80
    )
    rec.do(lambda p: p.get_by_test_id("nav-settings").click())
    rec.next("capture")
    rec.do(lambda p: p.wait_for_url("**/settings.html"))
    assert rec.do(lambda p: p.evaluate("GuideRecorder.mode()")) == "record"  # a new page asks for the mode
    rec.do(lambda p: p.keyboard.press("Escape"))
    assert rec.next("mode").mode == "pause"


def test_new_tabs_and_iframes_are_followed(recording, server):
    server.page("/frame.html", html('<button data-testid="in-frame">Frame button</button>'))
    server.page("/other.html", html('<button data-testid="in-tab">Tab button</button>'))
    url = server.page(
        "/app.html",
        html(
            '<a href="/other.html" target="_blank" data-testid="open">Open</a>'
            '<iframe id="help" src="/frame.html"></iframe>'
        ),
    )
    rec = recording(url)
    rec.do(lambda p: p.frame_locator("#help").get_by_test_id("in-frame").click())
    in_frame = rec.next("capture").capture
    assert in_frame.target.frame_path == ["#help"] and in_frame.name == "Frame button"
    rec.do(lambda p: p.get_by_test_id("open").click())
    seen = {rec.events.get(timeout=10).kind, rec.events.get(timeout=10).kind}
    assert seen == {"capture", "page"}  # the click, and the new tab it opened
    rec.do(lambda p: (p.wait_for_load_state(), p.get_by_test_id("in-tab").click()))
    in_tab = rec.next("capture").capture
    assert in_tab.url.endswith("/other.html") and in_tab.name == "Tab button"


def test_missing_browser_is_one_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("STUDIO_BROWSER", str(tmp_path / "no-chrome"))
    session = RecorderSession(lambda e: None, headless=True)
    with pytest.raises(BrowserNotFound, match="apt-get install chromium"):
        session.start("http://127.0.0.1:9/")
    assert not session.running


def test_unreachable_url_is_reported_and_the_session_ends(demo_server):
    events: queue.Queue[RecorderEvent] = queue.Queue()
    session = RecorderSession(events.put, headless=True)
    session.start("http://127.0.0.1:9/nothing-here")
    assert session.wait_ended(30)
    kinds = []
    while not events.empty():
        event = events.get()
        kinds.append(event.kind)
        if event.kind == "error":
            assert event.message.startswith("cannot open http://127.0.0.1:9/nothing-here")
    assert kinds == ["error", "ended"]


def test_repick_gives_a_step_a_new_target(recording, demo_server, tmp_path):
    import shutil

    from studio.app import ProjectSession

    from .conftest import EXAMPLE_PROJECT

    copy = tmp_path / "example.gstudio"
    shutil.copy(EXAMPLE_PROJECT, copy)
    session = ProjectSession.open(copy)
    try:
        url = session.step_page("settings-tour", "time-zone", demo_server.url + "/")
        assert url == demo_server.url + "/settings.html"
        rec = recording(url, mode="pick")
        rec.do(lambda p: p.get_by_label("Currency").click())
        picked = rec.next("capture").capture
        assert session.guides.apply_pick("settings-tour", ("steps", 2, "target"), picked)
        store = session.store
        assert store.get_guide("settings-tour").steps[2].target.fingerprint.name == "Currency"
        assert store.get_guide("settings-tour").steps[2].target.candidates[0].value == "#currency"
        assert store.step_image("settings-tour", "time-zone").startswith(PNG)
        session.undo()  # the pick and its pictures go back together
        assert store.get_guide("settings-tour").steps[2].target.fingerprint.name != "Currency"
        assert store.step_image("settings-tour", "time-zone") is None
    finally:
        session.close()


def test_the_next_browser_opens_signed_in_as_the_last_one_was(recording, demo_server):
    """A preview after a recording reuses the author's session (cookies and local storage)."""
    first = recording(demo_server.url + "/index.html")
    first.do(lambda p: p.evaluate("localStorage.setItem('ledgerly-user', 'ana@example.com')"))
    first.session.stop()
    kept = first.session.signed_in
    assert any(
        item["name"] == "ledgerly-user" for origin in kept["origins"] for item in origin["localStorage"]
    )
    second = Recording()
    second.session.start(demo_server.url + "/dashboard.html", "pause", storage_state=kept)
    try:
        second.next("started")
        assert second.do(lambda p: p.evaluate("localStorage.getItem('ledgerly-user')")) == "ana@example.com"
    finally:
        second.session.stop()


def test_picking_after_a_preview_clears_the_preview_first(recording, demo_server):
    """Walk finding (c): the preview's callout is gone before the author picks (and stays gone)."""
    from studio.app.recording import preview_in_browser
    from studio.app.tasks import Preview, preview_script
    from studio.domain import ManualTrigger, Project, Step, Walkthrough

    project = Project(
        name="P",
        guides=[
            Walkthrough(
                id="t", name="T", trigger=ManualTrigger(), steps=[Step(id="s", title="Preview callout")]
            )
        ],
    )
    rec = recording(demo_server.url + "/index.html", "pause")
    url = demo_server.url + "/index.html"
    rec.do(lambda p: preview_in_browser(p, Preview(preview_script(project, "t"), url, {})))
    shown = "() => !!document.querySelector('[data-guide-runtime]')?.shadowRoot?.querySelector('.gs-callout')"
    rec.do(lambda p: p.wait_for_function(shown, timeout=10_000))
    rec.session.set_mode("pick")
    rec.next("mode")
    assert rec.do(lambda p: p.evaluate(shown)) is False
    rec.do(lambda p: p.reload(wait_until="domcontentloaded"))
    rec.do(lambda p: p.wait_for_timeout(300))
    assert rec.do(lambda p: p.evaluate(shown)) is False  # not re-armed on the next page
    rec.session.set_mode("pause")
    rec.do(
        lambda p: preview_in_browser(p, Preview(preview_script(project, "t"), url, {}))
    )  # a new preview plays again
    rec.do(lambda p: p.wait_for_function(shown, timeout=10_000))


def test_a_second_preview_in_the_same_browser_plays_from_its_own_step(recording, demo_server):
    """Walk finding: F5 on step 2, then F5 on step 1 in the same browser showed nothing."""
    from studio.app.recording import preview_in_browser
    from studio.app.tasks import Preview, preview_script
    from studio.domain import ManualTrigger, Project, Step, UrlRule, Walkthrough

    project = Project(
        name="P",
        guides=[
            Walkthrough(
                id="t",
                name="T",
                trigger=ManualTrigger(),
                steps=[
                    Step(
                        id="a",
                        title="First on the dashboard",
                        page=UrlRule(match="exact", value="/dashboard.html"),
                    ),
                    Step(id="b", title="Then settings", page=UrlRule(match="exact", value="/settings.html")),
                ],
            )
        ],
    )
    rec = recording(demo_server.url + "/index.html", "pause")
    title = "() => document.querySelector('[data-guide-runtime]')?.shadowRoot?.querySelector('.gs-title')?.textContent"
    for step, page, expected in (
        (1, "/settings.html", "Then settings"),
        (0, "/dashboard.html", "First on the dashboard"),
    ):
        preview = Preview(preview_script(project, "t", step), demo_server.url + page, {})
        rec.do(lambda p, preview=preview: preview_in_browser(p, preview))
        rec.do(
            lambda p, expected=expected: p.wait_for_function(
                f"() => ({title})() === {expected!r}", timeout=10_000
            )
        )


def test_a_survey_preview_starts_at_the_question_being_edited(recording, demo_server):
    """Walk finding: Preview on question 3 of a survey always asked question 1 (the runtime ignored the
    step the preview starts from, as a walkthrough's step is honoured)."""
    from studio.app.recording import preview_in_browser
    from studio.app.tasks import Preview, preview_script
    from studio.domain import ManualTrigger, Project, Survey

    texts = ["First: how are we doing?", "Second: what do you use?", "Third: anything else?"]
    survey = Survey.model_validate(
        {
            "id": "s",
            "name": "Pulse",
            "trigger": ManualTrigger().model_dump(),
            "questions": [
                {"id": "q1", "type": "csat", "text": texts[0]},
                {"id": "q2", "type": "rating", "text": texts[1]},
                {"id": "q3", "type": "open_text", "text": texts[2]},
            ],
        }
    )
    project = Project(name="P", guides=[survey])
    rec = recording(demo_server.url + "/index.html", "pause")
    shown = (
        "() => { var r = document.querySelector('[data-guide-runtime]')?.shadowRoot;"
        " return r && r.querySelector('.gs-survey legend')?.textContent + ' | '"
        " + r.querySelector('.gs-survey .gs-progress')?.textContent; }"
    )
    for question, expected in (
        (2, f"{texts[2]} | 3 of 3"),
        (1, f"{texts[1]} | 2 of 3"),
        (0, f"{texts[0]} | 1 of 3"),
    ):
        preview = Preview(preview_script(project, "s", question), demo_server.url + "/dashboard.html", {})
        rec.do(lambda p, preview=preview: preview_in_browser(p, preview))
        rec.do(
            lambda p, expected=expected: p.wait_for_function(
                f"() => ({shown})() === {expected!r}", timeout=10_000
            )
        )


GENTELELLA_FORM = html(
    '<ul class="side-menu"><li><a><i class="fa fa-edit"></i> Forms <span class="fa fa-chevron-down"></span></a></li></ul>'
    '<form><label for="first-name">First Name <span class="required">*</span></label>'
    '<input type="text" id="first-name" required></form>'
    '<div hidden><label for="first-name">First Name <span class="required">*</span></label></div>'
)


def test_recorded_titles_read_as_an_author_would_write_them_on_a_real_dashboards_markup(recording, server):  # noqa: F811
    """Gentelella's menu entries are <a> without href (no role) and its form labels one field twice with a
    required mark: the steps were 'Click a "Forms"' and 'Type into First Name * First Name *' — titles users see."""
    rec = recording(server.page("/form.html", GENTELELLA_FORM))
    rec.do(lambda p: p.get_by_text("Forms").click())
    menu = rec.next("capture").capture
    rec.do(lambda p: p.locator("#first-name").fill("Ada"))
    rec.do(lambda p: p.locator("#first-name").press("Tab"))
    field = rec.next("capture").capture
    assert [step_from_capture(c, "s").title for c in (menu, field)] == ["Click Forms", "Type into First Name"]
    # the studio's status bar names the step the same way (it said "input on First Name * First Name *")
    from studio.ui.recording import describe

    assert describe(RecorderEvent("capture", capture=field)) == "Recorded: Type into First Name"
