"""What a replay leaves behind on every exit: the JUnit file, the HTML report, the console lines."""

from __future__ import annotations

import itertools
from pathlib import Path

from ..browser.context import DEFAULT_VIEWPORT, Layout, parse_viewports
from .results import GuideResult, StepResult, junit_xml

COLOR_SCHEMES = ("light", "dark", "no-preference")


def layouts_of(
    viewports: str | None, color_scheme: str | None, locale: str | None, reduced_motion: bool
) -> list[Layout]:
    """The layout matrix the options ask for (one layout when none is given); ValueError in words."""
    sizes = parse_viewports(viewports) if viewports else [DEFAULT_VIEWPORT]
    schemes = [s.strip() for s in color_scheme.split(",")] if color_scheme else [None]
    for scheme in schemes:
        if scheme is not None and scheme not in COLOR_SCHEMES:
            raise ValueError(f"--color-scheme takes {', '.join(COLOR_SCHEMES)}, not {scheme!r}")
    locales = [s.strip() for s in locale.split(",")] if locale else [None]
    return [
        Layout(size, scheme, lang, reduced_motion)
        for size, scheme, lang in itertools.product(sizes, schemes, locales)
    ]


def progress_line(result: GuideResult) -> str:
    """``PASS name (5 steps, 1.2 s)`` or ``FAIL … — step 2: covered: …`` as each guide ends."""
    mark = "PASS" if result.passed else "FAIL"
    failed = [s for s in result.steps if s.status == "failed"]
    why = f" — step {failed[0].index + 1}: {failed[0].reason}: {failed[0].detail}" if failed else ""
    where = f" @ {result.layout}" if result.layout and result.layout != Layout().label else ""
    return f"{mark} {result.name}{where} ({len(result.steps)} steps, {result.seconds:.1f} s){why}"


def summary_line(results: list[GuideResult]) -> tuple[str, int]:
    """The closing line and the number of failed steps."""
    steps = [s for r in results for s in r.steps]
    failed = sum(s.status == "failed" for s in steps)
    passed = sum(s.status == "passed" for s in steps)
    line = f"{passed} of {len(steps)} steps passed in {len(results)} guides" + (
        f", {failed} failed" if failed else ""
    )
    return line, failed


def problem_result(problem: str) -> GuideResult:
    """A run that could not start, as one JUnit error (so CI always finds a report)."""
    return GuideResult(
        "replay",
        "Guide replay",
        "run",
        [StepResult("run", 0, "start the replay", "failed", "error", problem, error=True)],
    )


def write_outputs(
    results: list[GuideResult], junit: Path | None, report: Path | None, *, problem: str | None = None
) -> Path | None:
    """Write the JUnit file and the HTML report (whatever ran, plus the problem that stopped the run)."""
    if problem and not results:
        results = [problem_result(problem)]
    page = None
    try:
        if junit is not None:
            junit.parent.mkdir(parents=True, exist_ok=True)
            junit.write_text(junit_xml(results), encoding="utf-8")
        if report is not None:
            from .report import write_report

            page = write_report(results, report)
    except OSError:
        if problem:
            return None  # the problem that stopped the run is the line worth printing
        raise
    return page
