"""The studio's long work as plain functions with progress and cancel: export, test, preview (no Qt).

Each takes ``progress(message, done, total)`` and a ``threading.Event`` that cancels it, so
the window can run them on a worker thread and a test can call them directly.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..browser.media import STUDIO_MEDIA_BASE
from ..domain import GUIDE_KINDS, Project
from ..domain.pages import step_url
from ..export import ExportError, build_bundle, write_bundle
from ..export.runtime import write_runtime
from ..replay.results import GuideResult
from ..replay.runner import replay, solo_bundle
from .progress import Cancelled, Progress


def load_project(path: Path) -> Project:
    """The saved project, read through a connection of the calling thread (for worker threads)."""
    from ..store import ProjectStore

    with ProjectStore.open(path, readonly=True) as store:
        return store.load()


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, for the success message."""

    path: Path
    guides: int
    size: int
    runtime: Path | None = None
    snippet: Path | None = None
    """The copy-paste embed snippet written with the runtime."""
    warnings: tuple[str, ...] = ()
    """The project check's findings the bundle ships anyway (a guide nobody would see …)."""
    images: int = 0
    """Project images written into ``media/`` beside the bundle."""
    runtime_kinds: tuple[str, ...] = ()
    """The kinds the written runtime plays (the bundle's, unless asked for more)."""
    runtime_full: bool = False
    """Whether the written runtime plays every kind."""
    runtime_gzip: int = 0
    """The written runtime's size, gzip -9."""


def load_for_export(path: Path) -> tuple[Project, dict[str, bytes]]:
    """The saved project and the images its exported guides show, read in one go (worker threads)."""
    from ..export.media import shipped_media
    from ..store import ProjectStore

    with ProjectStore.open(path, readonly=True) as store:
        project = store.load()
        return project, store.media(shipped_media(project.guides))


def export_project(
    project: Project,
    out: Path,
    *,
    runtime: bool,
    progress: Progress,
    cancel: threading.Event,
    media: Mapping[str, bytes] | None = None,
    runtime_kinds: Iterable[str] | None = (),
) -> ExportResult:
    """Write the bundle, its images (``media``: bytes by file name) and the runtime beside it;
    ExportError or OSError say why not. The runtime plays the bundle's kinds and ``runtime_kinds``
    (None: every kind, for bundles published later through bundleUrl)."""
    from ..export.media import shipped_media, write_media

    total = 3 if runtime else 2
    progress("Checking the guides…", 0, total)
    build_bundle(project)  # refuses dangling references before anything is written
    used = shipped_media(project.guides)
    if cancel.is_set():
        raise Cancelled
    progress(f"Writing {out.name}…", 1, total)
    images = len(write_media(out, used, media or {}))
    size = write_bundle(project, out)
    shipped = None
    if runtime:
        progress("Writing the runtime…", 2, total)
        shipped = write_runtime(out, kinds=runtime_kinds)
    progress("Done", total, total)
    enabled = sum(1 for g in project.guides if g.enabled)
    warnings = tuple(problem.message for problem in check_project(project))
    if shipped is None:
        return ExportResult(out, enabled, size, warnings=warnings, images=images)
    return ExportResult(
        out,
        enabled,
        size,
        shipped.script,
        shipped.snippet,
        warnings,
        images,
        runtime_kinds=shipped.kinds,
        runtime_full=shipped.full,
        runtime_gzip=shipped.gzip_bytes,
    )


def check_project(project: Project) -> list:
    """The project check (``studio lint``): guides that would ship broken or that nobody would see."""
    from ..domain.lint import lint

    return lint(project.guides)


def check_project_file(path: Path, _progress: Progress, _cancel: threading.Event) -> list:
    """The project check on the saved project, read on the calling (worker) thread."""
    return check_project(load_project(path))


def preview_bundle(project: Project, guide_id: str) -> dict:
    """A bundle with only this guide (enabled, started by hand) plus the guides it may start."""
    enabled = project.model_copy(
        update={
            "guides": [
                g.model_copy(update={"enabled": True}) if g.id == guide_id else g for g in project.guides
            ]
        }
    )
    bundle = build_bundle(enabled)
    guide = next(g for g in bundle["guides"] if g["id"] == guide_id)
    solo = solo_bundle(bundle, guide)
    others = [dict(g, trigger={"type": "manual"}) for g in bundle["guides"] if g["id"] != guide_id]
    solo["guides"].extend(others)  # reachable from buttons and checklists, never automatic
    return solo


