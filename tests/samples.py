"""Sample guides shared by the tests."""

from __future__ import annotations

from studio.domain import (
    Advance,
    Announcement,
    Banner,
    Button,
    CenterEntry,
    Checklist,
    ChecklistItem,
    Fingerprint,
    Hotspot,
    Launcher,
    Modal,
    NpsQuestion,
    ResourceCenter,
    SelectorCandidate,
    Step,
    Survey,
    Target,
    Tooltip,
    Walkthrough,
)


def make_target(testid: str = "save", name: str = "Save") -> Target:
    """A small but complete target."""
    return Target(
        candidates=[
            SelectorCandidate(kind="test_id", value=testid, attribute="data-testid", score=0.95),
            SelectorCandidate(kind="role", value="button", name=name, score=0.8),
        ],
        fingerprint=Fingerprint(tag="button", role="button", name=name, text=name),
    )


def one_of_each_kind() -> list:
    """A guide of every kind, wired together (the checklist starts the walkthrough)."""
    tour = Walkthrough(
        id="tour",
        name="Tour",
        steps=[
            Step(id="a", title="Click save", target=make_target(), advance=Advance(mode="click")),
            Step(id="b", title="Done", body="<p>All <b>done</b></p>"),
        ],
    )
    return [
        tour,
        Tooltip(id="tip", name="Tip", steps=[Step(id="t", title="Tip", target=make_target("tip", "Tip"))]),
        Hotspot(id="spot", name="Spot", steps=[Step(id="h", title="New", target=make_target("new", "New"))]),
        Modal(id="hello", name="Hello", steps=[Step(id="m", title="Welcome")]),
        Checklist(
            id="start",
            name="Start",
            title="Get started",
            items=[
                ChecklistItem(
                    id="i1",
                    title="Take the tour",
                    action="start_guide",
                    guide_id="tour",
                    complete_when="guide_completed",
                )
            ],
        ),
        Banner(
            id="notice",
            name="Notice",
            steps=[Step(id="n", body="<p>New reports</p>", buttons=[Button(label="OK", action="close")])],
        ),
        Survey(id="pulse", name="Pulse", questions=[NpsQuestion(id="nps")]),
        Launcher(id="help", name="Help", guide_id="hello", steps=[Step(id="l", title="Help")]),
        ResourceCenter(
            id="center",
            name="Center",
            entries=[CenterEntry(id="e", section="Start", title="Take the tour", guide_id="tour")],
        ),
        Announcement(
            id="whats-new", name="News", date="2026-11-30", steps=[Step(id="a", title="CSV export")]
        ),
    ]
