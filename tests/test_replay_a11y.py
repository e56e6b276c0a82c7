"""--a11y: axe-core with each step shown; the guide's own violations fail, the app's are listed apart."""

from __future__ import annotations

from studio.domain import AutomaticTrigger, SelectorCandidate, Step, Target, Tooltip, UrlRule
from studio.replay import junit_xml, replay

from .runtime_helpers import bundle_of, html


def tip(gid: str, body: str) -> Tooltip:
    return Tooltip(
        id=gid,
        name=gid,
        show_on="always",
        trigger=AutomaticTrigger(url=UrlRule(match="exact", value="/a11y.html")),
        steps=[
            Step(
                id="s",
                title="Export",
                body=body,
                target=Target(
                    candidates=[SelectorCandidate(kind="test_id", value="act", attribute="data-testid")]
                ),
                wait_ms=1000,
            )
        ],
    )


def test_the_guides_own_violations_fail_and_the_apps_are_listed_apart(server):
    # The app's own problem: an image without a text alternative.
    server.page("/a11y.html", html('<button data-testid="act">Export</button><img src="/nowhere.png">'))
    bundle = bundle_of(
        tip("clean", "<p>Exports every invoice as CSV.</p>"),
        tip("no-alt", '<p>Exports <img src="/favicon.svg"> as CSV.</p>'),
    )
    ran = replay(bundle, server.url + "/", screenshots=False, a11y=True)
    results = {r.guide_id: r.steps[0] for r in ran}
    clean, broken = results["clean"], results["no-alt"]
    assert clean.status == "passed", clean.detail
    assert "image-alt" in clean.notes and "not failed" in clean.notes
    assert (broken.status, broken.reason) == ("failed", "a11y") and "image-alt" in broken.detail
    assert "<system-out>" in junit_xml(ran)