def preview_script(project: Project, guide_id: str, step: int = 0) -> str:
    """An init script that plays the guide from ``step`` once, then the runtime resumes it on each page."""
    bundle = preview_bundle(project, guide_id)
    marker = f"guide-studio-preview-{uuid.uuid4().hex[:12]}"
    return (
        "(function () { var b = " + json.dumps(bundle) + ", m = " + json.dumps(marker) + ";"
        # every preview adds a script to the browser: only the latest plays, on a state of its own
        " window.__guideStudioLatest = m;"
        " function go() { if (!window.GuideRuntime || window.top !== window) return;"
        " if (window.__guideStudioLatest !== m) return;"
        " try { if (sessionStorage.getItem('guide-studio-preview-off')) return; } catch (e) {}"
        " window.__guideStudioPreview = 1;"
        " GuideRuntime.init({bundle: b, storageKey: m, mediaBase: " + json.dumps(STUDIO_MEDIA_BASE) + "});"
        " if (!sessionStorage.getItem(m)) { sessionStorage.setItem(m, '1');"
        f" GuideRuntime.start({json.dumps(guide_id)}, {{step: {int(step)}}}); }} }}"
        " if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go);"
        " else go();"
        " })();"
    )


def preview_url(project: Project, guide_id: str, step: int, base_url: str) -> str:
    """The page the preview opens: where that step lives."""
    return step_url(project.guide(guide_id), step, base_url)


@dataclass(frozen=True)
class Preview:
    """What the studio's browser needs to play a guide: the init script, the page, the images."""

    script: str
    url: str
    images: dict[str, bytes]


def prepare_preview(path: Path, guide_id: str, step: int, base_url: str) -> Preview:
    """Read the saved project (on a worker thread) and prepare the preview of one guide from ``step``."""
    from ..domain.media import used_media
    from ..store import ProjectStore

    with ProjectStore.open(path, readonly=True) as store:
        project = store.load()
        images = store.media(used_media(project.guides))
    return Preview(
        preview_script(project, guide_id, step), preview_url(project, guide_id, step, base_url), images
    )


def check_guides(
    project: Project,
    base_url: str,
    guide_ids: list[str] | None,
    *,
    progress: Progress,
    cancel: threading.Event,
    browser: str | None = None,
    inputs: dict[str, str] | None = None,
) -> list[GuideResult]:
    """Replay the guides headless against ``base_url`` with screenshots; partial results when cancelled.

    ``inputs`` are values to type by ``guide.step`` (what the author gave for secret fields in this
    studio session; never saved)."""
    bundle = build_bundle(project)
    shipped = {g["id"] for g in bundle["guides"]}
    wanted = [g for g in (guide_ids or [g.id for g in project.guides]) if g in shipped]
    if not wanted:
        raise ExportError("nothing to test: the chosen guides are disabled")
    if guide_ids and not any(GUIDE_KINDS[project.guide(g).kind].tested_alone for g in wanted):
        raise ExportError(tested_elsewhere(project, wanted))
    done: list[GuideResult] = []

    def on_result(result: GuideResult) -> None:
        done.append(result)
        progress(f"Tested “{result.name}”", len(done), len(wanted))

    progress(f"Starting the browser for {len(wanted)} guide(s)…", 0, len(wanted))
    return replay(
        bundle,
        base_url,
        guide_ids=wanted,
        browser=browser,
        on_result=on_result,
        cancel=cancel,
        timeout=900,
        inputs=dict(inputs or {}),
    )


def tested_elsewhere(project: Project, guide_ids: list[str]) -> str:
    """Why Test on announcements alone tests nothing, in words, and what to test instead."""
    names = ", ".join(f"“{project.guide(g).name}”" for g in guide_ids)
    one = len(guide_ids) == 1
    centers = [g.name for g in project.guides if g.enabled and getattr(g, "announcements", False) is True]
    if not centers:
        return (
            f"{names} {'is' if one else 'are'} read in a resource center's “What's new” section, and no "
            f"enabled resource center lists announcements: nobody sees {'it' if one else 'them'}. Add a "
            "resource center (or turn its “What's new section” on), then test that."
        )
    listed = " or ".join(f"“{name}”" for name in centers)
    return (
        f"{names} {'is' if one else 'are'} not tested alone: users read announcements in a resource "
        f"center's “What's new” section. Test {listed} instead; its test opens it and checks what it lists."
    )


def check_elements(
    project: Project,
    base_url: str,
    guide_ids: list[str] | None,
    *,
    progress: Progress,
    cancel: threading.Event,
    browser: str | None = None,
) -> list[GuideResult]:
    """The quick check: open each step's page and resolve its element, without playing the guides.

    Faster than ``check_guides`` (no clicks, no callouts), for "did this release move my elements?".
    """
    from ..recorder.drift import check_targets

    chosen = (
        project
        if not guide_ids
        else project.model_copy(update={"guides": [g for g in project.guides if g.id in guide_ids]})
    )
    progress("Opening the app’s pages…", 0, 1)
    results = check_targets(chosen, base_url, browser=browser)
    if cancel.is_set():
        raise Cancelled
    progress("Done", 1, 1)
    return results
