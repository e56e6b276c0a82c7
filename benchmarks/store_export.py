"""Store and export at scale: a project of 1,000 guides x 10 steps."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from studio.domain import (
    Advance,
    AutomaticTrigger,
    Fingerprint,
    Project,
    SelectorCandidate,
    Step,
    Target,
    UrlRule,
    Walkthrough,
)
from studio.export import read_bundle, write_bundle
from studio.store import ProjectStore

GUIDES, STEPS = 1_000, 10


def _target(g: int, s: int) -> Target:
    name = f"Action {g}-{s}"
    return Target(
        candidates=[
            SelectorCandidate(kind="test_id", value=f"act-{g}-{s}", attribute="data-testid", score=0.95),
            SelectorCandidate(kind="role", value="button", name=name, score=0.8),
            SelectorCandidate(kind="css", value=f"main .toolbar > button:nth-of-type({s + 1})", score=0.3),
        ],
        fingerprint=Fingerprint(
            tag="button",
            role="button",
            name=name,
            text=name,
            classes=["btn", "btn-primary"],
            ancestors=["main", f"heading Section {g}"],
            siblings=["Cancel", "Help"],
            index=s,
        ),
    )


def big_project() -> Project:
    """A realistic large project: every step has a target, a page rule and rich text."""
    guides = [
        Walkthrough(
            id=f"guide-{g}",
            name=f"Guide {g}",
            trigger=AutomaticTrigger(url=UrlRule(match="prefix", value=f"/area/{g}")),
            steps=[
                Step(
                    id=f"s{s}",
                    title=f"Step {s} of guide {g}",
                    body=f"<p>Do the <b>thing</b> number {s}, then "
                    f"<a href='https://help.example/{g}'>read more</a>.</p>",
                    target=_target(g, s),
                    page=UrlRule(match="prefix", value=f"/area/{g}"),
                    advance=Advance(mode="click"),
                )
                for s in range(STEPS)
            ],
        )
        for g in range(GUIDES)
    ]
    return Project(name="Scale", guides=guides)


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def rows() -> list[tuple[str, str]]:
    """Figures for the table: (what, value)."""
    out: list[tuple[str, str]] = []
    project, build = _timed(big_project)
    label = f"{GUIDES:,} guides x {STEPS} steps"
    out.append((f"build + validate model ({label})", f"{build:.2f} s"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale.gstudio"
        store, create = _timed(lambda: ProjectStore.create(path, project))
        store.close()
        out.append(
            (f"create project file ({label})", f"{create:.2f} s, {path.stat().st_size / 2**20:.1f} MiB")
        )
        store, opened = _timed(lambda: ProjectStore.open(path))
        summaries, listed = _timed(store.guide_summaries)
        out.append(
            ("open project + list guides", f"{(opened + listed) * 1000:.0f} ms ({len(summaries):,} guides)")
        )
        loaded, load = _timed(store.load)
        out.append(("load whole project", f"{load:.2f} s"))
        edits = []
        guide = loaded.guides[500]
        for i in range(30):
            changed = guide.model_copy(update={"name": f"Renamed {i}"})
            _, elapsed = _timed(lambda changed=changed: store.put_guide(changed))
            edits.append(elapsed)
        out.append(("save one edit (median of 30, fsync'd)", f"{statistics.median(edits) * 1000:.1f} ms"))
        store.close()
        bundle = Path(tmp) / "scale.json"
        size, export = _timed(lambda: write_bundle(loaded, bundle))
        out.append(("export bundle", f"{export:.2f} s, {size / 2**20:.1f} MiB"))
        _, check = _timed(lambda: read_bundle(bundle))
        out.append(("validate bundle (schema, digest, references)", f"{check:.2f} s"))
    return out
